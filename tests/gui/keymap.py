"""Every key a window answers to, read from its live widgets, and which of them clash. (No tests here.)

A binding is one key of a QAction, a QShortcut or a mnemonic (the underlined letter of a button, a label
with a buddy, a tab, a group box or a menu title). Where it works follows Qt's shortcut contexts:

- window context: anywhere in the window, while its owner can be seen;
- widget-with-children context: while the focus is in the owner or inside it;
- widget context: while the owner itself has the focus.

Two bindings of one key clash when there is a moment both would fire: Qt then calls the key ambiguous and
does nothing (for actions and shortcuts) or only moves the focus (for mnemonics). Widgets on different pages
of a stacked widget (or tab widget) are never seen at the same time, so their window keys do not clash.
Nothing here lists widgets by name: new actions, shortcuts and mnemonics are covered as they are added.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QMenuBar,
    QPlainTextEdit,
    QStackedWidget,
    QTabBar,
    QTextEdit,
    QWidget,
)

PORTABLE = QKeySequence.SequenceFormat.PortableText
_MNEMONIC = re.compile(r"(?<!&)&([^&\s])")

Context = Qt.ShortcutContext


@dataclass(frozen=True)
class Binding:
    key: str  # portable text, e.g. "Ctrl+Shift+N"
    owner: QWidget
    context: Qt.ShortcutContext
    what: str  # for messages: the action's text, the shortcut's name or the mnemonic's widget
    kind: str  # "action", "shortcut" or "mnemonic"
    source: int  # id of the QAction / QShortcut / widget: one source may carry a key once

    def describe(self) -> str:
        where = self.owner.objectName() or type(self.owner).__name__
        return f"{self.kind} {self.what!r} ({self.key}, {self.context.name} on {where})"


def normal(key: str | QKeySequence) -> str:
    sequence = key if isinstance(key, QKeySequence) else QKeySequence(key)
    return sequence.toString(PORTABLE)


def mnemonic(text: str) -> str | None:
    """"Alt+N" for "&New conference", None when the text has no mnemonic."""
    match = _MNEMONIC.search(text)
    return normal(f"Alt+{match.group(1).upper()}") if match else None


def _menu_window(menu: QMenu) -> QWidget | None:
    """The window whose menu bar holds ``menu`` (through its parent menus), or None for a lone menu."""
    parent: QObject | None = menu
    while parent is not None:
        if isinstance(parent, QMenuBar):
            return parent.window()
        if isinstance(parent, QMenu):
            actions = [o for o in parent.menuAction().associatedObjects() if isinstance(o, QMenu | QMenuBar)]
            parent = actions[0] if actions else parent.parentWidget()
            continue
        if isinstance(parent, QWidget):
            return parent.window()
        parent = parent.parent()
    return None


def _action_owners(action: QAction) -> Iterator[QWidget]:
    for obj in action.associatedObjects():
        if isinstance(obj, QMenu):
            window = _menu_window(obj)
            if window is not None:
                yield window
        elif isinstance(obj, QWidget) and not isinstance(obj, QMenuBar):
            yield obj


def _mnemonic_bindings(widget: QWidget) -> Iterator[Binding]:
    def make(text: str, what: str) -> Iterator[Binding]:
        key = mnemonic(text)
        if key:
            yield Binding(key, widget, Context.WindowShortcut, what, "mnemonic", id(widget))

    if isinstance(widget, QAbstractButton) or (isinstance(widget, QLabel) and widget.buddy() is not None):
        yield from make(widget.text(), widget.text())
    elif isinstance(widget, QGroupBox):
        yield from make(widget.title(), widget.title())
    elif isinstance(widget, QTabBar):
        for index in range(widget.count()):
            key = mnemonic(widget.tabText(index))
            if key:
                # each tab its own source: two tabs of one bar with one letter clash
                text = widget.tabText(index)
                yield Binding(key, widget, Context.WindowShortcut, text, "mnemonic", id(widget) * 100 + index)
    elif isinstance(widget, QMenuBar):
        for action in widget.actions():
            key = mnemonic(action.text())
            if key and action.isVisible():
                yield Binding(key, widget, Context.WindowShortcut, action.text(), "mnemonic", id(action))


def bindings(root: QWidget) -> list[Binding]:
    """Every key of ``root``'s window and the widgets in it (and of the actions those widgets carry)."""
    out: list[Binding] = []
    widgets = [root, *root.findChildren(QWidget)]
    actions: dict[int, QAction] = {}
    for widget in widgets:
        for action in widget.actions():
            actions[id(action)] = action
        out.extend(_mnemonic_bindings(widget))
    for action in root.findChildren(QAction):
        actions[id(action)] = action
    for action in actions.values():
        if action.isSeparator() or action.menu() is not None:
            continue
        # one shortcut per action, however many widgets show it (a menu and the window itself, say)
        owners = list({id(owner): owner for owner in _action_owners(action)}.values())
        for sequence in action.shortcuts():
            if sequence.isEmpty():
                continue
            for owner in owners:
                context = action.shortcutContext()
                out.append(Binding(normal(sequence), owner, context, action.text(), "action", id(action)))
    for shortcut in root.findChildren(QShortcut):
        parent = shortcut.parent()
        if not isinstance(parent, QWidget):
            continue
        for sequence in shortcut.keys():  # noqa: SIM118 (a QShortcut, not a dict)
            if not sequence.isEmpty():
                what = shortcut.whatsThis() or shortcut.objectName() or "shortcut"
                context = shortcut.context()
                out.append(Binding(normal(sequence), parent, context, what, "shortcut", id(shortcut)))
    return out


def _ancestors(widget: QWidget) -> list[QWidget]:
    chain = [widget]
    while (parent := chain[-1].parentWidget()) is not None:
        chain.append(parent)
    return chain


def _is_within(inner: QWidget, outer: QWidget) -> bool:
    return inner is outer or outer.isAncestorOf(inner)


def seen_together(a: QWidget, b: QWidget) -> bool:
    """Whether ``a`` and ``b`` can be on screen at once: same window, not on two pages of one stack."""
    if a.window() is not b.window():
        return False
    up_a, up_b = _ancestors(a), _ancestors(b)
    ids_b = {id(w) for w in up_b}
    common = next((w for w in up_a if id(w) in ids_b), None)
    if common is None or not isinstance(common, QStackedWidget):
        return True
    below_a = up_a[[id(w) for w in up_a].index(id(common)) - 1] if a is not common else None
    below_b = up_b[[id(w) for w in up_b].index(id(common)) - 1] if b is not common else None
    return below_a is None or below_b is None or below_a is below_b


def _focus_scope(binding: Binding) -> QWidget | None:
    """Where the focus must be for the binding to fire (None: anywhere in the window)."""
    if binding.context in (Context.WidgetShortcut, Context.WidgetWithChildrenShortcut):
        return binding.owner
    return None


def clash(a: Binding, b: Binding) -> bool:
    """Whether ``a`` and ``b`` (same key) can both fire for one key press."""
    if a.key != b.key:
        return False
    if a.source == b.source:
        return a.owner is b.owner  # the same action listed twice under one key
    if Context.ApplicationShortcut in (a.context, b.context):
        return True
    scope_a, scope_b = _focus_scope(a), _focus_scope(b)
    if scope_a is None and scope_b is None:
        return seen_together(a.owner, b.owner)
    if scope_a is None:
        return seen_together(a.owner, b.owner)
    if scope_b is None:
        return seen_together(b.owner, a.owner)
    # both need the focus somewhere: a widget the focus can be in for both
    if a.context is Context.WidgetShortcut and b.context is Context.WidgetShortcut:
        return scope_a is scope_b
    if a.context is Context.WidgetShortcut:
        return _is_within(scope_a, scope_b)
    if b.context is Context.WidgetShortcut:
        return _is_within(scope_b, scope_a)
    return _is_within(scope_a, scope_b) or _is_within(scope_b, scope_a)


def clashes(found: Iterable[Binding], *, mnemonics_among_themselves: bool = False) -> list[str]:
    """A line for each pair of bindings that clash. Two mnemonics of one letter only move the focus in
    turn (Qt's way): counted only when ``mnemonics_among_themselves``."""
    items = list(found)
    lines = []
    for i, a in enumerate(items):
        for b in items[i + 1 :]:
            if a.kind == b.kind == "mnemonic" and not mnemonics_among_themselves:
                continue
            if clash(a, b):
                lines.append(f"{a.key}: {a.describe()} and {b.describe()}")
    for a in items:  # one action with one key twice (Ctrl+Q from its standard key and by name)
        keys = [b.key for b in items if b.source == a.source and b.owner is a.owner]
        if keys.count(a.key) > 1:
            lines.append(f"{a.key}: {a.describe()} carries the key twice")
    return sorted(set(lines))


# -- the keys the program's own texts name
_MODS = r"(?:(?:Ctrl|Alt|Shift|Meta)\+)+"
_KEY = (
    r"(?:F\d{1,2}|PgUp|PgDown|Page ?Up|Page ?Down|Up|Down|Left|Right|Space|Enter|Return|Tab|Esc|Delete|Del|"
    r"Insert|Home|End|Backspace|[A-Z0-9]\b|[=+\-])"
)
_COMBO = re.compile(
    rf"(?<![\w+])({_MODS})({_KEY})((?:\s*,\s*[A-Z0-9]\b)+)?(?:\s+to\s+\1([0-9]))?(/(?:{_KEY}))?"
)
_FKEY = re.compile(r"(?<![\w+])F(\d{1,2})\b")
_TAGS = re.compile(r"<[^>]+>")


def named_keys(text: str) -> list[str]:
    """The keys a text names, in portable form: "Ctrl+Shift+N", "Alt+I, S, B" (three keys), "Ctrl+1 to
    Ctrl+7" (seven), "Ctrl+PgDown/PgUp" (two), and function keys on their own ("F2")."""
    plain = _TAGS.sub(" ", text).replace("&nbsp;", " ").replace("&amp;", "&")
    plain = plain.replace("\u2013", "-").replace("\u2212", "-")
    found: list[str] = []
    taken: list[tuple[int, int]] = []
    for match in _COMBO.finditer(plain):
        mods, key, more, upto, slash = match.groups()
        found.append(normal(mods + key))
        if more:
            found.extend(normal(mods + letter.strip()) for letter in more.split(",")[1:])
        if upto and key.isdigit():
            found.extend(normal(f"{mods}{n}") for n in range(int(key) + 1, int(upto) + 1))
        if slash:
            found.append(normal(mods + slash[1:]))
        taken.append(match.span())
    for match in _FKEY.finditer(plain):
        if not any(start <= match.start() < end for start, end in taken):
            found.append(normal(f"F{match.group(1)}"))
    return found


def _model_texts(view: QAbstractItemView) -> Iterator[str]:
    model = view.model()
    if model is None:
        return
    root = view.rootIndex()
    rows = model.rowCount(root)
    try:
        columns = model.columnCount(root)
    except TypeError:  # a list model keeps columnCount to itself
        columns = 1
    roles = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.StatusTipRole)
    for column in range(columns):
        for role in roles:
            value = model.headerData(column, Qt.Orientation.Horizontal, role)
            if isinstance(value, str):
                yield value
        for row in range(min(rows, 100)):
            for role in roles:
                value = model.data(model.index(row, column, root), role)
                if isinstance(value, str):
                    yield value


def program_texts(window: QWidget) -> Iterator[tuple[QWidget, str]]:
    """(widget, text) for every text ``window`` shows or offers: labels, buttons, tab titles, placeholder
    texts, tooltips, status tips, What's This, accessible descriptions, its actions' texts and tips, and
    the cells, headers and tips of its item views (so Help > Keyboard shortcuts too)."""
    for widget in [window, *window.findChildren(QWidget)]:
        if widget.window() is not window:
            continue
        tips = (widget.toolTip(), widget.statusTip(), widget.whatsThis(), widget.accessibleDescription())
        for text in tips:
            yield widget, text
        if isinstance(widget, QLabel | QAbstractButton):
            yield widget, widget.text()
        if isinstance(widget, QGroupBox):
            yield widget, widget.title()
        if isinstance(widget, QLineEdit | QPlainTextEdit | QTextEdit):
            yield widget, widget.placeholderText()
        if isinstance(widget, QTabBar):
            for index in range(widget.count()):
                yield widget, widget.tabText(index)
                yield widget, widget.tabToolTip(index)
        for action in widget.actions():
            for text in (action.text(), action.toolTip(), action.statusTip(), action.whatsThis()):
                yield widget, text
        if isinstance(widget, QAbstractItemView):
            for text in _model_texts(widget):
                yield widget, text
