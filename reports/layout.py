"""Shared PDF furniture: paragraph styles, severity colours, table styling and numbered pages."""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph, Table, TableStyle

from reports.fonts import Fonts
from reports.types import SEVERITY_HEX
from reports.types import STATUS_COLOURS as STATUS_COLOURS  # re-exported for the report modules
from reports.types import clock as clock

PAGE = A4
MARGIN = 16 * mm
SEVERITY_COLOURS = {name: colors.HexColor(hex_colour) for name, hex_colour in SEVERITY_HEX.items()}


class Styles:
    def __init__(self, fonts: Fonts) -> None:
        self.fonts = fonts
        base = {"fontName": fonts.main, "leading": 12, "fontSize": 9}
        self.body = ParagraphStyle("body", **base)
        self.small = ParagraphStyle("small", **{**base, "fontSize": 7.5, "leading": 9.5})
        self.cell = ParagraphStyle("cell", **{**base, "fontSize": 8, "leading": 10})
        self.head = ParagraphStyle("head", **{**base, "fontName": fonts.main_bold, "fontSize": 8, "leading": 10,
                                              "textColor": colors.white})
        self.title = ParagraphStyle("title", **{**base, "fontName": fonts.main_bold, "fontSize": 17, "leading": 21,
                                               "spaceAfter": 4})
        self.h2 = ParagraphStyle("h2", **{**base, "fontName": fonts.main_bold, "fontSize": 12, "leading": 15,
                                            "spaceBefore": 10, "spaceAfter": 4})
        self.h3 = ParagraphStyle("h3", **{**base, "fontName": fonts.main_bold, "fontSize": 10, "leading": 13,
                                            "spaceAfter": 2})
        self.kinder = ParagraphStyle("kinder", **{**base, "textColor": colors.HexColor("#1b5e20"), "spaceBefore": 2})
        self.banner = ParagraphStyle("banner", **{**base, "fontName": fonts.main_bold, "fontSize": 10,
                                                  "leading": 13, "textColor": colors.HexColor("#bf360c"),
                                                  "backColor": colors.HexColor("#fff3e0"), "borderPadding": 5,
                                                  "spaceBefore": 4, "spaceAfter": 8})

    def p(self, text: str, style: ParagraphStyle | None = None, bold: bool = False) -> Paragraph:
        """A paragraph of *user text*: escaped, with font fallback."""
        return Paragraph(self.fonts.markup(str(text), bold), style or self.body)

    def raw(self, markup: str, style: ParagraphStyle | None = None) -> Paragraph:
        """A paragraph of our own markup (never user text)."""
        return Paragraph(markup, style or self.body)


def grid(header_colour: str = "#37474f", zebra: bool = True) -> TableStyle:
    commands = [
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor(header_colour)),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("GRID", (0, 0), (-1, -1), 0.25, colors.HexColor("#b0bec5")),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
    ]
    if zebra:
        commands.append(("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, colors.HexColor("#f5f7f8")]))
    return TableStyle(commands)


def styled(table: Table, fonts: Fonts, style: TableStyle | list | None = None) -> Table:
    """Apply `style` plus our font for the table's own text: reportlab would otherwise set every cell in
    (unembedded) Helvetica, even cells that hold Paragraphs."""
    commands = [("FONTNAME", (0, 0), (-1, -1), fonts.main), *(style.getCommands() if isinstance(style, TableStyle)
                                                               else style or [])]
    table.setStyle(TableStyle(commands))
    return table


def numbered_canvas(fonts: Fonts, footer: str, page_of: str = "page {page} of {total}"):
    """A canvas class that writes 'page N of M' (in the report's language) and `footer` on every page (two passes:
    M is known at the end)."""

    class NumberedCanvas(Canvas):
        def __init__(self, *args, **kwargs) -> None:
            # else every page starts in (unembedded) Helvetica; SimpleDocTemplate passes None explicitly
            kwargs["initialFontName"] = kwargs.get("initialFontName") or fonts.main
            super().__init__(*args, **kwargs)
            self._pages: list[dict] = []

        def showPage(self) -> None:  # noqa: N802 (reportlab API)
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for number, state in enumerate(self._pages, start=1):
                self.__dict__.update(state)
                self.setFont(fonts.main, 7.5)
                self.setFillColor(colors.HexColor("#607d8b"))
                self.drawString(MARGIN, 9 * mm, footer)
                self.drawRightString(PAGE[0] - MARGIN, 9 * mm, page_of.format(page=number, total=total))
                super().showPage()
            super().save()

    return NumberedCanvas


