"""Opening a case, signing a care plan, saving a care-plan PDF and switching conference with typing pending
while another session holds the database: the longest event-loop stall, for ``bench_saving``.

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

Each operation is tried :data:`REPEATS` times (``MDTBOARD_BENCH_LOCKED_REPEATS``), each try another case,
discipline or file, the baseline's try just before mdtboard's; the heartbeat goes on for :data:`TAIL_S`
after the outcome is shown, so that the layout and painting it causes (and any work done in later turns
of the event loop) are inside the measured span. For every gap the GUI thread's own processor time is
taken too (``time.thread_time``): the longest of those is the work the loop did in one go, which the
machine's load does not stretch, while the wall-clock gap also holds the time the thread waited for a
processor. The noise floor is the same heartbeat over the same span with nothing done, measured after
each try: a stall below it is the machine's, not the program's. Python's garbage collections on the GUI
thread during a try are timed too (``gc.callbacks``): a collection of the older objects can pause the
loop for tens to hundreds of milliseconds on a loaded machine whatever the operation, and is shown apart.
"""

from __future__ import annotations

import gc
import os
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
LOCK_S = 2.0
#: Whether the long-lived objects are frozen once the editors are built, as the program does
#: (``mdtboard.ui.heap``); ``MDTBOARD_BENCH_KEEP_BUILT=0`` measures without, for comparison.
KEEP_BUILT = os.environ.get("MDTBOARD_BENCH_KEEP_BUILT", "1") != "0"
#: Each operation is measured this many times (another case, discipline or file each time); signing has
#: as many tries as the plan has disciplines to sign (three for the sample plan).
REPEATS = int(os.environ.get("MDTBOARD_BENCH_LOCKED_REPEATS", "5"))
#: The heartbeat goes on this long after the outcome is shown (its layout, painting, later slices).
TAIL_S = 0.3
#: The tables an opening, a signing and a printout read, locked on PostgreSQL.
PG_TABLES = ("cases", "care_plans")


#: The tables switching conference reads and writes (the typing saved, the next conference read).
PG_CONFERENCE_TABLES = ("conferences", "agenda_items", "discipline_inputs")


@contextmanager
def held(services: Any, seconds: float = LOCK_S, tables: tuple[str, ...] = PG_TABLES) -> Iterator[None]:
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
                conn.exec_driver_sql(f"LOCK TABLE {', '.join(tables)} IN ACCESS EXCLUSIVE MODE")
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


@dataclass(frozen=True)
class Stall:
    """One try: the longest gap between two heartbeat ticks (ms), the most processor time the GUI thread
    spent between two ticks (ms), how long the try took (s), and the longest garbage collection Python
    ran on the GUI thread meanwhile (ms, wall clock: a pause of the event loop that is nobody's step)."""

    wall_ms: float
    cpu_ms: float
    span_s: float
    gc_ms: float = 0.0


@dataclass
class Tries:
    """The tries of one operation: through mdtboard, the baseline, and the noise floor after each."""

    mine: list[Stall] = field(default_factory=list)
    baseline: list[Stall] = field(default_factory=list)
    floor: list[Stall] = field(default_factory=list)


def summary(stalls: list[Stall]) -> dict[str, float]:
    """Median and max of the wall-clock stalls and of the processor time, in ms."""
    walls, cpus = [s.wall_ms for s in stalls], [s.cpu_ms for s in stalls]
    return {"median_ms": statistics.median(walls), "max_ms": max(walls),
            "cpu_median_ms": statistics.median(cpus), "cpu_max_ms": max(cpus),
            "gc_max_ms": max(s.gc_ms for s in stalls)}


def _gaps(
    app: Any, action: Callable[[], object], until: Callable[[], bool], timeout_s: float,
    tail_s: float = TAIL_S,
) -> Stall:
    """Run ``action`` with a 1 ms heartbeat going, until ``until()`` is true and ``tail_s`` more."""
    from PySide6.QtCore import QTimer

    ticks: list[tuple[float, float]] = []

    def tick() -> None:
        ticks.append((time.perf_counter(), time.thread_time()))

    collections: list[float] = []
    began: list[float] = []
    gui = threading.get_ident()

    def collected(phase: str, _info: dict[str, int]) -> None:
        if threading.get_ident() != gui:
            return
        if phase == "start":
            began[:] = [time.perf_counter()]
        elif began:
            collections.append((time.perf_counter() - began[0]) * 1000)

    timer = QTimer()
    timer.setInterval(1)
    timer.timeout.connect(tick)
    timer.start()
    app.processEvents()
    gc.callbacks.append(collected)
    tick()
    start = time.monotonic()
    deadline = start + timeout_s
    action()
    done_at: float | None = None
    while True:
        now = time.monotonic()
        if done_at is None and until():
            done_at = now
        if (done_at is not None and now - done_at >= tail_s) or now > deadline:
            break
        app.processEvents()
        time.sleep(0.0005)
    tick()
    gc.callbacks.remove(collected)
    timer.stop()
    if done_at is None:
        raise RuntimeError("an operation did not finish in time")
    pairs = list(zip(ticks, ticks[1:], strict=False))
    wall = max(b[0] - a[0] for a, b in pairs) * 1000 - 1
    cpu = max(b[1] - a[1] for a, b in pairs) * 1000
    return Stall(wall, cpu, time.monotonic() - start, max(collections, default=0.0))


def _floor(app: Any, span_s: float) -> Stall:
    """The heartbeat over ``span_s`` with nothing done: the stall the machine's load alone gives."""
    return _gaps(app, lambda: None, lambda: True, span_s + 5, tail_s=span_s)


def _prepared(url: str) -> dict[str, Any]:
    """Sample cases, each of MDT-001 and MDT-002 with a care-plan draft built in a conference."""
    from test_careplan_support import conference_draft, load_samples

    from mdtboard.services.context import open_services

    services = open_services(url)
    ids = load_samples(services)
    plans = {ref: conference_draft(services, ids[ref]) for ref in ("MDT-001", "MDT-002")}
    return {"services": services, "ids": ids, "plans": plans}


def measure(app: Any, url: str, folder: Path) -> list[tuple[str, Tries]]:
    """(operation, its tries: through the program, the same service calls on the GUI thread, the noise
    floor after each) on ``url``."""
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
    from mdtboard.ui.heap import keep_built

    made = _prepared(url)
    services, ids, plans = made["services"], made["ids"], made["plans"]
    out: list[tuple[str, Tries]] = []
    timeout = LOCK_S + 20

    def try_once(tries: Tries, baseline: Callable[[], object], action: Callable[[], object],
                 done: Callable[[], bool], *, locked: bool = True,
                 tables: tuple[str, ...] = PG_TABLES) -> None:
        with held(services, tables=tables) if locked else _nothing():
            tries.baseline.append(_gaps(app, baseline, lambda: True, timeout))
        with held(services, tables=tables) if locked else _nothing():
            mine = _gaps(app, action, done, timeout)
        tries.mine.append(mine)
        tries.floor.append(_floor(app, mine.span_s))

    # -- opening a case
    case_editor = CaseEditor(services, QUndoStack())
    case_editor.resize(1280, 800)
    case_editor.show()

    def opened(case_id: int) -> bool:  # shown, every field filled
        return case_editor.current_case_id() == case_id and not getattr(case_editor, "filling", False)

    # a case opened first, with nothing held (the program has shown cases before): Qt's first use of
    # some of its types is not what is measured
    _until(app, lambda: case_editor.open_case(ids["MDT-004"]), lambda: opened(ids["MDT-004"]))
    if KEEP_BUILT:
        keep_built()  # as the program does once a page is built
    refs = ("MDT-001", "MDT-002", "MDT-006")
    opened_refs = [refs[n % len(refs)] for n in range(REPEATS)]
    for locked, op in ((True, "opening a case"), (False, "opening a case, nothing held")):
        tries = Tries()
        for n, ref in enumerate(opened_refs):
            if case_editor.current_case_id() == ids[ref]:  # another case in between: a real opening
                _until(app, lambda: case_editor.open_case(ids["MDT-004"]), lambda: opened(ids["MDT-004"]))
            try_once(tries, lambda: services.cases.open(ids["MDT-008"]),
                     lambda ref=ref: case_editor.open_case(ids[ref]), lambda ref=ref: opened(ids[ref]),
                     locked=locked)
            if case_editor.current_case_id() != ids[ref]:
                raise RuntimeError(f"the case editor did not open the case (try {n + 1})")
        out.append((op, tries))

    # -- signing a care plan: each required discipline in turn (the last one locks the plan)
    settings = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
    editor = CarePlanEditor(services, QUndoStack(), settings)
    editor.resize(1400, 900)
    editor.show()
    editor.open_case(ids["MDT-001"], plans["MDT-001"].agenda_item_id)
    _settle(app)
    if KEEP_BUILT:
        keep_built()
    other = plans["MDT-002"]
    tries = Tries()
    for discipline in services.careplans.required_sign_offs(plans["MDT-001"]):
        name = LEADS[discipline]
        key = credential(services, name, discipline)
        try_once(
            tries,
            lambda d=discipline, k=key, p=other: services.careplans.sign_off(
                p, d, k, open_items_reason="decided in the meeting"),
            lambda d=discipline, n=name, k=key: editor.sign(d, n, "decided in the meeting", k),
            lambda d=discipline: editor.plan is not None and d in editor.plan.signed_disciplines(),
        )
        other = services.careplans.current(ids["MDT-002"]) or other
        if editor.plan is None or discipline not in editor.plan.signed_disciplines():
            raise RuntimeError("the care-plan editor did not sign the plan")
        _settle(app)
    if editor.plan is None or not editor.plan.signed:
        raise RuntimeError("the care plan was not locked by its last signature")
    out.append(("signing a care plan", tries))

    # -- saving the care plan's PDF
    _settle(app)
    audience, page_size = editor.output.audience, editor.output.page_size
    signed_plan = services.careplans.current(ids["MDT-001"])
    tries = Tries()
    for n in range(REPEATS):
        pdf, plain = folder / f"plan-{n}.pdf", folder / f"plain-{n}.pdf"

        def on_gui_thread(plain: Path = plain) -> None:
            data = paper_bytes(services.printout("MDT-001", signed_plan), audience, page_size=page_size,
                               summary=audience is Audience.TEAM)
            write_atomic(plain, data)
            services.audit.exported(f"{audience.value} paper", case_ids=[ids["MDT-001"]])

        try_once(tries, on_gui_thread, lambda pdf=pdf: editor.output.save_pdf_to(pdf),
                 lambda pdf=pdf: pdf.exists() and editor.ui.pdfButton.isEnabled())
        if not (pdf.exists() and plain.exists()):
            raise RuntimeError("the care-plan PDF was not saved")
        _settle(app)
    out.append(("saving a care-plan PDF", tries))

    out.append(("switching conference with typing pending", _switching(app, services, ids, folder, try_once)))

    ops.operations().wait()
    editor.close()
    case_editor.close()
    editor.deleteLater()
    case_editor.deleteLater()
    app.processEvents()
    services.close()
    return out


def _switching(app: Any, services: Any, ids: dict[str, int], folder: Path, try_once: Any) -> Tries:
    """Opening another conference while typing on the discussion of the one open is not saved yet: the
    physician's assessment typed (its autosave not sent), then the other conference opened; done once it
    is shown and the typing stored. Baseline: the same on the GUI thread, as the workspace did before
    (the input saved, then the other conference read), on a third conference."""
    from dataclasses import replace

    from PySide6.QtCore import QSettings
    from PySide6.QtGui import QUndoStack

    from mdtboard.domain.case import Discipline, DisciplineInput
    from mdtboard.domain.conference import Conference
    from mdtboard.ui import ops
    from mdtboard.ui.conference.workspace import ConferenceWorkspace
    from mdtboard.ui.heap import keep_built

    conferences = services.conferences
    pair = []
    for n, ref in enumerate(("MDT-001", "MDT-002")):
        conf = conferences.create(Conference(title=f"Switch {n}", starts_at=_when(n)))
        conferences.add_agenda_item(conf.id, ids[ref])
        pair.append(conf.id)
    third = conferences.create(Conference(title="Switch baseline", starts_at=_when(2)))
    item = conferences.add_agenda_item(third.id, ids["MDT-006"])
    conferences.add_input(item.id, DisciplineInput(Discipline.PHYSICIAN, "Dr A", "Seen.", None))

    def on_gui_thread() -> None:
        stored = next(i for i in conferences.inputs(item.id) if i.discipline is Discipline.PHYSICIAN)
        conferences.update_input(replace(stored, assessment=f"{stored.assessment} Seen again."))
        conferences.get(pair[0])

    settings = QSettings(str(folder / "conference.ini"), QSettings.Format.IniFormat)
    workspace = ConferenceWorkspace(services, QUndoStack(), settings)
    workspace.resize(1400, 900)
    workspace.show()

    def shown(conf_id: int) -> bool:
        return workspace.current_conference_id() == conf_id and not ops.operations().busy

    _until(app, lambda: workspace.open_conference(pair[0]), lambda: shown(pair[0]))
    if KEEP_BUILT:
        keep_built()
    tries = Tries()
    for n in range(REPEATS):
        here, there = pair[n % 2], pair[(n + 1) % 2]
        if workspace.current_conference_id() != here:
            _until(app, lambda here=here: workspace.open_conference(here), lambda here=here: shown(here))
        _settle(app)
        panel = workspace.discussion.panels[Discipline.PHYSICIAN]
        if panel.case_id is None or panel.loading:
            raise RuntimeError("the discussion shows no case to type on")

        text = f"Typed in try {n + 1}."

        def switch(there: int = there, text: str = text, panel: Any = panel) -> None:
            panel.ui.assessmentEdit.setPlainText(text)  # typed: its autosave not sent yet
            workspace.open_conference(there)

        try_once(tries, on_gui_thread, switch, lambda there=there: shown(there), tables=PG_CONFERENCE_TABLES)
        _settle(app)
        typed = conferences.inputs(conferences.get(here).agenda[0].id)
        if [i.assessment for i in typed if i.discipline is Discipline.PHYSICIAN] != [text]:
            raise RuntimeError("the typing on the conference left was not stored")
    _settle(app)
    workspace.close()
    workspace.deleteLater()
    app.processEvents()
    return tries


def _when(n: int) -> Any:
    from datetime import datetime, timedelta

    return datetime(2026, 12, 7, 13) + timedelta(days=7 * n)


@contextmanager
def _nothing() -> Iterator[None]:
    yield


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


Row = tuple[str, str, Tries]


Measure = Callable[[Any, str, Path], list[tuple[str, "Tries"]]]


def run_all(
    app: Any, postgres_url: str, measure_with: Measure | None = None, schema: str = "bench_locked_ops"
) -> tuple[list[Row], dict[str, str]]:
    """Both databases: rows (database, operation, its tries), and why a database was left out.
    ``measure_with``: what is measured on each (default :func:`measure`), in a schema ``schema`` of
    PostgreSQL."""
    import sqlalchemy as sa

    rows: list[Row] = []
    skipped: dict[str, str] = {}
    with tempfile.TemporaryDirectory(prefix="mdtboard-bench-locked-") as tmp:
        folder = Path(tmp)
        measured = measure_with or measure
        for op, tries in measured(app, f"sqlite:///{folder / 'locked-ops.sqlite3'}", folder):
            rows.append(("SQLite", op, tries))
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
            for op, tries in measured(app, url.render_as_string(hide_password=False), pg_folder):
                rows.append(("PostgreSQL", op, tries))
        finally:
            with admin.begin() as conn:
                conn.exec_driver_sql(f"DROP SCHEMA IF EXISTS {schema} CASCADE")
            admin.dispose()
    return rows, skipped


def report(
    held_rows: list[Row], skipped: dict[str, str], rows: list[Any], details: dict[str, Any], target_ms: float
) -> None:
    """Add to ``rows`` and ``details`` the stalls of ``held_rows`` (of :func:`run_all`) against
    ``target_ms``, and each database's noise floor."""
    from bench.measure import row

    floors: dict[str, list[Stall]] = {}
    for database, op, tries in held_rows:
        held = "nothing held" not in op
        got, base, floor = (summary(t) for t in (tries.mine, tries.baseline, tries.floor))
        floors.setdefault(database, []).extend(tries.floor)
        worst = got["max_ms"]
        name = f"{op}{' behind a lock' if held else ''} ({database}): longest stall"
        rows.append(row(
            name, worst, base["max_ms"], "ms",
            target=f"< {target_ms:.0f} ms" if held else None,
            met=worst < target_ms if held else None,
            note=f"worst of {len(tries.mine)} tries (median {got['median_ms']:.0f}; each "
            f"{', '.join(f'{s.wall_ms:.0f}' for s in tries.mine)} ms); most GUI-thread processor time"
            f" between two ticks {got['cpu_max_ms']:.0f} ms (median {got['cpu_median_ms']:.0f}); noise"
            f" floor over the same spans, nothing done: max {floor['max_ms']:.0f}, median"
            f" {floor['median_ms']:.0f} ms; longest garbage collection on the GUI thread during a try"
            f" {got['gc_max_ms']:.0f} ms; baseline: the same work on the GUI thread, as before",
        ))
        details[f"stalls, {op} ({database})"] = {
            "mdtboard": got, "baseline": base, "noise floor": floor,
            "tries_ms (wall, cpu, gc)": {
                "mdtboard": [[s.wall_ms, s.cpu_ms, s.gc_ms] for s in tries.mine],
                "baseline": [[s.wall_ms, s.cpu_ms, s.gc_ms] for s in tries.baseline],
                "noise floor": [[s.wall_ms, s.cpu_ms, s.gc_ms] for s in tries.floor],
            },
        }
    for database, stalls in floors.items():
        floor = summary(stalls)
        rows.append(row(
            f"noise floor ({database}): longest stall with nothing done", floor["max_ms"], None, "ms",
            note=f"the heartbeat alone over the span of each try above ({len(stalls)} spans): median "
            f"{floor['median_ms']:.0f} ms; a stall below this is the machine's load, not mdtboard's",
        ))
    details.update({f"locked operations, {name}": why for name, why in skipped.items()})
