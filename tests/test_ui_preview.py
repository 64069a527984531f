"""The article preview shows what the export writes, follows the typing, and goes back to the text."""

from __future__ import annotations

import shutil
import subprocess

import docx
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest

from pipwriter.export.article_docx import ArticleOptions, write_article_docx
from pipwriter.export.preview_html import COUNTED_BACKGROUND
from pipwriter.model.language.counts import count_article
from pipwriter.ui.preview import LARGER_TEXT, show_preview


@pytest.fixture
def window(controller, qtbot):
    win = controller.open_demo()
    qtbot.addWidget(win)
    win.resize(1200, 700)
    return win


@pytest.fixture
def preview(window, qtbot):
    shown = show_preview(window)
    qtbot.waitUntil(lambda: shown.builds >= 1)
    yield shown
    shown.close()


def _preview_paragraphs(preview) -> list[str]:
    document = preview.browser.document()
    texts = []
    block = document.begin()
    while block.isValid():
        texts.append(block.text().replace("\u2028", "\n"))
        block = block.next()
    return texts


def test_the_preview_holds_what_the_exported_manuscript_holds(window, preview, tmp_path):
    """Read back with python-docx, the exported draft manuscript's paragraphs are the preview's,
    in the same order (the DRAFT banner and the pictures themselves aside)."""
    session = window.session
    path = tmp_path / "article.docx"
    write_article_docx(session.project, path, session.template,
                       count_article(session.article, session.template),
                       ArticleOptions(draft=True))
    exported = [p.text for p in docx.Document(str(path)).paragraphs if p.style.name != "Figure"]
    assert exported.pop(0).startswith("Exported as a draft")     # the banner, above the article
    shown = [text.replace("\u2022\u00a0", "").replace("\u00a0\u00a0", "\t")
             for text, block in zip(_preview_paragraphs(preview), preview.blocks, strict=True)
             if block.picture is None]
    assert shown == exported
    assert any(b.picture is not None for b in preview.blocks)       # the demo's figure
    picture = preview.blocks[[b.picture is not None for b in preview.blocks].index(True)]
    assert not preview.picture(picture.picture.media_name).isNull()


def test_typing_shows_after_a_pause_and_only_while_open(window, preview, qtbot):
    section = window.session.article.sections[0]
    window.open_panel(f"section:{section.id}")
    editor = window.section_panel.editor
    editor.moveCursor(QTextCursor.MoveOperation.End)
    before = preview.builds
    QTest.keyClicks(editor, " Zebras crossed the ward")
    assert preview.builds == before              # nothing rebuilt while typing
    qtbot.waitUntil(lambda: "Zebras crossed the ward" in preview.browser.toPlainText(),
                    timeout=3000)
    assert preview.builds == before + 1          # one rebuild for the whole burst
    preview.close()
    built = preview.builds
    QTest.keyClicks(editor, " again")
    qtbot.wait(800)
    assert preview.builds == built               # closed: no work for it


def test_go_to_opens_the_paragraph_in_its_panel(window, preview, qtbot):
    target = next(i for i, b in enumerate(preview.blocks)
                  if b.where is not None and b.where.field == "body" and b.paragraph == 1)
    block = preview.blocks[target]
    cursor = preview.browser.textCursor()
    cursor.setPosition(preview.browser.document().findBlockByNumber(target).position() + 3)
    preview.browser.setTextCursor(cursor)
    QTest.keyClick(preview.browser, Qt.Key.Key_Return)
    assert window.section_panel.section_id == block.where.section_id
    editor = window.section_panel.editor
    assert editor.textCursor().blockNumber() == 1
    assert editor.hasFocus() or editor.textCursor().position() >= 0


def test_the_counted_paragraphs_are_shaded_on_request(preview, qtbot):
    def shaded() -> list[bool]:
        document = preview.browser.document()
        return [document.findBlockByNumber(i).blockFormat().background().color().name()
                == COUNTED_BACKGROUND for i in range(len(preview.blocks))]
    assert not any(shaded())
    preview.mark_box.setChecked(True)
    marks = shaded()
    assert marks == [b.counted for b in preview.blocks]
    assert any(marks) and not all(marks)
    headings = [m for m, b in zip(marks, preview.blocks, strict=True) if b.style == "Heading 1"]
    assert not any(headings)
    assert "count toward the limit" in preview.status.text()


def test_larger_text_for_reading_aloud(preview):
    size = preview.browser.font().pointSizeF()
    preview.larger_box.setChecked(True)
    assert preview.browser.font().pointSizeF() == pytest.approx(size * LARGER_TEXT)
    preview.larger_box.setChecked(False)
    assert preview.browser.font().pointSizeF() == pytest.approx(size)


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler's pdftotext")
def test_save_as_pdf_holds_the_article(window, preview, tmp_path):
    path = preview.save_pdf(tmp_path / "article")
    assert path == tmp_path / "article.pdf" and path.is_file()
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout
    title = window.session.article.title
    assert title.split()[0] in text
    assert "Competing interests" in text and "References" in text


def test_save_as_pdf_asks_where_through_the_apps_file_chooser(window, preview, tmp_path):
    """Save as PDF asked Qt's file chooser itself, starting in the program's folder (on an
    installed copy, one the user cannot write to); it asks the app's file choosers, which start
    where documents were last saved."""
    window.dialogs.queue("save_pdf", tmp_path / "for the editors")
    path = preview.save_pdf()
    assert path == tmp_path / "for the editors.pdf" and path.is_file()
    assert window.dialogs.asked[-1] == ("save_pdf", ("Save the article as PDF", "article.pdf"))
    assert preview.save_pdf() is None                    # cancelled: nothing asked of it


def test_the_preview_gives_the_series_figure_and_words_whole_document_count(window, preview,
                                                                            tmp_path):
    """The whole-document figure is the count the export writes into the document (and that
    the notes for the editors give as Word's count)."""
    session = window.session
    stats: dict = {}
    write_article_docx(session.project, tmp_path / "a.docx", session.template,
                       count_article(session.article, session.template), stats=stats)
    counted = count_article(session.article, session.template).words_counted
    text = preview.status.text()
    assert f"The series counts {counted:,} words" in text
    assert f"Word will show {stats['words']:,} for the whole document" in text
    assert stats["words"] > counted


def test_the_view_menu_opens_the_preview(window, qtbot):
    from pipwriter.ui.preview import ArticlePreview
    action = next(a for a in window.view_menu.actions()
                  if a.text().replace("&", "") == "Preview the whole article")
    assert action.shortcut().toString() == "Ctrl+Shift+P"
    action.trigger()
    preview = window.findChild(ArticlePreview)
    assert preview is not None and preview.isVisible()
    qtbot.waitUntil(lambda: preview.builds >= 1)
    assert window.session.article.title in preview.browser.toPlainText()
    action.trigger()                                       # a second time: the same window
    assert window.findChildren(ArticlePreview) == [preview]
    preview.close()


def test_open_comments_are_shown_in_the_preview(window, preview, qtbot):
    from pipwriter.model.article.text_surface import text_fields
    from pipwriter.model.coauthoring.comments import add_comment
    article = window.session.article
    body = next(f for f in text_fields(article) if f.where.field == "body")
    words = body.blocks[0].split()[1]
    start = body.blocks[0].index(words)
    window.session.change("comment", lambda a: add_comment(
        a, body.where, 0, start, start + len(words), "Is this right?", "Malcolm Reid"))
    qtbot.waitUntil(lambda: preview.commented == 1, timeout=3000)
    number = next(i for i, b in enumerate(preview.blocks)
                  if b.where is not None and b.where.key() == body.where.key()
                  and b.where.field == "body" and b.paragraph == 0)
    block = preview.browser.document().findBlockByNumber(number)
    cursor = preview.browser.textCursor()
    cursor.setPosition(block.position() + block.text().index(words) + 1)
    assert "Comment from Malcolm Reid: Is this right?" in cursor.charFormat().toolTip()


def test_an_empty_section_shown_in_the_preview_is_not_in_words_count(window, preview, qtbot,
                                                                      tmp_path):
    """The preview shows an empty section (as a draft does); the final document, and so the
    figure of what Word will show, leaves it out."""
    from pipwriter.model.article.article import Section
    session = window.session
    session.change("add", lambda a: a.sections.append(Section("A section not written yet",
                                                              "other")))
    qtbot.waitUntil(lambda: "A section not written yet" in preview.browser.toPlainText(),
                    timeout=3000)
    stats: dict = {}
    write_article_docx(session.project, tmp_path / "a.docx", session.template,
                       count_article(session.article, session.template), stats=stats)
    assert f"Word will show {stats['words']:,} for the whole document" in preview.status.text()


def test_the_whole_document_figure_is_said_to_be_the_submissions_and_a_draft_counts_more(
        window, preview, qtbot, tmp_path):
    """Word's figure is the document exported for submission. A draft's is higher (its note at
    the top and its empty sections' notes count too), and the preview says so rather than give
    a figure a draft's reader would not find in Word."""
    from pipwriter.model.article.article import Section
    session = window.session
    session.change("add", lambda a: a.sections.append(Section("A section not written yet",
                                                              "other")))
    qtbot.waitUntil(lambda: "A section not written yet" in preview.browser.toPlainText(),
                    timeout=3000)
    counts = count_article(session.article, session.template)
    final: dict = {}
    draft: dict = {}
    write_article_docx(session.project, tmp_path / "final.docx", session.template, counts,
                       stats=final)
    write_article_docx(session.project, tmp_path / "draft.docx", session.template, counts,
                       ArticleOptions(draft=True, draft_reasons=["A section is empty"]),
                       stats=draft)
    assert draft["words"] > final["words"]
    text = preview.status.text()
    assert f"Word will show {final['words']:,} for the whole document exported for " \
           "submission" in text
    assert f"{draft['words']:,}" not in text
    assert "a draft shows more: its notes to the co-authors count too" in text


def _go_from_the_preview(window, preview, qtbot):
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    target = next(i for i, b in enumerate(preview.blocks)
                  if b.where is not None and b.where.field == "body" and b.paragraph == 1)
    cursor = preview.browser.textCursor()
    cursor.setPosition(preview.browser.document().findBlockByNumber(target).position() + 3)
    preview.browser.setTextCursor(cursor)
    assert preview.go_to_cursor()
    qtbot.waitUntil(lambda: window.section_panel.editor.hasFocus(), timeout=3000)


def test_going_to_a_part_puts_a_preview_covering_it_away(window, preview, qtbot):
    """Found by a walk at 1024 x 600: after "Go to this part" the keyboard was in the text, but
    the preview (which stays above the main window) covered it, and the typing went unseen."""
    preview.setGeometry(window.geometry())              # over the main window
    _go_from_the_preview(window, preview, qtbot)
    assert not preview.isVisible()
    assert "Ctrl+Shift+P" in window.statusBar().currentMessage()


def test_a_preview_beside_the_window_stays_open(window, preview, qtbot):
    geometry = window.frameGeometry()
    preview.move(geometry.right() + 40, geometry.top())
    _go_from_the_preview(window, preview, qtbot)
    assert preview.isVisible()
