"""Printing the care plan: the PDF from ``reports.care_plan`` drawn page by page onto a printer.

The same PDF is what "Save PDF…" writes, so the paper and the file are one document. Each page is rendered
by QtPdf at the printer's resolution (at most 300 dpi, plenty for text on paper) and scaled to fit the
printable page, keeping its proportions; a page size chosen in the print dialog that differs from the
document's is letterboxed rather than cut.

The print preview never draws a page with QtPdf on the GUI thread (a page took most of a second on a
loaded machine): :class:`PreviewPages` renders the pages to images at :data:`PREVIEW_DPI` on a thread of
its own, with a :class:`QPdfDocument` of its own made, used and dropped there (QtPdf serialises its calls
into PDFium with one lock of its own; nothing on the GUI thread uses that document), and the preview shows
each page as it comes, the pages not rendered yet blank.
"""

from __future__ import annotations

import contextlib
import threading

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QObject, QRectF, QSettings, QSize, QSizeF, Signal
from PySide6.QtGui import QImage, QPageSize, QPaintEngine, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog, QPrintPreviewWidget
from PySide6.QtWidgets import QWidget

from mdtboard.ui import settings as options

#: (shown name, name the reports take).
PAGE_SIZES = options.PAGE_SIZES
MAX_DPI = 300
#: The resolution of the preview's page images (sharp on screen up to about 150 % zoom).
PREVIEW_DPI = 150


def page_size_setting(settings: QSettings) -> str:
    """"A4" or "Letter", as remembered (A4 when nothing or something unknown is stored)."""
    return options.CAREPLAN_PAGE_SIZE.read(settings)


def set_page_size_setting(settings: QSettings, name: str) -> None:
    options.CAREPLAN_PAGE_SIZE.write(settings, name)


def qpage_size(name: str) -> QPageSize:
    return QPageSize(QPageSize.PageSizeId.Letter if name == "Letter" else QPageSize.PageSizeId.A4)


class LoadedPdf:
    """A PDF in memory opened with QtPdf (the buffer must live as long as the document)."""

    def __init__(self, data: bytes) -> None:
        self.buffer = QBuffer()
        self.buffer.setData(QByteArray(data))
        self.buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document = QPdfDocument()
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
    """The pages of a PDF as images, rendered on a thread of its own (see the module docstring).

    Signals:
        page_ready(int): the page (0-based) is rendered (:attr:`images`); -1 once the page count is known.
    """

    page_ready = Signal(int)
    _counted = Signal(int)  # emitted on the rendering thread, delivered on the GUI thread
    _rendered = Signal(int, object, object)

    def __init__(self, data: bytes, dpi: float = PREVIEW_DPI, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.count: int | None = None
        self.images: dict[int, QImage] = {}
        self.sizes: dict[int, QSizeF] = {}
        self._stop = threading.Event()
        self._counted.connect(self._count)
        self._rendered.connect(self._store)
        self.destroyed.connect(lambda *_args, stop=self._stop: stop.set())
        self.worker = threading.Thread(
            target=self._render, args=(data, dpi), name="mdtboard-preview", daemon=True
        )
        self.worker.start()

    def stop(self) -> None:
        """Render no more pages (the preview was closed)."""
        self._stop.set()

    @property
    def done(self) -> bool:
        return self.count is not None and len(self.images) == self.count

    def _render(self, data: bytes, dpi: float) -> None:  # on the rendering thread
        pdf = LoadedPdf(data)
        try:
            count = pdf.page_count
            with contextlib.suppress(RuntimeError):  # (the preview is gone)
                self._counted.emit(count)
            for number in range(count):
                if self._stop.is_set():
                    return
                points = pdf.document.pagePointSize(number)
                image = pdf.document.render(number, _pixels(points, dpi))
                with contextlib.suppress(RuntimeError):
                    self._rendered.emit(number, QSizeF(points), image)
        finally:
            pdf.document.close()

    def _count(self, count: int) -> None:
        self.count = count
        self.page_ready.emit(-1)

    def _store(self, number: int, points: QSizeF, image: QImage) -> None:
        self.sizes[number] = points
        self.images[number] = image
        self.page_ready.emit(number)

    def paint(self, printer: QPrinter) -> int:
        """Paint the pages rendered so far onto ``printer`` (the preview's), the others blank; returns
        the number of pages."""
        count = self.count or 0
        painter = QPainter()
        if count == 0 or not painter.begin(printer):
            return 0
        try:
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
            for number in range(count):
                if number:
                    printer.newPage()
                image = self.images.get(number)
                if image is not None:
                    painter.drawImage(_fitted(painter, self.sizes[number]), image)
        finally:
            painter.end()
        return count


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
    draws the PDF at the printer's resolution (:func:`render_pdf`)."""
    printer = make_printer(page_size, title)
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.setWindowTitle(f"Print preview: {title}")
    pages = PreviewPages(data, parent=dialog)

    def paint(target: QPrinter) -> None:
        engine = target.paintEngine()
        if engine is not None and engine.type() == QPaintEngine.Type.Picture:  # the preview's pages
            pages.paint(target)
        else:  # printing
            render_pdf(data, target)

    def arrived(_number: int) -> None:
        preview = dialog.findChild(QPrintPreviewWidget)
        if preview is not None and dialog.isVisible():
            preview.updatePreview()

    dialog.paintRequested.connect(paint)
    pages.page_ready.connect(arrived)
    dialog.finished.connect(lambda _result: pages.stop())
    dialog._printer = printer  # type: ignore[attr-defined]  # kept alive with the dialog
    dialog.pages = pages  # type: ignore[attr-defined]
    dialog.open()
    return dialog
