# Generated from ui/training_goals.ui by `make forms` (pyside6-uic). Do not edit: edit the .ui file.
# -*- coding: utf-8 -*-


from PySide6.QtCore import (QCoreApplication, QSize)
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QGridLayout, QHBoxLayout, QLabel,
    QLineEdit, QListWidget, QPushButton, QSizePolicy, QSpacerItem, QTableWidget, QVBoxLayout,
    QWidget)

class Ui_TrainingGoals(object):
    def setupUi(self, TrainingGoals):
        if not TrainingGoals.objectName():
            TrainingGoals.setObjectName(u"TrainingGoals")
        TrainingGoals.resize(800, 600)
        self.goalsLayout = QVBoxLayout(TrainingGoals)
        self.goalsLayout.setObjectName(u"goalsLayout")
        self.whoRow = QHBoxLayout()
        self.whoRow.setObjectName(u"whoRow")
        self.traineeLabel = QLabel(TrainingGoals)
        self.traineeLabel.setObjectName(u"traineeLabel")

        self.whoRow.addWidget(self.traineeLabel)

        self.traineeCombo = QComboBox(TrainingGoals)
        self.traineeCombo.setObjectName(u"traineeCombo")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        sizePolicy.setHorizontalStretch(0)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.traineeCombo.sizePolicy().hasHeightForWidth())
        self.traineeCombo.setSizePolicy(sizePolicy)

        self.whoRow.addWidget(self.traineeCombo)


        self.goalsLayout.addLayout(self.whoRow)

        self.focusLabel = QLabel(TrainingGoals)
        self.focusLabel.setObjectName(u"focusLabel")
        self.focusLabel.setWordWrap(True)

        self.goalsLayout.addWidget(self.focusLabel)

        self.focusList = QListWidget(TrainingGoals)
        self.focusList.setObjectName(u"focusList")
        self.focusList.setMaximumSize(QSize(16777215, 170))

        self.goalsLayout.addWidget(self.focusList)

        self.reviewLabel = QLabel(TrainingGoals)
        self.reviewLabel.setObjectName(u"reviewLabel")
        self.reviewLabel.setWordWrap(True)

        self.goalsLayout.addWidget(self.reviewLabel)

        self.reviewTable = QTableWidget(TrainingGoals)
        self.reviewTable.setObjectName(u"reviewTable")
        self.reviewTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.reviewTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)

        self.goalsLayout.addWidget(self.reviewTable)

        self.newLabel = QLabel(TrainingGoals)
        self.newLabel.setObjectName(u"newLabel")
        self.newLabel.setWordWrap(True)

        self.goalsLayout.addWidget(self.newLabel)

        self.newGrid = QGridLayout()
        self.newGrid.setObjectName(u"newGrid")
        self.kind1Combo = QComboBox(TrainingGoals)
        self.kind1Combo.setObjectName(u"kind1Combo")

        self.newGrid.addWidget(self.kind1Combo, 0, 0, 1, 1)

        self.goal1Edit = QLineEdit(TrainingGoals)
        self.goal1Edit.setObjectName(u"goal1Edit")

        self.newGrid.addWidget(self.goal1Edit, 0, 1, 1, 1)

        self.kind2Combo = QComboBox(TrainingGoals)
        self.kind2Combo.setObjectName(u"kind2Combo")

        self.newGrid.addWidget(self.kind2Combo, 1, 0, 1, 1)

        self.goal2Edit = QLineEdit(TrainingGoals)
        self.goal2Edit.setObjectName(u"goal2Edit")

        self.newGrid.addWidget(self.goal2Edit, 1, 1, 1, 1)

        self.kind3Combo = QComboBox(TrainingGoals)
        self.kind3Combo.setObjectName(u"kind3Combo")

        self.newGrid.addWidget(self.kind3Combo, 2, 0, 1, 1)

        self.goal3Edit = QLineEdit(TrainingGoals)
        self.goal3Edit.setObjectName(u"goal3Edit")

        self.newGrid.addWidget(self.goal3Edit, 2, 1, 1, 1)


        self.goalsLayout.addLayout(self.newGrid)

        self.saveRow = QHBoxLayout()
        self.saveRow.setObjectName(u"saveRow")
        self.stateLabel = QLabel(TrainingGoals)
        self.stateLabel.setObjectName(u"stateLabel")
        self.stateLabel.setWordWrap(True)

        self.saveRow.addWidget(self.stateLabel)

        self.saveButton = QPushButton(TrainingGoals)
        self.saveButton.setObjectName(u"saveButton")

        self.saveRow.addWidget(self.saveButton)


        self.goalsLayout.addLayout(self.saveRow)

        self.goalsEnd = QSpacerItem(20, 20, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.goalsLayout.addItem(self.goalsEnd)

#if QT_CONFIG(shortcut)
        self.traineeLabel.setBuddy(self.traineeCombo)
        self.focusLabel.setBuddy(self.focusList)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.traineeCombo, self.focusList)
        QWidget.setTabOrder(self.focusList, self.reviewTable)
        QWidget.setTabOrder(self.reviewTable, self.kind1Combo)
        QWidget.setTabOrder(self.kind1Combo, self.goal1Edit)
        QWidget.setTabOrder(self.goal1Edit, self.kind2Combo)
        QWidget.setTabOrder(self.kind2Combo, self.goal2Edit)
        QWidget.setTabOrder(self.goal2Edit, self.kind3Combo)
        QWidget.setTabOrder(self.kind3Combo, self.goal3Edit)
        QWidget.setTabOrder(self.goal3Edit, self.saveButton)

        self.retranslateUi(TrainingGoals)
    # setupUi

    def retranslateUi(self, TrainingGoals):
#if QT_CONFIG(accessibility)
        TrainingGoals.setAccessibleName(QCoreApplication.translate("TrainingGoals", u"Goals", None))
#endif // QT_CONFIG(accessibility)
        self.traineeLabel.setText(QCoreApplication.translate("TrainingGoals", u"&Trainee:", None))
#if QT_CONFIG(accessibility)
        self.traineeCombo.setAccessibleName(QCoreApplication.translate("TrainingGoals", u"Trainee whose goals these are", None))
#endif // QT_CONFIG(accessibility)
        self.focusLabel.setText(QCoreApplication.translate("TrainingGoals", u"Team &items announced for this conference (tick two or three; with none ticked the core items are scored; the entrustment scale always is):", None))
#if QT_CONFIG(accessibility)
        self.focusList.setAccessibleName(QCoreApplication.translate("TrainingGoals", u"Team items announced for the trainee", None))
#endif // QT_CONFIG(accessibility)
        self.reviewLabel.setText(QCoreApplication.translate("TrainingGoals", u"Goals from earlier conferences, to review first (choose met, partly met or not met):", None))
#if QT_CONFIG(accessibility)
        self.reviewTable.setAccessibleName(QCoreApplication.translate("TrainingGoals", u"Goals from earlier conferences", None))
#endif // QT_CONFIG(accessibility)
        self.newLabel.setText(QCoreApplication.translate("TrainingGoals", u"Goals for the next conference, written together after the reveal (one to three: what to keep, what to change, how):", None))
#if QT_CONFIG(accessibility)
        self.kind1Combo.setAccessibleName(QCoreApplication.translate("TrainingGoals", u"Kind of goal 1", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.goal1Edit.setAccessibleName(QCoreApplication.translate("TrainingGoals", u"Goal 1", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.kind2Combo.setAccessibleName(QCoreApplication.translate("TrainingGoals", u"Kind of goal 2", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.goal2Edit.setAccessibleName(QCoreApplication.translate("TrainingGoals", u"Goal 2", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.kind3Combo.setAccessibleName(QCoreApplication.translate("TrainingGoals", u"Kind of goal 3", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.goal3Edit.setAccessibleName(QCoreApplication.translate("TrainingGoals", u"Goal 3", None))
#endif // QT_CONFIG(accessibility)
        self.stateLabel.setText("")
#if QT_CONFIG(accessibility)
        self.stateLabel.setAccessibleName(QCoreApplication.translate("TrainingGoals", u"Goals state", None))
#endif // QT_CONFIG(accessibility)
        self.saveButton.setText(QCoreApplication.translate("TrainingGoals", u"Sa&ve goals", None))
    # retranslateUi

