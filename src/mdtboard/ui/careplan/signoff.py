"""The sign-off panel beside the care plan: each required discipline with the people present for it (chosen
from the attendance list, never typed) and a Sign button, and who has signed when."""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QComboBox, QFrame, QLabel, QPushButton, QWidget

from mdtboard.domain.careplan import CarePlan, SignOff
from mdtboard.domain.case import Discipline
from mdtboard.ui.conference.icons import Mark, icon_size_for, pixmap
from mdtboard.ui.fonts import set_relative_font
from mdtboard.ui.forms.ui_careplan_signoff import Ui_SignOffPanel


def local_time(value: datetime) -> str:
    """A stored time (UTC; SQLite gives it back without a zone) as local "3 Dec 2026, 14:30"."""
    aware = value if value.tzinfo is not None else value.replace(tzinfo=UTC)
    return f"{aware.astimezone():%d %b %Y, %H:%M}".lstrip("0")


class _Row:
    """The widgets of one discipline's row."""

    def __init__(self, panel: SignOffPanel, discipline: Discipline) -> None:
        self.discipline = discipline
        parent = panel
        self.label = QLabel(discipline.label, parent)
        self.icon = QLabel(parent)
        self.name = QComboBox(parent)
        self.name.setEditable(False)
        self.name.setAccessibleName(f"Who signs for {discipline.label.lower()} (from the attendance list)")
        self.name.installEventFilter(panel)
        self.label.setBuddy(self.name)
        self.signed = QLabel(parent)
        self.signed.setWordWrap(True)
        self.signed.setAccessibleName(f"{discipline.label} sign-off")
        self.button = QPushButton("Sign", parent)
        self.button.setAccessibleName(f"Sign for {discipline.label.lower()}")
        self.widgets: tuple[QWidget, ...] = (self.icon, self.label, self.name, self.signed, self.button)


class SignOffPanel(QFrame):
    """Lists the disciplines that must sign the plan shown.

    Signals:
        sign_requested(Discipline, str): the lead of this discipline signs with this name.
        withdraw_requested(Discipline): this discipline's sign-off is taken back (the plan is a draft).
    """

    sign_requested = Signal(object, str)
    withdraw_requested = Signal(object)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        """Enter on a signer's drop-down signs (the drop-down itself opens with Alt+Down or Space)."""
        if (
            isinstance(watched, QComboBox)
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and event.modifiers() == Qt.KeyboardModifier.NoModifier
        ):
            for discipline, row in self.rows.items():
                if row.name is watched:
                    self._sign(discipline)
                    return True
        return False

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_SignOffPanel()
        self.ui.setupUi(self)
        set_relative_font(self.ui.titleLabel, 1.15, bold=True)
        self.rows: dict[Discipline, _Row] = {}
        self._typed: dict[Discipline, str] = {}
        self._signed: dict[Discipline, SignOff] = {}
        self._connect_signals()

    def _connect_signals(self) -> None:
        """The rows are made when a plan is shown; their signals are connected in :meth:`_make_row`."""

    def _make_row(self, discipline: Discipline, at: int) -> _Row:
        row = _Row(self, discipline)
        grid = self.ui.rowsGrid
        grid.addWidget(row.icon, at, 0)
        grid.addWidget(row.label, at, 1)
        grid.addWidget(row.name, at, 2)  # the name field until signed, then who signed when, in its place
        grid.addWidget(row.signed, at, 2)
        grid.addWidget(row.button, at, 3)
        grid.setColumnStretch(2, 1)
        for widget in row.widgets:
            widget.show()  # at once, not when the layout gets round to it: the cursor may go there next
        row.button.clicked.connect(lambda: self._clicked(discipline))
        row.name.activated.connect(lambda _i: self._typed.__setitem__(discipline, row.name.currentText()))
        return row

    def _clear(self) -> None:
        for row in self.rows.values():
            for widget in row.widgets:
                self.ui.rowsGrid.removeWidget(widget)
                widget.hide()
                widget.deleteLater()
        self.rows = {}

    def show_plan(
        self,
        plan: CarePlan | None,
        required: Sequence[Discipline],
        *,
        editable: bool,
        signers: Mapping[Discipline, Sequence[str]] | None = None,
    ) -> None:
        """Show the sign-offs of ``plan``: one row per required discipline (and any other that signed).
        ``editable``: the plan is the latest draft, so signing (and withdrawing) is possible.
        ``signers``: the people on the attendance list who may sign for each discipline.

        When the same disciplines are shown as before (a signature given or withdrawn, the attendance
        list read again), the rows are brought up to date where they are: no widget is made again, and a
        name chosen or the cursor in a row stays."""
        self._signed = {} if plan is None else {s.discipline: s for s in plan.sign_offs}
        shown = [d for d in Discipline if d in set(required) or d in self._signed]
        if shown != list(self.rows):
            self._clear()
            for at, discipline in enumerate(shown):
                self.rows[discipline] = self._make_row(discipline, at)
        size = icon_size_for(self.font())
        for discipline, row in self.rows.items():
            signed = self._signed.get(discipline)
            if signed is not None:
                self._show_signed(row, signed, editable, size)
            else:
                self._show_unsigned(row, list((signers or {}).get(discipline, ())), editable, size)
        self._show_summary(plan, shown)

    @staticmethod
    def _set_items(combo: QComboBox, items: Sequence[str]) -> None:
        """The drop-down's choices, changed only when they differ (the one chosen stays)."""
        if [combo.itemText(i) for i in range(combo.count())] != list(items):
            combo.clear()
            combo.addItems(list(items))

    def _show_signed(self, row: _Row, signed: SignOff, editable: bool, size: int) -> None:
        discipline = row.discipline
        if row.icon.accessibleName() != "Signed":
            row.icon.setMinimumSize(0, 0)
            row.icon.setMaximumSize(16777215, 16777215)
            row.icon.setPixmap(pixmap(Mark.DONE, size))
            row.icon.setAccessibleName("Signed")
        self._set_items(row.name, [signed.name])
        row.name.setEnabled(False)
        row.name.hide()
        row.signed.setTextFormat(Qt.TextFormat.RichText)
        text = f"<b>{html.escape(signed.name)}</b>, {html.escape(local_time(signed.signed_at))}"
        if row.signed.text() != text:
            row.signed.setText(text)
        row.signed.show()
        row.button.setText("Withdraw")
        row.button.setAccessibleName(f"Withdraw the {discipline.label.lower()} sign-off")
        row.button.setEnabled(True)
        row.button.setVisible(editable)

    def _show_unsigned(self, row: _Row, people: list[str], editable: bool, size: int) -> None:
        discipline = row.discipline
        if row.icon.accessibleName() != "Not signed yet":
            row.icon.clear()
            row.icon.setFixedSize(size, size)  # blank until signed; the summary says who is still to sign
            row.icon.setAccessibleName("Not signed yet")
        self._set_items(row.name, people or [f"No {discipline.label.lower()} lead on the attendance list"])
        typed = self._typed.get(discipline)
        if typed in people and row.name.currentText() != typed:
            row.name.setCurrentText(typed)
        row.name.setEnabled(editable and bool(people))
        row.name.show()
        row.signed.setTextFormat(Qt.TextFormat.PlainText)
        row.signed.hide()
        row.button.setText("Sign")
        row.button.setAccessibleName(f"Sign for {discipline.label.lower()}")
        row.button.setEnabled(editable and bool(people))
        row.button.show()

    def show_loading(self) -> None:
        """Who is to sign is being read (the attendance list of the plan's conference): no rows until it
        comes, so that nobody signs on a list of another plan."""
        self._clear()
        self.ui.summaryIcon.clear()
        self.ui.summaryLabel.setText("Loading…")

    def _show_summary(self, plan: CarePlan | None, shown: Sequence[Discipline]) -> None:
        size = icon_size_for(self.font())
        if plan is None:
            self.ui.summaryLabel.setText("No plan yet: build a draft first.")
            self.ui.summaryIcon.clear()
            return
        waiting = [d for d in shown if d not in self._signed]
        if plan.signed:
            when = f" on {local_time(plan.signed_at)}" if plan.signed_at else ""
            self.ui.summaryLabel.setText(f"Signed by every discipline{when}: locked.")
            self.ui.summaryIcon.setPixmap(pixmap(Mark.RESTRICTED, size))
            self.ui.summaryIcon.setAccessibleName("Signed and locked")
        elif waiting:
            names = ", ".join(d.label.lower() for d in waiting)
            self.ui.summaryLabel.setText(f"Still to sign: {names}.")
            self.ui.summaryIcon.setPixmap(pixmap(Mark.ATTENTION, size))
            self.ui.summaryIcon.setAccessibleName("Sign-offs missing")
        else:
            self.ui.summaryLabel.setText("Every required discipline has signed.")
            self.ui.summaryIcon.setPixmap(pixmap(Mark.DONE, size))
            self.ui.summaryIcon.setAccessibleName("Signed")

    def _clicked(self, discipline: Discipline) -> None:
        row = self.rows.get(discipline)
        if row is None:
            return
        if discipline in self._signed:
            self.withdraw_requested.emit(discipline)
        else:
            self._sign(discipline)

    def _sign(self, discipline: Discipline) -> None:
        row = self.rows.get(discipline)
        if row is not None and discipline not in self._signed and row.button.isEnabled():
            self.sign_requested.emit(discipline, row.name.currentText())

    def focus_next_unsigned(self) -> None:
        """Put the cursor in the first name field still to sign."""
        for discipline, row in self.rows.items():
            if discipline not in self._signed and row.name.isEnabled():
                row.name.setFocus(Qt.FocusReason.OtherFocusReason)
                return

    def forget_typed(self, discipline: Discipline) -> None:
        """The name typed for ``discipline`` was used (it signed)."""
        self._typed.pop(discipline, None)

    def reset(self) -> None:
        """Another case or plan: forget the names typed."""
        self._typed = {}
