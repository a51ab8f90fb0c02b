# Generated from ui/conference_attendance.ui by `make forms` (pyside6-uic). Do not edit: edit the .ui file.
# -*- coding: utf-8 -*-


from PySide6.QtCore import (QCoreApplication, QSize)
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QGridLayout, QHBoxLayout, QLabel,
    QLineEdit, QPushButton, QSizePolicy, QSpacerItem, QTableView, QVBoxLayout, QWidget)

class Ui_AttendancePanel(object):
    def setupUi(self, AttendancePanel):
        if not AttendancePanel.objectName():
            AttendancePanel.setObjectName(u"AttendancePanel")
        AttendancePanel.resize(560, 420)
        self.attendanceLayout = QVBoxLayout(AttendancePanel)
        self.attendanceLayout.setObjectName(u"attendanceLayout")
        self.attendanceLayout.setContentsMargins(0, 0, 0, 0)
        self.heading = QLabel(AttendancePanel)
        self.heading.setObjectName(u"heading")

        self.attendanceLayout.addWidget(self.heading)

        self.quorumRow = QHBoxLayout()
        self.quorumRow.setObjectName(u"quorumRow")
        self.quorumIcon = QLabel(AttendancePanel)
        self.quorumIcon.setObjectName(u"quorumIcon")

        self.quorumRow.addWidget(self.quorumIcon)

        self.quorumLabel = QLabel(AttendancePanel)
        self.quorumLabel.setObjectName(u"quorumLabel")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        sizePolicy.setHorizontalStretch(1)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.quorumLabel.sizePolicy().hasHeightForWidth())
        self.quorumLabel.setSizePolicy(sizePolicy)
        self.quorumLabel.setWordWrap(True)

        self.quorumRow.addWidget(self.quorumLabel)


        self.attendanceLayout.addLayout(self.quorumRow)

        self.attendeeView = QTableView(AttendancePanel)
        self.attendeeView.setObjectName(u"attendeeView")
        self.attendeeView.setMinimumSize(QSize(0, 160))
        self.attendeeView.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked|QAbstractItemView.EditTrigger.EditKeyPressed)
        self.attendeeView.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.attendeeView.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.attendeeView.verticalHeader().setVisible(False)

        self.attendanceLayout.addWidget(self.attendeeView)

        self.addGrid = QGridLayout()
        self.addGrid.setObjectName(u"addGrid")
        self.nameLabel = QLabel(AttendancePanel)
        self.nameLabel.setObjectName(u"nameLabel")

        self.addGrid.addWidget(self.nameLabel, 0, 0, 1, 1)

        self.disciplineLabel = QLabel(AttendancePanel)
        self.disciplineLabel.setObjectName(u"disciplineLabel")

        self.addGrid.addWidget(self.disciplineLabel, 0, 1, 1, 1)

        self.roleLabel = QLabel(AttendancePanel)
        self.roleLabel.setObjectName(u"roleLabel")

        self.addGrid.addWidget(self.roleLabel, 0, 2, 1, 1)

        self.nameEdit = QLineEdit(AttendancePanel)
        self.nameEdit.setObjectName(u"nameEdit")
        sizePolicy1 = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        sizePolicy1.setHorizontalStretch(2)
        sizePolicy1.setVerticalStretch(0)
        sizePolicy1.setHeightForWidth(self.nameEdit.sizePolicy().hasHeightForWidth())
        self.nameEdit.setSizePolicy(sizePolicy1)
        self.nameEdit.setMaxLength(200)

        self.addGrid.addWidget(self.nameEdit, 1, 0, 1, 1)

        self.disciplineCombo = QComboBox(AttendancePanel)
        self.disciplineCombo.setObjectName(u"disciplineCombo")

        self.addGrid.addWidget(self.disciplineCombo, 1, 1, 1, 1)

        self.roleCombo = QComboBox(AttendancePanel)
        self.roleCombo.setObjectName(u"roleCombo")

        self.addGrid.addWidget(self.roleCombo, 1, 2, 1, 1)

        self.addButton = QPushButton(AttendancePanel)
        self.addButton.setObjectName(u"addButton")

        self.addGrid.addWidget(self.addButton, 1, 3, 1, 1)


        self.attendanceLayout.addLayout(self.addGrid)

        self.removeRow = QHBoxLayout()
        self.removeRow.setObjectName(u"removeRow")
        self.removeButton = QPushButton(AttendancePanel)
        self.removeButton.setObjectName(u"removeButton")

        self.removeRow.addWidget(self.removeButton)

        self.removeSpacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.removeRow.addItem(self.removeSpacer)


        self.attendanceLayout.addLayout(self.removeRow)

#if QT_CONFIG(shortcut)
        self.nameLabel.setBuddy(self.nameEdit)
        self.disciplineLabel.setBuddy(self.disciplineCombo)
        self.roleLabel.setBuddy(self.roleCombo)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.attendeeView, self.nameEdit)
        QWidget.setTabOrder(self.nameEdit, self.disciplineCombo)
        QWidget.setTabOrder(self.disciplineCombo, self.roleCombo)
        QWidget.setTabOrder(self.roleCombo, self.addButton)
        QWidget.setTabOrder(self.addButton, self.removeButton)

        self.retranslateUi(AttendancePanel)
    # setupUi

    def retranslateUi(self, AttendancePanel):
#if QT_CONFIG(accessibility)
        AttendancePanel.setAccessibleName(QCoreApplication.translate("AttendancePanel", u"Attendance", None))
#endif // QT_CONFIG(accessibility)
        self.heading.setText(QCoreApplication.translate("AttendancePanel", u"<b>Attendance</b>", None))
#if QT_CONFIG(accessibility)
        self.quorumIcon.setAccessibleName(QCoreApplication.translate("AttendancePanel", u"Quorum symbol", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.quorumLabel.setAccessibleName(QCoreApplication.translate("AttendancePanel", u"Quorum", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.attendeeView.setAccessibleName(QCoreApplication.translate("AttendancePanel", u"People present", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.attendeeView.setToolTip(QCoreApplication.translate("AttendancePanel", u"F2 changes a cell; Delete removes the selected person.", None))
#endif // QT_CONFIG(tooltip)
        self.nameLabel.setText(QCoreApplication.translate("AttendancePanel", u"Na&me", None))
        self.disciplineLabel.setText(QCoreApplication.translate("AttendancePanel", u"Di&scipline", None))
        self.roleLabel.setText(QCoreApplication.translate("AttendancePanel", u"Role", None))
#if QT_CONFIG(accessibility)
        self.nameEdit.setAccessibleName(QCoreApplication.translate("AttendancePanel", u"Name of the person to add", None))
#endif // QT_CONFIG(accessibility)
        self.nameEdit.setPlaceholderText(QCoreApplication.translate("AttendancePanel", u"Name; Enter adds the person", None))
#if QT_CONFIG(accessibility)
        self.disciplineCombo.setAccessibleName(QCoreApplication.translate("AttendancePanel", u"Discipline of the person to add", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.roleCombo.setAccessibleName(QCoreApplication.translate("AttendancePanel", u"Role of the person to add", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.addButton.setToolTip(QCoreApplication.translate("AttendancePanel", u"Add this person to the attendance (Enter in the name, discipline or role field)", None))
#endif // QT_CONFIG(tooltip)
        self.addButton.setText(QCoreApplication.translate("AttendancePanel", u"Add", None))
#if QT_CONFIG(tooltip)
        self.removeButton.setToolTip(QCoreApplication.translate("AttendancePanel", u"Remove the selected person (Delete); Ctrl+Z puts them back", None))
#endif // QT_CONFIG(tooltip)
        self.removeButton.setText(QCoreApplication.translate("AttendancePanel", u"Remove selected", None))
    # retranslateUi

