"""What a screen reader is told: the real app's accessibility tree on the AT-SPI bus (Linux's
accessibility interface, which Orca reads), not Qt's own objects.

The app runs on the demo under Xvfb and openbox with Qt's xcb platform and its AT-SPI bridge on, in a
D-Bus session of its own (``dbus-run-session``); ``tests/atspi_dump.py``, run by Debian's
Python with ``python3-pyatspi``, reads the tree from the bus as Orca would. The checks:

- the window's title names the article and the app;
- every control shown (buttons, boxes, lists, tabs...) has a name (WCAG 2.2 4.1.2: name, role);
- the figures and the navigator say the counts the model works out (one judge, heard too);
- the keyboard starts in the article's text;
- on the Illustrations page, reached from the keyboard, each box's description is what the
  checklist finds about it.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from pipwriter.model.language.counts import count_article
from pipwriter.model.rules.template import get_template
from pipwriter.model.storage.demo import write_demo
from pipwriter.model.storage.project_file import load_project

ROOT = Path(__file__).resolve().parent.parent
SYSTEM_PYTHON = "/usr/bin/python3"
CONTROLS = {"push button", "toggle button", "check box", "radio button", "combo box", "text",
            "password text", "spin button", "slider", "list", "tree", "tree table", "table",
            "page tab", "page tab list", "menu item", "check menu item", "link"}


def _available() -> str:
    """Why the AT-SPI tree cannot be read here ("" when it can)."""
    if not sys.platform.startswith("linux"):
        return "AT-SPI is Linux's accessibility bus"
    for tool in ("Xvfb", "openbox", "xdotool", "dbus-run-session"):
        if shutil.which(tool) is None:
            return f"{tool} is not installed"
    if not Path(SYSTEM_PYTHON).exists() or subprocess.run(
            [SYSTEM_PYTHON, "-c", "import pyatspi"], capture_output=True).returncode != 0:
        return "Debian's python3-pyatspi is not installed"
    return ""


pytestmark = pytest.mark.skipif(bool(_available()), reason=_available() or "available")

# Run inside dbus-run-session by the project's Python: an X server, the app, then the reader.
SESSION = """
import json, os, subprocess, sys, time
xvfb = subprocess.Popen(["Xvfb", "-displayfd", "1", "-screen", "0", "1366x768x24", "-nolisten",
                         "tcp"], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
display = ":" + xvfb.stdout.readline().strip()
env = dict(os.environ, DISPLAY=display, QT_QPA_PLATFORM="xcb",
           QT_LINUX_ACCESSIBILITY_ALWAYS_ON="1", PIPWRITER_USER_DIR={user!r})
# a window manager, as on a desktop: it gives the app's window the keyboard
manager = subprocess.Popen(["openbox"], env=env, stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL)
time.sleep(0.5)
app = subprocess.Popen([sys.executable, "-m", "pipwriter", {article!r}], env=env, cwd={root!r},
                       stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
try:
    trees = []
    ready = subprocess.run([{system!r}, {dumper!r}, "pipwriter", "60", "--wait"], env=env,
                           timeout=120)
    for keys in {steps!r}:      # what a user presses, then what the screen reader is told
        if keys:
            time.sleep(1.0)
            subprocess.run(["xdotool", "key", "--delay", "150", *keys], env=env, timeout=60)
        dump = subprocess.run([{system!r}, {dumper!r}, "pipwriter", "60"], env=env,
                              capture_output=True, text=True, timeout=120)
        if dump.returncode:
            app.kill()
            trees = {{"error": "no tree (" + str(dump.returncode) + "): " + dump.stderr[-800:]
                      + app.stderr.read()[-1500:]}}
            break
        trees.append(json.loads(dump.stdout.strip().splitlines()[-1])["nodes"])
    print(json.dumps(trees if isinstance(trees, dict) else {{"trees": trees}}))
finally:
    app.kill()
    manager.kill()
    xvfb.kill()
"""


def _read_trees(folder: Path, article: Path, steps: list[list[str]]) -> list[list[dict]]:
    """The app's tree after each step: the keys of the step pressed (xdotool's names), then the
    tree read. One app, started on ``article``, for all the steps."""
    script = SESSION.format(user=str(folder / "user"), article=str(article), root=str(ROOT),
                            system=SYSTEM_PYTHON, dumper=str(ROOT / "tests" / "atspi_dump.py"),
                            steps=steps)
    done = subprocess.run(["dbus-run-session", "--", sys.executable, "-c", script],
                          capture_output=True, text=True, timeout=600, cwd=ROOT,
                          env={k: v for k, v in os.environ.items() if k != "DISPLAY"})
    lines = done.stdout.strip().splitlines()
    assert lines, f"no output (exit {done.returncode}): {done.stderr[-2000:]}"
    result = json.loads(lines[-1])
    assert "error" not in result, result.get("error")
    return result["trees"]


def _read_tree(folder: Path, article: Path, keys: list[str]) -> list[dict]:
    """The app's tree, read after ``keys`` were pressed."""
    return _read_trees(folder, article, [keys])[0]


@pytest.fixture(scope="module")
def tree(tmp_path_factory):
    folder = tmp_path_factory.mktemp("atspi")
    article = write_demo(folder / "demo.pipw")
    return article, _read_tree(folder, article, [])


def _shown(nodes):
    return [n for n in nodes if "showing" in n["states"]]


def test_the_window_title_names_the_article_and_the_app(tree):
    article, nodes = tree
    title = load_project(article).article.title
    frames = [n["name"] for n in nodes if n["role"] == "frame"]
    assert frames == [f"{title} ({article.name}) — PiP Writer"]


def test_every_control_shown_has_a_name(tree):
    _article, nodes = tree
    nameless = [(n["role"], n["description"]) for n in _shown(nodes)
                if n["role"] in CONTROLS and not n["name"].strip()]
    assert nameless == []
    assert len([n for n in _shown(nodes) if n["role"] in CONTROLS]) > 20   # the tree was read


def test_the_figures_and_the_navigator_say_the_models_counts(tree):
    article, nodes = tree
    project = load_project(article)
    counts = count_article(project.article, get_template(project.article.template_id))
    buttons = [n["name"] for n in _shown(nodes) if n["role"] == "push button"]
    assert any(name.startswith(f"{counts.words_counted:,} words — ") for name in buttons), buttons
    assert f"References: {counts.references} (up to 5)" in buttons
    items = [n["name"] for n in _shown(nodes) if n["role"] == "list item"]
    for section in counts.sections:
        assert any(item.startswith(f"{section.title}") and f", {section.words:,} words" in item
                   for item in items), (section.title, section.words, items)


def test_the_keyboard_starts_in_the_articles_text(tree):
    """The one control that has the keyboard: the article's text. (Qt also marks the current
    entry of each list and the text's own inner area "focused", whether the list has the
    keyboard or not; a screen reader follows the control.)"""
    _article, nodes = tree
    focused = [(n["role"], n["name"]) for n in nodes
               if "focused" in n["states"] and n["role"] in CONTROLS]
    assert focused == [("text", "Article text")]


def test_the_illustrations_page_says_what_the_checklist_finds_about_each_field(
        tmp_path_factory):
    """A picture without caption or description: the boxes' descriptions are the checklist's
    own messages about them (reached from the keyboard: Ctrl+1 to the navigator, then up from
    its end to Illustrations and clips)."""
    from pipwriter.model.rules.checks import run_checks
    from pipwriter.model.storage.project_file import save_project
    folder = tmp_path_factory.mktemp("atspi-illustrations")
    article = write_demo(folder / "demo.pipw")
    project = load_project(article)
    picture = project.article.illustrations[0]
    picture.caption = picture.alt_text = ""
    save_project(project, article)
    expected = {f.where.field: f.message for f in run_checks(
        project, get_template(project.article.template_id)) if f.where.item_id == picture.id}
    assert {"caption", "alt_text"} <= set(expected)
    nodes = _read_tree(folder, article, ["ctrl+1", "End", "Up", "Up"])
    boxes = {n["name"]: n["description"] for n in _shown(nodes) if n["role"] == "text"}
    assert boxes["Caption"] == expected["caption"]
    alt = next(name for name in boxes if name.startswith("Alt text"))
    assert boxes[alt] == expected["alt_text"]


def _navigator(nodes) -> list[dict]:
    """The entries of the navigator's list ("Article panels"), in order."""
    start = next(i for i, n in enumerate(nodes)
                 if n["role"] == "list" and n["name"] == "Article panels")
    depth = nodes[start]["depth"]
    entries = []
    for node in nodes[start + 1:]:
        if node["depth"] <= depth:
            break
        if node["depth"] == depth + 1 and node["role"] == "list item":
            entries.append(node)
    return entries


def test_every_control_on_every_panel_has_a_name(tmp_path_factory):
    """Each part of the article in turn, from the keyboard (Ctrl+1 to the navigator, then Down
    to the next part): every control shown has a name a screen reader can say."""
    folder = tmp_path_factory.mktemp("atspi-panels")
    article = write_demo(folder / "demo.pipw")
    parts = len(_navigator(_read_tree(folder, article, [])))
    steps = [["ctrl+1", "Home"]] + [["ctrl+1", "Down"] for _ in range(parts - 1)]
    seen, nameless = [], []
    for nodes in _read_trees(folder, article, steps):
        current = [e["name"].split(",")[0] for e in _navigator(nodes) if "selected" in e["states"]]
        seen += current
        nameless += [(current, n["role"], n["description"]) for n in _shown(nodes)
                     if n["role"] in CONTROLS and not n["name"].strip()]
    assert len(set(seen)) == parts == len(seen)         # every part, once each
    assert nameless == []


def test_show_only_my_sections_is_said_in_words_with_the_models_count(tmp_path_factory):
    """View › Show only my sections, from the keyboard, answering "Who are you?" with the first
    author: a screen reader is told, in words, whose sections are listed and how many others
    are hidden (it was shown only by the button's border), and the list holds only theirs."""
    folder = tmp_path_factory.mktemp("atspi-mine")
    article = write_demo(folder / "demo.pipw")
    model = load_project(article).article
    me = model.authors[0]
    mine = [s for s in model.sections if s.assignee == me.id or me.id in s.author_ids]
    hidden = len(model.sections) - len(mine)
    assert mine and hidden, "the demo gives the first author some sections, not all"
    nodes = _read_trees(folder, article, [["alt+v", "m"], ["Return"]])[-1]
    labels = [n["name"] for n in _shown(nodes) if n["role"] == "label"]
    others = f"{hidden} other section{'s' if hidden != 1 else ''}"
    assert f"Only the sections for {me.name} are listed: {others} hidden for now." in labels, \
        labels
    listed = [e["name"].split(",")[0] for e in _navigator(nodes) if "showing" in e["states"]]
    titles = {s.title for s in model.sections}
    assert [name for name in listed if name in titles] == [s.title for s in mine]
