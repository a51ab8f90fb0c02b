"""Child of test_kill_during_autosave: types steadily into a record session on a real database and prints
each acknowledged save ("saved <n>") as soon as the session reports it, until it is killed."""

from __future__ import annotations

import copy
import os
import sys
from dataclasses import replace

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from mdtboard.domain.case import Discipline, DisciplineInput
from mdtboard.services.context import open_services
from mdtboard.ui.conference.discipline_panel import input_fields, input_with_fields, store_input
from mdtboard.ui.editing.session import RecordSession


def main(url: str, kind: str, record_id: int) -> None:
    app = QApplication([])
    services = open_services(url)
    if kind == "case":
        from mdtboard.ui.cases.editor import case_fields, case_with_fields

        base = services.cases.get(record_id)
        save, fields, build = services.cases.update, case_fields, case_with_fields
    else:
        base = DisciplineInput(Discipline.PSYCHOLOGY, agenda_item_id=record_id)
        service = services.conferences
        save, fields, build = (lambda inp: store_input(service, inp)), input_fields, input_with_fields
    screen = {"record": copy.deepcopy(base)}
    session = RecordSession(
        save=save, read=lambda: copy.deepcopy(screen["record"]), fields=fields, build=build
    )
    session.load(base)
    session.saved.connect(lambda record: print(f"saved {_counter(kind, record)}", flush=True))
    count = [0]

    def key() -> None:
        count[0] += 1
        text = f"typed {count[0]}"
        if kind == "case":
            screen["record"] = replace(screen["record"], one_liner=text)
        else:
            screen["record"] = replace(screen["record"], assessment=text)
        session.touch()

    timer = QTimer()
    timer.timeout.connect(key)
    timer.start(20)
    print("ready", flush=True)
    app.exec()


def _counter(kind: str, record: object) -> int:
    text = record.one_liner if kind == "case" else record.assessment  # type: ignore[attr-defined]
    return int((text or "typed 0").split()[-1])


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]))
