"""The permission table, tested as a table: every role against every action."""

from __future__ import annotations

import pytest

from mdtboard.domain.accounts import Action, Role
from mdtboard.services.permissions import PERMISSIONS, NotAllowedError, allowed, require

#: What the issue asks, written out once more by hand: Y allowed, - not.
EXPECTED = """
action                   administrator chair member trainee observer
edit_cases               Y             Y     Y      -       -
run_conference           -             Y     -      -       -
give_own_input           -             Y     Y      Y       -
give_any_input           -             Y     -      -       -
accept_into_plan         -             Y     -      -       -
sign_for_discipline      -             Y     Y      -       -
withdraw_own_signature   -             Y     Y      -       -
withdraw_any_signature   -             Y     -      -       -
manage_accounts          Y             -     -      -       -
export                   Y             Y     Y      -       -
see_real_cases           Y             Y     Y      -       -
"""


def expected() -> dict[tuple[Role, Action], bool]:
    header, *lines = [line.split() for line in EXPECTED.strip().splitlines()]
    roles = [Role(name) for name in header[1:]]
    return {
        (role, Action(line[0])): mark == "Y"
        for line in lines
        for role, mark in zip(roles, line[1:], strict=True)
    }


def test_the_expected_table_covers_every_role_and_action() -> None:
    assert set(expected()) == {(r, a) for r in Role for a in Action}
    assert set(PERMISSIONS) == set(Role)


@pytest.mark.parametrize(("role", "action"), [(r, a) for r in Role for a in Action])
def test_every_role_against_every_action(role: Role, action: Action) -> None:
    assert allowed([role], action) is expected()[(role, action)]
    if expected()[(role, action)]:
        require([role], action)
    else:
        with pytest.raises(NotAllowedError, match="may not .* Nothing was changed"):
            require([role], action)


def test_several_roles_allow_what_any_of_them_allows() -> None:
    assert allowed([Role.TRAINEE, Role.ADMINISTRATOR], Action.MANAGE_ACCOUNTS)
    assert not allowed([Role.TRAINEE, Role.OBSERVER], Action.EDIT_CASES)
    assert not allowed([], Action.EXPORT)
