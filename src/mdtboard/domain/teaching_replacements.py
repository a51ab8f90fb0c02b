"""What each kind of identifier is replaced with in a teaching case, for :mod:`mdtboard.domain.deidentify`:
a pseudonym fitting the words around a name (a title, a pronoun, a clinician's role), a date's year, "90 or
older", "a local hospital", a bracketed placeholder."""

from __future__ import annotations

import re

from mdtboard.domain.phi import OLDEST_AGE_TEXT, HintKind, IdentifierHint
from mdtboard.domain.pseudonyms import NEUTRAL, Aliases, gender_from_cue

__all__ = ["name_cue", "name_replacement", "replacement"]

_TITLE_BEFORE = re.compile(
    r"\b(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Professor|Sister|Nurse|Fr|Father|Rev|Revd|Reverend|Pastor|Imam|Rabbi|Sr|"
    r"Cllr|Sgt|Judge|Canon|Sheikh)\.?\s+$"
)
_CLINICIAN_BEFORE = re.compile(
    r"\b(?:Dr|Prof|Professor|Nurse|Sister|GP|consultant|surgeon|physio\w*|psycholog\w*|pharmacist|registrar|"
    r"therapist|rheumatologist|neurologist|oncologist|midwife|dentist|seen\s+by|referred\s+by|reviewed\s+by|"
    r"assessed\s+by|signed)\b[^.;]{0,12}$",
    re.IGNORECASE,
)
_INSTITUTION_PROPOSALS = (
    (re.compile(r"hospital|infirmary", re.I), "a local hospital"),
    (re.compile(r"clinic|medical cent|health cent|surgery|practice", re.I), "a local clinic"),
    (re.compile(r"school|academy|college|university", re.I), "a local school"),
    (re.compile(r"church|chapel|cathedral|parish|kirk", re.I), "a local church"),
    (re.compile(r"mosque|masjid", re.I), "a local mosque"),
    (re.compile(r"temple|gurdwara", re.I), "a local temple"),
    (re.compile(r"synagogue", re.I), "a local synagogue"),
    (re.compile(r"nursing home|care home|hospice", re.I), "a care home"),
    (re.compile(r"pharmacy|chemist", re.I), "a local pharmacy"),
)
_PLACEHOLDERS: dict[HintKind, str] = {
    HintKind.PHONE: "[phone number]",
    HintKind.EMAIL: "[e-mail address]",
    HintKind.URL: "[web address]",
    HintKind.IP_ADDRESS: "[IP address]",
    HintKind.SSN: "[social security number]",
    HintKind.RECORD_NUMBER: "[record number]",
    HintKind.ADDRESS: "[street address]",
    HintKind.POSTCODE: "[postcode]",
    HintKind.PLACE: "[town]",
    HintKind.DATE: "[date]",
    HintKind.NAME_OR_PLACE: "[name or place]",
}


def _age_text(found: str) -> str:
    if re.search(r"\d-", found):
        return "90+-year-old"
    if found.casefold().startswith("age"):
        return f"{found.split()[0]} {OLDEST_AGE_TEXT}"
    return OLDEST_AGE_TEXT


def name_cue(text: str, start: int, end: int) -> bool:
    """Whether the words around a name say whether it is a woman's or a man's, or a clinician's."""
    before, after = text[max(0, start - 40):start], text[end:end + 30]
    following = re.match(r"\s*(?:,|\()\s*(?:(?:his|her|their|the patient's)\s+)?(\w+(?:-\w+)*)", after)
    return (gender_from_cue(before[-25:]) != NEUTRAL or bool(_TITLE_BEFORE.search(before))
            or bool(_CLINICIAN_BEFORE.search(before))
            or (following is not None and gender_from_cue(following.group(1)) != NEUTRAL))


def name_replacement(aliases: Aliases, text: str, start: int, end: int) -> str:
    before, after = text[max(0, start - 40):start], text[end:end + 30]
    titled = _TITLE_BEFORE.search(before)
    cue = (titled.group() if titled else "") or before[-25:]
    following = re.match(r"\s*(?:,|\()\s*(?:(?:his|her|their|the patient's)\s+)?(\w+(?:-\w+)*)", after)
    gender = gender_from_cue(cue)
    if gender == NEUTRAL and following:
        gender = gender_from_cue(following.group(1))
    clinician = bool(_CLINICIAN_BEFORE.search(before))
    return aliases.full_name(text[start:end], gender, titled=bool(titled), clinician=clinician)


def replacement(aliases: Aliases, hint: IdentifierHint, text: str, start: int) -> str:
    if hint.kind is HintKind.NAME:
        return name_replacement(aliases, text, start, start + len(hint.text))
    if hint.kind is HintKind.DATE and hint.year is not None:
        return str(hint.year)
    if hint.kind is HintKind.AGE_OVER_89:
        return _age_text(hint.text)
    if hint.kind is HintKind.INSTITUTION:
        for pattern, words in _INSTITUTION_PROPOSALS:
            if pattern.search(hint.text):
                return words
        return "[named place]"
    return _PLACEHOLDERS.get(hint.kind, "[removed]")

