# Generated from ui/presentation_timer_bar.ui by `make forms` (pyside6-uic). Do not edit: edit the .ui file.
# -*- coding: utf-8 -*-


from PySide6.QtCore import (QCoreApplication, Qt)
from PySide6.QtWidgets import (QComboBox, QFrame, QHBoxLayout, QLabel, QPushButton, QSizePolicy,
    QVBoxLayout)

class Ui_TimerBar(object):
    def setupUi(self, TimerBar):
        if not TimerBar.objectName():
            TimerBar.setObjectName(u"TimerBar")
        TimerBar.resize(1200, 90)
        TimerBar.setFrameShape(QFrame.Shape.StyledPanel)
        self.barLayout = QVBoxLayout(TimerBar)
        self.barLayout.setObjectName(u"barLayout")
        self.clockRow = QHBoxLayout()
        self.clockRow.setObjectName(u"clockRow")
        self.clockLabel = QLabel(TimerBar)
        self.clockLabel.setObjectName(u"clockLabel")
        self.clockLabel.setTextFormat(Qt.TextFormat.PlainText)

        self.clockRow.addWidget(self.clockLabel)

        self.stateLabel = QLabel(TimerBar)
        self.stateLabel.setObjectName(u"stateLabel")
        self.stateLabel.setWordWrap(True)
        self.stateLabel.setTextFormat(Qt.TextFormat.PlainText)
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        sizePolicy.setHorizontalStretch(1)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.stateLabel.sizePolicy().hasHeightForWidth())
        self.stateLabel.setSizePolicy(sizePolicy)

        self.clockRow.addWidget(self.stateLabel)

        self.toggleButton = QPushButton(TimerBar)
        self.toggleButton.setObjectName(u"toggleButton")

        self.clockRow.addWidget(self.toggleButton)

        self.meetingLabel = QLabel(TimerBar)
        self.meetingLabel.setObjectName(u"meetingLabel")
        self.meetingLabel.setWordWrap(True)
        self.meetingLabel.setTextFormat(Qt.TextFormat.PlainText)
        sizePolicy.setHeightForWidth(self.meetingLabel.sizePolicy().hasHeightForWidth())
        self.meetingLabel.setSizePolicy(sizePolicy)
        self.meetingLabel.setAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)

        self.clockRow.addWidget(self.meetingLabel)

        self.presentButton = QPushButton(TimerBar)
        self.presentButton.setObjectName(u"presentButton")

        self.clockRow.addWidget(self.presentButton)

        self.recordButton = QPushButton(TimerBar)
        self.recordButton.setObjectName(u"recordButton")

        self.clockRow.addWidget(self.recordButton)


        self.barLayout.addLayout(self.clockRow)

        self.controlRow = QHBoxLayout()
        self.controlRow.setObjectName(u"controlRow")
        self.phaseLabel = QLabel(TimerBar)
        self.phaseLabel.setObjectName(u"phaseLabel")

        self.controlRow.addWidget(self.phaseLabel)

        self.phaseCombo = QComboBox(TimerBar)
        self.phaseCombo.setObjectName(u"phaseCombo")
        self.phaseCombo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.phaseCombo.setMinimumContentsLength(10)
        self.phaseCombo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.phaseCombo.setMinimumContentsLength(16)

        self.controlRow.addWidget(self.phaseCombo)

        self.presentationLabel = QLabel(TimerBar)
        self.presentationLabel.setObjectName(u"presentationLabel")
        self.presentationLabel.setWordWrap(True)
        self.presentationLabel.setTextFormat(Qt.TextFormat.PlainText)
        sizePolicy.setHeightForWidth(self.presentationLabel.sizePolicy().hasHeightForWidth())
        self.presentationLabel.setSizePolicy(sizePolicy)

        self.controlRow.addWidget(self.presentationLabel)

        self.speakerLabel = QLabel(TimerBar)
        self.speakerLabel.setObjectName(u"speakerLabel")

        self.controlRow.addWidget(self.speakerLabel)

        self.speakerCombo = QComboBox(TimerBar)
        self.speakerCombo.setObjectName(u"speakerCombo")
        self.speakerCombo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.speakerCombo.setMinimumContentsLength(10)
        self.speakerCombo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.speakerCombo.setMinimumContentsLength(16)

        self.controlRow.addWidget(self.speakerCombo)

        self.screenLabel = QLabel(TimerBar)
        self.screenLabel.setObjectName(u"screenLabel")
        self.screenLabel.setWordWrap(True)
        self.screenLabel.setTextFormat(Qt.TextFormat.PlainText)
        sizePolicy.setHeightForWidth(self.screenLabel.sizePolicy().hasHeightForWidth())
        self.screenLabel.setSizePolicy(sizePolicy)
        self.screenLabel.setAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)

        self.controlRow.addWidget(self.screenLabel)


        self.barLayout.addLayout(self.controlRow)

#if QT_CONFIG(shortcut)
        self.phaseLabel.setBuddy(self.phaseCombo)
        self.speakerLabel.setBuddy(self.speakerCombo)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(TimerBar)
    # setupUi

    def retranslateUi(self, TimerBar):
#if QT_CONFIG(accessibility)
        TimerBar.setAccessibleName(QCoreApplication.translate("TimerBar", u"Case timer", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.clockLabel.setAccessibleName(QCoreApplication.translate("TimerBar", u"Time left on the case", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.stateLabel.setAccessibleName(QCoreApplication.translate("TimerBar", u"State of the timer", None))
#endif // QT_CONFIG(accessibility)
        self.toggleButton.setText(QCoreApplication.translate("TimerBar", u"Start timer", None))
#if QT_CONFIG(accessibility)
        self.toggleButton.setAccessibleName(QCoreApplication.translate("TimerBar", u"Start, pause or resume the case timer", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.meetingLabel.setAccessibleName(QCoreApplication.translate("TimerBar", u"Meeting clock and projected finish", None))
#endif // QT_CONFIG(accessibility)
        self.presentButton.setText(QCoreApplication.translate("TimerBar", u"Big screen", None))
#if QT_CONFIG(accessibility)
        self.presentButton.setAccessibleName(QCoreApplication.translate("TimerBar", u"Show the case on the big screen, or leave it", None))
#endif // QT_CONFIG(accessibility)
        self.recordButton.setText(QCoreApplication.translate("TimerBar", u"Meeting record\u2026", None))
#if QT_CONFIG(accessibility)
        self.recordButton.setAccessibleName(QCoreApplication.translate("TimerBar", u"The meeting record: time per case, share per discipline", None))
#endif // QT_CONFIG(accessibility)
        self.phaseLabel.setText(QCoreApplication.translate("TimerBar", u"&Phase", None))
#if QT_CONFIG(accessibility)
        self.phaseCombo.setAccessibleName(QCoreApplication.translate("TimerBar", u"Phase of the case being timed", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.presentationLabel.setAccessibleName(QCoreApplication.translate("TimerBar", u"Presentation against its target", None))
#endif // QT_CONFIG(accessibility)
        self.speakerLabel.setText(QCoreApplication.translate("TimerBar", u"Fl&oor", None))
#if QT_CONFIG(accessibility)
        self.speakerCombo.setAccessibleName(QCoreApplication.translate("TimerBar", u"Who holds the floor", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.screenLabel.setAccessibleName(QCoreApplication.translate("TimerBar", u"What the big screen shows", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

