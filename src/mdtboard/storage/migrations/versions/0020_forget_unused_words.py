"""case_search_words without the words no case has: before this revision the search vocabulary was only
ever added to, so the words of deleted cases, discarded teaching drafts and names edited away stayed in the
database. From now on they leave with their case (storage.search_words.forget_unused); this removes those
left before.

Revision ID: 0020_forget_unused_words
Revises: 0019_ref_tails
Create Date: 2026-12-07 14:00:00
"""

from __future__ import annotations

from alembic import op

from mdtboard.storage.search_words import FORGET_ALL

revision = '0020_forget_unused_words'
down_revision = '0019_ref_tails'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.get_bind().execute(FORGET_ALL)


def downgrade() -> None:
    """Nothing to put back: the words removed belonged to no case."""
