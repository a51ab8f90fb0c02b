"""Fields changed both here and elsewhere: shown side by side, for the person to choose, one by one.

Only the fields both sides changed are shown (the rest was merged already). Each shows this person's text
and the saved one, the words that differ marked, in plain words (Yes/No, not true/false), with who saved the
other version and when. Each field starts on the saved version: the default button ("Use these choices")
never discards a colleague's change, and a text of one's own that is not kept can be brought back with
Ctrl+Z (the editor puts the merge on the undo stack).
"""

from __future__ import annotations

import dataclasses
import difflib
import html
from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QRadioButton,
    QScrollArea,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from mdtboard.ui import palette
from mdtboard.ui.editing.session import Clash

MARK = palette.CHANGED_MARK_STYLE
#: Fields of a list item that are not its content (not shown).
_BOOKKEEPING = frozenset({"id", "uid", "version"})


def plain(value: Any) -> str:
    """A field's value in plain words."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, float):
        return f"{value:g}"
    if isinstance(value, list):
        return "\n".join(plain(item) for item in value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        names = [f.name for f in dataclasses.fields(value) if f.name not in _BOOKKEEPING]
        parts = [plain(getattr(value, name)) for name in names]
        return " · ".join(p for p in parts if p)
    if hasattr(value, "label"):
        return str(value.label)
    return str(value)


def marked(text: str, other: str) -> str:
    """``text`` as HTML, with the words that are not in ``other`` marked."""
    words, others = text.split(" "), other.split(" ")
    out: list[str] = []
    for op, a1, a2, _b1, _b2 in difflib.SequenceMatcher(a=words, b=others, autojunk=False).get_opcodes():
        chunk = html.escape(" ".join(words[a1:a2]))
        if not chunk:
            continue
        out.append(chunk if op == "equal" else f'<span style="{MARK}">{chunk}</span>')
    return " ".join(out).replace("\n", "<br>") or "<i>(empty)</i>"


def saved_when(when: datetime | None) -> str:
    if when is None:
        return "on another PC or window"
    local = when.astimezone() if when.tzinfo is not None else when
    return f"on another PC or window at {local:%H:%M:%S}"


class ClashDialog(QDialog):
    """Asks which text to keep for each field of ``clash.merge.clashes``; :attr:`chosen` holds the values.

    ``label(name)`` names a field on screen.
    """

    def __init__(
        self, what: str, clash: Clash, label: Callable[[str], str], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.clash = clash
        self.setWindowTitle(f"{what} was changed elsewhere")
        layout = QVBoxLayout(self)
        kept = clash.merge.kept_theirs
        merged = (
            f" Their changes to other fields ({', '.join(label(n) for n in kept)}) were kept." if kept else ""
        )
        intro = QLabel(
            f"Someone saved {what} {saved_when(clash.saved_at)}, after you opened it, and changed the same "
            f"{'field' if len(clash.merge.clashes) == 1 else 'fields'} as you.{merged} Choose which text to "
            "keep; the saved one is kept unless you choose yours. A text you do not keep can be brought "
            "back with Ctrl+Z."
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        host = QWidget()
        grid = QGridLayout(host)
        grid.addWidget(QLabel("<b>Field</b>"), 0, 0)
        grid.addWidget(QLabel("<b>Yours (not saved)</b>"), 0, 1)
        grid.addWidget(QLabel(f"<b>Saved {saved_when(clash.saved_at)}</b>"), 0, 2)
        self.groups: dict[str, tuple[QRadioButton, QRadioButton]] = {}
        for row, name in enumerate(clash.merge.clashes, start=1):
            mine, theirs = plain(clash.mine.get(name)), plain(clash.theirs.get(name))
            grid.addWidget(QLabel(label(name)), row * 2 - 1, 0)
            for column, text, other, side in ((1, mine, theirs, "yours"), (2, theirs, mine, "saved")):
                view = QTextBrowser()
                view.setHtml(marked(text, other))
                view.setAccessibleName(f"{label(name)}, {side}")
                view.setMinimumHeight(60)
                grid.addWidget(view, row * 2 - 1, column)
            keep_mine = QRadioButton(f"Keep yours ({label(name)})")
            keep_theirs = QRadioButton(f"Keep the saved one ({label(name)})")
            keep_theirs.setChecked(True)
            group = QButtonGroup(self)
            group.addButton(keep_mine)
            group.addButton(keep_theirs)
            grid.addWidget(keep_mine, row * 2, 1)
            grid.addWidget(keep_theirs, row * 2, 2)
            self.groups[name] = (keep_mine, keep_theirs)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(host)
        layout.addWidget(scroll)
        buttons = QDialogButtonBox()
        self.use_button = buttons.addButton("&Use these choices", QDialogButtonBox.ButtonRole.AcceptRole)
        self.use_button.setDefault(True)
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)
        self.resize(900, 480)

    @property
    def keep_mine(self) -> set[str]:
        """The fields whose text of one's own is kept (the saved one for every other)."""
        return {name for name, (mine, _theirs) in self.groups.items() if mine.isChecked()}
