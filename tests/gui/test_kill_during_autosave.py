"""kill -9 at random moments while the record sessions of the case editor and the discipline panels save
steady typing: every save the session acknowledged ("Saved") is in the database afterwards."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path

import pytest

from mdtboard.domain.case import Case, Discipline, Patient
from mdtboard.domain.conference import Conference
from mdtboard.services.context import open_services
from mdtboard.storage.db import sqlite_url

CHILD = Path(__file__).with_name("kill_child.py")
KILLS = 4


def _stored(url: str, kind: str, record_id: int) -> int:
    services = open_services(url)
    try:
        if kind == "case":
            text = services.cases.get(record_id).one_liner
        else:
            found = [
                i for i in services.conferences.inputs(record_id) if i.discipline is Discipline.PSYCHOLOGY
            ]
            assert len(found) <= 1
            text = found[0].assessment if found else None
        return int((text or "typed 0").split()[-1])
    finally:
        services.close()


@pytest.mark.parametrize("kind", ["case", "input"])
def test_every_acknowledged_save_survives_kill_9(tmp_path: Path, kind: str) -> None:
    url = sqlite_url(tmp_path / "killed.sqlite3")
    services = open_services(url)
    case = services.cases.create(Case(ref="KILL-1", fictional=True, patient=Patient("Ana Example")))
    if kind == "case":
        record_id = case.id or 0
    else:
        conf = services.conferences.create(Conference(title="MDT", starts_at=datetime(2026, 12, 3, 13)))
        record_id = services.conferences.add_agenda_item(conf.id or 0, case.id or 0).id or 0
    services.close()
    rng = random.Random(13)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    for _kill in range(KILLS):
        child = subprocess.Popen(
            [sys.executable, str(CHILD), url, kind, str(record_id)],
            stdout=subprocess.PIPE,
            text=True,
            env=env,
        )
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "ready"
        acknowledged = 0
        wanted = rng.randint(1, 4)  # acknowledged saves before the kill, then a random moment more
        while wanted:
            line = child.stdout.readline()
            assert line.startswith("saved "), line
            acknowledged = int(line.split()[1])
            wanted -= 1
        time.sleep(rng.uniform(0, 0.6))
        child.send_signal(signal.SIGKILL)
        rest = child.stdout.read()  # acknowledged before the kill, read after it
        child.wait()
        for line in rest.splitlines():
            if line.startswith("saved "):
                acknowledged = int(line.split()[1])
        assert _stored(url, kind, record_id) >= acknowledged > 0
