"""What the care-plan editor shows of the plan open and its state: the header and version, the buttons
that can act now, the lock banner, the restriction row, the summaries beside the parts, the versions and
the follow-through of the case (read in the background), and the cursor put in a part chosen.

:class:`PlanShowing` is a part of :class:`~mdtboard.ui.careplan.editor.CarePlanEditor` (a mixin); what it
takes from the editor is declared below, under ``TYPE_CHECKING``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from mdtboard.domain.careplan import CarePlan
from mdtboard.domain.case import Case
from mdtboard.domain.errors import MdtboardError
from mdtboard.services.context import Services
from mdtboard.ui import ops
from mdtboard.ui.careplan import display
from mdtboard.ui.careplan.display import WARNING_SIGN
from mdtboard.ui.careplan.fields import REVIEW_DATE, PlanFields
from mdtboard.ui.careplan.follow_through import FollowThroughPanel
from mdtboard.ui.careplan.history import VersionHistory
from mdtboard.ui.careplan.sections import GOALS, INTERVENTIONS, MEDICATION
from mdtboard.ui.careplan.tables import PlanTables
from mdtboard.ui.careplan.values import parse_date
from mdtboard.ui.conference.icons import Mark, icon_size_for, pixmap
from mdtboard.ui.editing.part import EditorPart
from mdtboard.ui.forms.ui_careplan_editor import Ui_CarePlanEditor


class PlanShowing(EditorPart):
    """The care-plan editor's view of its plan (see the module docstring)."""

    if TYPE_CHECKING:  # provided by the editor
        ui: Ui_CarePlanEditor
        tables: PlanTables
        fields: PlanFields
        history: VersionHistory
        follow_through: FollowThroughPanel
        status_message: Any
        _services: Services
        _case: Case | None
        _plan: CarePlan | None
        _agenda_item_id: int | None
        _latest_version: int | None
        _asked: dict[str, int]

        @property
        def editable(self) -> bool: ...
        @property
        def viewing_earlier(self) -> bool: ...
        def _show_signoff(self) -> None: ...

    def _show_state(self, *, signoff: bool = True) -> None:
        """Show what follows from the plan and its state (``signoff``: the sign-off rows too)."""
        case, plan = self._case, self._plan
        self.ui.emptyLabel.setVisible(plan is None)
        self.ui.bodySplitter.setVisible(plan is not None)
        self.ui.headerLabel.setText(display.header_text(case))
        if plan is None:
            self.ui.emptyLabel.setText(display.no_plan_text(case))
        self.ui.versionLabel.setText(display.version_text(plan, case is not None))
        editable = self.editable
        # Only what can be done now is offered: a draft when there is none, a new version of a signed plan.
        self.ui.buildButton.setVisible(case is not None and self._draft_possible())
        self.ui.newVersionButton.setVisible(plan is not None and plan.signed and not self.viewing_earlier)
        for button in (self.ui.printButton, self.ui.pdfButton, self.ui.fhirButton):
            button.setEnabled(case is not None)
        self.tables.set_read_only(not editable)
        self.fields.set_read_only(not editable)
        self._show_restrictions()
        self._show_lock()
        if signoff:
            self._show_signoff()
        self._show_summaries()

    def _show_restrictions(self) -> None:
        """The acknowledgement row, only for a case with sharing restrictions (or restricted passages),
        beside the shared notice (never the restrictions' own words: the room may see this screen)."""
        notice = display.restriction_text(self._case)
        for widget in (self.ui.restrictionLabel, self.ui.restrictionNotice, self.ui.acknowledgedCheck):
            widget.setVisible(notice is not None)
        self.ui.restrictionNotice.setText(notice or "")

    def _draft_possible(self) -> bool:
        """A draft is built only for a case without a plan: a draft is edited, a signed plan continued
        in a new version."""
        return self._latest_version is None

    def _lock_reason(self) -> str:
        return display.lock_reason(self._plan, earlier=self.viewing_earlier, latest=self._latest_version)

    def _show_lock(self) -> None:
        plan = self._plan
        locked = plan is not None and not self.editable
        self.ui.lockFrame.setVisible(locked)
        self.ui.currentButton.setVisible(self.viewing_earlier)
        if plan is not None and locked:
            size = icon_size_for(self.ui.lockLabel.font()) * 3 // 2
            self.ui.lockIcon.setPixmap(pixmap(Mark.RESTRICTED, size))
            self.ui.lockLabel.setText(
                display.lock_html(plan, earlier=self.viewing_earlier, latest=self._latest_version)
            )

    def _part_shown(self, index: int) -> None:
        """A part chosen from outside it (Alt+G, say, with the cursor on a button above) takes the cursor
        to its first field, so that the next key acts there and Tab goes on inside it (not to the paper
        buttons above). A part chosen on the tab bar itself, or shown for a field, keeps the cursor."""
        tabs = self.ui.sectionTabs
        focus = QApplication.focusWidget()
        if focus is not None and tabs.isAncestorOf(focus) and focus.isVisible():
            return
        if focus is not None and not self.isAncestorOf(focus):
            return  # another page or window has the cursor
        self.enter_part(index)

    def enter_part(self, index: int | None = None) -> None:
        """Put the cursor in the first field of a part of the plan (default: the part shown)."""
        tabs = self.ui.sectionTabs
        page = tabs.widget(tabs.currentIndex() if index is None else index)
        if page is None:
            return
        # The Tab order (ui/careplan_editor.ui) goes from the parts' tab bar through every part's fields.
        widget = tabs.nextInFocusChain()
        while widget is not tabs:
            if page.isAncestorOf(widget) and widget.isVisible() and widget.isEnabled() \
                    and widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
                widget.setFocus(Qt.FocusReason.TabFocusReason)
                return
            widget = widget.nextInFocusChain()

    def _ask(self, what: str) -> int:
        """A display read of ``what`` is asked for: its token (only the last one asked is shown)."""
        self._asked[what] += 1
        return self._asked[what]

    def _show_follow_through(self) -> None:
        """The actions of the case's agreed plan to review, and who may record their progress: the
        people present at the conference where the case is discussed (read in the background)."""
        self.follow_through.show_case(None if self._case is None else self._case.id, self._agenda_item_id)
        self._follow_through_shown()

    def _follow_through_shown(self) -> None:
        tabs = self.ui.sectionTabs
        tabs.setTabText(tabs.indexOf(self.follow_through), "Follow-thro&ugh" + (
            f" (version {self.follow_through.plan.plan_version})" if self.follow_through.plan else ""
        ))

    def _show_history(self) -> None:
        """Every version of the case's plan, read on the reader thread (those of another case are
        cleared at once; "loading" is said beside the title meanwhile)."""
        token = self._ask("history")
        case_id = None if self._case is None else self._case.id
        known = self.history.model.plans()
        if case_id is None or (known and known[0].case_id != case_id):
            self.history.set_plans([], None)
        if case_id is None:
            return
        careplans = self._services.careplans
        self.history.show_loading()
        ops.read(lambda: careplans.history(case_id), parent=self, label="the care plan's versions",
                 success=lambda plans: self._history_read(token, plans),
                 failure=lambda exc: self._history_not_read(token, exc))

    def _history_read(self, token: int, plans: list[CarePlan]) -> None:
        if token == self._asked["history"]:
            self.history.set_plans(plans, None if self._plan is None else self._plan.id)

    def _history_not_read(self, token: int, error: MdtboardError) -> None:
        if token == self._asked["history"]:
            self.history.set_plans(self.history.model.plans(), None if self._plan is None else self._plan.id)
            self.status_message.emit(str(error))

    def _show_review_date(self) -> None:
        """Beside the review date: the date as understood, or why it is not one."""
        text = self.fields.text(REVIEW_DATE).strip()
        try:
            when = parse_date(text)
        except ValueError as exc:
            self.ui.reviewDateShown.setText(f"{WARNING_SIGN} {exc}; not saved until corrected")
            return
        self.ui.reviewDateShown.setText("" if when is None else f"{when:%A %d %B %Y}")

    def _show_summaries(self) -> None:
        self._show_review_date()
        self.ui.goalsSummary.setText(display.goals_summary(self.tables.stored(GOALS)))
        self.ui.interventionsSummary.setText(display.interventions_summary(self.tables.stored(INTERVENTIONS)))
        current = self._case.medications if self._case is not None else None
        self.ui.mmeLabel.setText(display.mme_html(current, self.tables.stored(MEDICATION)))
