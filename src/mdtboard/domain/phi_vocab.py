"""The vocabularies of :mod:`mdtboard.domain.phi_world`, read from ``resources/deid/identifier-words.toml``
(dated and sourced there): relations, titles, kinds of institution, street words, units, record labels,
months, feast days, administrative divisions and postcode formats, in many languages.

Each table is turned into a regular-expression alternation: an entry written all in capitals ("ART",
"UMC") matches only as written; other entries match whatever their case, unless the caller asks for the
case as written (titles: "mr." is a Dutch title, "Mr" another). Spaces in an entry match any run of spaces.
"""

from __future__ import annotations

import re
import tomllib
from functools import cache
from typing import Any


@cache
def table() -> dict[str, Any]:
    """The whole vocabulary file, parsed."""
    from mdtboard.resources import resource

    return tomllib.loads(resource("deid", "identifier-words.toml").read_text(encoding="utf-8"))


def entries(section: str, key: str | None = None) -> list[str]:
    """The entries of one table (``key``), or of every list of a section (the languages of a table)."""
    part = table()[section]
    if key is not None:
        return list(part[key])
    return [word for value in part.values() if isinstance(value, list) for word in value]


def alternation(words: list[str], as_written: bool = False) -> str:
    """One pattern matching any of ``words`` (longest first), as whole words (see the module).

    The words are grouped by case rule and by whether they begin and end with a letter or digit, so that each
    group is one alternation inside one pair of word-boundary checks (much faster than a check per word)."""
    groups: dict[tuple[bool, bool, bool], list[str]] = {}
    for word in sorted(set(words), key=len, reverse=True):
        exact = as_written or (word.upper() == word and any(ch.isalpha() for ch in word))
        key = (exact, word[0].isalnum(), word[-1].isalnum())
        groups.setdefault(key, []).append(r"\s+".join(re.escape(piece) for piece in word.split()))
    parts = []
    for (exact, starts, ends), bodies in groups.items():
        body = "(?:" + "|".join(bodies) + ")"
        if not exact:
            body = f"(?i:{body})"
        parts.append(("(?<![^\\W_])" if starts else "") + body + ("(?![^\\W_])" if ends else ""))
    return "(?:" + "|".join(parts) + ")"


def postcode_formats() -> dict[str, tuple[str, str, bool]]:
    """Postcode formats by country: (pattern, example, distinct)."""
    return {country: (entry["pattern"], entry["example"], bool(entry["distinct"]))
            for country, entry in table()["postcodes"].items()}


#: Capital and small letters of the Latin, Greek and Cyrillic scripts (with Vietnamese's), for patterns
#: that must tell a capitalised word: "İstanbul", "Județean", "Bến Thành".
_LETTERS = [chr(code) for code in (*range(0x41, 0x250), *range(0x370, 0x530), *range(0x1E00, 0x1F00))]
UPPER = "[" + "".join(re.escape(ch) for ch in _LETTERS if ch.isupper()) + "]"
LOWER = "[" + "".join(re.escape(ch) for ch in _LETTERS if ch.islower()) + "]"
