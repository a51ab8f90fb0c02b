"""The training window's other views: the programme model (qtmodeltester), progress charts over three
conferences, the debrief saved as a PDF, parts and readiness, a new teaching conference, and the review
of a teaching case made from a real one."""

from __future__ import annotations

import io
import sys
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from conftest import settle, table_snapshot
from gui_helpers import close_window, open_and_wait, opened
from pypdf import PdfReader
from PySide6.QtCharts import QBarCategoryAxis, QLineSeries
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from mdtboard.domain.case import Discipline
from mdtboard.domain.conference import AgendaStatus, ConferenceMode
from mdtboard.domain.rubric import AssessorRole, Score
from mdtboard.services.context import Services, open_services
from mdtboard.ui.training.new_conference import NewConferenceDialog
from mdtboard.ui.training.programme import ProgrammeModel
from mdtboard.ui.training.roles import parse_duration
from mdtboard.ui.training.teaching_case import TeachingCaseDialog
from mdtboard.ui.training.window import (
    DEBRIEF_TAB,
    PROGRAMME_TAB,
    PROGRESS_TAB,
    ROLES_TAB,
    TrainingWindow,
)

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "unit" / "training"))
from training_setup import FACILITATOR, KWAME, ZOE, load_bank, real_case, teaching_conference  # noqa: E402

pytestmark = pytest.mark.gui
FAC, SELF = AssessorRole.FACILITATOR, AssessorRole.SELF
NGOZI = "Ngozi Okonkwo-Adébáyọ̀"


@pytest.fixture
def services(sqlite_database_url: str) -> Iterator[Services]:
    opened = open_services(sqlite_database_url)
    yield opened
    opened.close()


def _three_conferences(services: Services) -> list[int]:
    bank = load_bank(services)
    training = services.training
    ids = []
    for title, when, ref, presenter, trainees in [
        ("Teaching 1", datetime(2026, 1, 12, 13), "TEACH-01", ZOE, (ZOE, KWAME)),
        ("Teaching 2", datetime(2026, 2, 9, 13), "TEACH-03", KWAME, (ZOE, KWAME, NGOZI)),
        ("Teaching 3", datetime(2026, 3, 9, 13), "TEACH-02", ZOE, (ZOE, KWAME)),
    ]:
        conf = teaching_conference(services, title, when, [bank[ref]], trainees=trainees)
        assert conf.id is not None
        item = conf.agenda[0]
        training.assign_role(item.id or 0, presenter)
        training.record_timing(
            item.id or 0,
            presentation_seconds=200 + 60 * len(ids),
            target_seconds=180,
            discussion={Discipline.PHYSICIAN: 120, Discipline.PSYCHOLOGY: 40},
        )
        team = training.save_assessment(
            conf.id, ZOE, FAC, [Score("trainee.invites_input", 2 + len(ids), "Seen.")], assessor=FACILITATOR
        )
        training.submit_assessment(team.id, seen_version=team.version)  # shown on the trainee's debrief
        if presenter == ZOE:
            per_case = training.save_assessment(
                conf.id,
                ZOE,
                FAC,
                [Score("case.isbar.situation", 3 + len(ids) // 2)],
                case_id=item.case_id,
                assessor=FACILITATOR,
            )
            training.submit_assessment(per_case.id, seen_version=per_case.version)
        ids.append(conf.id)
    return ids


@pytest.fixture
def window(qtbot: QtBot, services: Services) -> TrainingWindow:
    window = TrainingWindow(services, save_delay_ms=50)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_the_programme_model_passes_qtmodeltester(qtmodeltester: ModelTester, services: Services) -> None:
    _three_conferences(services)
    model = ProgrammeModel()
    qtmodeltester.check(model)
    model.set_overview(services.training.programme_overview())
    qtmodeltester.check(model)
    rows = [[model.index(r, c).data() for c in range(5)] for r in range(model.rowCount())]
    assert rows == [
        [KWAME, "3", "1", "12 Jan 2026", "09 Mar 2026"],
        [NGOZI, "1", "0", "09 Feb 2026", "09 Feb 2026"],
        [ZOE, "3", "2", "12 Jan 2026", "09 Mar 2026"],
    ]
    assert model.headerData(1, Qt.Orientation.Horizontal) == "Conferences attended"


def test_the_programme_view_sorts_and_opens_a_trainees_progress(
    qtbot: QtBot, window: TrainingWindow, services: Services
) -> None:
    _three_conferences(services)
    window.refresh()
    settle()
    window.show_tab(PROGRAMME_TAB)
    settle()
    view = window.programme
    assert view.ui.summaryLabel.text() == "3 trainees over 3 teaching conferences."
    table = view.ui.programmeTable
    table.sortByColumn(2, Qt.SortOrder.DescendingOrder)  # presentations given, as numbers
    assert table.model().index(0, 0).data() == ZOE
    table.setFocus()
    table.setCurrentIndex(table.model().index(0, 0))
    qtbot.keyClick(table, Qt.Key.Key_Return)
    settle()
    assert window.ui.tabs.currentIndex() == PROGRESS_TAB
    assert window.progress.progress is not None and window.progress.progress.trainee == ZOE


def test_the_progress_charts_build_for_three_conferences(
    qtbot: QtBot, window: TrainingWindow, services: Services
) -> None:
    _three_conferences(services)
    window.refresh()
    settle()
    window.show_progress(ZOE)
    settle()
    progress = window.progress
    assert [view.chart().title() for view in progress.charts] == [
        "Case presentation (ISBAR)",
        "Discipline contribution: not scored yet",
        "Team behaviours",
        "Running the meeting: not scored yet",
        "Presentation time (minutes)",
    ]
    presentation, _discipline, teamwork, _meeting, timing = (view.chart() for view in progress.charts)
    axis = next(a for a in teamwork.axes() if isinstance(a, QBarCategoryAxis))
    assert axis.categories() == ["12 Jan 2026", "09 Feb 2026", "09 Mar 2026"]
    (team_series,) = teamwork.series()
    assert isinstance(team_series, QLineSeries)
    assert [(p.x(), p.y()) for p in team_series.points()] == [(0, 2), (1, 3), (2, 4)]
    (isbar_series,) = presentation.series()
    assert [(p.x(), p.y()) for p in isbar_series.points()] == [(0, 3), (2, 4)]  # not scored in February
    actual, target = timing.series()
    assert [p.y() for p in actual.points()] == [round(200 / 60, 1), round(320 / 60, 1)]
    assert [p.y() for p in target.points()] == [3.0, 3.0]
    time_axis = next(a for a in timing.axes() if isinstance(a, QBarCategoryAxis))
    assert [c.split(": ", 1)[1] for c in time_axis.categories()] == ["03:20 of 03:00", "05:20 of 03:00"]
    assert not actual.pointLabelsVisible()  # no decimal minutes: times in mm:ss only
    assert "3 teaching conference(s) attended, 2 presentation(s) given" in progress.ui.summaryLabel.text()
    for view in progress.charts:
        assert view.isVisibleTo(window)


def test_the_debrief_is_previewed_and_saved_as_a_pdf(
    qtbot: QtBot, window: TrainingWindow, services: Services, tmp_path: Path
) -> None:
    ids = _three_conferences(services)
    assert opened(window, ids[2])
    window.show_tab(DEBRIEF_TAB)
    settle()
    debrief = window.debrief
    debrief.set_trainee(ZOE)
    settle()
    preview = debrief.ui.preview.toPlainText()
    assert f"Debrief: {ZOE}" in preview and "Invites every discipline" in preview
    assert "What to work on next" in preview
    dialog = debrief.choose_file()
    assert isinstance(dialog, QFileDialog) and dialog.isVisible()
    assert dialog.selectedFiles()[0].endswith(".pdf")
    target = tmp_path / "zoe-debrief.pdf"
    dialog.fileSelected.emit(str(target))  # the person chose this file
    dialog.close()
    settle()  # written on the writer thread
    reader = PdfReader(io.BytesIO(target.read_bytes()))
    text = " ".join(" ".join(page.extract_text() for page in reader.pages).split())
    assert f"Debrief: {ZOE}" in text and "Teaching 3" in text
    assert "3 conference(s) attended, 2 presentation(s) given" in text
    assert window.statusBar().currentMessage() == f"Debrief saved to {target}"


def test_parts_readiness_and_timing_of_a_case(
    qtbot: QtBot, window: TrainingWindow, services: Services
) -> None:
    bank = load_bank(services)
    when = datetime(2026, 4, 13, 13)
    conf = teaching_conference(services, "Teaching", when, [bank["TEACH-01"], bank["TEACH-05"]])
    services.conferences.update_agenda_item(conf.agenda[0], status=AgendaStatus.DISCUSSED)
    services.conferences.update_agenda_item(conf.agenda[1], status=AgendaStatus.IN_DISCUSSION)
    conf = services.conferences.get(conf.id or 0)
    assert conf.id is not None and opened(window, conf.id)
    # the window opens on the case under discussion
    item = window.current_item()
    assert item is not None and item.case_ref == "TEACH-05"
    assert "in discussion now" in window.ui.agendaList.item(1).text()
    conf.agenda = conf.agenda[1:]
    window.show_tab(ROLES_TAB)
    settle()
    roles = window.roles
    combo = roles.part_combos[None]
    combo.setCurrentIndex(combo.findText(KWAME))
    combo.activated.emit(combo.currentIndex())  # as when the person picks him
    settle()
    stored = services.training.case_roles(conf.agenda[0].id or 0)
    assert stored.presenter is not None and stored.presenter.trainee == KWAME
    assert f"presented by {KWAME}" in window.ui.agendaList.item(1).text()
    window.scoring.set_rater(FACILITATOR)
    settle()
    window.scoring.set_trainee(KWAME)
    settle()
    assert window.scoring.row("case.isbar.identify")  # the scoring panel now has the presentation items
    summary = roles.ui.readinessSummary.text()
    assert summary.startswith("<b>Ready") or summary.startswith("Ready") or "Not ready" in summary
    # timing typed as minutes:seconds, saved when the field is left
    before = table_snapshot(services.db)
    roles.ui.presentationEdit.setText("4:7x")
    roles.ui.presentationEdit.editingFinished.emit()
    assert roles.ui.presentationEdit.property("invalid") is True
    assert "is not a time" in roles.ui.timingError.text()
    assert table_snapshot(services.db) == before
    roles.ui.presentationEdit.setText("4:15")
    roles.discussion_edits[Discipline.PSYCHOLOGY].setText("1:20")
    roles.ui.presentationEdit.editingFinished.emit()
    settle()
    timing = services.training.timing(conf.agenda[0].id or 0)
    assert timing is not None and (timing.presentation_seconds, timing.target_seconds) == (255, 300)
    assert [(t.discipline, t.seconds) for t in timing.discussion] == [(Discipline.PSYCHOLOGY, 80)]


def test_readiness_names_what_is_missing_in_plain_words(
    qtbot: QtBot, window: TrainingWindow, services: Services
) -> None:
    case = services.cases.create(real_case("THIN-1"))
    case.question_for_team = None
    case.function_goals = []
    services.cases.update(case)
    conf = teaching_conference(services, "Teaching", datetime(2026, 4, 13, 13), [case.id or 0])
    assert conf.id is not None and opened(window, conf.id)
    roles = window.roles
    assert "Not ready: 2 missing" in roles.ui.readinessSummary.text()
    lines = [roles.ui.readinessList.item(i).text() for i in range(roles.ui.readinessList.count())]
    assert "Missing – Situation: No question for the team: say what the team must decide." in lines
    assert "Missing – Recommendation: No function goals: the plan needs goals the patient owns." in lines


def test_a_new_teaching_conference(qtbot: QtBot, window: TrainingWindow, services: Services) -> None:
    from mdtboard.domain.progress import Trainee

    bank = load_bank(services)
    services.training.register_trainees([Trainee(ZOE, Discipline.PHYSICIAN),
                                         Trainee(KWAME, Discipline.PSYCHOLOGY, 2)])
    dialog = window.new_conference()
    assert isinstance(dialog, NewConferenceDialog)
    settle()
    ui = dialog.ui
    ui.buttonBox.accepted.emit()
    problem = ui.problemLabel.text()
    assert "name the facilitator" in problem and "tick at least one trainee" in problem
    # the trainees are the people recorded, chosen from the list (nothing typed, nothing matched by spelling)
    assert [ui.traineesList.item(r).text() for r in range(ui.traineesList.count())] == [
        f"{KWAME} (psychology, year 2)", f"{ZOE} (physician)"]
    ui.titleEdit.setText("Spring teaching conference")
    ui.facilitatorEdit.setText(FACILITATOR)
    dialog.choose_trainee(ZOE)
    dialog.choose_trainee(KWAME)
    for row in range(ui.casesList.count()):
        item = ui.casesList.item(row)
        if item.text().startswith(("TEACH-02", "TEACH-08")):
            item.setCheckState(Qt.CheckState.Checked)
    ui.buttonBox.accepted.emit()
    settle()
    assert window.conference is not None and window.conference.title == "Spring teaching conference"
    conf = services.conferences.get(window.conference.id or 0)
    assert conf.mode is ConferenceMode.TRAINING and conf.chair == FACILITATOR
    assert [(a.name, a.discipline, a.role.value) for a in conf.attendees] == [
        (FACILITATOR, Discipline.PHYSICIAN, "chair"),
        (KWAME, Discipline.PSYCHOLOGY, "trainee"),
        (ZOE, Discipline.PHYSICIAN, "trainee"),
    ]
    assert [i.case_id for i in conf.agenda] == [bank["TEACH-02"], bank["TEACH-08"]]
    assert window.ui.agendaList.count() == 2


def test_durations_are_read_as_written() -> None:
    assert parse_duration("4:15") == 255 and parse_duration("1:02:03") == 3723 and parse_duration("3") == 180
    assert parse_duration("  ") is None
    for bad in ("4:75", "four", "-1:00"):
        with pytest.raises(ValueError):
            parse_duration(bad)


def test_make_a_teaching_case_settle_every_hint_confirm_every_field_then_finalise(
    qtbot: QtBot, services: Services
) -> None:
    original = services.cases.create(real_case())
    kept = services.cases.get(original.id or 0)
    review = services.training.make_teaching_case(original.id or 0)
    dialog = TeachingCaseDialog(services, review)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)  # qtbot closes it at the end
    qtbot.addWidget(dialog)
    messages: list[str] = []
    dialog.status_message.connect(messages.append)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    fields = review.checklist.fields
    assert dialog.ui.fieldList.count() == len(fields)
    assert not dialog.ui.finaliseButton.isEnabled()
    assert dialog.ui.progressLabel.text().startswith(f"0 of {len(fields)} fields confirmed · 1 open hint(s)")
    # what was replaced is listed under the field; the phone number is gone from the text
    dialog.select_field("pain_history")
    assert "“0161 496 0734” → “[phone number]”" in dialog.ui.hintsLabel.text()
    assert "0161" not in dialog.ui.textEdit.toPlainText()
    # the town it was not sure of is highlighted and listed, with a proposal
    dialog.select_field("psychosocial")
    assert dialog.highlighted == ["Salford"]
    assert dialog.ui.hintList.count() == 1 and dialog.current_hint() == "Salford"
    assert dialog.ui.replacementEdit.text() == "[town]"
    # Ctrl+Enter does not confirm a field with an open hint, however often it is pressed
    for _ in range(3):
        qtbot.keyClick(dialog.ui.fieldList, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert not dialog.saving and not dialog.review.checklist.item("psychosocial").confirmed
    assert "open hint" in messages[-1] and not dialog.ui.confirmButton.isEnabled()
    # Ctrl+K asks why; an empty reason is refused and changes nothing; a reason keeps it
    qtbot.keyClick(dialog.ui.hintList, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert dialog.keep_prompt is not None and dialog.keep_prompt.isVisible()
    dialog.keep_prompt.reject()
    version = dialog.review.version
    dialog.keep_current("  ")  # refused when it is stored: shown in the dialog, nothing changed
    qtbot.waitUntil(lambda: bool(dialog.findChildren(QMessageBox)))
    assert not dialog.saving and dialog.review.version == version and dialog.highlighted == ["Salford"]
    dialog.findChildren(QMessageBox)[-1].close()
    dialog.activateWindow()  # as the window manager does when the message closes
    qtbot.waitUntil(dialog.isActiveWindow)
    dialog.keep_current("a city of 100,000")
    assert dialog.saving and "Saving: keep" in dialog.ui.progressLabel.text()
    qtbot.waitUntil(lambda: not dialog.saving)
    assert "Saving" not in dialog.ui.progressLabel.text()
    assert dialog.highlighted == [] and dialog.review.checklist.open_hints == ()
    assert dialog.ui.hintList.item(0).text() == "kept: town or place “Salford” (a city of 100,000)"
    # the reviewer edits a text; what the edit brings in is a new open hint, replaced with Enter
    dialog.select_field("pain_history")
    dialog.ui.textEdit.setPlainText("Shingles in 2024; seen at Salford Royal Hospital since.")
    dialog.ui.saveEditButton.click()
    qtbot.waitUntil(lambda: not dialog.saving)
    assert dialog.highlighted == ["Salford Royal Hospital"]
    dialog.ui.hintList.setFocus()
    qtbot.keyClick(dialog.ui.hintList, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.saving)
    assert services.cases.get(review.draft_case_id).pain_history == (
        "Shingles in 2024; seen at a local hospital since.")
    # Ctrl+Enter confirms a field and moves on to the next open one at once, while it is stored: pressed
    # quickly, each is stored in turn
    dialog.select_field(fields[0])
    for _ in fields:
        qtbot.keyClick(dialog.ui.fieldList, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not dialog.saving)
    assert dialog.review.checklist.complete and dialog.ui.finaliseButton.isEnabled()
    assert services.cases.get(review.draft_case_id).fictional is False  # not until finalised
    with qtbot.waitSignal(dialog.finalised) as finalised:
        dialog.ui.finaliseButton.click()
    assert finalised.args == [review.draft_case_id]
    assert "kept as written: “salford” (a city of 100,000)" in messages[-1]
    assert services.cases.get(review.draft_case_id).fictional is True
    assert services.cases.get(original.id or 0) == kept


def test_the_training_menu_in_the_main_window(
    qtbot: QtBot, services: Services, sqlite_database_url: str, tmp_path: Path
) -> None:
    from PySide6.QtCore import QSettings

    from mdtboard.ui.main_window import MainWindow

    original = services.cases.create(real_case())
    main = MainWindow(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    menu = main.training_menu
    assert not menu.action_window.isEnabled()  # until the database is open
    open_and_wait(qtbot, main, sqlite_database_url)
    titles = [a.text() for a in main.menuBar().actions()]
    assert titles.index("&Conference") < titles.index("&Training") < titles.index("&Help")
    assert menu.action_window.isEnabled()
    menu.action_window.trigger()
    assert menu.training_window is not None and menu.training_window.isVisible()
    # "make a teaching case" needs a case open in the editor
    menu.action_make.trigger()
    assert "Open a real case in the case editor first" in main.statusBar().currentMessage()
    main.open_case(original.id or 0)
    settle()
    menu.action_make.trigger()
    settle()  # the draft made in the background, then its review opened
    dialog = menu.review_dialog
    assert isinstance(dialog, TeachingCaseDialog) and dialog.isVisible()
    assert dialog.review.source_case_id == original.id
    dialog.close()
    menu.reviews_menu.aboutToShow.emit()
    settle()  # the drafts under review read in the background
    assert [a.text().split(" ")[0] for a in menu.reviews_menu.actions()] == [dialog.review.draft.case.ref]
    QApplication.processEvents()


def test_closing_the_main_window_saves_scores_still_waiting(
    qtbot: QtBot, services: Services, sqlite_database_url: str, tmp_path: Path
) -> None:
    from PySide6.QtCore import QSettings

    from mdtboard.ui.main_window import MainWindow
    from mdtboard.ui.training.window import SCORING_TAB

    bank = load_bank(services)
    conf = teaching_conference(services, "Teaching", datetime(2026, 4, 13, 13), [bank["TEACH-05"]])
    main = MainWindow(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    open_and_wait(qtbot, main, sqlite_database_url)
    training = main.training_menu.open_training_window()
    assert training is not None and opened(training, conf.id or 0)
    training.show_tab(SCORING_TAB)
    settle()
    training.scoring.set_rater(FACILITATOR)
    settle()
    row = training.scoring.row("trainee.closes_loop")
    row.set_score(4)
    row.score_chosen.emit(row.item.key, 4)  # as the digit key does; the save waits for a pause
    assert training.scoring.pending
    close_window(qtbot, main)  # closes once the score is written
    stored = services.training.assessment(conf.id or 0, ZOE, FAC)
    assert stored is not None and stored.assessment.scores == (Score("trainee.closes_loop", 4),)


def test_with_no_teaching_conference_the_window_says_where_its_cases_come_from(
    qtbot: QtBot, window: TrainingWindow, services: Services
) -> None:
    """An empty database is told to load the teaching case bank; once fictional cases are there (the
    demo has loaded them), the window does not send anyone to the command line for them."""
    info = window.ui.conferenceInfo
    qtbot.waitUntil(lambda: "No teaching conference yet" in info.text())
    assert "no fictional cases yet" in info.text() and "mdtboard demo" in info.text()
    load_bank(services)
    window.refresh_conferences()
    qtbot.waitUntil(lambda: "fictional cases in the case library" in info.text())
    assert "mdtboard demo" not in info.text()


def test_a_safe_list_question_asked_in_several_fields_is_one_row_and_one_keep_settles_it_everywhere(
    qtbot: QtBot, services: Services
) -> None:
    case = real_case("REAL-0077")
    # words no vocabulary knows, capitalised mid-sentence in two fields: the safe-list catch asks about them
    case.pain_history = "Back pain since lifting; often with Tadhgeen Quillmoor for years."
    case.psychosocial = "Volunteers weekly; Tadhgeen Quillmoor drives."
    original = services.cases.create(case)
    review = services.training.make_teaching_case(original.id or 0)
    dialog = TeachingCaseDialog(services, review)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    asked = [h for h in review.checklist.open_hints if h.text == "Tadhgeen Quillmoor"]
    assert {h.where for h in asked} == {"pain_history", "psychosocial"}
    assert {h.kind.value for h in asked} == {"name or place?"}
    dialog.select_field("pain_history")
    rows = [dialog.ui.hintList.item(i).text() for i in range(dialog.ui.hintList.count())]
    row = next(r for r in rows if "Quillmoor" in r)
    assert row == "name or place? “Tadhgeen Quillmoor” (2 times in the case) → [name or place]"
    dialog.ui.hintList.setCurrentRow(rows.index(row))
    assert dialog.keep_current("a fictional pub, not a place of the patient's")
    qtbot.waitUntil(lambda: not dialog.saving)
    assert not any(h.text == "Tadhgeen Quillmoor" for h in dialog.review.checklist.open_hints)
    dialog.select_field("psychosocial")
    assert dialog.highlighted == []
    texts = [dialog.ui.hintList.item(i).text() for i in range(dialog.ui.hintList.count())]
    assert ("kept: name or place? “Tadhgeen Quillmoor” (2 times in the case) (a fictional pub, not a place "
            "of the patient's)") in texts
