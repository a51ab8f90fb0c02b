"""Which cases the account signed in may see: everyone with the role to see real cases sees every case;
trainees and observers see the fictional cases and the cases of the conferences they attend (their name on
the attendance list). Checked by every service that reads a case or what belongs to it."""

from __future__ import annotations

from collections.abc import Iterable

from mdtboard.domain.accounts import Action
from mdtboard.services.permissions import NotAllowedError, acting, allowed
from mdtboard.services.uow import Session
from mdtboard.storage import case_repo, conference_repo


def restricted_viewer() -> bool:
    """True when the account signed in sees fictional cases (and those of its conferences) only."""
    account = acting()
    return account is not None and not allowed(account.roles, Action.SEE_REAL_CASES)


def check_visible(session: Session, case_ids: Iterable[int]) -> None:
    """Raise :class:`NotAllowedError` naming the first of ``case_ids`` the account signed in may not see."""
    account = acting()
    if account is None or allowed(account.roles, Action.SEE_REAL_CASES):
        return
    found = case_repo.kinds(session, sorted(set(case_ids)))
    real = {i: ref for i, (ref, fictional) in found.items() if not fictional}
    if not real:
        return
    attended = conference_repo.attended_case_ids(session, account.display_name)
    hidden = next((ref for i, ref in sorted(real.items()) if i not in attended), None)
    if hidden is not None:
        roles = ", ".join(sorted(r.value for r in account.roles))
        raise NotAllowedError(
            f"{account.display_name} ({roles}) sees fictional cases and the cases of the conferences they "
            f"attend, not case {hidden}. Nothing was changed."
        )


def hidden_conferences(session: Session, conf_ids: Iterable[int] | None = None) -> set[int]:
    """Which conferences (of ``conf_ids``, or all) the account signed in does not see: for trainees and
    observers, those with a real case on their agenda that they do not attend (a conference's agenda names
    its patients); nothing for everyone else."""
    account = acting()
    if account is None or allowed(account.roles, Action.SEE_REAL_CASES):
        return set()
    return conference_repo.hidden_conference_ids(
        session, account.display_name, None if conf_ids is None else sorted(set(conf_ids)))


def check_conference_visible(session: Session, conf_id: int) -> None:
    """Raise :class:`NotAllowedError` when the account signed in may not see conference ``conf_id`` (its
    agenda, attendance, timing or minutes)."""
    if conf_id in hidden_conferences(session, [conf_id]):
        account = acting()
        assert account is not None
        roles = ", ".join(sorted(r.value for r in account.roles))
        raise NotAllowedError(
            f"{account.display_name} ({roles}) sees fictional cases and the conferences they attend, not "
            f"conference {conf_id}. Nothing was changed."
        )


def check_item_visible(session: Session, item_id: int) -> None:
    """:func:`check_conference_visible` for the conference of agenda item ``item_id``."""
    if restricted_viewer():
        check_conference_visible(session, conference_repo.item_conference(session, item_id))


def visible_case_ids(session: Session, case_ids: Iterable[int]) -> set[int]:
    """Which of ``case_ids`` the account signed in may see (see :func:`check_visible`)."""
    ids = set(case_ids)
    account = acting()
    if account is None or allowed(account.roles, Action.SEE_REAL_CASES) or not ids:
        return ids
    found = case_repo.kinds(session, sorted(ids))
    attended = conference_repo.attended_case_ids(session, account.display_name)
    return {i for i, (_ref, fictional) in found.items() if fictional or i in attended}
