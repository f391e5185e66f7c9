"""fieldapp's real start-up path on a workspace: prints "shown" when the main window is on
screen and "ready" when it shows the workspace's registry, then quits."""

import sys

from PySide6.QtWidgets import QApplication, QWidget

from fieldapp.gui.app import run_gui


def shown(_window: QWidget) -> None:
    print("shown", flush=True)


def ready(_window: QWidget) -> None:
    print("ready", flush=True)
    QApplication.quit()


sys.exit(run_gui(sys.argv[1], "zh", on_shown=shown, on_ready=ready))
