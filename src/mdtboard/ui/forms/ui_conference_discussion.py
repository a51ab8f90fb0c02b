# Generated from ui/conference_discussion.ui by `make forms` (pyside6-uic). Do not edit: edit the .ui file.
# -*- coding: utf-8 -*-


from PySide6.QtCore import (QCoreApplication, Qt)
from PySide6.QtWidgets import (QFrame, QHBoxLayout, QLabel, QPushButton, QScrollArea, QSizePolicy,
    QSpacerItem, QSplitter, QVBoxLayout, QWidget)

class Ui_DiscussionPanel(object):
    def setupUi(self, DiscussionPanel):
        if not DiscussionPanel.objectName():
            DiscussionPanel.setObjectName(u"DiscussionPanel")
        DiscussionPanel.resize(1200, 700)
        self.panelLayout = QVBoxLayout(DiscussionPanel)
        self.panelLayout.setObjectName(u"panelLayout")
        self.headerLayout = QVBoxLayout()
        self.headerLayout.setObjectName(u"headerLayout")
        self.headerRow = QHBoxLayout()
        self.headerRow.setObjectName(u"headerRow")
        self.caseLabel = QLabel(DiscussionPanel)
        self.caseLabel.setObjectName(u"caseLabel")
        self.caseLabel.setWordWrap(True)
        self.caseLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        sizePolicy.setHorizontalStretch(1)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.caseLabel.sizePolicy().hasHeightForWidth())
        self.caseLabel.setSizePolicy(sizePolicy)

        self.headerRow.addWidget(self.caseLabel)

        self.followLabel = QLabel(DiscussionPanel)
        self.followLabel.setObjectName(u"followLabel")

        self.headerRow.addWidget(self.followLabel)

        self.presenceLabel = QLabel(DiscussionPanel)
        self.presenceLabel.setObjectName(u"presenceLabel")

        self.headerRow.addWidget(self.presenceLabel)

        self.statusIcon = QLabel(DiscussionPanel)
        self.statusIcon.setObjectName(u"statusIcon")

        self.headerRow.addWidget(self.statusIcon)

        self.statusLabel = QLabel(DiscussionPanel)
        self.statusLabel.setObjectName(u"statusLabel")

        self.headerRow.addWidget(self.statusLabel)


        self.headerLayout.addLayout(self.headerRow)

        self.navRow = QHBoxLayout()
        self.navRow.setObjectName(u"navRow")
        self.prevButton = QPushButton(DiscussionPanel)
        self.prevButton.setObjectName(u"prevButton")

        self.navRow.addWidget(self.prevButton)

        self.nextButton = QPushButton(DiscussionPanel)
        self.nextButton.setObjectName(u"nextButton")

        self.navRow.addWidget(self.nextButton)

        self.navSpacer = QSpacerItem(20, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.navRow.addItem(self.navSpacer)

        self.startButton = QPushButton(DiscussionPanel)
        self.startButton.setObjectName(u"startButton")

        self.navRow.addWidget(self.startButton)

        self.discussedButton = QPushButton(DiscussionPanel)
        self.discussedButton.setObjectName(u"discussedButton")

        self.navRow.addWidget(self.discussedButton)

        self.deferButton = QPushButton(DiscussionPanel)
        self.deferButton.setObjectName(u"deferButton")

        self.navRow.addWidget(self.deferButton)

        self.openCaseButton = QPushButton(DiscussionPanel)
        self.openCaseButton.setObjectName(u"openCaseButton")

        self.navRow.addWidget(self.openCaseButton)


        self.headerLayout.addLayout(self.navRow)


        self.panelLayout.addLayout(self.headerLayout)

        self.emptyLabel = QLabel(DiscussionPanel)
        self.emptyLabel.setObjectName(u"emptyLabel")
        self.emptyLabel.setWordWrap(True)
        self.emptyLabel.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.panelLayout.addWidget(self.emptyLabel)

        self.bodySplitter = QSplitter(DiscussionPanel)
        self.bodySplitter.setObjectName(u"bodySplitter")
        self.bodySplitter.setOrientation(Qt.Orientation.Horizontal)
        self.bodySplitter.setChildrenCollapsible(False)
        self.factsScroll = QScrollArea(self.bodySplitter)
        self.factsScroll.setObjectName(u"factsScroll")
        self.factsScroll.setWidgetResizable(True)
        self.factsContent = QWidget()
        self.factsContent.setObjectName(u"factsContent")
        self.factsLayout = QVBoxLayout(self.factsContent)
        self.factsLayout.setObjectName(u"factsLayout")
        self.safetyFrame = QFrame(self.factsContent)
        self.safetyFrame.setObjectName(u"safetyFrame")
        self.safetyFrame.setFrameShape(QFrame.Shape.StyledPanel)
        self.safetyLayout = QHBoxLayout(self.safetyFrame)
        self.safetyLayout.setObjectName(u"safetyLayout")
        self.safetyIcon = QLabel(self.safetyFrame)
        self.safetyIcon.setObjectName(u"safetyIcon")
        self.safetyIcon.setAlignment(Qt.AlignmentFlag.AlignLeading|Qt.AlignmentFlag.AlignTop)

        self.safetyLayout.addWidget(self.safetyIcon)

        self.safetyLabel = QLabel(self.safetyFrame)
        self.safetyLabel.setObjectName(u"safetyLabel")
        self.safetyLabel.setWordWrap(True)
        self.safetyLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        sizePolicy.setHeightForWidth(self.safetyLabel.sizePolicy().hasHeightForWidth())
        self.safetyLabel.setSizePolicy(sizePolicy)

        self.safetyLayout.addWidget(self.safetyLabel)


        self.factsLayout.addWidget(self.safetyFrame)

        self.sharingFrame = QFrame(self.factsContent)
        self.sharingFrame.setObjectName(u"sharingFrame")
        self.sharingFrame.setFrameShape(QFrame.Shape.StyledPanel)
        self.sharingLayout = QHBoxLayout(self.sharingFrame)
        self.sharingLayout.setObjectName(u"sharingLayout")
        self.sharingIcon = QLabel(self.sharingFrame)
        self.sharingIcon.setObjectName(u"sharingIcon")
        self.sharingIcon.setAlignment(Qt.AlignmentFlag.AlignLeading|Qt.AlignmentFlag.AlignTop)

        self.sharingLayout.addWidget(self.sharingIcon)

        self.sharingLabel = QLabel(self.sharingFrame)
        self.sharingLabel.setObjectName(u"sharingLabel")
        self.sharingLabel.setWordWrap(True)
        self.sharingLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        sizePolicy.setHeightForWidth(self.sharingLabel.sizePolicy().hasHeightForWidth())
        self.sharingLabel.setSizePolicy(sizePolicy)

        self.sharingLayout.addWidget(self.sharingLabel)


        self.factsLayout.addWidget(self.sharingFrame)

        self.patientHeading = QLabel(self.factsContent)
        self.patientHeading.setObjectName(u"patientHeading")

        self.factsLayout.addWidget(self.patientHeading)

        self.patientLabel = QLabel(self.factsContent)
        self.patientLabel.setObjectName(u"patientLabel")
        self.patientLabel.setWordWrap(True)
        self.patientLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.factsLayout.addWidget(self.patientLabel)

        self.oneLinerHeading = QLabel(self.factsContent)
        self.oneLinerHeading.setObjectName(u"oneLinerHeading")

        self.factsLayout.addWidget(self.oneLinerHeading)

        self.oneLinerLabel = QLabel(self.factsContent)
        self.oneLinerLabel.setObjectName(u"oneLinerLabel")
        self.oneLinerLabel.setWordWrap(True)
        self.oneLinerLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.factsLayout.addWidget(self.oneLinerLabel)

        self.questionHeading = QLabel(self.factsContent)
        self.questionHeading.setObjectName(u"questionHeading")

        self.factsLayout.addWidget(self.questionHeading)

        self.questionLabel = QLabel(self.factsContent)
        self.questionLabel.setObjectName(u"questionLabel")
        self.questionLabel.setWordWrap(True)
        self.questionLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.factsLayout.addWidget(self.questionLabel)

        self.actionsHeading = QLabel(self.factsContent)
        self.actionsHeading.setObjectName(u"actionsHeading")

        self.factsLayout.addWidget(self.actionsHeading)

        self.actionsLabel = QLabel(self.factsContent)
        self.actionsLabel.setObjectName(u"actionsLabel")
        self.actionsLabel.setWordWrap(True)
        self.actionsLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.factsLayout.addWidget(self.actionsLabel)

        self.medsHeading = QLabel(self.factsContent)
        self.medsHeading.setObjectName(u"medsHeading")

        self.factsLayout.addWidget(self.medsHeading)

        self.medsLabel = QLabel(self.factsContent)
        self.medsLabel.setObjectName(u"medsLabel")
        self.medsLabel.setWordWrap(True)
        self.medsLabel.setTextFormat(Qt.TextFormat.RichText)
        self.medsLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.factsLayout.addWidget(self.medsLabel)

        self.scoresHeading = QLabel(self.factsContent)
        self.scoresHeading.setObjectName(u"scoresHeading")

        self.factsLayout.addWidget(self.scoresHeading)

        self.scoresLabel = QLabel(self.factsContent)
        self.scoresLabel.setObjectName(u"scoresLabel")
        self.scoresLabel.setWordWrap(True)
        self.scoresLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.factsLayout.addWidget(self.scoresLabel)

        self.redFlagsHeading = QLabel(self.factsContent)
        self.redFlagsHeading.setObjectName(u"redFlagsHeading")

        self.factsLayout.addWidget(self.redFlagsHeading)

        self.redFlagsLabel = QLabel(self.factsContent)
        self.redFlagsLabel.setObjectName(u"redFlagsLabel")
        self.redFlagsLabel.setWordWrap(True)
        self.redFlagsLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.factsLayout.addWidget(self.redFlagsLabel)

        self.proposalHeading = QLabel(self.factsContent)
        self.proposalHeading.setObjectName(u"proposalHeading")

        self.factsLayout.addWidget(self.proposalHeading)

        self.proposalLabel = QLabel(self.factsContent)
        self.proposalLabel.setObjectName(u"proposalLabel")
        self.proposalLabel.setWordWrap(True)
        self.proposalLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.factsLayout.addWidget(self.proposalLabel)

        self.factsSpacer = QSpacerItem(20, 20, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.factsLayout.addItem(self.factsSpacer)

        self.factsScroll.setWidget(self.factsContent)
        self.bodySplitter.addWidget(self.factsScroll)
        self.inputsColumn = QWidget(self.bodySplitter)
        self.inputsColumn.setObjectName(u"inputsColumn")
        self.inputsLayout = QVBoxLayout(self.inputsColumn)
        self.inputsLayout.setObjectName(u"inputsLayout")
        self.inputsLayout.setContentsMargins(0, 0, 0, 0)
        self.heardRow = QHBoxLayout()
        self.heardRow.setObjectName(u"heardRow")
        self.heardIcon = QLabel(self.inputsColumn)
        self.heardIcon.setObjectName(u"heardIcon")

        self.heardRow.addWidget(self.heardIcon)

        self.heardLabel = QLabel(self.inputsColumn)
        self.heardLabel.setObjectName(u"heardLabel")
        self.heardLabel.setWordWrap(True)
        sizePolicy.setHeightForWidth(self.heardLabel.sizePolicy().hasHeightForWidth())
        self.heardLabel.setSizePolicy(sizePolicy)

        self.heardRow.addWidget(self.heardLabel)


        self.inputsLayout.addLayout(self.heardRow)

        self.panelsScroll = QScrollArea(self.inputsColumn)
        self.panelsScroll.setObjectName(u"panelsScroll")
        self.panelsScroll.setWidgetResizable(True)
        self.panelsContent = QWidget()
        self.panelsContent.setObjectName(u"panelsContent")
        self.panelsLayout = QVBoxLayout(self.panelsContent)
        self.panelsLayout.setObjectName(u"panelsLayout")
        self.panelsSpacer = QSpacerItem(20, 20, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.panelsLayout.addItem(self.panelsSpacer)

        self.panelsScroll.setWidget(self.panelsContent)

        self.inputsLayout.addWidget(self.panelsScroll)

        self.bodySplitter.addWidget(self.inputsColumn)

        self.panelLayout.addWidget(self.bodySplitter)

        self.panelLayout.setStretch(2, 1)
        QWidget.setTabOrder(self.prevButton, self.nextButton)
        QWidget.setTabOrder(self.nextButton, self.startButton)
        QWidget.setTabOrder(self.startButton, self.discussedButton)
        QWidget.setTabOrder(self.discussedButton, self.deferButton)
        QWidget.setTabOrder(self.deferButton, self.openCaseButton)

        self.retranslateUi(DiscussionPanel)
    # setupUi

    def retranslateUi(self, DiscussionPanel):
#if QT_CONFIG(accessibility)
        DiscussionPanel.setAccessibleName(QCoreApplication.translate("DiscussionPanel", u"Discussion", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.caseLabel.setAccessibleName(QCoreApplication.translate("DiscussionPanel", u"Case under discussion", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.followLabel.setAccessibleName(QCoreApplication.translate("DiscussionPanel", u"The operator's timer and who holds the floor", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.presenceLabel.setAccessibleName(QCoreApplication.translate("DiscussionPanel", u"Who else has this case open", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.statusIcon.setAccessibleName(QCoreApplication.translate("DiscussionPanel", u"Status symbol", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.statusLabel.setAccessibleName(QCoreApplication.translate("DiscussionPanel", u"Status of the case", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.prevButton.setAccessibleName(QCoreApplication.translate("DiscussionPanel", u"Previous case", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.prevButton.setToolTip(QCoreApplication.translate("DiscussionPanel", u"Show the previous case on the agenda (Ctrl+PgUp)", None))
#endif // QT_CONFIG(tooltip)
        self.prevButton.setText(QCoreApplication.translate("DiscussionPanel", u"\u25c0 Previous", None))
#if QT_CONFIG(accessibility)
        self.nextButton.setAccessibleName(QCoreApplication.translate("DiscussionPanel", u"Next case", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.nextButton.setToolTip(QCoreApplication.translate("DiscussionPanel", u"Show the next case on the agenda (Ctrl+PgDown)", None))
#endif // QT_CONFIG(tooltip)
        self.nextButton.setText(QCoreApplication.translate("DiscussionPanel", u"Next \u25b6", None))
#if QT_CONFIG(accessibility)
        self.startButton.setAccessibleName(QCoreApplication.translate("DiscussionPanel", u"Start discussing this case", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.startButton.setToolTip(QCoreApplication.translate("DiscussionPanel", u"Start discussing this case (Ctrl+Shift+S): it is marked in discussion", None))
#endif // QT_CONFIG(tooltip)
        self.startButton.setText(QCoreApplication.translate("DiscussionPanel", u"Start", None))
#if QT_CONFIG(accessibility)
        self.discussedButton.setAccessibleName(QCoreApplication.translate("DiscussionPanel", u"Mark discussed", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.discussedButton.setToolTip(QCoreApplication.translate("DiscussionPanel", u"Mark this case discussed (Ctrl+Shift+D)", None))
#endif // QT_CONFIG(tooltip)
        self.discussedButton.setText(QCoreApplication.translate("DiscussionPanel", u"Discussed", None))
#if QT_CONFIG(accessibility)
        self.deferButton.setAccessibleName(QCoreApplication.translate("DiscussionPanel", u"Defer to a later conference", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.deferButton.setToolTip(QCoreApplication.translate("DiscussionPanel", u"Defer this case to a later conference (Ctrl+Shift+L); it is offered on the next agenda", None))
#endif // QT_CONFIG(tooltip)
        self.deferButton.setText(QCoreApplication.translate("DiscussionPanel", u"Defer", None))
#if QT_CONFIG(accessibility)
        self.openCaseButton.setAccessibleName(QCoreApplication.translate("DiscussionPanel", u"Open case in the case editor", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.openCaseButton.setToolTip(QCoreApplication.translate("DiscussionPanel", u"Open this case in the case editor (Ctrl+Shift+O)", None))
#endif // QT_CONFIG(tooltip)
        self.openCaseButton.setText(QCoreApplication.translate("DiscussionPanel", u"Open case", None))
        self.emptyLabel.setText(QCoreApplication.translate("DiscussionPanel", u"No case to discuss yet. Put cases on the agenda (Agenda tab, Alt+A).", None))
#if QT_CONFIG(accessibility)
        self.factsScroll.setAccessibleName(QCoreApplication.translate("DiscussionPanel", u"Key facts of the case", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.safetyIcon.setAccessibleName(QCoreApplication.translate("DiscussionPanel", u"Safety symbol", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.safetyLabel.setAccessibleName(QCoreApplication.translate("DiscussionPanel", u"Safety", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.sharingIcon.setAccessibleName(QCoreApplication.translate("DiscussionPanel", u"Sharing restrictions symbol", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.sharingLabel.setAccessibleName(QCoreApplication.translate("DiscussionPanel", u"Sharing restrictions", None))
#endif // QT_CONFIG(accessibility)
        self.patientHeading.setText(QCoreApplication.translate("DiscussionPanel", u"<b>Patient</b>", None))
#if QT_CONFIG(accessibility)
        self.patientLabel.setAccessibleName(QCoreApplication.translate("DiscussionPanel", u"Patient", None))
#endif // QT_CONFIG(accessibility)
        self.oneLinerHeading.setText(QCoreApplication.translate("DiscussionPanel", u"<b>One-liner</b>", None))
#if QT_CONFIG(accessibility)
        self.oneLinerLabel.setAccessibleName(QCoreApplication.translate("DiscussionPanel", u"One-liner", None))
#endif // QT_CONFIG(accessibility)
        self.questionHeading.setText(QCoreApplication.translate("DiscussionPanel", u"<b>Question for the team</b>", None))
#if QT_CONFIG(accessibility)
        self.questionLabel.setAccessibleName(QCoreApplication.translate("DiscussionPanel", u"Question for the team", None))
#endif // QT_CONFIG(accessibility)
        self.actionsHeading.setText(QCoreApplication.translate("DiscussionPanel", u"<b>Open actions of the agreed plan</b>", None))
#if QT_CONFIG(accessibility)
        self.actionsLabel.setAccessibleName(QCoreApplication.translate("DiscussionPanel", u"Open actions of the agreed plan", None))
#endif // QT_CONFIG(accessibility)
        self.medsHeading.setText(QCoreApplication.translate("DiscussionPanel", u"<b>Medications</b>", None))
#if QT_CONFIG(accessibility)
        self.medsLabel.setAccessibleName(QCoreApplication.translate("DiscussionPanel", u"Current medications", None))
#endif // QT_CONFIG(accessibility)
        self.scoresHeading.setText(QCoreApplication.translate("DiscussionPanel", u"<b>Scores</b>", None))
#if QT_CONFIG(accessibility)
        self.scoresLabel.setAccessibleName(QCoreApplication.translate("DiscussionPanel", u"Scores", None))
#endif // QT_CONFIG(accessibility)
        self.redFlagsHeading.setText(QCoreApplication.translate("DiscussionPanel", u"<b>Red flags</b>", None))
#if QT_CONFIG(accessibility)
        self.redFlagsLabel.setAccessibleName(QCoreApplication.translate("DiscussionPanel", u"Red flags", None))
#endif // QT_CONFIG(accessibility)
        self.proposalHeading.setText(QCoreApplication.translate("DiscussionPanel", u"<b>Presenter's proposal</b>", None))
#if QT_CONFIG(accessibility)
        self.proposalLabel.setAccessibleName(QCoreApplication.translate("DiscussionPanel", u"Presenter's proposal", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.heardIcon.setAccessibleName(QCoreApplication.translate("DiscussionPanel", u"Heard symbol", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.heardLabel.setAccessibleName(QCoreApplication.translate("DiscussionPanel", u"Disciplines not yet heard", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.panelsScroll.setAccessibleName(QCoreApplication.translate("DiscussionPanel", u"Input of each discipline", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

