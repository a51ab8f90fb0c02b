# Generated from ui/conference_workspace.ui by `make forms` (pyside6-uic). Do not edit: edit the .ui file.
# -*- coding: utf-8 -*-


from PySide6.QtCore import (QCoreApplication, Qt)
from PySide6.QtWidgets import (QAbstractItemView, QFrame, QHBoxLayout, QLabel, QListView,
    QPushButton, QScrollArea, QSplitter, QStackedWidget, QTabWidget, QVBoxLayout, QWidget)

class Ui_ConferenceWorkspace(object):
    def setupUi(self, ConferenceWorkspace):
        if not ConferenceWorkspace.objectName():
            ConferenceWorkspace.setObjectName(u"ConferenceWorkspace")
        ConferenceWorkspace.resize(1200, 800)
        self.outerLayout = QHBoxLayout(ConferenceWorkspace)
        self.outerLayout.setObjectName(u"outerLayout")
        self.outerLayout.setContentsMargins(0, 0, 0, 0)
        self.splitter = QSplitter(ConferenceWorkspace)
        self.splitter.setObjectName(u"splitter")
        self.splitter.setOrientation(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.sidebar = QWidget(self.splitter)
        self.sidebar.setObjectName(u"sidebar")
        self.sidebarLayout = QVBoxLayout(self.sidebar)
        self.sidebarLayout.setObjectName(u"sidebarLayout")
        self.sidebarLayout.setContentsMargins(9, 9, 6, 9)
        self.newButton = QPushButton(self.sidebar)
        self.newButton.setObjectName(u"newButton")

        self.sidebarLayout.addWidget(self.newButton)

        self.upcomingLabel = QLabel(self.sidebar)
        self.upcomingLabel.setObjectName(u"upcomingLabel")

        self.sidebarLayout.addWidget(self.upcomingLabel)

        self.upcomingView = QListView(self.sidebar)
        self.upcomingView.setObjectName(u"upcomingView")
        self.upcomingView.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.upcomingView.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.upcomingView.setWordWrap(True)

        self.sidebarLayout.addWidget(self.upcomingView)

        self.pastLabel = QLabel(self.sidebar)
        self.pastLabel.setObjectName(u"pastLabel")

        self.sidebarLayout.addWidget(self.pastLabel)

        self.pastView = QListView(self.sidebar)
        self.pastView.setObjectName(u"pastView")
        self.pastView.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.pastView.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.pastView.setWordWrap(True)

        self.sidebarLayout.addWidget(self.pastView)

        self.splitter.addWidget(self.sidebar)
        self.stack = QStackedWidget(self.splitter)
        self.stack.setObjectName(u"stack")
        self.emptyPage = QWidget()
        self.emptyPage.setObjectName(u"emptyPage")
        self.emptyLayout = QVBoxLayout(self.emptyPage)
        self.emptyLayout.setObjectName(u"emptyLayout")
        self.emptyLabel = QLabel(self.emptyPage)
        self.emptyLabel.setObjectName(u"emptyLabel")
        self.emptyLabel.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.emptyLabel.setWordWrap(True)

        self.emptyLayout.addWidget(self.emptyLabel)

        self.stack.addWidget(self.emptyPage)
        self.conferencePage = QWidget()
        self.conferencePage.setObjectName(u"conferencePage")
        self.conferenceLayout = QVBoxLayout(self.conferencePage)
        self.conferenceLayout.setObjectName(u"conferenceLayout")
        self.conferenceLayout.setContentsMargins(0, -1, 9, 0)
        self.headingLabel = QLabel(self.conferencePage)
        self.headingLabel.setObjectName(u"headingLabel")
        self.headingLabel.setWordWrap(True)
        self.headingLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.conferenceLayout.addWidget(self.headingLabel)

        self.tabs = QTabWidget(self.conferencePage)
        self.tabs.setObjectName(u"tabs")
        self.tabs.setDocumentMode(True)
        self.detailsTab = QWidget()
        self.detailsTab.setObjectName(u"detailsTab")
        self.detailsTabLayout = QVBoxLayout(self.detailsTab)
        self.detailsTabLayout.setObjectName(u"detailsTabLayout")
        self.detailsTabLayout.setContentsMargins(0, 0, 0, 0)
        self.detailsScroll = QScrollArea(self.detailsTab)
        self.detailsScroll.setObjectName(u"detailsScroll")
        self.detailsScroll.setFrameShape(QFrame.Shape.NoFrame)
        self.detailsScroll.setWidgetResizable(True)
        self.detailsContent = QWidget()
        self.detailsContent.setObjectName(u"detailsContent")
        self.detailsLayout = QHBoxLayout(self.detailsContent)
        self.detailsLayout.setSpacing(24)
        self.detailsLayout.setObjectName(u"detailsLayout")
        self.detailsScroll.setWidget(self.detailsContent)

        self.detailsTabLayout.addWidget(self.detailsScroll)

        self.tabs.addTab(self.detailsTab, "")
        self.agendaTab = QWidget()
        self.agendaTab.setObjectName(u"agendaTab")
        self.agendaLayout = QVBoxLayout(self.agendaTab)
        self.agendaLayout.setObjectName(u"agendaLayout")
        self.agendaLayout.setContentsMargins(0, 0, 0, 0)
        self.tabs.addTab(self.agendaTab, "")
        self.discussionTab = QWidget()
        self.discussionTab.setObjectName(u"discussionTab")
        self.discussionLayout = QVBoxLayout(self.discussionTab)
        self.discussionLayout.setObjectName(u"discussionLayout")
        self.discussionLayout.setContentsMargins(0, 0, 0, 0)
        self.tabs.addTab(self.discussionTab, "")

        self.conferenceLayout.addWidget(self.tabs)

        self.stack.addWidget(self.conferencePage)
        self.splitter.addWidget(self.stack)

        self.outerLayout.addWidget(self.splitter)

#if QT_CONFIG(shortcut)
        self.upcomingLabel.setBuddy(self.upcomingView)
        self.pastLabel.setBuddy(self.pastView)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.newButton, self.upcomingView)
        QWidget.setTabOrder(self.upcomingView, self.pastView)
        QWidget.setTabOrder(self.pastView, self.tabs)

        self.retranslateUi(ConferenceWorkspace)

        self.tabs.setCurrentIndex(0)

    # setupUi

    def retranslateUi(self, ConferenceWorkspace):
#if QT_CONFIG(accessibility)
        ConferenceWorkspace.setAccessibleName(QCoreApplication.translate("ConferenceWorkspace", u"Conferences", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.newButton.setToolTip(QCoreApplication.translate("ConferenceWorkspace", u"Create a conference a week after the latest (Ctrl+Shift+N)", None))
#endif // QT_CONFIG(tooltip)
        self.newButton.setText(QCoreApplication.translate("ConferenceWorkspace", u"&New conference", None))
        self.upcomingLabel.setText(QCoreApplication.translate("ConferenceWorkspace", u"Upcoming", None))
#if QT_CONFIG(accessibility)
        self.upcomingView.setAccessibleName(QCoreApplication.translate("ConferenceWorkspace", u"Upcoming conferences", None))
#endif // QT_CONFIG(accessibility)
        self.pastLabel.setText(QCoreApplication.translate("ConferenceWorkspace", u"Past", None))
#if QT_CONFIG(accessibility)
        self.pastView.setAccessibleName(QCoreApplication.translate("ConferenceWorkspace", u"Past conferences", None))
#endif // QT_CONFIG(accessibility)
        self.emptyLabel.setText(QCoreApplication.translate("ConferenceWorkspace", u"No conference is open. Choose one on the left, or create one with New conference (Ctrl+Shift+N).", None))
#if QT_CONFIG(accessibility)
        self.headingLabel.setAccessibleName(QCoreApplication.translate("ConferenceWorkspace", u"Open conference", None))
#endif // QT_CONFIG(accessibility)
        self.tabs.setTabText(self.tabs.indexOf(self.detailsTab), QCoreApplication.translate("ConferenceWorkspace", u"&Details and attendance", None))
        self.tabs.setTabText(self.tabs.indexOf(self.agendaTab), QCoreApplication.translate("ConferenceWorkspace", u"&Agenda", None))
        self.tabs.setTabText(self.tabs.indexOf(self.discussionTab), QCoreApplication.translate("ConferenceWorkspace", u"Disc&ussion", None))
    # retranslateUi

