"""Build mdtboard's bundle for the machine this runs on: ``make package`` (or ``python packaging/build.py``).

Runs PyInstaller on ``packaging/mdtboard.spec`` (one folder, no UPX) and then, by system:

* Linux: ``dist/mdtboard/`` and the tarball ``dist/mdtboard-<version>-linux-<machine>.tar.gz`` holding the
  bundle, the menu entry (``linux/mdtboard.desktop``), the icons and ``linux/install.sh``;
* Windows: ``dist/mdtboard/`` (``mdtboard.exe`` windowed, ``mdtboard-cli.exe`` with a console) and a zip;
* macOS: ``dist/mdtboard.app`` and a zip of it (made with ``ditto``, which keeps the frameworks' links).

It prints the bundle's size on disk and the archive's size, and writes them with the version and the
time and a fingerprint of the sources to ``dist/mdtboard-build.json``, which tells whether the bundle is
older than the sources (``--if-stale`` builds only then; the smoke test in ``tests/packaging`` uses it).
Two builds never run at once in one tree, nor a build while a test or benchmark uses ``dist/``: see
:func:`bundle_lock`.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import importlib.metadata
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import tarfile
import time
from collections.abc import Iterable, Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "packaging"
SPEC = PACKAGING / "mdtboard.spec"
DIST = ROOT / "dist"
WORK = ROOT / "build"
BUNDLE = DIST / "mdtboard"
STAMP = DIST / "mdtboard-build.json"
LOCK = WORK / "package.lock"
#: What the bundle is made from: a file here newer than the stamp means the bundle is out of date.
SOURCES = ("src/mdtboard", "resources", "packaging", "pyproject.toml")
#: The Linux icon sizes installed into the hicolor theme (besides the SVG).
LINUX_ICON_SIZES = (16, 32, 48, 64, 128, 256, 512)


def version() -> str:
    """mdtboard's version, from the one place it is written (``src/mdtboard/__init__.py``)."""
    text = (ROOT / "src" / "mdtboard" / "__init__.py").read_text("utf-8")
    match = re.search(r'^__version__\s*=\s*"([^"]+)"', text, re.MULTILINE)
    if match is None:
        raise SystemExit("build: no __version__ in src/mdtboard/__init__.py")
    return match.group(1)


def system() -> str:
    return {"win32": "windows", "darwin": "macos"}.get(sys.platform, "linux")


def machine() -> str:
    name = platform.machine().lower()
    return {"amd64": "x86_64", "x64": "x86_64", "aarch64": "arm64"}.get(name, name)


def executable() -> Path:
    """The bundled program a person or a test starts."""
    if system() == "windows":
        return BUNDLE / "mdtboard-cli.exe"
    if system() == "macos":
        return DIST / "mdtboard.app" / "Contents" / "MacOS" / "mdtboard"
    return BUNDLE / "mdtboard"


# ---------------------------------------------------------------------------- sizes


def disk_usage(path: Path) -> int:
    """Bytes ``path`` takes on disk, as ``du`` counts them (allocated blocks; links not followed)."""
    if path.is_file():
        return _allocated(path)
    total = 0
    for folder, dirs, files in os.walk(path):
        for name in (*dirs, *files):
            total += _allocated(Path(folder) / name)
    return total + _allocated(path)


def _allocated(path: Path) -> int:
    st = path.lstat()
    blocks = getattr(st, "st_blocks", None)
    return blocks * 512 if blocks is not None else st.st_size


def megabytes(size: int) -> str:
    return f"{size / 2**20:.1f} MiB"


# ---------------------------------------------------------------------------- freshness


def source_fingerprint() -> str:
    """A digest of the name, size and modification time of every source file and of the name and version
    of every package installed in this Python: changes with any edit, upgrade or downgrade."""
    digest = hashlib.sha256()
    for name in SOURCES:
        for path in sorted(_files(ROOT / name)):
            st = path.stat()
            digest.update(f"{path.relative_to(ROOT).as_posix()}\0{st.st_size}\0{st.st_mtime_ns}\n".encode())
    installed = sorted(f"{d.metadata['Name']}=={d.version}" for d in importlib.metadata.distributions())
    digest.update("\n".join(installed).encode())
    return digest.hexdigest()


def _files(path: Path) -> Iterator[Path]:
    if path.is_file():
        yield path
        return
    for folder, dirs, files in os.walk(path):
        dirs[:] = [d for d in dirs if d != "__pycache__"]
        for name in files:
            if not name.endswith(".pyc"):
                yield Path(folder) / name


def stale_reason() -> str | None:
    """Why the bundle must be built again, or None when it was built from the sources as they are."""
    if not STAMP.exists() or not executable().exists():
        return "there is no finished build in dist/"
    try:
        built = json.loads(STAMP.read_text("utf-8"))
    except (OSError, ValueError):
        return f"{STAMP.relative_to(ROOT)} cannot be read"
    if built.get("version") != version() or built.get("system") != system():
        return "the build in dist/ is of another version or system"
    if built.get("sources") != source_fingerprint():
        return "the sources or the installed packages changed since the last build"
    return None


@contextlib.contextmanager
def bundle_lock(*, shared: bool = False) -> Iterator[None]:
    """Hold ``build/package.lock`` (POSIX ``flock``): exclusively to build, shared to use ``dist/``.

    A build waits for the builds and the users (smoke tests, benchmarks) before it, and they wait for it,
    so ``dist/`` never changes under a running test, even with several people testing in one tree.
    """
    LOCK.parent.mkdir(exist_ok=True)
    try:
        import fcntl
    except ImportError:  # Windows: one build at a time is up to the person
        yield
        return
    with open(LOCK, "a") as handle:
        fcntl.flock(handle, fcntl.LOCK_SH if shared else fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


# ---------------------------------------------------------------------------- building


def windows_version_file(path: Path, text_version: str) -> None:
    """The version resource of the Windows executables (shown under Properties > Details)."""
    numbers = [int(n) for n in re.findall(r"\d+", text_version)[:4]]
    numbers += [0] * (4 - len(numbers))
    tuple_text = ", ".join(map(str, numbers))
    strings = {
        "CompanyName": "mdtboard",
        "FileDescription": "mdtboard: multidisciplinary pain-medicine case conferences",
        "FileVersion": text_version,
        "InternalName": "mdtboard",
        "OriginalFilename": "mdtboard.exe",
        "ProductName": "mdtboard",
        "ProductVersion": text_version,
    }
    entries = ",\n            ".join(f"StringStruct({k!r}, {v!r})" for k, v in strings.items())
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        f"""VSVersionInfo(
  ffi=FixedFileInfo(filevers=({tuple_text}), prodvers=({tuple_text}), mask=0x3f, flags=0x0, OS=0x40004,
                    fileType=0x1, subtype=0x0, date=(0, 0)),
  kids=[
    StringFileInfo([StringTable('040904B0', [
            {entries}])]),
    VarFileInfo([VarStruct('Translation', [1033, 1200])])
  ]
)
""",
        encoding="utf-8",
    )


def run_pyinstaller() -> None:
    if system() == "windows":
        windows_version_file(WORK / "windows-version.txt", version())
    command = [
        sys.executable,
        "-m",
        "PyInstaller",
        "--noconfirm",
        "--log-level",
        "WARN",
        "--distpath",
        str(DIST),
        "--workpath",
        str(WORK / "pyinstaller"),
        str(SPEC),
    ]
    print("build: " + " ".join(command), flush=True)
    done = subprocess.run(command, cwd=ROOT, check=False)
    if done.returncode != 0:
        raise SystemExit(f"build: PyInstaller failed with status {done.returncode}")


def _tar_filter(info: tarfile.TarInfo) -> tarfile.TarInfo:
    info.uid = info.gid = 0
    info.uname = info.gname = "root"
    return info


def linux_tarball(folder_name: str) -> Path:
    """``dist/<folder_name>.tar.gz``: the bundle, menu entry, icons, install script and a short note."""
    linux = PACKAGING / "linux"
    members: list[tuple[Path, str]] = [
        (BUNDLE, "mdtboard"),
        (linux / "install.sh", "install.sh"),
        (linux / "mdtboard.desktop", "mdtboard.desktop"),
        (linux / "INSTALL.txt", "INSTALL.txt"),
        (ROOT / "resources" / "icons" / "mdtboard.svg", "icons/mdtboard.svg"),
        *(
            (PACKAGING / "icons" / "png" / f"mdtboard-{size}.png", f"icons/mdtboard-{size}.png")
            for size in LINUX_ICON_SIZES
        ),
    ]
    out = DIST / f"{folder_name}.tar.gz"
    partial = out.with_name(out.name + ".partial")
    with tarfile.open(partial, "w:gz", compresslevel=6) as tar:
        for source, name in members:
            tar.add(source, arcname=f"{folder_name}/{name}", filter=_tar_filter)
    os.replace(partial, out)
    return out


def zip_archive(folder_name: str) -> Path:
    out = DIST / f"{folder_name}.zip"
    out.unlink(missing_ok=True)
    if system() == "macos":
        app = DIST / "mdtboard.app"
        subprocess.run(["ditto", "-c", "-k", "--keepParent", str(app), str(out)], check=True)
    else:
        shutil.make_archive(str(DIST / folder_name), "zip", root_dir=DIST, base_dir="mdtboard")
    return out


def build() -> dict[str, object]:
    started = time.monotonic()
    sources = source_fingerprint()  # before building: an edit made meanwhile makes the next check stale
    STAMP.unlink(missing_ok=True)
    run_pyinstaller()
    program = executable()
    if not program.exists():
        raise SystemExit(f"build: PyInstaller finished but {program} is missing")
    folder_name = f"mdtboard-{version()}-{system()}-{machine()}"
    archive = linux_tarball(folder_name) if system() == "linux" else zip_archive(folder_name)
    bundle = DIST / "mdtboard.app" if system() == "macos" else BUNDLE
    info: dict[str, object] = {
        "version": version(),
        "system": system(),
        "machine": machine(),
        "python": platform.python_version(),
        "bundle": str(bundle.relative_to(ROOT)),
        "executable": str(program.relative_to(ROOT)),
        "bundle_bytes_on_disk": disk_usage(bundle),
        "bundle_files": sum(1 for _ in _files(bundle)),
        "archive": str(archive.relative_to(ROOT)),
        "archive_bytes": archive.stat().st_size,
        "build_seconds": round(time.monotonic() - started, 1),
        "built_at": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "sources": sources,
    }
    STAMP.write_text(json.dumps(info, indent=1) + "\n", encoding="utf-8")
    return info


def report(info: dict[str, object]) -> Iterable[str]:
    yield f"build: mdtboard {info['version']} for {info['system']}-{info['machine']}"
    yield (
        f"build: bundle {info['bundle']}: {megabytes(int(str(info['bundle_bytes_on_disk'])))} on disk, "
        f"{info['bundle_files']} files"
    )
    yield f"build: archive {info['archive']}: {megabytes(int(str(info['archive_bytes'])))}"
    yield f"build: took {info['build_seconds']} s; start it with {info['executable']}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="packaging/build.py", description=__doc__.splitlines()[0])
    parser.add_argument(
        "--if-stale", action="store_true", help="build only when dist/ is missing or older than the sources"
    )
    args = parser.parse_args(argv)
    with bundle_lock():
        if args.if_stale:
            reason = stale_reason()
            if reason is None:
                print("build: the bundle in dist/ is newer than every source; not building", flush=True)
                return 0
            print(f"build: building because {reason}", flush=True)
        info = build()
    for line in report(info):
        print(line, flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
