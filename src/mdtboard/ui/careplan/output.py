"""Printing the care plan: the PDF from ``reports.care_plan`` drawn page by page onto a printer.

The same PDF is what "Save PDF…" writes, so the paper and the file are one document. Each page is rendered
by QtPdf at the printer's resolution (at most 300 dpi, plenty for text on paper) and scaled to fit the
printable page, keeping its proportions; a page size chosen in the print dialog that differs from the
document's is letterboxed rather than cut.

The print preview never draws a page with QtPdf on the GUI thread (a page took most of a second on a
loaded machine): :class:`PreviewPages` has the pages rendered to images at :data:`PREVIEW_DPI` by QtPdf's
own page renderer on a thread of its own, and the preview shows each page as it comes, the pages not
rendered yet blank.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QIODevice,
    QObject,
    QRectF,
    QSettings,
    QSize,
    QSizeF,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QImage, QPageSize, QPaintEngine, QPainter, QPixmap
from PySide6.QtPdf import QPdfDocument, QPdfPageRenderer
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog, QPrintPreviewWidget
from PySide6.QtWidgets import QWidget

from mdtboard.ui import settings as options

#: (shown name, name the reports take).
PAGE_SIZES = options.PAGE_SIZES
MAX_DPI = 300
#: The resolution of the preview's page images (sharp on screen up to about 150 % zoom).
PREVIEW_DPI = 150
#: Pages rendered within this many milliseconds of one another are shown in one update of the preview
#: (each update draws every page again: 20-80 ms on a loaded machine).
PREVIEW_UPDATE_MS = 250


def page_size_setting(settings: QSettings) -> str:
    """"A4" or "Letter", as remembered (A4 when nothing or something unknown is stored)."""
    return options.CAREPLAN_PAGE_SIZE.read(settings)


def set_page_size_setting(settings: QSettings, name: str) -> None:
    options.CAREPLAN_PAGE_SIZE.write(settings, name)


def qpage_size(name: str) -> QPageSize:
    return QPageSize(QPageSize.PageSizeId.Letter if name == "Letter" else QPageSize.PageSizeId.A4)


class LoadedPdf:
    """A PDF in memory opened with QtPdf.

    The buffer is the document's child, so it lives as long as the document reads it and goes with it.
    Given a ``parent``, the document is Qt's to delete with that parent (on the GUI thread); without one it
    goes when this object does, on the thread that lets go of it.
    """

    def __init__(self, data: bytes, parent: QObject | None = None) -> None:
        self.document = QPdfDocument(parent) if parent is not None else QPdfDocument()
        self.buffer = QBuffer(self.document)
        self.buffer.setData(QByteArray(data))
        self.buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document.load(self.buffer)

    @property
    def page_count(self) -> int:
        return self.document.pageCount() if self.document.status() == QPdfDocument.Status.Ready else 0


def render_pdf(data: bytes, printer: QPrinter) -> int:
    """Paint every page of the PDF ``data`` (or the range chosen in the print dialog) onto ``printer``;
    returns the number of pages painted (0 when the printer could not be started)."""
    pdf = LoadedPdf(data)
    count = pdf.page_count
    first, last = 1, count
    if printer.printRange() == QPrinter.PrintRange.PageRange and printer.fromPage() > 0:
        first, last = max(1, printer.fromPage()), min(count, printer.toPage() or count)
    painter = QPainter()
    if count == 0 or not painter.begin(printer):
        return 0
    painted = 0
    try:
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        dpi = min(printer.resolution(), MAX_DPI)
        for number in range(first, last + 1):
            if painted:
                printer.newPage()
            points = pdf.document.pagePointSize(number - 1)
            image = pdf.document.render(number - 1, _pixels(points, dpi))
            painter.drawImage(_fitted(painter, points), image)
            painted += 1
    finally:
        painter.end()
    return painted


def _pixels(points: QSizeF, dpi: float) -> QSize:
    return QSize(round(points.width() / 72 * dpi), round(points.height() / 72 * dpi))


def _fitted(painter: QPainter, points: QSizeF) -> QRectF:
    """Where a page of ``points`` goes on the painter's page: as large as fits, centred, its proportions
    kept."""
    target = QRectF(painter.viewport())
    scale = min(target.width() / points.width(), target.height() / points.height())
    width, height = points.width() * scale, points.height() * scale
    return QRectF(
        target.x() + (target.width() - width) / 2, target.y() + (target.height() - height) / 2, width, height
    )


class PreviewPages(QObject):
    """The pages of a PDF as images, rendered off the GUI thread (see the module docstring).

    The document is loaded here (PDFium parses it; nothing is drawn) and each page's size read at once;
    then Qt's :class:`QPdfPageRenderer`, in its multithreaded mode, renders the pages on a thread of its
    own, in C++, holding neither the GUI thread nor Python's lock (a page rendered from a Python thread
    holds that lock, and so the GUI thread's Python code, as long as it takes). Nothing on the GUI thread
    calls the document while pages are rendered (QtPdf serialises PDFium's calls with one lock). It is not
    a child of the preview: it goes once its last page is rendered (deleting a renderer waits for the page
    it is rendering), or at once when nothing is left to render. Its document, buffer and renderer are its
    children, deleted with it by Qt on the GUI thread; the page images are dropped by :meth:`release` when
    the preview goes (on the GUI thread too: an image or pixmap left in a reference cycle would be
    destroyed by Python's cycle collector on whichever thread it ran, a worker's too).

    Signals:
        page_ready(int): the page (0-based) is rendered (:attr:`images`).
    """

    page_ready = Signal(int)
    _live: set[PreviewPages] = set()  # kept until their last page is rendered

    def __init__(self, data: bytes, dpi: float = PREVIEW_DPI) -> None:
        super().__init__()
        self._pdf = LoadedPdf(data, self)
        self.count = self._pdf.page_count
        self.rendered = 0
        self.released = False
        self.sizes = {n: self._pdf.document.pagePointSize(n) for n in range(self.count)}
        self.images: dict[int, QImage] = {}
        self.pixmaps: dict[int, QPixmap] = {}
        self._renderer = QPdfPageRenderer(self)
        self._renderer.setRenderMode(QPdfPageRenderer.RenderMode.MultiThreaded)
        self._renderer.setDocument(self._pdf.document)
        self._renderer.pageRendered.connect(self._store)
        for number, points in self.sizes.items():
            self._renderer.requestPage(number, _pixels(points, dpi))
        if self.count:
            PreviewPages._live.add(self)
        else:
            self.deleteLater()

    @property
    def done(self) -> bool:
        return self.rendered == self.count

    def release(self) -> None:
        """Drop the page images (the preview is gone); pages rendered after this are not kept."""
        self.released = True
        self.images.clear()
        self.pixmaps.clear()

    def _store(self, number: int, _size: QSize, image: QImage, *_rest: object) -> None:
        self.rendered += 1
        if not self.released:
            self.images[number] = image
            self.pixmaps[number] = QPixmap.fromImage(on_paper(image))
        self.page_ready.emit(number)
        if self.done:
            PreviewPages._live.discard(self)
            self.deleteLater()

    def paint(self, printer: QPrinter) -> int:
        """Paint the pages rendered so far onto ``printer`` (the preview's), the others blank; returns
        the number of pages."""
        count = self.count
        painter = QPainter()
        if count == 0 or not painter.begin(printer):
            return 0
        try:
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
            for number in range(count):
                if number:
                    printer.newPage()
                pixmap = self.pixmaps.get(number)
                if pixmap is not None:
                    painter.drawPixmap(_fitted(painter, self.sizes[number]), pixmap, QRectF(pixmap.rect()))
        finally:
            painter.end()
        return count


def on_paper(image: QImage) -> QImage:
    """A page as QtPdf renders it (transparent where nothing is drawn) on white paper, opaque: the preview
    records a pixmap by reference, where an image with an alpha channel is copied and converted each time
    every page is drawn again (about 15 ms a page); converted alone, what is transparent turns black."""
    paper = QImage(image.size(), QImage.Format.Format_RGB32)
    paper.fill(Qt.GlobalColor.white)
    painter = QPainter(paper)
    painter.drawImage(0, 0, image)
    painter.end()
    return paper


def make_printer(page_size: str, title: str) -> QPrinter:
    """A printer on the system's default, set to the page size of the document, printing the whole page
    (the PDF has its own margins)."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageSize(qpage_size(page_size))
    printer.setFullPage(True)
    printer.setDocName(title)
    return printer


def print_preview(data: bytes, page_size: str, title: str, parent: QWidget | None) -> QPrintPreviewDialog:
    """The system's print preview of the PDF ``data``, opened without blocking; its Print button opens the
    system print dialog. The dialog keeps its printer. The preview shows the page images of
    :class:`PreviewPages` as they come (QtPdf never draws on the GUI thread for it); printing from it
    draws the PDF at the printer's resolution (:func:`render_pdf`).

    Closed, the dialog deletes itself, and what it held goes with it on the GUI thread: its printer and
    its page images are let go of when it is destroyed, not left to Python's cycle collector (the dialog
    and its slots refer to one another), which destroyed them on whichever thread it ran, a worker's too.
    """
    printer = make_printer(page_size, title)
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.setWindowTitle(f"Print preview: {title}")
    if parent is not None:  # a page large enough to read (Qt's default shows it at about half size)
        room = parent.window().size()
        dialog.resize(min(1200, round(room.width() * 0.6)), round(room.height() * 0.9))
    pages = PreviewPages(data)

    def paint(target: QPrinter) -> None:
        engine = target.paintEngine()
        if engine is not None and engine.type() == QPaintEngine.Type.Picture:  # the preview's pages
            pages.paint(target)
        else:  # printing
            render_pdf(data, target)

    def update() -> None:
        preview = dialog.findChild(QPrintPreviewWidget)
        if preview is not None and dialog.isVisible():
            preview.updatePreview()

    later = QTimer(dialog)  # pages that come together are shown together (each update redraws them all)
    later.setSingleShot(True)
    later.setInterval(PREVIEW_UPDATE_MS)
    later.timeout.connect(update)

    def arrived(_number: int) -> None:
        if not shiboken6.isValid(later):  # the preview is gone (its pages are still being rendered)
            return
        if pages.done:
            later.stop()
            update()
        elif not later.isActive():
            later.start()

    dialog.paintRequested.connect(paint)
    pages.page_ready.connect(arrived)
    held = [printer]  # the dialog's printer, for as long as the dialog lives
    del printer

    def gone(*_: object) -> None:
        pages.release()
        held.clear()

    dialog.destroyed.connect(gone)
    dialog.pages = pages  # type: ignore[attr-defined]
    dialog.open()
    return dialog
