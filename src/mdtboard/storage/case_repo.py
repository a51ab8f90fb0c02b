"""Reading and writing cases: between domain :class:`Case` objects and the rows of ``models``.

Writes are explicit statements, and an update states the version its user saw
(``UPDATE cases ... WHERE id = :id AND version = :seen``), so that nothing relies on an ORM object that
may have been refreshed in between.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable, Sequence
from functools import cache
from typing import Any, cast

import sqlalchemy as sa
from sqlalchemy.orm import Session, selectinload

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
    RestrictedPassage,
    Scores,
)
from mdtboard.domain.search import Query, case_tokens, parse_query
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


def insert_cases(session: Session, cases: Sequence[Case], *, as_stored: bool = False) -> list[int]:
    """Insert new cases with all their parts; returns their database ids in order. ``as_stored``: each
    case goes back in with its own id, version, times and archived state (a deleted case brought back);
    else each is a new case."""
    if not cases:
        return []
    now = utcnow()
    if as_stored:
        values = [
            case_values(c)
            | {
                "id": c.id,
                "version": c.version,
                "created_at": c.created_at or now,
                "updated_at": c.updated_at or now,
                "archived_at": c.archived_at,
            }
            for c in cases
        ]
    else:
        values = [case_values(c) | {"version": 0, "created_at": now, "updated_at": now} for c in cases]
    result = session.execute(sa.insert(CaseRow).returning(CaseRow.id, sort_by_parameter_order=True), values)
    ids = [row[0] for row in result]
    merged: dict[type, list[dict[str, Any]]] = {table: [] for table in CHILD_TABLES}
    inputs: list[dict[str, Any]] = []
    for case_id, case in zip(ids, cases, strict=True):
        archived = as_stored and case.archived_at is not None
        for table, rows in child_rows(case_id, case, archived=archived).items():
            merged[table].extend(rows)
        given = case.discipline_inputs or []
        rows = input_rows(case_id, given)
        if as_stored:  # each input with its own id and version too
            rows = [r | {"id": i.id, "version": i.version} for r, i in zip(rows, given, strict=True)]
        inputs.extend(rows)
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
        .returning(CaseRow.version, CaseRow.archived_at)
    )
    stored = result.one_or_none()
    if stored is None:
        return None
    new_version, archived_at = stored
    _delete_children(session, [case_id])
    _insert_children(session, child_rows(case_id, case, archived=archived_at is not None))
    inputs = input_rows(case_id, case.discipline_inputs or [])
    if inputs:
        session.execute(sa.insert(DisciplineInputRow), inputs)
    return int(new_version)


def replace_cases(session: Session, items: Sequence[tuple[int, Case]]) -> None:
    """Overwrite existing cases (by id) and all their prepared parts, whatever their versions (an import
    of cases that exist): one ``UPDATE`` run for all of them, one ``DELETE`` per part table and one
    ``INSERT`` per part table for the lot, instead of those statements for each case."""
    if not items:
        return
    ids = [case_id for case_id, _case in items]
    archived = dict(
        session.execute(sa.select(CaseRow.id, CaseRow.archived_at).where(CaseRow.id.in_(ids))).all()
    )
    now = utcnow()
    table = cast(sa.Table, CaseRow.__table__)  # the table, not the entity: one UPDATE run for all of them
    session.execute(
        sa.update(table)
        .where(table.c.id == sa.bindparam("b_id"))
        .values(version=table.c.version + 1, updated_at=sa.bindparam("b_now")),
        [{"b_id": case_id, "b_now": now, **case_values(case)} for case_id, case in items],
    )
    _delete_children(session, ids)
    merged: dict[type, list[dict[str, Any]]] = {t: [] for t in CHILD_TABLES}
    inputs: list[dict[str, Any]] = []
    for case_id, case in items:
        for child, rows in child_rows(case_id, case, archived=archived.get(case_id) is not None).items():
            merged[child].extend(rows)
        inputs.extend(input_rows(case_id, case.discipline_inputs or []))
    _insert_children(session, merged)
    if inputs:
        session.execute(sa.insert(DisciplineInputRow), inputs)


def update_changed(session: Session, case: Case, base: Case) -> Case | None:
    """Save ``case`` as an edit of ``base`` (the stored case at ``case.version``): only the columns and the
    child lists that differ are written, in as few statements as that takes: one ``UPDATE`` of the case
    row for an edited field, plus a delete and an insert for each list that changed. Rows of the lists not
    touched keep their ids. Returns the case as stored (without reading it back), or None when the stored
    version is no longer ``case.version``."""
    assert case.id is not None and base.id == case.id and base.version == case.version
    mine, theirs = case_values(case), case_values(base)
    changed = {name: value for name, value in mine.items() if theirs.get(name) != value}
    row = session.execute(
        sa.update(CaseRow)
        .where(CaseRow.id == case.id, CaseRow.version == case.version)
        .values(**changed, version=CaseRow.version + 1, updated_at=utcnow())
        .returning(CaseRow.version, CaseRow.updated_at, CaseRow.archived_at)
    ).one_or_none()
    if row is None:
        return None
    new_version, updated_at, archived_at = row
    archived = archived_at is not None
    old_rows = child_rows(case.id, base, archived=archived)
    for table, rows in child_rows(case.id, case, archived=archived).items():
        if rows != old_rows[table]:
            session.execute(sa.delete(table).where(table.case_id == case.id))  # type: ignore[attr-defined]
            if rows:
                session.execute(sa.insert(table), rows)
    stored = copy.deepcopy(case)
    if _input_texts(case) != _input_texts(base):
        session.execute(
            sa.delete(DisciplineInputRow).where(
                DisciplineInputRow.case_id == case.id, DisciplineInputRow.agenda_item_id.is_(None)
            )
        )
        if case.discipline_inputs:
            result = session.execute(
                sa.insert(DisciplineInputRow).returning(DisciplineInputRow, sort_by_parameter_order=True),
                input_rows(case.id, case.discipline_inputs),
            )
            stored.discipline_inputs = [to_input(r) for r in result.scalars()]
    else:
        stored.discipline_inputs = copy.deepcopy(base.discipline_inputs)
    stored.version = int(new_version)
    stored.updated_at = updated_at
    stored.archived_at = archived_at
    stored.created_at = base.created_at
    return stored


def _input_texts(case: Case) -> list[tuple[Any, ...]]:
    return [(i.discipline, i.author, i.assessment, i.recommendations) for i in case.discipline_inputs or []]


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


def ref_of(session: Session, case_id: int) -> str | None:
    return session.execute(sa.select(CaseRow.ref).where(CaseRow.id == case_id)).scalar_one_or_none()


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


def gather_statistics(session: Session) -> None:
    """Have PostgreSQL's planner measure the searched tables again (after a bulk import its estimates
    would lead it to plans made for an empty table). SQLite plans these statements without statistics."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(sa.text("ANALYZE cases, case_search_tokens"))


@cache
def _text(sql: str) -> sa.TextClause:
    return sa.text(sql)


@cache
def _page_text(sql: str) -> sa.TextualSelect:
    """A page statement whose columns are typed as the table's (times and flags read as on every database)."""
    table = CaseRow.__table__
    names = ("id", "ref", "display_name", "title", "fictional", "updated_at", "archived_at")
    return sa.text(sql).columns(*(sa.column(name, table.c[name].type) for name in names))


def _postgresql(session: Session) -> bool:
    return session.get_bind().dialect.name == "postgresql"


def _count_shape(session: Session, query: Query, fictional: bool | None, archived: bool) -> case_search.Shape:
    return case_search.Shape(
        len(query.words),
        query.joined is not None,
        fictional is not None,
        postgresql=_postgresql(session),
        archived=archived,
    )


def _bounded_count(
    session: Session, query: Query, fictional: bool | None, archived: bool
) -> tuple[int, bool]:
    """Distinct matching cases among the first :data:`case_search.COUNT_READ` token entries, and whether
    that is every match."""
    shape = _count_shape(session, query, fictional, archived)
    values = case_search.params(query, fictional, archived=archived) | {"read": case_search.COUNT_READ}
    read, distinct = session.execute(_text(case_search.count_sql(shape)), values).one()
    return int(distinct), int(read) < case_search.COUNT_READ


def _exact_count(session: Session, query: Query, fictional: bool | None, archived: bool) -> int:
    shape = _count_shape(session, query, fictional, archived)
    values = case_search.params(query, fictional, archived=archived)
    return int(session.execute(_text(case_search.exact_count_sql(shape)), values).scalar_one())


def count(
    session: Session,
    query: str = "",
    *,
    fictional: bool | None = None,
    limit: int | None = None,
    archived: bool = False,
) -> int:
    """How many cases match; with ``limit``, counting stops past ``limit``: ``limit + 1`` says "more".
    Archived cases count only with ``archived`` (and then only they do)."""
    return _count(session, parse_query(query), fictional, limit, archived)[0]


def _count(
    session: Session, parsed: Query, fictional: bool | None, limit: int | None, archived: bool
) -> tuple[int, int]:
    """:func:`count`, and how many matches a page should expect (what :func:`search` takes as
    ``matches``): the distinct cases the bounded count found when it read every match, even past
    ``limit``, else :data:`case_search.COUNT_READ` (many)."""
    if limit is None:
        total = _exact_count(session, parsed, fictional, archived)
        return total, total
    found, exact = _bounded_count(session, parsed, fictional, archived)
    if found > limit:
        return limit + 1, found if exact else case_search.COUNT_READ
    if exact:
        return found, found
    total = min(_exact_count(session, parsed, fictional, archived), limit + 1)
    return total, total


def listed_ids(
    session: Session,
    ids: Sequence[int],
    query: str = "",
    *,
    fictional: bool | None = None,
    archived: bool = False,
) -> set[int]:
    """Which of ``ids`` a search for ``query`` (and the real/fictional and archived filters) lists."""
    parsed = parse_query(query)
    shape = _count_shape(session, parsed, fictional, archived)
    stmt = _text(case_search.listed_sql(shape)).bindparams(sa.bindparam("ids", expanding=True))
    found: set[int] = set()
    for start in range(0, len(ids), 500):
        values = case_search.params(parsed, fictional, archived=archived) | {
            "ids": list(ids[start : start + 500])
        }
        found.update(int(row[0]) for row in session.execute(stmt, values))
    return found


def search(
    session: Session,
    query: str = "",
    *,
    fictional: bool | None = None,
    limit: int | None = 100,
    offset: int = 0,
    sort: str = "ref",
    descending: bool = False,
    matches: int | None = None,
    after: str | None = None,
    archived: bool = False,
) -> list[CaseSummary]:
    """One sorted page of the matching cases. ``matches``: what :func:`count` said for the same query and
    filter, when the caller has it (it chooses how the page is found; else it is counted first).
    ``after`` (reference order only): the page starts after this reference, ``offset`` rows further.
    ``archived``: the archived cases (which are otherwise never found)."""
    if sort not in case_search.SORT_COLUMNS:
        raise ValueError(f"unknown sort {sort!r}")
    parsed = parse_query(query)
    walk = False
    if parsed.words and sort == "ref" and limit is not None:
        if matches is None:
            matches = _bounded_count(session, parsed, fictional, archived)[0]
        walk = matches > case_search.BROAD_MATCHES
    shape = case_search.Shape(
        len(parsed.words),
        parsed.joined is not None,
        fictional is not None,
        sort=sort,
        descending=descending,
        walk=walk,
        limited=limit is not None or offset > 0,
        postgresql=_postgresql(session),
        after=after is not None,
        archived=archived,
    )
    values = case_search.params(parsed, fictional, archived=archived)
    values |= {"after": after} if after is not None else {}
    if shape.limited:
        values |= case_search.page_params(shape, limit if limit is not None else 2**62, offset)
    rows = session.execute(_page_text(case_search.page_sql(shape)), values)
    return [CaseSummary(*row) for row in rows]


def search_with_count(
    session: Session,
    query: str = "",
    *,
    count_limit: int,
    fictional: bool | None = None,
    limit: int | None = 100,
    offset: int = 0,
    sort: str = "ref",
    descending: bool = False,
    archived: bool = False,
) -> tuple[list[CaseSummary], int]:
    """A page and the bounded count (:func:`count` with ``count_limit``): what a keystroke needs. For a
    query without words (the whole library, or one kind of it) the count is exact, however large: it is
    one count of the cases table, as quick as the bounded one. ``archived``: among the archived cases."""
    parsed = parse_query(query)
    words = bool(parsed.words)
    total, matches = _count(session, parsed, fictional, count_limit if words else None, archived)
    page = search(
        session,
        query,
        fictional=fictional,
        limit=limit,
        offset=offset,
        sort=sort,
        descending=descending,
        matches=matches,
        archived=archived,
    )
    return page, total


def conference_passages(session: Session, case_ids: Sequence[int]) -> dict[int, list[RestrictedPassage]]:
    """The restricted passages marked in conference input (input pointers), by case: an import that
    replaces a case from a bundle keeps them, since bundles carry no conference input."""
    found: dict[int, list[RestrictedPassage]] = {}
    for chunk_start in range(0, len(case_ids), 500):
        chunk = list(case_ids[chunk_start : chunk_start + 500])
        rows = session.execute(
            sa.select(RestrictedPassageRow)
            .where(
                RestrictedPassageRow.case_id.in_(chunk),
                RestrictedPassageRow.field.like("/agenda_items/%"),
            )
            .order_by(RestrictedPassageRow.case_id, RestrictedPassageRow.position)
        ).scalars()
        for row in rows:
            found.setdefault(row.case_id, []).append(
                RestrictedPassage(row.field, row.text, row.held_by, row.note)
            )
    return found


def kinds(session: Session, ids: Sequence[int]) -> dict[int, tuple[str, bool]]:
    """``id -> (ref, fictional)`` for the cases that exist."""
    if not ids:
        return {}
    rows = session.execute(sa.select(CaseRow.id, CaseRow.ref, CaseRow.fictional).where(CaseRow.id.in_(ids)))
    return {id_: (ref, bool(fictional)) for id_, ref, fictional in rows}
