# Generated from ui/presentation_record.ui by `make forms` (pyside6-uic). Do not edit: edit the .ui file.
# -*- coding: utf-8 -*-


from PySide6.QtCore import (QCoreApplication, Qt)
from PySide6.QtWidgets import (QAbstractItemView, QHBoxLayout, QLabel, QPushButton, QSizePolicy,
    QSpacerItem, QTableWidget, QVBoxLayout)

class Ui_MeetingRecordWindow(object):
    def setupUi(self, MeetingRecordWindow):
        if not MeetingRecordWindow.objectName():
            MeetingRecordWindow.setObjectName(u"MeetingRecordWindow")
        MeetingRecordWindow.resize(1000, 760)
        self.recordLayout = QVBoxLayout(MeetingRecordWindow)
        self.recordLayout.setObjectName(u"recordLayout")
        self.headingLabel = QLabel(MeetingRecordWindow)
        self.headingLabel.setObjectName(u"headingLabel")
        self.headingLabel.setWordWrap(True)
        self.headingLabel.setTextFormat(Qt.TextFormat.PlainText)

        self.recordLayout.addWidget(self.headingLabel)

        self.summaryLabel = QLabel(MeetingRecordWindow)
        self.summaryLabel.setObjectName(u"summaryLabel")
        self.summaryLabel.setWordWrap(True)
        self.summaryLabel.setTextFormat(Qt.TextFormat.PlainText)

        self.recordLayout.addWidget(self.summaryLabel)

        self.casesLabel = QLabel(MeetingRecordWindow)
        self.casesLabel.setObjectName(u"casesLabel")

        self.recordLayout.addWidget(self.casesLabel)

        self.casesTable = QTableWidget(MeetingRecordWindow)
        self.casesTable.setObjectName(u"casesTable")
        self.casesTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.casesTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.casesTable.setWordWrap(True)

        self.recordLayout.addWidget(self.casesTable)

        self.shareLabel = QLabel(MeetingRecordWindow)
        self.shareLabel.setObjectName(u"shareLabel")

        self.recordLayout.addWidget(self.shareLabel)

        self.shareTable = QTableWidget(MeetingRecordWindow)
        self.shareTable.setObjectName(u"shareTable")
        self.shareTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.shareTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)

        self.recordLayout.addWidget(self.shareTable)

        self.missingLabel = QLabel(MeetingRecordWindow)
        self.missingLabel.setObjectName(u"missingLabel")
        self.missingLabel.setWordWrap(True)
        self.missingLabel.setTextFormat(Qt.TextFormat.PlainText)

        self.recordLayout.addWidget(self.missingLabel)

        self.buttonRow = QHBoxLayout()
        self.buttonRow.setObjectName(u"buttonRow")
        self.endButton = QPushButton(MeetingRecordWindow)
        self.endButton.setObjectName(u"endButton")

        self.buttonRow.addWidget(self.endButton)

        self.buttonSpacer = QSpacerItem(20, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonRow.addItem(self.buttonSpacer)

        self.pdfButton = QPushButton(MeetingRecordWindow)
        self.pdfButton.setObjectName(u"pdfButton")

        self.buttonRow.addWidget(self.pdfButton)

        self.printButton = QPushButton(MeetingRecordWindow)
        self.printButton.setObjectName(u"printButton")

        self.buttonRow.addWidget(self.printButton)

        self.closeButton = QPushButton(MeetingRecordWindow)
        self.closeButton.setObjectName(u"closeButton")

        self.buttonRow.addWidget(self.closeButton)


        self.recordLayout.addLayout(self.buttonRow)

        self.recordLayout.setStretch(3, 3)
        self.recordLayout.setStretch(5, 2)
#if QT_CONFIG(shortcut)
        self.casesLabel.setBuddy(self.casesTable)
        self.shareLabel.setBuddy(self.shareTable)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(MeetingRecordWindow)
    # setupUi

    def retranslateUi(self, MeetingRecordWindow):
        MeetingRecordWindow.setWindowTitle(QCoreApplication.translate("MeetingRecordWindow", u"Meeting record", None))
#if QT_CONFIG(accessibility)
        MeetingRecordWindow.setAccessibleName(QCoreApplication.translate("MeetingRecordWindow", u"Meeting record", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.headingLabel.setAccessibleName(QCoreApplication.translate("MeetingRecordWindow", u"Conference", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.summaryLabel.setAccessibleName(QCoreApplication.translate("MeetingRecordWindow", u"Summary of the meeting", None))
#endif // QT_CONFIG(accessibility)
        self.casesLabel.setText(QCoreApplication.translate("MeetingRecordWindow", u"&Cases", None))
#if QT_CONFIG(accessibility)
        self.casesTable.setAccessibleName(QCoreApplication.translate("MeetingRecordWindow", u"Cases: time against budget", None))
#endif // QT_CONFIG(accessibility)
        self.shareLabel.setText(QCoreApplication.translate("MeetingRecordWindow", u"Time &share per discipline", None))
#if QT_CONFIG(accessibility)
        self.shareTable.setAccessibleName(QCoreApplication.translate("MeetingRecordWindow", u"Time share per discipline", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.missingLabel.setAccessibleName(QCoreApplication.translate("MeetingRecordWindow", u"Missing disciplines", None))
#endif // QT_CONFIG(accessibility)
        self.endButton.setText(QCoreApplication.translate("MeetingRecordWindow", u"&End the meeting now", None))
#if QT_CONFIG(accessibility)
        self.endButton.setAccessibleName(QCoreApplication.translate("MeetingRecordWindow", u"Stop the case timer and record the meeting's end", None))
#endif // QT_CONFIG(accessibility)
        self.pdfButton.setText(QCoreApplication.translate("MeetingRecordWindow", u"Save P&DF\u2026", None))
#if QT_CONFIG(accessibility)
        self.pdfButton.setAccessibleName(QCoreApplication.translate("MeetingRecordWindow", u"Save the meeting record as a PDF", None))
#endif // QT_CONFIG(accessibility)
        self.printButton.setText(QCoreApplication.translate("MeetingRecordWindow", u"&Print\u2026", None))
#if QT_CONFIG(accessibility)
        self.printButton.setAccessibleName(QCoreApplication.translate("MeetingRecordWindow", u"Print the meeting record", None))
#endif // QT_CONFIG(accessibility)
        self.closeButton.setText(QCoreApplication.translate("MeetingRecordWindow", u"Close", None))
#if QT_CONFIG(accessibility)
        self.closeButton.setAccessibleName(QCoreApplication.translate("MeetingRecordWindow", u"Close the meeting record", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

