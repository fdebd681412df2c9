"""Is `prefix + root + suffix` a real derivation of `root`? Malay affixation and English inflection.

The matcher finds term roots *inside* tokens with an automaton; these rules then accept only real
derivations. That is the difference between membunuh / pembunuhan / kebodohan (flagged) and sosial,
terbabit, digilap, skill, class (innocent words that merely contain a term).

Malay (after Sneddon, *Malay: A Comprehensive Grammar*):
- prefixes di-, ter-, ber-, ke-, se-, per-, memper-, diper-, meN-, peN- and their stacked forms;
- meN-/peN- assimilate to the root's first sound: mem- (b f v, p dropped), men- (c d j z sy, t dropped),
  meng- (vowels g h kh, k dropped), meny- (s dropped), me- (l m n r w y ng ny), menge- (one syllable);
- suffixes -kan -an -i, then pronoun clitics -ku -mu -nya, then particles -lah -kah -pun -tah.
English: inflections -s -es -ed -d -ing -er -ers -est -y, with consonant doubling (stabbing), e-drop (hating) and
y -> i (sissies, bullied, craziness), -ism -> -ist (racism -> racist); derivations -ity -ic -ical -ism -ist
-ment -ness -ish -ly (moronic, idiotic, stupidity, loserish). A derivation needs a root of four letters or more:
three-letter roots make unrelated words with these endings ("ass" + "ist", "sex" + "ist").
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
ENGLISH_SUFFIXES = frozenset({"s", "es", "ed", "d", "ing", "er", "ers", "est", "y", "ish"})
ENGLISH_DERIVATIONS = frozenset({"ity", "ities", "ic", "ics", "ical", "ically", "ism", "isms", "ist", "ists",
                                 "ment", "ments", "ness", "ish", "ishly", "ly"})
DOUBLING_SUFFIXES = frozenset({"ed", "ing", "er", "ers", "est", "y", "ish"})
E_DROPPED_SUFFIXES = frozenset({"ing", "ish", "ity", "ities", "ist", "ists", "ism", "isms", "ic", "ical"})
Y_TO_I_SUFFIXES = frozenset({"es", "ed", "er", "ers", "est", "ness", "ly"})  # crazy -> craziness, sissy -> sissies
MIN_DERIVATION_ROOT = 4
VOWEL_GROUPS_RE = re.compile(r"[aeiou]+")


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


def _needs_doubling(root: str) -> bool:
    """One-syllable consonant-vowel-consonant roots double before a vowel: fat -> fatter, never "fated"."""
    groups = len(VOWEL_GROUPS_RE.findall(root))
    return (groups == 1 and len(root) >= 3 and root[-1] not in VOWELS and root[-1] not in "wxy"
            and root[-2] in VOWELS and root[-3] not in VOWELS)


def english_suffix_ok(suffix: str, root: str, e_dropped: bool) -> bool:
    long_root = len(root) >= MIN_DERIVATION_ROOT
    if e_dropped:
        return suffix in {"ing", "ish"} or long_root and suffix in E_DROPPED_SUFFIXES
    if not suffix or suffix == "s":
        return True
    if suffix == "d" or suffix == "es":  # hate -> hated; push -> pushes, but never bir -> "bird", hell -> "helles"
        return root.endswith("e") if suffix == "d" else root.endswith(("s", "x", "z", "ch", "sh", "o"))
    if _needs_doubling(root) and (suffix[0] in VOWELS or suffix[0] == "y"):
        return False  # only the doubled form (below) is a derivation
    if suffix == "ly" and len(root) < 5:
        return False  # stab -> "stably" is stable's
    if suffix in ENGLISH_SUFFIXES or long_root and suffix in ENGLISH_DERIVATIONS:
        return True
    if root.endswith("e") and suffix in {"r", "rs"}:  # hate -> hater, haters
        return True
    # consonant doubling: stab -> stabbed, stabbing
    return len(suffix) > 1 and suffix[0] == root[-1] and root[-1] not in VOWELS and suffix[1:] in DOUBLING_SUFFIXES


def _all_suffixes() -> frozenset[str]:
    parts = ([""] + ["kan", "an", "i"], [""] + ["ku", "mu", "nya"], [""] + ["lah", "kah", "pun", "tah"])
    malay = {a + b + c for a in parts[0] for b in parts[1] for c in parts[2]}
    return frozenset(malay | ENGLISH_SUFFIXES | ENGLISH_DERIVATIONS | E_DROPPED_SUFFIXES | Y_TO_I_SUFFIXES
                     | {"r", "rs"})


ANY_PREFIX = frozenset(PLAIN_PREFIXES | NASAL_PREFIXES | {o + n for o in OUTER_LAYERS for n in NASAL_PREFIXES}
                       | {""})
ANY_SUFFIX = _all_suffixes()  # plus consonant doubling, checked separately


def plausible(prefix: str, suffix: str) -> bool:
    """A cheap first filter: could these leftovers be affixes at all? Most hits inside ordinary words fail here."""
    return prefix in ANY_PREFIX and (suffix in ANY_SUFFIX or suffix[1:] in DOUBLING_SUFFIXES)


def is_derivation(prefix: str, suffix: str, root: str, languages: frozenset[str], mode: str) -> bool:
    """Accept `prefix + root + suffix` if it is a real derivation in one of the term's languages.

    `mode` is how the root was found: "plain", "assimilated" (Malay nasal dropped its first letter),
    "e_dropped" (English hate -> hating) or "y_to_i" (English crazy -> craziness).
    """
    if mode == "e_dropped":
        return bool(languages & {"en", "any"}) and not prefix and english_suffix_ok(suffix, root, True)
    if mode == "y_to_i":
        return bool(languages & {"en", "any"}) and not prefix and suffix in Y_TO_I_SUFFIXES
    if mode == "ism_ist":  # racism -> racist, racists
        return bool(languages & {"en", "any"}) and not prefix and suffix in {"", "s"}
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
    if languages & {"en", "any"} and root.endswith("y") and len(root) >= 4 and root[-2] not in VOWELS:
        keys.append((root[:-1] + "i", "y_to_i"))
    if languages & {"en", "any"} and root.endswith("ism") and len(root) >= 6:
        keys.append((root[:-3] + "ist", "ism_ist"))
    return keys


def is_english_derivation(prefix: str, suffix: str, mode: str) -> bool:
    """Was this accepted as an English form (no prefix, an English ending)? Used by the root-word gate."""
    return not prefix and (mode in {"e_dropped", "y_to_i", "ism_ist"} or suffix in ENGLISH_SUFFIXES
                           or suffix in ENGLISH_DERIVATIONS or suffix in {"r", "rs"} or suffix[1:] in DOUBLING_SUFFIXES)
