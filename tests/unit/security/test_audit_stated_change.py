"""The audit trail of an autosave whose change is stated (``audit.CHANGE``): the case's UPDATE is conditioned
on the version its editor read, so the columns it changes are known without reading the row first. The
trail must say exactly the same as when the row is read: the fields changed, the versions, nothing for a
refused save, and the whole change when the transaction touches the record again. On SQLite and
PostgreSQL."""

from __future__ import annotations

import copy
import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from typing import Any

import pytest
import sqlalchemy as sa
from sqlalchemy import event

from mdtboard.domain.case import Case, Medication, Patient
from mdtboard.domain.errors import ConflictError
from mdtboard.services.context import Services
from mdtboard.services.uow import unit_of_work
from mdtboard.storage import case_repo
from mdtboard.storage.audit import TABLE
from mdtboard.storage.models import CaseRow


def trail(services: Services) -> list[dict[str, Any]]:
    with services.db.engine.connect() as conn:
        return [dict(r._mapping) for r in conn.execute(sa.select(TABLE).order_by(TABLE.c.id))]


def new_case() -> Case:
    return Case(ref="S-1", fictional=True, patient=Patient(display_name="Test Person", age=50),
                title="Back pain", pain_history="Since 2019.",
                medications=[Medication(name="paracetamol", dose="1 g")])


@contextmanager
def statements(services: Services) -> Iterator[list[str]]:
    sent: list[str] = []

    def note(_conn: Any, _cursor: Any, statement: str, *_rest: Any) -> None:
        sent.append(" ".join(statement.split())[:60])

    event.listen(services.db.engine, "before_cursor_execute", note)
    try:
        yield sent
    finally:
        event.remove(services.db.engine, "before_cursor_execute", note)


def test_an_autosave_reads_nothing_before_its_update_and_names_the_field(services: Services) -> None:
    case = services.cases.create(new_case())
    edited = replace(case, title="Back and leg pain")
    with statements(services) as sent:
        saved = services.cases.update(edited, base=copy.deepcopy(case))
    assert not [s for s in sent if s.upper().startswith("SELECT")], sent  # the row is not read first
    assert [s.split()[0].upper() for s in sent].count("UPDATE") == 1
    last = trail(services)[-1]
    assert (last["action"], last["record_type"], last["record_id"], last["case_id"]) == (
        "update", "cases", str(case.id), case.id)
    assert json.loads(last["fields"]) == ["title"]
    assert (last["old_version"], last["new_version"]) == (case.version, saved.version) == (0, 1)
    assert services.audit.verify().ok


def test_an_autosave_of_a_field_and_a_list_names_both(services: Services) -> None:
    case = services.cases.create(new_case())
    edited = replace(case, pain_history="Since 2018.",
                     medications=[Medication(name="naproxen", dose="250 mg")])
    services.cases.update(edited, base=copy.deepcopy(case))
    assert json.loads(trail(services)[-1]["fields"]) == ["medications", "pain_history"]


def test_an_autosave_of_a_list_only_names_the_list_and_the_versions(services: Services) -> None:
    case = services.cases.create(new_case())
    services.cases.update(replace(case, medications=[]), base=copy.deepcopy(case))
    last = trail(services)[-1]
    assert json.loads(last["fields"]) == ["medications"]
    assert (last["old_version"], last["new_version"]) == (0, 1)


def test_a_refused_autosave_records_nothing(services: Services) -> None:
    case = services.cases.create(new_case())
    services.cases.update(replace(case, title="Theirs"), base=copy.deepcopy(case))
    before = trail(services)
    with pytest.raises(ConflictError):
        services.cases.update(replace(case, title="Mine"), base=copy.deepcopy(case))  # stale version
    assert trail(services) == before


def test_a_record_touched_again_in_the_transaction_is_recorded_whole(services: Services) -> None:
    """The stated change knows only the columns it set; a second UPDATE of the same case in the same
    transaction completes the state before from the row, so the record names both changes and spans both
    versions."""
    case = services.cases.create(new_case())
    edited = replace(case, title="Back and leg pain")
    with unit_of_work(services.db) as session:
        assert case_repo.update_changed(session, edited, copy.deepcopy(case)) is not None
        session.execute(
            sa.update(CaseRow).where(CaseRow.id == case.id)
            .values(pain_history="Since 2017.", version=CaseRow.version + 1)
        )
    records = [r for r in trail(services) if r["action"] == "update"]
    assert len(records) == 1
    assert json.loads(records[0]["fields"]) == ["pain_history", "title"]
    assert (records[0]["old_version"], records[0]["new_version"]) == (0, 2)
    assert services.audit.verify().ok


@pytest.mark.parametrize("where", ["ref", "id only"])
def test_a_stated_change_is_not_taken_unless_its_where_names_the_record_and_version(
    services: Services, where: str
) -> None:
    """An UPDATE whose WHERE does not name the record's id and the version stated is read first, whatever it
    states: here the statement wrongly states one case's change, and the trail still records both cases
    (or the real state before)."""
    first = services.cases.create(new_case())
    second = services.cases.create(replace(new_case(), ref="S-2", title="Knee pain"))
    stated = {"before": {"id": first.id, "version": 0, "title": "Shoulder pain"},
              "after": {"title": "Neck pain"}}
    condition = CaseRow.ref.in_(["S-1", "S-2"]) if where == "ref" else CaseRow.id == first.id
    with unit_of_work(services.db) as session:
        session.execute(
            sa.update(CaseRow).where(condition)
            .values(title="Neck pain", pain_history="Since 2016.", version=CaseRow.version + 1)
            .returning(CaseRow.version)
            .execution_options(mdtboard_audit_change=stated)
        ).all()
    records = {r["record_id"]: r for r in trail(services) if r["action"] == "update"}
    expected = {str(first.id), str(second.id)} if where == "ref" else {str(first.id)}
    assert set(records) == expected
    assert all(json.loads(r["fields"]) == ["pain_history", "title"] for r in records.values())
