# Generated from ui/training_new_conference.ui by `make forms` (pyside6-uic). Do not edit: edit the .ui file.
# -*- coding: utf-8 -*-


from PySide6.QtCore import (QCoreApplication)
from PySide6.QtWidgets import (QDateTimeEdit, QDialogButtonBox, QFormLayout, QLabel, QLineEdit,
    QListWidget, QPlainTextEdit, QSizePolicy, QVBoxLayout, QWidget)

class Ui_NewTeachingConference(object):
    def setupUi(self, NewTeachingConference):
        if not NewTeachingConference.objectName():
            NewTeachingConference.setObjectName(u"NewTeachingConference")
        NewTeachingConference.resize(640, 640)
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

        self.traineesEdit = QPlainTextEdit(NewTeachingConference)
        self.traineesEdit.setObjectName(u"traineesEdit")
        self.traineesEdit.setTabChangesFocus(True)

        self.formLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.traineesEdit)

        self.chairLabel = QLabel(NewTeachingConference)
        self.chairLabel.setObjectName(u"chairLabel")

        self.formLayout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.chairLabel)

        self.chairEdit = QLineEdit(NewTeachingConference)
        self.chairEdit.setObjectName(u"chairEdit")

        self.formLayout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.chairEdit)


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
        self.traineesLabel.setBuddy(self.traineesEdit)
        self.chairLabel.setBuddy(self.chairEdit)
        self.casesLabel.setBuddy(self.casesList)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.titleEdit, self.whenEdit)
        QWidget.setTabOrder(self.whenEdit, self.roomEdit)
        QWidget.setTabOrder(self.roomEdit, self.facilitatorEdit)
        QWidget.setTabOrder(self.facilitatorEdit, self.traineesEdit)
        QWidget.setTabOrder(self.traineesEdit, self.chairEdit)
        QWidget.setTabOrder(self.chairEdit, self.casesList)
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
        self.traineesEdit.setAccessibleName(QCoreApplication.translate("NewTeachingConference", u"Trainees", None))
#endif // QT_CONFIG(accessibility)
        self.traineesEdit.setPlaceholderText(QCoreApplication.translate("NewTeachingConference", u"One a line: name, then a comma and the profession (physician if left out), then a comma and the year of training (3, PGY-3, ST3)", None))
        self.chairLabel.setText(QCoreApplication.translate("NewTeachingConference", u"C&hair:", None))
#if QT_CONFIG(accessibility)
        self.chairEdit.setAccessibleName(QCoreApplication.translate("NewTeachingConference", u"Who chairs the conference", None))
#endif // QT_CONFIG(accessibility)
        self.chairEdit.setPlaceholderText(QCoreApplication.translate("NewTeachingConference", u"the facilitator; or type the name of the trainee who chairs (the chairing items are then scored)", None))
        self.casesLabel.setText(QCoreApplication.translate("NewTeachingConference", u"&Cases (tick the ones to discuss):", None))
#if QT_CONFIG(accessibility)
        self.casesList.setAccessibleName(QCoreApplication.translate("NewTeachingConference", u"Cases", None))
#endif // QT_CONFIG(accessibility)
        self.problemLabel.setText("")
    # retranslateUi

