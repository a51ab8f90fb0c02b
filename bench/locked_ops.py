"""Opening a case, signing a care plan and saving a care-plan PDF while another session holds the database:
the longest event-loop stall, for ``bench_saving``.

Each is done as the program does it, in its real widget (the case editor, the care-plan editor and its
output actions, offscreen), while another connection holds the database for :data:`LOCK_S`: on SQLite the
whole file (``locking_mode = EXCLUSIVE``, ``BEGIN EXCLUSIVE``: no reader either, as another program
writing a large import would), on PostgreSQL the tables the operation reads (``LOCK TABLE ... IN ACCESS
EXCLUSIVE MODE``: no reader either, as a schema change would). The operation waits for the lock on a
worker and ends once it is gone. A 1 ms heartbeat timer runs throughout; the stall is the longest gap
between two ticks, from the start of the operation to its outcome shown.

Baseline: the same service calls made on the GUI thread, as the editors did before (the case read; the
sign-off stored; the printout read, the PDF drawn, the file written and the export recorded), for another
case or plan of the same kind, behind the same lock.
"""

from __future__ import annotations

import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
LOCK_S = 2.0
#: Each operation is measured this many times (another case, discipline or file each time).
REPEATS = 3
#: The tables an opening, a signing and a printout read, locked on PostgreSQL.
PG_TABLES = ("cases", "care_plans")


@contextmanager
def held(services: Any, seconds: float = LOCK_S) -> Iterator[None]:
    """Another session holds the database for ``seconds`` from the start of the block (on a thread of its
    own); the block's end waits until it has let go."""
    import sqlalchemy as sa

    engine = services.db.engine
    taken = threading.Event()
    if engine.dialect.name == "sqlite":
        import sqlite3

        engine.dispose()  # the pooled connections closed, so that the holder can take the file whole
        path = engine.url.database

        def hold() -> None:
            holder = sqlite3.connect(path, isolation_level=None, timeout=5)
            holder.execute("PRAGMA locking_mode = EXCLUSIVE")
            holder.execute("BEGIN EXCLUSIVE")
            holder.execute("SELECT count(*) FROM sqlite_master").fetchall()
            taken.set()
            time.sleep(seconds)
            holder.execute("ROLLBACK")
            holder.close()
    else:
        other = sa.create_engine(engine.url)

        def hold() -> None:
            with other.connect() as conn:
                conn.exec_driver_sql(f"LOCK TABLE {', '.join(PG_TABLES)} IN ACCESS EXCLUSIVE MODE")
                taken.set()
                time.sleep(seconds)
                conn.rollback()
            other.dispose()

    thread = threading.Thread(target=hold, name="holder")
    thread.start()
    taken.wait(10)
    try:
        yield
    finally:
        thread.join()


def _gaps(app: Any, action: Callable[[], object], until: Callable[[], bool], timeout_s: float) -> float:
    from bench.bench_saving import _heartbeat_gaps

    return _heartbeat_gaps(app, action, until, timeout_s)


def _prepared(url: str) -> dict[str, Any]:
    """Sample cases, each of MDT-001 and MDT-002 with a care-plan draft built in a conference."""
    from test_careplan_support import conference_draft, load_samples

    from mdtboard.services.context import open_services

    services = open_services(url)
    ids = load_samples(services)
    plans = {ref: conference_draft(services, ids[ref]) for ref in ("MDT-001", "MDT-002")}
    return {"services": services, "ids": ids, "plans": plans}


def measure(app: Any, url: str, folder: Path) -> list[tuple[str, list[float], list[float]]]:
    """(operation, longest stalls through the program, the same on the GUI thread) in ms, on ``url``,
    :data:`REPEATS` of each."""
    for helpers in (ROOT / "tests" / "gui", ROOT / "tests"):  # the tests' sample plans and signers
        if str(helpers) not in sys.path:
            sys.path.insert(0, str(helpers))
    from PySide6.QtCore import QSettings
    from PySide6.QtGui import QUndoStack
    from signing import credential
    from test_careplan_support import LEADS

    from mdtboard.reports.papers import Audience, paper_bytes
    from mdtboard.services.files import write_atomic
    from mdtboard.ui import ops
    from mdtboard.ui.careplan.editor import CarePlanEditor
    from mdtboard.ui.cases.editor import CaseEditor

    made = _prepared(url)
    services, ids, plans = made["services"], made["ids"], made["plans"]
    out: list[tuple[str, list[float], list[float]]] = []
    timeout = LOCK_S + 20

    # -- opening a case
    case_editor = CaseEditor(services, QUndoStack())
    case_editor.show()
    # a case opened first, with nothing held (the program has shown cases before): Qt's first use of
    # some of its types is not what is measured
    _until(app, lambda: case_editor.open_case(ids["MDT-004"]),
           lambda: case_editor.current_case_id() == ids["MDT-004"])
    opened = ("MDT-001", "MDT-002", "MDT-006")[:REPEATS]
    mine, baseline = [], []
    for n, ref in enumerate(opened):
        with held(services):
            baseline.append(_gaps(app, lambda: services.cases.open(ids["MDT-008"]), lambda: True, timeout))
        with held(services):
            mine.append(_gaps(app, lambda ref=ref: case_editor.open_case(ids[ref]),
                              lambda ref=ref: case_editor.current_case_id() == ids[ref], timeout))
        if case_editor.current_case_id() != ids[ref]:
            raise RuntimeError(f"the case editor did not open the case (try {n + 1})")
    out.append(("opening a case", mine, baseline))
    # the same with nothing held: what the machine's load alone gives (a reference for the figures above)
    mine, baseline = [], []
    for ref in ("MDT-004", *opened):
        baseline.append(_gaps(app, lambda: services.cases.open(ids["MDT-008"]), lambda: True, timeout))
        mine.append(_gaps(app, lambda ref=ref: case_editor.open_case(ids[ref]),
                          lambda ref=ref: case_editor.current_case_id() == ids[ref], timeout))
    out.append(("opening a case, nothing held", mine[:REPEATS], baseline[:REPEATS]))

    # -- signing a care plan: each required discipline in turn
    settings = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
    editor = CarePlanEditor(services, QUndoStack(), settings)
    editor.resize(1400, 900)
    editor.show()
    editor.open_case(ids["MDT-001"], plans["MDT-001"].agenda_item_id)
    _settle(app)
    other = plans["MDT-002"]
    mine, baseline = [], []
    for discipline in services.careplans.required_sign_offs(plans["MDT-001"])[:REPEATS]:
        name = LEADS[discipline]
        key = credential(services, name, discipline)
        with held(services):
            baseline.append(_gaps(app, lambda d=discipline, k=key, p=other: services.careplans.sign_off(
                p, d, k, open_items_reason="decided in the meeting"), lambda: True, timeout))
        other = services.careplans.current(ids["MDT-002"]) or other
        with held(services):
            mine.append(_gaps(
                app, lambda d=discipline, n=name, k=key: editor.sign(d, n, "decided in the meeting", k),
                lambda d=discipline: editor.plan is not None and d in editor.plan.signed_disciplines(),
                timeout,
            ))
        if editor.plan is None or discipline not in editor.plan.signed_disciplines():
            raise RuntimeError("the care-plan editor did not sign the plan")
        _settle(app)
    out.append(("signing a care plan", mine, baseline))

    # -- saving the care plan's PDF
    _settle(app)
    audience, page_size = editor.output.audience, editor.output.page_size
    signed_plan = services.careplans.current(ids["MDT-001"])
    mine, baseline = [], []
    for n in range(REPEATS):
        pdf, plain = folder / f"plan-{n}.pdf", folder / f"plain-{n}.pdf"

        def on_gui_thread(plain: Path = plain) -> None:
            data = paper_bytes(services.printout("MDT-001", signed_plan), audience, page_size=page_size,
                               summary=audience is Audience.TEAM)
            write_atomic(plain, data)
            services.audit.exported(f"{audience.value} paper", case_ids=[ids["MDT-001"]])

        with held(services):
            baseline.append(_gaps(app, on_gui_thread, lambda: True, timeout))
        with held(services):
            mine.append(_gaps(app, lambda pdf=pdf: editor.output.save_pdf_to(pdf),
                              lambda pdf=pdf: pdf.exists() and editor.ui.pdfButton.isEnabled(), timeout))
        if not (pdf.exists() and plain.exists()):
            raise RuntimeError("the care-plan PDF was not saved")
        _settle(app)
    out.append(("saving a care-plan PDF", mine, baseline))

    ops.operations().wait()
    editor.close()
    case_editor.close()
    editor.deleteLater()
    case_editor.deleteLater()
    app.processEvents()
    services.close()
    return out


def _until(app: Any, action: Callable[[], object], until: Callable[[], bool], timeout_s: float = 30) -> None:
    action()
    deadline = time.monotonic() + timeout_s
    while not until():
        if time.monotonic() > deadline:
            raise RuntimeError("an operation did not finish in time")
        app.processEvents()
        time.sleep(0.001)


def _settle(app: Any) -> None:
    from mdtboard.ui import ops

    for _ in range(20):
        app.processEvents()
        if not ops.operations().busy:
            app.processEvents()
            return
        ops.operations().wait(30)
    app.processEvents()


Row = tuple[str, str, list[float], list[float]]


def run_all(app: Any, postgres_url: str) -> tuple[list[Row], dict[str, str]]:
    """Both databases: rows (database, operation, mine, baseline: the stalls of each try), and why a
    database was left out."""
    import sqlalchemy as sa

    rows: list[Row] = []
    skipped: dict[str, str] = {}
    with tempfile.TemporaryDirectory(prefix="mdtboard-bench-locked-") as tmp:
        folder = Path(tmp)
        for op, mine, baseline in measure(app, f"sqlite:///{folder / 'locked-ops.sqlite3'}", folder):
            rows.append(("SQLite", op, mine, baseline))
        schema = "bench_locked_ops"
        try:
            admin = sa.create_engine(postgres_url, connect_args={"connect_timeout": 3})
            with admin.begin() as conn:
                conn.exec_driver_sql(f"DROP SCHEMA IF EXISTS {schema} CASCADE")
                conn.exec_driver_sql(f"CREATE SCHEMA {schema}")
        except Exception as exc:  # no server: said so in the results
            skipped["PostgreSQL"] = f"PostgreSQL not reachable: {str(exc).splitlines()[0]}"
            return rows, skipped
        url = sa.make_url(postgres_url).update_query_dict({"options": f"-csearch_path={schema}"})
        try:
            pg_folder = folder / "pg"
            pg_folder.mkdir()
            for op, mine, baseline in measure(app, url.render_as_string(hide_password=False), pg_folder):
                rows.append(("PostgreSQL", op, mine, baseline))
        finally:
            with admin.begin() as conn:
                conn.exec_driver_sql(f"DROP SCHEMA IF EXISTS {schema} CASCADE")
            admin.dispose()
    return rows, skipped
