"""Who works at the window: signing in, the first start, switching user, and the idle lock.

The program (``app.run``) sets :attr:`People.required`: then no page is usable until someone is signed in.
On a database without accounts the first start asks, in one step, for the demo team or the administrator
(:class:`FirstStartDialog`); on a database whose accounts are all demo accounts the demo chair is signed
in at once (the demo opens straight into a usable program); otherwise the window is locked with the
sign-in form until someone signs in.

Locked (idle for :data:`~mdtboard.ui.settings.IDLE_LOCK_MINUTES`, longer while presentation mode runs; or
Ctrl+L; or F4, switch user) every window of the program is covered by a curtain that shows no patient
data, and no key or click reaches what is under it. Nothing is closed or discarded: what was typed stays
in its field (and is saved as always), and the cursor goes back where it was once the window is unlocked,
by the person signed in or by another person with an account (who is then signed in).

Switching user is F4, the PIN, Enter: the lock screen then offers "Anyone, by PIN" and the PIN alone says
who types it (PINs are unique among the active accounts; see :mod:`mdtboard.services.pins`, which also
locks PINs out on this computer after repeated wrong ones). Choosing a person in the list instead takes
their password or PIN. Every check runs on the writer thread (an Argon2id verify takes tens of milliseconds,
more on a busy PC, and PINs stored before their tags are verified one hash at a time): the lock screen
says "Checking…" and keeps answering meanwhile.

The curtains and the lock screen (:mod:`mdtboard.ui.accounts.lock_screen`), the dialogs and the accounts'
domain are imported when first needed: the main window makes :class:`People` before its first paint.
"""

from __future__ import annotations

import contextlib
import logging
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QAction, QInputEvent, QKeySequence, QShortcut, QShortcutEvent
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QWidget

from mdtboard.ui import ops
from mdtboard.ui import settings as options

if TYPE_CHECKING:
    from mdtboard.domain.accounts import Account
    from mdtboard.domain.errors import MdtboardError
    from mdtboard.services.context import Services
    from mdtboard.ui.accounts.dialogs import FirstStartDialog
    from mdtboard.ui.accounts.lock_screen import Curtain, LockScreen

log = logging.getLogger(__name__)

LOCK_KEY = "Ctrl+L"
SWITCH_KEY = "F4"
#: The lock screen's first choice: whoever's PIN is typed.
BY_PIN = ""
#: What the program's other windows say while it is locked (a click or a key on them brings the main window,
#: with the form that unlocks, to the front).
UNLOCK_ELSEWHERE = ("mdtboard is locked.\nUnlock it in mdtboard's main window with your PIN or password: "
                    "click here or press a key to bring it to the front.")
#: How often the idle time is looked at.
IDLE_CHECK_MS = 5_000
_INPUT = frozenset({
    QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove, QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
})
#: The classes of the events in _INPUT and _BLOCKED.
_INPUT_CLASSES = (QInputEvent, QShortcutEvent)
_BLOCKED = frozenset({
    QEvent.Type.KeyPress, QEvent.Type.KeyRelease, QEvent.Type.ShortcutOverride, QEvent.Type.Shortcut,
    QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease, QEvent.Type.MouseButtonDblClick,
    QEvent.Type.Wheel, QEvent.Type.ContextMenu,
})


class People(QObject):
    """Who is signed in to ``window`` (see the module docstring).

    Signals:
        signed_in(object): an account was signed in (at the start, by unlocking as another person, or by
            switching user); the :class:`Account`.
        locked_changed(bool): the windows were locked (True) or unlocked (False).
    """

    signed_in = Signal(object)
    locked_changed = Signal(bool)

    def __init__(self, window: QMainWindow, *, clock: Callable[[], float] = time.monotonic) -> None:
        super().__init__(window)
        self.window = window
        self.required = False
        self.account: Account | None = None
        self.services: Services | None = None
        self.locked = False
        self.last_dialog: QWidget | None = None
        self.clock = clock
        self._last_input = clock()
        self._screen: LockScreen | None = None
        self._start_curtain: Curtain | None = None
        self._curtains: list[Curtain] = []
        self._focus: QWidget | None = None
        self._load_demo: Callable[[Any], object] | None = None
        self._checking: ops.Op[Account] | None = None
        self._starting: ops.Op[Any] | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(IDLE_CHECK_MS)
        self._timer.timeout.connect(self.check_idle)
        self.lock_action = self._action("&Lock", LOCK_KEY, lambda: self.lock())
        self.switch_action = self._action("S&witch user…", SWITCH_KEY, lambda: self.lock(switching=True))
        self.accounts_action = self._action("&Accounts…", "", self.open_accounts)
        # Who acts now, always in sight at the foot of the window (the status bar's messages come and go,
        # and a window shown full screen has no title): on a shared PC, what is typed, signed and printed
        # is done in this person's name.
        self.account_label = QLabel("")
        self.account_label.setAccessibleName("Signed in")
        window.statusBar().insertPermanentWidget(0, self.account_label)

    def _action(self, text: str, key: str, slot: Callable[[], object]) -> QAction:
        action = QAction(text, self.window)
        # setShortcuts, and Qt's property set by the enum value's name: setShortcut (through its overloads)
        # and Qt.ShortcutContext would make PySide build the Qt namespace's ninety-odd enum types (about
        # 15 ms) before the window's first paint (see mdtboard.ui.main_window).
        action.setShortcuts([QKeySequence(key)] if key else [])
        action.setProperty("shortcutContext", "ApplicationShortcut")
        action.triggered.connect(slot)
        action.setEnabled(False)
        menu = getattr(getattr(self.window, "ui", None), "menuFile", None)
        if menu is not None:
            actions = menu.actions()
            menu.insertAction(actions[-1] if actions else None, action)  # above Quit
        self.window.addAction(action)
        return action

    # -- the start
    def cover_start(self) -> None:
        """The case library is about to be filled at the start: when signing in is :attr:`required`, the
        window is covered first (a curtain saying "Opening…", no form) until :meth:`start` puts up the lock
        screen, so that no case is seen, not even for a moment, before someone signs in."""
        if self.required and self._start_curtain is None and not self.locked:
            from mdtboard.ui.accounts.lock_screen import Curtain

            self._start_curtain = Curtain(self.window, "Opening…")
            self._start_curtain.show()

    def _uncover_start(self) -> None:
        curtain, self._start_curtain = self._start_curtain, None
        if curtain is not None:
            curtain.hide()
            curtain.deleteLater()

    def start(self, services: Services, *, offer_demo: bool, load_demo: Callable[[Any], object]) -> bool:
        """The pages are built: sign someone in when :attr:`required`. True when the first start was
        handled here (the window then does not offer the demo cases by itself)."""
        self.services = services
        self._load_demo = load_demo
        if not self.required:
            return False
        app = QApplication.instance()
        if app is not None:  # watches every key and click for the idle time (and holds them while locked)
            app.installEventFilter(self)
        self._timer.start()
        self.lock_action.setEnabled(True)
        self.switch_action.setEnabled(True)
        # Covered at once, before the first paint, while the reader finds out who may come in: no page is
        # usable, and no patient data seen, before that.
        self.lock(message="Opening…", read_people=False)

        def who_comes_in() -> tuple[int, bool, bool]:
            accounts = services.accounts.count()
            demo_only = accounts > 0 and services.accounts.demo_only()
            return accounts, demo_only, services.cases.count(archived=False) == 0

        self._starting = ops.read(
            who_comes_in, parent=self, label="accounts at the start",
            success=lambda found: self._start_with(*found, offer_demo=offer_demo),
            failure=lambda exc: self.lock(message=f"The accounts could not be read: {exc}"))
        return True

    def _start_with(self, accounts: int, demo_only: bool, empty: bool, *, offer_demo: bool) -> None:
        services = self.services
        assert services is not None
        if accounts == 0:
            self.lock(message="Nobody has an account yet: set up mdtboard first.")
            self.first_start(demo=offer_demo and empty)
        elif demo_only:
            self._starting = ops.write(
                services.accounts.sign_in_demo_chair, parent=self, label="demo sign-in",
                success=self._demo_signed_in,
                failure=lambda exc: self.lock(message=f"The demo chair could not be signed in: {exc}"))
        else:
            self.lock(message="Sign in with your account.")

    def _demo_signed_in(self, account: Account) -> None:
        from mdtboard.services.accounts import demo_pins_text

        self._become(account)
        self._unlocked()
        self._status(f"Demo team: {SWITCH_KEY} and a PIN switch user ({demo_pins_text()}).")

    def wait_started(self) -> None:
        """Block until the start has found who comes in and shown it, the lock screen's list of people
        included (tests, scripts)."""
        while self._starting is not None and not self._starting.delivered:
            ops.operations().wait_for(self._starting)
        ops.operations().wait()

    def first_start(self, *, demo: bool) -> FirstStartDialog:
        from mdtboard.ui.accounts.dialogs import FirstStartDialog

        dialog = FirstStartDialog(self.window, demo=demo)
        dialog.chosen.connect(lambda choice: self._first_start_chosen(dialog, choice))
        self.last_dialog = dialog
        dialog.open()
        return dialog

    def _first_start_chosen(self, dialog: FirstStartDialog, choice: str) -> None:
        services = self.services
        assert services is not None
        load_demo = self._load_demo
        demo = choice == "demo"
        username, name, password = (dialog.username_edit.text().strip(), dialog.name_edit.text(),
                                    dialog.password_edit.text())

        def set_up() -> Account:  # on the writer: loading the demo cases and Argon2id take their time
            if demo:
                if services.cases.count() == 0 and load_demo is not None:
                    load_demo(services.cases)
                services.accounts.create_demo_team()
                return services.accounts.sign_in_demo_chair()
            services.accounts.create_first_administrator(username, name, password)
            return services.accounts.sign_in(username, password)

        dialog.setEnabled(False)
        dialog.show_problem("Setting up…")
        self._starting = ops.write(set_up, parent=dialog, label="first start",
                                   success=lambda account: self._set_up(dialog, account),
                                   failure=lambda exc: self._not_set_up(dialog, exc))

    def _not_set_up(self, dialog: FirstStartDialog, error: MdtboardError) -> None:
        dialog.setEnabled(True)
        dialog.show_problem(str(error))

    def _set_up(self, dialog: FirstStartDialog, account: Account) -> None:
        dialog.setEnabled(True)
        dialog.accept()
        options.DEMO_OFFERED.write(self._settings(), True)
        self._become(account)
        self._unlocked()
        library = getattr(self.window, "library", None)
        if library is not None:
            library.refresh()
        self._status(f"Signed in as {account.display_name}"
                     + (" (demo chair; PIN 1234; each of the demo team has their own PIN)" if account.demo
                        else " (administrator)"))

    # -- locking
    def lock(self, *, switching: bool = False, message: str | None = None, read_people: bool = True) -> None:
        """Cover every window of the program; the main window's curtain asks who unlocks."""
        services = self.services
        if services is None:
            return
        from PySide6.QtCore import Qt

        from mdtboard.ui.accounts.dialogs import FirstStartDialog
        from mdtboard.ui.accounts.lock_screen import Curtain, LockScreen

        if not self.locked:
            self._focus = QApplication.focusWidget()
            self.locked = True
            self._screen = LockScreen(self.window)
            self._screen.button.clicked.connect(self._unlock_pressed)
            self._screen.setup_button.clicked.connect(
                lambda: self.first_start(demo=False))  # shown only when nobody has an account (the
            # service refuses a first administrator once one exists)
            for window in QApplication.topLevelWidgets():
                if window is not self.window and window.isVisible() and not window.isModal() \
                        and not isinstance(window, FirstStartDialog) and window.isWindow() \
                        and window.windowType() in (Qt.WindowType.Window, Qt.WindowType.Widget):
                    self._curtains.append(Curtain(window, UNLOCK_ELSEWHERE))
            for curtain in self._curtains:
                curtain.show()
            self._screen.show()
            self._to_front()  # the form that unlocks in front of the other windows, which it may be under
            self._uncover_start()  # the lock screen covers the window now
            self.locked_changed.emit(True)
        screen = self._screen
        assert screen is not None
        screen.title.setText(
            "<b>Switch user</b>: type your PIN and press Enter (or choose who you are, then type your "
            "password)." if switching
            else f"<b>Locked</b>: {self.account.display_name} unlocks, or another person signs in."
            if self.account is not None else "<b>Sign in to mdtboard</b>"
        )
        screen.message.setText(message or "")
        if screen.who.count() == 0 and self.account is not None:  # until the reader has the whole list
            screen.show_people([self.account], None if switching else self.account.username)
        screen.secret_edit.clear()
        screen.secret_edit.setFocus(Qt.FocusReason.OtherFocusReason)
        if read_people:  # who may unlock, read behind the curtain; typing the PIN can start meanwhile
            ops.read(services.accounts.active, parent=screen, label="accounts for the lock screen",
                     success=lambda accounts: self._show_people(screen, accounts, switching, message),
                     failure=lambda exc: screen.message.setText(f"The accounts could not be read: {exc}"))

    def _to_front(self) -> None:
        self.window.raise_()
        self.window.activateWindow()
        if self._screen is not None:
            self._screen.secret_edit.setFocus()

    def _show_people(self, screen: LockScreen, accounts: list[Account], switching: bool,
                     message: str | None) -> None:
        if screen is not self._screen:
            return  # unlocked meanwhile
        # switching: "Anyone, by PIN"; locked: the person signed in; signing in: the first person
        who = None if switching else self.account.username if self.account is not None else (
            accounts[0].username if accounts else None)
        screen.show_people(accounts, who)
        screen.setup_button.setVisible(not accounts)
        if not message and accounts and all(a.demo for a in accounts):
            from mdtboard.ui.accounts.dialogs import demo_hint

            screen.message.setText(demo_hint())

    def _unlock_pressed(self) -> None:
        screen = self._screen
        if screen is None or self.services is None:
            return
        username, secret = str(screen.who.currentData() or BY_PIN), screen.secret_edit.text()
        screen.secret_edit.clear()
        if not secret or self._checking is not None:
            return
        accounts = self.services.accounts
        # "Anyone, by PIN": the PIN says who (switching user); a person chosen: their password or PIN (the
        # person signed in unlocks with a PIN too, and so may another on the meeting-room PC).
        work: Callable[[], Account] = (
            (lambda: accounts.sign_in_by_pin(secret)) if username == BY_PIN
            else (lambda: accounts.sign_in(username, secret, pin_ok=True)))
        screen.set_checking(True)
        self._checking = ops.write(work, parent=self, success=self._checked, failure=self._refused,
                                   label="sign-in")

    def _checked(self, account: Account) -> None:
        self._checking = None
        if self._screen is not None:
            self._screen.set_checking(False)
        switched = self.account is None or account.id != self.account.id
        self._become(account)
        self._unlocked()
        if switched:
            self._status(f"Signed in as {account.display_name}")

    def _refused(self, error: MdtboardError) -> None:
        self._checking = None
        screen = self._screen
        if screen is None:
            return
        screen.set_checking(False)
        screen.message.setText(str(error))
        screen.secret_edit.setFocus()

    def unlock_with(self, username: str, secret: str) -> bool:
        """Unlock as a person would on the lock screen, and wait for the check (for scripts and tests; a
        ``username`` of :data:`BY_PIN` types the PIN alone): True when unlocked."""
        if self._screen is None:
            return not self.locked
        ops.operations().wait()  # who may unlock is read behind the curtain
        if self._screen is None:
            return not self.locked
        at = self._screen.who.findData(username)
        if at < 0:
            return False
        self._screen.who.setCurrentIndex(at)
        self._screen.secret_edit.setText(secret)
        self._screen.button.click()
        self.wait_for_check()
        return not self.locked

    def wait_for_check(self) -> None:
        """Block until the PIN or password being checked is checked and its outcome shown (tests, scripts)."""
        if self._checking is not None:
            ops.operations().wait_for(self._checking)

    def _unlocked(self) -> None:
        if not self.locked:
            return
        self.locked = False
        for curtain in [*self._curtains, self._screen]:
            if curtain is not None:
                curtain.hide()
                curtain.setParent(None)  # gone from the window at once; deleted once the loop gets to it
                curtain.deleteLater()
        self._curtains, self._screen = [], None
        self._last_input = self.clock()
        focus, self._focus = self._focus, None
        if focus is not None:
            from PySide6.QtCore import Qt

            with contextlib.suppress(RuntimeError):  # the widget went away meanwhile
                focus.setFocus(Qt.FocusReason.OtherFocusReason)
        self.locked_changed.emit(False)

    def _become(self, account: Account) -> None:
        from mdtboard.domain.accounts import Action
        from mdtboard.services.permissions import allowed

        self.account = account
        self.accounts_action.setEnabled(allowed(account.roles, Action.MANAGE_ACCOUNTS))
        title = self.window.windowTitle().split(" — ")[0]
        self.window.setWindowTitle(f"{title} — {account.display_name}")
        demo = " (demo team)" if account.demo else ""
        self.account_label.setText(f"Signed in: {account.display_name}{demo}")
        self.account_label.setToolTip(f"{account.label}. {SWITCH_KEY}: switch user; {LOCK_KEY}: lock.")
        self.signed_in.emit(account)

    # -- File > Accounts… (administrators)
    def open_accounts(self) -> QWidget | None:
        """The accounts window, for an administrator signed in (the services check it again)."""
        if self.services is None or self.account is None or self.locked:
            return None
        from mdtboard.ui.accounts.manage import AccountsDialog

        dialog = AccountsDialog(self.services, self.account, self.window)
        self.last_dialog = dialog
        dialog.open()
        return dialog

    # -- idle time
    def idle_limit_s(self) -> float:
        presenting = getattr(getattr(self.window, "_presentation", None), "presenting", False)
        option = options.IDLE_LOCK_PRESENTING_MINUTES if presenting else options.IDLE_LOCK_MINUTES
        return float(option.read(self._settings())) * 60

    def check_idle(self) -> bool:
        """Lock when nothing was typed or clicked for the idle time; True when it locked."""
        if self.locked or self.account is None or not self.required:
            return False
        if self.clock() - self._last_input >= self.idle_limit_s():
            log.info("idle lock")
            self.lock()
            return True
        return False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        # Every event of the program comes here: paints, timers and the like leave at the class test (its
        # type alone made an enum object each time: about 0.1 s of the program's start).
        if not isinstance(event, _INPUT_CLASSES):
            return False
        kind = event.type()
        if kind in _INPUT and not self.locked:
            self._last_input = self.clock()
        if self.locked and kind in _BLOCKED:
            if self._reaches_lock_screen(watched):
                return False
            if kind in (QEvent.Type.MouseButtonPress, QEvent.Type.KeyPress) and isinstance(watched, QWidget) \
                    and watched.window() is not self.window:
                self._to_front()  # a click or a key on a covered window: the form that unlocks comes forward
            return True
        return False

    def _reaches_lock_screen(self, watched: QObject) -> bool:
        """Whether an event for ``watched`` may go through while locked: to the lock screen's form, to a
        dialog of its own (the first start), or to the Switch user and Lock keys."""
        if watched in (self.lock_action, self.switch_action):
            return True
        from PySide6.QtGui import QWindow

        if isinstance(watched, QWindow):
            # On a real screen a key or click reaches the window first, which hands it on to the widget
            # it is for; that widget's event comes through here in turn and is judged then.
            return True
        widget = watched.parent() if isinstance(watched, QShortcut) else watched
        if not isinstance(widget, QWidget):
            return False
        from mdtboard.ui.accounts.dialogs import FirstStartDialog

        if self._screen is not None and (widget is self._screen or self._screen.isAncestorOf(widget)):
            return True
        window = widget.window()
        return isinstance(window, FirstStartDialog) or (
            window is not self.window and window not in [c.parentWidget() for c in self._curtains]
            and window.isModal()
        )

    def _settings(self) -> Any:
        return self.window.settings  # type: ignore[attr-defined]

    def _status(self, text: str) -> None:
        show = getattr(self.window, "show_status", None)
        if callable(show):
            show(text)


def install_people(window: QMainWindow) -> People:
    return People(window)


