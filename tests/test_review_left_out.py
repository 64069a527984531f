"""A reviewed Word copy's changes and comments where nothing can be brought in (the bylines,
the address for letters, the competing-interests statement, the references, the captions) are
named, with where to make them by hand; the app never says the copy has "nothing new" when it
holds them (a walk found them dropped while the app said so)."""

from __future__ import annotations

import subprocess

import docx
import pytest
from docx.oxml.ns import qn
from test_review_copy import SOFFICE, sent, tracked  # noqa: F401 - ``sent`` is a fixture

from pipwriter import cli
from pipwriter.importer.review_read import read_reviewed
from pipwriter.model.storage.project_file import load_project


def read_only(document, style: str):
    """The paragraphs for reading only written in ``style``, in order."""
    return [p for p in document.paragraphs if p.style.name == style and
            any(b.get(qn("w:name"), "").startswith("pipro_")
                for b in p._p.iter(qn("w:bookmarkStart")))]


def left_out(mine, path) -> list[str]:
    return read_reviewed(load_project(mine), path)[1].left_out


def test_an_unchanged_review_copy_leaves_nothing_out(sent):       # noqa: F811
    mine, review = sent
    assert left_out(mine, review) == []


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice is not installed")
def test_a_copy_saved_again_by_libreoffice_unchanged_leaves_nothing_out(sent, tmp_path):  # noqa: F811
    mine, review = sent
    folder = tmp_path / "again"
    subprocess.run([SOFFICE, f"-env:UserInstallation=file://{tmp_path / 'profile'}",
                    "--headless", "--convert-to", "docx:MS Word 2007 XML", "--outdir",
                    str(folder), str(review)], check=True, capture_output=True, timeout=180)
    assert left_out(mine, folder / review.name) == []


def reviewed_where_nothing_comes_in(review, out) -> None:
    """A reviewer's changes, all in parts for reading only, made as Word writes them."""
    document = docx.Document(str(review))
    references = read_only(document, "Reference List")
    references[0].runs[-1].text += " Updated 2025."                         # untracked
    caption = read_only(document, "Caption")[0]
    caption._p.append(tracked("w:ins", " Photo by Sam.", 950))             # tracked
    byline = read_only(document, "Byline")[0]
    byline.runs[0].text = byline.runs[0].text.replace("Bethan", "Beth")
    document.add_comment([references[1].runs[-1]], text="Is there a newer edition?",
                         author="Sam Jones", initials="SJ")
    added = references[-1].insert_paragraph_before("5 Jones A. A reference Sam added. 2024.",
                                                   style="Reference List")
    references[-1]._p.addnext(added._p)                 # after the last reference
    document.save(str(out))


def test_changes_and_comments_where_nothing_comes_in_are_named(sent, tmp_path):  # noqa: F811
    mine, review = sent
    edited = tmp_path / "back.docx"
    reviewed_where_nothing_comes_in(review, edited)
    said = left_out(mine, edited)
    assert len(said) == 5, said
    assert any("changed the reference" in line and "Updated 2025." in line and
               "References page" in line for line in said)
    assert any(line.startswith("Sam Jones changed the caption") and
               "Illustrations and clips page" in line for line in said)   # Word's name for it
    assert any("changed the byline" in line and "Authors and photos page" in line
               for line in said)
    assert any(line.startswith("Sam Jones's comment “Is there a newer edition?” on the "
                               "reference") for line in said)
    assert any("added “5 Jones A. A reference Sam added. 2024.”" in line for line in said)


def test_the_command_line_says_nothing_came_in_and_why(sent, tmp_path, capsys):  # noqa: F811
    mine, review = sent
    edited = tmp_path / "back.docx"
    reviewed_where_nothing_comes_in(review, edited)
    before = mine.read_bytes()
    capsys.readouterr()
    assert cli.main(["merge", str(mine), str(edited)]) == 0
    out = capsys.readouterr().out
    assert "Nothing in their copy could be brought in. Nothing was changed." in out
    assert "nothing new" not in out
    assert "  - Sam Jones's comment “Is there a newer edition?”" in out
    assert mine.read_bytes() == before


def test_what_was_left_out_is_listed_beside_what_came_in(sent, tmp_path, capsys):  # noqa: F811
    mine, review = sent
    edited = tmp_path / "back.docx"
    reviewed_where_nothing_comes_in(review, edited)
    document = docx.Document(str(edited))
    paragraph = next(p for p in document.paragraphs if p.style.name == "Body Text" and any(
        b.get(qn("w:name"), "").startswith("pip_") for b in p._p.iter(qn("w:bookmarkStart"))))
    paragraph._p.append(tracked("w:ins", " Sam added this.", 990))
    document.save(str(edited))
    capsys.readouterr()
    assert cli.main(["merge", str(mine), str(edited)]) == 0
    out = capsys.readouterr().out
    assert "Merged into" in out
    assert "changed the reference" in out and "“Is there a newer edition?”" in out
    joined = "\n".join(s.body.accepted().plain_text() for s in load_project(mine).article.sections)
    assert "Sam added this." in joined


def test_the_window_says_nothing_could_be_brought_in(controller, qtbot, tmp_path):
    from pipwriter.model.storage.demo import demo_project
    from pipwriter.model.storage.project_file import save_project
    window = controller.open_path(save_project(demo_project(), tmp_path / "demo.pipw"))
    qtbot.addWidget(window)
    dialogs = window.dialogs
    dialogs.queue("text", "Sam Jones")
    dialogs.queue("save_word", str(tmp_path / "for Sam"))
    next(a for a in window.file_menu.actions()
         if a.text().replace("&", "") == "Send for review as a Word document…").trigger()
    edited = tmp_path / "back.docx"
    reviewed_where_nothing_comes_in(tmp_path / "for Sam.docx", edited)
    dialogs.queue("file", str(edited))
    next(a for a in window.file_menu.actions()
         if a.text().replace("&", "") == "Bring in a reviewed Word document…").trigger()
    title, text = dialogs.infos[-1]
    assert title == "Nothing could be brought in"
    assert text.startswith("Nothing in Sam Jones's copy could be brought in.")
    assert "“Is there a newer edition?”" in text and "References page" in text
    # five things: three in the box, all of them behind Show Details (a long list would push
    # the OK button off a small screen)
    assert text.endswith("… and 2 more: press Show Details to read them all.")
    assert "changed the caption" not in text and "changed the caption" in dialogs.details


def test_the_box_keeps_a_long_list_behind_show_details(qtbot):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    from pipwriter.ui.dialogs import Dialogs
    seen = {}

    def look():
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        seen["details"] = box.detailedText()
        box.accept()
    QTimer.singleShot(0, look)
    Dialogs().info("Nothing could be brought in", "Three of them.", "All\n\nof\n\nthem.")
    assert seen["details"] == "All\n\nof\n\nthem."


def test_a_copy_sent_before_fingerprints_were_kept_is_read_as_before(sent, tmp_path):  # noqa: F811
    mine, review = sent
    document = docx.Document(str(review))
    for mark in document.element.body.iter(qn("w:bookmarkStart")):
        name = mark.get(qn("w:name"))
        if name.startswith("pipro_"):
            mark.set(qn("w:name"), name.rsplit("_", 1)[0])   # pipro_<k>, as they were written
    read_only(document, "Reference List")[0].runs[-1].text += " Updated 2025."
    old = tmp_path / "old.docx"
    document.save(str(old))
    assert left_out(mine, old) == []            # nothing to compare with: no false alarm


def test_what_was_left_out_is_said_plainly(sent, tmp_path):  # noqa: F811
    from test_plain_words import score
    mine, review = sent
    edited = tmp_path / "back.docx"
    reviewed_where_nothing_comes_in(review, edited)
    said = left_out(mine, edited)
    failures, scored = score((f"left out {n}", line) for n, line in enumerate(said))
    assert scored == len(said) and not failures, failures


def test_a_heading_added_in_word_is_said_to_come_in_as_text(sent, tmp_path):  # noqa: F811
    mine, review = sent
    document = docx.Document(str(review))
    last = [p for p in document.paragraphs if p.style.name == "Body Text" and any(
        b.get(qn("w:name"), "").startswith("pip_") for b in p._p.iter(qn("w:bookmarkStart")))][-1]
    heading = last.insert_paragraph_before("A new part Sam wants", style="Heading 1")
    body = last.insert_paragraph_before("What it would say.", style="Body Text")
    last._p.addnext(heading._p)
    heading._p.addnext(body._p)
    edited = tmp_path / "heading.docx"
    document.save(str(edited))
    said = left_out(mine, edited)
    assert len(said) == 1 and said[0].startswith("Sam added the heading “A new part Sam wants”. "
                                                 "It came in as a suggested line of text in “")
    assert "Article › Add a section" in said[0]
    from test_plain_words import score
    failures, scored = score([("heading", said[0])])
    assert scored == 1 and not failures, failures


def test_a_change_to_a_part_with_no_page_of_its_own_says_to_make_it_in_the_app():
    from types import SimpleNamespace

    from pipwriter.importer.review_left_out import LeftOut
    from pipwriter.model.coauthoring.review_places import text_print
    note = SimpleNamespace(style="Note", text="(This section is nearly done.)", comments=[],
                           changed_by="", sent_print=text_print("(This section is still empty.)"))
    said = LeftOut("Sam Jones")
    said.read_only(note)
    assert said.lines == ["Sam Jones changed the text: in their copy it reads “(This section is "
                          "nearly done.)”. It was not brought in: PiP Writer cannot take changes "
                          "there from a Word document. If you agree, make the change in PiP "
                          "Writer yourself."]


def test_lines_typed_into_a_comment_in_word_come_in_as_replies(sent, tmp_path, capsys):  # noqa: F811
    """Found by a walk: "Sam Carer: I agree with Bethan" typed inside Bethan's comment in Word
    was dropped, and the app said their copy had nothing new."""
    mine, review = sent
    document = docx.Document(str(review))
    ours = next(c for c in document.comments if c.author == "Malcolm Reid")
    ours.add_paragraph("Sam: I agree with Bethan.")
    ours.add_paragraph("And it was mostly on Tuesdays.")
    edited = tmp_path / "typed.docx"
    document.save(str(edited))
    capsys.readouterr()
    assert cli.main(["merge", str(mine), str(edited)]) == 0
    assert "2 replies from their copy added" in capsys.readouterr().out
    phone = next(c for c in load_project(mine).article.comments
                 if c.text == "Was it always by phone?")
    assert [(r.author, r.text) for r in phone.replies] == [
        ("Bethan Lloyd", "Yes, until 2023."), ("Sam", "I agree with Bethan."),
        ("Sam", "And it was mostly on Tuesdays.")]
    assert cli.main(["merge", str(mine), str(edited)]) == 0      # not added twice,
    assert "replies from their copy added" not in capsys.readouterr().out    # nor said to be
    again = next(c for c in load_project(mine).article.comments
                 if c.text == "Was it always by phone?")
    assert len(again.replies) == 3


def test_a_comment_resolved_in_word_is_said_to_be_still_open(sent, tmp_path):  # noqa: F811
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part
    w14 = "http://schemas.microsoft.com/office/word/2010/wordml"
    w15 = "http://schemas.microsoft.com/office/word/2012/wordml"
    mine, review = sent
    document = docx.Document(str(review))
    ours = next(c for c in document.comments if c.author == "Malcolm Reid")
    ours._comment_elm.findall(qn("w:p"))[-1].set(f"{{{w14}}}paraId", "1A2B3C4D")
    xml = (f'<w15:commentsEx xmlns:w15="{w15}" xmlns:w14="{w14}"><w15:commentEx '
           'w15:paraId="1A2B3C4D" w15:done="1"/></w15:commentsEx>')
    part = Part(PackURI("/word/commentsExtended.xml"),
                "application/vnd.openxmlformats-officedocument.wordprocessingml."
                "commentsExtended+xml", xml.encode(), document.part.package)
    document.part.relate_to(part, "http://schemas.microsoft.com/office/2011/relationships/"
                                  "commentsExtended")
    edited = tmp_path / "resolved.docx"
    document.save(str(edited))
    assert left_out(mine, edited) == [
        "Sam marked the comment “Was it always by phone?” as resolved in Word. It is still open "
        "here: if you agree, resolve it in View › Comments."]


def test_a_comment_of_two_lines_brought_back_unchanged_adds_no_reply():
    from pipwriter.importer.review_comments import _typed_replies
    from pipwriter.model.coauthoring.comment_data import Comment, Reply
    from pipwriter.model.rules.findings import Where
    comment = Comment(Where("section", "s1", field="body"), "words", "First line.\nSecond line.",
                      "Malcolm Reid", replies=[Reply("Yes.\nAnd no.", "Bethan Lloyd")])
    as_sent = "First line.\nSecond line.\nBethan Lloyd: Yes.\nAnd no."
    assert _typed_replies(comment, as_sent, "Sam", {"Malcolm Reid", "Bethan Lloyd"}) == 0
    assert _typed_replies(comment, as_sent + "\nSam: Agreed.", "Sam", set()) == 1
    assert (comment.replies[-1].author, comment.replies[-1].text) == ("Sam", "Agreed.")


def test_a_comment_whose_words_were_changed_in_word_is_not_added_again(sent, tmp_path):  # noqa: F811
    """Found by a walk: editing a comment's own words in Word brought it in a second time,
    with its replies pasted into it."""
    mine, review = sent
    document = docx.Document(str(review))
    ours = next(c for c in document.comments if c.author == "Malcolm Reid")
    first = ours._comment_elm.findall(qn("w:p"))[0]
    for text in first.iter(qn("w:t")):
        text.text = ""
    next(first.iter(qn("w:t"))).text = "Was it always by phone, even in 2020?"
    edited = tmp_path / "edited.docx"
    document.save(str(edited))
    base, reviewed = read_reviewed(load_project(mine), edited)
    assert reviewed.comments_added == 0
    assert [c.text for c in reviewed.article.comments] == ["Was it always by phone?"]
    assert reviewed.left_out == [
        "The words of Malcolm Reid's comment “Was it always by phone?” were changed in Word to "
        "“Was it always by phone, even in 2020?”. Comments are not changed from a Word "
        "document: if it matters, reply to the comment here."]


def test_a_comment_of_two_lines_comes_back_as_itself(tmp_path, capsys):
    from pipwriter.model.article.text_surface import text_fields
    from pipwriter.model.coauthoring.comments import add_comment
    from pipwriter.model.storage.demo import demo_project
    from pipwriter.model.storage.project_file import save_project
    project = demo_project()
    body = next(f for f in text_fields(project.article) if f.where.field == "body")
    add_comment(project.article, body.where, 0, 0, 3, "First line.\nSecond line.", "Malcolm Reid")
    mine = save_project(project, tmp_path / "two.pipw")
    review = tmp_path / "two.docx"
    assert cli.main(["review", str(mine), "-o", str(review), "--to", "Sam"]) == 0
    base, reviewed = read_reviewed(load_project(mine), review)
    assert reviewed.comments_added == 0 and reviewed.replies_added == 0
    assert reviewed.left_out == []
    assert [c.text for c in reviewed.article.comments] == ["First line.\nSecond line."]


def test_read_only_marks_damaged_on_the_way_are_still_read_only(sent, tmp_path):  # noqa: F811
    """Found using the command line with a hostile copy: a read-only paragraph whose bookmark
    name was damaged was taken for text the reviewer added ("Sam added “Competing
    interests”"), and the heading even came into the last section as a suggestion."""
    mine, review = sent
    document = docx.Document(str(review))
    for number, mark in enumerate(document.element.body.iter(qn("w:bookmarkStart"))):
        name = mark.get(qn("w:name"))
        if name.startswith("pipro_"):
            mark.set(qn("w:name"), "pipro_x_zz" if number % 2 else name + "GARBAGE")
    damaged = tmp_path / "damaged.docx"
    document.save(str(damaged))
    base, reviewed = read_reviewed(load_project(mine), damaged)
    assert reviewed.left_out == [] and reviewed.paragraphs_added == 0
    assert reviewed.article.to_json()["sections"] == base.article.to_json()["sections"]


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice is not installed")
def test_a_changed_copy_saved_again_by_libreoffice_still_names_what_was_left_out(
        sent, tmp_path):  # noqa: F811
    """LibreOffice, an independent reader and writer of .docx, keeps the read-only marks and
    their fingerprints: the changes made before it saved the copy are still named."""
    mine, review = sent
    edited = tmp_path / "edited.docx"
    reviewed_where_nothing_comes_in(review, edited)
    folder = tmp_path / "again"
    subprocess.run([SOFFICE, f"-env:UserInstallation=file://{tmp_path / 'profile'}",
                    "--headless", "--convert-to", "docx:MS Word 2007 XML", "--outdir",
                    str(folder), str(edited)], check=True, capture_output=True, timeout=180)
    said = left_out(mine, folder / edited.name)
    assert any("changed the reference" in line and "Updated 2025." in line for line in said)
    assert any("changed the byline" in line for line in said)
    assert any("“Is there a newer edition?”" in line for line in said)
