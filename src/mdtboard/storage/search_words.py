"""``case_search_words``: the search tokens that the cases have other than the tokens of a regular reference
(see :mod:`mdtboard.storage.case_ref_shapes`). A search typed as a reference looks its words up here to know
which cases it may find other than by their reference, so every word a stored case has must be here: a saving
adds its case's new words (:func:`remember`) in the same transaction as the case. A word no case has any more
(a case deleted or renamed, a teaching draft discarded) is removed by :func:`forget_unused` in the
transaction that removed it, so that a patient's name does not outlive the case in the database file.

On PostgreSQL, several PCs save at once. A saving that adds a case's token commits the word with it; a
removal that checks "no case has this word" cannot see the token of a saving not yet committed, and could
remove a word that saving relies on (it found the word there and did not add it). So every adding takes a
shared transaction lock first and a removal an exclusive one: the removal runs only when no saving in
flight has added words, and a saving that adds words after it waits for it to commit (and then adds a word
it removed). The removal only tries the lock: when a saving is in flight it leaves the words for the next
removal of the same words rather than wait (waiting inside a transaction that holds other locks could make
two PCs wait for each other). SQLite has one writer at a time: nothing to take.
"""

from __future__ import annotations

from collections.abc import Iterable

import sqlalchemy as sa
from sqlalchemy.orm import Session

#: The PostgreSQL transaction lock of the words (with the schema, so that two databases in one server stay
#: apart); not the change log's (:mod:`mdtboard.storage.changes`).
_LOCK = "hashtext('mdtboard_search_words_' || current_schema())"

#: The shared lock is taken before the first word is inserted (the first row needs both sides of the join).
_PG_REMEMBER = sa.text(f"""
INSERT INTO case_search_words (token)
SELECT w.token
FROM unnest(CAST(:tokens AS text[])) AS w(token)
CROSS JOIN (SELECT pg_advisory_xact_lock_shared({_LOCK}) OFFSET 0) AS held
ORDER BY w.token
ON CONFLICT DO NOTHING
""")
_SQLITE_REMEMBER = sa.text("INSERT INTO case_search_words (token) VALUES (:token) ON CONFLICT DO NOTHING")

_PG_TRY_LOCK = sa.text(f"SELECT pg_try_advisory_xact_lock({_LOCK})")
_PG_FORGET = sa.text("""
DELETE FROM case_search_words w
WHERE w.token = ANY(CAST(:tokens AS text[]))
  AND NOT EXISTS (SELECT 1 FROM case_search_tokens t WHERE t.token = w.token)
""")
_SQLITE_FORGET = sa.text("""
DELETE FROM case_search_words
WHERE token = :token
  AND NOT EXISTS (SELECT 1 FROM case_search_tokens t WHERE t.token = case_search_words.token)
""")
#: Every word no case has (revision 0020, for the words left by removals before :func:`forget_unused`).
FORGET_ALL = sa.text("""
DELETE FROM case_search_words
WHERE NOT EXISTS (SELECT 1 FROM case_search_tokens t WHERE t.token = case_search_words.token)
""")


def remember(session: Session, words: Iterable[str]) -> None:
    """Add ``words`` (tokens as stored) to those kept; those kept already stay as they are. In one order,
    so that two savings adding the same new words never wait for each other in a circle (PostgreSQL)."""
    tokens = sorted(set(words))
    if not tokens:
        return
    if session.get_bind().dialect.name == "postgresql":
        session.execute(_PG_REMEMBER, {"tokens": tokens})
    else:
        session.execute(_SQLITE_REMEMBER, [{"token": t} for t in tokens])


def forget_unused(session: Session, words: Iterable[str]) -> None:
    """Remove those of ``words`` (tokens as stored) that no case has now, as this transaction sees the
    cases' tokens. Call it after the tokens were removed (and the case's new ones stored). On PostgreSQL,
    only when no other saving that adds words is in flight (see the module docstring)."""
    tokens = sorted(set(words))
    if not tokens:
        return
    if session.get_bind().dialect.name == "postgresql":
        # Two statements: the removal's snapshot must be taken after the lock, when every saving that had
        # added words has committed.
        if session.execute(_PG_TRY_LOCK).scalar_one():
            session.execute(_PG_FORGET, {"tokens": tokens})
    else:
        session.execute(_SQLITE_FORGET, [{"token": t} for t in tokens])
