# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'setup_dialog.ui'
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
    QSizePolicy, QVBoxLayout, QWidget)

class Ui_SetupDialog(object):
    def setupUi(self, SetupDialog):
        if not SetupDialog.objectName():
            SetupDialog.setObjectName(u"SetupDialog")
        SetupDialog.setMinimumSize(QSize(520, 0))
        self.layout = QVBoxLayout(SetupDialog)
        self.layout.setObjectName(u"layout")
        self.intro = QLabel(SetupDialog)
        self.intro.setObjectName(u"intro")
        self.intro.setWordWrap(True)

        self.layout.addWidget(self.intro)

        self.folder = QLabel(SetupDialog)
        self.folder.setObjectName(u"folder")
        self.folder.setText(u"")
        self.folder.setWordWrap(True)
        self.folder.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.layout.addWidget(self.folder)

        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.roleLabel = QLabel(SetupDialog)
        self.roleLabel.setObjectName(u"roleLabel")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.roleLabel)

        self.role = QComboBox(SetupDialog)
        self.role.setObjectName(u"role")

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.role)

        self.nameLabel = QLabel(SetupDialog)
        self.nameLabel.setObjectName(u"nameLabel")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.nameLabel)

        self.name = QLineEdit(SetupDialog)
        self.name.setObjectName(u"name")

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.name)

        self.lawIdLabel = QLabel(SetupDialog)
        self.lawIdLabel.setObjectName(u"lawIdLabel")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.lawIdLabel)

        self.lawId = QLineEdit(SetupDialog)
        self.lawId.setObjectName(u"lawId")

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.lawId)

        self.organisationLabel = QLabel(SetupDialog)
        self.organisationLabel.setObjectName(u"organisationLabel")

        self.form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.organisationLabel)

        self.organisation = QLineEdit(SetupDialog)
        self.organisation.setObjectName(u"organisation")

        self.form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.organisation)

        self.agencyCodeLabel = QLabel(SetupDialog)
        self.agencyCodeLabel.setObjectName(u"agencyCodeLabel")

        self.form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.agencyCodeLabel)

        self.agencyCode = QLineEdit(SetupDialog)
        self.agencyCode.setObjectName(u"agencyCode")

        self.form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.agencyCode)

        self.officerCodeLabel = QLabel(SetupDialog)
        self.officerCodeLabel.setObjectName(u"officerCodeLabel")

        self.form.setWidget(5, QFormLayout.ItemRole.LabelRole, self.officerCodeLabel)

        self.officerCode = QLineEdit(SetupDialog)
        self.officerCode.setObjectName(u"officerCode")

        self.form.setWidget(5, QFormLayout.ItemRole.FieldRole, self.officerCode)

        self.phoneLabel = QLabel(SetupDialog)
        self.phoneLabel.setObjectName(u"phoneLabel")

        self.form.setWidget(6, QFormLayout.ItemRole.LabelRole, self.phoneLabel)

        self.phone = QLineEdit(SetupDialog)
        self.phone.setObjectName(u"phone")

        self.form.setWidget(6, QFormLayout.ItemRole.FieldRole, self.phone)

        self.passphraseLabel = QLabel(SetupDialog)
        self.passphraseLabel.setObjectName(u"passphraseLabel")

        self.form.setWidget(7, QFormLayout.ItemRole.LabelRole, self.passphraseLabel)

        self.passphrase = QLineEdit(SetupDialog)
        self.passphrase.setObjectName(u"passphrase")
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)

        self.form.setWidget(7, QFormLayout.ItemRole.FieldRole, self.passphrase)

        self.passphrase2Label = QLabel(SetupDialog)
        self.passphrase2Label.setObjectName(u"passphrase2Label")

        self.form.setWidget(8, QFormLayout.ItemRole.LabelRole, self.passphrase2Label)

        self.passphrase2 = QLineEdit(SetupDialog)
        self.passphrase2.setObjectName(u"passphrase2")
        self.passphrase2.setEchoMode(QLineEdit.EchoMode.Password)

        self.form.setWidget(8, QFormLayout.ItemRole.FieldRole, self.passphrase2)


        self.layout.addLayout(self.form)

        self.problems = QLabel(SetupDialog)
        self.problems.setObjectName(u"problems")
        self.problems.setText(u"")
        self.problems.setWordWrap(True)

        self.layout.addWidget(self.problems)

        self.buttons = QDialogButtonBox(SetupDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.layout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.roleLabel.setBuddy(self.role)
        self.nameLabel.setBuddy(self.name)
        self.lawIdLabel.setBuddy(self.lawId)
        self.organisationLabel.setBuddy(self.organisation)
        self.agencyCodeLabel.setBuddy(self.agencyCode)
        self.officerCodeLabel.setBuddy(self.officerCode)
        self.phoneLabel.setBuddy(self.phone)
        self.passphraseLabel.setBuddy(self.passphrase)
        self.passphrase2Label.setBuddy(self.passphrase2)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.role, self.name)
        QWidget.setTabOrder(self.name, self.lawId)
        QWidget.setTabOrder(self.lawId, self.organisation)
        QWidget.setTabOrder(self.organisation, self.agencyCode)
        QWidget.setTabOrder(self.agencyCode, self.officerCode)
        QWidget.setTabOrder(self.officerCode, self.phone)
        QWidget.setTabOrder(self.phone, self.passphrase)
        QWidget.setTabOrder(self.passphrase, self.passphrase2)

        self.retranslateUi(SetupDialog)

        QMetaObject.connectSlotsByName(SetupDialog)
    # setupUi

    def retranslateUi(self, SetupDialog):
        SetupDialog.setWindowTitle(QCoreApplication.translate("SetupDialog", u"Set up this workspace", None))
        self.intro.setText(QCoreApplication.translate("SetupDialog", u"This folder has no workspace yet. Choose who uses it. An officer's name and law-enforcement ID are printed on every record and notice.", None))
        self.roleLabel.setText(QCoreApplication.translate("SetupDialog", u"&Role", None))
        self.nameLabel.setText(QCoreApplication.translate("SetupDialog", u"&Name", None))
        self.lawIdLabel.setText(QCoreApplication.translate("SetupDialog", u"&Law-enforcement ID", None))
        self.organisationLabel.setText(QCoreApplication.translate("SetupDialog", u"&Organisation", None))
        self.organisation.setPlaceholderText(QCoreApplication.translate("SetupDialog", u"e.g. Changchun Administration for Market Regulation", None))
        self.agencyCodeLabel.setText(QCoreApplication.translate("SetupDialog", u"&Agency code", None))
        self.agencyCode.setPlaceholderText(QCoreApplication.translate("SetupDialog", u"Used in notice numbers, e.g. \u957f", None))
        self.officerCodeLabel.setText(QCoreApplication.translate("SetupDialog", u"Officer &code", None))
        self.officerCode.setPlaceholderText(QCoreApplication.translate("SetupDialog", u"Unique code in notice numbers (default: the ID)", None))
        self.phoneLabel.setText(QCoreApplication.translate("SetupDialog", u"&Phone", None))
        self.passphraseLabel.setText(QCoreApplication.translate("SetupDialog", u"Pass&phrase", None))
        self.passphrase.setPlaceholderText(QCoreApplication.translate("SetupDialog", u"Protects the key that signs your notices (at least 8 characters)", None))
        self.passphrase2Label.setText(QCoreApplication.translate("SetupDialog", u"Passphrase &again", None))
    # retranslateUi

