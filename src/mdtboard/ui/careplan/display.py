"""What the care-plan editor says about the plan shown: header, version, the locked banner, and the live
summaries under the goals, the interventions and the medication plan. Plain functions of domain objects."""

from __future__ import annotations

import html
from collections.abc import Sequence

from mdtboard.domain.careplan import (
    CarePlan,
    Goal,
    Intervention,
    MedicationPlanEntry,
    mme_change,
    smart_missing,
)
from mdtboard.domain.careplan_checks import SIGNING_ROLES
from mdtboard.domain.case import Case, Discipline, Medication
from mdtboard.domain.conference import Conference
from mdtboard.domain.privacy import sharing_notice
from mdtboard.ui import palette
from mdtboard.ui.careplan.signoff import local_time

WARNING_SIGN = "\u26a0"

NO_CASE_TEXT = (
    "No care plan is open. Open a case (in the case library, the case editor or a conference) and press "
    "Ctrl+Shift+P."
)


def header_text(case: Case | None) -> str:
    if case is None:
        return "Care plan"
    title = f" — {case.title}" if case.title else ""
    fictional = " · fictional case" if case.fictional else ""
    return f"{case.ref} · {case.patient.display_name}{title}{fictional}"


def no_plan_text(case: Case | None) -> str:
    if case is None:
        return NO_CASE_TEXT
    return (
        f"{case.ref} has no care plan yet.\n\nBuild a draft from the team's input (Alt+B): each discipline's "
        "recommendations become interventions, the functional goals become goals, and the current opioids "
        "come with their MME. The team then edits it."
    )


def restriction_text(case: Case | None) -> str | None:
    """What the editor says of the case's sharing restrictions and restricted passages (the shared notice,
    and who holds the passages; never their words), or None when the case has neither."""
    if case is None:
        return None
    parts = []
    notice = sharing_notice(case)
    if notice:
        parts.append(notice + ".")
    holders = sorted({p.held_by.strip() for p in case.restricted_passages or [] if p.held_by.strip()})
    if case.restricted_passages:
        parts.append(
            "Passages held by " + (", ".join(holders) or "the clinicians who marked them")
            + " are withheld from the papers, the big screen and exports."
        )
    return " ".join(parts) or None


def version_text(plan: CarePlan | None, has_case: bool) -> str:
    if plan is None:
        return "No plan yet" if has_case else ""
    state = "Signed" if plan.signed else "Draft"
    where = ""
    if plan.conference_title and plan.conference_date:
        where = f" · {plan.conference_title}, {plan.conference_date:%d %b %Y}"
    return f"Version {plan.plan_version} · {state}{where}"


def lock_html(plan: CarePlan, *, earlier: bool, latest: int | None) -> str:
    """Why the plan shown cannot be edited: it is signed, or it is an earlier version."""
    signers = html.escape(", ".join(f"{s.name} ({s.discipline.label.lower()})" for s in plan.sign_offs))
    when = f" on {local_time(plan.signed_at)}" if plan.signed_at else ""
    if plan.signed and not earlier:
        return (
            f"<b>Signed — locked.</b> Version {plan.plan_version} was signed{when} by {signers}. "
            "To change it, start a new version (Alt+N); this one stays as it was signed."
        )
    state = f"Signed{when} by {signers}." if plan.signed else "Never signed."
    return (
        f"<b>Version {plan.plan_version}: an earlier version, read-only.</b> {state} "
        f"The latest is version {latest}."
    )


def lock_reason(plan: CarePlan | None, *, earlier: bool, latest: int | None) -> str:
    """The same, as one plain line for the status bar."""
    if plan is None:
        return "No plan yet: build a draft from the team's input first (Alt+B)."
    if earlier:
        return f"Version {plan.plan_version} is an earlier version, read-only; the latest is {latest}."
    return (
        f"Version {plan.plan_version} is signed and locked. Start a new version (Alt+N) to change it; the "
        "signed one stays as it is."
    )


def goals_summary(goals: Sequence[Goal]) -> str:
    if not goals:
        return "No goals yet: Insert or Ctrl+N in the table adds one."
    smart = sum(1 for g in goals if not smart_missing(g))
    text = f"{smart} of {len(goals)} goal{'s' if len(goals) != 1 else ''} SMART"
    return text + ("." if smart == len(goals) else "; each incomplete goal shows what it still lacks.")


def interventions_summary(items: Sequence[Intervention]) -> str:
    if not items:
        return "No interventions yet: Insert or Ctrl+N in the table adds one."
    no_owner = sum(1 for i in items if "owner" in i.missing)
    no_due = sum(1 for i in items if "due date" in i.missing)
    if not (no_owner or no_due):
        return "Every intervention has an owner and a due date."
    return (
        f"{WARNING_SIGN} Still to settle: {no_owner} without an owner, {no_due} without a due date "
        f"(of {len(items)})."
    )


def mme_html(current: Sequence[Medication] | None, entries: Sequence[MedicationPlanEntry]) -> str:
    """The MME/day total now and after the plan, with what the "after" assumes."""
    change = mme_change(current, entries)
    before, after = change.before, change.after
    if after is None:
        names = html.escape(", ".join(change.undecided))
        lines = [
            f"<b>Total: {html.escape(before.total_statement)} now → after the plan: not yet decided</b> "
            "(CDC 2022 factors)",
            f"{WARNING_SIGN} Decision pending or not made for {names}: the MME after is computed once "
            "every opioid's decision is chosen.",
        ]
        if before.caution:
            lines.append(f"<span style='color:{palette.SLATE_TEXT}'>{html.escape(before.caution)}</span>")
        return "<br>".join(lines)
    if before.complete and after.complete:
        total = f"Total MME/day: {before.total_text} now → {after.total_text} after the plan"
    else:
        total = (f"Total: {html.escape(before.total_statement)} now → "
                 f"{html.escape(after.total_statement)} after the plan")
    lines = [f"<b>{total}</b> (CDC 2022 factors)"]
    if change.assumed_unchanged:
        names = html.escape(", ".join(change.assumed_unchanged))
        lines.append(
            f"{WARNING_SIGN} No daily dose after given for {names}: counted at the current dose. Type the "
            "daily dose after to see the change."
        )
    caution = after.caution or before.caution
    if caution:
        lines.append(f"<span style='color:{palette.SLATE_TEXT}'>{html.escape(caution)}</span>")
    uncounted = [r.name for r in after.not_counted]
    if uncounted:
        lines.append(f"Not counted (no daily dose or factor): {html.escape(', '.join(uncounted))}")
    return "<br>".join(lines)


def signers(conference: Conference | None) -> dict[Discipline, list[str]]:
    """The attendees of the plan's conference who may sign, by discipline (chair, presenters, members)."""
    names: dict[Discipline, list[str]] = {}
    for person in conference.attendees if conference is not None else []:
        if person.role in SIGNING_ROLES:
            names.setdefault(person.discipline, []).append(person.name)
    return names
