"""Between the rows of ``cases`` (with their parts) and domain :class:`Case` objects, reading only: the
case a row and its children are read back as. No SQLAlchemy here: the rows may be the ORM's
(:mod:`mdtboard.storage.case_repo`) or plain ones read with ``sqlite3``
(:mod:`mdtboard.storage.quick_printout`), any object with the models' attribute names and the children in
the relationships' order; both are read back by these very functions."""

from __future__ import annotations

from typing import Any

from mdtboard.domain.case import (
    LINE_FIELDS,
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

def to_input(row: Any) -> DisciplineInput:
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


def to_case(row: Any) -> Case:
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


