"""The team's care plan: the paper that leaves the room with the team, the plan first.

:class:`CarePlanDocument` renders the agreed plan of a case to PDF. Page 1 carries the patient and the
conference, the safety notices, the goals (SMART) and the actions table (who, what, by when); then the
medication plan (one short line per medicine, MME/day now and after, decisions pending), procedures and
risk mitigation, disagreements and how they were resolved, the review date and the sign-offs. The case
summary (history, medications, scores, red flags, formulation and problems, and every discipline's
input, prepared or given in the meeting) follows as an appendix unless ``summary=False``.

Restricted text is never printed: when the case has sharing restrictions the first page shows a
discreet notice (a lock and "Sharing restrictions apply: ask ... before discussing details"), never the
restriction itself. Every page carries the header, the footer with "page X of Y", and the training and
draft marks where they apply.

:func:`write_care_plan_pdf` is what ``mdtboard care-plan CASE_ID --pdf OUT.pdf`` runs;
:func:`care_plan_pdf_bytes` gives the bytes for a print preview.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak, Spacer

from mdtboard.domain.careplan import CarePlan, PlanStatus
from mdtboard.domain.careplan_diff import fingerprint
from mdtboard.domain.careplan_progress import ActionProgress
from mdtboard.domain.case import Case, Discipline, DisciplineInput
from mdtboard.domain.errors import InvalidInputError
from mdtboard.domain.introduction import introduce_patient
from mdtboard.domain.mme import MME_CAUTION, MmeStatus, format_number, mme_report
from mdtboard.domain.privacy import LOCK_SIGN, shared_case, shared_inputs, shared_record, sharing_notice
from mdtboard.domain.scoring import ScoreSummary, score_summary
from mdtboard.reports import care_plan_sections as sections
from mdtboard.reports import plan_sections
from mdtboard.reports.care_plan_sections import when
from mdtboard.reports.page import PageDecor, frame_width, render
from mdtboard.reports.styles import (
    DANGER,
    DANGER_FILL,
    WARNING,
    WARNING_FILL,
    Paragraph,
    boxed,
    cell,
    grid_table,
    markup,
    paragraphs,
    styles,
)
from mdtboard.services.files import write_atomic

if TYPE_CHECKING:
    from mdtboard.services.printouts import CarePlanPrintout

DOCUMENT_TITLE = "Joint care plan"


class CarePlanDocument:
    """One care plan of one case as a PDF document.

    ``inputs`` are the discipline inputs to print (default: the case's prepared inputs);
    ``required_sign_offs`` the disciplines whose leads must sign (shown as awaiting until they do);
    ``built_from_inputs`` says the plan is an unsaved draft built from the inputs (no plan agreed yet).
    """

    def __init__(
        self,
        case: Case,
        plan: CarePlan,
        *,
        inputs: Sequence[DisciplineInput] | None = None,
        required_sign_offs: Sequence[Discipline] = (),
        page_size: str = "A4",
        printed_at: datetime | None = None,
        built_from_inputs: bool = False,
        summary: bool = True,
        progress: Mapping[str, ActionProgress] | None = None,
        reviewed: tuple[CarePlan, Mapping[str, ActionProgress]] | None = None,
    ) -> None:
        # Paper leaves the room: the restrictions' own text and restricted passages are withheld.
        self.case = shared_case(case)
        self.plan = shared_record(plan, case)
        self.notice = sharing_notice(case)
        given = list(case.discipline_inputs or []) if inputs is None else list(inputs)
        self.inputs = shared_inputs(case, given)
        self.required = tuple(required_sign_offs)
        self.page_size = page_size
        self.printed_at = printed_at or datetime.now(UTC)
        self.built_from_inputs = built_from_inputs
        self.with_summary = summary
        self.progress = dict(progress or {})
        self.reviewed = None if reviewed is None else (shared_record(reviewed[0], case), dict(reviewed[1]))
        self.width = frame_width(page_size)
        self.s = styles()
        conference_inputs = [i for i in given if i.agenda_item_id is not None]
        self.fingerprint = fingerprint(plan, case, conference_inputs)  # of the plan as agreed
        try:
            self.scores: ScoreSummary | None = score_summary(case.scores) if case.scores else None
        except InvalidInputError:
            self.scores = None

    # ------------------------------------------------------------------ page decoration
    @property
    def draft(self) -> bool:
        return self.plan.status is not PlanStatus.SIGNED

    def decor(self) -> PageDecor:
        patient = self.case.patient
        age = f"age {patient.age}" if patient.age is not None else "age not recorded"
        conference = (
            f"Conference {when(self.plan.conference_date)}" if self.plan.conference_date
            else "Conference: not yet discussed"
        )
        status = "signed" if not self.draft else "draft"
        return PageDecor(
            document_title=DOCUMENT_TITLE,
            patient_name=patient.display_name,
            header_right=(f"Case {self.case.ref} \u00b7 {age}", conference),
            footer_left=(
                f"Plan version {self.plan.plan_version} ({status}) \u00b7 printed {when(self.printed_at)}"
                f" \u00b7 fingerprint {self.fingerprint}"
            ),
            training=self.case.fictional,
            draft=self.draft,
            draft_note=(
                "DRAFT \u2013 built from the discipline inputs, not yet agreed" if self.built_from_inputs
                else "DRAFT \u2013 not signed"
            ),
            subject=f"Joint care plan of case {self.case.ref}, version {self.plan.plan_version}",
            keywords=(self.case.ref, f"fingerprint {self.fingerprint}"),
        )

    # ------------------------------------------------------------------ the story
    def story(self) -> list[Flowable]:
        plan, w = self.plan, self.width
        out: list[Flowable] = []
        out += self.title_block()
        out += self.first_page_notices()
        out += plan_sections.goals(plan, w)
        out += plan_sections.actions(plan, w, self.progress)
        if self.reviewed is not None:
            out += plan_sections.follow_through(*self.reviewed, w, self.printed_at.astimezone().date())
        out += plan_sections.medication(plan, self.case, w)
        out += plan_sections.procedures_and_risks(plan, w)
        out += plan_sections.disagreements(plan, w)
        out += plan_sections.review_and_agreement(plan, w)
        out += plan_sections.sign_offs(plan, self.required, w)
        if self.with_summary:
            out += self.appendix()
        return out

    def appendix(self) -> list[Flowable]:
        out: list[Flowable] = [PageBreak(), Paragraph("Appendix: case summary", self.s.title)]
        out.append(Paragraph(
            "The case as presented, and every discipline's input, prepared before the meeting or given in "
            "it. The plan above is what the team agreed.", self.s.muted,
        ))
        out += self.summary()
        out += self.background()
        out += self.medications()
        out += self.score_section()
        out += self.red_flags()
        out += sections.formulation_and_problems(self.plan)
        out += self.discipline_inputs()
        return out

    def render(self) -> bytes:
        return render(self.story(), self.decor(), size=self.page_size)

    def _h1(self, text: str) -> Paragraph:
        return Paragraph(markup(text), self.s.h1)

    def title_block(self) -> list[Flowable]:
        s, case, plan = self.s, self.case, self.plan
        patient = case.patient
        facts = [*introduce_patient(patient).facts, f"case {case.ref}"]
        status = (
            f"Signed {when(plan.signed_at)}" if not self.draft
            else "DRAFT (built from the discipline inputs; no plan agreed yet)" if self.built_from_inputs
            else "DRAFT (not signed)"
        )
        conference = "not yet discussed in a conference"
        if plan.conference_date is not None:
            conference = f"{plan.conference_title or 'Conference'}, {when(plan.conference_date)}"
        lines = [
            f"<b>Conference:</b> {markup(conference)}",
            f"<b>Plan:</b> version {plan.plan_version} \u00b7 {markup(status)} \u00b7 "
            f"<b>Review date:</b> {markup(when(plan.review_date))}",
        ]
        return [
            Paragraph(f"{markup(DOCUMENT_TITLE)}: {markup(patient.display_name)}", s.title),
            Paragraph(markup(" \u00b7 ".join(f for f in facts if f)), s.body),
            Paragraph(markup(case.title), s.body) if case.title else Spacer(1, 0),
            *[Paragraph(line, s.body) for line in lines],
            Spacer(1, 2 * mm),
        ]

    def first_page_notices(self) -> list[Flowable]:
        """The discreet sharing-restriction notice (never the restriction) and the PHQ-9 item 9 safety
        notice. (The red flags stand in the risk mitigation table and the appendix.)"""
        s = self.s
        out: list[Flowable] = []
        if self.notice:
            out.append(boxed(
                [Paragraph(f"{markup(LOCK_SIGN)} <b>{markup(self.notice)}</b>", s.notice)],
                self.width, border=WARNING, fill=WARNING_FILL,
            ))
            out.append(Spacer(1, 2 * mm))
        if self.scores is not None and self.scores.safety_prompt:
            out.append(self._safety_notice())
            out.append(Spacer(1, 2 * mm))
        return out

    def _safety_notice(self) -> Flowable:
        assert self.scores is not None and self.scores.safety_prompt
        return boxed([Paragraph(f"<b>{markup(self.scores.safety_prompt)}</b>", self.s.notice)], self.width,
                     border=DANGER, fill=DANGER_FILL)

    def summary(self) -> list[Flowable]:
        s, case = self.s, self.case
        out: list[Flowable] = [self._h1("Summary")]
        for label, text in (
            ("One-liner", case.one_liner),
            ("Question for the team", case.question_for_team),
            ("Presenting complaint", case.presenting_complaint),
        ):
            if text and text.strip():
                out.append(Paragraph(markup(label), s.label))
                out += paragraphs(text, s.body)
        if len(out) == 1:
            out.append(Paragraph("No summary recorded.", s.muted))
        return out

    def background(self) -> list[Flowable]:
        s, case = self.s, self.case
        out: list[Flowable] = []
        if case.pain_history and case.pain_history.strip():
            out += [Paragraph("Pain history", s.label), *paragraphs(case.pain_history, s.body)]
        lists = (("Treatments so far", case.prior_treatments), ("Comorbidities", case.comorbidities))
        for label, lines in lists:
            items = [line for line in lines or [] if line.strip()]
            if items:
                out.append(Paragraph(label, s.label))
                out += [Paragraph(f"\u2022 {markup(line)}", s.body) for line in items]
        if case.psychosocial and case.psychosocial.strip():
            out += [Paragraph("Psychosocial", s.label), *paragraphs(case.psychosocial, s.body)]
        return [self._h1("Background"), *out] if out else []

    def medications(self) -> list[Flowable]:
        s, w = self.s, self.width
        meds = self.case.medications or []
        report = mme_report(meds)
        out: list[Flowable] = [self._h1("Current medications")]
        if not meds:
            out.append(Paragraph("No medications recorded.", s.muted))
            return out
        rows: list[list[Flowable | str]] = []
        for med, row in zip(meds, report.rows, strict=True):
            if row.status is MmeStatus.COUNTED and row.mme is not None:
                mme: Flowable = cell(format_number(row.mme))
            elif row.status is MmeStatus.NOT_OPIOID:
                mme = cell("\u2013", s.cell_muted)
            elif row.status is MmeStatus.NOT_RECOGNISED:
                mme = cell("not recognised", s.cell_muted)
            else:
                mme = cell(row.status.label, s.cell_muted)
            frequency = med.frequency or ""
            if med.prn and "as needed" not in frequency.casefold() and "prn" not in frequency.casefold():
                frequency = f"{frequency} (as needed)".strip()
            rows.append([cell(med.name, s.cell_bold), cell(med.dose), cell(med.route), cell(frequency), mme])
        total_cell = report.total_text if report.complete else f"at least {report.total_text}"
        rows.append([cell("Total MME/day", s.cell_bold), "", "", "", cell(total_cell, s.cell_bold)])
        out.append(grid_table(
            ["Medication", "Dose", "Route", "Frequency", "MME/day"], rows,
            [0.30 * w, 0.14 * w, 0.12 * w, 0.32 * w, 0.12 * w],
            extra=[("SPAN", (0, len(rows)), (3, len(rows)))],
        ))
        out.append(Spacer(1, 1.5 * mm))
        out.append(Paragraph(f"<b>Total: {markup(report.total_statement)}</b>", s.body))
        if report.caution:
            out.append(Paragraph(markup(MME_CAUTION), s.muted))
        for row in report.uncounted:
            out.append(Paragraph(f"{markup(row.name)}: {markup(row.reason)}", s.small))
        flags = [flag.message for flag in report.co_prescriptions]
        if report.naloxone_suggestion:
            flags.append(report.naloxone_suggestion)
        if flags:
            out.append(Spacer(1, 1.5 * mm))
            out.append(boxed(
                [Paragraph("<b>Co-prescription and naloxone flags</b>", s.notice)]
                + [Paragraph(f"\u2022 {markup(f)}", s.notice) for f in flags],
                w, border=WARNING, fill=WARNING_FILL,
            ))
        return out

    def score_section(self) -> list[Flowable]:
        out: list[Flowable] = [self._h1("Scores")]
        out += sections.scores_table(self.case, self.scores, self.width)
        if self.scores is not None and self.scores.safety_prompt:
            out += [Spacer(1, 1.5 * mm), self._safety_notice()]
        return out

    def red_flags(self) -> list[Flowable]:
        s = self.s
        out: list[Flowable] = [self._h1("Red flags")]
        flags = [f for f in self.case.red_flags or [] if f.strip()]
        if not flags:
            out.append(Paragraph("None recorded.", s.muted))
        for flag in flags:
            out.append(Paragraph(f"\u2022 {markup(flag)}", s.body))
        return out

    def discipline_inputs(self) -> list[Flowable]:
        s = self.s
        out: list[Flowable] = [self._h1("Discipline assessments and recommendations")]
        if not self.inputs:
            out.append(Paragraph("No discipline input recorded.", s.muted))
        for inp in self.inputs:
            where = "given in the conference" if inp.agenda_item_id is not None else "prepared"
            author = f" \u2013 {markup(inp.author)}" if inp.author else ""
            out.append(Paragraph(
                f"{markup(inp.discipline.label)}{author} <font size=8 color='#5F6B7A'>(input {where})</font>",
                s.h2,
            ))
            for label, text in (("Assessment", inp.assessment), ("Recommendations", inp.recommendations)):
                out.append(Paragraph(label, s.label))
                out += paragraphs(text, s.body) or [Paragraph("None recorded.", s.muted)]
        return out


# ---------------------------------------------------------------------------------------------------
# Entry points


def care_plan_document(
    printout: CarePlanPrintout,
    *,
    page_size: str = "A4",
    printed_at: datetime | None = None,
    summary: bool = True,
) -> CarePlanDocument:
    """The document of the printout's plan (see :meth:`mdtboard.services.context.Services.printout`)."""
    return CarePlanDocument(
        printout.case,
        printout.plan,
        progress=printout.progress,
        reviewed=printout.reviewed,
        inputs=list(printout.inputs),
        required_sign_offs=printout.required_sign_offs,
        page_size=page_size,
        printed_at=printed_at,
        built_from_inputs=printout.built_from_inputs,
        summary=summary,
    )


def care_plan_pdf_bytes(
    printout: CarePlanPrintout,
    *,
    page_size: str = "A4",
    printed_at: datetime | None = None,
    summary: bool = True,
) -> bytes:
    """The PDF of a case's care plan, in memory (for a print preview)."""
    return care_plan_document(printout, page_size=page_size, printed_at=printed_at, summary=summary).render()


def write_care_plan_pdf(
    printout: CarePlanPrintout, path: Path, page_size: str = "A4", *, summary: bool = True
) -> Path:
    """Write the printout's care plan to ``path`` atomically. Anything but a signed plan is marked DRAFT."""
    return write_atomic(path, care_plan_pdf_bytes(printout, page_size=page_size, summary=summary))
