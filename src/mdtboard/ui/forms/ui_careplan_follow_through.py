# Generated from ui/careplan_follow_through.ui by `make forms` (pyside6-uic). Do not edit: edit the .ui file.
# -*- coding: utf-8 -*-


from PySide6.QtCore import (QCoreApplication)
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QHBoxLayout, QLabel, QSizePolicy,
    QSpacerItem, QTableView, QVBoxLayout, QWidget)

class Ui_FollowThroughPanel(object):
    def setupUi(self, FollowThroughPanel):
        if not FollowThroughPanel.objectName():
            FollowThroughPanel.setObjectName(u"FollowThroughPanel")
        FollowThroughPanel.resize(800, 400)
        self.panelLayout = QVBoxLayout(FollowThroughPanel)
        self.panelLayout.setObjectName(u"panelLayout")
        self.introLabel = QLabel(FollowThroughPanel)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.panelLayout.addWidget(self.introLabel)

        self.recorderRow = QHBoxLayout()
        self.recorderRow.setObjectName(u"recorderRow")
        self.recorderLabel = QLabel(FollowThroughPanel)
        self.recorderLabel.setObjectName(u"recorderLabel")

        self.recorderRow.addWidget(self.recorderLabel)

        self.recorderCombo = QComboBox(FollowThroughPanel)
        self.recorderCombo.setObjectName(u"recorderCombo")
        self.recorderCombo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)

        self.recorderRow.addWidget(self.recorderCombo)

        self.recorderSpacer = QSpacerItem(20, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.recorderRow.addItem(self.recorderSpacer)


        self.panelLayout.addLayout(self.recorderRow)

        self.actionsTable = QTableView(FollowThroughPanel)
        self.actionsTable.setObjectName(u"actionsTable")
        self.actionsTable.setTabKeyNavigation(True)
        self.actionsTable.setAlternatingRowColors(True)
        self.actionsTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.actionsTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.actionsTable.setWordWrap(True)
        self.actionsTable.horizontalHeader().setStretchLastSection(True)
        self.actionsTable.verticalHeader().setVisible(False)

        self.panelLayout.addWidget(self.actionsTable)

        self.summaryLabel = QLabel(FollowThroughPanel)
        self.summaryLabel.setObjectName(u"summaryLabel")
        self.summaryLabel.setWordWrap(True)

        self.panelLayout.addWidget(self.summaryLabel)

#if QT_CONFIG(shortcut)
        self.introLabel.setBuddy(self.actionsTable)
        self.recorderLabel.setBuddy(self.recorderCombo)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.actionsTable, self.recorderCombo)

        self.retranslateUi(FollowThroughPanel)
    # setupUi

    def retranslateUi(self, FollowThroughPanel):
#if QT_CONFIG(accessibility)
        FollowThroughPanel.setAccessibleName(QCoreApplication.translate("FollowThroughPanel", u"Follow-through of the agreed plan", None))
#endif // QT_CONFIG(accessibility)
        self.recorderLabel.setText(QCoreApplication.translate("FollowThroughPanel", u"Recorded by", None))
#if QT_CONFIG(accessibility)
        self.recorderCombo.setAccessibleName(QCoreApplication.translate("FollowThroughPanel", u"Who records the progress (from the attendance list)", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.actionsTable.setAccessibleName(QCoreApplication.translate("FollowThroughPanel", u"Actions of the agreed plan and their progress", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.actionsTable.setToolTip(QCoreApplication.translate("FollowThroughPanel", u"D: done; N: not done (asks why); C: carried forward (asks the new date)", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.summaryLabel.setAccessibleName(QCoreApplication.translate("FollowThroughPanel", u"How many actions are done, not done, carried forward", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

