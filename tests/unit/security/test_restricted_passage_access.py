"""Restricted passages in the case editor: read whole by the discipline or person holding them (and the
read recorded in the audit trail), withheld from everyone else, who cannot change a field holding one."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest
import sqlalchemy as sa
from signing import account_for

from mdtboard.domain.case import Case, Discipline, Patient, RestrictedPassage
from mdtboard.services.context import Services
from mdtboard.services.permissions import NotAllowedError, act_as_account

SECRET = "assaulted by her partner in 2019"
PSYCHOSOCIAL = f"Lives alone. {SECRET}. Works part time."
NOTICE = "[restricted: held by psychology]"


def reads(services: Services) -> list[tuple[str, str, list[str]]]:
    with services.db.engine.connect() as conn:
        rows = conn.execute(sa.text("SELECT action, actor, fields FROM audit_log WHERE action = 'read'"))
        return [(r[0], r[1], json.loads(r[2])) for r in rows]


def stored_case(services: Services) -> Case:
    act = services.cases.get_by_ref  # nobody signed in: as stored
    return act("P-1")


@pytest.fixture
def case(services: Services) -> Case:
    return services.cases.create(Case(
        ref="P-1", fictional=False, title="Back pain", patient=Patient(display_name="Pat"),
        psychosocial=PSYCHOSOCIAL,
        restricted_passages=[RestrictedPassage("/psychosocial", SECRET, "psychology", "ask Ana Ruiz")],
    ))


def test_the_holder_reads_it_whole_and_the_read_is_recorded(services: Services, case: Case) -> None:
    services.accounts.become(account_for(services, "Ana Ruiz", Discipline.PSYCHOLOGY))
    shown = services.cases.open(case.id or 0)
    assert shown.psychosocial == PSYCHOSOCIAL
    assert reads(services) == [("read", "ana-ruiz.psychology", ["/psychosocial"])]  # never the text


def test_others_see_the_notice_and_cannot_change_its_field(services: Services, case: Case) -> None:
    services.accounts.become(account_for(services, "Dr Okafor", Discipline.PHYSICIAN))
    shown = services.cases.open(case.id or 0)
    assert shown.psychosocial == f"Lives alone. {NOTICE}. Works part time."
    assert SECRET not in repr(shown) and reads(services) == []
    assert [p.text for p in shown.restricted_passages or []] == [NOTICE]
    # another field is saved; the passage and its field stay as stored
    saved = services.cases.update(replace(shown, title="Back and hip pain"), base=shown)
    assert saved.title == "Back and hip pain" and SECRET not in repr(saved)
    whole = services.cases.update(replace(saved, one_liner="Seen twice"))  # a save of the whole case
    assert SECRET not in repr(whole)
    act_as_account(None)
    stored = stored_case(services)
    assert stored.psychosocial == PSYCHOSOCIAL and stored.title == "Back and hip pain"
    assert stored.restricted_passages == case.restricted_passages and stored.one_liner == "Seen twice"
    services.accounts.become(account_for(services, "Dr Okafor", Discipline.PHYSICIAN))
    shown = services.cases.open(case.id or 0)
    with pytest.raises(NotAllowedError, match="may not change psychosocial: it holds a restricted passage"):
        services.cases.update(replace(shown, psychosocial="Lives alone."), base=shown)
    act_as_account(None)
    assert stored_case(services).psychosocial == PSYCHOSOCIAL
