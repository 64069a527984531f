"""Drive the real checklist panel: grouped findings, jumping to each place, dismissing with undo,
and the dismissal kept in the project file."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from ui_support import fill_wizard as _fill_wizard

from pipwriter.model.rules.findings import ERROR, TIP, WARNING
from pipwriter.model.storage.project_file import load_project
from pipwriter.ui.navigator import ALL_PANELS


def _new_window(controller, qtbot):
    controller.run_wizard = _fill_wizard
    window = controller.new_article()
    qtbot.addWidget(window)
    return window


def _checklist(window):
    window.open_panel("checklist")
    return window.panels["checklist"]


def _texts(items):
    return [i.text(0) for i in items]


def _expected_key(window, where):
    """The navigator entry a finding's place should open (None: the window stays put)."""
    if where.section_id and window.session.article.section(where.section_id) is not None:
        return f"section:{where.section_id}"
    return where.panel if where.panel in ALL_PANELS else None


def test_demo_has_nothing_that_must_be_fixed(controller, qtbot):
    window = controller.open_demo()
    qtbot.addWidget(window)
    window.session.set_modified(False)
    panel = _checklist(window)
    assert panel.report is not None
    assert panel.items_for(ERROR) == []
    assert "Nothing stops you sending" in panel.headline.text()
    counts = panel.report.counts
    assert f"Words counted: {counts['words_counted']:,}" in panel.summary.text()
    assert f"References: {counts['references']:,}" in panel.summary.text()
    # the figures strip and the checklist say the limit the same way, and the total too
    limit = window.session.template.limit("references").max
    assert f"{counts['references']:,} (up to {limit})" in panel.summary.text()
    assert f"{counts['references']:,} (up to {limit})" in window.figures_bar.references.full_text
    assert f"All words, counted or not, except names, alt text and credits: {counts['words_total']:,}" in \
        panel.summary.text()
    groups = [panel.tree.topLevelItem(i).text(0) for i in range(panel.tree.topLevelItemCount())]
    assert not any(g.startswith("Must fix") for g in groups)


def test_new_article_lists_errors_grouped_with_counts(controller, qtbot):
    window = _new_window(controller, qtbot)
    panel = _checklist(window)
    errors = panel.items_for(ERROR)
    assert errors
    assert len(errors) == len(panel.report.blocking())
    groups = [panel.tree.topLevelItem(i).text(0) for i in range(panel.tree.topLevelItemCount())]
    assert groups[0] == f"Must fix before sending ({len(errors)})"
    assert f"{len(errors)} things must be fixed" in panel.headline.text()
    empty = next(f for f in panel.report.blocking() if f.code == "section-empty")
    # where it is, said once: in the message or on a "Where:" line
    assert any(empty.message in t and t.count(empty.where.label) == 1 for t in _texts(errors))


def test_activating_each_finding_jumps_to_its_place(controller, qtbot):
    window = _new_window(controller, qtbot)
    panel = _checklist(window)
    items = panel.items_for()
    assert {panel.entry(i)[0].where.panel for i in items} >= {"section", "competing_interests"}
    for index in range(len(items)):
        window.open_panel("checklist")
        item = panel.items_for()[index]
        finding = panel.entry(item)[0]
        panel.tree.setCurrentItem(item)
        panel.tree.setFocus()
        QTest.keyClick(panel.tree, Qt.Key.Key_Return)       # Enter jumps, like a double-click
        expected = _expected_key(window, finding.where)
        assert window.navigator.current_key() == (expected or "checklist"), finding


def test_go_to_chooses_the_author_it_is_about(controller, qtbot):
    window = _new_window(controller, qtbot)
    second = window.session.article.authors[1]
    panel = _checklist(window)
    item = next(i for i in panel.items_for() if panel.entry(i)[0].where.panel == "authors"
                and panel.entry(i)[0].where.author_id == second.id)
    panel.tree.setCurrentItem(item)
    panel.go_button.click()
    assert window.navigator.current_key() == "authors"
    authors = window.panels["authors"]
    assert authors.list.currentItem().data(Qt.ItemDataRole.UserRole) == second.id


def test_errors_cannot_be_dismissed(controller, qtbot):
    window = _new_window(controller, qtbot)
    panel = _checklist(window)
    panel.tree.setCurrentItem(panel.items_for(ERROR)[0])
    assert not panel.dismiss_button.isEnabled()
    before = len(panel.items_for(ERROR))
    panel.dismiss(panel.entry(panel.items_for(ERROR)[0])[0])
    assert len(panel.items_for(ERROR)) == before
    assert window.session.article.settings.dismissed_findings == []


def test_dismiss_undo_show_again_and_saved(controller, qtbot, tmp_path):
    window = _new_window(controller, qtbot)
    session = window.session
    panel = _checklist(window)
    item = next(i for i in panel.items_for() if panel.entry(i)[0].severity in (WARNING, TIP))
    finding = panel.entry(item)[0]
    panel.tree.setCurrentItem(item)
    assert panel.dismiss_button.isEnabled()
    shown = len(panel.items_for())
    panel.dismiss_button.click()
    keys = [panel.entry(i)[0].key for i in panel.items_for()]
    assert finding.key not in keys
    assert len(panel.items_for()) == shown - 1
    assert session.article.settings.dismissed_findings == [finding.key]
    assert panel.show_dismissed.text() == "&Show dismissed (1)"

    session.undo_stack.undo()
    assert finding.key in [panel.entry(i)[0].key for i in panel.items_for()]
    assert session.article.settings.dismissed_findings == []
    session.undo_stack.redo()
    assert finding.key not in [panel.entry(i)[0].key for i in panel.items_for()]

    # shown again from the "Show dismissed" group
    panel.show_dismissed.setChecked(True)
    hidden = panel.items_for(dismissed=True)
    assert [panel.entry(i)[0].key for i in hidden] == [finding.key]
    panel.tree.setCurrentItem(hidden[0])
    assert panel.dismiss_button.text() == "Show &again"
    panel.dismiss_button.click()
    assert finding.key in [panel.entry(i)[0].key for i in panel.items_for()]
    assert panel.items_for(dismissed=True) == []
    session.undo_stack.undo()                       # dismissed again
    assert session.article.settings.dismissed_findings == [finding.key]

    path = tmp_path / "walking.pipw"
    window.dialogs.queue("save", str(path))
    assert window.save()
    assert load_project(path).article.settings.dismissed_findings == [finding.key]


def test_check_again_sees_new_text_but_typing_does_not_recount(controller, qtbot):
    window = _new_window(controller, qtbot)
    panel = _checklist(window)
    section = window.session.article.sections[0]
    empty_keys = {panel.entry(i)[0].key for i in panel.items_for(ERROR)
                  if panel.entry(i)[0].code == "section-empty"}
    assert f"section-empty@section/{section.id}" in empty_keys
    report = panel.report
    window.session.document(section.id).setPlainText("We met every month for a year.")
    assert panel.report is report                       # nothing recomputed while typing
    panel.check_button.click()
    keys = {panel.entry(i)[0].key for i in panel.items_for(ERROR)}
    assert f"section-empty@section/{section.id}" not in keys


def test_go_to_handles_every_place_the_checks_name(controller, qtbot):
    from pipwriter.model.rules.findings import Where
    window = _new_window(controller, qtbot)
    article = window.session.article
    author, section = article.authors[1], article.sections[2]
    places = [Where(label="The whole article"), Where(panel="title", label="Article title"),
              Where(panel="section", section_id=section.id),
              Where(panel="section", section_id="sec-removed-since"),
              Where(panel="authors", author_id=author.id),
              Where(panel="authors", item_id="patient"),
              Where(panel="competing_interests", author_id=author.id),
              Where(panel="key_messages"), Where(panel="references", item_id="ref-gone"),
              Where(panel="illustrations", item_id="ill-gone")]
    for where in places:
        window.open_panel("checklist")
        window.go_to(where)
        assert window.navigator.current_key() == (_expected_key(window, where) or "checklist")
    assert _expected_key(window, places[2]) == f"section:{section.id}"
    assert _expected_key(window, places[4]) == "authors"


def test_long_findings_wrap_whole_at_any_width(controller, qtbot):
    """Every finding's text fits its row at the panel's width: nothing is cut short with "…",
    and the rows grow when the window gets narrower."""
    from PySide6.QtCore import QRect
    from PySide6.QtGui import QFontMetrics

    window = controller.open_demo()
    qtbot.addWidget(window)
    window.session.set_modified(False)
    window.resize(1300, 800)
    window.show()
    panel = _checklist(window)
    tree = panel.tree
    items = panel.items_for()
    longest = max(items, key=lambda i: len(i.text(0)))
    metrics = QFontMetrics(tree.font())

    def needed(item) -> int:
        width = tree.visualItemRect(item).width() - tree.iconSize().width() - 8
        return metrics.boundingRect(QRect(0, 0, width, 100000), Qt.TextFlag.TextWordWrap,
                                    item.text(0)).height()

    heights = {}
    for width in (1300, 700):
        window.resize(width, 800)
        qtbot.waitUntil(lambda: tree.visualItemRect(longest).height() >= needed(longest),
                        timeout=5000)
        for item in items:
            assert tree.visualItemRect(item).height() >= needed(item), item.text(0)
        heights[width] = tree.visualItemRect(longest).height()
    assert heights[700] > heights[1300]
    # a message that names its section is not followed by the same name again
    named = [i for i in items if panel.entry(i)[0].code == "sentence-long"]
    assert named and not any("\nWhere:" in i.text(0) for i in named)


def test_go_to_it_puts_the_keyboard_on_the_field_the_item_is_about(controller, qtbot):
    """Found by a walk of the app: "There is no photo of Sam Patel" opened the author with the
    keyboard in E-mail, and a missing description on the permission box, not the Alt text."""
    from PySide6.QtWidgets import QApplication

    window = _new_window(controller, qtbot)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=5000)
    panel = _checklist(window)
    photo = next(i for i in panel.items_for(WARNING)
                 if panel.entry(i)[0].code == "author-photo-missing")
    panel.activate(photo)
    authors = window.panels["authors"]
    qtbot.waitUntil(lambda: QApplication.focusWidget() is authors.photo.choose_button,
                    timeout=5000)
    assert authors.current_id() == panel.entry(photo)[0].where.author_id


def test_a_rows_tooltip_says_what_its_mark_means(controller, qtbot):
    """Found by a walk: the half mark after a spelling slip was explained only in the
    checklist; the row's tooltip now says what its mark means, before the writing guidance."""
    from pipwriter.model.rules.progress import DONE, PROBLEM, STARTED
    window = _new_window(controller, qtbot)
    navigator = window.navigator
    section = window.session.article.sections[0]
    rows = {navigator.item(r).data(Qt.ItemDataRole.UserRole): navigator.item(r)
            for r in range(navigator.count())}
    key = f"section:{section.id}"
    guidance = rows[key].toolTip()
    navigator.set_statuses({key: STARTED, "references": PROBLEM, "authors": DONE})
    assert rows[key].toolTip().startswith(
        "Its mark: something to look at. The Submission checklist says what.")
    assert rows[key].toolTip().endswith(guidance.split("\n\n")[-1])
    assert rows["references"].toolTip().startswith("Its mark: something to fix.")
    assert not rows["authors"].toolTip().startswith("Its mark")     # done: nothing to say


def test_the_approval_line_says_it_is_optional_and_how_while_nobody_has_approved(
        controller, qtbot):
    """Found by walks: the panel (and then only the exported checklist) said a bare "not
    approved yet"; both now say it from the same place."""
    from pipwriter.model.coauthoring.approval import approve
    window = controller.open_demo()
    qtbot.addWidget(window)
    window.open_panel("checklist")
    panel = window.panels["checklist"]
    qtbot.waitUntil(lambda: panel.approvals.text() != "", timeout=5000)
    assert "not approved yet" in panel.approvals.text()
    assert "Optional" in panel.approvals.text() and "Article › Approve…" in panel.approvals.text()
    author = window.session.article.authors[0]
    window.session.change("Approve", lambda a: approve(a, author.id))
    qtbot.waitUntil(lambda: "Optional" not in panel.approvals.text(), timeout=5000)


def test_go_to_it_is_off_for_a_finding_about_the_whole_article(controller, qtbot):
    """Found by a keyboard walk: "Go to it" was on for a finding about the whole article (the
    word count) and did nothing."""
    window = _new_window(controller, qtbot)
    panel = _checklist(window)
    whole = next(i for i in panel.items_for() if not panel.entry(i)[0].where.panel
                 and not panel.entry(i)[0].where.section_id)
    panel.tree.setCurrentItem(whole)
    assert not panel.go_button.isEnabled()
    placed = next(i for i in panel.items_for() if panel.entry(i)[0].where.panel)
    panel.tree.setCurrentItem(placed)
    assert panel.go_button.isEnabled()
