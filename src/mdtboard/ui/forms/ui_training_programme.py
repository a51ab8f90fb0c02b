# Generated from ui/training_programme.ui by `make forms` (pyside6-uic). Do not edit: edit the .ui file.
# -*- coding: utf-8 -*-


from PySide6.QtCore import (QCoreApplication)
from PySide6.QtWidgets import (QAbstractItemView, QLabel, QTableView, QVBoxLayout)

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

        self.hintLabel = QLabel(TrainingProgramme)
        self.hintLabel.setObjectName(u"hintLabel")
        self.hintLabel.setWordWrap(True)

        self.programmeLayout.addWidget(self.hintLabel)


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
        self.hintLabel.setText(QCoreApplication.translate("TrainingProgramme", u"Double-click a trainee (or press Enter) to see their progress.", None))
    # retranslateUi

