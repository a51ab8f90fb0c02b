"""References of new cases."""

from __future__ import annotations

from mdtboard.domain.case_refs import blank_case, next_reference, reference_prefix
from mdtboard.domain.validation import REF_PATTERN, case_problems


def test_references_are_numbered_after_the_highest_of_the_year() -> None:
    prefix = reference_prefix(False, 2026)
    assert prefix == "MDT-2026-"
    assert next_reference(prefix, []) == "MDT-2026-001"
    assert next_reference(prefix, ["MDT-2026-001", "MDT-2026-007", "MDT-2025-040"]) == "MDT-2026-008"
    assert next_reference(prefix, ["MDT-2026-0999"]) == "MDT-2026-1000"
    assert next_reference(prefix, ["MDT-2026-001-copy", "MDT-2026-x"]) == "MDT-2026-001"
    assert reference_prefix(True, 2026) == "TEACH-2026-"
    assert REF_PATTERN.match(next_reference(prefix, []))


def test_a_blank_case_is_not_a_case_that_may_be_stored() -> None:
    case = blank_case("MDT-2026-001", fictional=True)
    assert case.fictional is True and case.id is None
    assert [p.where for p in case_problems(case)] == ["patient.display_name"] * 2
