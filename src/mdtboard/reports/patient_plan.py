"""The patient's copy of the agreed plan: the same plan in plain words, addressed to the patient.

Sections: "What we agreed with you" (the goals, in the patient's words, and the agreement), "What you
will do" (the patient's own actions and every medicine change as a plain instruction), "What we will do"
(the team's agreed actions, by who does them), "Who to call" (the responsible clinician, the service's
telephone, the crisis-line text and, where an opioid is involved, the naloxone text, both set per site),
"When we will see you again" (the review date). Type is 13 pt (headings larger); no MME figures and
none of the team's scoring; nothing restricted. The patient's preferred language is noted, with a
reminder to book an interpreter when one is needed.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from functools import cache

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from mdtboard.domain.careplan import AgreementStatus, CarePlan, PlanStatus
from mdtboard.domain.case import Case
from mdtboard.domain.privacy import shared_case, shared_record
from mdtboard.reports.page import PageDecor, frame_width, render
from mdtboard.reports.plan_text import (
    PLAIN_DISCIPLINE,
    has_opioid,
    long_date,
    patient_medicine_lines,
    patient_owns,
    plain_words,
)
from mdtboard.reports.site import SiteDetails
from mdtboard.reports.styles import (
    ACCENT,
    DANGER,
    DANGER_FILL,
    WARNING,
    WARNING_FILL,
    Paragraph,
    boxed,
    markup,
    styles,
)

TITLE = "Your care plan"
#: The patient plan's body type size, in points (at least 12).
BODY_SIZE = 13


@cache
def patient_styles() -> dict[str, ParagraphStyle]:
    base = styles().body
    body = ParagraphStyle("patient-body", parent=base, fontSize=BODY_SIZE, leading=BODY_SIZE * 1.4,
                          spaceAfter=5, splitLongWords=0)
    return {
        "title": ParagraphStyle("patient-title", parent=styles().title, fontSize=22, leading=27),
        "h1": ParagraphStyle("patient-h1", parent=body, fontName=styles().h1.fontName, fontSize=16,
                             leading=21, textColor=ACCENT, spaceBefore=10, spaceAfter=4, keepWithNext=True),
        "body": body,
        "item": ParagraphStyle("patient-item", parent=body, leftIndent=14, bulletIndent=0,
                               bulletFontSize=BODY_SIZE),
        "notice": ParagraphStyle("patient-notice", parent=body, spaceAfter=0),
    }


class PatientPlanDocument:
    def __init__(
        self,
        case: Case,
        plan: CarePlan,
        site: SiteDetails,
        *,
        page_size: str = "A4",
        printed_at: datetime | None = None,
    ) -> None:
        # Nothing restricted: restricted passages are withheld wherever their words were copied.
        self.case, self.plan, self.site = shared_case(case), shared_record(plan, case), site
        self.page_size = page_size
        self.printed_at = printed_at or datetime.now(UTC)
        self.width = frame_width(page_size)
        self.st = patient_styles()

    def decor(self) -> PageDecor:
        return PageDecor(
            document_title=f"{TITLE} \u00b7 {self.site.name}",
            patient_name=self.case.patient.display_name,
            header_right=(f"Plan version {self.plan.plan_version}",),
            footer_left=f"{self.site.name} \u00b7 printed {self.printed_at.astimezone():%Y-%m-%d}",
            training=self.case.fictional,
            draft=self.plan.status is not PlanStatus.SIGNED,
            draft_note="DRAFT \u2013 not yet agreed by the team",
            subject=f"Care plan for the patient, case {self.case.ref}",
            keywords=(self.case.ref,),
        )

    def _h(self, text: str) -> Paragraph:
        return Paragraph(markup(text), self.st["h1"])

    def _p(self, text: str) -> Paragraph:
        return Paragraph(markup(text), self.st["body"])

    def _items(self, lines: Sequence[str]) -> list[Flowable]:
        return [Paragraph(markup(line), self.st["item"], bulletText="\u2022") for line in lines]

    def story(self) -> list[Flowable]:
        case, plan, st = self.case, self.plan, self.st
        patient = case.patient
        out: list[Flowable] = [Paragraph(markup(TITLE), st["title"]), self._p(f"For {patient.display_name}")]
        if plan.conference_date is not None:
            out.append(self._p(f"Your care team met on {long_date(plan.conference_date.date())} "
                               "and talked about your care."))
        language = (patient.preferred_language or "").strip()
        if language.casefold() == "english":
            language = ""  # this plan is printed in English
        if language or patient.interpreter_needed:
            lines = []
            if language:
                lines.append(f"Your preferred language: {language}.")
            if patient.interpreter_needed:
                lines.append("You asked for an interpreter. We will book one for every visit and every "
                             "call about this plan; tell us if one is not there.")
            out.append(boxed([Paragraph(markup(" ".join(lines)), st["notice"])], self.width,
                             border=WARNING, fill=WARNING_FILL))
        out += self.agreed()
        out += self.you_will_do()
        out += self.we_will_do()
        out += self.who_to_call()
        out += self.next_visit()
        return out

    def agreed(self) -> list[Flowable]:
        out: list[Flowable] = [self._h("What we agreed with you")]
        goals = []
        for goal in self.plan.goals:
            text = plain_words(goal.description).rstrip(".")
            if goal.target and goal.target.strip():
                text += f" (aim: {goal.target.strip()})"
            if goal.due is not None:
                text += f", by {long_date(goal.due)}"
            goals.append(text + ".")
        if goals:
            out.append(self._p("Your goals:"))
            out += self._items(goals)
        else:
            out.append(self._p("We will set your goals with you at your next visit."))
        status = self.plan.agreement.status
        if status is AgreementStatus.AGREED:
            out.append(self._p("You told us you agree with this plan."))
        elif status is AgreementStatus.NOT_AGREED:
            out.append(self._p("You told us you do not agree with all of this plan. We will talk about it "
                               "with you again."))
        else:
            out.append(self._p("We still need to go through this plan with you. Tell us what you think."))
        return out

    def you_will_do(self) -> list[Flowable]:
        out: list[Flowable] = [self._h("What you will do")]
        lines = [plain_words(i.description) for i in self.plan.agreed_interventions()
                 if patient_owns(i, self.case)]
        medicines = patient_medicine_lines(self.plan.medication_plan)
        if medicines:
            out.append(self._p("Your medicines:"))
            out += self._items(medicines)
            out.append(self._p("Do not change any other medicine without talking to us or your GP."))
        if lines:
            out.append(self._p("Other things you will do:"))
            out += self._items(lines)
        if not medicines and not lines:
            out.append(self._p("Nothing new for now."))
        return out

    def we_will_do(self) -> list[Flowable]:
        out: list[Flowable] = [self._h("What we will do")]
        lines = []
        for item in self.plan.agreed_interventions():
            if patient_owns(item, self.case):
                continue
            who = PLAIN_DISCIPLINE[item.discipline]
            by = f" (by {long_date(item.due)})" if item.due else ""
            lines.append(f"{who}: {plain_words(item.description)}{by}")
        out += self._items(lines) if lines else [self._p("We will tell you at your next visit.")]
        return out

    def who_to_call(self) -> list[Flowable]:
        out: list[Flowable] = [self._h("Who to call")]
        who = self.plan.responsible_clinician or "your pain team"
        phone = f" on {self.site.phone}" if self.site.phone else ""
        out.append(self._p(f"About this plan: call {who} at {self.site.name}{phone}."))
        out.append(boxed([Paragraph(markup(self.site.crisis_line), self.st["notice"])], self.width,
                         border=DANGER, fill=DANGER_FILL))
        if has_opioid(self.case, self.plan):
            out.append(Spacer(1, 2 * mm))
            out.append(boxed([Paragraph(markup(self.site.naloxone), self.st["notice"])], self.width,
                             border=WARNING, fill=WARNING_FILL))
        return out

    def next_visit(self) -> list[Flowable]:
        out: list[Flowable] = [self._h("When we will see you again")]
        if self.plan.review_date is not None:
            out.append(self._p(f"We will see you again around {long_date(self.plan.review_date)}. "
                               "We will send you the time."))
        else:
            out.append(self._p("We will contact you to arrange your next visit."))
        return out

    def render(self) -> bytes:
        return render(self.story(), self.decor(), size=self.page_size)
