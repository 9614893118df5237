# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'proposal_form.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDialog,
    QDialogButtonBox, QFormLayout, QLabel, QLineEdit,
    QPlainTextEdit, QSizePolicy, QTabWidget, QVBoxLayout,
    QWidget)

from studio_desk.ui.date_field import DateField
from studio_desk.ui.widgets import (AuthorList, FollowUpTable, ItemsTable, MemberPicker,
    MoneyEdit, StatusFlow)

class Ui_ProposalDialog(object):
    def setupUi(self, ProposalDialog):
        if not ProposalDialog.objectName():
            ProposalDialog.setObjectName(u"ProposalDialog")
        ProposalDialog.resize(680, 600)
        self.main = QVBoxLayout(ProposalDialog)
        self.main.setObjectName(u"main")
        self.error_summary = QLabel(ProposalDialog)
        self.error_summary.setObjectName(u"error_summary")
        self.error_summary.setWordWrap(True)
        self.error_summary.setProperty(u"error", True)

        self.main.addWidget(self.error_summary)

        self.tabs = QTabWidget(ProposalDialog)
        self.tabs.setObjectName(u"tabs")
        self.page0 = QWidget()
        self.page0.setObjectName(u"page0")
        self.form0 = QFormLayout(self.page0)
        self.form0.setObjectName(u"form0")
        self.form0.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form0.setLabelAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignTop)
        self.l_category = QLabel(self.page0)
        self.l_category.setObjectName(u"l_category")

        self.form0.setWidget(0, QFormLayout.ItemRole.LabelRole, self.l_category)

        self.row_category = QWidget(self.page0)
        self.row_category.setObjectName(u"row_category")
        self.lay_category = QVBoxLayout(self.row_category)
        self.lay_category.setSpacing(2)
        self.lay_category.setObjectName(u"lay_category")
        self.lay_category.setContentsMargins(0, 0, 0, 0)
        self.f_category = QComboBox(self.row_category)
        self.f_category.setObjectName(u"f_category")

        self.lay_category.addWidget(self.f_category)

        self.err_category = QLabel(self.row_category)
        self.err_category.setObjectName(u"err_category")
        self.err_category.setWordWrap(True)
        self.err_category.setProperty(u"error", True)

        self.lay_category.addWidget(self.err_category)


        self.form0.setWidget(0, QFormLayout.ItemRole.FieldRole, self.row_category)

        self.l_title = QLabel(self.page0)
        self.l_title.setObjectName(u"l_title")

        self.form0.setWidget(1, QFormLayout.ItemRole.LabelRole, self.l_title)

        self.row_title = QWidget(self.page0)
        self.row_title.setObjectName(u"row_title")
        self.lay_title = QVBoxLayout(self.row_title)
        self.lay_title.setSpacing(2)
        self.lay_title.setObjectName(u"lay_title")
        self.lay_title.setContentsMargins(0, 0, 0, 0)
        self.f_title = QLineEdit(self.row_title)
        self.f_title.setObjectName(u"f_title")
        self.f_title.setMaxLength(200)

        self.lay_title.addWidget(self.f_title)

        self.err_title = QLabel(self.row_title)
        self.err_title.setObjectName(u"err_title")
        self.err_title.setWordWrap(True)
        self.err_title.setProperty(u"error", True)

        self.lay_title.addWidget(self.err_title)


        self.form0.setWidget(1, QFormLayout.ItemRole.FieldRole, self.row_title)

        self.l_authors = QLabel(self.page0)
        self.l_authors.setObjectName(u"l_authors")

        self.form0.setWidget(2, QFormLayout.ItemRole.LabelRole, self.l_authors)

        self.row_authors = QWidget(self.page0)
        self.row_authors.setObjectName(u"row_authors")
        self.lay_authors = QVBoxLayout(self.row_authors)
        self.lay_authors.setSpacing(2)
        self.lay_authors.setObjectName(u"lay_authors")
        self.lay_authors.setContentsMargins(0, 0, 0, 0)
        self.f_authors = AuthorList(self.row_authors)
        self.f_authors.setObjectName(u"f_authors")

        self.lay_authors.addWidget(self.f_authors)

        self.err_authors = QLabel(self.row_authors)
        self.err_authors.setObjectName(u"err_authors")
        self.err_authors.setWordWrap(True)
        self.err_authors.setProperty(u"error", True)

        self.lay_authors.addWidget(self.err_authors)


        self.form0.setWidget(2, QFormLayout.ItemRole.FieldRole, self.row_authors)

        self.l_submitted_on = QLabel(self.page0)
        self.l_submitted_on.setObjectName(u"l_submitted_on")

        self.form0.setWidget(3, QFormLayout.ItemRole.LabelRole, self.l_submitted_on)

        self.row_submitted_on = QWidget(self.page0)
        self.row_submitted_on.setObjectName(u"row_submitted_on")
        self.lay_submitted_on = QVBoxLayout(self.row_submitted_on)
        self.lay_submitted_on.setSpacing(2)
        self.lay_submitted_on.setObjectName(u"lay_submitted_on")
        self.lay_submitted_on.setContentsMargins(0, 0, 0, 0)
        self.f_submitted_on = DateField(self.row_submitted_on)
        self.f_submitted_on.setObjectName(u"f_submitted_on")

        self.lay_submitted_on.addWidget(self.f_submitted_on)

        self.err_submitted_on = QLabel(self.row_submitted_on)
        self.err_submitted_on.setObjectName(u"err_submitted_on")
        self.err_submitted_on.setWordWrap(True)
        self.err_submitted_on.setProperty(u"error", True)

        self.lay_submitted_on.addWidget(self.err_submitted_on)


        self.form0.setWidget(3, QFormLayout.ItemRole.FieldRole, self.row_submitted_on)

        self.l_session = QLabel(self.page0)
        self.l_session.setObjectName(u"l_session")

        self.form0.setWidget(4, QFormLayout.ItemRole.LabelRole, self.l_session)

        self.row_session = QWidget(self.page0)
        self.row_session.setObjectName(u"row_session")
        self.lay_session = QVBoxLayout(self.row_session)
        self.lay_session.setSpacing(2)
        self.lay_session.setObjectName(u"lay_session")
        self.lay_session.setContentsMargins(0, 0, 0, 0)
        self.f_session = QLineEdit(self.row_session)
        self.f_session.setObjectName(u"f_session")
        self.f_session.setMaxLength(50)

        self.lay_session.addWidget(self.f_session)

        self.err_session = QLabel(self.row_session)
        self.err_session.setObjectName(u"err_session")
        self.err_session.setWordWrap(True)
        self.err_session.setProperty(u"error", True)

        self.lay_session.addWidget(self.err_session)


        self.form0.setWidget(4, QFormLayout.ItemRole.FieldRole, self.row_session)

        self.l_number = QLabel(self.page0)
        self.l_number.setObjectName(u"l_number")

        self.form0.setWidget(5, QFormLayout.ItemRole.LabelRole, self.l_number)

        self.row_number = QWidget(self.page0)
        self.row_number.setObjectName(u"row_number")
        self.lay_number = QVBoxLayout(self.row_number)
        self.lay_number.setSpacing(2)
        self.lay_number.setObjectName(u"lay_number")
        self.lay_number.setContentsMargins(0, 0, 0, 0)
        self.f_number = QLineEdit(self.row_number)
        self.f_number.setObjectName(u"f_number")
        self.f_number.setMaxLength(50)

        self.lay_number.addWidget(self.f_number)

        self.err_number = QLabel(self.row_number)
        self.err_number.setObjectName(u"err_number")
        self.err_number.setWordWrap(True)
        self.err_number.setProperty(u"error", True)

        self.lay_number.addWidget(self.err_number)


        self.form0.setWidget(5, QFormLayout.ItemRole.FieldRole, self.row_number)

        self.l_source = QLabel(self.page0)
        self.l_source.setObjectName(u"l_source")

        self.form0.setWidget(6, QFormLayout.ItemRole.LabelRole, self.l_source)

        self.row_source = QWidget(self.page0)
        self.row_source.setObjectName(u"row_source")
        self.lay_source = QVBoxLayout(self.row_source)
        self.lay_source.setSpacing(2)
        self.lay_source.setObjectName(u"lay_source")
        self.lay_source.setContentsMargins(0, 0, 0, 0)
        self.f_source = QLineEdit(self.row_source)
        self.f_source.setObjectName(u"f_source")
        self.f_source.setMaxLength(200)

        self.lay_source.addWidget(self.f_source)

        self.err_source = QLabel(self.row_source)
        self.err_source.setObjectName(u"err_source")
        self.err_source.setWordWrap(True)
        self.err_source.setProperty(u"error", True)

        self.lay_source.addWidget(self.err_source)


        self.form0.setWidget(6, QFormLayout.ItemRole.FieldRole, self.row_source)

        self.l_content = QLabel(self.page0)
        self.l_content.setObjectName(u"l_content")

        self.form0.setWidget(7, QFormLayout.ItemRole.LabelRole, self.l_content)

        self.row_content = QWidget(self.page0)
        self.row_content.setObjectName(u"row_content")
        self.lay_content = QVBoxLayout(self.row_content)
        self.lay_content.setSpacing(2)
        self.lay_content.setObjectName(u"lay_content")
        self.lay_content.setContentsMargins(0, 0, 0, 0)
        self.f_content = QPlainTextEdit(self.row_content)
        self.f_content.setObjectName(u"f_content")
        self.f_content.setMinimumSize(QSize(0, 70))
        self.f_content.setMaximumSize(QSize(16777215, 140))
        self.f_content.setTabChangesFocus(True)

        self.lay_content.addWidget(self.f_content)

        self.err_content = QLabel(self.row_content)
        self.err_content.setObjectName(u"err_content")
        self.err_content.setWordWrap(True)
        self.err_content.setProperty(u"error", True)

        self.lay_content.addWidget(self.err_content)


        self.form0.setWidget(7, QFormLayout.ItemRole.FieldRole, self.row_content)

        self.tabs.addTab(self.page0, "")
        self.page1 = QWidget()
        self.page1.setObjectName(u"page1")
        self.form1 = QFormLayout(self.page1)
        self.form1.setObjectName(u"form1")
        self.form1.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form1.setLabelAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignTop)
        self.l_status = QLabel(self.page1)
        self.l_status.setObjectName(u"l_status")

        self.form1.setWidget(0, QFormLayout.ItemRole.LabelRole, self.l_status)

        self.row_status = QWidget(self.page1)
        self.row_status.setObjectName(u"row_status")
        self.lay_status = QVBoxLayout(self.row_status)
        self.lay_status.setSpacing(2)
        self.lay_status.setObjectName(u"lay_status")
        self.lay_status.setContentsMargins(0, 0, 0, 0)
        self.f_status = QComboBox(self.row_status)
        self.f_status.setObjectName(u"f_status")

        self.lay_status.addWidget(self.f_status)

        self.err_status = QLabel(self.row_status)
        self.err_status.setObjectName(u"err_status")
        self.err_status.setWordWrap(True)
        self.err_status.setProperty(u"error", True)

        self.lay_status.addWidget(self.err_status)


        self.form1.setWidget(0, QFormLayout.ItemRole.FieldRole, self.row_status)

        self.l_handler_unit = QLabel(self.page1)
        self.l_handler_unit.setObjectName(u"l_handler_unit")

        self.form1.setWidget(1, QFormLayout.ItemRole.LabelRole, self.l_handler_unit)

        self.row_handler_unit = QWidget(self.page1)
        self.row_handler_unit.setObjectName(u"row_handler_unit")
        self.lay_handler_unit = QVBoxLayout(self.row_handler_unit)
        self.lay_handler_unit.setSpacing(2)
        self.lay_handler_unit.setObjectName(u"lay_handler_unit")
        self.lay_handler_unit.setContentsMargins(0, 0, 0, 0)
        self.f_handler_unit = QLineEdit(self.row_handler_unit)
        self.f_handler_unit.setObjectName(u"f_handler_unit")
        self.f_handler_unit.setMaxLength(200)

        self.lay_handler_unit.addWidget(self.f_handler_unit)

        self.err_handler_unit = QLabel(self.row_handler_unit)
        self.err_handler_unit.setObjectName(u"err_handler_unit")
        self.err_handler_unit.setWordWrap(True)
        self.err_handler_unit.setProperty(u"error", True)

        self.lay_handler_unit.addWidget(self.err_handler_unit)


        self.form1.setWidget(1, QFormLayout.ItemRole.FieldRole, self.row_handler_unit)

        self.l_deadline = QLabel(self.page1)
        self.l_deadline.setObjectName(u"l_deadline")

        self.form1.setWidget(2, QFormLayout.ItemRole.LabelRole, self.l_deadline)

        self.row_deadline = QWidget(self.page1)
        self.row_deadline.setObjectName(u"row_deadline")
        self.lay_deadline = QVBoxLayout(self.row_deadline)
        self.lay_deadline.setSpacing(2)
        self.lay_deadline.setObjectName(u"lay_deadline")
        self.lay_deadline.setContentsMargins(0, 0, 0, 0)
        self.f_deadline = DateField(self.row_deadline)
        self.f_deadline.setObjectName(u"f_deadline")

        self.lay_deadline.addWidget(self.f_deadline)

        self.err_deadline = QLabel(self.row_deadline)
        self.err_deadline.setObjectName(u"err_deadline")
        self.err_deadline.setWordWrap(True)
        self.err_deadline.setProperty(u"error", True)

        self.lay_deadline.addWidget(self.err_deadline)


        self.form1.setWidget(2, QFormLayout.ItemRole.FieldRole, self.row_deadline)

        self.l_answered_on = QLabel(self.page1)
        self.l_answered_on.setObjectName(u"l_answered_on")

        self.form1.setWidget(3, QFormLayout.ItemRole.LabelRole, self.l_answered_on)

        self.row_answered_on = QWidget(self.page1)
        self.row_answered_on.setObjectName(u"row_answered_on")
        self.lay_answered_on = QVBoxLayout(self.row_answered_on)
        self.lay_answered_on.setSpacing(2)
        self.lay_answered_on.setObjectName(u"lay_answered_on")
        self.lay_answered_on.setContentsMargins(0, 0, 0, 0)
        self.f_answered_on = DateField(self.row_answered_on)
        self.f_answered_on.setObjectName(u"f_answered_on")

        self.lay_answered_on.addWidget(self.f_answered_on)

        self.err_answered_on = QLabel(self.row_answered_on)
        self.err_answered_on.setObjectName(u"err_answered_on")
        self.err_answered_on.setWordWrap(True)
        self.err_answered_on.setProperty(u"error", True)

        self.lay_answered_on.addWidget(self.err_answered_on)


        self.form1.setWidget(3, QFormLayout.ItemRole.FieldRole, self.row_answered_on)

        self.l_result_class = QLabel(self.page1)
        self.l_result_class.setObjectName(u"l_result_class")

        self.form1.setWidget(4, QFormLayout.ItemRole.LabelRole, self.l_result_class)

        self.row_result_class = QWidget(self.page1)
        self.row_result_class.setObjectName(u"row_result_class")
        self.lay_result_class = QVBoxLayout(self.row_result_class)
        self.lay_result_class.setSpacing(2)
        self.lay_result_class.setObjectName(u"lay_result_class")
        self.lay_result_class.setContentsMargins(0, 0, 0, 0)
        self.f_result_class = QComboBox(self.row_result_class)
        self.f_result_class.setObjectName(u"f_result_class")

        self.lay_result_class.addWidget(self.f_result_class)

        self.err_result_class = QLabel(self.row_result_class)
        self.err_result_class.setObjectName(u"err_result_class")
        self.err_result_class.setWordWrap(True)
        self.err_result_class.setProperty(u"error", True)

        self.lay_result_class.addWidget(self.err_result_class)


        self.form1.setWidget(4, QFormLayout.ItemRole.FieldRole, self.row_result_class)

        self.l_adoption_level = QLabel(self.page1)
        self.l_adoption_level.setObjectName(u"l_adoption_level")

        self.form1.setWidget(5, QFormLayout.ItemRole.LabelRole, self.l_adoption_level)

        self.row_adoption_level = QWidget(self.page1)
        self.row_adoption_level.setObjectName(u"row_adoption_level")
        self.lay_adoption_level = QVBoxLayout(self.row_adoption_level)
        self.lay_adoption_level.setSpacing(2)
        self.lay_adoption_level.setObjectName(u"lay_adoption_level")
        self.lay_adoption_level.setContentsMargins(0, 0, 0, 0)
        self.f_adoption_level = QComboBox(self.row_adoption_level)
        self.f_adoption_level.setObjectName(u"f_adoption_level")

        self.lay_adoption_level.addWidget(self.f_adoption_level)

        self.err_adoption_level = QLabel(self.row_adoption_level)
        self.err_adoption_level.setObjectName(u"err_adoption_level")
        self.err_adoption_level.setWordWrap(True)
        self.err_adoption_level.setProperty(u"error", True)

        self.lay_adoption_level.addWidget(self.err_adoption_level)


        self.form1.setWidget(5, QFormLayout.ItemRole.FieldRole, self.row_adoption_level)

        self.l_instruction = QLabel(self.page1)
        self.l_instruction.setObjectName(u"l_instruction")

        self.form1.setWidget(6, QFormLayout.ItemRole.LabelRole, self.l_instruction)

        self.row_instruction = QWidget(self.page1)
        self.row_instruction.setObjectName(u"row_instruction")
        self.lay_instruction = QVBoxLayout(self.row_instruction)
        self.lay_instruction.setSpacing(2)
        self.lay_instruction.setObjectName(u"lay_instruction")
        self.lay_instruction.setContentsMargins(0, 0, 0, 0)
        self.f_instruction = QPlainTextEdit(self.row_instruction)
        self.f_instruction.setObjectName(u"f_instruction")
        self.f_instruction.setMinimumSize(QSize(0, 70))
        self.f_instruction.setMaximumSize(QSize(16777215, 70))
        self.f_instruction.setTabChangesFocus(True)

        self.lay_instruction.addWidget(self.f_instruction)

        self.err_instruction = QLabel(self.row_instruction)
        self.err_instruction.setObjectName(u"err_instruction")
        self.err_instruction.setWordWrap(True)
        self.err_instruction.setProperty(u"error", True)

        self.lay_instruction.addWidget(self.err_instruction)


        self.form1.setWidget(6, QFormLayout.ItemRole.FieldRole, self.row_instruction)

        self.l_satisfaction = QLabel(self.page1)
        self.l_satisfaction.setObjectName(u"l_satisfaction")

        self.form1.setWidget(7, QFormLayout.ItemRole.LabelRole, self.l_satisfaction)

        self.row_satisfaction = QWidget(self.page1)
        self.row_satisfaction.setObjectName(u"row_satisfaction")
        self.lay_satisfaction = QVBoxLayout(self.row_satisfaction)
        self.lay_satisfaction.setSpacing(2)
        self.lay_satisfaction.setObjectName(u"lay_satisfaction")
        self.lay_satisfaction.setContentsMargins(0, 0, 0, 0)
        self.f_satisfaction = QComboBox(self.row_satisfaction)
        self.f_satisfaction.setObjectName(u"f_satisfaction")

        self.lay_satisfaction.addWidget(self.f_satisfaction)

        self.err_satisfaction = QLabel(self.row_satisfaction)
        self.err_satisfaction.setObjectName(u"err_satisfaction")
        self.err_satisfaction.setWordWrap(True)
        self.err_satisfaction.setProperty(u"error", True)

        self.lay_satisfaction.addWidget(self.err_satisfaction)


        self.form1.setWidget(7, QFormLayout.ItemRole.FieldRole, self.row_satisfaction)

        self.l_notes = QLabel(self.page1)
        self.l_notes.setObjectName(u"l_notes")

        self.form1.setWidget(8, QFormLayout.ItemRole.LabelRole, self.l_notes)

        self.row_notes = QWidget(self.page1)
        self.row_notes.setObjectName(u"row_notes")
        self.lay_notes = QVBoxLayout(self.row_notes)
        self.lay_notes.setSpacing(2)
        self.lay_notes.setObjectName(u"lay_notes")
        self.lay_notes.setContentsMargins(0, 0, 0, 0)
        self.f_notes = QPlainTextEdit(self.row_notes)
        self.f_notes.setObjectName(u"f_notes")
        self.f_notes.setMinimumSize(QSize(0, 70))
        self.f_notes.setMaximumSize(QSize(16777215, 70))
        self.f_notes.setTabChangesFocus(True)

        self.lay_notes.addWidget(self.f_notes)

        self.err_notes = QLabel(self.row_notes)
        self.err_notes.setObjectName(u"err_notes")
        self.err_notes.setWordWrap(True)
        self.err_notes.setProperty(u"error", True)

        self.lay_notes.addWidget(self.err_notes)


        self.form1.setWidget(8, QFormLayout.ItemRole.FieldRole, self.row_notes)

        self.tabs.addTab(self.page1, "")
        self.page2 = QWidget()
        self.page2.setObjectName(u"page2")
        self.form2 = QFormLayout(self.page2)
        self.form2.setObjectName(u"form2")
        self.form2.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form2.setLabelAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignTop)
        self.l_followups = QLabel(self.page2)
        self.l_followups.setObjectName(u"l_followups")

        self.form2.setWidget(0, QFormLayout.ItemRole.LabelRole, self.l_followups)

        self.row_followups = QWidget(self.page2)
        self.row_followups.setObjectName(u"row_followups")
        self.lay_followups = QVBoxLayout(self.row_followups)
        self.lay_followups.setSpacing(2)
        self.lay_followups.setObjectName(u"lay_followups")
        self.lay_followups.setContentsMargins(0, 0, 0, 0)
        self.f_followups = FollowUpTable(self.row_followups)
        self.f_followups.setObjectName(u"f_followups")

        self.lay_followups.addWidget(self.f_followups)

        self.err_followups = QLabel(self.row_followups)
        self.err_followups.setObjectName(u"err_followups")
        self.err_followups.setWordWrap(True)
        self.err_followups.setProperty(u"error", True)

        self.lay_followups.addWidget(self.err_followups)


        self.form2.setWidget(0, QFormLayout.ItemRole.FieldRole, self.row_followups)

        self.tabs.addTab(self.page2, "")

        self.main.addWidget(self.tabs)

        self.buttons = QDialogButtonBox(ProposalDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.main.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.l_category.setBuddy(self.f_category)
        self.l_title.setBuddy(self.f_title)
        self.l_authors.setBuddy(self.f_authors)
        self.l_submitted_on.setBuddy(self.f_submitted_on)
        self.l_session.setBuddy(self.f_session)
        self.l_number.setBuddy(self.f_number)
        self.l_source.setBuddy(self.f_source)
        self.l_content.setBuddy(self.f_content)
        self.l_status.setBuddy(self.f_status)
        self.l_handler_unit.setBuddy(self.f_handler_unit)
        self.l_deadline.setBuddy(self.f_deadline)
        self.l_answered_on.setBuddy(self.f_answered_on)
        self.l_result_class.setBuddy(self.f_result_class)
        self.l_adoption_level.setBuddy(self.f_adoption_level)
        self.l_instruction.setBuddy(self.f_instruction)
        self.l_satisfaction.setBuddy(self.f_satisfaction)
        self.l_notes.setBuddy(self.f_notes)
        self.l_followups.setBuddy(self.f_followups)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(ProposalDialog)

        self.tabs.setCurrentIndex(0)


        QMetaObject.connectSlotsByName(ProposalDialog)
    # setupUi

    def retranslateUi(self, ProposalDialog):
        ProposalDialog.setWindowTitle(QCoreApplication.translate("ProposalDialog", u"\u63d0\u6848\u5efa\u8bae", None))
        self.l_category.setText(QCoreApplication.translate("ProposalDialog", u"\u7c7b\u522b*", None))
        self.l_title.setText(QCoreApplication.translate("ProposalDialog", u"\u6807\u9898*", None))
        self.l_authors.setText(QCoreApplication.translate("ProposalDialog", u"\u63d0\u51fa\u4eba", None))
        self.l_submitted_on.setText(QCoreApplication.translate("ProposalDialog", u"\u63d0\u4ea4\u65e5\u671f", None))
        self.l_session.setText(QCoreApplication.translate("ProposalDialog", u"\u5c4a\u6b21", None))
        self.l_number.setText(QCoreApplication.translate("ProposalDialog", u"\u7f16\u53f7", None))
        self.l_source.setText(QCoreApplication.translate("ProposalDialog", u"\u6765\u6e90", None))
        self.l_content.setText(QCoreApplication.translate("ProposalDialog", u"\u5185\u5bb9\u6458\u8981", None))
        self.tabs.setTabText(self.tabs.indexOf(self.page0), QCoreApplication.translate("ProposalDialog", u"\u57fa\u672c\u4fe1\u606f", None))
        self.l_status.setText(QCoreApplication.translate("ProposalDialog", u"\u72b6\u6001*", None))
        self.l_handler_unit.setText(QCoreApplication.translate("ProposalDialog", u"\u627f\u529e\u5355\u4f4d", None))
        self.l_deadline.setText(QCoreApplication.translate("ProposalDialog", u"\u529e\u7406\u65f6\u9650", None))
        self.l_answered_on.setText(QCoreApplication.translate("ProposalDialog", u"\u7b54\u590d\u65e5\u671f", None))
        self.l_result_class.setText(QCoreApplication.translate("ProposalDialog", u"\u529e\u7406\u7ed3\u679c", None))
        self.l_adoption_level.setText(QCoreApplication.translate("ProposalDialog", u"\u91c7\u7528\u5c42\u7ea7", None))
        self.l_instruction.setText(QCoreApplication.translate("ProposalDialog", u"\u9886\u5bfc\u6279\u793a", None))
        self.l_satisfaction.setText(QCoreApplication.translate("ProposalDialog", u"\u6ee1\u610f\u5ea6", None))
        self.l_notes.setText(QCoreApplication.translate("ProposalDialog", u"\u5907\u6ce8", None))
        self.tabs.setTabText(self.tabs.indexOf(self.page1), QCoreApplication.translate("ProposalDialog", u"\u529e\u7406\u60c5\u51b5", None))
        self.l_followups.setText(QCoreApplication.translate("ProposalDialog", u"\u8ddf\u8e2a\u5361", None))
        self.tabs.setTabText(self.tabs.indexOf(self.page2), QCoreApplication.translate("ProposalDialog", u"\u8ddf\u8e2a\u5361", None))
    # retranslateUi

