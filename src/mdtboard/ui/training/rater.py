"""Who is scoring: the rater, recorded as a person with an account (not as a typed name).

The rater is the account signed in to this program, unless another person (of any profession) chooses
themselves in the list and confirms with their own password or PIN on this PC, as a signature does; their
scores are then recorded as theirs. The check of the password or PIN runs on the writer thread (it counts
towards the account's lock-out as a failed sign-in does).

Only while nobody is signed in (a database without accounts) is the rater a name typed in the field beside
the list, as on the command line.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget

from mdtboard.domain.accounts import Account, Credential
from mdtboard.domain.errors import MdtboardError
from mdtboard.services import permissions
from mdtboard.services.context import Services
from mdtboard.ui import ops
from mdtboard.ui.accounts.dialogs import CredentialDialog


class RaterChooser(QObject):
    """The rater list (``combo``) and, while nobody is signed in, the typed name (``edit``).

    Signals:
        changed(): someone else scores now.
        status_message(str): a line for the status bar.
    """

    changed = Signal()
    status_message = Signal(str)

    def __init__(self, services: Services, combo: QComboBox, edit: QLineEdit, parent: QWidget) -> None:
        super().__init__(parent)
        self._services = services
        self._combo = combo
        self._edit = edit
        self._window = parent
        self._accounts: list[Account] = []
        #: A person other than the one signed in who confirmed with their own password or PIN.
        self.confirmed: Account | None = None
        #: The dialog asking for that password or PIN (tests type into it).
        self.dialog: CredentialDialog | None = None
        combo.hide()
        combo.activated.connect(lambda _index: self._chosen())

    # -- who scores
    @property
    def account(self) -> Account | None:
        """The rater's account: the person who confirmed, else the one signed in (None: nobody)."""
        return self.confirmed if self.confirmed is not None else permissions.acting()

    @property
    def account_id(self) -> int | None:
        account = self.account
        return account.id if account is not None else None

    @property
    def name(self) -> str:
        account = self.account
        return account.display_name if account is not None else " ".join(self._edit.text().split())

    def set_enabled(self, enabled: bool) -> None:
        self._combo.setEnabled(enabled)
        self._edit.setEnabled(enabled)

    # -- the list
    def set_accounts(self, accounts: Sequence[Account]) -> None:
        """The people who may be chosen as rater (every account)."""
        self._accounts = list(accounts)
        if self.confirmed is not None and all(a.id != self.confirmed.id for a in self._accounts):
            self.confirmed = None
        self._fill()

    def _fill(self) -> None:
        me = permissions.acting()
        combo = self._combo
        combo.blockSignals(True)
        combo.clear()
        if me is None:
            combo.addItem("Type the rater's name (nobody is signed in)", None)
        else:
            combo.addItem(f"{me.label}, signed in", me.id)
        for account in self._accounts:
            if me is None or account.id != me.id:
                combo.addItem(f"{account.label}: confirms with their password or PIN", account.id)
        chosen = self.account_id
        combo.setCurrentIndex(max(combo.findData(chosen), 0) if chosen is not None else 0)
        combo.blockSignals(False)
        combo.setVisible(me is not None or bool(self._accounts))
        self._edit.setVisible(self.account is None)

    def signed_in_changed(self) -> None:
        """Someone signed in (at the start, unlocking, switching user): they are the rater now; a person
        who had confirmed with their own PIN before confirms again."""
        self.confirmed = None
        self._fill()
        self.changed.emit()

    def choose(self, account_id: int | None) -> CredentialDialog | None:
        """Choose the rater by account (None: the one signed in, or the typed name); another person is
        asked for their password or PIN (the dialog returned)."""
        index = self._combo.findData(account_id) if account_id is not None else 0
        if index < 0:
            raise KeyError(account_id)
        self._combo.setCurrentIndex(index)
        self._chosen()
        return self.dialog

    def _chosen(self) -> None:
        wanted = self._combo.currentData()
        me = permissions.acting()
        if wanted is None or (me is not None and wanted == me.id):
            if self.confirmed is not None:
                self.confirmed = None
                self._fill()
                self.changed.emit()
            return
        if self.confirmed is not None and wanted == self.confirmed.id:
            return
        person = next(a for a in self._accounts if a.id == wanted)
        self._fill()  # whoever scores now stays until the person has confirmed
        dialog = CredentialDialog(
            person.display_name, person.username,
            "score as the rater: the scores are recorded as yours", self._window,
            demo=person.demo, title="Score as yourself",
        )
        self.dialog = dialog
        dialog.accepted.connect(lambda: self.confirm(person, dialog.credential))
        dialog.open()

    def confirm(self, person: Account, credential: Credential) -> None:
        """Check ``person``'s password or PIN on the writer thread; once right, they are the rater."""
        accounts = self._services.accounts
        ops.write(lambda: accounts.confirm(credential, pin_ok=True), parent=self, label="confirming a rater",
                  success=lambda found: self._confirmed(person, found), failure=self._refused)

    def _confirmed(self, person: Account, found: Account) -> None:
        if found.id != person.id:
            return
        self.confirmed = found
        self._fill()
        self.status_message.emit(f"{found.display_name} scores now: the scores are recorded as theirs")
        self.changed.emit()

    def _refused(self, error: MdtboardError) -> None:
        self.status_message.emit(f"The rater was not changed: {error}")
