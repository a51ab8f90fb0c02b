"""Every GUI test runs with the QApplication made first: a model test (``qtmodeltester``) that draws an
icon would otherwise make a QPixmap before any application exists, which aborts Python when such a test
is the first of its worker."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication


@pytest.fixture(autouse=True)
def _application_first(qapp: QApplication) -> QApplication:
    return qapp
