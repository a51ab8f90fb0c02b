"""A trainee's competency record as a PDF for the competency committee (one report class).

Sections: who and over which period; the raters' mean score of each rubric item per conference (with how
many raters); the same grouped by ACGME Pain Medicine milestone; every rater; the goals and whether they
were met; the framework mapping's note (mdtboard's own reading, not an official crosswalk).
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from reportlab.platypus import Flowable, Spacer

from mdtboard.domain.competency import CompetencyRecord
from mdtboard.reports.page import PageDecor, frame_width, render
from mdtboard.reports.styles import Paragraph, grid_table, markup, styles
from mdtboard.services.files import write_atomic

MAX_DATE_COLUMNS = 6  # the latest conferences; the CSV has them all


class CompetencyDocument:
    def __init__(self, record: CompetencyRecord, *, generated_at: datetime | None = None,
                 size: str = "A4") -> None:
        self.record = record
        self.generated_at = generated_at or datetime.now().astimezone()
        self.size = size
        self._width = frame_width(size)
        self._s = styles()

    def render(self) -> bytes:
        stamp = self.generated_at.strftime("%Y-%m-%d %H:%M")
        decor = PageDecor(
            document_title="Competency record",
            patient_name=self.record.trainee,
            header_right=("For the competency committee", self._period()),
            footer_left=f"Competency record · {self.record.trainee} · printed {stamp}",
            subject=f"Teaching conference assessments of {self.record.trainee}",
            keywords=("mdtboard", "training", "competency"),
        )
        return render(self.story(), decor, size=self.size)

    def _period(self) -> str:
        dates = self.record.dates
        return f"{dates[0]:%Y-%m-%d} to {dates[-1]:%Y-%m-%d}" if dates else "no assessment yet"

    def _p(self, text: str, style: str = "body") -> Paragraph:
        return Paragraph(markup(text), getattr(self._s, style))

    def story(self) -> list[Flowable]:
        record = self.record
        out: list[Flowable] = [self._p(f"Competency record: {record.trainee}", "title"),
                               self._p(f"Submitted assessments from {self._period()}; "
                                       f"{len(record.raters)} rater(s).", "muted")]
        dates = record.dates[-MAX_DATE_COLUMNS:]
        heads = [f"{d:%d %b %y}" for d in dates]
        first = 0.34
        rest = (1 - first) / max(1, len(dates))
        widths = [first * self._width, *([rest * self._width] * len(dates))]
        out.append(self._p("Scores by item (raters' mean, number of raters)", "h1"))
        rows = [[item, *(f"{v[0]:.1f} ({v[1]})" if (v := by_day.get(d)) else "–" for d in dates)]
                for _key, item, by_day in record.item_means()]
        empty = [["No rater's scores yet", *[""] * len(dates)]]
        out.append(grid_table(["Item", *heads], rows or empty, widths))
        out.append(Spacer(1, 6))
        out.append(self._p("ACGME Pain Medicine milestones (raters' mean of the items mapped)", "h1"))
        milestones = [[code, *(f"{means[d]:.1f}" if d in means else "–" for d in dates)]
                      for code, means in record.milestone_means()]
        out.append(grid_table(["Milestone", *heads], milestones or [["–", *[""] * len(dates)]], widths))
        out.append(self._p("The mapping of items to the ACGME Pain Medicine Milestones, CanMEDS and IPEC is "
                           "mdtboard's own reading (resources/training/rubric.json), not an official "
                           "crosswalk.", "muted"))
        out.append(self._p("Raters", "h1"))
        out.append(self._p(", ".join(record.raters) or "none yet"))
        out.append(self._p("Goals", "h1"))
        goal_rows = [[f"{g.held_on:%Y-%m-%d}", g.goal.kind.label, g.goal.text, g.goal.rater or "",
                      g.goal.outcome.label if g.goal.outcome is not None else "not reviewed yet"]
                     for g in record.goals]
        out.append(grid_table(["Set on", "Kind", "Goal", "Agreed with", "Met?"],
                              goal_rows or [["–", "", "No goals yet", "", ""]],
                              [f * self._width for f in (0.14, 0.12, 0.44, 0.16, 0.14)]))
        return out


def competency_pdf(
    record: CompetencyRecord, *, generated_at: datetime | None = None, size: str = "A4"
) -> bytes:
    return CompetencyDocument(record, generated_at=generated_at, size=size).render()


def write_competency_pdf(record: CompetencyRecord, path: Path | str, *, size: str = "A4") -> Path:
    """Write the PDF atomically (an earlier file survives a failure intact)."""
    return write_atomic(path, competency_pdf(record, size=size))
