"""``mdtboard care-plan --pdf`` on a plain SQLite file at the program's schema reads the printout with
``sqlite3`` alone (:mod:`mdtboard.services.quick_printout`): for every sample and demo case (agreed plans
with progress and a reviewed earlier version, drafts, no plan at all, restricted passages, accents, several
attendees) the printout is the one the ordinary path (SQLAlchemy) gives, field for field and type for type,
and the three papers read back with pypdf say the same words. The export is recorded in the audit trail as
the ordinary path records it, and the chain holds. Anything else (PostgreSQL, an encrypted file, another
schema revision, someone signed in) takes the ordinary path."""

from __future__ import annotations

import json
import re
import shutil
import sqlite3
import subprocess
import sys
import uuid
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import keyring
import pytest
from careplan_pdf_reading import read_pdf
from careplan_setup import AT, LEADS, accepted_draft, agreed_plan, sign_all
from conftest import SAMPLE_CASES
from test_careplan_restricted_text import FIREARM, restricted_case

from mdtboard.cli import main
from mdtboard.domain.careplan import AgreementStatus, CarePlan
from mdtboard.domain.careplan_progress import ProgressState
from mdtboard.domain.case import Discipline
from mdtboard.interchange.bundle import import_files
from mdtboard.interchange.demo import load_demo_cases
from mdtboard.reports.papers import Audience, paper_bytes
from mdtboard.services import permissions, quick_printout
from mdtboard.services.context import Services, open_services
from mdtboard.storage.db import sqlite_url

PRINTED_AT = datetime(2026, 12, 4, 9, 30)


def _signed_next_version(services: Services, plan: CarePlan) -> CarePlan:
    """The next version of an agreed plan, agreed too (it reviews the first, with its progress)."""
    draft = services.careplans.new_version(plan)
    for item in draft.interventions:
        item.proposed = False
    draft.review_date = date(2027, 5, 2)
    draft.agreement.status = AgreementStatus.AGREED
    return sign_all(services, services.careplans.save_draft(draft))


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A SQLite file made by the program (migrated, not created from the models): the sample and demo cases;
    MDT-001 agreed twice (the second version reviews the first) with progress on both; MDT-002 (Zoë Ørsted)
    a draft from a conference with its leads; RISK-1 restricted passages, agreed; the rest without a plan."""
    path = tmp_path_factory.mktemp("quick-printout") / "plans.sqlite3"
    url = sqlite_url(path)
    services = open_services(url)
    import_files(services.cases, [SAMPLE_CASES])
    load_demo_cases(services.cases)
    first = agreed_plan(services, services.cases.get_by_ref("MDT-001"))
    assert first.id is not None
    actions = first.agreed_interventions()
    services.careplans.record_progress(first.id, actions[0].uid, ProgressState.DONE, recorded_by="Dr Okafor",
                                       at=AT)
    services.careplans.record_progress(first.id, actions[1].uid, ProgressState.CARRIED_FORWARD,
                                       recorded_by="Sam Lee", new_due=date(2027, 4, 1), at=AT)
    second = _signed_next_version(services, first)
    assert second.id is not None and second.supersedes == first.id
    services.careplans.record_progress(second.id, second.agreed_interventions()[0].uid,
                                       ProgressState.NOT_DONE, recorded_by="Ana Ruiz", reason="unwell", at=AT)
    accepted_draft(services, services.cases.get_by_ref("MDT-002"))
    risky = restricted_case(services)
    draft = accepted_draft(services, risky, leads=dict(LEADS))
    draft.restriction_acknowledged = True
    draft.agreement.status = AgreementStatus.AGREED
    sign_all(services, services.careplans.save_draft(draft))
    services.close()
    return path


@pytest.fixture
def plans(made: Path, tmp_path: Path) -> Iterator[tuple[str, Services]]:
    """A copy of :func:`made` for one test, opened."""
    path = tmp_path / made.name
    shutil.copyfile(made, path)
    url = sqlite_url(path)
    services = open_services(url)
    try:
        yield url, services
    finally:
        services.close()


class _Uids:
    """Numbered uids instead of random ones, from 1 again at each :meth:`again`: a draft built from the
    inputs (not stored) gets new uids at each reading, the same ones on both paths here."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.next = 0
        monkeypatch.setattr(uuid, "uuid4", self._uuid4)

    def _uuid4(self) -> uuid.UUID:
        self.next += 1
        return uuid.UUID(int=self.next)

    def again(self) -> None:
        self.next = 0


@pytest.fixture
def uids(monkeypatch: pytest.MonkeyPatch) -> _Uids:
    return _Uids(monkeypatch)


def _refs(services: Services) -> list[str]:
    return [s.ref for s in services.cases.search("", limit=None)]


def _text(data: bytes) -> str:
    return read_pdf(data, training=False).text


def _text_at_any_minute(data: bytes) -> str:
    """The text without the minute it was printed at ("2026-12-07 14:47"): a paper made by the command line
    and one made here may be a minute apart on a loaded machine."""
    return re.sub(r"(\d{4}-\d{2}-\d{2}) \d{2}:\d{2}", r"\1 hh:mm", _text(data))


def test_every_printout_read_with_sqlite3_is_the_ordinary_one(
    plans: tuple[str, Services], uids: _Uids
) -> None:
    url, services = plans
    refs = _refs(services)
    assert {"MDT-001", "MDT-002", "RISK-1"} <= set(refs) and len(refs) > 5
    kinds = set()
    for ref in refs:
        uids.again()
        ordinary = services.printout(ref)
        uids.again()
        quick = quick_printout.printout(url, ref)
        assert quick is not None, ref
        assert quick[0] == ordinary, ref
        assert repr(quick[0]) == repr(ordinary), ref  # the same types too (a flag is a bool, a time aware...)
        kinds.add((ordinary.plan.status.value, ordinary.built_from_inputs, ordinary.reviewed is not None,
                   bool(ordinary.progress), bool(ordinary.case.restricted_passages)))
    # what was covered: agreed with progress and a reviewed version, drafts, built from inputs, restricted
    assert ("signed", False, True, True, False) in kinds
    assert ("draft", False, False, False, False) in kinds
    assert any(k[1] for k in kinds) and ("signed", False, False, False, True) in kinds


#: The cases whose papers are compared for every audience.
PAPER_REFS = ("MDT-001", "MDT-002", "RISK-1")


@pytest.mark.parametrize("ref", PAPER_REFS)
def test_the_papers_of_the_quick_printout_say_the_same(
    plans: tuple[str, Services], uids: _Uids, ref: str
) -> None:
    url, services = plans
    ordinary = services.printout(ref)
    uids.again()
    quick = quick_printout.printout(url, ref)
    assert quick is not None
    for audience in Audience:
        mine = _text(paper_bytes(quick[0], audience, printed_at=PRINTED_AT))
        theirs = _text(paper_bytes(ordinary, audience, printed_at=PRINTED_AT))
        assert mine == theirs, (ref, audience)
        assert "shotgun" not in mine and FIREARM not in mine


def test_the_other_cases_papers_say_the_same(
    plans: tuple[str, Services], uids: _Uids, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The team's paper of every other case (those above are compared for every audience). Made in
    ReportLab's invariant mode (no time or random id in the file), two papers the same byte for byte say the
    same; only those that are not are read back and their texts compared (reading takes most of the time)."""
    from reportlab import rl_config

    monkeypatch.setattr(rl_config, "invariant", 1)
    url, services = plans
    refs = [ref for ref in _refs(services) if ref not in PAPER_REFS]
    assert len(refs) > 5
    for ref in refs:
        uids.again()
        quick = quick_printout.printout(url, ref)
        assert quick is not None
        mine = paper_bytes(quick[0], Audience.TEAM, printed_at=PRINTED_AT)
        uids.again()
        theirs = paper_bytes(services.printout(ref), Audience.TEAM, printed_at=PRINTED_AT)
        assert mine == theirs or _text(mine) == _text(theirs), ref


PROBE = """
import json, sys
from mdtboard.cli import main
status = main(json.loads(sys.argv[1]))
print(json.dumps({"status": status, "loaded": sorted(sys.modules)}))
"""


def _cli(*argv: str) -> tuple[int, set[str]]:
    done = subprocess.run(
        [sys.executable, "-c", PROBE, json.dumps(list(argv))], capture_output=True, text=True, check=True
    )
    report = json.loads(done.stdout.strip().splitlines()[-1])
    return report["status"], set(report["loaded"])


def _sqlalchemy(loaded: set[str]) -> bool:
    return any(m == "sqlalchemy" or m.startswith("sqlalchemy.") for m in loaded)


def _trail(url: str) -> list[dict[str, object]]:
    conn = sqlite3.connect(url.removeprefix("sqlite:///"))
    try:
        conn.row_factory = sqlite3.Row
        return [dict(r) for r in conn.execute("SELECT * FROM audit_log ORDER BY id")]
    finally:
        conn.close()


def test_care_plan_pdf_on_sqlite_loads_no_sqlalchemy_and_records_the_export(
    plans: tuple[str, Services], tmp_path: Path
) -> None:
    url, services = plans
    before = _trail(url)
    out = tmp_path / "gp.pdf"
    status, loaded = _cli("--database", url, "care-plan", "MDT-001", "--pdf", str(out), "--for", "gp")
    assert status == 0
    assert not _sqlalchemy(loaded)
    ours = paper_bytes(services.printout("MDT-001"), Audience.GP)
    assert _text_at_any_minute(out.read_bytes()) == _text_at_any_minute(ours)
    # one row, chained after the last, as the ordinary path writes it (written here through it, to compare)
    case_id = services.cases.get_by_ref("MDT-001").id
    services.audit.exported("gp paper", case_ids=[case_id or 0])
    after = _trail(url)
    assert after[: len(before)] == before and len(after) == len(before) + 2
    quick_row, ordinary_row = after[-2], after[-1]
    assert quick_row["prev_hash"] == before[-1]["hash"] and ordinary_row["prev_hash"] == quick_row["hash"]
    same = ("actor", "account_id", "host", "action", "record_type", "record_id", "case_id", "fields",
            "old_version", "new_version", "key_id")
    assert {k: quick_row[k] for k in same} == {k: ordinary_row[k] for k in same}
    assert quick_row["action"] == "export" and json.loads(str(quick_row["fields"])) == ["gp paper"]
    verdict = services.audit.verify()
    assert verdict.ok and verdict.checked == len(after)


def test_a_case_that_is_not_there_is_said_so_as_on_the_ordinary_path(
    plans: tuple[str, Services], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url, _services = plans
    assert main(["--database", url, "care-plan", "MDT-404", "--pdf", str(tmp_path / "x.pdf")]) == 2
    assert capsys.readouterr().err == "mdtboard: No case MDT-404 was found. Nothing was changed.\n"
    assert not (tmp_path / "x.pdf").exists()


def test_someone_signed_in_or_another_schema_revision_takes_the_ordinary_path(
    plans: tuple[str, Services],
) -> None:
    url, services = plans
    assert quick_printout.printout(url, "MDT-001") is not None
    account = next(iter(services.accounts.all()))
    permissions.act_as_account(account)
    assert quick_printout.printout(url, "MDT-001") is None
    permissions.act_as_account(None)
    conn = sqlite3.connect(url.removeprefix("sqlite:///"))
    with conn:
        conn.execute("UPDATE alembic_version SET version_num = 'not-this-one'")
    conn.close()
    assert quick_printout.printout(url, "MDT-001") is None


@pytest.mark.postgres
@pytest.mark.parametrize("database_url", ["postgresql"], indirect=True)
def test_care_plan_pdf_on_postgresql_takes_the_ordinary_path(database_url: str, tmp_path: Path) -> None:
    services = open_services(database_url)
    try:
        import_files(services.cases, [SAMPLE_CASES])
        agreed_plan(services, services.cases.get_by_ref("MDT-001"))
        before = services.audit.verify().checked
    finally:
        services.close()
    assert quick_printout.printout(database_url, "MDT-001") is None
    out = tmp_path / "plan.pdf"
    status, loaded = _cli("--database", database_url, "care-plan", "MDT-001", "--pdf", str(out))
    assert status == 0 and _sqlalchemy(loaded) and out.read_bytes().startswith(b"%PDF")
    services = open_services(database_url)
    try:
        verdict = services.audit.verify()
    finally:
        services.close()
    assert verdict.ok and verdict.checked == before + 1


def test_care_plan_pdf_on_an_encrypted_file_takes_the_ordinary_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "keyring-data"))
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyrings.alt.file.PlaintextKeyring")
    before = keyring.get_keyring()
    keyring.core.init_backend()
    try:
        url = sqlite_url(tmp_path / "secret.sqlite3")
        services = open_services(url, encrypt=True)
        try:
            import_files(services.cases, [SAMPLE_CASES])
            agreed_plan(services, services.cases.get_by_ref("MDT-001"))
            ordinary = services.printout("MDT-001")
        finally:
            services.close()
        assert quick_printout.printout(url, "MDT-001") is None
        out = tmp_path / "plan.pdf"
        status, loaded = _cli("--database", url, "care-plan", "MDT-001", "--pdf", str(out))
        assert status == 0 and _sqlalchemy(loaded)
        ours = paper_bytes(ordinary, Audience.TEAM)
        assert _text_at_any_minute(out.read_bytes()) == _text_at_any_minute(ours)
        services = open_services(url, create=False)
        try:
            assert services.audit.verify().ok
            assert services.audit.history(services.audit.case_id("MDT-001"))[-1].action == "export"
        finally:
            services.close()
    finally:
        keyring.set_keyring(before)


def test_the_leads_of_the_plan_are_those_of_its_conference(plans: tuple[str, Services]) -> None:
    url, _services = plans
    quick = quick_printout.printout(url, "MDT-002")
    assert quick is not None
    assert set(quick[0].required_sign_offs) == set(LEADS) and Discipline.PHYSICIAN in LEADS
