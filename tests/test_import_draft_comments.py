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
