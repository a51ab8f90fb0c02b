"""File > Accounts…: the administrator's window onto people's accounts.

The list shows every account (deactivated ones marked); the form beside it edits the chosen one, or a new
person after "New person" (Ctrl+N). Everything is done by the keyboard: Alt and the underlined letter
reaches each field and button, Enter in a field saves, Escape closes. Every change is a call to the account
service on the writer thread (the permission table is checked there, and the audit trail records it); a
password or PIN typed is cleared from its field once sent, and is never shown. An account is deactivated,
never deleted: its signatures and its history keep naming it.

Signals:
    changed(): an account was added or changed (the attendance lists offer the new state).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mdtboard.domain.accounts import Account, Role
from mdtboard.domain.case import Discipline
from mdtboard.domain.errors import MdtboardError
from mdtboard.ui import ops
from mdtboard.ui.accounts.dialogs import secret_field

if TYPE_CHECKING:
    from mdtboard.services.context import Services

ROLE_TEXT = {Role.ADMINISTRATOR: "&Administrator", Role.CHAIR: "C&hair", Role.MEMBER: "M&ember",
             Role.TRAINEE: "&Trainee", Role.OBSERVER: "O&bserver"}


class AccountsDialog(QDialog):
    """Accounts of ``services``, managed by ``by`` (the administrator signed in)."""

    changed = Signal()

    def __init__(self, services: Services, by: Account, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Accounts")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.services = services
        self.by = by
        self.accounts: list[Account] = []
        self.current: Account | None = None  # None: a new person
        self.busy: ops.Op[Any] | None = None
        self._build()
        self._connect_signals()
        self.refresh()

    # -- layout
    def _build(self) -> None:
        outer = QVBoxLayout(self)
        row = QHBoxLayout()
        left = QVBoxLayout()
        people_label = QLabel("Peop&le:", self)
        self.people = QListWidget(self)
        self.people.setAccessibleName("Accounts")
        people_label.setBuddy(self.people)
        left.addWidget(people_label)
        left.addWidget(self.people)
        self.new_button = QPushButton("New pe&rson", self)
        left.addWidget(self.new_button)
        # A line reads "Dr Amara Okafor (physician, administrator, chair) · demo  [demo-chair]": wide enough
        # that the usual line is whole, with no scrolling sideways.
        self.people.setMinimumWidth(self.fontMetrics().horizontalAdvance("M" * 30))
        self.people.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.people.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        row.addLayout(left, 4)
        form = QFormLayout()
        self.name_edit = QLineEdit(self)
        self.username_edit = QLineEdit(self)
        self.discipline_box = QComboBox(self)
        self.discipline_box.addItem("(no discipline)", None)
        for discipline in Discipline:
            self.discipline_box.addItem(discipline.label, discipline.value)
        roles = QHBoxLayout()
        self.role_boxes = {role: QCheckBox(text, self) for role, text in ROLE_TEXT.items()}
        for box in self.role_boxes.values():
            roles.addWidget(box)
        self.password_edit = secret_field(self, "New password")
        self.pin_edit = secret_field(self, "New PIN")
        for text, widget in (("Na&me:", self.name_edit), ("&User name:", self.username_edit),
                             ("&Discipline:", self.discipline_box)):
            label = QLabel(text, self)
            label.setBuddy(widget)
            form.addRow(label, widget)
        form.addRow(QLabel("Roles:", self), roles)
        for text, widget in (("New &password:", self.password_edit),
                             ("New P&IN (4 to 8 digits):", self.pin_edit)):
            label = QLabel(text, self)
            label.setBuddy(widget)
            form.addRow(label, widget)
        self.name_edit.setAccessibleName("Name")
        self.username_edit.setAccessibleName("User name")
        self.discipline_box.setAccessibleName("Discipline")
        right = QVBoxLayout()
        right.addLayout(form)
        buttons = QHBoxLayout()
        self.save_button = QPushButton("&Save", self)
        self.save_button.setDefault(True)
        self.password_button = QPushButton("Set pass&word", self)
        self.pin_button = QPushButton("Set PI&N", self)
        self.active_button = QPushButton("Dea&ctivate", self)
        for button in (self.save_button, self.password_button, self.pin_button, self.active_button):
            buttons.addWidget(button)
        right.addLayout(buttons)
        self.message = QLabel("", self)
        self.message.setWordWrap(True)
        right.addWidget(self.message)
        right.addStretch(1)
        row.addLayout(right, 5)
        outer.addLayout(row)
        self.close_button = QPushButton("Close", self)
        outer.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignRight)
        self.resize(1180, 440)

    def _connect_signals(self) -> None:
        self.people.currentRowChanged.connect(self._chosen)
        self.new_button.clicked.connect(self.new_person)
        QShortcut(QKeySequence(QKeySequence.StandardKey.New), self, self.new_person)
        self.save_button.clicked.connect(self.save)
        self.password_button.clicked.connect(self.set_password)
        self.pin_button.clicked.connect(self.set_pin)
        self.active_button.clicked.connect(self.toggle_active)
        self.close_button.clicked.connect(self.close)
        for edit in (self.name_edit, self.username_edit):
            edit.returnPressed.connect(self.save)
        self.password_edit.returnPressed.connect(
            lambda: self.save() if self.current is None else self.set_password())
        self.pin_edit.returnPressed.connect(lambda: self.save() if self.current is None else self.set_pin())

    # -- the list
    def refresh(self, choose: int | None = None) -> None:
        """Read the accounts again (on the reader thread), then choose account ``choose`` (or keep the
        chosen one)."""
        keep = choose if choose is not None else (self.current.id if self.current else None)
        ops.read(self.services.accounts.all, parent=self, success=lambda found: self._show(found, keep),
                 failure=self._failed, label="accounts")

    def _show(self, accounts: list[Account], keep: int | None) -> None:
        self.accounts = accounts
        self.people.blockSignals(True)
        self.people.clear()
        for account in accounts:
            item = QListWidgetItem(f"{account.label}  [{account.username}]")
            item.setData(Qt.ItemDataRole.UserRole, account.id)
            self.people.addItem(item)
        self.people.blockSignals(False)
        at = next((i for i, a in enumerate(accounts) if a.id == keep), 0 if accounts else -1)
        self.people.setCurrentRow(at)
        self._chosen(at)

    def _chosen(self, row: int) -> None:
        account = self.accounts[row] if 0 <= row < len(self.accounts) else None
        self.current = account
        self.username_edit.setReadOnly(account is not None)
        self.name_edit.setText(account.display_name if account else "")
        self.username_edit.setText(account.username if account else "")
        discipline = account.discipline if account else None
        at = self.discipline_box.findData(discipline.value if discipline else None)
        self.discipline_box.setCurrentIndex(max(at, 0))
        for role, box in self.role_boxes.items():
            box.setChecked(account is not None and role in account.roles)
        self.password_edit.clear()
        self.pin_edit.clear()
        for button in (self.password_button, self.pin_button, self.active_button):
            button.setEnabled(account is not None)
        self.active_button.setText("Dea&ctivate" if account is None or account.active else "Reacti&vate")
        self.save_button.setText("&Save (add this person)" if account is None else "&Save")

    def new_person(self) -> None:
        """An empty form for a new person (user name, password and roles needed; a PIN may wait)."""
        self.people.blockSignals(True)
        self.people.clearSelection()
        self.people.setCurrentRow(-1)
        self.people.blockSignals(False)
        self._chosen(-1)
        self.role_boxes[Role.MEMBER].setChecked(True)
        self.message.setText("New person: name, user name, a password of 10 characters or more, roles.")
        self.name_edit.setFocus()

    # -- the actions, each one service call on the writer thread
    def _roles(self) -> list[Role]:
        return [role for role, box in self.role_boxes.items() if box.isChecked()]

    def _discipline(self) -> Discipline | None:
        value = self.discipline_box.currentData()
        return Discipline(value) if value else None

    def _run(self, work: Callable[[], Account], done: str) -> None:
        if self.busy is not None:
            return
        self.message.setText("Saving…")

        def succeeded(account: Account) -> None:
            self.busy = None
            self.message.setText(done.format(name=account.display_name))
            self.changed.emit()
            self.refresh(choose=account.id)

        self.busy = ops.write(work, parent=self, success=succeeded, failure=self._failed, label="account")

    def _failed(self, error: MdtboardError) -> None:
        self.busy = None
        self.message.setText(str(error))

    def save(self) -> None:
        accounts, by, name, roles, discipline = (self.services.accounts, self.by, self.name_edit.text(),
                                                 self._roles(), self._discipline())
        current = self.current
        if current is None:
            username, password, pin = self.username_edit.text().strip(), self.password_edit.text(), \
                self.pin_edit.text() or None
            self.password_edit.clear()
            self.pin_edit.clear()
            self._run(lambda: accounts.add(by, username, name, password, roles, discipline=discipline,
                                           pin=pin), "{name} was added.")
            return
        self._run(lambda: accounts.update_account(by, current, display_name=name, discipline=discipline,
                                                  roles=roles), "{name}: saved.")

    def set_password(self) -> None:
        current, password = self.current, self.password_edit.text()
        self.password_edit.clear()
        if current is not None:
            accounts, by = self.services.accounts, self.by
            self._run(lambda: accounts.reset_password(by, current, password), "{name} has a new password.")

    def set_pin(self) -> None:
        """The PIN typed (empty: the account has no PIN any more)."""
        current, pin = self.current, self.pin_edit.text()
        self.pin_edit.clear()
        if current is not None:
            accounts, by = self.services.accounts, self.by
            self._run(lambda: accounts.reset_pin(by, current, pin or None),
                      "{name} has a new PIN." if pin else "{name} has no PIN now.")

    def toggle_active(self) -> None:
        current = self.current
        if current is not None:
            accounts, by, active = self.services.accounts, self.by, not current.active
            self._run(lambda: accounts.set_active(by, current, active),
                      "{name} can sign in again." if active else
                      "{name} is deactivated: no sign-in any more; signatures keep naming them.")

    def wait(self) -> None:
        """Block until the call under way (and the reading after it) is done (tests, scripts)."""
        operations = ops.operations()
        while operations.busy:
            operations.wait()
