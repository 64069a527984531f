"""A spelling word list missing from the installation, or damaged, does not stop anyone writing:
the window opens, the user is told once, in plain words, what is wrong and how to mend it;
nothing is underlined, the checklist and `pipwriter check` say spelling has not been checked
(never "no spelling mistakes"), and every other mark and figure is still worked out."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from ui_support import drawn_underlines, underlines_settled

from pipwriter.model.language.wordlists import clear_wordlist_cache
from pipwriter.model.rules import report
from pipwriter.model.rules.checks import can_dismiss
from pipwriter.model.rules.findings import WARNING
from pipwriter.model.storage.demo import demo_project
from pipwriter.resources import resources_dir
from pipwriter.ui.spelling_controls import NOTICE_TITLE

HOW = {"damaged": "could not be read", "missing": "is missing"}


def _broken_install(tmp_path: Path, how: str, name: str = "en_GB.words.gz") -> Path:
    """A copy of the resources with one word list damaged or missing."""
    copy = tmp_path / "resources"
    shutil.copytree(resources_dir(), copy)
    target = copy / "dictionaries" / name
    if how == "damaged":
        target.write_bytes(b"half a download")
    else:
        target.unlink()
    return copy


def _codes(findings) -> list[str]:
    return [f.code for f in findings]


@pytest.mark.parametrize("how", sorted(HOW))
def test_the_checks_say_spelling_was_not_checked(tmp_path, monkeypatch, how):
    project = demo_project()
    sound = report.build_report(project).findings
    monkeypatch.setenv("PIPWRITER_RESOURCES", str(_broken_install(tmp_path, how)))
    clear_wordlist_cache()
    broken = report.build_report(project).findings
    [notice] = [f for f in broken if f.code == "spelling-not-checked"]
    assert notice.severity == WARNING and notice.where.label == "The whole article"
    assert HOW[how] in notice.message and "Reinstalling PiP Writer" in notice.message
    assert "spelling-unknown-word" not in _codes(broken)
    # every other judgement is the same as with sound lists
    assert sorted(_codes(broken)) == sorted(
        [c for c in _codes(sound) if c != "spelling-unknown-word"] + ["spelling-not-checked"])
    assert "spelling-not-checked" not in _codes(sound)


def test_pipwriter_check_reports_it_and_does_not_fail(tmp_path):
    """The real command, in its own process, on the installed copy made broken."""
    path = tmp_path / "demo.pipw"
    from pipwriter.model.storage.project_file import save_project
    save_project(demo_project(), path)
    env = {**os.environ, "PIPWRITER_RESOURCES": str(_broken_install(tmp_path, "damaged"))}
    run = subprocess.run([sys.executable, "-m", "pipwriter", "check", "--json", str(path)],
                         capture_output=True, text=True, env=env, timeout=120)
    assert "Traceback" not in run.stderr
    data = json.loads(run.stdout)
    codes = [f["code"] for f in data["findings"]]
    assert codes.count("spelling-not-checked") == 1
    assert "spelling-unknown-word" not in codes
    plain = subprocess.run([sys.executable, "-m", "pipwriter", "check", str(path)],
                           capture_output=True, text=True, env=env, timeout=120)
    assert "Spelling has not been checked" in plain.stdout
    assert "en_GB.words.gz is damaged" in plain.stdout
    out = tmp_path / "bundle"        # the bundle's checklist never says spelling was checked
    subprocess.run([sys.executable, "-m", "pipwriter", "export", "--out", str(out), str(path)],
                   capture_output=True, text=True, env=env, timeout=120, check=True)
    [checklist] = out.glob("*/*-submission-checklist.txt")
    text = checklist.read_text(encoding="utf-8")
    assert re.search(r"NOT MET +Spelling checked \(British English\)", text)
    assert "Spelling has not been checked" in text


def test_it_cannot_be_dismissed(tmp_path, monkeypatch):
    """Dismissing it would let the checklist say spelling was checked."""
    monkeypatch.setenv("PIPWRITER_RESOURCES", str(_broken_install(tmp_path, "damaged")))
    clear_wordlist_cache()
    project = demo_project()
    [notice] = [f for f in report.build_report(project).findings
                if f.code == "spelling-not-checked"]
    assert not can_dismiss(notice)
    project.article.settings.dismissed_findings.append(notice.key)   # from an older copy
    again = report.build_report(project)
    assert notice in again.findings and notice not in again.dismissed


def _underlined(editor) -> list[str]:
    return drawn_underlines(underlines_settled(editor.document()))


@pytest.mark.parametrize("how", sorted(HOW))
def test_the_window_opens_and_says_so_once(controller, qtbot, tmp_path, monkeypatch, how):
    monkeypatch.setenv("PIPWRITER_RESOURCES", str(_broken_install(tmp_path, how)))
    clear_wordlist_cache()
    window = controller.open_demo()
    navigator = window.navigator
    qtbot.waitUntil(lambda: bool(navigator.statuses), timeout=10_000)   # the marks come
    session = window.session
    session.sync()
    assert navigator.statuses == report.marks(session.project, session.template,
                                              session.counter, session.spelling)
    qtbot.waitUntil(lambda: bool(controller.dialogs.errors), timeout=5_000)
    [(title, text)] = controller.dialogs.errors
    assert title == NOTICE_TITLE
    assert HOW[how] in text and "Reinstalling PiP Writer should fix this" in text
    assert "your writing is safe" in text
    assert not window.spelling_controls.as_you_type.isEnabled()
    editor = window.section_panel.editor
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    editor.textCursor().insertText(" We recieve a lott of help.")   # typing works as ever
    qtbot.wait(50)
    assert _underlined(editor) == []                                 # nothing is judged
    window.open_panel("checklist")
    checklist = window.panels["checklist"]
    qtbot.waitUntil(lambda: checklist.report is not None, timeout=5_000)
    assert "spelling-not-checked" in _codes(checklist.report.findings)
    assert "spelling-unknown-word" not in _codes(checklist.report.findings)
    [item] = [checklist.tree.topLevelItem(g).child(c)
              for g in range(checklist.tree.topLevelItemCount())
              for c in range(checklist.tree.topLevelItem(g).childCount())
              if (entry := checklist.entry(checklist.tree.topLevelItem(g).child(c))) is not None
              and entry[0].code == "spelling-not-checked"]
    checklist.tree.setCurrentItem(item)
    assert not checklist.dismiss_button.isEnabled()
    qtbot.wait(900)                                  # the marks again after the typing
    assert len(controller.dialogs.errors) == 1       # told once, not at every check
    session.set_modified(False)


def test_another_language_whose_lists_are_sound_brings_spelling_back(controller, qtbot,
                                                                     tmp_path, monkeypatch):
    monkeypatch.setenv("PIPWRITER_RESOURCES", str(_broken_install(tmp_path, "damaged")))
    clear_wordlist_cache()
    window = controller.open_demo()
    qtbot.waitUntil(lambda: bool(controller.dialogs.errors), timeout=10_000)
    controls = window.spelling_controls
    assert not controls.as_you_type.isEnabled()
    controls.languages["en_US"].trigger()            # American English: its list is sound
    assert controls.languages["en_US"].isChecked()
    assert controls.as_you_type.isEnabled()
    editor = window.section_panel.editor
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    editor.textCursor().insertText(" We recieve help.")
    qtbot.waitUntil(lambda: "recieve" in _underlined(editor), timeout=5_000)
    window.session.set_modified(False)
