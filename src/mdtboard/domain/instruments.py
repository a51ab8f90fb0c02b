"""The names of the instruments whose totals a clinician types (``scores.other``): "TSK-17 total", not
``tsk17``.

The names are data (``resources/instruments/instrument-names.json``: dated, each entry with its source),
checked when read: every entry has a name, keys in the house form, each key in one entry only. A key the
file does not know is shown in words ("headache_days_per_month" reads "Headache days per month"); text
that is not a key (what a person typed, "TSK-17 44/68") is shown as it is.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from mdtboard.domain.case import OtherScore

KEY_PATTERN = re.compile(r"^[a-z0-9]+(?:_[a-z0-9]+)*$")
_LOOKS_LIKE_KEY = re.compile(r"^[a-z0-9_]+(?:\.[a-z0-9_]+)*$")


class InstrumentDataError(ValueError):
    """The instrument names file breaks a rule (which entry, what is wrong)."""


@dataclass(frozen=True)
class Instrument:
    name: str
    full_name: str
    reference: str
    keys: tuple[str, ...]
    parts: bool = False


@dataclass(frozen=True)
class InstrumentNames:
    date: str
    source: str
    by_key: dict[str, Instrument]

    def label(self, instrument: str) -> str:
        """How ``instrument`` (a key or typed text) is shown."""
        text = " ".join(instrument.split())
        key = text.casefold().replace("-", "_").replace(" ", "_")
        found = self.by_key.get(key)
        if found is not None:
            return found.name
        if not _LOOKS_LIKE_KEY.match(text):
            return text  # typed by a person: shown as typed
        head, _, part = key.partition(".")
        found = self.by_key.get(head)
        if found is not None and found.parts and part:
            return f"{found.name}: {_words(part)}"
        return _words(key, capital=True)


def _words(key: str, *, capital: bool = False) -> str:
    words = key.replace(".", " ").replace("_", " ").strip()
    return words[:1].upper() + words[1:] if capital else words


def parse_instrument_names(data: Any) -> InstrumentNames:
    """Check and read the instrument names file; :class:`InstrumentDataError` says what and where."""
    if not isinstance(data, dict):
        raise InstrumentDataError("the file must hold one JSON object")
    for field in ("date", "source"):
        if not isinstance(data.get(field), str) or not data[field].strip():
            raise InstrumentDataError(f"{field}: missing (the file says when and where its names come from)")
    if not re.match(r"^\d{4}-\d{2}-\d{2}$", data["date"]):
        raise InstrumentDataError(f"date: {data['date']!r} is not a date (YYYY-MM-DD)")
    entries = data.get("instruments")
    if not isinstance(entries, list) or not entries:
        raise InstrumentDataError("instruments: missing or empty")
    by_key: dict[str, Instrument] = {}
    for i, entry in enumerate(entries):
        where = f"instruments[{i}]"
        if not isinstance(entry, dict):
            raise InstrumentDataError(f"{where}: not an object")
        for field in ("name", "full_name", "reference"):
            if not isinstance(entry.get(field), str) or not entry[field].strip():
                raise InstrumentDataError(f"{where}.{field}: missing")
        keys = entry.get("keys")
        if not isinstance(keys, list) or not keys:
            raise InstrumentDataError(f"{where}.keys: missing")
        parts = bool(entry.get("parts", False))
        instrument = Instrument(entry["name"], entry["full_name"], entry["reference"], tuple(keys), parts)
        for j, key in enumerate(keys):
            if not isinstance(key, str) or not KEY_PATTERN.match(key):
                raise InstrumentDataError(f"{where}.keys[{j}]: {key!r} is not a key (lower case, '_' joins)")
            if key in by_key:
                other = by_key[key].name
                raise InstrumentDataError(f"{where}.keys[{j}]: {key!r} is also a key of {other!r}")
            by_key[key] = instrument
    return InstrumentNames(data["date"], data["source"], by_key)


def load_instrument_names(path: Path) -> InstrumentNames:
    try:
        data = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError) as exc:
        raise InstrumentDataError(f"{path.name}: cannot be read ({exc})") from exc
    try:
        return parse_instrument_names(data)
    except InstrumentDataError as exc:
        raise InstrumentDataError(f"{path.name}: {exc}") from exc


@cache
def instrument_names() -> InstrumentNames:
    """The names shipped with mdtboard (read once)."""
    from mdtboard.resources import resource

    return load_instrument_names(resource("instruments", "instrument-names.json"))


def instrument_label(instrument: str) -> str:
    """How an instrument of ``scores.other`` is shown: its name when known ("TSK-17 total")."""
    return instrument_names().label(instrument)


def other_score_value(score: OtherScore) -> str:
    """"44 (typed total; collected in clinic)": the value of one typed total, with its note."""
    value = f"{score.value:g}" if isinstance(score.value, float) else str(score.value)
    note = f"; {score.note}" if score.note else ""
    return f"{value} (typed total{note})"


def other_score_line(score: OtherScore) -> str:
    """"TSK-17 total: 44 (typed total; collected in clinic)" for one typed total."""
    return f"{instrument_label(score.instrument)}: {other_score_value(score)}"
