"""People at the window, as the program runs it (sign-in required): the first start in one step (the demo
team, or the administrator), signing in, the idle lock over both windows, and switching user with F4
and a PIN. Real windows on the offscreen platform, a real database."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path

import pytest
from conftest import settle
from gui_helpers import WindowFactory, load_samples, make_window, open_and_wait, sample_count, settings_path
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot
from signing import account_for

from mdtboard.domain.case import Case, Discipline, Patient, RestrictedPassage
from mdtboard.domain.conference import Conference
from mdtboard.services import permissions
from mdtboard.services.context import open_services
from mdtboard.ui.accounts.dialogs import FirstStartDialog
from mdtboard.ui.accounts.lock_screen import LockScreen
from mdtboard.ui.accounts.manage import AccountsDialog
from mdtboard.ui.accounts.people import BY_PIN
from mdtboard.ui.conference.attendance import AttendancePanel
from mdtboard.ui.main_window import CONFERENCE, MainWindow

pytestmark = pytest.mark.gui
Opener = Callable[..., MainWindow]
__all__ = ["make_window", "settings_path"]  # fixtures used here


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def program(qtbot: QtBot, tmp_path: Path, sqlite_database_url: str) -> Iterator[Opener]:
    """``program(offer_demo=False)``: the main window as ``mdtboard`` starts it, on the test database."""
    windows: list[MainWindow] = []

    def start(*, offer_demo: bool = False) -> MainWindow:
        settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
        window = MainWindow(settings, load_demo=load_samples)
        window.people.required = True
        window.people.clock = Clock()
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        window.activateWindow()
        open_and_wait(qtbot, window, sqlite_database_url, offer_demo=offer_demo)
        window.people.wait_started()
        windows.append(window)
        return window

    yield start
    for window in windows:
        window.people.locked = False


def focused() -> object:
    return QApplication.focusWidget()


def test_the_first_start_tries_the_demo_in_one_step_and_the_demo_opens_straight_again(
    qtbot: QtBot, program: Opener
) -> None:
    window = program(offer_demo=True)
    dialog = window.people.last_dialog
    assert isinstance(dialog, FirstStartDialog) and dialog.isVisible() and dialog.demo_button is not None
    assert window.people.locked  # nothing of the program is usable before the choice
    dialog.demo_button.click()
    window.people.wait_started()
    qtbot.waitUntil(lambda: not window.people.locked)
    assert window.people.account is not None and window.people.account.username == "demo-chair"
    assert window.people.account.demo
    assert window.library is not None
    qtbot.waitUntil(lambda: window.library.model.total == sample_count())  # type: ignore[union-attr]
    acting = permissions.acting()
    assert acting is not None and acting.username == "demo-chair"
    window.close()

    again = program(offer_demo=True)  # the next start: straight in, as the demo chair, nothing asked
    assert not again.people.locked and again.people.last_dialog is None and again.last_dialog is None
    assert again.people.account is not None and again.people.account.username == "demo-chair"


def test_the_first_start_creates_the_administrator_then_sign_in_is_asked(
    qtbot: QtBot, program: Opener, sqlite_database_url: str
) -> None:
    window = program(offer_demo=False)
    dialog = window.people.last_dialog
    assert isinstance(dialog, FirstStartDialog) and dialog.demo_button is None  # no demo on this database
    dialog.name_edit.setText("Ada Okafor")
    dialog.username_edit.setText("ada")
    dialog.password_edit.setText("short")
    dialog.repeat_edit.setText("short")
    dialog.create_button.click()
    window.people.wait_started()
    assert "at least 10 characters" in dialog.message.text() and window.people.locked  # said, not closed
    dialog.password_edit.setText("a long enough password")
    dialog.repeat_edit.setText("a long enough passwore")
    assert not dialog.create_button.isEnabled() and "differ" in dialog.message.text()
    dialog.repeat_edit.setText("a long enough password")
    dialog.create_button.click()
    window.people.wait_started()
    qtbot.waitUntil(lambda: not window.people.locked)
    assert window.people.account is not None and window.people.account.username == "ada"
    window.close()

    again = program()
    assert again.people.locked and again.people.account is None
    screen = again.findChild(LockScreen)
    assert screen is not None and screen.isVisible() and screen.geometry() == again.rect()
    assert "Sign in" in screen.title.text() and screen.who.currentData() == "ada"
    assert not again.people.unlock_with("ada", "wrong password!")
    assert "Wrong password or PIN" in screen.message.text()
    assert again.people.unlock_with("ada", "a long enough password")
    check = open_services(sqlite_database_url)
    try:
        assert [a.username for a in check.accounts.all()] == ["ada"]
    finally:
        check.close()


def test_the_idle_lock_hides_both_windows_and_loses_nothing_typed(qtbot: QtBot, program: Opener) -> None:
    window = program(offer_demo=True)
    dialog = window.people.last_dialog
    assert isinstance(dialog, FirstStartDialog) and dialog.demo_button is not None
    dialog.demo_button.click()
    window.people.wait_started()
    qtbot.waitUntil(lambda: not window.people.locked)
    clock = window.people.clock
    assert isinstance(clock, Clock)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    field = QLineEdit(window.ui.pages.currentWidget())  # any field of a page: its text must survive
    field.show()
    field.setFocus()
    qtbot.keyClicks(field, "half a sentence")
    big = window.presentation.start()  # the big screen, showing patient data
    assert big is not None and big.isVisible()
    clock.now += 11 * 60  # idle for 11 minutes while presenting: a longer limit (45), no lock
    assert not window.people.check_idle()
    clock.now += 35 * 60
    assert window.people.check_idle() and window.people.locked
    screen = window.findChild(LockScreen)
    assert screen is not None and screen.isVisible() and screen.geometry() == window.rect()
    curtains = [c for c in big.children() if c.objectName() == "lockCurtain"]
    assert curtains and curtains[0].isVisible() and curtains[0].geometry() == big.rect()  # type: ignore[attr-defined]
    qtbot.keyClicks(field, "XYZ")  # no key reaches what is under the curtain
    assert field.text() == "half a sentence"
    assert "Dr Amara Okafor unlocks" in screen.title.text()
    # the big screen, in front, says where to unlock; a click on it brings the main window's form forward
    assert "Unlock it in mdtboard's main window" in curtains[0].label.text()  # type: ignore[attr-defined]
    big.activateWindow()
    qtbot.waitUntil(big.isActiveWindow)
    qtbot.mouseClick(curtains[0], Qt.MouseButton.LeftButton)  # type: ignore[arg-type]
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.waitUntil(lambda: focused() is screen.secret_edit)
    assert window.people.unlock_with("demo-chair", "1234")  # the demo chair's PIN
    assert not window.people.locked and field.text() == "half a sentence"
    qtbot.waitUntil(lambda: focused() is field)  # the cursor back where it was
    assert not [c for c in big.children() if c.objectName() == "lockCurtain" and c.isVisible()]  # type: ignore[attr-defined]
    window.presentation.leave()
    clock.now += 9 * 60  # not presenting: 10 minutes
    assert not window.people.check_idle()
    qtbot.keyClicks(field, ".")  # typing counts as use
    clock.now += 9 * 60
    assert not window.people.check_idle()
    clock.now += 60
    assert window.people.check_idle() and window.people.locked


def test_switching_user_is_one_key_and_a_pin(qtbot: QtBot, program: Opener) -> None:
    window = program(offer_demo=True)
    dialog = window.people.last_dialog
    assert isinstance(dialog, FirstStartDialog) and dialog.demo_button is not None
    dialog.demo_button.click()
    window.people.wait_started()
    qtbot.waitUntil(lambda: not window.people.locked)
    assert window.people.accounts_action.isEnabled()  # the demo chair is the administrator: File > Accounts…
    accounts = window.people.open_accounts()
    assert isinstance(accounts, AccountsDialog)
    accounts.wait()
    accounts.close()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_F4)
    assert window.people.locked
    screen = window.findChild(LockScreen)
    assert screen is not None and "Switch user" in screen.title.text()
    assert screen.who.currentData() == BY_PIN  # nobody to choose: the PIN says who
    qtbot.waitUntil(lambda: focused() is screen.secret_edit)
    qtbot.keyClicks(screen.secret_edit, "1235")  # Sam Lee's PIN
    qtbot.keyClick(screen.secret_edit, Qt.Key.Key_Return)
    # checked on the writer thread (Argon2id): the screen waits and says so
    assert screen.message.text() == "Checking…" and not screen.secret_edit.isEnabled()
    qtbot.waitUntil(lambda: not window.people.locked, timeout=15_000)
    acting = permissions.acting()
    assert acting is not None and acting.username == "demo-physio"
    assert window.people.account is not None and window.people.account.display_name == "Sam Lee"
    assert "Sam Lee" in window.windowTitle()
    # and at the foot of the window, where the status bar's passing messages do not cover it
    assert window.people.account_label.text() == "Signed in: Sam Lee (demo team)"
    assert window.people.account_label.isVisible()
    window.show_status("Making the team care plan…")
    assert window.people.account_label.isVisible()
    assert not window.people.accounts_action.isEnabled()  # a member manages no accounts
    # a wrong PIN says so, and the screen stays locked and ready for another try
    qtbot.keyClick(window, Qt.Key.Key_F4)
    screen = next(s for s in window.findChildren(LockScreen) if s.isVisible())  # the first one goes later
    assert window.people.locked
    qtbot.waitUntil(lambda: focused() is screen.secret_edit)
    qtbot.keyClicks(screen.secret_edit, "9999")
    qtbot.keyClick(screen.secret_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "Wrong PIN" in screen.message.text(), timeout=15_000)
    assert window.people.locked and screen.secret_edit.isEnabled() and focused() is screen.secret_edit
    # choosing a person takes their password (or PIN)
    assert window.people.unlock_with("demo-psych", "demo-password")
    assert permissions.acting() is not None and permissions.acting().username == "demo-psych"


def test_the_attendance_offers_the_people_with_accounts(qtbot: QtBot, program: Opener) -> None:
    window = program(offer_demo=True)
    dialog = window.people.last_dialog
    assert isinstance(dialog, FirstStartDialog) and dialog.demo_button is not None
    dialog.demo_button.click()
    window.people.wait_started()
    qtbot.waitUntil(lambda: not window.people.locked)
    assert window.services is not None and window.workspace is not None
    conf = window.services.conferences.create(Conference(title="MDT", starts_at=datetime(2026, 12, 3, 13)))
    window.workspace.open_conference(conf.id)
    panel = window.workspace.findChild(AttendancePanel)
    assert panel is not None
    qtbot.waitUntil(lambda: panel.ui.nameEdit.completer() is not None)
    offered = panel.ui.nameEdit.completer().model()
    names = [offered.index(r, 0).data() for r in range(offered.rowCount())]
    assert "Sam Lee" in names and "Dr Amara Okafor" in names
    panel.ui.nameEdit.setText("sam lee")  # as typed: their discipline is chosen with the name
    assert panel.ui.disciplineCombo.currentData() == Discipline.PHYSICAL_THERAPY.value
    # chosen by keyboard from the list offered: Down, Enter adds the person once and empties the row, so
    # that the next name typed starts afresh (it used to be typed onto the name just added)
    panel.ui.nameEdit.clear()
    window.show_page(CONFERENCE)
    window.workspace.ui.tabs.setCurrentIndex(0)  # details and attendance
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    panel.ui.nameEdit.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is panel.ui.nameEdit)
    for name, typed in (("Dr Ana Ruiz", "Ruiz"), ("Sam Lee", "Sam")):
        qtbot.keyClicks(panel.ui.nameEdit, typed)
        popup = panel.ui.nameEdit.completer().popup()
        qtbot.waitUntil(popup.isVisible)
        qtbot.keyClick(popup, Qt.Key.Key_Down)
        qtbot.keyClick(popup, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda name=name: name in [a.name for a in window.workspace.controller.attendees()])
        qtbot.waitUntil(lambda: panel.ui.nameEdit.text() == "")  # the event loop runs meanwhile
        assert panel.ui.disciplineCombo.currentIndex() == 0
    listed = [a.name for a in window.services.conferences.get(conf.id).attendees]
    assert listed == ["Dr Ana Ruiz", "Sam Lee"]


def test_the_case_editor_withholds_a_passage_from_who_does_not_hold_it(
    qtbot: QtBot, make_window: WindowFactory, sqlite_database_url: str
) -> None:
    services = open_services(sqlite_database_url)
    try:
        secret = "assaulted by her partner in 2019"
        case = services.cases.create(Case(
            ref="P-1", fictional=False, patient=Patient(display_name="Pat"),
            psychosocial=f"Lives alone. {secret}.",
            restricted_passages=[RestrictedPassage("/psychosocial", secret, "psychology")],
        ))
        physician = account_for(services, "Dr Okafor", Discipline.PHYSICIAN)
        psychologist = account_for(services, "Ana Ruiz", Discipline.PSYCHOLOGY)
    finally:
        services.close()
    window = make_window(sqlite_database_url)
    assert window.services is not None and window.editor is not None
    window.services.accounts.become(physician)
    window.open_case(case.id or 0)
    settle()
    field = window.editor.ui.psychosocialEdit
    qtbot.waitUntil(lambda: "[restricted: held by psychology]" in field.toPlainText())
    assert secret not in field.toPlainText() and field.isReadOnly()
    assert "restricted to psychology" in field.toolTip()
    window.editor.close_case(case.id or 0)
    window.services.accounts.become(psychologist)
    window.open_case(case.id or 0)
    settle()
    qtbot.waitUntil(lambda: secret in field.toPlainText())
    assert not field.isReadOnly()


def test_the_start_the_first_start_and_the_lock_screen_send_no_sql_from_the_gui_thread(
    qtbot: QtBot, program: Opener
) -> None:
    """Who comes in, setting up the demo team, the lock screen's people and unlocking are read and written
    by the background operations: a locked or distant database never holds the window at the start."""
    from gui_thread_sql import watch_gui_thread
    from sqlalchemy.engine import Engine

    with watch_gui_thread(Engine) as noted:  # every engine, the window's own included
        window = program(offer_demo=True)
        dialog = window.people.last_dialog
        assert isinstance(dialog, FirstStartDialog) and dialog.demo_button is not None
        dialog.demo_button.click()
        window.people.wait_started()
        assert not window.people.locked
        window.people.lock()
        window.people.wait_started()
        screen = window.findChild(LockScreen)
        assert screen is not None and screen.who.count() > 2  # "Anyone, by PIN" and the demo team
        assert window.people.unlock_with("demo-chair", "1234")
        window.close()
        again = program(offer_demo=True)  # straight in as the demo chair
        assert not again.people.locked and again.people.account is not None
    people = [where for where in noted.places() if "accounts/" in where]
    assert not people, str(noted)
    assert noted.elsewhere > 0  # the guard listened: the statements ran on the workers


def test_while_locked_a_click_reaches_the_window_system_window_of_the_first_start_dialog(
    qtbot: QtBot, program: Opener
) -> None:
    """On a real screen a click goes to the dialog's window first (a QWindow, not a widget), which hands
    it on to the widget under the pointer; holding it there made the first start and the lock screen
    deaf to every real key and click. The widget under the curtain is still held."""
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QMouseEvent

    window = program(offer_demo=True)
    dialog = window.people.last_dialog
    assert isinstance(dialog, FirstStartDialog) and window.people.locked
    handle = dialog.windowHandle()
    assert handle is not None

    def press() -> QMouseEvent:
        left = Qt.MouseButton.LeftButton
        return QMouseEvent(QMouseEvent.Type.MouseButtonPress, QPointF(5, 5), QPointF(5, 5), left, left,
                           Qt.KeyboardModifier.NoModifier)

    assert not window.people.eventFilter(handle, press())  # on to the dialog
    assert window.people.eventFilter(window.ui.pages, press())  # a page under the curtain: held
