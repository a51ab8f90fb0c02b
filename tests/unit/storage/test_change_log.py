"""The change log: every committed unit of work records the records it changed, in the same transaction."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
import sqlalchemy as sa

from mdtboard.domain.case import Case, Discipline, DisciplineInput, Patient
from mdtboard.domain.changes import CASE, CONFERENCE, EVERYTHING
from mdtboard.domain.conference import Attendee, Conference
from mdtboard.domain.errors import ConflictError
from mdtboard.services.changes import CLIENT_ID
from mdtboard.services.context import Services
from mdtboard.storage.change_models import ChangeLogRow


def _news(services: Services, since: int) -> list[tuple[str, int | None, int | None, bool]]:
    return [(c.kind, c.record_id, c.version, c.deleted) for c in services.changes.since(since)]


def test_every_write_logs_its_records_with_their_versions(services: Services) -> None:
    start = services.changes.latest()
    case = services.cases.create(Case(ref="C-1", fictional=True, patient=Patient("Alex Doe")))
    assert _news(services, start) == [(CASE, case.id, case.version, False)]
    mark = services.changes.latest()
    case.one_liner = "Low back pain for 3 years"
    saved = services.cases.update(case)
    assert _news(services, mark) == [(CASE, case.id, saved.version, False)]
    (change,) = services.changes.since(mark)
    assert change.client == CLIENT_ID and change.at is not None

    conf = services.conferences.create(Conference(title="Pain MDT", starts_at=datetime(2026, 12, 3, 13, 0)))
    mark = services.changes.latest()
    services.conferences.add_attendee(conf.id or 0, Attendee("Dr Okafor", Discipline.PHYSICIAN))
    version = services.conferences.get(conf.id or 0).version
    assert _news(services, mark) == [(CONFERENCE, conf.id, version, False)]
    item = services.conferences.add_agenda_item(conf.id or 0, case.id or 0)
    mark = services.changes.latest()
    services.conferences.add_input(item.id or 0, DisciplineInput(Discipline.PSYCHOLOGY, "Ana", "calm", "CBT"))
    kinds = {(k, r) for k, r, _v, _d in _news(services, mark)}
    assert kinds == {(CASE, case.id), (CONFERENCE, conf.id)}  # an input is its case's and its meeting's

    mark = services.changes.latest()
    att = services.conferences.get(conf.id or 0).attendees[0]
    services.conferences.remove_attendee(att.id or 0)  # a child row deleted by its own id
    assert [(k, r) for k, r, _v, _d in _news(services, mark)] == [(CONFERENCE, conf.id)]

    mark = services.changes.latest()
    archived = services.cases.archive(case.id or 0)  # on an agenda: archived, not deleted
    assert _news(services, mark) == [(CASE, case.id, archived.version, False)]
    spare = services.cases.create(Case(ref="C-2", fictional=True, patient=Patient("Sam Roe")))
    mark = services.changes.latest()
    services.cases.delete(spare.id or 0, seen_version=spare.version)
    assert _news(services, mark) == [(CASE, spare.id, None, True)]


def test_a_failed_save_logs_nothing(services: Services) -> None:
    case = services.cases.create(Case(ref="C-1", fictional=True, patient=Patient("Alex Doe")))
    services.cases.update(case)
    mark = services.changes.latest()
    with pytest.raises(ConflictError):
        services.cases.update(case)  # states the version before the last save
    assert services.changes.since(mark) == []


def test_change_ids_follow_each_other_and_pruning_asks_for_a_full_refresh(services: Services) -> None:
    for i in range(3):
        services.cases.create(Case(ref=f"C-{i}", fictional=True, patient=Patient(f"P {i}")))
    changes = services.changes.since(0)
    assert [c.id for c in changes] == sorted(c.id for c in changes) and len(changes) == 3
    assert services.changes.prune() == 0  # nothing old yet
    with services.db.engine.begin() as conn:  # the first two are a week old
        conn.execute(sa.update(ChangeLogRow).where(ChangeLogRow.id <= changes[1].id)
                     .values(at=datetime.now(UTC) - timedelta(days=7)))
    assert services.changes.prune() == 2
    after_first = services.changes.since(changes[0].id)
    assert after_first[0].kind == EVERYTHING  # change 2 is gone: the reader must reload everything
    assert [c.id for c in after_first[1:]] == [changes[2].id]
    assert [c.id for c in services.changes.since(changes[1].id)] == [changes[2].id]  # nothing missed


def test_an_import_of_many_cases_logs_one_row_for_all(services: Services) -> None:
    mark = services.changes.latest()
    services.cases.store_many(
        [Case(ref=f"C-{i}", fictional=True, patient=Patient(f"P {i}")) for i in range(250)]
    )
    assert _news(services, mark) == [(CASE, None, None, False)]
