# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'activity_form.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QCheckBox, QComboBox,
    QDialog, QDialogButtonBox, QFormLayout, QLabel,
    QLineEdit, QPlainTextEdit, QSizePolicy, QSpinBox,
    QTabWidget, QVBoxLayout, QWidget)

from studio_desk.ui.date_field import DateField
from studio_desk.ui.widgets import (AuthorList, FollowUpTable, ItemsTable, MemberPicker,
    MoneyEdit, StatusFlow)

class Ui_ActivityDialog(object):
    def setupUi(self, ActivityDialog):
        if not ActivityDialog.objectName():
            ActivityDialog.setObjectName(u"ActivityDialog")
        ActivityDialog.resize(680, 600)
        self.main = QVBoxLayout(ActivityDialog)
        self.main.setObjectName(u"main")
        self.error_summary = QLabel(ActivityDialog)
        self.error_summary.setObjectName(u"error_summary")
        self.error_summary.setWordWrap(True)
        self.error_summary.setProperty(u"error", True)

        self.main.addWidget(self.error_summary)

        self.tabs = QTabWidget(ActivityDialog)
        self.tabs.setObjectName(u"tabs")
        self.page0 = QWidget()
        self.page0.setObjectName(u"page0")
        self.form0 = QFormLayout(self.page0)
        self.form0.setObjectName(u"form0")
        self.form0.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form0.setLabelAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignTop)
        self.l_date = QLabel(self.page0)
        self.l_date.setObjectName(u"l_date")

        self.form0.setWidget(0, QFormLayout.ItemRole.LabelRole, self.l_date)

        self.row_date = QWidget(self.page0)
        self.row_date.setObjectName(u"row_date")
        self.lay_date = QVBoxLayout(self.row_date)
        self.lay_date.setSpacing(2)
        self.lay_date.setObjectName(u"lay_date")
        self.lay_date.setContentsMargins(0, 0, 0, 0)
        self.f_date = DateField(self.row_date)
        self.f_date.setObjectName(u"f_date")

        self.lay_date.addWidget(self.f_date)

        self.err_date = QLabel(self.row_date)
        self.err_date.setObjectName(u"err_date")
        self.err_date.setWordWrap(True)
        self.err_date.setProperty(u"error", True)

        self.lay_date.addWidget(self.err_date)


        self.form0.setWidget(0, QFormLayout.ItemRole.FieldRole, self.row_date)

        self.l_end_date = QLabel(self.page0)
        self.l_end_date.setObjectName(u"l_end_date")

        self.form0.setWidget(1, QFormLayout.ItemRole.LabelRole, self.l_end_date)

        self.row_end_date = QWidget(self.page0)
        self.row_end_date.setObjectName(u"row_end_date")
        self.lay_end_date = QVBoxLayout(self.row_end_date)
        self.lay_end_date.setSpacing(2)
        self.lay_end_date.setObjectName(u"lay_end_date")
        self.lay_end_date.setContentsMargins(0, 0, 0, 0)
        self.f_end_date = DateField(self.row_end_date)
        self.f_end_date.setObjectName(u"f_end_date")

        self.lay_end_date.addWidget(self.f_end_date)

        self.err_end_date = QLabel(self.row_end_date)
        self.err_end_date.setObjectName(u"err_end_date")
        self.err_end_date.setWordWrap(True)
        self.err_end_date.setProperty(u"error", True)

        self.lay_end_date.addWidget(self.err_end_date)


        self.form0.setWidget(1, QFormLayout.ItemRole.FieldRole, self.row_end_date)

        self.l_type = QLabel(self.page0)
        self.l_type.setObjectName(u"l_type")

        self.form0.setWidget(2, QFormLayout.ItemRole.LabelRole, self.l_type)

        self.row_type = QWidget(self.page0)
        self.row_type.setObjectName(u"row_type")
        self.lay_type = QVBoxLayout(self.row_type)
        self.lay_type.setSpacing(2)
        self.lay_type.setObjectName(u"lay_type")
        self.lay_type.setContentsMargins(0, 0, 0, 0)
        self.f_type = QComboBox(self.row_type)
        self.f_type.setObjectName(u"f_type")

        self.lay_type.addWidget(self.f_type)

        self.err_type = QLabel(self.row_type)
        self.err_type.setObjectName(u"err_type")
        self.err_type.setWordWrap(True)
        self.err_type.setProperty(u"error", True)

        self.lay_type.addWidget(self.err_type)


        self.form0.setWidget(2, QFormLayout.ItemRole.FieldRole, self.row_type)

        self.l_topic = QLabel(self.page0)
        self.l_topic.setObjectName(u"l_topic")

        self.form0.setWidget(3, QFormLayout.ItemRole.LabelRole, self.l_topic)

        self.row_topic = QWidget(self.page0)
        self.row_topic.setObjectName(u"row_topic")
        self.lay_topic = QVBoxLayout(self.row_topic)
        self.lay_topic.setSpacing(2)
        self.lay_topic.setObjectName(u"lay_topic")
        self.lay_topic.setContentsMargins(0, 0, 0, 0)
        self.f_topic = QLineEdit(self.row_topic)
        self.f_topic.setObjectName(u"f_topic")
        self.f_topic.setMaxLength(200)

        self.lay_topic.addWidget(self.f_topic)

        self.err_topic = QLabel(self.row_topic)
        self.err_topic.setObjectName(u"err_topic")
        self.err_topic.setWordWrap(True)
        self.err_topic.setProperty(u"error", True)

        self.lay_topic.addWidget(self.err_topic)


        self.form0.setWidget(3, QFormLayout.ItemRole.FieldRole, self.row_topic)

        self.l_location = QLabel(self.page0)
        self.l_location.setObjectName(u"l_location")

        self.form0.setWidget(4, QFormLayout.ItemRole.LabelRole, self.l_location)

        self.row_location = QWidget(self.page0)
        self.row_location.setObjectName(u"row_location")
        self.lay_location = QVBoxLayout(self.row_location)
        self.lay_location.setSpacing(2)
        self.lay_location.setObjectName(u"lay_location")
        self.lay_location.setContentsMargins(0, 0, 0, 0)
        self.f_location = QLineEdit(self.row_location)
        self.f_location.setObjectName(u"f_location")
        self.f_location.setMaxLength(200)

        self.lay_location.addWidget(self.f_location)

        self.err_location = QLabel(self.row_location)
        self.err_location.setObjectName(u"err_location")
        self.err_location.setWordWrap(True)
        self.err_location.setProperty(u"error", True)

        self.lay_location.addWidget(self.err_location)


        self.form0.setWidget(4, QFormLayout.ItemRole.FieldRole, self.row_location)

        self.l_organizer = QLabel(self.page0)
        self.l_organizer.setObjectName(u"l_organizer")

        self.form0.setWidget(5, QFormLayout.ItemRole.LabelRole, self.l_organizer)

        self.row_organizer = QWidget(self.page0)
        self.row_organizer.setObjectName(u"row_organizer")
        self.lay_organizer = QVBoxLayout(self.row_organizer)
        self.lay_organizer.setSpacing(2)
        self.lay_organizer.setObjectName(u"lay_organizer")
        self.lay_organizer.setContentsMargins(0, 0, 0, 0)
        self.f_organizer = QLineEdit(self.row_organizer)
        self.f_organizer.setObjectName(u"f_organizer")
        self.f_organizer.setMaxLength(200)

        self.lay_organizer.addWidget(self.f_organizer)

        self.err_organizer = QLabel(self.row_organizer)
        self.err_organizer.setObjectName(u"err_organizer")
        self.err_organizer.setWordWrap(True)
        self.err_organizer.setProperty(u"error", True)

        self.lay_organizer.addWidget(self.err_organizer)


        self.form0.setWidget(5, QFormLayout.ItemRole.FieldRole, self.row_organizer)

        self.l_member_ids = QLabel(self.page0)
        self.l_member_ids.setObjectName(u"l_member_ids")

        self.form0.setWidget(6, QFormLayout.ItemRole.LabelRole, self.l_member_ids)

        self.row_member_ids = QWidget(self.page0)
        self.row_member_ids.setObjectName(u"row_member_ids")
        self.lay_member_ids = QVBoxLayout(self.row_member_ids)
        self.lay_member_ids.setSpacing(2)
        self.lay_member_ids.setObjectName(u"lay_member_ids")
        self.lay_member_ids.setContentsMargins(0, 0, 0, 0)
        self.f_member_ids = MemberPicker(self.row_member_ids)
        self.f_member_ids.setObjectName(u"f_member_ids")

        self.lay_member_ids.addWidget(self.f_member_ids)

        self.err_member_ids = QLabel(self.row_member_ids)
        self.err_member_ids.setObjectName(u"err_member_ids")
        self.err_member_ids.setWordWrap(True)
        self.err_member_ids.setProperty(u"error", True)

        self.lay_member_ids.addWidget(self.err_member_ids)


        self.form0.setWidget(6, QFormLayout.ItemRole.FieldRole, self.row_member_ids)

        self.l_public_count = QLabel(self.page0)
        self.l_public_count.setObjectName(u"l_public_count")

        self.form0.setWidget(7, QFormLayout.ItemRole.LabelRole, self.l_public_count)

        self.row_public_count = QWidget(self.page0)
        self.row_public_count.setObjectName(u"row_public_count")
        self.lay_public_count = QVBoxLayout(self.row_public_count)
        self.lay_public_count.setSpacing(2)
        self.lay_public_count.setObjectName(u"lay_public_count")
        self.lay_public_count.setContentsMargins(0, 0, 0, 0)
        self.f_public_count = QSpinBox(self.row_public_count)
        self.f_public_count.setObjectName(u"f_public_count")
        self.f_public_count.setMaximum(1000000)

        self.lay_public_count.addWidget(self.f_public_count)

        self.err_public_count = QLabel(self.row_public_count)
        self.err_public_count.setObjectName(u"err_public_count")
        self.err_public_count.setWordWrap(True)
        self.err_public_count.setProperty(u"error", True)

        self.lay_public_count.addWidget(self.err_public_count)


        self.form0.setWidget(7, QFormLayout.ItemRole.FieldRole, self.row_public_count)

        self.l_suggestion_count = QLabel(self.page0)
        self.l_suggestion_count.setObjectName(u"l_suggestion_count")

        self.form0.setWidget(8, QFormLayout.ItemRole.LabelRole, self.l_suggestion_count)

        self.row_suggestion_count = QWidget(self.page0)
        self.row_suggestion_count.setObjectName(u"row_suggestion_count")
        self.lay_suggestion_count = QVBoxLayout(self.row_suggestion_count)
        self.lay_suggestion_count.setSpacing(2)
        self.lay_suggestion_count.setObjectName(u"lay_suggestion_count")
        self.lay_suggestion_count.setContentsMargins(0, 0, 0, 0)
        self.f_suggestion_count = QSpinBox(self.row_suggestion_count)
        self.f_suggestion_count.setObjectName(u"f_suggestion_count")
        self.f_suggestion_count.setMaximum(100000)

        self.lay_suggestion_count.addWidget(self.f_suggestion_count)

        self.err_suggestion_count = QLabel(self.row_suggestion_count)
        self.err_suggestion_count.setObjectName(u"err_suggestion_count")
        self.err_suggestion_count.setWordWrap(True)
        self.err_suggestion_count.setProperty(u"error", True)

        self.lay_suggestion_count.addWidget(self.err_suggestion_count)


        self.form0.setWidget(8, QFormLayout.ItemRole.FieldRole, self.row_suggestion_count)

        self.l_economic_fen = QLabel(self.page0)
        self.l_economic_fen.setObjectName(u"l_economic_fen")

        self.form0.setWidget(9, QFormLayout.ItemRole.LabelRole, self.l_economic_fen)

        self.row_economic_fen = QWidget(self.page0)
        self.row_economic_fen.setObjectName(u"row_economic_fen")
        self.lay_economic_fen = QVBoxLayout(self.row_economic_fen)
        self.lay_economic_fen.setSpacing(2)
        self.lay_economic_fen.setObjectName(u"lay_economic_fen")
        self.lay_economic_fen.setContentsMargins(0, 0, 0, 0)
        self.f_economic_fen = MoneyEdit(self.row_economic_fen)
        self.f_economic_fen.setObjectName(u"f_economic_fen")

        self.lay_economic_fen.addWidget(self.f_economic_fen)

        self.err_economic_fen = QLabel(self.row_economic_fen)
        self.err_economic_fen.setObjectName(u"err_economic_fen")
        self.err_economic_fen.setWordWrap(True)
        self.err_economic_fen.setProperty(u"error", True)

        self.lay_economic_fen.addWidget(self.err_economic_fen)


        self.form0.setWidget(9, QFormLayout.ItemRole.FieldRole, self.row_economic_fen)

        self.l_beneficiaries = QLabel(self.page0)
        self.l_beneficiaries.setObjectName(u"l_beneficiaries")

        self.form0.setWidget(10, QFormLayout.ItemRole.LabelRole, self.l_beneficiaries)

        self.row_beneficiaries = QWidget(self.page0)
        self.row_beneficiaries.setObjectName(u"row_beneficiaries")
        self.lay_beneficiaries = QVBoxLayout(self.row_beneficiaries)
        self.lay_beneficiaries.setSpacing(2)
        self.lay_beneficiaries.setObjectName(u"lay_beneficiaries")
        self.lay_beneficiaries.setContentsMargins(0, 0, 0, 0)
        self.f_beneficiaries = QSpinBox(self.row_beneficiaries)
        self.f_beneficiaries.setObjectName(u"f_beneficiaries")
        self.f_beneficiaries.setMaximum(10000000)

        self.lay_beneficiaries.addWidget(self.f_beneficiaries)

        self.err_beneficiaries = QLabel(self.row_beneficiaries)
        self.err_beneficiaries.setObjectName(u"err_beneficiaries")
        self.err_beneficiaries.setWordWrap(True)
        self.err_beneficiaries.setProperty(u"error", True)

        self.lay_beneficiaries.addWidget(self.err_beneficiaries)


        self.form0.setWidget(10, QFormLayout.ItemRole.FieldRole, self.row_beneficiaries)

        self.tabs.addTab(self.page0, "")
        self.page1 = QWidget()
        self.page1.setObjectName(u"page1")
        self.form1 = QFormLayout(self.page1)
        self.form1.setObjectName(u"form1")
        self.form1.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form1.setLabelAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignTop)
        self.l_content = QLabel(self.page1)
        self.l_content.setObjectName(u"l_content")

        self.form1.setWidget(0, QFormLayout.ItemRole.LabelRole, self.l_content)

        self.row_content = QWidget(self.page1)
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


        self.form1.setWidget(0, QFormLayout.ItemRole.FieldRole, self.row_content)

        self.l_is_highlight = QLabel(self.page1)
        self.l_is_highlight.setObjectName(u"l_is_highlight")

        self.form1.setWidget(1, QFormLayout.ItemRole.LabelRole, self.l_is_highlight)

        self.row_is_highlight = QWidget(self.page1)
        self.row_is_highlight.setObjectName(u"row_is_highlight")
        self.lay_is_highlight = QVBoxLayout(self.row_is_highlight)
        self.lay_is_highlight.setSpacing(2)
        self.lay_is_highlight.setObjectName(u"lay_is_highlight")
        self.lay_is_highlight.setContentsMargins(0, 0, 0, 0)
        self.f_is_highlight = QCheckBox(self.row_is_highlight)
        self.f_is_highlight.setObjectName(u"f_is_highlight")

        self.lay_is_highlight.addWidget(self.f_is_highlight)

        self.err_is_highlight = QLabel(self.row_is_highlight)
        self.err_is_highlight.setObjectName(u"err_is_highlight")
        self.err_is_highlight.setWordWrap(True)
        self.err_is_highlight.setProperty(u"error", True)

        self.lay_is_highlight.addWidget(self.err_is_highlight)


        self.form1.setWidget(1, QFormLayout.ItemRole.FieldRole, self.row_is_highlight)

        self.l_highlight_note = QLabel(self.page1)
        self.l_highlight_note.setObjectName(u"l_highlight_note")

        self.form1.setWidget(2, QFormLayout.ItemRole.LabelRole, self.l_highlight_note)

        self.row_highlight_note = QWidget(self.page1)
        self.row_highlight_note.setObjectName(u"row_highlight_note")
        self.lay_highlight_note = QVBoxLayout(self.row_highlight_note)
        self.lay_highlight_note.setSpacing(2)
        self.lay_highlight_note.setObjectName(u"lay_highlight_note")
        self.lay_highlight_note.setContentsMargins(0, 0, 0, 0)
        self.f_highlight_note = QPlainTextEdit(self.row_highlight_note)
        self.f_highlight_note.setObjectName(u"f_highlight_note")
        self.f_highlight_note.setMinimumSize(QSize(0, 70))
        self.f_highlight_note.setMaximumSize(QSize(16777215, 70))
        self.f_highlight_note.setTabChangesFocus(True)

        self.lay_highlight_note.addWidget(self.f_highlight_note)

        self.err_highlight_note = QLabel(self.row_highlight_note)
        self.err_highlight_note.setObjectName(u"err_highlight_note")
        self.err_highlight_note.setWordWrap(True)
        self.err_highlight_note.setProperty(u"error", True)

        self.lay_highlight_note.addWidget(self.err_highlight_note)


        self.form1.setWidget(2, QFormLayout.ItemRole.FieldRole, self.row_highlight_note)

        self.l_notes = QLabel(self.page1)
        self.l_notes.setObjectName(u"l_notes")

        self.form1.setWidget(3, QFormLayout.ItemRole.LabelRole, self.l_notes)

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


        self.form1.setWidget(3, QFormLayout.ItemRole.FieldRole, self.row_notes)

        self.tabs.addTab(self.page1, "")

        self.main.addWidget(self.tabs)

        self.buttons = QDialogButtonBox(ActivityDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.main.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.l_date.setBuddy(self.f_date)
        self.l_end_date.setBuddy(self.f_end_date)
        self.l_type.setBuddy(self.f_type)
        self.l_topic.setBuddy(self.f_topic)
        self.l_location.setBuddy(self.f_location)
        self.l_organizer.setBuddy(self.f_organizer)
        self.l_member_ids.setBuddy(self.f_member_ids)
        self.l_public_count.setBuddy(self.f_public_count)
        self.l_suggestion_count.setBuddy(self.f_suggestion_count)
        self.l_economic_fen.setBuddy(self.f_economic_fen)
        self.l_beneficiaries.setBuddy(self.f_beneficiaries)
        self.l_content.setBuddy(self.f_content)
        self.l_is_highlight.setBuddy(self.f_is_highlight)
        self.l_highlight_note.setBuddy(self.f_highlight_note)
        self.l_notes.setBuddy(self.f_notes)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(ActivityDialog)

        self.tabs.setCurrentIndex(0)


        QMetaObject.connectSlotsByName(ActivityDialog)
    # setupUi

    def retranslateUi(self, ActivityDialog):
        ActivityDialog.setWindowTitle(QCoreApplication.translate("ActivityDialog", u"\u6d3b\u52a8", None))
        self.l_date.setText(QCoreApplication.translate("ActivityDialog", u"\u65e5\u671f*", None))
        self.l_end_date.setText(QCoreApplication.translate("ActivityDialog", u"\u7ed3\u675f\u65e5\u671f", None))
        self.l_type.setText(QCoreApplication.translate("ActivityDialog", u"\u6d3b\u52a8\u7c7b\u578b*", None))
        self.l_topic.setText(QCoreApplication.translate("ActivityDialog", u"\u6d3b\u52a8\u4e3b\u9898*", None))
        self.l_location.setText(QCoreApplication.translate("ActivityDialog", u"\u5730\u70b9", None))
        self.l_organizer.setText(QCoreApplication.translate("ActivityDialog", u"\u7ec4\u7ec7\u8005", None))
        self.l_member_ids.setText(QCoreApplication.translate("ActivityDialog", u"\u53c2\u52a0\u59d4\u5458", None))
        self.l_public_count.setText(QCoreApplication.translate("ActivityDialog", u"\u7fa4\u4f17\u4eba\u6b21", None))
        self.l_suggestion_count.setText(QCoreApplication.translate("ActivityDialog", u"\u610f\u89c1\u5efa\u8bae(\u6761)", None))
        self.l_economic_fen.setText(QCoreApplication.translate("ActivityDialog", u"\u7ecf\u6d4e\u6210\u6548(\u5143)", None))
        self.f_economic_fen.setPlaceholderText(QCoreApplication.translate("ActivityDialog", u"0.00", None))
#if QT_CONFIG(tooltip)
        self.f_economic_fen.setToolTip(QCoreApplication.translate("ActivityDialog", u"\u901a\u8fc7\u6d3b\u52a8\u4fc3\u6210\u7684\u7b7e\u7ea6\u3001\u6210\u4ea4\u3001\u878d\u8d44\u6216\u6295\u8d44\u91d1\u989d", None))
#endif // QT_CONFIG(tooltip)
        self.l_beneficiaries.setText(QCoreApplication.translate("ActivityDialog", u"\u53d7\u76ca\u7fa4\u4f17(\u4eba)", None))
#if QT_CONFIG(tooltip)
        self.f_beneficiaries.setToolTip(QCoreApplication.translate("ActivityDialog", u"\u6d3b\u52a8\u57f9\u8bad\u3001\u5e2e\u52a9\u6216\u60e0\u53ca\u7684\u7fa4\u4f17\u4eba\u6570", None))
#endif // QT_CONFIG(tooltip)
        self.tabs.setTabText(self.tabs.indexOf(self.page0), QCoreApplication.translate("ActivityDialog", u"\u6d3b\u52a8", None))
        self.l_content.setText(QCoreApplication.translate("ActivityDialog", u"\u4e3b\u8981\u5185\u5bb9\u53ca\u6210\u6548", None))
        self.l_is_highlight.setText(QCoreApplication.translate("ActivityDialog", u"\u4eae\u70b9", None))
        self.f_is_highlight.setText(QCoreApplication.translate("ActivityDialog", u"\u662f", None))
        self.l_highlight_note.setText(QCoreApplication.translate("ActivityDialog", u"\u4eae\u70b9\u8bf4\u660e", None))
        self.l_notes.setText(QCoreApplication.translate("ActivityDialog", u"\u5907\u6ce8", None))
        self.tabs.setTabText(self.tabs.indexOf(self.page1), QCoreApplication.translate("ActivityDialog", u"\u5185\u5bb9\u53ca\u6210\u6548", None))
    # retranslateUi

