# Generated from ui/training_calibration.ui by `make forms` (pyside6-uic). Do not edit: edit the .ui file.
# -*- coding: utf-8 -*-


from PySide6.QtCore import (QCoreApplication, QSize)
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QHBoxLayout, QLabel, QPushButton,
    QScrollArea, QSizePolicy, QSpacerItem, QTableWidget, QTextBrowser, QVBoxLayout, QWidget)

class Ui_TrainingCalibration(object):
    def setupUi(self, TrainingCalibration):
        if not TrainingCalibration.objectName():
            TrainingCalibration.setObjectName(u"TrainingCalibration")
        TrainingCalibration.resize(800, 700)
        self.calibrationLayout = QVBoxLayout(TrainingCalibration)
        self.calibrationLayout.setObjectName(u"calibrationLayout")
        self.chooseRow = QHBoxLayout()
        self.chooseRow.setObjectName(u"chooseRow")
        self.vignetteLabel = QLabel(TrainingCalibration)
        self.vignetteLabel.setObjectName(u"vignetteLabel")

        self.chooseRow.addWidget(self.vignetteLabel)

        self.vignetteCombo = QComboBox(TrainingCalibration)
        self.vignetteCombo.setObjectName(u"vignetteCombo")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        sizePolicy.setHorizontalStretch(0)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.vignetteCombo.sizePolicy().hasHeightForWidth())
        self.vignetteCombo.setSizePolicy(sizePolicy)

        self.chooseRow.addWidget(self.vignetteCombo)


        self.calibrationLayout.addLayout(self.chooseRow)

        self.howLabel = QLabel(TrainingCalibration)
        self.howLabel.setObjectName(u"howLabel")
        self.howLabel.setWordWrap(True)

        self.calibrationLayout.addWidget(self.howLabel)

        self.vignetteText = QTextBrowser(TrainingCalibration)
        self.vignetteText.setObjectName(u"vignetteText")
        self.vignetteText.setMaximumSize(QSize(16777215, 180))

        self.calibrationLayout.addWidget(self.vignetteText)

        self.scrollArea = QScrollArea(TrainingCalibration)
        self.scrollArea.setObjectName(u"scrollArea")
        self.scrollArea.setWidgetResizable(True)
        self.rowsContainer = QWidget()
        self.rowsContainer.setObjectName(u"rowsContainer")
        self.rowsLayout = QVBoxLayout(self.rowsContainer)
        self.rowsLayout.setSpacing(4)
        self.rowsLayout.setObjectName(u"rowsLayout")
        self.rowsEnd = QSpacerItem(20, 20, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.rowsLayout.addItem(self.rowsEnd)

        self.scrollArea.setWidget(self.rowsContainer)

        self.calibrationLayout.addWidget(self.scrollArea)

        self.compareRow = QHBoxLayout()
        self.compareRow.setObjectName(u"compareRow")
        self.summaryLabel = QLabel(TrainingCalibration)
        self.summaryLabel.setObjectName(u"summaryLabel")
        self.summaryLabel.setWordWrap(True)

        self.compareRow.addWidget(self.summaryLabel)

        self.compareButton = QPushButton(TrainingCalibration)
        self.compareButton.setObjectName(u"compareButton")

        self.compareRow.addWidget(self.compareButton)


        self.calibrationLayout.addLayout(self.compareRow)

        self.resultTable = QTableWidget(TrainingCalibration)
        self.resultTable.setObjectName(u"resultTable")
        self.resultTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.resultTable.setWordWrap(True)

        self.calibrationLayout.addWidget(self.resultTable)

#if QT_CONFIG(shortcut)
        self.vignetteLabel.setBuddy(self.vignetteCombo)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.vignetteCombo, self.vignetteText)
        QWidget.setTabOrder(self.vignetteText, self.compareButton)
        QWidget.setTabOrder(self.compareButton, self.resultTable)

        self.retranslateUi(TrainingCalibration)
    # setupUi

    def retranslateUi(self, TrainingCalibration):
#if QT_CONFIG(accessibility)
        TrainingCalibration.setAccessibleName(QCoreApplication.translate("TrainingCalibration", u"Rater calibration", None))
#endif // QT_CONFIG(accessibility)
        self.vignetteLabel.setText(QCoreApplication.translate("TrainingCalibration", u"&Vignette:", None))
#if QT_CONFIG(accessibility)
        self.vignetteCombo.setAccessibleName(QCoreApplication.translate("TrainingCalibration", u"Example performance to score", None))
#endif // QT_CONFIG(accessibility)
        self.howLabel.setText(QCoreApplication.translate("TrainingCalibration", u"Read the example, score it as you would score a trainee (1 to 5 on each item), then compare your scores with the reference scores and their reasons.", None))
#if QT_CONFIG(accessibility)
        self.vignetteText.setAccessibleName(QCoreApplication.translate("TrainingCalibration", u"The example performance", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.scrollArea.setAccessibleName(QCoreApplication.translate("TrainingCalibration", u"Items to score", None))
#endif // QT_CONFIG(accessibility)
        self.summaryLabel.setText("")
#if QT_CONFIG(accessibility)
        self.summaryLabel.setAccessibleName(QCoreApplication.translate("TrainingCalibration", u"Calibration summary", None))
#endif // QT_CONFIG(accessibility)
        self.compareButton.setText(QCoreApplication.translate("TrainingCalibration", u"Co&mpare with the reference", None))
#if QT_CONFIG(accessibility)
        self.resultTable.setAccessibleName(QCoreApplication.translate("TrainingCalibration", u"Your scores against the reference", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

