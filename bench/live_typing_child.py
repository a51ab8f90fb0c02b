"""A colleague's laptop following the meeting, for ``bench_live_typing``:
``python -m bench.live_typing_child URL CONF_ID CASE_ID FOLDER``.

Starts mdtboard's main window (offscreen) on the database, opens the conference, turns on Conference >
Follow the meeting, and waits until the case is under discussion; prints ``ready``. Then, every 2 ms, looks
at the Psychology panel's assessment as shown and prints ``<length> <monotonic ns>`` each time it changes.
Ends when its standard input closes.
"""

from __future__ import annotations

import os
import sys
import threading
import time
from pathlib import Path


def main() -> None:
    url, conf_id, case_id, folder = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), Path(sys.argv[4])
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtCore import QSettings, QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from mdtboard.domain.case import Discipline
    from mdtboard.services.context import open_services
    from mdtboard.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    window = MainWindow(QSettings(str(folder / "follower.ini"), QSettings.Format.IniFormat))
    window.attach_services(open_services(url))
    window.show()
    workspace, live = window.workspace, window.live
    assert workspace is not None and live is not None and live.follow_action is not None
    workspace.open_conference(conf_id)
    live.follow_action.trigger()
    end = time.monotonic() + 30
    while workspace.discussion.current_case_id() != case_id and time.monotonic() < end:
        QTest.qWait(20)
    edit = workspace.discussion.panels[Discipline.PSYCHOLOGY].ui.assessmentEdit
    shown = [len(edit.toPlainText())]

    done = threading.Event()

    def look() -> None:
        if done.is_set():
            app.quit()
            return
        now = len(edit.toPlainText())
        if now != shown[0]:
            shown[0] = now
            print(f"{now} {time.monotonic_ns()}", flush=True)

    timer = QTimer()
    timer.setInterval(2)
    timer.timeout.connect(look)
    timer.start()
    threading.Thread(target=lambda: (sys.stdin.read(), done.set()), daemon=True).start()
    print("ready", flush=True)
    app.exec()
    window.close()


if __name__ == "__main__":
    main()
