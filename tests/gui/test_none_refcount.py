"""PySide6 6.12.0 on CPython 3.11 drops a reference to None on every void C++ call; mdtboard.ui guards
against it (a long meeting makes millions of such calls). Without the guard this test aborts Python."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

import mdtboard.ui  # noqa: F401 - the guard runs on import

pytestmark = pytest.mark.gui


def test_many_void_calls_do_not_free_none(qtbot: QtBot) -> None:
    label = QLabel()
    qtbot.addWidget(label)
    calls = 200_000  # more than the references None has in a test run without the guard
    for i in range(calls):
        label.setText("x" if i % 2 else "y")
    assert label.text() == "x"
    assert sys.getrefcount(None) > 1000
