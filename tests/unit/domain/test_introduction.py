"""How the patient is introduced on every surface."""

from __future__ import annotations

from mdtboard.domain.case import Case, Patient
from mdtboard.domain.introduction import introduce_case, introduce_patient


def test_gender_identity_and_pronouns_introduce_the_patient() -> None:
    patient = Patient(
        "Sam Rivera", age=34, sex="female", gender_identity="non-binary", pronouns="they/them",
        preferred_language="Spanish", interpreter_needed=True,
    )
    intro = introduce_patient(patient)
    assert intro.line() == (
        "Sam Rivera · 34 years · non-binary · pronouns they/them · speaks Spanish, interpreter needed"
    )
    assert "female" not in intro.line()  # the gender identity, not the recorded sex, when both are given
    short = introduce_patient(patient, language=False)
    assert short.facts_line() == "34 years · non-binary · pronouns they/them"


def test_the_recorded_sex_when_no_gender_identity_and_nothing_when_nothing_is_recorded() -> None:
    assert introduce_patient(Patient("Ann Lee", sex="female")).line() == "Ann Lee · female"
    assert introduce_patient(Patient("Bo Park", gender_identity="  ", pronouns=" he/him ")).line() == (
        "Bo Park · pronouns he/him"
    )
    assert introduce_patient(Patient("Cy Dunn")).line() == "Cy Dunn"
    assert introduce_patient(Patient("Di Ode", interpreter_needed=True)).facts == ("interpreter needed",)


def test_a_case_says_whether_it_is_a_real_patient() -> None:
    case = Case("MDT-1", fictional=True, patient=Patient("Eve Fable", age=40, pronouns="she/her"))
    assert introduce_case(case).line() == "Eve Fable · 40 years · pronouns she/her · fictional case"
    case.fictional = False
    assert introduce_case(case).facts[-1] == "real patient"
