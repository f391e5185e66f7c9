"""Start-up: a new process until the main window is on screen, and until it shows data."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def _time_lines(args: list[str], expected: list[bytes]) -> list[float]:
    """Seconds from launch until each expected line is printed by the child."""
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    # as on a user's machine: bytecode is cached (pip compiles it at install; the warm-up
    # run writes it here even where the environment asks Python not to)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, *args], stdout=subprocess.PIPE, env=env)
    assert proc.stdout is not None
    times = []
    for want in expected:
        line = proc.stdout.readline().strip()
        times.append(time.perf_counter() - start)
        if line != want:
            proc.kill()
            raise RuntimeError(f"{args[0]}: expected {want!r}, got {line!r}")
    proc.wait(timeout=60)
    return times


def _demo_home(tmp: str) -> Path:
    from fieldapp.demo import build_demo
    from fieldapp.domain.models import Role

    home = Path(tmp) / "demo"
    build_demo(home, Role.OFFICER)
    return home


def measure(rounds: int = 7) -> dict[str, dict[str, float]]:
    with tempfile.TemporaryDirectory() as tmp:
        home = _demo_home(tmp)
        ours_cmd = [str(HERE / "_start_fieldapp.py"), str(home)]
        bare_cmd = [str(HERE / "_start_bare_qt.py")]
        _time_lines(ours_cmd, [b"shown", b"ready"])  # warm-up: file cache, bytecode
        _time_lines(bare_cmd, [b"shown"])
        shown, ready, bare = [], [], []
        for _ in range(rounds):  # interleaved, so drift hits both alike
            s, r = _time_lines(ours_cmd, [b"shown", b"ready"])
            shown.append(s)
            ready.append(r)
            bare.append(_time_lines(bare_cmd, [b"shown"])[0])
    baseline = statistics.median(bare)
    return {
        "startup": {"value": statistics.median(shown), "baseline": baseline},
        "startup_data": {"value": statistics.median(ready), "baseline": baseline},
    }
