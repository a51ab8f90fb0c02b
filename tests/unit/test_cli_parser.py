"""The command line's arguments are parsed by the parser of the one command named, which must answer
exactly what the parser of every command answers: the same values, and for anything else (help, usage
errors) the whole parser's own output."""

from __future__ import annotations

import argparse
import subprocess
import sys

import pytest

from mdtboard import cli
from mdtboard.cli_parser import COMMAND_NAMES, Retry, build_parser, command_word, gui_arguments, parse_args

PARSED = [
    ["cases"],
    ["cases", "--search", "Nguyễn smith", "--archived"],
    ["--database", "sqlite:///x.sqlite3", "cases", "--search", "zoe"],
    ["--database=sqlite:///x.sqlite3", "--debug", "cases"],
    ["--debug", "care-plan", "MDT-001", "--pdf", "out.pdf", "--for", "gp", "--no-summary"],
    ["import", "a.json", "b.json"],
    ["export", "out.json", "--case", "MDT-001", "--case", "MDT-002"],
    ["minutes", "3", "--pdf", "m.pdf"],
    ["changes", "--since", "0", "--follow"],
    ["account", "add", "ana", "--name", "Ana Ruiz", "--role", "member", "--role", "chair", "--by", "admin"],
    ["account", "deactivate", "ana", "--by", "admin"],
    ["audit", "show", "--case", "MDT-001"],
    ["database", "encrypt"],
    ["teaching-case", "MDT-001", "--out", "d.json", "--seed", "s"],
    ["backup", "b.sqlite3"],
    ["restore", "b.sqlite3"],
    ["demo"],
    ["conferences"],
    ["fhir", "MDT-001", "--out", "f.json"],
]


def test_every_command_is_named_once() -> None:
    assert set(COMMAND_NAMES) == {name for name in cli.COMMANDS if name is not None}
    assert len(COMMAND_NAMES) == len(set(COMMAND_NAMES))
    whole = build_parser()
    commands = next(a for a in whole._actions if isinstance(a, argparse._SubParsersAction))
    assert tuple(commands.choices) == COMMAND_NAMES


@pytest.mark.parametrize("argv", PARSED, ids=lambda argv: " ".join(argv))
def test_one_command_s_parser_parses_as_the_whole_parser(argv: list[str]) -> None:
    assert command_word(argv) == next(w for w in argv if not w.startswith("-") and w in COMMAND_NAMES)
    assert vars(build_parser(command_word(argv), retry=True).parse_args(argv)) == vars(
        build_parser().parse_args(argv)
    )
    assert vars(parse_args(argv)) == vars(build_parser().parse_args(argv))


@pytest.mark.parametrize(
    "argv",
    [["--help"], ["--debug", "--help"], ["--datab", "x", "cases"], ["--version"], ["nosuch"], [],
     ["--database"], ["-h", "cases"]],
)
def test_anything_else_is_left_to_the_whole_parser(argv: list[str]) -> None:
    assert command_word(argv) is None


@pytest.mark.parametrize(
    "argv",
    [["cases", "--bogus"], ["minutes", "abc", "--pdf", "x"], ["account"], ["care-plan", "X", "--pdf"],
     ["changes", "--since", "x"], ["care-plan", "X", "--pdf", "o.pdf", "--for", "mum"]],
)
def test_an_error_is_said_by_the_whole_parser(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(Retry):
        build_parser(argv[0], retry=True).parse_args(argv)
    assert capsys.readouterr() == ("", "")  # the one command's parser said nothing
    with pytest.raises(SystemExit) as whole:
        build_parser().parse_args(argv)
    said = capsys.readouterr()
    with pytest.raises(SystemExit) as parsed:
        parse_args(argv)
    assert (parsed.value.code, capsys.readouterr()) == (whole.value.code, said) == (2, said)
    assert said.err.startswith("usage: mdtboard")


@pytest.mark.parametrize("argv", [["cases", "--help"], ["care-plan", "-h"], ["account", "add", "--help"]])
def test_a_command_s_help_is_the_same(argv: list[str]) -> None:
    env = {"COLUMNS": "72", "PATH": ""}
    whole = (
        "import sys; from mdtboard.cli_parser import build_parser; build_parser().parse_args(sys.argv[1:])"
    )
    one = "import sys; from mdtboard.cli import main; main(sys.argv[1:])"
    said = [
        subprocess.run(
            [sys.executable, "-c", code, *argv], capture_output=True, text=True, env=env, check=False
        )
        for code in (whole, one)
    ]
    assert said[0].returncode == said[1].returncode == 0
    assert said[0].stdout == said[1].stdout
    assert said[0].stdout.startswith(f"usage: mdtboard {' '.join(a for a in argv if not a.startswith('-'))}")


@pytest.mark.parametrize(
    "argv",
    [[], ["--debug"], ["--database", "sqlite:///x.sqlite3"], ["--database=postgresql://u@h/db", "--debug"],
     ["--debug", "--database", "a", "--database", "b"], ["--database="]],
    ids=lambda argv: " ".join(argv) or "(none)",
)
def test_the_desktop_program_s_options_are_read_as_the_whole_parser_reads_them(argv: list[str]) -> None:
    gui = gui_arguments(argv)
    assert gui is not None
    assert vars(gui) == vars(build_parser().parse_args(argv))
    assert vars(parse_args(argv)) == vars(build_parser().parse_args(argv))


@pytest.mark.parametrize(
    "argv",
    [["--database"], ["--database", "--debug"], ["--datab", "x"], ["--help"], ["--version"], ["cases"],
     ["--debug", "cases"], ["nosuch"], ["-h"]],
)
def test_anything_but_the_desktop_program_s_options_goes_to_the_parser(argv: list[str]) -> None:
    assert gui_arguments(argv) is None


def test_starting_the_desktop_program_does_not_import_argparse() -> None:
    """Reading ``--database URL`` needs no argparse (a tenth of the time to the window's first paint)."""
    code = (
        "import sys\n"
        "from mdtboard.cli_parser import parse_args\n"
        "args = parse_args(['--database', 'sqlite:///x.sqlite3', '--debug'])\n"
        "print(args.command, args.database, args.debug, 'argparse' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["None", "sqlite:///x.sqlite3", "True", "False"]
