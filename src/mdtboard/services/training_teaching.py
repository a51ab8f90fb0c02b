"""Teaching cases made from real ones: a de-identified copy of a real case under review, its checklist,
its hints, and its finalising as a fictional case (a part of
:class:`~mdtboard.services.training.TrainingService`; the review's state is kept by
:mod:`mdtboard.services.teaching_review`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from mdtboard.domain.case import Case
from mdtboard.services import teaching_review as review
from mdtboard.services.teaching_review import TeachingReview
from mdtboard.services.uow import read_only, unit_of_work
from mdtboard.storage.case_repo import load_cases

if TYPE_CHECKING:
    from mdtboard.storage.db import Database


class TeachingCasesMixin:
    """The teaching-case methods of :class:`~mdtboard.services.training.TrainingService`."""

    if TYPE_CHECKING:
        db: Database

    def make_teaching_case(self, case_id: int, *, seed: str | None = None) -> TeachingReview:
        """Store a de-identified copy of a real case as a new, not yet fictional, case under review.

        The original case is read, never changed. See :mod:`mdtboard.services.teaching_review`.
        """
        with unit_of_work(self.db) as session:
            review_id = review.make(session, case_id, seed)
        return self.teaching_review(review_id)

    def teaching_review(self, review_id: int) -> TeachingReview:
        with read_only(self.db) as session:
            return review.load(session, review_id)

    def teaching_reviews(self, *, open_only: bool = True) -> list[TeachingReview]:
        with read_only(self.db) as session:
            return review.load_all(session, open_only=open_only)

    def confirm_field(
        self,
        review_id: int,
        field: str,
        *,
        confirmed: bool = True,
        reviewer: str | None = None,
        seen_version: int,
    ) -> TeachingReview:
        """Mark one field of the review checklist as read and confirmed (or, ``confirmed=False``, not)."""
        with unit_of_work(self.db) as session:
            review.confirm_field(session, review_id, field, confirmed, reviewer, seen_version)
        return self.teaching_review(review_id)

    def revise_field(
        self, review_id: int, where: str, text: str | None, *, seen_version: int
    ) -> TeachingReview:
        """A reviewer's edit of one text of the draft ("pain_history", "imaging[2]", ...); that field must
        then be confirmed again."""
        with unit_of_work(self.db) as session:
            review.revise(session, review_id, where, text, seen_version)
        return self.teaching_review(review_id)

    def replace_hint(
        self, review_id: int, text: str, replacement: str | None = None, *, seen_version: int
    ) -> TeachingReview:
        """Replace every open hint reading ``text`` in the whole draft: by its proposal (a pseudonym, the
        year, "[town]"...) or by ``replacement``. The fields it was in must be confirmed again."""
        with unit_of_work(self.db) as session:
            review.replace_hint(session, review_id, text, replacement, seen_version)
        return self.teaching_review(review_id)

    def keep_hint(self, review_id: int, text: str, reason: str, *, seen_version: int) -> TeachingReview:
        """Keep every hint reading ``text`` as written, for a typed ``reason`` (refused without one)."""
        with unit_of_work(self.db) as session:
            review.keep_hint(session, review_id, text, reason, seen_version)
        return self.teaching_review(review_id)

    def finalise_teaching_case(
        self, review_id: int, *, reviewer: str | None = None, seen_version: int
    ) -> Case:
        """Mark the draft fictional once every field is confirmed and no hint is open; refuses (changing
        nothing) before."""
        with unit_of_work(self.db) as session:
            case_id = review.finalise(session, review_id, reviewer, seen_version)
        with read_only(self.db) as session:
            return load_cases(session, ids=[case_id])[0]

    def discard_teaching_case(self, review_id: int, *, seen_version: int) -> None:
        """Delete a draft teaching case that is still under review (the original is untouched)."""
        with unit_of_work(self.db) as session:
            review.discard(session, review_id, seen_version)
