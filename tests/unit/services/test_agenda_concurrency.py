"""The agenda under concurrent changes from several PCs (real processes, SQLite and PostgreSQL): cases
added at the same moment get distinct, gap-free places, and the same case added twice at once is stored
once, the other PC getting the friendly message rather than a database error."""

from __future__ import annotations

import multiprocessing
from datetime import datetime
from typing import Any

from conftest import prepare_at_head

from mdtboard.domain.case import Case, Patient
from mdtboard.domain.conference import Conference
from mdtboard.domain.errors import InvalidInputError
from mdtboard.services.context import open_services

PCS = 4


def _add(url: str, conf_id: int, case_id: int, barrier: Any, out: Any) -> None:
    services = open_services(url)
    try:
        barrier.wait(30)
        try:
            item = services.conferences.add_agenda_item(conf_id, case_id)
            out.put(("added", item.id))
        except InvalidInputError as exc:
            out.put(("refused", str(exc)))
    finally:
        services.close()


def _race(url: str, conf_id: int, case_ids: list[int]) -> list[tuple[str, Any]]:
    context = multiprocessing.get_context("spawn")
    barrier = context.Barrier(len(case_ids))
    out = context.Queue()
    processes = [context.Process(target=_add, args=(url, conf_id, c, barrier, out)) for c in case_ids]
    for p in processes:
        p.start()
    outcomes = [out.get(timeout=90) for _ in processes]
    for p in processes:
        p.join(30)
        assert p.exitcode == 0
    return outcomes


def test_pcs_adding_at_once_get_distinct_places_and_one_case_is_added_once(database_url: str) -> None:
    prepare_at_head(database_url)
    services = open_services(database_url)
    try:
        ids = [
            services.cases.create(Case(ref=f"RACE-{n}", fictional=True, patient=Patient(f"P {n}"))).id or 0
            for n in range(PCS)
        ]
        conf = services.conferences.create(Conference(title="Pain MDT", starts_at=datetime(2026, 12, 3, 13)))
        assert conf.id is not None

        outcomes = _race(database_url, conf.id, ids)
        assert [kind for kind, _ in outcomes] == ["added"] * PCS
        agenda = services.conferences.get(conf.id).agenda
        assert sorted(i.position for i in agenda) == list(range(PCS))
        assert sorted(i.case_id for i in agenda) == sorted(ids)

        late = services.cases.create(Case(ref="RACE-LATE", fictional=True, patient=Patient("Late"))).id or 0
        outcomes = _race(database_url, conf.id, [late] * PCS)
        kinds = sorted(kind for kind, _ in outcomes)
        assert kinds == ["added"] + ["refused"] * (PCS - 1)
        for kind, text in outcomes:
            if kind == "refused":
                assert "case RACE-LATE is already on this conference's agenda" in text
        agenda = services.conferences.get(conf.id).agenda
        assert sorted(i.position for i in agenda) == list(range(PCS + 1))
        assert [i.case_id for i in agenda].count(late) == 1
    finally:
        services.close()
