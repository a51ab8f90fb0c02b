"""The printed meeting record: who came, which cases were discussed or deferred, time against budget,
overruns, each discipline's share of the floor, and which disciplines were missing.

One report class, :class:`MeetingRecordDocument`, renders a :class:`~mdtboard.domain.meeting.MeetingRecord`
to PDF with ReportLab; every page carries "page X of Y". Figures never rely on colour: the time-share
bars are drawn by length and the numbers are printed beside them and again in a table.
"""

from __future__ import annotations

import io
from datetime import datetime, tzinfo
from pathlib import Path
from typing import Any

from reportlab.graphics.shapes import Drawing, Line, Rect, String
from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepTogether,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from mdtboard.domain.meeting import CaseLine, MeetingRecord
from mdtboard.domain.timers import TimeShare, format_hms, format_mmss
from mdtboard.resources import resource
from mdtboard.services.files import write_atomic

# --- fonts and styles (to be replaced by the shared reports.fonts / reports.styles when they land) -----

FONT = "DejaVuSans"
FONT_BOLD = "DejaVuSans-Bold"


def _register_fonts() -> None:
    """Register DejaVu Sans (regular and bold) once; it covers the names and symbols we print."""
    known = set(pdfmetrics.getRegisteredFontNames())
    for name, file in ((FONT, "DejaVuSans.ttf"), (FONT_BOLD, "DejaVuSans-Bold.ttf")):
        if name not in known:
            pdfmetrics.registerFont(TTFont(name, str(resource("fonts", file))))
    pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=FONT_BOLD, italic=FONT, boldItalic=FONT_BOLD)


def _styles() -> dict[str, ParagraphStyle]:
    body = ParagraphStyle("body", fontName=FONT, fontSize=9.5, leading=12.5)
    cell = ParagraphStyle("cell", parent=body, fontSize=8.5, leading=10.5)
    return {
        "title": ParagraphStyle(
            "title", parent=body, fontName=FONT_BOLD, fontSize=16, leading=20, spaceAfter=4
        ),
        "h2": ParagraphStyle(
            "h2", parent=body, fontName=FONT_BOLD, fontSize=12, leading=15, spaceBefore=10, spaceAfter=4
        ),
        "body": body,
        "cell": cell,
        "cell_right": ParagraphStyle("cell_right", parent=cell, alignment=TA_RIGHT),
        "note": ParagraphStyle("note", parent=cell, leading=11, textColor=colors.HexColor("#444444")),
    }


PAGE_SIZE = A4
MARGIN = 18 * mm
GRID = colors.HexColor("#9a9a9a")
HEADER_FILL = colors.HexColor("#e6e6e6")
BAR_FILL = colors.HexColor("#3a5f8f")
BAR_UNMARKED = colors.HexColor("#b8b8b8")


class _NumberedCanvas(Canvas):
    """A canvas that holds its pages back until the end, so that each can say "page X of Y"."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._pages: list[dict[str, Any]] = []
        self.footer_left = ""

    def showPage(self) -> None:
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for number, state in enumerate(self._pages, start=1):
            self.__dict__.update(state)
            self._draw_footer(number, total)
            super().showPage()
        super().save()

    def _draw_footer(self, number: int, total: int) -> None:
        width, _ = self._pagesize
        self.saveState()
        self.setFont(FONT, 8)
        self.setFillColor(colors.HexColor("#444444"))
        self.drawString(MARGIN, 10 * mm, self.footer_left)
        self.drawRightString(width - MARGIN, 10 * mm, f"page {number} of {total}")
        self.restoreState()


class MeetingRecordDocument:
    """The meeting record of one conference as a PDF.

    ``tz`` is the time zone times are printed in (default: this computer's); ``generated_at`` is printed
    in the footer (default: now). ``patient_names=False`` prints case references only.
    """

    def __init__(
        self,
        record: MeetingRecord,
        *,
        tz: tzinfo | None = None,
        generated_at: datetime | None = None,
        patient_names: bool = True,
    ) -> None:
        _register_fonts()
        self.record = record
        self.tz = tz
        self.generated_at = generated_at or datetime.now().astimezone(tz)
        self.patient_names = patient_names
        self.styles = _styles()
        self._width = PAGE_SIZE[0] - 2 * MARGIN

    # -- output --

    def render(self) -> bytes:
        buffer = io.BytesIO()
        doc = BaseDocTemplate(
            buffer,
            pagesize=PAGE_SIZE,
            leftMargin=MARGIN,
            rightMargin=MARGIN,
            topMargin=16 * mm,
            bottomMargin=18 * mm,
            title=f"Meeting record: {self.record.title}",
            author="mdtboard",
            creator="mdtboard",
            invariant=True,
        )
        frame = Frame(doc.leftMargin, doc.bottomMargin, doc.width, doc.height, id="body")
        doc.addPageTemplates([PageTemplate(id="page", frames=[frame], onPage=self._on_page)])
        doc.build(self.story(), canvasmaker=_NumberedCanvas)
        return buffer.getvalue()

    def _on_page(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        stamp = self.generated_at.strftime("%Y-%m-%d %H:%M")
        if isinstance(canvas, _NumberedCanvas):
            canvas.footer_left = f"Meeting record · {self.record.title} · printed {stamp}"

    # -- content --

    def story(self) -> list[Flowable]:
        return [
            *self._header(),
            *self._attendance(),
            *self._cases(),
            *self._overruns(),
            *self._time_share(),
            *self._missing(),
        ]

    def _p(self, text: str, style: str = "body") -> Paragraph:
        return Paragraph(_escape(text), self.styles[style])

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
        )
        table.setStyle(TableStyle([
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
            ("TOPPADDING", (0, 0), (-1, -1), 2),
        ]))
        return [self._p(f"Meeting record: {r.title}", "title"), table]

    def _attendance(self) -> list[Flowable]:
        r = self.record
        out: list[Flowable] = [self._p("Attendance", "h2")]
        if not r.attendees:
            out.append(self._p("No attendance was recorded."))
        else:
            rows = [[self._p(t, "cell") for t in ("Name", "Discipline", "Role")]]
            rows += [
                [self._p(a.name, "cell"), self._p(a.discipline.label, "cell"), self._p(a.role.value, "cell")]
                for a in r.attendees
            ]
            out.append(self._grid(rows, [0.45, 0.33, 0.22]))
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
        out.append(Spacer(1, 4))
        head = ["#", "Case", "Budget", "Actual", "Over / under", "Status"]
        rows = [[self._p(t, "cell") for t in head]]
        rows += [self._case_row(c) for c in r.cases]
        total_budget = sum(c.budget_seconds for c in r.cases)
        rows.append([
            self._p("", "cell"), Paragraph("<b>Total</b>", self.styles["cell"]),
            self._p(format_mmss(total_budget), "cell_right"),
            self._p(format_mmss(r.case_seconds), "cell_right"), self._p("", "cell"), self._p("", "cell"),
        ])
        out.append(self._grid(rows, [0.05, 0.41, 0.11, 0.11, 0.14, 0.18], total_row=True))
        return out

    def _case_row(self, c: CaseLine) -> list[Flowable]:
        what = f"<b>{_escape(c.case_ref)}</b>"
        if self.patient_names and c.patient_name:
            what += f" · {_escape(c.patient_name)}"
        if c.title:
            what += f"<br/>{_escape(c.title)}"
        over = c.over_text + (" over" if c.overran else "")
        return [
            self._p(str(c.position), "cell"),
            Paragraph(what, self.styles["cell"]),
            self._p(c.budget_text, "cell_right"),
            self._p(c.actual_text, "cell_right"),
            self._p(over, "cell_right"),
            self._p(c.status.label, "cell"),
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
        rows = [[self._p(t, "cell") for t in ("Discipline", "Time", "Share")]]
        rows += [
            [self._p(s.label, "cell"), self._p(format_mmss(s.seconds), "cell_right"),
             self._p(s.percent_text, "cell_right")]
            for s in r.time_share
        ]
        out.append(Spacer(1, 4))
        out.append(self._grid(rows, [0.5, 0.25, 0.25]))
        per_case = [c for c in r.cases if c.time_share]
        if per_case:
            out.append(self._p("Per case", "h2"))
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

    def _grid(self, rows: list[list[Flowable]], fractions: list[float], *, total_row: bool = False) -> Table:
        table = Table(rows, colWidths=[f * self._width for f in fractions], repeatRows=1)
        style = [
            ("GRID", (0, 0), (-1, -1), 0.4, GRID),
            ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("TOPPADDING", (0, 0), (-1, -1), 2),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ]
        if total_row:
            style.append(("LINEABOVE", (0, -1), (-1, -1), 1.2, colors.black))
        table.setStyle(TableStyle(style))
        return table


def _share_bars(shares: tuple[TimeShare, ...], width: float) -> Drawing:
    """Horizontal bars, one a discipline, their length the share of the floor, the figures beside them."""
    row, label_w, figure_w = 16.0, 46 * mm, 30 * mm
    bar_max = max(10.0, width - label_w - figure_w)
    height = row * len(shares) + 6
    drawing = Drawing(width, height)
    longest = max((s.fraction for s in shares), default=0.0) or 1.0
    for n, share in enumerate(shares):
        y = height - (n + 1) * row
        drawing.add(String(0, y + 4, share.label, fontName=FONT, fontSize=8.5))
        length = bar_max * share.fraction / longest
        fill = BAR_UNMARKED if share.discipline is None else BAR_FILL
        if length > 0:
            drawing.add(Rect(label_w, y + 2, length, row - 5, fillColor=fill, strokeColor=colors.black,
                             strokeWidth=0.3))
        figure = f"{share.percent_text} · {format_mmss(share.seconds)}"
        drawing.add(String(label_w + length + 4, y + 4, figure, fontName=FONT, fontSize=8.5))
    drawing.add(Line(label_w, 0, label_w, height, strokeColor=colors.black, strokeWidth=0.6))
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


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def meeting_record_pdf(
    record: MeetingRecord,
    *,
    tz: tzinfo | None = None,
    generated_at: datetime | None = None,
    patient_names: bool = True,
) -> bytes:
    """The meeting record as PDF bytes."""
    return MeetingRecordDocument(
        record, tz=tz, generated_at=generated_at, patient_names=patient_names
    ).render()


def write_meeting_record_pdf(
    record: MeetingRecord,
    path: Path | str,
    *,
    tz: tzinfo | None = None,
    generated_at: datetime | None = None,
    patient_names: bool = True,
) -> Path:
    """Write the meeting record to ``path`` atomically (an earlier file survives a failure intact)."""
    data = meeting_record_pdf(record, tz=tz, generated_at=generated_at, patient_names=patient_names)
    return write_atomic(path, data)
