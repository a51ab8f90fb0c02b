"""Presence on screen: this PC announces the records it has open, and shows who else has them open and
who is typing where ("Dr Ruiz is typing in Psychology · open on 2 other PCs"), discreetly beside the
record (:mod:`mdtboard.domain.presence`).

:class:`PresenceTracker` asks the main window's views what they have open every :data:`TICK_MS`:

- the case editor: the open case, and the field being typed in;
- the conference workspace: the open conference, and the case under discussion with the discipline panel
  being typed in (its author, else the person signed in, is who types);
- the care-plan editor: the plan open.

It renews the announcement every :data:`~mdtboard.domain.presence.RENEW_S` seconds (at once when it
changed) and reads the other PCs' on the same records, on a background operation (the GUI never waits).
The case editor, the care-plan editor and the discussion show the line; each discipline panel shows who
types in it on another PC. A PC that goes away stops renewing and disappears once its announcement expires
(:data:`~mdtboard.domain.presence.TTL_S`); a program that closes withdraws it at once.
"""

from __future__ import annotations

import logging
import threading
import time
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QWidget

from mdtboard.domain.changes import CARE_PLAN, CASE, CONFERENCE
from mdtboard.domain.errors import MdtboardError
from mdtboard.domain.presence import RENEW_S, TYPING_S, Presence, describe, typing_in
from mdtboard.ui import ops as ops_module
from mdtboard.ui import palette

log = logging.getLogger(__name__)

#: How often the views are asked what they have open, and the other PCs' presence read (milliseconds).
TICK_MS = 1000
#: Closing waits at most this long for the announcement to be withdrawn (seconds).
LEAVE_WAIT_S = 1.0


def _case_place(editor: Any) -> str | None:
    """The label of the case editor's field that has the cursor (None: not in a field of the form)."""
    # here, not at start-up: the case editor's modules load with the editor (they bring the medicine tables)
    from mdtboard.ui.cases.fields import field_label
    from mdtboard.ui.cases.form import SCALARS

    widget: QWidget | None = QApplication.focusWidget()
    while widget is not None and widget is not editor:
        found = SCALARS.get(widget.objectName())
        if found is not None:
            return field_label(found[0])
        widget = widget.parentWidget()
    return None


def collect(window: Any, who: str) -> list[Presence]:
    """What this program has open now, as it announces it (``who``: the person, unless a discipline panel
    names its author)."""
    found: dict[tuple[str, int], Presence] = {}

    def add(p: Presence) -> None:
        if p.key not in found or p.typing and not found[p.key].typing:
            found[p.key] = p

    editor = window.built_editor  # a page not built yet has nothing open
    case_id = editor.current_case_id() if editor is not None else None
    if case_id is not None:
        typing = editor.session.typing(TYPING_S)
        add(Presence(CASE, case_id, who, _case_place(editor) if typing else None, typing))
    workspace = window.built_workspace
    conf_id = workspace.current_conference_id() if workspace is not None else None
    if conf_id is not None:
        add(Presence(CONFERENCE, conf_id, who))
        discussion = workspace.discussion
        shown = discussion.current_case_id()
        if shown is not None:
            typist = next((p for p in discussion.panels.values() if p.typing(TYPING_S)), None)
            if typist is None:
                add(Presence(CASE, shown, who))
            else:
                author = typist.text().author or who
                add(Presence(CASE, shown, author, typist.discipline.label, True))
    page = window.care_plan
    plan_editor: Any = getattr(page, "built_editor", None)
    plan = getattr(plan_editor, "plan", None)
    if plan_editor is not None and plan is not None and plan.id is not None \
            and plan_editor.current_case_id() is not None:
        add(Presence(CARE_PLAN, plan.id, who, None, plan_editor.session.typing(TYPING_S)))
    return sorted(found.values(), key=lambda p: p.key)


def show(window: Any, others: list[Presence]) -> None:
    """Show the other PCs' presence beside the records this program shows."""
    editor = window.built_editor
    case_id = editor.current_case_id() if editor is not None else None
    if editor is not None:
        text = describe(p for p in others if p.key == (CASE, case_id)) if case_id is not None else ""
        editor.ui.presenceLabel.setText(text)
        editor.ui.presenceLabel.setToolTip("Who else has this case open (on other PCs)" if text else "")
    plan_editor: Any = getattr(window.care_plan, "built_editor", None)
    if plan_editor is not None:
        plan = plan_editor.plan if plan_editor.current_case_id() is not None else None
        key = (CARE_PLAN, plan.id) if plan is not None and plan.id is not None else None
        plan_editor.ui.presenceLabel.setText(describe(p for p in others if p.key == key) if key else "")
    workspace = window.built_workspace
    if workspace is None:
        return
    discussion = workspace.discussion
    shown = discussion.current_case_id()
    here = [p for p in others if p.key == (CASE, shown)] if shown is not None else []
    discussion.ui.presenceLabel.setText(describe(here))
    for panel in discussion.panels.values():
        panel.show_typists(typing_in(here, panel.discipline.label))


def quiet_labels(workspace: Any) -> None:
    """The conference workspace's presence and follow lines, quiet beside the case under discussion."""
    workspace.discussion.ui.presenceLabel.setStyleSheet(palette.QUIET_STYLE)
    workspace.discussion.ui.followLabel.setStyleSheet(palette.QUIET_STYLE)


class PresenceTracker(QObject):
    """Announces what the main window has open and shows the other PCs' presence (see the module
    docstring).

    Signals:
        updated(list): the other PCs' presence (:class:`Presence`) on the records this program has open.
    """

    updated = Signal(list)

    def __init__(self, window: Any, tick_ms: int = TICK_MS) -> None:
        super().__init__(window)
        self.window = window
        self.service = window.services.presence
        self.who = self.service.who()
        self.others: list[Presence] = []
        self._announced: list[Presence] | None = None
        self._announced_at = 0.0
        self._busy = False
        if window.built_workspace is not None:
            quiet_labels(window.built_workspace)
        self._timer = QTimer(self)
        self._timer.setInterval(tick_ms)
        self._timer.timeout.connect(self.tick)

    def start(self) -> None:
        self._timer.start()
        self.tick()

    def tick(self) -> None:
        if self._busy or not shiboken6.isValid(self.window):
            return
        mine = collect(self.window, self.who)
        due = mine != self._announced or time.monotonic() - self._announced_at >= RENEW_S
        service = self.service
        if due:
            work = lambda: service.exchange(mine)  # noqa: E731
        elif mine:
            keys = [p.key for p in mine]
            work = lambda: service.others(keys)  # noqa: E731
        else:
            self._arrived([], None)
            return
        self._busy = True

        def success(others: list[Presence]) -> None:
            if due:
                self._announced, self._announced_at = mine, time.monotonic()
            self._arrived(others, None)

        ops_module.operations().read(work, parent=self, success=success, failure=self._failed,
                                     label="presence")

    def _arrived(self, others: list[Presence], _error: object) -> None:
        self._busy = False
        if not shiboken6.isValid(self.window):
            return
        show(self.window, others)  # also when unchanged: a record closed or opened here meanwhile
        if others != self.others:
            self.others = others
            self.updated.emit(others)

    def _failed(self, _error: MdtboardError) -> None:
        """The database did not answer: say nothing of others (their presence is not known) and announce
        again on the next tick."""
        self._busy = False
        self._announced = None
        self._arrived([], None)

    def stop(self) -> threading.Thread | None:
        """Stop, withdrawing this program's announcements (waiting at most :data:`LEAVE_WAIT_S`): the thread
        still withdrawing them when that was not long enough (a slow database), else None. The database
        must stay open until that thread has ended: a connection it hands back to a closed one would stay
        open, for nobody."""
        self._timer.stop()
        if self._announced is None and not self._busy:
            return None
        service = self.service

        def leave() -> None:
            try:
                service.leave()
            except MdtboardError:
                log.warning("presence: the announcements could not be withdrawn; they expire by themselves")

        thread = threading.Thread(target=leave, name="mdtboard-presence-leave", daemon=True)
        thread.start()
        thread.join(LEAVE_WAIT_S)
        return thread if thread.is_alive() else None
