"""One discipline input per agenda item and discipline: two PCs typing the first input end in one row,
the second save getting the first as a conflict (to be merged), never a second row."""

from __future__ import annotations

import multiprocessing
from datetime import datetime
from typing import Any

import pytest
import sqlalchemy as sa
from conftest import prepare_at_head

from mdtboard.domain.case import Case, Discipline, DisciplineInput, Patient
from mdtboard.domain.conference import Conference
from mdtboard.domain.errors import ConflictError
from mdtboard.services.context import Services, open_services
from mdtboard.storage.db import create_engine, upgrade


def _item(services: Services) -> int:
    case = services.cases.create(Case(ref="ONE-1", fictional=True, patient=Patient("Ana Example")))
    conf = services.conferences.create(Conference(title="Pain MDT", starts_at=datetime(2026, 12, 3, 13)))
    return services.conferences.add_agenda_item(conf.id or 0, case.id or 0).id or 0


def test_a_second_first_input_is_a_conflict_carrying_the_first(services: Services) -> None:
    item = _item(services)
    given = DisciplineInput(Discipline.PSYCHOLOGY, "Dr A", "from PC one")
    first = services.conferences.add_input(item, given)
    second = DisciplineInput(Discipline.PSYCHOLOGY, None, None, "from PC two")
    with pytest.raises(ConflictError) as info:
        services.conferences.add_input(item, second)
    theirs = info.value.theirs
    assert (theirs.id, theirs.version, theirs.author, theirs.assessment) == (
        first.id, first.version, "Dr A", "from PC one"
    )
    assert info.value.mine.recommendations == "from PC two"
    assert [i.assessment for i in services.conferences.inputs(item)] == ["from PC one"]
    # another discipline is another row
    services.conferences.add_input(item, DisciplineInput(Discipline.PHYSICIAN, assessment="physician"))
    assert len(services.conferences.inputs(item)) == 2


def _type_first_input(url: str, item: int, text: str, barrier: Any, out: Any) -> None:
    services = open_services(url)
    try:
        barrier.wait(30)
        try:
            services.conferences.add_input(item, DisciplineInput(Discipline.PHARMACY, assessment=text))
            out.put(("stored", text))
        except ConflictError as exc:
            out.put(("conflict", exc.theirs.assessment))
    finally:
        services.close()


def test_two_processes_typing_the_first_input_end_in_one_row(database_url: str) -> None:
    prepare_at_head(database_url)
    services = open_services(database_url)
    try:
        item = _item(services)
        context = multiprocessing.get_context("spawn")
        barrier = context.Barrier(2)
        out = context.Queue()
        processes = [
            context.Process(target=_type_first_input, args=(database_url, item, text, barrier, out))
            for text in ("typed on PC one", "typed on PC two")
        ]
        for p in processes:
            p.start()
        outcomes = sorted(out.get(timeout=60) for _ in processes)
        for p in processes:
            p.join(30)
            assert p.exitcode == 0
        stored = services.conferences.inputs(item)
        assert len(stored) == 1
        winner = stored[0].assessment
        # one process stored its text; the other was told about it (as a conflict to merge)
        assert outcomes == sorted([("stored", winner), ("conflict", winner)])
    finally:
        services.close()


def test_the_migration_merges_inputs_stored_twice(database_url: str) -> None:
    engine = create_engine(database_url)
    try:
        upgrade(engine, "0004")
        with engine.begin() as conn:
            conn.exec_driver_sql(
                "INSERT INTO cases (ref, fictional, display_name, has_scores, given_lists, created_at, "
                "updated_at, version) VALUES ('MIG-1', true, 'Ana Example', false, '', "
                "'2026-01-01', '2026-01-01', 0)"
            )
            conn.exec_driver_sql(
                "INSERT INTO conferences (title, starts_at, mode, default_minutes, created_at, updated_at, "
                "version) VALUES ('MDT', '2026-12-03 13:00', 'clinical', 12, '2026-01-01', '2026-01-01', 0)"
            )
            conn.exec_driver_sql(
                "INSERT INTO agenda_items (conference_id, case_id, position, status, minutes, version) "
                "SELECT c.id, k.id, 0, 'pending', 12, 0 FROM conferences c, cases k"
            )
            for n, (author, text, when) in enumerate(
                [("Dr A", "older text", "2026-12-03 13:01"), (None, "newer text", "2026-12-03 13:02")]
            ):
                conn.execute(
                    sa.text(
                        "INSERT INTO discipline_inputs (case_id, agenda_item_id, position, discipline, "
                        "author, assessment, created_at, updated_at, version) SELECT a.case_id, a.id, :n, "
                        "'psychology', :author, :text, :when, :when, 0 FROM agenda_items a"
                    ),
                    {"n": n, "author": author, "text": text, "when": when},
                )
        upgrade(engine)
        with engine.connect() as conn:
            rows = conn.exec_driver_sql("SELECT author, assessment, version FROM discipline_inputs").all()
        assert [tuple(r) for r in rows] == [("Dr A", "newer text\n\nolder text", 1)]
    finally:
        engine.dispose()
