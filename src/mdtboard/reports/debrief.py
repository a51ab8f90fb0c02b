"""The debrief document of one trainee at one teaching conference.

One report class, :class:`DebriefDocument`, renders with ReportLab:

- the rubric scores with their comments, the facilitator's beside the trainee's self-assessment, and the
  domain means with the gap between the two;
- timing: each presentation's length against its target, and each discipline's share of the discussion
  when it was timed;
- the ISBAR readiness check of each case the trainee presented (:func:`mdtboard.domain.isbar.check_isbar`);
- what to work on next: the lowest-scoring items, each with its level-5 behaviour as the goal;
- progress over the conferences so far: a line chart per rubric domain and one of presentation time.

It is laid out on the shared page of mdtboard's documents (``reports.page``: header with the trainee's
name, footer with "page X of Y") with the shared fonts and styles. Charts print their values beside the
points, so nothing depends on telling colours apart. Patient names are printed only for fictional cases;
other cases show their reference and title.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import datetime
from pathlib import Path

from reportlab.graphics.charts.lineplots import LinePlot
from reportlab.graphics.shapes import Drawing, String
from reportlab.graphics.widgets.markers import makeMarker
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table, TableStyle

from mdtboard.domain.blind import NOT_BLIND, Goal
from mdtboard.domain.case import Case
from mdtboard.domain.errors import InvalidInputError, Problem
from mdtboard.domain.facilitator_guides import guide_for
from mdtboard.domain.isbar import GapSeverity, IsbarPart, check_isbar
from mdtboard.domain.privacy import shared_case
from mdtboard.domain.progress import ConferenceRecord, Presentation, TraineeProgress, trainee_progress
from mdtboard.domain.rubric import (
    MDTBOARD_RUBRIC,
    AssessorRole,
    Comparison,
    Rubric,
    Score,
    rater_groups,
    rater_spread,
    validate_assessment,
    work_on_next,
)
from mdtboard.domain.timers import format_mmss
from mdtboard.reports.fonts import SANS
from mdtboard.reports.page import PageDecor, frame_width, render
from mdtboard.reports.styles import ACCENT, MUTED, RULE, Paragraph, grid_table, markup, styles
from mdtboard.services.files import write_atomic

CHART_HEIGHT = 52 * mm
TARGET_COLOUR = MUTED


def _mean_text(value: float | None) -> str:
    return "–" if value is None else f"{value:.1f}"


def _gap_text(value: float | None, decimals: int = 0) -> str:
    if value is None:
        return "–"
    if round(value, decimals) == 0:
        return "0"
    return f"{value:+.{decimals}f}"


class DebriefDocument:
    """The debrief of ``trainee`` at ``conference`` as a PDF.

    ``history`` holds the programme's conferences (earlier ones feed the progress charts; later ones are
    ignored; ``conference`` itself is always included). ``cases`` are the cases of the conference, for the
    readiness check of those the trainee presented. Raises :class:`InvalidInputError` when the trainee did
    not take part in the conference or one of their assessments breaks the rubric's rules.
    """

    def __init__(
        self,
        trainee: str,
        conference: ConferenceRecord,
        *,
        history: Sequence[ConferenceRecord] = (),
        cases: Sequence[Case] = (),
        rubric: Rubric = MDTBOARD_RUBRIC,
        generated_at: datetime | None = None,
        size: str = "A4",
        goals: Sequence[Goal] = (),
        goals_reviewed: Sequence[Goal] = (),
        not_blind: Collection[str | None] = (),
    ) -> None:
        if not conference.took_part(trainee):
            raise InvalidInputError(Problem(
                "trainee", f"{trainee} took no part in the conference {conference.title or conference.ref}"
            ), source="Debrief")
        self.conference = conference
        self.rubric = rubric
        self.goals = tuple(goals)
        self.goals_reviewed = tuple(goals_reviewed)
        #: parts whose self-assessment was started after a rater's scores were submitted
        self.not_blind = frozenset(not_blind)
        self.assessments = conference.assessments_of(trainee)
        problems = [
            Problem(f"{a.role.value} assessment{f' of {a.case_ref}' if a.case_ref else ''}: {p.where}",
                    p.message)
            for a in self.assessments for p in validate_assessment(a, rubric)
        ]
        if problems:
            raise InvalidInputError(problems, source=f"Debrief for {trainee}")
        earlier = [c for c in history if c.held_on <= conference.held_on and c.ref != conference.ref]
        self.progress: TraineeProgress = trainee_progress(trainee, [*earlier, conference], rubric=rubric)
        self.trainee = self.progress.trainee
        self.presentations = conference.presentations_by(trainee)
        self.cases = {case.ref: shared_case(case) for case in cases}  # paper: restricted text withheld
        self.generated_at = generated_at or datetime.now().astimezone()
        self.size = size
        self._width = frame_width(size)  # also refuses a page size other than A4 or Letter
        shared = styles()
        self.styles: dict[str, ParagraphStyle] = {
            "title": shared.title,
            "h2": shared.h1,
            "h3": shared.h2,
            "body": shared.body,
            "cell": shared.cell,
            "cell_center": ParagraphStyle("cell_center", parent=shared.cell, alignment=TA_CENTER),
            "note": shared.muted,
        }

    # -- output --

    def render(self) -> bytes:
        held = f"{self.conference.held_on:%Y-%m-%d}"
        stamp = self.generated_at.strftime("%Y-%m-%d %H:%M")
        decor = PageDecor(
            document_title="Debrief",
            patient_name=self.trainee,
            header_right=(self.conference.title or self.conference.ref, held),
            footer_left=f"Debrief · {self.trainee} · {held} · printed {stamp}",
            subject=f"Teaching conference {self.conference.title or self.conference.ref}, {held}",
            keywords=("mdtboard", "debrief", "training"),
        )
        return render(self.story(), decor, size=self.size)

    def story(self) -> list[Flowable]:
        return [
            *self._header(),
            *self._scores(),
            *self._timing(),
            *self._readiness(),
            *self._goals(),
            *self._next_steps(),
            *self._guides(),
            *self._progress(),
        ]

    # -- helpers --

    def _p(self, text: str, style: str = "body") -> Paragraph:
        return Paragraph(markup(text), self.styles[style])

    def _rich(self, text: str) -> Paragraph:
        """A paragraph whose ``text`` is already markup (its values escaped with :func:`markup`)."""
        return Paragraph(text, self.styles["body"])

    def _grid(self, head: Sequence[str], rows: list[list[Flowable]], fractions: list[float]) -> Table:
        return grid_table(head, rows, [f * self._width for f in fractions])

    def _case_name(self, case_ref: str) -> str:
        case = self.cases.get(case_ref)
        if case is None:
            return case_ref
        parts = [case_ref]
        if case.fictional and case.patient.display_name:
            parts.append(case.patient.display_name)
        if case.title:
            parts.append(case.title)
        return " · ".join(parts)

    # -- sections --

    def _header(self) -> list[Flowable]:
        c = self.conference
        facilitators = sorted({a.assessor for a in self.assessments
                               if a.role is AssessorRole.FACILITATOR and a.assessor})
        rows = [
            ("Trainee", self.trainee),
            ("Conference", c.title or c.ref),
            ("Date", c.held_on.strftime("%A %d %B %Y")),
            ("Facilitator", ", ".join(facilitators) or "–"),
            ("Presented", ", ".join(self._case_name(p.case_ref) for p in self.presentations) or "no case"),
            ("Rubric", f"{self.rubric.name}, version {self.rubric.version}"),
        ]
        table = Table(
            [[Paragraph(f"<b>{k}</b>", self.styles["cell"]), self._p(v, "cell")] for k, v in rows],
            colWidths=[28 * mm, self._width - 28 * mm],
            hAlign="LEFT",
        )
        table.setStyle(TableStyle([
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
            ("TOPPADDING", (0, 0), (-1, -1), 2),
        ]))
        return [self._p(f"Debrief: {self.trainee}", "title"), table]

    def _groups(self) -> list[tuple[str | None, str | None, Comparison]]:
        return rater_groups(self.assessments, self.rubric)

    def _spread(self, key: str | None) -> str:
        return rater_spread(self.assessments, key, self.rubric)

    def _scores(self) -> list[Flowable]:
        out: list[Flowable] = [self._p("Scores", "h2")]
        if not self.assessments:
            out.append(self._p("No scores were recorded for this trainee at this conference."))
            return out
        out.append(self._p(
            "Each item is scored 1 to 5; 1 to 2 come with a comment on what was seen. The gap is the "
            "self-assessment minus the facilitator's score.", "note"))
        spread_shown: set[str | None] = set()
        several = len({a.assessor for a in self.assessments if a.role is AssessorRole.FACILITATOR}) > 1
        for key, assessor, comparison in self._groups():
            heading = f"Case {self._case_name(key)}" if key else "Team behaviours and the meeting"
            rater = assessor if several else None
            out.append(self._p(heading + (f" · scored by {rater}" if rater else ""), "h3"))
            spread = self._spread(key)
            if spread and key not in spread_shown:
                spread_shown.add(key)
                out.append(self._p(f"Raters compared. {spread}.", "note"))
            if key in self.not_blind and any(r.self_score for r in comparison.rows):
                out.append(self._p(NOT_BLIND, "note"))
            rows: list[list[Flowable]] = []
            for row in comparison.rows:
                item = row.item
                rows.append([
                    Paragraph(f"<b>{markup(item.title)}</b><br/>{markup(item.domain.label)}",
                              self.styles["cell"]),
                    self._score_cell(row.facilitator),
                    self._score_cell(row.self_score),
                    self._p(_gap_text(row.gap), "cell_center"),
                ])
            head = ("Item", "Facilitator", "Self", "Gap")
            out.append(self._grid(head, rows, [0.27, 0.33, 0.30, 0.10]))
            out.append(Spacer(1, 3))
            means = "; ".join(
                f"{d.domain.label}: facilitator {_mean_text(d.facilitator_mean)}, "
                f"self {_mean_text(d.self_mean)}, gap {_gap_text(d.gap, 1)}"
                for d in comparison.domains
            )
            out.append(self._p(f"Domain means. {means}.", "note"))
        return out

    def _score_cell(self, score: Score | None) -> Paragraph:
        if score is None:
            return self._p("not scored", "note")
        text = f"<b>{score.value} / 5</b>"
        if score.comment and score.comment.strip():
            text += f"<br/>{markup(score.comment.strip())}"
        return Paragraph(text, self.styles["cell"])

    def _timing(self) -> list[Flowable]:
        out: list[Flowable] = [self._p("Timing", "h2")]
        if not self.presentations:
            out.append(self._p("No case was presented by this trainee at this conference."))
            return out
        for presentation in self.presentations:
            out.append(self._p(f"Case {self._case_name(presentation.case_ref)}", "h3"))
            out.append(self._p(_length_text(presentation)))
            shares = presentation.discussion_shares()
            if shares:
                seconds = {d: 0.0 for d, _ in shares}
                for entry in presentation.discussion:
                    seconds[entry.discipline] += max(entry.seconds, 0.0)
                rows: list[list[Flowable]] = [
                    [self._p(d.label, "cell"), self._p(format_mmss(seconds[d]), "cell_center"),
                     self._p(f"{round(100 * share)}%", "cell_center")]
                    for d, share in shares
                ]
                out.append(Spacer(1, 3))
                out.append(self._grid(("Discipline", "Time", "Share"), rows, [0.5, 0.25, 0.25]))
            else:
                out.append(self._p("Time per discipline in the discussion was not recorded.", "note"))
        return out

    def _readiness(self) -> list[Flowable]:
        out: list[Flowable] = [self._p("Readiness check (ISBAR)", "h2")]
        if not self.presentations:
            out.append(self._p("No case presented, so no readiness check."))
            return out
        for presentation in self.presentations:
            case = self.cases.get(presentation.case_ref)
            out.append(self._p(f"Case {self._case_name(presentation.case_ref)}", "h3"))
            if case is None:
                out.append(self._p("The case was not available, so it could not be checked.", "note"))
                continue
            check = check_isbar(case)
            out.append(self._p(f"{check.text}." if check.gaps else "Ready: nothing missing or thin."))
            for part in IsbarPart:
                for gap in check.for_part(part):
                    word = "Missing" if gap.severity is GapSeverity.MISSING else "Thin"
                    out.append(self._p(f"• {part.label} – {word}: {gap.message}", "cell"))
        return out

    def _next_steps(self) -> list[Flowable]:
        heading = self._p("What to work on next", "h2")
        steps = work_on_next(self.assessments, self.rubric)
        if not steps:
            scored = any(a.role is AssessorRole.FACILITATOR and a.scores for a in self.assessments)
            return [KeepTogether([heading, self._p(
                "Every item the facilitator scored was a 5: keep doing what you did." if scored
                else "The facilitator has not scored this conference yet.")])]
        blocks: list[list[Flowable]] = []
        for number, step in enumerate(steps, start=1):
            where = f" (case {step.case_ref})" if step.case_ref else ""
            seen = f" Seen: {markup(step.comment.strip())}" if step.comment and step.comment.strip() else ""
            text = (f"<b>{number}. {markup(step.item.title)}</b>{markup(where)}: scored {step.score} of 5."
                    f"{seen}<br/>Aim for: {markup(step.goal)}")
            blocks.append([Paragraph(text, self.styles["body"]), Spacer(1, 4)])
        blocks[0].insert(0, heading)  # the heading never stands alone at the foot of a page
        return [KeepTogether(block) for block in blocks]

    def _goals(self) -> list[Flowable]:
        """Goals from earlier conferences reviewed here, and the goals written here for the next one."""
        out: list[Flowable] = []
        if self.goals_reviewed:
            out.append(self._p("Goals from earlier conferences", "h2"))
            for goal in self.goals_reviewed:
                out.append(Paragraph(f"<b>{markup(goal.kind.label)}:</b> {markup(goal.as_reviewed)}",
                                     self.styles["body"]))
        if self.goals:
            out.append(self._p("Goals for the next conference", "h2"))
            for goal in self.goals:
                out.append(Paragraph(f"<b>{markup(goal.kind.label)}:</b> {markup(goal.as_agreed)}",
                                     self.styles["body"]))
        return out

    def _guides(self) -> list[Flowable]:
        """The facilitator guide of each bank case of the conference: kept from trainees while they prepare,
        shown to them here, at the debrief."""
        out: list[Flowable] = []
        for ref in self.cases:
            guide = guide_for(ref)
            if guide is None:
                continue
            found = ("mdtboard flags it" if guide.software_flags_key_issue
                     else "mdtboard does not flag it: the team had to find it")
            parts = [
                self._p(f"Facilitator guide: {self._case_name(ref)}", "h3"),
                self._rich(f"<b>Setting:</b> {markup(guide.setting)}. <b>The decision:</b> "
                        f"{markup(guide.decision_question)}"),
                self._rich(f"<b>Facilitator note:</b> {markup(guide.facilitator_note)}"),
                self._rich(f"<b>Key safety issue</b> ({found}): {markup(guide.key_safety_issue)}"),
                self._rich("<b>Red flags the team should find:</b> "
                        + markup("; ".join(guide.red_flags_to_find))),
                self._rich("<b>Teaching points:</b> " + markup("; ".join(guide.teaching_points))),
                self._rich(f"<b>The disagreement:</b> {markup(guide.disagreement)}"),
                self._p("Guidance: " + "; ".join(guide.guidance), "note"),
            ]
            out.append(KeepTogether(parts))
        return out

    def _progress(self) -> list[Flowable]:
        out: list[Flowable] = [self._p("Progress over conferences", "h2")]
        progress = self.progress
        out.append(self._p(
            f"{progress.conferences_attended} conference(s) attended, {progress.presentations_given} "
            "presentation(s) given, up to and including this one. Facilitator's mean score per domain.",
            "note"))
        labels = {ref: held_on.strftime("%d %b %Y") for ref, held_on in progress.conferences}
        order = [ref for ref, _held_on in progress.conferences]
        for series in progress.domains:
            if not series.points:
                continue
            points = [(order.index(p.conference_ref), p.mean) for p in series.points]
            chart = _line_chart(
                self._width, [points], [[f"{p.mean:.1f}" for p in series.points]],
                x_labels=[labels[ref] for ref in order], y_range=(1, 5), y_step=1,
            )
            out.append(KeepTogether([self._p(series.domain.label, "h3"), chart]))
        if progress.presentation_time:
            timings = progress.presentation_time
            actual = [(i, t.seconds / 60) for i, t in enumerate(timings)]
            target = [(i, t.target_seconds / 60) for i, t in enumerate(timings)]
            top = max(max(v for _, v in actual), max(v for _, v in target))
            chart = _line_chart(
                self._width, [actual, target],
                [[format_mmss(t.seconds) for t in timings], ["" for _ in timings]],
                x_labels=[labels[t.conference_ref] for t in timings], y_range=(0, max(1, int(top) + 1)),
                y_step=max(1, (int(top) + 1) // 5), dashed_second=True,
            )
            legend = self._p(
                "Presentation length in minutes (solid line, figures mm:ss); target (dashed line).", "note")
            out.append(KeepTogether([self._p("Presentation time", "h3"), chart, legend]))
        if not any(s.points for s in progress.domains) and not progress.presentation_time:
            out.append(self._p("Nothing to chart yet."))
        return out


def _length_text(presentation: Presentation) -> str:
    if presentation.seconds is None:
        return f"The presentation was not timed (target {format_mmss(presentation.target_seconds)})."
    over = presentation.over_target_seconds or 0.0
    if int(abs(over)) == 0:
        verdict = "on target"
    elif over > 0:
        verdict = f"{format_mmss(over)} over"
    else:
        verdict = f"{format_mmss(-over)} under"
    return (f"Presentation: {format_mmss(presentation.seconds)} against a target of "
            f"{format_mmss(presentation.target_seconds)}, {verdict}.")


def _line_chart(
    width: float,
    series: list[list[tuple[int, float]]],
    point_labels: list[list[str]],
    *,
    x_labels: list[str],
    y_range: tuple[float, float],
    y_step: float,
    dashed_second: bool = False,
) -> Drawing:
    """A line chart over conferences (x = position, labelled with the date), values printed at the points."""
    drawing = Drawing(width, CHART_HEIGHT)
    plot = LinePlot()
    plot.x, plot.y = 14 * mm, 12 * mm
    plot.width, plot.height = width - 20 * mm, CHART_HEIGHT - 18 * mm
    plot.data = series
    plot.joinedLines = True
    plot.lineLabelFormat = "values"
    plot.lineLabelArray = point_labels
    plot.lineLabels.fontName = SANS
    plot.lineLabels.fontSize = 7
    plot.lineLabels.dy = 4
    plot.lines[0].strokeColor = ACCENT
    plot.lines[0].strokeWidth = 1.4
    plot.lines[0].symbol = makeMarker("FilledCircle", size=4, fillColor=ACCENT)
    if dashed_second:
        plot.lines[1].strokeColor = TARGET_COLOUR
        plot.lines[1].strokeWidth = 1
        plot.lines[1].strokeDashArray = [3, 2]
    count = max(len(x_labels), max((len(s) for s in series), default=0), 1)
    x_axis = plot.xValueAxis
    x_axis.valueMin, x_axis.valueMax = -0.5, count - 0.5
    x_axis.valueSteps = list(range(count))
    x_axis.labelTextFormat = lambda value: (
        x_labels[int(round(value))] if 0 <= round(value) < len(x_labels) else ""
    )
    x_axis.labels.fontName = SANS
    x_axis.labels.fontSize = 7
    if count > 6:
        x_axis.labels.angle = 30
        x_axis.labels.boxAnchor = "ne"
    y_axis = plot.yValueAxis
    y_axis.valueMin, y_axis.valueMax = y_range
    y_axis.valueStep = y_step
    y_axis.labels.fontName = SANS
    y_axis.labels.fontSize = 7
    y_axis.visibleGrid = True
    y_axis.gridStrokeColor = RULE
    drawing.add(plot)
    if not any(series):
        drawing.add(String(width / 2, CHART_HEIGHT / 2, "no data", fontName=SANS, fontSize=8,
                           textAnchor="middle"))
    return drawing


def debrief_pdf(
    trainee: str,
    conference: ConferenceRecord,
    *,
    history: Sequence[ConferenceRecord] = (),
    cases: Sequence[Case] = (),
    rubric: Rubric = MDTBOARD_RUBRIC,
    generated_at: datetime | None = None,
    size: str = "A4",
    goals: Sequence[Goal] = (),
    goals_reviewed: Sequence[Goal] = (),
    not_blind: Collection[str | None] = (),
) -> bytes:
    """The debrief of ``trainee`` at ``conference`` as PDF bytes (see :class:`DebriefDocument`)."""
    return DebriefDocument(
        trainee, conference, history=history, cases=cases, rubric=rubric, generated_at=generated_at,
        size=size, goals=goals, goals_reviewed=goals_reviewed, not_blind=not_blind,
    ).render()


def write_debrief_pdf(
    trainee: str,
    conference: ConferenceRecord,
    path: Path | str,
    *,
    history: Sequence[ConferenceRecord] = (),
    cases: Sequence[Case] = (),
    rubric: Rubric = MDTBOARD_RUBRIC,
    generated_at: datetime | None = None,
    size: str = "A4",
) -> Path:
    """Write the debrief to ``path`` atomically (an earlier file survives a failure intact)."""
    data = debrief_pdf(trainee, conference, history=history, cases=cases, rubric=rubric,
                       generated_at=generated_at, size=size)
    return write_atomic(path, data)


