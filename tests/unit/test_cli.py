"""The ``mdtboard`` command: its subcommands, their output, and their exit statuses (0 success, 2 invalid
input or usage, 1 other failures), in-process and once as the installed console script."""

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
from mdtboard.interchange import demo
from mdtboard.services.context import Services
from mdtboard.storage.db import ENV_URL, open_database, sqlite_url

SAMPLE: dict[str, Any] = json.loads(SAMPLE_CASES.read_text("utf-8"))
#: ID<TAB>patient display name<TAB>title of each sample case, in ID order.
SAMPLE_LINES = [f"{c['id']}\t{c['patient']['display_name']}\t{c.get('title', '')}" for c in SAMPLE["cases"]]
UNREACHABLE = "postgresql://mdtboard@127.0.0.1:1/mdtboard"


def run(capsys: pytest.CaptureFixture[str], *argv: str | Path) -> tuple[int, str, str]:
    status = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return status, out, err


@pytest.fixture
def url(tmp_path: Path) -> str:
    return sqlite_url(tmp_path / "cli.sqlite3")


@pytest.fixture
def imported(url: str, capsys: pytest.CaptureFixture[str]) -> str:
    assert run(capsys, "--database", url, "import", SAMPLE_CASES)[0] == 0
    return url


def write_bundle(path: Path, *cases: dict[str, Any]) -> Path:
    path.write_text(
        json.dumps({"format": "mdtboard.case-bundle", "version": 1, "cases": list(cases)}), "utf-8"
    )
    return path


def leftovers(folder: Path) -> list[str]:
    """Temporary or partial files an export left behind (``write_atomic`` writes ``.NAME.*.part``)."""
    return [p.name for p in folder.rglob("*") if p.name.startswith(".") or p.name.endswith(".part")]


def case(ref: str, name: str = "Zoë Ørsted", **extra: Any) -> dict[str, Any]:
    return {"id": ref, "fictional": True, "patient": {"display_name": name}, **extra}


# ---------------------------------------------------------------------------- import and cases


def test_import_prints_one_line_per_case_and_cases_lists_them(
    database_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, err = run(capsys, "--database", database_url, "import", SAMPLE_CASES)
    assert (status, err) == (0, "")
    assert out.splitlines() == [
        f"{c['id']}\t{c['patient']['display_name']}\tcreated" for c in SAMPLE["cases"]
    ]
    status, out, err = run(capsys, "--database", database_url, "cases")
    assert (status, err) == (0, "")
    assert out.splitlines() == SAMPLE_LINES
    # importing again updates in place
    status, out, _ = run(capsys, "--database", database_url, "import", SAMPLE_CASES)
    assert status == 0
    assert [line.split("\t")[2] for line in out.splitlines()] == ["updated"] * 5
    assert run(capsys, "--database", database_url, "cases")[1].splitlines() == SAMPLE_LINES


def test_import_of_several_files(url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    extra = write_bundle(tmp_path / "extra.json", case("X-1", "Nguyễn Thị Hoa"), case("X-2"))
    status, out, _ = run(capsys, "--database", url, "import", SAMPLE_CASES, extra)
    assert status == 0
    assert len(out.splitlines()) == 7
    assert out.splitlines()[-2:] == ["X-1\tNguyễn Thị Hoa\tcreated", "X-2\tZoë Ørsted\tcreated"]


def test_cases_search(imported: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "--database", imported, "cases", "--search", "nunez") == (
        0,
        SAMPLE_LINES[0] + "\n",
        "",
    )
    assert run(capsys, "--database", imported, "cases", "--search", "no such patient") == (0, "", "")


def test_cases_lists_archived_cases_only_with_archived(
    database_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """On SQLite the quick read answers, on PostgreSQL the services: both hide an archived case."""
    assert run(capsys, "--database", database_url, "import", SAMPLE_CASES)[0] == 0
    database = open_database(database_url)
    try:
        cases = Services.on(database).cases
        cases.archive(cases.get_by_ref(SAMPLE["cases"][0]["id"]).id or 0)
    finally:
        database.dispose()
    assert run(capsys, "--database", database_url, "cases") == (0, "\n".join(SAMPLE_LINES[1:]) + "\n", "")
    assert run(capsys, "--database", database_url, "cases", "--search", "nunez") == (0, "", "")
    archived = (0, SAMPLE_LINES[0] + "\n", "")
    assert run(capsys, "--database", database_url, "cases", "--archived") == archived
    assert run(capsys, "--database", database_url, "cases", "--archived", "--search", "nunez") == archived


def test_cases_keep_one_case_per_line(url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bundle = write_bundle(tmp_path / "tabs.json", case("T-1", "Ana\tRuiz", title="Line one\nline\ttwo"))
    assert run(capsys, "--database", url, "import", bundle)[1] == "T-1\tAna Ruiz\tcreated\n"
    assert run(capsys, "--database", url, "cases")[1] == "T-1\tAna Ruiz\tLine one line two\n"


def test_the_database_comes_from_the_environment_unless_given(
    imported: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(ENV_URL, imported)
    assert run(capsys, "cases")[1].splitlines() == SAMPLE_LINES
    other = sqlite_url(tmp_path / "other.sqlite3")
    assert run(capsys, "--database", other, "cases") == (0, "", "")  # --database wins


# ---------------------------------------------------------------------------- export


def test_export_all_and_named_cases(
    imported: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "all.json"
    status, stdout, err = run(capsys, "--database", imported, "export", out)
    assert (status, stdout) == (0, "")
    assert err == f"5 cases written to {out}\n"
    written = json.loads(out.read_text("utf-8"))
    assert written["cases"] == SAMPLE["cases"]
    assert written["title"] == "mdtboard export"

    some = tmp_path / "some.json"
    status, _, err = run(
        capsys, "--database", imported, "export", some, "--case", "MDT-004", "--case", "MDT-001"
    )
    assert status == 0
    assert err == f"2 cases written to {some}\n"
    assert sorted(c["id"] for c in json.loads(some.read_text("utf-8"))["cases"]) == ["MDT-001", "MDT-004"]


def test_export_over_an_existing_file_replaces_it_atomically(
    imported: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out.json"
    out.write_text("the old export\n")
    old_inode = out.stat().st_ino
    assert run(capsys, "--database", imported, "export", out, "--case", "MDT-002")[0] == 0
    assert [c["id"] for c in json.loads(out.read_text("utf-8"))["cases"]] == ["MDT-002"]
    assert out.stat().st_ino != old_inode  # a new file renamed over the old one, not the old one rewritten
    assert leftovers(tmp_path) == []


def test_export_of_an_unknown_case_is_a_usage_error_and_writes_nothing(
    imported: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out.json"
    out.write_text("the old export\n")
    status, stdout, err = run(
        capsys, "--database", imported, "export", out, "--case", "MDT-001", "--case", "NOPE-9"
    )
    assert (status, stdout) == (2, "")
    assert err == "mdtboard: No case NOPE-9 was found. Nothing was changed.\n"
    assert out.read_text() == "the old export\n"


@pytest.mark.parametrize(
    ("where", "reason"),
    [
        (lambda tmp: tmp / "no such folder" / "out.json", "the folder does not exist"),
        (lambda tmp: tmp / "cli.sqlite3" / "out.json", "Not a directory"),
    ],
    ids=["missing folder", "parent is a file"],
)
def test_export_to_a_place_that_cannot_be_written_fails_cleanly(
    imported: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], where: Any, reason: str
) -> None:
    target: Path = where(tmp_path)
    status, stdout, err = run(capsys, "--database", imported, "export", target)
    assert (status, stdout) == (1, "")
    assert err == f"mdtboard: Could not write {target}: {reason}. Any earlier file there is unchanged.\n"
    assert not target.exists()
    assert leftovers(tmp_path) == []


# ---------------------------------------------------------------------------- demo


def shipped_case_count() -> int:
    return sum(len(json.loads(p.read_text("utf-8"))["cases"]) for p in demo.demo_bundles())


def test_demo_loads_the_shipped_cases(url: str, capsys: pytest.CaptureFixture[str]) -> None:
    count = shipped_case_count()
    if count == 0:
        pytest.skip("resources/cases holds no bundle yet: nothing for the demo command to load")
    status, out, err = run(capsys, "--database", url, "demo")
    assert (status, err) == (0, "")
    assert len(out.splitlines()) == count
    assert {line.split("\t")[2] for line in out.splitlines()} == {"created"}
    assert len(run(capsys, "--database", url, "cases")[1].splitlines()) == count
    # loading again refreshes them in place
    status, out, _ = run(capsys, "--database", url, "demo")
    assert status == 0
    assert {line.split("\t")[2] for line in out.splitlines()} == {"updated"}
    assert len(run(capsys, "--database", url, "cases")[1].splitlines()) == count


def test_every_shipped_case_is_fictional() -> None:
    from mdtboard.interchange.bundle import read_file

    for path in demo.demo_bundles():
        assert all(c["fictional"] is True for c in read_file(path)["cases"]), path


def test_demo_loads_whatever_bundles_are_shipped(
    url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    extra = write_bundle(tmp_path / "b.json", case("DEMO-9"))
    monkeypatch.setattr(demo, "demo_bundles", lambda: [SAMPLE_CASES, extra])
    status, out, _ = run(capsys, "--database", url, "demo")
    assert status == 0
    assert [line.split("\t")[0] for line in out.splitlines()] == [
        *(c["id"] for c in SAMPLE["cases"]),
        "DEMO-9",
    ]


# ---------------------------------------------------------------------------- exit statuses


def test_a_bad_bundle_is_exit_2_with_every_problem_on_stderr(
    url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = write_bundle(
        tmp_path / "bad.json", case("B-1", scores={"nrs": 11}), case("B-2", patient={"age": -1})
    )
    status, out, err = run(capsys, "--database", url, "import", bad)
    assert (status, out) == (2, "")
    assert err.startswith(f"mdtboard: {bad}: 3 problems found. Nothing was changed.\n")
    assert "  cases[0].scores.nrs: 11 is more than the maximum 10\n" in err
    assert "  cases[1].patient: missing required 'display_name'\n" in err
    assert "  cases[1].patient.age: -1 is less than the minimum 0\n" in err
    assert "Traceback" not in err
    assert run(capsys, "--database", url, "cases") == (0, "", "")


def test_a_refused_file_after_a_good_one_says_what_was_imported(
    url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = write_bundle(tmp_path / "good.json", case("G-1"))
    bad = tmp_path / "bad.json"
    bad.write_bytes(b'{"format": "mdtboard.case-bundle", "version": 1, "cases": [')
    status, out, err = run(capsys, "--database", url, "import", good, bad)
    assert status == 2
    assert out == "G-1\tZoë Ørsted\tcreated\n"
    assert (
        err
        == f"mdtboard: {bad}: line 1, column 60: the file ends too early (truncated?). Nothing was changed.\n"
    )
    assert run(capsys, "--database", url, "cases")[1] == "G-1\tZoë Ørsted\t\n"


def test_a_missing_file_is_exit_2(url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "missing.json"
    assert run(capsys, "--database", url, "import", missing) == (
        2,
        "",
        f"mdtboard: {missing}: no such file. Nothing was changed.\n",
    )


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--frobnicate", "cases"], "mdtboard: unrecognized arguments: --frobnicate"),
        (["import"], "mdtboard import: error: the following arguments are required: FILE"),
        (["cases", "--search"], "argument --search: expected one argument"),
        (["export"], "the following arguments are required: OUT.json"),
        (["lunch"], "argument COMMAND: invalid choice: 'lunch'"),
    ],
)
def test_usage_errors_are_exit_2(argv: list[str], message: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(argv)
    assert info.value.code == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err.startswith("usage: mdtboard")
    assert message.removeprefix("mdtboard import: error: ") in err


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    from mdtboard import __version__

    with pytest.raises(SystemExit) as info:
        main(["--version"])
    assert info.value.code == 0
    assert capsys.readouterr().out == f"mdtboard {__version__}\n"


def test_an_unreachable_database_is_exit_1_with_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "--database", UNREACHABLE, "cases")
    assert (status, out) == (1, "")
    assert err.startswith(
        "mdtboard: Cannot reach the database postgresql+psycopg://mdtboard@127.0.0.1:1/mdtboard: "
    )
    assert err.count("\n") == 1


def test_debug_shows_the_traceback(capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = run(capsys, "--debug", "--database", UNREACHABLE, "cases")
    assert status == 1
    assert err.startswith("Traceback (most recent call last):")
    assert "mdtboard.domain.errors.DatabaseError: Cannot reach the database" in err
    assert err.endswith(
        "\nmdtboard: Cannot reach the database" + err.rsplit("mdtboard: Cannot reach the database", 1)[1]
    )


# ---------------------------------------------------------------------------- the installed command


def console_script() -> list[str]:
    script = Path(sys.executable).parent / "mdtboard"
    return [str(script)] if script.exists() else [sys.executable, "-m", "mdtboard.cli"]


def test_the_console_script_works_as_a_real_process(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != ENV_URL}
    url = sqlite_url(tmp_path / "process.sqlite3")

    def mdtboard(*argv: str | Path, **extra_env: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [*console_script(), *map(str, argv)],
            capture_output=True,
            text=True,
            encoding="utf-8",
            env=env | extra_env,
            timeout=120,
            check=False,
        )

    done = mdtboard("--database", url, "import", SAMPLE_CASES)
    assert (done.returncode, done.stderr) == (0, "")
    assert len(done.stdout.splitlines()) == 5
    done = mdtboard("cases", "--search", "nunez", **{ENV_URL: url})
    assert (done.returncode, done.stdout, done.stderr) == (0, SAMPLE_LINES[0] + "\n", "")
    done = mdtboard("--database", UNREACHABLE, "cases")
    assert (done.returncode, done.stdout) == (1, "")
    assert done.stderr.startswith("mdtboard: Cannot reach the database") and done.stderr.count("\n") == 1


def test_a_reader_that_stops_early_gets_no_traceback(tmp_path: Path) -> None:
    """``mdtboard cases | head -1``: the pipe closes while mdtboard still writes (800 lines of 220
    bytes are more than a pipe holds)."""
    many = write_bundle(
        tmp_path / "many.json", *(case(f"P-{i:05d}", f"Patient {i}", title="t" * 200) for i in range(800))
    )
    url = sqlite_url(tmp_path / "pipe.sqlite3")
    assert main(["--database", url, "import", str(many)]) == 0
    proc = subprocess.Popen(
        [*console_script(), "--database", url, "cases"], stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    assert proc.stdout is not None and proc.stderr is not None
    first = proc.stdout.readline()
    proc.stdout.close()  # the reader goes away
    err = proc.stderr.read().decode()
    proc.stderr.close()
    status = proc.wait(timeout=120)
    assert first.startswith(b"P-00000\tPatient 0\t")
    assert "Traceback" not in err and "Error" not in err
    assert status in (0, 1)


# ---------------------------------------------------------------------------- teaching-case


def test_teaching_case_writes_a_draft_that_is_not_fictional_with_replacements_and_open_hints(
    url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    real = case(
        "REAL-93", "Margaret O'Connell", fictional=False,
        patient={"display_name": "Margaret O'Connell", "age": 93, "pronouns": "she/her"},
        title="O'Connell: back pain 14/03/2024",
        psychosocial="Lives at 14 Elm Grove, Ballincollig P31 X2Y4. Daughter Aoife phones 087 123 4567; "
        "neighbour, Tom Reilly, shops. Moved from Kanturk.",
    )
    bundle = write_bundle(tmp_path / "real.json", real)
    assert run(capsys, "--database", url, "import", bundle)[0] == 0
    out = tmp_path / "draft.json"
    status, _out, err = run(
        capsys, "--database", url, "teaching-case", "REAL-93", "--out", out, "--seed", "x")
    assert status == 0 and "not fictional" in err and "1 open hint(s)" in err
    data = json.loads(out.read_text("utf-8"))
    assert data["fictional"] is False and data["case"]["fictional"] is False
    text = json.dumps(data["case"], ensure_ascii=False)
    for real_bit in ("O'Connell", "Margaret", "Elm Grove", "P31", "Aoife", "087 123", "Reilly", "14/03"):
        assert real_bit not in text, real_bit
    assert data["case"]["title"].endswith(": back pain 2024")
    kinds = {r["kind"] for r in data["replacements"]}
    assert {"name", "street address", "postcode or ZIP code", "phone or fax number", "date"} <= kinds
    assert data["open_hints"] == [{"where": "psychosocial", "kind": "town or place", "text": "Kanturk",
                                   "start": data["open_hints"][0]["start"],
                                   "end": data["open_hints"][0]["end"], "proposal": "[town]"}]
    psychosocial = data["case"]["psychosocial"]
    hint = data["open_hints"][0]
    assert psychosocial[hint["start"]:hint["end"]] == "Kanturk"
    assert "psychosocial" in data["fields_to_read"]
    # the real case is unchanged, and no draft was stored
    assert run(capsys, "--database", url, "cases")[1].count("\n") == 1
    # an unknown case is a usage error and writes nothing
    status, _out, err = run(capsys, "--database", url, "teaching-case", "NOPE", "--out", tmp_path / "x.json")
    assert status == 2 and not (tmp_path / "x.json").exists()
