# Generated from ui/training_teaching_case.ui by `make forms` (pyside6-uic). Do not edit: edit the .ui file.
# -*- coding: utf-8 -*-


from PySide6.QtCore import (QCoreApplication, QSize, Qt)
from PySide6.QtWidgets import (QComboBox, QHBoxLayout, QLabel, QLineEdit, QListWidget,
    QPlainTextEdit, QPushButton, QSizePolicy, QSpacerItem, QSplitter, QVBoxLayout, QWidget)

class Ui_TeachingCaseDialog(object):
    def setupUi(self, TeachingCaseDialog):
        if not TeachingCaseDialog.objectName():
            TeachingCaseDialog.setObjectName(u"TeachingCaseDialog")
        TeachingCaseDialog.resize(1100, 720)
        self.dialogLayout = QVBoxLayout(TeachingCaseDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.introLabel = QLabel(TeachingCaseDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.introLabel)

        self.warningLabel = QLabel(TeachingCaseDialog)
        self.warningLabel.setObjectName(u"warningLabel")
        self.warningLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.warningLabel)

        self.splitter = QSplitter(TeachingCaseDialog)
        self.splitter.setObjectName(u"splitter")
        self.splitter.setOrientation(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        sizePolicy.setHorizontalStretch(0)
        sizePolicy.setVerticalStretch(1)
        sizePolicy.setHeightForWidth(self.splitter.sizePolicy().hasHeightForWidth())
        self.splitter.setSizePolicy(sizePolicy)
        self.fieldsPane = QWidget(self.splitter)
        self.fieldsPane.setObjectName(u"fieldsPane")
        self.fieldsLayout = QVBoxLayout(self.fieldsPane)
        self.fieldsLayout.setObjectName(u"fieldsLayout")
        self.fieldsLayout.setContentsMargins(0, 0, 0, 0)
        self.fieldsLabel = QLabel(self.fieldsPane)
        self.fieldsLabel.setObjectName(u"fieldsLabel")

        self.fieldsLayout.addWidget(self.fieldsLabel)

        self.fieldList = QListWidget(self.fieldsPane)
        self.fieldList.setObjectName(u"fieldList")
        self.fieldList.setMinimumSize(QSize(260, 0))

        self.fieldsLayout.addWidget(self.fieldList)

        self.splitter.addWidget(self.fieldsPane)
        self.fieldPane = QWidget(self.splitter)
        self.fieldPane.setObjectName(u"fieldPane")
        self.fieldLayout = QVBoxLayout(self.fieldPane)
        self.fieldLayout.setObjectName(u"fieldLayout")
        self.fieldLayout.setContentsMargins(0, 0, 0, 0)
        self.fieldHeading = QLabel(self.fieldPane)
        self.fieldHeading.setObjectName(u"fieldHeading")

        self.fieldLayout.addWidget(self.fieldHeading)

        self.textRow = QHBoxLayout()
        self.textRow.setObjectName(u"textRow")
        self.textChoiceLabel = QLabel(self.fieldPane)
        self.textChoiceLabel.setObjectName(u"textChoiceLabel")

        self.textRow.addWidget(self.textChoiceLabel)

        self.textChoice = QComboBox(self.fieldPane)
        self.textChoice.setObjectName(u"textChoice")
        sizePolicy1 = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        sizePolicy1.setHorizontalStretch(0)
        sizePolicy1.setVerticalStretch(0)
        sizePolicy1.setHeightForWidth(self.textChoice.sizePolicy().hasHeightForWidth())
        self.textChoice.setSizePolicy(sizePolicy1)

        self.textRow.addWidget(self.textChoice)


        self.fieldLayout.addLayout(self.textRow)

        self.textEdit = QPlainTextEdit(self.fieldPane)
        self.textEdit.setObjectName(u"textEdit")
        self.textEdit.setTabChangesFocus(True)
        sizePolicy.setHeightForWidth(self.textEdit.sizePolicy().hasHeightForWidth())
        self.textEdit.setSizePolicy(sizePolicy)

        self.fieldLayout.addWidget(self.textEdit)

        self.hintsLabel = QLabel(self.fieldPane)
        self.hintsLabel.setObjectName(u"hintsLabel")
        self.hintsLabel.setWordWrap(True)

        self.fieldLayout.addWidget(self.hintsLabel)

        self.hintListLabel = QLabel(self.fieldPane)
        self.hintListLabel.setObjectName(u"hintListLabel")

        self.fieldLayout.addWidget(self.hintListLabel)

        self.hintList = QListWidget(self.fieldPane)
        self.hintList.setObjectName(u"hintList")
        self.hintList.setMaximumSize(QSize(16777215, 120))

        self.fieldLayout.addWidget(self.hintList)

        self.hintButtons = QHBoxLayout()
        self.hintButtons.setObjectName(u"hintButtons")
        self.replacementLabel = QLabel(self.fieldPane)
        self.replacementLabel.setObjectName(u"replacementLabel")

        self.hintButtons.addWidget(self.replacementLabel)

        self.replacementEdit = QLineEdit(self.fieldPane)
        self.replacementEdit.setObjectName(u"replacementEdit")

        self.hintButtons.addWidget(self.replacementEdit)

        self.replaceButton = QPushButton(self.fieldPane)
        self.replaceButton.setObjectName(u"replaceButton")

        self.hintButtons.addWidget(self.replaceButton)

        self.keepButton = QPushButton(self.fieldPane)
        self.keepButton.setObjectName(u"keepButton")

        self.hintButtons.addWidget(self.keepButton)


        self.fieldLayout.addLayout(self.hintButtons)

        self.fieldButtons = QHBoxLayout()
        self.fieldButtons.setObjectName(u"fieldButtons")
        self.saveEditButton = QPushButton(self.fieldPane)
        self.saveEditButton.setObjectName(u"saveEditButton")

        self.fieldButtons.addWidget(self.saveEditButton)

        self.fieldButtonsSpacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.fieldButtons.addItem(self.fieldButtonsSpacer)

        self.unconfirmButton = QPushButton(self.fieldPane)
        self.unconfirmButton.setObjectName(u"unconfirmButton")

        self.fieldButtons.addWidget(self.unconfirmButton)

        self.confirmButton = QPushButton(self.fieldPane)
        self.confirmButton.setObjectName(u"confirmButton")

        self.fieldButtons.addWidget(self.confirmButton)


        self.fieldLayout.addLayout(self.fieldButtons)

        self.splitter.addWidget(self.fieldPane)

        self.dialogLayout.addWidget(self.splitter)

        self.dialogButtons = QHBoxLayout()
        self.dialogButtons.setObjectName(u"dialogButtons")
        self.progressLabel = QLabel(TeachingCaseDialog)
        self.progressLabel.setObjectName(u"progressLabel")

        self.dialogButtons.addWidget(self.progressLabel)

        self.dialogButtonsSpacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.dialogButtons.addItem(self.dialogButtonsSpacer)

        self.discardButton = QPushButton(TeachingCaseDialog)
        self.discardButton.setObjectName(u"discardButton")

        self.dialogButtons.addWidget(self.discardButton)

        self.finaliseButton = QPushButton(TeachingCaseDialog)
        self.finaliseButton.setObjectName(u"finaliseButton")

        self.dialogButtons.addWidget(self.finaliseButton)

        self.closeButton = QPushButton(TeachingCaseDialog)
        self.closeButton.setObjectName(u"closeButton")

        self.dialogButtons.addWidget(self.closeButton)


        self.dialogLayout.addLayout(self.dialogButtons)

#if QT_CONFIG(shortcut)
        self.fieldsLabel.setBuddy(self.fieldList)
        self.textChoiceLabel.setBuddy(self.textChoice)
        self.hintListLabel.setBuddy(self.hintList)
        self.replacementLabel.setBuddy(self.replacementEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.fieldList, self.hintList)
        QWidget.setTabOrder(self.hintList, self.replacementEdit)
        QWidget.setTabOrder(self.replacementEdit, self.replaceButton)
        QWidget.setTabOrder(self.replaceButton, self.keepButton)
        QWidget.setTabOrder(self.keepButton, self.textChoice)
        QWidget.setTabOrder(self.textChoice, self.textEdit)
        QWidget.setTabOrder(self.textEdit, self.saveEditButton)
        QWidget.setTabOrder(self.saveEditButton, self.unconfirmButton)
        QWidget.setTabOrder(self.unconfirmButton, self.confirmButton)
        QWidget.setTabOrder(self.confirmButton, self.discardButton)
        QWidget.setTabOrder(self.discardButton, self.finaliseButton)
        QWidget.setTabOrder(self.finaliseButton, self.closeButton)

        self.retranslateUi(TeachingCaseDialog)
    # setupUi

    def retranslateUi(self, TeachingCaseDialog):
        TeachingCaseDialog.setWindowTitle(QCoreApplication.translate("TeachingCaseDialog", u"Make a teaching case", None))
#if QT_CONFIG(accessibility)
        TeachingCaseDialog.setAccessibleName(QCoreApplication.translate("TeachingCaseDialog", u"Make a teaching case", None))
#endif // QT_CONFIG(accessibility)
        self.introLabel.setText("")
#if QT_CONFIG(accessibility)
        self.introLabel.setAccessibleName(QCoreApplication.translate("TeachingCaseDialog", u"About this teaching case", None))
#endif // QT_CONFIG(accessibility)
        self.warningLabel.setText(QCoreApplication.translate("TeachingCaseDialog", u"mdtboard replaced what it was sure of (listed under each field); what it was not sure of is a hint to replace or keep with a reason. It is an aid, not a guarantee: it can miss identifiers (rare places, employers, nicknames, rare events). Read every field before confirming it.", None))
        self.fieldsLabel.setText(QCoreApplication.translate("TeachingCaseDialog", u"&Fields to review:", None))
#if QT_CONFIG(accessibility)
        self.fieldList.setAccessibleName(QCoreApplication.translate("TeachingCaseDialog", u"Fields to review", None))
#endif // QT_CONFIG(accessibility)
        self.fieldHeading.setText("")
#if QT_CONFIG(accessibility)
        self.fieldHeading.setAccessibleName(QCoreApplication.translate("TeachingCaseDialog", u"Field", None))
#endif // QT_CONFIG(accessibility)
        self.textChoiceLabel.setText(QCoreApplication.translate("TeachingCaseDialog", u"Te&xt:", None))
#if QT_CONFIG(accessibility)
        self.textChoice.setAccessibleName(QCoreApplication.translate("TeachingCaseDialog", u"Which text of the field", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.textEdit.setAccessibleName(QCoreApplication.translate("TeachingCaseDialog", u"Text of the field", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.textEdit.setAccessibleDescription(QCoreApplication.translate("TeachingCaseDialog", u"Things that look like identifiers are highlighted", None))
#endif // QT_CONFIG(accessibility)
        self.hintsLabel.setText("")
#if QT_CONFIG(accessibility)
        self.hintsLabel.setAccessibleName(QCoreApplication.translate("TeachingCaseDialog", u"Identifier hints", None))
#endif // QT_CONFIG(accessibility)
        self.hintListLabel.setText(QCoreApplication.translate("TeachingCaseDialog", u"&Hints in this field (each must be replaced, or kept with a reason):", None))
#if QT_CONFIG(accessibility)
        self.hintList.setAccessibleName(QCoreApplication.translate("TeachingCaseDialog", u"Identifier hints in this field", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.hintList.setAccessibleDescription(QCoreApplication.translate("TeachingCaseDialog", u"Enter replaces the selected hint everywhere in the case; Ctrl+K keeps it with a reason", None))
#endif // QT_CONFIG(accessibility)
        self.replacementLabel.setText(QCoreApplication.translate("TeachingCaseDialog", u"Replace &with:", None))
#if QT_CONFIG(accessibility)
        self.replacementEdit.setAccessibleName(QCoreApplication.translate("TeachingCaseDialog", u"Replacement for the selected hint", None))
#endif // QT_CONFIG(accessibility)
        self.replaceButton.setText(QCoreApplication.translate("TeachingCaseDialog", u"&Replace everywhere", None))
#if QT_CONFIG(tooltip)
        self.replaceButton.setToolTip(QCoreApplication.translate("TeachingCaseDialog", u"Replace this text everywhere in the case (Enter in the hint list)", None))
#endif // QT_CONFIG(tooltip)
        self.keepButton.setText(QCoreApplication.translate("TeachingCaseDialog", u"&Keep\u2026", None))
#if QT_CONFIG(tooltip)
        self.keepButton.setToolTip(QCoreApplication.translate("TeachingCaseDialog", u"Keep this text as written, with a reason (Ctrl+K)", None))
#endif // QT_CONFIG(tooltip)
        self.saveEditButton.setText(QCoreApplication.translate("TeachingCaseDialog", u"&Save edit", None))
        self.unconfirmButton.setText(QCoreApplication.translate("TeachingCaseDialog", u"&Not confirmed", None))
        self.confirmButton.setText(QCoreApplication.translate("TeachingCaseDialog", u"&Confirm field", None))
#if QT_CONFIG(tooltip)
        self.confirmButton.setToolTip(QCoreApplication.translate("TeachingCaseDialog", u"Confirm this field and go to the next (Ctrl+Enter)", None))
#endif // QT_CONFIG(tooltip)
        self.progressLabel.setText("")
#if QT_CONFIG(accessibility)
        self.progressLabel.setAccessibleName(QCoreApplication.translate("TeachingCaseDialog", u"Review progress", None))
#endif // QT_CONFIG(accessibility)
        self.discardButton.setText(QCoreApplication.translate("TeachingCaseDialog", u"&Discard draft", None))
        self.finaliseButton.setText(QCoreApplication.translate("TeachingCaseDialog", u"F&inalise teaching case", None))
        self.closeButton.setText(QCoreApplication.translate("TeachingCaseDialog", u"Close", None))
    # retranslateUi

