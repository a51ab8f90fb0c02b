"""A care plan as plain text, one part at a time, and for saying which changes were not saved."""

from __future__ import annotations

from mdtboard.domain.careplan import CarePlan
from mdtboard.domain.careplan_diff import diff_lines
from mdtboard.ui.careplan.sections import smart_text
from mdtboard.ui.careplan.values import format_date, format_dose


def _lines(lines: list[str]) -> str:
    return "\n".join(f"• {line}" for line in lines)


def _pair(label: str, text: str | None) -> str:
    return f"{label}: {text}" if text else label


def plan_parts(plan: CarePlan) -> dict[str, str]:
    """Part label -> the part as text, in the order of the document."""
    f = plan.formulation
    goals = [
        f"{g.description} (measure: {g.measure or '—'}; baseline: {g.baseline or '—'}; "
        f"target: {g.target or '—'}; due: {format_date(g.due) or '—'}) [{smart_text(g)}]"
        for g in plan.goals
    ]
    interventions = [
        f"{i.discipline.label}: {i.description} (owner: {i.owner or '—'}; due: {format_date(i.due) or '—'}; "
        f"{i.status.label})"
        for i in plan.interventions
    ]
    medication = [
        f"{m.action.label} {m.medication}: {format_dose(m.dose_before, per_day=True) or '—'} → "
        f"{format_dose(m.dose_after, per_day=True) or '—'}" + (f". {m.detail}" if m.detail else "")
        for m in plan.medication_plan
    ]
    return {
        "Formulation: biological": f.biological or "",
        "Formulation: psychological": f.psychological or "",
        "Formulation: social": f.social or "",
        "Problem list": _lines([p.text for p in plan.problems]),
        "Goals": _lines(goals),
        "Interventions": _lines(interventions),
        "Medication plan": _lines(medication),
        "Procedures": _lines([_pair(p.kind.label, p.notes) for p in plan.procedures]),
        "Risk mitigation": _lines([_pair(r.kind.label, r.detail) for r in plan.risk_mitigations]),
        "Disagreements": _lines([
            f"{d.issue} — " + (f"resolved: {d.resolution}" if d.resolved else "not resolved")
            for d in plan.disagreements
        ]),
        "Review date": format_date(plan.review_date),
        "Responsible clinician": plan.responsible_clinician or "",
        "Patient agreement": plan.agreement.status.label + (
            f"\n{plan.agreement.notes}" if plan.agreement.notes else ""
        ),
    }


def unsaved_changes(saved: CarePlan, mine: CarePlan, limit: int = 12) -> str:
    """The changes of ``mine`` over ``saved`` as lines (at most ``limit``), to say what was not saved."""
    lines = diff_lines(saved, mine)
    shown = "\n".join(f"• {line}" for line in lines[:limit])
    more = len(lines) - limit
    return shown + (f"\n… and {more} more" if more > 0 else "")
