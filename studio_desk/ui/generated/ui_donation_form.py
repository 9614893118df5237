# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'donation_form.ui'
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
    QPlainTextEdit, QSizePolicy, QSpinBox, QTabWidget,
    QVBoxLayout, QWidget)

from studio_desk.ui.date_field import DateField
from studio_desk.ui.widgets import (AuthorList, FollowUpTable, ItemsTable, MemberPicker,
    MoneyEdit, StatusFlow)

class Ui_DonationDialog(object):
    def setupUi(self, DonationDialog):
        if not DonationDialog.objectName():
            DonationDialog.setObjectName(u"DonationDialog")
        DonationDialog.resize(680, 600)
        self.main = QVBoxLayout(DonationDialog)
        self.main.setObjectName(u"main")
        self.error_summary = QLabel(DonationDialog)
        self.error_summary.setObjectName(u"error_summary")
        self.error_summary.setWordWrap(True)
        self.error_summary.setProperty(u"error", True)

        self.main.addWidget(self.error_summary)

        self.tabs = QTabWidget(DonationDialog)
        self.tabs.setObjectName(u"tabs")
        self.tabs.setDocumentMode(True)
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

        self.l_category = QLabel(self.page0)
        self.l_category.setObjectName(u"l_category")

        self.form0.setWidget(1, QFormLayout.ItemRole.LabelRole, self.l_category)

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


        self.form0.setWidget(1, QFormLayout.ItemRole.FieldRole, self.row_category)

        self.l_donor = QLabel(self.page0)
        self.l_donor.setObjectName(u"l_donor")

        self.form0.setWidget(2, QFormLayout.ItemRole.LabelRole, self.l_donor)

        self.row_donor = QWidget(self.page0)
        self.row_donor.setObjectName(u"row_donor")
        self.lay_donor = QVBoxLayout(self.row_donor)
        self.lay_donor.setSpacing(2)
        self.lay_donor.setObjectName(u"lay_donor")
        self.lay_donor.setContentsMargins(0, 0, 0, 0)
        self.f_donor = QLineEdit(self.row_donor)
        self.f_donor.setObjectName(u"f_donor")
        self.f_donor.setMaxLength(200)

        self.lay_donor.addWidget(self.f_donor)

        self.err_donor = QLabel(self.row_donor)
        self.err_donor.setObjectName(u"err_donor")
        self.err_donor.setWordWrap(True)
        self.err_donor.setProperty(u"error", True)

        self.lay_donor.addWidget(self.err_donor)


        self.form0.setWidget(2, QFormLayout.ItemRole.FieldRole, self.row_donor)

        self.l_member_ids = QLabel(self.page0)
        self.l_member_ids.setObjectName(u"l_member_ids")

        self.form0.setWidget(3, QFormLayout.ItemRole.LabelRole, self.l_member_ids)

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


        self.form0.setWidget(3, QFormLayout.ItemRole.FieldRole, self.row_member_ids)

        self.l_recipients = QLabel(self.page0)
        self.l_recipients.setObjectName(u"l_recipients")

        self.form0.setWidget(4, QFormLayout.ItemRole.LabelRole, self.l_recipients)

        self.row_recipients = QWidget(self.page0)
        self.row_recipients.setObjectName(u"row_recipients")
        self.lay_recipients = QVBoxLayout(self.row_recipients)
        self.lay_recipients.setSpacing(2)
        self.lay_recipients.setObjectName(u"lay_recipients")
        self.lay_recipients.setContentsMargins(0, 0, 0, 0)
        self.f_recipients = QLineEdit(self.row_recipients)
        self.f_recipients.setObjectName(u"f_recipients")
        self.f_recipients.setMaxLength(200)

        self.lay_recipients.addWidget(self.f_recipients)

        self.err_recipients = QLabel(self.row_recipients)
        self.err_recipients.setObjectName(u"err_recipients")
        self.err_recipients.setWordWrap(True)
        self.err_recipients.setProperty(u"error", True)

        self.lay_recipients.addWidget(self.err_recipients)


        self.form0.setWidget(4, QFormLayout.ItemRole.FieldRole, self.row_recipients)

        self.l_recipient_count = QLabel(self.page0)
        self.l_recipient_count.setObjectName(u"l_recipient_count")

        self.form0.setWidget(5, QFormLayout.ItemRole.LabelRole, self.l_recipient_count)

        self.row_recipient_count = QWidget(self.page0)
        self.row_recipient_count.setObjectName(u"row_recipient_count")
        self.lay_recipient_count = QVBoxLayout(self.row_recipient_count)
        self.lay_recipient_count.setSpacing(2)
        self.lay_recipient_count.setObjectName(u"lay_recipient_count")
        self.lay_recipient_count.setContentsMargins(0, 0, 0, 0)
        self.f_recipient_count = QSpinBox(self.row_recipient_count)
        self.f_recipient_count.setObjectName(u"f_recipient_count")
        self.f_recipient_count.setMaximum(1000000)

        self.lay_recipient_count.addWidget(self.f_recipient_count)

        self.err_recipient_count = QLabel(self.row_recipient_count)
        self.err_recipient_count.setObjectName(u"err_recipient_count")
        self.err_recipient_count.setWordWrap(True)
        self.err_recipient_count.setProperty(u"error", True)

        self.lay_recipient_count.addWidget(self.err_recipient_count)


        self.form0.setWidget(5, QFormLayout.ItemRole.FieldRole, self.row_recipient_count)

        self.l_cash_fen = QLabel(self.page0)
        self.l_cash_fen.setObjectName(u"l_cash_fen")

        self.form0.setWidget(6, QFormLayout.ItemRole.LabelRole, self.l_cash_fen)

        self.row_cash_fen = QWidget(self.page0)
        self.row_cash_fen.setObjectName(u"row_cash_fen")
        self.lay_cash_fen = QVBoxLayout(self.row_cash_fen)
        self.lay_cash_fen.setSpacing(2)
        self.lay_cash_fen.setObjectName(u"lay_cash_fen")
        self.lay_cash_fen.setContentsMargins(0, 0, 0, 0)
        self.f_cash_fen = MoneyEdit(self.row_cash_fen)
        self.f_cash_fen.setObjectName(u"f_cash_fen")

        self.lay_cash_fen.addWidget(self.f_cash_fen)

        self.err_cash_fen = QLabel(self.row_cash_fen)
        self.err_cash_fen.setObjectName(u"err_cash_fen")
        self.err_cash_fen.setWordWrap(True)
        self.err_cash_fen.setProperty(u"error", True)

        self.lay_cash_fen.addWidget(self.err_cash_fen)


        self.form0.setWidget(6, QFormLayout.ItemRole.FieldRole, self.row_cash_fen)

        self.l_items = QLabel(self.page0)
        self.l_items.setObjectName(u"l_items")

        self.form0.setWidget(7, QFormLayout.ItemRole.LabelRole, self.l_items)

        self.row_items = QWidget(self.page0)
        self.row_items.setObjectName(u"row_items")
        self.lay_items = QVBoxLayout(self.row_items)
        self.lay_items.setSpacing(2)
        self.lay_items.setObjectName(u"lay_items")
        self.lay_items.setContentsMargins(0, 0, 0, 0)
        self.f_items = ItemsTable(self.row_items)
        self.f_items.setObjectName(u"f_items")

        self.lay_items.addWidget(self.f_items)

        self.err_items = QLabel(self.row_items)
        self.err_items.setObjectName(u"err_items")
        self.err_items.setWordWrap(True)
        self.err_items.setProperty(u"error", True)

        self.lay_items.addWidget(self.err_items)


        self.form0.setWidget(7, QFormLayout.ItemRole.FieldRole, self.row_items)

        self.l_total_label = QLabel(self.page0)
        self.l_total_label.setObjectName(u"l_total_label")

        self.form0.setWidget(8, QFormLayout.ItemRole.LabelRole, self.l_total_label)

        self.total_label = QLabel(self.page0)
        self.total_label.setObjectName(u"total_label")
        self.total_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.form0.setWidget(8, QFormLayout.ItemRole.FieldRole, self.total_label)

        self.l_handler = QLabel(self.page0)
        self.l_handler.setObjectName(u"l_handler")

        self.form0.setWidget(9, QFormLayout.ItemRole.LabelRole, self.l_handler)

        self.row_handler = QWidget(self.page0)
        self.row_handler.setObjectName(u"row_handler")
        self.lay_handler = QVBoxLayout(self.row_handler)
        self.lay_handler.setSpacing(2)
        self.lay_handler.setObjectName(u"lay_handler")
        self.lay_handler.setContentsMargins(0, 0, 0, 0)
        self.f_handler = QLineEdit(self.row_handler)
        self.f_handler.setObjectName(u"f_handler")
        self.f_handler.setMaxLength(50)

        self.lay_handler.addWidget(self.f_handler)

        self.err_handler = QLabel(self.row_handler)
        self.err_handler.setObjectName(u"err_handler")
        self.err_handler.setWordWrap(True)
        self.err_handler.setProperty(u"error", True)

        self.lay_handler.addWidget(self.err_handler)


        self.form0.setWidget(9, QFormLayout.ItemRole.FieldRole, self.row_handler)

        self.l_notes = QLabel(self.page0)
        self.l_notes.setObjectName(u"l_notes")

        self.form0.setWidget(10, QFormLayout.ItemRole.LabelRole, self.l_notes)

        self.row_notes = QWidget(self.page0)
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


        self.form0.setWidget(10, QFormLayout.ItemRole.FieldRole, self.row_notes)

        self.tabs.addTab(self.page0, "")

        self.main.addWidget(self.tabs)

        self.buttons = QDialogButtonBox(DonationDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.main.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.l_date.setBuddy(self.f_date)
        self.l_category.setBuddy(self.f_category)
        self.l_donor.setBuddy(self.f_donor)
        self.l_member_ids.setBuddy(self.f_member_ids)
        self.l_recipients.setBuddy(self.f_recipients)
        self.l_recipient_count.setBuddy(self.f_recipient_count)
        self.l_cash_fen.setBuddy(self.f_cash_fen)
        self.l_items.setBuddy(self.f_items)
        self.l_handler.setBuddy(self.f_handler)
        self.l_notes.setBuddy(self.f_notes)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(DonationDialog)

        self.tabs.setCurrentIndex(0)


        QMetaObject.connectSlotsByName(DonationDialog)
    # setupUi

    def retranslateUi(self, DonationDialog):
        DonationDialog.setWindowTitle(QCoreApplication.translate("DonationDialog", u"\u6350\u8d60\u6170\u95ee", None))
        self.l_date.setText(QCoreApplication.translate("DonationDialog", u"\u65e5\u671f*", None))
        self.l_category.setText(QCoreApplication.translate("DonationDialog", u"\u7c7b\u522b*", None))
        self.l_donor.setText(QCoreApplication.translate("DonationDialog", u"\u6350\u8d60\u65b9*", None))
        self.l_member_ids.setText(QCoreApplication.translate("DonationDialog", u"\u5173\u8054\u59d4\u5458", None))
        self.l_recipients.setText(QCoreApplication.translate("DonationDialog", u"\u53d7\u52a9\u5bf9\u8c61*", None))
        self.l_recipient_count.setText(QCoreApplication.translate("DonationDialog", u"\u53d7\u52a9\u4eba\u6570", None))
        self.l_cash_fen.setText(QCoreApplication.translate("DonationDialog", u"\u73b0\u91d1(\u5143)", None))
        self.f_cash_fen.setPlaceholderText(QCoreApplication.translate("DonationDialog", u"0.00", None))
        self.l_items.setText(QCoreApplication.translate("DonationDialog", u"\u7269\u8d44\u660e\u7ec6", None))
        self.l_total_label.setText(QCoreApplication.translate("DonationDialog", u"\u5408\u8ba1(\u5143)", None))
        self.l_handler.setText(QCoreApplication.translate("DonationDialog", u"\u7ecf\u624b\u4eba", None))
        self.l_notes.setText(QCoreApplication.translate("DonationDialog", u"\u5907\u6ce8", None))
        self.tabs.setTabText(self.tabs.indexOf(self.page0), QCoreApplication.translate("DonationDialog", u"\u6350\u8d60\u6170\u95ee", None))
    # retranslateUi

