"""Case bundles (``case-bundle.schema.json``): reading, checking, converting, writing.

Import checks the whole file before anything is written and reports every problem with its JSON path
(``cases[2].scores.nrs: 11 is more than the maximum 10``). Export writes exactly the schema's shape, so
that import followed by export gives back the same JSON. A bundle's case as a domain case and back is in
:mod:`.bundle_cases`.
"""

from __future__ import annotations

import codecs
import errno
import json
import os
import re
import stat
from collections.abc import Callable
from functools import cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mdtboard.domain.case import (
    TEXT_FIELDS,
    Case,
)
from mdtboard.domain.errors import CancelledError, InvalidInputError, Problem
from mdtboard.domain.privacy import passage_problems
from mdtboard.interchange.bundle_cases import case_from_json, case_to_json, cases_from_bundle
from mdtboard.services.audit import AuditService
from mdtboard.services.cases import CaseService, StoredCase
from mdtboard.services.files import write_atomic

if TYPE_CHECKING:  # jsonschema is imported when a bundle is first checked, not with this module
    from jsonschema import Draft202012Validator
    from jsonschema.exceptions import ValidationError

FORMAT = "mdtboard.case-bundle"
VERSION = 1
#: A bundle larger than this is refused before it is parsed (the five sample cases take about 37 kB).
MAX_BYTES = 64 * 1024 * 1024
#: At most this many problems are listed; the count of the rest is given.
MAX_PROBLEMS = 50
#: Numbers are stored as binary floating point; whole numbers beyond this would come back changed.
MAX_EXACT_INTEGER = 2**53
#: A number written with more characters than this is refused before it is converted.
MAX_NUMBER_CHARS = 40
#: Keys of free-text fields, where line breaks belong; every other text is a one-line field.
MULTI_LINE_KEYS = frozenset({*TEXT_FIELDS, "assessment", "recommendations", "text", "note", "character"})


@cache
def schema() -> dict[str, Any]:
    text = (resources.files("mdtboard.interchange") / "case-bundle.schema.json").read_text("utf-8")
    loaded: dict[str, Any] = json.loads(text)
    return loaded


@cache
def validator() -> Draft202012Validator:
    from jsonschema import Draft202012Validator

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


def _show(value: Any, limit: int = 60) -> str:
    """A value as JSON, cut short so that a long text does not fill the message."""
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _describe(error: ValidationError) -> str:
    v, value, inst = error.validator, error.validator_value, error.instance
    shown = _show(inst) if not isinstance(inst, dict | list) else None
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


def _path_key(parts: Any) -> list[tuple[int, int, str]]:
    """Sorts ``cases[2]`` before ``cases[10]``."""
    return [(0, p, "") if isinstance(p, int) else (1, 0, str(p)) for p in parts]


def schema_problems(data: Any) -> list[Problem]:
    errors = sorted(validator().iter_errors(data), key=lambda e: _path_key(e.absolute_path))
    return [Problem(json_path(e.absolute_path), _describe(e)) for e in errors]


def _inexact_numbers(data: dict[str, Any]) -> list[Problem]:
    """Whole numbers too large to survive storage as floating point (the schema only says "number")."""
    problems = []
    for i, case in enumerate(data["cases"]):
        for j, other in enumerate(case.get("scores", {}).get("other", [])):
            value = other["value"]
            if isinstance(value, int) and abs(value) > MAX_EXACT_INTEGER:
                problems.append(
                    Problem(
                        f"cases[{i}].scores.other[{j}].value",
                        f"{_show(value, 30)} is too large to keep exactly "
                        f"(whole numbers up to {MAX_EXACT_INTEGER} are kept)",
                    )
                )
    return problems


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


def _size(n: int) -> str:
    if n >= 2**20:
        return f"{n / 2**20:.1f} MiB"
    if n >= 2**10:
        return f"{n / 2**10:.1f} KiB"
    return f"{n} bytes"


def _too_big(size: int, limit: int | None = None) -> str:
    return f"the file is {_size(size)}, more than the {_size(limit or MAX_BYTES)} a bundle may be"


class _Refused:
    """Stands in for a JSON value refused while parsing, so that it can be reported with its path."""

    def __init__(self, reason: str) -> None:
        self.reason = reason


def _constant(name: str) -> _Refused:
    return _Refused(f"{name} is not a number JSON allows (write a number, or leave the field out)")


def _digits(text: str) -> str:
    return f"a number written with {len(text):,} characters is too long (at most {MAX_NUMBER_CHARS})"


def _int(text: str) -> int | _Refused:
    return _Refused(_digits(text)) if len(text) > MAX_NUMBER_CHARS else int(text)


def _float(text: str) -> float | _Refused:
    if len(text) > MAX_NUMBER_CHARS:
        return _Refused(_digits(text))
    value = float(text)
    if value in (float("inf"), float("-inf")):
        return _Refused(f"{text} is too large a number")
    return value


_ALLOWED_CONTROLS = {"\t", "\n"}
_ALLOWED_IN_TEXT = {"\t", "\n", "\r"}


def _control(text: str, allowed: set[str]) -> str | None:
    """The first control character of ``text`` that is not allowed, named ("U+001B"), or None."""
    for ch in text:
        if (" " > ch > "\x00" or "\x7f" <= ch <= "\x9f") and ch not in allowed:  # NUL: "cannot be stored"
            return f"U+{ord(ch):04X}"
    return None


def _refused_values(data: Any) -> tuple[list[Problem], list[Problem]]:
    """NaN, Infinity and over-long numbers, and control characters in text, each with its JSON path."""
    numbers: list[Problem] = []
    texts: list[Problem] = []
    stack: list[tuple[list[str | int], Any, bool]] = [([], data, False)]
    while stack:
        path, value, multi_line = stack.pop()
        if isinstance(value, _Refused):
            numbers.append(Problem(json_path(path), value.reason))
        elif isinstance(value, str):
            bad = _control(value, _ALLOWED_IN_TEXT if multi_line else _ALLOWED_CONTROLS)
            if bad:
                where = "in text" if multi_line else "in a one-line field"
                allowed = "tab and line breaks" if multi_line else "only tab and line break"
                texts.append(Problem(
                    json_path(path), f"has the control character {bad}, which is not allowed {where} "
                    f"({allowed} are)",
                ))
        elif isinstance(value, dict):
            stack.extend(([*path, k], v, k in MULTI_LINE_KEYS) for k, v in value.items())
        elif isinstance(value, list):
            stack.extend(([*path, i], v, multi_line) for i, v in enumerate(value))

    def order(problem: Problem) -> str:
        return problem.where

    return sorted(numbers, key=order), sorted(texts, key=order)


class _Object(dict[str, Any]):
    """A JSON object that remembers keys given more than once (``json`` would keep only the last)."""

    duplicates: list[str]


def _object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    obj = _Object(pairs)
    if len(obj) != len(pairs):
        seen: set[str] = set()
        obj.duplicates = []
        for key, _value in pairs:
            if key in seen:
                obj.duplicates.append(key)
            seen.add(key)
    return obj


def _duplicate_keys(data: Any) -> list[Problem]:
    problems = []
    stack: list[tuple[list[str | int], Any]] = [([], data)]
    while stack:  # iterative: the parser allows deeper nesting than Python recursion would
        path, value = stack.pop()
        if isinstance(value, dict):
            for key in dict.fromkeys(getattr(value, "duplicates", [])):
                problems.append(
                    Problem(json_path(path), f"key {key!r} is given more than once (only one is allowed)")
                )
            stack.extend(([*path, k], v) for k, v in value.items())
        elif isinstance(value, list):
            stack.extend(([*path, i], v) for i, v in enumerate(value))
    return sorted(problems, key=lambda p: p.where)


_BOMS = (
    (codecs.BOM_UTF32_LE, "UTF-32"),
    (codecs.BOM_UTF32_BE, "UTF-32"),
    (codecs.BOM_UTF16_LE, "UTF-16"),
    (codecs.BOM_UTF16_BE, "UTF-16"),
)


def _decode(raw: bytes, source: str) -> str:
    """UTF-8 text (a byte order mark is allowed), else an error naming the encoding when it can."""

    def fail(message: str) -> InvalidInputError:
        return InvalidInputError(Problem("", f"{message}; save it as UTF-8"), source=source)

    for bom, name in _BOMS:
        if raw.startswith(bom):
            raise fail(f"the file is {name} text, not UTF-8")
    if b"\x00" in raw[:4]:
        # JSON in UTF-8 never starts with a NUL byte; UTF-16 and UTF-32 text without a byte order mark do.
        raise fail("the file is not UTF-8 text (it has NUL bytes: UTF-16 or UTF-32, or not text at all)")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        if exc.end >= len(raw) and exc.reason == "unexpected end of data":
            raise InvalidInputError(
                Problem("", "the file ends in the middle of a character (truncated?)"), source=source
            ) from exc
        line = raw.count(b"\n", 0, exc.start) + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        raise fail(
            f"the file is not UTF-8 text: byte 0x{raw[exc.start]:02x} at line {line}, column {column} "
            "cannot be read (saved as Latin-1 or Windows-1252?)"
        ) from exc


_TRAILING_WORD = re.compile(r"[-+.0-9A-Za-z]*")


def _json_error(text: str, exc: json.JSONDecodeError) -> Problem:
    """Say "truncated" when the text ran out before the JSON was complete, else what is wrong."""
    rest = text[exc.pos :].rstrip()
    truncated = (
        exc.pos >= len(text.rstrip()) - 1
        # a string still open at the end (the decoder says so only when it runs out of text)
        or exc.msg.startswith("Unterminated string")
        # a \\u escape, a number or a literal (true, false, null) cut short
        or (exc.msg == "Invalid \\uXXXX escape" and len(rest) < 6)
        or (exc.msg == "Expecting value" and len(rest) < 40 and _TRAILING_WORD.fullmatch(rest) is not None)
    )
    reason = "the file ends too early (truncated?)"
    if not truncated:
        reason = "not valid JSON: " + _json_reason(exc.msg)
    return Problem(f"line {exc.lineno}, column {exc.colno}", reason)


def _json_reason(msg: str) -> str:
    msg = msg.removesuffix(" starting at").removesuffix(" at")
    if msg == "Invalid control character":
        return "a control character (tab, line break...) inside text; write it as \\t or \\n"
    return msg[:1].lower() + msg[1:]


def parse_bytes(raw: bytes, *, source: str = "bundle") -> dict[str, Any]:
    """Decode and check a bundle; raises :class:`InvalidInputError` listing every problem."""
    if len(raw) > MAX_BYTES:
        raise InvalidInputError(Problem("", _too_big(len(raw))), source=source)
    text = _decode(raw, source)
    if not text.strip():
        raise InvalidInputError(Problem("", "the file is empty"), source=source)
    try:
        data = json.loads(
            text, parse_constant=_constant, parse_int=_int, parse_float=_float, object_pairs_hook=_object
        )
    except json.JSONDecodeError as exc:
        raise InvalidInputError(_json_error(text, exc), source=source) from exc
    except RecursionError as exc:
        raise InvalidInputError(
            Problem("", "not valid JSON for a bundle: lists or objects are nested too deeply"), source=source
        ) from exc
    numbers, texts = _refused_values(data)
    if numbers:  # the schema cannot check values that were never converted
        raise InvalidInputError(_cap(numbers + texts), source=source)
    problems = texts + _duplicate_keys(data) + schema_problems(data)
    if not problems:
        problems = _inexact_numbers(data)
    if isinstance(data, dict) and isinstance(data.get("cases"), list):
        problems.extend(_duplicate_ids(data))
    if not problems:
        problems = _misplaced_passages(data)
    if problems:
        raise InvalidInputError(_cap(problems), source=source)
    return data


def _misplaced_passages(data: dict[str, Any]) -> list[Problem]:
    """Restricted passages whose field is not text of the case or does not contain the passage."""
    problems: list[Problem] = []
    for i, case in enumerate(data["cases"]):
        if case.get("restricted_passages"):
            problems.extend(passage_problems(case_from_json(case), prefix=f"cases[{i}]."))
    return problems


def _cap(problems: list[Problem]) -> list[Problem]:
    if len(problems) <= MAX_PROBLEMS:
        return problems
    rest = len(problems) - MAX_PROBLEMS
    return [*problems[:MAX_PROBLEMS], Problem("", f"and {rest} more problems")]


def read_file(path: Path) -> dict[str, Any]:
    source = str(path)
    return parse_bytes(read_limited(path, source=source), source=source)


_OPEN_FLAGS = (
    os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0)
)


_read_chunk = os.read


def _not_plain(mode: int) -> str | None:
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "this is a folder, not a bundle file"
    if stat.S_ISFIFO(mode):
        return "this is a named pipe (FIFO), not a bundle file"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "this is a device, not a bundle file"
    if stat.S_ISSOCK(mode):
        return "this is a socket, not a bundle file"
    return "this is not a plain file"


def read_limited(path: Path, *, source: str, limit: int | None = None) -> bytes:
    """The bytes of a plain file, read with a limit: a pipe, device, folder or link loop is refused
    without waiting or reading, and a file that grows past ``limit`` while it is read is refused."""

    def refuse(message: str) -> InvalidInputError:
        return InvalidInputError(Problem("", message), source=source)

    limit = MAX_BYTES if limit is None else limit
    try:
        # Non-blocking, so that opening a named pipe with no writer does not wait.
        fd = os.open(path, _OPEN_FLAGS)
    except FileNotFoundError as exc:
        raise refuse("no such file") from exc
    except IsADirectoryError as exc:
        raise refuse("this is a folder, not a bundle file") from exc
    except PermissionError as exc:
        raise refuse("the file cannot be read (permission denied)") from exc
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise refuse("the path is a loop of symbolic links, not a bundle file") from exc
        raise refuse(f"the file cannot be opened ({exc.strerror or exc})") from exc
    try:
        info = os.fstat(fd)
        problem = _not_plain(info.st_mode)
        if problem:
            raise refuse(problem)
        if info.st_size > limit:
            raise refuse(_too_big(info.st_size, limit))
        chunks: list[bytes] = []
        total = 0
        while True:
            chunk = _read_chunk(fd, min(1 << 20, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
            if total > limit:
                raise refuse(f"the file grew past the {_size(limit)} a bundle may be while it was read")
        return b"".join(chunks)
    except IsADirectoryError as exc:
        raise refuse("this is a folder, not a bundle file") from exc
    except OSError as exc:
        raise refuse(f"the file cannot be read ({exc.strerror or exc})") from exc
    finally:
        os.close(fd)


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


def import_files(
    service: CaseService,
    paths: list[Path],
    *,
    progress: Callable[[str, int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> list[StoredCase]:
    """Import each bundle file in its own transaction; the first bad file stops the run with nothing of
    that file written (files before it stay imported). ``progress`` is told what is being done
    ("Reading cases.json", "Storing cases.json") and how many cases of how many are stored;
    ``cancelled`` is asked between steps, and stops the import (:class:`CancelledError`) with nothing of
    the file in hand stored."""
    stored: list[StoredCase] = []

    def tell(what: str, done: int = 0, total: int = 0) -> None:
        if cancelled is not None and cancelled():
            raise CancelledError(f"Importing {what.split(' ', 1)[1]}")
        if progress is not None:
            progress(what, done, total)

    for path in paths:
        tell(f"Reading {path.name}")
        data = read_file(path)
        tell(f"Checking {path.name}")
        cases = cases_from_bundle(data)
        del data  # the parsed JSON is no longer needed: keep the peak memory of a large file down
        storing = f"Storing {path.name}"
        tell(storing, 0, len(cases))

        def stored_so_far(done: int, total: int, what: str = storing) -> None:
            tell(what, done, total)

        try:
            stored.extend(service.store_many(
                cases, source=str(path), progress=stored_so_far, cancelled=cancelled
            ))
        except CancelledError:
            raise CancelledError(f"Importing {path.name}") from None
    return stored


def import_bytes(service: CaseService, raw: bytes, *, source: str) -> list[StoredCase]:
    return service.store_many(cases_from_bundle(parse_bytes(raw, source=source)), source=source)


def export_file(
    service: CaseService, path: Path, refs: list[str] | None = None, *, title: str | None = None
) -> list[Case]:
    """Write the named cases (all when ``refs`` is None) to ``path`` atomically."""
    cases = service.get_many(refs)
    write_atomic(path, dumps(bundle_json(cases, title=title)))
    AuditService(service.db).exported("bundle", case_ids=[c.id for c in cases if c.id is not None])
    return cases
