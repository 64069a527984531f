"""The Illustrations page says, under each field, what the checklist says about it: a missing
caption, description (alt text), transcript or permission shows where it is put right, in the
checklist's own words (one judge: ``model.rules.checks.item_findings``), and goes when it is
put right. Found by a walk of the app: only the checklist warned of a missing description."""

from __future__ import annotations

import pytest
from media_samples import write_picture
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QApplication
from ui_support import edit_field as edit
from ui_support import new_article_on

from pipwriter.model.rules.checks import run_checks
from pipwriter.model.rules.findings import WARNING


@pytest.fixture
def window(controller, qtbot):
    return new_article_on(controller, qtbot, "illustrations")


def checklist_says(window, item_id, field):
    return [f.message for f in run_checks(window.session.project, window.session.template)
            if f.where.item_id == item_id and f.where.field == field]


def shown(label, panel):
    return label.text() if label.isVisibleTo(panel) else ""


def test_a_new_picture_shows_what_it_still_needs_under_each_field(window, tmp_path):
    panel = window.panels["illustrations"]
    tab = panel.illustrations
    window.dialogs.queue("file", write_picture(tmp_path / "ward.png", 1200, 900))
    assert tab.add_illustration()
    item = window.session.article.illustrations[0].id
    for field, label in (("caption", tab.caption_finding), ("alt_text", tab.alt_finding),
                         ("permission", tab.permission_finding)):
        said = checklist_says(window, item, field)
        assert said and shown(label, panel) == said[0], field
    assert "description" in shown(tab.alt_finding, panel)
    # a screen reader hears it with the box: the description Qt's accessibility interface
    # gives (what it hands to AT-SPI, UI Automation and NSAccessibility)
    assert tab.alt_text.accessibleDescription() == shown(tab.alt_finding, panel)
    iface = QAccessible.queryAccessibleInterface(tab.alt_text)
    assert iface.text(QAccessible.Text.Description) == shown(tab.alt_finding, panel)
    assert tab.list.item(0).text().endswith("⚠ needs a look")

    edit(tab.alt_text, "Eight people round a table covered in sticky notes.")
    assert shown(tab.alt_finding, panel) == "" and tab.alt_text.accessibleDescription() == ""
    assert checklist_says(window, item, "alt_text") == []
    edit(tab.caption, "The first meeting")
    tab.permission.click()
    assert [shown(label, panel) for label in (tab.caption_finding, tab.permission_finding,
                                              tab.kind_warning)] == ["", "", ""]
    assert not tab.list.item(0).text().endswith("⚠ needs a look")


def test_a_warning_dismissed_in_the_checklist_is_not_shown_on_the_page(window, tmp_path):
    panel = window.panels["illustrations"]
    tab = panel.illustrations
    window.dialogs.queue("file", write_picture(tmp_path / "ward.png", 1200, 900))
    assert tab.add_illustration()
    finding = next(f for f in run_checks(window.session.project, window.session.template)
                   if f.code == "illustration-alt-missing")
    assert finding.severity == WARNING
    window.session.change("Dismiss", lambda article: article.settings.dismissed_findings.append(
        finding.key))
    tab.refresh()
    assert shown(tab.alt_finding, panel) == ""
    assert shown(tab.caption_finding, panel) != ""         # the others still show


def test_a_clip_link_shows_its_missing_caption_transcript_and_permission(window):
    panel = window.panels["illustrations"]
    clips = panel.clips
    window.dialogs.queue("text", "https://vimeo.com/42")
    assert clips.add_clip_link()
    item = window.session.article.clips[0].id
    for field, label in (("clip_caption", clips.caption_finding),
                         ("clip_transcript", clips.transcript_finding),
                         ("permission", clips.permission_finding)):
        said = checklist_says(window, item, field)
        assert said and shown(label, panel) == said[0], field
    edit(clips.transcript, "A nurse talks about the first meeting.")
    assert shown(clips.transcript_finding, panel) == ""


def test_go_to_it_on_a_missing_permission_lands_on_its_tick_box(window, qtbot, tmp_path):
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=5000)
    tab = window.panels["illustrations"].illustrations
    window.dialogs.queue("file", write_picture(tmp_path / "ward.png", 1200, 900))
    assert tab.add_illustration()
    window.open_panel("checklist")
    checklist = window.panels["checklist"]
    entry = next(i for i in checklist.items_for("error")
                 if checklist.entry(i)[0].code == "illustration-permission-missing")
    checklist.activate(entry)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is tab.permission, timeout=5000)
    # the message quotes the words of the tick it lands on
    tick = checklist.entry(entry)[0].message.rsplit("“", 1)[1].rstrip("”.")
    assert tab.permission.text().replace("&", "").startswith(tick)


def test_a_missing_clip_permission_quotes_its_tick(window):
    clips = window.panels["illustrations"].clips
    window.dialogs.queue("text", "https://vimeo.com/42")
    assert clips.add_clip_link()
    [said] = checklist_says(window, window.session.article.clips[0].id, "permission")
    assert said.startswith("Clip 1 is not marked as OK to publish.")
    tick = said.rsplit("“", 1)[1].rstrip("”.")
    assert clips.permission.text().replace("&", "") == tick
