"""A Word draft's comments come in as comments on the same words (nothing dropped); one whose
words cannot be found is named in the import's notes with what it said."""

from __future__ import annotations

import docx

from pipwriter.importer.docx_import import import_docx, plan_import


def test_a_drafts_comments_come_in_on_the_same_words(tmp_path):
    d = docx.Document()
    d.add_paragraph("Our draft", style="Title")
    d.add_heading("Background", level=1)
    body = d.add_paragraph()
    body.add_run("We started because ")
    anchor = body.add_run("people asked us to")
    body.add_run(".")
    d.add_comment([anchor], text="Who asked, exactly?", author="Sam Jones", initials="SJ")
    table = d.add_table(rows=1, cols=1)
    cell_run = table.cell(0, 0).paragraphs[0].add_run("a table cell")
    d.add_comment([cell_run], text="Tables are not taken.", author="Ed", initials="E")
    path = tmp_path / "draft.docx"
    d.save(str(path))
    plan = plan_import(path)
    project = import_docx(path, plan)
    got = [(c.quote, c.text, c.author) for c in project.article.comments]
    assert ("people asked us to", "Who asked, exactly?", "Sam Jones") in got
    # the table's text went to "Imported text not yet placed": its comment went with it
    assert ("a table cell", "Tables are not taken.", "Ed") in got


def test_a_comment_whose_words_are_gone_is_named_in_the_notes(tmp_path, monkeypatch):
    from pipwriter.importer import draft_comments
    d = docx.Document()
    d.add_paragraph("Our draft", style="Title")
    d.add_heading("Background", level=1)
    anchor = d.add_paragraph().add_run("Words that will not be found.")
    d.add_comment([anchor], text="Check this.", author="Sam Jones", initials="SJ")
    path = tmp_path / "draft.docx"
    d.save(str(path))
    monkeypatch.setattr(draft_comments, "text_fields", lambda article: [])
    plan = plan_import(path)
    project = import_docx(path, plan)
    assert project.article.comments == []
    assert any("Check this." in note and "Sam Jones" in note for note in plan.notes)


def _strip_ranges(d) -> None:
    """Keep only each comment's mark, as LibreOffice saves a comment made at a point."""
    for element in list(d.element.body.iter()):
        if element.tag.endswith(("}commentRangeStart", "}commentRangeEnd")):
            element.getparent().remove(element)


def test_a_comment_made_at_a_point_comes_in_on_the_word_before_it(tmp_path):
    """Found by a walk: a comment with no words marked (LibreOffice's comments, made at the
    cursor) was dropped, and the import said nothing about it."""
    d = docx.Document()
    d.add_paragraph("Our draft", style="Title")
    d.add_heading("Why we did it", level=1)
    body = d.add_paragraph("We wanted to shorten waits for hip surgery.")
    d.add_comment(body.runs[0], text="Which hospital?", author="Ann Editor", initials="AE")
    _strip_ranges(d)
    path = tmp_path / "draft.docx"
    d.save(str(path))
    plan = plan_import(path)
    project = import_docx(path, plan)
    got = [(c.quote, c.text, c.author) for c in project.article.comments]
    assert got == [("surgery", "Which hospital?", "Ann Editor")]
    assert any(note.startswith("1 comment from the draft came in") for note in plan.notes)


def test_a_comment_on_no_words_at_all_is_named_in_the_notes(tmp_path):
    d = docx.Document()
    d.add_paragraph("Our draft", style="Title")
    d.add_heading("Why we did it", level=1)
    d.add_paragraph("Some words of the section.")
    empty = d.add_paragraph()
    mark = empty.add_run("")
    d.add_comment(mark, text="A picture goes here.", author="Sam Jones", initials="SJ")
    _strip_ranges(d)
    path = tmp_path / "draft.docx"
    d.save(str(path))
    plan = plan_import(path)
    project = import_docx(path, plan)
    placed = [c.text for c in project.article.comments]
    noted = [n for n in plan.notes if "A picture goes here." in n and "Sam Jones" in n]
    assert placed == [] and len(noted) == 1            # never dropped without a word


def test_tracked_changes_waiting_in_the_draft_are_named(tmp_path):
    """Found by a walk: a draft's tracked changes came in as if accepted, without a word."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    def change(tag: str, text: str, ident: int):
        element = OxmlElement(tag)
        element.set(qn("w:id"), str(ident))
        element.set(qn("w:author"), "Sam Jones")
        run = OxmlElement("w:r")
        piece = OxmlElement("w:delText" if tag == "w:del" else "w:t")
        piece.text = text
        run.append(piece)
        element.append(run)
        return element
    d = docx.Document()
    d.add_paragraph("Our draft", style="Title")
    d.add_heading("Why we did it", level=1)
    body = d.add_paragraph("We wanted shorter waits.")
    body._p.append(change("w:ins", " Patients asked for it.", 1))
    body._p.append(change("w:ins", " Twice.", 2))
    body._p.append(change("w:del", " An old sentence.", 3))
    path = tmp_path / "draft.docx"
    d.save(str(path))
    plan = plan_import(path)
    project = import_docx(path, plan)
    text = project.article.sections[0].body.plain_text()
    assert "Patients asked for it." in text and "An old sentence." not in text
    [note] = [n for n in plan.notes if "tracked changes" in n]
    assert "2 additions kept and 1 deletion made" in note


def test_a_draft_without_tracked_changes_says_nothing_of_them(tmp_path):
    d = docx.Document()
    d.add_paragraph("Our draft", style="Title")
    d.add_heading("Why we did it", level=1)
    d.add_paragraph("We wanted shorter waits.")
    path = tmp_path / "draft.docx"
    d.save(str(path))
    plan = plan_import(path)
    import_docx(path, plan)
    assert not any("tracked" in n for n in plan.notes)


def test_an_empty_draft_is_said_to_be_empty(tmp_path):
    """Found by a walk: an empty draft was "imported" without a word about it."""
    path = tmp_path / "empty.docx"
    docx.Document().save(str(path))
    plan = plan_import(path)
    project = import_docx(path, plan)
    assert all(s.body.is_empty() for s in project.article.sections)
    assert any("no words in it" in note for note in plan.notes)
