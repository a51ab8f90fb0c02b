"""The debrief PDF of a trainee at a teaching conference, straight from the database.

:class:`~mdtboard.services.training.TrainingService` gathers what the debrief needs
(:meth:`~mdtboard.services.training.TrainingService.debrief_inputs`: the conference, the programme's
earlier conferences for the progress charts, the cases the trainee presented); :mod:`.debrief` renders
it. These two functions join them. They live in ``reports`` because the services sit below the reports
and may not import them.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from mdtboard.reports.debrief import debrief_pdf
from mdtboard.services.files import write_atomic
from mdtboard.services.training import TrainingService


def debrief_for(
    training: TrainingService,
    conference_id: int,
    trainee: str,
    *,
    size: str = "A4",
    generated_at: datetime | None = None,
) -> bytes:
    """The debrief of ``trainee`` at the teaching conference ``conference_id`` as PDF bytes.

    Raises :class:`~mdtboard.domain.errors.NotFoundError` for an unknown conference and
    :class:`~mdtboard.domain.errors.InvalidInputError` for a clinical conference or a trainee who took no
    part in it.
    """
    inputs = training.debrief_inputs(conference_id, trainee)
    return debrief_pdf(
        inputs.trainee,
        inputs.conference,
        history=inputs.history,
        cases=inputs.cases,
        goals=inputs.goals,
        goals_reviewed=inputs.goals_reviewed,
        generated_at=generated_at,
        size=size,
    )


def write_debrief(
    training: TrainingService,
    conference_id: int,
    trainee: str,
    path: Path | str,
    *,
    size: str = "A4",
    generated_at: datetime | None = None,
) -> Path:
    """Write the debrief to ``path`` atomically: a failure leaves any earlier file there intact."""
    data = debrief_for(training, conference_id, trainee, size=size, generated_at=generated_at)
    return write_atomic(path, data)
