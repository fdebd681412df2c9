"""Issue 12's classes, each as a general rule: invisible characters, split words, root words, English derivations,
derivations with another sense. Offsets always slice the original text."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reviewer.checking.checker import Checker
from reviewer.checking.lexicon import is_known_word, is_malay_root, malay_roots
from reviewer.checking.terms import Term, TermList, load_bundled_lists


@pytest.fixture(scope="module")
def checker() -> Checker:
    return Checker(load_bundled_lists())


def found(checker: Checker, text: str) -> list[tuple[str, str, str]]:
    findings = checker.find(text)
    assert all(text[f.start:f.end] == f.matched for f in findings)
    return [(f.matched, f.term, f.kind) for f in findings]


INVISIBLE = [
    ("ba\u200bbi", "babi"),  # zero-width space
    ("bo\u200ddoh", "bodoh"),  # zero-width joiner
    ("si\u200cal", "sial"),  # zero-width non-joiner
    ("bangs\u2060at", "bangang"),  # word joiner (bangsat is a variant of bangang)
    ("slu\u00adt", "slut"),  # soft hyphen
    ("bodoh\ufe0f", "bodoh"),  # variation selector
    ("b\u0336o\u0336d\u0336o\u0336h\u0336", "bodoh"),  # combining strike-through on every letter
    ("to\u0301lol", "tolol"),  # a combining acute inside
    ("kep\ufeffarat", "keparat"),  # zero-width no-break space (BOM)
    ("pon\u034fdan", "pondan"),  # combining grapheme joiner
]


@pytest.mark.parametrize(("text", "term"), INVISIBLE, ids=[repr(t) for t, _ in INVISIBLE])
def test_invisible_characters_inside_a_word(checker: Checker, text: str, term: str) -> None:
    line = f"kau memang {text}, faham?"
    assert (text, term, "normalized") in found(checker, line)


@pytest.mark.parametrize("space", ["\u00a0", "\u2009", "\u202f", "\u200b", "\u3000"])
def test_odd_spaces_inside_a_phrase(checker: Checker, space: str) -> None:
    text = f"dia cuba bunuh{space}diri semalam"
    ((matched, term, _),) = found(checker, text)
    assert (matched, term) == (f"bunuh{space}diri", "bunuh diri")


SPLIT = [("bo-doh", "bodoh"), ("bod.oh", "bodoh"), ("s.i.a.l", "sial"), ("si-al", "sial"), ("bang.sat", "bangang"),
         ("pon-dan", "pondan"), ("fu.ck", "fuck"), ("s-l-u-t", "slut"), ("to·lol", "tolol")]


@pytest.mark.parametrize(("text", "term"), SPLIT)
def test_hyphen_or_dot_inside_a_short_word(checker: Checker, text: str, term: str) -> None:
    assert (text, term, "normalized") in found(checker, f"jangan jadi {text} lah")


@pytest.mark.parametrize("text", ["hantar e-mel kepada guru", "keputusan x-ray normal", "kelas bermula pukul 8.30",
                                  "co-op sekolah dibuka", "Dr. Ahmad dan En. Ali", "ke-2 dan ke-3", "U.S.A. dan U.K."])
def test_ordinary_hyphens_and_dots_stay_clean(checker: Checker, text: str) -> None:
    assert found(checker, text) == []


def test_reduplication_is_not_a_split_word(checker: Checker) -> None:
    assert found(checker, "bodoh-bodoh") == [("bodoh-bodoh", "bodoh", "morphological")]


@pytest.mark.parametrize("word", ["gilap", "gilang", "babit", "bomba", "menaik", "menaikkan", "penaik", "kulit",
                                  "banglo", "sosialita"])
def test_root_words_of_their_own_are_not_terms(checker: Checker, word: str) -> None:
    assert found(checker, f"itu {word} dia") == []


def test_root_word_list_is_attested_malay() -> None:
    roots = malay_roots()
    assert len(roots) > 7000
    assert {"gilap", "gilang", "babit", "pukul", "arak"} <= roots
    # Indonesian or regional dictionary words that Whisper makes of Malay terms are not Malay roots here.
    assert not {"bodok", "pelasur", "tonsan"} & roots
    assert is_malay_root("babit")
    assert is_known_word("babit")


def test_a_root_word_is_never_a_mishearing() -> None:
    checker = Checker([TermList("t", "1", (Term("babi", "x", "high", "ms"), Term("gila", "x", "low", "ms")))])
    assert checker.find("pihak terbabit dan kasut digilap, babit gilang") == []
    assert [f.kind for f in checker.find("babinya")] == ["morphological"]


ENGLISH = [("moronic", "moron"), ("idiotically", "idiot"), ("stupidity", "stupid"), ("loserish", "loser"),
           ("dumbness", "dumb"), ("craziness", "crazy"), ("crazier", "crazy"), ("uglies", "ugly"),
           ("insanity", "insane"), ("hellish", "hell"), ("fatter", "fat"), ("bomber", "bomb"), ("nudist", "nude"),
           ("worthlessness", "worthless"), ("skinnier", "skinny")]


@pytest.mark.parametrize(("word", "term"), ENGLISH)
def test_english_derivations(checker: Checker, word: str, term: str) -> None:
    assert (word, term, "morphological") in found(checker, f"that is so {word}")


def test_english_derivations_stay_real() -> None:
    terms = (Term("ass", "x", "low", "en"), Term("sex", "x", "low", "en"), Term("stab", "x", "high", "en"),
             Term("fat", "x", "low", "en"), Term("bir", "x", "low", "ms"), Term("hell", "x", "low", "en"),
             Term("cb", "x", "high", "ms"), Term("racism", "x", "high", "en"), Term("bully", "x", "medium", "en"))
    checker = Checker([TermList("t", "1", terms)])
    for text in ("assist", "sexist", "stably", "fated", "bird", "helles", "cbi", "assessment", "passive"):
        assert checker.find(text) == [], text
    assert [f.term for f in checker.find("bullied bullies bullying")] == ["bully"] * 3
    assert [(f.matched, f.kind) for f in checker.find("a racist joke")] == [("racist", "morphological")]


FINE_DERIVATIONS = ["pemukul besbol itu patah", "kecelakaan jalan raya", "perarakan Maulidur Rasul", "godaan syaitan",
                    "tumbukan dua kereta", "buritan kapal", "dia sedang menaiki bas", "infidelity in marriage",
                    "the heroine of the film", "a sob story", "ice on the road", "orang ramai berarak ke dataran",
                    "menyerang membabi buta", "kita membutuhkan bantuan"]


@pytest.mark.parametrize("text", FINE_DERIVATIONS)
def test_derivations_with_another_sense(checker: Checker, text: str) -> None:
    assert found(checker, text) == []


def test_a_term_lists_its_fine_derivations() -> None:
    term = Term("pukul", "x", "high", "ms", exceptions=("pemukul",))
    checker = Checker([TermList("t", "1", (term,))])
    assert checker.find("pemukul dan pemukulnya") == []
    assert [f.matched for f in checker.find("dia memukul dan dipukul")] == ["memukul", "dipukul"]


TERMS = TermList("t", "1", (Term("bodoh", "x", "medium", "ms"), Term("bunuh diri", "x", "high", "ms"),
                            Term("sial", "x", "low", "ms")))
PROPERTY_CHECKER = Checker([TERMS])
PIECES = ["bodoh", "bunuh", "diri", "sial", "bo", "doh", "si", "al", " ", "-", ".", "\u200b", "\u00ad", "\u2060",
          "\ufe0f", "\u0301", "\u0336", "\u00a0", "\u2009", "#", "@", "x", "é", "🙂", "\n"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=30).map("".join))
def test_offsets_slice_the_original_whatever_hides_in_the_word(text: str) -> None:
    for finding in PROPERTY_CHECKER.find(text):
        assert 0 <= finding.start < finding.end <= len(text)
        assert text[finding.start:finding.end] == finding.matched


@settings(max_examples=150, deadline=None)
@given(st.sampled_from(["bodoh", "sial"]), st.lists(st.sampled_from(["\u200b", "\u00ad", "\u2060", "\u200d"]),
                                                    min_size=1, max_size=3), st.integers(1, 3))
def test_invisible_characters_never_hide_a_term(term: str, marks: list[str], cut: int) -> None:
    disguised = term[:cut] + "".join(marks) + term[cut:]
    text = f"kata dia {disguised} tadi"
    findings = PROPERTY_CHECKER.find(text)
    assert [(f.term, f.matched) for f in findings] == [(term, disguised)]


PHONETIC = [("l00ser", "loser"), ("b00bs", "boobs"), ("sh00t up", "shoot up"), ("phaggot", "faggot"),
            ("bitchez", "bitch"), ("nudez", "nude"), ("slutz", "slut"), ("bodoh2", "bodoh"), ("xguna", "tak guna"),
            ("x guna", "tak guna"), ("aku bunuh ko", "aku bunuh kau"), ("pi mampus", "pergi mati"),
            ("nk mati", "nak mati"), ("bpk ko", "bapak kau"), ("bdoh", "bodoh"), ("bngng", "bangang"),
            ("pndn", "pondan"), ("stpd", "stupid"), ("btch", "bitch")]


@pytest.mark.parametrize(("text", "term"), PHONETIC)
def test_phonetic_disguises_and_chat_shorthand(checker: Checker, text: str, term: str) -> None:
    assert (text, term, "normalized") in found(checker, f"eh {text} betul")


@pytest.mark.parametrize("text", ["boom boom pow", "a jazz quiz", "my phone", "budak2 sekolah", "dgn dia", "sgt best",
                                  "x-ray", "pi = 3.14", "tk apa", "good food", "the moon and the stars"])
def test_real_words_are_not_disguises(checker: Checker, text: str) -> None:
    assert found(checker, text) == []


HASHTAGS = [
    ("#BodohSombong", "Bodoh", "bodoh"),
    ("#janganbodoh", "bodoh", "bodoh"),
    ("#KillYourselfChallenge", "KillYourself", "kill yourself"),
    ("#killyourselfchallenge", "killyourself", "kill yourself"),
    ("#StopBunuhDiri", "BunuhDiri", "bunuh diri"),
    ("#dasarbabi", "babi", "babi"),
    ("#B0dohSombong", "B0doh", "bodoh"),
    ("@bodoh_sombong", "bodoh", "bodoh"),
    ("@si_pelacur", "pelacur", "pelacur"),
]


@pytest.mark.parametrize(("text", "matched", "term"), HASHTAGS)
def test_hashtags_and_handles(checker: Checker, text: str, matched: str, term: str) -> None:
    line = f"tengok ni {text} haha"
    findings = checker.find(line)
    assert [(f.matched, f.term) for f in findings] == [(matched, term)]
    (finding,) = findings
    tag_start = line.index(text)
    assert tag_start < finding.start < finding.end <= tag_start + len(text)  # on the hashtag's own characters


SEED_HANDLES = ("@tiktok_malaysia @yimotapir @wfsufina @ggatorart @wananimation @lawyergandhi @mycontentforum "
                "@awammalaysia @miasa.malaysia @mozi4real @fizasinhaa @papimrazzamar @uncletokok")


@pytest.mark.parametrize("text", ["#ThinkTwice", "#sosialmedia", "#mediasosial", "#terbabit", "#KempenAntiDadah",
                                  "#SayNoToBullying", "#JomBaca", "#kesihatanmental", "ali@gmail.com", SEED_HANDLES,
                                  "#pukul8pagi", "#shitake", "#kucingcomel", "#cegahbunuhdiri", "#makeamericagreat"])
def test_innocent_hashtags_and_handles(checker: Checker, text: str) -> None:
    assert found(checker, text) == []


def test_leet_at_sign_is_still_a_letter(checker: Checker) -> None:
    assert found(checker, "@ss") == [("@ss", "ass", "normalized")]


EVERYDAY = [
    "seekor beruk memetik kelapa", "dua ekor lembu di padang", "beberapa ekor monyet", "anjing saya sakit",
    "anjing jiran menyalak", "monyet itu mencuri pisang", "kambing dan lembu makan rumput", "penternak lembu",
    "kelas bermula pukul 8.30 pagi", "pukul sepuluh malam", "jumpa pukul 7:00", "pukul telur sampai kembang",
    "tumbuk cili dan bawang", "dia menembak bola ke gawang", "pukulan smash yang kencang", "memukul kompang",
    "cuaca panas dan lembab", "internet lembab malam ini", "penat gila hari ni", "best gila lagu ni",
    "sup tulang lembu", "trim the fat from the beef", "we saw a whale and two dolphins", "badak sumbu hampir pupus",
]


@pytest.mark.parametrize("text", EVERYDAY)
def test_everyday_senses_stay_clean(checker: Checker, text: str) -> None:
    assert found(checker, text) == []


INSULTS = [("kau ni lembu", "lembu"), ("dasar anak anjing", "anjing"), ("perangai macam beruk", "beruk"),
           ("aku tembak kau depan gawang", "tembak"), ("kau ni lembab", "lembab"), ("dia gila", "gila"),
           ("dah gila ke", "gila"), ("muka kau macam monyet", "monyet"), ("dia pukul budak tu", "pukul"),
           ("you fat cow, stop eating", "fat")]


@pytest.mark.parametrize(("text", "term"), INSULTS)
def test_the_same_words_as_insults_are_still_found(checker: Checker, text: str, term: str) -> None:
    assert term in [t for _, t, _ in found(checker, text)]


def test_context_rules_generalise_to_a_partner_list() -> None:
    checker = Checker([TermList("p", "1", (Term("kerbau", "insult", "medium", "ms"),))])
    assert checker.find("tiga ekor kerbau membajak sawah") == []
    assert [f.term for f in checker.find("dasar kerbau")] == ["kerbau"]


MISHEARD_FORMS = [("dia memukol budak", "memukol", "pukul"), ("aku membunoh dia", "membunoh", "bunuh"),
                  ("dia cuba gantong diri", "gantong diri", "gantung diri"),
                  ("dia cuba menggantong diri", "menggantong diri", "gantung diri"),
                  ("balik tonsan lah", "balik tonsan", "balik tongsan"), ("bunoh diri", "bunoh diri", "bunuh diri")]


@pytest.mark.parametrize(("text", "matched", "term"), MISHEARD_FORMS)
def test_mishearings_inside_derivations_and_phrases(checker: Checker, text: str, matched: str, term: str) -> None:
    (finding,) = checker.find(text)
    assert (finding.matched, finding.term, finding.kind) == (matched, term, "fuzzy")
    assert finding.confidence < 1


@pytest.mark.parametrize("text", ["dia menaiki bas", "pembuka botol", "kebudayaan kita", "memakai tudung",
                                  "mengantuk sangat", "penjual buah", "berbual kosong"])
def test_real_derived_words_are_not_mishearings(checker: Checker, text: str) -> None:
    assert found(checker, text) == []


def test_a_fine_phrase_also_clears_the_terms_inside_it(checker: Checker) -> None:
    assert found(checker, "Hari Pencegahan Bunuh Diri Sedunia") == []  # neither "bunuh diri" nor "bunuh"
    assert found(checker, "dia cuba bunuh diri") == [("bunuh diri", "bunuh diri", "exact")]


PREVENTION = [
    "Please do not kill yourself, call for help.",
    "Please don't kill yourself, call Befrienders KL on 03-7627 2929.",
    "Jangan bunuh diri, hubungi Talian HEAL 15555.",
    "Jangan sesekali bunuh diri; dapatkan bantuan daripada Talian Kasih 15999.",
]


@pytest.mark.parametrize("text", PREVENTION)
def test_a_prevention_message_is_not_a_finding(checker: Checker, text: str) -> None:
    """Told not to, with help offered in the same sentence: the campaign's own safe messaging. The shorter
    violence terms inside ("kill", "bunuh") are cleared with it, as inside an exception phrase."""
    assert found(checker, text) == []


@pytest.mark.parametrize(("text", "term"), [
    ("Never tell anyone to kill yourself, even as a joke.", "kill yourself"),  # no negation right before it
    ("Jangan bunuh diri.", "bunuh diri"),  # no help offered
    ("Don't kill yourself yet, wait until the weekend.", "kill yourself"),
    ("Kill yourself, no one will help you.", "kill yourself"),  # help named, but no negation
    ("Jangan bunuh diri kat sini. Hubungi 999 kalau perlu bantuan.", "bunuh diri"),  # help is in another sentence
])
def test_without_both_signs_it_is_still_found(checker: Checker, text: str, term: str) -> None:
    assert term in [t for _, t, _ in found(checker, text)]
