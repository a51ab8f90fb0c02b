"""Roles, readiness and timing of the chosen case in a teaching conference.

- Parts: who presents the case, and who speaks for each discipline when trainees role-play colleagues.
  A choice is saved at once.
- Readiness: the ISBAR check of the case for the presenter before presenting, in plain words: what is
  missing (the case is not ready) and what is thin (worth fixing).
- Timing: the presentation's length against its target and each discipline's speaking time, as the
  presentation timers recorded them or as typed here (minutes:seconds); saved when a field is left.
"""

from __future__ import annotations

import html
import re
from dataclasses import replace

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QListWidgetItem, QWidget

from mdtboard.domain.case import Case, Discipline
from mdtboard.domain.conference import AgendaItem, AttendeeRole, Conference
from mdtboard.domain.errors import ConflictError, MdtboardError
from mdtboard.domain.isbar import GapSeverity, IsbarCheck, check_isbar
from mdtboard.domain.preparation import Preparation, preparation
from mdtboard.domain.progress import DEFAULT_PRESENTATION_TARGET_SECONDS, DisciplineTime
from mdtboard.domain.timers import format_mmss
from mdtboard.services.context import Services
from mdtboard.services.training import CaseRoles, PresentationTiming, RoleAssignment
from mdtboard.ui import ops
from mdtboard.ui.forms.ui_training_roles import Ui_TrainingRoles
from mdtboard.ui.training.style import STYLE, repolish

NOBODY = "– nobody –"
_PART = re.compile(r"^\d+(?:\.\d+)?$")


def parse_duration(text: str) -> float | None:
    """Seconds from "m:ss", "h:mm:ss" or whole minutes ("4"); None for an empty text.

    Raises ValueError for anything else."""
    written = text.strip()
    if not written:
        return None
    parts = written.split(":")
    if len(parts) > 3 or not all(_PART.match(part) for part in parts):
        raise ValueError(f"{written!r} is not a time: write minutes:seconds, e.g. 4:30")
    numbers = [float(part) for part in parts]
    if len(numbers) == 1:
        return numbers[0] * 60
    if any(number >= 60 for number in numbers[1:]):
        raise ValueError(f"{written!r}: minutes and seconds after a colon must be below 60")
    seconds = 0.0
    for number in numbers:
        seconds = seconds * 60 + number
    return seconds


class RolesPanel(QWidget):
    """Parts, readiness and timing of one case.

    Signals:
        status_message(str): a line for the status bar.
        roles_changed(): a part was given to someone else (the scoring panel shows other items then).
    """

    status_message = Signal(str)
    roles_changed = Signal()
    shown = Signal()

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self.ui = Ui_TrainingRoles()
        self.ui.setupUi(self)
        self.setStyleSheet(STYLE)
        self._conference: Conference | None = None
        self._item: AgendaItem | None = None
        self._roles: CaseRoles | None = None
        self._timing: PresentationTiming | None = None
        self.part_combos: dict[Discipline | None, QComboBox] = {None: self.ui.presenterCombo}
        self.discussion_edits: dict[Discipline, QLineEdit] = {}
        for row, discipline in enumerate(Discipline, start=1):
            label = QLabel(f"Speaks for {discipline.label.lower()}:", self.ui.partsGroup)
            combo = QComboBox(self.ui.partsGroup)
            combo.setAccessibleName(f"Speaks for {discipline.label.lower()}")
            label.setBuddy(combo)
            self.ui.partsGrid.addWidget(label, row, 0)
            self.ui.partsGrid.addWidget(combo, row, 1)
            self.part_combos[discipline] = combo
        for index, discipline in enumerate(Discipline):
            label = QLabel(f"{discipline.label}:", self.ui.discussionContainer)
            edit = QLineEdit(self.ui.discussionContainer)
            edit.setPlaceholderText("m:ss")
            edit.setAccessibleName(f"{discipline.label} speaking time")
            label.setBuddy(edit)
            self.ui.discussionGrid.addWidget(label, index // 2, (index % 2) * 2)
            self.ui.discussionGrid.addWidget(edit, index // 2, (index % 2) * 2 + 1)
            self.discussion_edits[discipline] = edit
        self.ui.timingError.setProperty("role", "error")
        self._connect_signals()
        self.setEnabled(False)

    def _connect_signals(self) -> None:
        for discipline, combo in self.part_combos.items():
            combo.activated.connect(lambda _i, d=discipline: self._part_chosen(d))
        for edit in (self.ui.presentationEdit, self.ui.targetEdit, *self.discussion_edits.values()):
            edit.editingFinished.connect(self._save_timing)

    # -- the case shown
    def set_case(self, conference: Conference, item: AgendaItem | None) -> None:
        self._conference, self._item = conference, item
        self.setEnabled(item is not None)
        if item is None:
            self.ui.caseHeading.setText("No case on the agenda yet.")
            self._roles, self._timing = None, None
            self.ui.readinessSummary.setText("")
            self.ui.readinessList.clear()
            return
        title = f" – {item.case_title}" if item.case_title else ""
        self.ui.caseHeading.setText(f"<b>{item.case_ref}</b>{title}")
        self.refresh()

    def refresh(self) -> None:
        """Read the case's parts, timing and text on a background operation; shown when they arrive."""
        if self._conference is None or self._item is None or self._item.id is None:
            return
        services, item = self._services, self._item
        item_id = self._item.id

        def work() -> tuple[CaseRoles, PresentationTiming | None, Case]:
            return (services.training.case_roles(item_id), services.training.timing(item_id),
                    services.cases.get(item.case_id))

        ops.read(work, parent=self, label="reading a case's parts and timing",
                 success=lambda found: self._arrived(item, *found),
                 failure=lambda error: self.status_message.emit(str(error)))

    def _arrived(self, item: AgendaItem, roles: CaseRoles, timing: PresentationTiming | None,
                 case: Case) -> None:
        if self._conference is None or self._item != item:
            return  # another case was chosen meanwhile
        self._roles, self._timing = roles, timing
        trainees = [a.name for a in self._conference.attendees if a.role is AttendeeRole.TRAINEE]
        for discipline, combo in self.part_combos.items():
            holder = self._holder(discipline)
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(NOBODY, None)
            for name in trainees:
                combo.addItem(name, name)
            if holder is not None and combo.findData(holder.trainee) < 0:
                combo.addItem(holder.trainee, holder.trainee)
            combo.setCurrentIndex(combo.findData(holder.trainee) if holder is not None else 0)
            combo.blockSignals(False)
        self._show_readiness(check_isbar(case))
        self._show_preparation(preparation(case))
        self._show_timing()
        self.shown.emit()

    def _holder(self, discipline: Discipline | None) -> RoleAssignment | None:
        if self._roles is None:
            return None
        return self._roles.presenter if discipline is None else self._roles.speaker(discipline)

    # -- parts
    def _part_chosen(self, discipline: Discipline | None) -> None:
        if self._item is None or self._item.id is None:
            return
        combo = self.part_combos[discipline]
        chosen = combo.currentData()
        holder = self._holder(discipline)
        training, item_id = self._services.training, self._item.id

        def work() -> None:
            if chosen is None:
                if holder is not None:
                    training.clear_role(item_id, discipline, seen_version=holder.version)
            else:
                training.assign_role(item_id, chosen, discipline,
                                     seen_version=holder.version if holder is not None else None)

        def done(error: MdtboardError | None) -> None:
            if isinstance(error, ConflictError):
                self.status_message.emit(
                    "The parts of this case were changed elsewhere; shown as they are now")
            elif error is not None:
                self.status_message.emit(str(error))
            else:
                part = "presents the case" if discipline is None else f"speaks for {discipline.label.lower()}"
                self.status_message.emit(f"Saved: {chosen or 'nobody'} {part}")
            self.refresh()
            self.roles_changed.emit()

        ops.write(work, parent=self, label="giving a part", success=lambda _none: done(None), failure=done)

    # -- readiness
    def _show_readiness(self, check: IsbarCheck) -> None:
        lst = self.ui.readinessList
        lst.clear()
        if not check.gaps:
            self.ui.readinessSummary.setText("Ready to present: nothing is missing or thin.")
            return
        advice = (
            "Fill in what is missing before presenting."
            if not check.ready
            else "Nothing is missing; the thin parts are worth strengthening."
        )
        self.ui.readinessSummary.setText(f"<b>{check.text}.</b> {advice}")
        for gap in check.gaps:
            word = "Missing" if gap.severity is GapSeverity.MISSING else "Thin"
            item = QListWidgetItem(f"{word} – {gap.part.label}: {gap.message}")
            item.setToolTip(f"Case field: {gap.field}")
            lst.addItem(item)

    # -- what trainees see while preparing
    def _show_preparation(self, shown: Preparation) -> None:
        whole = "The whole case is shown; restricted text is withheld."
        self.ui.withheldLabel.setText(shown.withheld or whole)
        self.ui.preparationText.setHtml("".join(
            f"<p><b>{html.escape(heading)}</b><br/>{html.escape(text).replace(chr(10), '<br/>')}</p>"
            for heading, text in shown.sections))

    # -- timing
    def _show_timing(self) -> None:
        timing = self._timing
        presented = timing.presentation_seconds if timing else None
        self.ui.presentationEdit.setText(format_mmss(presented) if presented is not None else "")
        target = timing.target_seconds if timing else DEFAULT_PRESENTATION_TARGET_SECONDS
        self.ui.targetEdit.setText(format_mmss(target))
        seconds = {t.discipline: t.seconds for t in timing.discussion} if timing else {}
        for discipline, edit in self.discussion_edits.items():
            edit.setText(format_mmss(seconds[discipline]) if discipline in seconds else "")
        self._mark_timing([], "")

    def _mark_timing(self, bad: list[QLineEdit], message: str) -> None:
        for edit in (self.ui.presentationEdit, self.ui.targetEdit, *self.discussion_edits.values()):
            edit.setProperty("invalid", edit in bad)
            repolish(edit)
        self.ui.timingError.setText(f"⚠ {message} Not saved." if message else "")

    def _save_timing(self) -> None:
        if self._item is None or self._item.id is None:
            return
        bad: list[QLineEdit] = []
        messages: list[str] = []

        def read(edit: QLineEdit) -> float | None:
            try:
                return parse_duration(edit.text())
            except ValueError as exc:
                bad.append(edit)
                messages.append(str(exc) + ".")
                return None

        presentation = read(self.ui.presentationEdit)
        target = read(self.ui.targetEdit)
        discussion = {d: s for d, edit in self.discussion_edits.items() if (s := read(edit)) is not None}
        if target is None and not bad:
            target = DEFAULT_PRESENTATION_TARGET_SECONDS
        if bad or target is None:
            self._mark_timing(bad, " ".join(messages))
            return
        timing = self._timing
        stored: tuple[float | None, float, dict[Discipline, float]]
        stored = (None, DEFAULT_PRESENTATION_TARGET_SECONDS, {})
        if timing is not None:
            spoken = {t.discipline: t.seconds for t in timing.discussion}
            stored = (timing.presentation_seconds, timing.target_seconds, spoken)
        if stored == (presentation, target, discussion):
            self._mark_timing([], "")
            return
        training, item = self._services.training, self._item
        item_id = self._item.id

        def saved(stored: PresentationTiming) -> None:
            if self._item == item:
                self._timing = stored
                self._mark_timing([], "")
            self.status_message.emit("Timing saved")

        def refused(error: MdtboardError) -> None:
            if isinstance(error, ConflictError):
                self.status_message.emit("The timing was changed elsewhere meanwhile; shown as it is now")
                self.refresh()
            elif self._item == item:
                self._mark_timing([], str(error))

        if timing is not None:  # as being saved: leaving the next field does not save it again meanwhile
            self._timing = replace(timing, presentation_seconds=presentation, target_seconds=target,
                                   discussion=tuple(DisciplineTime(d, t) for d, t in discussion.items()))
        ops.write(lambda: training.record_timing(
            item_id, presentation_seconds=presentation, target_seconds=target, discussion=discussion,
            seen_version=timing.version if timing is not None else None,
        ), parent=self, label="saving a timing", success=saved, failure=refused)
