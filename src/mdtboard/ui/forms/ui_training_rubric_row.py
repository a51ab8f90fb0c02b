# Generated from ui/training_rubric_row.ui by `make forms` (pyside6-uic). Do not edit: edit the .ui file.
# -*- coding: utf-8 -*-


from PySide6.QtCore import (QCoreApplication, QSize, Qt)
from PySide6.QtWidgets import (QFrame, QGridLayout, QHBoxLayout, QLabel, QLineEdit, QWidget)

class Ui_RubricRow(object):
    def setupUi(self, RubricRow):
        if not RubricRow.objectName():
            RubricRow.setObjectName(u"RubricRow")
        RubricRow.resize(760, 140)
        RubricRow.setFrameShape(QFrame.Shape.StyledPanel)
        RubricRow.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.rowGrid = QGridLayout(RubricRow)
        self.rowGrid.setObjectName(u"rowGrid")
        self.rowGrid.setVerticalSpacing(2)
        self.titleLabel = QLabel(RubricRow)
        self.titleLabel.setObjectName(u"titleLabel")

        self.rowGrid.addWidget(self.titleLabel, 0, 0, 1, 1)

        self.scoreBoxes = QWidget(RubricRow)
        self.scoreBoxes.setObjectName(u"scoreBoxes")
        self.scoreLayout = QHBoxLayout(self.scoreBoxes)
        self.scoreLayout.setSpacing(2)
        self.scoreLayout.setObjectName(u"scoreLayout")
        self.scoreLayout.setContentsMargins(0, 0, 0, 0)
        self.score1 = QLabel(self.scoreBoxes)
        self.score1.setObjectName(u"score1")
        self.score1.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.score1.setMinimumSize(QSize(26, 22))

        self.scoreLayout.addWidget(self.score1)

        self.score2 = QLabel(self.scoreBoxes)
        self.score2.setObjectName(u"score2")
        self.score2.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.score2.setMinimumSize(QSize(26, 22))

        self.scoreLayout.addWidget(self.score2)

        self.score3 = QLabel(self.scoreBoxes)
        self.score3.setObjectName(u"score3")
        self.score3.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.score3.setMinimumSize(QSize(26, 22))

        self.scoreLayout.addWidget(self.score3)

        self.score4 = QLabel(self.scoreBoxes)
        self.score4.setObjectName(u"score4")
        self.score4.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.score4.setMinimumSize(QSize(26, 22))

        self.scoreLayout.addWidget(self.score4)

        self.score5 = QLabel(self.scoreBoxes)
        self.score5.setObjectName(u"score5")
        self.score5.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.score5.setMinimumSize(QSize(26, 22))

        self.scoreLayout.addWidget(self.score5)


        self.rowGrid.addWidget(self.scoreBoxes, 0, 1, 1, 1)

        self.anchorsLayout = QHBoxLayout()
        self.anchorsLayout.setObjectName(u"anchorsLayout")
        self.anchor1Label = QLabel(RubricRow)
        self.anchor1Label.setObjectName(u"anchor1Label")
        self.anchor1Label.setWordWrap(True)

        self.anchorsLayout.addWidget(self.anchor1Label)

        self.anchor3Label = QLabel(RubricRow)
        self.anchor3Label.setObjectName(u"anchor3Label")
        self.anchor3Label.setWordWrap(True)

        self.anchorsLayout.addWidget(self.anchor3Label)

        self.anchor5Label = QLabel(RubricRow)
        self.anchor5Label.setObjectName(u"anchor5Label")
        self.anchor5Label.setWordWrap(True)

        self.anchorsLayout.addWidget(self.anchor5Label)


        self.rowGrid.addLayout(self.anchorsLayout, 1, 0, 1, 2)

        self.commentEdit = QLineEdit(RubricRow)
        self.commentEdit.setObjectName(u"commentEdit")
        self.commentEdit.setFocusPolicy(Qt.FocusPolicy.ClickFocus)

        self.rowGrid.addWidget(self.commentEdit, 2, 0, 1, 2)

        self.commentError = QLabel(RubricRow)
        self.commentError.setObjectName(u"commentError")
        self.commentError.setWordWrap(True)

        self.rowGrid.addWidget(self.commentError, 3, 0, 1, 2)

        self.otherLabel = QLabel(RubricRow)
        self.otherLabel.setObjectName(u"otherLabel")
        self.otherLabel.setWordWrap(True)

        self.rowGrid.addWidget(self.otherLabel, 4, 0, 1, 2)


        self.retranslateUi(RubricRow)
    # setupUi

    def retranslateUi(self, RubricRow):
        self.titleLabel.setText(QCoreApplication.translate("RubricRow", u"Item", None))
#if QT_CONFIG(accessibility)
        self.titleLabel.setAccessibleName(QCoreApplication.translate("RubricRow", u"Item", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.scoreBoxes.setAccessibleName(QCoreApplication.translate("RubricRow", u"Score", None))
#endif // QT_CONFIG(accessibility)
        self.score1.setText(QCoreApplication.translate("RubricRow", u"1", None))
        self.score2.setText(QCoreApplication.translate("RubricRow", u"2", None))
        self.score3.setText(QCoreApplication.translate("RubricRow", u"3", None))
        self.score4.setText(QCoreApplication.translate("RubricRow", u"4", None))
        self.score5.setText(QCoreApplication.translate("RubricRow", u"5", None))
        self.anchor1Label.setText("")
#if QT_CONFIG(accessibility)
        self.anchor1Label.setAccessibleName(QCoreApplication.translate("RubricRow", u"What a 1 looks like", None))
#endif // QT_CONFIG(accessibility)
        self.anchor3Label.setText("")
#if QT_CONFIG(accessibility)
        self.anchor3Label.setAccessibleName(QCoreApplication.translate("RubricRow", u"What a 3 looks like", None))
#endif // QT_CONFIG(accessibility)
        self.anchor5Label.setText("")
#if QT_CONFIG(accessibility)
        self.anchor5Label.setAccessibleName(QCoreApplication.translate("RubricRow", u"What a 5 looks like", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.commentEdit.setAccessibleName(QCoreApplication.translate("RubricRow", u"Comment", None))
#endif // QT_CONFIG(accessibility)
        self.commentEdit.setPlaceholderText(QCoreApplication.translate("RubricRow", u"Comment: what was seen (Enter)", None))
        self.commentError.setText("")
        self.otherLabel.setText("")
#if QT_CONFIG(accessibility)
        self.otherLabel.setAccessibleName(QCoreApplication.translate("RubricRow", u"The other assessment", None))
#endif // QT_CONFIG(accessibility)
        pass
    # retranslateUi

