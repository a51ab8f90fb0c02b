"""The colours of the operator's window, and the style sheets built from them, in one place.

Each colour is named for what it means, so that a view says ``palette.PROBLEM_TEXT`` and a change of
colour (for contrast, a colour-blind user, a hospital's look) is made here once. Text colours keep a
contrast of at least 4.5:1 on their backgrounds (WCAG AA; a test checks). The big screen's colours, which
the operator chooses per room (light, dark, high contrast), are in :mod:`mdtboard.ui.presentation.themes`.
Meaning is never carried by colour alone: every state also has a word and a shape.
"""

from __future__ import annotations

# ---------------------------------------------------------------------------- plain colours

WHITE = "#ffffff"
TEXT = "#333333"  # ordinary dark text where the system's is not used
#: Beside restricted passages and their banners (DejaVu Sans, the usual Linux font, has no padlock: a flag).
LOCK_SIGN = "\u2691"
QUIET_TEXT = "#444444"  # save states, version lines: present but not loud
HINT_TEXT = "#555555"  # shortcuts and notes beside a field
MUTED_TEXT = "#6b6b6b"  # targets drawn behind a trend
SLATE_TEXT = "#3d4a57"  # cautions in the care plan, the plan's save state
FRAME = "#c0c0c0"

# ---------------------------------------------------------------------------- problems and safety

PROBLEM_TEXT = "#8c1d18"  # a field's error message
PROBLEM_ALERT = "#b00020"  # "Not saved" beside a panel
PROBLEM_BORDER = "#b3261e"
PROBLEM_BACKGROUND = "#fff8f7"
INVALID_CELL = "#f9dedc"
SAFETY_BORDER = "#c62828"
SAFETY_BACKGROUND = "#fdecea"
SAFETY_STRONG_BORDER = "#7a1711"

# ---------------------------------------------------------------------------- sharing and privacy

SHARING_BACKGROUND = "#fff4ce"
SHARING_TEXT = "#3d2e00"
SHARING_BORDER = "#b88a00"
RESTRICTED_BORDER = "#5d4037"
RESTRICTED_BACKGROUND = "#f3efe9"
PASSAGE_HIGHLIGHT = "#e7dcf7"  # a quiet violet, distinct from the problem red and the sharing yellow

# ---------------------------------------------------------------------------- marks and states

DONE = "#2e7d32"
ATTENTION = "#b26a00"
DANGER = "#c62828"
ACTIVE = "#1565c0"
LATER = "#616161"
WAITING = "#9e9e9e"
ACCENT = "#1a5fb4"
CURRENT_BACKGROUND = "#f3f7fd"
CHANGED_MARK = "#ffe08a"  # a difference between two versions; a hint to look at
KEPT_BACKGROUND = "#dcefd8"
OTHER_TEXT = "#3b3b7a"
SCORE_BORDER = "#8a8a8a"
FICTIONAL_BORDER = "#5b4a8a"
FICTIONAL_TEXT = "#3b2d66"
FICTIONAL_BACKGROUND = "#efeaff"
LOCKED_BACKGROUND = "#eef2f6"
LOCKED_BORDER = "#9aa9b8"

# ---------------------------------------------------------------------------- style sheets

ERROR_LABEL_STYLE = f"color: {PROBLEM_TEXT}; font-weight: bold;"
PROBLEM_STYLE = f"color: {PROBLEM_ALERT};"
QUIET_STYLE = f"color: {HINT_TEXT};"
SHARING_BANNER_STYLE = (
    f"background: {SHARING_BACKGROUND}; color: {SHARING_TEXT}; border: 2px solid {SHARING_BORDER};"
    " border-radius: 4px; padding: 6px; font-weight: bold;"
)
SHARING_NOTE_STYLE = (
    f"background: {SHARING_BACKGROUND}; color: {SHARING_TEXT}; border: 1px solid {SHARING_BORDER};"
    " border-radius: 3px; padding: 6px;"
)
CHANGED_MARK_STYLE = f"background:{CHANGED_MARK};"
