"""Who may do what: one table, here in the services (never in the widgets).

:func:`allowed` answers for a set of roles (a person may have several: any role that allows it will do).
Rules that depend on more than the role (signing only for one's own discipline while on the attendance
list, seeing a restricted passage only for the discipline or people it names) are checked by the service
that does the action, after this table says the role may do it at all.
"""

from __future__ import annotations

import time
from collections.abc import Iterable

from mdtboard.domain.accounts import Account, Action, Role
from mdtboard.domain.errors import MdtboardError

A = Action
#: Every role and the actions it allows.
PERMISSIONS: dict[Role, frozenset[Action]] = {
    Role.ADMINISTRATOR: frozenset({A.MANAGE_ACCOUNTS, A.EDIT_CASES, A.EXPORT, A.SEE_REAL_CASES}),
    Role.CHAIR: frozenset({
        A.EDIT_CASES, A.RUN_CONFERENCE, A.GIVE_OWN_INPUT, A.GIVE_ANY_INPUT, A.ACCEPT_INTO_PLAN,
        A.SIGN_FOR_DISCIPLINE, A.WITHDRAW_OWN_SIGNATURE, A.WITHDRAW_ANY_SIGNATURE, A.EXPORT, A.SEE_REAL_CASES,
    }),
    Role.MEMBER: frozenset({
        A.EDIT_CASES, A.GIVE_OWN_INPUT, A.SIGN_FOR_DISCIPLINE, A.WITHDRAW_OWN_SIGNATURE, A.EXPORT,
        A.SEE_REAL_CASES,
    }),
    Role.TRAINEE: frozenset({A.GIVE_OWN_INPUT}),
    Role.OBSERVER: frozenset(),
}


class NotAllowedError(MdtboardError):
    """The person signed in may not do this; nothing was changed."""

    exit_status = 2


def allowed(roles: Iterable[Role], action: Action) -> bool:
    return any(action in PERMISSIONS[role] for role in roles)


def require(roles: Iterable[Role], action: Action, *, who: str = "You") -> None:
    roles = list(roles)
    if not allowed(roles, action):
        named = ", ".join(sorted(r.value for r in roles)) or "no role"
        raise NotAllowedError(
            f"{who} ({named}) may not {action.value.replace('_', ' ')}. Nothing was changed."
        )


# ------------------------------------------------------------------------------------ who acts now
#: The account signed in to this program (None: nobody has signed in; see :func:`check`).
_acting: Account | None = None


def acting() -> Account | None:
    """The account signed in, or None."""
    return _acting


def act_as_account(account: Account | None) -> None:
    """Make ``account`` the one whose permissions every service checks (None: nobody signed in). Whoever
    confirmed with their own credential under the account signed in before (:func:`vouch`) no longer
    counts as confirmed (nor when nobody is signed in now)."""
    global _acting
    if account is None or account != _acting:
        _vouched.clear()
    _acting = account


# ------------------------------------------------------------- people who confirmed it is them
#: Accounts other than the one signed in whose person confirmed, on this PC, with their own password or PIN
#: that it is them (a rater scoring on the training window): by id, when (``time.monotonic``).
_vouched: dict[int, float] = {}
#: How long such a confirmation holds: a teaching session.
VOUCH_FOR_S = 4 * 3600.0


def vouch(account_id: int) -> None:
    """Note that the person of ``account_id`` has just confirmed with their own credential (only
    :meth:`AccountService.confirm` calls this, after checking it)."""
    _vouched[account_id] = time.monotonic()


def vouched(account_id: int) -> bool:
    """Whether ``account_id`` is the account signed in, or its person confirmed with their own credential
    since that account signed in, within :data:`VOUCH_FOR_S`."""
    if _acting is not None and _acting.id == account_id:
        return True
    at = _vouched.get(account_id)
    return at is not None and time.monotonic() - at < VOUCH_FOR_S


def listing(fictional: bool | None) -> bool | None:
    """The real/fictional filter of a listing of cases for the account signed in: trainees and observers
    list fictional cases only (a real case of a conference they attend is opened from the conference)."""
    account = _acting
    if account is None or allowed(account.roles, Action.SEE_REAL_CASES):
        return fictional
    return True


def check(action: Action) -> Account | None:
    """Raise :class:`NotAllowedError` when the account signed in may not do ``action``; the account.

    Nobody signed in (None) is the operating-system user working on the database directly (the command
    line, maintenance scripts): whoever can read and write the database file or holds the server's
    credentials can do anything anyway, and the audit trail records them by their system name. The
    program never lets a person work without signing in (or choosing the demo team)."""
    account = _acting
    if account is not None:
        require(account.roles, action, who=account.display_name)
    return account
