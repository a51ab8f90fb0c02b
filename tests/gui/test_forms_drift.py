"""The compiled forms in src/mdtboard/ui/forms are exactly what ui/*.ui compiles to."""

from __future__ import annotations

from mdtboard.ui import build_forms


def test_every_ui_file_has_a_compiled_form() -> None:
    ui_files = sorted(build_forms.UI_DIR.glob("*.ui"))
    assert ui_files, "no Designer forms found in ui/"
    for ui_file in ui_files:
        assert build_forms.target_for(ui_file).exists(), f"{ui_file.name} was never compiled: run make forms"


def test_compiled_forms_match_ui_sources() -> None:
    stale = build_forms.build(check=True)
    assert stale == [], f"forms out of date with ui/ (run make forms): {stale}"
