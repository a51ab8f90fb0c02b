"""The cohort dashboard's figures: latest mean and change by item group, flags for below expectation or no
recent assessment, and curriculum topics presented or discussed, per trainee and for the cohort."""

from __future__ import annotations

from datetime import date

from mdtboard.domain.cohort import cohort
from mdtboard.domain.facilitator_guides import curriculum, topics_of_cases
from mdtboard.domain.progress import ConferenceRecord, Presentation
from mdtboard.domain.rubric import Assessment, AssessorRole, RubricDomain, Score

FAC, SELF = AssessorRole.FACILITATOR, AssessorRole.SELF


def _rated(trainee: str, ref: str, value: int, case: str | None = None, *,
           submitted: bool = True) -> Assessment:
    return Assessment(FAC, trainee, ref, (Score("trainee.closes_loop", value, "x" if value < 3 else None),),
                      case, "Dr A", submitted)


def test_flags_trajectory_and_curriculum_coverage() -> None:
    jan = ConferenceRecord("TC-1", date(2026, 1, 12), trainees=("Ana", "Ben"),
                           presentations=(Presentation("Ana", "TEACH-17", 200.0, 180.0),),
                           assessments=(_rated("Ana", "TC-1", 2), _rated("Ben", "TC-1", 4, "TEACH-16")))
    may = ConferenceRecord("TC-2", date(2026, 5, 11), trainees=("Ana",),
                           assessments=(_rated("Ana", "TC-2", 4),
                                        Assessment(SELF, "Ana", "TC-2", (Score("trainee.closes_loop", 5),)),
                                        _rated("Ben", "TC-2", 1, submitted=False)))
    result = cohort([jan, may], topics_of_cases(), curriculum(), today=date(2026, 6, 1))
    ana, ben = result.rows
    assert ana.trainee == "Ana" and ana.latest[RubricDomain.TEAMWORK] == 4.0
    assert ana.change[RubricDomain.TEAMWORK] == 2.0 and ana.flags == ()
    assert ana.last_assessed == date(2026, 5, 11)
    assert set(ana.topics) == {"addiction", "culture_language"}  # TEACH-17, presented
    # Ben: 4 in January (his May score is not submitted): no recent assessment
    assert ben.latest[RubricDomain.TEAMWORK] == 4.0 and ben.last_assessed == date(2026, 1, 12)
    assert ben.flags == ("no rater's assessment in the last 90 days",)
    assert set(ben.topics) == {"older_adults", "culture_language"}  # TEACH-16, scored on it
    assert result.covered == {"addiction", "culture_language", "older_adults"}
    assert result.summary.startswith(f"Curriculum covered by the cohort: 3 of {len(curriculum())} topics; "
                                     "1 trainee(s) flagged. Not yet covered: Spinal pain and radiculopathy")
    low = cohort([jan], topics_of_cases(), curriculum(), today=date(2026, 1, 20))
    assert low.rows[0].flags == ("below expectation in team behaviours (2.0)",)


def test_a_case_on_the_agenda_counts_as_discussed_by_everyone_who_took_part() -> None:
    conference = ConferenceRecord("TC-9", date(2026, 3, 9), trainees=("Ana", "Ben"), cases=("TEACH-18",))
    result = cohort([conference], topics_of_cases(), curriculum(), today=date(2026, 3, 10))
    assert {row.trainee: set(row.topics) for row in result.rows} == {
        "Ana": {"addiction", "ethics", "perioperative"}, "Ben": {"addiction", "ethics", "perioperative"}}
