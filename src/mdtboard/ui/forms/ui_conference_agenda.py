# Generated from ui/conference_agenda.ui by `make forms` (pyside6-uic). Do not edit: edit the .ui file.
# -*- coding: utf-8 -*-


from PySide6.QtCore import (QCoreApplication, QSize, Qt)
from PySide6.QtWidgets import (QAbstractItemView, QAbstractScrollArea, QFrame, QHBoxLayout, QLabel,
    QLineEdit, QListView, QPushButton, QScrollArea, QSizePolicy, QSpacerItem, QSplitter, QTableView,
    QVBoxLayout, QWidget)

class Ui_AgendaPanel(object):
    def setupUi(self, AgendaPanel):
        if not AgendaPanel.objectName():
            AgendaPanel.setObjectName(u"AgendaPanel")
        AgendaPanel.resize(1100, 640)
        self.panelLayout = QVBoxLayout(AgendaPanel)
        self.panelLayout.setObjectName(u"panelLayout")
        self.panelLayout.setContentsMargins(0, 0, 0, 0)
        self.splitter = QSplitter(AgendaPanel)
        self.splitter.setObjectName(u"splitter")
        self.splitter.setOrientation(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.pickerScroll = QScrollArea(self.splitter)
        self.pickerScroll.setObjectName(u"pickerScroll")
        self.pickerScroll.setFrameShape(QFrame.Shape.NoFrame)
        self.pickerScroll.setWidgetResizable(True)
        self.pickerContent = QWidget()
        self.pickerContent.setObjectName(u"pickerContent")
        self.pickerLayout = QVBoxLayout(self.pickerContent)
        self.pickerLayout.setObjectName(u"pickerLayout")
        self.searchLabel = QLabel(self.pickerContent)
        self.searchLabel.setObjectName(u"searchLabel")

        self.pickerLayout.addWidget(self.searchLabel)

        self.searchEdit = QLineEdit(self.pickerContent)
        self.searchEdit.setObjectName(u"searchEdit")
        self.searchEdit.setClearButtonEnabled(True)

        self.pickerLayout.addWidget(self.searchEdit)

        self.resultsView = QListView(self.pickerContent)
        self.resultsView.setObjectName(u"resultsView")
        self.resultsView.setMinimumSize(QSize(0, 120))
        self.resultsView.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.resultsView.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.resultsView.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.resultsView.setAlternatingRowColors(True)

        self.pickerLayout.addWidget(self.resultsView)

        self.addButton = QPushButton(self.pickerContent)
        self.addButton.setObjectName(u"addButton")

        self.pickerLayout.addWidget(self.addButton)

        self.deferredFrame = QFrame(self.pickerContent)
        self.deferredFrame.setObjectName(u"deferredFrame")
        self.deferredFrame.setFrameShape(QFrame.Shape.StyledPanel)
        self.deferredLayout = QVBoxLayout(self.deferredFrame)
        self.deferredLayout.setObjectName(u"deferredLayout")
        self.deferredHeader = QHBoxLayout()
        self.deferredHeader.setObjectName(u"deferredHeader")
        self.deferredIcon = QLabel(self.deferredFrame)
        self.deferredIcon.setObjectName(u"deferredIcon")

        self.deferredHeader.addWidget(self.deferredIcon)

        self.deferredLabel = QLabel(self.deferredFrame)
        self.deferredLabel.setObjectName(u"deferredLabel")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        sizePolicy.setHorizontalStretch(1)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.deferredLabel.sizePolicy().hasHeightForWidth())
        self.deferredLabel.setSizePolicy(sizePolicy)
        self.deferredLabel.setWordWrap(True)

        self.deferredHeader.addWidget(self.deferredLabel)


        self.deferredLayout.addLayout(self.deferredHeader)

        self.deferredView = QListView(self.deferredFrame)
        self.deferredView.setObjectName(u"deferredView")
        self.deferredView.setMinimumSize(QSize(0, 60))
        sizePolicy1 = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Maximum)
        sizePolicy1.setHorizontalStretch(0)
        sizePolicy1.setVerticalStretch(0)
        sizePolicy1.setHeightForWidth(self.deferredView.sizePolicy().hasHeightForWidth())
        self.deferredView.setSizePolicy(sizePolicy1)
        self.deferredView.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.deferredView.setSizeAdjustPolicy(QAbstractScrollArea.SizeAdjustPolicy.AdjustToContents)
        self.deferredView.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.deferredView.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)

        self.deferredLayout.addWidget(self.deferredView)

        self.addDeferredButton = QPushButton(self.deferredFrame)
        self.addDeferredButton.setObjectName(u"addDeferredButton")

        self.deferredLayout.addWidget(self.addDeferredButton)


        self.pickerLayout.addWidget(self.deferredFrame)

        self.pickerSpacer = QSpacerItem(20, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.pickerLayout.addItem(self.pickerSpacer)

        self.pickerScroll.setWidget(self.pickerContent)
        self.splitter.addWidget(self.pickerScroll)
        self.agendaColumn = QWidget(self.splitter)
        self.agendaColumn.setObjectName(u"agendaColumn")
        self.agendaLayout = QVBoxLayout(self.agendaColumn)
        self.agendaLayout.setObjectName(u"agendaLayout")
        self.agendaLayout.setContentsMargins(0, 0, 0, 0)
        self.summaryLabel = QLabel(self.agendaColumn)
        self.summaryLabel.setObjectName(u"summaryLabel")
        self.summaryLabel.setWordWrap(True)

        self.agendaLayout.addWidget(self.summaryLabel)

        self.agendaView = QTableView(self.agendaColumn)
        self.agendaView.setObjectName(u"agendaView")
        self.agendaView.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked|QAbstractItemView.EditTrigger.EditKeyPressed)
        self.agendaView.setDragEnabled(True)
        self.agendaView.setDragDropOverwriteMode(False)
        self.agendaView.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.agendaView.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.agendaView.setAlternatingRowColors(True)
        self.agendaView.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.agendaView.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.agendaView.setWordWrap(False)

        self.agendaLayout.addWidget(self.agendaView)

        self.buttonRow = QHBoxLayout()
        self.buttonRow.setObjectName(u"buttonRow")
        self.upButton = QPushButton(self.agendaColumn)
        self.upButton.setObjectName(u"upButton")

        self.buttonRow.addWidget(self.upButton)

        self.downButton = QPushButton(self.agendaColumn)
        self.downButton.setObjectName(u"downButton")

        self.buttonRow.addWidget(self.downButton)

        self.removeButton = QPushButton(self.agendaColumn)
        self.removeButton.setObjectName(u"removeButton")

        self.buttonRow.addWidget(self.removeButton)

        self.buttonSpacer = QSpacerItem(20, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonRow.addItem(self.buttonSpacer)

        self.openCaseButton = QPushButton(self.agendaColumn)
        self.openCaseButton.setObjectName(u"openCaseButton")

        self.buttonRow.addWidget(self.openCaseButton)

        self.discussButton = QPushButton(self.agendaColumn)
        self.discussButton.setObjectName(u"discussButton")

        self.buttonRow.addWidget(self.discussButton)


        self.agendaLayout.addLayout(self.buttonRow)

        self.splitter.addWidget(self.agendaColumn)

        self.panelLayout.addWidget(self.splitter)

#if QT_CONFIG(shortcut)
        self.searchLabel.setBuddy(self.searchEdit)
        self.deferredLabel.setBuddy(self.deferredView)
        self.summaryLabel.setBuddy(self.agendaView)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.searchEdit, self.resultsView)
        QWidget.setTabOrder(self.resultsView, self.addButton)
        QWidget.setTabOrder(self.addButton, self.deferredView)
        QWidget.setTabOrder(self.deferredView, self.addDeferredButton)
        QWidget.setTabOrder(self.addDeferredButton, self.agendaView)
        QWidget.setTabOrder(self.agendaView, self.upButton)
        QWidget.setTabOrder(self.upButton, self.downButton)
        QWidget.setTabOrder(self.downButton, self.removeButton)
        QWidget.setTabOrder(self.removeButton, self.openCaseButton)
        QWidget.setTabOrder(self.openCaseButton, self.discussButton)

        self.retranslateUi(AgendaPanel)
    # setupUi

    def retranslateUi(self, AgendaPanel):
#if QT_CONFIG(accessibility)
        AgendaPanel.setAccessibleName(QCoreApplication.translate("AgendaPanel", u"Agenda", None))
#endif // QT_CONFIG(accessibility)
        self.searchLabel.setText(QCoreApplication.translate("AgendaPanel", u"&Search the case library", None))
#if QT_CONFIG(accessibility)
        self.searchEdit.setAccessibleName(QCoreApplication.translate("AgendaPanel", u"Search the case library", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.searchEdit.setToolTip(QCoreApplication.translate("AgendaPanel", u"Type part of a name, title or reference; Down moves into the results, Enter adds the selected case.", None))
#endif // QT_CONFIG(tooltip)
        self.searchEdit.setPlaceholderText(QCoreApplication.translate("AgendaPanel", u"Name, title or reference", None))
#if QT_CONFIG(accessibility)
        self.resultsView.setAccessibleName(QCoreApplication.translate("AgendaPanel", u"Matching cases", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.addButton.setToolTip(QCoreApplication.translate("AgendaPanel", u"Put the selected case on the agenda (Enter in the search field or the list)", None))
#endif // QT_CONFIG(tooltip)
        self.addButton.setText(QCoreApplication.translate("AgendaPanel", u"Add to a&genda", None))
#if QT_CONFIG(accessibility)
        self.deferredIcon.setAccessibleName(QCoreApplication.translate("AgendaPanel", u"Deferred symbol", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.deferredView.setAccessibleName(QCoreApplication.translate("AgendaPanel", u"Cases deferred at earlier conferences", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.addDeferredButton.setToolTip(QCoreApplication.translate("AgendaPanel", u"Put every deferred case listed here on this conference's agenda", None))
#endif // QT_CONFIG(tooltip)
        self.addDeferredButton.setText(QCoreApplication.translate("AgendaPanel", u"Add all deferred cases", None))
#if QT_CONFIG(accessibility)
        self.summaryLabel.setAccessibleName(QCoreApplication.translate("AgendaPanel", u"Agenda summary", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.agendaView.setAccessibleName(QCoreApplication.translate("AgendaPanel", u"Agenda, in order", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.agendaView.setToolTip(QCoreApplication.translate("AgendaPanel", u"Drag a row, or press Ctrl+Shift+Up / Ctrl+Shift+Down, to reorder. F2 edits the minutes. Delete removes the case. Enter opens it for discussion.", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(tooltip)
        self.upButton.setToolTip(QCoreApplication.translate("AgendaPanel", u"Move the selected case up (Ctrl+Shift+Up)", None))
#endif // QT_CONFIG(tooltip)
        self.upButton.setText(QCoreApplication.translate("AgendaPanel", u"Move up", None))
#if QT_CONFIG(tooltip)
        self.downButton.setToolTip(QCoreApplication.translate("AgendaPanel", u"Move the selected case down (Ctrl+Shift+Down)", None))
#endif // QT_CONFIG(tooltip)
        self.downButton.setText(QCoreApplication.translate("AgendaPanel", u"Move down", None))
#if QT_CONFIG(tooltip)
        self.removeButton.setToolTip(QCoreApplication.translate("AgendaPanel", u"Take the selected case off the agenda (Delete); Ctrl+Z puts it back", None))
#endif // QT_CONFIG(tooltip)
        self.removeButton.setText(QCoreApplication.translate("AgendaPanel", u"Remove", None))
#if QT_CONFIG(tooltip)
        self.openCaseButton.setToolTip(QCoreApplication.translate("AgendaPanel", u"Open the selected case in the case editor (Ctrl+Shift+O)", None))
#endif // QT_CONFIG(tooltip)
        self.openCaseButton.setText(QCoreApplication.translate("AgendaPanel", u"Open case", None))
#if QT_CONFIG(tooltip)
        self.discussButton.setToolTip(QCoreApplication.translate("AgendaPanel", u"Discuss the selected case now (Enter)", None))
#endif // QT_CONFIG(tooltip)
        self.discussButton.setText(QCoreApplication.translate("AgendaPanel", u"Discuss", None))
    # retranslateUi

