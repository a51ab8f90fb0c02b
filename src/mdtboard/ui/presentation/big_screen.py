"""The big screen: the case under discussion at room size, on the projector or wall screen.

From the top: the case and its countdown (digits, the state in words and its shape), the safety notice
and the sharing restrictions as banners (text, symbol and colour), the section in ISBAR order with its
page, and at the bottom where the presentation stands, who holds the floor and the meeting clock.

Keys here (besides the shared actions of presentation mode, which work from the operator's window too):
Right, Down, Page Down, Space and Enter go to the next page, then the next section; Left, Up, Page Up
and Backspace go back; Home goes to the first section; P starts or pauses the timer; + and - zoom;
Esc leaves presentation mode.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QGuiApplication, QKeyEvent, QScreen, QShowEvent
from PySide6.QtWidgets import QLabel, QWidget

from mdtboard.domain.timers import PhaseKind, format_hms
from mdtboard.ui.forms.ui_presentation_screen import Ui_BigScreen
from mdtboard.ui.presentation.paged_text import PagedText, room_font
from mdtboard.ui.presentation.session import PresentationSession, local_time
from mdtboard.ui.presentation.shapes import ShapeIcon, banner_pixmap
from mdtboard.ui.presentation.sizing import DEFAULT_ZOOM, room_sizes
from mdtboard.ui.presentation.themes import LIGHT, Theme

NEXT_KEYS = {Qt.Key.Key_Right, Qt.Key.Key_Down, Qt.Key.Key_PageDown, Qt.Key.Key_Space, Qt.Key.Key_Return,
             Qt.Key.Key_Enter}
PREVIOUS_KEYS = {Qt.Key.Key_Left, Qt.Key.Key_Up, Qt.Key.Key_PageUp, Qt.Key.Key_Backspace}


def meeting_text(session: PresentationSession) -> str:
    """"Meeting 0:42:10 · ends ≈ 15:12 (8 min late)", or what is known of it."""
    parts = []
    seconds = session.meeting_seconds()
    if seconds is not None:
        parts.append(f"Meeting {format_hms(seconds)}")
    times = session.meeting_times()
    forecast = session.forecast()
    if times is not None and times.ended_at is not None:
        parts.append(f"ended {local_time(times.ended_at)}")
    elif forecast is not None:
        finish = f"ends ≈ {local_time(forecast.projected_finish)}"
        late = forecast.late_seconds
        if late is not None and abs(late) >= 60:
            finish += f" ({round(abs(late) / 60)} min {'late' if late > 0 else 'early'})"
        parts.append(finish)
    return " · ".join(parts)


def phase_text(session: PresentationSession) -> str:
    """The presentation against its target while it is presented, else the phase being timed."""
    timer = session.current_timer()
    if timer is None or timer.phase is None:
        return ""
    if timer.phase.kind is PhaseKind.PRESENTATION:
        return timer.presentation().label
    if timer.phase.kind is PhaseKind.DISCIPLINE:
        return f"Turn: {timer.phase.label}"
    return f"Phase: {timer.phase.label}"


class BigScreen(QWidget):
    """The big-screen window (top-level) of a :class:`PresentationSession`.

    Signals:
        leave_requested(): Esc was pressed, or the window was closed.
        zoom_requested(int): + (1) or - (-1) was pressed.
    """

    leave_requested = Signal()
    zoom_requested = Signal(int)

    def __init__(
        self, session: PresentationSession, theme: Theme = LIGHT, zoom: float = DEFAULT_ZOOM
    ) -> None:
        super().__init__(None, Qt.WindowType.Window)
        self.ui = Ui_BigScreen()
        self.ui.setupUi(self)
        self.session = session
        self.theme = theme
        self.zoom = zoom
        self.sizes = room_sizes(1080, zoom)
        self.text = PagedText(self.ui.body)
        self.ui.textLayout.addWidget(self.text)
        self.state_icon = ShapeIcon(self.ui.topBar)
        self.ui.timerLayout.insertWidget(0, self.state_icon)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        # The case in bold on the first line, its title in plain body text below.
        self.ui.caseLabel.setTextFormat(Qt.TextFormat.RichText)
        self._connect_signals()
        self.apply_style()

    def _connect_signals(self) -> None:
        self.session.case_changed.connect(self.show_case)
        self.session.section_changed.connect(lambda _n: self.show_section())
        self.session.team_changed.connect(self._team_changed)
        self.session.ticked.connect(self._ticked)
        self.text.paging_changed.connect(self._paging_changed)

    # -- placing and styling
    def screen_height(self) -> int:
        screen = self.screen() or QGuiApplication.primaryScreen()
        return screen.geometry().height() if screen is not None else 1080

    def show_on(self, screen: QScreen) -> None:
        """Full screen on ``screen``."""
        if self.isVisible() and self.screen() is not screen:
            self.hide()
        self.setScreen(screen)
        self.setGeometry(screen.geometry())
        self.apply_style()
        self.showFullScreen()

    def set_theme(self, theme: Theme) -> None:
        self.theme = theme
        self.apply_style()

    def set_zoom(self, zoom: float) -> None:
        self.zoom = zoom
        self.apply_style()

    def apply_style(self) -> None:
        self.sizes = sizes = room_sizes(self.screen_height(), self.zoom)
        t = self.theme
        pad = sizes.margin
        self.setStyleSheet(
            f"QWidget#BigScreen {{ background: {t.background}; }}"
            f"QWidget#body {{ background: {t.background}; }}"
            f"QLabel {{ color: {t.text}; background: transparent; }}"
            f"QFrame#topBar, QFrame#bottomBar {{ background: {t.panel}; }}"
            f"QFrame#topBar {{ border-bottom: 3px solid {t.rule}; }}"
            f"QFrame#bottomBar {{ border-top: 3px solid {t.rule}; }}"
            f"QFrame#safetyFrame {{ background: {t.safety_background}; border: 5px solid {t.safety_border};"
            f" border-radius: 8px; }}"
            f"QLabel#safetyLabel {{ color: {t.safety_text}; }}"
            f"QFrame#sharingFrame {{ background: {t.sharing_background};"
            f" border: 5px solid {t.sharing_border}; border-radius: 8px; }}"
            f"QLabel#sharingLabel {{ color: {t.sharing_text}; }}"
            f"QLabel#letterLabel {{ color: {t.background}; background: {t.accent}; border-radius: 6px;"
            f" padding: 0px {sizes.body // 3}px; }}"
            f"QLabel#sectionLabel {{ color: {t.accent}; }}"
            f"QLabel#pageLabel, QLabel#sectionsLabel {{ color: {t.muted}; }}"
        )
        for layout in (self.ui.topLayout, self.ui.bottomLayout, self.ui.safetyLayout, self.ui.sharingLayout):
            layout.setContentsMargins(pad, pad // 2, pad, pad // 2)
            layout.setSpacing(pad)
        self.ui.bodyLayout.setContentsMargins(pad * 2, pad, pad * 2, pad // 2)
        self.ui.bodyLayout.setSpacing(pad // 2)
        self.ui.screenLayout.setSpacing(pad // 2)
        self.ui.timerLayout.setSpacing(pad // 2)
        fonts: list[tuple[QLabel, int, bool]] = [
            (self.ui.caseLabel, sizes.heading, True),
            (self.ui.clockLabel, sizes.timer, True),
            (self.ui.stateLabel, sizes.heading, False),
            (self.ui.safetyLabel, sizes.heading, True),
            (self.ui.sharingLabel, sizes.heading, True),
            (self.ui.letterLabel, sizes.title, True),
            (self.ui.sectionLabel, sizes.title, True),
            (self.ui.pageLabel, sizes.small, False),
            (self.ui.sectionsLabel, sizes.small, False),
            (self.ui.phaseLabel, sizes.small, True),
            (self.ui.speakerLabel, sizes.small, False),
            (self.ui.meetingLabel, sizes.small, False),
        ]
        for label, pixels, bold in fonts:
            label.setFont(room_font(pixels, bold=bold))
        self.state_icon.set_icon_size(round(sizes.timer * 0.9))
        self.ui.safetyIcon.setPixmap(banner_pixmap("danger", sizes.icon, t.safety_text))
        self.ui.sharingIcon.setPixmap(banner_pixmap("restricted", sizes.icon, t.sharing_text))
        self.text.set_style(t, sizes)
        self.show_case()

    # -- what it shows
    def show_case(self) -> None:
        s = self.session
        place, count = s.agenda_position()
        if s.item is None or s.case is None:
            self.ui.caseLabel.setText("No case under discussion" if count else "The agenda is empty")
            self.ui.caseLabel.setAccessibleDescription("")
        else:
            title = s.case.title or s.item.case_title
            head = f"Case {place} of {count} · {s.item.case_ref} · {s.case.patient.display_name}"
            body = f"<br><span style='font-size: {self.sizes.body}px; font-weight: normal'>" if title else ""
            self.ui.caseLabel.setText(
                html.escape(head) + (f"{body}{html.escape(title)}</span>" if title else "")
            )
            self.ui.caseLabel.setAccessibleDescription(head + (f". {title}" if title else ""))
        banners = s.banners
        self.ui.safetyFrame.setVisible(banners.safety is not None)
        self.ui.safetyLabel.setText(banners.safety or "")
        self.ui.sharingFrame.setVisible(banners.sharing is not None)
        self.ui.sharingLabel.setText(f"SHARING RESTRICTED: {banners.sharing}" if banners.sharing else "")
        self.show_section()
        self.show_timer()

    def show_section(self, *, last_page: bool = False) -> None:
        section = self.session.current_section()
        if section is None:
            self.ui.letterLabel.setText("")
            self.ui.sectionLabel.setText("")
            self.text.set_blocks([])
            self.ui.sectionsLabel.setText("")
            return
        self.ui.letterLabel.setText(section.letter)
        self.ui.letterLabel.setAccessibleName(f"ISBAR part {section.letter}")
        self.ui.sectionLabel.setText(section.title)
        self.text.set_blocks(section.blocks)
        if last_page:
            self.text.set_page(self.text.page_count() - 1)
        total = len(self.session.sections)
        strip = " ".join("●" if n == self.session.section else "○" for n in range(total))
        self.ui.sectionsLabel.setText(f"{strip}  section {self.session.section + 1} of {total}")
        self._paging_changed(self.text.page, self.text.page_count())

    def _team_changed(self, discipline: object) -> None:
        section = self.session.current_section()
        if section is None or section.key != "team" or not self.isVisible():
            return  # (shown afresh when the big screen is shown again)
        page = self.text.page
        self.text.set_blocks(section.blocks, page=page)
        value = getattr(discipline, "value", None)
        target = self.text.page_of(value) if isinstance(value, str) else None
        if target is not None:
            self.text.set_page(target)

    def _ticked(self) -> None:
        if self.isVisible():
            self.show_timer()

    def _paging_changed(self, page: int, count: int) -> None:
        self.ui.pageLabel.setText(f"page {page + 1} of {count}" if count > 1 else "")

    def show_timer(self) -> None:
        s = self.session
        timer = s.current_timer()
        if timer is None:
            self.ui.clockLabel.setText("")
            self.ui.stateLabel.setText("")
            self.state_icon.hide()
        else:
            reading = timer.reading()
            colour = self.theme.state_colour(reading.state)
            self.state_icon.show()
            self.state_icon.show_shape(reading.shape, colour, reading.state.label)
            self.ui.clockLabel.setText(reading.clock_text)
            self.ui.clockLabel.setStyleSheet(f"color: {colour};")
            self.ui.stateLabel.setText(reading.label)
            self.ui.stateLabel.setStyleSheet(f"color: {colour};")
        phase = phase_text(s)
        self.ui.phaseLabel.setText(phase)
        phase_now = timer.phase if timer is not None else None
        presenting = phase_now is not None and phase_now.kind is PhaseKind.PRESENTATION
        warn = presenting and timer is not None and timer.presentation().over_target
        self.ui.phaseLabel.setStyleSheet(f"color: {self.theme.warn if warn else self.theme.text};")
        speaker = timer.speaker if timer is not None else None
        said = phase_now is not None and phase_now.discipline is speaker  # "Turn: Psychology" says it
        self.ui.speakerLabel.setText(f"Floor: {speaker.label}" if speaker is not None and not said else "")
        self.ui.meetingLabel.setText(meeting_text(s))

    # -- moving
    def step_page(self, offset: int) -> bool:
        """The next or previous page of the section; False at its first or last page."""
        return self.text.set_page(self.text.page + offset)

    def flow(self, offset: int) -> None:
        """Next page, else the next section (previous: the last page of the previous section)."""
        if self.step_page(offset):
            return
        if self.session.step_section(offset) and offset < 0:
            self.show_section(last_page=True)

    # -- Qt
    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt's name)
        key = Qt.Key(event.key())
        plain = event.modifiers() in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier)
        if plain and key in NEXT_KEYS:
            self.flow(1)
        elif plain and key in PREVIOUS_KEYS:
            self.flow(-1)
        elif plain and key == Qt.Key.Key_Home:
            self.session.show_section(0)
        elif plain and key == Qt.Key.Key_P:
            self.session.toggle_timer()
        elif key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom_requested.emit(1)
        elif key == Qt.Key.Key_Minus:
            self.zoom_requested.emit(-1)
        elif key == Qt.Key.Key_Escape:
            self.leave_requested.emit()
        else:
            super().keyPressEvent(event)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        if self.sizes != room_sizes(self.screen_height(), self.zoom):
            self.apply_style()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt's name)
        self.leave_requested.emit()
        super().closeEvent(event)
