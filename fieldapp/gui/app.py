"""Starting the desktop app: Qt application, language, fonts, error handling, workspace."""

from __future__ import annotations

import logging
import sys
import threading
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QEvent,
    QLibraryInfo,
    QLocale,
    QObject,
    QSize,
    QTimer,
    QTranslator,
    Signal,
)
from PySide6.QtGui import QFont, QFontDatabase, QIcon
from PySide6.QtWidgets import QApplication, QWidget

from fieldapp import __version__
from fieldapp.errors import UserError
from fieldapp.gui.i18n import set_language
from fieldapp.paths import resource

if TYPE_CHECKING:
    from fieldapp.workspace import Workspace

log = logging.getLogger(__name__)

ORGANISATION = "fieldapp"
APP_NAME = "fieldapp"
CJK_FALLBACK_FONT = resource("fonts", "DroidSansFallbackFull.ttf")


def install_translations(app: QApplication, lang: str) -> list[QTranslator]:
    """Load our Chinese catalogue (and Qt's own) unless English was asked for.

    The source strings are English; Chinese is the default language.
    """
    translators: list[QTranslator] = []
    set_language(lang)
    if lang != "zh":
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        return translators
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qt_translator = QTranslator(app)
    # qtbase_zh_CN holds Qt's own strings; older wheels ship them only inside qt_zh_CN
    if qt_translator.load("qtbase_zh_CN", qt_dir) or qt_translator.load("qt_zh_CN", qt_dir):
        app.installTranslator(qt_translator)
        translators.append(qt_translator)
    ours = QTranslator(app)
    if not ours.load("fieldapp_zh_CN", str(resource("translations"))):
        log.warning("Chinese translation missing in %s", resource("translations"))
    else:
        app.installTranslator(ours)
        translators.append(ours)
    return translators


def install_fonts(app: QApplication) -> None:
    """Make Chinese render everywhere, even with no CJK font installed on the machine."""
    font_id = QFontDatabase.addApplicationFont(str(CJK_FALLBACK_FONT))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    font = QFont(app.font())
    font.setFamilies([font.family(), *families])
    if font.pointSizeF() < 10:
        font.setPointSizeF(10)
    app.setFont(font)


APP_ICON_SIZES = (16, 24, 32, 48, 64, 128, 256)


def app_icon() -> QIcon:
    """The application icon: the PNG sizes drawn from ``resources/icons/fieldapp.svg`` by
    ``build_spec/make_icons.py`` (Qt scales the nearest one for any other size)."""
    icon = QIcon()
    for size in APP_ICON_SIZES:
        icon.addFile(str(resource("icons", f"fieldapp-{size}.png")), QSize(size, size))
    return icon


def make_application(lang: str | None) -> QApplication:
    """The QApplication with our name, icon, fonts and language (``zh`` unless ``en``)."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setOrganizationName(ORGANISATION)
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setWindowIcon(app_icon())
    install_fonts(app)
    install_translations(app, lang or "zh")
    return app


class ErrorHandler:
    """Routes uncaught exceptions: a UserError becomes a plain message, a bug a crash dialog."""

    def __init__(self, log_file: Callable[[], Path | None]) -> None:
        self._log_file = log_file
        self._showing = False

    def install(self) -> None:
        sys.excepthook = self.handle
        threading.excepthook = self._handle_thread

    def _handle_thread(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is not None:
            self.handle(args.exc_type, args.exc_value, args.exc_traceback)

    def handle(
        self, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
    ) -> None:
        from fieldapp.gui import dialogs  # loaded when first needed: start-up time

        if isinstance(exc, UserError):
            log.info("user error: %s", exc)
            dialogs.show_user_error(None, str(exc))
            return
        text = "".join(traceback.format_exception(exc_type, exc, tb))
        log.error("unexpected error\n%s", text)
        if self._showing:
            return
        self._showing = True
        try:
            dialogs.show_crash(None, text, self._log_file())
        finally:
            self._showing = False


class WorkspaceOpener(QObject):
    """Opens (and if needed migrates) a workspace in a worker thread.

    ``opened`` carries the Workspace, ``failed`` the exception; both arrive on the GUI
    thread. The store's modules are first imported in the worker too.
    """

    opened = Signal(object)
    failed = Signal(object)

    worker: threading.Thread | None = None

    def start(self, home: Path) -> None:
        self.worker = threading.Thread(
            target=self._run, args=(home,), name="open-workspace", daemon=True
        )
        self.worker.start()

    def join(self) -> None:
        """Wait for the worker (it has long finished when the app closes)."""
        if self.worker is not None:
            self.worker.join(timeout=30)

    def _run(self, home: Path) -> None:
        try:
            from fieldapp.workspace import Workspace

            workspace = Workspace.open(home)
        except Exception as err:  # noqa: BLE001  (handed to the GUI thread, which reports it)
            self.failed.emit(err)
            return
        self.opened.emit(workspace)


def run_gui(
    home: str | None,
    lang: str | None,
    on_shown: Callable[[QWidget], None] | None = None,
    on_ready: Callable[[QWidget], None] | None = None,
) -> int:
    """Open the app on the workspace in ``home``; return the exit status.

    The main window shows at once and fills in when the workspace is open. A folder with
    no workspace yet gets the first-run setup first. ``on_shown`` is called once the window
    is on screen, ``on_ready`` once it shows the workspace (the start-up benchmark uses
    them).
    """
    from fieldapp.gui.main_window import MainWindow
    from fieldapp.home import is_workspace, resolve_home

    app = make_application(lang)
    log_file: list[Path] = []
    ErrorHandler(lambda: log_file[0] if log_file else None).install()
    folder = resolve_home(home)
    window = MainWindow()
    opened: list[Workspace] = []
    openers: list[WorkspaceOpener] = []
    status = 0

    def attach(workspace: Workspace) -> None:
        opened.append(workspace)
        log_file.append(workspace.log_path)
        window.attach(workspace)
        if on_ready is not None:
            QTimer.singleShot(0, lambda: on_ready(window))

    def fail(err: BaseException) -> None:
        nonlocal status
        status = 1
        if isinstance(err, UserError):
            from fieldapp.gui import dialogs

            dialogs.show_user_error(window, str(err))
        else:
            sys.excepthook(type(err), err, err.__traceback__)
        window.close()

    if not is_workspace(folder):
        from fieldapp.gui.setup_dialog import SetupDialog

        dialog = SetupDialog(folder)
        if dialog.exec() != SetupDialog.DialogCode.Accepted or dialog.workspace is None:
            return 0
        attach(dialog.workspace)
        window.show()
    else:
        opener = WorkspaceOpener(window)
        openers.append(opener)
        opener.opened.connect(attach)
        opener.failed.connect(fail)
        window.show()
        QTimer.singleShot(0, lambda: opener.start(folder))
    if on_shown is not None:
        QTimer.singleShot(0, lambda: on_shown(window))
    try:
        result = app.exec()
    finally:
        for opener in openers:
            opener.join()
        for workspace in opened:
            workspace.close()
        # take the window down while the application still exists: letting the garbage
        # collector do it during interpreter shutdown crashed now and then (exit -11)
        window.hide()
        window.deleteLater()
        app.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        app.processEvents()
    return status or result
