"""How the main window shows the care plan: a "Care plan" page in its navigation (Alt+4), and a Care plan
menu (also on the toolbar):

- Open the care plan (Ctrl+Shift+P): of the case in front of the user, i.e. the case under discussion in the
  conference workspace (with its agenda item, so that a draft takes the input given there), the case open
  in the case editor, or the case selected in the library;
- Build draft from the team's input (Ctrl+Shift+B), Print… (Ctrl+P), Save PDF…, Export FHIR…, and the
  paper size (A4 or US Letter) that printing and the PDF use.

The main window makes one :class:`CarePlanPage` once its services are ready and asks its editor to save
on closing (``MainWindow.flush``). The menu and the navigation's row are made then; the editor (and the
modules it needs, ReportLab's among them) only when the page is first shown or asked for
(:attr:`CarePlanPage.editor`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QApplication, QMenu

from mdtboard.ui import settings as options

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from mdtboard.services.context import Services
    from mdtboard.ui.careplan.editor import CarePlanEditor
    from mdtboard.ui.main_window import MainWindow

#: The care plan's place in the window's navigation (after the library, the case and the conference).
CARE_PLAN_PAGE = 3
LIBRARY_PAGE, CASE_PAGE, CONFERENCE_PAGE = 0, 1, 2


class CarePlanPage(QObject):
    """The care-plan editor as a page of ``window``, with its menu."""

    def __init__(self, window: MainWindow, services: Services, *, save_delay_ms: int | None = None) -> None:
        super().__init__(window)
        self.window = window
        self._last_row = window.ui.navigation.currentRow()
        self._services = services
        self._save_delay_ms = save_delay_ms
        self.built_editor: CarePlanEditor | None = None  # made the first time the page is shown or used
        self.page = window.add_page("Care plan", self._build_editor)
        self.menu = QMenu("Care p&lan", window.menuBar())  # the menu bar's child: listed in Help > Shortcuts
        window.menuBar().insertMenu(window.ui.menuHelp.menuAction(), self.menu)
        self.open_action = self._action(
            "&Open the care plan of this case", "Ctrl+Shift+P", lambda: self.open_for_context()
        )
        self.open_action.setIconText("Care plan")
        self.open_action.setToolTip(
            "The care plan of the case under discussion, open in the case editor or selected in the "
            "library (Ctrl+Shift+P)"
        )
        self.show_action = self._action("Care plan pa&ge", "Alt+4", self.show)
        self.menu.addSeparator()
        self.build_action = self._action("&Build draft from the team's input", "Ctrl+Shift+B", self._build)
        self.menu.addSeparator()
        self.print_action = self._action("&Print…", QKeySequence.StandardKey.Print, self._print)
        self.pdf_action = self._action("Save P&DF…", None, self._save_pdf)
        self.fhir_action = self._action("Export &FHIR…", None, self._export_fhir)
        self.paper_menu = self.menu.addMenu("Paper si&ze")
        self.paper_group = QActionGroup(self)
        self.paper_actions: dict[str, QAction] = {}
        chosen = options.CAREPLAN_PAGE_SIZE.read(window.settings)
        for shown, name in options.PAGE_SIZES:
            action = self.paper_menu.addAction(shown)
            action.setCheckable(True)
            action.setChecked(name == chosen)
            self.paper_group.addAction(action)
            self.paper_actions[name] = action
        window.ui.toolBar.addSeparator()
        window.ui.toolBar.addAction(self.open_action)
        self._connect_signals()

    def _action(self, text: str, keys: str | QKeySequence.StandardKey | None, slot: Any) -> QAction:
        action = QAction(text, self.window)
        if keys is not None:
            action.setShortcut(QKeySequence(keys))
        action.triggered.connect(slot)
        self.menu.addAction(action)
        return action

    @property
    def editor(self) -> CarePlanEditor:
        """The care-plan editor, made now if it was not yet."""
        self.window.page(self.page)
        assert self.built_editor is not None
        return self.built_editor

    def _build_editor(self) -> QWidget:
        from mdtboard.ui.careplan.editor import CarePlanEditor

        window = self.window
        kwargs = {} if self._save_delay_ms is None else {"save_delay_ms": self._save_delay_ms}
        editor = CarePlanEditor(self._services, window.undo_stack, window.settings, window, **kwargs)
        self.built_editor = editor
        editor.ui.pageSizeCombo.currentIndexChanged.connect(self._paper_shown)
        editor.status_message.connect(self.window.show_status)
        editor.reveal_requested.connect(self.show)
        editor.plan_signed.connect(self._refresh_follow_ups)
        return editor

    def _connect_signals(self) -> None:
        for name, action in self.paper_actions.items():
            action.triggered.connect(lambda _checked=False, name=name: self.editor.output.set_page_size(name))
        self.window.ui.navigation.currentRowChanged.connect(self._page_chosen)

    def _page_chosen(self, row: int) -> None:
        """Coming to the care-plan page (Alt+4, the navigation) with no plan open opens the plan of the case
        the user came from, as Ctrl+Shift+P would have; with none, the page says how to open one."""
        came_from, self._last_row = self._last_row, row
        if row != self.page or self.editor.case is not None:  # the window built it as the page was shown
            return
        case_id, item_id = self.context(came_from)
        if case_id is not None:
            self.editor.open_case(case_id, item_id, then=self.show)

    def _paper_shown(self, index: int) -> None:
        if 0 <= index < len(options.PAGE_SIZES):
            self.paper_actions[options.PAGE_SIZES[index][1]].setChecked(True)

    def _refresh_follow_ups(self, _case_id: int) -> None:
        follow_ups = getattr(self.window.built_workspace, "follow_ups", None)
        if follow_ups is not None:
            follow_ups.refresh()

    # -- which case
    def context(self, page: int | None = None) -> tuple[int | None, int | None]:
        """(case id, agenda item id) of the case in front of the user, as described in the module; ``page``:
        the page the user was on (default: the page shown)."""
        window = self.window
        if page is None:
            page = window.current_page()
        workspace = window.built_workspace  # a page not built has nothing open
        case_id: int | None = None
        if page == CONFERENCE_PAGE and workspace is not None:
            case_id = workspace.discussion.current_case_id()
            agenda = workspace.agenda
            if workspace.ui.tabs.currentWidget() is workspace.ui.agendaTab:
                index = agenda.ui.agendaView.currentIndex()
                if index.isValid():
                    case_id = agenda.model.row_object(index.row()).case_id
        elif page == CASE_PAGE and window.built_editor is not None:
            case_id = window.built_editor.current_case_id()
        elif page == LIBRARY_PAGE and window.library is not None:
            summary = window.library.current_summary()  # None while its row is being read
            if summary is not None:
                case_id = summary.id
        plan_editor = self.built_editor
        if case_id is None:
            case_id = plan_editor.current_case_id() if plan_editor is not None else None
            if case_id is None and window.built_editor is not None:
                case_id = window.built_editor.current_case_id()
        item_id = None
        if case_id is not None and workspace is not None and workspace.current_conference_id() is not None:
            item = workspace.controller.item_for(case_id)
            item_id = None if item is None else item.id
        if item_id is None and case_id is not None and plan_editor is not None \
                and case_id == plan_editor.current_case_id():
            item_id = plan_editor.agenda_item_id
        return case_id, item_id

    def open_for_context(self, then: Callable[[], object] | None = None) -> bool:
        """Show the care plan of the case in front of the user (see :meth:`context`), read in the
        background; once shown, ``then`` runs. False when there is no case or the plan shown could not be
        left."""
        case_id, item_id = self.context()
        if case_id is None:
            self.window.show_status("Open or select a case first: its care plan opens with Ctrl+Shift+P.")
            return False

        def shown() -> None:
            self.show()
            if then is not None:
                then()

        return self.editor.open_case(case_id, item_id, then=shown)

    def show(self) -> None:
        """Bring the care plan to the front. The cursor goes to the build button, or into the part of the
        plan shown; it stays where it is when it is in the care plan already (an edit that was just made,
        or undone, shows the plan without taking the cursor out of the table being edited)."""
        if self.window.current_page() != self.page:
            self.window.show_page(self.page)
        focus = QApplication.focusWidget()
        inside = focus is not None and focus is not self.editor and self.editor.isAncestorOf(focus)
        if focus is not None and inside and focus.isVisible():
            return
        if self.editor.plan is None:
            self.editor.ui.buildButton.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.editor.enter_part()

    def _with_plan_open(self, action: Callable[[], object]) -> None:
        """Run ``action`` on the care plan in front of the user, opening it first when needed."""
        if self.window.current_page() == self.page and self.editor.case is not None:
            action()
        else:
            self.open_for_context(then=action)

    def _build(self) -> None:
        self._with_plan_open(self.editor.build_draft)

    def _print(self) -> None:
        self._with_plan_open(self.editor.output.print_preview)

    def _save_pdf(self) -> None:
        self._with_plan_open(self.editor.output.choose_and_save_pdf)

    def _export_fhir(self) -> None:
        self._with_plan_open(self.editor.output.choose_and_export_fhir)
