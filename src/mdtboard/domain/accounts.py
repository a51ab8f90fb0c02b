"""People with accounts, their roles, and what each role may do (the rules; the table is in
:mod:`mdtboard.services.permissions`)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from mdtboard.domain.case import Discipline


class Role(StrEnum):
    ADMINISTRATOR = "administrator"
    CHAIR = "chair"
    MEMBER = "member"
    TRAINEE = "trainee"
    OBSERVER = "observer"


class Action(StrEnum):
    EDIT_CASES = "edit_cases"  # create and edit cases
    RUN_CONFERENCE = "run_conference"
    GIVE_OWN_INPUT = "give_own_input"  # input for one's own discipline
    GIVE_ANY_INPUT = "give_any_input"  # input for any discipline (the chair)
    ACCEPT_INTO_PLAN = "accept_into_plan"
    SIGN_FOR_DISCIPLINE = "sign_for_discipline"  # with one's own credential, for one's own discipline
    WITHDRAW_OWN_SIGNATURE = "withdraw_own_signature"
    WITHDRAW_ANY_SIGNATURE = "withdraw_any_signature"  # the chair, with a reason
    MANAGE_ACCOUNTS = "manage_accounts"
    EXPORT = "export"
    SEE_REAL_CASES = "see_real_cases"  # trainees and observers see fictional cases (and their conferences')


@dataclass(frozen=True)
class Account:
    id: int
    username: str
    display_name: str
    discipline: Discipline | None
    roles: frozenset[Role]
    demo: bool = False
    version: int = 0
    #: False once an administrator deactivated the account (it is never deleted: signatures keep naming it).
    active: bool = True

    @property
    def label(self) -> str:
        """``Dr Okafor (physician, chair)``; demo accounts say so."""
        parts = [self.discipline.label.lower()] if self.discipline else []
        parts += sorted(r.value for r in self.roles)
        return (f"{self.display_name} ({', '.join(parts)}){' · demo' if self.demo else ''}"
                f"{'' if self.active else ' · deactivated'}")


@dataclass(frozen=True)
class Credential:
    """What a person types to act with their own account: their user name, and their password or PIN.
    Never stored; ``repr`` hides the secret."""

    username: str
    secret: str

    def __repr__(self) -> str:
        return f"Credential({self.username!r}, '***')"
