"""Guards the PySide6 pin: PySide6 6.12.0 on CPython 3.11 drops a reference to None on every void C++ call
and to True on every Signal.emit(), and a long meeting makes millions of such calls, until CPython aborts
("deallocating None"). The pinned release keeps the counts steady."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

pytestmark = pytest.mark.gui


class _Emitter(QObject):
    happened = Signal(int)


def test_void_calls_keep_the_reference_count_of_none(qtbot: QtBot) -> None:
    label = QLabel()
    qtbot.addWidget(label)
    label.setText("warm up")
    before = sys.getrefcount(None)
    for i in range(20_000):
        label.setText("x" if i % 2 else "y")
    assert abs(sys.getrefcount(None) - before) < 100


def test_signal_emits_keep_the_reference_count_of_true(qtbot: QtBot) -> None:
    emitter = _Emitter()
    received: list[int] = []
    emitter.happened.connect(received.append)
    emitter.happened.emit(0)
    before = sys.getrefcount(True)
    for i in range(20_000):
        emitter.happened.emit(i)
    assert len(received) == 20_001
    assert abs(sys.getrefcount(True) - before) < 100
