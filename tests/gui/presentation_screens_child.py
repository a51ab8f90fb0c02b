"""Run by test_presentation_screens.py in a process of its own, whose offscreen platform was given screens
in a configuration file (QT_QPA_PLATFORM="offscreen:configfile=..."): opens the main window on the first
screen, presses F5, reports where the big screen went and the pixel sizes of its text as JSON, presses
Esc, and reports again. Arguments: database URL, settings file, the screen to ask for ("" for automatic).
(No tests here.)"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent)]

from PySide6.QtCore import QEventLoop, QSettings, Qt, QTimer  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication, QLabel  # noqa: E402


def rect(r: Any) -> list[int]:
    return [r.x(), r.y(), r.width(), r.height()]


def wait_for(signal: Any, ms: int = 30_000) -> None:
    loop = QEventLoop()
    signal.connect(loop.quit)
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def settle() -> None:
    for _ in range(5):
        QApplication.processEvents()
        QTest.qWait(20)


def main() -> int:
    url, settings_path, wanted = sys.argv[1], sys.argv[2], sys.argv[3]
    app = QApplication(sys.argv[:1])
    from presentation_support import AGENDA, prepare

    from mdtboard.ui.main_window import MainWindow

    services, conf_id, ids = prepare(url)
    settings = QSettings(settings_path, QSettings.Format.IniFormat)
    settings.setValue("session/last_conference", conf_id)
    settings.setValue("presentation/screen", wanted)
    laptop = app.screens()[0]
    window = MainWindow(settings)
    window.setScreen(laptop)
    window.setGeometry(laptop.geometry().adjusted(40, 40, -40, -40))
    window.show()
    window.activateWindow()
    window.open_database(url)
    wait_for(window.services_ready)
    window.show_page(2)
    window.workspace.discuss(ids[AGENDA[0]])
    settle()
    out: dict[str, Any] = {
        "screens": {s.name(): rect(s.geometry()) for s in app.screens()},
        "operator_screen": window.screen().name(),
    }
    QTest.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_F5)
    settle()
    big = window.presentation.big_screen
    labels = [w for w in big.findChildren(QLabel) if w.isVisible() and w.text()]
    out["presenting"] = {
        "visible": big.isVisible(),
        "full_screen": big.isFullScreen(),
        "screen": big.screen().name(),
        "window_handle_screen": big.windowHandle().screen().name(),
        "geometry": rect(big.geometry()),
        "body_px": big.text.document.defaultFont().pixelSize(),
        "smallest_label_px": min(label.font().pixelSize() for label in labels),
        "smallest_label": min(labels, key=lambda label: label.font().pixelSize()).objectName(),
        "operator_screen": window.screen().name(),
        "operator_active": window.isActiveWindow(),
    }
    QTest.keyClick(big, Qt.Key.Key_Escape)
    settle()
    out["after_escape"] = {"visible": big.isVisible(), "presenting": window.presentation.presenting}
    print(json.dumps(out))
    window.close()
    services.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
