# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'main_window.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QAction, QBrush, QColor, QConicalGradient,
    QCursor, QFont, QFontDatabase, QGradient,
    QIcon, QImage, QKeySequence, QLinearGradient,
    QPainter, QPalette, QPixmap, QRadialGradient,
    QTransform)
from PySide6.QtWidgets import (QApplication, QFrame, QHBoxLayout, QListWidget,
    QListWidgetItem, QMainWindow, QMenu, QMenuBar,
    QSizePolicy, QStackedWidget, QStatusBar, QWidget)

class Ui_MainWindow(object):
    def setupUi(self, MainWindow):
        if not MainWindow.objectName():
            MainWindow.setObjectName(u"MainWindow")
        MainWindow.resize(1280, 720)
        self.actionVerify = QAction(MainWindow)
        self.actionVerify.setObjectName(u"actionVerify")
        self.actionQuit = QAction(MainWindow)
        self.actionQuit.setObjectName(u"actionQuit")
#if QT_CONFIG(shortcut)
        self.actionQuit.setShortcut(u"Ctrl+Q")
#endif // QT_CONFIG(shortcut)
        self.actionInspections = QAction(MainWindow)
        self.actionInspections.setObjectName(u"actionInspections")
#if QT_CONFIG(shortcut)
        self.actionInspections.setShortcut(u"Ctrl+1")
#endif // QT_CONFIG(shortcut)
        self.actionRegistry = QAction(MainWindow)
        self.actionRegistry.setObjectName(u"actionRegistry")
#if QT_CONFIG(shortcut)
        self.actionRegistry.setShortcut(u"Ctrl+2")
#endif // QT_CONFIG(shortcut)
        self.actionFollowUps = QAction(MainWindow)
        self.actionFollowUps.setObjectName(u"actionFollowUps")
#if QT_CONFIG(shortcut)
        self.actionFollowUps.setShortcut(u"Ctrl+3")
#endif // QT_CONFIG(shortcut)
        self.actionSync = QAction(MainWindow)
        self.actionSync.setObjectName(u"actionSync")
#if QT_CONFIG(shortcut)
        self.actionSync.setShortcut(u"Ctrl+4")
#endif // QT_CONFIG(shortcut)
        self.actionOpenLog = QAction(MainWindow)
        self.actionOpenLog.setObjectName(u"actionOpenLog")
        self.actionAbout = QAction(MainWindow)
        self.actionAbout.setObjectName(u"actionAbout")
        self.central = QWidget(MainWindow)
        self.central.setObjectName(u"central")
        self.centralLayout = QHBoxLayout(self.central)
        self.centralLayout.setSpacing(0)
        self.centralLayout.setObjectName(u"centralLayout")
        self.centralLayout.setContentsMargins(0, 0, 0, 0)
        self.navigation = QListWidget(self.central)
        self.navigation.setObjectName(u"navigation")
        self.navigation.setMinimumSize(QSize(216, 0))
        self.navigation.setMaximumSize(QSize(216, 16777215))
        self.navigation.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.navigation.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.navigation.setFrameShape(QFrame.Shape.NoFrame)
        self.navigation.setIconSize(QSize(24, 24))

        self.centralLayout.addWidget(self.navigation)

        self.pages = QStackedWidget(self.central)
        self.pages.setObjectName(u"pages")

        self.centralLayout.addWidget(self.pages)

        MainWindow.setCentralWidget(self.central)
        self.menubar = QMenuBar(MainWindow)
        self.menubar.setObjectName(u"menubar")
        self.menuFile = QMenu(self.menubar)
        self.menuFile.setObjectName(u"menuFile")
        self.menuView = QMenu(self.menubar)
        self.menuView.setObjectName(u"menuView")
        self.menuHelp = QMenu(self.menubar)
        self.menuHelp.setObjectName(u"menuHelp")
        MainWindow.setMenuBar(self.menubar)
        self.statusbar = QStatusBar(MainWindow)
        self.statusbar.setObjectName(u"statusbar")
        MainWindow.setStatusBar(self.statusbar)

        self.menubar.addAction(self.menuFile.menuAction())
        self.menubar.addAction(self.menuView.menuAction())
        self.menubar.addAction(self.menuHelp.menuAction())
        self.menuFile.addAction(self.actionVerify)
        self.menuFile.addSeparator()
        self.menuFile.addAction(self.actionQuit)
        self.menuView.addAction(self.actionInspections)
        self.menuView.addAction(self.actionRegistry)
        self.menuView.addAction(self.actionFollowUps)
        self.menuView.addAction(self.actionSync)
        self.menuHelp.addAction(self.actionOpenLog)
        self.menuHelp.addAction(self.actionAbout)

        self.retranslateUi(MainWindow)

        QMetaObject.connectSlotsByName(MainWindow)
    # setupUi

    def retranslateUi(self, MainWindow):
        MainWindow.setWindowTitle(QCoreApplication.translate("MainWindow", u"Special Equipment Safety Supervision \u2014 Field App", None))
        self.actionVerify.setText(QCoreApplication.translate("MainWindow", u"&Verify a notice's QR code\u2026", None))
        self.actionQuit.setText(QCoreApplication.translate("MainWindow", u"&Quit", None))
        self.actionInspections.setText(QCoreApplication.translate("MainWindow", u"&Inspections", None))
        self.actionRegistry.setText(QCoreApplication.translate("MainWindow", u"&Units and Equipment", None))
        self.actionFollowUps.setText(QCoreApplication.translate("MainWindow", u"&Follow-ups", None))
        self.actionSync.setText(QCoreApplication.translate("MainWindow", u"&Data Exchange", None))
        self.actionOpenLog.setText(QCoreApplication.translate("MainWindow", u"Show &Log File", None))
        self.actionAbout.setText(QCoreApplication.translate("MainWindow", u"&About", None))
#if QT_CONFIG(accessibility)
        self.navigation.setAccessibleName(QCoreApplication.translate("MainWindow", u"Sections", None))
#endif // QT_CONFIG(accessibility)
        self.menuFile.setTitle(QCoreApplication.translate("MainWindow", u"&File", None))
        self.menuView.setTitle(QCoreApplication.translate("MainWindow", u"&View", None))
        self.menuHelp.setTitle(QCoreApplication.translate("MainWindow", u"&Help", None))
    # retranslateUi

