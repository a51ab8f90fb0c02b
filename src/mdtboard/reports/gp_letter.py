"""The outcome letter to the GP or referrer: one to two pages from the agreed plan.

Letterhead (the site's name, address and letterhead text, from the site settings), the date, the
patient, then: the question the team was asked, the team's answer (the goals agreed and the actions),
the medication plan with MME/day before and after (pending decisions named as such), the actions for
the GP, the safety notices, the review date, and who signed. Nothing restricted is printed: when the case
has sharing restrictions, the letter says that they apply and whom to ask.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from mdtboard.domain.careplan import CarePlan, PlanStatus, mme_change
from mdtboard.domain.case import Case, Discipline
from mdtboard.domain.errors import InvalidInputError
from mdtboard.domain.mme import MME_CAUTION
from mdtboard.domain.privacy import LOCK_SIGN, shared_case, shared_record, sharing_notice
from mdtboard.domain.scoring import score_summary
from mdtboard.reports.page import PageDecor, frame_width, render
from mdtboard.reports.plan_sections import table
from mdtboard.reports.plan_text import (
    decision_text,
    dose_text,
    long_date,
    pending_text,
    short_date,
)
from mdtboard.reports.site import SiteDetails
from mdtboard.reports.styles import (
    DANGER,
    DANGER_FILL,
    WARNING,
    WARNING_FILL,
    Paragraph,
    boxed,
    markup,
    styles,
)

TITLE = "Outcome of the pain team's case conference"


def gp_owns(owner: str | None) -> bool:
    text = (owner or "").strip().casefold()
    return any(word in text.replace("/", " ").split() for word in ("gp", "gps", "referrer")) or \
        "general practitioner" in text or "family doctor" in text


class GpLetterDocument:
    def __init__(
        self,
        case: Case,
        plan: CarePlan,
        site: SiteDetails,
        *,
        required: Sequence[Discipline] = (),
        page_size: str = "A4",
        printed_at: datetime | None = None,
    ) -> None:
        # The letter leaves the team: restricted passages are withheld, the restrictions shown as the notice.
        self.case, self.plan, self.site = shared_case(case), shared_record(plan, case), site
        self.notice = sharing_notice(case)
        self.required = tuple(required)
        self.page_size = page_size
        self.printed_at = printed_at or datetime.now(UTC)
        self.width = frame_width(page_size)
        self.s = styles()

    def decor(self) -> PageDecor:
        return PageDecor(
            document_title=f"Letter to the GP \u00b7 {self.site.name}",
            patient_name=self.case.patient.display_name,
            header_right=(f"Case {self.case.ref}", f"Plan version {self.plan.plan_version}"),
            footer_left=f"{self.site.name} \u00b7 {self.printed_at.astimezone():%Y-%m-%d}",
            training=self.case.fictional,
            draft=self.plan.status is not PlanStatus.SIGNED,
            draft_note="DRAFT \u2013 the plan is not signed yet",
            subject=f"Outcome letter, case {self.case.ref}",
            keywords=(self.case.ref,),
        )

    def _h(self, text: str) -> Paragraph:
        return Paragraph(markup(text), self.s.h2)

    def _p(self, text: str) -> Paragraph:
        return Paragraph(markup(text), self.s.body)

    def story(self) -> list[Flowable]:
        s, case, plan, site = self.s, self.case, self.plan, self.site
        out: list[Flowable] = [Paragraph(markup(site.name), s.title)]
        for line in (site.address, site.letterhead):
            if line.strip():
                out.append(Paragraph(markup(line), s.small))
        out.append(Spacer(1, 3 * mm))
        out.append(self._p(f"Date: {long_date(self.printed_at.astimezone().date())}"))
        patient = case.patient
        facts = [patient.display_name, f"{patient.age} years" if patient.age is not None else "",
                 f"our reference {case.ref}"]
        out.append(Paragraph("<b>Re:</b> " + markup(", ".join(f for f in facts if f)), s.body))
        conference = (f" on {long_date(plan.conference_date.date())}" if plan.conference_date else "")
        out.append(Spacer(1, 2 * mm))
        out.append(self._p("Dear colleague,"))
        out.append(self._p(f"Our multidisciplinary pain team discussed your patient{conference}. "
                           "This letter gives the outcome."))
        if self.notice:
            notice = f"{markup(LOCK_SIGN)} {markup(self.notice)}"
            out.append(boxed([Paragraph(notice, s.notice)],
                             self.width, border=WARNING, fill=WARNING_FILL))
        out += self.question_and_answer()
        out += self.medicines()
        out += self.gp_actions()
        out += self.safety()
        out.append(self._h("Review"))
        out.append(self._p(f"We will review the plan around {long_date(plan.review_date)}."
                           if plan.review_date else "The review date is still to be set."))
        out += self.signed()
        return out

    def question_and_answer(self) -> list[Flowable]:
        case, plan = self.case, self.plan
        out: list[Flowable] = [self._h("Your question")]
        out.append(self._p(case.question_for_team or case.one_liner or "No question was recorded."))
        out.append(self._h("The team's answer"))
        goals = [g.description + (f" (target {g.target}" + (f" by {short_date(g.due)})" if g.due else ")")
                                  if g.target else "") for g in plan.goals]
        if goals:
            out.append(self._p("Goals agreed with the patient:"))
            out += [Paragraph(markup(g), self.s.body, bulletText="\u2022") for g in goals]
        actions = [i for i in plan.agreed_interventions() if not gp_owns(i.owner)]
        if actions:
            out.append(self._p("What the team will do:"))
            out += [Paragraph(markup(f"{i.discipline.label}: {i.description}"
                                     + (f" (by {short_date(i.due)})" if i.due else "")),
                              self.s.body, bulletText="\u2022") for i in actions]
        return out

    def medicines(self) -> list[Flowable]:
        s = self.s
        out: list[Flowable] = [self._h("Medication plan")]
        if not self.plan.medication_plan:
            return [*out, self._p("No change to the medicines.")]
        rows = []
        for entry in self.plan.medication_plan:
            detail = entry.detail or ""
            if not entry.action.decided:
                detail = "; ".join(x for x in (pending_text(entry), detail) if x)
            rows.append([
                (f"{entry.medication} {dose_text(entry.dose_before)}".strip(), s.cell_bold),
                (decision_text(entry), s.cell_bold), (detail, None),
            ])
        out.append(table(["Medicine now", "Decision", "Instruction"], rows, [0.28, 0.24, 0.48], self.width))
        change = mme_change(self.case.medications, self.plan.medication_plan)
        after = change.after_text if change.after is None else change.after.total_statement
        out.append(Paragraph(
            f"<b>MME/day before: {markup(change.before.total_statement)}; after the plan: "
            f"{markup(after)}</b>", s.body))
        if change.before.any_opioid or change.after is None:
            out.append(Paragraph(markup(MME_CAUTION), s.muted))
        return out

    def gp_actions(self) -> list[Flowable]:
        out: list[Flowable] = [self._h("What we ask of you")]
        items = [i for i in self.plan.agreed_interventions() if gp_owns(i.owner)]
        if not items:
            return [*out, self._p("Nothing beyond the medication plan above.")]
        out += [Paragraph(markup(i.description + (f" (by {short_date(i.due)})" if i.due else "")),
                          self.s.body, bulletText="\u2022") for i in items]
        return out

    def safety(self) -> list[Flowable]:
        s = self.s
        notes: list[str] = []
        try:
            summary = score_summary(self.case.scores) if self.case.scores else None
        except InvalidInputError:
            summary = None
        if summary is not None and summary.safety_prompt:
            notes.append(summary.safety_prompt)
        notes += [f"Red flag: {f.strip()}" for f in self.case.red_flags or [] if f.strip()]
        notes += [f"{r.kind.label}: {r.detail}" if r.detail else r.kind.label
                  for r in self.plan.risk_mitigations]
        if not notes:
            return []
        return [self._h("Safety"), boxed([Paragraph(markup(n), s.notice, bulletText="\u2022") for n in notes],
                                         self.width, border=DANGER, fill=DANGER_FILL)]

    def signed(self) -> list[Flowable]:
        out: list[Flowable] = [self._h("Signed for the team")]
        if not self.plan.sign_offs:
            return [*out, self._p("Not signed yet: this letter is a draft.")]
        out += [self._p(f"{so.name}, {so.discipline.label.lower()} lead, {short_date(so.signed_at.date())}")
                for so in self.plan.sign_offs]
        return out

    def render(self) -> bytes:
        return render(self.story(), self.decor(), size=self.page_size)
