"""Is `prefix + root + suffix` a real derivation of `root`? Malay affixation and English inflection.

The matcher finds term roots *inside* tokens with an automaton; these rules then accept only real
derivations. That is the difference between membunuh / pembunuhan / kebodohan (flagged) and sosial,
terbabit, digilap, skill, class (innocent words that merely contain a term).

Malay (after Sneddon, *Malay: A Comprehensive Grammar*):
- prefixes di-, ter-, ber-, ke-, se-, per-, memper-, diper-, meN-, peN- and their stacked forms;
- meN-/peN- assimilate to the root's first sound: mem- (b f v, p dropped), men- (c d j z sy, t dropped),
  meng- (vowels g h kh, k dropped), meny- (s dropped), me- (l m n r w y ng ny), menge- (one syllable);
- suffixes -kan -an -i, then pronoun clitics -ku -mu -nya, then particles -lah -kah -pun -tah.
English: -s -es -ed -d -ing -er -ers -y, with consonant doubling (stabbing) and e-drop (hating).
"""

from __future__ import annotations

import re

VOWELS = frozenset("aeiou")
ASSIMILATING = {"p": ("mem", "pem"), "t": ("men", "pen"), "k": ("meng", "peng"), "s": ("meny", "peny")}
NASAL_PREFIXES = frozenset({"mem", "men", "meng", "meny", "me", "menge", "pem", "pen", "peng", "peny", "pe", "penge"})
PLAIN_PREFIXES = frozenset({
    "di", "ter", "te", "ber", "be", "bel", "ke", "se", "per", "memper", "diper", "keber", "keter",
    "kese", "seper", "pember", "pemer", "berke", "terke",
})
# Outer layers that may stand before a nasal prefix: ke+pen+...+an (kependudukan), se+pem+... are rare but real.
OUTER_LAYERS = ("ke", "se", "di")
MAX_PREFIX = 6  # memper-, pember-: the longest prefix chain we accept
MAX_SUFFIX = 9  # -kannyalah: suffix + clitic + particle
MALAY_SUFFIX_RE = re.compile(r"(?:kan|an|i)?(?:ku|mu|nya)?(?:lah|kah|pun|tah)?")
ENGLISH_SUFFIXES = frozenset({"s", "es", "ed", "d", "ing", "er", "ers", "y", "ish"})
DOUBLING_SUFFIXES = frozenset({"ed", "ing", "er", "ers", "y"})


def _nasal_fits(prefix: str, root: str) -> bool:
    """Does this meN-/peN- form go with the root's first sound?"""
    first, head = root[0], root[:2]
    core = prefix[1:]  # meN- and peN- share the rules: "em", "en", "eng", "eny", "e", "enge"
    if core == "em":
        return first in "bfv"
    if core == "en":
        return first in "cdjz" or head == "sy"
    if core == "eng":
        return first in VOWELS or first in "gh" or head == "kh"
    if core == "eny":
        return False  # meny- only ever appears with a dropped s (see assimilated)
    if core == "e":
        return first in "lmnrwy" or head in {"ng", "ny"}
    if core == "enge":
        return sum(c in VOWELS for c in root) == 1  # monosyllables: mengebom, pengecat
    return False


def malay_prefix_ok(prefix: str, root: str, assimilated: bool) -> bool:
    """`root` is the full term root; `assimilated` means its first letter was dropped after a nasal prefix."""
    if assimilated:
        bare = prefix[2:] if prefix[:2] in OUTER_LAYERS and prefix[2:] else prefix
        return bare in ASSIMILATING.get(root[0], ()) or prefix in ASSIMILATING.get(root[0], ())
    if not prefix or prefix in PLAIN_PREFIXES:
        return True
    if prefix in NASAL_PREFIXES:
        return _nasal_fits(prefix, root)
    for outer in OUTER_LAYERS:
        inner = prefix[len(outer):]
        if prefix.startswith(outer) and inner in NASAL_PREFIXES and _nasal_fits(inner, root):
            return True
    return False


def malay_suffix_ok(suffix: str) -> bool:
    return MALAY_SUFFIX_RE.fullmatch(suffix) is not None


def english_suffix_ok(suffix: str, root: str, e_dropped: bool) -> bool:
    if e_dropped:
        return suffix in {"ing", "ish"}
    if not suffix or suffix in ENGLISH_SUFFIXES:
        return True
    if root.endswith("e") and suffix in {"r", "rs"}:  # hate -> hater, haters
        return True
    # consonant doubling: stab -> stabbed, stabbing
    return len(suffix) > 1 and suffix[0] == root[-1] and root[-1] not in VOWELS and suffix[1:] in DOUBLING_SUFFIXES


def _all_suffixes() -> frozenset[str]:
    parts = ([""] + ["kan", "an", "i"], [""] + ["ku", "mu", "nya"], [""] + ["lah", "kah", "pun", "tah"])
    malay = {a + b + c for a in parts[0] for b in parts[1] for c in parts[2]}
    return frozenset(malay | ENGLISH_SUFFIXES | {"r", "rs"})


ANY_PREFIX = frozenset(PLAIN_PREFIXES | NASAL_PREFIXES | {o + n for o in OUTER_LAYERS for n in NASAL_PREFIXES}
                       | {""})
ANY_SUFFIX = _all_suffixes()  # plus consonant doubling, checked separately


def plausible(prefix: str, suffix: str) -> bool:
    """A cheap first filter: could these leftovers be affixes at all? Most hits inside ordinary words fail here."""
    return prefix in ANY_PREFIX and (suffix in ANY_SUFFIX or suffix[1:] in DOUBLING_SUFFIXES)


def is_derivation(prefix: str, suffix: str, root: str, languages: frozenset[str], mode: str) -> bool:
    """Accept `prefix + root + suffix` if it is a real derivation in one of the term's languages.

    `mode` is how the root was found: "plain", "assimilated" (Malay nasal dropped its first letter) or
    "e_dropped" (English hate -> hating).
    """
    if mode == "e_dropped":
        return bool(languages & {"en", "any"}) and not prefix and english_suffix_ok(suffix, root, True)
    malay = bool(languages & {"ms", "any"})
    english = bool(languages & {"en", "any"})
    if malay and malay_prefix_ok(prefix, root, mode == "assimilated") and malay_suffix_ok(suffix):
        return True
    return english and mode == "plain" and not prefix and english_suffix_ok(suffix, root, False)


def root_keys(root: str, languages: frozenset[str]) -> list[tuple[str, str]]:
    """The strings to look for inside tokens for this root, each with its mode."""
    keys = [(root, "plain")]
    if languages & {"ms", "any"} and root[0] in ASSIMILATING and len(root) >= 4:
        keys.append((root[1:], "assimilated"))
    if languages & {"en", "any"} and root.endswith("e") and len(root) >= 4:
        keys.append((root[:-1], "e_dropped"))
    return keys
