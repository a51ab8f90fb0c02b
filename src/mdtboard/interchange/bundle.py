"""Case bundles (``case-bundle.schema.json``): reading, checking, converting, writing.

Import checks the whole file before anything is written and reports every problem with its JSON path
(``cases[2].scores.nrs: 11 is more than the maximum 10``). Export writes exactly the schema's shape, so
that import followed by export gives back the same JSON.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError

from mdtboard.domain.case import (
    LINE_FIELDS,
    TEXT_FIELDS,
    Case,
    DailyDose,
    Discipline,
    DisciplineInput,
    Medication,
    OtherScore,
    PainLocation,
    Patient,
    PegItems,
    Scores,
)
from mdtboard.domain.errors import InvalidInputError, Problem
from mdtboard.services.cases import CaseService, StoredCase
from mdtboard.services.files import write_atomic

FORMAT = "mdtboard.case-bundle"
VERSION = 1
#: A bundle larger than this is refused before it is parsed (the five sample cases take about 37 kB).
MAX_BYTES = 64 * 1024 * 1024
#: At most this many problems are listed; the count of the rest is given.
MAX_PROBLEMS = 50

PATIENT_KEYS = (
    "display_name",
    "age",
    "sex",
    "gender_identity",
    "pronouns",
    "preferred_language",
    "interpreter_needed",
)


@cache
def schema() -> dict[str, Any]:
    text = (resources.files("mdtboard.interchange") / "case-bundle.schema.json").read_text("utf-8")
    loaded: dict[str, Any] = json.loads(text)
    return loaded


@cache
def validator() -> Draft202012Validator:
    return Draft202012Validator(schema())


def json_path(parts: Any) -> str:
    """``['cases', 2, 'scores', 'nrs']`` as ``cases[2].scores.nrs``."""
    out = ""
    for part in parts:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out or "(the whole file)"


def _describe(error: ValidationError) -> str:
    v, value, inst = error.validator, error.validator_value, error.instance
    shown = json.dumps(inst, ensure_ascii=False) if not isinstance(inst, dict | list) else None
    if v == "maximum":
        return f"{shown} is more than the maximum {value}"
    if v == "minimum":
        return f"{shown} is less than the minimum {value}"
    if v == "exclusiveMinimum":
        return f"{shown} must be more than {value}"
    if v == "exclusiveMaximum":
        return f"{shown} must be less than {value}"
    if v == "maxLength":
        return f"is {len(inst)} characters long, more than the maximum {value}"
    if v == "minLength":
        return "must not be empty" if value == 1 else f"must be at least {value} characters long"
    if v == "required":
        missing = [k for k in value if isinstance(inst, dict) and k not in inst]
        return "missing required " + ", ".join(repr(k) for k in missing)
    if v == "additionalProperties":
        allowed = set(error.schema.get("properties", {}))
        extra = sorted(k for k in inst if k not in allowed) if isinstance(inst, dict) else []
        return "unknown key " + ", ".join(repr(k) for k in extra) + " (a misspelled field?)"
    if v == "enum":
        return f"{shown} is not one of " + ", ".join(json.dumps(x) for x in value)
    if v == "const":
        return f"{shown if shown is not None else 'this'} must be {json.dumps(value)}"
    if v == "type":
        kind = {
            "integer": "a whole number",
            "number": "a number",
            "string": "text",
            "boolean": "true or false",
            "object": "an object",
            "array": "a list",
        }.get(str(value), str(value))
        return f"{shown if shown is not None else 'this value'} is not {kind}"
    if v == "pattern":
        return f"{shown} does not match the required pattern {value}"
    if v in ("minItems", "maxItems"):
        return (
            f"has {len(inst)} items; exactly {value} are needed"
            if error.schema.get("minItems") == error.schema.get("maxItems")
            else f"has {len(inst)} items ({v} {value})"
        )
    return error.message


def schema_problems(data: Any) -> list[Problem]:
    errors = sorted(validator().iter_errors(data), key=lambda e: [str(p) for p in e.absolute_path])
    return [Problem(json_path(e.absolute_path), _describe(e)) for e in errors]


def _duplicate_ids(data: dict[str, Any]) -> list[Problem]:
    seen: dict[str, int] = {}
    problems = []
    for i, case in enumerate(data.get("cases", [])):
        ref = case.get("id") if isinstance(case, dict) else None
        if isinstance(ref, str):
            if ref in seen:
                problems.append(
                    Problem(
                        f"cases[{i}].id", f"{ref!r} appears twice in this bundle (also cases[{seen[ref]}])"
                    )
                )
            seen.setdefault(ref, i)
    return problems


def _too_big(size: int) -> str:
    return f"the file is {size / 1e6:.0f} MB, more than the {MAX_BYTES // 2**20} MiB a bundle may be"


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not allowed in JSON")


def parse_bytes(raw: bytes, *, source: str = "bundle") -> dict[str, Any]:
    """Decode and check a bundle; raises :class:`InvalidInputError` listing every problem."""
    if len(raw) > MAX_BYTES:
        raise InvalidInputError(
            Problem(
                "",
                _too_big(len(raw)),
            ),
            source=source,
        )
    if not raw.strip():
        raise InvalidInputError(Problem("", "the file is empty"), source=source)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InvalidInputError(
            Problem("", f"the file is not UTF-8 text (byte {exc.start} cannot be read); save it as UTF-8"),
            source=source,
        ) from exc
    try:
        data = json.loads(text, parse_constant=_reject_constant)
    except json.JSONDecodeError as exc:
        truncated = exc.pos >= len(text.rstrip()) - 1
        reason = "the file ends too early (truncated?)" if truncated else f"not valid JSON: {exc.msg}"
        raise InvalidInputError(
            Problem(f"line {exc.lineno}, column {exc.colno}", reason), source=source
        ) from exc
    except (ValueError, RecursionError) as exc:
        raise InvalidInputError(Problem("", f"not valid JSON: {exc}"), source=source) from exc
    problems = schema_problems(data)
    if isinstance(data, dict) and isinstance(data.get("cases"), list):
        problems.extend(_duplicate_ids(data))
    if problems:
        raise InvalidInputError(_cap(problems), source=source)
    return data  # type: ignore[no-any-return]


def _cap(problems: list[Problem]) -> list[Problem]:
    if len(problems) <= MAX_PROBLEMS:
        return problems
    rest = len(problems) - MAX_PROBLEMS
    return [*problems[:MAX_PROBLEMS], Problem("", f"and {rest} more problems")]


def read_file(path: Path) -> dict[str, Any]:
    source = str(path)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise InvalidInputError(
                Problem(
                    "",
                    _too_big(size),
                ),
                source=source,
            )
        raw = path.read_bytes()
    except FileNotFoundError as exc:
        raise InvalidInputError(Problem("", "no such file"), source=source) from exc
    except IsADirectoryError as exc:
        raise InvalidInputError(Problem("", "this is a folder, not a bundle file"), source=source) from exc
    except PermissionError as exc:
        raise InvalidInputError(
            Problem("", "the file cannot be read (permission denied)"), source=source
        ) from exc
    return parse_bytes(raw, source=source)


# ---------------------------------------------------------------------------- JSON -> domain


def case_from_json(data: dict[str, Any]) -> Case:
    """A checked bundle case as a domain :class:`Case`."""
    p = data["patient"]
    scores = None
    if "scores" in data:
        s = data["scores"]
        peg = s.get("peg_items")
        scores = Scores(
            nrs=s.get("nrs"),
            peg_items=PegItems(peg["pain"], peg["enjoyment"], peg["general_activity"]) if peg else None,
            phq9_items=s.get("phq9_items"),
            phq9_total=s.get("phq9_total"),
            phq9_item9=s.get("phq9_item9"),
            gad7_items=s.get("gad7_items"),
            gad7_total=s.get("gad7_total"),
            other=[OtherScore(o["instrument"], o["value"], o.get("note")) for o in s["other"]]
            if "other" in s
            else None,
        )
    return Case(
        ref=data["id"],
        fictional=data["fictional"],
        title=data.get("title"),
        patient=Patient(**{k: p[k] for k in PATIENT_KEYS if k in p}),
        **{name: data.get(name) for name in TEXT_FIELDS},
        pain_locations=[
            PainLocation(x["region"], x.get("side"), x.get("character")) for x in data["pain_locations"]
        ]
        if "pain_locations" in data
        else None,
        medications=[
            Medication(
                name=m["name"],
                dose=m.get("dose"),
                route=m.get("route"),
                frequency=m.get("frequency"),
                prn=m.get("prn"),
                daily_dose=DailyDose(m["daily_dose"]["amount"], m["daily_dose"]["unit"])
                if "daily_dose" in m
                else None,
            )
            for m in data["medications"]
        ]
        if "medications" in data
        else None,
        **{kind: list(data[kind]) if kind in data else None for kind in LINE_FIELDS},
        scores=scores,
        discipline_inputs=[
            DisciplineInput(
                discipline=Discipline(i["discipline"]),
                author=i.get("author"),
                assessment=i.get("assessment"),
                recommendations=i.get("recommendations"),
            )
            for i in data["discipline_inputs"]
        ]
        if "discipline_inputs" in data
        else None,
    )


def cases_from_bundle(data: dict[str, Any]) -> list[Case]:
    return [case_from_json(c) for c in data["cases"]]


# ---------------------------------------------------------------------------- domain -> JSON


def _put(out: dict[str, Any], key: str, value: Any) -> None:
    if value is not None:
        out[key] = value


def case_to_json(case: Case) -> dict[str, Any]:
    out: dict[str, Any] = {"id": case.ref, "fictional": case.fictional}
    _put(out, "title", case.title)
    out["patient"] = {
        k: getattr(case.patient, k) for k in PATIENT_KEYS if getattr(case.patient, k) is not None
    }
    for name in TEXT_FIELDS:
        _put(out, name, getattr(case, name))
    if case.pain_locations is not None:
        out["pain_locations"] = [
            {
                k: v
                for k, v in (("region", x.region), ("side", x.side), ("character", x.character))
                if v is not None
            }
            for x in case.pain_locations
        ]
    if case.medications is not None:
        meds = []
        for m in case.medications:
            med: dict[str, Any] = {"name": m.name}
            for key in ("dose", "route", "frequency", "prn"):
                _put(med, key, getattr(m, key))
            if m.daily_dose is not None:
                med["daily_dose"] = {"amount": _number(m.daily_dose.amount), "unit": m.daily_dose.unit}
            meds.append(med)
        out["medications"] = meds
    for kind in LINE_FIELDS:
        _put(out, kind, getattr(case, kind))
    if case.scores is not None:
        s = case.scores
        scores: dict[str, Any] = {}
        _put(scores, "nrs", s.nrs)
        if s.peg_items is not None:
            scores["peg_items"] = {
                "pain": s.peg_items.pain,
                "enjoyment": s.peg_items.enjoyment,
                "general_activity": s.peg_items.general_activity,
            }
        for key in ("phq9_items", "phq9_total", "phq9_item9", "gad7_items", "gad7_total"):
            _put(scores, key, getattr(s, key))
        if s.other is not None:
            scores["other"] = [
                {"instrument": o.instrument, "value": _number(o.value)}
                | ({"note": o.note} if o.note is not None else {})
                for o in s.other
            ]
        out["scores"] = scores
    if case.discipline_inputs is not None:
        out["discipline_inputs"] = [
            {"discipline": str(i.discipline)}
            | {
                k: v
                for k, v in (
                    ("author", i.author),
                    ("assessment", i.assessment),
                    ("recommendations", i.recommendations),
                )
                if v is not None
            }
            for i in case.discipline_inputs
        ]
    return out


def _number(value: float) -> float | int:
    """Whole numbers stored as floats go back out as they usually came in: ``150`` not ``150.0``."""
    return int(value) if isinstance(value, float) and value.is_integer() and abs(value) < 2**53 else value


def bundle_json(cases: list[Case], *, title: str | None = None) -> dict[str, Any]:
    out: dict[str, Any] = {"format": FORMAT, "version": VERSION}
    if title is not None:
        out["title"] = title
    out["cases"] = [case_to_json(c) for c in cases]
    problems = schema_problems(out)
    if problems:  # a stored case that no longer fits the format: say so rather than write a bad file
        raise InvalidInputError(_cap(problems), source="export")
    return out


def dumps(data: dict[str, Any]) -> bytes:
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


# ---------------------------------------------------------------------------- use cases


def import_files(service: CaseService, paths: list[Path]) -> list[StoredCase]:
    """Import each bundle file in its own transaction; the first bad file stops the run with nothing of
    that file written (files before it stay imported)."""
    stored: list[StoredCase] = []
    for path in paths:
        data = read_file(path)
        stored.extend(service.store_many(cases_from_bundle(data), source=str(path)))
    return stored


def import_bytes(service: CaseService, raw: bytes, *, source: str) -> list[StoredCase]:
    return service.store_many(cases_from_bundle(parse_bytes(raw, source=source)), source=source)


def export_file(
    service: CaseService, path: Path, refs: list[str] | None = None, *, title: str | None = None
) -> list[Case]:
    """Write the named cases (all when ``refs`` is None) to ``path`` atomically."""
    cases = service.get_many(refs)
    write_atomic(path, dumps(bundle_json(cases, title=title)))
    return cases
