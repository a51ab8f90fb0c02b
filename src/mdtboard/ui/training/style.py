"""Colours and the style sheet shared by the training views. Marks never rely on colour alone: a missing
comment also says so in words, a chosen score is also bold and framed."""

from __future__ import annotations

ERROR = "#b3261e"
ACCENT = "#1a5fb4"
HINT_BACKGROUND = "#ffe08a"
KEPT_BACKGROUND = "#dcefd8"

STYLE = f"""
QFrame#RubricRow {{ border: 1px solid #c0c0c0; border-radius: 4px; background: #ffffff; }}
QFrame#RubricRow[current="true"] {{ border: 2px solid {ACCENT}; background: #f3f7fd; }}
QFrame#RubricRow[invalid="true"] {{ border: 2px solid {ERROR}; background: #fff8f7; }}
QLabel#titleLabel {{ font-weight: bold; }}
QLabel[role="anchor"] {{ color: #333333; }}
QLabel[role="scorebox"] {{ border: 1px solid #8a8a8a; border-radius: 3px; color: #333333; }}
QLabel[role="scorebox"][chosen="true"] {{
    border: 2px solid {ACCENT}; background: {ACCENT}; color: #ffffff; font-weight: bold;
}}
QLineEdit[invalid="true"] {{ border: 2px solid {ERROR}; border-radius: 3px; background: #fff8f7; }}
QLabel[role="error"] {{ color: #8c1d18; font-weight: bold; }}
QLabel[role="other"] {{ color: #3b3b7a; }}
QLabel[role="heading"] {{ font-weight: bold; padding-top: 6px; }}
QLabel#saveState {{ color: #444444; }}
"""


def repolish(widget: object) -> None:
    """Apply a changed dynamic property to the style."""
    style = widget.style()  # type: ignore[attr-defined]
    style.unpolish(widget)
    style.polish(widget)
