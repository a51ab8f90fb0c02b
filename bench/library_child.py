"""One run of the library-scrolling benchmark, in a process of its own: ``python -m bench.library_child KIND
[URL]`` prints one JSON line of readings.

``mdtboard``: the case library's model (``CaseTableModel``) over the database at URL in a ``QTableView``
of 1280x800 on the offscreen platform, as the library shows it; ``bare``: the same view over a bare
``QAbstractTableModel`` of as many rows whose cells are made from the row number (nothing stored).
The view is scrolled from top to bottom by page steps (``SliderPageStepAdd``), each step followed by a
repaint of the viewport; each step is timed (scrolling, reading what is shown, painting it), in wall
time and in the GUI thread's processor time (which other work on a shared machine does not stretch). Peak
resident memory is read at the end.
"""

from __future__ import annotations

import json
import resource
import sys
import time
from typing import Any


def main() -> None:
    kind = sys.argv[1]
    from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
    from PySide6.QtWidgets import QAbstractSlider, QApplication, QTableView

    app = QApplication([])
    services = None
    if kind == "mdtboard":
        from mdtboard.services.context import open_services
        from mdtboard.ui.cases.table_model import CaseTableModel

        services = open_services(sys.argv[2])
        model: Any = CaseTableModel(services.cases, prefetch=True)  # as the library makes it
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
    view = QTableView()
    view.setModel(model)
    view.resize(1280, 800)
    view.show()
    app.processEvents()
    bar = view.verticalScrollBar()
    steps: list[float] = []
    cpu: list[float] = []  # the GUI thread's processor time of each step (what other work cannot stretch)
    start = time.perf_counter()
    while bar.value() < bar.maximum():
        t, c = time.perf_counter(), time.thread_time()
        bar.triggerAction(QAbstractSlider.SliderAction.SliderPageStepAdd)
        view.viewport().repaint()
        app.processEvents()
        steps.append(time.perf_counter() - t)
        cpu.append(time.thread_time() - c)
    total = time.perf_counter() - start
    last = model.index(rows - 1, 0).data()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        json.dumps(
            {"rows": rows, "steps": steps, "cpu": cpu, "total_s": total, "peak_rss_mb": peak, "last": last}
        )
    )
    if services is not None:
        services.close()


if __name__ == "__main__":
    main()
