# Generated from ui/careplan_history.ui by `make forms` (pyside6-uic). Do not edit: edit the .ui file.
# -*- coding: utf-8 -*-


from PySide6.QtCore import (QCoreApplication, QSize)
from PySide6.QtWidgets import (QAbstractItemView, QFrame, QHBoxLayout, QLabel, QListView,
    QPushButton, QTextBrowser, QVBoxLayout, QWidget)

class Ui_VersionHistory(object):
    def setupUi(self, VersionHistory):
        if not VersionHistory.objectName():
            VersionHistory.setObjectName(u"VersionHistory")
        VersionHistory.resize(380, 420)
        VersionHistory.setFrameShape(QFrame.Shape.StyledPanel)
        self.panelLayout = QVBoxLayout(VersionHistory)
        self.panelLayout.setObjectName(u"panelLayout")
        self.titleLabel = QLabel(VersionHistory)
        self.titleLabel.setObjectName(u"titleLabel")

        self.panelLayout.addWidget(self.titleLabel)

        self.versionsView = QListView(VersionHistory)
        self.versionsView.setObjectName(u"versionsView")
        self.versionsView.setMaximumSize(QSize(16777215, 110))
        self.versionsView.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.versionsView.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.versionsView.setWordWrap(True)

        self.panelLayout.addWidget(self.versionsView)

        self.buttonRow = QHBoxLayout()
        self.buttonRow.setObjectName(u"buttonRow")
        self.showButton = QPushButton(VersionHistory)
        self.showButton.setObjectName(u"showButton")

        self.buttonRow.addWidget(self.showButton)

        self.diffButton = QPushButton(VersionHistory)
        self.diffButton.setObjectName(u"diffButton")

        self.buttonRow.addWidget(self.diffButton)


        self.panelLayout.addLayout(self.buttonRow)

        self.changesBrowser = QTextBrowser(VersionHistory)
        self.changesBrowser.setObjectName(u"changesBrowser")
        self.changesBrowser.setOpenLinks(False)

        self.panelLayout.addWidget(self.changesBrowser)

#if QT_CONFIG(shortcut)
        self.titleLabel.setBuddy(self.versionsView)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.versionsView, self.showButton)
        QWidget.setTabOrder(self.showButton, self.diffButton)
        QWidget.setTabOrder(self.diffButton, self.changesBrowser)

        self.retranslateUi(VersionHistory)
    # setupUi

    def retranslateUi(self, VersionHistory):
#if QT_CONFIG(accessibility)
        VersionHistory.setAccessibleName(QCoreApplication.translate("VersionHistory", u"Versions of the care plan", None))
#endif // QT_CONFIG(accessibility)
        self.titleLabel.setText(QCoreApplication.translate("VersionHistory", u"Versions", None))
#if QT_CONFIG(accessibility)
        self.versionsView.setAccessibleName(QCoreApplication.translate("VersionHistory", u"Versions, newest first", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.versionsView.setToolTip(QCoreApplication.translate("VersionHistory", u"Select one version to compare it with the one before, or two to compare them; Enter shows the selected version", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(tooltip)
        self.showButton.setToolTip(QCoreApplication.translate("VersionHistory", u"Show the selected version in the editor (earlier versions are read-only)", None))
#endif // QT_CONFIG(tooltip)
        self.showButton.setText(QCoreApplication.translate("VersionHistory", u"Show version", None))
#if QT_CONFIG(tooltip)
        self.diffButton.setToolTip(QCoreApplication.translate("VersionHistory", u"What changed between the two selected versions, or between the selected one and the one before", None))
#endif // QT_CONFIG(tooltip)
        self.diffButton.setText(QCoreApplication.translate("VersionHistory", u"Show changes", None))
#if QT_CONFIG(accessibility)
        self.changesBrowser.setAccessibleName(QCoreApplication.translate("VersionHistory", u"Changes between two versions", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

