# Generated from ui/training_window.ui by `make forms` (pyside6-uic). Do not edit: edit the .ui file.
# -*- coding: utf-8 -*-


from PySide6.QtCore import (QCoreApplication, QSize, Qt)
from PySide6.QtWidgets import (QComboBox, QHBoxLayout, QLabel, QListWidget, QPushButton,
    QSizePolicy, QSplitter, QStatusBar, QTabWidget, QVBoxLayout, QWidget)

class Ui_TrainingWindow(object):
    def setupUi(self, TrainingWindow):
        if not TrainingWindow.objectName():
            TrainingWindow.setObjectName(u"TrainingWindow")
        TrainingWindow.resize(1280, 860)
        self.central = QWidget(TrainingWindow)
        self.central.setObjectName(u"central")
        self.centralLayout = QVBoxLayout(self.central)
        self.centralLayout.setObjectName(u"centralLayout")
        self.conferenceRow = QHBoxLayout()
        self.conferenceRow.setObjectName(u"conferenceRow")
        self.conferenceLabel = QLabel(self.central)
        self.conferenceLabel.setObjectName(u"conferenceLabel")

        self.conferenceRow.addWidget(self.conferenceLabel)

        self.conferenceCombo = QComboBox(self.central)
        self.conferenceCombo.setObjectName(u"conferenceCombo")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        sizePolicy.setHorizontalStretch(0)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.conferenceCombo.sizePolicy().hasHeightForWidth())
        self.conferenceCombo.setSizePolicy(sizePolicy)

        self.conferenceRow.addWidget(self.conferenceCombo)

        self.newConferenceButton = QPushButton(self.central)
        self.newConferenceButton.setObjectName(u"newConferenceButton")

        self.conferenceRow.addWidget(self.newConferenceButton)

        self.refreshButton = QPushButton(self.central)
        self.refreshButton.setObjectName(u"refreshButton")

        self.conferenceRow.addWidget(self.refreshButton)


        self.centralLayout.addLayout(self.conferenceRow)

        self.conferenceInfo = QLabel(self.central)
        self.conferenceInfo.setObjectName(u"conferenceInfo")
        self.conferenceInfo.setWordWrap(True)

        self.centralLayout.addWidget(self.conferenceInfo)

        self.splitter = QSplitter(self.central)
        self.splitter.setObjectName(u"splitter")
        self.splitter.setOrientation(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.agendaPane = QWidget(self.splitter)
        self.agendaPane.setObjectName(u"agendaPane")
        self.agendaLayout = QVBoxLayout(self.agendaPane)
        self.agendaLayout.setObjectName(u"agendaLayout")
        self.agendaLayout.setContentsMargins(0, 0, 0, 0)
        self.agendaLabel = QLabel(self.agendaPane)
        self.agendaLabel.setObjectName(u"agendaLabel")

        self.agendaLayout.addWidget(self.agendaLabel)

        self.agendaList = QListWidget(self.agendaPane)
        self.agendaList.setObjectName(u"agendaList")
        self.agendaList.setMinimumSize(QSize(220, 0))

        self.agendaLayout.addWidget(self.agendaList)

        self.splitter.addWidget(self.agendaPane)
        self.tabs = QTabWidget(self.splitter)
        self.tabs.setObjectName(u"tabs")
        self.rolesPage = QWidget()
        self.rolesPage.setObjectName(u"rolesPage")
        self.rolesLayout = QVBoxLayout(self.rolesPage)
        self.rolesLayout.setObjectName(u"rolesLayout")
        self.tabs.addTab(self.rolesPage, "")
        self.scoringPage = QWidget()
        self.scoringPage.setObjectName(u"scoringPage")
        self.scoringLayout = QVBoxLayout(self.scoringPage)
        self.scoringLayout.setObjectName(u"scoringLayout")
        self.tabs.addTab(self.scoringPage, "")
        self.debriefPage = QWidget()
        self.debriefPage.setObjectName(u"debriefPage")
        self.debriefLayout = QVBoxLayout(self.debriefPage)
        self.debriefLayout.setObjectName(u"debriefLayout")
        self.tabs.addTab(self.debriefPage, "")
        self.progressPage = QWidget()
        self.progressPage.setObjectName(u"progressPage")
        self.progressLayout = QVBoxLayout(self.progressPage)
        self.progressLayout.setObjectName(u"progressLayout")
        self.tabs.addTab(self.progressPage, "")
        self.programmePage = QWidget()
        self.programmePage.setObjectName(u"programmePage")
        self.programmeLayout = QVBoxLayout(self.programmePage)
        self.programmeLayout.setObjectName(u"programmeLayout")
        self.tabs.addTab(self.programmePage, "")
        self.splitter.addWidget(self.tabs)

        self.centralLayout.addWidget(self.splitter)

        TrainingWindow.setCentralWidget(self.central)
        self.statusbar = QStatusBar(TrainingWindow)
        self.statusbar.setObjectName(u"statusbar")
        TrainingWindow.setStatusBar(self.statusbar)
#if QT_CONFIG(shortcut)
        self.conferenceLabel.setBuddy(self.conferenceCombo)
        self.agendaLabel.setBuddy(self.agendaList)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.conferenceCombo, self.newConferenceButton)
        QWidget.setTabOrder(self.newConferenceButton, self.refreshButton)
        QWidget.setTabOrder(self.refreshButton, self.agendaList)
        QWidget.setTabOrder(self.agendaList, self.tabs)

        self.retranslateUi(TrainingWindow)

        self.tabs.setCurrentIndex(0)

    # setupUi

    def retranslateUi(self, TrainingWindow):
        TrainingWindow.setWindowTitle(QCoreApplication.translate("TrainingWindow", u"mdtboard \u2013 Training", None))
#if QT_CONFIG(accessibility)
        TrainingWindow.setAccessibleName(QCoreApplication.translate("TrainingWindow", u"Training", None))
#endif // QT_CONFIG(accessibility)
        self.conferenceLabel.setText(QCoreApplication.translate("TrainingWindow", u"Teaching &conference:", None))
#if QT_CONFIG(accessibility)
        self.conferenceCombo.setAccessibleName(QCoreApplication.translate("TrainingWindow", u"Teaching conference", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.conferenceCombo.setAccessibleDescription(QCoreApplication.translate("TrainingWindow", u"The conferences in training mode, latest first", None))
#endif // QT_CONFIG(accessibility)
        self.newConferenceButton.setText(QCoreApplication.translate("TrainingWindow", u"&New teaching conference\u2026", None))
        self.refreshButton.setText(QCoreApplication.translate("TrainingWindow", u"Re&fresh", None))
#if QT_CONFIG(tooltip)
        self.refreshButton.setToolTip(QCoreApplication.translate("TrainingWindow", u"Read the conference again (F5)", None))
#endif // QT_CONFIG(tooltip)
        self.conferenceInfo.setText("")
#if QT_CONFIG(accessibility)
        self.conferenceInfo.setAccessibleName(QCoreApplication.translate("TrainingWindow", u"About the conference", None))
#endif // QT_CONFIG(accessibility)
        self.agendaLabel.setText(QCoreApplication.translate("TrainingWindow", u"C&ases:", None))
#if QT_CONFIG(accessibility)
        self.agendaList.setAccessibleName(QCoreApplication.translate("TrainingWindow", u"Cases on the agenda", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.agendaList.setAccessibleDescription(QCoreApplication.translate("TrainingWindow", u"The case chosen here is the one the roles, readiness and scoring refer to", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.tabs.setAccessibleName(QCoreApplication.translate("TrainingWindow", u"Training views", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.rolesPage.setAccessibleName(QCoreApplication.translate("TrainingWindow", u"&Roles and readiness", None))
#endif // QT_CONFIG(accessibility)
        self.tabs.setTabText(self.tabs.indexOf(self.rolesPage), QCoreApplication.translate("TrainingWindow", u"&Roles and readiness", None))
#if QT_CONFIG(accessibility)
        self.scoringPage.setAccessibleName(QCoreApplication.translate("TrainingWindow", u"&Scoring", None))
#endif // QT_CONFIG(accessibility)
        self.tabs.setTabText(self.tabs.indexOf(self.scoringPage), QCoreApplication.translate("TrainingWindow", u"&Scoring", None))
#if QT_CONFIG(accessibility)
        self.debriefPage.setAccessibleName(QCoreApplication.translate("TrainingWindow", u"&Debrief", None))
#endif // QT_CONFIG(accessibility)
        self.tabs.setTabText(self.tabs.indexOf(self.debriefPage), QCoreApplication.translate("TrainingWindow", u"&Debrief", None))
#if QT_CONFIG(accessibility)
        self.progressPage.setAccessibleName(QCoreApplication.translate("TrainingWindow", u"&Progress", None))
#endif // QT_CONFIG(accessibility)
        self.tabs.setTabText(self.tabs.indexOf(self.progressPage), QCoreApplication.translate("TrainingWindow", u"&Progress", None))
#if QT_CONFIG(accessibility)
        self.programmePage.setAccessibleName(QCoreApplication.translate("TrainingWindow", u"Pro&gramme", None))
#endif // QT_CONFIG(accessibility)
        self.tabs.setTabText(self.tabs.indexOf(self.programmePage), QCoreApplication.translate("TrainingWindow", u"Pro&gramme", None))
    # retranslateUi

