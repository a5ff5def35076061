"""Fixtures for the end-to-end tests: one JupyterLab server, one headless Chromium.

The server runs on 127.0.0.1 (a free port, a random token) and serves a
temporary copy of notebooks/ (JupyterLab autosaves and writes checkpoints), so
the repository is never touched; in that copy, code cells tagged skip-execution
become raw cells (see disable_skipped_cells). Each notebook opens in a workspace
of its own, so no tabs or kernels carry over. nnhelpers is imported from the
environment (it is installed editable). Chromium is Debian's /usr/bin/chromium driven by
Playwright's sync API; `playwright install` is never needed.

Without Chromium (or Playwright) the tests skip with the reason; with CI=true
a missing browser is a failure: CI must run them.
"""
import json
import os
import re
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOKS = ROOT / "notebooks"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_MISSING = "Chromium not found at /usr/bin/chromium (install: apt-get install chromium)"
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]
SERVER_START_TIMEOUT = 90
SCREENSHOTS = []  # (notebook, path) pairs, listed at the end of the run


def in_ci():
    return os.environ.get("CI", "").strip().lower() in ("true", "1", "yes")


def require_browser():
    """Skip (locally) or fail (CI=true) when Chromium or Playwright is missing."""
    problem = None
    if not Path(CHROMIUM).exists():
        problem = CHROMIUM_MISSING
    else:
        try:
            import playwright.sync_api  # noqa: F401
        except ImportError:
            problem = "Playwright not installed (install: pip install -r tests/requirements.txt)"
    if problem:
        if in_ci():
            pytest.fail(f"{problem}; CI=true, so the browser tests must run", pytrace=False)
        pytest.skip(problem)


def disable_skipped_cells(path):
    """Turn code cells tagged skip-execution into raw cells, so Run All passes them by.

    nbclient/nbconvert (and nbval with nbval-skip) never run these optional cells,
    e.g. the full-MNIST download and training of notebook 07; JupyterLab's Run All
    would. The browser run matches the validated run.
    """
    nb = json.loads(path.read_text(encoding="utf-8"))
    changed = False
    for cell in nb["cells"]:
        if cell["cell_type"] == "code" and "skip-execution" in cell["metadata"].get("tags", []):
            cell["cell_type"] = "raw"
            for key in ("outputs", "execution_count"):
                cell.pop(key, None)
            changed = True
    if changed:
        path.write_text(json.dumps(nb, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def write_json(path, data):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data), encoding="utf-8")


class Lab:
    """A running JupyterLab server: its URL, token and REST helpers."""

    def __init__(self, url, token, root, process, log):
        self.url, self.token, self.root, self.process, self.log = url, token, root, process, log

    def notebook_url(self, name):
        """The notebook in a workspace of its own: no tabs (and kernels) of earlier tests."""
        workspace = "e2e-" + re.sub(r"[^A-Za-z0-9]+", "-", name)
        return f"{self.url}/lab/workspaces/{workspace}/tree/notebooks/{name}?token={self.token}"

    def api(self, path, method="GET"):
        request = urllib.request.Request(f"{self.url}/api/{path}", method=method,
                                         headers={"Authorization": f"token {self.token}"})
        with urllib.request.urlopen(request, timeout=10) as response:
            body = response.read()
        return json.loads(body) if body else None

    def shutdown_kernels(self):
        """Delete every session (and so its kernel): keeps memory low between notebooks."""
        for session in self.api("sessions"):
            self.api(f"sessions/{session['id']}", method="DELETE")

    def log_tail(self, n=40):
        lines = self.log.read_text(encoding="utf-8", errors="replace").splitlines()
        return "\n".join(lines[-n:])


@pytest.fixture(scope="session")
def lab(tmp_path_factory):
    """JupyterLab on 127.0.0.1 serving a temporary copy of notebooks/; one per session."""
    require_browser()
    work = tmp_path_factory.mktemp("lab")
    shutil.copytree(NOTEBOOKS, work / "notebooks",
                    ignore=shutil.ignore_patterns(".ipynb_checkpoints", "__pycache__"))
    for path in (work / "notebooks").glob("*.ipynb"):
        disable_skipped_cells(path)
    settings = work / "settings"
    write_json(settings / "@jupyterlab/apputils-extension/notification.jupyterlab-settings",
               {"fetchNews": "false"})
    port, token = free_port(), secrets.token_hex(16)
    env = dict(os.environ, JUPYTERLAB_SETTINGS_DIR=str(settings),
               JUPYTERLAB_WORKSPACES_DIR=str(work / "workspaces"),
               JUPYTER_CONFIG_DIR=str(work / "config"), JUPYTER_RUNTIME_DIR=str(work / "runtime"),
               PYTHONWARNINGS="error::RuntimeWarning")
    env.pop("MPLBACKEND", None)
    cmd = [sys.executable, "-m", "jupyter", "lab", "--no-browser", "--ip=127.0.0.1",
           f"--port={port}", "--port-retries=0", f"--IdentityProvider.token={token}",
           f"--ServerApp.root_dir={work}", "--expose-app-in-browser", "--LabApp.news_url=",
           "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate"]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        cmd.append("--allow-root")
    log = work / "server.log"
    with open(log, "wb") as log_file:
        process = subprocess.Popen(cmd, cwd=work, env=env, stdout=log_file,
                                   stderr=subprocess.STDOUT)
    server = Lab(f"http://127.0.0.1:{port}", token, work, process, log)
    deadline = time.monotonic() + SERVER_START_TIMEOUT
    while True:
        if process.poll() is not None:
            pytest.fail(f"JupyterLab exited with code {process.returncode}:\n{server.log_tail()}")
        try:
            server.api("status")
            break
        except OSError:
            if time.monotonic() > deadline:
                process.terminate()
                pytest.fail(f"JupyterLab did not answer within {SERVER_START_TIMEOUT} s:\n"
                            f"{server.log_tail()}")
            time.sleep(0.3)
    yield server
    process.terminate()
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


@pytest.fixture(scope="session")
def browser(lab):
    """Debian's Chromium, headless, through Playwright's sync API."""
    from playwright.sync_api import sync_playwright
    playwright = sync_playwright().start()
    chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
    yield chromium
    chromium.close()
    playwright.stop()


@pytest.fixture
def page(browser, lab):
    """A fresh browser context and page; the notebook's kernel is shut down afterwards."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    page.set_default_timeout(30_000)
    page.console_errors = []
    page.on("pageerror", lambda error: page.console_errors.append(str(error)))
    yield page
    context.close()
    lab.shutdown_kernels()


@pytest.fixture(scope="session")
def screenshot_dir(tmp_path_factory):
    """A temporary folder for the screenshots; each one is listed at the end of the run."""
    return tmp_path_factory.mktemp("screenshots")


@pytest.fixture
def record_screenshot():
    """record_screenshot(notebook, path): list a screenshot in the run's summary."""
    return lambda name, path: SCREENSHOTS.append((name, path))


def pytest_terminal_summary(terminalreporter):
    if SCREENSHOTS:
        terminalreporter.section("browser screenshots")
        for name, path in SCREENSHOTS:
            terminalreporter.write_line(f"{name}: {path}")
