# Generated from ui/careplan_follow_ups.ui by `make forms` (pyside6-uic). Do not edit: edit the .ui file.
# -*- coding: utf-8 -*-


from PySide6.QtCore import (QCoreApplication, QSize)
from PySide6.QtWidgets import (QAbstractItemView, QFrame, QHBoxLayout, QLabel, QListView,
    QPushButton, QSizePolicy, QVBoxLayout, QWidget)

class Ui_FollowUpsPanel(object):
    def setupUi(self, FollowUpsPanel):
        if not FollowUpsPanel.objectName():
            FollowUpsPanel.setObjectName(u"FollowUpsPanel")
        FollowUpsPanel.resize(360, 260)
        FollowUpsPanel.setFrameShape(QFrame.Shape.StyledPanel)
        self.panelLayout = QVBoxLayout(FollowUpsPanel)
        self.panelLayout.setObjectName(u"panelLayout")
        self.headerRow = QHBoxLayout()
        self.headerRow.setObjectName(u"headerRow")
        self.followUpIcon = QLabel(FollowUpsPanel)
        self.followUpIcon.setObjectName(u"followUpIcon")

        self.headerRow.addWidget(self.followUpIcon)

        self.followUpLabel = QLabel(FollowUpsPanel)
        self.followUpLabel.setObjectName(u"followUpLabel")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        sizePolicy.setHorizontalStretch(1)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.followUpLabel.sizePolicy().hasHeightForWidth())
        self.followUpLabel.setSizePolicy(sizePolicy)
        self.followUpLabel.setWordWrap(True)

        self.headerRow.addWidget(self.followUpLabel)


        self.panelLayout.addLayout(self.headerRow)

        self.followUpView = QListView(FollowUpsPanel)
        self.followUpView.setObjectName(u"followUpView")
        self.followUpView.setMinimumSize(QSize(0, 80))
        self.followUpView.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.followUpView.setWordWrap(True)

        self.panelLayout.addWidget(self.followUpView)

        self.addButton = QPushButton(FollowUpsPanel)
        self.addButton.setObjectName(u"addButton")

        self.panelLayout.addWidget(self.addButton)

#if QT_CONFIG(shortcut)
        self.followUpLabel.setBuddy(self.followUpView)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.followUpView, self.addButton)

        self.retranslateUi(FollowUpsPanel)
    # setupUi

    def retranslateUi(self, FollowUpsPanel):
#if QT_CONFIG(accessibility)
        FollowUpsPanel.setAccessibleName(QCoreApplication.translate("FollowUpsPanel", u"Follow-ups", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.followUpIcon.setAccessibleName(QCoreApplication.translate("FollowUpsPanel", u"Follow-up symbol", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.followUpView.setAccessibleName(QCoreApplication.translate("FollowUpsPanel", u"Open actions of agreed care plans due by this conference", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.addButton.setToolTip(QCoreApplication.translate("FollowUpsPanel", u"Put the cases of these follow-ups on this conference's agenda (Ctrl+Z takes them off again)", None))
#endif // QT_CONFIG(tooltip)
        self.addButton.setText(QCoreApplication.translate("FollowUpsPanel", u"Add their cases to the agenda", None))
    # retranslateUi

