# Generated from ui/case_library.ui by `make forms` (pyside6-uic). Do not edit: edit the .ui file.
# -*- coding: utf-8 -*-


from PySide6.QtCore import (QCoreApplication, Qt)
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QHBoxLayout, QLabel, QLineEdit,
    QPushButton, QTableView, QVBoxLayout, QWidget)

class Ui_CaseLibrary(object):
    def setupUi(self, CaseLibrary):
        if not CaseLibrary.objectName():
            CaseLibrary.setObjectName(u"CaseLibrary")
        CaseLibrary.resize(900, 600)
        self.libraryLayout = QVBoxLayout(CaseLibrary)
        self.libraryLayout.setObjectName(u"libraryLayout")
        self.heading = QLabel(CaseLibrary)
        self.heading.setObjectName(u"heading")

        self.libraryLayout.addWidget(self.heading)

        self.searchRow = QHBoxLayout()
        self.searchRow.setObjectName(u"searchRow")
        self.searchLabel = QLabel(CaseLibrary)
        self.searchLabel.setObjectName(u"searchLabel")

        self.searchRow.addWidget(self.searchLabel)

        self.searchEdit = QLineEdit(CaseLibrary)
        self.searchEdit.setObjectName(u"searchEdit")
        self.searchEdit.setClearButtonEnabled(True)

        self.searchRow.addWidget(self.searchEdit)

        self.filterLabel = QLabel(CaseLibrary)
        self.filterLabel.setObjectName(u"filterLabel")

        self.searchRow.addWidget(self.filterLabel)

        self.filterCombo = QComboBox(CaseLibrary)
        self.filterCombo.addItem("")
        self.filterCombo.addItem("")
        self.filterCombo.addItem("")
        self.filterCombo.addItem("")
        self.filterCombo.setObjectName(u"filterCombo")

        self.searchRow.addWidget(self.filterCombo)

        self.countLabel = QLabel(CaseLibrary)
        self.countLabel.setObjectName(u"countLabel")
        self.countLabel.setAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)

        self.searchRow.addWidget(self.countLabel)


        self.libraryLayout.addLayout(self.searchRow)

        self.sharingBanner = QLabel(CaseLibrary)
        self.sharingBanner.setObjectName(u"sharingBanner")
        self.sharingBanner.setVisible(False)
        self.sharingBanner.setTextFormat(Qt.TextFormat.PlainText)
        self.sharingBanner.setWordWrap(True)

        self.libraryLayout.addWidget(self.sharingBanner)

        self.caseTable = QTableView(CaseLibrary)
        self.caseTable.setObjectName(u"caseTable")
        self.caseTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.caseTable.setAlternatingRowColors(True)
        self.caseTable.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.caseTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.caseTable.setSortingEnabled(True)
        self.caseTable.setWordWrap(False)
        self.caseTable.horizontalHeader().setStretchLastSection(False)
        self.caseTable.verticalHeader().setVisible(False)

        self.libraryLayout.addWidget(self.caseTable)

        self.buttonRow = QHBoxLayout()
        self.buttonRow.setObjectName(u"buttonRow")
        self.newButton = QPushButton(CaseLibrary)
        self.newButton.setObjectName(u"newButton")

        self.buttonRow.addWidget(self.newButton)

        self.openButton = QPushButton(CaseLibrary)
        self.openButton.setObjectName(u"openButton")

        self.buttonRow.addWidget(self.openButton)

        self.duplicateButton = QPushButton(CaseLibrary)
        self.duplicateButton.setObjectName(u"duplicateButton")

        self.buttonRow.addWidget(self.duplicateButton)

        self.archiveButton = QPushButton(CaseLibrary)
        self.archiveButton.setObjectName(u"archiveButton")

        self.buttonRow.addWidget(self.archiveButton)

        self.deleteButton = QPushButton(CaseLibrary)
        self.deleteButton.setObjectName(u"deleteButton")

        self.buttonRow.addWidget(self.deleteButton)

        self.importButton = QPushButton(CaseLibrary)
        self.importButton.setObjectName(u"importButton")

        self.buttonRow.addWidget(self.importButton)

        self.exportButton = QPushButton(CaseLibrary)
        self.exportButton.setObjectName(u"exportButton")

        self.buttonRow.addWidget(self.exportButton)

        self.dropHint = QLabel(CaseLibrary)
        self.dropHint.setObjectName(u"dropHint")
        self.dropHint.setWordWrap(True)
        self.dropHint.setAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)

        self.buttonRow.addWidget(self.dropHint)

        self.buttonRow.setStretch(7, 1)

        self.libraryLayout.addLayout(self.buttonRow)

#if QT_CONFIG(shortcut)
        self.searchLabel.setBuddy(self.searchEdit)
        self.filterLabel.setBuddy(self.filterCombo)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.searchEdit, self.filterCombo)
        QWidget.setTabOrder(self.filterCombo, self.caseTable)
        QWidget.setTabOrder(self.caseTable, self.newButton)
        QWidget.setTabOrder(self.newButton, self.openButton)
        QWidget.setTabOrder(self.openButton, self.duplicateButton)
        QWidget.setTabOrder(self.duplicateButton, self.archiveButton)
        QWidget.setTabOrder(self.archiveButton, self.deleteButton)
        QWidget.setTabOrder(self.deleteButton, self.importButton)
        QWidget.setTabOrder(self.importButton, self.exportButton)

        self.retranslateUi(CaseLibrary)
    # setupUi

    def retranslateUi(self, CaseLibrary):
#if QT_CONFIG(accessibility)
        CaseLibrary.setAccessibleName(QCoreApplication.translate("CaseLibrary", u"Case library", None))
#endif // QT_CONFIG(accessibility)
        self.heading.setText(QCoreApplication.translate("CaseLibrary", u"Case library", None))
#if QT_CONFIG(accessibility)
        self.heading.setAccessibleName(QCoreApplication.translate("CaseLibrary", u"Case library", None))
#endif // QT_CONFIG(accessibility)
        self.searchLabel.setText(QCoreApplication.translate("CaseLibrary", u"&Search:", None))
#if QT_CONFIG(accessibility)
        self.searchEdit.setAccessibleName(QCoreApplication.translate("CaseLibrary", u"Search cases", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.searchEdit.setAccessibleDescription(QCoreApplication.translate("CaseLibrary", u"Finds cases whose patient name, title or reference has words starting with what you type; accents and case are ignored", None))
#endif // QT_CONFIG(accessibility)
        self.searchEdit.setPlaceholderText(QCoreApplication.translate("CaseLibrary", u"Patient name, title or reference", None))
        self.filterLabel.setText(QCoreApplication.translate("CaseLibrary", u"Sho&w:", None))
        self.filterCombo.setItemText(0, QCoreApplication.translate("CaseLibrary", u"All cases", None))
        self.filterCombo.setItemText(1, QCoreApplication.translate("CaseLibrary", u"Real cases only", None))
        self.filterCombo.setItemText(2, QCoreApplication.translate("CaseLibrary", u"Fictional cases only", None))
        self.filterCombo.setItemText(3, QCoreApplication.translate("CaseLibrary", u"Archived cases", None))

#if QT_CONFIG(accessibility)
        self.filterCombo.setAccessibleName(QCoreApplication.translate("CaseLibrary", u"Show real, fictional or archived cases", None))
#endif // QT_CONFIG(accessibility)
        self.countLabel.setText("")
#if QT_CONFIG(accessibility)
        self.sharingBanner.setAccessibleName(QCoreApplication.translate("CaseLibrary", u"Sharing restrictions of the selected case", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.caseTable.setAccessibleName(QCoreApplication.translate("CaseLibrary", u"Cases", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.caseTable.setAccessibleDescription(QCoreApplication.translate("CaseLibrary", u"Press Enter or double-click to open the case", None))
#endif // QT_CONFIG(accessibility)
        self.newButton.setText(QCoreApplication.translate("CaseLibrary", u"&New case\u2026", None))
#if QT_CONFIG(accessibility)
        self.newButton.setAccessibleName(QCoreApplication.translate("CaseLibrary", u"Create a new case", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.newButton.setToolTip(QCoreApplication.translate("CaseLibrary", u"A blank case in the case editor (Ctrl+N)", None))
#endif // QT_CONFIG(tooltip)
        self.openButton.setText(QCoreApplication.translate("CaseLibrary", u"&Open case", None))
#if QT_CONFIG(accessibility)
        self.openButton.setAccessibleName(QCoreApplication.translate("CaseLibrary", u"Open the selected case", None))
#endif // QT_CONFIG(accessibility)
        self.duplicateButton.setText(QCoreApplication.translate("CaseLibrary", u"Du&plicate\u2026", None))
#if QT_CONFIG(accessibility)
        self.duplicateButton.setAccessibleName(QCoreApplication.translate("CaseLibrary", u"Duplicate the selected case as a new case", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.duplicateButton.setToolTip(QCoreApplication.translate("CaseLibrary", u"A new case with the selected case's content, its own reference, and a title saying it is a copy", None))
#endif // QT_CONFIG(tooltip)
        self.archiveButton.setText(QCoreApplication.translate("CaseLibrary", u"A&rchive", None))
#if QT_CONFIG(accessibility)
        self.archiveButton.setAccessibleName(QCoreApplication.translate("CaseLibrary", u"Archive the selected case", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.archiveButton.setToolTip(QCoreApplication.translate("CaseLibrary", u"Hide the case from the library and the agenda's search; it is kept, and Show: Archived cases lists it to restore it", None))
#endif // QT_CONFIG(tooltip)
        self.deleteButton.setText(QCoreApplication.translate("CaseLibrary", u"&Delete\u2026", None))
#if QT_CONFIG(accessibility)
        self.deleteButton.setAccessibleName(QCoreApplication.translate("CaseLibrary", u"Delete the selected case", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.deleteButton.setToolTip(QCoreApplication.translate("CaseLibrary", u"Delete a case that is in no conference and has no care plan (Delete key); Ctrl+Z brings it back until mdtboard is closed", None))
#endif // QT_CONFIG(tooltip)
        self.importButton.setText(QCoreApplication.translate("CaseLibrary", u"&Import bundle\u2026", None))
#if QT_CONFIG(accessibility)
        self.importButton.setAccessibleName(QCoreApplication.translate("CaseLibrary", u"Import a case bundle", None))
#endif // QT_CONFIG(accessibility)
        self.exportButton.setText(QCoreApplication.translate("CaseLibrary", u"E&xport selected\u2026", None))
#if QT_CONFIG(accessibility)
        self.exportButton.setAccessibleName(QCoreApplication.translate("CaseLibrary", u"Export the selected cases", None))
#endif // QT_CONFIG(accessibility)
        self.dropHint.setText(QCoreApplication.translate("CaseLibrary", u"Drop a case bundle (.json) on the window to import it.", None))
    # retranslateUi

