# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'member_form.ui'
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

class Ui_MemberDialog(object):
    def setupUi(self, MemberDialog):
        if not MemberDialog.objectName():
            MemberDialog.setObjectName(u"MemberDialog")
        MemberDialog.resize(680, 600)
        self.main = QVBoxLayout(MemberDialog)
        self.main.setObjectName(u"main")
        self.error_summary = QLabel(MemberDialog)
        self.error_summary.setObjectName(u"error_summary")
        self.error_summary.setWordWrap(True)
        self.error_summary.setProperty(u"error", True)

        self.main.addWidget(self.error_summary)

        self.tabs = QTabWidget(MemberDialog)
        self.tabs.setObjectName(u"tabs")
        self.tabs.setDocumentMode(True)
        self.page0 = QWidget()
        self.page0.setObjectName(u"page0")
        self.form0 = QFormLayout(self.page0)
        self.form0.setObjectName(u"form0")
        self.form0.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form0.setLabelAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignTop)
        self.l_name = QLabel(self.page0)
        self.l_name.setObjectName(u"l_name")

        self.form0.setWidget(0, QFormLayout.ItemRole.LabelRole, self.l_name)

        self.row_name = QWidget(self.page0)
        self.row_name.setObjectName(u"row_name")
        self.lay_name = QVBoxLayout(self.row_name)
        self.lay_name.setSpacing(2)
        self.lay_name.setObjectName(u"lay_name")
        self.lay_name.setContentsMargins(0, 0, 0, 0)
        self.f_name = QLineEdit(self.row_name)
        self.f_name.setObjectName(u"f_name")
        self.f_name.setMaxLength(50)

        self.lay_name.addWidget(self.f_name)

        self.err_name = QLabel(self.row_name)
        self.err_name.setObjectName(u"err_name")
        self.err_name.setWordWrap(True)
        self.err_name.setProperty(u"error", True)

        self.lay_name.addWidget(self.err_name)


        self.form0.setWidget(0, QFormLayout.ItemRole.FieldRole, self.row_name)

        self.l_gender = QLabel(self.page0)
        self.l_gender.setObjectName(u"l_gender")

        self.form0.setWidget(1, QFormLayout.ItemRole.LabelRole, self.l_gender)

        self.row_gender = QWidget(self.page0)
        self.row_gender.setObjectName(u"row_gender")
        self.lay_gender = QVBoxLayout(self.row_gender)
        self.lay_gender.setSpacing(2)
        self.lay_gender.setObjectName(u"lay_gender")
        self.lay_gender.setContentsMargins(0, 0, 0, 0)
        self.f_gender = QComboBox(self.row_gender)
        self.f_gender.setObjectName(u"f_gender")

        self.lay_gender.addWidget(self.f_gender)

        self.err_gender = QLabel(self.row_gender)
        self.err_gender.setObjectName(u"err_gender")
        self.err_gender.setWordWrap(True)
        self.err_gender.setProperty(u"error", True)

        self.lay_gender.addWidget(self.err_gender)


        self.form0.setWidget(1, QFormLayout.ItemRole.FieldRole, self.row_gender)

        self.l_party = QLabel(self.page0)
        self.l_party.setObjectName(u"l_party")

        self.form0.setWidget(2, QFormLayout.ItemRole.LabelRole, self.l_party)

        self.row_party = QWidget(self.page0)
        self.row_party.setObjectName(u"row_party")
        self.lay_party = QVBoxLayout(self.row_party)
        self.lay_party.setSpacing(2)
        self.lay_party.setObjectName(u"lay_party")
        self.lay_party.setContentsMargins(0, 0, 0, 0)
        self.f_party = QComboBox(self.row_party)
        self.f_party.setObjectName(u"f_party")
        self.f_party.setEditable(True)

        self.lay_party.addWidget(self.f_party)

        self.err_party = QLabel(self.row_party)
        self.err_party.setObjectName(u"err_party")
        self.err_party.setWordWrap(True)
        self.err_party.setProperty(u"error", True)

        self.lay_party.addWidget(self.err_party)


        self.form0.setWidget(2, QFormLayout.ItemRole.FieldRole, self.row_party)

        self.l_sector = QLabel(self.page0)
        self.l_sector.setObjectName(u"l_sector")

        self.form0.setWidget(3, QFormLayout.ItemRole.LabelRole, self.l_sector)

        self.row_sector = QWidget(self.page0)
        self.row_sector.setObjectName(u"row_sector")
        self.lay_sector = QVBoxLayout(self.row_sector)
        self.lay_sector.setSpacing(2)
        self.lay_sector.setObjectName(u"lay_sector")
        self.lay_sector.setContentsMargins(0, 0, 0, 0)
        self.f_sector = QComboBox(self.row_sector)
        self.f_sector.setObjectName(u"f_sector")
        self.f_sector.setEditable(True)

        self.lay_sector.addWidget(self.f_sector)

        self.err_sector = QLabel(self.row_sector)
        self.err_sector.setObjectName(u"err_sector")
        self.err_sector.setWordWrap(True)
        self.err_sector.setProperty(u"error", True)

        self.lay_sector.addWidget(self.err_sector)


        self.form0.setWidget(3, QFormLayout.ItemRole.FieldRole, self.row_sector)

        self.l_level = QLabel(self.page0)
        self.l_level.setObjectName(u"l_level")

        self.form0.setWidget(4, QFormLayout.ItemRole.LabelRole, self.l_level)

        self.row_level = QWidget(self.page0)
        self.row_level.setObjectName(u"row_level")
        self.lay_level = QVBoxLayout(self.row_level)
        self.lay_level.setSpacing(2)
        self.lay_level.setObjectName(u"lay_level")
        self.lay_level.setContentsMargins(0, 0, 0, 0)
        self.f_level = QComboBox(self.row_level)
        self.f_level.setObjectName(u"f_level")

        self.lay_level.addWidget(self.f_level)

        self.err_level = QLabel(self.row_level)
        self.err_level.setObjectName(u"err_level")
        self.err_level.setWordWrap(True)
        self.err_level.setProperty(u"error", True)

        self.lay_level.addWidget(self.err_level)


        self.form0.setWidget(4, QFormLayout.ItemRole.FieldRole, self.row_level)

        self.l_role = QLabel(self.page0)
        self.l_role.setObjectName(u"l_role")

        self.form0.setWidget(5, QFormLayout.ItemRole.LabelRole, self.l_role)

        self.row_role = QWidget(self.page0)
        self.row_role.setObjectName(u"row_role")
        self.lay_role = QVBoxLayout(self.row_role)
        self.lay_role.setSpacing(2)
        self.lay_role.setObjectName(u"lay_role")
        self.lay_role.setContentsMargins(0, 0, 0, 0)
        self.f_role = QComboBox(self.row_role)
        self.f_role.setObjectName(u"f_role")

        self.lay_role.addWidget(self.f_role)

        self.err_role = QLabel(self.row_role)
        self.err_role.setObjectName(u"err_role")
        self.err_role.setWordWrap(True)
        self.err_role.setProperty(u"error", True)

        self.lay_role.addWidget(self.err_role)


        self.form0.setWidget(5, QFormLayout.ItemRole.FieldRole, self.row_role)

        self.l_employer = QLabel(self.page0)
        self.l_employer.setObjectName(u"l_employer")

        self.form0.setWidget(6, QFormLayout.ItemRole.LabelRole, self.l_employer)

        self.row_employer = QWidget(self.page0)
        self.row_employer.setObjectName(u"row_employer")
        self.lay_employer = QVBoxLayout(self.row_employer)
        self.lay_employer.setSpacing(2)
        self.lay_employer.setObjectName(u"lay_employer")
        self.lay_employer.setContentsMargins(0, 0, 0, 0)
        self.f_employer = QLineEdit(self.row_employer)
        self.f_employer.setObjectName(u"f_employer")
        self.f_employer.setMaxLength(200)

        self.lay_employer.addWidget(self.f_employer)

        self.err_employer = QLabel(self.row_employer)
        self.err_employer.setObjectName(u"err_employer")
        self.err_employer.setWordWrap(True)
        self.err_employer.setProperty(u"error", True)

        self.lay_employer.addWidget(self.err_employer)


        self.form0.setWidget(6, QFormLayout.ItemRole.FieldRole, self.row_employer)

        self.l_phone = QLabel(self.page0)
        self.l_phone.setObjectName(u"l_phone")

        self.form0.setWidget(7, QFormLayout.ItemRole.LabelRole, self.l_phone)

        self.row_phone = QWidget(self.page0)
        self.row_phone.setObjectName(u"row_phone")
        self.lay_phone = QVBoxLayout(self.row_phone)
        self.lay_phone.setSpacing(2)
        self.lay_phone.setObjectName(u"lay_phone")
        self.lay_phone.setContentsMargins(0, 0, 0, 0)
        self.f_phone = QLineEdit(self.row_phone)
        self.f_phone.setObjectName(u"f_phone")
        self.f_phone.setMaxLength(50)

        self.lay_phone.addWidget(self.f_phone)

        self.err_phone = QLabel(self.row_phone)
        self.err_phone.setObjectName(u"err_phone")
        self.err_phone.setWordWrap(True)
        self.err_phone.setProperty(u"error", True)

        self.lay_phone.addWidget(self.err_phone)


        self.form0.setWidget(7, QFormLayout.ItemRole.FieldRole, self.row_phone)

        self.l_joined_on = QLabel(self.page0)
        self.l_joined_on.setObjectName(u"l_joined_on")

        self.form0.setWidget(8, QFormLayout.ItemRole.LabelRole, self.l_joined_on)

        self.row_joined_on = QWidget(self.page0)
        self.row_joined_on.setObjectName(u"row_joined_on")
        self.lay_joined_on = QVBoxLayout(self.row_joined_on)
        self.lay_joined_on.setSpacing(2)
        self.lay_joined_on.setObjectName(u"lay_joined_on")
        self.lay_joined_on.setContentsMargins(0, 0, 0, 0)
        self.f_joined_on = DateField(self.row_joined_on)
        self.f_joined_on.setObjectName(u"f_joined_on")

        self.lay_joined_on.addWidget(self.f_joined_on)

        self.err_joined_on = QLabel(self.row_joined_on)
        self.err_joined_on.setObjectName(u"err_joined_on")
        self.err_joined_on.setWordWrap(True)
        self.err_joined_on.setProperty(u"error", True)

        self.lay_joined_on.addWidget(self.err_joined_on)


        self.form0.setWidget(8, QFormLayout.ItemRole.FieldRole, self.row_joined_on)

        self.l_left_on = QLabel(self.page0)
        self.l_left_on.setObjectName(u"l_left_on")

        self.form0.setWidget(9, QFormLayout.ItemRole.LabelRole, self.l_left_on)

        self.row_left_on = QWidget(self.page0)
        self.row_left_on.setObjectName(u"row_left_on")
        self.lay_left_on = QVBoxLayout(self.row_left_on)
        self.lay_left_on.setSpacing(2)
        self.lay_left_on.setObjectName(u"lay_left_on")
        self.lay_left_on.setContentsMargins(0, 0, 0, 0)
        self.f_left_on = DateField(self.row_left_on)
        self.f_left_on.setObjectName(u"f_left_on")

        self.lay_left_on.addWidget(self.f_left_on)

        self.err_left_on = QLabel(self.row_left_on)
        self.err_left_on.setObjectName(u"err_left_on")
        self.err_left_on.setWordWrap(True)
        self.err_left_on.setProperty(u"error", True)

        self.lay_left_on.addWidget(self.err_left_on)


        self.form0.setWidget(9, QFormLayout.ItemRole.FieldRole, self.row_left_on)

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

        self.buttons = QDialogButtonBox(MemberDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.main.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.l_name.setBuddy(self.f_name)
        self.l_gender.setBuddy(self.f_gender)
        self.l_party.setBuddy(self.f_party)
        self.l_sector.setBuddy(self.f_sector)
        self.l_level.setBuddy(self.f_level)
        self.l_role.setBuddy(self.f_role)
        self.l_employer.setBuddy(self.f_employer)
        self.l_phone.setBuddy(self.f_phone)
        self.l_joined_on.setBuddy(self.f_joined_on)
        self.l_left_on.setBuddy(self.f_left_on)
        self.l_notes.setBuddy(self.f_notes)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(MemberDialog)

        self.tabs.setCurrentIndex(0)


        QMetaObject.connectSlotsByName(MemberDialog)
    # setupUi

    def retranslateUi(self, MemberDialog):
        MemberDialog.setWindowTitle(QCoreApplication.translate("MemberDialog", u"\u59d4\u5458", None))
        self.l_name.setText(QCoreApplication.translate("MemberDialog", u"\u59d3\u540d*", None))
        self.l_gender.setText(QCoreApplication.translate("MemberDialog", u"\u6027\u522b", None))
        self.l_party.setText(QCoreApplication.translate("MemberDialog", u"\u515a\u6d3e", None))
        self.l_sector.setText(QCoreApplication.translate("MemberDialog", u"\u754c\u522b", None))
        self.l_level.setText(QCoreApplication.translate("MemberDialog", u"\u653f\u534f\u5c42\u7ea7", None))
        self.l_role.setText(QCoreApplication.translate("MemberDialog", u"\u5de5\u4f5c\u5ba4\u804c\u52a1*", None))
        self.l_employer.setText(QCoreApplication.translate("MemberDialog", u"\u5de5\u4f5c\u5355\u4f4d\u53ca\u804c\u52a1", None))
        self.l_phone.setText(QCoreApplication.translate("MemberDialog", u"\u8054\u7cfb\u7535\u8bdd", None))
        self.l_joined_on.setText(QCoreApplication.translate("MemberDialog", u"\u52a0\u5165\u65e5\u671f", None))
        self.l_left_on.setText(QCoreApplication.translate("MemberDialog", u"\u9000\u51fa\u65e5\u671f", None))
        self.l_notes.setText(QCoreApplication.translate("MemberDialog", u"\u5907\u6ce8", None))
        self.tabs.setTabText(self.tabs.indexOf(self.page0), QCoreApplication.translate("MemberDialog", u"\u59d4\u5458\u4fe1\u606f", None))
    # retranslateUi

