# Generated from ui/conference_discipline.ui by `make forms` (pyside6-uic). Do not edit: edit the .ui file.
# -*- coding: utf-8 -*-


from PySide6.QtCore import (QCoreApplication)
from PySide6.QtWidgets import (QComboBox, QFrame, QGridLayout, QHBoxLayout, QLabel, QPlainTextEdit,
    QSizePolicy, QSpacerItem, QToolButton, QVBoxLayout, QWidget)

class Ui_DisciplinePanel(object):
    def setupUi(self, DisciplinePanel):
        if not DisciplinePanel.objectName():
            DisciplinePanel.setObjectName(u"DisciplinePanel")
        DisciplinePanel.resize(900, 220)
        DisciplinePanel.setFrameShape(QFrame.Shape.StyledPanel)
        self.panelLayout = QVBoxLayout(DisciplinePanel)
        self.panelLayout.setObjectName(u"panelLayout")
        self.headerRow = QHBoxLayout()
        self.headerRow.setObjectName(u"headerRow")
        self.titleLabel = QLabel(DisciplinePanel)
        self.titleLabel.setObjectName(u"titleLabel")

        self.headerRow.addWidget(self.titleLabel)

        self.shortcutLabel = QLabel(DisciplinePanel)
        self.shortcutLabel.setObjectName(u"shortcutLabel")

        self.headerRow.addWidget(self.shortcutLabel)

        self.headerSpacer = QSpacerItem(20, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.headerRow.addItem(self.headerSpacer)

        self.presenceLabel = QLabel(DisciplinePanel)
        self.presenceLabel.setObjectName(u"presenceLabel")

        self.headerRow.addWidget(self.presenceLabel)

        self.takeButton = QToolButton(DisciplinePanel)
        self.takeButton.setObjectName(u"takeButton")
        self.takeButton.setCheckable(True)
        self.takeButton.setVisible(False)

        self.headerRow.addWidget(self.takeButton)

        self.heardIcon = QLabel(DisciplinePanel)
        self.heardIcon.setObjectName(u"heardIcon")

        self.headerRow.addWidget(self.heardIcon)

        self.heardLabel = QLabel(DisciplinePanel)
        self.heardLabel.setObjectName(u"heardLabel")

        self.headerRow.addWidget(self.heardLabel)


        self.panelLayout.addLayout(self.headerRow)

        self.authorRow = QHBoxLayout()
        self.authorRow.setObjectName(u"authorRow")
        self.authorLabel = QLabel(DisciplinePanel)
        self.authorLabel.setObjectName(u"authorLabel")

        self.authorRow.addWidget(self.authorLabel)

        self.authorCombo = QComboBox(DisciplinePanel)
        self.authorCombo.setObjectName(u"authorCombo")
        self.authorCombo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)

        self.authorRow.addWidget(self.authorCombo)

        self.authorSpacer = QSpacerItem(20, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.authorRow.addItem(self.authorSpacer)

        self.savedLabel = QLabel(DisciplinePanel)
        self.savedLabel.setObjectName(u"savedLabel")
        self.savedLabel.setWordWrap(True)

        self.authorRow.addWidget(self.savedLabel)


        self.panelLayout.addLayout(self.authorRow)

        self.textGrid = QGridLayout()
        self.textGrid.setObjectName(u"textGrid")
        self.assessmentLabel = QLabel(DisciplinePanel)
        self.assessmentLabel.setObjectName(u"assessmentLabel")

        self.textGrid.addWidget(self.assessmentLabel, 0, 0, 1, 1)

        self.recommendationsLabel = QLabel(DisciplinePanel)
        self.recommendationsLabel.setObjectName(u"recommendationsLabel")

        self.textGrid.addWidget(self.recommendationsLabel, 0, 1, 1, 1)

        self.assessmentEdit = QPlainTextEdit(DisciplinePanel)
        self.assessmentEdit.setObjectName(u"assessmentEdit")
        self.assessmentEdit.setTabChangesFocus(True)

        self.textGrid.addWidget(self.assessmentEdit, 1, 0, 1, 1)

        self.recommendationsEdit = QPlainTextEdit(DisciplinePanel)
        self.recommendationsEdit.setObjectName(u"recommendationsEdit")
        self.recommendationsEdit.setTabChangesFocus(True)

        self.textGrid.addWidget(self.recommendationsEdit, 1, 1, 1, 1)


        self.panelLayout.addLayout(self.textGrid)

#if QT_CONFIG(shortcut)
        self.authorLabel.setBuddy(self.authorCombo)
        self.assessmentLabel.setBuddy(self.assessmentEdit)
        self.recommendationsLabel.setBuddy(self.recommendationsEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.authorCombo, self.assessmentEdit)
        QWidget.setTabOrder(self.assessmentEdit, self.recommendationsEdit)

        self.retranslateUi(DisciplinePanel)
    # setupUi

    def retranslateUi(self, DisciplinePanel):
#if QT_CONFIG(accessibility)
        self.titleLabel.setAccessibleName(QCoreApplication.translate("DisciplinePanel", u"Discipline", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.shortcutLabel.setAccessibleName(QCoreApplication.translate("DisciplinePanel", u"Shortcut to this panel", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.presenceLabel.setAccessibleName(QCoreApplication.translate("DisciplinePanel", u"Who is typing in this panel on another PC", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.takeButton.setAccessibleName(QCoreApplication.translate("DisciplinePanel", u"Type in this panel", None))
#endif // QT_CONFIG(accessibility)
        self.takeButton.setText(QCoreApplication.translate("DisciplinePanel", u"Type here", None))
#if QT_CONFIG(accessibility)
        self.heardIcon.setAccessibleName(QCoreApplication.translate("DisciplinePanel", u"Heard symbol", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.heardLabel.setAccessibleName(QCoreApplication.translate("DisciplinePanel", u"Whether this discipline has been heard", None))
#endif // QT_CONFIG(accessibility)
        self.authorLabel.setText(QCoreApplication.translate("DisciplinePanel", u"Author", None))
#if QT_CONFIG(accessibility)
        self.savedLabel.setAccessibleName(QCoreApplication.translate("DisciplinePanel", u"Save state", None))
#endif // QT_CONFIG(accessibility)
        self.assessmentLabel.setText(QCoreApplication.translate("DisciplinePanel", u"Assessment", None))
        self.recommendationsLabel.setText(QCoreApplication.translate("DisciplinePanel", u"Recommendations", None))
        pass
    # retranslateUi

