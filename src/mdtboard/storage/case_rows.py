"""Between domain :class:`Case` objects and the rows of ``models``: the columns and child rows a case is
stored as, and the relationships a case is loaded with (the case its rows are read back as is
:mod:`mdtboard.storage.case_reading`, free of SQLAlchemy). No statements: the repositories
(:mod:`mdtboard.storage.case_repo`) send them."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy.orm import selectinload

from mdtboard.domain.case import LINE_FIELDS, LIST_FIELDS, Case, DisciplineInput
from mdtboard.domain.search import case_tokens
from mdtboard.storage import case_search
from mdtboard.storage.case_reading import CASE_TEXT_FIELDS, PATIENT_FIELDS
from mdtboard.storage.case_reading import to_case as to_case  # re-exported: read back there
from mdtboard.storage.case_reading import to_input as to_input
from mdtboard.storage.case_ref_shapes import ref_tails, word_tokens
from mdtboard.storage.models import (
    CaseLineRow,
    CaseRow,
    MedicationRow,
    OtherScoreRow,
    PainLocationRow,
    QuestionnaireItemRow,
    RefTailRow,
    RestrictedPassageRow,
    SearchTokenRow,
    utcnow,
)

SCORE_COLUMNS = ("nrs", "phq9_total", "phq9_item9", "gad7_total")
CHILD_TABLES = (
    PainLocationRow,
    MedicationRow,
    CaseLineRow,
    QuestionnaireItemRow,
    OtherScoreRow,
    SearchTokenRow,
    RefTailRow,
    RestrictedPassageRow,
)


# ---------------------------------------------------------------------------- domain -> rows


def case_values(case: Case) -> dict[str, Any]:
    """The scalar columns of ``cases`` for ``case`` (no id, version or times)."""
    values: dict[str, Any] = {
        "ref": case.ref,
        "fictional": case.fictional,
        "display_name": case.patient.display_name,
    }
    for name in PATIENT_FIELDS:
        values[name] = getattr(case.patient, name)
    for name in CASE_TEXT_FIELDS:
        values[name] = getattr(case, name)
    scores = case.scores
    values["has_scores"] = scores is not None
    for name in SCORE_COLUMNS:
        values[name] = getattr(scores, name) if scores else None
    peg = scores.peg_items if scores else None
    values["peg_pain"] = peg.pain if peg else None
    values["peg_enjoyment"] = peg.enjoyment if peg else None
    values["peg_general_activity"] = peg.general_activity if peg else None
    given = [name for name in LIST_FIELDS if getattr(case, name) is not None]
    if case.restricted_passages is not None:
        given.append("restricted_passages")
    if scores is not None and scores.other is not None:
        given.append("scores.other")
    values["given_lists"] = " ".join(given)
    words = case_tokens(case.patient.display_name, case.title, case.ref)
    values["search_letters"] = case_search.letters_of(words)  # as its search tokens carry them
    return values


def child_rows(case_id: int, case: Case, *, archived: bool = False) -> dict[type, list[dict[str, Any]]]:
    """The rows of every child table of one case (discipline inputs apart); ``archived``: its search
    words are stored as an archived case's (see :mod:`mdtboard.storage.case_search`)."""
    rows: dict[type, list[dict[str, Any]]] = {table: [] for table in CHILD_TABLES}
    for pos, loc in enumerate(case.pain_locations or []):
        rows[PainLocationRow].append(
            {
                "case_id": case_id,
                "position": pos,
                "region": loc.region,
                "side": loc.side,
                "character": loc.character,
            }
        )
    for pos, med in enumerate(case.medications or []):
        rows[MedicationRow].append(
            {
                "case_id": case_id,
                "position": pos,
                "name": med.name,
                "dose": med.dose,
                "route": med.route,
                "frequency": med.frequency,
                "prn": med.prn,
                "daily_amount": med.daily_dose.amount if med.daily_dose else None,
                "daily_unit": med.daily_dose.unit if med.daily_dose else None,
            }
        )
    for kind in LINE_FIELDS:
        for pos, text in enumerate(getattr(case, kind) or []):
            rows[CaseLineRow].append({"case_id": case_id, "kind": kind, "position": pos, "text": text})
    scores = case.scores
    if scores is not None:
        for instrument, items in (("phq9", scores.phq9_items), ("gad7", scores.gad7_items)):
            for no, value in enumerate(items or [], start=1):
                rows[QuestionnaireItemRow].append(
                    {"case_id": case_id, "instrument": instrument, "item_no": no, "value": value}
                )
        for pos, other in enumerate(scores.other or []):
            rows[OtherScoreRow].append(
                {
                    "case_id": case_id,
                    "position": pos,
                    "instrument": other.instrument,
                    "value": other.value,
                    "note": other.note,
                }
            )
    for pos, passage in enumerate(case.restricted_passages or []):
        rows[RestrictedPassageRow].append(
            {
                "case_id": case_id,
                "position": pos,
                "field": passage.field,
                "text": passage.text,
                "held_by": passage.held_by,
                "note": passage.note,
            }
        )
    words = case_tokens(case.patient.display_name, case.title, case.ref)
    tokens = case_search.stored_tokens(words, archived=archived)
    letters = case_search.letters_of(tokens)
    rows[SearchTokenRow] = [{"case_id": case_id, "token": t, "letters": letters} for t in tokens]
    rows[RefTailRow] = [
        {"case_id": case_id, "pos": pos, "shape": shape, "tail": tail}
        for shape, pos, tail in ref_tails(case.ref)
    ]
    return rows


def search_words(case: Case, *, archived: bool = False) -> list[str]:
    """The case's search tokens that ``case_search_words`` keeps (``case_ref_shapes.word_tokens``), as
    stored."""
    words = word_tokens(case.patient.display_name, case.title, case.ref)
    return case_search.stored_tokens(words, archived=archived)


def input_rows(
    case_id: int, inputs: Iterable[DisciplineInput], agenda_item_id: int | None = None
) -> list[dict[str, Any]]:
    now = utcnow()
    return [
        {
            "case_id": case_id,
            "agenda_item_id": agenda_item_id,
            "position": pos,
            "discipline": str(inp.discipline),
            "author": inp.author,
            "assessment": inp.assessment,
            "recommendations": inp.recommendations,
            "version": 0,
            "created_at": inp.created_at or now,
            "updated_at": inp.updated_at or now,
        }
        for pos, inp in enumerate(inputs)
    ]


# ---------------------------------------------------------------------------- rows -> domain


def load_options() -> list[Any]:
    return [
        selectinload(CaseRow.pain_locations),
        selectinload(CaseRow.medications),
        selectinload(CaseRow.lines),
        selectinload(CaseRow.items),
        selectinload(CaseRow.other_scores),
        selectinload(CaseRow.inputs),
        selectinload(CaseRow.passages),
    ]
