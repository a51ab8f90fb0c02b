"""The curtains of :mod:`mdtboard.ui.accounts.people`: an opaque cover over a window (:class:`Curtain`,
"Opening…" at the start and over the program's other windows while locked) and the main window's lock
screen with its sign-in form (:class:`LockScreen`).

Imported when a window is first covered, not at start-up: the main window imports ``people`` before its
first paint, and these widgets need ``PySide6.QtCore.Qt`` (whose ninety-odd enum types PySide builds on
first use, about 15 ms) and the accounts' dialogs.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QComboBox, QFormLayout, QFrame, QLabel, QPushButton, QVBoxLayout, QWidget

from mdtboard.domain.accounts import Account
from mdtboard.ui.accounts.dialogs import secret_field
from mdtboard.ui.accounts.people import BY_PIN
from mdtboard.ui.fonts import keep_wrapped_labels_whole


class Curtain(QFrame):
    """An opaque cover over a whole window: nothing under it can be seen."""

    def __init__(self, window: QWidget, text: str = "mdtboard is locked") -> None:
        super().__init__(window)
        self.setObjectName("lockCurtain")
        self.setAutoFillBackground(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.layout_ = QVBoxLayout(self)
        self.label = QLabel(text, self)
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.layout_.addStretch(1)
        self.layout_.addWidget(self.label)
        self.layout_.addStretch(1)
        window.installEventFilter(self)
        self.cover()

    def cover(self) -> None:
        parent = self.parentWidget()
        if parent is not None:
            self.setGeometry(parent.rect())
        self.raise_()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() in (QEvent.Type.Resize, QEvent.Type.ChildAdded) and self.isVisible():
            QTimer.singleShot(0, self.cover)
        return False


class LockScreen(Curtain):
    """The main window's curtain, with the form that signs in or unlocks: who (a person with an account)
    and their password or PIN."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window, "")
        box = QFrame(self)
        box.setMaximumWidth(460)
        form_layout = QVBoxLayout(box)
        self.title = QLabel("", box)
        self.title.setWordWrap(True)
        form_layout.addWidget(self.title)
        form = QFormLayout()
        self.who = QComboBox(self)
        self.who.setAccessibleName("Who signs in")
        self.secret_edit = secret_field(self, "Password or PIN")
        who_label, secret_label = QLabel("&Who:", box), QLabel("&Password or PIN:", box)
        who_label.setBuddy(self.who)
        secret_label.setBuddy(self.secret_edit)
        form.addRow(who_label, self.who)
        form.addRow(secret_label, self.secret_edit)
        form_layout.addLayout(form)
        self.message = QLabel("", box)
        self.message.setWordWrap(True)
        form_layout.addWidget(self.message)
        self.button = QPushButton("&Unlock", box)
        self.button.setDefault(True)
        form_layout.addWidget(self.button)
        self.setup_button = QPushButton("&Set up mdtboard…", box)
        self.setup_button.hide()
        form_layout.addWidget(self.setup_button)
        self.layout_.insertWidget(2, box, 0, Qt.AlignmentFlag.AlignHCenter)
        self.secret_edit.returnPressed.connect(self.button.click)
        # The title and the message wrap, and the message grows once the people are read: kept whole, so
        # that the form below them is never squeezed.
        keep_wrapped_labels_whole([self.title, self.message])

    def show_people(self, accounts: list[Account], chosen: str | None) -> None:
        """``accounts`` after "Anyone, by PIN"; ``chosen`` (a user name) chosen, else "Anyone, by PIN"."""
        self.who.clear()
        if accounts:
            self.who.addItem("Anyone, by PIN (type your PIN)", BY_PIN)
        for account in accounts:
            self.who.addItem(account.label, account.username)
        at = self.who.findData(chosen) if chosen else -1
        self.who.setCurrentIndex(max(at, 0))

    def set_checking(self, checking: bool) -> None:
        """While a PIN or password is being checked (on a worker), the form waits and says so."""
        for widget in (self.who, self.secret_edit, self.button):
            widget.setEnabled(not checking)
        if checking:
            self.message.setText("Checking…")
