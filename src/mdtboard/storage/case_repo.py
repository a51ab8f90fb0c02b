"""Reading and writing cases: between domain :class:`Case` objects and the rows of ``models``.

Writes are explicit statements, and an update states the version its user saw
(``UPDATE cases ... WHERE id = :id AND version = :seen``), so that nothing relies on an ORM object that
may have been refreshed in between.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session, aliased, selectinload

from mdtboard.domain.case import (
    LINE_FIELDS,
    LIST_FIELDS,
    Case,
    CaseSummary,
    DailyDose,
    Discipline,
    DisciplineInput,
    Medication,
    OtherScore,
    PainLocation,
    Patient,
    PegItems,
    Scores,
)
from mdtboard.domain.search import prefix_upper_bound, query_tokens, tokens
from mdtboard.storage.models import (
    CaseLineRow,
    CaseRow,
    DisciplineInputRow,
    MedicationRow,
    OtherScoreRow,
    PainLocationRow,
    QuestionnaireItemRow,
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
    if scores is not None and scores.other is not None:
        given.append("scores.other")
    values["given_lists"] = " ".join(given)
    return values


def child_rows(case_id: int, case: Case) -> dict[type, list[dict[str, Any]]]:
    """The rows of every child table of one case (discipline inputs apart)."""
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
    words = tokens(case.patient.display_name, case.title, case.ref)
    rows[SearchTokenRow] = [{"case_id": case_id, "token": t} for t in sorted(words)]
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


def _insert_children(session: Session, rows: dict[type, list[dict[str, Any]]]) -> None:
    for table, values in rows.items():
        if values:
            session.execute(sa.insert(table), values)


def _delete_children(session: Session, case_ids: Sequence[int]) -> None:
    for table in CHILD_TABLES:
        session.execute(sa.delete(table).where(table.case_id.in_(case_ids)))
    session.execute(
        sa.delete(DisciplineInputRow).where(
            DisciplineInputRow.case_id.in_(case_ids), DisciplineInputRow.agenda_item_id.is_(None)
        )
    )


def insert_cases(session: Session, cases: Sequence[Case]) -> list[int]:
    """Insert new cases with all their parts; returns their database ids in order."""
    if not cases:
        return []
    now = utcnow()
    values = [case_values(c) | {"version": 0, "created_at": now, "updated_at": now} for c in cases]
    result = session.execute(sa.insert(CaseRow).returning(CaseRow.id, sort_by_parameter_order=True), values)
    ids = [row[0] for row in result]
    merged: dict[type, list[dict[str, Any]]] = {table: [] for table in CHILD_TABLES}
    inputs: list[dict[str, Any]] = []
    for case_id, case in zip(ids, cases, strict=True):
        for table, rows in child_rows(case_id, case).items():
            merged[table].extend(rows)
        inputs.extend(input_rows(case_id, case.discipline_inputs or []))
    _insert_children(session, merged)
    if inputs:
        session.execute(sa.insert(DisciplineInputRow), inputs)
    return ids


def replace_case(session: Session, case_id: int, case: Case, *, seen_version: int | None) -> int | None:
    """Overwrite a case and all its prepared parts. With ``seen_version`` the update happens only if the
    stored version is still that one. Returns the new version, or None if the version did not match."""
    where = [CaseRow.id == case_id]
    if seen_version is not None:
        where.append(CaseRow.version == seen_version)
    result = session.execute(
        sa.update(CaseRow)
        .where(*where)
        .values(**case_values(case), version=CaseRow.version + 1, updated_at=utcnow())
        .returning(CaseRow.version)
    )
    new_version = result.scalar_one_or_none()
    if new_version is None:
        return None
    _delete_children(session, [case_id])
    _insert_children(session, child_rows(case_id, case))
    inputs = input_rows(case_id, case.discipline_inputs or [])
    if inputs:
        session.execute(sa.insert(DisciplineInputRow), inputs)
    return int(new_version)


def delete_case(session: Session, case_id: int, *, seen_version: int | None) -> bool:
    where = [CaseRow.id == case_id]
    if seen_version is not None:
        where.append(CaseRow.version == seen_version)
    return session.execute(sa.delete(CaseRow).where(*where)).rowcount == 1  # type: ignore[attr-defined]


# ---------------------------------------------------------------------------- rows -> domain


def _load_options() -> list[Any]:
    return [
        selectinload(CaseRow.pain_locations),
        selectinload(CaseRow.medications),
        selectinload(CaseRow.lines),
        selectinload(CaseRow.items),
        selectinload(CaseRow.other_scores),
        selectinload(CaseRow.inputs),
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
        discipline_inputs=listed(
            "discipline_inputs", [to_input(i) for i in row.inputs if i.agenda_item_id is None]
        ),
        id=row.id,
        version=row.version,
        created_at=row.created_at,
        updated_at=row.updated_at,
    )


def load_cases(
    session: Session, *, ids: Sequence[int] | None = None, refs: Sequence[str] | None = None
) -> list[Case]:
    stmt = sa.select(CaseRow).options(*_load_options()).order_by(CaseRow.ref)
    if ids is not None:
        stmt = stmt.where(CaseRow.id.in_(ids))
    if refs is not None:
        stmt = stmt.where(CaseRow.ref.in_(refs))
    return [to_case(row) for row in session.scalars(stmt)]


def refs_starting(session: Session, prefix: str) -> list[str]:
    """Every reference that starts with ``prefix`` (compared exactly, as stored)."""
    escaped = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    stmt = sa.select(CaseRow.ref).where(CaseRow.ref.like(escaped + "%", escape="\\"))
    return [ref for ref in session.scalars(stmt) if ref.startswith(prefix)]


def ids_by_ref(session: Session, refs: Sequence[str]) -> dict[str, tuple[int, int]]:
    """``ref -> (id, version)`` for the refs that exist."""
    found: dict[str, tuple[int, int]] = {}
    for chunk_start in range(0, len(refs), 500):
        chunk = refs[chunk_start : chunk_start + 500]
        for ref, id_, version in session.execute(
            sa.select(CaseRow.ref, CaseRow.id, CaseRow.version).where(CaseRow.ref.in_(chunk))
        ):
            found[ref] = (id_, version)
    return found


# ---------------------------------------------------------------------------- search


def _summary_columns() -> tuple[Any, ...]:
    return (
        CaseRow.id,
        CaseRow.ref,
        CaseRow.display_name,
        CaseRow.title,
        CaseRow.fictional,
        CaseRow.updated_at,
    )


def _word_range(column: Any, word: str) -> Any:
    return sa.and_(column >= word, column < prefix_upper_bound(word))


def _has_word(case_id: Any, word: str) -> Any:
    """EXISTS a token of the case starting with ``word`` (one probe of the (case_id, token) key)."""
    t = aliased(SearchTokenRow)
    return sa.exists().where(t.case_id == case_id, _word_range(t.token, word))


def _matching_ids(words: list[str], fictional: bool | None) -> sa.Select[Any]:
    """Distinct ids of the cases having a word starting with each of ``words``, driven by the token index
    of the first (longest) word; the others are probed per candidate."""
    t = aliased(SearchTokenRow)
    stmt = sa.select(t.case_id).distinct().where(_word_range(t.token, words[0]))
    stmt = stmt.where(*(_has_word(t.case_id, word) for word in words[1:]))
    if fictional is not None:
        stmt = stmt.where(sa.exists().where(CaseRow.id == t.case_id, CaseRow.fictional.is_(fictional)))
    return stmt


def search_stmt(query: str = "", *, fictional: bool | None = None) -> sa.Select[Any]:
    stmt = sa.select(*_summary_columns())
    words = query_tokens(query)
    if words:
        stmt = stmt.where(CaseRow.id.in_(_matching_ids(words, None)))
    if fictional is not None:
        stmt = stmt.where(CaseRow.fictional.is_(fictional))
    return stmt


def listed_ids(
    session: Session, ids: Sequence[int], query: str = "", *, fictional: bool | None = None
) -> set[int]:
    """Which of ``ids`` a search for ``query`` (and the real/fictional filter) lists."""
    found: set[int] = set()
    for start in range(0, len(ids), 500):
        chunk = list(ids[start : start + 500])
        stmt = search_stmt(query, fictional=fictional).where(CaseRow.id.in_(chunk))
        found.update(row.id for row in session.execute(stmt))
    return found


#: Above this many matches, a page in reference order is found faster by walking the reference index and
#: probing each case's words than by collecting and sorting every match.
BROAD_MATCHES = 2000


SORT_COLUMNS = {
    "ref": CaseRow.ref,
    "name": CaseRow.display_name,
    "title": CaseRow.title,
    "fictional": CaseRow.fictional,
    "updated": CaseRow.updated_at,
}


def search(
    session: Session,
    query: str = "",
    *,
    fictional: bool | None = None,
    limit: int | None = 100,
    offset: int = 0,
    sort: str = "ref",
    descending: bool = False,
) -> list[CaseSummary]:
    column = SORT_COLUMNS[sort]
    order = [column.desc() if descending else column.asc(), CaseRow.id]
    words = query_tokens(query)
    if (
        words
        and sort == "ref"
        and count(session, query, fictional=fictional, limit=BROAD_MATCHES) > BROAD_MATCHES
    ):
        stmt = sa.select(*_summary_columns()).where(*(_has_word(CaseRow.id, word) for word in words))
        if fictional is not None:
            stmt = stmt.where(CaseRow.fictional.is_(fictional))
    else:
        stmt = search_stmt(query, fictional=fictional)
    stmt = stmt.order_by(*order).offset(offset).limit(limit)
    return [CaseSummary(*row) for row in session.execute(stmt)]


def count(
    session: Session, query: str = "", *, fictional: bool | None = None, limit: int | None = None
) -> int:
    """How many cases match; with ``limit``, counting stops at ``limit + 1`` (enough to say "more than")."""
    words = query_tokens(query)
    if words:
        inner = _matching_ids(words, fictional)
    else:
        inner = sa.select(CaseRow.id)
        if fictional is not None:
            inner = inner.where(CaseRow.fictional.is_(fictional))
    if limit is not None:
        inner = inner.limit(limit + 1)
    sub = inner.subquery()
    return int(session.execute(sa.select(sa.func.count()).select_from(sub)).scalar_one())
