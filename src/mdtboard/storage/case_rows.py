"""Between domain :class:`Case` objects and the rows of ``models``: the columns and child rows a case is
stored as, and the case a row and its children are read back as. No statements: the repositories
(:mod:`mdtboard.storage.case_repo`) send them."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy.orm import selectinload

from mdtboard.domain.case import (
    LINE_FIELDS,
    LIST_FIELDS,
    Case,
    DailyDose,
    Discipline,
    DisciplineInput,
    Medication,
    OtherScore,
    PainLocation,
    Patient,
    PegItems,
    RestrictedPassage,
    Scores,
)
from mdtboard.domain.search import case_tokens
from mdtboard.storage import case_search
from mdtboard.storage.models import (
    CaseLineRow,
    CaseRow,
    DisciplineInputRow,
    MedicationRow,
    OtherScoreRow,
    PainLocationRow,
    QuestionnaireItemRow,
    RestrictedPassageRow,
    SearchTokenRow,
    utcnow,
)

PATIENT_FIELDS = ("age", "sex", "gender_identity", "pronouns", "preferred_language", "interpreter_needed")
CASE_TEXT_FIELDS = (
    "title",
    "one_liner",
    "question_for_team",
    "presenting_complaint",
    "pain_history",
    "psychosocial",
    "sharing_restrictions",
    "sharing_restrictions_by",
    "recommendation",
)
SCORE_COLUMNS = ("nrs", "phq9_total", "phq9_item9", "gad7_total")
CHILD_TABLES = (
    PainLocationRow,
    MedicationRow,
    CaseLineRow,
    QuestionnaireItemRow,
    OtherScoreRow,
    SearchTokenRow,
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
    rows[SearchTokenRow] = [
        {"case_id": case_id, "token": t} for t in case_search.stored_tokens(words, archived=archived)
    ]
    return rows


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


def to_input(row: DisciplineInputRow) -> DisciplineInput:
    return DisciplineInput(
        discipline=Discipline(row.discipline),
        author=row.author,
        assessment=row.assessment,
        recommendations=row.recommendations,
        id=row.id,
        agenda_item_id=row.agenda_item_id,
        version=row.version,
        created_at=row.created_at,
        updated_at=row.updated_at,
    )


def to_case(row: CaseRow) -> Case:
    given = set(row.given_lists.split())

    def listed(name: str, values: list[Any]) -> list[Any] | None:
        return values if (values or name in given) else None

    lines: dict[str, list[str]] = {kind: [] for kind in LINE_FIELDS}
    for line in row.lines:
        lines[line.kind].append(line.text)
    scores: Scores | None = None
    if row.has_scores:
        items: dict[str, list[int]] = {"phq9": [], "gad7": []}
        for item in row.items:
            items[item.instrument].append(item.value)
        peg = None
        if (
            row.peg_pain is not None
            and row.peg_enjoyment is not None
            and row.peg_general_activity is not None
        ):
            peg = PegItems(row.peg_pain, row.peg_enjoyment, row.peg_general_activity)
        scores = Scores(
            nrs=row.nrs,
            peg_items=peg,
            phq9_items=items["phq9"] or None,
            phq9_total=row.phq9_total,
            phq9_item9=row.phq9_item9,
            gad7_items=items["gad7"] or None,
            gad7_total=row.gad7_total,
            other=listed(
                "scores.other", [OtherScore(o.instrument, o.value, o.note) for o in row.other_scores]
            ),
        )
    return Case(
        ref=row.ref,
        fictional=row.fictional,
        title=row.title,
        patient=Patient(
            display_name=row.display_name, **{name: getattr(row, name) for name in PATIENT_FIELDS}
        ),
        **{name: getattr(row, name) for name in CASE_TEXT_FIELDS if name != "title"},
        pain_locations=listed(
            "pain_locations", [PainLocation(p.region, p.side, p.character) for p in row.pain_locations]
        ),
        medications=listed(
            "medications",
            [
                Medication(
                    name=m.name,
                    dose=m.dose,
                    route=m.route,
                    frequency=m.frequency,
                    prn=m.prn,
                    daily_dose=DailyDose(m.daily_amount, m.daily_unit)
                    if m.daily_amount is not None and m.daily_unit is not None
                    else None,
                )
                for m in row.medications
            ],
        ),
        **{kind: listed(kind, lines[kind]) for kind in LINE_FIELDS},  # type: ignore[arg-type]
        scores=scores,
        restricted_passages=listed(
            "restricted_passages",
            [RestrictedPassage(p.field, p.text, p.held_by, p.note) for p in row.passages],
        ),
        discipline_inputs=listed(
            "discipline_inputs", [to_input(i) for i in row.inputs if i.agenda_item_id is None]
        ),
        id=row.id,
        version=row.version,
        created_at=row.created_at,
        updated_at=row.updated_at,
        archived_at=row.archived_at,
    )


