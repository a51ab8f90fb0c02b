"""Reading the case editor's form back into a :class:`Case`: every unit without problems taken from
the form, every unit with a problem keeping its last saved value (see :mod:`mdtboard.ui.cases.form`).

:class:`FormReading` is a part of :class:`~mdtboard.ui.cases.form.CaseForm` (a mixin); what it takes from
the form is declared below, under ``TYPE_CHECKING``.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from mdtboard.domain.case import (
    Case,
    DailyDose,
    Medication,
    OtherScore,
    PainLocation,
    PegItems,
)
from mdtboard.domain.errors import Problem
from mdtboard.domain.validation import case_problems
from mdtboard.ui.cases.form_keys import (
    GAD7_FIELDS,
    LOC_KEYS,
    MED_KEYS,
    OTHER_KEYS,
    PEG_FIELDS,
    PEG_NAMES,
    PHQ9_FIELDS,
    SCALARS,
    get_path,
    set_path,
)

if TYPE_CHECKING:
    from PySide6.QtWidgets import QTableWidget


def _parse_int(text: str, where: str, problems: list[Problem]) -> int | None:
    text = text.strip()
    if not text:
        return None
    try:
        return int(text)
    except ValueError:
        problems.append(Problem(where, f"{text!r} is not a whole number"))
        return None


def _parse_float(text: str, where: str, problems: list[Problem]) -> float | None:
    text = text.strip().replace(",", ".")
    if not text:
        return None
    try:
        value = float(text)
    except ValueError:
        problems.append(Problem(where, f"{text!r} is not a number"))
        return None
    if value != value or value in (float("inf"), float("-inf")):
        problems.append(Problem(where, f"{text!r} is not a number"))
        return None
    return int(value) if value.is_integer() and "." not in text and "e" not in text.lower() else value


def _optional_text(text: str, saved: Any) -> str | None:
    if text == "":
        return "" if saved == "" else None
    return text


def _lines(text: str, saved: Any) -> list[str] | None:
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if not lines:
        return [] if saved == [] else None
    return lines


def _working_copy(saved: Case) -> Case:
    """A copy of ``saved`` for the form to write into, made for every key typed: the case, its patient
    and its scores are copied, which is all :func:`set_path` changes in place; every list and the objects
    in them are shared, as reading the form only ever replaces them. (A deep copy cost about half of the
    time each key took.)"""
    case = copy.copy(saved)
    case.patient = copy.copy(saved.patient)
    case.scores = copy.copy(saved.scores)
    return case


@dataclass
class Reading:
    """The form read back: the case to save (only units without problems changed) and every problem,
    each with the key of the field it belongs to (``None`` for a whole table or item group)."""

    case: Case
    problems: list[tuple[str | None, str, Problem]] = field(default_factory=list)

    @property
    def invalid_units(self) -> set[str]:
        return {unit for _key, unit, _problem in self.problems}


class FormReading:
    """The form read back into a case (a part of :class:`~mdtboard.ui.cases.form.CaseForm`)."""

    if TYPE_CHECKING:  # provided by the form
        tables: dict[str, QTableWidget]
        _rows_of: dict[str, list[int]]

        def text(self, key: str) -> str: ...
        def key_for(self, path: str) -> str | None: ...
        def unit_for(self, path: str) -> str: ...

    def read(self, saved: Case, extra: list[tuple[str | None, str, Problem]] | None = None) -> Reading:
        """The case to save: ``saved`` with every unit that has no problem taken from the form.

        ``extra`` are problems found elsewhere (by the service) whose units are left out as well."""
        problems: list[tuple[str | None, str, Problem]] = list(extra or [])
        skip: set[str] = {unit for _key, unit, _p in problems}
        for _ in range(4):
            case = _working_copy(saved)
            found = self._apply(case, saved, skip) + self._domain_problems(case)
            problems.extend(p for p in found if p not in problems)
            if not found:
                break
            new_units = {unit for _key, unit, _p in found} - skip
            if not new_units:  # a problem that cannot be pinned on one unit: save nothing
                case = _working_copy(saved)
                break
            skip |= new_units
        else:
            case = _working_copy(saved)
        if case.scores is not None and case.scores.is_empty() and saved.scores is None:
            case.scores = None
        return Reading(case, problems)

    def _apply(self, case: Case, saved: Case, skip: set[str]) -> list[tuple[str | None, str, Problem]]:
        problems: list[tuple[str | None, str, Problem]] = []

        def unit(name: str, apply: Callable[[list[Problem]], None]) -> None:
            if name in skip:
                return
            found: list[Problem] = []
            apply(found)
            problems.extend((self.key_for(p.where), name, p) for p in found)

        for key in SCALARS:
            unit(key, self._scalar_applier(case, saved, key))
        unit("peg", lambda found: self._apply_peg(case, found))
        unit("phq9", lambda found: self._apply_items(case, saved, "phq9", PHQ9_FIELDS, found))
        unit("gad7", lambda found: self._apply_items(case, saved, "gad7", GAD7_FIELDS, found))
        unit("locationsTable", lambda found: self._apply_locations(case, saved, found))
        unit("medicationsTable", lambda found: self._apply_medications(case, saved, found))
        unit("otherScoresTable", lambda found: self._apply_other(case, saved, found))
        return problems

    def _scalar_applier(self, case: Case, saved: Case, key: str) -> Callable[[list[Problem]], None]:
        return lambda found: self._apply_scalar(case, saved, key, found)

    def _domain_problems(self, case: Case) -> list[tuple[str | None, str, Problem]]:
        return [(self.key_for(p.where), self.unit_for(p.where), p) for p in case_problems(case)]

    def _apply_scalar(self, case: Case, saved: Case, key: str, problems: list[Problem]) -> None:
        path, kind = SCALARS[key]
        text = self.text(key)
        old = get_path(saved, path)
        value: Any
        if kind == "int":
            value = _parse_int(text, path, problems)
        elif kind == "tri":
            value = {"0": None, "1": True, "2": False}[text]
        elif kind == "bool":
            value = text == "1"
        elif kind == "lines":
            value = _lines(text, old)
        elif kind in ("ref", "name"):
            value = text.strip()
        else:
            value = _optional_text(text, old)
        if not problems:
            set_path(case, path, value)

    def _apply_peg(self, case: Case, problems: list[Problem]) -> None:
        texts = [self.text(key) for key in PEG_FIELDS]
        if not any(t.strip() for t in texts):
            if case.scores is not None:
                case.scores.peg_items = None
            return
        values = []
        for name, text in zip(PEG_NAMES, texts, strict=True):
            where = f"scores.peg_items.{name}"
            if not text.strip():
                problems.append(Problem(where, "give all three PEG items, or none"))
            values.append(_parse_int(text, where, problems))
        if not problems:
            set_path(case, "scores.peg_items", PegItems(*values))  # type: ignore[arg-type]

    def _apply_items(
        self, case: Case, saved: Case, prefix: str, keys: tuple[str, ...], problems: list[Problem]
    ) -> None:
        count = len(keys)
        texts = [self.text(key) for key in keys]
        filled = [i for i, t in enumerate(texts) if t.strip()]
        total = _parse_int(self.text(f"{prefix}TotalEdit"), f"scores.{prefix}_total", problems)
        items: list[int] | None = None
        item9: int | None = None
        if len(filled) == count:
            parsed = [_parse_int(t, f"scores.{prefix}_items[{i}]", problems) for i, t in enumerate(texts)]
            items = [v for v in parsed if v is not None]
            if prefix == "phq9" and saved.scores is not None and saved.scores.phq9_item9 is not None:
                item9 = items[8] if len(items) == count else None
        elif prefix == "phq9" and filled == [8]:
            item9 = _parse_int(texts[8], "scores.phq9_item9", problems)
        elif filled:
            hint = "or only the total and item 9" if prefix == "phq9" else "or only the total"
            problems.append(Problem(
                f"scores.{prefix}_items",
                f"{len(filled)} of {count} items filled in: fill in all {count}, {hint}",
            ))
        if problems:
            return
        set_path(case, f"scores.{prefix}_items", items)
        set_path(case, f"scores.{prefix}_total", total)
        if prefix == "phq9":
            set_path(case, "scores.phq9_item9", item9)

    def _table_rows(self, name: str) -> list[tuple[int, list[str]]]:
        """(table row, cell texts) of each row that is not blank."""
        table = self.tables[name]
        width = len(LOC_KEYS if name == "locationsTable" else OTHER_KEYS)
        if name == "medicationsTable":
            width = len(MED_KEYS)
        rows = []
        for row in range(table.rowCount()):
            texts = [self.text(f"{name}/{row}/{c}") for c in range(width)]
            if any(t.strip() for t in texts):
                rows.append((row, texts))
        self._rows_of[name] = [row for row, _texts in rows]
        return rows

    def _apply_locations(self, case: Case, saved: Case, problems: list[Problem]) -> None:
        rows = self._table_rows("locationsTable")
        locations = [
            PainLocation(region.strip(), side.strip() or None, character.strip() or None)
            for _row, (region, side, character) in rows
        ]
        case.pain_locations = locations or ([] if saved.pain_locations == [] else None)

    def _apply_medications(self, case: Case, saved: Case, problems: list[Problem]) -> None:
        medications = []
        for i, (_row, texts) in enumerate(self._table_rows("medicationsTable")):
            name, dose, route, frequency, prn_text, amount_text, unit = (t.strip() for t in texts)
            where = f"medications[{i}]"
            prn: bool | None = None
            if prn_text:
                answer = prn_text.casefold()
                if answer in ("yes", "y", "prn", "true", "1"):
                    prn = True
                elif answer in ("no", "n", "false", "0"):
                    prn = False
                else:
                    problems.append(Problem(f"{where}.prn", f"{prn_text!r}: write yes or no"))
            amount = _parse_float(amount_text, f"{where}.daily_dose.amount", problems)
            daily = None
            if amount_text and not unit:
                problems.append(Problem(f"{where}.daily_dose.unit", "give the unit: mg, mcg or mcg/h"))
            elif unit and not amount_text:
                problems.append(Problem(f"{where}.daily_dose.amount", "give the daily amount"))
            elif amount is not None:
                daily = DailyDose(amount, unit)
            medications.append(Medication(name, dose or None, route or None, frequency or None, prn, daily))
        case.medications = medications or ([] if saved.medications == [] else None)

    def _apply_other(self, case: Case, saved: Case, problems: list[Problem]) -> None:
        others = []
        for i, (_row, (instrument, value_text, note)) in enumerate(self._table_rows("otherScoresTable")):
            value = _parse_float(value_text, f"scores.other[{i}].value", problems)
            if not value_text.strip():
                problems.append(Problem(f"scores.other[{i}].value", "give the value"))
            value = value if value is not None else 0
            others.append(OtherScore(instrument.strip(), value, note.strip() or None))
        saved_other = saved.scores.other if saved.scores else None
        value_list = others or ([] if saved_other == [] else None)
        if value_list is not None or case.scores is not None:
            set_path(case, "scores.other", value_list)

    def medication_rows(self) -> list[int]:
        """The table row of each medication of the last reading."""
        return list(self._rows_of["medicationsTable"])
