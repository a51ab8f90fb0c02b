# Generated from ui/training_scoring.ui by `make forms` (pyside6-uic). Do not edit: edit the .ui file.
# -*- coding: utf-8 -*-


from PySide6.QtCore import (QCoreApplication)
from PySide6.QtWidgets import (QComboBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QScrollArea,
    QSizePolicy, QSpacerItem, QVBoxLayout, QWidget)

class Ui_TrainingScoring(object):
    def setupUi(self, TrainingScoring):
        if not TrainingScoring.objectName():
            TrainingScoring.setObjectName(u"TrainingScoring")
        TrainingScoring.resize(800, 700)
        self.scoringLayout = QVBoxLayout(TrainingScoring)
        self.scoringLayout.setObjectName(u"scoringLayout")
        self.whoRow = QHBoxLayout()
        self.whoRow.setObjectName(u"whoRow")
        self.traineeLabel = QLabel(TrainingScoring)
        self.traineeLabel.setObjectName(u"traineeLabel")

        self.whoRow.addWidget(self.traineeLabel)

        self.traineeCombo = QComboBox(TrainingScoring)
        self.traineeCombo.setObjectName(u"traineeCombo")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        sizePolicy.setHorizontalStretch(0)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.traineeCombo.sizePolicy().hasHeightForWidth())
        self.traineeCombo.setSizePolicy(sizePolicy)
        self.traineeCombo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.traineeCombo.setMinimumContentsLength(22)

        self.whoRow.addWidget(self.traineeCombo)

        self.roleLabel = QLabel(TrainingScoring)
        self.roleLabel.setObjectName(u"roleLabel")

        self.whoRow.addWidget(self.roleLabel)

        self.roleCombo = QComboBox(TrainingScoring)
        self.roleCombo.setObjectName(u"roleCombo")

        self.whoRow.addWidget(self.roleCombo)

        self.raterLabel = QLabel(TrainingScoring)
        self.raterLabel.setObjectName(u"raterLabel")

        self.whoRow.addWidget(self.raterLabel)

        self.raterEdit = QLineEdit(TrainingScoring)
        self.raterEdit.setObjectName(u"raterEdit")

        self.whoRow.addWidget(self.raterEdit)

        self.raterCombo = QComboBox(TrainingScoring)
        self.raterCombo.setObjectName(u"raterCombo")
        self.raterCombo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.raterCombo.setMinimumContentsLength(22)
        sizePolicy.setHeightForWidth(self.raterCombo.sizePolicy().hasHeightForWidth())
        self.raterCombo.setSizePolicy(sizePolicy)

        self.whoRow.addWidget(self.raterCombo)


        self.scoringLayout.addLayout(self.whoRow)

        self.keysLabel = QLabel(TrainingScoring)
        self.keysLabel.setObjectName(u"keysLabel")
        self.keysLabel.setWordWrap(True)

        self.scoringLayout.addWidget(self.keysLabel)

        self.partsLabel = QLabel(TrainingScoring)
        self.partsLabel.setObjectName(u"partsLabel")
        self.partsLabel.setWordWrap(True)

        self.scoringLayout.addWidget(self.partsLabel)

        self.scrollArea = QScrollArea(TrainingScoring)
        self.scrollArea.setObjectName(u"scrollArea")
        self.scrollArea.setWidgetResizable(True)
        sizePolicy1 = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        sizePolicy1.setHorizontalStretch(0)
        sizePolicy1.setVerticalStretch(1)
        sizePolicy1.setHeightForWidth(self.scrollArea.sizePolicy().hasHeightForWidth())
        self.scrollArea.setSizePolicy(sizePolicy1)
        self.rowsContainer = QWidget()
        self.rowsContainer.setObjectName(u"rowsContainer")
        self.rowsLayout = QVBoxLayout(self.rowsContainer)
        self.rowsLayout.setSpacing(4)
        self.rowsLayout.setObjectName(u"rowsLayout")
        self.rowsEnd = QSpacerItem(20, 20, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.rowsLayout.addItem(self.rowsEnd)

        self.scrollArea.setWidget(self.rowsContainer)

        self.scoringLayout.addWidget(self.scrollArea)

        self.submitRow = QHBoxLayout()
        self.submitRow.setObjectName(u"submitRow")
        self.saveState = QLabel(TrainingScoring)
        self.saveState.setObjectName(u"saveState")
        self.saveState.setWordWrap(True)

        self.submitRow.addWidget(self.saveState)

        self.submitButton = QPushButton(TrainingScoring)
        self.submitButton.setObjectName(u"submitButton")

        self.submitRow.addWidget(self.submitButton)


        self.scoringLayout.addLayout(self.submitRow)

#if QT_CONFIG(shortcut)
        self.traineeLabel.setBuddy(self.traineeCombo)
        self.roleLabel.setBuddy(self.roleCombo)
        self.raterLabel.setBuddy(self.raterEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.traineeCombo, self.roleCombo)
        QWidget.setTabOrder(self.roleCombo, self.scrollArea)
        QWidget.setTabOrder(self.scrollArea, self.submitButton)

        self.retranslateUi(TrainingScoring)
    # setupUi

    def retranslateUi(self, TrainingScoring):
#if QT_CONFIG(accessibility)
        TrainingScoring.setAccessibleName(QCoreApplication.translate("TrainingScoring", u"Scoring", None))
#endif // QT_CONFIG(accessibility)
        self.traineeLabel.setText(QCoreApplication.translate("TrainingScoring", u"&Trainee:", None))
#if QT_CONFIG(accessibility)
        self.traineeCombo.setAccessibleName(QCoreApplication.translate("TrainingScoring", u"Trainee scored", None))
#endif // QT_CONFIG(accessibility)
        self.roleLabel.setText(QCoreApplication.translate("TrainingScoring", u"Scored &by:", None))
#if QT_CONFIG(accessibility)
        self.roleCombo.setAccessibleName(QCoreApplication.translate("TrainingScoring", u"Who is scoring", None))
#endif // QT_CONFIG(accessibility)
        self.raterLabel.setText(QCoreApplication.translate("TrainingScoring", u"Rat&er:", None))
#if QT_CONFIG(accessibility)
        self.raterEdit.setAccessibleName(QCoreApplication.translate("TrainingScoring", u"Rater's name (the person scoring)", None))
#endif // QT_CONFIG(accessibility)
        self.raterEdit.setPlaceholderText(QCoreApplication.translate("TrainingScoring", u"your name", None))
#if QT_CONFIG(tooltip)
        self.raterEdit.setToolTip(QCoreApplication.translate("TrainingScoring", u"The scores are recorded as this person's; several raters may score the same trainee", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.raterCombo.setAccessibleName(QCoreApplication.translate("TrainingScoring", u"Rater (the person scoring, by account)", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.raterCombo.setToolTip(QCoreApplication.translate("TrainingScoring", u"The scores are recorded as this person's account; another person confirms with their own password or PIN", None))
#endif // QT_CONFIG(tooltip)
        self.keysLabel.setText(QCoreApplication.translate("TrainingScoring", u"Keys: 1 to 5 score the item, Up and Down (or Tab) move between items, Enter writes a comment, Delete clears the score. A 1 or a 2 needs a comment.", None))
        self.partsLabel.setText("")
#if QT_CONFIG(accessibility)
        self.partsLabel.setAccessibleName(QCoreApplication.translate("TrainingScoring", u"The trainee's parts", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.scrollArea.setAccessibleName(QCoreApplication.translate("TrainingScoring", u"Rubric items", None))
#endif // QT_CONFIG(accessibility)
        self.saveState.setText("")
#if QT_CONFIG(accessibility)
        self.saveState.setAccessibleName(QCoreApplication.translate("TrainingScoring", u"Save state", None))
#endif // QT_CONFIG(accessibility)
        self.submitButton.setText(QCoreApplication.translate("TrainingScoring", u"S&ubmit scores", None))
#if QT_CONFIG(tooltip)
        self.submitButton.setToolTip(QCoreApplication.translate("TrainingScoring", u"Submit and lock these scores; the other side's are shown once both have submitted", None))
#endif // QT_CONFIG(tooltip)
    # retranslateUi

