"""Another PC: ``python live_writer.py URL OPS_JSON`` runs each operation in its own unit of work.

Operations: ["case", CASE_ID, FIELD, TEXT] sets a text field of a case; ["delete", CASE_ID];
["delete_conference", CONF_ID]; ["remove_item", CONF_ID, CASE_ID] takes a case off the agenda;
["timing", CONF_ID, CASE_ID, DISCIPLINE, SECONDS] records the operator's
timer of that case running for SECONDS so far, DISCIPLINE holding the floor;
["archive", CASE_ID]; ["attendee", CONF_ID, NAME, DISCIPLINE]; ["plan", CASE_ID, FIELD, TEXT] sets a
text field of the case's draft care plan; ["status", CONF_ID, CASE_ID, STATUS] sets an agenda item's
status; ["trainee", CONF_ID, NAME, DISCIPLINE] adds a trainee; ["input", ITEM_ID, DISCIPLINE, AUTHOR, TEXT]
adds or updates that discipline's input on an agenda item."""

from __future__ import annotations

import json
import sys
from dataclasses import replace
from datetime import UTC, datetime, timedelta

from mdtboard.domain.case import Discipline, DisciplineInput
from mdtboard.domain.conference import AgendaStatus, Attendee, AttendeeRole
from mdtboard.domain.timers import PRESENTATION
from mdtboard.services.context import open_services
from mdtboard.services.timing import RecordedRun


def main() -> None:
    services = open_services(sys.argv[1])
    for op in json.loads(sys.argv[2]):
        kind, args = op[0], op[1:]
        if kind == "case":
            case = services.cases.get(args[0])
            services.cases.update(replace(case, **{args[1]: args[2]}))
        elif kind == "delete":
            services.cases.delete(args[0])
        elif kind == "timing":
            conf = services.conferences.get(args[0])
            item = next(i for i in conf.agenda if i.case_id == args[1])
            start = datetime.now(UTC) - timedelta(seconds=args[3])
            services.timing.save_run(item.id or 0, RecordedRun(
                "run-1", open_phase=(PRESENTATION, start), open_floor=(Discipline(args[2]), start)))
        elif kind == "remove_item":  # ["remove_item", CONF_ID, CASE_ID]: taken off the agenda
            conf = services.conferences.get(args[0])
            item = next(i for i in conf.agenda if i.case_id == args[1])
            services.conferences.remove_agenda_item(item.id or 0)
        elif kind == "delete_conference":
            services.conferences.delete(args[0])
        elif kind == "archive":
            services.cases.archive(args[0])
        elif kind == "trainee":
            trainee = Attendee(args[1], Discipline(args[2]), AttendeeRole.TRAINEE)
            services.conferences.add_attendee(args[0], trainee)
        elif kind == "attendee":
            services.conferences.add_attendee(args[0], Attendee(args[1], Discipline(args[2])))
        elif kind == "plan":  # ["plan", CASE_ID, FIELD, TEXT]: a field of the case's draft plan
            plan = services.careplans.current(args[0])
            assert plan is not None
            services.careplans.save_draft(replace(plan, **{args[1]: args[2]}))
        elif kind == "status":  # ["status", CONF_ID, CASE_ID, STATUS]: the operator moves on
            conf = services.conferences.get(args[0])
            item = next(i for i in conf.agenda if i.case_id == args[1])
            services.conferences.update_agenda_item(item, status=AgendaStatus(args[2]))
        elif kind == "input":
            item_id, discipline = args[0], Discipline(args[1])
            found = [i for i in services.conferences.inputs(item_id) if i.discipline is discipline]
            if found:
                services.conferences.update_input(replace(found[0], author=args[2], assessment=args[3]))
            else:
                services.conferences.add_input(item_id, DisciplineInput(discipline, args[2], args[3], None))
        else:
            raise SystemExit(f"unknown operation {kind}")
    services.close()


if __name__ == "__main__":
    main()
