"""What the teaching-case finder hints in one sentence, as the tests of its rules ask it."""

from __future__ import annotations

from datetime import date

from mdtboard.domain.phi import HintKind, find_identifiers

#: The day the finder is told it is (dates are judged against it).
TODAY = date(2024, 6, 1)


def hints(text: str, kind: HintKind | None = None) -> list[str]:
    """The texts of the hints on ``text`` (of ``kind`` only, when given)."""
    return [h.text for h in find_identifiers("f", text, today=TODAY) if kind is None or h.kind is kind]


def kinds(text: str) -> set[HintKind]:
    """The kinds of the hints on ``text``."""
    return {h.kind for h in find_identifiers("f", text, today=TODAY)}


def covered(text: str, part: str) -> bool:
    """Whether hints cover every letter and digit of ``part`` in ``text`` (as the recall measure counts)."""
    start = text.index(part)
    spans = [(h.start, h.end) for h in find_identifiers("f", text, today=TODAY)]
    return all(any(s <= i < e for s, e in spans)
               for i in range(start, start + len(part)) if text[i].isalnum())
