"""A trainee's competency record as CSV, for the competency committee's own spreadsheets.

One header row, then one row per submitted score (``record`` = ``score``) and one per goal (``record`` =
``goal``). Framework codes of an item are joined with " | ". Dates are ISO (YYYY-MM-DD).
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from mdtboard.domain.competency import FRAMEWORKS, CompetencyRecord
from mdtboard.services.files import write_atomic

COLUMNS = (
    "record", "trainee", "date", "conference", "case", "item_key", "item", "group",
    *(key for key, _label in FRAMEWORKS),
    "rater", "score", "comment", "goal_kind", "goal", "agreed_with", "outcome", "outcome_note",
)


def competency_csv(record: CompetencyRecord) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    for line in record.scores:
        writer.writerow({
            "record": "score", "trainee": record.trainee, "date": line.held_on.isoformat(),
            "conference": line.conference, "case": line.case_ref or "", "item_key": line.item_key,
            "item": line.item, "group": line.group,
            **{key: " | ".join(line.frameworks.get(key, ())) for key, _label in FRAMEWORKS},
            "rater": line.rater, "score": line.score, "comment": line.comment or "",
        })
    for entry in record.goals:
        goal = entry.goal
        writer.writerow({
            "record": "goal", "trainee": record.trainee, "date": entry.held_on.isoformat(),
            "conference": entry.conference, "goal_kind": goal.kind.label, "goal": goal.text,
            "agreed_with": goal.rater or "",
            "outcome": goal.outcome.label if goal.outcome is not None else "not reviewed yet",
            "outcome_note": goal.outcome_note or "",
        })
    return buffer.getvalue()


def write_competency_csv(record: CompetencyRecord, path: Path | str) -> Path:
    """Write the CSV atomically, UTF-8 with a byte-order mark so that spreadsheets read the accents."""
    return write_atomic(path, competency_csv(record).encode("utf-8-sig"))
