# Generated from ui/presentation_minutes.ui by `make forms` (pyside6-uic). Do not edit: edit the .ui file.
# -*- coding: utf-8 -*-


from PySide6.QtCore import (QCoreApplication)
from PySide6.QtWidgets import (QHBoxLayout, QPushButton, QSizePolicy, QSpacerItem, QTextBrowser,
    QVBoxLayout)

class Ui_MinutesWindow(object):
    def setupUi(self, MinutesWindow):
        if not MinutesWindow.objectName():
            MinutesWindow.setObjectName(u"MinutesWindow")
        MinutesWindow.resize(900, 800)
        self.minutesLayout = QVBoxLayout(MinutesWindow)
        self.minutesLayout.setObjectName(u"minutesLayout")
        self.minutesText = QTextBrowser(MinutesWindow)
        self.minutesText.setObjectName(u"minutesText")
        self.minutesText.setOpenLinks(False)

        self.minutesLayout.addWidget(self.minutesText)

        self.buttonRow = QHBoxLayout()
        self.buttonRow.setObjectName(u"buttonRow")
        self.buttonSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonRow.addItem(self.buttonSpacer)

        self.refreshButton = QPushButton(MinutesWindow)
        self.refreshButton.setObjectName(u"refreshButton")

        self.buttonRow.addWidget(self.refreshButton)

        self.pdfButton = QPushButton(MinutesWindow)
        self.pdfButton.setObjectName(u"pdfButton")

        self.buttonRow.addWidget(self.pdfButton)

        self.printButton = QPushButton(MinutesWindow)
        self.printButton.setObjectName(u"printButton")

        self.buttonRow.addWidget(self.printButton)

        self.closeButton = QPushButton(MinutesWindow)
        self.closeButton.setObjectName(u"closeButton")

        self.buttonRow.addWidget(self.closeButton)


        self.minutesLayout.addLayout(self.buttonRow)

        self.minutesLayout.setStretch(0, 1)

        self.retranslateUi(MinutesWindow)
    # setupUi

    def retranslateUi(self, MinutesWindow):
        MinutesWindow.setWindowTitle(QCoreApplication.translate("MinutesWindow", u"Minutes", None))
#if QT_CONFIG(accessibility)
        MinutesWindow.setAccessibleName(QCoreApplication.translate("MinutesWindow", u"Minutes", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.minutesText.setAccessibleName(QCoreApplication.translate("MinutesWindow", u"Minutes of the conference", None))
#endif // QT_CONFIG(accessibility)
        self.refreshButton.setText(QCoreApplication.translate("MinutesWindow", u"&Refresh", None))
#if QT_CONFIG(tooltip)
        self.refreshButton.setToolTip(QCoreApplication.translate("MinutesWindow", u"Read the minutes again from the conference as it stands", None))
#endif // QT_CONFIG(tooltip)
        self.pdfButton.setText(QCoreApplication.translate("MinutesWindow", u"&Save PDF\u2026", None))
        self.printButton.setText(QCoreApplication.translate("MinutesWindow", u"&Print\u2026", None))
        self.closeButton.setText(QCoreApplication.translate("MinutesWindow", u"&Close", None))
    # retranslateUi

