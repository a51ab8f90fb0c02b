"""What trainees see of a teaching case while they prepare.

For a case of the bank (one with a facilitator guide), the disciplines' input (the model answers) and the
case's red-flag list (what the team should find) are kept back until the debrief, where the facilitator
guide shows them; restricted text is withheld as on every shared surface. Other teaching cases are shown
whole (they have no model answers), restricted text withheld.
"""

from __future__ import annotations

from dataclasses import dataclass

from mdtboard.domain.case import Case
from mdtboard.domain.facilitator_guides import guide_for
from mdtboard.domain.instruments import instrument_label
from mdtboard.domain.privacy import shared_case

WITHHELD = ("Kept for the debrief: each discipline's input (the model answers) and the red flags the team "
            "should find for themselves.")


@dataclass(frozen=True)
class Preparation:
    sections: tuple[tuple[str, str], ...]  # (heading, text), in ISBAR order
    withheld: str | None  # what was kept back, in words; None when nothing was


def preparation(case: Case) -> Preparation:
    shown = shared_case(case)
    bank = guide_for(case.ref) is not None
    sections: list[tuple[str, str]] = []

    def add(heading: str, text: str | None) -> None:
        if text and text.strip():
            sections.append((heading, text.strip()))

    def add_list(heading: str, items: list[str] | None) -> None:
        if items:
            sections.append((heading, "\n".join(f"• {item}" for item in items)))

    patient = shown.patient
    about = ", ".join(x for x in (f"{patient.age}" if patient.age is not None else "", patient.pronouns or "",
                                  patient.preferred_language or "") if x)
    add("Patient", f"{patient.display_name}{f' ({about})' if about else ''}"
        + (" – interpreter needed" if patient.interpreter_needed else ""))
    add("One-liner", shown.one_liner)
    add("Question for the team", shown.question_for_team)
    add("Presenting complaint", shown.presenting_complaint)
    add("Pain history", shown.pain_history)
    add("Psychosocial", shown.psychosocial)
    add("Sharing restrictions", shown.sharing_restrictions)
    add_list("Medicines", [" ".join(x for x in (m.name, m.dose or "", m.route or "", m.frequency or "") if x)
                           for m in shown.medications or []])
    add_list("Treatments so far", shown.prior_treatments)
    add_list("Imaging", shown.imaging)
    add_list("Comorbidities", shown.comorbidities)
    add_list("The patient's goals", shown.function_goals)
    scores = shown.scores
    if scores is not None:
        parts = [f"NRS {scores.nrs}" if scores.nrs is not None else "",
                 (f"PEG items {scores.peg_items.pain}, {scores.peg_items.enjoyment}, "
                  f"{scores.peg_items.general_activity}") if scores.peg_items else "",
                 f"PHQ-9 {scores.phq9_total}" if scores.phq9_total is not None else "",
                 f"PHQ-9 item 9: {scores.phq9_item9}" if scores.phq9_item9 is not None else "",
                 f"GAD-7 {scores.gad7_total}" if scores.gad7_total is not None else "",
                 *(f"{instrument_label(o.instrument)} {o.value:g}" for o in scores.other or [])]
        add("Scores", "; ".join(x for x in parts if x))
    if not bank:
        add_list("Red flags", shown.red_flags)
        inputs = shown.discipline_inputs or []
        add_list("Disciplines' input",
                 [f"{i.discipline.label}: {i.assessment or ''} {i.recommendations or ''}" for i in inputs])
    return Preparation(tuple(sections), WITHHELD if bank else None)
