"""Use cases on joint care plans: build a draft, edit it, sign it off, start the next version, follow up.

Lifecycle: :meth:`CarePlanService.create_draft` builds a draft from the discipline inputs (the case's
prepared inputs and those given on an agenda item) or, when the case already has an agreed plan, from
that plan (the next conference starts from the previous plan). The team edits it with
:meth:`~CarePlanService.save_draft`; each discipline lead present signs with
:meth:`~CarePlanService.sign_off`. Once every required discipline has signed, the plan is signed and
locked: saving it raises :class:`PlanLockedError`, and :meth:`~CarePlanService.new_version` starts the
next version as a draft. Earlier versions stay readable (:meth:`~CarePlanService.history`).

Changing a draft withdraws the sign-offs given so far, since they were given for the earlier text.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import UTC, date, datetime

from mdtboard.domain.accounts import Action, Credential
from mdtboard.domain.careplan import (
    CarePlan,
    Intervention,
    InterventionStatus,
    OpenAction,
    PlanLockedError,
    PlanStatus,
    next_version_of,
)
from mdtboard.domain.careplan_checks import (
    OpenItem,
    plan_problems,
    required_sign_offs,
    restrictions_apply,
    sign_off_checklist,
    sign_off_problems,
    signer_problems,
)
from mdtboard.domain.careplan_diff import SectionChanges, canonical, diff_plans, signed_fingerprint
from mdtboard.domain.careplan_draft import OfferedItem, draft_plan, offered_items
from mdtboard.domain.careplan_progress import (
    ActionProgress,
    ProgressState,
    effective_due,
    is_closed,
    progress_problems,
)
from mdtboard.domain.case import Case, Discipline, DisciplineInput
from mdtboard.domain.conference import Attendee
from mdtboard.domain.errors import ConflictError, InvalidInputError, NotFoundError, Problem
from mdtboard.services import printouts
from mdtboard.services.accounts import AccountService, same_name, to_account
from mdtboard.services.permissions import NotAllowedError, allowed, check, require
from mdtboard.services.printouts import CarePlanPrintout
from mdtboard.services.uow import Session, read_only, unit_of_work
from mdtboard.services.visibility import check_visible
from mdtboard.storage import account_repo
from mdtboard.storage import careplan_progress_repo as progress_repo
from mdtboard.storage import careplan_repo as repo
from mdtboard.storage.careplan_reading import to_attendee
from mdtboard.storage.case_repo import load_cases
from mdtboard.storage.case_rows import to_input
from mdtboard.storage.db import Database
from mdtboard.storage.models import utcnow


def _content(plan: CarePlan) -> object:
    """What a sign-off vouches for: the plan without its sign-offs, status and bookkeeping."""
    data = canonical(plan)
    assert isinstance(data, dict)
    for key in ("sign_offs", "status", "signed_at", "plan_version", "open_items_reason"):
        data.pop(key, None)
    return data


class CarePlanService:
    """Care plans, each call its own unit of work."""

    def __init__(self, db: Database) -> None:
        self.db = db

    # ------------------------------------------------------------------ reading
    def get(self, plan_id: int) -> CarePlan:
        with read_only(self.db) as session:
            plan = repo.load_plan(session, plan_id)
            if plan is not None:
                check_visible(session, [plan.case_id])
        if plan is None:
            raise NotFoundError("care plan", plan_id)
        return plan

    def current(self, case_id: int) -> CarePlan | None:
        """The case's latest plan version (draft or signed), or None when it has no plan."""
        with read_only(self.db) as session:
            check_visible(session, [case_id])
            return self._latest(session, case_id)

    def agreed(self, case_id: int) -> CarePlan | None:
        """The case's latest signed plan, or None when no plan has been agreed yet."""
        with read_only(self.db) as session:
            check_visible(session, [case_id])
            return self._latest(session, case_id, signed_only=True)

    def history(self, case_id: int) -> list[CarePlan]:
        """Every version of the case's plan, oldest first."""
        with read_only(self.db) as session:
            check_visible(session, [case_id])
            return repo.plans_of_case(session, case_id)

    def get_version(self, case_id: int, plan_version: int) -> CarePlan:
        with read_only(self.db) as session:
            check_visible(session, [case_id])
            found = repo.plans_of_case(session, case_id, plan_version)
        if not found:
            raise NotFoundError("care plan version", plan_version)
        return found[0]

    def diff(self, old_plan_id: int, new_plan_id: int) -> list[SectionChanges]:
        """What changed between two stored plans, per section."""
        return diff_plans(self.get(old_plan_id), self.get(new_plan_id))

    def inputs_for(self, case_id: int, agenda_item_id: int | None = None) -> list[DisciplineInput]:
        """The case's prepared discipline inputs, then those given on ``agenda_item_id`` (if any)."""
        with read_only(self.db) as session:
            check_visible(session, [case_id])
            return self._inputs(session, case_id, agenda_item_id)

    def offered(
        self, case_id: int, agenda_item_id: int | None, plan: CarePlan | None = None
    ) -> list[OfferedItem]:
        """Recommendations not taken into the draft (prepared before the meeting, or from disciplines not
        present), leaving out those already on ``plan``: the chair may add each one."""
        with read_only(self.db) as session:
            case = self._case(session, case_id)
            inputs = self._inputs(session, case_id, agenda_item_id)
            present = self._present(session, agenda_item_id)
        return offered_items(inputs, agenda_item_id, present, plan, case)

    def checklist(self, plan: CarePlan) -> list[OpenItem]:
        """What is still open before the first signature (see ``sign_off_checklist``)."""
        with read_only(self.db) as session:
            case = self._case(session, plan.case_id)
        return sign_off_checklist(plan, restricted=restrictions_apply(case))

    def signers(self, plan: CarePlan) -> list[Attendee]:
        """The people on the attendance list of the plan's conference who may sign for a discipline."""
        with read_only(self.db) as session:
            return self._attendees(session, plan.agenda_item_id)

    def present(self, agenda_item_id: int) -> list[Attendee]:
        """The attendance list of the conference of an agenda item."""
        with read_only(self.db) as session:
            return self._attendees(session, agenda_item_id)

    def required_sign_offs(self, plan: CarePlan) -> tuple[Discipline, ...]:
        """The disciplines that must sign ``plan``: those present at its conference, else see
        :func:`mdtboard.domain.careplan_checks.required_sign_offs`."""
        with read_only(self.db) as session:
            return required_sign_offs(plan, self._attendees(session, plan.agenda_item_id))

    def open_actions_due(self, before: date, *, case_ids: Sequence[int] | None = None) -> list[OpenAction]:
        """Open interventions due before ``before`` in each case's latest agreed (signed) plan, soonest
        first: the follow-ups for the next conference's agenda. An action recorded as done is left out;
        one carried forward is due by its new date."""
        return self._open_actions(before, case_ids)

    def open_actions(self, case_id: int) -> list[OpenAction]:
        """Every open action of the case's latest agreed (signed) plan, dated or not, soonest first (those
        without a date last): what the team followed up when the case is discussed again."""
        return self._open_actions(None, [case_id])

    def _open_actions(self, before: date | None, case_ids: Sequence[int] | None) -> list[OpenAction]:
        with read_only(self.db) as session:
            rows = repo.open_action_rows(session, case_ids)
            progress = progress_repo.latest_progress(session, {plan.id for _i, plan, _r, _n in rows})
            found: list[OpenAction] = []
            for item, plan, ref, name in rows:
                action = Intervention(
                    Discipline(item.discipline), item.description, item.owner, item.due_date,
                    InterventionStatus(item.status), item.uid, item.id,
                )
                recorded = progress.get((plan.id, item.uid))
                due = effective_due(action, recorded)
                if is_closed(action, recorded):
                    continue
                if before is not None and (due is None or due >= before):
                    continue
                found.append(OpenAction(
                    case_id=plan.case_id, case_ref=ref, patient_name=name, plan_id=plan.id,
                    plan_version=plan.plan_version, intervention=replace(action, due=due), progress=recorded,
                ))
        found.sort(key=lambda a: (a.intervention.due or date.max, a.case_ref))
        return found

    # ------------------------------------------------------------------ follow-through
    def progress(self, plan_id: int) -> dict[str, ActionProgress]:
        """The latest progress of each action of a plan, by the action's uid."""
        with read_only(self.db) as session:
            return self._progress(session, plan_id)

    @staticmethod
    def _progress(session: Session, plan_id: int) -> dict[str, ActionProgress]:
        latest = progress_repo.latest_progress(session, [plan_id])
        return {uid: p for (_plan, uid), p in latest.items()}

    def record_progress(
        self,
        plan_id: int,
        intervention_uid: str,
        state: ProgressState,
        *,
        recorded_by: str,
        reason: str | None = None,
        new_due: date | None = None,
        agenda_item_id: int | None = None,
        at: datetime | None = None,
    ) -> ActionProgress:
        """Record progress on an agreed action of a signed plan (done, not done with a reason, carried
        forward to a new date), without a new plan version; kept with who recorded it and when."""
        check(Action.EDIT_CASES)
        problems = progress_problems(state, recorded_by, reason, new_due)
        if problems:
            raise InvalidInputError(problems)
        when = utcnow() if at is None else at.astimezone(UTC)
        with unit_of_work(self.db) as session:
            plan = self._stored(session, plan_id)
            if plan.status is not PlanStatus.SIGNED:
                raise InvalidInputError(Problem(
                    "care plan",
                    f"version {plan.plan_version} is a draft: progress is recorded on agreed (signed) plans; "
                    "in a draft, change the action itself",
                ))
            if not any(i.uid == intervention_uid for i in plan.agreed_interventions()):
                raise NotFoundError("agreed action of the care plan", intervention_uid)
            if agenda_item_id is not None:
                self._check_item(session, self._case(session, plan.case_id), agenda_item_id)
            record = ActionProgress(
                plan_id, intervention_uid, state, recorded_by.strip(), when,
                reason=(reason or "").strip() or None,
                new_due=new_due if state is ProgressState.CARRIED_FORWARD else None,
                agenda_item_id=agenda_item_id,
            )
            return replace(record, id=progress_repo.insert_progress(session, record))

    # ------------------------------------------------------------------ drafts
    def draft_from_inputs(
        self, case_id: int, *, agenda_item_id: int | None = None, today: date | None = None
    ) -> CarePlan:
        """The draft :meth:`create_draft` would store, without storing it (e.g. to print a case that
        has no plan yet)."""
        with read_only(self.db) as session:
            return self._draft(session, self._case(session, case_id), agenda_item_id, today)

    def _draft(
        self, session: Session, case: Case, agenda_item_id: int | None, today: date | None
    ) -> CarePlan:
        return printouts.draft_from(_Reads(self, session), case, agenda_item_id, today)

    def printout(self, session: Session, case: Case, plan: CarePlan | None = None) -> CarePlanPrintout:
        """What the papers of ``plan`` show (by default the case's agreed plan, else its latest draft, else
        a draft built from the discipline inputs), read in the caller's read transaction ``session``."""
        return printouts.assemble(_Reads(self, session), case, plan)

    def create_draft(
        self, case_id: int, *, agenda_item_id: int | None = None, today: date | None = None
    ) -> CarePlan:
        """Build and store a draft plan for a case, linked to the agenda item where it is discussed.

        From the input given in this conference by the disciplines present (every recommendation a
        proposed item) when the case has no agreed plan; else as the next version of the agreed plan,
        with the new recommendations proposed. Input prepared before the meeting or from disciplines not
        present is not included (see :meth:`offered`). Refused when the case already has a draft.
        """
        check(Action.ACCEPT_INTO_PLAN)
        with unit_of_work(self.db) as session:
            case = self._case(session, case_id)
            self._check_item(session, case, agenda_item_id)
            current = self._latest(session, case_id)
            if current is not None and current.status is PlanStatus.DRAFT:
                raise InvalidInputError(Problem(
                    "care plan",
                    f"case {case.ref} already has a draft care plan (version {current.plan_version}); "
                    "edit that draft, or discard it first",
                ))
            previous = current  # the latest plan is signed here, or there is none
            plan = draft_plan(case, self._own_inputs(session, case_id, agenda_item_id), previous=previous,
                              today=today)
            plan.agenda_item_id = agenda_item_id
            plan.plan_version = 1 if previous is None else previous.plan_version + 1
            plan_id = repo.insert_plan(session, plan)
        return self.get(plan_id)

    def save_draft(self, plan: CarePlan) -> CarePlan:
        """Save a draft its user read at ``plan.version``.

        Raises :class:`PlanLockedError` for a signed plan, :class:`ConflictError` (with both texts) when
        someone saved it since, :class:`InvalidInputError` listing every problem; nothing is changed then.
        """
        check(Action.ACCEPT_INTO_PLAN)
        if plan.id is None:
            raise NotFoundError("care plan", plan.case_ref or plan.case_id)
        with unit_of_work(self.db) as session:
            stored = self._stored(session, plan.id)
            if stored.status is PlanStatus.SIGNED:
                raise PlanLockedError(stored.case_ref, stored.plan_version)
            problems = plan_problems(plan)
            if problems:
                raise InvalidInputError(problems)
            if plan.agenda_item_id != stored.agenda_item_id:
                self._check_item(session, self._case(session, stored.case_id), plan.agenda_item_id)
            self._bump(session, plan, stored, **repo.plan_values(plan), agenda_item_id=plan.agenda_item_id)
            if _content(stored) != _content(plan):
                repo.delete_sign_offs(session, plan.id)
            repo.delete_items(session, plan.id)
            repo.insert_items(session, plan.id, plan)
        return self.get(plan.id)

    def discard_draft(self, plan: CarePlan) -> None:
        """Delete a draft (never a signed plan) its user read at ``plan.version``."""
        check(Action.ACCEPT_INTO_PLAN)
        if plan.id is None:
            raise NotFoundError("care plan", plan.case_ref or plan.case_id)
        with unit_of_work(self.db) as session:
            stored = self._stored(session, plan.id)
            if stored.status is PlanStatus.SIGNED:
                raise PlanLockedError(stored.case_ref, stored.plan_version)
            if not repo.delete_draft(session, plan.id, plan.version):
                raise ConflictError(
                    "care plan", f"{stored.case_ref} version {stored.plan_version}",
                    seen_version=plan.version, mine=plan, theirs=stored,
                )

    # ------------------------------------------------------------------ sign-off and versions
    def sign_off(
        self,
        plan: CarePlan,
        discipline: Discipline,
        signer: Credential,
        *,
        at: datetime | None = None,
        open_items_reason: str | None = None,
    ) -> CarePlan:
        """Record the sign-off of a discipline lead on the plan as its user read it (``plan.version``),
        at ``at`` (default now; a time without a zone is taken as local time).

        The signer signs with their own account (``signer``: their user name and password or PIN, checked
        here; a signature is never made by typing a name): an account of that discipline that may sign,
        on the attendance list of the plan's conference for that discipline. The sign-off stores the
        account and the fingerprint of the plan version signed (:func:`signed_fingerprint`). The first
        signature is refused while the checklist (:meth:`checklist`) has open items, unless
        ``open_items_reason`` says why the team signs anyway (it is recorded on the plan). When every
        required discipline (see :meth:`required_sign_offs`) has signed, the plan becomes signed and
        locked.
        """
        if plan.id is None:
            raise NotFoundError("care plan", plan.case_ref or plan.case_id)
        if not isinstance(discipline, Discipline):
            raise InvalidInputError(sign_off_problems(discipline, "?"))
        account = AccountService(self.db).verify(signer)
        require(account.roles, Action.SIGN_FOR_DISCIPLINE, who=account.display_name)
        if account.discipline is not discipline:
            own = account.discipline.label.lower() if account.discipline else "no discipline"
            raise NotAllowedError(f"{account.display_name} signs for {own}, not for "
                                  f"{discipline.label.lower()}. Nothing was changed.")
        when = utcnow() if at is None else at.astimezone(UTC)
        with unit_of_work(self.db) as session:
            stored = self._stored(session, plan.id)
            if stored.status is PlanStatus.SIGNED:
                raise PlanLockedError(stored.case_ref, stored.plan_version)
            earlier = next((s for s in stored.sign_offs if s.discipline is discipline), None)
            if earlier is not None:
                raise InvalidInputError(Problem(
                    "sign-off", f"{discipline.label} has already signed this plan ({earlier.name})"
                ))
            attendees = self._attendees(session, stored.agenda_item_id)
            who = signer_problems(discipline, account.display_name, attendees)
            if who:
                raise InvalidInputError(who)
            values: dict[str, object] = {}
            if not stored.sign_offs:
                case = self._case(session, stored.case_id)
                open_items = sign_off_checklist(stored, restricted=restrictions_apply(case))
                reason = (open_items_reason or "").strip()
                if open_items and not reason:
                    raise InvalidInputError(Problem(
                        "sign-off",
                        "before the first signature, fix or confirm what is open ("
                        + "; ".join(open_items) + "): give the reason for signing with items open",
                    ))
                values["open_items_reason"] = reason or None
            self._bump(session, plan, stored, **values)
            repo.add_sign_off(
                session, plan.id, position=len(stored.sign_offs), discipline=str(discipline),
                name=account.display_name, signed_at=when, account_id=account.id,
                fingerprint=signed_fingerprint(stored),
            )
            signed = {s.discipline for s in stored.sign_offs} | {discipline}
            required = required_sign_offs(stored, self._attendees(session, stored.agenda_item_id))
            if all(d in signed for d in required):
                repo.mark_signed(session, plan.id, when)
        return self.get(plan.id)

    def withdraw_sign_off(
        self, plan: CarePlan, discipline: Discipline, by: Credential, *, reason: str | None = None
    ) -> CarePlan:
        """Take back a discipline's sign-off while the plan is still a draft: by the person who signed
        (their own password or PIN in ``by``), or by a chair with a ``reason``. The withdrawal is kept
        (who signed, who withdrew, why, when)."""
        if plan.id is None:
            raise NotFoundError("care plan", plan.case_ref or plan.case_id)
        account = AccountService(self.db).verify(by)
        why = (reason or "").strip()
        with unit_of_work(self.db) as session:
            stored = self._stored(session, plan.id)
            if stored.status is PlanStatus.SIGNED:
                raise PlanLockedError(stored.case_ref, stored.plan_version)
            given = next((s for s in stored.sign_offs if s.discipline is discipline), None)
            if given is None:
                raise InvalidInputError(Problem("sign-off", f"{discipline.label} has not signed this plan"))
            own = given.account_id is not None and given.account_id == account.id
            if own:
                require(account.roles, Action.WITHDRAW_OWN_SIGNATURE, who=account.display_name)
            else:
                if not allowed(account.roles, Action.WITHDRAW_ANY_SIGNATURE):
                    raise NotAllowedError(
                        f"Only {given.name}, who signed, or the chair may withdraw the "
                        f"{discipline.label.lower()} sign-off. Nothing was changed."
                    )
                if not why:
                    raise InvalidInputError(Problem(
                        "reason", f"the chair withdraws {given.name}'s sign-off with a reason"))
            self._bump(session, plan, stored)
            repo.delete_sign_offs(session, plan.id, str(discipline))
            repo.add_withdrawal(
                session, plan.id, discipline=str(discipline), name=given.name, account_id=given.account_id,
                withdrawn_by=account.id, reason=why or None, withdrawn_at=utcnow(),
            )
        return self.get(plan.id)

    def signer_accounts(self, plan: CarePlan) -> dict[Discipline, list[tuple[str, str | None]]]:
        """For each discipline, the people on the plan's attendance list who may sign for it, with the
        user name of their account (None: they have no account of that discipline yet)."""
        people = self.signers(plan)
        with read_only(self.db) as session:
            accounts = [to_account(r) for r in account_repo.all_accounts(session) if r.active]
        found: dict[Discipline, list[tuple[str, str | None]]] = {}
        for person in people:
            match = next((a.username for a in accounts
                          if a.discipline is person.discipline and same_name(a.display_name, person.name)),
                         None)
            found.setdefault(person.discipline, []).append((person.name, match))
        return found

    def new_version(self, plan: CarePlan, *, agenda_item_id: int | None = None) -> CarePlan:
        """Start the next version of a signed plan as a draft that ``supersedes`` it (the signed one
        stays as it is). Only the latest version can be continued. ``agenda_item_id`` links the new
        version to the conference where it is discussed (default: the old version's)."""
        check(Action.ACCEPT_INTO_PLAN)
        if plan.id is None:
            raise NotFoundError("care plan", plan.case_ref or plan.case_id)
        with unit_of_work(self.db) as session:
            stored = self._stored(session, plan.id)
            if stored.status is not PlanStatus.SIGNED:
                raise InvalidInputError(Problem(
                    "care plan",
                    f"version {stored.plan_version} is a draft: edit it, no new version is needed",
                ))
            latest = repo.latest_version(session, stored.case_id)
            if latest is not None and latest > stored.plan_version:
                raise InvalidInputError(Problem(
                    "care plan",
                    f"version {latest} of case {stored.case_ref} exists already; continue from it",
                ))
            draft = next_version_of(stored)
            if agenda_item_id is not None:
                self._check_item(session, self._case(session, stored.case_id), agenda_item_id)
                draft.agenda_item_id = agenda_item_id
            plan_id = repo.insert_plan(session, draft)
        return self.get(plan_id)

    # ------------------------------------------------------------------ helpers
    def _case(self, session: Session, case_id: int) -> Case:
        found = load_cases(session, ids=[case_id])
        if not found:
            raise NotFoundError("case", case_id)
        return found[0]

    def _check_item(self, session: Session, case: Case, agenda_item_id: int | None) -> None:
        if agenda_item_id is None:
            return
        item = repo.agenda_item(session, agenda_item_id)
        if item is None:
            raise NotFoundError("agenda item", agenda_item_id)
        if item.case_id != case.id:
            raise InvalidInputError(Problem(
                "agenda_item_id", f"agenda item {agenda_item_id} is about another case, not {case.ref}"
            ))

    def _inputs(self, session: Session, case_id: int, agenda_item_id: int | None) -> list[DisciplineInput]:
        return [to_input(r) for r in repo.input_rows_for(session, case_id, agenda_item_id)]

    def _own_inputs(
        self, session: Session, case_id: int, agenda_item_id: int | None
    ) -> list[DisciplineInput]:
        """The inputs given in the conference on ``agenda_item_id`` by the disciplines present."""
        return printouts.own_inputs(_Reads(self, session), case_id, agenda_item_id)

    def _present(self, session: Session, agenda_item_id: int | None) -> set[Discipline] | None:
        """The disciplines on the attendance list (``None`` when nobody is recorded)."""
        return printouts.present(_Reads(self, session), agenda_item_id)

    def _attendees(self, session: Session, agenda_item_id: int | None) -> list[Attendee]:
        if agenda_item_id is None:
            return []
        return [to_attendee(r) for r in repo.attendee_rows_of_item(session, agenda_item_id)]

    def _latest(self, session: Session, case_id: int, *, signed_only: bool = False) -> CarePlan | None:
        latest = repo.latest_version(session, case_id, signed_only=signed_only)
        if latest is None:
            return None
        return repo.plans_of_case(session, case_id, latest)[0]

    def _stored(self, session: Session, plan_id: int) -> CarePlan:
        stored = repo.load_plan(session, plan_id)
        if stored is None:
            raise NotFoundError("care plan", plan_id)
        return stored

    def _bump(self, session: Session, plan: CarePlan, stored: CarePlan, **values: object) -> int:
        """``UPDATE care_plans SET ..., version = version + 1 WHERE id AND version = :seen AND draft``."""
        assert plan.id is not None
        new = repo.bump_draft(session, plan.id, plan.version, **values)
        if new is None:
            raise ConflictError(
                "care plan", f"{stored.case_ref} version {stored.plan_version}",
                seen_version=plan.version, mine=plan, theirs=stored,
            )
        return new


class _Reads:
    """The reads of :class:`~mdtboard.services.printouts.PlanReads` through the ORM, in ``session``."""

    def __init__(self, service: CarePlanService, session: Session) -> None:
        self._service = service
        self._session = session

    def latest(self, case_id: int, *, signed_only: bool = False) -> CarePlan | None:
        return self._service._latest(self._session, case_id, signed_only=signed_only)

    def stored(self, plan_id: int) -> CarePlan:
        return self._service._stored(self._session, plan_id)

    def progress(self, plan_id: int) -> dict[str, ActionProgress]:
        return self._service._progress(self._session, plan_id)

    def inputs(self, case_id: int, agenda_item_id: int | None) -> list[DisciplineInput]:
        return self._service._inputs(self._session, case_id, agenda_item_id)

    def attendees(self, agenda_item_id: int | None) -> list[Attendee]:
        return self._service._attendees(self._session, agenda_item_id)

    def check_item(self, case: Case, agenda_item_id: int | None) -> None:
        self._service._check_item(self._session, case, agenda_item_id)
