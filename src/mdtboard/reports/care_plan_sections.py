"""Sections of the care plan document that print the plan itself: scores, the joint plan, follow-up,
the patient's agreement and the sign-off block. Used by :mod:`mdtboard.reports.care_plan`."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from mdtboard.domain.careplan import (
    AgreementStatus,
    CarePlan,
    InterventionStatus,
    MmeChange,
    PlanStatus,
    mme_change,
    smart_status,
)
from mdtboard.domain.case import Case, DailyDose, Discipline
from mdtboard.domain.instruments import instrument_label
from mdtboard.domain.mme import MME_CAUTION, format_number
from mdtboard.domain.scoring import ITEM_MAX, NRS_MAX, PHQ_GAD_ATTRIBUTION, ScoreSummary
from mdtboard.reports.plan_sections import signed_version
from mdtboard.reports.styles import (
    DANGER,
    DANGER_FILL,
    Paragraph,
    boxed,
    cell,
    grid_table,
    markup,
    paragraphs,
    styles,
)

NONE = "None recorded."


def when(value: date | datetime | None) -> str:
    """A date as 2026-12-03, a time as 2026-12-03 14:05 in local time; "not set" for none."""
    if value is None:
        return "not set"
    if isinstance(value, datetime):
        if value.tzinfo is not None:
            value = value.astimezone()
        return value.strftime("%Y-%m-%d %H:%M")
    return value.isoformat()


def _h1(text: str) -> Paragraph:
    return Paragraph(markup(text), styles().h1)


def _h2(text: str) -> Paragraph:
    return Paragraph(markup(text), styles().h2)


def _none(text: str = NONE) -> Paragraph:
    return Paragraph(markup(text), styles().muted)


def _mme(value: float | None) -> str:
    return "\u2013" if value is None else format_number(value)


def _dose(dose: DailyDose | None) -> str:
    if dose is None:
        return ""
    per = "mcg/h" if dose.unit == "mcg/h" else f"{dose.unit}/day"
    return f"{format_number(dose.amount)} {per}"


# ---------------------------------------------------------------------------------------------------
# Scores


def scores_table(case: Case, summary: ScoreSummary | None, width: float) -> list[Flowable]:
    s = styles()
    rows: list[list[Flowable | str]] = []
    if summary is not None:
        if summary.nrs is not None:
            rows.append([f"NRS pain (0\u2013{NRS_MAX})", f"{summary.nrs} of {NRS_MAX}",
                         summary.nrs_band.label if summary.nrs_band else ""])
        if summary.peg is not None:
            rows.append(["PEG (pain, enjoyment, general activity)", f"{summary.peg:.1f} of 10",
                         "no bands; compare with the previous conference"])
        if summary.phq9_total is not None:
            band = summary.phq9_band.label if summary.phq9_band else ""
            item9 = (
                f"item 9: {summary.phq9_item9} of {ITEM_MAX}" if summary.phq9_item9 is not None
                else "item 9 not recorded: ask"
            )
            rows.append(["PHQ-9 (depression)", f"{summary.phq9_total} of 27", f"{band}; {item9}"])
        elif summary.phq9_item9 is not None:
            rows.append(["PHQ-9 item 9", f"{summary.phq9_item9} of {ITEM_MAX}", ""])
        if summary.gad7_total is not None:
            band = summary.gad7_band.label if summary.gad7_band else ""
            if summary.gad7_further_evaluation:
                band += "; 10 or more suggests further evaluation"
            rows.append(["GAD-7 (anxiety)", f"{summary.gad7_total} of 21", band])
    for other in (case.scores.other or []) if case.scores else []:
        note = "typed total" + (f"; {other.note}" if other.note else "")
        rows.append([instrument_label(other.instrument), format_number(other.value), note])
    if not rows:
        return [_none()]
    out: list[Flowable] = [grid_table(
        ["Instrument", "Score", "Band / note"], rows, [0.42 * width, 0.16 * width, 0.42 * width]
    )]
    if summary is not None and summary.attribution:
        out.append(Spacer(1, 1 * mm))
        out.append(Paragraph(markup(f"PHQ-9 and GAD-7: {PHQ_GAD_ATTRIBUTION}"), s.muted))
    return out


# ---------------------------------------------------------------------------------------------------
# The joint plan


def formulation_and_problems(plan: CarePlan) -> list[Flowable]:
    """The biopsychosocial formulation and the problem list (in the case summary appendix)."""
    s = styles()
    out: list[Flowable] = [_h1("Formulation and problems")]
    for label, text in (
        ("Biological", plan.formulation.biological),
        ("Psychological", plan.formulation.psychological),
        ("Social", plan.formulation.social),
    ):
        if text and text.strip():
            out.append(Paragraph(label, s.label))
            out += paragraphs(text, s.body)
    if plan.problems:
        out.append(Paragraph("Problems", s.label))
    for number, problem in enumerate(plan.problems, start=1):
        out.append(Paragraph(f"{number}. {markup(problem.text)}", s.body))
    if len(out) == 1:
        out.append(_none())
    return out


def joint_plan(plan: CarePlan, case: Case, width: float) -> list[Flowable]:
    s = styles()
    out: list[Flowable] = [_h1("Joint care plan")]

    out.append(_h2("Biopsychosocial formulation"))
    if plan.formulation.is_empty():
        out.append(_none())
    for label, text in (
        ("Biological", plan.formulation.biological),
        ("Psychological", plan.formulation.psychological),
        ("Social", plan.formulation.social),
    ):
        if text and text.strip():
            out.append(Paragraph(label, s.label))
            out += paragraphs(text, s.body)

    out.append(_h2("Problems"))
    if not plan.problems:
        out.append(_none())
    for number, problem in enumerate(plan.problems, start=1):
        out.append(Paragraph(f"{number}. {markup(problem.text)}", s.body))

    out.append(_h2("Goals (owned by the patient)"))
    if not plan.goals:
        out.append(_none())
    else:
        rows: list[list[Flowable | str]] = []
        for goal in plan.goals:
            status = smart_status(goal)
            rows.append([
                cell(goal.description), cell(goal.measure), cell(goal.baseline), cell(goal.target),
                cell(when(goal.due) if goal.due else ""),
                cell(status, s.cell_bold if goal.is_smart else s.cell_muted),
            ])
        out.append(grid_table(
            ["Goal", "Measure", "Baseline", "Target", "Due", "SMART"], rows,
            [0.30 * width, 0.14 * width, 0.11 * width, 0.11 * width, 0.12 * width, 0.22 * width],
        ))

    out.append(_h2("Interventions by discipline"))
    grouped = plan.interventions_by_discipline()
    if not grouped:
        out.append(_none())
    for discipline, items in grouped.items():
        rows = [
            [
                cell(item.description),
                cell(item.owner or "owner not set", s.cell if item.owner else s.cell_muted),
                cell(when(item.due) if item.due else "not set", s.cell if item.due else s.cell_muted),
                cell(item.status.label, s.cell_bold if item.status is InterventionStatus.DONE else s.cell),
            ]
            for item in items
        ]
        out.append(Paragraph(markup(discipline.label), s.label))
        out.append(grid_table(
            ["Intervention", "Owner", "Due", "Status"], rows,
            [0.58 * width, 0.18 * width, 0.14 * width, 0.10 * width],
        ))

    out += medication_plan(plan, case, width)

    out.append(_h2("Procedures"))
    if not plan.procedures:
        out.append(_none())
    else:
        out.append(grid_table(
            ["Procedure", "Notes"],
            [[cell(p.kind.label, s.cell_bold), cell(p.notes)] for p in plan.procedures],
            [0.28 * width, 0.72 * width],
        ))

    out.append(_h2("Risk mitigation"))
    if not plan.risk_mitigations:
        out.append(_none())
    else:
        out.append(grid_table(
            ["Measure", "Detail"],
            [[cell(r.kind.label, s.cell_bold), cell(r.detail)] for r in plan.risk_mitigations],
            [0.28 * width, 0.72 * width],
        ))

    out.append(_h2("Disagreements"))
    if not plan.disagreements:
        out.append(_none("No disagreements recorded."))
    else:
        out.append(grid_table(
            ["Point of disagreement", "How it was resolved"],
            [
                [cell(d.issue), cell(d.resolution) if d.resolved else cell("Unresolved", s.cell_bold)]
                for d in plan.disagreements
            ],
            [0.5 * width, 0.5 * width],
        ))
    return out


def medication_plan(plan: CarePlan, case: Case, width: float) -> list[Flowable]:
    s = styles()
    out: list[Flowable] = [_h2("Medication plan")]
    if not plan.medication_plan:
        out.append(_none("No medication changes."))
        return out
    rows: list[list[Flowable | str]] = []
    for entry in plan.medication_plan:
        doses = " \u2192 ".join(d for d in (_dose(entry.dose_before), _dose(entry.dose_after)) if d)
        rows.append([
            cell(entry.action.label, s.cell_bold), cell(entry.medication, s.cell_bold),
            cell(" ".join(x for x in (entry.detail or "", f"({doses})" if doses else "") if x)),
            cell(_mme(entry.mme_before)), cell(_mme(entry.mme_after)),
        ])
    out.append(grid_table(
        ["Action", "Medication", "Detail", "MME before", "MME after"], rows,
        [0.12 * width, 0.18 * width, 0.48 * width, 0.11 * width, 0.11 * width],
    ))
    change: MmeChange = mme_change(case.medications, plan.medication_plan)
    out.append(Spacer(1, 1.5 * mm))
    before, after = change.before, change.after
    if after is None:
        total = f"Total: before {before.total_statement}; after the plan not yet decided"
    elif before.complete and after.complete:
        total = f"Total MME/day: before {before.total_text}, after the plan {after.total_text}"
    else:
        total = f"Total: before {before.total_statement}; after the plan {after.total_statement}"
    out.append(Paragraph(f"<b>{markup(total)}</b>", s.body))
    if change.assumed_unchanged:
        out.append(Paragraph(markup(
            "No target dose given for " + ", ".join(change.assumed_unchanged)
            + ": the total after counts the current dose."
        ), s.small))
    if change.before.caution or (change.after is not None and change.after.caution):
        out.append(Paragraph(markup(MME_CAUTION), s.muted))
    return out


# ---------------------------------------------------------------------------------------------------
# Follow-up, agreement, sign-off


def follow_up(plan: CarePlan, width: float) -> list[Flowable]:
    s = styles()
    out: list[Flowable] = [_h1("Follow-up")]
    out.append(Paragraph(f"<b>Review date:</b> {markup(when(plan.review_date))}", s.body))
    out.append(Paragraph(
        f"<b>Responsible clinician:</b> {markup(plan.responsible_clinician or 'not set')}", s.body
    ))
    open_items = plan.open_interventions()
    out.append(Paragraph(
        f"<b>Open actions:</b> {len(open_items)} of {len(plan.agreed_interventions())} interventions", s.body
    ))
    if plan.review_date is not None:
        due = [i for i in open_items if i.due is not None and i.due <= plan.review_date]
        if due:
            out.append(Paragraph("Due by the review date (follow-ups for the next conference)", s.label))
            out.append(grid_table(
                ["Due", "Discipline", "Owner", "Intervention"],
                [
                    [cell(when(i.due)), cell(i.discipline.label), cell(i.owner or "not set"),
                     cell(i.description)]
                    for i in sorted(due, key=lambda i: i.due or date.max)
                ],
                [0.13 * width, 0.17 * width, 0.17 * width, 0.53 * width],
            ))
    return out


def agreement(plan: CarePlan, width: float) -> list[Flowable]:
    s = styles()
    status = plan.agreement.status
    text = f"<b>{markup(status.label)}</b>"
    out: list[Flowable] = [_h1("Patient agreement"), Paragraph(text, s.body)]
    out += paragraphs(plan.agreement.notes, s.body)
    if status is AgreementStatus.NOT_AGREED:
        out.append(boxed(
            [Paragraph("The patient has not agreed to this plan; see the notes above.", s.notice)],
            width, border=DANGER, fill=DANGER_FILL,
        ))
    return out


def sign_off(plan: CarePlan, required: Sequence[Discipline], width: float) -> list[Flowable]:
    s = styles()
    out: list[Flowable] = [_h1("Sign-off")]
    rows: list[list[Flowable | str]] = [
        [cell(so.discipline.label, s.cell_bold), cell(so.name), cell(when(so.signed_at)),
         cell(signed_version(so.fingerprint, so.account_id), s.cell_muted)]
        for so in plan.sign_offs
    ]
    for discipline in plan.awaiting_sign_off(required):
        rows.append([
            cell(discipline.label, s.cell_bold), cell("awaiting signature", s.cell_muted), cell(""), cell(""),
        ])
    if rows:
        out.append(grid_table(
            ["Discipline lead", "Name", "Signed", "Plan version signed (SHA-256)"], rows,
            [0.22 * width, 0.28 * width, 0.22 * width, 0.28 * width],
        ))
    else:
        out.append(_none("No sign-offs yet."))
    out.append(Spacer(1, 1.5 * mm))
    if plan.status is PlanStatus.SIGNED:
        out.append(Paragraph(markup(
            f"Signed and locked on {when(plan.signed_at)}. Changes start a new version."
        ), s.body))
    else:
        out.append(Paragraph(
            "<b>DRAFT:</b> not signed. This plan is not agreed until every discipline lead present "
            "has signed.",
            s.body,
        ))
    return out
