"""The packaged program, run as on a meeting-room PC: no Python, no virtual environment, no source tree.

The session fixture ``bundle`` builds the bundle with ``packaging/build.py --if-stale`` when ``dist/`` is
missing or older than the sources (a few minutes; once per test run, however many pytest workers) and
fails the run when the build fails. While the tests run, no other build in the tree can replace ``dist/``.
``MDTBOARD_SKIP_BUNDLE=1`` skips these tests, with that reason in the summary; CI does not set it.

Every run of the bundle gets a clean environment (no PYTHONPATH, no virtual environment on PATH, a fresh
home, settings and data folder), runs in a temporary folder, and uses Qt's offscreen platform.
"""

from __future__ import annotations

import ast
import configparser
import importlib.util
import json
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
import sqlalchemy as sa
from PIL import Image
from pypdf import PdfReader
from pypdf.generic import DictionaryObject

import mdtboard
from mdtboard.storage.db import head_revision, sqlite_url

try:
    import fcntl
except ImportError:  # Windows: pytest-xdist workers there may build twice
    fcntl = None  # type: ignore[assignment]

ROOT = Path(__file__).resolve().parents[2]
BUILD_SCRIPT = ROOT / "packaging" / "build.py"
STAMP = ROOT / "dist" / "mdtboard-build.json"
SAMPLE_CASES = ROOT / "tests" / "data" / "sample-cases.json"
SKIP_VARIABLE = "MDTBOARD_SKIP_BUNDLE"
BUILD_TIMEOUT_S = 1800
RUN_TIMEOUT_S = 180
IS_LINUX = sys.platform.startswith("linux")
linux_only = pytest.mark.skipif(not IS_LINUX, reason="the tarball, install.sh and ldd are Linux's")


@dataclass(frozen=True)
class Bundle:
    info: dict[str, Any]

    @property
    def executable(self) -> Path:
        return ROOT / self.info["executable"]

    @property
    def folder(self) -> Path:
        return ROOT / self.info["bundle"]

    @property
    def internal(self) -> Path:
        """Where PyInstaller puts the libraries and data (``sys._MEIPASS``)."""
        if self.info["system"] == "macos":
            return self.folder / "Contents" / "Frameworks"
        return self.folder / "_internal"


@pytest.fixture(scope="session")
def bundle() -> Iterator[Bundle]:
    """The built bundle, up to date with the sources when the test run began; ``dist/`` stays as it is
    (no other build in this tree may start) until the run ends."""
    if os.environ.get(SKIP_VARIABLE) == "1":
        pytest.skip(f"{SKIP_VARIABLE}=1: the packaged program was neither built nor tested")
    log = ROOT / "build" / f"package-test-{os.environ.get('PYTEST_XDIST_WORKER', 'main')}.log"
    status = build_once_per_test_run(log)
    if status != 0:
        tail = "\n".join(log.read_text("utf-8", errors="replace").splitlines()[-40:])
        pytest.fail(f"packaging/build.py failed with status {status}; end of {log}:\n{tail}")
    with packaging_build().bundle_lock(shared=True):
        if not STAMP.exists():
            pytest.fail(f"{STAMP} is missing: another build in this tree failed after ours")
        yield Bundle(json.loads(STAMP.read_text("utf-8")))


def packaging_build() -> ModuleType:
    """``packaging/build.py`` as a module (it is a script, not part of the mdtboard package)."""
    spec = importlib.util.spec_from_file_location("mdtboard_packaging_build", BUILD_SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def build_once_per_test_run(log: Path) -> int:
    """Run ``packaging/build.py --if-stale`` once per test run, whatever the number of pytest workers.

    The workers of one run (pytest-xdist gives them one run id) take turns through a lock file of their
    own run: the first builds and notes it; the others then use what is in ``dist/``. So no worker that
    already holds ``dist/`` (the shared lock in the fixture) ever waits for a build: that would deadlock.
    """
    run_id = os.environ.get("PYTEST_XDIST_TESTRUNUID") or f"{os.getpid()}-{time.time_ns()}"
    locks = ROOT / "build" / "package-test-locks"
    locks.mkdir(parents=True, exist_ok=True)
    built = locks / f"{run_id}.built"
    with open(locks / f"{run_id}.lock", "a") as lock:
        if fcntl is not None:
            fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file is closed
        if built.exists():
            return 0
        with log.open("w", encoding="utf-8") as out:
            done = subprocess.run(
                [sys.executable, str(BUILD_SCRIPT), "--if-stale"],
                cwd=ROOT,
                stdout=out,
                stderr=subprocess.STDOUT,
                timeout=BUILD_TIMEOUT_S,
                check=False,
            )
        if done.returncode == 0:
            built.touch()
        return done.returncode


# ---------------------------------------------------------------------------- running the bundle


def clean_environment(home: Path, **extra: str) -> dict[str, str]:
    """What a fresh desktop session gives the program: system PATH only, a new home, no Python variables."""
    env = {
        "PATH": os.pathsep.join(["/usr/local/bin", "/usr/bin", "/bin"]),
        "HOME": str(home),
        "LANG": "C.UTF-8",
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_CACHE_HOME": str(home / "cache"),
    }
    if sys.platform == "win32":
        system_root = os.environ.get("SYSTEMROOT", r"C:\Windows")
        env |= {"SYSTEMROOT": system_root, "PATH": rf"{system_root}\System32;{system_root}"}
        env |= {"TEMP": str(home), "TMP": str(home), "APPDATA": str(home / "config")}
    env |= extra
    assert not [key for key in env if key.startswith("PYTHON") or key == "VIRTUAL_ENV"]
    assert str(Path(sys.executable).parent) not in env["PATH"].split(os.pathsep)
    return env


def run(
    bundle: Bundle, *args: str, cwd: Path, env: dict[str, str] | None = None, status: int = 0
) -> subprocess.CompletedProcess[str]:
    """Run the bundled program with ``args``; fail unless it exits with ``status``."""
    home = cwd / "home"
    home.mkdir(exist_ok=True)
    try:
        done = subprocess.run(
            [str(bundle.executable), *args],
            cwd=cwd,
            env=env if env is not None else clean_environment(home),
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=RUN_TIMEOUT_S,
            check=False,
        )
    except subprocess.TimeoutExpired as exc:
        pytest.fail(
            f"mdtboard {' '.join(args)} did not finish within {RUN_TIMEOUT_S} s\n"
            f"stdout:\n{exc.stdout}\nstderr:\n{exc.stderr}"
        )
    assert done.returncode == status, (
        f"mdtboard {' '.join(args)} exited with {done.returncode}, not {status}\n"
        f"stdout:\n{done.stdout}\nstderr:\n{done.stderr}"
    )
    assert "Traceback" not in done.stderr, done.stderr
    return done


def stored_revision(url: str) -> str | None:
    engine = sa.create_engine(url)
    try:
        with engine.connect() as conn:
            return conn.execute(sa.text("SELECT version_num FROM alembic_version")).scalar_one_or_none()
    finally:
        engine.dispose()


def font_problems(reader: PdfReader) -> list[str]:
    """Fonts on any page that are not embedded TrueType (FontFile2); [] when all are."""
    problems: list[str] = []
    seen: set[str] = set()
    for page in reader.pages:
        fonts = page.get("/Resources", {}).get_object().get("/Font")
        for font in (fonts.get_object() if fonts is not None else {}).values():
            font = font.get_object()
            name = str(font.get("/BaseFont"))
            seen.add(name)
            descriptor = font.get("/FontDescriptor")
            if descriptor is None and "/DescendantFonts" in font:
                descriptor = font["/DescendantFonts"][0].get_object().get("/FontDescriptor")
            if descriptor is None:
                problems.append(f"{name}: not embedded (no font descriptor)")
                continue
            descriptor = descriptor.get_object()
            assert isinstance(descriptor, DictionaryObject)
            if "/FontFile2" not in descriptor:
                problems.append(f"{name}: not embedded as TrueType (no FontFile2)")
    return problems if seen else ["the PDF uses no fonts at all"]


# ---------------------------------------------------------------------------- the command line


@pytest.mark.bundle
def test_version_is_the_package_version(bundle: Bundle, tmp_path: Path) -> None:
    done = run(bundle, "--version", cwd=tmp_path)
    assert done.stdout == f"mdtboard {mdtboard.__version__}\n"
    assert bundle.info["version"] == mdtboard.__version__


@pytest.mark.bundle
def test_database_import_and_care_plan_pdf(bundle: Bundle, database_url: str, tmp_path: Path) -> None:
    """A fresh database (migrations run by the bundle), the demo cases, a case bundle, a care-plan PDF."""
    db = ["--database", database_url]
    demo = run(bundle, *db, "demo", cwd=tmp_path)
    teaching = json.loads((ROOT / "resources" / "cases" / "teaching-cases.json").read_text("utf-8"))
    assert [line.split("\t")[0] for line in demo.stdout.splitlines()] == [c["id"] for c in teaching["cases"]]
    assert stored_revision(database_url) == head_revision()

    imported = run(bundle, *db, "import", str(SAMPLE_CASES), cwd=tmp_path)
    assert "MDT-001\tJosé Ñúñez\tcreated" in imported.stdout.splitlines()
    found = run(bundle, *db, "cases", "--search", "nunez", cwd=tmp_path)
    assert found.stdout.splitlines()[0].startswith("MDT-001\tJosé Ñúñez\t")

    pdf = tmp_path / "care plan.pdf"
    run(bundle, *db, "care-plan", "MDT-001", "--pdf", str(pdf), cwd=tmp_path)
    reader = PdfReader(pdf)
    text = " ".join(" ".join(page.extract_text() for page in reader.pages).split())
    assert "José Ñúñez" in text
    assert "MDT-001" in text
    assert font_problems(reader) == []


@pytest.mark.bundle
def test_a_teaching_draft_is_made_with_the_statistical_recogniser(bundle: Bundle, tmp_path: Path) -> None:
    """`teaching-case` in the bundle: the finder's recogniser (CRFsuite's compiled module and the model file,
    loaded on first use) is there, and asks about a name no rule finds ("Anselm", no cue before it)."""
    bundle_file = tmp_path / "real.json"
    data = json.loads(SAMPLE_CASES.read_text("utf-8"))
    case = dict(data["cases"][0], id="REAL-1", fictional=False,
                psychosocial="Lives alone. Plan agreed. Anselm to phone the GP.")
    bundle_file.write_text(json.dumps(dict(data, cases=[case])), "utf-8")
    db = ["--database", sqlite_url(tmp_path / "mdtboard.sqlite3")]
    run(bundle, *db, "import", str(bundle_file), cwd=tmp_path)
    run(bundle, *db, "teaching-case", "REAL-1", "--out", str(tmp_path / "draft.json"), cwd=tmp_path)
    draft = json.loads((tmp_path / "draft.json").read_text("utf-8"))
    assert draft["fictional"] is False
    assert {(h["where"], h["text"]) for h in draft["open_hints"]} >= {("psychosocial", "Anselm")}


@pytest.mark.bundle
def test_without_a_keyring_the_bundled_program_encrypts_nothing_and_says_what_is_missing(
    bundle: Bundle, tmp_path: Path
) -> None:
    """A fresh session without a desktop keyring (no Secret Service): the bundled keyring package answers
    that none can be used, and the database stays as it was."""
    path = tmp_path / "plain.sqlite3"
    db = ["--database", sqlite_url(path)]
    run(bundle, *db, "demo", cwd=tmp_path)
    before = path.read_bytes()
    refused = run(bundle, *db, "database", "encrypt", cwd=tmp_path, status=1)
    assert "keyring" in refused.stderr and "Secret Service" in refused.stderr, refused.stderr
    assert "Nothing was created or changed" in refused.stderr
    assert path.read_bytes() == before


@pytest.mark.bundle
def test_a_bad_case_bundle_is_refused_and_nothing_changes(
    bundle: Bundle, sqlite_database_url: str, tmp_path: Path
) -> None:
    """The bundled JSON schema and its meta-schemas are there: a wrong file is refused, field by field."""
    db = ["--database", sqlite_database_url]
    run(bundle, *db, "import", str(SAMPLE_CASES), cwd=tmp_path)
    before = run(bundle, *db, "cases", cwd=tmp_path).stdout
    bad = tmp_path / "bad.json"
    wrong = {"format": "mdtboard.case-bundle", "version": 1, "cases": [{"id": 7}]}
    bad.write_text(json.dumps(wrong), "utf-8")
    refused = run(bundle, *db, "import", str(bad), cwd=tmp_path, status=2)
    assert "bad.json" in refused.stderr and "Nothing was changed" in refused.stderr
    assert "cases[0]" in refused.stderr
    assert run(bundle, *db, "cases", cwd=tmp_path).stdout == before


# ---------------------------------------------------------------------------- the desktop program


@pytest.mark.bundle
def test_desktop_program_starts_opens_its_database_and_quits(
    bundle: Bundle, sqlite_database_url: str, tmp_path: Path
) -> None:
    """The window is shown on the offscreen platform, opens (and creates) its database, then quits by itself
    (``MDTBOARD_SMOKE_EXIT_MS``) with status 0."""
    home = tmp_path / "home"
    env = clean_environment(home, MDTBOARD_SMOKE_EXIT_MS="1500")
    run(bundle, "--database", sqlite_database_url, cwd=tmp_path, env=env)
    assert stored_revision(sqlite_database_url) == head_revision()


# ---------------------------------------------------------------------------- what the bundle holds


@pytest.mark.bundle
def test_bundle_holds_what_mdtboard_needs_and_not_what_it_does_not(bundle: Bundle) -> None:
    internal = bundle.internal
    data = internal / "mdtboard"
    for needed in (
        "resources/fonts/DejaVuSans.ttf",
        "resources/fonts/LICENSE-DejaVu.txt",
        "resources/icons/mdtboard.svg",
        "resources/cases/teaching-cases.json",
        "interchange/case-bundle.schema.json",
        "storage/migrations/env.py",
        "storage/migrations/script.py.mako",
    ):
        assert (data / needed).is_file(), needed
    source_versions = sorted(p.name for p in (ROOT / "src/mdtboard/storage/migrations/versions").glob("*.py"))
    assert sorted(p.name for p in (data / "storage/migrations/versions").glob("*.py")) == source_versions

    names = {p.relative_to(internal).as_posix() for p in internal.rglob("*")}
    plugins = {n.split("plugins/", 1)[1] for n in names if "Qt/plugins/" in n}
    wanted_platforms = {"linux": ["offscreen", "xcb"], "windows": ["windows"], "macos": ["cocoa"]}
    for platform_name in wanted_platforms[bundle.info["system"]]:
        assert any(p.startswith("platforms/") and platform_name in p for p in plugins), platform_name
    for folder, plugin in (("imageformats", "svg"), ("iconengines", "svg"), ("printsupport", "")):
        assert any(p.startswith(f"{folder}/") and plugin in p for p in plugins), (folder, plugin)
    extension = ".pyd" if bundle.info["system"] == "windows" else ".abi3.so"
    for module in qt_modules_imported_by_mdtboard():
        assert f"PySide6/{module}{extension}" in names, f"PySide6.{module} is imported but not bundled"
    # encryption at rest: SQLCipher's extension module (imported where it is used); the keyring package is
    # checked by running the bundle (test_without_a_keyring_the_bundled_program_...)
    assert [n for n in names if n.startswith("sqlcipher3/_sqlite3")], "sqlcipher3 is not bundled"
    unwanted = ("WebEngine", "Qt63D", "Qt6Qml", "Qt6Quick", "Qt6Multimedia", "tkinter", "numpy")
    assert [n for n in names if any(u in n for u in unwanted)] == []
    assert not [n for n in names if "/translations/" in n and "PySide6" in n]


def qt_modules_imported_by_mdtboard() -> set[str]:
    found: set[str] = set()
    for path in (ROOT / "src" / "mdtboard").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else []
            if isinstance(node, ast.ImportFrom) and node.module:
                names.append(node.module)
            found.update(n.split(".")[1] for n in names if n.startswith("PySide6.Qt"))
    return found


@linux_only
@pytest.mark.bundle
def test_every_qt_library_and_plugin_finds_what_it_links_against(bundle: Bundle) -> None:
    """The spec drops unused Qt libraries; none that a kept library or plugin needs may go with them."""
    if shutil.which("ldd") is None:
        pytest.fail("ldd is missing; it is part of every glibc system")
    qt = bundle.internal / "PySide6"
    files = [p for p in qt.rglob("*.so*") if p.is_file() and not p.is_symlink()]
    assert len(files) > 20
    missing: list[str] = []
    for path in files:
        done = subprocess.run(["ldd", str(path)], capture_output=True, text=True, check=False)
        missing += [
            f"{path.relative_to(qt)}: {line.strip()}"
            for line in done.stdout.splitlines()
            if "not found" in line and "Qt6" in line
        ]
    assert missing == []


# ---------------------------------------------------------------------------- the Linux tarball


@pytest.fixture
def unpacked(bundle: Bundle, tmp_path: Path) -> Path:
    archive = ROOT / bundle.info["archive"]
    assert archive.name == f"mdtboard-{mdtboard.__version__}-linux-{bundle.info['machine']}.tar.gz"
    subprocess.run(["tar", "-xzf", str(archive), "-C", str(tmp_path)], check=True)
    (folder,) = [p for p in tmp_path.iterdir() if p.is_dir()]
    assert folder.name == archive.name.removesuffix(".tar.gz")
    return folder


@linux_only
@pytest.mark.bundle
def test_tarball_installs_runs_and_uninstalls(unpacked: Path, tmp_path: Path) -> None:
    root = tmp_path / "root"
    env = clean_environment(tmp_path / "home", DESTDIR=str(root))
    installed = subprocess.run(
        ["sh", str(unpacked / "install.sh")], env=env, capture_output=True, text=True, check=False
    )
    assert installed.returncode == 0, installed.stderr
    assert f"mdtboard {mdtboard.__version__} installed" in installed.stdout

    link = root / "usr/local/bin/mdtboard"
    assert os.readlink(link) == "/opt/mdtboard/mdtboard"
    program = root / "opt/mdtboard/mdtboard"
    version = subprocess.run(
        [str(program), "--version"], env=env, cwd=tmp_path, capture_output=True, text=True, check=False
    )
    assert version.stdout == f"mdtboard {mdtboard.__version__}\n"
    entry = desktop_entry(root / "usr/share/applications/mdtboard.desktop")
    assert entry["Exec"] == "/opt/mdtboard/mdtboard"
    assert (root / f"usr/share/icons/hicolor/scalable/apps/{entry['Icon']}.svg").is_file()
    with Image.open(root / f"usr/share/icons/hicolor/256x256/apps/{entry['Icon']}.png") as icon:
        assert icon.size == (256, 256)

    # Installing again over the first copy (an upgrade) works and leaves no staging folders behind.
    again = subprocess.run(["sh", str(unpacked / "install.sh")], env=env, capture_output=True, text=True)
    assert again.returncode == 0, again.stderr
    assert sorted(p.name for p in (root / "opt").iterdir()) == ["mdtboard"]

    removed = subprocess.run(
        ["sh", str(unpacked / "install.sh"), "--uninstall"], env=env, capture_output=True, text=True
    )
    assert removed.returncode == 0, removed.stderr
    leftovers = [p for p in root.rglob("*") if p.is_file() or p.is_symlink()]
    assert leftovers == []


# ---------------------------------------------------------------------------- files the build needs


def desktop_entry(path: Path) -> dict[str, str]:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read(path, encoding="utf-8")
    return dict(parser["Desktop Entry"])


def test_desktop_entry_is_complete() -> None:
    entry = desktop_entry(ROOT / "packaging/linux/mdtboard.desktop")
    assert entry["Type"] == "Application"
    assert entry["Name"] == "mdtboard"
    assert entry["Exec"] == entry["TryExec"] == "/opt/mdtboard/mdtboard"
    assert entry["Icon"] == "mdtboard"
    assert entry["Terminal"] == "false"
    assert entry["Categories"].split(";")[:2] == ["Office", "MedicalSoftware"]
    assert entry["Categories"].endswith(";")


@pytest.mark.parametrize(
    ("name", "sizes"),
    [
        ("mdtboard.ico", {16, 24, 32, 48, 64, 128, 256}),
        ("mdtboard.icns", {16, 32, 128, 256, 512}),
    ],
)
def test_windows_and_macos_icons_hold_every_size(name: str, sizes: set[int]) -> None:
    with Image.open(ROOT / "packaging/icons" / name) as icon:
        found = {int(size[0]) for size in icon.info["sizes"]}
    assert sizes <= found


def test_linux_icons_are_the_sizes_they_are_named() -> None:
    files = sorted((ROOT / "packaging/icons/png").glob("mdtboard-*.png"))
    assert files
    for path in files:
        size = int(path.stem.removeprefix("mdtboard-"))
        with Image.open(path) as icon:
            assert icon.size == (size, size), path.name
            assert icon.mode == "RGBA"
