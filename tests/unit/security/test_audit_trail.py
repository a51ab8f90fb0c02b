"""The audit trail: a record per change in the change's transaction, no values in it, and a chain that
finds every row edited, deleted, inserted or moved. On SQLite and PostgreSQL."""

from __future__ import annotations

import getpass
import json
import socket
from dataclasses import replace
from datetime import datetime
from typing import Any

import pytest
import sqlalchemy as sa

from mdtboard.cli import main
from mdtboard.domain.case import Case, Discipline, DisciplineInput, Medication, Patient, RestrictedPassage
from mdtboard.domain.conference import Attendee, AttendeeRole, Conference
from mdtboard.domain.errors import ConflictError
from mdtboard.services.context import Services
from mdtboard.storage import audit, audit_chain
from mdtboard.storage.audit import GENESIS, TABLE, load_key, row_hash

NAME = "Zélie Quennell"
SECRET = "told the psychologist about the 1998 assault"


def rows(services: Services) -> list[dict[str, Any]]:
    with services.db.engine.connect() as conn:
        return [dict(r._mapping) for r in conn.execute(sa.select(TABLE).order_by(TABLE.c.id))]


def new_case(ref: str = "A-1") -> Case:
    return Case(ref=ref, fictional=True, patient=Patient(display_name=NAME, age=61), title="Hip pain")


def test_every_change_of_a_case_is_recorded_with_who_what_and_versions(services: Services) -> None:
    case = services.cases.create(new_case())
    case = services.cases.update(replace(case, title="Hip and knee pain"))
    case = services.cases.update(replace(case, medications=[Medication(name="tramadol", dose="50 mg")]))
    services.cases.delete(case.id or 0, seen_version=case.version)
    trail = rows(services)
    assert [(r["action"], r["record_type"], r["record_id"], r["case_id"]) for r in trail] == [
        ("insert", "cases", str(case.id), case.id),
        ("update", "cases", str(case.id), case.id),
        ("update", "cases", str(case.id), case.id),
        ("delete", "cases", str(case.id), case.id),
    ]
    assert [json.loads(r["fields"]) for r in trail][1:3] == [["title"], ["medications"]]
    assert [(r["old_version"], r["new_version"]) for r in trail] == [(None, 0), (0, 1), (1, 2), (2, None)]
    assert {r["actor"] for r in trail} == {getpass.getuser()}
    assert {r["host"] for r in trail} == {socket.gethostname()}
    assert all(r["account_id"] is None for r in trail)
    assert [r["id"] for r in trail] == [1, 2, 3, 4]
    assert services.audit.verify().ok


def test_a_save_that_changes_nothing_records_nothing_and_a_refused_one_neither(services: Services) -> None:
    case = services.cases.create(new_case())
    stale = case
    case = services.cases.update(replace(case, title="Hip pain, worse at night"))
    before = len(rows(services))
    with pytest.raises(ConflictError):
        services.cases.update(replace(stale, title="someone else's title"))
    assert len(rows(services)) == before  # rolled back with the refused save


def test_the_trail_holds_no_values_neither_names_nor_restricted_text(services: Services) -> None:
    case = services.cases.create(
        replace(new_case(), pain_history=f"Long story. {SECRET}.", sharing_restrictions="not the GP")
    )
    passage = RestrictedPassage(field="pain_history", text=SECRET, held_by="psychologist")
    case = services.cases.restrict_passage(case.id or 0, passage)
    trail = rows(services)
    assert json.loads(trail[-1]["fields"]) == ["restricted_passages"]
    dumped = json.dumps(trail, default=str)
    for value in (NAME, SECRET, "assault", "Long story", "not the GP", "Hip pain"):
        assert value not in dumped


def test_conference_records_belong_to_their_case(services: Services) -> None:
    case = services.cases.create(new_case())
    conf = services.conferences.create(Conference(title="Pain MDT", starts_at=datetime(2026, 12, 3, 13)))
    services.conferences.add_attendee(
        conf.id or 0, Attendee(name="Dr Okafor", discipline=Discipline.PHYSICIAN, role=AttendeeRole.CHAIR)
    )
    item = services.conferences.add_agenda_item(conf.id or 0, case.id or 0)
    services.conferences.add_input(item.id or 0, DisciplineInput(Discipline.PHYSICIAN, "Dr A", "text", "r"))
    kinds = [(r["action"], r["record_type"], r["case_id"]) for r in rows(services)]
    assert ("insert", "conferences", None) in kinds
    assert ("insert", "attendees", None) in kinds
    assert ("insert", "agenda_items", case.id) in kinds
    assert any(k[1] == "cases" and k[2] == case.id for k in kinds[1:])  # the case's discipline inputs
    history = services.audit.history(case.id or 0)
    assert {e.record_type for e in history} >= {"cases", "agenda_items"}


# ---------------------------------------------------------------------------------------- tampering
@pytest.fixture
def trail(services: Services) -> Services:
    case = services.cases.create(new_case())
    for n in range(4):
        case = services.cases.update(replace(case, title=f"Hip pain {n}"))
    assert len(rows(services)) == 5 and services.audit.verify().ok
    return services


def run(services: Services, sql: str, **params: Any) -> None:
    with services.db.engine.begin() as conn:
        conn.execute(sa.text(sql), params)


def test_an_edited_row_is_found(trail: Services) -> None:
    run(trail, "UPDATE audit_log SET fields = '[]' WHERE id = 3")
    verdict = trail.audit.verify()
    assert verdict.bad_id == 3 and "does not match its hash" in verdict.reason
    assert verdict.checked == 2


def test_an_edited_actor_is_found(trail: Services) -> None:
    run(trail, "UPDATE audit_log SET actor = 'someone else' WHERE id = 2")
    assert trail.audit.verify().bad_id == 2


def test_a_deleted_row_is_found(trail: Services) -> None:
    run(trail, "DELETE FROM audit_log WHERE id = 3")
    verdict = trail.audit.verify()
    assert verdict.bad_id == 4 and "record 3 is missing" in verdict.reason


def test_a_deleted_row_with_the_rest_renumbered_is_found(trail: Services) -> None:
    run(trail, "DELETE FROM audit_log WHERE id = 3")
    run(trail, "UPDATE audit_log SET id = id - 1 WHERE id > 3")
    assert trail.audit.verify().bad_id == 3


def test_an_inserted_row_is_found(trail: Services) -> None:
    row = rows(trail)[1] | {"id": 6, "fields": '["title"]', "prev_hash": rows(trail)[-1]["hash"]}
    row["hash"] = row_hash(audit.Key(b"not the key, but a guess at it!!"), row)
    with trail.db.engine.begin() as conn:
        conn.execute(sa.insert(TABLE), row)
    verdict = trail.audit.verify()
    assert verdict.bad_id == 6


def test_a_row_inserted_in_the_middle_is_found(trail: Services) -> None:
    run(trail, "UPDATE audit_log SET id = id + 100 WHERE id >= 3")
    run(trail, "UPDATE audit_log SET id = id - 99 WHERE id >= 103")
    forged = rows(trail)[1] | {"id": 3, "prev_hash": rows(trail)[1]["hash"]}
    with trail.db.engine.begin() as conn:
        conn.execute(sa.insert(TABLE), forged)
    assert trail.audit.verify().bad_id == 3


def test_reordered_rows_are_found(trail: Services) -> None:
    run(trail, "UPDATE audit_log SET id = 100 WHERE id = 2")
    run(trail, "UPDATE audit_log SET id = 2 WHERE id = 3")
    run(trail, "UPDATE audit_log SET id = 3 WHERE id = 100")
    verdict = trail.audit.verify()
    assert verdict.bad_id == 2


def test_a_trail_written_with_another_key_says_so(trail: Services) -> None:
    with trail.db.engine.connect() as conn:
        verdict = audit_chain.verify(conn, audit.Key(b"another computer's key, 32 bytes"))
    assert verdict.bad_id == 1 and "another key" in verdict.reason
    with trail.db.engine.connect() as conn:
        assert audit_chain.verify(conn, load_key()).ok


def test_the_chain_starts_at_genesis_and_links(trail: Services) -> None:
    trail_rows = rows(trail)
    assert trail_rows[0]["prev_hash"] == GENESIS
    assert all(b["prev_hash"] == a["hash"] for a, b in zip(trail_rows, trail_rows[1:], strict=False))


# --------------------------------------------------------------------------------------- the command
def test_audit_verify_and_show_from_the_command_line(
    trail: Services, capsys: pytest.CaptureFixture[str]
) -> None:
    url = trail.db.engine.url.render_as_string(hide_password=False)
    assert main(["--database", url, "audit", "verify"]) == 0
    assert "5 records" in capsys.readouterr().err
    assert main(["--database", url, "audit", "show", "--case", "A-1"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 5
    when, who, action, record, fields, versions = lines[1].split("\t")
    assert who == f"{getpass.getuser()}@{socket.gethostname()}"
    assert (action, record, fields, versions) == ("update", "case 1", "title", "0→1")
    assert NAME not in "\n".join(lines)
    run(trail, "UPDATE audit_log SET new_version = 7 WHERE id = 4")
    assert main(["--database", url, "audit", "verify"]) == 3
    assert "audit trail broken at record 4" in capsys.readouterr().err


def test_a_save_of_one_field_of_a_full_case_names_only_that_field(
    services: Services, sample_bundle: dict[str, Any]
) -> None:
    from mdtboard.interchange.bundle import cases_from_bundle

    full = max(cases_from_bundle(sample_bundle), key=lambda c: len(c.medications or []))
    assert full.medications and full.discipline_inputs  # parts that are written again with every save
    case = services.cases.create(full)
    case = services.cases.update(replace(case, title="Changed title"))
    assert json.loads(rows(services)[-1]["fields"]) == ["title"]
    more = [*(case.medications or []), Medication("naloxone")]
    case = services.cases.update(replace(case, medications=more))
    assert json.loads(rows(services)[-1]["fields"]) == ["medications"]
    inputs = list(case.discipline_inputs or [])
    inputs[0] = replace(inputs[0], assessment="Reassessed")
    services.cases.update(replace(case, discipline_inputs=inputs))
    assert json.loads(rows(services)[-1]["fields"]) == ["discipline_inputs"]


def test_the_minutes_print_the_trail_s_last_record(services: Services, tmp_path: Any) -> None:
    from pypdf import PdfReader

    from mdtboard.reports.minutes import write_minutes_pdf
    from mdtboard.services.minutes import MinutesService

    case = services.cases.create(new_case())
    conf = services.conferences.create(Conference(title="Pain MDT", starts_at=datetime(2026, 12, 3, 13)))
    services.conferences.add_agenda_item(conf.id or 0, case.id or 0)
    last = rows(services)[-1]
    minutes = MinutesService(services.db).minutes(conf.id or 0)
    assert minutes.audit_head == f"{last['id']}:{last['hash'][:16]}"
    pdf = write_minutes_pdf(minutes, tmp_path / "minutes.pdf")
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(pdf).pages).split())
    assert f"Audit trail when printed: record {last['id']}, hash {last['hash'][:16]}." in text


def test_the_meeting_record_prints_the_trail_s_last_record_too(services: Services) -> None:
    from io import BytesIO

    from pypdf import PdfReader

    from mdtboard.reports.meeting_record import meeting_record_pdf

    case = services.cases.create(new_case())
    conf = services.conferences.create(Conference(title="Pain MDT", starts_at=datetime(2026, 12, 3, 13)))
    services.conferences.add_agenda_item(conf.id or 0, case.id or 0)
    last = rows(services)[-1]
    record = services.timing.meeting_record(conf.id or 0)
    assert record.audit_head == f"{last['id']}:{last['hash'][:16]}"
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(BytesIO(meeting_record_pdf(record))).pages)
                    .split())
    assert f"Audit trail when printed: record {last['id']}, hash {last['hash'][:16]}." in text


def test_a_key_file_found_empty_is_read_again_while_another_program_writes_it(tmp_path: Any) -> None:
    """Two programs starting at once on a new PC: one has made the key file (empty) and is writing it."""
    import threading

    from mdtboard.storage.audit_key import load_key
    from mdtboard.storage.permissions import create_private_file

    path = tmp_path / "key" / "audit.key"
    path.parent.mkdir()
    assert create_private_file(path)
    secret = "ab" * 32
    writer = threading.Timer(0.2, lambda: path.write_text(secret + "\n", encoding="ascii"))
    writer.start()
    try:
        assert load_key(path).secret == bytes.fromhex(secret)
    finally:
        writer.join()
