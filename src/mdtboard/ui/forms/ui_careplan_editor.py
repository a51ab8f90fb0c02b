# Generated from ui/careplan_editor.ui by `make forms` (pyside6-uic). Do not edit: edit the .ui file.
# -*- coding: utf-8 -*-


from PySide6.QtCore import (QCoreApplication, QSize, Qt)
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QComboBox, QFormLayout, QFrame,
    QGridLayout, QHBoxLayout, QLabel, QLineEdit, QListWidget, QPlainTextEdit, QPushButton,
    QRadioButton, QScrollArea, QSizePolicy, QSpacerItem, QSplitter, QTabWidget, QTableView,
    QVBoxLayout, QWidget)

class Ui_CarePlanEditor(object):
    def setupUi(self, CarePlanEditor):
        if not CarePlanEditor.objectName():
            CarePlanEditor.setObjectName(u"CarePlanEditor")
        CarePlanEditor.resize(1300, 820)
        self.editorLayout = QVBoxLayout(CarePlanEditor)
        self.editorLayout.setObjectName(u"editorLayout")
        self.headerRow = QHBoxLayout()
        self.headerRow.setObjectName(u"headerRow")
        self.headerLabel = QLabel(CarePlanEditor)
        self.headerLabel.setObjectName(u"headerLabel")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        sizePolicy.setHorizontalStretch(1)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.headerLabel.sizePolicy().hasHeightForWidth())
        self.headerLabel.setSizePolicy(sizePolicy)
        self.headerLabel.setWordWrap(True)
        self.headerLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.headerRow.addWidget(self.headerLabel)

        self.versionLabel = QLabel(CarePlanEditor)
        self.versionLabel.setObjectName(u"versionLabel")

        self.headerRow.addWidget(self.versionLabel)

        self.presenceLabel = QLabel(CarePlanEditor)
        self.presenceLabel.setObjectName(u"presenceLabel")

        self.headerRow.addWidget(self.presenceLabel)

        self.saveState = QLabel(CarePlanEditor)
        self.saveState.setObjectName(u"saveState")

        self.headerRow.addWidget(self.saveState)


        self.editorLayout.addLayout(self.headerRow)

        self.actionRow = QHBoxLayout()
        self.actionRow.setObjectName(u"actionRow")
        self.buildButton = QPushButton(CarePlanEditor)
        self.buildButton.setObjectName(u"buildButton")

        self.actionRow.addWidget(self.buildButton)

        self.newVersionButton = QPushButton(CarePlanEditor)
        self.newVersionButton.setObjectName(u"newVersionButton")

        self.actionRow.addWidget(self.newVersionButton)

        self.actionSpacer = QSpacerItem(20, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.actionRow.addItem(self.actionSpacer)


        self.editorLayout.addLayout(self.actionRow)

        self.outputRow = QHBoxLayout()
        self.outputRow.setObjectName(u"outputRow")
        self.audienceLabel = QLabel(CarePlanEditor)
        self.audienceLabel.setObjectName(u"audienceLabel")

        self.outputRow.addWidget(self.audienceLabel)

        self.audienceCombo = QComboBox(CarePlanEditor)
        self.audienceCombo.addItem("")
        self.audienceCombo.addItem("")
        self.audienceCombo.addItem("")
        self.audienceCombo.setObjectName(u"audienceCombo")

        self.outputRow.addWidget(self.audienceCombo)

        self.summaryCheck = QCheckBox(CarePlanEditor)
        self.summaryCheck.setObjectName(u"summaryCheck")
        self.summaryCheck.setChecked(True)

        self.outputRow.addWidget(self.summaryCheck)

        self.paperLabel = QLabel(CarePlanEditor)
        self.paperLabel.setObjectName(u"paperLabel")

        self.outputRow.addWidget(self.paperLabel)

        self.pageSizeCombo = QComboBox(CarePlanEditor)
        self.pageSizeCombo.addItem("")
        self.pageSizeCombo.addItem("")
        self.pageSizeCombo.setObjectName(u"pageSizeCombo")

        self.outputRow.addWidget(self.pageSizeCombo)

        self.printButton = QPushButton(CarePlanEditor)
        self.printButton.setObjectName(u"printButton")

        self.outputRow.addWidget(self.printButton)

        self.pdfButton = QPushButton(CarePlanEditor)
        self.pdfButton.setObjectName(u"pdfButton")

        self.outputRow.addWidget(self.pdfButton)

        self.fhirButton = QPushButton(CarePlanEditor)
        self.fhirButton.setObjectName(u"fhirButton")

        self.outputRow.addWidget(self.fhirButton)


        self.editorLayout.addLayout(self.outputRow)

        self.lockFrame = QFrame(CarePlanEditor)
        self.lockFrame.setObjectName(u"lockFrame")
        self.lockFrame.setFrameShape(QFrame.Shape.StyledPanel)
        self.lockLayout = QHBoxLayout(self.lockFrame)
        self.lockLayout.setObjectName(u"lockLayout")
        self.lockIcon = QLabel(self.lockFrame)
        self.lockIcon.setObjectName(u"lockIcon")

        self.lockLayout.addWidget(self.lockIcon)

        self.lockLabel = QLabel(self.lockFrame)
        self.lockLabel.setObjectName(u"lockLabel")
        sizePolicy.setHeightForWidth(self.lockLabel.sizePolicy().hasHeightForWidth())
        self.lockLabel.setSizePolicy(sizePolicy)
        self.lockLabel.setWordWrap(True)

        self.lockLayout.addWidget(self.lockLabel)

        self.currentButton = QPushButton(self.lockFrame)
        self.currentButton.setObjectName(u"currentButton")

        self.lockLayout.addWidget(self.currentButton)


        self.editorLayout.addWidget(self.lockFrame)

        self.emptyLabel = QLabel(CarePlanEditor)
        self.emptyLabel.setObjectName(u"emptyLabel")
        self.emptyLabel.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.emptyLabel.setWordWrap(True)

        self.editorLayout.addWidget(self.emptyLabel)

        self.bodySplitter = QSplitter(CarePlanEditor)
        self.bodySplitter.setObjectName(u"bodySplitter")
        self.bodySplitter.setOrientation(Qt.Orientation.Horizontal)
        self.bodySplitter.setChildrenCollapsible(False)
        self.sectionTabs = QTabWidget(self.bodySplitter)
        self.sectionTabs.setObjectName(u"sectionTabs")
        self.formulationTab = QWidget()
        self.formulationTab.setObjectName(u"formulationTab")
        self.formulationLayout = QVBoxLayout(self.formulationTab)
        self.formulationLayout.setObjectName(u"formulationLayout")
        self.formulationGrid = QGridLayout()
        self.formulationGrid.setObjectName(u"formulationGrid")
        self.biologicalLabel = QLabel(self.formulationTab)
        self.biologicalLabel.setObjectName(u"biologicalLabel")

        self.formulationGrid.addWidget(self.biologicalLabel, 0, 0, 1, 1)

        self.psychologicalLabel = QLabel(self.formulationTab)
        self.psychologicalLabel.setObjectName(u"psychologicalLabel")

        self.formulationGrid.addWidget(self.psychologicalLabel, 0, 1, 1, 1)

        self.socialLabel = QLabel(self.formulationTab)
        self.socialLabel.setObjectName(u"socialLabel")

        self.formulationGrid.addWidget(self.socialLabel, 0, 2, 1, 1)

        self.biologicalEdit = QPlainTextEdit(self.formulationTab)
        self.biologicalEdit.setObjectName(u"biologicalEdit")
        self.biologicalEdit.setTabChangesFocus(True)

        self.formulationGrid.addWidget(self.biologicalEdit, 1, 0, 1, 1)

        self.psychologicalEdit = QPlainTextEdit(self.formulationTab)
        self.psychologicalEdit.setObjectName(u"psychologicalEdit")
        self.psychologicalEdit.setTabChangesFocus(True)

        self.formulationGrid.addWidget(self.psychologicalEdit, 1, 1, 1, 1)

        self.socialEdit = QPlainTextEdit(self.formulationTab)
        self.socialEdit.setObjectName(u"socialEdit")
        self.socialEdit.setTabChangesFocus(True)

        self.formulationGrid.addWidget(self.socialEdit, 1, 2, 1, 1)


        self.formulationLayout.addLayout(self.formulationGrid)

        self.problemsLabel = QLabel(self.formulationTab)
        self.problemsLabel.setObjectName(u"problemsLabel")

        self.formulationLayout.addWidget(self.problemsLabel)

        self.problemsTable = QTableView(self.formulationTab)
        self.problemsTable.setObjectName(u"problemsTable")
        self.problemsTable.setTabKeyNavigation(True)
        self.problemsTable.setAlternatingRowColors(True)
        self.problemsTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.problemsTable.setWordWrap(True)
        self.problemsTable.horizontalHeader().setStretchLastSection(True)
        self.problemsTable.verticalHeader().setVisible(False)

        self.formulationLayout.addWidget(self.problemsTable)

        self.sectionTabs.addTab(self.formulationTab, "")
        self.goalsTab = QWidget()
        self.goalsTab.setObjectName(u"goalsTab")
        self.goalsLayout = QVBoxLayout(self.goalsTab)
        self.goalsLayout.setObjectName(u"goalsLayout")
        self.goalsLabel = QLabel(self.goalsTab)
        self.goalsLabel.setObjectName(u"goalsLabel")
        self.goalsLabel.setWordWrap(True)

        self.goalsLayout.addWidget(self.goalsLabel)

        self.goalsTable = QTableView(self.goalsTab)
        self.goalsTable.setObjectName(u"goalsTable")
        self.goalsTable.setTabKeyNavigation(True)
        self.goalsTable.setAlternatingRowColors(True)
        self.goalsTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.goalsTable.setWordWrap(True)
        self.goalsTable.horizontalHeader().setStretchLastSection(True)
        self.goalsTable.verticalHeader().setVisible(False)

        self.goalsLayout.addWidget(self.goalsTable)

        self.goalsSummary = QLabel(self.goalsTab)
        self.goalsSummary.setObjectName(u"goalsSummary")
        self.goalsSummary.setWordWrap(True)

        self.goalsLayout.addWidget(self.goalsSummary)

        self.sectionTabs.addTab(self.goalsTab, "")
        self.interventionsTab = QWidget()
        self.interventionsTab.setObjectName(u"interventionsTab")
        self.interventionsLayout = QVBoxLayout(self.interventionsTab)
        self.interventionsLayout.setObjectName(u"interventionsLayout")
        self.interventionsLabel = QLabel(self.interventionsTab)
        self.interventionsLabel.setObjectName(u"interventionsLabel")
        self.interventionsLabel.setWordWrap(True)

        self.interventionsLayout.addWidget(self.interventionsLabel)

        self.interventionsTable = QTableView(self.interventionsTab)
        self.interventionsTable.setObjectName(u"interventionsTable")
        self.interventionsTable.setTabKeyNavigation(True)
        self.interventionsTable.setAlternatingRowColors(True)
        self.interventionsTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.interventionsTable.setWordWrap(True)
        self.interventionsTable.horizontalHeader().setStretchLastSection(True)
        self.interventionsTable.verticalHeader().setVisible(False)

        self.interventionsLayout.addWidget(self.interventionsTable)

        self.interventionsSummary = QLabel(self.interventionsTab)
        self.interventionsSummary.setObjectName(u"interventionsSummary")
        self.interventionsSummary.setWordWrap(True)

        self.interventionsLayout.addWidget(self.interventionsSummary)

        self.offeredLabel = QLabel(self.interventionsTab)
        self.offeredLabel.setObjectName(u"offeredLabel")
        self.offeredLabel.setWordWrap(True)

        self.interventionsLayout.addWidget(self.offeredLabel)

        self.offeredList = QListWidget(self.interventionsTab)
        self.offeredList.setObjectName(u"offeredList")
        self.offeredList.setMaximumSize(QSize(16777215, 180))
        self.offeredList.setWordWrap(True)

        self.interventionsLayout.addWidget(self.offeredList)

        self.sectionTabs.addTab(self.interventionsTab, "")
        self.medicationTab = QWidget()
        self.medicationTab.setObjectName(u"medicationTab")
        self.medicationLayout = QVBoxLayout(self.medicationTab)
        self.medicationLayout.setObjectName(u"medicationLayout")
        self.medicationLabel = QLabel(self.medicationTab)
        self.medicationLabel.setObjectName(u"medicationLabel")
        self.medicationLabel.setWordWrap(True)

        self.medicationLayout.addWidget(self.medicationLabel)

        self.medicationTable = QTableView(self.medicationTab)
        self.medicationTable.setObjectName(u"medicationTable")
        self.medicationTable.setTabKeyNavigation(True)
        self.medicationTable.setAlternatingRowColors(True)
        self.medicationTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.medicationTable.setWordWrap(True)
        self.medicationTable.horizontalHeader().setStretchLastSection(True)
        self.medicationTable.verticalHeader().setVisible(False)

        self.medicationLayout.addWidget(self.medicationTable)

        self.mmeLabel = QLabel(self.medicationTab)
        self.mmeLabel.setObjectName(u"mmeLabel")
        self.mmeLabel.setWordWrap(True)
        self.mmeLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.medicationLayout.addWidget(self.mmeLabel)

        self.sectionTabs.addTab(self.medicationTab, "")
        self.proceduresTab = QWidget()
        self.proceduresTab.setObjectName(u"proceduresTab")
        self.proceduresLayout = QVBoxLayout(self.proceduresTab)
        self.proceduresLayout.setObjectName(u"proceduresLayout")
        self.proceduresLabel = QLabel(self.proceduresTab)
        self.proceduresLabel.setObjectName(u"proceduresLabel")

        self.proceduresLayout.addWidget(self.proceduresLabel)

        self.proceduresTable = QTableView(self.proceduresTab)
        self.proceduresTable.setObjectName(u"proceduresTable")
        self.proceduresTable.setTabKeyNavigation(True)
        self.proceduresTable.setAlternatingRowColors(True)
        self.proceduresTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.proceduresTable.setWordWrap(True)
        self.proceduresTable.horizontalHeader().setStretchLastSection(True)
        self.proceduresTable.verticalHeader().setVisible(False)

        self.proceduresLayout.addWidget(self.proceduresTable)

        self.risksLabel = QLabel(self.proceduresTab)
        self.risksLabel.setObjectName(u"risksLabel")

        self.proceduresLayout.addWidget(self.risksLabel)

        self.risksTable = QTableView(self.proceduresTab)
        self.risksTable.setObjectName(u"risksTable")
        self.risksTable.setTabKeyNavigation(True)
        self.risksTable.setAlternatingRowColors(True)
        self.risksTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.risksTable.setWordWrap(True)
        self.risksTable.horizontalHeader().setStretchLastSection(True)
        self.risksTable.verticalHeader().setVisible(False)

        self.proceduresLayout.addWidget(self.risksTable)

        self.sectionTabs.addTab(self.proceduresTab, "")
        self.agreementTab = QWidget()
        self.agreementTab.setObjectName(u"agreementTab")
        self.agreementLayout = QVBoxLayout(self.agreementTab)
        self.agreementLayout.setObjectName(u"agreementLayout")
        self.followUpForm = QFormLayout()
        self.followUpForm.setObjectName(u"followUpForm")
        self.reviewDateLabel = QLabel(self.agreementTab)
        self.reviewDateLabel.setObjectName(u"reviewDateLabel")

        self.followUpForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.reviewDateLabel)

        self.reviewDateRow = QHBoxLayout()
        self.reviewDateRow.setObjectName(u"reviewDateRow")
        self.reviewDateEdit = QLineEdit(self.agreementTab)
        self.reviewDateEdit.setObjectName(u"reviewDateEdit")
        self.reviewDateEdit.setMinimumSize(QSize(240, 0))

        self.reviewDateRow.addWidget(self.reviewDateEdit)

        self.reviewDateShown = QLabel(self.agreementTab)
        self.reviewDateShown.setObjectName(u"reviewDateShown")
        sizePolicy.setHeightForWidth(self.reviewDateShown.sizePolicy().hasHeightForWidth())
        self.reviewDateShown.setSizePolicy(sizePolicy)
        self.reviewDateShown.setWordWrap(True)

        self.reviewDateRow.addWidget(self.reviewDateShown)


        self.followUpForm.setLayout(0, QFormLayout.ItemRole.FieldRole, self.reviewDateRow)

        self.clinicianLabel = QLabel(self.agreementTab)
        self.clinicianLabel.setObjectName(u"clinicianLabel")

        self.followUpForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.clinicianLabel)

        self.clinicianEdit = QLineEdit(self.agreementTab)
        self.clinicianEdit.setObjectName(u"clinicianEdit")

        self.followUpForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.clinicianEdit)

        self.agreementLabel = QLabel(self.agreementTab)
        self.agreementLabel.setObjectName(u"agreementLabel")

        self.followUpForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.agreementLabel)

        self.agreementRow = QHBoxLayout()
        self.agreementRow.setObjectName(u"agreementRow")
        self.agreedRadio = QRadioButton(self.agreementTab)
        self.agreedRadio.setObjectName(u"agreedRadio")

        self.agreementRow.addWidget(self.agreedRadio)

        self.notAgreedRadio = QRadioButton(self.agreementTab)
        self.notAgreedRadio.setObjectName(u"notAgreedRadio")

        self.agreementRow.addWidget(self.notAgreedRadio)

        self.notAskedRadio = QRadioButton(self.agreementTab)
        self.notAskedRadio.setObjectName(u"notAskedRadio")

        self.agreementRow.addWidget(self.notAskedRadio)

        self.agreementSpacer = QSpacerItem(20, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.agreementRow.addItem(self.agreementSpacer)


        self.followUpForm.setLayout(2, QFormLayout.ItemRole.FieldRole, self.agreementRow)

        self.agreementNotesLabel = QLabel(self.agreementTab)
        self.agreementNotesLabel.setObjectName(u"agreementNotesLabel")

        self.followUpForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.agreementNotesLabel)

        self.agreementNotesEdit = QPlainTextEdit(self.agreementTab)
        self.agreementNotesEdit.setObjectName(u"agreementNotesEdit")
        self.agreementNotesEdit.setMaximumSize(QSize(16777215, 90))
        self.agreementNotesEdit.setTabChangesFocus(True)

        self.followUpForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.agreementNotesEdit)

        self.restrictionLabel = QLabel(self.agreementTab)
        self.restrictionLabel.setObjectName(u"restrictionLabel")

        self.followUpForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.restrictionLabel)

        self.restrictionColumn = QVBoxLayout()
        self.restrictionColumn.setObjectName(u"restrictionColumn")
        self.restrictionNotice = QLabel(self.agreementTab)
        self.restrictionNotice.setObjectName(u"restrictionNotice")
        self.restrictionNotice.setWordWrap(True)

        self.restrictionColumn.addWidget(self.restrictionNotice)

        self.acknowledgedCheck = QCheckBox(self.agreementTab)
        self.acknowledgedCheck.setObjectName(u"acknowledgedCheck")

        self.restrictionColumn.addWidget(self.acknowledgedCheck)


        self.followUpForm.setLayout(4, QFormLayout.ItemRole.FieldRole, self.restrictionColumn)


        self.agreementLayout.addLayout(self.followUpForm)

        self.disagreementsLabel = QLabel(self.agreementTab)
        self.disagreementsLabel.setObjectName(u"disagreementsLabel")

        self.agreementLayout.addWidget(self.disagreementsLabel)

        self.disagreementsTable = QTableView(self.agreementTab)
        self.disagreementsTable.setObjectName(u"disagreementsTable")
        self.disagreementsTable.setTabKeyNavigation(True)
        self.disagreementsTable.setAlternatingRowColors(True)
        self.disagreementsTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.disagreementsTable.setWordWrap(True)
        self.disagreementsTable.horizontalHeader().setStretchLastSection(True)
        self.disagreementsTable.verticalHeader().setVisible(False)

        self.agreementLayout.addWidget(self.disagreementsTable)

        self.agreementLayout.setStretch(2, 1)
        self.sectionTabs.addTab(self.agreementTab, "")
        self.bodySplitter.addWidget(self.sectionTabs)
        self.sideScroll = QScrollArea(self.bodySplitter)
        self.sideScroll.setObjectName(u"sideScroll")
        self.sideScroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.sideScroll.setFrameShape(QFrame.Shape.NoFrame)
        self.sideScroll.setWidgetResizable(True)
        self.sideContent = QWidget()
        self.sideContent.setObjectName(u"sideContent")
        self.sideLayout = QVBoxLayout(self.sideContent)
        self.sideLayout.setObjectName(u"sideLayout")
        self.sideLayout.setContentsMargins(0, 0, 0, 0)
        self.sideScroll.setWidget(self.sideContent)
        self.bodySplitter.addWidget(self.sideScroll)

        self.editorLayout.addWidget(self.bodySplitter)

        self.editorLayout.setStretch(4, 1)
        self.editorLayout.setStretch(5, 1)
#if QT_CONFIG(shortcut)
        self.audienceLabel.setBuddy(self.audienceCombo)
        self.paperLabel.setBuddy(self.pageSizeCombo)
        self.biologicalLabel.setBuddy(self.biologicalEdit)
        self.psychologicalLabel.setBuddy(self.psychologicalEdit)
        self.socialLabel.setBuddy(self.socialEdit)
        self.problemsLabel.setBuddy(self.problemsTable)
        self.goalsLabel.setBuddy(self.goalsTable)
        self.interventionsLabel.setBuddy(self.interventionsTable)
        self.offeredLabel.setBuddy(self.offeredList)
        self.medicationLabel.setBuddy(self.medicationTable)
        self.proceduresLabel.setBuddy(self.proceduresTable)
        self.risksLabel.setBuddy(self.risksTable)
        self.reviewDateLabel.setBuddy(self.reviewDateEdit)
        self.clinicianLabel.setBuddy(self.clinicianEdit)
        self.agreementNotesLabel.setBuddy(self.agreementNotesEdit)
        self.restrictionLabel.setBuddy(self.acknowledgedCheck)
        self.disagreementsLabel.setBuddy(self.disagreementsTable)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.buildButton, self.newVersionButton)
        QWidget.setTabOrder(self.newVersionButton, self.audienceCombo)
        QWidget.setTabOrder(self.audienceCombo, self.summaryCheck)
        QWidget.setTabOrder(self.summaryCheck, self.pageSizeCombo)
        QWidget.setTabOrder(self.pageSizeCombo, self.printButton)
        QWidget.setTabOrder(self.printButton, self.pdfButton)
        QWidget.setTabOrder(self.pdfButton, self.fhirButton)
        QWidget.setTabOrder(self.fhirButton, self.currentButton)
        QWidget.setTabOrder(self.currentButton, self.sectionTabs)
        QWidget.setTabOrder(self.sectionTabs, self.biologicalEdit)
        QWidget.setTabOrder(self.biologicalEdit, self.psychologicalEdit)
        QWidget.setTabOrder(self.psychologicalEdit, self.socialEdit)
        QWidget.setTabOrder(self.socialEdit, self.problemsTable)
        QWidget.setTabOrder(self.problemsTable, self.goalsTable)
        QWidget.setTabOrder(self.goalsTable, self.interventionsTable)
        QWidget.setTabOrder(self.interventionsTable, self.offeredList)
        QWidget.setTabOrder(self.offeredList, self.medicationTable)
        QWidget.setTabOrder(self.medicationTable, self.proceduresTable)
        QWidget.setTabOrder(self.proceduresTable, self.risksTable)
        QWidget.setTabOrder(self.risksTable, self.reviewDateEdit)
        QWidget.setTabOrder(self.reviewDateEdit, self.clinicianEdit)
        QWidget.setTabOrder(self.clinicianEdit, self.agreedRadio)
        QWidget.setTabOrder(self.agreedRadio, self.notAgreedRadio)
        QWidget.setTabOrder(self.notAgreedRadio, self.notAskedRadio)
        QWidget.setTabOrder(self.notAskedRadio, self.agreementNotesEdit)
        QWidget.setTabOrder(self.agreementNotesEdit, self.acknowledgedCheck)
        QWidget.setTabOrder(self.acknowledgedCheck, self.disagreementsTable)

        self.retranslateUi(CarePlanEditor)

        self.sectionTabs.setCurrentIndex(0)

    # setupUi

    def retranslateUi(self, CarePlanEditor):
#if QT_CONFIG(accessibility)
        CarePlanEditor.setAccessibleName(QCoreApplication.translate("CarePlanEditor", u"Care plan", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.headerLabel.setAccessibleName(QCoreApplication.translate("CarePlanEditor", u"Case of this care plan", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.versionLabel.setAccessibleName(QCoreApplication.translate("CarePlanEditor", u"Version and status of the plan", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.presenceLabel.setAccessibleName(QCoreApplication.translate("CarePlanEditor", u"Who else has this care plan open", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.saveState.setAccessibleName(QCoreApplication.translate("CarePlanEditor", u"Save state", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.buildButton.setToolTip(QCoreApplication.translate("CarePlanEditor", u"Build a draft plan from each discipline's recommendations (and, in a conference, from the input given there); the team then edits it", None))
#endif // QT_CONFIG(tooltip)
        self.buildButton.setText(QCoreApplication.translate("CarePlanEditor", u"&Build draft from the team's input", None))
#if QT_CONFIG(tooltip)
        self.newVersionButton.setToolTip(QCoreApplication.translate("CarePlanEditor", u"Copy the signed plan into a new draft version to change it; the signed version stays as it is", None))
#endif // QT_CONFIG(tooltip)
        self.newVersionButton.setText(QCoreApplication.translate("CarePlanEditor", u"Start a &new version", None))
        self.audienceLabel.setText(QCoreApplication.translate("CarePlanEditor", u"Paper for", None))
        self.audienceCombo.setItemText(0, QCoreApplication.translate("CarePlanEditor", u"Team care plan", None))
        self.audienceCombo.setItemText(1, QCoreApplication.translate("CarePlanEditor", u"Patient plan", None))
        self.audienceCombo.setItemText(2, QCoreApplication.translate("CarePlanEditor", u"Letter to the GP", None))

#if QT_CONFIG(accessibility)
        self.audienceCombo.setAccessibleName(QCoreApplication.translate("CarePlanEditor", u"Paper for", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.audienceCombo.setToolTip(QCoreApplication.translate("CarePlanEditor", u"Which paper Print and Save PDF give: the team's care plan, the patient's plan in plain words, or the letter to the GP", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(tooltip)
        self.summaryCheck.setToolTip(QCoreApplication.translate("CarePlanEditor", u"The team care plan ends with the case summary (history, scores, every discipline's input) as an appendix", None))
#endif // QT_CONFIG(tooltip)
        self.summaryCheck.setText(QCoreApplication.translate("CarePlanEditor", u"Case summar&y appendix", None))
        self.paperLabel.setText(QCoreApplication.translate("CarePlanEditor", u"Paper si&ze", None))
        self.pageSizeCombo.setItemText(0, QCoreApplication.translate("CarePlanEditor", u"A4", None))
        self.pageSizeCombo.setItemText(1, QCoreApplication.translate("CarePlanEditor", u"US Letter", None))

#if QT_CONFIG(tooltip)
        self.pageSizeCombo.setToolTip(QCoreApplication.translate("CarePlanEditor", u"The paper size of the printout and the PDF (remembered)", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(tooltip)
        self.printButton.setToolTip(QCoreApplication.translate("CarePlanEditor", u"Print the care plan, with a preview (Ctrl+P)", None))
#endif // QT_CONFIG(tooltip)
        self.printButton.setText(QCoreApplication.translate("CarePlanEditor", u"&Print\u2026", None))
#if QT_CONFIG(tooltip)
        self.pdfButton.setToolTip(QCoreApplication.translate("CarePlanEditor", u"Save the care plan as a PDF file", None))
#endif // QT_CONFIG(tooltip)
        self.pdfButton.setText(QCoreApplication.translate("CarePlanEditor", u"Save P&DF\u2026", None))
#if QT_CONFIG(tooltip)
        self.fhirButton.setToolTip(QCoreApplication.translate("CarePlanEditor", u"Export the care plan as a FHIR R4 bundle (.json)", None))
#endif // QT_CONFIG(tooltip)
        self.fhirButton.setText(QCoreApplication.translate("CarePlanEditor", u"E&xport FHIR\u2026", None))
#if QT_CONFIG(accessibility)
        self.lockIcon.setAccessibleName(QCoreApplication.translate("CarePlanEditor", u"Locked symbol", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.lockLabel.setAccessibleName(QCoreApplication.translate("CarePlanEditor", u"Why the plan cannot be edited", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.currentButton.setToolTip(QCoreApplication.translate("CarePlanEditor", u"Show the case's latest plan again", None))
#endif // QT_CONFIG(tooltip)
        self.currentButton.setText(QCoreApplication.translate("CarePlanEditor", u"Back to the latest version", None))
        self.emptyLabel.setText(QCoreApplication.translate("CarePlanEditor", u"No care plan is open. Open a case (in the case library, the case editor or a conference) and press Ctrl+Shift+P.", None))
#if QT_CONFIG(accessibility)
        self.sectionTabs.setAccessibleName(QCoreApplication.translate("CarePlanEditor", u"Parts of the care plan", None))
#endif // QT_CONFIG(accessibility)
        self.biologicalLabel.setText(QCoreApplication.translate("CarePlanEditor", u"Biological", None))
        self.psychologicalLabel.setText(QCoreApplication.translate("CarePlanEditor", u"Psychological", None))
        self.socialLabel.setText(QCoreApplication.translate("CarePlanEditor", u"Social", None))
#if QT_CONFIG(accessibility)
        self.biologicalEdit.setAccessibleName(QCoreApplication.translate("CarePlanEditor", u"Biological formulation", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.psychologicalEdit.setAccessibleName(QCoreApplication.translate("CarePlanEditor", u"Psychological formulation", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.socialEdit.setAccessibleName(QCoreApplication.translate("CarePlanEditor", u"Social formulation", None))
#endif // QT_CONFIG(accessibility)
        self.problemsLabel.setText(QCoreApplication.translate("CarePlanEditor", u"Problem list", None))
#if QT_CONFIG(accessibility)
        self.problemsTable.setAccessibleName(QCoreApplication.translate("CarePlanEditor", u"Problem list", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.problemsTable.setToolTip(QCoreApplication.translate("CarePlanEditor", u"Insert or Ctrl+N adds a problem; Delete removes the selected one; F2 or typing edits", None))
#endif // QT_CONFIG(tooltip)
        self.sectionTabs.setTabText(self.sectionTabs.indexOf(self.formulationTab), QCoreApplication.translate("CarePlanEditor", u"F&ormulation and problems", None))
        self.goalsLabel.setText(QCoreApplication.translate("CarePlanEditor", u"Goals the patient owns. A SMART goal names a measure, a baseline, a target and a due date.", None))
#if QT_CONFIG(accessibility)
        self.goalsTable.setAccessibleName(QCoreApplication.translate("CarePlanEditor", u"Goals", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.goalsTable.setToolTip(QCoreApplication.translate("CarePlanEditor", u"Insert or Ctrl+N adds a goal; Delete removes the selected one; F2 or typing edits", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.goalsSummary.setAccessibleName(QCoreApplication.translate("CarePlanEditor", u"How many goals are SMART", None))
#endif // QT_CONFIG(accessibility)
        self.sectionTabs.setTabText(self.sectionTabs.indexOf(self.goalsTab), QCoreApplication.translate("CarePlanEditor", u"&Goals", None))
        self.interventionsLabel.setText(QCoreApplication.translate("CarePlanEditor", u"What each discipline will do, who owns it and when it is due. The draft proposes what the team said in this conference, word for word: Enter accepts the selected proposed item, E edits it, M merges it into the row above, Delete drops it. Open actions due before the next conference come back on its agenda as follow-ups.", None))
#if QT_CONFIG(accessibility)
        self.interventionsTable.setAccessibleName(QCoreApplication.translate("CarePlanEditor", u"Interventions by discipline", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.interventionsTable.setToolTip(QCoreApplication.translate("CarePlanEditor", u"Insert or Ctrl+N adds an intervention; Delete removes the selected one; F2 or typing edits", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.interventionsSummary.setAccessibleName(QCoreApplication.translate("CarePlanEditor", u"Interventions still without an owner or a due date", None))
#endif // QT_CONFIG(accessibility)
        self.offeredLabel.setText(QCoreApplication.translate("CarePlanEditor", u"Not in the draft: input prepared before the meeting, or from disciplines not present. Enter adds the selected one to the plan.", None))
#if QT_CONFIG(accessibility)
        self.offeredList.setAccessibleName(QCoreApplication.translate("CarePlanEditor", u"Input not in the draft (prepared before the meeting, or from disciplines not present)", None))
#endif // QT_CONFIG(accessibility)
        self.sectionTabs.setTabText(self.sectionTabs.indexOf(self.interventionsTab), QCoreApplication.translate("CarePlanEditor", u"&Interventions", None))
        self.medicationLabel.setText(QCoreApplication.translate("CarePlanEditor", u"What happens to each medicine: start, stop, change, taper or continue, with the daily dose before and after.", None))
#if QT_CONFIG(accessibility)
        self.medicationTable.setAccessibleName(QCoreApplication.translate("CarePlanEditor", u"Medication plan", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.medicationTable.setToolTip(QCoreApplication.translate("CarePlanEditor", u"Insert or Ctrl+N adds a line; Delete removes the selected one; doses as 150 mg, 600 mcg or 25 mcg/h", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.mmeLabel.setAccessibleName(QCoreApplication.translate("CarePlanEditor", u"MME per day before and after the plan", None))
#endif // QT_CONFIG(accessibility)
        self.sectionTabs.setTabText(self.sectionTabs.indexOf(self.medicationTab), QCoreApplication.translate("CarePlanEditor", u"&Medication", None))
        self.proceduresLabel.setText(QCoreApplication.translate("CarePlanEditor", u"Procedures", None))
#if QT_CONFIG(accessibility)
        self.proceduresTable.setAccessibleName(QCoreApplication.translate("CarePlanEditor", u"Procedures", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.proceduresTable.setToolTip(QCoreApplication.translate("CarePlanEditor", u"Insert or Ctrl+N adds a procedure; Delete removes the selected one", None))
#endif // QT_CONFIG(tooltip)
        self.risksLabel.setText(QCoreApplication.translate("CarePlanEditor", u"Risk mitigation (naloxone, monitoring, \u2026)", None))
#if QT_CONFIG(accessibility)
        self.risksTable.setAccessibleName(QCoreApplication.translate("CarePlanEditor", u"Risk mitigation", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.risksTable.setToolTip(QCoreApplication.translate("CarePlanEditor", u"Insert or Ctrl+N adds a measure; Delete removes the selected one", None))
#endif // QT_CONFIG(tooltip)
        self.sectionTabs.setTabText(self.sectionTabs.indexOf(self.proceduresTab), QCoreApplication.translate("CarePlanEditor", u"Procedures and &risks", None))
        self.reviewDateLabel.setText(QCoreApplication.translate("CarePlanEditor", u"Review date", None))
#if QT_CONFIG(accessibility)
        self.reviewDateEdit.setAccessibleName(QCoreApplication.translate("CarePlanEditor", u"Review date", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.reviewDateEdit.setToolTip(QCoreApplication.translate("CarePlanEditor", u"2026-03-01, or \u201cin 6 weeks\u201d, \u201c3 months\u201d, \u201c10 days\u201d", None))
#endif // QT_CONFIG(tooltip)
        self.reviewDateEdit.setPlaceholderText(QCoreApplication.translate("CarePlanEditor", u"2026-03-01 or \u201cin 6 weeks\u201d", None))
#if QT_CONFIG(accessibility)
        self.reviewDateShown.setAccessibleName(QCoreApplication.translate("CarePlanEditor", u"Review date as understood", None))
#endif // QT_CONFIG(accessibility)
        self.clinicianLabel.setText(QCoreApplication.translate("CarePlanEditor", u"Responsible clinician", None))
#if QT_CONFIG(accessibility)
        self.clinicianEdit.setAccessibleName(QCoreApplication.translate("CarePlanEditor", u"Responsible clinician", None))
#endif // QT_CONFIG(accessibility)
        self.agreementLabel.setText(QCoreApplication.translate("CarePlanEditor", u"Patient agreement", None))
        self.agreedRadio.setText(QCoreApplication.translate("CarePlanEditor", u"Agreed", None))
        self.notAgreedRadio.setText(QCoreApplication.translate("CarePlanEditor", u"Not agreed", None))
        self.notAskedRadio.setText(QCoreApplication.translate("CarePlanEditor", u"Not yet asked", None))
        self.agreementNotesLabel.setText(QCoreApplication.translate("CarePlanEditor", u"Agreement notes", None))
#if QT_CONFIG(accessibility)
        self.agreementNotesEdit.setAccessibleName(QCoreApplication.translate("CarePlanEditor", u"Agreement notes", None))
#endif // QT_CONFIG(accessibility)
        self.restrictionLabel.setText(QCoreApplication.translate("CarePlanEditor", u"Sharing restrictions", None))
#if QT_CONFIG(accessibility)
        self.restrictionNotice.setAccessibleName(QCoreApplication.translate("CarePlanEditor", u"Sharing restrictions of this case", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.acknowledgedCheck.setToolTip(QCoreApplication.translate("CarePlanEditor", u"The team has seen that this case has sharing restrictions and will keep to them (Space ticks); the checklist before the first signature asks for it", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.acknowledgedCheck.setAccessibleName(QCoreApplication.translate("CarePlanEditor", u"Sharing restrictions acknowledged by the team", None))
#endif // QT_CONFIG(accessibility)
        self.acknowledgedCheck.setText(QCoreApplication.translate("CarePlanEditor", u"The team &acknowledges the restrictions and will keep to them", None))
        self.disagreementsLabel.setText(QCoreApplication.translate("CarePlanEditor", u"Disagreements in the team, and how they were resolved", None))
#if QT_CONFIG(accessibility)
        self.disagreementsTable.setAccessibleName(QCoreApplication.translate("CarePlanEditor", u"Disagreements", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.disagreementsTable.setToolTip(QCoreApplication.translate("CarePlanEditor", u"Insert or Ctrl+N adds a disagreement; Delete removes the selected one; leave the resolution empty when it was not resolved", None))
#endif // QT_CONFIG(tooltip)
        self.sectionTabs.setTabText(self.sectionTabs.indexOf(self.agreementTab), QCoreApplication.translate("CarePlanEditor", u"Agreement and follo&w-up", None))
    # retranslateUi

