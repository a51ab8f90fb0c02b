"""What the big screen says about a case, section by section (plain blocks, no window needed)."""

from __future__ import annotations

from mdtboard.domain.case import Case, Discipline, Medication, Patient, Scores
from mdtboard.ui.presentation.content import (
    SECTION_KEYS,
    Kind,
    TypedInput,
    banners,
    case_sections,
    medication_line,
    team_input,
)


def bare_case() -> Case:
    return Case(ref="B-1", fictional=True, patient=Patient("Bo Bare"))


def test_an_empty_case_says_what_is_missing_in_every_section() -> None:
    sections = case_sections(bare_case())
    assert [s.key for s in sections] == list(SECTION_KEYS)
    assert [b.text for b in sections[1].blocks] == ["No background recorded for this case."]
    assert [b.text for b in sections[2].blocks] == ["No medications recorded for this case."]
    assert banners(bare_case()) == banners(None)
    assert banners(None).safety is None and banners(None).sharing is None


def test_banners_for_item_9_and_sharing_restrictions() -> None:
    case = bare_case()
    case.scores = Scores(phq9_total=10, phq9_item9=1)
    case.sharing_restrictions = "  Not to the insurer.  "
    found = banners(case)
    assert found.safety is not None and found.safety.startswith("SAFETY: PHQ-9 item 9")
    assert found.sharing == (
        "Sharing restrictions apply: ask the clinician who recorded them before discussing details"
    )
    case.sharing_restrictions_by = "Dr Ana Ruiz"
    assert banners(case).sharing == "Sharing restrictions apply: ask Dr Ana Ruiz before discussing details"
    case.scores = Scores(phq9_total=10)  # item 9 unrecorded: no banner, but a flag in the assessment
    assert banners(case).safety is None
    assessment = case_sections(case)[3]
    assert any(b.kind is Kind.WARNING and "item 9" in b.text for b in assessment.blocks)


def test_medications_show_the_total_and_the_flags_before_the_list() -> None:
    case = bare_case()
    case.medications = [
        Medication("morphine sulfate", dose="30 mg", route="oral", frequency="twice daily"),
        Medication("diazepam", dose="5 mg", route="oral", frequency="as needed at night", prn=True),
    ]
    blocks = case_sections(case)[2].blocks
    kinds = [b.kind for b in blocks]
    assert blocks[0].kind is Kind.KEY and blocks[0].text.startswith("Total ") and "MME/day" in blocks[0].text
    # the caution stands beside the total
    assert blocks[1].kind is Kind.NOTE and "not a conversion table" in blocks[1].text
    first_flag = kinds.index(Kind.WARNING)
    first_medicine = kinds.index(Kind.BULLET)
    assert first_flag < first_medicine
    assert any("benzodiazepine" in b.text for b in blocks if b.kind is Kind.WARNING)
    assert medication_line(case.medications[1]) == "diazepam · 5 mg · oral · as needed at night"
    assert medication_line(Medication("paracetamol", prn=True)) == "paracetamol · as needed"


def test_team_input_lists_the_disciplines_present_and_anyone_who_typed() -> None:
    typed = {
        Discipline.PHARMACY: TypedInput("Kim Park", "Taper slowly", ""),
        Discipline.NURSING: TypedInput("", "  ", ""),
    }
    section = team_input([Discipline.PHYSICIAN, Discipline.NURSING], typed)
    headings = [b.text for b in section.blocks if b.kind is Kind.HEADING]
    assert headings == ["Physician", "Pharmacy · Kim Park", "Nursing"]
    tags = {b.tag for b in section.blocks}
    assert tags == {"physician", "pharmacy", "nursing"}
    texts = [(b.label, b.text) for b in section.blocks if b.kind is not Kind.HEADING]
    assert texts == [(None, "Not yet heard"), ("Assessment", "Taper slowly"), (None, "Not yet heard")]
