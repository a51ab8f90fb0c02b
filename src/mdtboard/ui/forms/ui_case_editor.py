# Generated from ui/case_editor.ui by `make forms` (pyside6-uic). Do not edit: edit the .ui file.
# -*- coding: utf-8 -*-


from PySide6.QtCore import (QCoreApplication, QSize, Qt)
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QComboBox, QFormLayout, QFrame,
    QGridLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit, QPushButton,
    QScrollArea, QSizePolicy, QSpacerItem, QTabWidget, QTableWidget, QTableWidgetItem, QVBoxLayout,
    QWidget)

class Ui_CaseEditor(object):
    def setupUi(self, CaseEditor):
        if not CaseEditor.objectName():
            CaseEditor.setObjectName(u"CaseEditor")
        CaseEditor.resize(1100, 760)
        self.editorLayout = QVBoxLayout(CaseEditor)
        self.editorLayout.setObjectName(u"editorLayout")
        self.emptyLabel = QLabel(CaseEditor)
        self.emptyLabel.setObjectName(u"emptyLabel")
        self.emptyLabel.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.emptyLabel.setWordWrap(True)

        self.editorLayout.addWidget(self.emptyLabel)

        self.editorBody = QWidget(CaseEditor)
        self.editorBody.setObjectName(u"editorBody")
        self.layout70 = QVBoxLayout(self.editorBody)
        self.layout70.setObjectName(u"layout70")
        self.layout70.setContentsMargins(0, 0, 0, 0)
        self.layout69 = QHBoxLayout()
        self.layout69.setSpacing(12)
        self.layout69.setObjectName(u"layout69")
        self.headerLabel = QLabel(self.editorBody)
        self.headerLabel.setObjectName(u"headerLabel")
        self.headerLabel.setWordWrap(True)
        self.headerLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.layout69.addWidget(self.headerLabel)

        self.kindBadge = QLabel(self.editorBody)
        self.kindBadge.setObjectName(u"kindBadge")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Preferred)
        sizePolicy.setHorizontalStretch(0)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.kindBadge.sizePolicy().hasHeightForWidth())
        self.kindBadge.setSizePolicy(sizePolicy)

        self.layout69.addWidget(self.kindBadge, 0, Qt.AlignmentFlag.AlignTop)

        self.presenceLabel = QLabel(self.editorBody)
        self.presenceLabel.setObjectName(u"presenceLabel")

        self.layout69.addWidget(self.presenceLabel, 0, Qt.AlignmentFlag.AlignTop)

        self.saveState = QLabel(self.editorBody)
        self.saveState.setObjectName(u"saveState")
        sizePolicy.setHeightForWidth(self.saveState.sizePolicy().hasHeightForWidth())
        self.saveState.setSizePolicy(sizePolicy)

        self.layout69.addWidget(self.saveState, 0, Qt.AlignmentFlag.AlignTop)

        self.layout69.setStretch(0, 1)

        self.layout70.addLayout(self.layout69)

        self.sharingBanner = QLabel(self.editorBody)
        self.sharingBanner.setObjectName(u"sharingBanner")
        self.sharingBanner.setWordWrap(True)
        self.sharingBanner.setVisible(False)
        self.sharingBanner.setTextFormat(Qt.TextFormat.PlainText)
        self.sharingBanner.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.layout70.addWidget(self.sharingBanner)

        self.safetyBanner = QLabel(self.editorBody)
        self.safetyBanner.setObjectName(u"safetyBanner")
        self.safetyBanner.setWordWrap(True)
        self.safetyBanner.setVisible(False)
        self.safetyBanner.setTextFormat(Qt.TextFormat.PlainText)
        self.safetyBanner.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.layout70.addWidget(self.safetyBanner)

        self.bodyRow = QHBoxLayout()
        self.bodyRow.setObjectName(u"bodyRow")
        self.isbarTabs = QTabWidget(self.editorBody)
        self.isbarTabs.setObjectName(u"isbarTabs")
        self.identifyPage = QWidget()
        self.identifyPage.setObjectName(u"identifyPage")
        self.layout62 = QVBoxLayout(self.identifyPage)
        self.layout62.setObjectName(u"layout62")
        self.layout62.setContentsMargins(0, 0, 0, 0)
        self.identifyPageScroll = QScrollArea(self.identifyPage)
        self.identifyPageScroll.setObjectName(u"identifyPageScroll")
        self.identifyPageScroll.setWidgetResizable(True)
        self.identifyPageScroll.setFrameShape(QFrame.Shape.NoFrame)
        self.identifyPageContent = QWidget()
        self.identifyPageContent.setObjectName(u"identifyPageContent")
        self.layout13 = QVBoxLayout(self.identifyPageContent)
        self.layout13.setObjectName(u"layout13")
        self.form12 = QFormLayout()
        self.form12.setObjectName(u"form12")
        self.form12.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form12.setLabelAlignment(Qt.AlignmentFlag.AlignLeading|Qt.AlignmentFlag.AlignTop)
        self.form12.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.refEditLabel = QLabel(self.identifyPageContent)
        self.refEditLabel.setObjectName(u"refEditLabel")

        self.form12.setWidget(0, QFormLayout.ItemRole.LabelRole, self.refEditLabel)

        self.layout1 = QVBoxLayout()
        self.layout1.setSpacing(2)
        self.layout1.setObjectName(u"layout1")
        self.refEdit = QLineEdit(self.identifyPageContent)
        self.refEdit.setObjectName(u"refEdit")
        self.refEdit.setMaximumSize(QSize(260, 16777215))

        self.layout1.addWidget(self.refEdit)

        self.refEditError = QLabel(self.identifyPageContent)
        self.refEditError.setObjectName(u"refEditError")
        self.refEditError.setWordWrap(True)
        self.refEditError.setVisible(False)
        self.refEditError.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.layout1.addWidget(self.refEditError)


        self.form12.setLayout(0, QFormLayout.ItemRole.FieldRole, self.layout1)

        self.titleEditLabel = QLabel(self.identifyPageContent)
        self.titleEditLabel.setObjectName(u"titleEditLabel")

        self.form12.setWidget(1, QFormLayout.ItemRole.LabelRole, self.titleEditLabel)

        self.layout2 = QVBoxLayout()
        self.layout2.setSpacing(2)
        self.layout2.setObjectName(u"layout2")
        self.titleEdit = QLineEdit(self.identifyPageContent)
        self.titleEdit.setObjectName(u"titleEdit")

        self.layout2.addWidget(self.titleEdit)

        self.titleEditError = QLabel(self.identifyPageContent)
        self.titleEditError.setObjectName(u"titleEditError")
        self.titleEditError.setWordWrap(True)
        self.titleEditError.setVisible(False)
        self.titleEditError.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.layout2.addWidget(self.titleEditError)


        self.form12.setLayout(1, QFormLayout.ItemRole.FieldRole, self.layout2)

        self.nameEditLabel = QLabel(self.identifyPageContent)
        self.nameEditLabel.setObjectName(u"nameEditLabel")

        self.form12.setWidget(2, QFormLayout.ItemRole.LabelRole, self.nameEditLabel)

        self.layout3 = QVBoxLayout()
        self.layout3.setSpacing(2)
        self.layout3.setObjectName(u"layout3")
        self.nameEdit = QLineEdit(self.identifyPageContent)
        self.nameEdit.setObjectName(u"nameEdit")

        self.layout3.addWidget(self.nameEdit)

        self.nameEditError = QLabel(self.identifyPageContent)
        self.nameEditError.setObjectName(u"nameEditError")
        self.nameEditError.setWordWrap(True)
        self.nameEditError.setVisible(False)
        self.nameEditError.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.layout3.addWidget(self.nameEditError)


        self.form12.setLayout(2, QFormLayout.ItemRole.FieldRole, self.layout3)

        self.ageEditLabel = QLabel(self.identifyPageContent)
        self.ageEditLabel.setObjectName(u"ageEditLabel")

        self.form12.setWidget(3, QFormLayout.ItemRole.LabelRole, self.ageEditLabel)

        self.layout4 = QVBoxLayout()
        self.layout4.setSpacing(2)
        self.layout4.setObjectName(u"layout4")
        self.ageEdit = QLineEdit(self.identifyPageContent)
        self.ageEdit.setObjectName(u"ageEdit")
        self.ageEdit.setMaximumSize(QSize(120, 16777215))

        self.layout4.addWidget(self.ageEdit)

        self.ageEditError = QLabel(self.identifyPageContent)
        self.ageEditError.setObjectName(u"ageEditError")
        self.ageEditError.setWordWrap(True)
        self.ageEditError.setVisible(False)
        self.ageEditError.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.layout4.addWidget(self.ageEditError)


        self.form12.setLayout(3, QFormLayout.ItemRole.FieldRole, self.layout4)

        self.sexEditLabel = QLabel(self.identifyPageContent)
        self.sexEditLabel.setObjectName(u"sexEditLabel")

        self.form12.setWidget(4, QFormLayout.ItemRole.LabelRole, self.sexEditLabel)

        self.layout5 = QVBoxLayout()
        self.layout5.setSpacing(2)
        self.layout5.setObjectName(u"layout5")
        self.sexEdit = QLineEdit(self.identifyPageContent)
        self.sexEdit.setObjectName(u"sexEdit")
        self.sexEdit.setMaximumSize(QSize(260, 16777215))

        self.layout5.addWidget(self.sexEdit)

        self.sexEditError = QLabel(self.identifyPageContent)
        self.sexEditError.setObjectName(u"sexEditError")
        self.sexEditError.setWordWrap(True)
        self.sexEditError.setVisible(False)
        self.sexEditError.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.layout5.addWidget(self.sexEditError)


        self.form12.setLayout(4, QFormLayout.ItemRole.FieldRole, self.layout5)

        self.genderEditLabel = QLabel(self.identifyPageContent)
        self.genderEditLabel.setObjectName(u"genderEditLabel")

        self.form12.setWidget(5, QFormLayout.ItemRole.LabelRole, self.genderEditLabel)

        self.layout6 = QVBoxLayout()
        self.layout6.setSpacing(2)
        self.layout6.setObjectName(u"layout6")
        self.genderEdit = QLineEdit(self.identifyPageContent)
        self.genderEdit.setObjectName(u"genderEdit")
        self.genderEdit.setMaximumSize(QSize(360, 16777215))

        self.layout6.addWidget(self.genderEdit)

        self.genderEditError = QLabel(self.identifyPageContent)
        self.genderEditError.setObjectName(u"genderEditError")
        self.genderEditError.setWordWrap(True)
        self.genderEditError.setVisible(False)
        self.genderEditError.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.layout6.addWidget(self.genderEditError)


        self.form12.setLayout(5, QFormLayout.ItemRole.FieldRole, self.layout6)

        self.pronounsEditLabel = QLabel(self.identifyPageContent)
        self.pronounsEditLabel.setObjectName(u"pronounsEditLabel")

        self.form12.setWidget(6, QFormLayout.ItemRole.LabelRole, self.pronounsEditLabel)

        self.layout7 = QVBoxLayout()
        self.layout7.setSpacing(2)
        self.layout7.setObjectName(u"layout7")
        self.pronounsEdit = QLineEdit(self.identifyPageContent)
        self.pronounsEdit.setObjectName(u"pronounsEdit")
        self.pronounsEdit.setMaximumSize(QSize(260, 16777215))

        self.layout7.addWidget(self.pronounsEdit)

        self.pronounsEditError = QLabel(self.identifyPageContent)
        self.pronounsEditError.setObjectName(u"pronounsEditError")
        self.pronounsEditError.setWordWrap(True)
        self.pronounsEditError.setVisible(False)
        self.pronounsEditError.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.layout7.addWidget(self.pronounsEditError)


        self.form12.setLayout(6, QFormLayout.ItemRole.FieldRole, self.layout7)

        self.languageEditLabel = QLabel(self.identifyPageContent)
        self.languageEditLabel.setObjectName(u"languageEditLabel")

        self.form12.setWidget(7, QFormLayout.ItemRole.LabelRole, self.languageEditLabel)

        self.layout8 = QVBoxLayout()
        self.layout8.setSpacing(2)
        self.layout8.setObjectName(u"layout8")
        self.languageEdit = QLineEdit(self.identifyPageContent)
        self.languageEdit.setObjectName(u"languageEdit")
        self.languageEdit.setMaximumSize(QSize(360, 16777215))

        self.layout8.addWidget(self.languageEdit)

        self.languageEditError = QLabel(self.identifyPageContent)
        self.languageEditError.setObjectName(u"languageEditError")
        self.languageEditError.setWordWrap(True)
        self.languageEditError.setVisible(False)
        self.languageEditError.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.layout8.addWidget(self.languageEditError)


        self.form12.setLayout(7, QFormLayout.ItemRole.FieldRole, self.layout8)

        self.interpreterComboLabel = QLabel(self.identifyPageContent)
        self.interpreterComboLabel.setObjectName(u"interpreterComboLabel")

        self.form12.setWidget(8, QFormLayout.ItemRole.LabelRole, self.interpreterComboLabel)

        self.layout9 = QVBoxLayout()
        self.layout9.setSpacing(2)
        self.layout9.setObjectName(u"layout9")
        self.interpreterCombo = QComboBox(self.identifyPageContent)
        self.interpreterCombo.addItem("")
        self.interpreterCombo.addItem("")
        self.interpreterCombo.addItem("")
        self.interpreterCombo.setObjectName(u"interpreterCombo")
        self.interpreterCombo.setMaximumSize(QSize(260, 16777215))

        self.layout9.addWidget(self.interpreterCombo)

        self.interpreterComboError = QLabel(self.identifyPageContent)
        self.interpreterComboError.setObjectName(u"interpreterComboError")
        self.interpreterComboError.setWordWrap(True)
        self.interpreterComboError.setVisible(False)
        self.interpreterComboError.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.layout9.addWidget(self.interpreterComboError)


        self.form12.setLayout(8, QFormLayout.ItemRole.FieldRole, self.layout9)

        self.fictionalCheckLabel = QLabel(self.identifyPageContent)
        self.fictionalCheckLabel.setObjectName(u"fictionalCheckLabel")

        self.form12.setWidget(9, QFormLayout.ItemRole.LabelRole, self.fictionalCheckLabel)

        self.layout10 = QVBoxLayout()
        self.layout10.setSpacing(2)
        self.layout10.setObjectName(u"layout10")
        self.fictionalCheck = QCheckBox(self.identifyPageContent)
        self.fictionalCheck.setObjectName(u"fictionalCheck")

        self.layout10.addWidget(self.fictionalCheck)

        self.fictionalCheckError = QLabel(self.identifyPageContent)
        self.fictionalCheckError.setObjectName(u"fictionalCheckError")
        self.fictionalCheckError.setWordWrap(True)
        self.fictionalCheckError.setVisible(False)
        self.fictionalCheckError.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.layout10.addWidget(self.fictionalCheckError)


        self.form12.setLayout(9, QFormLayout.ItemRole.FieldRole, self.layout10)

        self.sharingEditLabel = QLabel(self.identifyPageContent)
        self.sharingEditLabel.setObjectName(u"sharingEditLabel")

        self.form12.setWidget(10, QFormLayout.ItemRole.LabelRole, self.sharingEditLabel)

        self.layout11 = QVBoxLayout()
        self.layout11.setSpacing(2)
        self.layout11.setObjectName(u"layout11")
        self.sharingEdit = QPlainTextEdit(self.identifyPageContent)
        self.sharingEdit.setObjectName(u"sharingEdit")
        self.sharingEdit.setTabChangesFocus(True)
        self.sharingEdit.setMaximumSize(QSize(16777215, 90))

        self.layout11.addWidget(self.sharingEdit)

        self.sharingEditError = QLabel(self.identifyPageContent)
        self.sharingEditError.setObjectName(u"sharingEditError")
        self.sharingEditError.setWordWrap(True)
        self.sharingEditError.setVisible(False)
        self.sharingEditError.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.layout11.addWidget(self.sharingEditError)


        self.form12.setLayout(10, QFormLayout.ItemRole.FieldRole, self.layout11)

        self.sharingByEditLabel = QLabel(self.identifyPageContent)
        self.sharingByEditLabel.setObjectName(u"sharingByEditLabel")

        self.form12.setWidget(11, QFormLayout.ItemRole.LabelRole, self.sharingByEditLabel)

        self.layoutSharingBy = QVBoxLayout()
        self.layoutSharingBy.setSpacing(2)
        self.layoutSharingBy.setObjectName(u"layoutSharingBy")
        self.sharingByEdit = QLineEdit(self.identifyPageContent)
        self.sharingByEdit.setObjectName(u"sharingByEdit")

        self.layoutSharingBy.addWidget(self.sharingByEdit)

        self.sharingByEditError = QLabel(self.identifyPageContent)
        self.sharingByEditError.setObjectName(u"sharingByEditError")
        self.sharingByEditError.setWordWrap(True)
        self.sharingByEditError.setVisible(False)
        self.sharingByEditError.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.layoutSharingBy.addWidget(self.sharingByEditError)


        self.form12.setLayout(11, QFormLayout.ItemRole.FieldRole, self.layoutSharingBy)


        self.layout13.addLayout(self.form12)

        self.identifySpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.layout13.addItem(self.identifySpacer)

        self.identifyPageScroll.setWidget(self.identifyPageContent)

        self.layout62.addWidget(self.identifyPageScroll)

        self.isbarTabs.addTab(self.identifyPage, "")
        self.situationPage = QWidget()
        self.situationPage.setObjectName(u"situationPage")
        self.layout63 = QVBoxLayout(self.situationPage)
        self.layout63.setObjectName(u"layout63")
        self.layout63.setContentsMargins(0, 0, 0, 0)
        self.situationPageScroll = QScrollArea(self.situationPage)
        self.situationPageScroll.setObjectName(u"situationPageScroll")
        self.situationPageScroll.setWidgetResizable(True)
        self.situationPageScroll.setFrameShape(QFrame.Shape.NoFrame)
        self.situationPageContent = QWidget()
        self.situationPageContent.setObjectName(u"situationPageContent")
        self.layout17 = QVBoxLayout(self.situationPageContent)
        self.layout17.setObjectName(u"layout17")
        self.form16 = QFormLayout()
        self.form16.setObjectName(u"form16")
        self.form16.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form16.setLabelAlignment(Qt.AlignmentFlag.AlignLeading|Qt.AlignmentFlag.AlignTop)
        self.form16.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.oneLinerEditLabel = QLabel(self.situationPageContent)
        self.oneLinerEditLabel.setObjectName(u"oneLinerEditLabel")

        self.form16.setWidget(0, QFormLayout.ItemRole.LabelRole, self.oneLinerEditLabel)

        self.layout14 = QVBoxLayout()
        self.layout14.setSpacing(2)
        self.layout14.setObjectName(u"layout14")
        self.oneLinerEdit = QPlainTextEdit(self.situationPageContent)
        self.oneLinerEdit.setObjectName(u"oneLinerEdit")
        self.oneLinerEdit.setTabChangesFocus(True)
        self.oneLinerEdit.setMaximumSize(QSize(16777215, 110))

        self.layout14.addWidget(self.oneLinerEdit)

        self.oneLinerEditError = QLabel(self.situationPageContent)
        self.oneLinerEditError.setObjectName(u"oneLinerEditError")
        self.oneLinerEditError.setWordWrap(True)
        self.oneLinerEditError.setVisible(False)
        self.oneLinerEditError.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.layout14.addWidget(self.oneLinerEditError)


        self.form16.setLayout(0, QFormLayout.ItemRole.FieldRole, self.layout14)

        self.questionEditLabel = QLabel(self.situationPageContent)
        self.questionEditLabel.setObjectName(u"questionEditLabel")

        self.form16.setWidget(1, QFormLayout.ItemRole.LabelRole, self.questionEditLabel)

        self.layout15 = QVBoxLayout()
        self.layout15.setSpacing(2)
        self.layout15.setObjectName(u"layout15")
        self.questionEdit = QPlainTextEdit(self.situationPageContent)
        self.questionEdit.setObjectName(u"questionEdit")
        self.questionEdit.setTabChangesFocus(True)
        self.questionEdit.setMaximumSize(QSize(16777215, 110))

        self.layout15.addWidget(self.questionEdit)

        self.questionEditError = QLabel(self.situationPageContent)
        self.questionEditError.setObjectName(u"questionEditError")
        self.questionEditError.setWordWrap(True)
        self.questionEditError.setVisible(False)
        self.questionEditError.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.layout15.addWidget(self.questionEditError)


        self.form16.setLayout(1, QFormLayout.ItemRole.FieldRole, self.layout15)


        self.layout17.addLayout(self.form16)

        self.situationSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.layout17.addItem(self.situationSpacer)

        self.situationPageScroll.setWidget(self.situationPageContent)

        self.layout63.addWidget(self.situationPageScroll)

        self.isbarTabs.addTab(self.situationPage, "")
        self.backgroundPage = QWidget()
        self.backgroundPage.setObjectName(u"backgroundPage")
        self.layout64 = QVBoxLayout(self.backgroundPage)
        self.layout64.setObjectName(u"layout64")
        self.layout64.setContentsMargins(0, 0, 0, 0)
        self.backgroundPageScroll = QScrollArea(self.backgroundPage)
        self.backgroundPageScroll.setObjectName(u"backgroundPageScroll")
        self.backgroundPageScroll.setWidgetResizable(True)
        self.backgroundPageScroll.setFrameShape(QFrame.Shape.NoFrame)
        self.backgroundPageContent = QWidget()
        self.backgroundPageContent.setObjectName(u"backgroundPageContent")
        self.layout34 = QVBoxLayout(self.backgroundPageContent)
        self.layout34.setObjectName(u"layout34")
        self.form32 = QFormLayout()
        self.form32.setObjectName(u"form32")
        self.form32.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form32.setLabelAlignment(Qt.AlignmentFlag.AlignLeading|Qt.AlignmentFlag.AlignTop)
        self.form32.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.complaintEditLabel = QLabel(self.backgroundPageContent)
        self.complaintEditLabel.setObjectName(u"complaintEditLabel")

        self.form32.setWidget(0, QFormLayout.ItemRole.LabelRole, self.complaintEditLabel)

        self.layout21 = QVBoxLayout()
        self.layout21.setSpacing(2)
        self.layout21.setObjectName(u"layout21")
        self.complaintEdit = QPlainTextEdit(self.backgroundPageContent)
        self.complaintEdit.setObjectName(u"complaintEdit")
        self.complaintEdit.setTabChangesFocus(True)
        self.complaintEdit.setMaximumSize(QSize(16777215, 110))

        self.layout21.addWidget(self.complaintEdit)

        self.complaintEditError = QLabel(self.backgroundPageContent)
        self.complaintEditError.setObjectName(u"complaintEditError")
        self.complaintEditError.setWordWrap(True)
        self.complaintEditError.setVisible(False)
        self.complaintEditError.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.layout21.addWidget(self.complaintEditError)


        self.form32.setLayout(0, QFormLayout.ItemRole.FieldRole, self.layout21)

        self.historyEditLabel = QLabel(self.backgroundPageContent)
        self.historyEditLabel.setObjectName(u"historyEditLabel")

        self.form32.setWidget(1, QFormLayout.ItemRole.LabelRole, self.historyEditLabel)

        self.layout22 = QVBoxLayout()
        self.layout22.setSpacing(2)
        self.layout22.setObjectName(u"layout22")
        self.historyEdit = QPlainTextEdit(self.backgroundPageContent)
        self.historyEdit.setObjectName(u"historyEdit")
        self.historyEdit.setTabChangesFocus(True)
        self.historyEdit.setMaximumSize(QSize(16777215, 160))

        self.layout22.addWidget(self.historyEdit)

        self.historyEditError = QLabel(self.backgroundPageContent)
        self.historyEditError.setObjectName(u"historyEditError")
        self.historyEditError.setWordWrap(True)
        self.historyEditError.setVisible(False)
        self.historyEditError.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.layout22.addWidget(self.historyEditError)


        self.form32.setLayout(1, QFormLayout.ItemRole.FieldRole, self.layout22)


        self.layout34.addLayout(self.form32)

        self.locationsGroup = QGroupBox(self.backgroundPageContent)
        self.locationsGroup.setObjectName(u"locationsGroup")
        self.layout20 = QVBoxLayout(self.locationsGroup)
        self.layout20.setSpacing(4)
        self.layout20.setObjectName(u"layout20")
        self.locationsTable = QTableWidget(self.locationsGroup)
        if (self.locationsTable.columnCount() < 3):
            self.locationsTable.setColumnCount(3)
        __qtablewidgetitem = QTableWidgetItem()
        self.locationsTable.setHorizontalHeaderItem(0, __qtablewidgetitem)
        __qtablewidgetitem1 = QTableWidgetItem()
        self.locationsTable.setHorizontalHeaderItem(1, __qtablewidgetitem1)
        __qtablewidgetitem2 = QTableWidgetItem()
        self.locationsTable.setHorizontalHeaderItem(2, __qtablewidgetitem2)
        self.locationsTable.setObjectName(u"locationsTable")
        self.locationsTable.setAlternatingRowColors(True)
        self.locationsTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.locationsTable.setTabKeyNavigation(False)
        self.locationsTable.setMinimumSize(QSize(0, 130))
        self.locationsTable.horizontalHeader().setStretchLastSection(True)
        self.locationsTable.verticalHeader().setVisible(False)

        self.layout20.addWidget(self.locationsTable)

        self.layout19 = QHBoxLayout()
        self.layout19.setObjectName(u"layout19")
        self.addLocationButton = QPushButton(self.locationsGroup)
        self.addLocationButton.setObjectName(u"addLocationButton")

        self.layout19.addWidget(self.addLocationButton)

        self.removeLocationButton = QPushButton(self.locationsGroup)
        self.removeLocationButton.setObjectName(u"removeLocationButton")

        self.layout19.addWidget(self.removeLocationButton)

        self.sp18 = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.layout19.addItem(self.sp18)


        self.layout20.addLayout(self.layout19)

        self.locationsTableError = QLabel(self.locationsGroup)
        self.locationsTableError.setObjectName(u"locationsTableError")
        self.locationsTableError.setWordWrap(True)
        self.locationsTableError.setVisible(False)
        self.locationsTableError.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.layout20.addWidget(self.locationsTableError)


        self.layout34.addWidget(self.locationsGroup)

        self.form33 = QFormLayout()
        self.form33.setObjectName(u"form33")
        self.form33.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form33.setLabelAlignment(Qt.AlignmentFlag.AlignLeading|Qt.AlignmentFlag.AlignTop)
        self.form33.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.treatmentsEditLabel = QLabel(self.backgroundPageContent)
        self.treatmentsEditLabel.setObjectName(u"treatmentsEditLabel")

        self.form33.setWidget(0, QFormLayout.ItemRole.LabelRole, self.treatmentsEditLabel)

        self.layout25 = QVBoxLayout()
        self.layout25.setSpacing(2)
        self.layout25.setObjectName(u"layout25")
        self.treatmentsEdit = QPlainTextEdit(self.backgroundPageContent)
        self.treatmentsEdit.setObjectName(u"treatmentsEdit")
        self.treatmentsEdit.setTabChangesFocus(True)
        self.treatmentsEdit.setMaximumSize(QSize(16777215, 110))

        self.layout25.addWidget(self.treatmentsEdit)

        self.treatmentsEditError = QLabel(self.backgroundPageContent)
        self.treatmentsEditError.setObjectName(u"treatmentsEditError")
        self.treatmentsEditError.setWordWrap(True)
        self.treatmentsEditError.setVisible(False)
        self.treatmentsEditError.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.layout25.addWidget(self.treatmentsEditError)


        self.form33.setLayout(0, QFormLayout.ItemRole.FieldRole, self.layout25)

        self.imagingEditLabel = QLabel(self.backgroundPageContent)
        self.imagingEditLabel.setObjectName(u"imagingEditLabel")

        self.form33.setWidget(1, QFormLayout.ItemRole.LabelRole, self.imagingEditLabel)

        self.layout26 = QVBoxLayout()
        self.layout26.setSpacing(2)
        self.layout26.setObjectName(u"layout26")
        self.imagingEdit = QPlainTextEdit(self.backgroundPageContent)
        self.imagingEdit.setObjectName(u"imagingEdit")
        self.imagingEdit.setTabChangesFocus(True)
        self.imagingEdit.setMaximumSize(QSize(16777215, 90))

        self.layout26.addWidget(self.imagingEdit)

        self.imagingEditError = QLabel(self.backgroundPageContent)
        self.imagingEditError.setObjectName(u"imagingEditError")
        self.imagingEditError.setWordWrap(True)
        self.imagingEditError.setVisible(False)
        self.imagingEditError.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.layout26.addWidget(self.imagingEditError)


        self.form33.setLayout(1, QFormLayout.ItemRole.FieldRole, self.layout26)

        self.comorbiditiesEditLabel = QLabel(self.backgroundPageContent)
        self.comorbiditiesEditLabel.setObjectName(u"comorbiditiesEditLabel")

        self.form33.setWidget(2, QFormLayout.ItemRole.LabelRole, self.comorbiditiesEditLabel)

        self.layout27 = QVBoxLayout()
        self.layout27.setSpacing(2)
        self.layout27.setObjectName(u"layout27")
        self.comorbiditiesEdit = QPlainTextEdit(self.backgroundPageContent)
        self.comorbiditiesEdit.setObjectName(u"comorbiditiesEdit")
        self.comorbiditiesEdit.setTabChangesFocus(True)
        self.comorbiditiesEdit.setMaximumSize(QSize(16777215, 90))

        self.layout27.addWidget(self.comorbiditiesEdit)

        self.comorbiditiesEditError = QLabel(self.backgroundPageContent)
        self.comorbiditiesEditError.setObjectName(u"comorbiditiesEditError")
        self.comorbiditiesEditError.setWordWrap(True)
        self.comorbiditiesEditError.setVisible(False)
        self.comorbiditiesEditError.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.layout27.addWidget(self.comorbiditiesEditError)


        self.form33.setLayout(2, QFormLayout.ItemRole.FieldRole, self.layout27)

        self.psychosocialEditLabel = QLabel(self.backgroundPageContent)
        self.psychosocialEditLabel.setObjectName(u"psychosocialEditLabel")

        self.form33.setWidget(3, QFormLayout.ItemRole.LabelRole, self.psychosocialEditLabel)

        self.layout28 = QVBoxLayout()
        self.layout28.setSpacing(2)
        self.layout28.setObjectName(u"layout28")
        self.psychosocialEdit = QPlainTextEdit(self.backgroundPageContent)
        self.psychosocialEdit.setObjectName(u"psychosocialEdit")
        self.psychosocialEdit.setTabChangesFocus(True)
        self.psychosocialEdit.setMaximumSize(QSize(16777215, 130))

        self.layout28.addWidget(self.psychosocialEdit)

        self.psychosocialEditError = QLabel(self.backgroundPageContent)
        self.psychosocialEditError.setObjectName(u"psychosocialEditError")
        self.psychosocialEditError.setWordWrap(True)
        self.psychosocialEditError.setVisible(False)
        self.psychosocialEditError.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.layout28.addWidget(self.psychosocialEditError)


        self.form33.setLayout(3, QFormLayout.ItemRole.FieldRole, self.layout28)


        self.layout34.addLayout(self.form33)

        self.medicationsGroup = QGroupBox(self.backgroundPageContent)
        self.medicationsGroup.setObjectName(u"medicationsGroup")
        self.layout31 = QVBoxLayout(self.medicationsGroup)
        self.layout31.setSpacing(4)
        self.layout31.setObjectName(u"layout31")
        self.medicationsTable = QTableWidget(self.medicationsGroup)
        if (self.medicationsTable.columnCount() < 8):
            self.medicationsTable.setColumnCount(8)
        __qtablewidgetitem3 = QTableWidgetItem()
        self.medicationsTable.setHorizontalHeaderItem(0, __qtablewidgetitem3)
        __qtablewidgetitem4 = QTableWidgetItem()
        self.medicationsTable.setHorizontalHeaderItem(1, __qtablewidgetitem4)
        __qtablewidgetitem5 = QTableWidgetItem()
        self.medicationsTable.setHorizontalHeaderItem(2, __qtablewidgetitem5)
        __qtablewidgetitem6 = QTableWidgetItem()
        self.medicationsTable.setHorizontalHeaderItem(3, __qtablewidgetitem6)
        __qtablewidgetitem7 = QTableWidgetItem()
        self.medicationsTable.setHorizontalHeaderItem(4, __qtablewidgetitem7)
        __qtablewidgetitem8 = QTableWidgetItem()
        self.medicationsTable.setHorizontalHeaderItem(5, __qtablewidgetitem8)
        __qtablewidgetitem9 = QTableWidgetItem()
        self.medicationsTable.setHorizontalHeaderItem(6, __qtablewidgetitem9)
        __qtablewidgetitem10 = QTableWidgetItem()
        self.medicationsTable.setHorizontalHeaderItem(7, __qtablewidgetitem10)
        self.medicationsTable.setObjectName(u"medicationsTable")
        self.medicationsTable.setAlternatingRowColors(True)
        self.medicationsTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.medicationsTable.setTabKeyNavigation(False)
        self.medicationsTable.setMinimumSize(QSize(0, 250))
        self.medicationsTable.horizontalHeader().setStretchLastSection(True)
        self.medicationsTable.verticalHeader().setVisible(False)

        self.layout31.addWidget(self.medicationsTable)

        self.layout30 = QHBoxLayout()
        self.layout30.setObjectName(u"layout30")
        self.addMedicationButton = QPushButton(self.medicationsGroup)
        self.addMedicationButton.setObjectName(u"addMedicationButton")

        self.layout30.addWidget(self.addMedicationButton)

        self.removeMedicationButton = QPushButton(self.medicationsGroup)
        self.removeMedicationButton.setObjectName(u"removeMedicationButton")

        self.layout30.addWidget(self.removeMedicationButton)

        self.sp29 = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.layout30.addItem(self.sp29)


        self.layout31.addLayout(self.layout30)

        self.medicationsTableError = QLabel(self.medicationsGroup)
        self.medicationsTableError.setObjectName(u"medicationsTableError")
        self.medicationsTableError.setWordWrap(True)
        self.medicationsTableError.setVisible(False)
        self.medicationsTableError.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.layout31.addWidget(self.medicationsTableError)

        self.mmeSummary = QLabel(self.medicationsGroup)
        self.mmeSummary.setObjectName(u"mmeSummary")
        self.mmeSummary.setWordWrap(True)
        self.mmeSummary.setTextFormat(Qt.TextFormat.RichText)
        self.mmeSummary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.layout31.addWidget(self.mmeSummary)


        self.layout34.addWidget(self.medicationsGroup)

        self.backgroundPageScroll.setWidget(self.backgroundPageContent)

        self.layout64.addWidget(self.backgroundPageScroll)

        self.isbarTabs.addTab(self.backgroundPage, "")
        self.assessmentPage = QWidget()
        self.assessmentPage.setObjectName(u"assessmentPage")
        self.layout65 = QVBoxLayout(self.assessmentPage)
        self.layout65.setObjectName(u"layout65")
        self.layout65.setContentsMargins(0, 0, 0, 0)
        self.assessmentPageScroll = QScrollArea(self.assessmentPage)
        self.assessmentPageScroll.setObjectName(u"assessmentPageScroll")
        self.assessmentPageScroll.setWidgetResizable(True)
        self.assessmentPageScroll.setFrameShape(QFrame.Shape.NoFrame)
        self.assessmentPageContent = QWidget()
        self.assessmentPageContent.setObjectName(u"assessmentPageContent")
        self.layout57 = QVBoxLayout(self.assessmentPageContent)
        self.layout57.setObjectName(u"layout57")
        self.painGroup = QGroupBox(self.assessmentPageContent)
        self.painGroup.setObjectName(u"painGroup")
        self.form41 = QFormLayout(self.painGroup)
        self.form41.setObjectName(u"form41")
        self.form41.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form41.setLabelAlignment(Qt.AlignmentFlag.AlignLeading|Qt.AlignmentFlag.AlignTop)
        self.form41.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.nrsEditLabel = QLabel(self.painGroup)
        self.nrsEditLabel.setObjectName(u"nrsEditLabel")

        self.form41.setWidget(0, QFormLayout.ItemRole.LabelRole, self.nrsEditLabel)

        self.layout36 = QVBoxLayout()
        self.layout36.setSpacing(2)
        self.layout36.setObjectName(u"layout36")
        self.layout35 = QHBoxLayout()
        self.layout35.setObjectName(u"layout35")
        self.nrsEdit = QLineEdit(self.painGroup)
        self.nrsEdit.setObjectName(u"nrsEdit")
        self.nrsEdit.setMaximumSize(QSize(64, 16777215))

        self.layout35.addWidget(self.nrsEdit)

        self.nrsResult = QLabel(self.painGroup)
        self.nrsResult.setObjectName(u"nrsResult")
        self.nrsResult.setWordWrap(True)

        self.layout35.addWidget(self.nrsResult)

        self.layout35.setStretch(1, 1)

        self.layout36.addLayout(self.layout35)

        self.nrsEditError = QLabel(self.painGroup)
        self.nrsEditError.setObjectName(u"nrsEditError")
        self.nrsEditError.setWordWrap(True)
        self.nrsEditError.setVisible(False)
        self.nrsEditError.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.layout36.addWidget(self.nrsEditError)


        self.form41.setLayout(0, QFormLayout.ItemRole.FieldRole, self.layout36)

        self.pegPainEditLabel = QLabel(self.painGroup)
        self.pegPainEditLabel.setObjectName(u"pegPainEditLabel")

        self.form41.setWidget(1, QFormLayout.ItemRole.LabelRole, self.pegPainEditLabel)

        self.layout38 = QVBoxLayout()
        self.layout38.setSpacing(2)
        self.layout38.setObjectName(u"layout38")
        self.layout37 = QHBoxLayout()
        self.layout37.setObjectName(u"layout37")
        self.pegPainEdit = QLineEdit(self.painGroup)
        self.pegPainEdit.setObjectName(u"pegPainEdit")
        self.pegPainEdit.setMaximumSize(QSize(64, 16777215))

        self.layout37.addWidget(self.pegPainEdit)

        self.pegResult = QLabel(self.painGroup)
        self.pegResult.setObjectName(u"pegResult")
        self.pegResult.setWordWrap(True)

        self.layout37.addWidget(self.pegResult)

        self.layout37.setStretch(1, 1)

        self.layout38.addLayout(self.layout37)

        self.pegPainEditError = QLabel(self.painGroup)
        self.pegPainEditError.setObjectName(u"pegPainEditError")
        self.pegPainEditError.setWordWrap(True)
        self.pegPainEditError.setVisible(False)
        self.pegPainEditError.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.layout38.addWidget(self.pegPainEditError)


        self.form41.setLayout(1, QFormLayout.ItemRole.FieldRole, self.layout38)

        self.pegEnjoymentEditLabel = QLabel(self.painGroup)
        self.pegEnjoymentEditLabel.setObjectName(u"pegEnjoymentEditLabel")

        self.form41.setWidget(2, QFormLayout.ItemRole.LabelRole, self.pegEnjoymentEditLabel)

        self.layout39 = QVBoxLayout()
        self.layout39.setSpacing(2)
        self.layout39.setObjectName(u"layout39")
        self.pegEnjoymentEdit = QLineEdit(self.painGroup)
        self.pegEnjoymentEdit.setObjectName(u"pegEnjoymentEdit")
        self.pegEnjoymentEdit.setMaximumSize(QSize(64, 16777215))

        self.layout39.addWidget(self.pegEnjoymentEdit)

        self.pegEnjoymentEditError = QLabel(self.painGroup)
        self.pegEnjoymentEditError.setObjectName(u"pegEnjoymentEditError")
        self.pegEnjoymentEditError.setWordWrap(True)
        self.pegEnjoymentEditError.setVisible(False)
        self.pegEnjoymentEditError.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.layout39.addWidget(self.pegEnjoymentEditError)


        self.form41.setLayout(2, QFormLayout.ItemRole.FieldRole, self.layout39)

        self.pegActivityEditLabel = QLabel(self.painGroup)
        self.pegActivityEditLabel.setObjectName(u"pegActivityEditLabel")

        self.form41.setWidget(3, QFormLayout.ItemRole.LabelRole, self.pegActivityEditLabel)

        self.layout40 = QVBoxLayout()
        self.layout40.setSpacing(2)
        self.layout40.setObjectName(u"layout40")
        self.pegActivityEdit = QLineEdit(self.painGroup)
        self.pegActivityEdit.setObjectName(u"pegActivityEdit")
        self.pegActivityEdit.setMaximumSize(QSize(64, 16777215))

        self.layout40.addWidget(self.pegActivityEdit)

        self.pegActivityEditError = QLabel(self.painGroup)
        self.pegActivityEditError.setObjectName(u"pegActivityEditError")
        self.pegActivityEditError.setWordWrap(True)
        self.pegActivityEditError.setVisible(False)
        self.pegActivityEditError.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.layout40.addWidget(self.pegActivityEditError)


        self.form41.setLayout(3, QFormLayout.ItemRole.FieldRole, self.layout40)


        self.layout57.addWidget(self.painGroup)

        self.phq9Group = QGroupBox(self.assessmentPageContent)
        self.phq9Group.setObjectName(u"phq9Group")
        self.layout46 = QVBoxLayout(self.phq9Group)
        self.layout46.setObjectName(u"layout46")
        self.phq9Hint = QLabel(self.phq9Group)
        self.phq9Hint.setObjectName(u"phq9Hint")
        self.phq9Hint.setWordWrap(True)

        self.layout46.addWidget(self.phq9Hint)

        self.form45 = QFormLayout()
        self.form45.setObjectName(u"form45")
        self.form45.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form45.setLabelAlignment(Qt.AlignmentFlag.AlignLeading|Qt.AlignmentFlag.AlignTop)
        self.form45.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.phq9ItemsLabel = QLabel(self.phq9Group)
        self.phq9ItemsLabel.setObjectName(u"phq9ItemsLabel")

        self.form45.setWidget(0, QFormLayout.ItemRole.LabelRole, self.phq9ItemsLabel)

        self.layout42 = QVBoxLayout()
        self.layout42.setSpacing(2)
        self.layout42.setObjectName(u"layout42")
        self.phq9Grid = QGridLayout()
        self.phq9Grid.setObjectName(u"phq9Grid")
        self.phq9Item1Label = QLabel(self.phq9Group)
        self.phq9Item1Label.setObjectName(u"phq9Item1Label")
        self.phq9Item1Label.setWordWrap(True)

        self.phq9Grid.addWidget(self.phq9Item1Label, 0, 0, 1, 1)

        self.phq9Item1 = QLineEdit(self.phq9Group)
        self.phq9Item1.setObjectName(u"phq9Item1")
        self.phq9Item1.setMaximumSize(QSize(64, 16777215))

        self.phq9Grid.addWidget(self.phq9Item1, 1, 0, 1, 1)

        self.phq9Item2Label = QLabel(self.phq9Group)
        self.phq9Item2Label.setObjectName(u"phq9Item2Label")
        self.phq9Item2Label.setWordWrap(True)

        self.phq9Grid.addWidget(self.phq9Item2Label, 0, 1, 1, 1)

        self.phq9Item2 = QLineEdit(self.phq9Group)
        self.phq9Item2.setObjectName(u"phq9Item2")
        self.phq9Item2.setMaximumSize(QSize(64, 16777215))

        self.phq9Grid.addWidget(self.phq9Item2, 1, 1, 1, 1)

        self.phq9Item3Label = QLabel(self.phq9Group)
        self.phq9Item3Label.setObjectName(u"phq9Item3Label")
        self.phq9Item3Label.setWordWrap(True)

        self.phq9Grid.addWidget(self.phq9Item3Label, 0, 2, 1, 1)

        self.phq9Item3 = QLineEdit(self.phq9Group)
        self.phq9Item3.setObjectName(u"phq9Item3")
        self.phq9Item3.setMaximumSize(QSize(64, 16777215))

        self.phq9Grid.addWidget(self.phq9Item3, 1, 2, 1, 1)

        self.phq9Item4Label = QLabel(self.phq9Group)
        self.phq9Item4Label.setObjectName(u"phq9Item4Label")
        self.phq9Item4Label.setWordWrap(True)

        self.phq9Grid.addWidget(self.phq9Item4Label, 0, 3, 1, 1)

        self.phq9Item4 = QLineEdit(self.phq9Group)
        self.phq9Item4.setObjectName(u"phq9Item4")
        self.phq9Item4.setMaximumSize(QSize(64, 16777215))

        self.phq9Grid.addWidget(self.phq9Item4, 1, 3, 1, 1)

        self.phq9Item5Label = QLabel(self.phq9Group)
        self.phq9Item5Label.setObjectName(u"phq9Item5Label")
        self.phq9Item5Label.setWordWrap(True)

        self.phq9Grid.addWidget(self.phq9Item5Label, 0, 4, 1, 1)

        self.phq9Item5 = QLineEdit(self.phq9Group)
        self.phq9Item5.setObjectName(u"phq9Item5")
        self.phq9Item5.setMaximumSize(QSize(64, 16777215))

        self.phq9Grid.addWidget(self.phq9Item5, 1, 4, 1, 1)

        self.phq9Item6Label = QLabel(self.phq9Group)
        self.phq9Item6Label.setObjectName(u"phq9Item6Label")
        self.phq9Item6Label.setWordWrap(True)

        self.phq9Grid.addWidget(self.phq9Item6Label, 0, 5, 1, 1)

        self.phq9Item6 = QLineEdit(self.phq9Group)
        self.phq9Item6.setObjectName(u"phq9Item6")
        self.phq9Item6.setMaximumSize(QSize(64, 16777215))

        self.phq9Grid.addWidget(self.phq9Item6, 1, 5, 1, 1)

        self.phq9Item7Label = QLabel(self.phq9Group)
        self.phq9Item7Label.setObjectName(u"phq9Item7Label")
        self.phq9Item7Label.setWordWrap(True)

        self.phq9Grid.addWidget(self.phq9Item7Label, 0, 6, 1, 1)

        self.phq9Item7 = QLineEdit(self.phq9Group)
        self.phq9Item7.setObjectName(u"phq9Item7")
        self.phq9Item7.setMaximumSize(QSize(64, 16777215))

        self.phq9Grid.addWidget(self.phq9Item7, 1, 6, 1, 1)

        self.phq9Item8Label = QLabel(self.phq9Group)
        self.phq9Item8Label.setObjectName(u"phq9Item8Label")
        self.phq9Item8Label.setWordWrap(True)

        self.phq9Grid.addWidget(self.phq9Item8Label, 0, 7, 1, 1)

        self.phq9Item8 = QLineEdit(self.phq9Group)
        self.phq9Item8.setObjectName(u"phq9Item8")
        self.phq9Item8.setMaximumSize(QSize(64, 16777215))

        self.phq9Grid.addWidget(self.phq9Item8, 1, 7, 1, 1)

        self.phq9Item9Label = QLabel(self.phq9Group)
        self.phq9Item9Label.setObjectName(u"phq9Item9Label")
        self.phq9Item9Label.setWordWrap(True)

        self.phq9Grid.addWidget(self.phq9Item9Label, 0, 8, 1, 1)

        self.phq9Item9 = QLineEdit(self.phq9Group)
        self.phq9Item9.setObjectName(u"phq9Item9")
        self.phq9Item9.setMaximumSize(QSize(64, 16777215))

        self.phq9Grid.addWidget(self.phq9Item9, 1, 8, 1, 1)


        self.layout42.addLayout(self.phq9Grid)

        self.phq9ItemsError = QLabel(self.phq9Group)
        self.phq9ItemsError.setObjectName(u"phq9ItemsError")
        self.phq9ItemsError.setWordWrap(True)
        self.phq9ItemsError.setVisible(False)
        self.phq9ItemsError.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.layout42.addWidget(self.phq9ItemsError)


        self.form45.setLayout(0, QFormLayout.ItemRole.FieldRole, self.layout42)

        self.phq9TotalEditLabel = QLabel(self.phq9Group)
        self.phq9TotalEditLabel.setObjectName(u"phq9TotalEditLabel")

        self.form45.setWidget(1, QFormLayout.ItemRole.LabelRole, self.phq9TotalEditLabel)

        self.layout44 = QVBoxLayout()
        self.layout44.setSpacing(2)
        self.layout44.setObjectName(u"layout44")
        self.layout43 = QHBoxLayout()
        self.layout43.setObjectName(u"layout43")
        self.phq9TotalEdit = QLineEdit(self.phq9Group)
        self.phq9TotalEdit.setObjectName(u"phq9TotalEdit")
        self.phq9TotalEdit.setMaximumSize(QSize(64, 16777215))

        self.layout43.addWidget(self.phq9TotalEdit)

        self.phq9Result = QLabel(self.phq9Group)
        self.phq9Result.setObjectName(u"phq9Result")
        self.phq9Result.setWordWrap(True)

        self.layout43.addWidget(self.phq9Result)

        self.layout43.setStretch(1, 1)

        self.layout44.addLayout(self.layout43)

        self.phq9TotalEditError = QLabel(self.phq9Group)
        self.phq9TotalEditError.setObjectName(u"phq9TotalEditError")
        self.phq9TotalEditError.setWordWrap(True)
        self.phq9TotalEditError.setVisible(False)
        self.phq9TotalEditError.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.layout44.addWidget(self.phq9TotalEditError)


        self.form45.setLayout(1, QFormLayout.ItemRole.FieldRole, self.layout44)


        self.layout46.addLayout(self.form45)


        self.layout57.addWidget(self.phq9Group)

        self.gad7Group = QGroupBox(self.assessmentPageContent)
        self.gad7Group.setObjectName(u"gad7Group")
        self.layout51 = QVBoxLayout(self.gad7Group)
        self.layout51.setObjectName(u"layout51")
        self.gad7Hint = QLabel(self.gad7Group)
        self.gad7Hint.setObjectName(u"gad7Hint")
        self.gad7Hint.setWordWrap(True)

        self.layout51.addWidget(self.gad7Hint)

        self.form50 = QFormLayout()
        self.form50.setObjectName(u"form50")
        self.form50.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form50.setLabelAlignment(Qt.AlignmentFlag.AlignLeading|Qt.AlignmentFlag.AlignTop)
        self.form50.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.gad7ItemsLabel = QLabel(self.gad7Group)
        self.gad7ItemsLabel.setObjectName(u"gad7ItemsLabel")

        self.form50.setWidget(0, QFormLayout.ItemRole.LabelRole, self.gad7ItemsLabel)

        self.layout47 = QVBoxLayout()
        self.layout47.setSpacing(2)
        self.layout47.setObjectName(u"layout47")
        self.gad7Grid = QGridLayout()
        self.gad7Grid.setObjectName(u"gad7Grid")
        self.gad7Item1Label = QLabel(self.gad7Group)
        self.gad7Item1Label.setObjectName(u"gad7Item1Label")
        self.gad7Item1Label.setWordWrap(True)

        self.gad7Grid.addWidget(self.gad7Item1Label, 0, 0, 1, 1)

        self.gad7Item1 = QLineEdit(self.gad7Group)
        self.gad7Item1.setObjectName(u"gad7Item1")
        self.gad7Item1.setMaximumSize(QSize(64, 16777215))

        self.gad7Grid.addWidget(self.gad7Item1, 1, 0, 1, 1)

        self.gad7Item2Label = QLabel(self.gad7Group)
        self.gad7Item2Label.setObjectName(u"gad7Item2Label")
        self.gad7Item2Label.setWordWrap(True)

        self.gad7Grid.addWidget(self.gad7Item2Label, 0, 1, 1, 1)

        self.gad7Item2 = QLineEdit(self.gad7Group)
        self.gad7Item2.setObjectName(u"gad7Item2")
        self.gad7Item2.setMaximumSize(QSize(64, 16777215))

        self.gad7Grid.addWidget(self.gad7Item2, 1, 1, 1, 1)

        self.gad7Item3Label = QLabel(self.gad7Group)
        self.gad7Item3Label.setObjectName(u"gad7Item3Label")
        self.gad7Item3Label.setWordWrap(True)

        self.gad7Grid.addWidget(self.gad7Item3Label, 0, 2, 1, 1)

        self.gad7Item3 = QLineEdit(self.gad7Group)
        self.gad7Item3.setObjectName(u"gad7Item3")
        self.gad7Item3.setMaximumSize(QSize(64, 16777215))

        self.gad7Grid.addWidget(self.gad7Item3, 1, 2, 1, 1)

        self.gad7Item4Label = QLabel(self.gad7Group)
        self.gad7Item4Label.setObjectName(u"gad7Item4Label")
        self.gad7Item4Label.setWordWrap(True)

        self.gad7Grid.addWidget(self.gad7Item4Label, 0, 3, 1, 1)

        self.gad7Item4 = QLineEdit(self.gad7Group)
        self.gad7Item4.setObjectName(u"gad7Item4")
        self.gad7Item4.setMaximumSize(QSize(64, 16777215))

        self.gad7Grid.addWidget(self.gad7Item4, 1, 3, 1, 1)

        self.gad7Item5Label = QLabel(self.gad7Group)
        self.gad7Item5Label.setObjectName(u"gad7Item5Label")
        self.gad7Item5Label.setWordWrap(True)

        self.gad7Grid.addWidget(self.gad7Item5Label, 0, 4, 1, 1)

        self.gad7Item5 = QLineEdit(self.gad7Group)
        self.gad7Item5.setObjectName(u"gad7Item5")
        self.gad7Item5.setMaximumSize(QSize(64, 16777215))

        self.gad7Grid.addWidget(self.gad7Item5, 1, 4, 1, 1)

        self.gad7Item6Label = QLabel(self.gad7Group)
        self.gad7Item6Label.setObjectName(u"gad7Item6Label")
        self.gad7Item6Label.setWordWrap(True)

        self.gad7Grid.addWidget(self.gad7Item6Label, 0, 5, 1, 1)

        self.gad7Item6 = QLineEdit(self.gad7Group)
        self.gad7Item6.setObjectName(u"gad7Item6")
        self.gad7Item6.setMaximumSize(QSize(64, 16777215))

        self.gad7Grid.addWidget(self.gad7Item6, 1, 5, 1, 1)

        self.gad7Item7Label = QLabel(self.gad7Group)
        self.gad7Item7Label.setObjectName(u"gad7Item7Label")
        self.gad7Item7Label.setWordWrap(True)

        self.gad7Grid.addWidget(self.gad7Item7Label, 0, 6, 1, 1)

        self.gad7Item7 = QLineEdit(self.gad7Group)
        self.gad7Item7.setObjectName(u"gad7Item7")
        self.gad7Item7.setMaximumSize(QSize(64, 16777215))

        self.gad7Grid.addWidget(self.gad7Item7, 1, 6, 1, 1)


        self.layout47.addLayout(self.gad7Grid)

        self.gad7ItemsError = QLabel(self.gad7Group)
        self.gad7ItemsError.setObjectName(u"gad7ItemsError")
        self.gad7ItemsError.setWordWrap(True)
        self.gad7ItemsError.setVisible(False)
        self.gad7ItemsError.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.layout47.addWidget(self.gad7ItemsError)


        self.form50.setLayout(0, QFormLayout.ItemRole.FieldRole, self.layout47)

        self.gad7TotalEditLabel = QLabel(self.gad7Group)
        self.gad7TotalEditLabel.setObjectName(u"gad7TotalEditLabel")

        self.form50.setWidget(1, QFormLayout.ItemRole.LabelRole, self.gad7TotalEditLabel)

        self.layout49 = QVBoxLayout()
        self.layout49.setSpacing(2)
        self.layout49.setObjectName(u"layout49")
        self.layout48 = QHBoxLayout()
        self.layout48.setObjectName(u"layout48")
        self.gad7TotalEdit = QLineEdit(self.gad7Group)
        self.gad7TotalEdit.setObjectName(u"gad7TotalEdit")
        self.gad7TotalEdit.setMaximumSize(QSize(64, 16777215))

        self.layout48.addWidget(self.gad7TotalEdit)

        self.gad7Result = QLabel(self.gad7Group)
        self.gad7Result.setObjectName(u"gad7Result")
        self.gad7Result.setWordWrap(True)

        self.layout48.addWidget(self.gad7Result)

        self.layout48.setStretch(1, 1)

        self.layout49.addLayout(self.layout48)

        self.gad7TotalEditError = QLabel(self.gad7Group)
        self.gad7TotalEditError.setObjectName(u"gad7TotalEditError")
        self.gad7TotalEditError.setWordWrap(True)
        self.gad7TotalEditError.setVisible(False)
        self.gad7TotalEditError.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.layout49.addWidget(self.gad7TotalEditError)


        self.form50.setLayout(1, QFormLayout.ItemRole.FieldRole, self.layout49)


        self.layout51.addLayout(self.form50)


        self.layout57.addWidget(self.gad7Group)

        self.otherScoresGroup = QGroupBox(self.assessmentPageContent)
        self.otherScoresGroup.setObjectName(u"otherScoresGroup")
        self.layout54 = QVBoxLayout(self.otherScoresGroup)
        self.layout54.setSpacing(4)
        self.layout54.setObjectName(u"layout54")
        self.otherScoresTable = QTableWidget(self.otherScoresGroup)
        if (self.otherScoresTable.columnCount() < 3):
            self.otherScoresTable.setColumnCount(3)
        __qtablewidgetitem11 = QTableWidgetItem()
        self.otherScoresTable.setHorizontalHeaderItem(0, __qtablewidgetitem11)
        __qtablewidgetitem12 = QTableWidgetItem()
        self.otherScoresTable.setHorizontalHeaderItem(1, __qtablewidgetitem12)
        __qtablewidgetitem13 = QTableWidgetItem()
        self.otherScoresTable.setHorizontalHeaderItem(2, __qtablewidgetitem13)
        self.otherScoresTable.setObjectName(u"otherScoresTable")
        self.otherScoresTable.setAlternatingRowColors(True)
        self.otherScoresTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.otherScoresTable.setTabKeyNavigation(False)
        self.otherScoresTable.setMinimumSize(QSize(0, 170))
        self.otherScoresTable.horizontalHeader().setStretchLastSection(True)
        self.otherScoresTable.verticalHeader().setVisible(False)

        self.layout54.addWidget(self.otherScoresTable)

        self.layout53 = QHBoxLayout()
        self.layout53.setObjectName(u"layout53")
        self.addScoreButton = QPushButton(self.otherScoresGroup)
        self.addScoreButton.setObjectName(u"addScoreButton")

        self.layout53.addWidget(self.addScoreButton)

        self.removeScoreButton = QPushButton(self.otherScoresGroup)
        self.removeScoreButton.setObjectName(u"removeScoreButton")

        self.layout53.addWidget(self.removeScoreButton)

        self.sp52 = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.layout53.addItem(self.sp52)


        self.layout54.addLayout(self.layout53)

        self.otherScoresTableError = QLabel(self.otherScoresGroup)
        self.otherScoresTableError.setObjectName(u"otherScoresTableError")
        self.otherScoresTableError.setWordWrap(True)
        self.otherScoresTableError.setVisible(False)
        self.otherScoresTableError.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.layout54.addWidget(self.otherScoresTableError)


        self.layout57.addWidget(self.otherScoresGroup)

        self.form56 = QFormLayout()
        self.form56.setObjectName(u"form56")
        self.form56.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form56.setLabelAlignment(Qt.AlignmentFlag.AlignLeading|Qt.AlignmentFlag.AlignTop)
        self.form56.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.redFlagsEditLabel = QLabel(self.assessmentPageContent)
        self.redFlagsEditLabel.setObjectName(u"redFlagsEditLabel")

        self.form56.setWidget(0, QFormLayout.ItemRole.LabelRole, self.redFlagsEditLabel)

        self.layout55 = QVBoxLayout()
        self.layout55.setSpacing(2)
        self.layout55.setObjectName(u"layout55")
        self.redFlagsEdit = QPlainTextEdit(self.assessmentPageContent)
        self.redFlagsEdit.setObjectName(u"redFlagsEdit")
        self.redFlagsEdit.setTabChangesFocus(True)
        self.redFlagsEdit.setMaximumSize(QSize(16777215, 110))

        self.layout55.addWidget(self.redFlagsEdit)

        self.redFlagsEditError = QLabel(self.assessmentPageContent)
        self.redFlagsEditError.setObjectName(u"redFlagsEditError")
        self.redFlagsEditError.setWordWrap(True)
        self.redFlagsEditError.setVisible(False)
        self.redFlagsEditError.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.layout55.addWidget(self.redFlagsEditError)


        self.form56.setLayout(0, QFormLayout.ItemRole.FieldRole, self.layout55)


        self.layout57.addLayout(self.form56)

        self.attributionLabel = QLabel(self.assessmentPageContent)
        self.attributionLabel.setObjectName(u"attributionLabel")
        self.attributionLabel.setWordWrap(True)

        self.layout57.addWidget(self.attributionLabel)

        self.assessmentPageScroll.setWidget(self.assessmentPageContent)

        self.layout65.addWidget(self.assessmentPageScroll)

        self.isbarTabs.addTab(self.assessmentPage, "")
        self.recommendationPage = QWidget()
        self.recommendationPage.setObjectName(u"recommendationPage")
        self.layout66 = QVBoxLayout(self.recommendationPage)
        self.layout66.setObjectName(u"layout66")
        self.layout66.setContentsMargins(0, 0, 0, 0)
        self.recommendationPageScroll = QScrollArea(self.recommendationPage)
        self.recommendationPageScroll.setObjectName(u"recommendationPageScroll")
        self.recommendationPageScroll.setWidgetResizable(True)
        self.recommendationPageScroll.setFrameShape(QFrame.Shape.NoFrame)
        self.recommendationPageContent = QWidget()
        self.recommendationPageContent.setObjectName(u"recommendationPageContent")
        self.layout61 = QVBoxLayout(self.recommendationPageContent)
        self.layout61.setObjectName(u"layout61")
        self.form60 = QFormLayout()
        self.form60.setObjectName(u"form60")
        self.form60.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form60.setLabelAlignment(Qt.AlignmentFlag.AlignLeading|Qt.AlignmentFlag.AlignTop)
        self.form60.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.recommendationEditLabel = QLabel(self.recommendationPageContent)
        self.recommendationEditLabel.setObjectName(u"recommendationEditLabel")

        self.form60.setWidget(0, QFormLayout.ItemRole.LabelRole, self.recommendationEditLabel)

        self.layout58 = QVBoxLayout()
        self.layout58.setSpacing(2)
        self.layout58.setObjectName(u"layout58")
        self.recommendationEdit = QPlainTextEdit(self.recommendationPageContent)
        self.recommendationEdit.setObjectName(u"recommendationEdit")
        self.recommendationEdit.setTabChangesFocus(True)
        self.recommendationEdit.setMaximumSize(QSize(16777215, 220))

        self.layout58.addWidget(self.recommendationEdit)

        self.recommendationEditError = QLabel(self.recommendationPageContent)
        self.recommendationEditError.setObjectName(u"recommendationEditError")
        self.recommendationEditError.setWordWrap(True)
        self.recommendationEditError.setVisible(False)
        self.recommendationEditError.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.layout58.addWidget(self.recommendationEditError)


        self.form60.setLayout(0, QFormLayout.ItemRole.FieldRole, self.layout58)

        self.goalsEditLabel = QLabel(self.recommendationPageContent)
        self.goalsEditLabel.setObjectName(u"goalsEditLabel")

        self.form60.setWidget(1, QFormLayout.ItemRole.LabelRole, self.goalsEditLabel)

        self.layout59 = QVBoxLayout()
        self.layout59.setSpacing(2)
        self.layout59.setObjectName(u"layout59")
        self.goalsEdit = QPlainTextEdit(self.recommendationPageContent)
        self.goalsEdit.setObjectName(u"goalsEdit")
        self.goalsEdit.setTabChangesFocus(True)
        self.goalsEdit.setMaximumSize(QSize(16777215, 130))

        self.layout59.addWidget(self.goalsEdit)

        self.goalsEditError = QLabel(self.recommendationPageContent)
        self.goalsEditError.setObjectName(u"goalsEditError")
        self.goalsEditError.setWordWrap(True)
        self.goalsEditError.setVisible(False)
        self.goalsEditError.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.layout59.addWidget(self.goalsEditError)


        self.form60.setLayout(1, QFormLayout.ItemRole.FieldRole, self.layout59)


        self.layout61.addLayout(self.form60)

        self.recommendationSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.layout61.addItem(self.recommendationSpacer)

        self.recommendationPageScroll.setWidget(self.recommendationPageContent)

        self.layout66.addWidget(self.recommendationPageScroll)

        self.isbarTabs.addTab(self.recommendationPage, "")

        self.bodyRow.addWidget(self.isbarTabs)

        self.readinessScroll = QScrollArea(self.editorBody)
        self.readinessScroll.setObjectName(u"readinessScroll")
        self.readinessScroll.setWidgetResizable(True)
        self.readinessScroll.setMaximumSize(QSize(380, 16777215))
        self.readinessScroll.setFrameShape(QFrame.Shape.NoFrame)
        self.readinessContent = QWidget()
        self.readinessContent.setObjectName(u"readinessContent")
        self.layout68 = QVBoxLayout(self.readinessContent)
        self.layout68.setObjectName(u"layout68")
        self.layout68.setContentsMargins(0, 0, 0, 0)
        self.readinessGroup = QGroupBox(self.readinessContent)
        self.readinessGroup.setObjectName(u"readinessGroup")
        self.layout67 = QVBoxLayout(self.readinessGroup)
        self.layout67.setObjectName(u"layout67")
        self.readinessSummary = QLabel(self.readinessGroup)
        self.readinessSummary.setObjectName(u"readinessSummary")
        self.readinessSummary.setWordWrap(True)

        self.layout67.addWidget(self.readinessSummary)

        self.readinessDetails = QLabel(self.readinessGroup)
        self.readinessDetails.setObjectName(u"readinessDetails")
        self.readinessDetails.setWordWrap(True)
        self.readinessDetails.setTextFormat(Qt.TextFormat.RichText)
        self.readinessDetails.setAlignment(Qt.AlignmentFlag.AlignLeading|Qt.AlignmentFlag.AlignTop)

        self.layout67.addWidget(self.readinessDetails)

        self.readinessSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.layout67.addItem(self.readinessSpacer)


        self.layout68.addWidget(self.readinessGroup)

        self.readinessScroll.setWidget(self.readinessContent)

        self.bodyRow.addWidget(self.readinessScroll)


        self.layout70.addLayout(self.bodyRow)


        self.editorLayout.addWidget(self.editorBody)

#if QT_CONFIG(shortcut)
        self.refEditLabel.setBuddy(self.refEdit)
        self.titleEditLabel.setBuddy(self.titleEdit)
        self.nameEditLabel.setBuddy(self.nameEdit)
        self.ageEditLabel.setBuddy(self.ageEdit)
        self.sexEditLabel.setBuddy(self.sexEdit)
        self.genderEditLabel.setBuddy(self.genderEdit)
        self.pronounsEditLabel.setBuddy(self.pronounsEdit)
        self.languageEditLabel.setBuddy(self.languageEdit)
        self.interpreterComboLabel.setBuddy(self.interpreterCombo)
        self.fictionalCheckLabel.setBuddy(self.fictionalCheck)
        self.sharingEditLabel.setBuddy(self.sharingEdit)
        self.sharingByEditLabel.setBuddy(self.sharingByEdit)
        self.oneLinerEditLabel.setBuddy(self.oneLinerEdit)
        self.questionEditLabel.setBuddy(self.questionEdit)
        self.complaintEditLabel.setBuddy(self.complaintEdit)
        self.historyEditLabel.setBuddy(self.historyEdit)
        self.treatmentsEditLabel.setBuddy(self.treatmentsEdit)
        self.imagingEditLabel.setBuddy(self.imagingEdit)
        self.comorbiditiesEditLabel.setBuddy(self.comorbiditiesEdit)
        self.psychosocialEditLabel.setBuddy(self.psychosocialEdit)
        self.nrsEditLabel.setBuddy(self.nrsEdit)
        self.pegPainEditLabel.setBuddy(self.pegPainEdit)
        self.pegEnjoymentEditLabel.setBuddy(self.pegEnjoymentEdit)
        self.pegActivityEditLabel.setBuddy(self.pegActivityEdit)
        self.phq9ItemsLabel.setBuddy(self.phq9Item1)
        self.phq9Item1Label.setBuddy(self.phq9Item1)
        self.phq9Item2Label.setBuddy(self.phq9Item2)
        self.phq9Item3Label.setBuddy(self.phq9Item3)
        self.phq9Item4Label.setBuddy(self.phq9Item4)
        self.phq9Item5Label.setBuddy(self.phq9Item5)
        self.phq9Item6Label.setBuddy(self.phq9Item6)
        self.phq9Item7Label.setBuddy(self.phq9Item7)
        self.phq9Item8Label.setBuddy(self.phq9Item8)
        self.phq9Item9Label.setBuddy(self.phq9Item9)
        self.phq9TotalEditLabel.setBuddy(self.phq9TotalEdit)
        self.gad7ItemsLabel.setBuddy(self.gad7Item1)
        self.gad7Item1Label.setBuddy(self.gad7Item1)
        self.gad7Item2Label.setBuddy(self.gad7Item2)
        self.gad7Item3Label.setBuddy(self.gad7Item3)
        self.gad7Item4Label.setBuddy(self.gad7Item4)
        self.gad7Item5Label.setBuddy(self.gad7Item5)
        self.gad7Item6Label.setBuddy(self.gad7Item6)
        self.gad7Item7Label.setBuddy(self.gad7Item7)
        self.gad7TotalEditLabel.setBuddy(self.gad7TotalEdit)
        self.redFlagsEditLabel.setBuddy(self.redFlagsEdit)
        self.recommendationEditLabel.setBuddy(self.recommendationEdit)
        self.goalsEditLabel.setBuddy(self.goalsEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.refEdit, self.titleEdit)
        QWidget.setTabOrder(self.titleEdit, self.nameEdit)
        QWidget.setTabOrder(self.nameEdit, self.ageEdit)
        QWidget.setTabOrder(self.ageEdit, self.sexEdit)
        QWidget.setTabOrder(self.sexEdit, self.genderEdit)
        QWidget.setTabOrder(self.genderEdit, self.pronounsEdit)
        QWidget.setTabOrder(self.pronounsEdit, self.languageEdit)
        QWidget.setTabOrder(self.languageEdit, self.interpreterCombo)
        QWidget.setTabOrder(self.interpreterCombo, self.fictionalCheck)
        QWidget.setTabOrder(self.fictionalCheck, self.sharingEdit)
        QWidget.setTabOrder(self.sharingEdit, self.sharingByEdit)
        QWidget.setTabOrder(self.sharingByEdit, self.oneLinerEdit)
        QWidget.setTabOrder(self.oneLinerEdit, self.questionEdit)
        QWidget.setTabOrder(self.questionEdit, self.locationsTable)
        QWidget.setTabOrder(self.locationsTable, self.addLocationButton)
        QWidget.setTabOrder(self.addLocationButton, self.removeLocationButton)
        QWidget.setTabOrder(self.removeLocationButton, self.complaintEdit)
        QWidget.setTabOrder(self.complaintEdit, self.historyEdit)
        QWidget.setTabOrder(self.historyEdit, self.treatmentsEdit)
        QWidget.setTabOrder(self.treatmentsEdit, self.imagingEdit)
        QWidget.setTabOrder(self.imagingEdit, self.comorbiditiesEdit)
        QWidget.setTabOrder(self.comorbiditiesEdit, self.psychosocialEdit)
        QWidget.setTabOrder(self.psychosocialEdit, self.medicationsTable)
        QWidget.setTabOrder(self.medicationsTable, self.addMedicationButton)
        QWidget.setTabOrder(self.addMedicationButton, self.removeMedicationButton)
        QWidget.setTabOrder(self.removeMedicationButton, self.nrsEdit)
        QWidget.setTabOrder(self.nrsEdit, self.pegPainEdit)
        QWidget.setTabOrder(self.pegPainEdit, self.pegEnjoymentEdit)
        QWidget.setTabOrder(self.pegEnjoymentEdit, self.pegActivityEdit)
        QWidget.setTabOrder(self.pegActivityEdit, self.phq9Item1)
        QWidget.setTabOrder(self.phq9Item1, self.phq9Item2)
        QWidget.setTabOrder(self.phq9Item2, self.phq9Item3)
        QWidget.setTabOrder(self.phq9Item3, self.phq9Item4)
        QWidget.setTabOrder(self.phq9Item4, self.phq9Item5)
        QWidget.setTabOrder(self.phq9Item5, self.phq9Item6)
        QWidget.setTabOrder(self.phq9Item6, self.phq9Item7)
        QWidget.setTabOrder(self.phq9Item7, self.phq9Item8)
        QWidget.setTabOrder(self.phq9Item8, self.phq9Item9)
        QWidget.setTabOrder(self.phq9Item9, self.phq9TotalEdit)
        QWidget.setTabOrder(self.phq9TotalEdit, self.gad7Item1)
        QWidget.setTabOrder(self.gad7Item1, self.gad7Item2)
        QWidget.setTabOrder(self.gad7Item2, self.gad7Item3)
        QWidget.setTabOrder(self.gad7Item3, self.gad7Item4)
        QWidget.setTabOrder(self.gad7Item4, self.gad7Item5)
        QWidget.setTabOrder(self.gad7Item5, self.gad7Item6)
        QWidget.setTabOrder(self.gad7Item6, self.gad7Item7)
        QWidget.setTabOrder(self.gad7Item7, self.gad7TotalEdit)
        QWidget.setTabOrder(self.gad7TotalEdit, self.otherScoresTable)
        QWidget.setTabOrder(self.otherScoresTable, self.addScoreButton)
        QWidget.setTabOrder(self.addScoreButton, self.removeScoreButton)
        QWidget.setTabOrder(self.removeScoreButton, self.redFlagsEdit)
        QWidget.setTabOrder(self.redFlagsEdit, self.recommendationEdit)
        QWidget.setTabOrder(self.recommendationEdit, self.goalsEdit)

        self.retranslateUi(CaseEditor)

        self.isbarTabs.setCurrentIndex(0)

    # setupUi

    def retranslateUi(self, CaseEditor):
#if QT_CONFIG(accessibility)
        CaseEditor.setAccessibleName(QCoreApplication.translate("CaseEditor", u"Case editor", None))
#endif // QT_CONFIG(accessibility)
        self.emptyLabel.setText(QCoreApplication.translate("CaseEditor", u"No case is open. Choose one in the case library (Alt+1) and press Enter.", None))
        self.headerLabel.setText("")
#if QT_CONFIG(accessibility)
        self.headerLabel.setAccessibleName(QCoreApplication.translate("CaseEditor", u"Open case", None))
#endif // QT_CONFIG(accessibility)
        self.kindBadge.setText("")
#if QT_CONFIG(accessibility)
        self.kindBadge.setAccessibleName(QCoreApplication.translate("CaseEditor", u"Kind of case", None))
#endif // QT_CONFIG(accessibility)
        self.presenceLabel.setText("")
#if QT_CONFIG(accessibility)
        self.presenceLabel.setAccessibleName(QCoreApplication.translate("CaseEditor", u"Who else has this case open", None))
#endif // QT_CONFIG(accessibility)
        self.saveState.setText("")
#if QT_CONFIG(accessibility)
        self.saveState.setAccessibleName(QCoreApplication.translate("CaseEditor", u"Save state", None))
#endif // QT_CONFIG(accessibility)
        self.sharingBanner.setText("")
#if QT_CONFIG(accessibility)
        self.sharingBanner.setAccessibleName(QCoreApplication.translate("CaseEditor", u"Sharing restrictions", None))
#endif // QT_CONFIG(accessibility)
        self.safetyBanner.setText("")
#if QT_CONFIG(accessibility)
        self.safetyBanner.setAccessibleName(QCoreApplication.translate("CaseEditor", u"Safety alert", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.isbarTabs.setAccessibleName(QCoreApplication.translate("CaseEditor", u"ISBAR sections", None))
#endif // QT_CONFIG(accessibility)
        self.refEditLabel.setText(QCoreApplication.translate("CaseEditor", u"Reference", None))
#if QT_CONFIG(accessibility)
        self.refEdit.setAccessibleName(QCoreApplication.translate("CaseEditor", u"Case reference", None))
#endif // QT_CONFIG(accessibility)
        self.refEdit.setPlaceholderText(QCoreApplication.translate("CaseEditor", u"e.g. MDT-014", None))
        self.refEditError.setText("")
#if QT_CONFIG(accessibility)
        self.refEditError.setAccessibleName(QCoreApplication.translate("CaseEditor", u"Problem", None))
#endif // QT_CONFIG(accessibility)
        self.titleEditLabel.setText(QCoreApplication.translate("CaseEditor", u"Title", None))
#if QT_CONFIG(accessibility)
        self.titleEdit.setAccessibleName(QCoreApplication.translate("CaseEditor", u"Case title", None))
#endif // QT_CONFIG(accessibility)
        self.titleEdit.setPlaceholderText(QCoreApplication.translate("CaseEditor", u"A short title for the library", None))
        self.titleEditError.setText("")
#if QT_CONFIG(accessibility)
        self.titleEditError.setAccessibleName(QCoreApplication.translate("CaseEditor", u"Problem", None))
#endif // QT_CONFIG(accessibility)
        self.nameEditLabel.setText(QCoreApplication.translate("CaseEditor", u"Patient name or alias", None))
#if QT_CONFIG(accessibility)
        self.nameEdit.setAccessibleName(QCoreApplication.translate("CaseEditor", u"Patient name or alias", None))
#endif // QT_CONFIG(accessibility)
        self.nameEditError.setText("")
#if QT_CONFIG(accessibility)
        self.nameEditError.setAccessibleName(QCoreApplication.translate("CaseEditor", u"Problem", None))
#endif // QT_CONFIG(accessibility)
        self.ageEditLabel.setText(QCoreApplication.translate("CaseEditor", u"Age (years)", None))
#if QT_CONFIG(accessibility)
        self.ageEdit.setAccessibleName(QCoreApplication.translate("CaseEditor", u"Age in years", None))
#endif // QT_CONFIG(accessibility)
        self.ageEditError.setText("")
#if QT_CONFIG(accessibility)
        self.ageEditError.setAccessibleName(QCoreApplication.translate("CaseEditor", u"Problem", None))
#endif // QT_CONFIG(accessibility)
        self.sexEditLabel.setText(QCoreApplication.translate("CaseEditor", u"Sex", None))
#if QT_CONFIG(accessibility)
        self.sexEdit.setAccessibleName(QCoreApplication.translate("CaseEditor", u"Sex", None))
#endif // QT_CONFIG(accessibility)
        self.sexEditError.setText("")
#if QT_CONFIG(accessibility)
        self.sexEditError.setAccessibleName(QCoreApplication.translate("CaseEditor", u"Problem", None))
#endif // QT_CONFIG(accessibility)
        self.genderEditLabel.setText(QCoreApplication.translate("CaseEditor", u"Gender identity", None))
#if QT_CONFIG(accessibility)
        self.genderEdit.setAccessibleName(QCoreApplication.translate("CaseEditor", u"Gender identity", None))
#endif // QT_CONFIG(accessibility)
        self.genderEditError.setText("")
#if QT_CONFIG(accessibility)
        self.genderEditError.setAccessibleName(QCoreApplication.translate("CaseEditor", u"Problem", None))
#endif // QT_CONFIG(accessibility)
        self.pronounsEditLabel.setText(QCoreApplication.translate("CaseEditor", u"Pronouns", None))
#if QT_CONFIG(accessibility)
        self.pronounsEdit.setAccessibleName(QCoreApplication.translate("CaseEditor", u"Pronouns", None))
#endif // QT_CONFIG(accessibility)
        self.pronounsEdit.setPlaceholderText(QCoreApplication.translate("CaseEditor", u"e.g. she/her", None))
        self.pronounsEditError.setText("")
#if QT_CONFIG(accessibility)
        self.pronounsEditError.setAccessibleName(QCoreApplication.translate("CaseEditor", u"Problem", None))
#endif // QT_CONFIG(accessibility)
        self.languageEditLabel.setText(QCoreApplication.translate("CaseEditor", u"Preferred language", None))
#if QT_CONFIG(accessibility)
        self.languageEdit.setAccessibleName(QCoreApplication.translate("CaseEditor", u"Preferred language", None))
#endif // QT_CONFIG(accessibility)
        self.languageEditError.setText("")
#if QT_CONFIG(accessibility)
        self.languageEditError.setAccessibleName(QCoreApplication.translate("CaseEditor", u"Problem", None))
#endif // QT_CONFIG(accessibility)
        self.interpreterComboLabel.setText(QCoreApplication.translate("CaseEditor", u"Interpreter needed", None))
        self.interpreterCombo.setItemText(0, QCoreApplication.translate("CaseEditor", u"Not recorded", None))
        self.interpreterCombo.setItemText(1, QCoreApplication.translate("CaseEditor", u"Yes, an interpreter is needed", None))
        self.interpreterCombo.setItemText(2, QCoreApplication.translate("CaseEditor", u"No", None))

#if QT_CONFIG(accessibility)
        self.interpreterCombo.setAccessibleName(QCoreApplication.translate("CaseEditor", u"Interpreter needed", None))
#endif // QT_CONFIG(accessibility)
        self.interpreterComboError.setText("")
#if QT_CONFIG(accessibility)
        self.interpreterComboError.setAccessibleName(QCoreApplication.translate("CaseEditor", u"Problem", None))
#endif // QT_CONFIG(accessibility)
        self.fictionalCheckLabel.setText(QCoreApplication.translate("CaseEditor", u"Kind of case", None))
        self.fictionalCheck.setText(QCoreApplication.translate("CaseEditor", u"Fictional (demo or teaching case, no real patient)", None))
#if QT_CONFIG(accessibility)
        self.fictionalCheck.setAccessibleName(QCoreApplication.translate("CaseEditor", u"Fictional case", None))
#endif // QT_CONFIG(accessibility)
        self.fictionalCheckError.setText("")
#if QT_CONFIG(accessibility)
        self.fictionalCheckError.setAccessibleName(QCoreApplication.translate("CaseEditor", u"Problem", None))
#endif // QT_CONFIG(accessibility)
        self.sharingEditLabel.setText(QCoreApplication.translate("CaseEditor", u"Sharing restrictions", None))
#if QT_CONFIG(accessibility)
        self.sharingEdit.setAccessibleName(QCoreApplication.translate("CaseEditor", u"Sharing restrictions", None))
#endif // QT_CONFIG(accessibility)
        self.sharingEdit.setPlaceholderText(QCoreApplication.translate("CaseEditor", u"Who may not see this case, or what must not be shown (e.g. not on the big screen)", None))
        self.sharingEditError.setText("")
#if QT_CONFIG(accessibility)
        self.sharingEditError.setAccessibleName(QCoreApplication.translate("CaseEditor", u"Problem", None))
#endif // QT_CONFIG(accessibility)
        self.sharingByEditLabel.setText(QCoreApplication.translate("CaseEditor", u"Recorded by", None))
#if QT_CONFIG(accessibility)
        self.sharingByEdit.setAccessibleName(QCoreApplication.translate("CaseEditor", u"Sharing restrictions recorded by", None))
#endif // QT_CONFIG(accessibility)
        self.sharingByEdit.setPlaceholderText(QCoreApplication.translate("CaseEditor", u"Who recorded the restrictions: the room is told to ask them (e.g. Dr Ruiz, psychology)", None))
        self.sharingByEditError.setText("")
#if QT_CONFIG(accessibility)
        self.sharingByEditError.setAccessibleName(QCoreApplication.translate("CaseEditor", u"Problem", None))
#endif // QT_CONFIG(accessibility)
        self.isbarTabs.setTabText(self.isbarTabs.indexOf(self.identifyPage), QCoreApplication.translate("CaseEditor", u"&Identify", None))
        self.oneLinerEditLabel.setText(QCoreApplication.translate("CaseEditor", u"One-liner", None))
#if QT_CONFIG(accessibility)
        self.oneLinerEdit.setAccessibleName(QCoreApplication.translate("CaseEditor", u"One-liner", None))
#endif // QT_CONFIG(accessibility)
        self.oneLinerEdit.setPlaceholderText(QCoreApplication.translate("CaseEditor", u"One sentence: who the patient is, the time course and the pain syndrome", None))
        self.oneLinerEditError.setText("")
#if QT_CONFIG(accessibility)
        self.oneLinerEditError.setAccessibleName(QCoreApplication.translate("CaseEditor", u"Problem", None))
#endif // QT_CONFIG(accessibility)
        self.questionEditLabel.setText(QCoreApplication.translate("CaseEditor", u"Question for the team", None))
#if QT_CONFIG(accessibility)
        self.questionEdit.setAccessibleName(QCoreApplication.translate("CaseEditor", u"Question for the team", None))
#endif // QT_CONFIG(accessibility)
        self.questionEdit.setPlaceholderText(QCoreApplication.translate("CaseEditor", u"What must the team decide today?", None))
        self.questionEditError.setText("")
#if QT_CONFIG(accessibility)
        self.questionEditError.setAccessibleName(QCoreApplication.translate("CaseEditor", u"Problem", None))
#endif // QT_CONFIG(accessibility)
        self.isbarTabs.setTabText(self.isbarTabs.indexOf(self.situationPage), QCoreApplication.translate("CaseEditor", u"&Situation", None))
        self.complaintEditLabel.setText(QCoreApplication.translate("CaseEditor", u"Presenting complaint", None))
#if QT_CONFIG(accessibility)
        self.complaintEdit.setAccessibleName(QCoreApplication.translate("CaseEditor", u"Presenting complaint", None))
#endif // QT_CONFIG(accessibility)
        self.complaintEditError.setText("")
#if QT_CONFIG(accessibility)
        self.complaintEditError.setAccessibleName(QCoreApplication.translate("CaseEditor", u"Problem", None))
#endif // QT_CONFIG(accessibility)
        self.historyEditLabel.setText(QCoreApplication.translate("CaseEditor", u"Pain history", None))
#if QT_CONFIG(accessibility)
        self.historyEdit.setAccessibleName(QCoreApplication.translate("CaseEditor", u"Pain history", None))
#endif // QT_CONFIG(accessibility)
        self.historyEditError.setText("")
#if QT_CONFIG(accessibility)
        self.historyEditError.setAccessibleName(QCoreApplication.translate("CaseEditor", u"Problem", None))
#endif // QT_CONFIG(accessibility)
        self.locationsGroup.setTitle(QCoreApplication.translate("CaseEditor", u"Pain locations", None))
        ___qtablewidgetitem = self.locationsTable.horizontalHeaderItem(0)
        ___qtablewidgetitem.setText(QCoreApplication.translate("CaseEditor", u"Region", None))
        ___qtablewidgetitem1 = self.locationsTable.horizontalHeaderItem(1)
        ___qtablewidgetitem1.setText(QCoreApplication.translate("CaseEditor", u"Side", None))
        ___qtablewidgetitem2 = self.locationsTable.horizontalHeaderItem(2)
        ___qtablewidgetitem2.setText(QCoreApplication.translate("CaseEditor", u"Character", None))
#if QT_CONFIG(accessibility)
        self.locationsTable.setAccessibleName(QCoreApplication.translate("CaseEditor", u"Pain locations", None))
#endif // QT_CONFIG(accessibility)
        self.addLocationButton.setText(QCoreApplication.translate("CaseEditor", u"Add location", None))
#if QT_CONFIG(accessibility)
        self.addLocationButton.setAccessibleName(QCoreApplication.translate("CaseEditor", u"Add a pain location", None))
#endif // QT_CONFIG(accessibility)
        self.removeLocationButton.setText(QCoreApplication.translate("CaseEditor", u"Remove location", None))
#if QT_CONFIG(accessibility)
        self.removeLocationButton.setAccessibleName(QCoreApplication.translate("CaseEditor", u"Remove the selected pain location", None))
#endif // QT_CONFIG(accessibility)
        self.locationsTableError.setText("")
#if QT_CONFIG(accessibility)
        self.locationsTableError.setAccessibleName(QCoreApplication.translate("CaseEditor", u"Problem", None))
#endif // QT_CONFIG(accessibility)
        self.treatmentsEditLabel.setText(QCoreApplication.translate("CaseEditor", u"Treatments so far", None))
#if QT_CONFIG(accessibility)
        self.treatmentsEdit.setAccessibleName(QCoreApplication.translate("CaseEditor", u"Treatments so far, one per line", None))
#endif // QT_CONFIG(accessibility)
        self.treatmentsEdit.setPlaceholderText(QCoreApplication.translate("CaseEditor", u"One per line", None))
        self.treatmentsEditError.setText("")
#if QT_CONFIG(accessibility)
        self.treatmentsEditError.setAccessibleName(QCoreApplication.translate("CaseEditor", u"Problem", None))
#endif // QT_CONFIG(accessibility)
        self.imagingEditLabel.setText(QCoreApplication.translate("CaseEditor", u"Imaging", None))
#if QT_CONFIG(accessibility)
        self.imagingEdit.setAccessibleName(QCoreApplication.translate("CaseEditor", u"Imaging, one per line", None))
#endif // QT_CONFIG(accessibility)
        self.imagingEdit.setPlaceholderText(QCoreApplication.translate("CaseEditor", u"One per line", None))
        self.imagingEditError.setText("")
#if QT_CONFIG(accessibility)
        self.imagingEditError.setAccessibleName(QCoreApplication.translate("CaseEditor", u"Problem", None))
#endif // QT_CONFIG(accessibility)
        self.comorbiditiesEditLabel.setText(QCoreApplication.translate("CaseEditor", u"Comorbidities", None))
#if QT_CONFIG(accessibility)
        self.comorbiditiesEdit.setAccessibleName(QCoreApplication.translate("CaseEditor", u"Comorbidities, one per line", None))
#endif // QT_CONFIG(accessibility)
        self.comorbiditiesEdit.setPlaceholderText(QCoreApplication.translate("CaseEditor", u"One per line", None))
        self.comorbiditiesEditError.setText("")
#if QT_CONFIG(accessibility)
        self.comorbiditiesEditError.setAccessibleName(QCoreApplication.translate("CaseEditor", u"Problem", None))
#endif // QT_CONFIG(accessibility)
        self.psychosocialEditLabel.setText(QCoreApplication.translate("CaseEditor", u"Psychosocial", None))
#if QT_CONFIG(accessibility)
        self.psychosocialEdit.setAccessibleName(QCoreApplication.translate("CaseEditor", u"Psychosocial history", None))
#endif // QT_CONFIG(accessibility)
        self.psychosocialEditError.setText("")
#if QT_CONFIG(accessibility)
        self.psychosocialEditError.setAccessibleName(QCoreApplication.translate("CaseEditor", u"Problem", None))
#endif // QT_CONFIG(accessibility)
        self.medicationsGroup.setTitle(QCoreApplication.translate("CaseEditor", u"Medications", None))
        ___qtablewidgetitem3 = self.medicationsTable.horizontalHeaderItem(0)
        ___qtablewidgetitem3.setText(QCoreApplication.translate("CaseEditor", u"Name", None))
        ___qtablewidgetitem4 = self.medicationsTable.horizontalHeaderItem(1)
        ___qtablewidgetitem4.setText(QCoreApplication.translate("CaseEditor", u"Dose", None))
        ___qtablewidgetitem5 = self.medicationsTable.horizontalHeaderItem(2)
        ___qtablewidgetitem5.setText(QCoreApplication.translate("CaseEditor", u"Route", None))
        ___qtablewidgetitem6 = self.medicationsTable.horizontalHeaderItem(3)
        ___qtablewidgetitem6.setText(QCoreApplication.translate("CaseEditor", u"Frequency", None))
        ___qtablewidgetitem7 = self.medicationsTable.horizontalHeaderItem(4)
        ___qtablewidgetitem7.setText(QCoreApplication.translate("CaseEditor", u"As needed", None))
        ___qtablewidgetitem8 = self.medicationsTable.horizontalHeaderItem(5)
        ___qtablewidgetitem8.setText(QCoreApplication.translate("CaseEditor", u"Daily amount", None))
        ___qtablewidgetitem9 = self.medicationsTable.horizontalHeaderItem(6)
        ___qtablewidgetitem9.setText(QCoreApplication.translate("CaseEditor", u"Unit", None))
        ___qtablewidgetitem10 = self.medicationsTable.horizontalHeaderItem(7)
        ___qtablewidgetitem10.setText(QCoreApplication.translate("CaseEditor", u"MME/day", None))
#if QT_CONFIG(accessibility)
        self.medicationsTable.setAccessibleName(QCoreApplication.translate("CaseEditor", u"Medications", None))
#endif // QT_CONFIG(accessibility)
        self.addMedicationButton.setText(QCoreApplication.translate("CaseEditor", u"Add medication", None))
#if QT_CONFIG(accessibility)
        self.addMedicationButton.setAccessibleName(QCoreApplication.translate("CaseEditor", u"Add a medication", None))
#endif // QT_CONFIG(accessibility)
        self.removeMedicationButton.setText(QCoreApplication.translate("CaseEditor", u"Remove medication", None))
#if QT_CONFIG(accessibility)
        self.removeMedicationButton.setAccessibleName(QCoreApplication.translate("CaseEditor", u"Remove the selected medication", None))
#endif // QT_CONFIG(accessibility)
        self.medicationsTableError.setText("")
#if QT_CONFIG(accessibility)
        self.medicationsTableError.setAccessibleName(QCoreApplication.translate("CaseEditor", u"Problem", None))
#endif // QT_CONFIG(accessibility)
        self.mmeSummary.setText("")
#if QT_CONFIG(accessibility)
        self.mmeSummary.setAccessibleName(QCoreApplication.translate("CaseEditor", u"Morphine milligram equivalents", None))
#endif // QT_CONFIG(accessibility)
        self.isbarTabs.setTabText(self.isbarTabs.indexOf(self.backgroundPage), QCoreApplication.translate("CaseEditor", u"&Background", None))
        self.painGroup.setTitle(QCoreApplication.translate("CaseEditor", u"Pain", None))
        self.nrsEditLabel.setText(QCoreApplication.translate("CaseEditor", u"Pain now, NRS (0\u201310)", None))
#if QT_CONFIG(accessibility)
        self.nrsEdit.setAccessibleName(QCoreApplication.translate("CaseEditor", u"Pain now, numeric rating scale 0 to 10", None))
#endif // QT_CONFIG(accessibility)
        self.nrsResult.setText("")
#if QT_CONFIG(accessibility)
        self.nrsResult.setAccessibleName(QCoreApplication.translate("CaseEditor", u"NRS band", None))
#endif // QT_CONFIG(accessibility)
        self.nrsEditError.setText("")
#if QT_CONFIG(accessibility)
        self.nrsEditError.setAccessibleName(QCoreApplication.translate("CaseEditor", u"Problem", None))
#endif // QT_CONFIG(accessibility)
        self.pegPainEditLabel.setText(QCoreApplication.translate("CaseEditor", u"PEG: pain, average last week (0\u201310)", None))
#if QT_CONFIG(accessibility)
        self.pegPainEdit.setAccessibleName(QCoreApplication.translate("CaseEditor", u"PEG pain item", None))
#endif // QT_CONFIG(accessibility)
        self.pegResult.setText("")
#if QT_CONFIG(accessibility)
        self.pegResult.setAccessibleName(QCoreApplication.translate("CaseEditor", u"PEG score", None))
#endif // QT_CONFIG(accessibility)
        self.pegPainEditError.setText("")
#if QT_CONFIG(accessibility)
        self.pegPainEditError.setAccessibleName(QCoreApplication.translate("CaseEditor", u"Problem", None))
#endif // QT_CONFIG(accessibility)
        self.pegEnjoymentEditLabel.setText(QCoreApplication.translate("CaseEditor", u"PEG: interference with enjoyment of life (0\u201310)", None))
#if QT_CONFIG(accessibility)
        self.pegEnjoymentEdit.setAccessibleName(QCoreApplication.translate("CaseEditor", u"PEG enjoyment of life item", None))
#endif // QT_CONFIG(accessibility)
        self.pegEnjoymentEditError.setText("")
#if QT_CONFIG(accessibility)
        self.pegEnjoymentEditError.setAccessibleName(QCoreApplication.translate("CaseEditor", u"Problem", None))
#endif // QT_CONFIG(accessibility)
        self.pegActivityEditLabel.setText(QCoreApplication.translate("CaseEditor", u"PEG: interference with general activity (0\u201310)", None))
#if QT_CONFIG(accessibility)
        self.pegActivityEdit.setAccessibleName(QCoreApplication.translate("CaseEditor", u"PEG general activity item", None))
#endif // QT_CONFIG(accessibility)
        self.pegActivityEditError.setText("")
#if QT_CONFIG(accessibility)
        self.pegActivityEditError.setAccessibleName(QCoreApplication.translate("CaseEditor", u"Problem", None))
#endif // QT_CONFIG(accessibility)
        self.phq9Group.setTitle(QCoreApplication.translate("CaseEditor", u"PHQ-9 (mood)", None))
        self.phq9Hint.setText(QCoreApplication.translate("CaseEditor", u"Enter all nine item scores, or only the total and item 9 (thoughts of self-harm).", None))
        self.phq9ItemsLabel.setText(QCoreApplication.translate("CaseEditor", u"Items (each 0\u20133)", None))
        self.phq9Item1Label.setText(QCoreApplication.translate("CaseEditor", u"1", None))
#if QT_CONFIG(accessibility)
        self.phq9Item1.setAccessibleName(QCoreApplication.translate("CaseEditor", u"PHQ-9 item 1", None))
#endif // QT_CONFIG(accessibility)
        self.phq9Item2Label.setText(QCoreApplication.translate("CaseEditor", u"2", None))
#if QT_CONFIG(accessibility)
        self.phq9Item2.setAccessibleName(QCoreApplication.translate("CaseEditor", u"PHQ-9 item 2", None))
#endif // QT_CONFIG(accessibility)
        self.phq9Item3Label.setText(QCoreApplication.translate("CaseEditor", u"3", None))
#if QT_CONFIG(accessibility)
        self.phq9Item3.setAccessibleName(QCoreApplication.translate("CaseEditor", u"PHQ-9 item 3", None))
#endif // QT_CONFIG(accessibility)
        self.phq9Item4Label.setText(QCoreApplication.translate("CaseEditor", u"4", None))
#if QT_CONFIG(accessibility)
        self.phq9Item4.setAccessibleName(QCoreApplication.translate("CaseEditor", u"PHQ-9 item 4", None))
#endif // QT_CONFIG(accessibility)
        self.phq9Item5Label.setText(QCoreApplication.translate("CaseEditor", u"5", None))
#if QT_CONFIG(accessibility)
        self.phq9Item5.setAccessibleName(QCoreApplication.translate("CaseEditor", u"PHQ-9 item 5", None))
#endif // QT_CONFIG(accessibility)
        self.phq9Item6Label.setText(QCoreApplication.translate("CaseEditor", u"6", None))
#if QT_CONFIG(accessibility)
        self.phq9Item6.setAccessibleName(QCoreApplication.translate("CaseEditor", u"PHQ-9 item 6", None))
#endif // QT_CONFIG(accessibility)
        self.phq9Item7Label.setText(QCoreApplication.translate("CaseEditor", u"7", None))
#if QT_CONFIG(accessibility)
        self.phq9Item7.setAccessibleName(QCoreApplication.translate("CaseEditor", u"PHQ-9 item 7", None))
#endif // QT_CONFIG(accessibility)
        self.phq9Item8Label.setText(QCoreApplication.translate("CaseEditor", u"8", None))
#if QT_CONFIG(accessibility)
        self.phq9Item8.setAccessibleName(QCoreApplication.translate("CaseEditor", u"PHQ-9 item 8", None))
#endif // QT_CONFIG(accessibility)
        self.phq9Item9Label.setText(QCoreApplication.translate("CaseEditor", u"9", None))
#if QT_CONFIG(accessibility)
        self.phq9Item9.setAccessibleName(QCoreApplication.translate("CaseEditor", u"PHQ-9 item 9", None))
#endif // QT_CONFIG(accessibility)
        self.phq9ItemsError.setText("")
#if QT_CONFIG(accessibility)
        self.phq9ItemsError.setAccessibleName(QCoreApplication.translate("CaseEditor", u"Problem", None))
#endif // QT_CONFIG(accessibility)
        self.phq9TotalEditLabel.setText(QCoreApplication.translate("CaseEditor", u"Total (0\u201327) when items are not recorded", None))
#if QT_CONFIG(accessibility)
        self.phq9TotalEdit.setAccessibleName(QCoreApplication.translate("CaseEditor", u"PHQ-9 total", None))
#endif // QT_CONFIG(accessibility)
        self.phq9Result.setText("")
#if QT_CONFIG(accessibility)
        self.phq9Result.setAccessibleName(QCoreApplication.translate("CaseEditor", u"PHQ-9 result", None))
#endif // QT_CONFIG(accessibility)
        self.phq9TotalEditError.setText("")
#if QT_CONFIG(accessibility)
        self.phq9TotalEditError.setAccessibleName(QCoreApplication.translate("CaseEditor", u"Problem", None))
#endif // QT_CONFIG(accessibility)
        self.gad7Group.setTitle(QCoreApplication.translate("CaseEditor", u"GAD-7 (anxiety)", None))
        self.gad7Hint.setText(QCoreApplication.translate("CaseEditor", u"Enter all seven item scores, or only the total.", None))
        self.gad7ItemsLabel.setText(QCoreApplication.translate("CaseEditor", u"Items (each 0\u20133)", None))
        self.gad7Item1Label.setText(QCoreApplication.translate("CaseEditor", u"1", None))
#if QT_CONFIG(accessibility)
        self.gad7Item1.setAccessibleName(QCoreApplication.translate("CaseEditor", u"GAD-7 item 1", None))
#endif // QT_CONFIG(accessibility)
        self.gad7Item2Label.setText(QCoreApplication.translate("CaseEditor", u"2", None))
#if QT_CONFIG(accessibility)
        self.gad7Item2.setAccessibleName(QCoreApplication.translate("CaseEditor", u"GAD-7 item 2", None))
#endif // QT_CONFIG(accessibility)
        self.gad7Item3Label.setText(QCoreApplication.translate("CaseEditor", u"3", None))
#if QT_CONFIG(accessibility)
        self.gad7Item3.setAccessibleName(QCoreApplication.translate("CaseEditor", u"GAD-7 item 3", None))
#endif // QT_CONFIG(accessibility)
        self.gad7Item4Label.setText(QCoreApplication.translate("CaseEditor", u"4", None))
#if QT_CONFIG(accessibility)
        self.gad7Item4.setAccessibleName(QCoreApplication.translate("CaseEditor", u"GAD-7 item 4", None))
#endif // QT_CONFIG(accessibility)
        self.gad7Item5Label.setText(QCoreApplication.translate("CaseEditor", u"5", None))
#if QT_CONFIG(accessibility)
        self.gad7Item5.setAccessibleName(QCoreApplication.translate("CaseEditor", u"GAD-7 item 5", None))
#endif // QT_CONFIG(accessibility)
        self.gad7Item6Label.setText(QCoreApplication.translate("CaseEditor", u"6", None))
#if QT_CONFIG(accessibility)
        self.gad7Item6.setAccessibleName(QCoreApplication.translate("CaseEditor", u"GAD-7 item 6", None))
#endif // QT_CONFIG(accessibility)
        self.gad7Item7Label.setText(QCoreApplication.translate("CaseEditor", u"7", None))
#if QT_CONFIG(accessibility)
        self.gad7Item7.setAccessibleName(QCoreApplication.translate("CaseEditor", u"GAD-7 item 7", None))
#endif // QT_CONFIG(accessibility)
        self.gad7ItemsError.setText("")
#if QT_CONFIG(accessibility)
        self.gad7ItemsError.setAccessibleName(QCoreApplication.translate("CaseEditor", u"Problem", None))
#endif // QT_CONFIG(accessibility)
        self.gad7TotalEditLabel.setText(QCoreApplication.translate("CaseEditor", u"Total (0\u201321) when items are not recorded", None))
#if QT_CONFIG(accessibility)
        self.gad7TotalEdit.setAccessibleName(QCoreApplication.translate("CaseEditor", u"GAD-7 total", None))
#endif // QT_CONFIG(accessibility)
        self.gad7Result.setText("")
#if QT_CONFIG(accessibility)
        self.gad7Result.setAccessibleName(QCoreApplication.translate("CaseEditor", u"GAD-7 result", None))
#endif // QT_CONFIG(accessibility)
        self.gad7TotalEditError.setText("")
#if QT_CONFIG(accessibility)
        self.gad7TotalEditError.setAccessibleName(QCoreApplication.translate("CaseEditor", u"Problem", None))
#endif // QT_CONFIG(accessibility)
        self.otherScoresGroup.setTitle(QCoreApplication.translate("CaseEditor", u"Other scores (typed totals)", None))
        ___qtablewidgetitem11 = self.otherScoresTable.horizontalHeaderItem(0)
        ___qtablewidgetitem11.setText(QCoreApplication.translate("CaseEditor", u"Instrument", None))
        ___qtablewidgetitem12 = self.otherScoresTable.horizontalHeaderItem(1)
        ___qtablewidgetitem12.setText(QCoreApplication.translate("CaseEditor", u"Value", None))
        ___qtablewidgetitem13 = self.otherScoresTable.horizontalHeaderItem(2)
        ___qtablewidgetitem13.setText(QCoreApplication.translate("CaseEditor", u"Note", None))
#if QT_CONFIG(accessibility)
        self.otherScoresTable.setAccessibleName(QCoreApplication.translate("CaseEditor", u"Other scores", None))
#endif // QT_CONFIG(accessibility)
        self.addScoreButton.setText(QCoreApplication.translate("CaseEditor", u"Add score", None))
#if QT_CONFIG(accessibility)
        self.addScoreButton.setAccessibleName(QCoreApplication.translate("CaseEditor", u"Add another score", None))
#endif // QT_CONFIG(accessibility)
        self.removeScoreButton.setText(QCoreApplication.translate("CaseEditor", u"Remove score", None))
#if QT_CONFIG(accessibility)
        self.removeScoreButton.setAccessibleName(QCoreApplication.translate("CaseEditor", u"Remove the selected score", None))
#endif // QT_CONFIG(accessibility)
        self.otherScoresTableError.setText("")
#if QT_CONFIG(accessibility)
        self.otherScoresTableError.setAccessibleName(QCoreApplication.translate("CaseEditor", u"Problem", None))
#endif // QT_CONFIG(accessibility)
        self.redFlagsEditLabel.setText(QCoreApplication.translate("CaseEditor", u"Red flags screened", None))
#if QT_CONFIG(accessibility)
        self.redFlagsEdit.setAccessibleName(QCoreApplication.translate("CaseEditor", u"Red flags, one per line", None))
#endif // QT_CONFIG(accessibility)
        self.redFlagsEdit.setPlaceholderText(QCoreApplication.translate("CaseEditor", u"One per line, including negatives (e.g. no saddle anaesthesia)", None))
        self.redFlagsEditError.setText("")
#if QT_CONFIG(accessibility)
        self.redFlagsEditError.setAccessibleName(QCoreApplication.translate("CaseEditor", u"Problem", None))
#endif // QT_CONFIG(accessibility)
        self.attributionLabel.setText("")
#if QT_CONFIG(accessibility)
        self.attributionLabel.setAccessibleName(QCoreApplication.translate("CaseEditor", u"PHQ-9 and GAD-7 attribution", None))
#endif // QT_CONFIG(accessibility)
        self.isbarTabs.setTabText(self.isbarTabs.indexOf(self.assessmentPage), QCoreApplication.translate("CaseEditor", u"&Assessment", None))
        self.recommendationEditLabel.setText(QCoreApplication.translate("CaseEditor", u"Proposed plan", None))
#if QT_CONFIG(accessibility)
        self.recommendationEdit.setAccessibleName(QCoreApplication.translate("CaseEditor", u"The presenter's proposed plan", None))
#endif // QT_CONFIG(accessibility)
        self.recommendationEdit.setPlaceholderText(QCoreApplication.translate("CaseEditor", u"What the presenter proposes", None))
        self.recommendationEditError.setText("")
#if QT_CONFIG(accessibility)
        self.recommendationEditError.setAccessibleName(QCoreApplication.translate("CaseEditor", u"Problem", None))
#endif // QT_CONFIG(accessibility)
        self.goalsEditLabel.setText(QCoreApplication.translate("CaseEditor", u"Function goals", None))
#if QT_CONFIG(accessibility)
        self.goalsEdit.setAccessibleName(QCoreApplication.translate("CaseEditor", u"Function goals, one per line", None))
#endif // QT_CONFIG(accessibility)
        self.goalsEdit.setPlaceholderText(QCoreApplication.translate("CaseEditor", u"Goals the patient owns, one per line", None))
        self.goalsEditError.setText("")
#if QT_CONFIG(accessibility)
        self.goalsEditError.setAccessibleName(QCoreApplication.translate("CaseEditor", u"Problem", None))
#endif // QT_CONFIG(accessibility)
        self.isbarTabs.setTabText(self.isbarTabs.indexOf(self.recommendationPage), QCoreApplication.translate("CaseEditor", u"&Recommendation", None))
        self.readinessGroup.setTitle(QCoreApplication.translate("CaseEditor", u"ISBAR readiness", None))
        self.readinessSummary.setText("")
#if QT_CONFIG(accessibility)
        self.readinessSummary.setAccessibleName(QCoreApplication.translate("CaseEditor", u"ISBAR readiness", None))
#endif // QT_CONFIG(accessibility)
        self.readinessDetails.setText("")
#if QT_CONFIG(accessibility)
        self.readinessDetails.setAccessibleName(QCoreApplication.translate("CaseEditor", u"What is missing or thin", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

