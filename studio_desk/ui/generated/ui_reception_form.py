# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'reception_form.ui'
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

class Ui_ReceptionDialog(object):
    def setupUi(self, ReceptionDialog):
        if not ReceptionDialog.objectName():
            ReceptionDialog.setObjectName(u"ReceptionDialog")
        ReceptionDialog.resize(680, 600)
        self.main = QVBoxLayout(ReceptionDialog)
        self.main.setObjectName(u"main")
        self.error_summary = QLabel(ReceptionDialog)
        self.error_summary.setObjectName(u"error_summary")
        self.error_summary.setWordWrap(True)
        self.error_summary.setProperty(u"error", True)

        self.main.addWidget(self.error_summary)

        self.tabs = QTabWidget(ReceptionDialog)
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

        self.l_mode = QLabel(self.page0)
        self.l_mode.setObjectName(u"l_mode")

        self.form0.setWidget(1, QFormLayout.ItemRole.LabelRole, self.l_mode)

        self.row_mode = QWidget(self.page0)
        self.row_mode.setObjectName(u"row_mode")
        self.lay_mode = QVBoxLayout(self.row_mode)
        self.lay_mode.setSpacing(2)
        self.lay_mode.setObjectName(u"lay_mode")
        self.lay_mode.setContentsMargins(0, 0, 0, 0)
        self.f_mode = QComboBox(self.row_mode)
        self.f_mode.setObjectName(u"f_mode")

        self.lay_mode.addWidget(self.f_mode)

        self.err_mode = QLabel(self.row_mode)
        self.err_mode.setObjectName(u"err_mode")
        self.err_mode.setWordWrap(True)
        self.err_mode.setProperty(u"error", True)

        self.lay_mode.addWidget(self.err_mode)


        self.form0.setWidget(1, QFormLayout.ItemRole.FieldRole, self.row_mode)

        self.l_person_name = QLabel(self.page0)
        self.l_person_name.setObjectName(u"l_person_name")

        self.form0.setWidget(2, QFormLayout.ItemRole.LabelRole, self.l_person_name)

        self.row_person_name = QWidget(self.page0)
        self.row_person_name.setObjectName(u"row_person_name")
        self.lay_person_name = QVBoxLayout(self.row_person_name)
        self.lay_person_name.setSpacing(2)
        self.lay_person_name.setObjectName(u"lay_person_name")
        self.lay_person_name.setContentsMargins(0, 0, 0, 0)
        self.f_person_name = QLineEdit(self.row_person_name)
        self.f_person_name.setObjectName(u"f_person_name")
        self.f_person_name.setMaxLength(100)

        self.lay_person_name.addWidget(self.f_person_name)

        self.err_person_name = QLabel(self.row_person_name)
        self.err_person_name.setObjectName(u"err_person_name")
        self.err_person_name.setWordWrap(True)
        self.err_person_name.setProperty(u"error", True)

        self.lay_person_name.addWidget(self.err_person_name)


        self.form0.setWidget(2, QFormLayout.ItemRole.FieldRole, self.row_person_name)

        self.l_person_phone = QLabel(self.page0)
        self.l_person_phone.setObjectName(u"l_person_phone")

        self.form0.setWidget(3, QFormLayout.ItemRole.LabelRole, self.l_person_phone)

        self.row_person_phone = QWidget(self.page0)
        self.row_person_phone.setObjectName(u"row_person_phone")
        self.lay_person_phone = QVBoxLayout(self.row_person_phone)
        self.lay_person_phone.setSpacing(2)
        self.lay_person_phone.setObjectName(u"lay_person_phone")
        self.lay_person_phone.setContentsMargins(0, 0, 0, 0)
        self.f_person_phone = QLineEdit(self.row_person_phone)
        self.f_person_phone.setObjectName(u"f_person_phone")
        self.f_person_phone.setMaxLength(50)

        self.lay_person_phone.addWidget(self.f_person_phone)

        self.err_person_phone = QLabel(self.row_person_phone)
        self.err_person_phone.setObjectName(u"err_person_phone")
        self.err_person_phone.setWordWrap(True)
        self.err_person_phone.setProperty(u"error", True)

        self.lay_person_phone.addWidget(self.err_person_phone)


        self.form0.setWidget(3, QFormLayout.ItemRole.FieldRole, self.row_person_phone)

        self.l_person_id_number = QLabel(self.page0)
        self.l_person_id_number.setObjectName(u"l_person_id_number")

        self.form0.setWidget(4, QFormLayout.ItemRole.LabelRole, self.l_person_id_number)

        self.row_person_id_number = QWidget(self.page0)
        self.row_person_id_number.setObjectName(u"row_person_id_number")
        self.lay_person_id_number = QVBoxLayout(self.row_person_id_number)
        self.lay_person_id_number.setSpacing(2)
        self.lay_person_id_number.setObjectName(u"lay_person_id_number")
        self.lay_person_id_number.setContentsMargins(0, 0, 0, 0)
        self.f_person_id_number = QLineEdit(self.row_person_id_number)
        self.f_person_id_number.setObjectName(u"f_person_id_number")
        self.f_person_id_number.setMaxLength(30)

        self.lay_person_id_number.addWidget(self.f_person_id_number)

        self.err_person_id_number = QLabel(self.row_person_id_number)
        self.err_person_id_number.setObjectName(u"err_person_id_number")
        self.err_person_id_number.setWordWrap(True)
        self.err_person_id_number.setProperty(u"error", True)

        self.lay_person_id_number.addWidget(self.err_person_id_number)


        self.form0.setWidget(4, QFormLayout.ItemRole.FieldRole, self.row_person_id_number)

        self.l_person_address = QLabel(self.page0)
        self.l_person_address.setObjectName(u"l_person_address")

        self.form0.setWidget(5, QFormLayout.ItemRole.LabelRole, self.l_person_address)

        self.row_person_address = QWidget(self.page0)
        self.row_person_address.setObjectName(u"row_person_address")
        self.lay_person_address = QVBoxLayout(self.row_person_address)
        self.lay_person_address.setSpacing(2)
        self.lay_person_address.setObjectName(u"lay_person_address")
        self.lay_person_address.setContentsMargins(0, 0, 0, 0)
        self.f_person_address = QLineEdit(self.row_person_address)
        self.f_person_address.setObjectName(u"f_person_address")
        self.f_person_address.setMaxLength(200)

        self.lay_person_address.addWidget(self.f_person_address)

        self.err_person_address = QLabel(self.row_person_address)
        self.err_person_address.setObjectName(u"err_person_address")
        self.err_person_address.setWordWrap(True)
        self.err_person_address.setProperty(u"error", True)

        self.lay_person_address.addWidget(self.err_person_address)


        self.form0.setWidget(5, QFormLayout.ItemRole.FieldRole, self.row_person_address)

        self.l_people_count = QLabel(self.page0)
        self.l_people_count.setObjectName(u"l_people_count")

        self.form0.setWidget(6, QFormLayout.ItemRole.LabelRole, self.l_people_count)

        self.row_people_count = QWidget(self.page0)
        self.row_people_count.setObjectName(u"row_people_count")
        self.lay_people_count = QVBoxLayout(self.row_people_count)
        self.lay_people_count.setSpacing(2)
        self.lay_people_count.setObjectName(u"lay_people_count")
        self.lay_people_count.setContentsMargins(0, 0, 0, 0)
        self.f_people_count = QSpinBox(self.row_people_count)
        self.f_people_count.setObjectName(u"f_people_count")
        self.f_people_count.setMaximum(100000)

        self.lay_people_count.addWidget(self.f_people_count)

        self.err_people_count = QLabel(self.row_people_count)
        self.err_people_count.setObjectName(u"err_people_count")
        self.err_people_count.setWordWrap(True)
        self.err_people_count.setProperty(u"error", True)

        self.lay_people_count.addWidget(self.err_people_count)


        self.form0.setWidget(6, QFormLayout.ItemRole.FieldRole, self.row_people_count)

        self.l_household_count = QLabel(self.page0)
        self.l_household_count.setObjectName(u"l_household_count")

        self.form0.setWidget(7, QFormLayout.ItemRole.LabelRole, self.l_household_count)

        self.row_household_count = QWidget(self.page0)
        self.row_household_count.setObjectName(u"row_household_count")
        self.lay_household_count = QVBoxLayout(self.row_household_count)
        self.lay_household_count.setSpacing(2)
        self.lay_household_count.setObjectName(u"lay_household_count")
        self.lay_household_count.setContentsMargins(0, 0, 0, 0)
        self.f_household_count = QSpinBox(self.row_household_count)
        self.f_household_count.setObjectName(u"f_household_count")
        self.f_household_count.setMaximum(100000)

        self.lay_household_count.addWidget(self.f_household_count)

        self.err_household_count = QLabel(self.row_household_count)
        self.err_household_count.setObjectName(u"err_household_count")
        self.err_household_count.setWordWrap(True)
        self.err_household_count.setProperty(u"error", True)

        self.lay_household_count.addWidget(self.err_household_count)


        self.form0.setWidget(7, QFormLayout.ItemRole.FieldRole, self.row_household_count)

        self.l_request_category = QLabel(self.page0)
        self.l_request_category.setObjectName(u"l_request_category")

        self.form0.setWidget(8, QFormLayout.ItemRole.LabelRole, self.l_request_category)

        self.row_request_category = QWidget(self.page0)
        self.row_request_category.setObjectName(u"row_request_category")
        self.lay_request_category = QVBoxLayout(self.row_request_category)
        self.lay_request_category.setSpacing(2)
        self.lay_request_category.setObjectName(u"lay_request_category")
        self.lay_request_category.setContentsMargins(0, 0, 0, 0)
        self.f_request_category = QComboBox(self.row_request_category)
        self.f_request_category.setObjectName(u"f_request_category")

        self.lay_request_category.addWidget(self.f_request_category)

        self.err_request_category = QLabel(self.row_request_category)
        self.err_request_category.setObjectName(u"err_request_category")
        self.err_request_category.setWordWrap(True)
        self.err_request_category.setProperty(u"error", True)

        self.lay_request_category.addWidget(self.err_request_category)


        self.form0.setWidget(8, QFormLayout.ItemRole.FieldRole, self.row_request_category)

        self.l_request_content = QLabel(self.page0)
        self.l_request_content.setObjectName(u"l_request_content")

        self.form0.setWidget(9, QFormLayout.ItemRole.LabelRole, self.l_request_content)

        self.row_request_content = QWidget(self.page0)
        self.row_request_content.setObjectName(u"row_request_content")
        self.lay_request_content = QVBoxLayout(self.row_request_content)
        self.lay_request_content.setSpacing(2)
        self.lay_request_content.setObjectName(u"lay_request_content")
        self.lay_request_content.setContentsMargins(0, 0, 0, 0)
        self.f_request_content = QPlainTextEdit(self.row_request_content)
        self.f_request_content.setObjectName(u"f_request_content")
        self.f_request_content.setMinimumSize(QSize(0, 70))
        self.f_request_content.setMaximumSize(QSize(16777215, 140))
        self.f_request_content.setTabChangesFocus(True)

        self.lay_request_content.addWidget(self.f_request_content)

        self.err_request_content = QLabel(self.row_request_content)
        self.err_request_content.setObjectName(u"err_request_content")
        self.err_request_content.setWordWrap(True)
        self.err_request_content.setProperty(u"error", True)

        self.lay_request_content.addWidget(self.err_request_content)


        self.form0.setWidget(9, QFormLayout.ItemRole.FieldRole, self.row_request_content)

        self.l_member_ids = QLabel(self.page0)
        self.l_member_ids.setObjectName(u"l_member_ids")

        self.form0.setWidget(10, QFormLayout.ItemRole.LabelRole, self.l_member_ids)

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


        self.form0.setWidget(10, QFormLayout.ItemRole.FieldRole, self.row_member_ids)

        self.tabs.addTab(self.page0, "")
        self.page1 = QWidget()
        self.page1.setObjectName(u"page1")
        self.form1 = QFormLayout(self.page1)
        self.form1.setObjectName(u"form1")
        self.form1.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form1.setLabelAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignTop)
        self.l_status_flow = QLabel(self.page1)
        self.l_status_flow.setObjectName(u"l_status_flow")

        self.form1.setWidget(0, QFormLayout.ItemRole.LabelRole, self.l_status_flow)

        self.status_flow = StatusFlow(self.page1)
        self.status_flow.setObjectName(u"status_flow")

        self.form1.setWidget(0, QFormLayout.ItemRole.FieldRole, self.status_flow)

        self.l_status = QLabel(self.page1)
        self.l_status.setObjectName(u"l_status")

        self.form1.setWidget(1, QFormLayout.ItemRole.LabelRole, self.l_status)

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


        self.form1.setWidget(1, QFormLayout.ItemRole.FieldRole, self.row_status)

        self.l_handling = QLabel(self.page1)
        self.l_handling.setObjectName(u"l_handling")

        self.form1.setWidget(2, QFormLayout.ItemRole.LabelRole, self.l_handling)

        self.row_handling = QWidget(self.page1)
        self.row_handling.setObjectName(u"row_handling")
        self.lay_handling = QVBoxLayout(self.row_handling)
        self.lay_handling.setSpacing(2)
        self.lay_handling.setObjectName(u"lay_handling")
        self.lay_handling.setContentsMargins(0, 0, 0, 0)
        self.f_handling = QComboBox(self.row_handling)
        self.f_handling.setObjectName(u"f_handling")

        self.lay_handling.addWidget(self.f_handling)

        self.err_handling = QLabel(self.row_handling)
        self.err_handling.setObjectName(u"err_handling")
        self.err_handling.setWordWrap(True)
        self.err_handling.setProperty(u"error", True)

        self.lay_handling.addWidget(self.err_handling)


        self.form1.setWidget(2, QFormLayout.ItemRole.FieldRole, self.row_handling)

        self.l_transferred_to = QLabel(self.page1)
        self.l_transferred_to.setObjectName(u"l_transferred_to")

        self.form1.setWidget(3, QFormLayout.ItemRole.LabelRole, self.l_transferred_to)

        self.row_transferred_to = QWidget(self.page1)
        self.row_transferred_to.setObjectName(u"row_transferred_to")
        self.lay_transferred_to = QVBoxLayout(self.row_transferred_to)
        self.lay_transferred_to.setSpacing(2)
        self.lay_transferred_to.setObjectName(u"lay_transferred_to")
        self.lay_transferred_to.setContentsMargins(0, 0, 0, 0)
        self.f_transferred_to = QLineEdit(self.row_transferred_to)
        self.f_transferred_to.setObjectName(u"f_transferred_to")
        self.f_transferred_to.setMaxLength(200)

        self.lay_transferred_to.addWidget(self.f_transferred_to)

        self.err_transferred_to = QLabel(self.row_transferred_to)
        self.err_transferred_to.setObjectName(u"err_transferred_to")
        self.err_transferred_to.setWordWrap(True)
        self.err_transferred_to.setProperty(u"error", True)

        self.lay_transferred_to.addWidget(self.err_transferred_to)


        self.form1.setWidget(3, QFormLayout.ItemRole.FieldRole, self.row_transferred_to)

        self.l_deadline = QLabel(self.page1)
        self.l_deadline.setObjectName(u"l_deadline")

        self.form1.setWidget(4, QFormLayout.ItemRole.LabelRole, self.l_deadline)

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


        self.form1.setWidget(4, QFormLayout.ItemRole.FieldRole, self.row_deadline)

        self.l_closed_on = QLabel(self.page1)
        self.l_closed_on.setObjectName(u"l_closed_on")

        self.form1.setWidget(5, QFormLayout.ItemRole.LabelRole, self.l_closed_on)

        self.row_closed_on = QWidget(self.page1)
        self.row_closed_on.setObjectName(u"row_closed_on")
        self.lay_closed_on = QVBoxLayout(self.row_closed_on)
        self.lay_closed_on.setSpacing(2)
        self.lay_closed_on.setObjectName(u"lay_closed_on")
        self.lay_closed_on.setContentsMargins(0, 0, 0, 0)
        self.f_closed_on = DateField(self.row_closed_on)
        self.f_closed_on.setObjectName(u"f_closed_on")

        self.lay_closed_on.addWidget(self.f_closed_on)

        self.err_closed_on = QLabel(self.row_closed_on)
        self.err_closed_on.setObjectName(u"err_closed_on")
        self.err_closed_on.setWordWrap(True)
        self.err_closed_on.setProperty(u"error", True)

        self.lay_closed_on.addWidget(self.err_closed_on)


        self.form1.setWidget(5, QFormLayout.ItemRole.FieldRole, self.row_closed_on)

        self.l_result = QLabel(self.page1)
        self.l_result.setObjectName(u"l_result")

        self.form1.setWidget(6, QFormLayout.ItemRole.LabelRole, self.l_result)

        self.row_result = QWidget(self.page1)
        self.row_result.setObjectName(u"row_result")
        self.lay_result = QVBoxLayout(self.row_result)
        self.lay_result.setSpacing(2)
        self.lay_result.setObjectName(u"lay_result")
        self.lay_result.setContentsMargins(0, 0, 0, 0)
        self.f_result = QPlainTextEdit(self.row_result)
        self.f_result.setObjectName(u"f_result")
        self.f_result.setMinimumSize(QSize(0, 70))
        self.f_result.setMaximumSize(QSize(16777215, 140))
        self.f_result.setTabChangesFocus(True)

        self.lay_result.addWidget(self.f_result)

        self.err_result = QLabel(self.row_result)
        self.err_result.setObjectName(u"err_result")
        self.err_result.setWordWrap(True)
        self.err_result.setProperty(u"error", True)

        self.lay_result.addWidget(self.err_result)


        self.form1.setWidget(6, QFormLayout.ItemRole.FieldRole, self.row_result)

        self.l_practical_help = QLabel(self.page1)
        self.l_practical_help.setObjectName(u"l_practical_help")

        self.form1.setWidget(7, QFormLayout.ItemRole.LabelRole, self.l_practical_help)

        self.row_practical_help = QWidget(self.page1)
        self.row_practical_help.setObjectName(u"row_practical_help")
        self.lay_practical_help = QVBoxLayout(self.row_practical_help)
        self.lay_practical_help.setSpacing(2)
        self.lay_practical_help.setObjectName(u"lay_practical_help")
        self.lay_practical_help.setContentsMargins(0, 0, 0, 0)
        self.f_practical_help = QCheckBox(self.row_practical_help)
        self.f_practical_help.setObjectName(u"f_practical_help")

        self.lay_practical_help.addWidget(self.f_practical_help)

        self.err_practical_help = QLabel(self.row_practical_help)
        self.err_practical_help.setObjectName(u"err_practical_help")
        self.err_practical_help.setWordWrap(True)
        self.err_practical_help.setProperty(u"error", True)

        self.lay_practical_help.addWidget(self.err_practical_help)


        self.form1.setWidget(7, QFormLayout.ItemRole.FieldRole, self.row_practical_help)

        self.l_dispute = QLabel(self.page1)
        self.l_dispute.setObjectName(u"l_dispute")

        self.form1.setWidget(8, QFormLayout.ItemRole.LabelRole, self.l_dispute)

        self.row_dispute = QWidget(self.page1)
        self.row_dispute.setObjectName(u"row_dispute")
        self.lay_dispute = QVBoxLayout(self.row_dispute)
        self.lay_dispute.setSpacing(2)
        self.lay_dispute.setObjectName(u"lay_dispute")
        self.lay_dispute.setContentsMargins(0, 0, 0, 0)
        self.f_dispute = QCheckBox(self.row_dispute)
        self.f_dispute.setObjectName(u"f_dispute")

        self.lay_dispute.addWidget(self.f_dispute)

        self.err_dispute = QLabel(self.row_dispute)
        self.err_dispute.setObjectName(u"err_dispute")
        self.err_dispute.setWordWrap(True)
        self.err_dispute.setProperty(u"error", True)

        self.lay_dispute.addWidget(self.err_dispute)


        self.form1.setWidget(8, QFormLayout.ItemRole.FieldRole, self.row_dispute)

        self.l_feedback_given = QLabel(self.page1)
        self.l_feedback_given.setObjectName(u"l_feedback_given")

        self.form1.setWidget(9, QFormLayout.ItemRole.LabelRole, self.l_feedback_given)

        self.row_feedback_given = QWidget(self.page1)
        self.row_feedback_given.setObjectName(u"row_feedback_given")
        self.lay_feedback_given = QVBoxLayout(self.row_feedback_given)
        self.lay_feedback_given.setSpacing(2)
        self.lay_feedback_given.setObjectName(u"lay_feedback_given")
        self.lay_feedback_given.setContentsMargins(0, 0, 0, 0)
        self.f_feedback_given = QCheckBox(self.row_feedback_given)
        self.f_feedback_given.setObjectName(u"f_feedback_given")

        self.lay_feedback_given.addWidget(self.f_feedback_given)

        self.err_feedback_given = QLabel(self.row_feedback_given)
        self.err_feedback_given.setObjectName(u"err_feedback_given")
        self.err_feedback_given.setWordWrap(True)
        self.err_feedback_given.setProperty(u"error", True)

        self.lay_feedback_given.addWidget(self.err_feedback_given)


        self.form1.setWidget(9, QFormLayout.ItemRole.FieldRole, self.row_feedback_given)

        self.l_satisfaction = QLabel(self.page1)
        self.l_satisfaction.setObjectName(u"l_satisfaction")

        self.form1.setWidget(10, QFormLayout.ItemRole.LabelRole, self.l_satisfaction)

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


        self.form1.setWidget(10, QFormLayout.ItemRole.FieldRole, self.row_satisfaction)

        self.l_notes = QLabel(self.page1)
        self.l_notes.setObjectName(u"l_notes")

        self.form1.setWidget(11, QFormLayout.ItemRole.LabelRole, self.l_notes)

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


        self.form1.setWidget(11, QFormLayout.ItemRole.FieldRole, self.row_notes)

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

        self.buttons = QDialogButtonBox(ReceptionDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.main.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.l_date.setBuddy(self.f_date)
        self.l_mode.setBuddy(self.f_mode)
        self.l_person_name.setBuddy(self.f_person_name)
        self.l_person_phone.setBuddy(self.f_person_phone)
        self.l_person_id_number.setBuddy(self.f_person_id_number)
        self.l_person_address.setBuddy(self.f_person_address)
        self.l_people_count.setBuddy(self.f_people_count)
        self.l_household_count.setBuddy(self.f_household_count)
        self.l_request_category.setBuddy(self.f_request_category)
        self.l_request_content.setBuddy(self.f_request_content)
        self.l_member_ids.setBuddy(self.f_member_ids)
        self.l_status.setBuddy(self.f_status)
        self.l_handling.setBuddy(self.f_handling)
        self.l_transferred_to.setBuddy(self.f_transferred_to)
        self.l_deadline.setBuddy(self.f_deadline)
        self.l_closed_on.setBuddy(self.f_closed_on)
        self.l_result.setBuddy(self.f_result)
        self.l_practical_help.setBuddy(self.f_practical_help)
        self.l_dispute.setBuddy(self.f_dispute)
        self.l_feedback_given.setBuddy(self.f_feedback_given)
        self.l_satisfaction.setBuddy(self.f_satisfaction)
        self.l_notes.setBuddy(self.f_notes)
        self.l_followups.setBuddy(self.f_followups)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(ReceptionDialog)

        self.tabs.setCurrentIndex(0)


        QMetaObject.connectSlotsByName(ReceptionDialog)
    # setupUi

    def retranslateUi(self, ReceptionDialog):
        ReceptionDialog.setWindowTitle(QCoreApplication.translate("ReceptionDialog", u"\u63a5\u5f85\u8d70\u8bbf", None))
        self.l_date.setText(QCoreApplication.translate("ReceptionDialog", u"\u65e5\u671f*", None))
        self.l_mode.setText(QCoreApplication.translate("ReceptionDialog", u"\u65b9\u5f0f*", None))
        self.l_person_name.setText(QCoreApplication.translate("ReceptionDialog", u"\u5bf9\u8c61(\u59d3\u540d/\u5355\u4f4d)*", None))
        self.l_person_phone.setText(QCoreApplication.translate("ReceptionDialog", u"\u8054\u7cfb\u7535\u8bdd", None))
        self.l_person_id_number.setText(QCoreApplication.translate("ReceptionDialog", u"\u8eab\u4efd\u8bc1\u53f7", None))
        self.l_person_address.setText(QCoreApplication.translate("ReceptionDialog", u"\u5355\u4f4d\u6216\u4f4f\u5740", None))
        self.l_people_count.setText(QCoreApplication.translate("ReceptionDialog", u"\u4eba\u6570", None))
        self.l_household_count.setText(QCoreApplication.translate("ReceptionDialog", u"\u6237\u6570", None))
        self.l_request_category.setText(QCoreApplication.translate("ReceptionDialog", u"\u8bc9\u6c42\u7c7b\u522b", None))
        self.l_request_content.setText(QCoreApplication.translate("ReceptionDialog", u"\u8bc9\u6c42\u5185\u5bb9*", None))
        self.l_member_ids.setText(QCoreApplication.translate("ReceptionDialog", u"\u63a5\u5f85\u59d4\u5458", None))
        self.tabs.setTabText(self.tabs.indexOf(self.page0), QCoreApplication.translate("ReceptionDialog", u"\u6765\u8bbf\u4e0e\u8bc9\u6c42", None))
        self.l_status_flow.setText(QCoreApplication.translate("ReceptionDialog", u"\u529e\u7406\u8fdb\u5ea6", None))
        self.l_status.setText(QCoreApplication.translate("ReceptionDialog", u"\u529e\u7406\u72b6\u6001*", None))
        self.l_handling.setText(QCoreApplication.translate("ReceptionDialog", u"\u5904\u7406\u65b9\u5f0f", None))
        self.l_transferred_to.setText(QCoreApplication.translate("ReceptionDialog", u"\u8f6c\u529e\u5355\u4f4d", None))
        self.l_deadline.setText(QCoreApplication.translate("ReceptionDialog", u"\u529e\u7406\u65f6\u9650", None))
        self.l_closed_on.setText(QCoreApplication.translate("ReceptionDialog", u"\u529e\u7ed3\u65e5\u671f", None))
        self.l_result.setText(QCoreApplication.translate("ReceptionDialog", u"\u529e\u7406\u7ed3\u679c", None))
        self.l_practical_help.setText(QCoreApplication.translate("ReceptionDialog", u"\u5e2e\u529e\u5b9e\u4e8b", None))
        self.f_practical_help.setText(QCoreApplication.translate("ReceptionDialog", u"\u662f", None))
        self.l_dispute.setText(QCoreApplication.translate("ReceptionDialog", u"\u77db\u76fe\u7ea0\u7eb7", None))
        self.f_dispute.setText(QCoreApplication.translate("ReceptionDialog", u"\u662f", None))
        self.l_feedback_given.setText(QCoreApplication.translate("ReceptionDialog", u"\u5df2\u53cd\u9988", None))
        self.f_feedback_given.setText(QCoreApplication.translate("ReceptionDialog", u"\u662f", None))
        self.l_satisfaction.setText(QCoreApplication.translate("ReceptionDialog", u"\u6ee1\u610f\u5ea6", None))
        self.l_notes.setText(QCoreApplication.translate("ReceptionDialog", u"\u5907\u6ce8", None))
        self.tabs.setTabText(self.tabs.indexOf(self.page1), QCoreApplication.translate("ReceptionDialog", u"\u529e\u7406", None))
        self.l_followups.setText(QCoreApplication.translate("ReceptionDialog", u"\u529e\u7406\u8ddf\u8e2a", None))
        self.tabs.setTabText(self.tabs.indexOf(self.page2), QCoreApplication.translate("ReceptionDialog", u"\u529e\u7406\u8ddf\u8e2a", None))
    # retranslateUi

