"""Reading and writing cases: between domain :class:`Case` objects and the rows of ``models`` (converted by
:mod:`mdtboard.storage.case_rows`; searching is :mod:`mdtboard.storage.case_search_repo`).

Writes are explicit statements, and an update states the version its user saw
(``UPDATE cases ... WHERE id = :id AND version = :seen``), so that nothing relies on an ORM object that
may have been refreshed in between.
"""

from __future__ import annotations

import copy
from collections.abc import Sequence
from typing import Any, cast

import sqlalchemy as sa
from sqlalchemy.orm import Session

from mdtboard.domain.case import Case, RestrictedPassage
from mdtboard.storage import audit, search_words
from mdtboard.storage.case_rows import (
    CHILD_TABLES,
    case_values,
    child_rows,
    input_rows,
    load_options,
    to_case,
    to_input,
)
from mdtboard.storage.case_rows import search_words as words_of
from mdtboard.storage.models import CaseRow, DisciplineInputRow, RestrictedPassageRow, SearchTokenRow, utcnow


def _insert_children(session: Session, rows: dict[type, list[dict[str, Any]]]) -> None:
    for table, values in rows.items():
        if values:
            session.execute(sa.insert(table), values)


def _delete_children(session: Session, case_ids: Sequence[int]) -> set[str]:
    """Delete the cases' prepared parts; the search tokens they had (for :func:`search_words.forget_unused`
    once the new ones are stored)."""
    tokens: set[str] = set()
    for table in CHILD_TABLES:
        if table is SearchTokenRow:
            deleting = sa.delete(SearchTokenRow).where(SearchTokenRow.case_id.in_(case_ids))
            tokens.update(session.execute(deleting.returning(SearchTokenRow.token)).scalars())
        else:
            session.execute(sa.delete(table).where(table.case_id.in_(case_ids)))
    session.execute(
        sa.delete(DisciplineInputRow).where(
            DisciplineInputRow.case_id.in_(case_ids), DisciplineInputRow.agenda_item_id.is_(None)
        )
    )
    return tokens


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
    words: set[str] = set()
    for case_id, case in zip(ids, cases, strict=True):
        archived = as_stored and case.archived_at is not None
        for table, rows in child_rows(case_id, case, archived=archived).items():
            merged[table].extend(rows)
        words.update(words_of(case, archived=archived))
        given = case.discipline_inputs or []
        rows = input_rows(case_id, given)
        if as_stored:  # each input with its own id and version too
            rows = [r | {"id": i.id, "version": i.version} for r, i in zip(rows, given, strict=True)]
        inputs.extend(rows)
    _insert_children(session, merged)
    search_words.remember(session, words)
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
    old_tokens = _delete_children(session, [case_id])
    _insert_children(session, child_rows(case_id, case, archived=archived_at is not None))
    words = words_of(case, archived=archived_at is not None)
    search_words.remember(session, words)
    search_words.forget_unused(session, old_tokens - set(words))
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
    old_tokens = _delete_children(session, ids)
    merged: dict[type, list[dict[str, Any]]] = {t: [] for t in CHILD_TABLES}
    inputs: list[dict[str, Any]] = []
    words: set[str] = set()
    for case_id, case in items:
        was_archived = archived.get(case_id) is not None
        for child, rows in child_rows(case_id, case, archived=was_archived).items():
            merged[child].extend(rows)
        words.update(words_of(case, archived=was_archived))
        inputs.extend(input_rows(case_id, case.discipline_inputs or []))
    _insert_children(session, merged)
    search_words.remember(session, words)
    search_words.forget_unused(session, old_tokens - words)
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
    before = {"id": case.id, "version": case.version, **{name: theirs.get(name) for name in changed}}
    stated = {"before": before, "after": changed}
    row = session.execute(
        sa.update(CaseRow)
        .where(CaseRow.id == case.id, CaseRow.version == case.version)
        .values(**changed, version=CaseRow.version + 1, updated_at=utcnow())
        .returning(CaseRow.version, CaseRow.updated_at, CaseRow.archived_at)
        .execution_options(**{audit.CHANGE: stated})  # the change is known: the audit reads nothing first
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
            if table is SearchTokenRow:  # the words the base did not have (the others are kept already)
                mine_words = set(words_of(case, archived=archived))
                base_words = set(words_of(base, archived=archived))
                search_words.remember(session, mine_words - base_words)
                search_words.forget_unused(session, base_words - mine_words)
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
    """Delete the case (its parts go with it); with ``seen_version`` only if it is still that version. The
    words of its name and title that no other case has leave the search vocabulary with it."""
    where = [CaseRow.id == case_id]
    if seen_version is not None:
        where.append(CaseRow.version == seen_version)
    its_tokens = sa.select(SearchTokenRow.token).where(SearchTokenRow.case_id == case_id)
    words = set(session.execute(its_tokens).scalars())
    if session.execute(sa.delete(CaseRow).where(*where)).rowcount != 1:  # type: ignore[attr-defined]
        return False
    search_words.forget_unused(session, words)
    return True


def load_cases(
    session: Session, *, ids: Sequence[int] | None = None, refs: Sequence[str] | None = None
) -> list[Case]:
    stmt = sa.select(CaseRow).options(*load_options()).order_by(CaseRow.ref)
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
