"""Dialogs that ask a person for their own credential: to sign a care plan for their discipline, to withdraw
a signature, to sign in. Each is opened without blocking (``open``); a secret typed is never shown, logged
or kept after the dialog closes."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mdtboard.domain.accounts import Account, Credential


def demo_hint() -> str:
    """The demo team's PINs, for the hint shown with the demo team. The services are imported here, not at
    start-up: the main window imports this module before its first paint, and the account services bring
    SQLAlchemy and every model with them (about 0.3 s, several times the bare window's start)."""
    from mdtboard.services.accounts import demo_pins_text

    return f"Demo team PINs: {demo_pins_text()} (every password: demo-password)."


def secret_field(parent: QWidget, name: str) -> QLineEdit:
    edit = QLineEdit(parent)
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    edit.setAccessibleName(name)
    edit.setInputMethodHints(Qt.InputMethodHint.ImhHiddenText | Qt.InputMethodHint.ImhNoPredictiveText
                             | Qt.InputMethodHint.ImhSensitiveData)
    return edit


class CredentialDialog(QDialog):
    """Asks the person ``name`` (account ``username``) for their password or PIN, to do ``what``.

    The OK button (``ok_button``) stays disabled until something is typed; :attr:`credential` is what was
    typed, with the account's user name."""

    def __init__(
        self, name: str, username: str, what: str, parent: QWidget | None = None, *, demo: bool = False,
        title: str = "Your password or PIN",
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.username = username
        layout = QVBoxLayout(self)
        intro = QLabel(f"<b>{_esc(name)}</b>: {_esc(what)}. Type <i>your own</i> password or PIN; "
                       "nobody else may type it for you.", self)
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(intro)
        form = QFormLayout()
        self.secret_edit = secret_field(self, f"Password or PIN of {name}")
        label = QLabel("&Password or PIN:", self)
        label.setBuddy(self.secret_edit)
        form.addRow(label, self.secret_edit)
        layout.addLayout(form)
        if demo:
            hint = QLabel(demo_hint(), self)
            hint.setWordWrap(True)
            layout.addWidget(hint)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setEnabled(False)
        layout.addWidget(self.buttons)
        self.secret_edit.textChanged.connect(lambda text: self.ok_button.setEnabled(bool(text)))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.secret_edit.setFocus()

    @property
    def credential(self) -> Credential:
        return Credential(self.username, self.secret_edit.text())


class WithdrawDialog(QDialog):
    """Who withdraws a sign-off: the signer (``signer``, their user name) with their own password or PIN,
    or a chair (``chairs``) with theirs and a reason."""

    def __init__(
        self, discipline_label: str, signer_name: str, signer: str | None, chairs: Sequence[Account],
        parent: QWidget | None = None, *, demo: bool = False,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Withdraw a sign-off")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        layout = QVBoxLayout(self)
        intro = QLabel(f"Withdraw the {discipline_label} sign-off of {signer_name}: by {signer_name}, or "
                       "by the chair with a reason.", self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.who = QComboBox(self)
        self.who.setAccessibleName("Who withdraws the sign-off")
        if signer is not None:
            self.who.addItem(f"{signer_name} (who signed)", signer)
        for chair in chairs:
            if chair.username != signer:
                self.who.addItem(f"{chair.display_name} (chair)", chair.username)
        self.secret_edit = secret_field(self, "Password or PIN of who withdraws")
        self.reason_edit = QPlainTextEdit(self)
        self.reason_edit.setAccessibleName("Reason (the chair gives one)")
        self.reason_edit.setTabChangesFocus(True)
        self.reason_edit.setFixedHeight(70)
        for text, widget in (("&Who:", self.who), ("&Password or PIN:", self.secret_edit),
                             ("&Reason:", self.reason_edit)):
            label = QLabel(text, self)
            label.setBuddy(widget)
            form.addRow(label, widget)
        layout.addLayout(form)
        if demo:
            layout.addWidget(QLabel(demo_hint(), self))
        self.signer = signer
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.ok_button = QPushButton("&Withdraw", self)
        self.buttons.addButton(self.ok_button, QDialogButtonBox.ButtonRole.AcceptRole)
        layout.addWidget(self.buttons)
        self.secret_edit.textChanged.connect(self._changed)
        self.reason_edit.textChanged.connect(self._changed)
        self.who.currentIndexChanged.connect(self._changed)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self._changed()
        self.secret_edit.setFocus()

    @property
    def by_signer(self) -> bool:
        return self.signer is not None and self.who.currentData() == self.signer

    def _changed(self) -> None:
        ready = bool(self.secret_edit.text()) and self.who.count() > 0
        self.ok_button.setEnabled(ready and (self.by_signer or bool(self.reason)))

    @property
    def reason(self) -> str:
        return self.reason_edit.toPlainText().strip()

    @property
    def credential(self) -> Credential:
        return Credential(str(self.who.currentData()), self.secret_edit.text())


def _esc(text: str) -> str:
    import html

    return html.escape(text)


class FirstStartDialog(QDialog):
    """The first start on a database without accounts, in one step: try mdtboard with the fictional demo
    team (only offered on an empty default database), or create the administrator's account.

    Signals:
        chosen(str): ``"demo"`` or ``"administrator"`` (the fields then hold the administrator's name,
            user name and password). Whoever acts on it closes the dialog (``accept``) when it worked,
            else says why (:meth:`show_problem`).
    """

    chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None, *, demo: bool) -> None:
        super().__init__(parent)
        self.setWindowTitle("Welcome to mdtboard")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.choice = ""
        layout = QVBoxLayout(self)
        self.demo_button: QPushButton | None = None
        if demo:
            intro = QLabel("<b>Try mdtboard</b> with its fictional demo cases and demo team (you are signed "
                           "in as the demo chair, PIN 1234; each of the demo team has their own PIN). "
                           "Nothing real is needed.", self)
            intro.setWordWrap(True)
            layout.addWidget(intro)
            self.demo_button = QPushButton("&Try the demo", self)
            self.demo_button.setDefault(True)
            self.demo_button.clicked.connect(lambda: self._chosen("demo"))
            layout.addWidget(self.demo_button)
        admin = QLabel(("<b>Or set up mdtboard for your team</b>: " if demo else "<b>Set up mdtboard</b>: ")
                       + "create the administrator's account (yours, as the person installing it). The "
                       "administrator then adds the team's accounts.", self)
        admin.setWordWrap(True)
        layout.addWidget(admin)
        form = QFormLayout()
        self.name_edit = QLineEdit(self)
        self.name_edit.setAccessibleName("Your name")
        self.username_edit = QLineEdit(self)
        self.username_edit.setAccessibleName("Your user name")
        self.password_edit = secret_field(self, "Your password")
        self.repeat_edit = secret_field(self, "Your password again")
        for text, widget in (("&Name:", self.name_edit), ("&User name:", self.username_edit),
                             ("&Password (10 characters or more):", self.password_edit),
                             ("&Again:", self.repeat_edit)):
            label = QLabel(text, self)
            label.setBuddy(widget)
            form.addRow(label, widget)
        layout.addLayout(form)
        self.message = QLabel("", self)
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        self.create_button = QPushButton("&Create the administrator", self)
        self.create_button.setEnabled(False)
        self.create_button.clicked.connect(lambda: self._chosen("administrator"))
        layout.addWidget(self.create_button)
        for edit in (self.name_edit, self.username_edit, self.password_edit, self.repeat_edit):
            edit.textChanged.connect(self._changed)
        (self.demo_button or self.name_edit).setFocus()

    def _changed(self) -> None:
        filled = all(e.text().strip() for e in (self.name_edit, self.username_edit, self.password_edit))
        same = self.password_edit.text() == self.repeat_edit.text()
        self.message.setText("" if same or not self.repeat_edit.text() else "The two passwords differ.")
        self.create_button.setEnabled(filled and same)

    def _chosen(self, choice: str) -> None:
        self.choice = choice
        self.chosen.emit(choice)

    def show_problem(self, text: str) -> None:
        """The administrator could not be created: say why (the dialog is opened again with what was
        typed)."""
        self.message.setText(text)
