"""Running ``python -m desktop`` as a real process, as a person or a cron job would."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run_cli(*args: str, env: dict[str, str] | None = None, timeout: float = 120,
            stdin: int | None = subprocess.DEVNULL) -> subprocess.CompletedProcess[str]:
    """``python -m desktop ARGS`` with no terminal on stdin; stdout and stderr captured."""
    environment = dict(os.environ)
    environment.pop("CLUBHOUSE_PASSWORD", None)
    environment.pop("CLUBHOUSE_USER", None)
    environment.update(env or {})
    environment.setdefault("QT_QPA_PLATFORM", "offscreen")
    return subprocess.run(
        [sys.executable, "-m", "desktop", *args], cwd=ROOT, env=environment, stdin=stdin,
        capture_output=True, text=True, encoding="utf-8", timeout=timeout, check=False,
    )
