"""The minutes of a conference as PDF: attendance with roles at the top, then for each case its outcome
(discussed; deferred, with the reason), the decisions and actions of its care plan (who, what, by when),
the plan's status (draft, signed), the disciplines heard and the time it took; at the end the meeting's
length and each discipline's share of the floor.

One report class, :class:`MinutesDocument`, on the shared page of mdtboard's documents. A four-case
meeting fits on one or two pages. What a sharing restriction says is never printed: the minutes go to
people the patient did not choose.

:func:`write_minutes_pdf` is what ``mdtboard minutes CONFERENCE-ID --pdf OUT`` runs.
"""

from __future__ import annotations

from datetime import datetime, tzinfo
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table

from mdtboard.domain.minutes import CaseMinutes, Minutes
from mdtboard.domain.timers import format_hms
from mdtboard.reports.page import PageDecor, frame_width, render
from mdtboard.reports.styles import Paragraph, grid_table, markup, styles
from mdtboard.services.files import write_atomic

DOCUMENT_TITLE = "Minutes"


class MinutesDocument:
    """The minutes of one conference. ``tz``: the time zone times are printed in (default: this
    computer's); ``generated_at``: printed in the footer (default: now); ``size``: "A4" or "Letter"."""

    def __init__(
        self,
        minutes: Minutes,
        *,
        tz: tzinfo | None = None,
        generated_at: datetime | None = None,
        size: str = "A4",
    ) -> None:
        self.minutes = minutes
        self.record = minutes.record
        self.tz = tz
        self.generated_at = generated_at or datetime.now().astimezone(tz)
        self.size = size
        self.width = frame_width(size)
        self.s = styles()

    def render(self) -> bytes:
        r = self.record
        held = r.scheduled_start.strftime("%Y-%m-%d %H:%M")
        stamp = self.generated_at.strftime("%Y-%m-%d %H:%M")
        decor = PageDecor(
            document_title=DOCUMENT_TITLE,
            patient_name=r.title,  # the header's main line: here, the conference
            header_right=tuple(line for line in (held, r.room) if line),
            footer_left=f"Minutes · {r.title} · {held} · printed {stamp}",
            subject=f"Minutes of the conference {r.title}, {held}",
            keywords=("mdtboard", "minutes"),
        )
        return render(self.story(), decor, size=self.size)

    # ------------------------------------------------------------------ the story
    def story(self) -> list[Flowable]:
        out = [*self._heading(), *self._attendance(), Paragraph("Cases", self.s.h1)]
        if not self.minutes.cases:
            out.append(Paragraph("The agenda was empty.", self.s.body))
        for case in self.minutes.cases:
            out.append(KeepTogether(self._case(case)))
        out += self._time()
        if self.minutes.audit_head:
            number, digest = self.minutes.audit_head.split(":", 1)
            out.append(self._p(f"Audit trail when printed: record {number}, hash {digest}.", "muted"))
        return out

    def _p(self, text: str, style: str = "body") -> Paragraph:
        return Paragraph(markup(text), getattr(self.s, style))

    def _clock(self, moment: datetime | None) -> str:
        if moment is None:
            return "–"
        local = moment.astimezone(self.tz) if moment.tzinfo is not None else moment
        return local.strftime("%H:%M")

    def _facts(self, rows: list[tuple[str, str]]) -> Table:
        table = Table(
            [[Paragraph(f"<b>{markup(k)}</b>", self.s.cell), self._p(v, "cell")] for k, v in rows],
            colWidths=[30 * mm, self.width - 30 * mm], hAlign="LEFT",
        )
        table.setStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                        ("TOPPADDING", (0, 0), (-1, -1), 1), ("BOTTOMPADDING", (0, 0), (-1, -1), 1)])
        return table

    def _heading(self) -> list[Flowable]:
        r = self.record
        counts = (
            f"{len(r.discussed)} discussed, {len(r.deferred)} deferred, {len(r.not_reached)} not reached"
            + (f", {len(r.unfinished)} still in discussion" if r.unfinished else "")
        )
        rows = [
            ("Date", r.scheduled_start.strftime("%A %d %B %Y, %H:%M")),
            ("Room", r.room or "–"),
            ("Chair", r.chair or "–"),
            ("Mode", r.mode.value),
            ("Meeting", f"{self._clock(r.started_at)} to {self._clock(r.ended_at)}"),
            ("Cases", counts),
        ]
        return [self._p(f"Minutes: {r.title}", "title"), self._facts(rows)]

    def _attendance(self) -> list[Flowable]:
        r = self.record
        out: list[Flowable] = [Paragraph("Attendance", self.s.h1)]
        if not r.attendees:
            out.append(Paragraph("No attendance was recorded.", self.s.body))
        else:
            rows: list[list[Flowable | str]] = [
                [a.name, a.discipline.label, a.role.value] for a in r.attendees
            ]
            out.append(grid_table(["Name", "Discipline", "Role"], rows,
                                  [f * self.width for f in (0.45, 0.33, 0.22)]))
        out.append(Spacer(1, 2))
        out.append(self._p(r.quorum.describe() + " (observers do not count towards the quorum).", "muted"))
        return out

    def _case(self, case: CaseMinutes) -> list[Flowable]:
        line = case.line
        title = f"{line.position}. {line.case_ref}"
        if line.patient_name:
            title += f" · {line.patient_name}"
        out: list[Flowable] = [self._p(title + (f": {line.title}" if line.title else ""), "h2")]
        heard = ", ".join(d.label for d in case.heard) or "none"
        rows = [("Outcome", case.outcome), ("Time", case.time_text)]
        if line.status.value != "pending":
            rows.append(("Heard", heard))
            if case.not_heard:
                rows.append(("Not heard", ", ".join(d.label for d in case.not_heard)))
        rows.append(("Care plan", case.plan_text))
        if case.review_date is not None:
            rows.append(("Review", case.review_date.isoformat()))
        out.append(self._facts(rows))
        if case.decisions:
            out.append(self._p("Decisions", "label"))
            out += [self._p(f"\u2022 {d}", "small") for d in case.decisions]
        if case.actions:
            out.append(self._p("Actions", "label"))
            rows_a: list[list[Flowable | str]] = [
                [a.who, a.what + (" (done)" if a.done else ""), a.by_when] for a in case.actions
            ]
            out.append(grid_table(["Who", "What", "By when"], rows_a,
                                  [f * self.width for f in (0.28, 0.54, 0.18)]))
        out.append(Spacer(1, 4))
        return out

    def _time(self) -> list[Flowable]:
        r = self.record
        out: list[Flowable] = [Paragraph("Time", self.s.h1)]
        planned = format_hms(r.planned_seconds)
        if r.meeting_seconds is None:
            out.append(self._p(f"The meeting was not timed (planned {planned})."))
        else:
            took = format_hms(r.meeting_seconds)
            out.append(self._p(f"The meeting took {took} against {planned} planned."))
        if r.overruns:
            out.append(self._p("Ran over: " + ", ".join(
                f"{c.case_ref} ({c.over_text})" for c in r.overruns) + "."))
        if r.floor_tracked and r.time_share:
            shares = "; ".join(
                f"{s.label} {format_hms(s.seconds)} ({s.fraction:.0%})" for s in r.time_share if s.seconds > 0
            )
            out.append(self._p(f"Who held the floor, as the operator marked it: {shares}."))
        else:
            out.append(self._p("Who held the floor was not marked at this meeting."))
        return out


def minutes_pdf(minutes: Minutes, **kwargs: object) -> bytes:
    return MinutesDocument(minutes, **kwargs).render()  # type: ignore[arg-type]


def write_minutes_pdf(minutes: Minutes, path: Path, *, size: str = "A4", tz: tzinfo | None = None) -> Path:
    """Write the minutes to ``path`` atomically (a failure leaves any earlier file as it was)."""
    return write_atomic(path, MinutesDocument(minutes, size=size, tz=tz).render())
