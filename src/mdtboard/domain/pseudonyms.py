"""Pseudonyms for the people of a teaching case: the same person gets the same name everywhere in the case.

The names are data (``resources/teaching/pseudonyms.json``: given names by the gender a name is usually read
as, neutral names, family names, grouped by the language a patient prefers). :class:`Aliases` maps each part
of a real name to a pseudonym part, chosen from a seed (the same seed and the same names give the same
pseudonyms), never a part of any real name of the case, and never the same pseudonym for two real names.
The patient's pseudonym fits the patient's pronouns (or sex) and preferred language; relatives get names of
the same culture (a relative sharing the patient's family name shares the pseudonym's), with a gender read
from the relation ("daughter", "Mrs"); clinicians get names from any group.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from mdtboard.domain.phi_names import initials_forms
from mdtboard.domain.phi_staff import INITIALS
from mdtboard.resources import resource


def _words(text: str) -> list[str]:
    """The words of a list written as one string (easier to read and edit than a list literal)."""
    return text.split()


GIVEN, FAMILY = "given", "family"
FEMALE, MALE, NEUTRAL = "female", "male", "neutral"

_FEMALE_CUES = frozenset(
    _words(
        "daughter wife mother mum mom mam sister niece granddaughter grandmother aunt auntie aunty "
        "girlfriend landlady fiancée fiancee mrs ms miss madam nana granny sister-in-law daughter-in-law "
        "stepdaughter step-daughter stepmother step-mother "
    )
)


_MALE_CUES = frozenset(
    _words(
        "son husband father dad brother nephew grandson grandfather uncle boyfriend landlord fiancé "
        "fiance mr fr sir grandad son-in-law brother-in-law stepson step-son stepfather step-father "
    )
)


@cache
def _book() -> dict[str, Any]:
    with resource("teaching", "pseudonyms.json").open(encoding="utf-8") as handle:
        data: dict[str, Any] = json.load(handle)
    return data


def group_for(language: str | None) -> str:
    """The name group for a preferred language ("Polish" -> "polish"); English names otherwise."""
    languages: dict[str, str] = _book()["languages"]
    words = (language or "").casefold().replace("(", " ").replace(")", " ").replace(",", " ").split()
    for word in words:
        if word in languages:
            return languages[word]
    return "english"


def gender_for(pronouns: str | None, sex: str | None = None, gender_identity: str | None = None) -> str:
    """female, male or neutral: from the pronouns first, then the gender identity, then the sex."""
    for value in (pronouns, gender_identity, sex):
        words = (value or "").casefold().replace("/", " ").split()
        if not words:
            continue
        if words[0] in {"she", "her", "female", "woman", "f"}:
            return FEMALE
        if words[0] in {"he", "him", "male", "man", "m"}:
            return MALE
        return NEUTRAL
    return NEUTRAL


def gender_from_cue(cue: str) -> str:
    """The gender a relation or title implies ("daughter" female, "Mr" male), neutral when none."""
    words = cue.casefold().replace(".", " ").replace(",", " ").replace("(", " ").split()
    for word in reversed(words[-2:]):  # the relation or title right before the name
        if word in _FEMALE_CUES:
            return FEMALE
        if word in _MALE_CUES:
            return MALE
    return NEUTRAL


def groups() -> tuple[str, ...]:
    return tuple(sorted(_book()["groups"]))


_INITIALS = re.compile(INITIALS)


#: The letters initials are made of (the commonest first letters of names).
_INITIAL_LETTERS = "ABCDEFGHJKLMNPRSTW"


def _digest(*parts: str) -> int:
    digest = hashlib.sha256("\x1f".join(("mdtboard-alias", *parts)).encode()).digest()
    return int.from_bytes(digest[:8], "big")


@dataclass
class Aliases:
    """Real name part (compared caselessly) -> pseudonym part, for one case.

    ``avoid``: every real name part of the case (a pseudonym is never one of them).
    """

    seed: str
    group: str
    avoid: set[str] = field(default_factory=set)
    mapping: dict[str, str] = field(default_factory=dict)

    def known(self, real: str) -> str | None:
        return self.mapping.get(real.casefold())

    def is_pseudonym(self, word: str) -> bool:
        return word.casefold() in {v.casefold() for v in self.mapping.values()}

    def alias(self, real: str, part: str, gender: str = NEUTRAL, group: str | None = None) -> str:
        """The pseudonym of one name part; the first call for a part decides it, later calls repeat it."""
        key = real.casefold()
        if key in self.mapping:
            return self.mapping[key]
        chosen_group = group or self.group
        book = _book()["groups"]
        names: list[str] = book[chosen_group][FAMILY if part == FAMILY else gender]
        used = {v.casefold() for v in self.mapping.values()}
        start = _digest(self.seed, part, gender, key)
        for step in range(len(names)):
            candidate = names[(start + step) % len(names)]
            if candidate.casefold() not in used and candidate.casefold() not in self.avoid:
                self.mapping[key] = candidate
                return candidate
        # every name of the group is taken: fall back to the other groups in a fixed order
        for other in groups():
            for candidate in book[other][FAMILY if part == FAMILY else gender]:
                if candidate.casefold() not in used and candidate.casefold() not in self.avoid:
                    self.mapping[key] = candidate
                    return candidate
        raise ValueError("no pseudonym left")  # 18 groups of names: never reached by a real case

    def clinician_group(self, real: str) -> str:
        """Clinicians' pseudonyms come from any group, chosen by the seed and the name."""
        names = groups()
        return names[_digest(self.seed, "clinician", real.casefold()) % len(names)]

    def full_name(self, real: str, gender: str, *, titled: bool = False, clinician: bool = False) -> str:
        """A whole name as written ("Aoife", "Dr Osei", "Tom Reilly") with each part replaced.

        One word after a title is a family name; otherwise the last of several words is the family name and
        the others are given names; a single word without a title is a given name, unless it is already known.
        """
        words = real.split()
        out: list[str] = []
        for index, word in enumerate(words):
            core = word.strip("'’-.,")
            lead = word[: len(word) - len(word.lstrip("'’-.,"))]
            tail = word[len(lead) + len(core):]
            if not core:
                out.append(word)
                continue
            known = self.known(core)
            if known is None and len(words) == 1 and not titled and _INITIALS.fullmatch(core):
                known = self.initials(core)
            if known is None:
                family = titled if len(words) == 1 else index == len(words) - 1
                group = self.clinician_group(real) if clinician else None
                known = self.alias(core, FAMILY if family else GIVEN, gender, group)
                if "-" in core:  # a double-barrelled name: each part alone is the same person
                    for piece in core.split("-"):
                        self.mapping.setdefault(piece.casefold(), known)
            out.append(f"{lead}{known}{tail}")
        pseudonym = " ".join(out)
        self._remember_initials(real, pseudonym)
        return pseudonym

    def initials(self, real: str) -> str:
        """Initials of nobody named in the case ("TW" in "Present: TW, LB") stand for other initials, chosen
        by the seed and the initials (so each person keeps theirs and different people get different ones,
        even when each is asked about alone), never a whole name, never capitals the case writes."""
        key = real.casefold()
        if key in self.mapping:
            return self.mapping[key]
        taken = set(self.mapping.values())
        for attempt in range(200):
            number = _digest(self.seed, "initials", key, str(attempt))
            candidate = _INITIAL_LETTERS[number % 18] + _INITIAL_LETTERS[number // 18 % 18]
            fresh = candidate not in taken and candidate.casefold() not in (key, *self.avoid)
            if fresh:
                self.mapping[key] = candidate
                return candidate
        self.mapping[key] = real  # (200 tries: never reached by a real case)
        return real

    def _remember_initials(self, real: str, pseudonym: str) -> None:
        """The initials of a whole name stand for the initials of its pseudonym ("CJ" of Carol Jessop is "RS"
        of Rocio Sanchez), so that minutes signed with initials still say who is who. Kept with the name
        parts: the first whole name with those initials decides them."""
        mine, theirs = initials_forms(real), initials_forms(pseudonym)
        if mine and theirs:
            for key, value in zip(mine, theirs, strict=True):
                self.mapping.setdefault(key.casefold(), value)
