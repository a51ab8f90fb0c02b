# Generated from ui/careplan_signoff.ui by `make forms` (pyside6-uic). Do not edit: edit the .ui file.
# -*- coding: utf-8 -*-


from PySide6.QtCore import (QCoreApplication)
from PySide6.QtWidgets import (QFrame, QGridLayout, QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout)

class Ui_SignOffPanel(object):
    def setupUi(self, SignOffPanel):
        if not SignOffPanel.objectName():
            SignOffPanel.setObjectName(u"SignOffPanel")
        SignOffPanel.resize(380, 300)
        SignOffPanel.setFrameShape(QFrame.Shape.StyledPanel)
        self.panelLayout = QVBoxLayout(SignOffPanel)
        self.panelLayout.setObjectName(u"panelLayout")
        self.titleLabel = QLabel(SignOffPanel)
        self.titleLabel.setObjectName(u"titleLabel")

        self.panelLayout.addWidget(self.titleLabel)

        self.introLabel = QLabel(SignOffPanel)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.panelLayout.addWidget(self.introLabel)

        self.rowsGrid = QGridLayout()
        self.rowsGrid.setObjectName(u"rowsGrid")
        self.rowsGrid.setHorizontalSpacing(8)

        self.panelLayout.addLayout(self.rowsGrid)

        self.summaryRow = QHBoxLayout()
        self.summaryRow.setObjectName(u"summaryRow")
        self.summaryIcon = QLabel(SignOffPanel)
        self.summaryIcon.setObjectName(u"summaryIcon")

        self.summaryRow.addWidget(self.summaryIcon)

        self.summaryLabel = QLabel(SignOffPanel)
        self.summaryLabel.setObjectName(u"summaryLabel")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        sizePolicy.setHorizontalStretch(1)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.summaryLabel.sizePolicy().hasHeightForWidth())
        self.summaryLabel.setSizePolicy(sizePolicy)
        self.summaryLabel.setWordWrap(True)

        self.summaryRow.addWidget(self.summaryLabel)


        self.panelLayout.addLayout(self.summaryRow)


        self.retranslateUi(SignOffPanel)
    # setupUi

    def retranslateUi(self, SignOffPanel):
#if QT_CONFIG(accessibility)
        SignOffPanel.setAccessibleName(QCoreApplication.translate("SignOffPanel", u"Sign-off", None))
#endif // QT_CONFIG(accessibility)
        self.titleLabel.setText(QCoreApplication.translate("SignOffPanel", u"Sign-off", None))
        self.introLabel.setText(QCoreApplication.translate("SignOffPanel", u"Each discipline lead present signs: choose the person from the attendance list, then Sign (or Enter). Before the first signature a checklist shows what is still open. Once every discipline has signed, the plan is locked.", None))
#if QT_CONFIG(accessibility)
        self.summaryIcon.setAccessibleName(QCoreApplication.translate("SignOffPanel", u"Sign-off symbol", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.summaryLabel.setAccessibleName(QCoreApplication.translate("SignOffPanel", u"Who still has to sign", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

