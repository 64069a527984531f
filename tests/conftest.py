"""Shared test set-up: headless Qt, isolated user folders, and small article builders."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
from hypothesis import settings  # noqa: E402

from pipwriter.model.article.author import Author  # noqa: E402
from pipwriter.model.article.factory import new_article  # noqa: E402
from pipwriter.model.rules.template import get_template  # noqa: E402
from pipwriter.model.storage.project import Project  # noqa: E402

# Property tests and fuzzers try the same examples on every run, so a test run (and CI) gives
# the same answer each time. PIPWRITER_EXPLORE=1 lets them look for new examples instead
# (hypothesis then prints any failing example; add it to a test as a fixed case).
settings.register_profile("repeatable", derandomize=True, database=None)
settings.register_profile("explore", derandomize=False)
settings.load_profile("explore" if os.environ.get("PIPWRITER_EXPLORE") else "repeatable")


@pytest.fixture(autouse=True)
def _isolated_user_dirs(tmp_path_factory, monkeypatch):
    """Keep settings, recovery copies and the personal dictionary out of the real home."""
    home = tmp_path_factory.mktemp("userhome")
    monkeypatch.setenv("PIPWRITER_USER_DIR", str(home))
    yield


@pytest.fixture
def template():
    return get_template("bmj-partnership-in-practice")


@pytest.fixture
def small_project(template):
    authors = [Author("Dr Asha Patel", "health_professional"), Author("Sam Jones", "patient")]
    return Project(new_article(template, "Walking together", authors))


@pytest.fixture
def controller(qtbot):
    """The app's controller with dialogs a test answers; its windows are closed afterwards."""
    from fake_dialogs import FakeDialogs

    from pipwriter.ui.app_controller import AppController
    ctl = AppController(FakeDialogs())
    qtbot.addWidget(ctl.start)
    yield ctl
    for window in list(ctl.windows):
        window.session.set_modified(False)
        window.close()


@pytest.fixture
def sleeper():
    """Another program running for a minute (a process id in use that is not this one)."""
    import subprocess
    import sys
    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    yield child
    child.kill()
    child.wait()
