"""Printing the care plan: the PDF from ``reports.care_plan`` drawn page by page onto a printer.

The same PDF is what "Save PDF…" writes, so the paper and the file are one document. Each page is rendered
by QtPdf at the printer's resolution (at most 300 dpi, plenty for text on paper) and scaled to fit the
printable page, keeping its proportions; a page size chosen in the print dialog that differs from the
document's is letterboxed rather than cut.
"""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, QSettings, QSize
from PySide6.QtGui import QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QWidget

from mdtboard.ui import settings as options

#: (shown name, name the reports take).
PAGE_SIZES = options.PAGE_SIZES
MAX_DPI = 300


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
            pixels = QSize(round(points.width() / 72 * dpi), round(points.height() / 72 * dpi))
            image = pdf.document.render(number - 1, pixels)
            target = QRectF(painter.viewport())
            scale = min(target.width() / points.width(), target.height() / points.height())
            width, height = points.width() * scale, points.height() * scale
            box = QRectF(
                target.x() + (target.width() - width) / 2, target.y() + (target.height() - height) / 2,
                width, height,
            )
            painter.drawImage(box, image)
            painted += 1
    finally:
        painter.end()
    return painted


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
    system print dialog. The dialog keeps its printer."""
    printer = make_printer(page_size, title)
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.setWindowTitle(f"Print preview: {title}")
    dialog.paintRequested.connect(lambda target: render_pdf(data, target))
    dialog._printer = printer  # type: ignore[attr-defined]  # kept alive with the dialog
    dialog.open()
    return dialog
