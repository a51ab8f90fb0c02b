# Generated from ui/presentation_screen.ui by `make forms` (pyside6-uic). Do not edit: edit the .ui file.
# -*- coding: utf-8 -*-


from PySide6.QtCore import (QCoreApplication, Qt)
from PySide6.QtWidgets import (QFrame, QHBoxLayout, QLabel, QSizePolicy, QSpacerItem, QVBoxLayout,
    QWidget)

class Ui_BigScreen(object):
    def setupUi(self, BigScreen):
        if not BigScreen.objectName():
            BigScreen.setObjectName(u"BigScreen")
        BigScreen.resize(1920, 1080)
        self.screenLayout = QVBoxLayout(BigScreen)
        self.screenLayout.setSpacing(0)
        self.screenLayout.setObjectName(u"screenLayout")
        self.screenLayout.setContentsMargins(0, 0, 0, 0)
        self.topBar = QFrame(BigScreen)
        self.topBar.setObjectName(u"topBar")
        self.topLayout = QHBoxLayout(self.topBar)
        self.topLayout.setObjectName(u"topLayout")
        self.caseLabel = QLabel(self.topBar)
        self.caseLabel.setObjectName(u"caseLabel")
        self.caseLabel.setWordWrap(True)
        self.caseLabel.setTextFormat(Qt.TextFormat.PlainText)
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        sizePolicy.setHorizontalStretch(1)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.caseLabel.sizePolicy().hasHeightForWidth())
        self.caseLabel.setSizePolicy(sizePolicy)

        self.topLayout.addWidget(self.caseLabel)

        self.timerLayout = QHBoxLayout()
        self.timerLayout.setObjectName(u"timerLayout")
        self.clockLabel = QLabel(self.topBar)
        self.clockLabel.setObjectName(u"clockLabel")
        self.clockLabel.setTextFormat(Qt.TextFormat.PlainText)

        self.timerLayout.addWidget(self.clockLabel)

        self.stateLabel = QLabel(self.topBar)
        self.stateLabel.setObjectName(u"stateLabel")
        self.stateLabel.setTextFormat(Qt.TextFormat.PlainText)

        self.timerLayout.addWidget(self.stateLabel)


        self.topLayout.addLayout(self.timerLayout)


        self.screenLayout.addWidget(self.topBar)

        self.safetyFrame = QFrame(BigScreen)
        self.safetyFrame.setObjectName(u"safetyFrame")
        self.safetyLayout = QHBoxLayout(self.safetyFrame)
        self.safetyLayout.setObjectName(u"safetyLayout")
        self.safetyIcon = QLabel(self.safetyFrame)
        self.safetyIcon.setObjectName(u"safetyIcon")

        self.safetyLayout.addWidget(self.safetyIcon)

        self.safetyLabel = QLabel(self.safetyFrame)
        self.safetyLabel.setObjectName(u"safetyLabel")
        self.safetyLabel.setWordWrap(True)
        self.safetyLabel.setTextFormat(Qt.TextFormat.PlainText)
        sizePolicy.setHeightForWidth(self.safetyLabel.sizePolicy().hasHeightForWidth())
        self.safetyLabel.setSizePolicy(sizePolicy)

        self.safetyLayout.addWidget(self.safetyLabel)


        self.screenLayout.addWidget(self.safetyFrame)

        self.sharingFrame = QFrame(BigScreen)
        self.sharingFrame.setObjectName(u"sharingFrame")
        self.sharingLayout = QHBoxLayout(self.sharingFrame)
        self.sharingLayout.setObjectName(u"sharingLayout")
        self.sharingIcon = QLabel(self.sharingFrame)
        self.sharingIcon.setObjectName(u"sharingIcon")

        self.sharingLayout.addWidget(self.sharingIcon)

        self.sharingLabel = QLabel(self.sharingFrame)
        self.sharingLabel.setObjectName(u"sharingLabel")
        self.sharingLabel.setWordWrap(True)
        self.sharingLabel.setTextFormat(Qt.TextFormat.PlainText)
        sizePolicy.setHeightForWidth(self.sharingLabel.sizePolicy().hasHeightForWidth())
        self.sharingLabel.setSizePolicy(sizePolicy)

        self.sharingLayout.addWidget(self.sharingLabel)


        self.screenLayout.addWidget(self.sharingFrame)

        self.body = QWidget(BigScreen)
        self.body.setObjectName(u"body")
        sizePolicy1 = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        sizePolicy1.setHorizontalStretch(0)
        sizePolicy1.setVerticalStretch(1)
        sizePolicy1.setHeightForWidth(self.body.sizePolicy().hasHeightForWidth())
        self.body.setSizePolicy(sizePolicy1)
        self.bodyLayout = QVBoxLayout(self.body)
        self.bodyLayout.setObjectName(u"bodyLayout")
        self.bodyLayout.setContentsMargins(0, 0, 0, 0)
        self.sectionRow = QHBoxLayout()
        self.sectionRow.setObjectName(u"sectionRow")
        self.letterLabel = QLabel(self.body)
        self.letterLabel.setObjectName(u"letterLabel")
        self.letterLabel.setTextFormat(Qt.TextFormat.PlainText)

        self.sectionRow.addWidget(self.letterLabel)

        self.sectionLabel = QLabel(self.body)
        self.sectionLabel.setObjectName(u"sectionLabel")
        self.sectionLabel.setTextFormat(Qt.TextFormat.PlainText)
        sizePolicy.setHeightForWidth(self.sectionLabel.sizePolicy().hasHeightForWidth())
        self.sectionLabel.setSizePolicy(sizePolicy)

        self.sectionRow.addWidget(self.sectionLabel)

        self.pageLabel = QLabel(self.body)
        self.pageLabel.setObjectName(u"pageLabel")
        self.pageLabel.setTextFormat(Qt.TextFormat.PlainText)

        self.sectionRow.addWidget(self.pageLabel)


        self.bodyLayout.addLayout(self.sectionRow)

        self.textLayout = QVBoxLayout()
        self.textLayout.setObjectName(u"textLayout")

        self.bodyLayout.addLayout(self.textLayout)

        self.bodyLayout.setStretch(1, 1)

        self.screenLayout.addWidget(self.body)

        self.bottomBar = QFrame(BigScreen)
        self.bottomBar.setObjectName(u"bottomBar")
        self.bottomLayout = QHBoxLayout(self.bottomBar)
        self.bottomLayout.setObjectName(u"bottomLayout")
        self.sectionsLabel = QLabel(self.bottomBar)
        self.sectionsLabel.setObjectName(u"sectionsLabel")
        self.sectionsLabel.setWordWrap(True)
        self.sectionsLabel.setTextFormat(Qt.TextFormat.PlainText)

        self.bottomLayout.addWidget(self.sectionsLabel)

        self.bottomSpacer = QSpacerItem(20, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.bottomLayout.addItem(self.bottomSpacer)

        self.phaseLabel = QLabel(self.bottomBar)
        self.phaseLabel.setObjectName(u"phaseLabel")
        self.phaseLabel.setWordWrap(True)
        self.phaseLabel.setTextFormat(Qt.TextFormat.PlainText)

        self.bottomLayout.addWidget(self.phaseLabel)

        self.speakerLabel = QLabel(self.bottomBar)
        self.speakerLabel.setObjectName(u"speakerLabel")
        self.speakerLabel.setWordWrap(True)
        self.speakerLabel.setTextFormat(Qt.TextFormat.PlainText)

        self.bottomLayout.addWidget(self.speakerLabel)

        self.meetingLabel = QLabel(self.bottomBar)
        self.meetingLabel.setObjectName(u"meetingLabel")
        self.meetingLabel.setWordWrap(True)
        self.meetingLabel.setTextFormat(Qt.TextFormat.PlainText)

        self.bottomLayout.addWidget(self.meetingLabel)


        self.screenLayout.addWidget(self.bottomBar)

        self.screenLayout.setStretch(3, 1)

        self.retranslateUi(BigScreen)
    # setupUi

    def retranslateUi(self, BigScreen):
        BigScreen.setWindowTitle(QCoreApplication.translate("BigScreen", u"mdtboard: big screen", None))
#if QT_CONFIG(accessibility)
        BigScreen.setAccessibleName(QCoreApplication.translate("BigScreen", u"Big screen", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.topBar.setAccessibleName(QCoreApplication.translate("BigScreen", u"Case and timer", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.caseLabel.setAccessibleName(QCoreApplication.translate("BigScreen", u"Case under discussion", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.clockLabel.setAccessibleName(QCoreApplication.translate("BigScreen", u"Time left on the case", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.stateLabel.setAccessibleName(QCoreApplication.translate("BigScreen", u"State of the timer", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.safetyFrame.setAccessibleName(QCoreApplication.translate("BigScreen", u"Safety notice", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.safetyIcon.setAccessibleName(QCoreApplication.translate("BigScreen", u"Safety symbol", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.safetyLabel.setAccessibleName(QCoreApplication.translate("BigScreen", u"Safety notice text", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.sharingFrame.setAccessibleName(QCoreApplication.translate("BigScreen", u"Sharing restrictions", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.sharingIcon.setAccessibleName(QCoreApplication.translate("BigScreen", u"Sharing restricted symbol", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.sharingLabel.setAccessibleName(QCoreApplication.translate("BigScreen", u"Sharing restrictions text", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.letterLabel.setAccessibleName(QCoreApplication.translate("BigScreen", u"ISBAR part", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.sectionLabel.setAccessibleName(QCoreApplication.translate("BigScreen", u"Section", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.pageLabel.setAccessibleName(QCoreApplication.translate("BigScreen", u"Page", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.bottomBar.setAccessibleName(QCoreApplication.translate("BigScreen", u"Sections, speaker and meeting clock", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.sectionsLabel.setAccessibleName(QCoreApplication.translate("BigScreen", u"Sections of the case", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.phaseLabel.setAccessibleName(QCoreApplication.translate("BigScreen", u"Phase and presentation target", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.speakerLabel.setAccessibleName(QCoreApplication.translate("BigScreen", u"Who holds the floor", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.meetingLabel.setAccessibleName(QCoreApplication.translate("BigScreen", u"Meeting clock and projected finish", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

