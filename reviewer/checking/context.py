"""Everyday senses: when a listed word means the animal, the food, the time, the weather or a thing.

Many insults are ordinary words ("lembu", "beruk", "lembab", "pukul"); the list cannot name every innocent
phrase they appear in. These rules read the words around a single-word finding instead:

- animal: a numeral classifier before it ("seekor beruk", "dua ekor lembu"), a possessor or demonstrative after it
  ("anjing saya", "anjing jiran", "monyet itu"), or pet, farm, zoo and wildlife words nearby (bela, ternak, kandang,
  zoo, liar, vet, rumput, another animal: "kambing dan lembu");
- food: cooking and eating words nearby ("sup tulang lembu", "trim the fat from the beef");
- time: a number or a time word right after "pukul" ("pukul 8.30", "pukul sepuluh", "pukul berapa");
- an object, not a person: a violent verb with cooking, sport or music words nearby ("pukul telur", "tumbuk cili",
  "menembak bola ke gawang", "pukulan smash", "memukul kompang");
- weather or a slow thing: "cuaca lembab", "internet lembab";
- degree: "gila" after an adjective is Malay's "very" ("penat gila", "best gila").

A second-person pronoun or an insult frame ("kau", "you", "dasar", "macam", "muka") next to the word keeps the
finding: "kau ni lembu" is an insult whatever grass grows nearby.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from reviewer.checking.normalize import Token

SENSES: dict[str, tuple[str, ...]] = {
    "anjing": ("animal",), "babi": ("animal", "food"), "beruk": ("animal",), "monyet": ("animal",),
    "lembu": ("animal", "food"), "kambing": ("animal", "food"), "kerbau": ("animal",), "keldai": ("animal",),
    "binatang": ("animal",), "betina": ("animal",), "badak": ("animal",), "kera": ("animal",), "ular": ("animal",),
    "buaya": ("animal",), "biawak": ("animal",), "tikus": ("animal",), "whale": ("animal",), "pig": ("animal", "food"),
    "cow": ("animal", "food"), "dog": ("animal",), "monkey": ("animal",), "sotong": ("food", "animal"),
    "fat": ("food",), "gemuk": ("food", "animal"),
    "pukul": ("time", "object"), "tumbuk": ("object",), "tembak": ("object",), "belasah": ("object",),
    "lembab": ("weather",), "gila": ("degree",),
}
CLASSIFIERS = frozenset({"seekor", "ekor", "sekawan", "kawanan", "sekumpulan", "sepasang"})
POSSESSORS = frozenset({"saya", "aku", "kami", "kita", "dia", "mereka", "jiran", "kawan", "orang", "itu", "ini",
                        "tersebut", "peliharaan", "liar", "hutan", "betina", "jantan"})
ANIMAL_CUES = frozenset({
    "bela", "pelihara", "ternak", "ladang", "kandang", "reban", "sangkar", "zoo", "liar", "hutan", "haiwan", "vet",
    "veterinar", "rumput", "kelapa", "pisang", "menyalak", "salak", "gigit", "ekor", "bulu", "spesies", "pupus",
    "hidupan", "pemuliharaan", "perlindungan", "sumbu", "makanan", "pelancong", "korban", "sembelih", "susu",
    "farm", "farmer", "pet", "pets", "leash", "wildlife", "dolphin", "dolphins", "boat", "ocean", "sea",
    "kucing", "ayam", "itik", "kuda", "gajah", "harimau", "burung", "ikan", "panda", "kambing", "lembu", "kerbau",
    "cat", "cats", "goat", "goats", "cows", "pigs", "chickens", "ducks", "horse", "elephant",
})
FOOD_CUES = frozenset({
    "goreng", "bakar", "rebus", "masak", "kari", "sambal", "sup", "daging", "tulang", "rendang", "sate", "nasi",
    "mee", "menu", "resepi", "restoran", "gerai", "tepung", "lemak", "santan", "gula", "garam", "makan", "makanan",
    "hidangan", "fried", "grill", "grilled", "recipe", "beef", "pork", "meat", "milk", "cook", "cooking", "soup",
    "curry", "sugar", "salt", "intake", "diet", "protein", "calories", "saturated", "trim", "food", "eat",
})
OBJECT_CUES = frozenset({
    "telur", "adunan", "krim", "mentega", "cili", "bawang", "rempah", "lesung", "halus", "kacang", "sambal",
    "bola", "gol", "gawang", "jaring", "pingat", "atlet", "smash", "besbol", "raket", "golf", "sasaran", "sukan",
    "perlawanan", "pemain", "kejohanan", "penalti", "kompang", "gendang", "dram", "rebana", "loceng", "paku",
})
WEATHER_CUES = frozenset({
    "cuaca", "udara", "hujan", "panas", "suhu", "iklim", "musim", "tanah", "kulit", "baju", "kain", "bilik",
    "internet", "sambungan", "talian", "wifi", "komputer", "laptop", "telefon", "ekonomi", "pertumbuhan", "pasaran",
})
DEGREE_BEFORE = frozenset({
    "best", "sedap", "penat", "rindu", "pedas", "manja", "panas", "sejuk", "cantik", "comel", "mahal", "murah",
    "ramai", "seronok", "susah", "senang", "lama", "teruk", "laju", "lambat", "jauh", "hebat", "power", "gempak",
    "lawak", "kelakar", "bosan", "lapar", "mengantuk", "sibuk", "busy", "takut", "seram", "gembira", "suka",
    "sayang", "sesak", "tinggi", "besar", "kecil", "banyak", "cepat", "kuat", "berat", "sweet", "cute", "sakit",
    "lawa", "handsome", "hensem", "wangi", "sunyi", "bising", "jem", "sempit", "luas", "mewah", "kaya", "miskin",
})
TIME_WORDS = frozenset({"satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "lapan", "sembilan", "sepuluh",
                        "sebelas", "berapa", "setengah", "suku"})
BLOCKERS = frozenset({"kau", "engkau", "kamu", "ko", "hang", "lu", "awak", "you", "your", "you're", "dasar",
                      "macam", "seperti", "bagai", "like", "muka", "perangai", "otak", "kepala"})
NUMBER_RE = re.compile(r"\d+(?:[.:]\d+)?")
WINDOW = 6
NEAR = 2


def everyday(root: str, words: Sequence[str], index: int) -> bool:
    """Does the word at `index` (a form of `root`) have its everyday sense here? `words` are folded tokens."""
    senses = SENSES.get(root)
    if not senses:
        return False
    if "time" in senses and index + 1 < len(words) and _is_time(words[index + 1]):
        return True
    if "degree" in senses:
        return index > 0 and words[index - 1] in DEGREE_BEFORE
    near = [*words[max(0, index - NEAR):index], *words[index + 1:index + 1 + NEAR]]
    if any(w in BLOCKERS for w in near):
        return False
    window = [*words[max(0, index - WINDOW):index], *words[index + 1:index + 1 + WINDOW]]
    if "animal" in senses and _animal(words, index, window):
        return True
    if "food" in senses and _cued(window, FOOD_CUES):
        return True
    if "object" in senses and _cued(window, OBJECT_CUES):
        return True
    return "weather" in senses and _cued(window, WEATHER_CUES)


# Safe messaging: "Jangan bunuh diri, hubungi Talian HEAL" and "Please don't kill yourself, call for help" are the
# campaign's own prevention messages, not encouragement. Both a negation right before the phrase and a way to get
# help nearby are needed: "Never tell anyone to kill yourself" (no help offered) is still found.
NEGATIONS = frozenset({"jangan", "usah", "tak", "tidak", "never", "not", "don't", "dont", "do't", "doesn't", "no"})
HELP_CUES = frozenset({
    "help", "helpline", "hotline", "support", "call", "talk", "reach", "counsellor", "counselor", "befrienders",
    "bantuan", "talian", "hubungi", "sokongan", "kaunselor", "cakap", "bercakap", "luahkan", "heal", "kasih",
})
HELP_NUMBERS = frozenset({"999", "15555", "15999", "03-7627", "7627"})
PREVENTION_WINDOW = 10
SENTENCE_END = re.compile(r"[.!?\n]")
PREVENTABLE = frozenset({"Suicide and Self-Harm"})  # the guideline area whose terms prevention messages name


def prevention(words: Sequence[str], raw: Sequence[str], first: int, last: int) -> bool:
    """Is the phrase at words[first..last] told *not* to be done, with help offered nearby? `raw` are the
    tokens as written (helpline numbers keep their digits there)."""
    before = words[max(0, first - 2):first]
    if not any(w in NEGATIONS for w in before):
        return False
    around = range(max(0, first - PREVENTION_WINDOW), min(len(words), last + 1 + PREVENTION_WINDOW))
    return any(words[i] in HELP_CUES or raw[i] in HELP_NUMBERS for i in around)


def _is_time(word: str) -> bool:
    return NUMBER_RE.fullmatch(word) is not None or word in TIME_WORDS


def _animal(words: Sequence[str], index: int, window: Sequence[str]) -> bool:
    before = words[max(0, index - 2):index]
    if any(w in CLASSIFIERS for w in before):
        return True
    if index + 1 < len(words) and words[index + 1] in POSSESSORS:
        return True
    return _cued(window, ANIMAL_CUES)


def _cued(window: Sequence[str], cues: frozenset[str]) -> bool:
    """A cue word, or a derivation of one (penternak, ternakan, dipelihara), in the window."""
    for word in window:
        if word in cues:
            return True
        if len(word) > 6 and any(len(cue) >= 5 and cue in word for cue in cues):
            return True
    return False


def sentence_around(text: str, tokens: Sequence[Token], first: int, last: int) -> tuple[int, int]:
    """The token range of the sentence holding tokens[first..last]: back and forth to a . ! ? or line break
    between two tokens (only this sentence is read, so a long text costs nothing extra)."""
    lo = first
    while lo > 0 and not SENTENCE_END.search(text[tokens[lo - 1].end:tokens[lo].start]):
        lo -= 1
    hi = last + 1
    while hi < len(tokens) and not SENTENCE_END.search(text[tokens[hi - 1].end:tokens[hi].start]):
        hi += 1
    return lo, hi
