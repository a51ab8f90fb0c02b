"""The words the three papers use for the same agreed plan: one short line per medicine for the team and
the GP, plain instructions for the patient, dates in words, and the discreet sharing-restriction notice.

Only what was agreed is printed: accepted interventions (never proposed ones), the decisions made, and
pending decisions as such. Restricted text (the sharing restriction itself) is never part of any of
these texts: the papers print the shared notice (:func:`mdtboard.domain.privacy.sharing_notice`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from mdtboard.domain.careplan import CarePlan, Intervention, MedicationAction, MedicationPlanEntry
from mdtboard.domain.case import Case, DailyDose, Discipline
from mdtboard.domain.mme import format_number


def long_date(value: date | None) -> str:
    """"Thursday 14 January 2027"."""
    if value is None:
        return "not set"
    return f"{value:%A} {value.day} {value:%B %Y}"


def short_date(value: date | None) -> str:
    """"14 Jan 2027", with no-break spaces (a date is never broken over two lines)."""
    if value is None:
        return "not set"
    return f"{value.day}\u00a0{value:%b}\u00a0{value:%Y}"


def dose_text(dose: DailyDose | None) -> str:
    if dose is None:
        return ""
    if dose.unit == "mcg/h":
        return f"{format_number(dose.amount)} mcg/h"
    return f"{format_number(dose.amount)} {dose.unit}/day"


def _plain_dose(dose: DailyDose | None) -> str:
    if dose is None:
        return ""
    if dose.unit == "mcg/h":
        return f"a {format_number(dose.amount)} micrograms an hour patch"
    unit = "micrograms" if dose.unit == "mcg" else dose.unit
    return f"{format_number(dose.amount)} {unit} a day in total"


def decision_text(entry: MedicationPlanEntry) -> str:
    """The decision in a few words, for the team's and the GP's tables: "Reduce to 100 mg/day"."""
    action, after = entry.action, dose_text(entry.dose_after)
    if action is MedicationAction.REDUCE:
        return f"Reduce to {after}" if after else "Reduce"
    if action is MedicationAction.CHANGE:
        return f"Change dose to {after}" if after else "Change dose"
    if action is MedicationAction.SWITCH:
        target = entry.switch_to or "another medicine"
        return f"Switch to {target}" + (f" {after}" if after else "")
    if action is MedicationAction.START:
        return f"Start {after}" if after else "Start"
    if action is MedicationAction.PENDING:
        return "Decision pending"
    return action.label


def pending_text(entry: MedicationPlanEntry) -> str:
    """"Options: buprenorphine switch or slow taper; decided with the patient by Dr A by 10 Jan 2027"."""
    parts = []
    if entry.options:
        parts.append(f"Options: {entry.options}")
    who = entry.decided_by or "not named yet"
    parts.append(f"decided with the patient by {who}, by {short_date(entry.decide_by)}")
    return "; ".join(parts)


def patient_instruction(entry: MedicationPlanEntry) -> str:
    """What the patient does with one medicine, in plain words (no MME, no abbreviations of ours)."""
    med, action = entry.medication, entry.action
    after = _plain_dose(entry.dose_after)
    how = f" {entry.detail.strip()}" if entry.detail and entry.detail.strip() else ""
    if action is MedicationAction.CONTINUE:
        return f"Keep taking {med} as you do now.{how}"
    if action is MedicationAction.REDUCE:
        return f"Take less {med}" + (f": {after}." if after else ".") + how
    if action is MedicationAction.CHANGE:
        return f"Change how much {med} you take" + (f": {after}." if after else ".") + how
    if action is MedicationAction.STOP:
        return f"Stop taking {med}.{how}"
    if action is MedicationAction.SWITCH:
        target = entry.switch_to or "a new medicine"
        return f"Stop taking {med} and take {target} instead" + (f": {after}." if after else ".") + how
    if action is MedicationAction.START:
        return f"Start taking {med}" + (f": {after}." if after else ".") + how
    if action is MedicationAction.PENDING:
        options = f" The choices: {entry.options}." if entry.options else ""
        who = f" with {entry.decided_by}" if entry.decided_by else " with us"
        by = f" by {long_date(entry.decide_by)}" if entry.decide_by else ""
        return (f"We have not decided about {med} yet. You will decide together{who}{by}.{options} "
                f"Until then, keep taking it as you do now.")
    return f"Nothing has changed for {med} yet: keep taking it as you do now."


def patient_medicine_lines(entries: Sequence[MedicationPlanEntry]) -> list[str]:
    """The patient plan's lines for the medication plan: one instruction for each medicine the team
    decided on (or left pending), then one line for every medicine not decided yet, named together (a
    draft's fifteen "nothing has changed" lines would bury the one change that matters)."""
    decided = [patient_instruction(e) for e in entries if e.action is not MedicationAction.UNDECIDED]
    undecided = [e.medication for e in entries if e.action is MedicationAction.UNDECIDED]
    if len(undecided) == 1:
        decided.append(f"Nothing has changed for {undecided[0]} yet: keep taking it as you do now.")
    elif undecided:
        decided.append("Nothing has changed yet for " + ", ".join(undecided[:-1]) + f" and {undecided[-1]}: "
                       "keep taking them as you do now.")
    return decided


#: How the patient plan names who does an action.
PLAIN_DISCIPLINE: dict[Discipline, str] = {
    Discipline.PHYSICIAN: "Your pain doctor",
    Discipline.PHYSICAL_THERAPY: "Your physiotherapist",
    Discipline.PSYCHOLOGY: "Your psychologist",
    Discipline.PHARMACY: "Your pharmacist",
    Discipline.NURSING: "Your nurse",
    Discipline.OCCUPATIONAL_THERAPY: "Your occupational therapist",
    Discipline.SOCIAL_WORK: "Your social worker",
}


#: Abbreviations of the team's notes, in the words the patient plan uses instead.
PLAIN_WORDS: tuple[tuple[str, str], ...] = (
    (r"\bCBT-I\b", "talking therapy for sleep"),
    (r"\bCBT\b", "talking therapy"),
    (r"\bACT\b", "talking therapy"),
    (r"\bPT\b", "physiotherapy"),
    (r"\bOT\b", "occupational therapy"),
    (r"\bPRN\b", "when needed"),
    (r"\bGP\b", "your GP"),
    (r"\bOSA\b", "sleep apnoea"),
    (r"\bCPAP\b", "breathing machine for sleep (CPAP)"),
    (r"\bOUD\b", "opioid use problem"),
)
_ASIDE = re.compile(r"\s*\([^()]*\)")
_TECHNICAL = re.compile(r"\d|[A-Z]{2,}|MME|mg|mcg")
_MME = re.compile(r"[^.;,]*\bMME\b[^.;,]*")


def plain_words(text: str) -> str:
    """The team's words for the patient: asides in brackets with figures or abbreviations left out, the
    usual abbreviations spelled out, and no MME figures."""
    text = _ASIDE.sub(lambda m: "" if _TECHNICAL.search(m.group(0)) else m.group(0), text)
    for pattern, words in PLAIN_WORDS:
        text = re.sub(pattern, words, text)
    text = _MME.sub("", text)
    text = " ".join(text.replace(" ,", ",").replace(" .", ".").split()).replace("your your", "your")
    text = re.sub(r"([,;])\s*([,;.])", r"\2", text).strip(" ,;")
    if not text.strip(" ."):
        return "we will explain this at your next visit."
    return text[:1].upper() + text[1:]


def patient_owns(item: Intervention, case: Case) -> bool:
    """The action is the patient's own (its owner is "patient" or the patient's name)."""
    owner = (item.owner or "").strip().casefold()
    return bool(owner) and (owner in ("patient", "the patient", "you")
                            or owner == case.patient.display_name.strip().casefold())


def has_opioid(case: Case, plan: CarePlan) -> bool:
    from mdtboard.domain.mme import mme_report

    return mme_report(case.medications).any_opioid or any(
        e.is_opioid and e.action is not MedicationAction.STOP for e in plan.medication_plan
    )
