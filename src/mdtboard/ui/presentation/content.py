"""What the big screen shows of a case, section by section in ISBAR order, as plain blocks of text.

Sections: Situation (who the patient is, the one-liner, the question for the team), Background (history,
treatments, comorbidities, imaging, psychosocial, goals), Medications (with the MME total and its flags),
Assessment (scores with their bands, red flags), Team input (each discipline's assessment and
recommendations, as the operator types them) and Recommendation (the presenter's proposal and the
decision asked of the team). The safety notice (PHQ-9 item 9) and the notice that sharing restrictions
apply are :class:`Banners`, shown above every section.

The big screen is a shared surface: the case is shown as :func:`~mdtboard.domain.privacy.shared_case`
gives it (the restrictions' own text and restricted passages withheld), and so is the typed input.

No Qt here: :mod:`~mdtboard.ui.presentation.paged_text` lays the blocks out in pages.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum

from mdtboard.domain.case import Case, Discipline, Medication, RestrictedPassage
from mdtboard.domain.errors import MdtboardError
from mdtboard.domain.instruments import instrument_label, other_score_value
from mdtboard.domain.mme import MmeStatus, mme_report
from mdtboard.domain.privacy import redact_text, shared_case, shared_input_text, sharing_notice
from mdtboard.domain.scoring import ScoreSummary, score_summary
from mdtboard.ui.cases.display import gad7_text, nrs_text, peg_text, phq9_text
from mdtboard.ui.conference.discussion import patient_line

WARNING = "⚠"


class Kind(StrEnum):
    HEADING = "heading"  # a heading inside a section
    TEXT = "text"  # a paragraph
    BULLET = "bullet"  # one item of a list
    KEY = "key"  # the sentence that matters most (the question for the team, the MME total)
    FIELD = "field"  # "label: text"
    WARNING = "warning"  # a flag: shown with ⚠ and in bold
    NOTE = "note"  # quieter text (the attribution of the PHQ-9, a caution)


@dataclass(frozen=True)
class Block:
    kind: Kind
    text: str
    label: str | None = None  # a FIELD's label
    tag: str | None = None  # groups blocks (a discipline's input), to page to them


@dataclass(frozen=True)
class Section:
    key: str
    letter: str  # the ISBAR letter it belongs to
    title: str
    blocks: tuple[Block, ...]


@dataclass(frozen=True)
class Banners:
    safety: str | None = None
    sharing: str | None = None


@dataclass(frozen=True)
class TypedInput:
    """One discipline's input as it stands on the operator's screen (possibly not saved yet)."""

    author: str = ""
    assessment: str = ""
    recommendations: str = ""

    @property
    def has_text(self) -> bool:
        return bool(self.assessment.strip() or self.recommendations.strip())


SECTION_KEYS: tuple[str, ...] = (
    "situation", "background", "medications", "assessment", "team", "recommendation"
)
TEAM = "team"


def _summary(case: Case) -> ScoreSummary | None:
    if case.scores is None or case.scores.is_empty():
        return None
    try:
        return score_summary(case.scores)
    except MdtboardError:
        return None


def banners(case: Case | None) -> Banners:
    if case is None:
        return Banners()
    summary = _summary(case)
    return Banners(
        safety=summary.safety_prompt if summary is not None else None,
        sharing=sharing_notice(case),
    )


def _text(value: str | None) -> str:
    return (value or "").strip()


def _lines(values: Sequence[str] | None) -> list[str]:
    return [v.strip() for v in values or [] if v and v.strip()]


def _empty(what: str) -> tuple[Block, ...]:
    return (Block(Kind.NOTE, f"No {what} recorded for this case."),)


def situation(case: Case, actions: Sequence[str] = ()) -> Section:
    """Who, the one-liner, the question, and the open actions of the agreed plan (each a line, restricted
    passages already withheld) when the case is discussed again."""
    blocks = [Block(Kind.TEXT, patient_line(case))]
    if _text(case.one_liner):
        blocks.append(Block(Kind.TEXT, _text(case.one_liner)))
    if _text(case.question_for_team):
        blocks.append(Block(Kind.HEADING, "Question for the team"))
        blocks.append(Block(Kind.KEY, _text(case.question_for_team)))
    if actions:
        blocks.append(Block(Kind.HEADING, "Open actions of the agreed plan"))
        blocks.extend(Block(Kind.BULLET, line) for line in actions)
    return Section("situation", "S", "Situation", tuple(blocks))


def background(case: Case) -> Section:
    blocks: list[Block] = []
    for label, value in (
        ("Presenting complaint", case.presenting_complaint),
        ("Pain history", case.pain_history),
    ):
        if _text(value):
            blocks.append(Block(Kind.FIELD, _text(value), label=label))
    places = [
        " ".join(p for p in (loc.side, loc.region) if p) + (f" ({loc.character})" if loc.character else "")
        for loc in case.pain_locations or []
    ]
    for heading, values in (
        ("Where it hurts", places),
        ("Treatments so far", _lines(case.prior_treatments)),
        ("Comorbidities", _lines(case.comorbidities)),
        ("Imaging", _lines(case.imaging)),
    ):
        if values:
            blocks.append(Block(Kind.HEADING, heading))
            blocks.extend(Block(Kind.BULLET, v) for v in values)
    if _text(case.psychosocial):
        blocks.append(Block(Kind.FIELD, _text(case.psychosocial), label="Psychosocial"))
    goals = _lines(case.function_goals)
    if goals:
        blocks.append(Block(Kind.HEADING, "The patient's goals"))
        blocks.extend(Block(Kind.BULLET, g) for g in goals)
    return Section("background", "B", "Background", tuple(blocks) or _empty("background"))


def medication_line(med: Medication) -> str:
    parts = [med.name]
    parts.extend(p for p in (med.dose, med.route, med.frequency) if p)
    if med.prn and "as needed" not in (med.frequency or "").lower():
        parts.append("as needed")
    return " · ".join(parts)


def medications(case: Case) -> Section:
    meds = list(case.medications or [])
    if not meds:
        return Section("medications", "B", "Medications", _empty("medications"))
    report = mme_report(meds)
    blocks: list[Block] = []
    if report.shows_total:
        blocks.append(Block(Kind.KEY, f"Total {report.total_statement}"))
        if report.caution:  # the caution stands wherever the MME is shown: right under the total
            blocks.append(Block(Kind.NOTE, report.caution))
    flags = [
        *(f"{row.name}: {row.reason}" if row.status is MmeStatus.NOT_RECOGNISED and row.reason
          else f"{row.name}: {row.status.label}" + (f" ({row.reason})" if row.reason else "")
          for row in report.uncounted),
        *(flag.message for flag in report.co_prescriptions),
    ]
    if report.naloxone_suggestion:
        flags.append(report.naloxone_suggestion)
    blocks.extend(Block(Kind.WARNING, f) for f in flags)  # the flags before the list: on the first page
    blocks.append(Block(Kind.HEADING, f"Medication list ({len(meds)})"))
    blocks.extend(Block(Kind.BULLET, medication_line(med)) for med in meds)
    return Section("medications", "B", "Medications", tuple(blocks))


def assessment(case: Case) -> Section:
    blocks: list[Block] = []
    summary = _summary(case)
    if summary is not None:
        for label, text in (
            ("Pain (NRS)", nrs_text(summary)),
            ("PEG", peg_text(summary)),
            ("PHQ-9", phq9_text(summary)),
            ("GAD-7", gad7_text(summary)),
        ):
            if text:
                blocks.append(Block(Kind.FIELD, text, label=label))
        if summary.phq9_item9_unrecorded:
            blocks.append(Block(Kind.WARNING, "PHQ-9 item 9 (self-harm) not recorded: ask today"))
    for other in (case.scores.other or []) if case.scores else []:
        blocks.append(Block(Kind.FIELD, other_score_value(other), label=instrument_label(other.instrument)))
    flags = _lines(case.red_flags)
    if flags:
        blocks.append(Block(Kind.HEADING, "Red flags"))
        blocks.extend(Block(Kind.WARNING, f) for f in flags)
    if summary is not None and summary.attribution:
        blocks.append(Block(Kind.NOTE, f"PHQ-9 and GAD-7: {summary.attribution}"))
    return Section("assessment", "A", "Assessment", tuple(blocks) or _empty("scores or red flags"))


def team_input(
    present: Sequence[Discipline],
    typed: Mapping[Discipline, TypedInput],
    passages: Sequence[RestrictedPassage] | None = None,
    item_id: int | None = None,
) -> Section:
    """Each discipline present (and any other with text), in the usual order, with the case's restricted
    ``passages`` replaced by their notices wherever their words are typed (and a field of agenda item
    ``item_id``'s input withheld whole where a passage marked in it was edited)."""
    typed = {
        discipline: TypedInput(
            entry.author,
            shared_input_text(entry.assessment, passages, item_id, discipline.value, "assessment") or "",
            shared_input_text(entry.recommendations, passages, item_id, discipline.value, "recommendations")
            or "",
        )
        for discipline, entry in typed.items()
    }
    shown = [d for d in Discipline if d in present or (d in typed and typed[d].has_text)]
    blocks: list[Block] = []
    for discipline in shown:
        entry = typed.get(discipline, TypedInput())
        head = discipline.label + (f" · {entry.author.strip()}" if entry.author.strip() else "")
        tag = discipline.value
        blocks.append(Block(Kind.HEADING, head, tag=tag))
        if not entry.has_text:
            blocks.append(Block(Kind.NOTE, "Not yet heard", tag=tag))
            continue
        if entry.assessment.strip():
            blocks.append(Block(Kind.FIELD, entry.assessment.strip(), label="Assessment", tag=tag))
        if entry.recommendations.strip():
            blocks.append(Block(Kind.FIELD, entry.recommendations.strip(), label="Recommends", tag=tag))
    return Section(TEAM, "A", "Team input", tuple(blocks) or _empty("team input"))


def recommendation(case: Case) -> Section:
    blocks: list[Block] = []
    if _text(case.recommendation):
        blocks.append(Block(Kind.FIELD, _text(case.recommendation), label="Proposed plan"))
    if _text(case.question_for_team):
        blocks.append(Block(Kind.HEADING, "What the team must decide"))
        blocks.append(Block(Kind.KEY, _text(case.question_for_team)))
    return Section("recommendation", "R", "Recommendation", tuple(blocks) or _empty("proposal"))


def case_sections(
    case: Case,
    present: Sequence[Discipline] = (),
    typed: Mapping[Discipline, TypedInput] | None = None,
    item_id: int | None = None,
    actions: Sequence[str] = (),
) -> list[Section]:
    """Every section of ``case`` in ISBAR order (the keys of :data:`SECTION_KEYS`), as a shared surface
    may show them."""
    passages = case.restricted_passages
    case = shared_case(case)
    actions = [redact_text(line, passages) or "" for line in actions]
    return [
        situation(case, actions),
        background(case),
        medications(case),
        assessment(case),
        team_input(present, typed or {}, passages, item_id),
        recommendation(case),
    ]
