"""Shared test set-up: headless Qt, isolated user folders, and small article builders."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

from pipwriter.model.author import Author  # noqa: E402
from pipwriter.model.factory import new_article  # noqa: E402
from pipwriter.model.project import Project  # noqa: E402
from pipwriter.model.template import get_template  # noqa: E402


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
