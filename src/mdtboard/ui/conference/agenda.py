"""The agenda: cases found as you type and added, deferred cases offered, the order, budgets and status."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QWidget

from mdtboard.domain.case import CaseSummary
from mdtboard.domain.conference import AgendaItem, AgendaStatus, Conference
from mdtboard.ui import ops
from mdtboard.ui.conference.controller import ConferenceController
from mdtboard.ui.conference.icons import Mark, icon_size_for, pixmap
from mdtboard.ui.conference.models import ROOT, AgendaModel, TextListModel
from mdtboard.ui.forms.ui_conference_agenda import Ui_AgendaPanel

#: How long typing in the search field pauses before the library is searched.
SEARCH_DELAY_MS = 150
RESULT_LIMIT = 50


def case_line(ref: str, name: str, title: str | None) -> str:
    return f"{ref} · {name}" + (f" — {title}" if title else "")


def offer_line(item: AgendaItem) -> str:
    """A case deferred at an earlier conference, with why it was deferred."""
    why = f" · deferred: {item.deferral_reason}" if item.deferral_reason else " · deferred (no reason given)"
    return case_line(item.case_ref, item.patient_name, item.case_title) + why


def _action(view: QAbstractItemView, text: str, keys: str | QKeySequence.StandardKey) -> QAction:
    action = QAction(text, view)
    action.setShortcut(QKeySequence(keys))
    action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
    view.addAction(action)
    return action


class AgendaPanel(QWidget):
    """Finds cases in the library and puts them on the agenda; orders, budgets and removes them.

    Signals:
        discuss_requested(int): the user wants to discuss this case (its id) now.
        open_case_requested(int): the user wants this case (its id) in the case editor.
        message(str): something for the status bar.
    """

    discuss_requested = Signal(int)
    open_case_requested = Signal(int)
    message = Signal(str)

    def __init__(self, controller: ConferenceController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_AgendaPanel()
        self.ui.setupUi(self)
        self._controller = controller
        self._on_agenda: set[int] = set()
        self.results: TextListModel[CaseSummary] = TextListModel(
            self._result_text, lambda c: c.id, enabled=lambda c: c.id not in self._on_agenda, parent=self
        )
        self.offers: TextListModel[AgendaItem] = TextListModel(offer_line, lambda i: i.case_id, parent=self)
        self.model = AgendaModel(self)
        self.model.reorder_handler = controller.reorder
        self.model.minutes_handler = controller.set_minutes
        self.ui.resultsView.setModel(self.results)
        self.ui.deferredView.setModel(self.offers)
        view = self.ui.agendaView
        view.setModel(self.model)
        header = view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(AgendaModel.TITLE, QHeaderView.ResizeMode.Stretch)
        self.up_action = _action(view, "Move the selected case up the agenda", "Ctrl+Shift+Up")
        self.down_action = _action(view, "Move the selected case down the agenda", "Ctrl+Shift+Down")
        self.remove_action = _action(
            view, "Take the selected case off the agenda", QKeySequence.StandardKey.Delete
        )
        self.discuss_action = _action(view, "Discuss the selected case now", "Return")
        self.discuss_action.setShortcuts([QKeySequence("Return"), QKeySequence("Enter")])
        self.minutes_action = _action(view, "Change the minutes of the selected case", "F2")
        self.add_action = _action(self.ui.resultsView, "Put the selected case on the agenda", "Return")
        self.ui.searchEdit.installEventFilter(self)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._searches_asked = self._searches_shown = 0  # only the last search asked is shown
        self._adding = False  # Enter pressed while searching: add once the results are in
        self._offers_asked = 0
        self.ui.deferredIcon.setPixmap(pixmap(Mark.LATER, icon_size_for(self.font())))
        self.ui.splitter.setStretchFactor(0, 2)
        self.ui.splitter.setStretchFactor(1, 5)
        self._connect_signals()
        self.show_agenda([])

    def _connect_signals(self) -> None:
        self.ui.searchEdit.textChanged.connect(self._search_timer.start)
        self._search_timer.timeout.connect(self.search)
        self.ui.searchEdit.returnPressed.connect(self.add_selected)
        self.ui.addButton.clicked.connect(self.add_selected)
        self.add_action.triggered.connect(self.add_selected)
        self.ui.resultsView.doubleClicked.connect(self.add_selected)
        self.ui.addDeferredButton.clicked.connect(self.add_deferred)
        self.ui.upButton.clicked.connect(lambda: self.move_selected(-1))
        self.ui.downButton.clicked.connect(lambda: self.move_selected(1))
        self.up_action.triggered.connect(lambda: self.move_selected(-1))
        self.down_action.triggered.connect(lambda: self.move_selected(1))
        self.ui.removeButton.clicked.connect(self.remove_selected)
        self.remove_action.triggered.connect(self.remove_selected)
        self.ui.discussButton.clicked.connect(self._discuss_selected)
        self.discuss_action.triggered.connect(self._discuss_selected)
        self.minutes_action.triggered.connect(self.edit_minutes)
        self.ui.openCaseButton.clicked.connect(self._open_selected)
        self._controller.opened.connect(self._opened)
        self._controller.agenda_changed.connect(self.show_agenda)

    # -- the search field hands Up/Down to the results, so the keyboard never has to leave it
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if watched is self.ui.searchEdit and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Up):
                self._step_result(1 if event.key() == Qt.Key.Key_Down else -1)
                return True
        return super().eventFilter(watched, event)

    def _step_result(self, step: int) -> None:
        """Select the next result (skipping cases already on the agenda) up or down."""
        row = self.ui.resultsView.currentIndex().row()
        row = row + step if row >= 0 else 0
        while 0 <= row < self.results.rowCount():
            index = self.results.index(row, 0)
            if self.results.flags(index) & Qt.ItemFlag.ItemIsEnabled:
                self.ui.resultsView.setCurrentIndex(index)
                return
            row += step

    # -- showing
    def _opened(self, conf: Conference) -> None:
        self.ui.searchEdit.clear()
        self.show_agenda(conf.agenda)
        self.search()

    def show_agenda(self, items: list[AgendaItem]) -> None:
        self.model.set_rows(items)
        # Qt sizes columns "to contents" from the rows it had: measure again with the new ones
        self.ui.agendaView.horizontalHeader().resizeSections()
        self._on_agenda = {i.case_id for i in items}
        self.results.show_again()  # greys out what is now on the agenda
        self.ui.summaryLabel.setText(self._summary(items))
        has_rows = bool(items)
        for button in (self.ui.upButton, self.ui.downButton, self.ui.removeButton):
            button.setEnabled(has_rows)
        for button in (self.ui.discussButton, self.ui.openCaseButton):
            button.setEnabled(has_rows)
        self.show_offers()

    def _summary(self, items: list[AgendaItem]) -> str:
        conf = self._controller.conference
        if not items or conf is None:
            return "<b>Agenda</b>: no cases yet. Search the case library on the left and press Enter to add."
        minutes = sum(i.minutes for i in items)
        ends = (conf.starts_at + timedelta(minutes=minutes)).strftime("%H:%M")
        counts = [
            f"{len(items)} case{'s' if len(items) != 1 else ''}",
            f"{minutes} min planned, ends about {ends}",
        ]
        for status in (AgendaStatus.DISCUSSED, AgendaStatus.DEFERRED):
            n = sum(1 for i in items if i.status is status)
            if n:
                counts.append(f"{n} {status.label}")
        return "<b>Agenda</b>: " + " · ".join(counts)

    def show_offers(self) -> None:
        """Read the cases deferred at earlier conferences again (on the reader thread) and offer them."""
        self._offers_asked += 1
        token, conf_id = self._offers_asked, self._controller.conf_id
        if conf_id is None:
            self._offers_read(token, [])
            return
        conferences = self._controller.services.conferences
        ops.read(lambda: conferences.deferred_before(conf_id), parent=self, label="the deferred cases",
                 success=lambda offers: self._offers_read(token, offers),
                 failure=lambda exc: self.message.emit(str(exc)))

    def _offers_read(self, token: int, offers: list[AgendaItem]) -> None:
        if token != self._offers_asked:  # read again meanwhile
            return
        self.offers.set_rows(offers)
        self.ui.deferredFrame.setVisible(bool(offers))
        n = len(offers)
        self.ui.deferredLabel.setText(
            f"Deferred at an earlier conference: {n} case{'s' if n != 1 else ''} waiting for this agenda"
        )

    def _result_text(self, case: CaseSummary) -> str:
        line = case_line(case.ref, case.display_name, case.title)
        return ("On the agenda: " + line) if case.id in self._on_agenda else line

    def search(self) -> None:
        """Search the library for the text typed (on the reader thread); the results shown stay until the
        new ones come, and only the last search asked is shown."""
        self._search_timer.stop()
        self._searches_asked += 1
        token, text, cases = self._searches_asked, self.ui.searchEdit.text(), self._controller.services.cases
        ops.read(lambda: cases.search(text, limit=RESULT_LIMIT), parent=self, label="searching the library",
                 success=lambda found: self._found(token, found),
                 failure=lambda exc: self._not_found(token, str(exc)))

    @property
    def searching(self) -> bool:
        """The text typed has not been searched yet (about to be, or being searched)."""
        return self._search_timer.isActive() or self._searches_asked != self._searches_shown

    def _found(self, token: int, found: list[CaseSummary]) -> None:
        if token != self._searches_asked:  # typed on meanwhile: the later search is shown
            return
        self._searches_shown = token
        self.results.set_rows(found)
        if found:
            first = next((r for r, c in enumerate(found) if c.id not in self._on_agenda), 0)
            self.ui.resultsView.setCurrentIndex(self.results.index(first, 0))
        self._after_search()

    def _not_found(self, token: int, message: str) -> None:
        if token == self._searches_asked:
            self._searches_shown = token
            self._adding = False
            self.message.emit(message)

    def _after_search(self) -> None:
        if self._adding:  # Enter was pressed before the results came: add the first one found now
            self._adding = False
            self.add_selected()

    # -- changing
    def _selected_result(self) -> CaseSummary | None:
        index = self.ui.resultsView.currentIndex()
        return self.results.row_object(index.row()) if index.isValid() else None

    def add_selected(self) -> None:
        if self.searching:  # the results of what was typed are not in yet: added when they come
            self._adding = True
            if self._search_timer.isActive():
                self.search()
            return
        case = self._selected_result()
        if case is None:
            self.message.emit("No case selected: type part of a name, title or reference first.")
            return
        if case.id in self._on_agenda:
            self.message.emit(f"{case.ref} is already on the agenda.")
            return
        if self._controller.add_cases([case.id], f"Add {case.ref} to the agenda"):
            self.message.emit(f"{case.ref} added to the agenda")
            self.ui.searchEdit.selectAll()

    def add_deferred(self) -> None:
        offers = self.offers.rows()
        if not offers:
            return
        text = f"Add {len(offers)} deferred case{'s' if len(offers) != 1 else ''} to the agenda"
        if self._controller.add_cases([i.case_id for i in offers], text):
            self.message.emit(text.replace("Add", "Added", 1))

    def _selected_row(self) -> int | None:
        index = self.ui.agendaView.currentIndex()
        return index.row() if index.isValid() else None

    def move_selected(self, offset: int) -> None:
        row = self._selected_row()
        if row is None:
            return
        target = max(0, min(self.model.rowCount() - 1, row + offset))
        if target != row:
            self.model.moveRows(ROOT, row, 1, ROOT, target + 1 if target > row else target)

    def remove_selected(self) -> None:
        row = self._selected_row()
        if row is None:
            return
        item = self.model.row_object(row)
        if self._controller.remove_case(item.case_id):
            self.message.emit(f"{item.case_ref} taken off the agenda (Ctrl+Z puts it back)")
            if self.model.rowCount():
                self.ui.agendaView.setCurrentIndex(self.model.index(min(row, self.model.rowCount() - 1), 0))

    def edit_minutes(self) -> None:
        """Edit the time budget of the selected case (F2), whichever column of its row is current."""
        row = self._selected_row()
        if row is None:
            return
        index = self.model.index(row, AgendaModel.MINUTES)
        view = self.ui.agendaView
        view.setCurrentIndex(index)
        view.edit(index)

    def _discuss_selected(self) -> None:
        row = self._selected_row()
        if row is not None:
            self.discuss_requested.emit(self.model.row_object(row).case_id)

    def _open_selected(self) -> None:
        row = self._selected_row()
        if row is not None:
            self.open_case_requested.emit(self.model.row_object(row).case_id)

    def select_case(self, case_id: int) -> None:
        for row, item in enumerate(self.model.rows()):
            if item.case_id == case_id:
                self.ui.agendaView.setCurrentIndex(self.model.index(row, 0))
