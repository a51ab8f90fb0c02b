"""SQLAlchemy 2 typed models: the tables, one home per field of the case-bundle format.

Schema changes go through Alembic revisions in ``storage/migrations``; a test checks that upgrading an
empty database to head gives exactly these tables.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

#: Search tokens compare byte-wise on PostgreSQL too, so that a prefix range uses the index exactly.
TOKEN = String(64).with_variant(String(64, collation="C"), "postgresql")


def utcnow() -> datetime:
    return datetime.now(UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class Versioned:
    """Every editable record carries a version number; a save states the version its user saw."""

    version: Mapped[int] = mapped_column(Integer, nullable=False, default=0)


class CaseRow(Versioned, Base):
    __tablename__ = "cases"

    id: Mapped[int] = mapped_column(primary_key=True)
    ref: Mapped[str] = mapped_column(String(64), unique=True)
    fictional: Mapped[bool] = mapped_column(Boolean)
    title: Mapped[str | None] = mapped_column(String(300))
    # Patient
    display_name: Mapped[str] = mapped_column(String(200))
    age: Mapped[int | None] = mapped_column(Integer)
    sex: Mapped[str | None] = mapped_column(String(50))
    gender_identity: Mapped[str | None] = mapped_column(String(100))
    pronouns: Mapped[str | None] = mapped_column(String(50))
    preferred_language: Mapped[str | None] = mapped_column(String(200))
    interpreter_needed: Mapped[bool | None] = mapped_column(Boolean)
    # Situation and background
    one_liner: Mapped[str | None] = mapped_column(Text)
    question_for_team: Mapped[str | None] = mapped_column(Text)
    presenting_complaint: Mapped[str | None] = mapped_column(Text)
    pain_history: Mapped[str | None] = mapped_column(Text)
    psychosocial: Mapped[str | None] = mapped_column(Text)
    sharing_restrictions: Mapped[str | None] = mapped_column(Text)
    sharing_restrictions_by: Mapped[str | None] = mapped_column(String(200))
    recommendation: Mapped[str | None] = mapped_column(Text)
    # Scores the program carries in full
    has_scores: Mapped[bool] = mapped_column(Boolean, default=False)
    nrs: Mapped[int | None] = mapped_column(Integer)
    peg_pain: Mapped[int | None] = mapped_column(Integer)
    peg_enjoyment: Mapped[int | None] = mapped_column(Integer)
    peg_general_activity: Mapped[int | None] = mapped_column(Integer)
    phq9_total: Mapped[int | None] = mapped_column(Integer)
    phq9_item9: Mapped[int | None] = mapped_column(Integer)
    gad7_total: Mapped[int | None] = mapped_column(Integer)
    #: Names of the list fields that were given (even empty), space separated, so that export gives
    #: back exactly what was imported: an absent list and an empty list stay different.
    given_lists: Mapped[str] = mapped_column(String(300), default="")
    #: The first letters of the case's search words, as its search tokens carry them (``SearchTokenRow``): a
    #: page found by walking the cases in order checks a one-letter word by them; -1 when not known.
    search_letters: Mapped[int] = mapped_column(Integer, server_default="-1")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    #: When the case was archived: hidden from the library and the agenda's search, kept, restorable.
    #: Indexed, so that counting the cases that are not archived reads the index, not every case.
    archived_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), index=True)

    pain_locations: Mapped[list[PainLocationRow]] = relationship(
        order_by="PainLocationRow.position", cascade="all, delete-orphan", passive_deletes=True
    )
    medications: Mapped[list[MedicationRow]] = relationship(
        order_by="MedicationRow.position", cascade="all, delete-orphan", passive_deletes=True
    )
    lines: Mapped[list[CaseLineRow]] = relationship(
        order_by="(CaseLineRow.kind, CaseLineRow.position)",
        cascade="all, delete-orphan",
        passive_deletes=True,
    )
    items: Mapped[list[QuestionnaireItemRow]] = relationship(
        order_by="(QuestionnaireItemRow.instrument, QuestionnaireItemRow.item_no)",
        cascade="all, delete-orphan",
        passive_deletes=True,
    )
    other_scores: Mapped[list[OtherScoreRow]] = relationship(
        order_by="OtherScoreRow.position", cascade="all, delete-orphan", passive_deletes=True
    )
    inputs: Mapped[list[DisciplineInputRow]] = relationship(
        order_by="DisciplineInputRow.position", cascade="all, delete-orphan", passive_deletes=True
    )
    passages: Mapped[list[RestrictedPassageRow]] = relationship(
        order_by="RestrictedPassageRow.position", cascade="all, delete-orphan", passive_deletes=True
    )

    __table_args__ = (
        CheckConstraint("nrs BETWEEN 0 AND 10", name="nrs_range"),
        CheckConstraint("peg_pain BETWEEN 0 AND 10", name="peg_pain_range"),
        CheckConstraint("peg_enjoyment BETWEEN 0 AND 10", name="peg_enjoyment_range"),
        CheckConstraint("peg_general_activity BETWEEN 0 AND 10", name="peg_general_activity_range"),
        CheckConstraint("phq9_total BETWEEN 0 AND 27", name="phq9_total_range"),
        CheckConstraint("phq9_item9 BETWEEN 0 AND 3", name="phq9_item9_range"),
        CheckConstraint("gad7_total BETWEEN 0 AND 21", name="gad7_total_range"),
        CheckConstraint("age BETWEEN 0 AND 130", name="age_range"),
        # A search's page sorted by reference takes the matches' keys from here, without reading their
        # rows (storage.case_search).
        Index("ix_cases_id_ref", "id", "ref"),
        # The cases of a range of references, in their order, each with what a search filters on, without
        # reading their rows (storage.case_ref_search; and a walk of the references, storage.case_search).
        Index("ix_cases_ref_kept", "ref", "archived_at", "fictional"),
        # PostgreSQL only (revision 0024): a search's walk of the references reads the cases walked from here,
        # without reading their rows (storage.case_search._walked_page).
        Index(
            "ix_cases_ref_walk", "ref", postgresql_include=["id", "search_letters", "fictional"],
            info={"dialect": "postgresql"},
        ).ddl_if(dialect="postgresql"),
    )


class RestrictedPassageRow(Base):
    """A passage of a case's free text that only some people may see (the bundle's
    ``restricted_passages``): the field as a JSON pointer into the case, the exact passage, who holds it."""

    __tablename__ = "restricted_passages"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    field: Mapped[str] = mapped_column(String(200))
    text: Mapped[str] = mapped_column(Text)
    held_by: Mapped[str] = mapped_column(String(200))
    note: Mapped[str | None] = mapped_column(String(1000))


class SearchTokenRow(Base):
    """Folded words of a case's patient name, title and reference, for prefix search as you type. Each entry
    carries the first letters of all its case's words (``letters``, see ``storage.case_search_plan.LETTERS``;
    -1 when not known), which the index of tokens holds too: a search checks a one-letter word on the entries
    it finds for the other words without looking anything up."""

    __tablename__ = "case_search_tokens"

    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), primary_key=True)
    token: Mapped[str] = mapped_column(TOKEN, primary_key=True)
    letters: Mapped[int] = mapped_column(Integer, server_default="-1")

    __table_args__ = (
        Index("ix_case_search_tokens_token_case_letters", "token", "case_id", "letters"),
        # PostgreSQL only (revision 0023): the entries of a word of two characters or more in the order of
        # their cases, whichever tokens they are of (see storage.case_search._merged_entries).
        Index(
            "ix_case_search_tokens_head_case_token", text("substr(token, 1, 2)"), "case_id", "token",
            info={"dialect": "postgresql"},
        ).ddl_if(dialect="postgresql"),
    )


class RefTailRow(Base):
    """The words of a case's reference, each joined with the words after it (the reference's search tokens),
    by their place in the reference and the reference's shape (letters, digits, punctuation: see
    ``storage.case_ref_search``), for references of printable ASCII only: a search typed as a reference is
    answered from here and from the references' own order, without intersecting words that every case has."""

    __tablename__ = "case_ref_tails"

    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), primary_key=True)
    pos: Mapped[int] = mapped_column(Integer, primary_key=True)
    shape: Mapped[str] = mapped_column(TOKEN)
    tail: Mapped[str] = mapped_column(TOKEN)

    __table_args__ = (Index("ix_case_ref_tails_shape_pos_tail", "shape", "pos", "tail", "case_id"),)


class SearchWordRow(Base):
    """Every search token that a case has other than from a reference of :class:`RefTailRow` (words of names
    and titles, of other references), so that a word no token here starts is known to come from references
    alone (``storage.case_ref_search``); kept by ``storage.search_words``."""

    __tablename__ = "case_search_words"

    token: Mapped[str] = mapped_column(TOKEN, primary_key=True)


class PainLocationRow(Base):
    __tablename__ = "pain_locations"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    region: Mapped[str] = mapped_column(String(2000))
    side: Mapped[str | None] = mapped_column(String(100))
    character: Mapped[str | None] = mapped_column(String(500))


class MedicationRow(Base):
    __tablename__ = "medications"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(2000))
    dose: Mapped[str | None] = mapped_column(String(200))
    route: Mapped[str | None] = mapped_column(String(100))
    frequency: Mapped[str | None] = mapped_column(String(500))
    prn: Mapped[bool | None] = mapped_column(Boolean)
    daily_amount: Mapped[float | None] = mapped_column(Float)
    daily_unit: Mapped[str | None] = mapped_column(String(10))

    __table_args__ = (
        CheckConstraint("daily_unit IN ('mg', 'mcg', 'mcg/h')", name="daily_unit_known"),
        CheckConstraint("(daily_amount IS NULL) = (daily_unit IS NULL)", name="daily_dose_whole"),
    )


class CaseLineRow(Base):
    """One line of a case's plain lists: prior treatments, imaging, comorbidities, goals, red flags."""

    __tablename__ = "case_lines"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(32))
    position: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(String(2000))

    __table_args__ = (
        CheckConstraint(
            "kind IN ('prior_treatments', 'imaging', 'comorbidities', 'function_goals', 'red_flags')",
            name="kind_known",
        ),
    )


class QuestionnaireItemRow(Base):
    """One answered item of PHQ-9 or GAD-7 (0-3)."""

    __tablename__ = "questionnaire_items"

    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), primary_key=True)
    instrument: Mapped[str] = mapped_column(String(10), primary_key=True)
    item_no: Mapped[int] = mapped_column(Integer, primary_key=True)
    value: Mapped[int] = mapped_column(Integer)

    __table_args__ = (
        CheckConstraint("value BETWEEN 0 AND 3", name="value_range"),
        CheckConstraint("instrument IN ('phq9', 'gad7')", name="instrument_known"),
    )


class OtherScoreRow(Base):
    """A typed total of an instrument whose items the program does not carry."""

    __tablename__ = "other_scores"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    instrument: Mapped[str] = mapped_column(String(100))
    value: Mapped[float] = mapped_column(Float)
    note: Mapped[str | None] = mapped_column(String(500))


class DisciplineInputRow(Versioned, Base):
    """A discipline's assessment and recommendations: prepared with the case (no agenda item) or given
    in a conference (belongs to that conference's agenda item)."""

    __tablename__ = "discipline_inputs"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    agenda_item_id: Mapped[int | None] = mapped_column(
        ForeignKey("agenda_items.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)
    discipline: Mapped[str] = mapped_column(String(32))
    author: Mapped[str | None] = mapped_column(String(200))
    assessment: Mapped[str | None] = mapped_column(Text)
    recommendations: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    __table_args__ = (
        CheckConstraint(
            "discipline IN ('physician', 'physical_therapy', 'psychology', 'pharmacy', 'nursing', "
            "'occupational_therapy', 'social_work')",
            name="discipline_known",
        ),
        # One input per discipline on an agenda item: two PCs typing the first one end in one row.
        Index("uq_discipline_inputs_item_discipline", "agenda_item_id", "discipline", unique=True),
    )


class ConferenceRow(Versioned, Base):
    __tablename__ = "conferences"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    starts_at: Mapped[datetime] = mapped_column(DateTime(timezone=False), index=True)
    room: Mapped[str | None] = mapped_column(String(200))
    mode: Mapped[str] = mapped_column(String(16), default="clinical")
    chair: Mapped[str | None] = mapped_column(String(200))
    default_minutes: Mapped[int] = mapped_column(Integer, default=12)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    attendees: Mapped[list[AttendeeRow]] = relationship(
        order_by="AttendeeRow.position", cascade="all, delete-orphan", passive_deletes=True
    )
    agenda: Mapped[list[AgendaItemRow]] = relationship(
        order_by="AgendaItemRow.position", cascade="all, delete-orphan", passive_deletes=True
    )

    __table_args__ = (
        CheckConstraint("mode IN ('clinical', 'training')", name="mode_known"),
        CheckConstraint("default_minutes BETWEEN 1 AND 240", name="default_minutes_range"),
    )


class AttendeeRow(Versioned, Base):
    __tablename__ = "attendees"

    id: Mapped[int] = mapped_column(primary_key=True)
    conference_id: Mapped[int] = mapped_column(ForeignKey("conferences.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(200))
    discipline: Mapped[str] = mapped_column(String(32))
    role: Mapped[str] = mapped_column(String(16))

    __table_args__ = (
        CheckConstraint("role IN ('chair', 'presenter', 'member', 'trainee', 'observer')", name="role_known"),
    )


class AgendaItemRow(Versioned, Base):
    __tablename__ = "agenda_items"

    id: Mapped[int] = mapped_column(primary_key=True)
    conference_id: Mapped[int] = mapped_column(ForeignKey("conferences.id", ondelete="CASCADE"), index=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    minutes: Mapped[int] = mapped_column(Integer, default=12)
    status: Mapped[str] = mapped_column(String(16), default="pending")
    started_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    ended_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    #: Why the case was deferred (one line), shown when it is offered on the next agenda.
    deferral_reason: Mapped[str | None] = mapped_column(String(200))

    __table_args__ = (
        UniqueConstraint("conference_id", "case_id", name="uq_agenda_items_conference_case"),
        CheckConstraint(
            "status IN ('pending', 'in_discussion', 'discussed', 'deferred')", name="status_known"
        ),
        CheckConstraint("minutes BETWEEN 1 AND 240", name="minutes_range"),
    )


# The tables of the care plan, of training mode (roles, assessments, timing, teaching-case review) and of
# the conference timers (timing segments, meeting clocks) live in their own modules; importing them here
# puts them in ``Base.metadata`` wherever the models are used (Alembic, table snapshots).
from mdtboard.storage import careplan_models, timing_models, training_models  # noqa: E402, F401, I001
from mdtboard.storage import change_models  # noqa: E402, F401
from mdtboard.storage import account_models, audit_models  # noqa: E402, F401
