"""The discussion view's key facts (medications with the MME total, incomplete when an opioid is not
counted, co-prescription flags, naloxone), and views that follow an edit: a case saved in the case editor
during the meeting is shown afresh at once in the discussion view and on the big screen."""

from __future__ import annotations

from conftest import settle
from presentation_support import MeetingFactory, make_meeting
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from mdtboard.domain.case import Case, DailyDose, Medication, Patient
from mdtboard.domain.conference import AgendaStatus

__all__ = ["make_meeting"]  # the fixture, imported for pytest


def test_key_facts_show_medications_with_the_mme_total_and_flags(
    qtbot: QtBot, make_meeting: MeetingFactory
) -> None:
    meeting = make_meeting()
    meeting.discuss("MDT-008")  # opioids with alprazolam and gabapentin, no naloxone
    settle()
    ui = meeting.workspace.discussion.ui
    assert ui.medsLabel.isVisible() and ui.medsHeading.isVisible()
    meds = ui.medsLabel.text()
    assert "MME total: 165 MME/day" in meds and "incomplete" not in meds
    assert "Opioid with a benzodiazepine" in meds and "Opioid with a gabapentinoid" in meds
    assert "suggest naloxone" in meds
    assert "alprazolam" in meds
    assert meds.index("MME total") < meds.index("alprazolam")  # the total and flags before the list


def test_key_facts_say_incomplete_when_an_opioid_is_not_counted(
    qtbot: QtBot, make_meeting: MeetingFactory
) -> None:
    meeting = make_meeting()
    case = meeting.services.cases.create(Case(
        ref="MME-PART", fictional=True, patient=Patient("Pat Test"),
        medications=[
            Medication("morphine", "30 mg", "oral", "twice daily", daily_dose=DailyDose(60, "mg")),
            Medication("buprenorphine patch", "10 mcg/h", "transdermal", "weekly"),
            Medication("naloxone nasal spray", "4 mg", "nasal", "as needed"),
        ],
    ))
    assert case.id is not None
    meeting.services.conferences.add_agenda_item(meeting.conf_id, case.id)
    meeting.workspace.controller.reload()
    settle()
    meeting.workspace.discuss(case.id)
    settle()
    meds = meeting.workspace.discussion.ui.medsLabel.text()
    assert "MME total: at least 60 MME/day" in meds
    assert "(incomplete: buprenorphine patch)" in meds
    assert "suggest naloxone" not in meds  # it is on the list


def test_an_edit_in_the_case_editor_reaches_the_discussion_and_the_big_screen(
    qtbot: QtBot, make_meeting: MeetingFactory
) -> None:
    meeting = make_meeting()
    meeting.discuss("MDT-RISK")
    settle()
    meeting.mode.start()
    settle()
    workspace = meeting.workspace
    assert "widespread pain and low mood" in workspace.discussion.ui.oneLinerLabel.text()
    assert meeting.screen.ui.sectionLabel.text() == "Situation"
    status_before = meeting.services.conferences.get(meeting.conf_id).agenda
    window = meeting.window
    window.open_case(meeting.case_ids["MDT-RISK"])
    settle()
    editor = window.editor
    assert editor is not None
    editor.ui.oneLinerEdit.setPlainText("38-year-old teacher with widespread pain since a fall in March.")
    editor.ui.sharingByEdit.setText("Dr Ana Ruiz")
    assert editor.flush()
    settle()  # the discussion reads the case again in the background
    # Saved: both views show it at once, without leaving the case or restarting.
    facts = workspace.discussion.ui
    assert "since a fall in March" in facts.oneLinerLabel.text()
    assert "ask Dr Ana Ruiz before" in facts.sharingLabel.text()
    settle()  # the big screen's case read again in the background
    assert "since a fall in March" in meeting.screen.text.page_text(0)
    assert "ask Dr Ana Ruiz before" in meeting.screen.ui.sharingLabel.text()
    assert meeting.session.section == 0
    # Opening the case or its Discussion tab marked nothing as in discussion.
    after = meeting.services.conferences.get(meeting.conf_id).agenda
    assert [i.status for i in after] == [i.status for i in status_before]
    assert all(i.status is AgendaStatus.PENDING for i in after)
    assert QApplication.activeWindow() is not None
