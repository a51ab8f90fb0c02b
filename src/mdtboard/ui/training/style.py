"""Colours and the style sheet shared by the training views. Marks never rely on colour alone: a missing
comment also says so in words, a chosen score is also bold and framed."""

from __future__ import annotations

from mdtboard.ui import palette

ERROR = palette.PROBLEM_BORDER
ACCENT = palette.ACCENT
HINT_BACKGROUND = palette.CHANGED_MARK
KEPT_BACKGROUND = palette.KEPT_BACKGROUND

STYLE = f"""
QFrame#RubricRow {{ border: 1px solid {palette.FRAME}; border-radius: 4px; background: {palette.WHITE}; }}
QFrame#RubricRow[current="true"] {{ border: 2px solid {ACCENT}; background: {palette.CURRENT_BACKGROUND}; }}
QFrame#RubricRow[invalid="true"] {{ border: 2px solid {ERROR}; background: {palette.PROBLEM_BACKGROUND}; }}
QLabel#titleLabel {{ font-weight: bold; }}
QLabel[role="anchor"] {{ color: {palette.TEXT}; }}
QLabel[role="scorebox"] {{
    border: 1px solid {palette.SCORE_BORDER};
    border-radius: 3px;
    color: {palette.TEXT};
}}
QLabel[role="scorebox"][chosen="true"] {{
    border: 2px solid {ACCENT}; background: {ACCENT}; color: {palette.WHITE}; font-weight: bold;
}}
QLineEdit[invalid="true"] {{
    border: 2px solid {ERROR};
    border-radius: 3px;
    background: {palette.PROBLEM_BACKGROUND};
}}
QLabel[role="error"] {{ color: {palette.PROBLEM_TEXT}; font-weight: bold; }}
QLabel[role="other"] {{ color: {palette.OTHER_TEXT}; }}
QLabel[role="heading"] {{ font-weight: bold; padding-top: 6px; }}
QLabel#saveState {{ color: {palette.QUIET_TEXT}; }}
"""


def repolish(widget: object) -> None:
    """Apply a changed dynamic property to the style."""
    style = widget.style()  # type: ignore[attr-defined]
    style.unpolish(widget)
    style.polish(widget)
