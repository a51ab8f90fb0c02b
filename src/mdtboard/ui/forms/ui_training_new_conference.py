# Generated from ui/training_new_conference.ui by `make forms` (pyside6-uic). Do not edit: edit the .ui file.
# -*- coding: utf-8 -*-


from PySide6.QtCore import (QCoreApplication)
from PySide6.QtWidgets import (QComboBox, QDateTimeEdit, QDialogButtonBox, QFormLayout, QHBoxLayout,
    QLabel, QLineEdit, QListWidget, QPushButton, QSizePolicy, QSpinBox, QVBoxLayout, QWidget)

class Ui_NewTeachingConference(object):
    def setupUi(self, NewTeachingConference):
        if not NewTeachingConference.objectName():
            NewTeachingConference.setObjectName(u"NewTeachingConference")
        NewTeachingConference.resize(960, 760)
        self.dialogLayout = QVBoxLayout(NewTeachingConference)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.titleLabel = QLabel(NewTeachingConference)
        self.titleLabel.setObjectName(u"titleLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.titleLabel)

        self.titleEdit = QLineEdit(NewTeachingConference)
        self.titleEdit.setObjectName(u"titleEdit")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.titleEdit)

        self.whenLabel = QLabel(NewTeachingConference)
        self.whenLabel.setObjectName(u"whenLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.whenLabel)

        self.whenEdit = QDateTimeEdit(NewTeachingConference)
        self.whenEdit.setObjectName(u"whenEdit")
        self.whenEdit.setCalendarPopup(True)

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.whenEdit)

        self.roomLabel = QLabel(NewTeachingConference)
        self.roomLabel.setObjectName(u"roomLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.roomLabel)

        self.roomEdit = QLineEdit(NewTeachingConference)
        self.roomEdit.setObjectName(u"roomEdit")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.roomEdit)

        self.facilitatorLabel = QLabel(NewTeachingConference)
        self.facilitatorLabel.setObjectName(u"facilitatorLabel")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.facilitatorLabel)

        self.facilitatorEdit = QLineEdit(NewTeachingConference)
        self.facilitatorEdit.setObjectName(u"facilitatorEdit")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.facilitatorEdit)

        self.traineesLabel = QLabel(NewTeachingConference)
        self.traineesLabel.setObjectName(u"traineesLabel")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.traineesLabel)

        self.traineesList = QListWidget(NewTeachingConference)
        self.traineesList.setObjectName(u"traineesList")

        self.formLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.traineesList)

        self.newTraineeLabel = QLabel(NewTeachingConference)
        self.newTraineeLabel.setObjectName(u"newTraineeLabel")

        self.formLayout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.newTraineeLabel)

        self.newTraineeRow = QHBoxLayout()
        self.newTraineeRow.setObjectName(u"newTraineeRow")
        self.newNameEdit = QLineEdit(NewTeachingConference)
        self.newNameEdit.setObjectName(u"newNameEdit")

        self.newTraineeRow.addWidget(self.newNameEdit)

        self.newProfessionCombo = QComboBox(NewTeachingConference)
        self.newProfessionCombo.setObjectName(u"newProfessionCombo")

        self.newTraineeRow.addWidget(self.newProfessionCombo)

        self.newYearSpin = QSpinBox(NewTeachingConference)
        self.newYearSpin.setObjectName(u"newYearSpin")
        self.newYearSpin.setMinimum(0)
        self.newYearSpin.setMaximum(15)

        self.newTraineeRow.addWidget(self.newYearSpin)

        self.addTraineeButton = QPushButton(NewTeachingConference)
        self.addTraineeButton.setObjectName(u"addTraineeButton")

        self.newTraineeRow.addWidget(self.addTraineeButton)


        self.formLayout.setLayout(5, QFormLayout.ItemRole.FieldRole, self.newTraineeRow)

        self.chairLabel = QLabel(NewTeachingConference)
        self.chairLabel.setObjectName(u"chairLabel")

        self.formLayout.setWidget(6, QFormLayout.ItemRole.LabelRole, self.chairLabel)

        self.chairCombo = QComboBox(NewTeachingConference)
        self.chairCombo.setObjectName(u"chairCombo")

        self.formLayout.setWidget(6, QFormLayout.ItemRole.FieldRole, self.chairCombo)


        self.dialogLayout.addLayout(self.formLayout)

        self.casesLabel = QLabel(NewTeachingConference)
        self.casesLabel.setObjectName(u"casesLabel")

        self.dialogLayout.addWidget(self.casesLabel)

        self.casesList = QListWidget(NewTeachingConference)
        self.casesList.setObjectName(u"casesList")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        sizePolicy.setHorizontalStretch(0)
        sizePolicy.setVerticalStretch(1)
        sizePolicy.setHeightForWidth(self.casesList.sizePolicy().hasHeightForWidth())
        self.casesList.setSizePolicy(sizePolicy)

        self.dialogLayout.addWidget(self.casesList)

        self.problemLabel = QLabel(NewTeachingConference)
        self.problemLabel.setObjectName(u"problemLabel")
        self.problemLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.problemLabel)

        self.buttonBox = QDialogButtonBox(NewTeachingConference)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.dialogLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.titleLabel.setBuddy(self.titleEdit)
        self.whenLabel.setBuddy(self.whenEdit)
        self.roomLabel.setBuddy(self.roomEdit)
        self.facilitatorLabel.setBuddy(self.facilitatorEdit)
        self.traineesLabel.setBuddy(self.traineesList)
        self.newTraineeLabel.setBuddy(self.newNameEdit)
        self.chairLabel.setBuddy(self.chairCombo)
        self.casesLabel.setBuddy(self.casesList)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.titleEdit, self.whenEdit)
        QWidget.setTabOrder(self.whenEdit, self.roomEdit)
        QWidget.setTabOrder(self.roomEdit, self.facilitatorEdit)
        QWidget.setTabOrder(self.facilitatorEdit, self.traineesList)
        QWidget.setTabOrder(self.traineesList, self.newNameEdit)
        QWidget.setTabOrder(self.newNameEdit, self.newProfessionCombo)
        QWidget.setTabOrder(self.newProfessionCombo, self.newYearSpin)
        QWidget.setTabOrder(self.newYearSpin, self.addTraineeButton)
        QWidget.setTabOrder(self.addTraineeButton, self.chairCombo)
        QWidget.setTabOrder(self.chairCombo, self.casesList)
        QWidget.setTabOrder(self.casesList, self.buttonBox)

        self.retranslateUi(NewTeachingConference)
    # setupUi

    def retranslateUi(self, NewTeachingConference):
        NewTeachingConference.setWindowTitle(QCoreApplication.translate("NewTeachingConference", u"New teaching conference", None))
#if QT_CONFIG(accessibility)
        NewTeachingConference.setAccessibleName(QCoreApplication.translate("NewTeachingConference", u"New teaching conference", None))
#endif // QT_CONFIG(accessibility)
        self.titleLabel.setText(QCoreApplication.translate("NewTeachingConference", u"&Title:", None))
#if QT_CONFIG(accessibility)
        self.titleEdit.setAccessibleName(QCoreApplication.translate("NewTeachingConference", u"Title", None))
#endif // QT_CONFIG(accessibility)
        self.whenLabel.setText(QCoreApplication.translate("NewTeachingConference", u"&Starts:", None))
#if QT_CONFIG(accessibility)
        self.whenEdit.setAccessibleName(QCoreApplication.translate("NewTeachingConference", u"Starts at", None))
#endif // QT_CONFIG(accessibility)
        self.whenEdit.setDisplayFormat(QCoreApplication.translate("NewTeachingConference", u"yyyy-MM-dd HH:mm", None))
        self.roomLabel.setText(QCoreApplication.translate("NewTeachingConference", u"&Room:", None))
#if QT_CONFIG(accessibility)
        self.roomEdit.setAccessibleName(QCoreApplication.translate("NewTeachingConference", u"Room", None))
#endif // QT_CONFIG(accessibility)
        self.facilitatorLabel.setText(QCoreApplication.translate("NewTeachingConference", u"&Facilitator:", None))
#if QT_CONFIG(accessibility)
        self.facilitatorEdit.setAccessibleName(QCoreApplication.translate("NewTeachingConference", u"Facilitator", None))
#endif // QT_CONFIG(accessibility)
        self.traineesLabel.setText(QCoreApplication.translate("NewTeachingConference", u"T&rainees:", None))
#if QT_CONFIG(accessibility)
        self.traineesList.setAccessibleName(QCoreApplication.translate("NewTeachingConference", u"Trainees (tick those taking part)", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.traineesList.setToolTip(QCoreApplication.translate("NewTeachingConference", u"The programme's trainees, recorded as people or with a trainee account: tick those taking part", None))
#endif // QT_CONFIG(tooltip)
        self.newTraineeLabel.setText(QCoreApplication.translate("NewTeachingConference", u"&New trainee:", None))
#if QT_CONFIG(accessibility)
        self.newNameEdit.setAccessibleName(QCoreApplication.translate("NewTeachingConference", u"New trainee's name", None))
#endif // QT_CONFIG(accessibility)
        self.newNameEdit.setPlaceholderText(QCoreApplication.translate("NewTeachingConference", u"name of a trainee not in the list", None))
#if QT_CONFIG(accessibility)
        self.newProfessionCombo.setAccessibleName(QCoreApplication.translate("NewTeachingConference", u"New trainee's profession", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.newYearSpin.setAccessibleName(QCoreApplication.translate("NewTeachingConference", u"New trainee's year of training", None))
#endif // QT_CONFIG(accessibility)
        self.newYearSpin.setSpecialValueText(QCoreApplication.translate("NewTeachingConference", u"year \u2013", None))
        self.newYearSpin.setPrefix(QCoreApplication.translate("NewTeachingConference", u"year ", None))
        self.addTraineeButton.setText(QCoreApplication.translate("NewTeachingConference", u"&Add", None))
#if QT_CONFIG(accessibility)
        self.addTraineeButton.setAccessibleName(QCoreApplication.translate("NewTeachingConference", u"Add the new trainee to the list", None))
#endif // QT_CONFIG(accessibility)
        self.chairLabel.setText(QCoreApplication.translate("NewTeachingConference", u"C&hair:", None))
#if QT_CONFIG(accessibility)
        self.chairCombo.setAccessibleName(QCoreApplication.translate("NewTeachingConference", u"Who chairs the conference", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.chairCombo.setToolTip(QCoreApplication.translate("NewTeachingConference", u"The facilitator, or a trainee taking part (the chairing items are then scored)", None))
#endif // QT_CONFIG(tooltip)
        self.casesLabel.setText(QCoreApplication.translate("NewTeachingConference", u"&Cases (tick the ones to discuss):", None))
#if QT_CONFIG(accessibility)
        self.casesList.setAccessibleName(QCoreApplication.translate("NewTeachingConference", u"Cases", None))
#endif // QT_CONFIG(accessibility)
        self.problemLabel.setText("")
    # retranslateUi

