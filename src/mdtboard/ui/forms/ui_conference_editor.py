# Generated from ui/conference_editor.ui by `make forms` (pyside6-uic). Do not edit: edit the .ui file.
# -*- coding: utf-8 -*-


from PySide6.QtCore import (QCoreApplication, Qt)
from PySide6.QtWidgets import (QComboBox, QDateTimeEdit, QFormLayout, QLabel, QLineEdit, QSpinBox,
    QVBoxLayout, QWidget)

class Ui_ConferenceEditor(object):
    def setupUi(self, ConferenceEditor):
        if not ConferenceEditor.objectName():
            ConferenceEditor.setObjectName(u"ConferenceEditor")
        ConferenceEditor.resize(480, 320)
        self.editorLayout = QVBoxLayout(ConferenceEditor)
        self.editorLayout.setObjectName(u"editorLayout")
        self.editorLayout.setContentsMargins(0, 0, 0, 0)
        self.heading = QLabel(ConferenceEditor)
        self.heading.setObjectName(u"heading")

        self.editorLayout.addWidget(self.heading)

        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.titleLabel = QLabel(ConferenceEditor)
        self.titleLabel.setObjectName(u"titleLabel")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.titleLabel)

        self.titleEdit = QLineEdit(ConferenceEditor)
        self.titleEdit.setObjectName(u"titleEdit")
        self.titleEdit.setMaxLength(200)

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.titleEdit)

        self.whenLabel = QLabel(ConferenceEditor)
        self.whenLabel.setObjectName(u"whenLabel")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.whenLabel)

        self.startsEdit = QDateTimeEdit(ConferenceEditor)
        self.startsEdit.setObjectName(u"startsEdit")
        self.startsEdit.setCalendarPopup(True)

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.startsEdit)

        self.roomLabel = QLabel(ConferenceEditor)
        self.roomLabel.setObjectName(u"roomLabel")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.roomLabel)

        self.roomEdit = QLineEdit(ConferenceEditor)
        self.roomEdit.setObjectName(u"roomEdit")
        self.roomEdit.setMaxLength(200)

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.roomEdit)

        self.chairLabel = QLabel(ConferenceEditor)
        self.chairLabel.setObjectName(u"chairLabel")

        self.form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.chairLabel)

        self.chairEdit = QLineEdit(ConferenceEditor)
        self.chairEdit.setObjectName(u"chairEdit")
        self.chairEdit.setMaxLength(200)

        self.form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.chairEdit)

        self.modeLabel = QLabel(ConferenceEditor)
        self.modeLabel.setObjectName(u"modeLabel")

        self.form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.modeLabel)

        self.modeCombo = QComboBox(ConferenceEditor)
        self.modeCombo.setObjectName(u"modeCombo")

        self.form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.modeCombo)

        self.minutesLabel = QLabel(ConferenceEditor)
        self.minutesLabel.setObjectName(u"minutesLabel")

        self.form.setWidget(5, QFormLayout.ItemRole.LabelRole, self.minutesLabel)

        self.minutesSpin = QSpinBox(ConferenceEditor)
        self.minutesSpin.setObjectName(u"minutesSpin")
        self.minutesSpin.setMinimum(1)
        self.minutesSpin.setMaximum(240)
        self.minutesSpin.setValue(12)

        self.form.setWidget(5, QFormLayout.ItemRole.FieldRole, self.minutesSpin)


        self.editorLayout.addLayout(self.form)

        self.clashLabel = QLabel(ConferenceEditor)
        self.clashLabel.setObjectName(u"clashLabel")
        self.clashLabel.setWordWrap(True)
        self.clashLabel.setTextFormat(Qt.TextFormat.PlainText)

        self.editorLayout.addWidget(self.clashLabel)

        self.problemLabel = QLabel(ConferenceEditor)
        self.problemLabel.setObjectName(u"problemLabel")
        self.problemLabel.setWordWrap(True)

        self.editorLayout.addWidget(self.problemLabel)

#if QT_CONFIG(shortcut)
        self.titleLabel.setBuddy(self.titleEdit)
        self.whenLabel.setBuddy(self.startsEdit)
        self.roomLabel.setBuddy(self.roomEdit)
        self.chairLabel.setBuddy(self.chairEdit)
        self.modeLabel.setBuddy(self.modeCombo)
        self.minutesLabel.setBuddy(self.minutesSpin)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.titleEdit, self.startsEdit)
        QWidget.setTabOrder(self.startsEdit, self.roomEdit)
        QWidget.setTabOrder(self.roomEdit, self.chairEdit)
        QWidget.setTabOrder(self.chairEdit, self.modeCombo)
        QWidget.setTabOrder(self.modeCombo, self.minutesSpin)

        self.retranslateUi(ConferenceEditor)
    # setupUi

    def retranslateUi(self, ConferenceEditor):
#if QT_CONFIG(accessibility)
        ConferenceEditor.setAccessibleName(QCoreApplication.translate("ConferenceEditor", u"Conference details", None))
#endif // QT_CONFIG(accessibility)
        self.heading.setText(QCoreApplication.translate("ConferenceEditor", u"<b>Conference</b>", None))
        self.titleLabel.setText(QCoreApplication.translate("ConferenceEditor", u"Title", None))
#if QT_CONFIG(accessibility)
        self.titleEdit.setAccessibleName(QCoreApplication.translate("ConferenceEditor", u"Conference title", None))
#endif // QT_CONFIG(accessibility)
        self.whenLabel.setText(QCoreApplication.translate("ConferenceEditor", u"&When", None))
#if QT_CONFIG(accessibility)
        self.startsEdit.setAccessibleName(QCoreApplication.translate("ConferenceEditor", u"Date and time", None))
#endif // QT_CONFIG(accessibility)
        self.startsEdit.setDisplayFormat(QCoreApplication.translate("ConferenceEditor", u"dddd d MMMM yyyy, HH:mm", None))
        self.roomLabel.setText(QCoreApplication.translate("ConferenceEditor", u"&Room", None))
#if QT_CONFIG(accessibility)
        self.roomEdit.setAccessibleName(QCoreApplication.translate("ConferenceEditor", u"Room", None))
#endif // QT_CONFIG(accessibility)
        self.chairLabel.setText(QCoreApplication.translate("ConferenceEditor", u"Cha&ir", None))
#if QT_CONFIG(accessibility)
        self.chairEdit.setAccessibleName(QCoreApplication.translate("ConferenceEditor", u"Chair", None))
#endif // QT_CONFIG(accessibility)
        self.chairEdit.setPlaceholderText(QCoreApplication.translate("ConferenceEditor", u"Who chairs the meeting", None))
        self.modeLabel.setText(QCoreApplication.translate("ConferenceEditor", u"M&ode", None))
#if QT_CONFIG(accessibility)
        self.modeCombo.setAccessibleName(QCoreApplication.translate("ConferenceEditor", u"Mode", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.modeCombo.setToolTip(QCoreApplication.translate("ConferenceEditor", u"Clinical: real patients. Training: teaching cases, with the trainee presenting.", None))
#endif // QT_CONFIG(tooltip)
        self.minutesLabel.setText(QCoreApplication.translate("ConferenceEditor", u"Minutes &per case", None))
#if QT_CONFIG(accessibility)
        self.minutesSpin.setAccessibleName(QCoreApplication.translate("ConferenceEditor", u"Default minutes per case", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.minutesSpin.setToolTip(QCoreApplication.translate("ConferenceEditor", u"The time budget each case gets when it is put on the agenda; each case's own budget can be changed on the Agenda tab.", None))
#endif // QT_CONFIG(tooltip)
        self.minutesSpin.setSuffix(QCoreApplication.translate("ConferenceEditor", u" min", None))
#if QT_CONFIG(accessibility)
        self.clashLabel.setAccessibleName(QCoreApplication.translate("ConferenceEditor", u"Room booked twice", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.problemLabel.setAccessibleName(QCoreApplication.translate("ConferenceEditor", u"Problem with the conference details", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

