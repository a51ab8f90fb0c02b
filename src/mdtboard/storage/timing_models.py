"""Tables of the conference timers: what each agenda item's timer recorded, and the meeting clock.

- ``timing_segments``: the stretches of one agenda item's discussion, written while they happen. Each run
  of the item's timer (from its start to its stop; taking the case up again later is a new run) has a
  ``run_key``; within a run a row is a *phase* stretch (``phase`` holds the phase's key: ``presentation``,
  ``discipline:psychology``, ``plan``) or a *floor* stretch (``discipline`` held the floor; empty when no
  discipline was marked). A stretch still going on has no ``ended_at``: should the program stop without
  closing it, that one stretch's length is what is lost. The floor stretches of an item add up to the
  time its timer ran, so the item's actual time and each discipline's share are both read from them.
- ``meeting_clocks``: when the meeting clock of a conference was started and ended.

Training mode keeps its own typed-in timing (``training_timings``); where there is none, it reads these.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, DateTime, ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from mdtboard.storage.models import Base, Versioned

_DISCIPLINES = (
    "'physician', 'physical_therapy', 'psychology', 'pharmacy', 'nursing', "
    "'occupational_therapy', 'social_work'"
)
PHASE_KIND = "phase"
FLOOR_KIND = "floor"


class TimingSegmentRow(Base):
    __tablename__ = "timing_segments"

    id: Mapped[int] = mapped_column(primary_key=True)
    agenda_item_id: Mapped[int] = mapped_column(ForeignKey("agenda_items.id", ondelete="CASCADE"), index=True)
    #: One run of the item's timer (a random key made when the run starts).
    run_key: Mapped[str] = mapped_column(String(32))
    kind: Mapped[str] = mapped_column(String(8))
    #: The stretch's place among the run's stretches of the same kind.
    position: Mapped[int] = mapped_column(Integer)
    #: For a phase stretch, the phase's key; empty for a floor stretch.
    phase: Mapped[str | None] = mapped_column(String(48))
    #: For a floor stretch, who held the floor (empty: no discipline marked); empty for a phase stretch.
    discipline: Mapped[str | None] = mapped_column(String(32))
    started_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    #: Empty while the stretch goes on.
    ended_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))

    __table_args__ = (
        UniqueConstraint("agenda_item_id", "run_key", "kind", "position", name="uq_timing_segments_place"),
        CheckConstraint(f"kind IN ('{PHASE_KIND}', '{FLOOR_KIND}')", name="kind_known"),
        CheckConstraint(
            f"(kind = '{PHASE_KIND}' AND phase IS NOT NULL AND discipline IS NULL)"
            f" OR (kind = '{FLOOR_KIND}' AND phase IS NULL)",
            name="kind_fields",
        ),
        CheckConstraint(f"discipline IS NULL OR discipline IN ({_DISCIPLINES})", name="discipline_known"),
        CheckConstraint("ended_at IS NULL OR ended_at >= started_at", name="ends_after_start"),
    )


class MeetingClockRow(Versioned, Base):
    __tablename__ = "meeting_clocks"

    conference_id: Mapped[int] = mapped_column(
        ForeignKey("conferences.id", ondelete="CASCADE"), primary_key=True
    )
    started_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    ended_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))

    __table_args__ = (CheckConstraint("ended_at IS NULL OR ended_at >= started_at", name="ends_after_start"),)
