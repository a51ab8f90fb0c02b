"""File > Accounts…: the administrators' window, used by the keyboard, on SQLite and PostgreSQL. Adding a
person, changing their roles, a new PIN (unique), deactivating; every change through the account service
(the permission table checked there: a member's window changes nothing) and in the audit trail."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import sqlalchemy as sa
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from mdtboard.domain.accounts import Account, Credential, Role
from mdtboard.domain.case import Discipline
from mdtboard.services.accounts import AccountService
from mdtboard.services.context import Services
from mdtboard.ui.accounts.manage import AccountsDialog

pytestmark = pytest.mark.gui
PASSWORD = "correct horse battery"


@pytest.fixture
def admin(services: Services) -> Iterator[Account]:
    services.accounts.slowdown_s = 0  # type: ignore[misc]
    account = services.accounts.create_first_administrator("ada", "Ada Okafor", PASSWORD)
    AccountService.become(account)
    yield account
    AccountService.sign_out()


def opened(qtbot: QtBot, services: Services, by: Account) -> AccountsDialog:
    dialog = AccountsDialog(services, by)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    dialog.wait()
    return dialog


def names(dialog: AccountsDialog) -> list[str]:
    return [dialog.people.item(i).text() for i in range(dialog.people.count())]


def test_an_administrator_adds_a_person_by_the_keyboard_and_changes_them(
    qtbot: QtBot, services: Services, admin: Account
) -> None:
    dialog = opened(qtbot, services, admin)
    assert names(dialog) == ["Ada Okafor (administrator)  [ada]"]
    qtbot.keyClick(dialog, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)  # a new person
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.name_edit)
    qtbot.keyClicks(dialog.name_edit, "Sam Lee")
    qtbot.keyClick(dialog.name_edit, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dialog.username_edit
    qtbot.keyClicks(dialog.username_edit, "sam")
    dialog.discipline_box.setCurrentIndex(dialog.discipline_box.findData(Discipline.PHYSICAL_THERAPY.value))
    qtbot.keyClicks(dialog.password_edit, "a long password!")
    qtbot.keyClicks(dialog.pin_edit, "2580")
    qtbot.keyClick(dialog.pin_edit, Qt.Key.Key_Return)  # Enter adds the person
    assert dialog.message.text() == "Saving…" and dialog.password_edit.text() == ""  # never kept
    dialog.wait()
    assert dialog.message.text() == "Sam Lee was added."
    assert names(dialog)[1] == "Sam Lee (physical therapy, member)  [sam]" and dialog.current is not None
    sam = services.accounts.verify(Credential("sam", "2580"))  # the PIN works
    assert sam.discipline is Discipline.PHYSICAL_THERAPY and sam.roles == {Role.MEMBER}
    # roles changed, Enter in the name field saves
    dialog.role_boxes[Role.CHAIR].setChecked(True)
    dialog.name_edit.setFocus()
    qtbot.keyClick(dialog.name_edit, Qt.Key.Key_Return)
    dialog.wait()
    assert services.accounts.get_account(sam.id).roles == {Role.CHAIR, Role.MEMBER}
    # a PIN another person has is refused, and said
    dialog.people.setCurrentRow(0)
    qtbot.keyClicks(dialog.pin_edit, "2580")
    qtbot.keyClick(dialog.pin_edit, Qt.Key.Key_Return)
    dialog.wait()
    assert "another person has this PIN" in dialog.message.text()
    # deactivated, never deleted
    dialog.people.setCurrentRow(1)
    assert dialog.active_button.text() == "Dea&ctivate"
    dialog.active_button.click()
    dialog.wait()
    assert names(dialog)[1].endswith("· deactivated  [sam]") and dialog.active_button.text() == "Reacti&vate"
    assert [a.username for a in services.accounts.active()] == ["ada"]
    with services.db.engine.connect() as conn:
        changes = [(r.action, r.fields) for r in conn.execute(sa.text(
            "SELECT action, fields FROM audit_log WHERE record_type = 'accounts' AND record_id = :i "
            "ORDER BY id"), {"i": str(sam.id)})]
    assert changes[0][0] == "insert"
    # deactivating drops the PIN's tag too (another person may choose that PIN)
    assert ("update", '["roles"]') in changes and ("update", '["active", "pin_tag"]') in changes


def test_the_window_of_someone_who_may_not_manage_accounts_changes_nothing(
    qtbot: QtBot, services: Services, admin: Account
) -> None:
    cho = services.accounts.add(admin, "cho", "Dr Cho", PASSWORD, [Role.CHAIR])
    AccountService.become(cho)
    dialog = opened(qtbot, services, cho)
    dialog.people.setCurrentRow(0)
    dialog.role_boxes[Role.MEMBER].setChecked(True)
    dialog.save_button.click()
    dialog.wait()
    assert "may not manage accounts" in dialog.message.text()
    assert services.accounts.get_account(admin.id).roles == {Role.ADMINISTRATOR}
