"""The main window's pages, each built the first time it is shown or asked for.

The window is usable as soon as its case library is filled; the case editor, the conference workspace and
the care plan (and the modules they import) are built only when the person first goes to them, so that
opening the program does not wait for pages nobody has looked at yet. A page plugs in with
:meth:`PageSlots.add` and a function that builds it: until then an empty widget holds its place in the
window's stack, so that page numbers (the navigation's rows, Alt+1..n) never change.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QStackedWidget, QWidget

#: Called with the page number and the page just built (the window watches its labels, say).
BuiltHook = Callable[[int, QWidget], None]


class PageSlots:
    """Pages ``0..n-1`` of a stacked widget whose widget 0 is the "Opening the database…" page."""

    def __init__(self, stack: QStackedWidget, on_built: BuiltHook | None = None) -> None:
        self._stack = stack
        self._on_built = on_built
        self._builders: dict[int, Callable[[], QWidget]] = {}
        self._holders: dict[int, QWidget] = {}
        self._built: dict[int, QWidget] = {}
        self._building: set[int] = set()

    def add(self, build: Callable[[], QWidget]) -> int:
        """Plug in a page that ``build`` makes (parented to the stack once built); its page number."""
        holder = QWidget(self._stack)
        self._stack.addWidget(holder)
        page = self._stack.indexOf(holder) - 1
        self._holders[page] = holder
        self._builders[page] = build
        return page

    def add_built(self, widget: QWidget) -> int:
        """Plug in a page built already; its page number."""
        self._stack.addWidget(widget)
        page = self._stack.indexOf(widget) - 1
        self._built[page] = widget
        return page

    def built(self, page: int) -> QWidget | None:
        """Page ``page`` if it has been built, else None (nothing is built here)."""
        return self._built.get(page)

    def get(self, page: int) -> QWidget | None:
        """Page ``page``, built now if it was not yet; None for a page that was never plugged in, or while
        that page is being built (its builder asked for itself)."""
        widget = self._built.get(page)
        if widget is not None or page not in self._builders or page in self._building:
            return widget
        self._building.add(page)
        try:
            widget = self._builders[page]()
        finally:
            self._building.discard(page)
        del self._builders[page]
        holder = self._holders.pop(page)
        index = self._stack.indexOf(holder)
        showing = self._stack.currentWidget() is holder
        self._stack.insertWidget(index, widget)
        if showing:
            self._stack.setCurrentWidget(widget)
        self._stack.removeWidget(holder)
        holder.deleteLater()
        self._built[page] = widget
        if self._on_built is not None:
            self._on_built(page, widget)
        return widget

    @property
    def pending(self) -> tuple[int, ...]:
        """The pages plugged in and not built yet."""
        return tuple(sorted(self._builders))
