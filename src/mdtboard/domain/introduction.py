"""How the patient is introduced, the same on every surface: the case editor's header, the discussion's key
facts, the big screen, printed papers.

The patient is introduced as they describe themself: their gender identity when it is recorded (the
recorded sex only when no gender identity is), and their pronouns, labelled so that "they/them" reads as
pronouns and not as a word of the sentence. Each part is left out when it is not recorded.
"""

from __future__ import annotations

from dataclasses import dataclass

from mdtboard.domain.case import Case, Patient

SEPARATOR = " \u00b7 "


@dataclass(frozen=True)
class Introduction:
    """The patient's name and the facts that introduce them, in order."""

    name: str
    facts: tuple[str, ...]

    def facts_line(self) -> str:
        """"52 years · non-binary · pronouns they/them · speaks Spanish, interpreter needed"."""
        return SEPARATOR.join(self.facts)

    def line(self) -> str:
        """The name followed by the facts."""
        return SEPARATOR.join((self.name, *self.facts)) if self.name else self.facts_line()


def _clean(value: str | None) -> str:
    return " ".join((value or "").split())


def introduce_patient(patient: Patient, *, language: bool = True) -> Introduction:
    """The patient as they describe themself: age, gender identity (else the recorded sex), pronouns and,
    with ``language``, the language they speak and whether an interpreter is needed."""
    facts: list[str] = []
    if patient.age is not None:
        facts.append(f"{patient.age} years")
    gender = _clean(patient.gender_identity) or _clean(patient.sex)
    if gender:
        facts.append(gender)
    pronouns = _clean(patient.pronouns)
    if pronouns:
        facts.append(f"pronouns {pronouns}")
    if language:
        spoken = _clean(patient.preferred_language)
        if spoken:
            interpreter = ", interpreter needed" if patient.interpreter_needed else ""
            facts.append(f"speaks {spoken}{interpreter}")
        elif patient.interpreter_needed:
            facts.append("interpreter needed")
    return Introduction(_clean(patient.display_name), tuple(facts))


def introduce_case(case: Case) -> Introduction:
    """:func:`introduce_patient`, followed by whether the case is about a real patient or a fictional one."""
    intro = introduce_patient(case.patient)
    kind = "fictional case" if case.fictional else "real patient"
    return Introduction(intro.name, (*intro.facts, kind))
