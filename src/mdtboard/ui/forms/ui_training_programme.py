# Generated from ui/training_programme.ui by `make forms` (pyside6-uic). Do not edit: edit the .ui file.
# -*- coding: utf-8 -*-


from PySide6.QtCore import (QCoreApplication)
from PySide6.QtWidgets import (QAbstractItemView, QHBoxLayout, QLabel, QPushButton, QSizePolicy,
    QSpacerItem, QTableView, QVBoxLayout, QWidget)

class Ui_TrainingProgramme(object):
    def setupUi(self, TrainingProgramme):
        if not TrainingProgramme.objectName():
            TrainingProgramme.setObjectName(u"TrainingProgramme")
        TrainingProgramme.resize(800, 600)
        self.programmeLayout = QVBoxLayout(TrainingProgramme)
        self.programmeLayout.setObjectName(u"programmeLayout")
        self.summaryLabel = QLabel(TrainingProgramme)
        self.summaryLabel.setObjectName(u"summaryLabel")
        self.summaryLabel.setWordWrap(True)

        self.programmeLayout.addWidget(self.summaryLabel)

        self.programmeTable = QTableView(TrainingProgramme)
        self.programmeTable.setObjectName(u"programmeTable")
        self.programmeTable.setSortingEnabled(True)
        self.programmeTable.setAlternatingRowColors(True)
        self.programmeTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.programmeTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.programmeTable.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)

        self.programmeLayout.addWidget(self.programmeTable)

        self.cohortLabel = QLabel(TrainingProgramme)
        self.cohortLabel.setObjectName(u"cohortLabel")
        self.cohortLabel.setWordWrap(True)

        self.programmeLayout.addWidget(self.cohortLabel)

        self.agreementLabel = QLabel(TrainingProgramme)
        self.agreementLabel.setObjectName(u"agreementLabel")
        self.agreementLabel.setWordWrap(True)

        self.programmeLayout.addWidget(self.agreementLabel)

        self.exportRow = QHBoxLayout()
        self.exportRow.setObjectName(u"exportRow")
        self.exportCsvButton = QPushButton(TrainingProgramme)
        self.exportCsvButton.setObjectName(u"exportCsvButton")

        self.exportRow.addWidget(self.exportCsvButton)

        self.exportPdfButton = QPushButton(TrainingProgramme)
        self.exportPdfButton.setObjectName(u"exportPdfButton")

        self.exportRow.addWidget(self.exportPdfButton)

        self.renameButton = QPushButton(TrainingProgramme)
        self.renameButton.setObjectName(u"renameButton")

        self.exportRow.addWidget(self.renameButton)

        self.exportEnd = QSpacerItem(20, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.exportRow.addItem(self.exportEnd)


        self.programmeLayout.addLayout(self.exportRow)

        self.hintLabel = QLabel(TrainingProgramme)
        self.hintLabel.setObjectName(u"hintLabel")
        self.hintLabel.setWordWrap(True)

        self.programmeLayout.addWidget(self.hintLabel)

        QWidget.setTabOrder(self.programmeTable, self.exportCsvButton)
        QWidget.setTabOrder(self.exportCsvButton, self.exportPdfButton)
        QWidget.setTabOrder(self.exportPdfButton, self.renameButton)

        self.retranslateUi(TrainingProgramme)
    # setupUi

    def retranslateUi(self, TrainingProgramme):
#if QT_CONFIG(accessibility)
        TrainingProgramme.setAccessibleName(QCoreApplication.translate("TrainingProgramme", u"Programme", None))
#endif // QT_CONFIG(accessibility)
        self.summaryLabel.setText("")
#if QT_CONFIG(accessibility)
        self.summaryLabel.setAccessibleName(QCoreApplication.translate("TrainingProgramme", u"Summary", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.programmeTable.setAccessibleName(QCoreApplication.translate("TrainingProgramme", u"Trainees of the programme", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.programmeTable.setAccessibleDescription(QCoreApplication.translate("TrainingProgramme", u"Each trainee with the teaching conferences attended and the cases presented; Enter shows their progress", None))
#endif // QT_CONFIG(accessibility)
        self.cohortLabel.setText("")
#if QT_CONFIG(accessibility)
        self.cohortLabel.setAccessibleName(QCoreApplication.translate("TrainingProgramme", u"Cohort: curriculum covered and trainees flagged", None))
#endif // QT_CONFIG(accessibility)
        self.agreementLabel.setText("")
#if QT_CONFIG(accessibility)
        self.agreementLabel.setAccessibleName(QCoreApplication.translate("TrainingProgramme", u"Agreement between raters", None))
#endif // QT_CONFIG(accessibility)
        self.exportCsvButton.setText(QCoreApplication.translate("TrainingProgramme", u"E&xport CSV\u2026", None))
#if QT_CONFIG(tooltip)
        self.exportCsvButton.setToolTip(QCoreApplication.translate("TrainingProgramme", u"The chosen trainee's scores by item and milestone, raters and goals, for the competency committee", None))
#endif // QT_CONFIG(tooltip)
        self.exportPdfButton.setText(QCoreApplication.translate("TrainingProgramme", u"&Export PDF\u2026", None))
#if QT_CONFIG(tooltip)
        self.exportPdfButton.setToolTip(QCoreApplication.translate("TrainingProgramme", u"The chosen trainee's competency record as a PDF", None))
#endif // QT_CONFIG(tooltip)
        self.renameButton.setText(QCoreApplication.translate("TrainingProgramme", u"Correct na&me\u2026", None))
#if QT_CONFIG(tooltip)
        self.renameButton.setToolTip(QCoreApplication.translate("TrainingProgramme", u"Correct the chosen trainee's name everywhere their record is kept", None))
#endif // QT_CONFIG(tooltip)
        self.hintLabel.setText(QCoreApplication.translate("TrainingProgramme", u"Double-click a trainee (or press Enter) to see their progress.", None))
    # retranslateUi

