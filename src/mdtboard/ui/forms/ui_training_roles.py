# Generated from ui/training_roles.ui by `make forms` (pyside6-uic). Do not edit: edit the .ui file.
# -*- coding: utf-8 -*-


from PySide6.QtCore import (QCoreApplication)
from PySide6.QtWidgets import (QComboBox, QGridLayout, QGroupBox, QLabel, QLineEdit, QListWidget,
    QSizePolicy, QTextBrowser, QVBoxLayout, QWidget)

class Ui_TrainingRoles(object):
    def setupUi(self, TrainingRoles):
        if not TrainingRoles.objectName():
            TrainingRoles.setObjectName(u"TrainingRoles")
        TrainingRoles.resize(800, 700)
        self.rolesLayout = QVBoxLayout(TrainingRoles)
        self.rolesLayout.setObjectName(u"rolesLayout")
        self.caseHeading = QLabel(TrainingRoles)
        self.caseHeading.setObjectName(u"caseHeading")
        self.caseHeading.setWordWrap(True)

        self.rolesLayout.addWidget(self.caseHeading)

        self.partsGroup = QGroupBox(TrainingRoles)
        self.partsGroup.setObjectName(u"partsGroup")
        self.partsGrid = QGridLayout(self.partsGroup)
        self.partsGrid.setObjectName(u"partsGrid")
        self.presenterLabel = QLabel(self.partsGroup)
        self.presenterLabel.setObjectName(u"presenterLabel")

        self.partsGrid.addWidget(self.presenterLabel, 0, 0, 1, 1)

        self.presenterCombo = QComboBox(self.partsGroup)
        self.presenterCombo.setObjectName(u"presenterCombo")

        self.partsGrid.addWidget(self.presenterCombo, 0, 1, 1, 1)


        self.rolesLayout.addWidget(self.partsGroup)

        self.readinessGroup = QGroupBox(TrainingRoles)
        self.readinessGroup.setObjectName(u"readinessGroup")
        self.readinessLayout = QVBoxLayout(self.readinessGroup)
        self.readinessLayout.setObjectName(u"readinessLayout")
        self.readinessSummary = QLabel(self.readinessGroup)
        self.readinessSummary.setObjectName(u"readinessSummary")
        self.readinessSummary.setWordWrap(True)

        self.readinessLayout.addWidget(self.readinessSummary)

        self.readinessList = QListWidget(self.readinessGroup)
        self.readinessList.setObjectName(u"readinessList")
        self.readinessList.setWordWrap(True)
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        sizePolicy.setHorizontalStretch(0)
        sizePolicy.setVerticalStretch(1)
        sizePolicy.setHeightForWidth(self.readinessList.sizePolicy().hasHeightForWidth())
        self.readinessList.setSizePolicy(sizePolicy)

        self.readinessLayout.addWidget(self.readinessList)


        self.rolesLayout.addWidget(self.readinessGroup)

        self.preparationGroup = QGroupBox(TrainingRoles)
        self.preparationGroup.setObjectName(u"preparationGroup")
        self.preparationLayout = QVBoxLayout(self.preparationGroup)
        self.preparationLayout.setObjectName(u"preparationLayout")
        self.withheldLabel = QLabel(self.preparationGroup)
        self.withheldLabel.setObjectName(u"withheldLabel")
        self.withheldLabel.setWordWrap(True)

        self.preparationLayout.addWidget(self.withheldLabel)

        self.preparationText = QTextBrowser(self.preparationGroup)
        self.preparationText.setObjectName(u"preparationText")

        self.preparationLayout.addWidget(self.preparationText)


        self.rolesLayout.addWidget(self.preparationGroup)

        self.timingGroup = QGroupBox(TrainingRoles)
        self.timingGroup.setObjectName(u"timingGroup")
        self.timingGrid = QGridLayout(self.timingGroup)
        self.timingGrid.setObjectName(u"timingGrid")
        self.presentationLabel = QLabel(self.timingGroup)
        self.presentationLabel.setObjectName(u"presentationLabel")

        self.timingGrid.addWidget(self.presentationLabel, 0, 0, 1, 1)

        self.presentationEdit = QLineEdit(self.timingGroup)
        self.presentationEdit.setObjectName(u"presentationEdit")

        self.timingGrid.addWidget(self.presentationEdit, 0, 1, 1, 1)

        self.targetLabel = QLabel(self.timingGroup)
        self.targetLabel.setObjectName(u"targetLabel")

        self.timingGrid.addWidget(self.targetLabel, 0, 2, 1, 1)

        self.targetEdit = QLineEdit(self.timingGroup)
        self.targetEdit.setObjectName(u"targetEdit")

        self.timingGrid.addWidget(self.targetEdit, 0, 3, 1, 1)

        self.discussionLabel = QLabel(self.timingGroup)
        self.discussionLabel.setObjectName(u"discussionLabel")

        self.timingGrid.addWidget(self.discussionLabel, 1, 0, 1, 4)

        self.discussionContainer = QWidget(self.timingGroup)
        self.discussionContainer.setObjectName(u"discussionContainer")
        self.discussionGrid = QGridLayout(self.discussionContainer)
        self.discussionGrid.setObjectName(u"discussionGrid")
        self.discussionGrid.setContentsMargins(0, 0, 0, 0)

        self.timingGrid.addWidget(self.discussionContainer, 2, 0, 1, 4)

        self.timingError = QLabel(self.timingGroup)
        self.timingError.setObjectName(u"timingError")
        self.timingError.setWordWrap(True)

        self.timingGrid.addWidget(self.timingError, 3, 0, 1, 4)


        self.rolesLayout.addWidget(self.timingGroup)

#if QT_CONFIG(shortcut)
        self.presenterLabel.setBuddy(self.presenterCombo)
        self.presentationLabel.setBuddy(self.presentationEdit)
        self.targetLabel.setBuddy(self.targetEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.presenterCombo, self.readinessList)
        QWidget.setTabOrder(self.readinessList, self.presentationEdit)
        QWidget.setTabOrder(self.presentationEdit, self.targetEdit)

        self.retranslateUi(TrainingRoles)
    # setupUi

    def retranslateUi(self, TrainingRoles):
#if QT_CONFIG(accessibility)
        TrainingRoles.setAccessibleName(QCoreApplication.translate("TrainingRoles", u"Roles and readiness", None))
#endif // QT_CONFIG(accessibility)
        self.caseHeading.setText(QCoreApplication.translate("TrainingRoles", u"No case chosen", None))
#if QT_CONFIG(accessibility)
        self.caseHeading.setAccessibleName(QCoreApplication.translate("TrainingRoles", u"Case", None))
#endif // QT_CONFIG(accessibility)
        self.partsGroup.setTitle(QCoreApplication.translate("TrainingRoles", u"Parts in this case", None))
        self.presenterLabel.setText(QCoreApplication.translate("TrainingRoles", u"Pr&esents the case:", None))
#if QT_CONFIG(accessibility)
        self.presenterCombo.setAccessibleName(QCoreApplication.translate("TrainingRoles", u"Presenter", None))
#endif // QT_CONFIG(accessibility)
        self.readinessGroup.setTitle(QCoreApplication.translate("TrainingRoles", u"Readiness check (ISBAR) for the presenter", None))
        self.readinessSummary.setText("")
#if QT_CONFIG(accessibility)
        self.readinessSummary.setAccessibleName(QCoreApplication.translate("TrainingRoles", u"Readiness", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.readinessList.setAccessibleName(QCoreApplication.translate("TrainingRoles", u"What is missing or thin", None))
#endif // QT_CONFIG(accessibility)
        self.preparationGroup.setTitle(QCoreApplication.translate("TrainingRoles", u"What trainees see while preparing", None))
        self.withheldLabel.setText("")
#if QT_CONFIG(accessibility)
        self.withheldLabel.setAccessibleName(QCoreApplication.translate("TrainingRoles", u"What is kept for the debrief", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.preparationText.setAccessibleName(QCoreApplication.translate("TrainingRoles", u"The case as trainees see it while preparing", None))
#endif // QT_CONFIG(accessibility)
        self.timingGroup.setTitle(QCoreApplication.translate("TrainingRoles", u"Timing (minutes:seconds)", None))
        self.presentationLabel.setText(QCoreApplication.translate("TrainingRoles", u"Presentation lengt&h:", None))
#if QT_CONFIG(accessibility)
        self.presentationEdit.setAccessibleName(QCoreApplication.translate("TrainingRoles", u"Presentation length", None))
#endif // QT_CONFIG(accessibility)
        self.presentationEdit.setPlaceholderText(QCoreApplication.translate("TrainingRoles", u"m:ss", None))
        self.targetLabel.setText(QCoreApplication.translate("TrainingRoles", u"&Target:", None))
#if QT_CONFIG(accessibility)
        self.targetEdit.setAccessibleName(QCoreApplication.translate("TrainingRoles", u"Presentation target", None))
#endif // QT_CONFIG(accessibility)
        self.targetEdit.setPlaceholderText(QCoreApplication.translate("TrainingRoles", u"m:ss", None))
        self.discussionLabel.setText(QCoreApplication.translate("TrainingRoles", u"Speaking time per discipline in the discussion:", None))
        self.timingError.setText("")
    # retranslateUi

