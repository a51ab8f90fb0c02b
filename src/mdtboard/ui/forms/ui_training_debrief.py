# Generated from ui/training_debrief.ui by `make forms` (pyside6-uic). Do not edit: edit the .ui file.
# -*- coding: utf-8 -*-


from PySide6.QtCore import (QCoreApplication)
from PySide6.QtWidgets import (QComboBox, QHBoxLayout, QLabel, QPushButton, QSizePolicy,
    QTextBrowser, QVBoxLayout, QWidget)

class Ui_TrainingDebrief(object):
    def setupUi(self, TrainingDebrief):
        if not TrainingDebrief.objectName():
            TrainingDebrief.setObjectName(u"TrainingDebrief")
        TrainingDebrief.resize(800, 700)
        self.debriefLayout = QVBoxLayout(TrainingDebrief)
        self.debriefLayout.setObjectName(u"debriefLayout")
        self.debriefRow = QHBoxLayout()
        self.debriefRow.setObjectName(u"debriefRow")
        self.traineeLabel = QLabel(TrainingDebrief)
        self.traineeLabel.setObjectName(u"traineeLabel")

        self.debriefRow.addWidget(self.traineeLabel)

        self.traineeCombo = QComboBox(TrainingDebrief)
        self.traineeCombo.setObjectName(u"traineeCombo")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        sizePolicy.setHorizontalStretch(0)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.traineeCombo.sizePolicy().hasHeightForWidth())
        self.traineeCombo.setSizePolicy(sizePolicy)

        self.debriefRow.addWidget(self.traineeCombo)

        self.saveButton = QPushButton(TrainingDebrief)
        self.saveButton.setObjectName(u"saveButton")

        self.debriefRow.addWidget(self.saveButton)


        self.debriefLayout.addLayout(self.debriefRow)

        self.preview = QTextBrowser(TrainingDebrief)
        self.preview.setObjectName(u"preview")
        sizePolicy1 = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        sizePolicy1.setHorizontalStretch(0)
        sizePolicy1.setVerticalStretch(1)
        sizePolicy1.setHeightForWidth(self.preview.sizePolicy().hasHeightForWidth())
        self.preview.setSizePolicy(sizePolicy1)

        self.debriefLayout.addWidget(self.preview)

#if QT_CONFIG(shortcut)
        self.traineeLabel.setBuddy(self.traineeCombo)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.traineeCombo, self.saveButton)
        QWidget.setTabOrder(self.saveButton, self.preview)

        self.retranslateUi(TrainingDebrief)
    # setupUi

    def retranslateUi(self, TrainingDebrief):
#if QT_CONFIG(accessibility)
        TrainingDebrief.setAccessibleName(QCoreApplication.translate("TrainingDebrief", u"Debrief", None))
#endif // QT_CONFIG(accessibility)
        self.traineeLabel.setText(QCoreApplication.translate("TrainingDebrief", u"&Trainee:", None))
#if QT_CONFIG(accessibility)
        self.traineeCombo.setAccessibleName(QCoreApplication.translate("TrainingDebrief", u"Trainee", None))
#endif // QT_CONFIG(accessibility)
        self.saveButton.setText(QCoreApplication.translate("TrainingDebrief", u"Sa&ve debrief PDF\u2026", None))
#if QT_CONFIG(accessibility)
        self.preview.setAccessibleName(QCoreApplication.translate("TrainingDebrief", u"Debrief", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

