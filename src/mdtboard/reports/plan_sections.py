"""The agreed plan as the team's paper prints it, plan first: goals (SMART), the actions table, one line
per medicine with MME now and after, pending decisions, procedures, risk mitigation, disagreements and
how they were resolved, the review date and the sign-offs. Every table's columns are chosen from its
words (:mod:`mdtboard.reports.columns`) so that no word is broken in the middle."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from functools import cache

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, Spacer, Table

from mdtboard.domain.careplan import (
    AgreementStatus,
    CarePlan,
    Intervention,
    InterventionStatus,
    MedicationAction,
    PlanStatus,
    mme_change,
    smart_missing,
)
from mdtboard.domain.careplan_progress import ActionProgress, action_mark
from mdtboard.domain.case import Case, Discipline
from mdtboard.domain.mme import MME_CAUTION, format_number
from mdtboard.reports.columns import fit_table_cells
from mdtboard.reports.plan_text import decision_text, dose_text, pending_text, short_date
from mdtboard.reports.styles import (
    DANGER,
    DANGER_FILL,
    Paragraph,
    boxed,
    grid_style,
    markup,
    styles,
)

Row = Sequence[tuple[str, ParagraphStyle | None]]
#: The plan's tables print at 7.5 pt (the appendix at the shared 8.5): a typical plan fits on two pages.
CELL_SIZE = 7.5


@cache
def _heading() -> ParagraphStyle:
    return ParagraphStyle("plan-h1", parent=styles().h1, keepWithNext=False)


def h1(text: str, room: float = 22 * mm) -> list[Flowable]:
    """A section heading that starts a new page only when less than ``room`` (about four table rows) is
    left below it (a heading kept with a whole table would push a long table to the next page)."""
    return [CondPageBreak(room), Paragraph(markup(text), _heading())]


def none(text: str) -> Paragraph:
    return Paragraph(markup(text), styles().muted)


def table(header: Sequence[str], rows: Sequence[Row], fractions: Sequence[float], width: float) -> Table:
    """A grid table whose words all stay whole (see :func:`fit_table_cells`)."""
    head, body, widths = fit_table_cells(header, rows, fractions, width, size=CELL_SIZE)
    data: list[list[Flowable]] = [list(head), *[list(r) for r in body]]
    result = Table(data, colWidths=widths, repeatRows=1, splitByRow=1, splitInRow=1, hAlign="LEFT")
    result.setStyle(grid_style(rows=len(data)))
    return result


def goals(plan: CarePlan, width: float) -> list[Flowable]:
    s = styles()
    out: list[Flowable] = [*h1("Goals the patient owns")]
    if not plan.goals:
        return [*out, none("No goals recorded.")]
    rows = []
    for goal in plan.goals:
        missing = smart_missing(goal)
        check = "SMART" if not missing else "Not SMART: no " + ", no ".join(missing)
        rows.append([
            (goal.description, None), (goal.measure or "", None), (goal.baseline or "", None),
            (goal.target or "", None), (short_date(goal.due) if goal.due else "", None),
            (check, s.cell_bold if not missing else s.cell_muted),
        ])
    out.append(table(["Goal", "Measure", "Baseline", "Target", "By", "SMART check"], rows,
                     [0.30, 0.15, 0.11, 0.11, 0.11, 0.22], width))
    return out


def _status(item: Intervention, progress: Mapping[str, ActionProgress]) -> str:
    """The action's status, with the progress recorded on it (done, not done, carried forward)."""
    recorded = progress.get(item.uid)
    if recorded is None:
        return item.status.label
    return recorded.text


def actions(
    plan: CarePlan, width: float, progress: Mapping[str, ActionProgress] | None = None
) -> list[Flowable]:
    s = styles()
    progress = progress or {}
    out: list[Flowable] = [*h1("Actions: who does what, by when")]
    items = plan.agreed_interventions()
    if not items:
        return [*out, none("No actions agreed yet.")]
    order = list(Discipline)
    rows = []
    for item in sorted(items, key=lambda i: order.index(i.discipline)):
        rows.append([
            (item.description, None),
            (item.owner or "owner not set", None if item.owner else s.cell_muted),
            (item.discipline.label, None),
            (short_date(item.due) if item.due else "not set", None if item.due else s.cell_muted),
            (_status(item, progress), s.cell_bold if item.status is InterventionStatus.DONE else None),
        ])
    out.append(table(["What", "Who", "Discipline", "By", "Status"], rows,
                     [0.50, 0.14, 0.14, 0.13, 0.09], width))
    return out


def follow_through(reviewed: CarePlan, progress: Mapping[str, ActionProgress], width: float,
                   today: date) -> list[Flowable]:
    """What became of the actions of the previous agreed plan, as reviewed at this conference."""
    items = reviewed.agreed_interventions()
    if not items or not progress:
        return []  # nothing was reviewed yet: the actions carried into this version stand in its table
    s = styles()
    out: list[Flowable] = [*h1(f"Follow-through of version {reviewed.plan_version}")]
    rows = []
    for item in items:
        recorded = progress.get(item.uid)
        mark = action_mark(item, recorded, today)
        rows.append([
            (item.description, None), (item.owner or "owner not set", None if item.owner else s.cell_muted),
            (mark, s.cell_bold if mark in ("overdue", "not done") else None),
            ("" if recorded is None else f"{recorded.text} ({recorded.recorded_text})",
             None if recorded else s.cell_muted),
        ])
    out.append(table(["What was agreed", "Who", "Now", "Progress"], rows, [0.44, 0.14, 0.12, 0.30], width))
    return out


def medication(plan: CarePlan, case: Case, width: float) -> list[Flowable]:
    """One short line per medicine (the decision and its instruction, not the discussion)."""
    s = styles()
    out: list[Flowable] = [*h1("Medication plan")]
    if not plan.medication_plan:
        return [*out, none("No medication decisions.")]
    rows = []
    for entry in plan.medication_plan:
        decided = entry.action.decided
        instruction = entry.detail or ""
        if entry.action is MedicationAction.PENDING:
            instruction = "; ".join(x for x in (pending_text(entry), instruction) if x)
        now = format_number(entry.mme_before) if entry.is_opioid and entry.mme_before is not None else "–"
        if not entry.is_opioid:
            after = "–"
        elif not decided:
            after = "not yet decided"
        else:
            after = "–" if entry.mme_after is None else format_number(entry.mme_after)
        rows.append([
            (f"{entry.medication} {dose_text(entry.dose_before)}".strip(), s.cell_bold),
            (decision_text(entry), s.cell_bold if decided else s.cell_muted),
            (instruction, None), (now, None), (after, None),
        ])
    out.append(table(["Medicine now", "Decision", "Instruction", "MME/day now", "MME/day after"], rows,
                     [0.22, 0.19, 0.37, 0.11, 0.11], width))
    change = mme_change(case.medications, plan.medication_plan)
    out.append(Spacer(1, 1.2 * mm))
    after = change.after_text if change.after is None else change.after.total_statement
    pending = f" (decision pending: {markup(', '.join(change.undecided))})" if change.undecided else ""
    out.append(Paragraph(
        f"<b>Total: now {markup(change.before.total_statement)}; after the plan {markup(after)}</b>{pending}",
        s.body,
    ))
    if change.assumed_unchanged:
        out.append(Paragraph(markup(
            "No target dose given for " + ", ".join(change.assumed_unchanged)
            + ": the total after counts the current dose."
        ), s.small))
    if change.before.any_opioid:
        out.append(Paragraph(markup(MME_CAUTION), s.muted))
    return out


def procedures_and_risks(plan: CarePlan, width: float) -> list[Flowable]:
    s = styles()
    out: list[Flowable] = [*h1("Procedures and risk mitigation")]
    rows = [[(p.kind.label, s.cell_bold), (p.notes or "", None)] for p in plan.procedures]
    rows += [[(r.kind.label, s.cell_bold), (r.detail or "", None)] for r in plan.risk_mitigations]
    if not rows:
        return [Spacer(1, 2 * mm), Paragraph("<b>Procedures and risk mitigation:</b> none agreed.", s.body)]
    out.append(table(["Procedure or measure", "Detail"], rows, [0.24, 0.76], width))
    return out


def disagreements(plan: CarePlan, width: float) -> list[Flowable]:
    s = styles()
    if not plan.disagreements:
        return [Spacer(1, 2 * mm), Paragraph("<b>Disagreements:</b> none recorded.", s.body)]
    rows = [
        [(d.issue, None), (d.resolution or "", None) if d.resolved else ("Not resolved", s.cell_bold)]
        for d in plan.disagreements
    ]
    return [*h1("Disagreements and how they were resolved"),
            table(["Point of disagreement", "How it was resolved"], rows, [0.5, 0.5], width)]


def review_and_agreement(plan: CarePlan, width: float) -> list[Flowable]:
    s = styles()
    out: list[Flowable] = [*h1("Review and sign-off", 14 * mm)]
    out.append(Paragraph(
        f"<b>Review date:</b> {markup(short_date(plan.review_date))} \u00b7 "
        f"<b>Responsible clinician:</b> {markup(plan.responsible_clinician or 'not set')} \u00b7 "
        f"<b>Patient agreement:</b> {markup(plan.agreement.status.label)}",
        s.body,
    ))
    if plan.agreement.notes and plan.agreement.notes.strip():
        out.append(Paragraph(markup(plan.agreement.notes), s.small))
    if plan.agreement.status is AgreementStatus.NOT_AGREED:
        out.append(boxed([Paragraph("The patient has not agreed to this plan.", s.notice)], width,
                         border=DANGER, fill=DANGER_FILL))
    return out


def signed_version(fingerprint: str | None, account_id: int | None) -> str:
    """What a signature vouches for, as printed: the first 16 hex digits of the SHA-256 of the plan
    version signed, in groups of four, and that it was made with the signer's own account."""
    if not fingerprint:
        return "signed by name, before accounts"
    short = " ".join(fingerprint[i:i + 4] for i in range(0, 16, 4))
    return f"{short} \u00b7 own account" if account_id is not None else short


def sign_offs(plan: CarePlan, required: Sequence[Discipline], width: float) -> list[Flowable]:
    s = styles()
    out: list[Flowable] = [Spacer(1, 1.5 * mm)]
    rows: list[Row] = [
        [(so.discipline.label, s.cell_bold), (so.name, None),
         (f"{so.signed_at.astimezone():%Y-%m-%d %H:%M}", None),
         (signed_version(so.fingerprint, so.account_id), s.cell_muted)]
        for so in plan.sign_offs
    ]
    rows += [[(d.label, s.cell_bold), ("awaiting signature", s.cell_muted), ("", None), ("", None)]
             for d in plan.awaiting_sign_off(required)]
    if rows:
        out.append(table(["Discipline lead", "Name", "Signed", "Plan version signed (SHA-256)"], rows,
                         [0.22, 0.26, 0.20, 0.32], width))
    else:
        out.append(none("No sign-offs yet."))
    if plan.open_items_reason:
        out.append(Paragraph(
            f"<b>Signed with checklist items open because:</b> {markup(plan.open_items_reason)}", s.small
        ))
    if plan.status is PlanStatus.SIGNED:
        when = plan.signed_at.astimezone().strftime("%Y-%m-%d %H:%M") if plan.signed_at else "not recorded"
        out.append(Paragraph(markup(f"Signed and locked on {when}. Changes start a new version."), s.body))
    else:
        out.append(Paragraph(
            "<b>DRAFT:</b> not signed. This plan is not agreed until every discipline lead present "
            "has signed.", s.body,
        ))
    return out
