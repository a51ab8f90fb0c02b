"""Training mode's timing: how long a case's presentation took against its target, and each discipline's
time in the discussion, typed in or recorded by the presentation timers (a part of
:class:`~mdtboard.services.training.TrainingService`, which provides what is declared under
``TYPE_CHECKING``)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

from mdtboard.domain.case import Discipline
from mdtboard.domain.errors import InvalidInputError, Problem
from mdtboard.domain.progress import DEFAULT_PRESENTATION_TARGET_SECONDS, DisciplineTime
from mdtboard.domain.timers import CaseTiming
from mdtboard.services.training_data import (
    PresentationTiming,
    check_seconds,
    conflict,
    discussion_times,
    recorded_timings,
    timing_from_case_timer,
    to_timing,
)
from mdtboard.services.uow import Session, read_only, unit_of_work
from mdtboard.storage import training_repo as repo
from mdtboard.storage.models import AgendaItemRow, ConferenceRow, utcnow

if TYPE_CHECKING:
    from mdtboard.storage.db import Database


class TimingMixin:
    """The timing methods of :class:`~mdtboard.services.training.TrainingService`."""

    if TYPE_CHECKING:
        db: Database

        def _item(self, session: Session, agenda_item_id: int) -> tuple[AgendaItemRow, ConferenceRow]: ...

    def timing(self, agenda_item_id: int) -> PresentationTiming | None:
        with read_only(self.db) as session:
            self._item(session, agenda_item_id)
            row = repo.timing(session, agenda_item_id)
            if row is None:  # nothing typed in: what the conference timers recorded, if anything
                return recorded_timings(session, [agenda_item_id]).get(agenda_item_id)
            return to_timing(row)

    def record_timing(
        self,
        agenda_item_id: int,
        *,
        presentation_seconds: float | None,
        target_seconds: float = DEFAULT_PRESENTATION_TARGET_SECONDS,
        discussion: Mapping[Discipline, float] | Iterable[DisciplineTime] = (),
        seen_version: int | None = None,
    ) -> PresentationTiming:
        """Store how long the case's presentation took against its target, and each discipline's time."""
        times = discussion_times(discussion)
        problems: list[Problem] = []
        check_seconds(presentation_seconds, "presentation_seconds", problems)
        check_seconds(target_seconds, "target_seconds", problems, positive=True)
        for entry in times:
            check_seconds(entry.seconds, f"discussion.{entry.discipline}", problems)
        if problems:
            raise InvalidInputError(problems)
        mine = PresentationTiming(agenda_item_id, presentation_seconds, target_seconds, times)
        with unit_of_work(self.db) as session:
            self._item(session, agenda_item_id)
            row = repo.timing(session, agenda_item_id)
            values = {
                "presentation_seconds": presentation_seconds,
                "target_seconds": target_seconds,
                "updated_at": utcnow(),
            }
            if row is not None and seen_version != row.version:
                raise conflict("timing", agenda_item_id, seen_version, mine, to_timing(row))
            theirs = to_timing(row) if row is not None else None
            stored = repo.store_timing(
                session, agenda_item_id, row, seen_version, values,
                [{"discipline": t.discipline.value, "seconds": t.seconds} for t in times],
            )
            if stored is None:
                raise conflict("timing", agenda_item_id, seen_version, mine, theirs)
            return to_timing(stored)

    def record_case_timing(
        self,
        agenda_item_id: int,
        timing: CaseTiming,
        *,
        target_seconds: float = DEFAULT_PRESENTATION_TARGET_SECONDS,
        seen_version: int | None = None,
    ) -> PresentationTiming:
        """Store what the presentation timers recorded for a case (see :func:`timing_from_case_timer`)."""
        presentation, discussion = timing_from_case_timer(timing)
        return self.record_timing(
            agenda_item_id,
            presentation_seconds=presentation,
            target_seconds=target_seconds,
            discussion=discussion,
            seen_version=seen_version,
        )
