"""What the case editor shows beside the fields: score results, MME, ISBAR readiness, banners, and the
field-by-field comparison of a conflict. Plain functions from domain objects to text."""

from __future__ import annotations

import html
import json
from collections.abc import Sequence
from typing import Any

from mdtboard.domain.case import Case, RestrictedPassage
from mdtboard.domain.isbar import GapSeverity, IsbarCheck, IsbarPart
from mdtboard.domain.mme import MmeReport, MmeRow, MmeStatus, format_number
from mdtboard.domain.scoring import GAD7_MAX, PHQ9_MAX, ScoreSummary
from mdtboard.interchange.bundle import case_to_json
from mdtboard.ui.palette import LOCK_SIGN

WARNING_SIGN = "\u26a0"
#: Shown in place of a score's total and band while one of its fields holds an invalid value.
INVALID_SCORE = f"{WARNING_SIGN} No band: correct the marked value first"


def nrs_text(summary: ScoreSummary) -> str:
    if summary.nrs is None or summary.nrs_band is None:
        return ""
    return f"{summary.nrs} of 10: {summary.nrs_band.label}"


def peg_text(summary: ScoreSummary) -> str:
    return "" if summary.peg is None else f"PEG score {summary.peg:.1f} (mean of the three items)"


def phq9_text(summary: ScoreSummary) -> str:
    if summary.phq9_total is None or summary.phq9_band is None:
        return "Item 9 recorded; no total yet" if summary.phq9_item9 is not None else ""
    source = "from the items" if summary.phq9_from_items else "typed total"
    return f"Total {summary.phq9_total} of {PHQ9_MAX}: {summary.phq9_band.label} ({source})"


def gad7_text(summary: ScoreSummary) -> str:
    if summary.gad7_total is None or summary.gad7_band is None:
        return ""
    source = "from the items" if summary.gad7_from_items else "typed total"
    further = "; 10 or more suggests further evaluation" if summary.gad7_further_evaluation else ""
    return f"Total {summary.gad7_total} of {GAD7_MAX}: {summary.gad7_band.label} ({source}){further}"


def mme_cell(row: MmeRow) -> str:
    """The MME/day column of one medication."""
    if row.status is MmeStatus.COUNTED and row.mme is not None:
        return format_number(row.mme)
    if row.status is MmeStatus.NOT_COUNTED:
        return f"not counted: {row.reason}" if row.reason else "not counted"
    if row.status is MmeStatus.FLAGGED:
        return f"flagged: {row.reason}" if row.reason else "flagged"
    if row.status is MmeStatus.NOT_RECOGNISED:
        return row.reason or "not recognised"
    return ""


def mme_html(report: MmeReport) -> str:
    """Total, what was not counted and why, co-prescriptions, naloxone, and the caution."""
    if not report.shows_total:
        return "No opioid on the list: no MME to count."
    parts = [f"<b>Total: {html.escape(report.total_statement)}</b>"]
    for row in report.counted:
        if row.calculation:
            parts.append(f"{html.escape(row.name)}: {html.escape(row.calculation)}")
    for row in report.uncounted:
        if row.status is MmeStatus.NOT_RECOGNISED:
            parts.append(f"{WARNING_SIGN} {html.escape(row.name)}: {html.escape(row.reason or '')}")
            continue
        parts.append(
            f"{WARNING_SIGN} {html.escape(row.name)}: {html.escape(row.status.label)}"
            + (f" ({html.escape(row.reason)})" if row.reason else "")
        )
    for flag in report.co_prescriptions:
        parts.append(f"{WARNING_SIGN} {html.escape(flag.message)}")
    if report.naloxone_suggestion:
        parts.append(f"{WARNING_SIGN} {html.escape(report.naloxone_suggestion)}")
    if report.caution:
        parts.append(f"<i>{html.escape(report.caution)}</i>")
    return "<br>".join(parts)


def readiness_summary(check: IsbarCheck) -> str:
    if check.ready and not check.gaps:
        return "\u2714 Ready to present"
    if check.ready:
        return f"\u2714 Ready to present ({len(check.thin)} to improve)"
    return f"{WARNING_SIGN} Not ready: {len(check.missing)} missing, {len(check.thin)} thin"


def readiness_html(check: IsbarCheck) -> str:
    """The gaps by ISBAR part, each marked "missing" or "thin" in words."""
    out = []
    for part in IsbarPart:
        gaps = check.for_part(part)
        mark = "\u2714" if not gaps else ("\u2716" if any(
            g.severity is GapSeverity.MISSING for g in gaps) else "\u25cb")
        out.append(f"<p><b>{mark} {part.value} · {html.escape(part.label)}</b>")
        for gap in gaps:
            word = "Missing" if gap.severity is GapSeverity.MISSING else "Thin"
            out.append(f"<br>&nbsp;&nbsp;{word}: {html.escape(gap.message)}")
        if not gaps:
            out.append("<br>&nbsp;&nbsp;Complete")
        out.append("</p>")
    return "".join(out)


def sharing_banner(text: str | None) -> str | None:
    if text is None or not text.strip():
        return None
    return f"{LOCK_SIGN} SHARING RESTRICTED: {text.strip()}"


def passages_banner(
    passages: Sequence[RestrictedPassage] | None, changed: Sequence[RestrictedPassage] = ()
) -> list[str]:
    """Lines of the editor's sharing banner about restricted passages: how many, held by whom, and any
    passage edited since it was marked (its whole field is then withheld on shared surfaces)."""
    if not passages:
        return []
    holders = ", ".join(dict.fromkeys(p.held_by for p in passages))
    count = len(passages)
    lines = [
        f"{LOCK_SIGN} {count} restricted passage{'s' if count > 1 else ''} (held by {holders}), highlighted "
        "in their fields: shown only here; Ctrl+Shift+R on one unrestricts it"
    ]
    for passage in changed:
        name = FIELD_LABELS.get(passage.field.strip("/"), passage.field)
        lines.append(
            f"{WARNING_SIGN} A restricted passage of {name} was edited: the whole field is withheld on the "
            "big screen and on paper until you mark the passage again"
        )
    return lines


def _render(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return "\n".join(value)
    if isinstance(value, bool | int | float):
        return json.dumps(value)
    return json.dumps(value, ensure_ascii=False, indent=1)


def case_fields(case: Case) -> dict[str, str]:
    """Every field of a case as text, by its bundle name (and ``recommendation``)."""
    data = case_to_json(case)
    fields: dict[str, str] = {}
    for key, value in data.items():
        if key == "patient" and isinstance(value, dict):
            for sub, sub_value in value.items():
                fields[f"patient.{sub}"] = _render(sub_value)
        elif key == "scores" and isinstance(value, dict):
            for sub, sub_value in value.items():
                fields[f"scores.{sub}"] = _render(sub_value)
        else:
            fields[key] = _render(value)
    fields["recommendation"] = case.recommendation or ""
    fields["sharing_restrictions_by"] = case.sharing_restrictions_by or ""
    return fields


#: How the fields of a case are called on screen (the bundle name is shown for any other).
FIELD_LABELS: dict[str, str] = {
    "id": "Reference",
    "fictional": "Fictional",
    "title": "Title",
    "patient.display_name": "Patient name or alias",
    "patient.age": "Age",
    "patient.sex": "Sex",
    "patient.gender_identity": "Gender identity",
    "patient.pronouns": "Pronouns",
    "patient.preferred_language": "Preferred language",
    "patient.interpreter_needed": "Interpreter needed",
    "sharing_restrictions": "Sharing restrictions",
    "sharing_restrictions_by": "Sharing restrictions recorded by",
    "restricted_passages": "Restricted passages",
    "one_liner": "One-liner",
    "question_for_team": "Question for the team",
    "presenting_complaint": "Presenting complaint",
    "pain_history": "Pain history",
    "pain_locations": "Pain locations",
    "prior_treatments": "Treatments so far",
    "imaging": "Imaging",
    "comorbidities": "Comorbidities",
    "psychosocial": "Psychosocial",
    "medications": "Medications",
    "scores.nrs": "Pain now (NRS)",
    "scores.peg_items": "PEG items",
    "scores.phq9_items": "PHQ-9 items",
    "scores.phq9_total": "PHQ-9 total",
    "scores.phq9_item9": "PHQ-9 item 9",
    "scores.gad7_items": "GAD-7 items",
    "scores.gad7_total": "GAD-7 total",
    "scores.other": "Other scores",
    "red_flags": "Red flags",
    "function_goals": "Function goals",
    "recommendation": "Proposed plan",
    "discipline_inputs": "Discipline input",
}


def conflict_rows(mine: Case, theirs: Case) -> list[tuple[str, str, str]]:
    """(field label, my text, stored text) for each field that differs."""
    a, b = case_fields(mine), case_fields(theirs)
    keys = dict.fromkeys([*a, *b])
    return [
        (FIELD_LABELS.get(key, key), a.get(key, ""), b.get(key, ""))
        for key in keys
        if a.get(key) != b.get(key)
    ]
