"""A statistical recogniser for the teaching-case finder (:mod:`mdtboard.domain.phi`): a linear-chain
conditional random field (CRFsuite, through ``python-crfsuite``) trained on mdtboard's own annotated test
sets (``tests/data/deid/*.json``) by ``packaging/make_deid_model.py``, shipped as
``resources/deid/identifier-model.crfsuite`` with its metadata in ``identifier-model.json``.

The rules find identifiers by their cues and lists; a name, an institution or a street with no cue is left
to the safe-list catch, which sees only capitalised words no vocabulary knows. The model reads each word
with its neighbours (two either side): its shape, case, prefixes and suffixes, digits and punctuation, and
whether the vocabularies mdtboard ships know it (census given names and surnames, English word frequency,
GeoNames towns, kinds of institution, street words, titles and relations, medicine names, clinical terms),
and labels it as part of a name, a town or place, an institution, a street address, a date or a number, or
of none (BIO labels).

What it finds is only ever a question (see :func:`phi.find_identifiers`): never replaced without asking,
and only where no rule and no safe-list catch found anything. It is never asked about a medicine's name or
brand, an instrument's name, a word before a dose, a score or a reading taken for a date, an eponym, a
bibliographic reference, a country or language alone, words the safe-list catch knows to be safe (unless
one is a census name rare as a word), nor words the same text writes in lower case (:func:`askable`).

The model is loaded on first use (:func:`model_spans`), only by the teaching-case finder; CRFsuite's tagger
is not shared between threads at the same time (a lock).
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

from mdtboard.domain.phi_calendar import _AFTER_FRACTION, _READING_BEFORE
from mdtboard.domain.phi_forms import _SCORE_BEFORE
from mdtboard.domain.phi_gazetteer import _NOT_A_TOWN_AFTER
from mdtboard.domain.phi_people import _EPONYM_AFTER, _REFERENCE, ALONE

__all__ = ["FEATURE_VERSION", "LABELS", "MODEL_FILE", "METADATA_FILE", "tokens", "features", "model_path",
           "model_spans", "askable", "common_word"]

#: Changed whenever :func:`features` changes: a model trained on other features is not used.
FEATURE_VERSION = 1
MODEL_FILE = "identifier-model.crfsuite"
METADATA_FILE = "identifier-model.json"

#: The test sets' kinds of identifier (deid_corpus.KINDS) -> the model's labels.
LABELS: dict[str, str] = {
    "N": "NAME", "T": "PLACE", "H": "INST", "AD": "ADDR", "D": "DATE",
    "A": "NUM", "P": "NUM", "E": "NUM", "U": "NUM", "I": "NUM", "S": "NUM", "R": "NUM", "PC": "NUM",
}

#: A word (letters and digits of any script, with inner apostrophes) or one other character.
_TOKEN = re.compile(r"[^\W_]+(?:['’][^\W_]+)*|\S")
_DOSE_UNIT = re.compile(r"(?i)^(?:mg|mcg|µg|ug|g|ml|mls|l|iu|units?|mmol|mg/kg|%|tabs?|caps?|puffs?|drops?|"
                        r"sachets?|patch(?:es)?|mme)$")


def tokens(text: str) -> list[tuple[int, int]]:
    """The words and other characters of ``text``, as (start, end)."""
    return [match.span() for match in _TOKEN.finditer(text)]


# ---------------------------------------------------------------------------------------------- features


def _words(*patterns: str) -> frozenset[str]:
    return frozenset(w.casefold() for p in patterns for w in re.findall(r"[^\W\d_]{2,}", p))


@cache
def _vocab() -> dict[str, frozenset[str]]:
    """The vocabularies the features ask about (caseless)."""
    from mdtboard.domain.phi_gazetteer import clinical_words, town_names
    from mdtboard.domain.phi_names import cue_words
    from mdtboard.domain.phi_people import given_names, surnames
    from mdtboard.domain.phi_places import _INSTITUTION_WORDS, _STREET_FIRST, _STREET_WORDS
    from mdtboard.domain.phi_safelist import _lines, clinical_terms, drug_names, proper_nouns
    from mdtboard.domain.phi_vocab import entries, table

    months = {w for value in table()["months"].values() if isinstance(value, list) for w in value}
    return {
        "given": given_names(), "surname": surnames(), "town": town_names(),
        "proper": proper_nouns(), "drug": drug_names(), "icd": clinical_terms(),
        "clinical": clinical_words(), "cue": cue_words(),
        "nation": frozenset(_lines("languages-and-nations.txt")),
        "inst": _words(_INSTITUTION_WORDS, *entries("institutions"), *entries("institution_forms")),
        "street": _words(_STREET_WORDS, _STREET_FIRST, *entries("streets")),
        "month": _words("January February March April May June July August September October November "
                        "December Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec", *months),
    }


@cache
def _zipf() -> dict[str, float]:
    from mdtboard.domain.phi_people import english_frequency

    return english_frequency()


def _shape(word: str) -> str:
    out: list[str] = []
    for ch in word:
        if ch.isupper():
            c = "X"
        elif ch.islower():
            c = "x"
        elif ch.isdigit():
            c = "d"
        elif ch.isalpha():
            c = "o"  # a letter of a script without case (Chinese, Arabic...)
        else:
            c = ch
        if not out or out[-1] != c:
            out.append(c)
    return "".join(out)[:6]


_WORD_CACHE: dict[str, tuple[list[str], list[str]]] = {}


def _word_features(word: str) -> tuple[list[str], list[str]]:
    """A word's own features, and the few of them its neighbours see."""
    done = _WORD_CACHE.get(word)
    if done is not None:
        return done
    vocab = _vocab()
    key = word.casefold().replace("’", "'")
    shape = _shape(word)
    length = len(word)
    size = length if length < 4 else 5 if length < 6 else 8 if length < 9 else 9
    own = [f"w={key[:20]}", f"sh={shape}", f"p2={key[:2]}", f"p3={key[:3]}", f"s2={key[-2:]}",
           f"s3={key[-3:]}", f"len={size}"]
    zipf = _zipf().get(key)
    near = [f"sh={shape}", f"w={key[:20]}"]
    flags = [name for name, words in vocab.items() if key in words]
    if "'" in key and key.split("'")[0] in vocab["surname"]:
        flags.append("surname")
    own.append(f"z={int(zipf) if zipf is not None else 0}")
    near.append(f"z={int(zipf) if zipf is not None else 0}")
    own += [f"v={name}" for name in flags]
    near += [f"v={name}" for name in flags]
    if word[:1].isalpha() and not word.isascii() and any(ord(ch) > 0x24F for ch in word):
        own.append("script")
    if _DOSE_UNIT.match(word):
        own.append("unit")
        near.append("unit")
    done = (own, near)
    if len(_WORD_CACHE) < 200_000:
        _WORD_CACHE[word] = done
    return done


def features(text: str, spans: list[tuple[int, int]] | None = None) -> list[list[str]]:
    """Each token's features (strings), for the tagger and the trainer."""
    spans = tokens(text) if spans is None else spans
    words = [text[s:e] for s, e in spans]
    lower = {w.casefold() for w in words if w[:1].islower()}
    own_near = [_word_features(w) for w in words]
    out: list[list[str]] = []
    count = len(spans)
    for i, (start, _end) in enumerate(spans):
        word = words[i]
        own, _near = own_near[i]
        feats = ["b", *own]
        gap = text[spans[i - 1][1]:start] if i else "\n"
        if "\n" in gap:
            feats.append("bol")
        elif not gap:
            feats.append("glued")
        if i and words[i - 1] in ".!?:;•-–(\"" or "\n" in gap:
            feats.append("after_stop")
        if word[:1].isupper() and word.casefold() in lower:
            feats.append("lower_elsewhere")
        for offset in (-2, -1, 1, 2):
            j = i + offset
            if 0 <= j < count:
                feats += [f"{offset}{f}" for f in own_near[j][1]]
            else:
                feats.append(f"{offset}edge")
        if i:
            feats.append(f"-1sh|sh={own_near[i - 1][1][0][3:]}|{own[1][3:]}")
        if i + 1 < count:
            feats.append(f"sh|+1sh={own[1][3:]}|{own_near[i + 1][1][0][3:]}")
        out.append(feats)
    return out


# ---------------------------------------------------------------------------------------------- tagging


def model_path() -> Path:
    from mdtboard.resources import resource

    return Path(str(resource("deid", MODEL_FILE)))


_LOCK = threading.Lock()


@cache
def _tagger() -> Any:
    import pycrfsuite  # a compiled extension: loaded only by the teaching-case finder

    tagger = pycrfsuite.Tagger()
    tagger.open(str(model_path()))
    return tagger


def _tag(xseq: list[list[str]]) -> list[str]:
    with _LOCK:
        return list(_tagger().tag(xseq))


#: The model's labels -> the finder's kinds (names of :class:`phi.HintKind` members); numbers are left to
#: the rules, which find them by their formats and check digits.
_KINDS = {"NAME": "NAME", "PLACE": "PLACE", "INST": "INSTITUTION", "ADDR": "ADDRESS", "DATE": "DATE"}


def _runs(labels: list[str]) -> Iterator[tuple[int, int, str]]:
    """(first token, last token + 1, label) of each labelled run (B- starts one; I- of another label too)."""
    begin, current = None, None
    for i, label in enumerate([*labels, "O"]):
        kind = label[2:] if label != "O" else None
        if current is not None and (kind != current or label.startswith("B-")):
            yield begin or 0, i, current
            current = None
        if kind is not None and current is None:
            begin, current = i, kind


@cache
def _not_asked() -> tuple[frozenset[str], re.Pattern[str]]:
    """The medicine names and brands mdtboard knows (words, caseless) and its instruments' names and full
    names (phrases): a stretch holding one is never asked about."""
    import json
    import tomllib

    from mdtboard.resources import resource

    table = tomllib.loads(resource("medicines", "medicines.toml").read_text(encoding="utf-8"))
    names = [name for key, entry in table["ingredient"].items() for name in (
        key, *(n for k in ("names", "brands", "transmucosal_brands") for n in entry.get(k, [])))]
    names += [name for entry in table.get("combination", []) for name in entry.get("names", [])]
    names += [name for key, value in table.get("other", {}).items() for name in (key, *value)]
    words = {w.casefold() for name in names for w in re.findall(r"[^\W\d_]{3,}", name.replace("-", ""))}
    words |= {w.casefold() for name in names for w in re.findall(r"[^\W\d_]{3,}", name)}
    instruments = json.loads(resource("instruments", "instrument-names.json").read_text(encoding="utf-8"))
    phrases = sorted({entry[key].strip() for entry in instruments["instruments"]
                      for key in ("name", "full_name") if entry.get(key)}, key=lambda p: (-len(p), p))
    pattern = re.compile("|".join(rf"(?<!\w){re.escape(p)}(?!\w)" for p in phrases), re.IGNORECASE)
    return frozenset(words) | _vocab()["drug"], pattern


_YEAR = re.compile(r"(?:19|20)\d\d")


def _date_like(piece: str, words: list[str]) -> bool:
    """Whether a stretch the model takes for a date may be one: with a month ("Nov", "Ramzan"), in another
    script, or a day and a month in digits ("10/12", "3.4.2026"); not a year alone, a measure, a range, a
    score or a reading ("1-2", "13/16", "132/84", "2/52"), nor numbers in a list ("8, 11, 15")."""
    if any(_DOSE_UNIT.match(w) or w.casefold() in ("cm", "mm", "kg", "km", "m") for w in words):
        return False
    vocab = _vocab()
    if any(w.casefold().rstrip(".") in vocab["month"]
           and (w[:1].isupper() or _zipf().get(w.casefold(), 0) < 3) for w in words):
        return True  # (a month that is also an English word only when capitalised: not "3 ago")
    if any(ch.isalpha() and ord(ch) > 0x24F for ch in piece):
        return True  # another script's calendar ("٢٢ نوفمبر")
    numbers = [w for w in words if w.isdigit()]
    days = [w for w in numbers if not _YEAR.fullmatch(w)]
    if not days:
        return False  # a year may stay
    letters = [w for w in words if w.isalpha()]
    if any(w[:1].isupper() and _zipf().get(w.casefold(), 0) < 4 for w in letters):
        return True  # a month or an era of a calendar no vocabulary lists ("Reiwa 8", "Ramzan 1447")
    separators = {w for w in words if not w.isalnum()}
    if letters or not separators <= {"/", ".", "-"} or not 2 <= len(numbers) <= 3 or any(
            len(d) > 2 or int(d) > 31 for d in days):
        return False
    if len(days) == 2 and min(map(int, days)) > 12:
        return False
    return not (len(numbers) == 2 and "-" in separators)


def common_word(piece: str) -> bool:
    """Whether ``piece`` is one common English word that is not a census name, a town or usually written
    capitalised ("Yesterday", "Referral", "Institute")."""
    key = piece.casefold()
    return key.isalpha() and _zipf().get(key, 0) >= 3 and not any(
        key in _vocab()[v] for v in ("given", "surname", "town", "proper"))


#: Words that make a name and a number a measure, not a street and a house number ("Tampa Scale 44").
_MEASURES = frozenset(("scale", "score", "index", "inventory", "questionnaire", "test", "grade", "level",
                       "class", "stage", "type", "subscale", "total"))


def askable(piece: str, kind: str) -> bool:
    """Whether ``piece``, labelled ``kind`` by the model, may be asked about: two letters or digits at
    least; a date only as :func:`_date_like` says; not a country, a state or a language alone ("New South
    Wales"), nor one common English word alone that is not a census name ("Referral", "Institute"); words in
    lower case only when one of them is a census name or a town that is not a common English word ("marek
    zajac", not "del", "ohne")."""
    words = [piece[s:e] for s, e in tokens(piece)]
    if sum(ch.isalnum() for ch in piece) < 2:
        return False
    if kind == "DATE":
        return _date_like(piece, words)
    if kind == "ADDR" and any(w.casefold() in _MEASURES for w in words):
        return False  # a score with its number, "Tampa Scale 44", is no street and house number
    vocab = _vocab()
    key = " ".join(w.casefold() for w in words if w.isalnum())
    if key in _regions() or key and all(w in vocab["nation"] for w in key.split()):
        return False
    alpha = [w.casefold() for w in words if w.isalpha()]
    if common_word(piece):
        return False
    if piece.count("_") >= 2:
        return False  # a program's key ("hoos_jr_interval_score"), not a user name ("s.okafor_rn")
    glued = re.fullmatch(r"([a-z]+)\d{1,3}", piece)
    letters = glued.group(1) if glued else ""
    if glued and (len(letters) <= 3 or letters in vocab["icd"] or letters in vocab["drug"]
                  or _zipf().get(letters, 0) >= 3):
        return False  # a clinical word or an abbreviation and a number, "covid19", "spo2", is no user name
    named = any((w in vocab["given"] or w in vocab["surname"]) and _zipf().get(w, 0) < ALONE for w in alpha)
    if alpha and len(alpha) == sum(w.isalnum() for w in words) and all(map(_safe, alpha)) and not named:
        # words the safe-list catch knows to be safe, none a name rare enough as a word: "Will Grace help?
        # Hope so.", "Back Lane and Main Road", "at Physiotherapy", "MRI Thursday"
        return False
    if not any(ch.isupper() or (ch.isalpha() and ord(ch) > 0x24F) or ch.isdigit() for ch in piece):
        return any(len(w) >= 4 and (w in vocab["given"] or w in vocab["surname"] or w in vocab["town"])
                   and _zipf().get(w, 0) < 4 for w in alpha)
    return True


def _safe(key: str) -> bool:
    """Whether the safe-list catch knows ``key`` to be safe (phi_safelist.py), or it is a month."""
    from mdtboard.domain.phi_safelist import _known, safe_words

    return key in _vocab()["month"] or _known(key, safe_words(), set())


@cache
def _regions() -> frozenset[str]:
    """Countries, states, provinces and languages, written in full (caseless, words joined by a space)."""
    from mdtboard.domain.phi_gazetteer import REGIONS
    from mdtboard.resources import resource

    lines = resource("deid", "languages-and-nations.txt").read_text(encoding="utf-8").splitlines()
    names = {line.split("  ")[0].strip() for line in lines if line and not line.startswith("#")}
    return frozenset(" ".join(re.findall(r"[^\W_]+", name.casefold())) for name in (*names, *REGIONS))


_PAIN_SCORE = re.compile(r"(?:10|\d)\s?/\s?10")


def _askable(text: str, spans: list[tuple[int, int]], first: int, last: int, kind: str,
             lower: set[str]) -> bool:
    """Whether the run of tokens ``first``..``last``, labelled ``kind``, may be asked about: see
    :func:`askable`; and not a medicine, not part of an instrument's name, not before a dose; not words the
    same text writes in lower case elsewhere (``lower``: "Lindsay finds ... she said lindsay")."""
    words = [text[s:e] for s, e in spans[first:last]]
    start, end = spans[first][0], spans[last - 1][1]
    if not askable(text[start:end], kind):
        return False
    capitalised = [w.casefold() for w in words if w[:1].isupper()]
    if kind != "DATE" and capitalised and all(w in lower for w in capitalised):
        return False
    if kind == "ADDR" and not any(ch.isalpha() for ch in text[start:end]):
        return False  # figures alone are no street ("2019-20")
    if kind == "DATE" and _PAIN_SCORE.fullmatch(text, start, end):
        return False  # "7/10": a pain score out of ten, in a pain clinic's letters, far more than a date
    if kind == "DATE" and not any(ch.isalpha() for ch in text[start:end]):
        # a fraction after a score's or a reading's name, or before a unit, is not a date ("HADS 11/21")
        before = text[max(0, start - 40):start]
        if _READING_BEFORE.search(before) or _SCORE_BEFORE.search(before) or _AFTER_FRACTION.match(text, end):
            return False
    elif kind != "DATE" and (_EPONYM_AFTER.match(text, end) or _NOT_A_TOWN_AFTER.match(text, end)):
        return False  # an eponym ("Ficat and Arlet stage II", "Kellgren-Lawrence grade 4")
    medicines, instruments = _not_asked()
    joined = re.findall(r"[^\W\d_]+(?:-[^\W\d_]+)*", text[start:end])  # "co-codamol"
    if any(w.casefold() in medicines or w.replace("-", "").casefold() in medicines
           for w in (*words, *joined)):
        return False
    if any(m.start() < end and start < m.end() for m in instruments.finditer(text, max(0, start - 80),
                                                                              min(len(text), end + 80))):
        return False
    after = [text[s:e] for s, e in spans[last:last + 2]]
    return not (len(after) == 2 and after[0].isdigit() and _DOSE_UNIT.match(after[1]))


def model_spans(text: str) -> list[tuple[int, int, str]]:
    """The stretches of ``text`` the model labels as identifiers, with the finder's kind (a name of a
    :class:`phi.HintKind` member)."""
    if not text or not any(ch.isalnum() for ch in text) or _REFERENCE.search(text):
        return []  # (a bibliographic reference: its authors and journal are not the case's)
    spans = tokens(text)
    labels = _tag(features(text, spans))
    # (not a word of an e-mail or web address: "pijncentrum@umcg.nl" does not make "UMCG" a word)
    lower = {text[s:e].casefold() for s, e in spans
             if text[s].islower() and (s == 0 or text[s - 1] not in "@./-")}
    out = []
    for first, last, label in _runs(labels):
        kind = _KINDS.get(label)
        if kind is None or not _askable(text, spans, first, last, label, lower):
            continue
        out.append((spans[first][0], spans[last - 1][1], kind))
    return _listed_names(text, out)


#: "RAMIREZ SOTO, ESPERANZA": a family name in capitals, a comma and a given name in capitals.
_LISTED_NAME = re.compile(
    r"[A-ZÀ-Þ][A-ZÀ-Þ'’-]+(?: [A-ZÀ-Þ][A-ZÀ-Þ'’-]+)*,\s*(?P<given>[A-ZÀ-Þ][A-ZÀ-Þ'’-]+)"
)


def _listed_names(text: str, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """A name listed as records and wristbands write it, family name first in capitals, is a name whatever
    kind the model gave its parts (capitals alone look like an institution's abbreviation to it)."""
    from mdtboard.domain.phi_people import given_names

    for start, _end, _kind in list(spans):
        match = _LISTED_NAME.match(text, start)
        if match is None or match.group("given").casefold() not in given_names():
            continue
        inside = [sp for sp in spans if start <= sp[0] and sp[1] <= match.end()]
        if inside:
            spans = [sp for sp in spans if sp not in inside] + [(start, match.end(), "NAME")]
    return sorted(spans)
