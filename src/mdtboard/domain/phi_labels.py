"""What a form's label says is an identifier, for :mod:`mdtboard.domain.phi`: the line after an address
label ("Address:", "Adres:", "Osoite:", "Bydliště:", "Wohnhaft:", "Morada:") is an address, whatever its
local form, and the capitalised words after a patient or name label ("Patient:", "Pt:", "Nombre:",
"Potilas:", "Patiënte:") are a name. The labels of many languages are data
(``resources/deid/identifier-words.toml``, section ``labels``).
"""

from __future__ import annotations

import re
from functools import cache

from mdtboard.domain.phi_vocab import LOWER, UPPER, alternation, entries

Sure = tuple[int, int, bool]

#: Where an address written after its label ends: the line, a semicolon, a dash between phrases, a phone.
_ADDRESS_END = re.compile(r"\n|;|\.\s+(?=[A-ZÀ-ÝĀ-Ž])|"
                          r"\s[–—|]\s|\s-\s|\s{3,}|\s\((?!\d)|,?\s+(?i:tel|tlf|ph|phone|puh|mob|fax)\b")
_PART = (rf"(?:{UPPER}{LOWER}[^\W\d_]*(?:['’-][^\W\d_]+)*|{UPPER}['’]{UPPER}[^\W\d_]+|"
         rf"{UPPER}{{2,}}(?![\w])|"
         rf"{UPPER}\.|(?:van|von|de|der|den|da|dos|del|la|le|di|bin|binti|al|el|ó|ní)(?=\s))")
_PARTICLES = frozenset({"van", "von", "de", "der", "den", "da", "dos", "del", "la", "le", "di", "bin",
                        "binti", "al", "el", "ó", "ní"})
_NAME = re.compile(rf"{_PART}(?:[ \t]+{_PART}){{0,5}}")


@cache
def _labels() -> tuple[re.Pattern[str], re.Pattern[str]]:
    address = alternation(entries("labels", "address"))
    person = alternation(entries("labels", "person"))
    colon = r"\.?[ \t]*:[ \t]*"
    return (re.compile(rf"(?<![\w-]){address}{colon}"), re.compile(rf"(?<![\w-]){person}{colon}"))


def label_spans(text: str, not_names: frozenset[str]) -> list[tuple[int, int, str, bool]]:
    """(start, end, "address" or "name", sure) of what stands after the labels in ``text``."""
    spans: list[tuple[int, int, str, bool]] = []
    address, person = _labels()
    for match in address.finditer(text):
        start = match.end()
        stop = _ADDRESS_END.search(text, start, min(len(text), start + 160))
        end = stop.start() if stop else min(len(text), start + 160)
        while end > start and text[end - 1] in " .,":
            end -= 1
        if end > start and any(ch.isalnum() for ch in text[start:end]):
            spans.append((start, end, "address", True))
    for match in person.finditer(text):
        if match.group().startswith(("PT", "PAT")):  # a physiotherapist's entry ("PT: TUG 24 s"), not "Pt:"
            continue
        name = _NAME.match(text, match.end())
        if name is None:
            continue
        end = match.end()
        words = 0
        for part in re.finditer(_PART, name.group()):
            word = part.group()
            if word.casefold() in _PARTICLES:
                continue
            if word.strip(".").casefold() in not_names:
                break
            if word[0].isupper():
                end, words = match.end() + part.end(), words + 1
        if words and text[match.end():end].strip(". ") and len(text[match.end():end].strip(".")) > 1:
            spans.append((match.end(), end, "name", words > 1))
    return spans
