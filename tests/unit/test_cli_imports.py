"""What the command line loads: each command imports only what it needs. ``cases`` and ``--version`` load
no Qt, ReportLab or Alembic (checked in a new interpreter, through ``sys.modules``); ``cases`` on a SQLite
file at the program's schema loads no SQLAlchemy either, nor the standard library's heavier modules it
does not need; Alembic is loaded only when the database has to be upgraded."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import SAMPLE_CASES

from mdtboard.cli import main
from mdtboard.storage.db import sqlite_url

HEAVY = ("PySide6", "reportlab", "alembic", "mako", "psycopg", "mdtboard.services.careplans", "pycrfsuite",
         "mdtboard.domain.phi_model")
#: What ``cases`` on a SQLite file at the current schema does without: SQLAlchemy, the logging package
#: (nothing is logged), dataclasses (with inspect, ast and dis), typing, shutil (argparse's help width),
#: anyascii (an ASCII search folds without it), importlib.resources; and the services and log modules.
QUICK_CASES_WITHOUT = (
    "sqlalchemy", "logging", "dataclasses", "inspect", "ast", "typing", "shutil", "anyascii",
    "importlib.resources", "mdtboard.services", "mdtboard.log", "mdtboard.domain.errors",
)

PROBE = """
import json, sys
from mdtboard.cli import main
try:
    status = main(json.loads(sys.argv[1]))
except SystemExit as exc:
    status = exc.code
sys.stdout.flush()
print(json.dumps({"status": status, "loaded": sorted(sys.modules)}), file=sys.stderr)
"""


def _run(*argv: str) -> tuple[int, str, set[str]]:
    done = subprocess.run(
        [sys.executable, "-c", PROBE, json.dumps(list(argv))], capture_output=True, text=True, check=True
    )
    report = json.loads(done.stderr.strip().splitlines()[-1])
    return report["status"], done.stdout, set(report["loaded"])


def _heavy(loaded: set[str], heavy: tuple[str, ...] = HEAVY) -> set[str]:
    return {m for m in loaded if any(m == h or m.startswith(h + ".") for h in heavy)}


@pytest.fixture
def url(tmp_path: Path) -> str:
    url = sqlite_url(tmp_path / "cli.sqlite3")
    assert main(["--database", url, "import", str(SAMPLE_CASES)]) == 0
    return url


def test_version_loads_nothing_of_mdtboard_but_the_command_line() -> None:
    status, out, loaded = _run("--version")
    assert status == 0
    assert out.startswith("mdtboard ")
    assert {m for m in loaded if m.startswith("mdtboard.")} == {"mdtboard.cli"}


def test_version_after_other_options_is_still_argparse_s_answer(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["--debug", "--version"])
    assert info.value.code == 0
    quick = subprocess.run(
        [sys.executable, "-m", "mdtboard.cli", "--version"], capture_output=True, text=True, check=True
    )
    assert capsys.readouterr().out == quick.stdout


def test_cases_on_a_database_at_the_current_schema_loads_no_qt_reportlab_or_alembic(url: str) -> None:
    status, out, loaded = _run("--database", url, "cases", "--search", "zoe")
    assert status == 0
    assert out.splitlines()[0].startswith("MDT-002\tZoë Ørsted\t")
    assert _heavy(loaded) == set()


def test_cases_on_a_sqlite_file_at_the_current_schema_loads_no_sqlalchemy_logging_or_dataclasses(
    url: str,
) -> None:
    status, out, loaded = _run("--database", url, "cases", "--search", "zoe")
    assert status == 0
    assert out.splitlines()[0].startswith("MDT-002\tZoë Ørsted\t")
    assert _heavy(loaded, HEAVY + QUICK_CASES_WITHOUT) == set()


def test_cases_that_must_open_the_database_configures_the_log_and_logs_there(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MDTBOARD_LOG_DIR", str(tmp_path / "log"))
    status, out, loaded = _run("--database", sqlite_url(tmp_path / "new.sqlite3"), "cases")
    assert (status, out) == (0, "")
    assert "mdtboard.log" in loaded
    assert "database opened" in (tmp_path / "log" / "mdtboard.log").read_text(encoding="utf-8")


def test_a_new_database_is_upgraded_with_alembic(tmp_path: Path) -> None:
    status, out, loaded = _run("--database", sqlite_url(tmp_path / "new.sqlite3"), "cases")
    assert (status, out) == (0, "")
    assert "alembic" in loaded
    assert "PySide6" not in loaded and "reportlab" not in loaded
