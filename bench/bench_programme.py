"""The programme view opening: 30 trainees and 300 submitted assessments.

Ten teaching conferences, each with the same 30 trainees and one rater's submitted assessment of every
trainee (team behaviours; 300 in all), on a SQLite database. Timed: ``ProgrammeView.refresh`` as the
Programme tab opens it now (the table, the cohort's trajectory, flags and curriculum coverage, the
agreement between raters), from the call until the result read on a background operation is shown,
median of 9, Qt offscreen. Baseline: the same view's table alone as it was
before the cohort and agreement were added (``programme_overview`` into the model), on the same data.
Target (issue 17): the view opens within 0.3 s.
"""

from __future__ import annotations

import os
import statistics
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from bench.measure import progress, row

TRAINEES = 30
CONFERENCES = 10
ROUNDS = 9
TARGET_S = 0.3


def _populate(services: Any) -> None:
    from mdtboard.domain.case import Discipline
    from mdtboard.domain.conference import Attendee, AttendeeRole, Conference, ConferenceMode
    from mdtboard.domain.rubric import AssessorRole, Score

    names = [f"Trainee {n:02d}" for n in range(TRAINEES)]
    start = datetime(2026, 1, 5, 13)
    for number in range(CONFERENCES):
        conf = services.conferences.create(Conference(
            title=f"Teaching {number + 1}", starts_at=start + timedelta(weeks=2 * number),
            room="Teaching room",
            mode=ConferenceMode.TRAINING, chair="Dr Rater",
            attendees=[Attendee("Dr Rater", Discipline.PHYSICIAN, AttendeeRole.CHAIR),
                       *(Attendee(name, Discipline.PHYSICIAN, AttendeeRole.TRAINEE) for name in names)]))
        for index, name in enumerate(names):
            value = 2 + (index + number) % 4
            stored = services.training.save_assessment(
                conf.id, name, AssessorRole.FACILITATOR,
                [Score("trainee.closes_loop", value, "Seen." if value < 3 else None),
                 Score("trainee.invites_input", 3)], assessor="Dr Rater")
            services.training.submit_assessment(stored.id, seen_version=stored.version)
        progress(f"conference {number + 1} of {CONFERENCES} stored")


def run() -> dict[str, Any]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory(prefix="mdtboard-bench-programme-") as tmp:
        folder = Path(tmp)
        os.environ.setdefault("MDTBOARD_AUDIT_KEY_FILE", str(folder / "audit.key"))
        from PySide6.QtWidgets import QApplication

        from mdtboard.services.context import open_services
        from mdtboard.ui import ops
        from mdtboard.ui.training.programme import ProgrammeView

        app = QApplication.instance() or QApplication([])
        services = open_services(f"sqlite:///{folder / 'programme.sqlite3'}")
        _populate(services)
        view = ProgrammeView(services)
        operations = ops.operations()
        times: dict[str, list[float]] = {"view": [], "table": []}
        for _ in range(ROUNDS):
            begin = time.perf_counter()
            view.refresh()  # read on a background operation; shown when it arrives
            assert operations.wait(30)
            app.processEvents()
            times["view"].append(time.perf_counter() - begin)
            begin = time.perf_counter()
            view.model.set_overview(services.training.programme_overview())
            view.ui.programmeTable.resizeColumnsToContents()
            app.processEvents()
            times["table"].append(time.perf_counter() - begin)
        rows_shown = view.model.rowCount()
        view.deleteLater()
        services.close()
    median = {k: statistics.median(v) for k, v in times.items()}
    return {
        "rows": [row("programme view, 30 trainees and 300 assessments", median["view"], median["table"], "s",
                     target=f"< {TARGET_S} s", met=median["view"] < TARGET_S,
                     note=f"median of {ROUNDS}; baseline: the table alone, as before")],
        "details": {"load_average": os.getloadavg(), "median_s": median, "rows_shown": rows_shown},
    }
