"""Presence: who has a record open on another PC, and who is typing where ("Dr Ruiz is typing in
Psychology", "open on 2 other PCs").

Each running program announces the records it has open (:class:`Presence`) every few seconds, each
announcement valid for :data:`TTL_S`; one that is not renewed (a PC switched off, a network gone) is no
longer shown once it expires. Only who, which record and where: never any text of the record.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

#: An announcement is valid this long (seconds) unless renewed.
TTL_S = 6.0
#: A program renews its announcements this often (seconds), and at once when they change.
RENEW_S = 2.0
#: "Typing" lasts this long (seconds) after the last key pressed.
TYPING_S = 4.0


@dataclass(frozen=True)
class Presence:
    """One program having one record open: ``kind`` and ``record_id`` as the change feed names records
    (:mod:`mdtboard.domain.changes`), ``who`` is there, ``place`` where in the record they are (a
    discipline's label, a section), ``typing`` when they pressed a key within :data:`TYPING_S`.
    ``client`` is the program (:data:`mdtboard.services.changes.CLIENT_ID`)."""

    kind: str
    record_id: int
    who: str
    place: str | None = None
    typing: bool = False
    client: str = ""

    @property
    def key(self) -> tuple[str, int]:
        return (self.kind, self.record_id)


def _pcs(n: int) -> str:
    return "1 other PC" if n == 1 else f"{n} other PCs"


def describe(others: Iterable[Presence]) -> str:
    """One line for the presence of other programs on one record: who is typing where, then how many
    other PCs have it open ("" when none)."""
    found = list(others)
    if not found:
        return ""
    parts: list[str] = []
    for p in sorted((p for p in found if p.typing), key=lambda p: (p.who, p.place or "")):
        text = f"{p.who} is typing" + (f" in {p.place}" if p.place else "")
        if text not in parts:
            parts.append(text)
    clients = {p.client for p in found}
    parts.append(f"open on {_pcs(len(clients))}")
    return " · ".join(parts)


def typing_in(others: Iterable[Presence], place: str) -> list[str]:
    """Who (names, sorted, once each) is typing in ``place`` on another PC."""
    return sorted({p.who for p in others if p.typing and p.place == place})
