"""The value classes of the modules every command loads (a search's query, the shape of its statement, the
schema revisions) behave as the frozen dataclasses they replace, and folding ASCII text without anyascii
answers what anyascii does."""

from __future__ import annotations

import copy
import pickle

import pytest
from anyascii import anyascii

from mdtboard.domain.search import Query, fold, parse_query
from mdtboard.storage.case_search import Shape, page_sql
from mdtboard.storage.location import SchemaRevisions, schema_revisions


def test_a_query_compares_hashes_and_shows_by_its_fields() -> None:
    query = parse_query("Dupré-Lindqvist zoe")
    assert query == Query(("lindqvist", "dupre", "zoe"), "duprelindqvistzoe")
    assert query != Query(("lindqvist", "dupre", "zoe"), None)
    assert query != ("lindqvist", "dupre", "zoe")
    assert hash(query) == hash(parse_query("dupre lindqvist ZOE".replace(" ", "-", 1)))
    assert repr(query) == "Query(words=('lindqvist', 'dupre', 'zoe'), joined='duprelindqvistzoe')"
    assert {query: 1}[parse_query("Dupré-Lindqvist zoe")] == 1


def test_values_cannot_be_changed() -> None:
    query = parse_query("smith")
    with pytest.raises(AttributeError):
        query.words = ("jones",)  # type: ignore[misc]
    with pytest.raises(AttributeError):
        del query.joined
    with pytest.raises(AttributeError):
        query.other = 1  # type: ignore[attr-defined]
    assert query.words == ("smith",)


def test_a_shape_has_the_dataclass_defaults_and_replace() -> None:
    shape = Shape(2, True, False)
    assert (shape.sort, shape.descending, shape.walk, shape.limited, shape.postgresql, shape.after,
            shape.archived) == ("ref", False, False, True, False, False, False)
    walked = shape.replace(walk=True, sort="title")
    assert walked == Shape(2, True, False, sort="title", walk=True)
    assert shape == Shape(2, True, False)  # unchanged
    assert hash(walked) == hash(Shape(2, True, False, "title", False, True))
    with pytest.raises(TypeError):
        shape.replace(colour="red")
    assert page_sql(Shape(1, False, False)) is page_sql(Shape(1, False, False))  # one cached statement


@pytest.mark.parametrize(
    "value",
    [
        parse_query("nguyen thi"),
        Shape(1, False, True, archived=True),
        SchemaRevisions(frozenset({"a"}), ("a",)),
    ],
    ids=lambda value: type(value).__name__,
)
def test_values_copy_and_pickle(value: object) -> None:
    assert pickle.loads(pickle.dumps(value)) == value
    assert copy.copy(value) == value == copy.deepcopy(value)


def test_the_schema_revisions_are_read_as_before() -> None:
    revisions = schema_revisions()
    assert revisions.heads and set(revisions.heads) <= revisions.known
    assert revisions == SchemaRevisions(revisions.known, revisions.heads)


def test_ascii_folds_as_anyascii_folds_it() -> None:
    text = "".join(map(chr, range(128)))
    assert fold(text) == anyascii(text).lower()
    assert all(fold(ch) == anyascii(ch).lower() for ch in text)
    assert fold("Nguyễn Thị Hoa, Zoë Ørsted") == "nguyen thi hoa, zoe orsted"
