# Generated from ui/case_new.ui by `make forms` (pyside6-uic). Do not edit: edit the .ui file.
# -*- coding: utf-8 -*-


from PySide6.QtCore import (QCoreApplication, Qt)
from PySide6.QtWidgets import (QDialogButtonBox, QFormLayout, QGroupBox, QLabel, QLineEdit,
    QRadioButton, QSizePolicy, QSpacerItem, QVBoxLayout, QWidget)

class Ui_NewCaseDialog(object):
    def setupUi(self, NewCaseDialog):
        if not NewCaseDialog.objectName():
            NewCaseDialog.setObjectName(u"NewCaseDialog")
        NewCaseDialog.resize(560, 320)
        self.dialogLayout = QVBoxLayout(NewCaseDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.introLabel = QLabel(NewCaseDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.introLabel)

        self.kindGroup = QGroupBox(NewCaseDialog)
        self.kindGroup.setObjectName(u"kindGroup")
        self.kindLayout = QVBoxLayout(self.kindGroup)
        self.kindLayout.setObjectName(u"kindLayout")
        self.realRadio = QRadioButton(self.kindGroup)
        self.realRadio.setObjectName(u"realRadio")

        self.kindLayout.addWidget(self.realRadio)

        self.fictionalRadio = QRadioButton(self.kindGroup)
        self.fictionalRadio.setObjectName(u"fictionalRadio")

        self.kindLayout.addWidget(self.fictionalRadio)

        self.kindHint = QLabel(self.kindGroup)
        self.kindHint.setObjectName(u"kindHint")
        self.kindHint.setWordWrap(True)

        self.kindLayout.addWidget(self.kindHint)


        self.dialogLayout.addWidget(self.kindGroup)

        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.refLabel = QLabel(NewCaseDialog)
        self.refLabel.setObjectName(u"refLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.refLabel)

        self.refEdit = QLineEdit(NewCaseDialog)
        self.refEdit.setObjectName(u"refEdit")
        self.refEdit.setMaxLength(64)

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.refEdit)


        self.dialogLayout.addLayout(self.formLayout)

        self.errorLabel = QLabel(NewCaseDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setTextFormat(Qt.TextFormat.PlainText)

        self.dialogLayout.addWidget(self.errorLabel)

        self.bottomSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.dialogLayout.addItem(self.bottomSpacer)

        self.buttons = QDialogButtonBox(NewCaseDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.dialogLayout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.refLabel.setBuddy(self.refEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.realRadio, self.fictionalRadio)
        QWidget.setTabOrder(self.fictionalRadio, self.refEdit)

        self.retranslateUi(NewCaseDialog)
    # setupUi

    def retranslateUi(self, NewCaseDialog):
        NewCaseDialog.setWindowTitle(QCoreApplication.translate("NewCaseDialog", u"New case", None))
#if QT_CONFIG(accessibility)
        NewCaseDialog.setAccessibleName(QCoreApplication.translate("NewCaseDialog", u"New case", None))
#endif // QT_CONFIG(accessibility)
        self.introLabel.setText(QCoreApplication.translate("NewCaseDialog", u"The new case opens in the case editor, with the cursor in the patient's name. It is stored as soon as the patient's name is typed; a new case left empty leaves nothing behind.", None))
        self.kindGroup.setTitle(QCoreApplication.translate("NewCaseDialog", u"This case is about", None))
#if QT_CONFIG(accessibility)
        self.kindGroup.setAccessibleName(QCoreApplication.translate("NewCaseDialog", u"Real patient or fictional case", None))
#endif // QT_CONFIG(accessibility)
        self.realRadio.setText(QCoreApplication.translate("NewCaseDialog", u"a &real patient", None))
#if QT_CONFIG(accessibility)
        self.realRadio.setAccessibleName(QCoreApplication.translate("NewCaseDialog", u"Real patient", None))
#endif // QT_CONFIG(accessibility)
        self.fictionalRadio.setText(QCoreApplication.translate("NewCaseDialog", u"a &fictional patient (a teaching or demo case)", None))
#if QT_CONFIG(accessibility)
        self.fictionalRadio.setAccessibleName(QCoreApplication.translate("NewCaseDialog", u"Fictional case", None))
#endif // QT_CONFIG(accessibility)
        self.kindHint.setText("")
        self.refLabel.setText(QCoreApplication.translate("NewCaseDialog", u"R&eference:", None))
#if QT_CONFIG(accessibility)
        self.refEdit.setAccessibleName(QCoreApplication.translate("NewCaseDialog", u"Reference", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.refEdit.setAccessibleDescription(QCoreApplication.translate("NewCaseDialog", u"Letters, digits, '.', '_' or '-', starting with a letter or digit; unique among the cases. Suggested by mdtboard; you may change it.", None))
#endif // QT_CONFIG(accessibility)
        self.errorLabel.setText("")
    # retranslateUi

