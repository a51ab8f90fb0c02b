"""Showing an opened case a part at a time, one turn of the event loop each, so that opening a case never
holds the event loop for long (typing elsewhere, the clock, the big screen go on meanwhile).

The case editor (:meth:`~mdtboard.ui.cases.editor.CaseEditor.open_case`) shows at once the header, the
banners and the ISBAR part in front; the other parts' fields come in the next turns of the event loop,
then the marks and the panels beside the fields. Whatever needs the whole form (a save reading it, an
undo applying to it, another part brought to the front) finishes the fields first, at once
(:meth:`~mdtboard.ui.editing.steps.Steps.finish`), so nothing typed is lost and nothing half-filled is
ever read or saved.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from mdtboard.domain.case import Case
from mdtboard.ui.cases.form import CaseForm
from mdtboard.ui.cases.restricted import TEXT_POINTERS
from mdtboard.ui.editing.part import EditorPart
from mdtboard.ui.editing.session import RecordSession
from mdtboard.ui.editing.steps import Steps
from mdtboard.ui.forms.ui_case_editor import Ui_CaseEditor


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
