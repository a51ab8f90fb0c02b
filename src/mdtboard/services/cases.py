"""Use cases on patient cases: create, read, update, duplicate, archive, delete (and bring back), search,
import many at once."""

from __future__ import annotations

import copy
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime

from mdtboard.domain.accounts import Action
from mdtboard.domain.case import Case, CaseSummary, RestrictedPassage
from mdtboard.domain.case_keeping import CaseInUseError, CaseUsage, duplicate
from mdtboard.domain.case_refs import next_reference, reference_prefix
from mdtboard.domain.errors import CancelledError, ConflictError, InvalidInputError, NotFoundError, Problem
from mdtboard.domain.passage_access import changed_hidden_field, hidden_from, restored, withheld
from mdtboard.domain.privacy import passage_notice
from mdtboard.domain.validation import case_problems, check_case
from mdtboard.services.permissions import NotAllowedError, acting, check, listing
from mdtboard.services.uow import Session, read_only, unit_of_work
from mdtboard.services.visibility import check_visible
from mdtboard.storage import audit, case_keeping, case_repo, case_search_repo
from mdtboard.storage.db import Database

#: After storing this many cases at once, the database's planner statistics are gathered again (on
#: PostgreSQL), so that search does not plan with figures from before the import.
STATISTICS_AFTER = 200
#: Cases stored between two progress reports (and chances to cancel) of a large import.
IMPORT_CHUNK = 250

#: Told how many of how many cases are stored so far.
Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class StoredCase:
    """What happened to one case of a batch: created or updated, and its database id."""

    ref: str
    id: int
    created: bool
    display_name: str


class CaseService:
    """Cases, each call its own unit of work."""

    def __init__(self, db: Database) -> None:
        self.db = db

    # -- who sees what
    def _seen(self, session: Session, cases: list[Case]) -> list[Case]:
        """``cases``, once the account signed in may see each: trainees and observers see fictional
        cases and the cases of the conferences they attend (:class:`NotAllowedError` for any other)."""
        check_visible(session, [c.id for c in cases if c.id is not None])
        return cases

    @staticmethod
    def _hidden(case: Case) -> list[RestrictedPassage]:
        account = acting()
        return [] if account is None else hidden_from(case, account.display_name, account.discipline)

    def _as_seen(self, case: Case) -> Case:
        """``case`` as the account signed in may read it (restricted passages it does not hold withheld)."""
        return withheld(case, self._hidden(case))

    def open(self, case_id: int, *, record: bool = True) -> Case:
        """The case as the case editor shows it: whole, but for the restricted passages the account signed
        in does not hold (their notice in their place; see :mod:`mdtboard.domain.passage_access`). When
        it shows restricted passages whole, the read is recorded in the audit trail (``record``; which
        fields, never the text)."""
        case = self.get(case_id)
        hidden = self._hidden(case)
        seen = sorted({p.field for p in case.restricted_passages or [] if p not in hidden})
        if record and seen:
            with unit_of_work(self.db) as session:
                audit.note(session, "read", "cases", case_id, case_id=case_id, fields=seen)
        return withheld(case, hidden)

    def _keep_hidden(self, session: Session, case: Case) -> Case:
        """A save from a case editor that withheld passages from the account signed in: the fields that
        hold them are as stored, or the save is refused (:class:`NotAllowedError`)."""
        shown = [p for p in case.restricted_passages or [] if p.text == passage_notice(p)]
        if not shown or case.id is None:
            return case
        found = case_repo.load_cases(session, ids=[case.id])
        if not found:
            return case
        stored = found[0]
        hidden = self._hidden(stored)
        field = changed_hidden_field(case, stored, hidden)
        if field is not None:
            account = acting()
            who = account.display_name if account is not None else "You"
            raise NotAllowedError(f"{who} may not change {field.strip('/').replace('_', ' ')}: it holds a "
                                  "restricted passage you do not hold. Nothing was changed.")
        return restored(case, stored, hidden)

    @staticmethod
    def _listing(fictional: bool | None) -> bool | None:
        """The real/fictional filter of a listing for the account signed in (:func:`listing`)."""
        return listing(fictional)

    @staticmethod
    def _lists_nothing(fictional: bool | None) -> bool:
        return fictional is False and CaseService._listing(False) is True

    # -- reading
    def get(self, case_id: int) -> Case:
        with read_only(self.db) as session:
            found = self._seen(session, case_repo.load_cases(session, ids=[case_id]))
        if not found:
            raise NotFoundError("case", case_id)
        return found[0]

    def get_by_ref(self, ref: str) -> Case:
        with read_only(self.db) as session:
            return self.case_in(session, ref)

    def case_in(self, session: Session, ref: str) -> Case:
        """The case ``ref`` read in the caller's transaction ``session``, as the person signed in may see it
        (:class:`NotAllowedError` otherwise)."""
        found = self._seen(session, case_repo.load_cases(session, refs=[ref]))
        if not found:
            raise NotFoundError("case", ref)
        return found[0]

    def get_many(self, refs: Sequence[str] | None = None) -> list[Case]:
        """The cases with these references (all cases when None), in reference order.
        Raises NotFoundError naming the first reference that does not exist."""
        with read_only(self.db) as session:
            found = case_repo.load_cases(session, refs=list(refs) if refs is not None else None)
            if refs is None and self._listing(None) is True:
                found = [c for c in found if c.fictional]
            found = self._seen(session, found)
        if refs is not None:
            have = {c.ref for c in found}
            for ref in refs:
                if ref not in have:
                    raise NotFoundError("case", ref)
        return found

    def search(
        self,
        query: str = "",
        *,
        fictional: bool | None = None,
        limit: int | None = 100,
        offset: int = 0,
        sort: str = "ref",
        descending: bool = False,
        after: str | None = None,
        archived: bool = False,
    ) -> list[CaseSummary]:
        """Cases whose patient name, title or reference has words starting with every word of ``query``,
        ignoring case and accents. ``after`` (reference order only): the page starts after this reference
        (the next page of one already read, without re-reading the rows before it). Archived cases are
        found only with ``archived`` (and then only they are)."""
        if self._lists_nothing(fictional):
            return []
        with read_only(self.db) as session:
            return case_search_repo.search(
                session,
                query,
                fictional=self._listing(fictional),
                limit=limit,
                offset=offset,
                sort=sort,
                descending=descending,
                after=after,
                archived=archived,
            )

    def search_with_count(
        self,
        query: str = "",
        *,
        count_limit: int,
        fictional: bool | None = None,
        limit: int | None = 100,
        offset: int = 0,
        sort: str = "ref",
        descending: bool = False,
        archived: bool = False,
    ) -> tuple[list[CaseSummary], int]:
        """The first page of :meth:`search` and :meth:`count` with ``limit=count_limit`` (exact however
        large for a query without words), in one read transaction and two statements: what a keystroke in
        the search box needs."""
        if self._lists_nothing(fictional):
            return [], 0
        with read_only(self.db, statements_apart=True) as session:
            return case_search_repo.search_with_count(
                session,
                query,
                count_limit=count_limit,
                fictional=self._listing(fictional),
                limit=limit,
                offset=offset,
                sort=sort,
                descending=descending,
                archived=archived,
            )

    def count(
        self,
        query: str = "",
        *,
        fictional: bool | None = None,
        limit: int | None = None,
        archived: bool = False,
    ) -> int:
        """How many cases match ``query``. With ``limit``, counting stops past it: a result of
        ``limit + 1`` means "more than ``limit``", which is all a search box needs and stays fast."""
        if self._lists_nothing(fictional):
            return 0
        with read_only(self.db) as session:
            return case_search_repo.count(session, query, fictional=self._listing(fictional), limit=limit,
                                   archived=archived)

    def listed(
        self, ids: Sequence[int], query: str = "", *, fictional: bool | None = None, archived: bool = False
    ) -> set[int]:
        """Which of the cases ``ids`` a search for ``query`` (with the real/fictional filter, among the
        archived cases or the others) lists."""
        if self._lists_nothing(fictional):
            return set()
        with read_only(self.db) as session:
            return case_search_repo.listed_ids(session, ids, query, fictional=self._listing(fictional),
                                        archived=archived)

    def usage(self, case_id: int) -> CaseUsage:
        """The conferences, care plans and teaching reviews that use the case (which then cannot be
        deleted)."""
        with read_only(self.db) as session:
            if not case_keeping.id_taken(session, case_id):
                raise NotFoundError("case", case_id)
            return case_keeping.usage(session, case_id)

    def suggest_reference(self, *, fictional: bool, year: int | None = None) -> str:
        """A reference for a new case that no case has: ``MDT-2026-004`` (real) or ``TEACH-2026-004``."""
        prefix = reference_prefix(fictional, year if year is not None else date.today().year)
        with read_only(self.db) as session:
            return next_reference(prefix, case_repo.refs_starting(session, prefix))

    def reference_taken(self, ref: str) -> bool:
        with read_only(self.db) as session:
            return bool(case_repo.ids_by_ref(session, [ref]))

    # -- writing
    def create(self, case: Case) -> Case:
        check(Action.EDIT_CASES)
        check_case(case)
        with unit_of_work(self.db) as session:
            if case_repo.ids_by_ref(session, [case.ref]):
                raise InvalidInputError(Problem("id", f"a case with reference {case.ref!r} already exists"))
            (case_id,) = case_repo.insert_cases(session, [case])
        return self.get(case_id)

    def update(self, case: Case, *, base: Case | None = None) -> Case:
        """Save ``case``, which its user read at ``case.version``. If someone saved it since, raise
        :class:`ConflictError` carrying both versions and change nothing.

        ``base``, the case as stored at that version (what an editor loaded or last saved), makes the save
        write only what changed and return the stored case without reading it back: an autosave after a
        one-field edit is one statement."""
        check(Action.EDIT_CASES)
        if case.id is None:
            raise NotFoundError("case", case.ref)
        check_case(case)
        if base is not None and (base.id != case.id or base.version != case.version):
            base = None  # not the version this edit was made on: save it whole
        case_id = case.id
        with unit_of_work(self.db) as session:
            case = self._keep_hidden(session, case)
            if base is not None:
                base = self._keep_hidden(session, base)
            if base is None or base.ref != case.ref:
                clash = case_repo.ids_by_ref(session, [case.ref]).get(case.ref)
                if clash is not None and clash[0] != case.id:
                    raise InvalidInputError(
                        Problem("id", f"a case with reference {case.ref!r} already exists")
                    )
            if base is not None:
                stored = case_repo.update_changed(session, case, base)
                if stored is not None:
                    return self._as_seen(stored)
                new_version = None
            else:
                new_version = case_repo.replace_case(session, case_id, case, seen_version=case.version)
            if new_version is None:
                session.rollback()
                theirs = case_repo.load_cases(session, ids=[case_id])
                if not theirs:
                    raise NotFoundError("case", case.ref)
                raise ConflictError(
                    "case", case.ref, seen_version=case.version, mine=copy.deepcopy(case),
                    theirs=self._as_seen(theirs[0]),
                )
        return self._as_seen(self.get(case_id))

    def restrict_passage(self, case_id: int, passage: RestrictedPassage) -> Case:
        """Add ``passage`` (marked in a discipline's input during a conference) to the case's restricted
        passages, keeping whatever else was saved to the case meanwhile."""
        check(Action.EDIT_CASES)
        return self._change_passages(case_id, lambda ps: ps if passage in ps else [*ps, passage])

    def unrestrict_passage(self, case_id: int, passage: RestrictedPassage) -> Case:
        """Take ``passage`` off the case's restricted passages (nothing happens if it is not there)."""
        check(Action.EDIT_CASES)
        return self._change_passages(case_id, lambda ps: [p for p in ps if p != passage])

    def _change_passages(
        self, case_id: int, change: Callable[[list[RestrictedPassage]], list[RestrictedPassage]]
    ) -> Case:
        """Apply ``change`` to the stored passages; a save in between (another PC, the case editor) is
        read again and the change applied to it, so nothing of theirs is reverted."""
        last: ConflictError | None = None
        for _attempt in range(5):
            case = self.get(case_id)
            passages = list(case.restricted_passages or [])
            changed = change(passages)
            if changed == passages:
                return case
            try:
                return self.update(replace(case, restricted_passages=changed))
            except ConflictError as exc:
                last = exc
        assert last is not None
        raise last

    def duplicate(self, case_id: int, *, ref: str, fictional: bool) -> Case:
        """A new case ``ref`` with the content of case ``case_id`` and a title saying it is a copy (see
        :func:`mdtboard.domain.case_keeping.duplicate`); ``fictional`` as chosen for the copy."""
        check(Action.EDIT_CASES)
        source = self.get(case_id)
        return self.create(duplicate(source, ref=ref, fictional=fictional))

    def archive(self, case_id: int) -> Case:
        """Hide the case from the library and the agenda's search; it is kept as it is. Archiving an
        archived case changes nothing."""
        check(Action.EDIT_CASES)
        return self._set_archived(case_id, True)

    def unarchive(self, case_id: int) -> Case:
        """Show an archived case in the library and the agenda's search again."""
        check(Action.EDIT_CASES)
        return self._set_archived(case_id, False)

    def _set_archived(self, case_id: int, archived: bool) -> Case:
        with unit_of_work(self.db) as session:
            found = case_repo.load_cases(session, ids=[case_id])
            if not found:
                raise NotFoundError("case", case_id)
            if (found[0].archived_at is not None) != archived:
                case_keeping.set_archived(session, case_id, datetime.now(UTC) if archived else None)
        return self.get(case_id)

    def delete(self, case_id: int, *, seen_version: int | None = None) -> Case:
        """Delete a case that no conference, care plan or teaching review uses, and return it as it was
        (for :meth:`undelete`). A used case raises :class:`CaseInUseError`, saying why; with
        ``seen_version``, a case saved since by someone else raises :class:`ConflictError`."""
        check(Action.EDIT_CASES)
        with unit_of_work(self.db) as session:
            locked = case_keeping.lock_case(session, case_id)
            if locked is None:
                raise NotFoundError("case", case_id)
            version, ref = locked
            used = case_keeping.usage(session, case_id)
            if used.used:
                raise CaseInUseError(ref, used)
            (deleted,) = case_repo.load_cases(session, ids=[case_id])
            if seen_version is not None and version != seen_version:
                raise ConflictError("case", ref, seen_version=seen_version, theirs=deleted)
            if not case_repo.delete_case(session, case_id, seen_version=version):
                raise NotFoundError("case", case_id)  # pragma: no cover - the row is locked
        return deleted

    def undelete(self, case: Case) -> Case:
        """Put a case returned by :meth:`delete` back as it was: the same id, reference, content, version
        and archived state. Refused when its reference was given to another case since."""
        check(Action.EDIT_CASES)
        if case.id is None:
            raise NotFoundError("case", case.ref)
        with unit_of_work(self.db) as session:
            if case_keeping.id_taken(session, case.id):
                raise InvalidInputError(Problem("id", f"case {case.ref} is already there"))
            if case_repo.ids_by_ref(session, [case.ref]):
                raise InvalidInputError(
                    Problem(
                        "id",
                        f"case {case.ref} cannot be brought back: another case has been given the "
                        "reference since",
                    )
                )
            case_repo.insert_cases(session, [case], as_stored=True)
        return self.get(case.id)

    def store_many(
        self,
        cases: Sequence[Case],
        *,
        source: str | None = None,
        progress: Progress | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> list[StoredCase]:
        """Create or update (by reference) every case in one transaction: all of them or none.

        Used by bundle import; a case whose reference exists is updated in place, whatever its version.
        ``progress`` is told how far it got every :data:`IMPORT_CHUNK` cases; when ``cancelled`` says so
        there, :class:`CancelledError` is raised and nothing is stored.
        """
        check(Action.EDIT_CASES)
        total = len(cases)
        done = 0

        def step(count: int) -> None:
            nonlocal done
            done += count
            if cancelled is not None and cancelled():
                raise CancelledError(f"Importing {source or 'the cases'}")
            if progress is not None:
                progress(done, total)

        problems: list[Problem] = []
        seen: dict[str, int] = {}
        for i, case in enumerate(cases):
            problems.extend(case_problems(case, prefix=f"cases[{i}]."))
            if case.ref in seen:
                problems.append(
                    Problem(
                        f"cases[{i}].id",
                        f"{case.ref!r} appears twice in this bundle (also cases[{seen[case.ref]}])",
                    )
                )
            seen.setdefault(case.ref, i)
        if problems:
            raise InvalidInputError(problems, source=source)
        results: dict[str, StoredCase] = {}
        with unit_of_work(self.db) as session:
            existing = case_repo.ids_by_ref(session, [c.ref for c in cases])
            new = [c for c in cases if c.ref not in existing]
            step(0)
            for start in range(0, len(new), IMPORT_CHUNK):
                chunk = new[start : start + IMPORT_CHUNK]
                for case_id, case in zip(case_repo.insert_cases(session, chunk), chunk, strict=True):
                    results[case.ref] = StoredCase(case.ref, case_id, True, case.patient.display_name)
                step(len(chunk))
            updated = [existing[c.ref][0] for c in cases if c.ref in existing]
            kept = case_repo.conference_passages(session, updated)
            replacing: list[tuple[int, Case]] = []
            for case in cases:
                if case.ref in existing:
                    case_id = existing[case.ref][0]
                    if kept.get(case_id):
                        passages = [*(case.restricted_passages or []), *kept[case_id]]
                        case = replace(case, restricted_passages=passages)
                    replacing.append((case_id, case))
                    results[case.ref] = StoredCase(case.ref, case_id, False, case.patient.display_name)
            for start in range(0, len(replacing), IMPORT_CHUNK):
                part = replacing[start : start + IMPORT_CHUNK]
                case_repo.replace_cases(session, part)
                step(len(part))
        if len(cases) >= STATISTICS_AFTER:
            with unit_of_work(self.db) as session:
                case_search_repo.gather_statistics(session)
        return [results[c.ref] for c in cases]
