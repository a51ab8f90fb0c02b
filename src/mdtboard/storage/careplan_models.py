"""Tables of the joint care plan: one row per plan version, one row per item of each of its lists.

A plan is stored structurally (not as one blob) so that follow-ups can be found with a query (open
interventions due before a date) and every part keeps its type. Items keep a ``uid`` across plan versions,
which is what the diff between two versions matches on.

``care_plans.version`` is the edit counter checked on every save (``UPDATE ... WHERE id AND version``);
``plan_version`` is the document's number, unique per case.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy import false as sa_false
from sqlalchemy.orm import Mapped, mapped_column, relationship

from mdtboard.storage.models import Base, Versioned, utcnow

_DISCIPLINES = (
    "'physician', 'physical_therapy', 'psychology', 'pharmacy', 'nursing', "
    "'occupational_therapy', 'social_work'"
)
_UNITS = "('mg', 'mcg', 'mcg/h')"
MEDICATION_ACTIONS = (
    "('undecided', 'continue', 'reduce', 'change', 'stop', 'switch', 'start', 'pending')"
)
PROGRESS_STATES = "('done', 'not_done', 'carried_forward')"


class CarePlanRow(Versioned, Base):
    __tablename__ = "care_plans"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    #: The agenda item (case in a conference) where the plan was agreed, if any.
    agenda_item_id: Mapped[int | None] = mapped_column(
        ForeignKey("agenda_items.id", ondelete="SET NULL"), index=True
    )
    plan_version: Mapped[int] = mapped_column(Integer)
    supersedes_id: Mapped[int | None] = mapped_column(ForeignKey("care_plans.id", ondelete="SET NULL"))
    status: Mapped[str] = mapped_column(String(16), default="draft")
    formulation_biological: Mapped[str | None] = mapped_column(Text)
    formulation_psychological: Mapped[str | None] = mapped_column(Text)
    formulation_social: Mapped[str | None] = mapped_column(Text)
    review_date: Mapped[date | None] = mapped_column(Date)
    responsible_clinician: Mapped[str | None] = mapped_column(String(200))
    agreement_status: Mapped[str] = mapped_column(String(16), default="not_yet_asked")
    agreement_notes: Mapped[str | None] = mapped_column(Text)
    restriction_acknowledged: Mapped[bool] = mapped_column(Boolean, default=False, server_default=sa_false())
    open_items_reason: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    signed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))

    problems: Mapped[list[CarePlanProblemRow]] = relationship(
        order_by="CarePlanProblemRow.position", cascade="all, delete-orphan", passive_deletes=True
    )
    goals: Mapped[list[CarePlanGoalRow]] = relationship(
        order_by="CarePlanGoalRow.position", cascade="all, delete-orphan", passive_deletes=True
    )
    interventions: Mapped[list[CarePlanInterventionRow]] = relationship(
        order_by="CarePlanInterventionRow.position", cascade="all, delete-orphan", passive_deletes=True
    )
    medications: Mapped[list[CarePlanMedicationRow]] = relationship(
        order_by="CarePlanMedicationRow.position", cascade="all, delete-orphan", passive_deletes=True
    )
    procedures: Mapped[list[CarePlanProcedureRow]] = relationship(
        order_by="CarePlanProcedureRow.position", cascade="all, delete-orphan", passive_deletes=True
    )
    risks: Mapped[list[CarePlanRiskRow]] = relationship(
        order_by="CarePlanRiskRow.position", cascade="all, delete-orphan", passive_deletes=True
    )
    disagreements: Mapped[list[CarePlanDisagreementRow]] = relationship(
        order_by="CarePlanDisagreementRow.position", cascade="all, delete-orphan", passive_deletes=True
    )
    sign_offs: Mapped[list[CarePlanSignOffRow]] = relationship(
        order_by="CarePlanSignOffRow.position", cascade="all, delete-orphan", passive_deletes=True
    )

    __table_args__ = (
        UniqueConstraint("case_id", "plan_version", name="uq_care_plans_case_plan_version"),
        CheckConstraint("status IN ('draft', 'signed')", name="status_known"),
        CheckConstraint(
            "agreement_status IN ('agreed', 'not_agreed', 'not_yet_asked')", name="agreement_status_known"
        ),
        CheckConstraint("plan_version >= 1", name="plan_version_positive"),
    )


class _Item:
    """Columns every item of a plan has: its plan, its place in the list, and its uid across versions."""

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("care_plans.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    uid: Mapped[str] = mapped_column(String(32))


class CarePlanProblemRow(_Item, Base):
    __tablename__ = "care_plan_problems"

    text: Mapped[str] = mapped_column(Text)


class CarePlanGoalRow(_Item, Base):
    __tablename__ = "care_plan_goals"

    description: Mapped[str] = mapped_column(Text)
    measure: Mapped[str | None] = mapped_column(String(500))
    baseline: Mapped[str | None] = mapped_column(String(500))
    target: Mapped[str | None] = mapped_column(String(500))
    due_date: Mapped[date | None] = mapped_column(Date)


class CarePlanInterventionRow(_Item, Base):
    __tablename__ = "care_plan_interventions"

    discipline: Mapped[str] = mapped_column(String(32))
    description: Mapped[str] = mapped_column(Text)
    owner: Mapped[str | None] = mapped_column(String(200))
    due_date: Mapped[date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(8), default="open")
    #: Taken from what a discipline said and not yet accepted by the chair.
    proposed: Mapped[bool] = mapped_column(Boolean, default=False, server_default=sa_false())

    __table_args__ = (
        CheckConstraint(f"discipline IN ({_DISCIPLINES})", name="discipline_known"),
        CheckConstraint("status IN ('open', 'done')", name="status_known"),
        Index("ix_care_plan_interventions_status_due", "status", "due_date"),
    )


class CarePlanMedicationRow(_Item, Base):
    __tablename__ = "care_plan_medications"

    action: Mapped[str] = mapped_column(String(16))
    medication: Mapped[str] = mapped_column(String(2000))
    detail: Mapped[str | None] = mapped_column(Text)
    route: Mapped[str | None] = mapped_column(String(100))
    before_amount: Mapped[float | None] = mapped_column(Float)
    before_unit: Mapped[str | None] = mapped_column(String(10))
    after_amount: Mapped[float | None] = mapped_column(Float)
    after_unit: Mapped[str | None] = mapped_column(String(10))
    switch_to: Mapped[str | None] = mapped_column(String(2000))
    options: Mapped[str | None] = mapped_column(Text)
    decided_by: Mapped[str | None] = mapped_column(String(200))
    decide_by: Mapped[date | None] = mapped_column(Date)

    __table_args__ = (
        CheckConstraint(f"action IN {MEDICATION_ACTIONS}", name="action_known"),
        CheckConstraint(f"before_unit IN {_UNITS}", name="before_unit_known"),
        CheckConstraint(f"after_unit IN {_UNITS}", name="after_unit_known"),
        CheckConstraint("(before_amount IS NULL) = (before_unit IS NULL)", name="before_dose_whole"),
        CheckConstraint("(after_amount IS NULL) = (after_unit IS NULL)", name="after_dose_whole"),
    )


class CarePlanProcedureRow(_Item, Base):
    __tablename__ = "care_plan_procedures"

    kind: Mapped[str] = mapped_column(String(32))
    notes: Mapped[str | None] = mapped_column(Text)

    __table_args__ = (
        CheckConstraint(
            "kind IN ('nerve_block', 'epidural_steroid_injection', 'radiofrequency_ablation', "
            "'spinal_cord_stimulator_trial', 'other')",
            name="kind_known",
        ),
    )


class CarePlanRiskRow(_Item, Base):
    __tablename__ = "care_plan_risks"

    kind: Mapped[str] = mapped_column(String(32))
    detail: Mapped[str | None] = mapped_column(Text)

    __table_args__ = (
        CheckConstraint("kind IN ('naloxone', 'prescription_monitoring', 'other')", name="kind_known"),
    )


class CarePlanDisagreementRow(_Item, Base):
    __tablename__ = "care_plan_disagreements"

    issue: Mapped[str] = mapped_column(Text)
    resolution: Mapped[str | None] = mapped_column(Text)


class CarePlanSignOffRow(Base):
    __tablename__ = "care_plan_sign_offs"

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("care_plans.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    discipline: Mapped[str] = mapped_column(String(32))
    name: Mapped[str] = mapped_column(String(200))
    signed_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    #: The account that signed with its own password or PIN (None: signed before accounts existed).
    account_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    #: SHA-256 of the plan's content as signed (see ``domain.careplan.fingerprint``).
    fingerprint: Mapped[str | None] = mapped_column(String(64), nullable=True)

    __table_args__ = (
        UniqueConstraint("plan_id", "discipline", name="uq_care_plan_sign_offs_plan_discipline"),
        CheckConstraint(f"discipline IN ({_DISCIPLINES})", name="discipline_known"),
    )


class CarePlanProgressRow(Base):
    """Progress on an action of a signed plan, recorded without a new plan version: done, not done
    (with the reason) or carried forward to a new date, with who recorded it and when. The action is
    the intervention with ``intervention_uid`` in plan ``plan_id``; the latest row is its state."""

    __tablename__ = "care_plan_progress"

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("care_plans.id", ondelete="CASCADE"), index=True)
    intervention_uid: Mapped[str] = mapped_column(String(32))
    state: Mapped[str] = mapped_column(String(16))
    reason: Mapped[str | None] = mapped_column(Text)
    new_due: Mapped[date | None] = mapped_column(Date)
    recorded_by: Mapped[str] = mapped_column(String(200))
    recorded_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    #: The agenda item (case in a conference) where it was recorded, if any.
    agenda_item_id: Mapped[int | None] = mapped_column(
        ForeignKey("agenda_items.id", ondelete="SET NULL")
    )

    __table_args__ = (
        CheckConstraint(f"state IN {PROGRESS_STATES}", name="state_known"),
        CheckConstraint("state != 'carried_forward' OR new_due IS NOT NULL", name="carried_has_date"),
        Index("ix_care_plan_progress_plan_uid", "plan_id", "intervention_uid"),
    )


class CarePlanWithdrawalRow(Base):
    """A sign-off taken back: by its signer, or by the chair with a reason."""

    __tablename__ = "care_plan_withdrawals"

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("care_plans.id", ondelete="CASCADE"), index=True)
    discipline: Mapped[str] = mapped_column(String(32))
    name: Mapped[str] = mapped_column(String(200))
    account_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    withdrawn_by: Mapped[int] = mapped_column(Integer)
    reason: Mapped[str | None] = mapped_column(Text, nullable=True)
    withdrawn_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
