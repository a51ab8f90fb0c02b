"""Tables of training mode: roles per case, rubric assessments, presentation timing, teaching-case review.

- ``training_roles``: in a teaching conference, who presents each case and who speaks for each discipline
  when trainees role-play their colleagues. One row per agenda item and *part* (``presenter`` or a
  discipline's value), so a part has at most one trainee.
- ``training_assessments`` and ``training_scores``: a facilitator's or a trainee's own assessment of one
  trainee at one conference, with a row per scored rubric item. Per-case items belong to an assessment
  that names the case; team behaviours and the meeting items to one without a case. There is at most one
  assessment per conference, trainee, role, case and rater (``rater_key``: the folded name of the person
  who scored, empty for a self-assessment), so any number of raters may score the same trainee (two unique
  indexes, because ``case_id`` may be empty and SQL does not treat two empty values as equal).
  ``submitted_at``: when the assessment was submitted; a submitted self-assessment is locked, and scores
  are revealed side by side only once both the trainee and the rater have submitted.
- ``training_goals``: one to three goals a trainee and a rater wrote together after the reveal (what to
  keep, what to change, how), carried into the trainee's next conference and reviewed there.
- ``training_timings`` and ``training_discussion_times``: plain seconds per agenda item (presentation
  length, its target, each discipline's speaking time), whichever timer recorded them.
- ``teaching_reviews`` and ``teaching_review_fields``: a teaching case being made from a real case: the
  draft (a case of its own, not fictional until finalised), the original it came from, and one row per
  free-text field of the review checklist with its identifier hints and whether a person confirmed it.
  Once finalised, the review keeps no link back to the original (``source_case_id``, ``seed`` and the
  hinted ``names`` are cleared).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from mdtboard.storage.models import Base, Versioned, utcnow

_DISCIPLINES = (
    "'physician', 'physical_therapy', 'psychology', 'pharmacy', 'nursing', "
    "'occupational_therapy', 'social_work'"
)
#: The role parts of a case in a teaching conference: the presenter, or a discipline's speaker.
PRESENTER_PART = "presenter"


class TrainingRoleRow(Versioned, Base):
    __tablename__ = "training_roles"

    id: Mapped[int] = mapped_column(primary_key=True)
    agenda_item_id: Mapped[int] = mapped_column(ForeignKey("agenda_items.id", ondelete="CASCADE"), index=True)
    #: ``presenter``, or the value of the discipline the trainee speaks for.
    part: Mapped[str] = mapped_column(String(32))
    trainee: Mapped[str] = mapped_column(String(200))
    #: The trainee as a person (``trainees.id``), the identity that stays when their name is corrected;
    #: the name and folded name beside it are copies kept in step with it. Empty for a name typed for
    #: someone not recorded as a person.
    trainee_id: Mapped[int | None] = mapped_column(ForeignKey("trainees.id", ondelete="SET NULL"), index=True)

    __table_args__ = (
        UniqueConstraint("agenda_item_id", "part", name="uq_training_roles_item_part"),
        CheckConstraint(f"part IN ('{PRESENTER_PART}', {_DISCIPLINES})", name="part_known"),
    )


class TrainingAssessmentRow(Versioned, Base):
    __tablename__ = "training_assessments"

    id: Mapped[int] = mapped_column(primary_key=True)
    conference_id: Mapped[int] = mapped_column(ForeignKey("conferences.id", ondelete="CASCADE"), index=True)
    #: The case the per-case items are about; empty for team behaviours and the meeting.
    case_id: Mapped[int | None] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    trainee: Mapped[str] = mapped_column(String(200))
    #: The trainee's name folded (case and spacing), to match the same person however it was typed.
    trainee_key: Mapped[str] = mapped_column(String(200))
    #: The trainee as a person (``trainees.id``), the identity that stays when their name is corrected;
    #: the name and folded name beside it are copies kept in step with it. Empty for a name typed for
    #: someone not recorded as a person.
    trainee_id: Mapped[int | None] = mapped_column(ForeignKey("trainees.id", ondelete="SET NULL"), index=True)
    role: Mapped[str] = mapped_column(String(16))
    assessor: Mapped[str | None] = mapped_column(String(200))
    #: Who scored, as the unique index tells raters apart: ``#`` and the account id of a rater with an
    #: account; the folded typed name of one without (stored while nobody was signed in); '' for a
    #: self-assessment or an unnamed rater.
    rater_key: Mapped[str] = mapped_column(String(200), default="", server_default="")
    #: The account of the person who scored (empty: a typed name, see ``assessor``).
    rater_account_id: Mapped[int | None] = mapped_column(
        ForeignKey("accounts.id", ondelete="SET NULL"), index=True)
    submitted_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    rubric_version: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    scores: Mapped[list[TrainingScoreRow]] = relationship(
        order_by="TrainingScoreRow.position", cascade="all, delete-orphan", passive_deletes=True
    )

    __table_args__ = (
        CheckConstraint("role IN ('facilitator', 'self')", name="role_known"),
        Index(
            "uq_training_assessments_case",
            "conference_id",
            "trainee_key",
            "role",
            "case_id",
            "rater_key",
            unique=True,
        ),
        Index(
            "uq_training_assessments_conference",
            "conference_id",
            "trainee_key",
            "role",
            "rater_key",
            unique=True,
            sqlite_where=text("case_id IS NULL"),
            postgresql_where=text("case_id IS NULL"),
        ),
    )


class TrainingScoreRow(Base):
    __tablename__ = "training_scores"

    id: Mapped[int] = mapped_column(primary_key=True)
    assessment_id: Mapped[int] = mapped_column(
        ForeignKey("training_assessments.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)
    item_key: Mapped[str] = mapped_column(String(64))
    value: Mapped[int] = mapped_column(Integer)
    comment: Mapped[str | None] = mapped_column(Text)

    __table_args__ = (
        UniqueConstraint("assessment_id", "item_key", name="uq_training_scores_assessment_item"),
        CheckConstraint("value BETWEEN 1 AND 5", name="value_range"),
    )


class TrainingGoalRow(Versioned, Base):
    __tablename__ = "training_goals"

    id: Mapped[int] = mapped_column(primary_key=True)
    conference_id: Mapped[int] = mapped_column(ForeignKey("conferences.id", ondelete="CASCADE"), index=True)
    trainee: Mapped[str] = mapped_column(String(200))
    trainee_key: Mapped[str] = mapped_column(String(200), index=True)
    #: The trainee as a person (``trainees.id``), the identity that stays when their name is corrected;
    #: the name and folded name beside it are copies kept in step with it. Empty for a name typed for
    #: someone not recorded as a person.
    trainee_id: Mapped[int | None] = mapped_column(ForeignKey("trainees.id", ondelete="SET NULL"), index=True)
    #: Who wrote it with the trainee (the rater).
    rater: Mapped[str | None] = mapped_column(String(200))
    #: The rater's account (empty: a typed name, or none).
    rater_account_id: Mapped[int | None] = mapped_column(
        ForeignKey("accounts.id", ondelete="SET NULL"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    #: ``keep`` (what to keep doing), ``change`` (what to change) or ``how`` (how to do it).
    kind: Mapped[str] = mapped_column(String(16))
    text: Mapped[str] = mapped_column(Text)
    #: At a later conference: ``met``, ``partly`` or ``not_met``; empty until reviewed.
    outcome: Mapped[str | None] = mapped_column(String(16))
    outcome_note: Mapped[str | None] = mapped_column(Text)
    reviewed_at_conference_id: Mapped[int | None] = mapped_column(
        ForeignKey("conferences.id", ondelete="SET NULL")
    )
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    __table_args__ = (
        CheckConstraint("kind IN ('keep', 'change', 'how')", name="kind_known"),
        CheckConstraint("outcome IN ('met', 'partly', 'not_met') OR outcome IS NULL", name="outcome_known"),
        UniqueConstraint("conference_id", "trainee_key", "position", name="uq_training_goals_position"),
    )


class TrainingTimingRow(Versioned, Base):
    __tablename__ = "training_timings"

    id: Mapped[int] = mapped_column(primary_key=True)
    agenda_item_id: Mapped[int] = mapped_column(
        ForeignKey("agenda_items.id", ondelete="CASCADE"), unique=True
    )
    #: How long the presentation took; empty when it was not timed.
    presentation_seconds: Mapped[float | None] = mapped_column(Float)
    target_seconds: Mapped[float] = mapped_column(Float)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    discussion: Mapped[list[TrainingDiscussionTimeRow]] = relationship(
        order_by="TrainingDiscussionTimeRow.position", cascade="all, delete-orphan", passive_deletes=True
    )

    __table_args__ = (
        CheckConstraint("presentation_seconds >= 0", name="presentation_seconds_positive"),
        CheckConstraint("target_seconds > 0", name="target_seconds_positive"),
    )


class TrainingDiscussionTimeRow(Base):
    __tablename__ = "training_discussion_times"

    timing_id: Mapped[int] = mapped_column(
        ForeignKey("training_timings.id", ondelete="CASCADE"), primary_key=True
    )
    discipline: Mapped[str] = mapped_column(String(32), primary_key=True)
    position: Mapped[int] = mapped_column(Integer)
    seconds: Mapped[float] = mapped_column(Float)

    __table_args__ = (
        CheckConstraint(f"discipline IN ({_DISCIPLINES})", name="discipline_known"),
        CheckConstraint("seconds >= 0", name="seconds_positive"),
    )


class TeachingReviewRow(Versioned, Base):
    __tablename__ = "teaching_reviews"

    id: Mapped[int] = mapped_column(primary_key=True)
    #: The real case the draft was made from; cleared when the teaching case is finalised.
    source_case_id: Mapped[int | None] = mapped_column(
        ForeignKey("cases.id", ondelete="SET NULL"), index=True
    )
    draft_case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), unique=True)
    status: Mapped[str] = mapped_column(String(16), default="in_review")
    seed: Mapped[str | None] = mapped_column(String(64))
    #: The age as it may be shown ("90 or older" for an age over 89).
    age_text: Mapped[str | None] = mapped_column(String(32))
    #: JSON list of the name parts hinted in free text (the original patient's and clinicians').
    names: Mapped[str | None] = mapped_column(Text)
    #: JSON list of [where, what] of the changes made automatically (never the old values).
    changes: Mapped[str] = mapped_column(Text, default="[]")
    #: The draft case's version when the checklist was last brought up to date: a draft edited elsewhere
    #: since then must be reviewed again.
    case_version: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    finalised_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    finalised_by: Mapped[str | None] = mapped_column(String(200))

    fields: Mapped[list[TeachingReviewFieldRow]] = relationship(
        order_by="TeachingReviewFieldRow.position", cascade="all, delete-orphan", passive_deletes=True
    )

    __table_args__ = (CheckConstraint("status IN ('in_review', 'final')", name="status_known"),)


class TeachingReviewFieldRow(Base):
    __tablename__ = "teaching_review_fields"

    id: Mapped[int] = mapped_column(primary_key=True)
    review_id: Mapped[int] = mapped_column(ForeignKey("teaching_reviews.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    field: Mapped[str] = mapped_column(String(100))
    label: Mapped[str] = mapped_column(String(200))
    #: JSON list of the paths of the field's texts ("imaging[0]", "medications[1].dose", ...).
    wheres: Mapped[str] = mapped_column(Text)
    #: JSON list of [where, kind, start, end, text] of the identifier hints in those texts.
    hints: Mapped[str] = mapped_column(Text)
    confirmed: Mapped[bool] = mapped_column(Boolean, default=False)
    confirmed_by: Mapped[str | None] = mapped_column(String(200))
    confirmed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))

    __table_args__ = (UniqueConstraint("review_id", "field", name="uq_teaching_review_fields_review_field"),)


class TrainingFocusRow(Base):
    """A team item announced for a trainee before a teaching conference (two or three per trainee)."""

    __tablename__ = "training_focus_items"

    id: Mapped[int] = mapped_column(primary_key=True)
    conference_id: Mapped[int] = mapped_column(ForeignKey("conferences.id", ondelete="CASCADE"), index=True)
    trainee: Mapped[str] = mapped_column(String(200))
    trainee_key: Mapped[str] = mapped_column(String(200))
    #: The trainee as a person (``trainees.id``), the identity that stays when their name is corrected;
    #: the name and folded name beside it are copies kept in step with it. Empty for a name typed for
    #: someone not recorded as a person.
    trainee_id: Mapped[int | None] = mapped_column(ForeignKey("trainees.id", ondelete="SET NULL"), index=True)
    item_key: Mapped[str] = mapped_column(String(64))
    position: Mapped[int] = mapped_column(Integer)

    __table_args__ = (
        UniqueConstraint("conference_id", "trainee_key", "item_key", name="uq_training_focus_items_item"),
    )


class TraineeRow(Base):
    """A trainee of the programme as a person: the name as written, its folded key (how conferences,
    roles and assessments find them), their profession (a discipline) and year of training."""

    __tablename__ = "trainees"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    name_key: Mapped[str] = mapped_column(String(200), unique=True)
    profession: Mapped[str] = mapped_column(String(32))
    year_of_training: Mapped[int | None] = mapped_column(Integer)
    #: The trainee's own account, when they have one.
    account_id: Mapped[int | None] = mapped_column(
        ForeignKey("accounts.id", ondelete="SET NULL"), unique=True, index=True)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    __table_args__ = (
        CheckConstraint(f"profession IN ({_DISCIPLINES})", name="profession_known"),
        CheckConstraint("year_of_training BETWEEN 1 AND 15 OR year_of_training IS NULL", name="year_range"),
    )
