# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'studio_form.ui'
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

class Ui_StudioDialog(object):
    def setupUi(self, StudioDialog):
        if not StudioDialog.objectName():
            StudioDialog.setObjectName(u"StudioDialog")
        StudioDialog.resize(680, 600)
        self.main = QVBoxLayout(StudioDialog)
        self.main.setObjectName(u"main")
        self.error_summary = QLabel(StudioDialog)
        self.error_summary.setObjectName(u"error_summary")
        self.error_summary.setWordWrap(True)
        self.error_summary.setProperty(u"error", True)

        self.main.addWidget(self.error_summary)

        self.tabs = QTabWidget(StudioDialog)
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
        self.f_name.setMaxLength(100)

        self.lay_name.addWidget(self.f_name)

        self.err_name = QLabel(self.row_name)
        self.err_name.setObjectName(u"err_name")
        self.err_name.setWordWrap(True)
        self.err_name.setProperty(u"error", True)

        self.lay_name.addWidget(self.err_name)


        self.form0.setWidget(0, QFormLayout.ItemRole.FieldRole, self.row_name)

        self.l_sector = QLabel(self.page0)
        self.l_sector.setObjectName(u"l_sector")

        self.form0.setWidget(1, QFormLayout.ItemRole.LabelRole, self.l_sector)

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


        self.form0.setWidget(1, QFormLayout.ItemRole.FieldRole, self.row_sector)

        self.l_county = QLabel(self.page0)
        self.l_county.setObjectName(u"l_county")

        self.form0.setWidget(2, QFormLayout.ItemRole.LabelRole, self.l_county)

        self.row_county = QWidget(self.page0)
        self.row_county.setObjectName(u"row_county")
        self.lay_county = QVBoxLayout(self.row_county)
        self.lay_county.setSpacing(2)
        self.lay_county.setObjectName(u"lay_county")
        self.lay_county.setContentsMargins(0, 0, 0, 0)
        self.f_county = QLineEdit(self.row_county)
        self.f_county.setObjectName(u"f_county")
        self.f_county.setMaxLength(100)

        self.lay_county.addWidget(self.f_county)

        self.err_county = QLabel(self.row_county)
        self.err_county.setObjectName(u"err_county")
        self.err_county.setWordWrap(True)
        self.err_county.setProperty(u"error", True)

        self.lay_county.addWidget(self.err_county)


        self.form0.setWidget(2, QFormLayout.ItemRole.FieldRole, self.row_county)

        self.l_address = QLabel(self.page0)
        self.l_address.setObjectName(u"l_address")

        self.form0.setWidget(3, QFormLayout.ItemRole.LabelRole, self.l_address)

        self.row_address = QWidget(self.page0)
        self.row_address.setObjectName(u"row_address")
        self.lay_address = QVBoxLayout(self.row_address)
        self.lay_address.setSpacing(2)
        self.lay_address.setObjectName(u"lay_address")
        self.lay_address.setContentsMargins(0, 0, 0, 0)
        self.f_address = QLineEdit(self.row_address)
        self.f_address.setObjectName(u"f_address")
        self.f_address.setMaxLength(200)

        self.lay_address.addWidget(self.f_address)

        self.err_address = QLabel(self.row_address)
        self.err_address.setObjectName(u"err_address")
        self.err_address.setWordWrap(True)
        self.err_address.setProperty(u"error", True)

        self.lay_address.addWidget(self.err_address)


        self.form0.setWidget(3, QFormLayout.ItemRole.FieldRole, self.row_address)

        self.l_founded_on = QLabel(self.page0)
        self.l_founded_on.setObjectName(u"l_founded_on")

        self.form0.setWidget(4, QFormLayout.ItemRole.LabelRole, self.l_founded_on)

        self.row_founded_on = QWidget(self.page0)
        self.row_founded_on.setObjectName(u"row_founded_on")
        self.lay_founded_on = QVBoxLayout(self.row_founded_on)
        self.lay_founded_on.setSpacing(2)
        self.lay_founded_on.setObjectName(u"lay_founded_on")
        self.lay_founded_on.setContentsMargins(0, 0, 0, 0)
        self.f_founded_on = DateField(self.row_founded_on)
        self.f_founded_on.setObjectName(u"f_founded_on")

        self.lay_founded_on.addWidget(self.f_founded_on)

        self.err_founded_on = QLabel(self.row_founded_on)
        self.err_founded_on.setObjectName(u"err_founded_on")
        self.err_founded_on.setWordWrap(True)
        self.err_founded_on.setProperty(u"error", True)

        self.lay_founded_on.addWidget(self.err_founded_on)


        self.form0.setWidget(4, QFormLayout.ItemRole.FieldRole, self.row_founded_on)

        self.l_convenor = QLabel(self.page0)
        self.l_convenor.setObjectName(u"l_convenor")

        self.form0.setWidget(5, QFormLayout.ItemRole.LabelRole, self.l_convenor)

        self.row_convenor = QWidget(self.page0)
        self.row_convenor.setObjectName(u"row_convenor")
        self.lay_convenor = QVBoxLayout(self.row_convenor)
        self.lay_convenor.setSpacing(2)
        self.lay_convenor.setObjectName(u"lay_convenor")
        self.lay_convenor.setContentsMargins(0, 0, 0, 0)
        self.f_convenor = QLineEdit(self.row_convenor)
        self.f_convenor.setObjectName(u"f_convenor")
        self.f_convenor.setMaxLength(50)

        self.lay_convenor.addWidget(self.f_convenor)

        self.err_convenor = QLabel(self.row_convenor)
        self.err_convenor.setObjectName(u"err_convenor")
        self.err_convenor.setWordWrap(True)
        self.err_convenor.setProperty(u"error", True)

        self.lay_convenor.addWidget(self.err_convenor)


        self.form0.setWidget(5, QFormLayout.ItemRole.FieldRole, self.row_convenor)

        self.l_phone = QLabel(self.page0)
        self.l_phone.setObjectName(u"l_phone")

        self.form0.setWidget(6, QFormLayout.ItemRole.LabelRole, self.l_phone)

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


        self.form0.setWidget(6, QFormLayout.ItemRole.FieldRole, self.row_phone)

        self.l_intro = QLabel(self.page0)
        self.l_intro.setObjectName(u"l_intro")

        self.form0.setWidget(7, QFormLayout.ItemRole.LabelRole, self.l_intro)

        self.row_intro = QWidget(self.page0)
        self.row_intro.setObjectName(u"row_intro")
        self.lay_intro = QVBoxLayout(self.row_intro)
        self.lay_intro.setSpacing(2)
        self.lay_intro.setObjectName(u"lay_intro")
        self.lay_intro.setContentsMargins(0, 0, 0, 0)
        self.f_intro = QPlainTextEdit(self.row_intro)
        self.f_intro.setObjectName(u"f_intro")
        self.f_intro.setMinimumSize(QSize(0, 70))
        self.f_intro.setMaximumSize(QSize(16777215, 140))
        self.f_intro.setTabChangesFocus(True)

        self.lay_intro.addWidget(self.f_intro)

        self.err_intro = QLabel(self.row_intro)
        self.err_intro.setObjectName(u"err_intro")
        self.err_intro.setWordWrap(True)
        self.err_intro.setProperty(u"error", True)

        self.lay_intro.addWidget(self.err_intro)


        self.form0.setWidget(7, QFormLayout.ItemRole.FieldRole, self.row_intro)

        self.tabs.addTab(self.page0, "")

        self.main.addWidget(self.tabs)

        self.buttons = QDialogButtonBox(StudioDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.main.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.l_name.setBuddy(self.f_name)
        self.l_sector.setBuddy(self.f_sector)
        self.l_county.setBuddy(self.f_county)
        self.l_address.setBuddy(self.f_address)
        self.l_founded_on.setBuddy(self.f_founded_on)
        self.l_convenor.setBuddy(self.f_convenor)
        self.l_phone.setBuddy(self.f_phone)
        self.l_intro.setBuddy(self.f_intro)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(StudioDialog)

        self.tabs.setCurrentIndex(0)


        QMetaObject.connectSlotsByName(StudioDialog)
    # setupUi

    def retranslateUi(self, StudioDialog):
        StudioDialog.setWindowTitle(QCoreApplication.translate("StudioDialog", u"\u5de5\u4f5c\u5ba4\u4fe1\u606f", None))
        self.l_name.setText(QCoreApplication.translate("StudioDialog", u"\u5de5\u4f5c\u5ba4\u540d\u79f0*", None))
        self.l_sector.setText(QCoreApplication.translate("StudioDialog", u"\u670d\u52a1\u754c\u522b", None))
        self.l_county.setText(QCoreApplication.translate("StudioDialog", u"\u6240\u5c5e\u653f\u534f", None))
        self.l_address.setText(QCoreApplication.translate("StudioDialog", u"\u5730\u5740", None))
        self.l_founded_on.setText(QCoreApplication.translate("StudioDialog", u"\u6388\u724c\u65e5\u671f", None))
        self.l_convenor.setText(QCoreApplication.translate("StudioDialog", u"\u53ec\u96c6\u4eba", None))
        self.l_phone.setText(QCoreApplication.translate("StudioDialog", u"\u8054\u7cfb\u7535\u8bdd", None))
        self.l_intro.setText(QCoreApplication.translate("StudioDialog", u"\u7b80\u4ecb", None))
        self.tabs.setTabText(self.tabs.indexOf(self.page0), QCoreApplication.translate("StudioDialog", u"\u5de5\u4f5c\u5ba4\u4fe1\u606f", None))
    # retranslateUi

