"""Child of test_kill_during_autosave: types steadily into the record session of one editor (the case, a
discipline's input, the conference's own fields, a care plan or a trainee's scores) on a real database,
through the save function that editor uses, and prints each acknowledged save ("saved <n>") as soon as
the session reports it, until it is killed."""

from __future__ import annotations

import copy
import os
import sys
from collections.abc import Callable
from dataclasses import replace
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from mdtboard.domain.case import Discipline, DisciplineInput
from mdtboard.services.context import Services, open_services
from mdtboard.ui.editing.session import RecordSession

#: The field each kind of record is typed into.
FIELD = {
    "case": "one_liner", "input": "assessment", "conference": "title", "careplan": "responsible_clinician",
}
#: The scores: the comment of this rubric item is typed into.
SCORED_ITEM = "case.isbar.situation"
TRAINEE, RATER = "Zoë Example", "Dr Priya Example"


def editor_of(services: Services, kind: str, record_id: int) -> tuple[Any, Callable[..., Any], Any, Any]:
    """(the record as loaded, its editor's save, fields and build functions)."""
    if kind == "case":
        from mdtboard.ui.cases.editor import case_fields, case_with_fields

        return services.cases.get(record_id), services.cases.update, case_fields, case_with_fields
    if kind == "input":
        from mdtboard.ui.conference.discipline_panel import input_fields, input_with_fields, store_input

        service = services.conferences
        given = [i for i in service.inputs(record_id) if i.discipline is Discipline.PSYCHOLOGY]
        base = given[0] if given else DisciplineInput(Discipline.PSYCHOLOGY, agenda_item_id=record_id)
        return base, (lambda inp: store_input(service, inp)), input_fields, input_with_fields
    if kind == "conference":
        from mdtboard.ui.conference.editor import details_fields, details_with_fields, store_details

        service = services.conferences
        return (
            service.get(record_id), (lambda conf: store_details(service, conf)), details_fields,
            details_with_fields,
        )
    if kind == "scores":
        from mdtboard.domain.rubric import AssessorRole
        from mdtboard.services.score_sheet import load_sheet, save_sheet, sheet_fields, sheet_with_fields

        training = services.training
        case_id = services.conferences.get(record_id).agenda[0].case_id
        sheet = load_sheet(training, record_id, TRAINEE, AssessorRole.FACILITATOR, assessor=RATER,
                           case_id=case_id)
        return sheet, (lambda record: save_sheet(training, record)), sheet_fields, sheet_with_fields
    from mdtboard.ui.careplan.saving import plan_fields, plan_with_fields, store_plan

    plans = services.careplans
    base = plans.current(record_id)
    return base, (lambda plan: store_plan(plans, plan)), plan_fields, plan_with_fields


def counter(kind: str, record: Any) -> int:
    if kind == "scores":
        score = record.scores.get(SCORED_ITEM)
        text = score.comment if score is not None else None
    else:
        text = getattr(record, FIELD[kind])
    return int((text or "typed 0").split()[-1])


def main(url: str, kind: str, record_id: int) -> None:
    app = QApplication([])
    services = open_services(url)
    base, save, fields, build = editor_of(services, kind, record_id)
    screen = {"record": copy.deepcopy(base)}

    def read() -> Any:
        """What is on screen, stating the record the session last saved (as the editors do)."""
        stored = session.base
        if kind == "scores":  # the stored sides' versions are the sheet's
            return replace(stored, scores=copy.deepcopy(screen["record"].scores))
        return replace(copy.deepcopy(screen["record"]), id=stored.id, version=stored.version)

    session = RecordSession(save=save, read=read, fields=fields, build=build)
    session.load(base)
    session.merged.connect(lambda record, _message: screen.update(record=record))
    session.saved.connect(lambda record: print(f"saved {counter(kind, record)}", flush=True))
    count = [0]

    def key() -> None:
        count[0] += 1
        if kind == "scores":
            from mdtboard.domain.rubric import Score

            scores = {**screen["record"].scores, SCORED_ITEM: Score(SCORED_ITEM, 2, f"typed {count[0]}")}
            screen["record"] = replace(screen["record"], scores=scores)
        else:
            screen["record"] = replace(screen["record"], **{FIELD[kind]: f"typed {count[0]}"})
        session.touch()

    timer = QTimer()
    timer.timeout.connect(key)
    timer.start(20)
    print("ready", flush=True)
    app.exec()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]))
