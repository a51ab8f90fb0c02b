"""Compile the Qt Designer forms in ``ui/*.ui`` into ``src/mdtboard/ui/forms/ui_<name>.py``.

The ``.ui`` files are the one place a form's layout is edited; the compiled modules are committed, marked
generated, and a test fails when they drift from ``ui/``. Run ``make forms`` after editing a form.

uic imports the same long list of PySide6 classes into every form (gradients, fonts, images, painters...);
each class imported makes PySide build its Python type and enums then, which for the main window's form
cost about 10 ms of start-up before its first paint. The PySide6 imports are therefore trimmed to the
names the form uses.
"""

from __future__ import annotations

import argparse
import ast
import subprocess
import sys
import textwrap
from pathlib import Path

import PySide6

ROOT = Path(__file__).resolve().parents[3]
UI_DIR = ROOT / "ui"
FORMS_DIR = Path(__file__).resolve().parent / "forms"
HEADER = "# Generated from ui/{name} by `make forms` (pyside6-uic). Do not edit: edit the .ui file.\n"


def uic_path() -> Path:
    qt = Path(PySide6.__file__).parent
    for candidate in (
        qt / "Qt" / "libexec" / "uic",
        qt / "uic",
        qt / "uic.exe",
        qt / "Qt" / "libexec" / "uic.exe",
    ):
        if candidate.exists():
            return candidate
    raise FileNotFoundError("Qt's uic was not found beside PySide6")


def compile_form(ui_file: Path) -> str:
    """The Python source of one form, with uic's version-stamped banner replaced by ours."""
    out = subprocess.run(
        [str(uic_path()), "-g", "python", "--no-autoconnection", str(ui_file)],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    body = [line for line in out.splitlines() if not line.startswith("##")]
    while body and not body[0].strip():
        body.pop(0)
    return HEADER.format(name=ui_file.name) + trim_imports("\n".join(body) + "\n")


def trim_imports(source: str) -> str:
    """``source`` with each ``from PySide6.<module> import (...)`` cut down to the names it uses (an import
    left with none is dropped)."""
    tree = ast.parse(source)
    used = {node.id for node in ast.walk(tree) if isinstance(node, ast.Name)}
    lines = source.splitlines()
    for node in sorted(tree.body, key=lambda n: n.lineno, reverse=True):
        if not (isinstance(node, ast.ImportFrom) and (node.module or "").startswith("PySide6.")):
            continue
        names = [alias.name for alias in node.names if alias.asname is None and alias.name in used]
        kept = textwrap.wrap(
            f"from {node.module} import ({', '.join(names)})",
            width=100,
            subsequent_indent="    ",
            break_on_hyphens=False,
        )
        assert node.end_lineno is not None
        lines[node.lineno - 1 : node.end_lineno] = kept if names else []
    return "\n".join(lines) + "\n"


def target_for(ui_file: Path) -> Path:
    return FORMS_DIR / f"ui_{ui_file.stem}.py"


def build(check: bool = False) -> list[Path]:
    """Write every compiled form (or, with ``check``, list those that differ from ui/)."""
    FORMS_DIR.mkdir(exist_ok=True)
    init = FORMS_DIR / "__init__.py"
    if not init.exists():
        init.write_text('"""Forms compiled from ui/*.ui by `make forms`. Generated code: do not edit."""\n')
    stale = []
    for ui_file in sorted(UI_DIR.glob("*.ui")):
        source = compile_form(ui_file)
        target = target_for(ui_file)
        if not target.exists() or target.read_text("utf-8") != source:
            stale.append(target)
            if not check:
                target.write_text(source, "utf-8")
    return stale


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--check", action="store_true", help="only report forms that differ from ui/")
    args = parser.parse_args()
    stale = build(check=args.check)
    for path in stale:
        print(("out of date: " if args.check else "wrote ") + str(path.relative_to(ROOT)))
    return 1 if args.check and stale else 0


if __name__ == "__main__":
    sys.exit(main())
