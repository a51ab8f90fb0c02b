"""The safe-list catch of the teaching-case finder (:mod:`mdtboard.domain.phi`), after UCSF Philter (Norgeot
et al., npj Digital Medicine 2020): a word that looks like a proper noun and that no vocabulary knows to be
safe is asked about, whatever stands around it. The rules that look for identifiers by their cues miss
names, places and institutions written with no cue ("Thomachan", "Hilo Medical Center"); this catch does
not depend on cues, at the cost of asking about words that are not identifiers (a reviewer keeps them, with
one reason for every hint of the same word across the case).

A word is a candidate when it is

- capitalised, and not only because it starts a sentence, a line or a list item ("Plan:", "1. Review");
- written in a script other than the Latin one (Greek, Cyrillic, Arabic, Hebrew, Chinese, Korean...), where
  mdtboard knows no words at all (a Greek letter used as a symbol, "α2δ", "β-blocker", is not one; nor a
  label heading a line, "Ημερομηνία:");
- written in capitals in a letterhead, four letters or more: a line whose words are all in capitals
  ("STOBHILL HOSPITAL PAIN CLINIC"; shorter ones are acronyms: "MRN", "CT").

A word with a digit ("L4", "T12", "7B") is never one.

and it is safe, so not asked about, when it is

- an English word (``resources/deid/english-words.txt``) not usually written capitalised (less
  ``resources/deid/proper-nouns.txt``: "London", "John");
- a clinical term: a word of ICD-10-CM and ICD-10-PCS (``resources/deid/clinical-terms.txt``: conditions,
  anatomy, procedures, eponyms such as "Parkinson"), a medicine's name or brand
  (``resources/deid/drug-names.txt``: "Tylenol", "Entonox"), a word of mdtboard's medicine and instrument
  tables and its clinical texts, or an acronym of those texts;
- a language, a country or a state or province (``resources/deid/languages-and-nations.txt``), a word of
  the finder's own vocabularies: months, languages, nations and regions, generic words, and the
  titles, relations, kinds of institution, street words and labels of ``identifier-words.toml``;
- written in lower case elsewhere in the same text (then it is a word here too);
- any of these once its accents are dropped, or spelt as in another European language ("Oxcarbazepin",
  "Polyneuropathie", "Neurología").

Capitalised words written one after another (joined by spaces, a hyphen, "&" or a particle such as "de",
"van", "of") are one hint when any of them is not safe: "Hilo Medical Center", "Lowcountry Orthopaedics &
Pain". Every hint of the catch is a question ("name or place?"), never replaced without asking.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from mdtboard.domain.phi_gazetteer import _NOT_A_TOWN_AFTER
from mdtboard.domain.phi_people import _EPONYM_AFTER, _REFERENCE

__all__ = ["clinical_terms", "drug_names", "proper_nouns", "safe_words", "unknown_spans"]

#: A word: letters (and digits) of any script, with inner apostrophes; each part of a hyphenated word is one.
_TOKEN = re.compile(r"[^\W_](?:[\w]|['’](?=\w))*")
#: What may join two capitalised words of one name: spaces (not a line break), a hyphen, "&", a particle.
_JOIN = re.compile(
    r"(?:[ \t]+|[ \t]*[-–&][ \t]*|[ \t]+(?:de|di|da|do|dos|das|del|della|du|van|von|der|den|ter|la|le|les|"
    r"y|i|e|of|the|and|al|el|bin|binti|ibn|na|ki|w|im|am|an|on|upon|sur)[ \t]+)"
)
_LIST_ITEM = re.compile(
    r"(?:(?:^|\n)[ \t]*(?:\(?\d{1,3}|[a-zA-Z]|[ivx]{1,4})[.)]|(?<![\w.])\(?\d{1,3}\))[ \t]*$")
_SCRIPT_CACHE: dict[str, str] = {}
_WIDE = ("CJK", "HANGUL", "HIRAGANA", "KATAKANA")


def _lines(name: str) -> list[str]:
    from mdtboard.resources import resource

    text = resource("deid", name).read_text(encoding="utf-8")
    return [line.split()[0] for line in text.splitlines() if line and not line.startswith("#")]


@cache
def clinical_terms() -> frozenset[str]:
    """The words of ICD-10-CM and ICD-10-PCS (caseless)."""
    return frozenset(_lines("clinical-terms.txt"))


@cache
def drug_names() -> frozenset[str]:
    """Medicine names and brands written as one word (caseless)."""
    return frozenset(_lines("drug-names.txt"))


@cache
def proper_nouns() -> frozenset[str]:
    """English words usually written capitalised (caseless): not safe as English words."""
    return frozenset(_lines("proper-nouns.txt"))


@cache
def safe_words() -> frozenset[str]:
    """Every word the catch knows to be safe (caseless; see the module)."""
    from mdtboard.domain.phi_forms_sites import clinical_acronyms
    from mdtboard.domain.phi_gazetteer import clinical_words
    from mdtboard.domain.phi_people import english_frequency, people_not_names
    from mdtboard.domain.phi_vocab import table

    proper = proper_nouns()
    safe = {word for word in english_frequency() if word not in proper}
    safe |= clinical_terms() | people_not_names(clinical_words())
    safe |= frozenset(_lines("languages-and-nations.txt")) | drug_names()
    safe |= {word.casefold() for word in clinical_acronyms()}
    for name, section in table().items():
        if name in ("about", "postcodes"):
            continue
        for value in section.values():
            if isinstance(value, list):
                safe.update(w.casefold() for entry in value if isinstance(entry, str)
                            for w in re.findall(r"[^\W\d_]{2,}", entry))
    return frozenset(safe)


def _script(ch: str) -> str:
    """"LATIN", "GREEK", "CJK"... : the first word of the letter's Unicode name."""
    script = _SCRIPT_CACHE.get(ch)
    if script is None:
        script = unicodedata.name(ch, "UNKNOWN").split()[0]
        _SCRIPT_CACHE[ch] = script
    return script


def _foreign(word: str) -> bool:
    """Whether ``word`` is written in a script other than the Latin one (not a Greek letter as a symbol)."""
    letters = [_script(ch) for ch in word if ch.isalpha()]
    other = [s for s in letters if s != "LATIN"]
    if not other:
        return False
    if any(s.startswith(_WIDE) for s in other):
        return True
    if all(s in ("GREEK", "MICRO") for s in other):
        return len(other) >= 3
    return len(other) >= 2


def _starts(text: str, start: int) -> bool:
    """Whether a word at ``start`` begins a sentence, a line or a list item (capitalised there anyway)."""
    before = text[:start].rstrip(" \t")
    if not before or before[-1] in ".!?:;•(\"“\n–—-*>[/|=#":
        return True
    return _LIST_ITEM.search(before + " ") is not None


def _line_start(text: str, start: int) -> bool:
    before = text[:start].rstrip(" \t")
    return not before or before[-1] == "\n" or _LIST_ITEM.search(before + " ") is not None


def _key(word: str) -> str:
    return re.sub(r"['’]s$", "", word).replace("’", "'").casefold()


def _plain(key: str) -> str:
    """``key`` without accents ("neurología" -> "neurologia")."""
    return "".join(ch for ch in unicodedata.normalize("NFKD", key) if not unicodedata.combining(ch))


def _variants(key: str) -> set[str]:
    """``key`` and the English spellings a clinical word of another European language may have:
    "Oxcarbazepin" (oxcarbazepine), "Polyneuropathie" and "neurología" (-y)."""
    plain = _plain(key)
    out = {key, plain, plain + "e"}
    if plain.endswith("s"):  # a plural ("Competencies", "Percocets")
        out |= {plain[:-1], plain[:-2], plain[:-3] + "y"}
    for ending in ("ie", "ia", "ía"):
        if key.endswith(ending):
            out.add(plain[: -len(ending)] + "y")
    return out


def _known(word: str, safe: frozenset[str], lower: set[str]) -> bool:
    key = _key(word)
    if key in lower or not _variants(key).isdisjoint(safe):
        return True
    if "'" in key:  # "O'Neill" is a name; "don't", "I'm" and "Alzheimer's" words
        head, tail = key.split("'", 1)
        return tail in ("m", "ll", "d", "ve", "re", "t", "s") and (head == "i" or head in safe)
    return False


def _letterhead_lines(text: str) -> list[tuple[int, int]]:
    """The lines written in capitals: two words or more, every word with letters in capitals."""
    spans = []
    at = 0
    for line in text.split("\n"):
        words = [w for w in re.findall(r"[^\W\d_][\w'’]*", line) if any(ch.isalpha() for ch in w)]
        cased = [w for w in words if any(ch.isupper() or ch.islower() for ch in w)]
        if len(cased) >= 2 and all(w.isupper() for w in cased):
            spans.append((at, at + len(line)))
        at += len(line) + 1
    return spans


def unknown_spans(text: str, safe: frozenset[str] | None = None) -> list[tuple[int, int]]:
    """The stretches of ``text`` the catch asks about (see the module), in order."""
    if not text or not any(ch.isupper() or ord(ch) > 0x24F for ch in text) or _REFERENCE.search(text):
        return []  # (a bibliographic reference: its authors and journal are not the case's)
    safe = safe_words() if safe is None else safe
    lower = {_key(w) for w in re.findall(r"(?<![\w'’@./-])[^\W\d_A-Z][\w'’]*", text) if w[:1].islower()}
    heads = _letterhead_lines(text)
    # each word: (start, end, capitalised?, asked?)
    words: list[tuple[int, int, bool, bool]] = []
    for match in _TOKEN.finditer(text):
        word = match.group()
        start = match.start()
        if _foreign(word):
            words.append((start, match.end(), True, True))
            continue
        if not word[0].isupper() or any(ch.isdigit() for ch in word):
            # a code, a level or a strength ("L4", "T12", "7B", "Th6") is not a name
            words.append((start, match.end(), False, False))
            continue
        if word.isupper() and len(word) > 1:
            # an acronym ("MRN", "ORIF") unless a long word in a letterhead ("WILKERSON", "STOBHILL")
            asked = len(word) >= 4 and any(s <= start < e for s, e in heads) and not _known(word, safe, lower)
            words.append((start, match.end(), True, asked))
            continue
        if len(word) == 1:  # an initial: part of a name, never one alone
            words.append((start, match.end(), True, False))
            continue
        asked = not _starts(text, start) and not _known(word, safe, lower)
        words.append((start, match.end(), True, asked))
    spans: list[tuple[int, int]] = []
    index = 0
    while index < len(words):
        if not words[index][2]:
            index += 1
            continue
        last = index
        while last + 1 < len(words) and words[last + 1][2] and _JOIN.fullmatch(
                text, words[last][1], words[last + 1][0]):
            last += 1
        run = words[index:last + 1]
        label = (all(_foreign(text[w[0]:w[1]]) for w in run) and _line_start(text, run[0][0])
                 and re.match(r"[ \t]*[:：]", text[run[-1][1]:]) is not None)
        # an eponym ("Tinel's sign", "Kellgren-Lawrence grade 4", "Rome IV criteria") is not a person
        eponym = _EPONYM_AFTER.match(text, run[-1][1]) or _NOT_A_TOWN_AFTER.match(text, run[-1][1])
        if any(w[3] for w in run) and not label and not eponym:
            # the run without capitalised safe words at its ends that are not joined closely ("Dr", "At")
            first_asked = next(i for i, w in enumerate(run) if w[3])
            begin = _widen_left(text, run, first_asked, safe, lower)
            spans.append((run[begin][0], run[-1][1]))
        index = last + 1
    return spans


def _widen_left(text: str, run: list[tuple[int, int, bool, bool]], first: int, safe: frozenset[str],
                lower: set[str]) -> int:
    """Where a run asked about begins: the capitalised words before its first unknown word belong to it
    (a given name at a sentence start, "Hilo" of "Hilo Medical Center"), but not a title or a cue word
    ("Dr", "Mrs", "Sister"), which stays in the text."""
    from mdtboard.domain.phi_names import cue_words

    cues = cue_words()
    begin = first
    while begin > 0:
        word = text[run[begin - 1][0]:run[begin - 1][1]]
        if _key(word) in cues or (_known(word, safe, lower) and not word.isupper()):
            break
        begin -= 1
    return begin
