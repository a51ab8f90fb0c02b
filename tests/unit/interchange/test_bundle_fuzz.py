"""Property-based tests of bundle import.

Malformed and mutated bundles (missing keys, wrong types, unknown keys, numbers out of range, random
text, random bytes, truncation) either import (they happened to be valid) or raise InvalidInputError
with at least one problem, never any other exception; on error the database is unchanged.
Valid bundles generated from the schema's shape import and export again without loss.

SQLite only, for speed; the database lives for one test and is shared by its examples, so every
example compares the tables before and after itself.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from typing import Any

import pytest
from conftest import SAMPLE_CASES, table_snapshot
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from mdtboard.domain.errors import InvalidInputError
from mdtboard.interchange.bundle import bundle_json, import_bytes, json_path
from mdtboard.services.context import Services
from mdtboard.storage.db import open_database

FUZZ = settings(
    max_examples=int(os.environ.get("MDTBOARD_FUZZ_EXAMPLES", "120")),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
RAW = SAMPLE_CASES.read_bytes()


@pytest.fixture
def fuzz_services(sqlite_database_url: str) -> Iterator[Services]:
    db = open_database(sqlite_database_url)
    yield Services.on(db)
    db.dispose()


def check_import(services: Services, raw: bytes) -> None:
    """Import ``raw``: on success the cases come back exactly; on error nothing changed."""
    before = table_snapshot(services.db)
    try:
        stored = import_bytes(services.cases, raw, source="fuzz.json")
    except InvalidInputError as exc:
        assert exc.problems
        event("refused: with a path" if exc.problems[0].where else "refused: the whole file")
        assert all(isinstance(p.where, str) and p.message for p in exc.problems)
        assert table_snapshot(services.db) == before
        return
    event("imported")
    sent = json.loads(raw.decode("utf-8-sig"))["cases"]
    assert [s.ref for s in stored] == [c["id"] for c in sent]
    assert_exported_equal(services, sent)


def assert_exported_equal(services: Services, sent: list[dict[str, Any]]) -> None:
    back = bundle_json(services.cases.get_many([c["id"] for c in sent]))["cases"]
    assert {c["id"]: c for c in back} == {c["id"]: c for c in sent}


# ---------------------------------------------------------------------------- mutations of the sample


def _slots(node: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    """The path of every value in the tree (not the root)."""
    if isinstance(node, dict):
        items: Any = node.items()
    elif isinstance(node, list):
        items = enumerate(node)
    else:
        return
    for key, value in items:
        yield (*path, key)
        yield from _slots(value, (*path, key))


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _parent(tree: Any, path: tuple[Any, ...]) -> Any:
    for key in path[:-1]:
        tree = tree[key]
    return tree


json_scalars = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=20)
)
json_values = st.recursive(
    json_scalars,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
    max_leaves=6,
)
#: Numbers at and beyond the edges of the schema's ranges, and beyond what a float holds exactly.
EDGES = [-1, 0, 3, 4, 10, 11, 21, 22, 27, 28, 130, 131, 100000, 100001, 2**53, 2**53 + 1, 10**30, 10**400]
edge_numbers = (
    st.sampled_from(EDGES)
    | st.sampled_from([-0.5, -0.0, 5.0, 7.5, 1e-320, 1e6, 1e308, 2.0**60])
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
)
any_text = st.text(
    st.characters(codec=None, exclude_categories=()),  # everything, lone surrogates and NUL included
    max_size=40,
)


class Damaged:
    """Bytes to import, shown in a falsifying example by how they were made (the bytes are 37 kB)."""

    def __init__(self, recipe: list[str], raw: bytes) -> None:
        self.recipe = recipe
        self.raw = raw

    def __repr__(self) -> str:
        return f"Damaged({'; '.join(self.recipe)}, {len(self.raw)} bytes)"


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 80 else text[:77] + "..."


@st.composite
def mutated_bundles(draw: st.DrawFn) -> Damaged:
    data = json.loads(RAW)
    recipe: list[str] = []
    for _ in range(draw(st.integers(1, 3))):
        slots = list(_slots(data))
        if not slots:
            break
        how = draw(
            st.sampled_from(
                ["delete", "retype", "unknown key", "number", "number", "unicode", "duplicate case"]
            )
        )
        if how == "number":  # aim at the numbers: there are few of them among the texts
            slots = [s for s in slots if _is_number(_parent(data, s)[s[-1]])] or slots
        path = draw(st.sampled_from(slots))
        parent = _parent(data, path)
        key = path[-1]
        where = json_path(path)
        if how == "delete":
            del parent[key]
            recipe.append(f"delete {where}")
        elif how == "duplicate case":
            if isinstance(data.get("cases"), list) and data["cases"]:
                data["cases"].append(draw(st.sampled_from(data["cases"])))
                recipe.append("append a copy of a case")
        elif how == "unknown key" and isinstance(parent, dict):
            name, value = draw(st.text(min_size=1, max_size=12)), draw(json_scalars)
            parent[name] = value
            recipe.append(f"add {name!r} = {_short(value)} next to {where}")
        else:
            strategy = {"retype": json_values, "number": edge_numbers, "unicode": any_text}.get(
                how, json_values
            )
            parent[key] = draw(strategy)
            recipe.append(f"set {where} = {_short(parent[key])}")
    # ensure_ascii keeps lone surrogates as \\udXXX escapes, as another program might write them
    ascii_only = draw(st.booleans())
    raw = json.dumps(data, ensure_ascii=ascii_only).encode("utf-8", "surrogatepass")
    return Damaged([*recipe, f"ensure_ascii={ascii_only}"], raw)


@FUZZ
@given(sample=mutated_bundles())
def test_mutated_bundles_import_or_fail_cleanly(fuzz_services: Services, sample: Damaged) -> None:
    check_import(fuzz_services, sample.raw)


@st.composite
def damaged_bytes(draw: st.DrawFn) -> Damaged:
    how = draw(st.sampled_from(["truncate", "flip", "insert", "random", "splice"]))
    if how == "truncate":
        at = draw(st.integers(0, len(RAW)))
        return Damaged([f"truncate at {at}"], RAW[:at])
    if how == "random":
        raw = draw(st.binary(max_size=300))
        return Damaged([f"random {raw!r}"], raw)
    at = draw(st.integers(0, len(RAW) - 1))
    if how == "flip":
        byte = bytes([draw(st.integers(0, 255))])
        return Damaged([f"replace byte {at} by {byte!r}"], RAW[:at] + byte + RAW[at + 1 :])
    if how == "insert":
        extra = draw(st.binary(min_size=1, max_size=8))
    else:
        extra = draw(any_text).encode("utf-8", "surrogatepass")
    return Damaged([f"insert {extra!r} at {at}"], RAW[:at] + extra + RAW[at:])


@FUZZ
@given(sample=damaged_bytes())
def test_damaged_bytes_import_or_fail_cleanly(fuzz_services: Services, sample: Damaged) -> None:
    check_import(fuzz_services, sample.raw)


# ---------------------------------------------------------------- valid cases from the schema's shape

REF = r"[A-Za-z0-9][A-Za-z0-9._-]{0,63}"
#: Any character a bundle may carry: the whole of Unicode except lone surrogates and the control
#: characters other than tab and line break, with characters outside the Basic Multilingual Plane
#: drawn often.
_CONTROLS = "".join(chr(c) for c in [*range(0x20), *range(0x7F, 0xA0)] if chr(c) not in "\t\n")
chars = st.characters(codec="utf-8", exclude_characters=_CONTROLS) | st.sampled_from(
    "😀𝄞𠜎🏳️‍🌈é\u0301\u200b\t\n"
)


def text(max_size: int = 30, min_size: int = 0) -> st.SearchStrategy[str]:
    return st.text(chars, min_size=min_size, max_size=max_size)


def optional(required: dict[str, Any], **maybe: Any) -> st.SearchStrategy[dict[str, Any]]:
    return st.fixed_dictionaries(required, optional=maybe)


score010 = st.integers(0, 10)
item03 = st.integers(0, 3)
numbers = st.integers(-(2**53), 2**53) | st.floats(allow_nan=False, allow_infinity=False)
lines = st.lists(text(min_size=1), max_size=3)


@st.composite
def instrument(draw: st.DrawFn, count: int, prefix: str, with_item9: bool) -> dict[str, Any]:
    """Items and/or a total that agree, as the case rules require."""
    out: dict[str, Any] = {}
    items = draw(st.none() | st.lists(item03, min_size=count, max_size=count))
    if items is not None:
        out[f"{prefix}_items"] = items
    if draw(st.booleans()):
        out[f"{prefix}_total"] = sum(items) if items is not None else draw(st.integers(0, 3 * count))
    if with_item9 and draw(st.booleans()):
        out[f"{prefix}_item9"] = items[8] if items is not None else draw(item03)
    return out


@st.composite
def scores(draw: st.DrawFn) -> dict[str, Any]:
    out = draw(
        optional(
            {},
            nrs=score010,
            peg_items=st.fixed_dictionaries(
                {"pain": score010, "enjoyment": score010, "general_activity": score010}
            ),
            other=st.lists(
                optional({"instrument": text(20, min_size=1), "value": numbers}, note=text()), max_size=3
            ),
        )
    )
    out.update(draw(instrument(9, "phq9", with_item9=True)))
    out.update(draw(instrument(7, "gad7", with_item9=False)))
    return out


patient = optional(
    {"display_name": text(40, min_size=1).filter(lambda s: s.strip() != "")},
    age=st.integers(0, 130),
    sex=text(10),
    gender_identity=text(10),
    pronouns=text(10),
    preferred_language=text(20),
    interpreter_needed=st.booleans(),
)
medication = optional(
    {"name": text(min_size=1)},
    dose=text(10),
    route=text(10),
    frequency=text(20),
    prn=st.booleans(),
    daily_dose=st.fixed_dictionaries(
        {
            "amount": st.integers(1, 100000) | st.floats(0, 100000, exclude_min=True),
            "unit": st.sampled_from(["mg", "mcg", "mcg/h"]),
        }
    ),
)
case = optional(
    {"id": st.from_regex(REF, fullmatch=True), "fictional": st.booleans(), "patient": patient},
    title=text(40),
    one_liner=text(),
    question_for_team=text(),
    presenting_complaint=text(),
    pain_history=text(),
    psychosocial=text(),
    sharing_restrictions=text(),
    pain_locations=st.lists(
        optional({"region": text(min_size=1)}, side=text(10), character=text()), max_size=3
    ),
    medications=st.lists(medication, max_size=3),
    prior_treatments=lines,
    imaging=lines,
    comorbidities=lines,
    function_goals=lines,
    red_flags=lines,
    scores=scores(),
    discipline_inputs=st.lists(
        optional(
            {
                "discipline": st.sampled_from(
                    [
                        "physician",
                        "physical_therapy",
                        "psychology",
                        "pharmacy",
                        "nursing",
                        "occupational_therapy",
                        "social_work",
                    ]
                )
            },
            author=text(20),
            assessment=text(),
            recommendations=text(),
        ),
        max_size=3,
    ),
)
valid_bundles = optional(
    {
        "format": st.just("mdtboard.case-bundle"),
        "version": st.just(1),
        "cases": st.lists(case, max_size=3, unique_by=lambda c: c["id"]),
    },
    title=text(40),
)


@FUZZ
@given(bundle=valid_bundles)
def test_valid_bundles_round_trip_losslessly(fuzz_services: Services, bundle: dict[str, Any]) -> None:
    stored = import_bytes(fuzz_services.cases, json.dumps(bundle).encode(), source="generated.json")
    assert [s.ref for s in stored] == [c["id"] for c in bundle["cases"]]
    assert_exported_equal(fuzz_services, bundle["cases"])
