"""kill -9 at random moments while the record sessions of the editors (the case editor, the discipline
panels, the conference editor, the care-plan editor, the training scores) save steady typing: every save
the session acknowledged ("Saved") is in the database afterwards, on SQLite and PostgreSQL.

Each read from the child is bounded: a child that reports nothing in time fails the test (with what it
said), it never hangs it."""

from __future__ import annotations

import os
import random
import select
import signal
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path

import pytest
from conftest import prepare_at_head

from mdtboard.domain.case import Case, Discipline, Patient
from mdtboard.domain.conference import Attendee, AttendeeRole, Conference, ConferenceMode
from mdtboard.domain.rubric import AssessorRole
from mdtboard.services.context import open_services

CHILD = Path(__file__).with_name("kill_child.py")
SCORED_ITEM = "case.isbar.situation"  # as in kill_child.py
TRAINEE, RATER = "Zoë Example", "Dr Priya Example"
KILLS = 3
#: The longest wait for one line from the child (start-up, or a save on a loaded machine).
LINE_TIMEOUT_S = 90


def _stored(url: str, kind: str, record_id: int) -> int:
    services = open_services(url)
    try:
        if kind == "case":
            text = services.cases.get(record_id).one_liner
        elif kind == "input":
            found = [
                i for i in services.conferences.inputs(record_id) if i.discipline is Discipline.PSYCHOLOGY
            ]
            assert len(found) <= 1
            text = found[0].assessment if found else None
        elif kind == "conference":
            text = services.conferences.get(record_id).title
        elif kind == "scores":
            case_id = services.conferences.get(record_id).agenda[0].case_id
            stored = services.training.assessment(record_id, TRAINEE, AssessorRole.FACILITATOR,
                                                  case_id=case_id, assessor=RATER)
            scores = stored.assessment.scores if stored is not None else ()
            comments = [s.comment for s in scores if s.item_key == SCORED_ITEM]
            text = comments[0] if comments else None
        else:
            plan = services.careplans.current(record_id)
            assert plan is not None
            text = plan.responsible_clinician
        return int((text or "typed 0").split()[-1])
    finally:
        services.close()


def _record(url: str, kind: str) -> int:
    services = open_services(url)
    try:
        case = services.cases.create(Case(ref="KILL-1", fictional=True, patient=Patient("Ana Example")))
        if kind == "case":
            return case.id or 0
        conf = services.conferences.create(Conference(title="typed 0", starts_at=datetime(2026, 12, 3, 13)))
        if kind == "conference":
            return conf.id or 0
        if kind == "scores":
            teaching = services.conferences.create(Conference(
                title="Teaching", starts_at=datetime(2026, 12, 3, 13), mode=ConferenceMode.TRAINING,
                chair=RATER,
            ))
            assert teaching.id is not None
            services.conferences.add_attendee(
                teaching.id, Attendee(RATER, Discipline.PHYSICIAN, AttendeeRole.CHAIR)
            )
            services.conferences.add_attendee(
                teaching.id, Attendee(TRAINEE, Discipline.PSYCHOLOGY, AttendeeRole.TRAINEE)
            )
            services.conferences.add_agenda_item(teaching.id, case.id or 0)
            return teaching.id
        item = services.conferences.add_agenda_item(conf.id or 0, case.id or 0)
        if kind == "input":
            return item.id or 0
        services.careplans.create_draft(case.id or 0, agenda_item_id=item.id)
        return case.id or 0
    finally:
        services.close()


def _line(child: subprocess.Popen[str]) -> str:
    assert child.stdout is not None
    ready, _w, _x = select.select([child.stdout], [], [], LINE_TIMEOUT_S)
    if not ready:
        child.kill()
        child.communicate()
        pytest.fail(f"the child said nothing for {LINE_TIMEOUT_S} s")
    return child.stdout.readline()


@pytest.mark.parametrize("kind", ["case", "input", "conference", "careplan", "scores"])
def test_every_acknowledged_save_survives_kill_9(database_url: str, kind: str) -> None:
    prepare_at_head(database_url)
    record_id = _record(database_url, kind)
    rng = random.Random(13)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    for _kill in range(KILLS):
        child = subprocess.Popen(
            [sys.executable, str(CHILD), database_url, kind, str(record_id)],
            stdout=subprocess.PIPE,
            text=True,
            env=env,
        )
        try:
            assert _line(child).strip() == "ready"
            acknowledged = 0
            wanted = rng.randint(1, 3)  # acknowledged saves before the kill, then a random moment more
            while wanted:
                line = _line(child)
                assert line.startswith("saved "), line
                acknowledged = int(line.split()[1])
                wanted -= 1
            time.sleep(rng.uniform(0, 0.6))
        finally:
            child.send_signal(signal.SIGKILL)
        assert child.stdout is not None
        with child.stdout:
            rest = child.stdout.read()  # acknowledged before the kill, read after it
        child.wait()
        for line in rest.splitlines():
            if line.startswith("saved "):
                acknowledged = int(line.split()[1])
        assert _stored(database_url, kind, record_id) >= acknowledged > 0
