"""The programme director's side of training mode: trainees as people, the team items announced before a
session, each trainee's competency record, the cohort and the agreement between raters.

A part of :class:`~mdtboard.services.training.TrainingService` (mixed in), kept in its own module so that
neither grows past a readable size; it uses the service's unit of work and its conference records.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from mdtboard.domain.accounts import Role
from mdtboard.domain.agreement import Agreement, rater_agreement
from mdtboard.domain.case import Discipline
from mdtboard.domain.cohort import Cohort, cohort
from mdtboard.domain.competency import CompetencyRecord, competency_record
from mdtboard.domain.errors import InvalidInputError, Problem
from mdtboard.domain.facilitator_guides import curriculum, topics_of_cases
from mdtboard.domain.progress import ProgrammeOverview, Trainee, programme_overview, trainee_key
from mdtboard.domain.rubric import ENTRUSTMENT_KEY, MAX_ANNOUNCED, MDTBOARD_RUBRIC, RubricDomain
from mdtboard.services.training_data import conference_ref
from mdtboard.services.uow import Session, read_only, unit_of_work
from mdtboard.storage import account_repo, audit
from mdtboard.storage import training_repo as repo

if TYPE_CHECKING:
    from mdtboard.domain.blind import Goal
    from mdtboard.domain.progress import ConferenceRecord
    from mdtboard.storage.db import Database
    from mdtboard.storage.models import ConferenceRow


@dataclass(frozen=True)
class ProgrammeView:
    """The programme director's view at one moment (see :meth:`ProgrammeMixin.programme_view`)."""

    overview: ProgrammeOverview
    cohort: Cohort
    people: dict[str, Trainee]
    agreement: Agreement


class ProgrammeMixin:
    """Programme-level queries and the per-trainee settings of ``TrainingService``, which provides what
    is declared here."""

    if TYPE_CHECKING:
        db: Database

        def _training_conference(self, session: Session, conference_id: int) -> ConferenceRow: ...

        def _check_trainee(self, session: Session, conference_id: int, name: str,
                           where: str = "trainee") -> str: ...

        def goals(self, trainee: str, *, conference_id: int | None = None) -> list[Goal]: ...

        def records(self) -> list[ConferenceRecord]: ...

    # ------------------------------------------------------------------ trainees as people
    def register_trainees(self, trainees: Sequence[Trainee]) -> None:
        """Record each trainee as a person (profession, year of training), found again by their folded
        name; a year left empty keeps the one recorded."""
        problems = [Problem(f"trainee {t.name}", "year of training must be 1 to 15")
                    for t in trainees if t.year_of_training is not None and not 1 <= t.year_of_training <= 15]
        if problems:
            raise InvalidInputError(problems, source="Trainees")
        with unit_of_work(self.db) as session:
            for person in trainees:
                name = " ".join(person.name.split())
                repo.save_trainee(session, name, trainee_key(name), person.profession.value,
                                  person.year_of_training, person.account_id)

    def rename_trainee(self, old: str, new: str) -> None:
        """Correct a recorded trainee's name: the person keeps their identity, and every role, assessment,
        goal and announced item linked to them takes the new name. Refused, naming why, when nobody is
        recorded under ``old``, when ``new`` is empty, or when ``new`` is already used for someone else."""
        name = " ".join(new.split())
        old_key, new_key = trainee_key(old), trainee_key(name)
        source = f"Trainee {old}"
        if not name:
            raise InvalidInputError(Problem("new name", "is empty"), source=source)
        with unit_of_work(self.db) as session:
            person = repo.trainee_person(session, old_key)
            if person is None:
                raise InvalidInputError(Problem("trainee", f"nobody is recorded as {old!r}"), source=source)
            if new_key != old_key and repo.name_in_use(session, new_key, person.id):
                raise InvalidInputError(
                    Problem("new name", f"{name!r} is already used for another trainee"), source=source)
            repo.rename_trainee(session, person.id, name, new_key)

    def trainee_people(self) -> dict[str, Trainee]:
        """Every trainee recorded as a person, by folded name."""
        with read_only(self.db) as session:
            return {row.name_key: Trainee(row.name, Discipline(row.profession), row.year_of_training,
                                          row.account_id)
                    for row in repo.trainee_people(session)}

    def trainee_choices(self) -> list[Trainee]:
        """Whom a new teaching conference may take as trainees, by name: every trainee recorded as a person
        (with their account, when linked), and every account with the trainee role not yet recorded as one
        (their profession is their account's discipline; they are recorded when first chosen)."""
        with read_only(self.db) as session:
            people = repo.trainee_people(session)
            linked = {row.account_id for row in people if row.account_id is not None}
            keys = {row.name_key: row for row in people}
            out = [Trainee(row.name, Discipline(row.profession), row.year_of_training, row.account_id)
                   for row in people]
            for account in account_repo.all_accounts(session):
                roles = {r for r in account.roles.split(",") if r}
                if str(Role.TRAINEE) not in roles or account.id in linked or not account.active:
                    continue
                same = keys.get(trainee_key(account.display_name))
                if same is not None:  # recorded before their account existed: one person, now linked
                    out[people.index(same)] = Trainee(same.name, Discipline(same.profession),
                                                      same.year_of_training, account.id)
                    continue
                out.append(Trainee(" ".join(account.display_name.split()),
                                   Discipline(account.discipline or Discipline.PHYSICIAN.value), None,
                                   account.id))
        return sorted(out, key=lambda t: trainee_key(t.name))

    # ------------------------------------------------------------------ items announced before the session
    def announce_items(
        self, conference_id: int, trainee: str, item_keys: Sequence[str]
    ) -> tuple[str, ...]:
        """Announce the team items ``trainee`` will be scored on at the conference (none to three; none:
        the core items). Each must be a team behaviour of the rubric (the entrustment scale is always
        scored); anything else is refused, naming the item, and nothing is changed."""
        keys = list(dict.fromkeys(item_keys))
        team = {item.key for item in MDTBOARD_RUBRIC.for_domain(RubricDomain.TEAMWORK)} - {ENTRUSTMENT_KEY}
        problems = [Problem(key, "is not a team behaviour of the rubric") for key in keys if key not in team]
        if len(keys) > MAX_ANNOUNCED:
            problems.append(Problem("items", f"announce two or three items (there are {len(keys)})"))
        if problems:
            raise InvalidInputError(problems, source="Announced items")
        with unit_of_work(self.db) as session:
            self._training_conference(session, conference_id)
            name = self._check_trainee(session, conference_id, " ".join(trainee.split()))
            repo.replace_focus(session, conference_id, name, trainee_key(name), keys)
        return tuple(keys)

    def announced_items(self, conference_id: int, trainee: str) -> tuple[str, ...]:
        """The team items announced for ``trainee`` at the conference, in the order chosen."""
        with read_only(self.db) as session:
            return repo.focus(session, conference_id, trainee_key(trainee))

    # ------------------------------------------------------------------ the programme director's view
    def competency_record(self, trainee: str) -> CompetencyRecord:
        """Everything submitted about ``trainee`` for the competency committee, with their goals."""
        records = self.records()
        by_ref = {record.ref: record for record in records}
        goals = [(by_ref[conference_ref(goal.conference_id)], goal) for goal in self.goals(trainee)
                 if goal.conference_id is not None and conference_ref(goal.conference_id) in by_ref]
        return competency_record(trainee, records, goals)

    def competency_exported(self, trainee: str, kind: str) -> None:
        """Record in the audit trail that the account signed in exported ``trainee``'s competency record as
        ``kind`` ("competency record csv" or "... pdf"): the trainee's record (``trainees`` and its id, or
        no id when they are not recorded as a person) and the kind; never the name or the file's."""
        with unit_of_work(self.db) as session:
            person = repo.trainee_person(session, trainee_key(trainee))
            audit.note(session, "export", "trainees", None if person is None else person.id, fields=[kind])

    def cohort(self, today: date | None = None) -> Cohort:
        """Every trainee's trajectory, flags and curriculum coverage (see :mod:`mdtboard.domain.cohort`)."""
        return cohort(self.records(), topics_of_cases(), curriculum(), today or date.today())

    def programme_view(self, today: date | None = None) -> ProgrammeView:
        """What the programme view shows, from one reading of the records: the overview, the cohort, the
        trainees as people and the agreement between raters over every conference."""
        records = self.records()
        return ProgrammeView(programme_overview(records),
                             cohort(records, topics_of_cases(), curriculum(), today or date.today()),
                             self.trainee_people(), rater_agreement(records))

    def rater_agreement(
        self, *, since: date | None = None, until: date | None = None
    ) -> Agreement:
        """Agreement between raters over the teaching conferences held from ``since`` to ``until``."""
        return rater_agreement(
            r for r in self.records()
            if (since is None or r.held_on >= since) and (until is None or r.held_on <= until)
        )

