"""One run of the library-scrolling benchmark, in a process of its own: ``python -m bench.library_child KIND
[URL]`` prints one JSON line of readings.

``mdtboard``: the case library's model (``CaseTableModel``) over the database at URL in a ``QTableView``
of 1280x800 on the offscreen platform set up as the library's table is (its form's settings: no row
numbers, whole rows, alternating colours; then the library's own ``table_view.set_up_table``: columns
sized from the font, the title taking the rest, row heights fixed from the font), as the library shows it
(background mode: every read on the reader thread, rows not yet read shown as placeholders); ``sync``: the
same model reading on the GUI thread (as the library did before); ``bare``: the same view over a bare
``QAbstractTableModel`` of as many rows whose cells are made from the row number (nothing stored).
Before, both views were plain ``QTableView``s showing row numbers (a header the library hides, whose
sections asked mdtboard's model, not the bare one, for their text in Python) and the first step held the
window's first paint (the slowest step of every run, bare or not); now that paint is made before the steps
are timed. Every kind makes its application as the program does (``mdtboard.app.make_application``: Qt
paints on the GUI thread alone) and, after that first paint, takes what is alive out of the garbage
collector's full collections as the program does once its start-up is done (``mdtboard.ui.heap.keep_built``;
before, a full collection of the benchmark's own start-up objects, 50-130 ms, could fall in a step).
mdtboard's model is shown as the library shows it (``table_view.show_cases``: its plain cells drawn by the
library's delegate, ``CaseCellDelegate``, which draws what Qt's delegate draws with less work); the bare
model in Qt's own delegate.

The models over the database also time a search typed (``SEARCHES``, one query a keystroke, each set and
waited for until its first page and count are shown): from the keystroke to the rows shown, and how long
the GUI thread was busy in the call. The steps that still showed placeholders after their paint are
counted.
The view is scrolled from top to bottom by page steps (``SliderPageStepAdd``), one a frame at 60 Hz
(:data:`FRAME_S`; before, back to back), each step followed by a repaint of the viewport; each step is timed
(scrolling, reading what is shown, painting it), in wall time and in the GUI thread's processor time (which
other work on a shared machine does not stretch). Peak resident memory is read at the end.
"""

from __future__ import annotations

import json
import math
import resource
import sys
import time
from typing import Any

#: A search typed, a query a keystroke (a name, then a reference), and cleared.
SEARCHES = (
    *("d", "da", "dav", "davi", "david", "david t", ""),
    *("p", "pm", "pmc", "pmc-2", "pmc-201", "pmc-2016", ""),
)


#: One page step a frame at 60 Hz: faster than a held Page Down key repeats (about 30 a second). Paging
#: back to back with no pause (as before) left the reader thread of mdtboard's model, which needs the
#: interpreter lock for each row it fetches, almost no turn at it; no person scrolls like that.
FRAME_S = 1 / 60


def _library_table(model: Any) -> Any:
    """A table view set up as the library's is (its form: no row numbers, one line a row, whole rows
    selected, alternating colours, sortable; then, once given the model, the library's own set-up:
    sorted by reference, columns sized from the font with the title taking the rest, row heights fixed from
    the font), on its own. The library's model is shown as the library shows it (``show_cases``: its cells
    drawn by the library's delegate); the bare model in Qt's own delegate."""
    from PySide6.QtWidgets import QWidget

    from mdtboard.ui.cases.table_model import CaseTableModel
    from mdtboard.ui.cases.table_view import set_up_table, show_cases
    from mdtboard.ui.forms.ui_case_library import Ui_CaseLibrary

    form, ui = QWidget(), Ui_CaseLibrary()
    ui.setupUi(form)
    view = ui.caseTable
    view.setParent(None)  # out of the form's layout, a window of its own
    if isinstance(model, CaseTableModel):
        view.cells = show_cases(view, model)
    else:
        view.setModel(model)
        set_up_table(view)
    return view


def main() -> None:
    kind = sys.argv[1]
    from PySide6.QtCore import QAbstractTableModel, QEventLoop, QModelIndex, Qt, QTimer
    from PySide6.QtWidgets import QAbstractSlider

    from mdtboard.app import make_application
    from mdtboard.ui.heap import keep_built

    app = make_application(sys.argv[:1])  # as the program makes it (Qt painting on the GUI thread alone)
    services = None
    first_s = None
    if kind in ("mdtboard", "sync"):
        from mdtboard.services.context import open_services
        from mdtboard.ui import ops
        from mdtboard.ui.cases.table_model import CaseTableModel

        services = open_services(sys.argv[2])
        t = time.perf_counter()
        # as the library makes it (background), or reading on the GUI thread (sync)
        model: Any = CaseTableModel(services.cases, prefetch=True, background=kind == "mdtboard")
        ops.operations().wait()
        first_s = time.perf_counter() - t
        rows = model.rowCount()
    else:
        rows = int(sys.argv[2])

        class Bare(QAbstractTableModel):
            def rowCount(self, parent: Any = QModelIndex()) -> int:  # noqa: B008
                return 0 if parent.isValid() else rows

            def columnCount(self, parent: Any = QModelIndex()) -> int:  # noqa: B008
                return 0 if parent.isValid() else 5

            def data(self, index: Any, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
                if role == Qt.ItemDataRole.DisplayRole:
                    return f"PMC-{index.row():06d}" if index.column() == 0 else f"cell {index.row()}"
                return None

        model = Bare()
    view = _library_table(model)
    view.resize(1280, 800)
    view.show()
    app.processEvents()
    # The window's first paint (fonts, style, glyphs) and the first use of the calls the steps make from
    # Python (PySide makes the Python types of a class's enums on first use: 62 of them, about 10 ms) are
    # not page steps: made before them.
    viewport, page_step = view.viewport(), QAbstractSlider.SliderAction.SliderPageStepAdd
    viewport.repaint()
    app.processEvents()
    keep_built()  # as the program does once its start-up is done: full collections walk only what follows
    bar = view.verticalScrollBar()
    steps: list[float] = []
    blank = 0  # steps whose shown rows still held placeholders after the paint
    cpu: list[float] = []  # the GUI thread's processor time of each step (what other work cannot stretch)
    between: list[float] = []  # the GUI thread's processor time in the event loop between steps
    late: list[float] = []  # how long after its frame began each step began
    # The rest of each frame runs the event loop, as the program's would while it waits for the next key
    # (before, the process slept: work the program leaves to its event loop was then done in the steps).
    loop, frame_end = QEventLoop(), QTimer()
    frame_end.setSingleShot(True)
    frame_end.setTimerType(Qt.TimerType.PreciseTimer)
    frame_end.timeout.connect(loop.quit)
    start = time.perf_counter()
    frame = 0
    while bar.value() < bar.maximum():
        t, c = time.perf_counter(), time.thread_time()
        late.append(max(0.0, t - (start + frame * FRAME_S)))
        bar.triggerAction(page_step)
        viewport.repaint()
        app.processEvents()
        steps.append(time.perf_counter() - t)
        cpu.append(time.thread_time() - c)
        if kind == "mdtboard":
            top = view.rowAt(0)
            blank += model.index(max(top, 0), 0).data() == "…"
        frame = max(frame + 1, math.ceil((time.perf_counter() - start) / FRAME_S))  # the next frame to come
        rest = start + frame * FRAME_S - time.perf_counter()
        c = time.thread_time()
        if rest > 0:  # the rest of the frame: the event loop waits for the next key here
            frame_end.start(max(0, int(rest * 1000)))
            loop.exec()
            while (rest := start + frame * FRAME_S - time.perf_counter()) > 0:
                time.sleep(rest)  # the timer's milliseconds rounded down
        between.append(time.thread_time() - c)
    total = time.perf_counter() - start
    if kind == "mdtboard":
        ops.operations().wait()
    last = model.index(rows - 1, 0).data()
    searches: list[float] = []
    gui: list[float] = []
    if kind != "bare":
        for query in SEARCHES:
            t, c = time.perf_counter(), time.thread_time()
            model.set_query(query)
            gui.append(time.thread_time() - c)
            ops.operations().wait()  # delivered: the model reset with the first page and count
            app.processEvents()
            searches.append(time.perf_counter() - t)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        json.dumps(
            {
                "rows": rows,
                "steps": steps,
                "cpu": cpu,
                "between_cpu": between,
                "late": late,
                "total_s": total,
                "peak_rss_mb": peak,
                "last": last,
                "first_s": first_s,
                "blank_steps": blank,
                "search_s": searches,
                "search_gui_cpu_s": gui,
            }
        )
    )
    if services is not None:
        services.close()


if __name__ == "__main__":
    main()
