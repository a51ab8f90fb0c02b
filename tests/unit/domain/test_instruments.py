"""The names of the instruments of typed totals: the data file checked on load, and how a key is shown."""

from __future__ import annotations

import json
from typing import Any

import pytest

from mdtboard.domain.case import OtherScore
from mdtboard.domain.instruments import (
    InstrumentDataError,
    instrument_label,
    instrument_names,
    other_score_line,
    parse_instrument_names,
)
from mdtboard.resources import resource

DATA = resource("instruments", "instrument-names.json")


def test_the_shipped_file_is_dated_sourced_and_follows_the_rules() -> None:
    names = instrument_names()
    assert names.date == json.loads(DATA.read_text("utf-8"))["date"]
    assert names.source
    for instrument in set(names.by_key.values()):
        assert instrument.reference.strip() and instrument.full_name.strip()


def test_every_instrument_key_of_the_teaching_cases_and_samples_has_a_name_or_reads_as_words() -> None:
    from conftest import SAMPLE_CASES

    keys: set[str] = set()
    for path in (resource("cases", "teaching-cases.json"), SAMPLE_CASES):
        for case in json.loads(path.read_text("utf-8"))["cases"]:
            keys.update(o["instrument"] for o in case.get("scores", {}).get("other", []))
    assert keys
    for key in keys:
        label = instrument_label(key)
        assert "_" not in label and label != key, key


@pytest.mark.parametrize(
    ("key", "label"),
    [
        ("tsk17", "TSK-17 total"),
        ("tsk_17_total", "TSK-17 total"),
        ("pcs_total", "PCS total"),
        ("PCS", "PCS total"),
        ("lefs_total", "LEFS total"),
        ("startback.total", "STarT Back: total"),
        ("ort_breakdown.family_history_alcohol_male", "ORT item: family history alcohol male"),
        ("headache_days_per_month", "Headache days per month"),
        ("TSK-17 44/68", "TSK-17 44/68"),  # typed by a person: as typed
        ("Örebro short form", "Örebro short form"),
    ],
)
def test_labels(key: str, label: str) -> None:
    assert instrument_label(key) == label


def test_a_score_line() -> None:
    line = other_score_line(OtherScore("tsk17", 44.0, "in clinic"))
    assert line == "TSK-17 total: 44 (typed total; in clinic)"
    assert other_score_line(OtherScore("odi_percent", 38.5)) == "ODI (%): 38.5 (typed total)"


def _file(**changes: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "date": "2026-12-06",
        "source": "test",
        "instruments": [{"name": "A total", "full_name": "A", "reference": "ref", "keys": ["a_total"]}],
    }
    data.update(changes)
    return data


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (_file(date="soon"), "date: 'soon' is not a date"),
        (_file(source=""), "source: missing"),
        (_file(instruments=[]), "instruments: missing or empty"),
        (_file(instruments=[{"name": "X", "full_name": "X", "reference": "r", "keys": ["Bad Key"]}]),
         "instruments[0].keys[0]: 'Bad Key' is not a key"),
        (_file(instruments=[{"name": "X", "full_name": "X", "keys": ["x"]}]),
         "instruments[0].reference: missing"),
        (_file(instruments=[
            {"name": "X", "full_name": "X", "reference": "r", "keys": ["x"]},
            {"name": "Y", "full_name": "Y", "reference": "r", "keys": ["x"]},
        ]), "instruments[1].keys[0]: 'x' is also a key of 'X'"),
    ],
)
def test_a_file_that_breaks_a_rule_says_what_and_where(data: dict[str, Any], message: str) -> None:
    with pytest.raises(InstrumentDataError, match=message.replace("[", r"\[").replace("]", r"\]")):
        parse_instrument_names(data)
