# Generated from ui/training_progress.ui by `make forms` (pyside6-uic). Do not edit: edit the .ui file.
# -*- coding: utf-8 -*-


from PySide6.QtCore import (QCoreApplication)
from PySide6.QtWidgets import (QComboBox, QGridLayout, QHBoxLayout, QLabel, QScrollArea,
    QSizePolicy, QVBoxLayout, QWidget)

class Ui_TrainingProgress(object):
    def setupUi(self, TrainingProgress):
        if not TrainingProgress.objectName():
            TrainingProgress.setObjectName(u"TrainingProgress")
        TrainingProgress.resize(900, 700)
        self.progressLayout = QVBoxLayout(TrainingProgress)
        self.progressLayout.setObjectName(u"progressLayout")
        self.progressRow = QHBoxLayout()
        self.progressRow.setObjectName(u"progressRow")
        self.traineeLabel = QLabel(TrainingProgress)
        self.traineeLabel.setObjectName(u"traineeLabel")

        self.progressRow.addWidget(self.traineeLabel)

        self.traineeCombo = QComboBox(TrainingProgress)
        self.traineeCombo.setObjectName(u"traineeCombo")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        sizePolicy.setHorizontalStretch(0)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.traineeCombo.sizePolicy().hasHeightForWidth())
        self.traineeCombo.setSizePolicy(sizePolicy)

        self.progressRow.addWidget(self.traineeCombo)


        self.progressLayout.addLayout(self.progressRow)

        self.summaryLabel = QLabel(TrainingProgress)
        self.summaryLabel.setObjectName(u"summaryLabel")
        self.summaryLabel.setWordWrap(True)

        self.progressLayout.addWidget(self.summaryLabel)

        self.scrollArea = QScrollArea(TrainingProgress)
        self.scrollArea.setObjectName(u"scrollArea")
        self.scrollArea.setWidgetResizable(True)
        sizePolicy1 = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        sizePolicy1.setHorizontalStretch(0)
        sizePolicy1.setVerticalStretch(1)
        sizePolicy1.setHeightForWidth(self.scrollArea.sizePolicy().hasHeightForWidth())
        self.scrollArea.setSizePolicy(sizePolicy1)
        self.chartsContainer = QWidget()
        self.chartsContainer.setObjectName(u"chartsContainer")
        self.chartsGrid = QGridLayout(self.chartsContainer)
        self.chartsGrid.setObjectName(u"chartsGrid")
        self.scrollArea.setWidget(self.chartsContainer)

        self.progressLayout.addWidget(self.scrollArea)

#if QT_CONFIG(shortcut)
        self.traineeLabel.setBuddy(self.traineeCombo)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.traineeCombo, self.scrollArea)

        self.retranslateUi(TrainingProgress)
    # setupUi

    def retranslateUi(self, TrainingProgress):
#if QT_CONFIG(accessibility)
        TrainingProgress.setAccessibleName(QCoreApplication.translate("TrainingProgress", u"Progress", None))
#endif // QT_CONFIG(accessibility)
        self.traineeLabel.setText(QCoreApplication.translate("TrainingProgress", u"&Trainee:", None))
#if QT_CONFIG(accessibility)
        self.traineeCombo.setAccessibleName(QCoreApplication.translate("TrainingProgress", u"Trainee", None))
#endif // QT_CONFIG(accessibility)
        self.summaryLabel.setText("")
#if QT_CONFIG(accessibility)
        self.summaryLabel.setAccessibleName(QCoreApplication.translate("TrainingProgress", u"Summary", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

