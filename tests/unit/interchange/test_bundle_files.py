"""Import of files that are not plain files: refused with one line and exit status 2, without waiting and
without reading without limit; nothing printed to the terminal carries control characters from a bundle.

Every case is tried in-process and with the ``mdtboard`` command as a real process (the subprocess
timeout only stops a hang from stalling the suite; a refused file is answered at once).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from conftest import SAMPLE_CASES

from mdtboard.cli import main
from mdtboard.domain.errors import InvalidInputError
from mdtboard.interchange import bundle
from mdtboard.interchange.bundle import read_file
from mdtboard.storage.db import ENV_URL, sqlite_url

posix_only = pytest.mark.skipif(os.name != "posix", reason="FIFOs, /dev/zero and symlink loops are POSIX")


def fifo(tmp_path: Path) -> Path:
    path = tmp_path / "pipe.json"
    os.mkfifo(path)  # no writer ever opens it: a blocking open or read would wait for ever
    return path


def loop(tmp_path: Path) -> Path:
    a, b = tmp_path / "a.json", tmp_path / "b.json"
    a.symlink_to(b)
    b.symlink_to(a)
    return a


def folder(tmp_path: Path) -> Path:
    path = tmp_path / "cases.json"
    path.mkdir()
    return path


NOT_PLAIN = {
    "a FIFO": (fifo, "this is a named pipe (FIFO), not a bundle file"),
    "/dev/zero": (lambda _p: Path("/dev/zero"), "this is a device, not a bundle file"),
    "a directory": (folder, "this is a folder, not a bundle file"),
    "a symlink loop": (loop, "the path is a loop of symbolic links, not a bundle file"),
}


@posix_only
@pytest.mark.parametrize("kind", sorted(NOT_PLAIN))
def test_not_a_plain_file_is_refused_in_one_line(tmp_path: Path, kind: str) -> None:
    make, reason = NOT_PLAIN[kind]
    path = make(tmp_path)
    with pytest.raises(InvalidInputError) as info:
        read_file(path)
    assert str(info.value) == f"{path}: {reason}. Nothing was changed."


def test_a_symlink_to_a_plain_file_is_read(tmp_path: Path) -> None:
    link = tmp_path / "link.json"
    link.symlink_to(SAMPLE_CASES)
    assert len(read_file(link)["cases"]) == 5


def test_a_file_that_grows_past_the_limit_while_read_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The file is under the limit when opened and grows while it is read (a log being written, a
    download still running): the read stops at the limit instead of trusting the size seen at first."""
    monkeypatch.setattr(bundle, "MAX_BYTES", 64 * 1024)
    path = tmp_path / "growing.json"
    path.write_bytes(b"[" + b" " * 1000)
    reads: list[int] = []
    real_read = os.read

    def read_while_growing(fd: int, n: int) -> bytes:
        reads.append(n)
        with path.open("ab") as more:  # another program appends 16 KiB between two reads
            more.write(b" " * 16 * 1024)
        return real_read(fd, min(n, 8 * 1024))

    monkeypatch.setattr(bundle, "_read_chunk", read_while_growing)
    with pytest.raises(InvalidInputError) as info:
        read_file(path)
    assert str(info.value) == (
        f"{path}: the file grew past the 64.0 KiB a bundle may be while it was read. Nothing was changed."
    )
    assert sum(min(n, 8 * 1024) for n in reads) <= 64 * 1024 + 1 + 8 * 1024  # bounded, not to the end
    assert path.stat().st_size > 64 * 1024


# --- numbers and control characters, reported with their JSON path --------------------------------


def bundle_bytes(**patient: Any) -> bytes:
    case = {"id": "CTL-1", "fictional": True, "patient": {"display_name": "Ana", **patient}}
    return json.dumps({"format": "mdtboard.case-bundle", "version": 1, "cases": [case]}).encode()


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (bundle_bytes().replace(b'"Ana"}', b'"Ana", "age": NaN}'),
         "cases[0].patient.age: NaN is not a number JSON allows (write a number, or leave the field out)"),
        (bundle_bytes().replace(b'"Ana"}', b'"Ana", "age": Infinity}'),
         "cases[0].patient.age: Infinity is not a number JSON allows"),
        (bundle_bytes().replace(b'"Ana"}', b'"Ana", "age": ' + b"9" * 4000 + b"}"),
         "cases[0].patient.age: a number written with 4,000 characters is too long (at most 40)"),
        (bundle_bytes(pronouns="she\x1b]0;title\x07"),
         "cases[0].patient.pronouns: has the control character U+001B, which is not allowed in a one-line "
         "field (only tab and line break are)"),
        (bundle_bytes(display_name="Ana\rBob"),
         "cases[0].patient.display_name: has the control character U+000D"),
    ],
)
def test_refused_values_name_their_json_path(raw: bytes, expected: str) -> None:
    with pytest.raises(InvalidInputError) as info:
        bundle.parse_bytes(raw, source="b.json")
    assert expected in str(info.value)
    assert "Traceback" not in str(info.value) and "4300" not in str(info.value)


def test_tab_and_line_break_stay_allowed() -> None:
    raw = bundle_bytes(display_name="Ana\tMaria").replace(b'"fictional": true', b'"fictional": true, '
                                                           b'"pain_history": "Line one\\r\\nline\\ttwo"')
    assert bundle.parse_bytes(raw)["cases"][0]["patient"]["display_name"] == "Ana\tMaria"


# --- the command, in-process and as a real process ------------------------------------------------


def console_script() -> list[str]:
    script = Path(sys.executable).parent / "mdtboard"
    return [str(script)] if script.exists() else [sys.executable, "-m", "mdtboard.cli"]


@posix_only
def test_the_command_refuses_each_with_status_2_and_one_line(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != ENV_URL}
    url = sqlite_url(tmp_path / "process.sqlite3")
    escape = tmp_path / "escape.json"
    escape.write_bytes(bundle_bytes(display_name="\x1b[2J\x1b]0;pwned\x07Ana"))
    huge_number = tmp_path / "digits.json"
    huge_number.write_bytes(bundle_bytes().replace(b'"Ana"}', b'"Ana", "age": 1' + b"0" * 10_000 + b"}"))
    paths = {kind: make(tmp_path / kind.replace("/", "_")) for kind, (make, _r) in NOT_PLAIN.items()
             if (tmp_path / kind.replace("/", "_")).mkdir() is None}
    expected = {kind: reason for kind, (_m, reason) in NOT_PLAIN.items()}
    for kind, path in [*paths.items(), ("escape", escape), ("digits", huge_number)]:
        done = subprocess.run(
            [*console_script(), "--database", url, "import", str(path)],
            capture_output=True, env=env, timeout=120, check=False,
        )
        assert done.returncode == 2, kind
        assert done.stdout == b"", kind
        assert done.stderr.count(b"\n") == 1 or kind in ("escape",), (kind, done.stderr)
        assert b"\x1b" not in done.stderr and b"\x07" not in done.stderr, kind
        if kind in expected:
            assert done.stderr.decode() == f"mdtboard: {path}: {expected[kind]}. Nothing was changed.\n"
    done = subprocess.run([*console_script(), "--database", url, "cases"], capture_output=True, env=env,
                          timeout=120, check=False)
    assert (done.returncode, done.stdout) == (0, b"")  # nothing was imported


def test_names_with_control_characters_are_printed_escaped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A name stored with a control character (typed or pasted in the program) reaches the terminal as
    text, never as an escape sequence."""
    from mdtboard.domain.case import Case, Patient
    from mdtboard.services.context import open_services

    url = sqlite_url(tmp_path / "names.sqlite3")
    services = open_services(url)
    try:
        services.cases.store_many([Case(ref="ESC-1", fictional=True,
                                        patient=Patient("Ana\x1b[31m \u202eevil\x9b"))], source="test")
    finally:
        services.close()
    assert main(["--database", url, "cases"]) == 0
    out = capsys.readouterr().out
    assert out == "ESC-1\tAna\\u001b[31m \\u202eevil\\u009b\t\n"
