"""The search vocabulary (``case_search_words``, storage.search_words): the words the stored cases have, no
fewer (a search typed as a reference relies on it) and no more (a deleted patient's name does not stay in
the database), on both databases; on PostgreSQL, a removal never takes a word from a saving in flight on
another PC; revision 0020 removes the words left before."""

from __future__ import annotations

import threading
from dataclasses import replace
from datetime import UTC, datetime

import pytest
import sqlalchemy as sa

from mdtboard.domain.case import Case, Patient
from mdtboard.services.context import Services
from mdtboard.storage import case_repo
from mdtboard.storage.case_ref_shapes import word_tokens
from mdtboard.storage.case_search import stored_tokens
from mdtboard.storage.db import Database, create_engine, open_database, upgrade

POSTGRESQL_ONLY = pytest.mark.parametrize(
    "database_url", [pytest.param("postgresql", marks=pytest.mark.postgres)], indirect=True
)


def _kept(db: Database) -> set[str]:
    with db.engine.connect() as conn:
        return set(conn.execute(sa.text("SELECT token FROM case_search_words")).scalars())


def _the_cases_words(db: Database) -> set[str]:
    with db.engine.connect() as conn:
        cases = conn.execute(sa.text("SELECT ref, display_name, title, archived_at FROM cases")).all()
    return {
        t
        for ref, name, title, archived_at in cases
        for t in stored_tokens(word_tokens(name, title, ref), archived=archived_at is not None)
    }


def _as_it_should_be(db: Database) -> bool:
    """Every word a case has is kept, and nothing kept is a token no case has (a word kept may be a token a
    case has through its reference only: it left the words with the case that had it as a word)."""
    with db.engine.connect() as conn:
        tokens = set(conn.execute(sa.text("SELECT token FROM case_search_tokens")).scalars())
    return _the_cases_words(db) <= _kept(db) <= tokens


def test_a_deleted_cases_words_leave_with_it_and_shared_words_stay(services: Services) -> None:
    shown = services.cases
    kept = shown.create(Case(ref="W-1", fictional=False, patient=Patient("Aoife Brennan"), title="Knee"))
    gone = shown.create(
        Case(ref="W-2", fictional=False, patient=Patient("Aoife Quigley-Ndiaye"), title="Knee tendinopathy")
    )
    # a name's tokens are its words joined from each word on: "aoifequigleyndiaye", "quigleyndiaye", ...
    assert {"aoifequigleyndiaye", "quigleyndiaye", "ndiaye", "tendinopathy", "knee"} <= _kept(services.db)
    shown.delete(gone.id or 0)
    words = _kept(services.db)
    assert _as_it_should_be(services.db)
    assert not {"aoifequigleyndiaye", "quigleyndiaye", "ndiaye", "tendinopathy"} & words
    assert {"aoifebrennan", "brennan", "knee"} <= words  # the other case has them
    assert [s.ref for s in shown.search("aoife", limit=10)] == [kept.ref]


def test_a_name_edited_away_or_overwritten_leaves_the_vocabulary(services: Services) -> None:
    shown = services.cases
    case = shown.create(Case(ref="W-3", fictional=False, patient=Patient("Tadhg Mulcahy"), title="Hip"))
    edited = shown.update(replace(case, patient=Patient("Patient 3")), base=case)  # only what changed
    assert not {"tadhgmulcahy", "mulcahy"} & _kept(services.db)
    again = shown.update(replace(edited, title="Hip after fall at Mulcahy Farm"))  # saved whole
    assert "mulcahy" in _kept(services.db)
    shown.update(replace(again, title="Hip after fall"))
    shown.store_many([Case(ref="W-4", fictional=False, patient=Patient("Nkechi Obi"), title="Neck")])
    shown.store_many([Case(ref="W-4", fictional=False, patient=Patient("Patient 4"), title="Neck")])
    words = _kept(services.db)
    assert _as_it_should_be(services.db)
    assert not {"mulcahy", "farm", "nkechiobi", "obi"} & words


def test_archiving_moves_the_words_and_restoring_moves_them_back(services: Services) -> None:
    shown = services.cases
    case = shown.create(Case(ref="W-5", fictional=True, patient=Patient("Oona Vasquez")))
    shown.archive(case.id or 0)
    assert _as_it_should_be(services.db)
    assert {"~vasquez", "~oonavasquez"} <= _kept(services.db) and "vasquez" not in _kept(services.db)
    shown.unarchive(case.id or 0)
    assert _as_it_should_be(services.db)
    assert "vasquez" in _kept(services.db) and "~vasquez" not in _kept(services.db)


@POSTGRESQL_ONLY
def test_a_removal_leaves_a_word_that_a_saving_in_flight_relies_on(services: Services) -> None:
    """Another PC is saving a case with the word "lee" (Bo Lee), which the vocabulary has from the case
    deleted here (Ana Lee), so it does not add it; its token is not committed yet. The deletion cannot see
    that token: it must not remove the word, or the case saved there could not be found by its words."""
    shown = services.cases
    first = shown.create(Case(ref="W-6", fictional=False, patient=Patient("Ana Lee")))
    other = open_database(str(services.db.engine.url.render_as_string(hide_password=False)), migrate=False)
    try:
        session = other.sessions()
        try:
            case_repo.insert_cases(session, [Case(ref="W-7", fictional=False, patient=Patient("Bo Lee"))])
            shown.delete(first.id or 0)  # on this PC, while the other's saving is in flight
            session.commit()
        finally:
            session.close()
    finally:
        other.dispose()
    words = _kept(services.db)
    assert {"lee", "bolee"} <= words
    assert _the_cases_words(services.db) <= words  # "analee" may stay until a later removal
    assert [s.ref for s in shown.search("lee", limit=10)] == ["W-7"]


@POSTGRESQL_ONLY
def test_a_saving_that_adds_a_word_being_removed_waits_and_adds_it(services: Services) -> None:
    shown = services.cases
    first = shown.create(Case(ref="W-8", fictional=False, patient=Patient("Bea Kowalczyk")))
    other = open_database(str(services.db.engine.url.render_as_string(hide_password=False)), migrate=False)
    saved = threading.Event()
    failures: list[BaseException] = []

    def save_elsewhere() -> None:
        try:
            shown.create(Case(ref="W-9", fictional=False, patient=Patient("Jan Kowalczyk")))
            saved.set()
        except BaseException as exc:  # reported by the test below
            failures.append(exc)

    try:
        session = other.sessions()
        try:
            assert case_repo.delete_case(session, first.id or 0, seen_version=None)  # removes its words
            saver = threading.Thread(target=save_elsewhere)
            saver.start()
            assert not saved.wait(0.5)  # waits for the removal to commit
            session.commit()
        finally:
            session.close()
        saver.join(10)
    finally:
        other.dispose()
    assert not failures and saved.is_set()
    words = _kept(services.db)
    assert "kowalczyk" in words and "beakowalczyk" not in words
    assert _as_it_should_be(services.db)


def test_revision_0020_removes_the_words_no_case_has(database_url: str) -> None:
    engine = create_engine(database_url)
    upgrade(engine, "0019_ref_tails")
    when = datetime(2026, 12, 6, tzinfo=UTC)
    with engine.begin() as conn:
        conn.execute(
            sa.text(
                "INSERT INTO cases (id, ref, fictional, title, display_name, given_lists, has_scores,"
                " version, created_at, updated_at)"
                " VALUES (1, 'W-10', :no, NULL, 'Ruth Adeyemi', '', :no, 0, :when, :when)"
            ),
            {"no": False, "when": when},
        )
        tokens = ["ruthadeyemi", "adeyemi"]
        conn.execute(sa.text("INSERT INTO case_search_tokens (case_id, token) VALUES (1, :t)"),
                     [{"t": t} for t in tokens])
        conn.execute(sa.text("INSERT INTO case_search_words (token) VALUES (:t)"),
                     [{"t": t} for t in [*tokens, "okonkwo"]])  # a deleted case's word
    upgrade(engine)
    with engine.connect() as conn:
        assert set(conn.execute(sa.text("SELECT token FROM case_search_words")).scalars()) == set(tokens)
    engine.dispose()
