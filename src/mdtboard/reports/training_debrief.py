"""The debrief PDF of a trainee at a teaching conference, from what the training service gathered.

:meth:`~mdtboard.services.training.TrainingService.debrief_inputs` gathers what the debrief needs (the
conference, the programme's earlier conferences for the progress charts, the cases the trainee presented,
the goals) as plain data; :mod:`.debrief` renders it. These two functions join them without querying.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from mdtboard.reports.debrief import debrief_pdf
from mdtboard.services.files import write_atomic
from mdtboard.services.training_data import DebriefInputs


def debrief_for(
    inputs: DebriefInputs,
    *,
    size: str = "A4",
    generated_at: datetime | None = None,
) -> bytes:
    """The debrief of ``inputs.trainee`` at ``inputs.conference`` as PDF bytes (``inputs`` from
    :meth:`~mdtboard.services.training.TrainingService.debrief_inputs`, which raises for an unknown
    conference, a clinical conference or a trainee who took no part in it)."""
    return debrief_pdf(
        inputs.trainee,
        inputs.conference,
        history=inputs.history,
        cases=inputs.cases,
        goals=inputs.goals,
        goals_reviewed=inputs.goals_reviewed,
        not_blind=inputs.not_blind,
        generated_at=generated_at,
        size=size,
    )


def write_debrief(
    inputs: DebriefInputs,
    path: Path | str,
    *,
    size: str = "A4",
    generated_at: datetime | None = None,
) -> Path:
    """Write the debrief to ``path`` atomically: a failure leaves any earlier file there intact."""
    return write_atomic(path, debrief_for(inputs, size=size, generated_at=generated_at))
