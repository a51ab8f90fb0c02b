"""The printed meeting record: who came, which cases were discussed or deferred, time against budget,
overruns, each discipline's share of the floor, and which disciplines were missing.

One report class, :class:`MeetingRecordDocument`, renders a :class:`~mdtboard.domain.meeting.MeetingRecord`
to PDF with ReportLab on the shared page of mdtboard's documents (``reports.page``: header naming the
conference, footer with "page X of Y") in the shared fonts and styles. Figures never rely on colour:
the time-share bars are drawn by length and the numbers are printed beside them and again in a table.
"""

from __future__ import annotations

from datetime import datetime, tzinfo
from pathlib import Path

from reportlab.graphics.shapes import Drawing, Line, Rect, String
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table

from mdtboard.domain.meeting import CaseLine, MeetingRecord
from mdtboard.domain.timers import TimeShare, format_hms, format_mmss
from mdtboard.reports.fonts import SANS
from mdtboard.reports.page import PageDecor, frame_width, render
from mdtboard.reports.styles import ACCENT, INK, RULE, Paragraph, grid_table, markup, styles
from mdtboard.services.files import write_atomic

BAR_FILL = ACCENT
BAR_UNMARKED = RULE


class MeetingRecordDocument:
    """The meeting record of one conference as a PDF, on the shared page of mdtboard's documents.

    ``tz`` is the time zone times are printed in (default: this computer's); ``generated_at`` is printed
    in the footer (default: now); ``size`` is "A4" or "Letter". ``patient_names=False`` prints case
    references and titles only.
    """

    def __init__(
        self,
        record: MeetingRecord,
        *,
        tz: tzinfo | None = None,
        generated_at: datetime | None = None,
        patient_names: bool = True,
        size: str = "A4",
    ) -> None:
        self.record = record
        self.tz = tz
        self.generated_at = generated_at or datetime.now().astimezone(tz)
        self.patient_names = patient_names
        self.size = size
        self._width = frame_width(size)  # also refuses a page size other than A4 or Letter
        shared = styles()
        self.styles: dict[str, ParagraphStyle] = {
            "title": shared.title,
            "h2": shared.h1,
            "h3": shared.h2,
            "body": shared.body,
            "cell": shared.cell,
            "cell_right": ParagraphStyle("cell_right", parent=shared.cell, alignment=TA_RIGHT),
            "note": shared.muted,
        }

    # -- output --

    def render(self) -> bytes:
        r = self.record
        held = r.scheduled_start.strftime("%Y-%m-%d %H:%M")
        stamp = self.generated_at.strftime("%Y-%m-%d %H:%M")
        decor = PageDecor(
            document_title="Meeting record",
            patient_name=r.title,  # the header's main line: here, the conference
            header_right=tuple(line for line in (held, r.room) if line),
            footer_left=f"Meeting record · {r.title} · {held} · printed {stamp}",
            subject=f"Meeting record of the conference {r.title}, {held}",
            keywords=("mdtboard", "meeting record"),
        )
        return render(self.story(), decor, size=self.size)

    # -- content --

    def story(self) -> list[Flowable]:
        return [
            *self._header(),
            *self._attendance(),
            *self._cases(),
            *self._overruns(),
            *self._time_share(),
            *self._missing(),
            *self._audit_head(),
        ]

    def _audit_head(self) -> list[Flowable]:
        if not self.record.audit_head:
            return []
        number, digest = self.record.audit_head.split(":", 1)
        return [self._p(f"Audit trail when printed: record {number}, hash {digest}.", "note")]

    def _p(self, text: str, style: str = "body") -> Paragraph:
        return Paragraph(markup(text), self.styles[style])

    def _grid(self, head: list[str], rows: list[list[Flowable | str]], fractions: list[float]) -> Table:
        return grid_table(head, rows, [f * self._width for f in fractions])

    def _time(self, moment: datetime | None) -> str:
        if moment is None:
            return "–"
        local = moment.astimezone(self.tz) if moment.tzinfo is not None else moment
        return local.strftime("%H:%M")

    def _header(self) -> list[Flowable]:
        r = self.record
        rows = [
            ("Date", r.scheduled_start.strftime("%A %d %B %Y, %H:%M")),
            ("Room", r.room or "–"),
            ("Chair", r.chair or "–"),
            ("Mode", r.mode.value),
            ("Meeting", f"{self._time(r.started_at)} to {self._time(r.ended_at)}"),
            ("Length", _length_against_plan(r)),
        ]
        table = Table(
            [[Paragraph(f"<b>{k}</b>", self.styles["cell"]), self._p(v, "cell")] for k, v in rows],
            colWidths=[28 * mm, self._width - 28 * mm],
            hAlign="LEFT",
        )
        return [self._p(f"Meeting record: {r.title}", "title"), table]

    def _attendance(self) -> list[Flowable]:
        r = self.record
        out: list[Flowable] = [self._p("Attendance", "h2")]
        if not r.attendees:
            out.append(self._p("No attendance was recorded."))
        else:
            rows: list[list[Flowable | str]] = [
                [a.name, a.discipline.label, a.role.value] for a in r.attendees
            ]
            out.append(self._grid(["Name", "Discipline", "Role"], rows, [0.45, 0.33, 0.22]))
        out.append(Spacer(1, 3))
        out.append(self._p(r.quorum.describe() + " (observers do not count towards the quorum).", "note"))
        return out

    def _cases(self) -> list[Flowable]:
        r = self.record
        out: list[Flowable] = [self._p("Cases", "h2")]
        if not r.cases:
            return [*out, self._p("The agenda was empty.")]
        counts = (
            f"{len(r.discussed)} discussed, {len(r.deferred)} deferred, {len(r.not_reached)} not reached"
            + (f", {len(r.unfinished)} still in discussion" if r.unfinished else "")
        )
        out.append(self._p(counts + "."))
        rows = [self._case_row(c) for c in r.cases]
        total_budget = sum(c.budget_seconds for c in r.cases)
        rows.append([
            "", Paragraph("<b>Total</b>", self.styles["cell"]),
            self._p(format_mmss(total_budget), "cell_right"),
            self._p(format_mmss(r.case_seconds), "cell_right"), "", "",
        ])
        out.append(grid_table(
            ["#", "Case", "Budget", "Actual", "Over / under", "Status"],
            rows,
            [f * self._width for f in (0.05, 0.41, 0.11, 0.11, 0.14, 0.18)],
            extra=[("LINEABOVE", (0, -1), (-1, -1), 1.2, INK)],
        ))
        return out

    def _case_row(self, c: CaseLine) -> list[Flowable | str]:
        what = f"<b>{markup(c.case_ref)}</b>"
        if self.patient_names and c.patient_name:
            what += f" · {markup(c.patient_name)}"
        if c.title:
            what += f"<br/>{markup(c.title)}"
        over = c.over_text + (" over" if c.overran else "")
        return [
            str(c.position),
            Paragraph(what, self.styles["cell"]),
            self._p(c.budget_text, "cell_right"),
            self._p(c.actual_text, "cell_right"),
            self._p(over, "cell_right"),
            c.status.label,
        ]

    def _overruns(self) -> list[Flowable]:
        r = self.record
        out: list[Flowable] = [self._p("Overruns", "h2")]
        if not r.overruns:
            out.append(self._p("No case ran over its budget."))
            return out
        total = sum(c.over_seconds or 0 for c in r.overruns)
        out.append(self._p(f"{len(r.overruns)} case(s) ran over, by {format_mmss(total)} in all:"))
        for c in r.overruns:
            out.append(self._p(
                f"• {c.case_ref}: {c.actual_text} against a budget of {c.budget_text}, over by {c.over_text}"
            ))
        return out

    def _time_share(self) -> list[Flowable]:
        r = self.record
        out: list[Flowable] = [self._p("Time share per discipline", "h2")]
        if not r.time_share:
            out.append(self._p("Who held the floor was not recorded at this meeting."))
            return out
        if not r.floor_tracked:
            out.append(self._p("No discipline was marked as holding the floor; all time is unmarked."))
        out.append(_share_bars(r.time_share, self._width))
        out.append(Spacer(1, 4))
        rows: list[list[Flowable | str]] = [
            [s.label, self._p(format_mmss(s.seconds), "cell_right"), self._p(s.percent_text, "cell_right")]
            for s in r.time_share
        ]
        out.append(self._grid(["Discipline", "Time", "Share"], rows, [0.5, 0.25, 0.25]))
        per_case = [c for c in r.cases if c.time_share]
        if per_case:
            out.append(self._p("Per case", "h3"))
            for c in per_case:
                parts = ", ".join(
                    f"{s.label} {format_mmss(s.seconds)} ({s.percent_text})" for s in c.time_share
                )
                out.append(self._p(f"{c.case_ref}: {parts}", "cell"))
        return out

    def _missing(self) -> list[Flowable]:
        r = self.record
        out: list[Flowable] = [self._p("Missing disciplines", "h2")]
        if r.missing_disciplines:
            names = ", ".join(d.label for d in r.missing_disciplines)
            out.append(self._p(f"Missing from attendance: {names}."))
        else:
            out.append(self._p("Missing from attendance: none; every core discipline was present."))
        if not r.floor_tracked:
            out.append(self._p("Present but never heard: not known (the floor was not tracked)."))
        elif r.never_heard:
            out.append(self._p("Present but never heard: " + ", ".join(d.label for d in r.never_heard) + "."))
        else:
            out.append(self._p("Present but never heard: none; every discipline present held the floor."))
        return [KeepTogether(out)]


def _share_bars(shares: tuple[TimeShare, ...], width: float) -> Drawing:
    """Horizontal bars, one a discipline, their length the share of the floor, the figures beside them."""
    row, label_w, figure_w = 16.0, 46 * mm, 30 * mm
    bar_max = max(10.0, width - label_w - figure_w)
    height = row * len(shares) + 6
    drawing = Drawing(width, height)
    longest = max((s.fraction for s in shares), default=0.0) or 1.0
    for n, share in enumerate(shares):
        y = height - (n + 1) * row
        drawing.add(String(0, y + 4, share.label, fontName=SANS, fontSize=8.5, fillColor=INK))
        length = bar_max * share.fraction / longest
        fill = BAR_UNMARKED if share.discipline is None else BAR_FILL
        if length > 0:
            bar = Rect(label_w, y + 2, length, row - 5, fillColor=fill, strokeColor=INK, strokeWidth=0.3)
            drawing.add(bar)
        figure = f"{share.percent_text} · {format_mmss(share.seconds)}"
        drawing.add(String(label_w + length + 4, y + 4, figure, fontName=SANS, fontSize=8.5, fillColor=INK))
    drawing.add(Line(label_w, 0, label_w, height, strokeColor=INK, strokeWidth=0.6))
    return drawing


def _length_against_plan(r: MeetingRecord) -> str:
    planned = f"planned {format_hms(r.planned_seconds)}"
    if r.meeting_seconds is None:
        return f"not timed ({planned})"
    over = r.over_plan_seconds or 0
    if over > 0:
        verdict = f"{format_hms(over)} over plan"
    elif over < 0:
        verdict = f"{format_hms(-over)} under plan"
    else:
        verdict = "on plan"
    return f"{format_hms(r.meeting_seconds)} against {planned}: {verdict}"


def meeting_record_pdf(
    record: MeetingRecord,
    *,
    tz: tzinfo | None = None,
    generated_at: datetime | None = None,
    patient_names: bool = True,
    size: str = "A4",
) -> bytes:
    """The meeting record as PDF bytes (see :class:`MeetingRecordDocument`)."""
    return MeetingRecordDocument(
        record, tz=tz, generated_at=generated_at, patient_names=patient_names, size=size
    ).render()


def write_meeting_record_pdf(
    record: MeetingRecord,
    path: Path | str,
    *,
    tz: tzinfo | None = None,
    generated_at: datetime | None = None,
    patient_names: bool = True,
    size: str = "A4",
) -> Path:
    """Write the meeting record to ``path`` atomically (an earlier file survives a failure intact)."""
    data = meeting_record_pdf(
        record, tz=tz, generated_at=generated_at, patient_names=patient_names, size=size
    )
    return write_atomic(path, data)
