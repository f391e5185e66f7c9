# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'registry_view.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QCheckBox, QComboBox,
    QHBoxLayout, QHeaderView, QLabel, QLineEdit,
    QSizePolicy, QSplitter, QTableView, QTextBrowser,
    QVBoxLayout, QWidget)

class Ui_RegistryView(object):
    def setupUi(self, RegistryView):
        if not RegistryView.objectName():
            RegistryView.setObjectName(u"RegistryView")
        self.layout = QVBoxLayout(RegistryView)
        self.layout.setObjectName(u"layout")
        self.filterBar = QHBoxLayout()
        self.filterBar.setObjectName(u"filterBar")
        self.search = QLineEdit(RegistryView)
        self.search.setObjectName(u"search")
        self.search.setClearButtonEnabled(True)

        self.filterBar.addWidget(self.search)

        self.city = QComboBox(RegistryView)
        self.city.setObjectName(u"city")
        self.city.setMinimumSize(QSize(150, 0))

        self.filterBar.addWidget(self.city)

        self.overdueOnly = QCheckBox(RegistryView)
        self.overdueOnly.setObjectName(u"overdueOnly")

        self.filterBar.addWidget(self.overdueOnly)

        self.countLabel = QLabel(RegistryView)
        self.countLabel.setObjectName(u"countLabel")
        self.countLabel.setText(u"0")

        self.filterBar.addWidget(self.countLabel)


        self.layout.addLayout(self.filterBar)

        self.splitter = QSplitter(RegistryView)
        self.splitter.setObjectName(u"splitter")
        self.splitter.setOrientation(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.unitTable = QTableView(self.splitter)
        self.unitTable.setObjectName(u"unitTable")
        self.unitTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.unitTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.unitTable.setAlternatingRowColors(True)
        self.unitTable.setWordWrap(False)
        self.splitter.addWidget(self.unitTable)
        self.detailPane = QWidget(self.splitter)
        self.detailPane.setObjectName(u"detailPane")
        self.detailLayout = QVBoxLayout(self.detailPane)
        self.detailLayout.setObjectName(u"detailLayout")
        self.detailLayout.setContentsMargins(0, 0, 0, 0)
        self.unitTitle = QLabel(self.detailPane)
        self.unitTitle.setObjectName(u"unitTitle")
        self.unitTitle.setWordWrap(True)
        self.unitTitle.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.detailLayout.addWidget(self.unitTitle)

        self.unitDetails = QLabel(self.detailPane)
        self.unitDetails.setObjectName(u"unitDetails")
        self.unitDetails.setText(u"")
        self.unitDetails.setWordWrap(True)
        self.unitDetails.setTextFormat(Qt.TextFormat.RichText)
        self.unitDetails.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.detailLayout.addWidget(self.unitDetails)

        self.equipmentHeading = QLabel(self.detailPane)
        self.equipmentHeading.setObjectName(u"equipmentHeading")

        self.detailLayout.addWidget(self.equipmentHeading)

        self.equipmentTable = QTableView(self.detailPane)
        self.equipmentTable.setObjectName(u"equipmentTable")
        self.equipmentTable.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.equipmentTable.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.equipmentTable.setAlternatingRowColors(True)
        self.equipmentTable.setWordWrap(False)

        self.detailLayout.addWidget(self.equipmentTable)

        self.equipmentDetails = QTextBrowser(self.detailPane)
        self.equipmentDetails.setObjectName(u"equipmentDetails")
        self.equipmentDetails.setMaximumSize(QSize(16777215, 210))

        self.detailLayout.addWidget(self.equipmentDetails)

        self.splitter.addWidget(self.detailPane)

        self.layout.addWidget(self.splitter)

        self.layout.setStretch(1, 1)

        self.retranslateUi(RegistryView)

        QMetaObject.connectSlotsByName(RegistryView)
    # setupUi

    def retranslateUi(self, RegistryView):
        self.search.setPlaceholderText(QCoreApplication.translate("RegistryView", u"Search unit name, credit code, address or equipment code (Ctrl+F)", None))
#if QT_CONFIG(accessibility)
        self.search.setAccessibleName(QCoreApplication.translate("RegistryView", u"Search", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.city.setAccessibleName(QCoreApplication.translate("RegistryView", u"City", None))
#endif // QT_CONFIG(accessibility)
        self.overdueOnly.setText(QCoreApplication.translate("RegistryView", u"Only units with &overdue equipment", None))
#if QT_CONFIG(accessibility)
        self.unitTable.setAccessibleName(QCoreApplication.translate("RegistryView", u"Using units", None))
#endif // QT_CONFIG(accessibility)
        self.unitTitle.setText(QCoreApplication.translate("RegistryView", u"Select a unit", None))
        self.equipmentHeading.setText(QCoreApplication.translate("RegistryView", u"Equipment", None))
#if QT_CONFIG(accessibility)
        self.equipmentTable.setAccessibleName(QCoreApplication.translate("RegistryView", u"Equipment of the unit", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.equipmentDetails.setAccessibleName(QCoreApplication.translate("RegistryView", u"Equipment details", None))
#endif // QT_CONFIG(accessibility)
        pass
    # retranslateUi

