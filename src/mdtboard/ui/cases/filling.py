"""Showing an opened case a part at a time, one turn of the event loop each, so that opening a case never
holds the event loop for long (typing elsewhere, the clock, the big screen go on meanwhile).

The case editor (:meth:`~mdtboard.ui.cases.editor.CaseEditor.open_case`) shows at once the header, the
banners and the ISBAR part in front; the other parts' fields come in the next turns of the event loop,
then the marks and the panels beside the fields. Whatever needs the whole form (a save reading it, an
undo applying to it, another part brought to the front) finishes the fields first, at once
(:meth:`Steps.finish`), so nothing typed is lost and nothing half-filled is ever read or saved.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, ClassVar

from PySide6.QtCore import QObject, QTimer

from mdtboard.domain.case import Case
from mdtboard.ui.cases.form import CaseForm
from mdtboard.ui.cases.restricted import TEXT_POINTERS
from mdtboard.ui.editing.part import EditorPart
from mdtboard.ui.editing.session import RecordSession
from mdtboard.ui.forms.ui_case_editor import Ui_CaseEditor


class Steps(QObject):
    """Work done one step per turn of the event loop. A step is ``(fills_fields, callable)``: the steps
    that fill fields come before the others, and :meth:`finish` can run just those."""

    _all: ClassVar[weakref.WeakSet[Steps]] = weakref.WeakSet()

    @classmethod
    def any_busy(cls) -> bool:
        """Some editor is still showing a case (for whoever waits until everything is shown: the tests,
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


class CaseFilling(EditorPart):
    """The case editor's side of showing a case in steps (a part of
    :class:`~mdtboard.ui.cases.editor.CaseEditor`, a mixin; what it takes from the editor is declared below,
    under ``TYPE_CHECKING``)."""

    if TYPE_CHECKING:  # provided by the editor
        ui: Ui_CaseEditor
        form: CaseForm
        session: RecordSession
        _saved: Case | None
        _texts: dict[str, str]
        _draft_texts: dict[str, str] | None
        _loading: bool
        _fill_steps: Steps
        _part_keys: list[frozenset[str]] | None

        def _show_body(self, shown: bool) -> None: ...
        def _show_header(self, case: Case) -> None: ...
        def _show_passages(self) -> None: ...
        def _show_banners(self, case: Case) -> None: ...
        def _refresh_steps(self) -> list[Callable[[], None]]: ...

    @property
    def filling(self) -> bool:
        """A case opened is still being shown (its other parts, marks and panels come in the next turns
        of the event loop)."""
        return self._fill_steps.busy

    def _show_in_steps(self, case: Case) -> None:
        """Show ``case`` (just opened, already ``self._saved``): what the banners are made from and the
        part in front at once, the other parts a step each, then the marks and panels in three steps."""
        parts = self._parts()
        front = self.ui.isbarTabs.currentIndex()
        first = parts[front] | TEXT_POINTERS.keys() | {"sharingEdit"}
        self._texts = {}
        self._fill_keys(case, first)
        self.session.load(case)
        self._draft_texts = None
        self._show_body(True)
        self.ui.saveState.setText("")
        self._show_header(case)
        self._show_passages()
        self._show_banners(case)
        later = [keys - first for at, keys in enumerate(parts) if at != front and keys - first]
        self._fill_steps.start([
            *((True, lambda keys=keys: self._fill_keys(case, keys)) for keys in later),
            *((False, step) for step in self._refresh_steps()),
        ])

    def _parts(self) -> list[frozenset[str]]:
        """The keys of the fields and tables on each ISBAR part (tab), in order; any other key with the
        last part."""
        if self._part_keys is None:
            tabs = self.ui.isbarTabs
            keys = [*self.form.scalar_keys(), *self.form.tables]
            parts = [
                frozenset(k for k in keys if (page := tabs.widget(i)) is not None
                          and page.isAncestorOf(self.form.widget(k)))
                for i in range(tabs.count())
            ]
            rest = set(keys).difference(*parts)
            self._part_keys = [*parts[:-1], parts[-1] | rest]
        return self._part_keys

    def _fill_keys(self, case: Case, keys: frozenset[str] | set[str] | None) -> None:
        """Fill the fields and tables ``keys`` (None: every one) with ``case``'s content, not as an edit."""
        if case is not self._saved:
            return  # another case was shown meanwhile
        self._loading = True
        try:
            with self.session.suspend():
                self.form.fill(case, keys)
        finally:
            self._loading = False
        if keys is None:
            self._texts = self.form.snapshot()
        else:
            self._texts.update(self.form.snapshot(keys))
