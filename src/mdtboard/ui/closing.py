"""Closing the main window without freezing it.

Closing saves everything typed. The saves run as background operations (:mod:`mdtboard.ui.ops`); the
window does not wait for them on the GUI thread: it starts them (each record session's flush within
:func:`~mdtboard.ui.editing.session.saves_not_waited_for`), waits a few milliseconds at most
(:data:`QUICK_WAIT_S`, well under the 50 ms a person notices) and, when they are written by then, closes at
once. Otherwise a small window-modal box says "Saving your changes… (n left)" (made on the next turn of the
event loop, so that no turn takes long) while the event loop goes on; it closes the window by itself once
everything is written. The box offers:

- Back to mdtboard: the window stays open, everything typed stays on screen and goes on being saved;
- Quit without waiting…: says what would be lost (each save still on its way, by what it saves, never its
  text) and asks again before quitting.

A save that failed (or a conflict to settle) asks as before: close anyway and lose the changes, or not.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer

from mdtboard.ui import ops

if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent
    from PySide6.QtWidgets import QMessageBox

#: How long closing may wait on the GUI thread for saves already on their way, in seconds.
QUICK_WAIT_S = 0.02
#: How often the saving box looks again, in milliseconds.
POLL_MS = 100


def saving_text(writes: list[str]) -> str:
    """What the saving box says while ``writes`` are still on their way."""
    if not writes:
        return "Finishing with the database…\n\nmdtboard closes as soon as it is done."
    return (f"Saving your changes… ({len(writes)} left)\n\n"
            "mdtboard closes as soon as they are written to the database.")


def loss_text(writes: list[str]) -> str:
    """What quitting now would lose, said plainly."""
    if not writes:
        return ("Nothing you typed is waiting to be saved; mdtboard is only finishing with the database. "
                "Quit now?")
    listed = "\n".join(f"• {what}" for what in writes)
    return (f"{len(writes)} change(s) are not written to the database yet:\n\n{listed}\n\n"
            "If you quit now, these changes are lost. If you wait, mdtboard closes by itself once they "
            "are saved.")


def close_services(services: Any, leaving: threading.Thread | None = None) -> None:
    """Close ``services`` (their database) now; or, while ``leaving`` still uses the database (this
    program's presence being withdrawn from a slow server), on a thread of its own once it has ended: a
    connection handed back to a database already closed would stay open, for nobody."""
    if leaving is None or not leaving.is_alive():
        services.close()
        return

    def close_later() -> None:
        leaving.join()
        services.close()

    threading.Thread(target=close_later, name="mdtboard-close", daemon=True).start()


def _close_held(held: list[Any]) -> None:
    if held:
        ops.operations().wait(30)
        for services in held:
            services.close()
        held.clear()


class WindowCloser(QObject):
    """Closes a main window (``window``: a MainWindow) as the module docstring says. The window's
    ``closeEvent`` hands its event to :meth:`close_event`; :meth:`MainWindow.finish_closing` does the rest
    once nothing is left to save."""

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.window = window
        self.saving_box: QMessageBox | None = None
        self.loss_box: QMessageBox | None = None
        self._asked = False  # asked to close; the box comes on the next turn of the event loop
        self._poll = QTimer(self)
        self._poll.setInterval(POLL_MS)
        self._poll.timeout.connect(self._look_again)
        held: list[Any] = []  # the services the window owns, until it closes them
        self._held = held
        window.destroyed.connect(lambda *_args: _close_held(held))

    def hold(self, services: Any) -> None:
        """The window owns ``services``: it closes them when it closes; should it be destroyed without
        closing (a test tearing it down while saves were on their way), they are closed then, once the
        operations still on their way have run."""
        self._held.append(services)

    def released(self) -> None:
        """The window closed its services."""
        self._held.clear()

    @property
    def waiting(self) -> bool:
        """Whether the window waits for saves to close (the saving box, or the question about the loss)."""
        return self._asked or self.saving_box is not None or self.loss_box is not None

    def _flush(self) -> bool:
        """Start saving everything pending (without waiting); True when everything typed is written."""
        from mdtboard.ui.editing.session import saves_not_waited_for

        with saves_not_waited_for():
            return bool(self.window.flush())

    def close_event(self, event: QCloseEvent) -> None:
        window, operations = self.window, ops.operations()
        if self.waiting:  # closed again while waiting: the box says what happens
            event.ignore()
            box = self.saving_box or self.loss_box
            if box is not None:
                box.raise_()
            return
        force = window.force_close
        committed = self._flush()
        if not force and (not committed or operations.busy):
            operations.wait(QUICK_WAIT_S)  # saves to a local database are written by then
            committed = self._flush()
        if force or (committed and not operations.busy):
            window.finish_closing()
            event.accept()
            return
        event.ignore()
        self._asked = True
        QTimer.singleShot(0, self._first_look)  # the box, on the next turn of the event loop

    # -- the saving box
    def _show_saving(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        from mdtboard.ui.dialogs import choose

        def chosen(quit_now: bool) -> None:
            if self.saving_box is not box:  # dismissed here: everything was saved
                return
            self.saving_box = None
            self._poll.stop()
            if quit_now:
                self._ask_lose_pending()
            else:
                self._back()

        box = choose(self.window, "Saving before closing", saving_text(ops.operations().pending_writes),
                     chosen, act="&Quit without waiting…", keep="&Back to mdtboard",
                     icon=QMessageBox.Icon.Information, name="savingBeforeClosing")
        self.saving_box = box
        self.window.last_dialog = box
        self._poll.start()

    def _first_look(self) -> None:
        """Just asked to close, and the saves were not written at once: the saving box (or, when nothing
        is on its way yet not everything is saved, a save failed or a conflict waits: the question)."""
        self._asked = False
        operations = ops.operations()
        if not operations.busy and self._flush() and not operations.busy:
            self.window.close()  # written meanwhile: closes now
        elif operations.busy:
            self._show_saving()
        else:
            self._ask_lose_failed()

    def _look_again(self) -> None:
        box, operations = self.saving_box, ops.operations()
        if box is None:
            self._poll.stop()
            return
        if not operations.busy:
            committed = self._flush()
            if not operations.busy:
                self._poll.stop()
                self.saving_box = None
                box.done(0)
                if committed:
                    self.window.close()  # everything is written: closes now
                else:
                    self._ask_lose_failed()
                return
        box.setText(saving_text(operations.pending_writes))

    def _back(self) -> None:
        """The person went back to the window: it stays open and goes on saving."""
        self.window.closing_cancelled()
        self.window.show_status("Not closed: your changes go on being saved")

    # -- quitting anyway
    def _ask_lose_pending(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        from mdtboard.ui.dialogs import choose

        def chosen(lose: bool) -> None:
            self.loss_box = None
            if lose:
                self._quit_anyway()
            elif ops.operations().busy or not self._flush():
                self._show_saving()
            else:
                self.window.close()  # saved meanwhile

        self.loss_box = choose(self.window, "Quit without waiting?",
                               loss_text(ops.operations().pending_writes), chosen,
                               act="Quit and &lose them", keep="&Wait longer",
                               icon=QMessageBox.Icon.Warning, name="quitWithoutWaiting")
        self.window.last_dialog = self.loss_box

    def _ask_lose_failed(self) -> None:
        from mdtboard.ui.dialogs import ask

        def answered(yes: bool) -> None:
            self.loss_box = None
            if yes:
                self._quit_anyway()
            else:
                self.window.closing_cancelled()

        self.loss_box = ask(
            self.window,
            "Some changes are not saved",
            "Some of your changes could not be saved (see the status bar). Close anyway and lose them?",
            answered,
        )
        self.window.last_dialog = self.loss_box

    def _quit_anyway(self) -> None:
        self.window.force_close = True
        self.window.close()
