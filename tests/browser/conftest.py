"""Headless Chromium (Debian's /usr/bin/chromium) driven by playwright-core from web/node_modules.

The tests skip, saying why, when Chromium, node or the npm packages are missing; `.ci/run` installs
all three. No browser is ever downloaded.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import threading
import time
from pathlib import Path

import pytest
import uvicorn
from report.sitrep_fixture import build_fixture_db  # tests/report/sitrep_fixture.py

from polybius.serve import create_app

REPO = Path(__file__).resolve().parents[2]
WEB = REPO / "web"
DRIVER = Path(__file__).with_name("drive_ui.mjs")
CHROMIUM = Path(os.environ.get("POLYBIUS_CHROMIUM", "/usr/bin/chromium"))


def _missing() -> str | None:
    if not CHROMIUM.exists():
        return f"needs Chromium at {CHROMIUM} (apt-get install chromium; .ci/run does it)"
    if shutil.which("node") is None:
        return "needs node on PATH"
    if not (WEB / "node_modules" / "playwright-core").is_dir():
        return "needs playwright-core in web/node_modules (cd web && npm ci; .ci/run does it)"
    return None


@pytest.fixture(scope="session")
def drive(tmp_path_factory):
    """Run the driver script on a URL; return what it saw (screenshots land in the test's tmp dir)."""
    reason = _missing()
    if reason:
        pytest.skip(reason)

    def run(url: str, out: Path, origin: str | None = None, live: bool = False) -> dict:
        profile = tmp_path_factory.mktemp("chromium-profile")  # a fresh --user-data-dir every time
        args = {
            "url": url,
            "out": str(out),
            "webDir": str(WEB),
            "chromium": str(CHROMIUM),
            "profile": str(profile),
            "origin": origin,
            "live": live,
        }
        done = subprocess.run(
            ["node", str(DRIVER), json.dumps(args)], capture_output=True, text=True, timeout=180, cwd=WEB
        )
        assert done.returncode == 0, done.stderr
        return json.loads(done.stdout)

    return run


@pytest.fixture(scope="session")
def browser_db(tmp_path_factory):
    return build_fixture_db(tmp_path_factory.mktemp("browser") / "fixture.duckdb")


@pytest.fixture(scope="session")
def live_server(browser_db):
    """The web app on a free loopback port, in a thread, for the length of the session."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = uvicorn.Server(
        uvicorn.Config(create_app(browser_db), host="127.0.0.1", port=port, log_level="warning")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("the web app did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)
