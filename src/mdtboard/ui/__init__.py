"""mdtboard.ui: the Qt program (main window, case library, case editor, conference workspace).

Importing this package first makes ``None`` effectively immortal on CPython 3.11 (see
:func:`keep_none_alive`): PySide6 6.12.0 there drops a reference to ``None`` on every call of a C++
method that returns nothing, and after some ten thousand calls (``setText``, ``hide``, ``setToolTip``...)
CPython aborts with "none_dealloc: deallocating None". CPython 3.12 made ``None`` immortal (PEP 683), so
nothing is done there.
"""

from __future__ import annotations

import ctypes
import sys

#: References added to ``None``: more than any program run can drop.
_NONE_RESERVE = 1 << 40


def keep_none_alive() -> None:
    """Give ``None`` so many references that PySide6's lost ones can never bring it to zero."""
    if sys.version_info >= (3, 12):
        return
    refcount = ctypes.c_ssize_t.from_address(id(None))  # ob_refcnt, the first field of every object
    if refcount.value < _NONE_RESERVE:
        refcount.value += _NONE_RESERVE


def keep_bools_alive() -> None:
    """The same for ``True`` and ``False``: PySide6 6.12.0 on CPython 3.11 drops a reference to ``True``
    on every ``Signal.emit()`` from Python, and a few thousand emits abort the program with
    "bool_dealloc: deallocating True or False"."""
    if sys.version_info >= (3, 12):
        return
    for value in (True, False):
        refcount = ctypes.c_ssize_t.from_address(id(value))
        if refcount.value < _NONE_RESERVE:
            refcount.value += _NONE_RESERVE


keep_none_alive()
keep_bools_alive()
