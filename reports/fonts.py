"""Unicode text for reportlab: font registration, per-character fallback, and markup escaping.

reportlab's Paragraph takes a small XML markup, so user text (notes, transcripts, file names) is escaped
first: a note saying "<b> & co" prints exactly that. Then each run of characters is wrapped in the first
registered font that has glyphs for it, so Malay, Tamil and Chinese mix in one line without empty boxes.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfbase.ttfonts import TTFont

from reports.types import FontSet


def _utf16_to_unicode_cmap(fontname: str, subset: list[int]) -> str:
    """reportlab's ToUnicode map, with characters beyond U+FFFF written as UTF-16 (surrogate pairs) as the PDF
    format requires: reportlab writes <1F319>, so text extracted or copied from a report loses every emoji."""
    text = _reportlab_cmap(fontname, subset)
    for index, code in enumerate(subset):
        if code > 0xFFFF:
            utf16 = chr(code).encode("utf-16-be").hex().upper()
            text = text.replace(f"<{index:02X}> <{code:04X}>", f"<{index:02X}> <{utf16}>")
    return text


_reportlab_cmap = ttfonts.makeToUnicodeCMap
ttfonts.makeToUnicodeCMap = _utf16_to_unicode_cmap


@dataclass(frozen=True)
class RegisteredFont:
    name: str
    codepoints: frozenset[int]


class Fonts:
    """Registered fonts for one FontSet: `main`/`bold` names for styles, `markup()` for fallback runs."""

    def __init__(self, fonts: FontSet) -> None:
        self.regular = [self._register(path) for path in fonts.regular]
        self.bold = [self._register(path) for path in (fonts.bold or fonts.regular)]
        if not self.regular:
            raise ValueError("a report needs at least one TrueType font")
        self.main = self.regular[0].name
        self.main_bold = self.bold[0].name
        family = f"{self.main}-family"
        if family not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFontFamily(self.main, normal=self.main, bold=self.main_bold, italic=self.main,
                                          boldItalic=self.main_bold)

    @staticmethod
    def _register(path: Path) -> RegisteredFont:
        name = Path(path).stem
        if name not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(name, str(path)))
        font = pdfmetrics.getFont(name)
        return RegisteredFont(name, frozenset(font.face.charToGlyph))

    def font_for(self, char: str, bold: bool = False) -> str | None:
        """The first font of the chain with a glyph for `char`, or None when no font has one."""
        chain = self.bold if bold else self.regular
        code = ord(char)
        for font in chain:
            if code in font.codepoints:
                return font.name
        return None

    @staticmethod
    def visible(char: str) -> str:
        """What to print for a character no font has: nothing for an invisible format character (a variation
        selector, a zero-width joiner), else its name, so it never silently vanishes from a report."""
        if unicodedata.category(char) in {"Cf", "Mn", "Me"} or 0xFE00 <= ord(char) <= 0xFE0F:
            return ""
        return f"[U+{ord(char):04X} {unicodedata.name(char, '')}]".replace(" ]", "]")

    def markup(self, text: str, bold: bool = False) -> str:
        """Escape `text` and wrap runs that need another font in <font name=…>."""
        main = self.main_bold if bold else self.main
        pieces: list[str] = []
        run: list[str] = []
        current = main
        for char in text:
            font = main if char.isspace() or char.isascii() else self.font_for(char, bold)
            if font is None:
                char, font = self.visible(char), main
            if font != current and run:
                pieces.append(self._wrap("".join(run), current, main))
                run = []
            current = font
            run.append(char)
        if run:
            pieces.append(self._wrap("".join(run), current, main))
        return "".join(pieces)

    @staticmethod
    def _wrap(text: str, font: str, main: str) -> str:
        escaped = escape(text).replace("\n", "<br/>")
        return escaped if font == main else f'<font name="{font}">{escaped}</font>'
