"""Work shown a step per turn of the event loop, so that no one turn holds the loop for long: a case being
opened in the case editor (:mod:`mdtboard.ui.cases.filling`), a care plan locked by its last signature."""

from __future__ import annotations

import weakref
from collections.abc import Callable, Iterable
from typing import ClassVar

from PySide6.QtCore import QObject, QTimer


class Steps(QObject):
    """Work done one step per turn of the event loop. A step is ``(fills_fields, callable)``: the steps
    that fill fields come before the others, and :meth:`finish` can run just those."""

    _all: ClassVar[weakref.WeakSet[Steps]] = weakref.WeakSet()

    @classmethod
    def any_busy(cls) -> bool:
        """Some editor still has steps to show (for whoever waits until everything is shown: the tests,
        the benchmarks)."""
        return any(steps.busy for steps in list(cls._all))

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        Steps._all.add(self)
        self._steps: list[tuple[bool, Callable[[], object]]] = []
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._next)

    @property
    def busy(self) -> bool:
        """Steps are left to do."""
        return bool(self._steps)

    @property
    def filling(self) -> bool:
        """Steps that fill fields are left to do."""
        return any(fields for fields, _step in self._steps)

    def start(self, steps: Iterable[tuple[bool, Callable[[], object]]]) -> None:
        """Do ``steps``, one per turn of the event loop from the next one (steps left from before are
        dropped)."""
        self._steps = list(steps)
        if self._steps:
            self._timer.start()

    def cancel(self) -> None:
        """Drop the steps left (another case is shown)."""
        self._steps = []
        self._timer.stop()

    def finish(self, *, fields_only: bool = False) -> None:
        """Do the steps left now (``fields_only``: those that fill fields)."""
        while self._steps and (not fields_only or self.filling):
            self._run_one()
        if not self._steps:
            self._timer.stop()

    def _next(self) -> None:
        if self._steps:
            self._run_one()
        if self._steps:
            self._timer.start()

    def _run_one(self) -> None:
        _fields, step = self._steps.pop(0)
        step()
