"""Case bundles: lossless round trip of the shared samples, every problem with its JSON path, and a clear
error that leaves the database unchanged for every kind of bad file."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from conftest import SAMPLE_CASES, table_snapshot

from mdtboard.domain.errors import DatabaseError, InvalidInputError, NotFoundError
from mdtboard.interchange import bundle
from mdtboard.interchange.bundle import (
    bundle_json,
    export_file,
    import_bytes,
    import_files,
    parse_bytes,
    read_file,
    validator,
)
from mdtboard.services.context import Services

RAW = SAMPLE_CASES.read_bytes()


def encode(data: dict[str, Any]) -> bytes:
    return json.dumps(data, ensure_ascii=False).encode("utf-8")


def minimal(ref: str = "MIN-1", **extra: Any) -> dict[str, Any]:
    return {"id": ref, "fictional": True, "patient": {"display_name": "Zoë Ørsted"}, **extra}


def wrap(*cases: dict[str, Any]) -> dict[str, Any]:
    return {"format": "mdtboard.case-bundle", "version": 1, "cases": list(cases)}


def exported(services: Services, refs: list[str] | None = None, title: str | None = None) -> dict[str, Any]:
    return bundle_json(services.cases.get_many(refs), title=title)


def problems_of(raw: bytes, services: Services | None = None) -> list[str]:
    with pytest.raises(InvalidInputError) as info:
        if services is None:
            parse_bytes(raw, source="test.json")
        else:
            import_bytes(services.cases, raw, source="test.json")
    assert info.value.problems, "an InvalidInputError must carry at least one problem"
    return [str(p) for p in info.value.problems]


# ---------------------------------------------------------------------------- round trip


def test_samples_round_trip_losslessly(services: Services, sample_bundle: dict[str, Any]) -> None:
    stored = import_bytes(services.cases, RAW, source=str(SAMPLE_CASES))
    assert [s.ref for s in stored] == [c["id"] for c in sample_bundle["cases"]]
    assert all(s.created for s in stored)
    assert exported(services, title=sample_bundle["title"]) == sample_bundle


def test_export_file_validates_against_the_schema_and_equals_the_input(
    services: Services, sample_bundle: dict[str, Any], tmp_path: Path
) -> None:
    import_files(services.cases, [SAMPLE_CASES])
    out = tmp_path / "out.json"
    cases = export_file(services.cases, out, title=sample_bundle["title"])
    assert len(cases) == 5
    written = json.loads(out.read_text("utf-8"))
    assert list(validator().iter_errors(written)) == []
    assert written == sample_bundle
    # ... and the written file imports again without a problem
    assert parse_bytes(out.read_bytes()) == sample_bundle


def test_export_of_named_cases(services: Services, sample_bundle: dict[str, Any]) -> None:
    import_bytes(services.cases, RAW, source="samples")
    got = exported(services, ["MDT-004", "MDT-001"])
    by_id = {c["id"]: c for c in sample_bundle["cases"]}
    assert sorted(c["id"] for c in got["cases"]) == ["MDT-001", "MDT-004"]
    assert all(c == by_id[c["id"]] for c in got["cases"])
    assert "title" not in got
    with pytest.raises(NotFoundError, match="NOPE-1"):
        exported(services, ["MDT-001", "NOPE-1"])


def test_reimport_updates_in_place(services: Services, sample_bundle: dict[str, Any]) -> None:
    first = import_bytes(services.cases, RAW, source="samples")
    changed = copy.deepcopy(sample_bundle)
    changed["cases"][1]["patient"]["display_name"] = "Renamed Patient"
    changed["cases"][1]["medications"] = []
    del changed["cases"][3]["scores"]
    second = import_bytes(services.cases, encode(changed), source="samples again")
    assert [(s.ref, s.id) for s in second] == [(s.ref, s.id) for s in first]
    assert not any(s.created for s in second)
    assert services.cases.count() == 5
    assert exported(services, title=changed["title"]) == changed
    with services.db.engine.connect() as conn:  # no orphaned child rows left behind by the update
        meds = conn.execute(sa.text("select count(*) from medications")).scalar_one()
    assert meds == sum(len(c.get("medications", [])) for c in changed["cases"])


def test_absent_and_empty_stay_different(services: Services) -> None:
    data = wrap(
        minimal("MIN-1"),
        minimal(
            "MIN-2",
            title="",
            one_liner="",
            pain_locations=[],
            medications=[],
            prior_treatments=[],
            imaging=[],
            comorbidities=[],
            function_goals=[],
            red_flags=[],
            scores={},
            discipline_inputs=[],
        ),
        minimal("MIN-3", scores={"other": []}, medications=[{"name": "x"}]),
        minimal("MIN-4", scores={"nrs": 0, "other": [{"instrument": "ODI", "value": -2.5, "note": ""}]}),
    )
    import_bytes(services.cases, encode(data), source="edge")
    assert exported(services) == data


def test_whole_numbers_written_as_decimals_are_read_as_whole_numbers(services: Services) -> None:
    data = wrap(minimal(patient={"display_name": "A", "age": 46.0}, scores={"nrs": 5.0, "phq9_item9": 0.0}))
    import_bytes(services.cases, encode(data), source="floats")
    case = services.cases.get_by_ref("MIN-1")
    assert case.patient.age == 46 and isinstance(case.patient.age, int)
    assert case.scores is not None and case.scores.nrs == 5 and isinstance(case.scores.nrs, int)
    assert exported(services) == data  # 5 == 5.0 in JSON terms


# ---------------------------------------------------------------------------- every problem, with its path


def test_every_problem_is_reported_with_its_path(services: Services, sample_bundle: dict[str, Any]) -> None:
    import_bytes(services.cases, RAW, source="samples")
    before = table_snapshot(services.db)
    bad = copy.deepcopy(sample_bundle)
    bad["cases"][2]["scores"]["nrs"] = 11
    bad["cases"][0]["patient"]["age"] = -1
    found = problems_of(encode(bad), services)
    assert found == [
        "cases[0].patient.age: -1 is less than the minimum 0",
        "cases[2].scores.nrs: 11 is more than the maximum 10",
    ]
    assert table_snapshot(services.db) == before


def test_problems_are_listed_in_document_order() -> None:
    cases = [minimal(f"C-{i}") for i in range(12)]
    cases[2]["scores"] = {"nrs": 11}
    cases[10]["scores"] = {"nrs": 12}
    found = problems_of(encode(wrap(*cases)))
    assert found == [
        "cases[2].scores.nrs: 11 is more than the maximum 10",
        "cases[10].scores.nrs: 12 is more than the maximum 10",
    ]


def test_many_problems_are_capped_with_a_count() -> None:
    cases = [minimal(f"C-{i}", scores={"nrs": 11}) for i in range(bundle.MAX_PROBLEMS + 7)]
    found = problems_of(encode(wrap(*cases)))
    assert len(found) == bundle.MAX_PROBLEMS + 1
    assert found[-1] == "and 7 more problems"


def test_a_rule_beyond_the_schema_is_reported_with_its_path(services: Services) -> None:
    items = [1, 1, 1, 1, 1, 1, 1, 1, 2]
    data = wrap(
        minimal("OK-1"), minimal("OK-2"), minimal("BAD-3", scores={"phq9_items": items, "phq9_total": 3})
    )
    assert problems_of(encode(data), services) == [
        "cases[2].scores.phq9_total: 3 does not match the sum of the nine items (10)"
    ]
    assert services.cases.count() == 0


# ---------------------------------------------------------------- bad files: a clear message, nothing changed


def _replace_in_sample(old: bytes, new: bytes) -> bytes:
    assert old in RAW
    return RAW.replace(old, new, 1)


def _with(mutate: Callable[[dict[str, Any]], None]) -> bytes:
    data = json.loads(RAW)
    mutate(data)
    return encode(data)


BAD_FILES: dict[str, tuple[bytes, list[str]]] = {
    "not JSON": (b"Case MDT-001: Jos\xc3\xa9, 46, low back pain\n", ["line 1, column 1: not valid JSON"]),
    "a JSON list, not a bundle": (b"[1, 2, 3]", ["(the whole file): this value is not an object"]),
    "UTF-16 with BOM": (
        RAW.decode("utf-8").encode("utf-16"),
        ["the file is UTF-16 text, not UTF-8; save it as UTF-8"],
    ),
    "UTF-16 without BOM": (
        RAW.decode("utf-8").encode("utf-16-le"),
        ["the file is not UTF-8 text (it has NUL bytes"],
    ),
    "UTF-32": (RAW.decode("utf-8").encode("utf-32"), ["the file is UTF-32 text, not UTF-8"]),
    "Latin-1": (
        RAW.decode("utf-8").encode("latin-1", "replace"),
        [
            "the file is not UTF-8 text: byte 0xe9 at line 11, column 25",
            "(saved as Latin-1 or Windows-1252?)",
        ],
    ),
    "truncated at half": (RAW[: len(RAW) // 2], ["the file ends too early (truncated?)"]),
    "truncated after a key": (RAW[: RAW.index(b'"cases"') + 9], ["the file ends too early (truncated?)"]),
    "truncated inside a number": (
        RAW[: RAW.index(b'"age": 46') + 8],
        ["the file ends too early (truncated?)"],
    ),
    "truncated inside a literal": (RAW[: RAW.index(b": true") + 4], ["the file ends too early (truncated?)"]),
    "truncated inside a character": (
        RAW[: RAW.index("é".encode()) + 1],
        ["ends in the middle of a character"],
    ),
    "truncated to the opening brace": (b"{", ["line 1, column 2: the file ends too early (truncated?)"]),
    "empty": (b"", ["the file is empty"]),
    "only white space": (b" \n\t\r\n", ["the file is empty"]),
    "only a byte order mark": (b"\xef\xbb\xbf\n", ["the file is empty"]),
    "NaN": (
        _replace_in_sample(b'"age": 46', b'"age": NaN'),
        ["cases[0].patient.age: NaN is not a number JSON allows"],
    ),
    "Infinity": (
        _replace_in_sample(b'"amount": 150', b'"amount": Infinity'),
        ["cases[0].medications[3].daily_dose.amount: Infinity is not a number JSON allows"],
    ),
    "-Infinity": (
        _replace_in_sample(b'"age": 46', b'"age": -Infinity'),
        ["cases[0].patient.age: -Infinity is not a number JSON allows"],
    ),
    "a number too large for a float": (
        _replace_in_sample(b'"amount": 150', b'"amount": 1e999'),
        ["cases[0].medications[3].daily_dose.amount: 1e999 is too large a number"],
    ),
    "a whole number with thousands of digits": (
        _replace_in_sample(b'"amount": 150', b'"amount": 1' + b"0" * 5000),
        ["cases[0].medications[3].daily_dose.amount: a number written with 5,001 characters is too long"],
    ),
    "a decimal with thousands of digits": (
        _replace_in_sample(b'"age": 46', b'"age": 46.' + b"1" * 5000),
        ["cases[0].patient.age: a number written with 5,003 characters is too long"],
    ),
    "an escape sequence in a one-line field": (
        _with(lambda d: d["cases"][0]["patient"].update(display_name="Jos\x1b[2J\x1b]0;owned\x07")),
        ["cases[0].patient.display_name: has the control character U+001B, which is not allowed in a "
         "one-line field (only tab and line break are)"],
    ),
    "a control character in a medicine name": (
        _with(lambda d: d["cases"][0]["medications"][0].update(name="oxy\x08\x08\x08morphine")),
        ["cases[0].medications[0].name: has the control character U+0008"],
    ),
    "a C1 control character in a list line": (
        _with(lambda d: d["cases"][0].update(red_flags=["weight loss\x9b31m"])),
        ["cases[0].red_flags[0]: has the control character U+009B"],
    ),
    "an escape sequence in free text": (
        _with(lambda d: d["cases"][0].update(pain_history="Started\x1b[8m hidden")),
        ["cases[0].pain_history: has the control character U+001B, which is not allowed in text"],
    ),
    "a whole number too large to keep": (
        _with(lambda d: d["cases"][1]["scores"].update(other=[{"instrument": "X", "value": 2**60}])),
        [f"cases[1].scores.other[0].value: {2**60} is too large to keep exactly"],
    ),
    "an unknown key": (
        _with(lambda d: d["cases"][3]["patient"].update(agee=3)),
        ["cases[3].patient: unknown key 'agee' (a misspelled field?)"],
    ),
    "an unknown top-level key": (
        _with(lambda d: d.update(author="me")),
        ["(the whole file): unknown key 'author'"],
    ),
    "a duplicate id": (
        _with(lambda d: d["cases"][4].update(id="MDT-002")),
        ["cases[4].id: 'MDT-002' appears twice in this bundle (also cases[1])"],
    ),
    "a key given twice": (
        _replace_in_sample(b'"age": 46', b'"age": 46, "age": 47'),
        ["cases[0].patient: key 'age' is given more than once"],
    ),
    "an escaped NUL character in text": (
        _with(lambda d: d["cases"][2].update(psychosocial="Lives alone.\x00")),
        ["cases[2].psychosocial: contains a NUL character, which cannot be stored"],
    ),
    "a raw NUL byte in text": (
        _replace_in_sample(b'"display_name": "Jos', b'"display_name": "\x00Jos'),
        ["not valid JSON: a control character (tab, line break...) inside text"],
    ),
    "an unpaired surrogate": (
        _replace_in_sample(b'"pronouns": "he/him"', b'"pronouns": "he\\ud800"'),
        ["cases[0].patient.pronouns: contains an unpaired surrogate"],
    ),
    "nested too deeply": (b"[" * 100_000 + b"]" * 100_000, ["nested too deeply"]),
    "wrong format and version": (
        _with(lambda d: d.update(format="fhir", version=2)),
        ['format: "fhir" must be "mdtboard.case-bundle"', "version: 2 must be 1"],
    ),
    "a missing required key": (
        _with(lambda d: d["cases"][0].pop("fictional")),
        ["cases[0]: missing required 'fictional'"],
    ),
    "a wrong type": (
        _with(lambda d: d["cases"][0]["patient"].update(age="46")),
        ['cases[0].patient.age: "46" is not a whole number'],
    ),
    "a boolean for a number": (
        _with(lambda d: d["cases"][1]["scores"].update(nrs=True)),
        ["cases[1].scores.nrs: true is not a whole number"],
    ),
    "an invalid reference": (
        _with(lambda d: d["cases"][0].update(id="-bad id")),
        ['cases[0].id: "-bad id" does not match the required pattern'],
    ),
}


def test_a_bad_file_gets_a_clear_message_and_changes_nothing(
    services: Services, subtests: pytest.Subtests
) -> None:
    import_bytes(services.cases, RAW, source="samples")  # the database is not empty: nothing may change
    before = table_snapshot(services.db)
    for name, (raw, expected) in BAD_FILES.items():
        with subtests.test(name):
            with pytest.raises(InvalidInputError) as info:
                import_bytes(services.cases, raw, source="bad.json")
            message = str(info.value)
            assert message.startswith("bad.json: ")
            assert "Nothing was changed." in message
            assert "Traceback" not in message
            for fragment in expected:
                assert fragment in message
            assert table_snapshot(services.db) == before


def test_a_huge_file_is_refused_before_it_is_read(
    services: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(bundle, "MAX_BYTES", 4096)
    assert len(RAW) > 4096
    path = tmp_path / "huge.json"
    path.write_bytes(RAW)
    before = table_snapshot(services.db)
    for attempt in (
        lambda: import_files(services.cases, [path]),
        lambda: import_bytes(services.cases, RAW, source="x"),
    ):
        with pytest.raises(InvalidInputError) as info:
            attempt()
        assert f"the file is {len(RAW) / 1024:.1f} KiB, more than the 4.0 KiB a bundle may be" in str(
            info.value
        )
    assert table_snapshot(services.db) == before


@pytest.mark.parametrize(
    ("make", "expected"),
    [
        (lambda p: p / "missing.json", "no such file"),
        (lambda p: p, "this is a folder, not a bundle file"),
    ],
)
def test_a_file_that_cannot_be_read_is_named(
    tmp_path: Path, make: Callable[[Path], Path], expected: str
) -> None:
    path = make(tmp_path)
    with pytest.raises(InvalidInputError) as info:
        read_file(path)
    assert str(info.value) == f"{path}: {expected}. Nothing was changed."


# ---------------------------------------------------------------------------- one transaction per file


def test_a_bundle_whose_third_case_is_invalid_writes_nothing(
    services: Services, sample_bundle: dict[str, Any]
) -> None:
    bad = copy.deepcopy(sample_bundle)
    bad["cases"][2]["patient"]["display_name"] = "   "  # passes the schema, fails the case rules
    assert problems_of(encode(bad), services) == ["cases[2].patient.display_name: must not be blank"]
    assert services.cases.count() == 0


def _poison_case_lines(services: Services) -> None:
    """A trigger that makes the database itself refuse one line of text, half-way through an import."""
    with services.db.engine.begin() as conn:
        if services.db.is_sqlite:
            conn.exec_driver_sql(
                "CREATE TRIGGER poison BEFORE INSERT ON case_lines WHEN NEW.text = 'poison' "
                "BEGIN SELECT RAISE(ABORT, 'refused by the test trigger'); END"
            )
        else:
            conn.exec_driver_sql(
                "CREATE FUNCTION poison() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                "IF NEW.text = 'poison' THEN RAISE EXCEPTION 'refused by the test trigger'; END IF; "
                "RETURN NEW; END $$"
            )
            conn.exec_driver_sql(
                "CREATE TRIGGER poison BEFORE INSERT ON case_lines FOR EACH ROW EXECUTE FUNCTION poison()"
            )


def test_a_database_failure_half_way_writes_nothing(
    services: Services, sample_bundle: dict[str, Any]
) -> None:
    """Cases 1 and 2 exist (they are updated), case 3 is refused by the database: all is rolled back."""
    first_two = dict(sample_bundle, cases=sample_bundle["cases"][:2])
    import_bytes(services.cases, encode(first_two), source="first two")
    _poison_case_lines(services)
    before = table_snapshot(services.db)
    changed = copy.deepcopy(sample_bundle)
    changed["cases"][0]["one_liner"] = "Changed, and then rolled back."
    changed["cases"][1]["red_flags"] = []
    changed["cases"][2]["red_flags"] = ["poison"]
    with pytest.raises(DatabaseError) as info:
        import_bytes(services.cases, encode(changed), source="poisoned")
    assert "refused by the test trigger" in str(info.value)
    assert "Nothing was changed." in str(info.value)
    assert table_snapshot(services.db) == before
    assert exported(services) == wrap(*sample_bundle["cases"][:2])


def test_files_are_imported_one_transaction_each(services: Services, tmp_path: Path) -> None:
    good = tmp_path / "good.json"
    good.write_bytes(encode(wrap(minimal("GOOD-1"))))
    bad = tmp_path / "bad.json"
    bad.write_bytes(encode(wrap(minimal("BAD-1"), minimal("BAD-2", scores={"nrs": 11}))))
    with pytest.raises(InvalidInputError) as info:
        import_files(services.cases, [good, bad])
    assert info.value.source == str(bad)
    assert [s.ref for s in services.cases.search()] == ["GOOD-1"]
