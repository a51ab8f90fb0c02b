"""Undoing a change to a case not on screen, restoring a backup with typing pending, and the care plan's print
preview, while another session holds the database: the longest event-loop stall, for ``bench_locked_steps``
(the measure, the lock, the heartbeat and the noise floor are those of :mod:`bench.locked_ops`).

- **undo of a case not shown**: case A's title was typed in, then case B opened; Ctrl+Z (through the undo
  queue, as the keys and Edit > Undo do) opens A in the background and undoes once it is shown; done when
  A is shown with its title back. Redo, and B opened again, between tries. Baseline: what the case editor
  did before, the opening waited for on the GUI thread (the same read: ``cases.open``), behind the lock.
- **restoring a backup** (SQLite only: PostgreSQL's backups are the server's): the title of the case open
  typed in, its save pending, then Restore; done when the backup is restored. Baseline: what the dialog
  did before, the save of that typing waited for on the GUI thread (``flush``), behind the lock.
- **print preview**: the care plan's preview asked for (its paper made on the reader, behind the lock);
  done when every page is shown as an image. Baseline: the preview as it was, QtPdf drawing every page
  on the GUI thread when the preview asks for them (the same PDF).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from bench import locked_ops
from bench.locked_ops import REPEATS, Tries, _floor, _gaps, _nothing, _prepared, _settle, _until, held


def measure(app: Any, url: str, folder: Path) -> list[tuple[str, Tries]]:
    """(operation, its tries) on ``url``."""
    import sys

    for helpers in (locked_ops.ROOT / "tests" / "gui", locked_ops.ROOT / "tests"):
        if str(helpers) not in sys.path:
            sys.path.insert(0, str(helpers))
    from PySide6.QtCore import QSettings
    from PySide6.QtGui import QUndoStack

    from mdtboard.ui import ops
    from mdtboard.ui.careplan.editor import CarePlanEditor
    from mdtboard.ui.cases.editor import CaseEditor
    from mdtboard.ui.editing import undo_queue
    from mdtboard.ui.heap import keep_built

    made = _prepared(url)
    services, ids, plans = made["services"], made["ids"], made["plans"]
    out: list[tuple[str, Tries]] = []
    timeout = locked_ops.LOCK_S + 20

    def try_once(tries: Tries, baseline: Any, action: Any, done: Any, *, locked: bool = True) -> None:
        with held(services) if locked else _nothing():
            tries.baseline.append(_gaps(app, baseline, lambda: True, timeout))
        with held(services) if locked else _nothing():
            mine = _gaps(app, action, done, timeout)
        tries.mine.append(mine)
        tries.floor.append(_floor(app, mine.span_s))

    # -- undo of a change to a case not shown
    stack = QUndoStack()
    editor = CaseEditor(services, stack)
    editor.resize(1280, 800)
    editor.show()
    first, other = ids["MDT-001"], ids["MDT-002"]

    def shown(case_id: int) -> bool:
        return editor.current_case_id() == case_id and not getattr(editor, "filling", False)

    _until(app, lambda: editor.open_case(first), lambda: shown(first))
    title = editor.ui.titleEdit.text()
    editor.ui.titleEdit.setText(title + " (revised)")  # one step on the stack
    editor.flush()
    if stack.count() != 1:
        raise RuntimeError("the typing was not one undo step")
    if locked_ops.KEEP_BUILT:
        keep_built()
    tries = Tries()
    for _n in range(REPEATS):
        _until(app, lambda: editor.open_case(other), lambda: shown(other))
        _settle(app)
        try_once(tries, lambda: services.cases.open(ids["MDT-008"]),
                 lambda: undo_queue.ask(stack, "undo"),
                 lambda: stack.index() == 0 and shown(first) and editor.ui.titleEdit.text() == title)
        _settle(app)
        undo_queue.ask(stack, "redo")  # shown: at once
        if stack.index() != 1:
            raise RuntimeError("the redo did not apply")
        editor.flush()
    out.append(("undo of a change to a case not shown", tries))

    # -- restoring a backup with typing pending (a case editor of its own each try: after a restore the
    # program starts again, and what the editor holds is of the old contents)
    ops.operations().wait()
    editor.close()
    editor.deleteLater()
    if services.backups.available:
        from mdtboard.ui.safety.backups import BackupsDialog

        backup = services.backups.backup_now()
        restored: list[bool] = []
        tries = Tries()
        for n in range(REPEATS):
            _settle(app)
            services.db.engine.dispose()  # (the file was replaced: connections opened anew)
            editor = CaseEditor(services, QUndoStack())
            editor.resize(1280, 800)
            editor.show()
            _until(app, lambda editor=editor: editor.open_case(first), lambda editor=editor: (
                editor.current_case_id() == first and not getattr(editor, "filling", False)))
            dialog = BackupsDialog(services.backups, None, flush=editor.flush)
            dialog.restored.connect(lambda _text: restored.append(True))
            _settle(app)

            def baseline(editor: Any = editor, n: int = n) -> None:  # before: the save waited for
                editor.ui.titleEdit.setText(f"{title} (typed {n})")
                editor.flush()

            def restore(editor: Any = editor, dialog: Any = dialog, n: int = n) -> None:
                editor.ui.titleEdit.setText(f"{title} (typed again {n})")
                restored.clear()
                dialog.restore(backup)

            try:
                try_once(tries, baseline, restore, lambda: bool(restored))
            except RuntimeError:
                raise RuntimeError(f"the backup was not restored: {dialog.message.text()}") from None
            _settle(app)
            for widget in (dialog, editor):
                widget.close()
                widget.deleteLater()
        out.append(("restoring a backup with typing pending", tries))
    app.processEvents()

    # -- the care plan's print preview
    services.db.engine.dispose()
    settings = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
    plan_editor = CarePlanEditor(services, QUndoStack(), settings)
    plan_editor.resize(1400, 900)
    plan_editor.show()
    plan_editor.open_case(ids["MDT-001"], plans["MDT-001"].agenda_item_id)
    _settle(app)
    output = plan_editor.output
    papers: list[bytes] = []
    output.make_paper(papers.append)
    _settle(app)
    if not papers:
        raise RuntimeError("the care plan's paper was not made")
    tries = Tries()
    previews: list[Any] = []

    def old_preview() -> None:
        previews.append(_old_preview(papers[0], output.page_size, plan_editor))

    for _n in range(REPEATS):

        def preview_done() -> bool:
            dialog = output.preview
            return dialog is not None and getattr(dialog, "pages", None) is not None and dialog.pages.done

        output.preview = None
        try_once(tries, old_preview, output.print_preview, preview_done)
        for dialog in (*previews, output.preview):
            if dialog is not None:
                dialog.close()
                dialog.deleteLater()
        previews.clear()
        _settle(app)
    out.append(("print preview of a care plan", tries))
    ops.operations().wait()
    plan_editor.close()
    plan_editor.deleteLater()
    app.processEvents()
    services.close()
    return out


def _old_preview(data: bytes, page_size: str, parent: Any) -> Any:
    """The print preview as it was: QtPdf draws every page on the GUI thread when the preview asks."""
    from PySide6.QtPrintSupport import QPrintPreviewDialog

    from mdtboard.ui.careplan.output import make_printer, render_pdf

    printer = make_printer(page_size, "baseline")
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.paintRequested.connect(lambda target: render_pdf(data, target))
    dialog._printer = printer
    dialog.open()  # the pages are drawn as it shows
    return dialog
