"""mdtboard.ui: the Qt program (main window, case library, case editor, conference workspace, care
plan, training).

PySide6 is pinned below 6.12: PySide6 6.12.0 on CPython 3.11 drops a reference to ``None`` on every call
of a C++ method that returns nothing (and to ``True`` on every ``Signal.emit()``), and after some tens of
thousands of calls CPython aborts with "deallocating None". 6.11.3 does not; tests/gui/test_none_refcount.py
guards the pin.
"""
