"""``mdtboard changes``: the changes after change N, and the changes as they happen, one JSON line each."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import SAMPLE_CASES

from mdtboard.cli import main
from mdtboard.storage.db import sqlite_url

WRITER = Path(__file__).parent / "storage" / "change_writer.py"


def test_since_prints_the_changes_after_n(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    url = sqlite_url(tmp_path / "c.sqlite3")
    assert main(["--database", url, "import", str(SAMPLE_CASES)]) == 0
    capsys.readouterr()
    assert main(["--database", url, "changes", "--since", "0"]) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert lines and all(line["kind"] == "case" for line in lines)
    assert set(lines[0]) == {"id", "kind", "record_id", "version", "deleted", "client", "at"}
    assert main(["--database", url, "changes", "--since", str(lines[-1]["id"])]) == 0
    assert capsys.readouterr().out == ""  # nothing after the last one


def test_changes_needs_since_or_follow_and_a_number(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = sqlite_url(tmp_path / "c.sqlite3")
    assert main(["--database", url, "changes"]) == 2
    assert "--since N, --follow" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exit_:
        main(["--database", url, "changes", "--since", "last"])
    assert exit_.value.code == 2
    assert "not a change number" in capsys.readouterr().err


def test_follow_prints_another_programs_changes_as_they_happen(tmp_path: Path) -> None:
    url = sqlite_url(tmp_path / "c.sqlite3")
    assert main(["--database", url, "changes", "--since", "0"]) == 0  # creates the database
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    with subprocess.Popen(
        [sys.executable, "-m", "mdtboard.cli", "--database", url, "changes", "--follow"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
    ) as follower:
        try:
            assert follower.stderr is not None and follower.stdout is not None
            assert "following" in follower.stderr.readline()  # listening before the other program writes
            subprocess.run([sys.executable, str(WRITER), url, "C-1", "1"], check=True, capture_output=True,
                           timeout=120)
            lines = [json.loads(follower.stdout.readline()) for _ in range(2)]
            assert [(line["kind"], line["version"]) for line in lines] == [("case", 0), ("case", 1)]
        finally:
            follower.terminate()
            follower.wait(timeout=30)
