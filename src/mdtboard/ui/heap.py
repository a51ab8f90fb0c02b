"""The program's long-lived objects kept out of the garbage collector's way.

Python's collector of reference cycles now and then walks every object it tracks (a full collection). After
start-up that is several hundred thousand objects: the modules, classes and functions of Qt, SQLAlchemy and
ReportLab, the models, the widgets of the pages built. Walking them paused the event loop for 60-460 ms
whenever a full collection came, whatever the person was doing (measured by ``bench/locked_ops.py``, which
times each collection on the GUI thread, on a loaded 2-core machine).

:func:`keep_built` moves every object alive at that moment into the collector's permanent generation
(``gc.freeze``, made for this): full collections then walk only what was made since. It is called once the
start-up is done and each time a page is built, when what is alive is the program's lasting structure. The
cost of the move is constant. An object frozen is never collected, which for the lasting structure is what
happens anyway; when the window closes, :func:`release_built` gives them back to the collector, so that a
window opened after it (another database, each GUI test) does not keep the last one's objects for ever.
"""

from __future__ import annotations

import gc


def keep_built() -> None:
    """Take every object alive now out of the garbage collector's generations (see the module)."""
    gc.freeze()


def release_built() -> None:
    """Give the objects taken out by :func:`keep_built` back to the collector (the window closed)."""
    gc.unfreeze()
