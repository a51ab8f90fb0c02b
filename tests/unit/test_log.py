"""The program's log: record ids, never patient data; SQL parameters hidden, also under --debug."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest

from mdtboard import log as mdtboard_log
from mdtboard.domain.case import Case, Patient
from mdtboard.domain.errors import InvalidInputError, MdtboardError
from mdtboard.services.context import Services
from mdtboard.services.uow import unit_of_work
from mdtboard.storage.db import Database
from mdtboard.storage.models import CaseRow

NAME = "Zoë Privatename"


@pytest.fixture
def log_folder(tmp_path: Path) -> Iterator[Path]:
    mdtboard_log.unconfigure()
    folder = tmp_path / "log"
    yield folder
    mdtboard_log.unconfigure()
    mdtboard_log.configure(debug=False)  # back to the test run's folder and level
    mdtboard_log.unconfigure()


def _flush() -> None:
    for handler in logging.getLogger("mdtboard").handlers:
        handler.flush()


def test_the_log_rotates_in_the_given_folder(log_folder: Path) -> None:
    path = mdtboard_log.configure(folder=log_folder)
    assert path == log_folder / "mdtboard.log" == mdtboard_log.log_file()
    handler = logging.getLogger("mdtboard").handlers[-1]
    assert isinstance(handler, logging.handlers.RotatingFileHandler)
    assert handler.maxBytes == mdtboard_log.MAX_BYTES and handler.backupCount == mdtboard_log.BACKUPS
    logging.getLogger("mdtboard.test").info("case %d saved", 12)
    _flush()
    assert "case 12 saved" in path.read_text("utf-8")
    assert mdtboard_log.configure(folder=log_folder) == path  # a second call adds no second handler
    assert len([h for h in logging.getLogger("mdtboard").handlers if h is handler]) == 1


def test_the_default_folder_is_the_user_log_folder(monkeypatch: pytest.MonkeyPatch) -> None:
    import platformdirs

    monkeypatch.delenv(mdtboard_log.ENV_LOG_DIR, raising=False)
    assert mdtboard_log.log_folder() == Path(platformdirs.user_log_dir("mdtboard", appauthor=False))


def test_a_logged_failure_keeps_its_place_but_not_its_message(log_folder: Path) -> None:
    path = mdtboard_log.configure(folder=log_folder)
    assert path is not None
    try:
        try:
            raise KeyError(NAME)
        except KeyError as inner:
            raise ValueError(f"could not save {NAME}") from inner
    except ValueError:
        logging.getLogger("mdtboard.test").exception("save of case 7 failed")
    _flush()
    text = path.read_text("utf-8")
    assert "save of case 7 failed" in text
    assert "builtins.ValueError" in text and "builtins.KeyError" in text and "test_log.py" in text
    assert "Privatename" not in text


def test_sql_parameters_are_hidden_also_under_debug(log_folder: Path, db: Database) -> None:
    path = mdtboard_log.configure(folder=log_folder, debug=True)
    assert path is not None
    services = Services.on(db)
    services.cases.create(Case(ref="LOG-1", fictional=True, patient=Patient(NAME)))
    with pytest.raises(MdtboardError) as info, unit_of_work(db) as session:
        # the same reference again: the database refuses it, and its message must not quote the row
        session.add(CaseRow(ref="LOG-1", fictional=True, display_name=NAME, has_scores=False, given_lists=""))
        session.flush()
    assert not isinstance(info.value, InvalidInputError)
    assert "Privatename" not in str(info.value)
    assert info.value.__cause__ is not None and "Privatename" not in str(info.value.__cause__)
    _flush()
    text = path.read_text("utf-8")
    assert "INSERT INTO cases" in text  # the statements are logged under --debug
    assert "parameters hidden" in text
    assert "Privatename" not in text


def _file_handlers() -> list[logging.Handler]:
    return [h for h in logging.getLogger("mdtboard").handlers if isinstance(h, logging.FileHandler)]


def test_the_command_line_s_deferred_log_opens_its_file_at_the_first_record(log_folder: Path) -> None:
    assert mdtboard_log.configure(folder=log_folder, deferred=True) is None
    assert not log_folder.exists()  # nothing made, nothing imported for it, until a record comes
    assert _file_handlers() == []
    logging.getLogger("mdtboard.test").info("case %d saved", 12)
    _flush()
    (handler,) = _file_handlers()
    assert isinstance(handler, logging.handlers.RotatingFileHandler)
    assert handler in logging.getLogger("sqlalchemy").handlers
    assert mdtboard_log.log_file() == log_folder / "mdtboard.log"
    assert "case 12 saved" in mdtboard_log.log_file().read_text("utf-8")
    logging.getLogger("mdtboard.test").info("case %d saved", 13)
    assert mdtboard_log.configure(folder=log_folder, deferred=True) == mdtboard_log.log_file()
    _flush()
    assert _file_handlers() == [handler]
    assert "case 13 saved" in mdtboard_log.log_file().read_text("utf-8")


def test_configuring_after_a_deferred_log_opens_the_file_at_once(log_folder: Path) -> None:
    mdtboard_log.configure(folder=log_folder, deferred=True)
    assert mdtboard_log.configure(folder=log_folder) == log_folder / "mdtboard.log"
    assert len(_file_handlers()) == 1
    assert len(logging.getLogger("mdtboard").handlers) == len(_file_handlers())


def test_a_deferred_log_that_cannot_be_written_says_so_once_and_drops_records(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("not a folder", encoding="utf-8")
    mdtboard_log.unconfigure()
    try:
        mdtboard_log.configure(folder=blocked / "log", deferred=True)
        logging.getLogger("mdtboard.test").info("case 1 saved")
        logging.getLogger("mdtboard.test").info("case 2 saved")
        err = capsys.readouterr().err
        assert err.count("mdtboard: cannot write the log in") == 1
        assert "case" not in err
        assert _file_handlers() == []
    finally:
        mdtboard_log.unconfigure()
        mdtboard_log.configure(debug=False)
        mdtboard_log.unconfigure()
