"""Comments (issue 21, item 1): on words of any field, found again after edits around them,
with replies, resolve and reopen; saved in the project file, merged by id, never exported, and
counted by `check --json`."""

from __future__ import annotations

import contextlib
import copy
import io
import json
import zipfile

import pytest

from pipwriter import cli
from pipwriter.export.bundle import export_bundle
from pipwriter.model.article.article import Article
from pipwriter.model.article.text import Citation, Paragraph, RichText, Run
from pipwriter.model.article.text_surface import text_fields
from pipwriter.model.coauthoring.comments import (
    add_comment,
    locate,
    open_comments,
    quote_as_read,
    reply,
    set_resolved,
)
from pipwriter.model.coauthoring.merge import merge_articles
from pipwriter.model.storage.demo import demo_project
from pipwriter.model.storage.project_file import load_project, save_project

SENTENCE = "We met weekly at the clinic and patients chose the topics."


@pytest.fixture
def project(small_project):
    small_project.article.sections[0].body = RichText([Paragraph([Run(SENTENCE)])])
    return small_project


def body_field(article):
    return next(f for f in text_fields(article) if f.where.field == "body")


def comment_on(article, words: str, text="Is this right?", author="Sam Jones"):
    field = body_field(article)
    start = field.blocks[0].index(words)
    return add_comment(article, field.where, 0, start, start + len(words), text, author)


def set_body(article, *texts):
    article.sections[0].body = RichText([Paragraph([Run(t)]) for t in texts])


def anchored_words(article, comment) -> str:
    anchor = locate(article, comment)
    assert anchor is not None
    return anchor.field.blocks[anchor.block][anchor.start:anchor.end]


def test_a_comment_keeps_its_words_and_finds_them_after_edits_around_them(project):
    article = project.article
    comment = comment_on(article, "patients chose the topics")
    assert comment.quote == "patients chose the topics" and comment.author == "Sam Jones"
    set_body(article, "A new first paragraph.", "Every week, " + SENTENCE.lower())
    anchor = locate(article, comment)
    assert anchor is not None and anchor.block == 1
    assert anchored_words(article, comment) == "patients chose the topics"


def test_of_two_places_with_the_same_words_the_one_with_the_same_surroundings_wins(project):
    article = project.article
    set_body(article, "At first the topics were set. Later patients chose the topics freely.")
    field = body_field(article)
    line = field.blocks[0]
    start = line.index("the topics freely")
    comment = add_comment(article, field.where, 0, start, start + len("the topics"), "Hm", "A")
    set_body(article, "Since then the topics changed. " + line)     # a third "the topics"
    anchor = locate(article, comment)
    assert anchor is not None
    assert anchor.field.blocks[0][anchor.end:].startswith(" freely")


def test_when_the_words_themselves_change_the_comment_stays_without_a_place(project):
    article = project.article
    comment = comment_on(article, "patients chose the topics")
    set_body(article, "We met weekly.")
    assert locate(article, comment) is None
    assert open_comments(article) == [comment]


def test_replies_resolve_and_reopen(project):
    article = project.article
    comment = comment_on(article, "met weekly")
    reply(comment, "Yes, every Tuesday.", "Dr Asha Patel")
    set_resolved(comment, True, "Sam Jones")
    assert open_comments(article) == []
    set_resolved(comment, False, "Dr Asha Patel")
    assert open_comments(article) == [comment]
    assert [r.author for r in comment.replies] == ["Dr Asha Patel"]
    assert comment.changed_by == "Dr Asha Patel" and comment.changed_at


def test_comments_are_saved_and_read_back(project, tmp_path):
    comment = comment_on(project.article, "met weekly")
    reply(comment, "Every Tuesday.", "Dr Asha Patel")
    loaded = load_project(save_project(project, tmp_path / "a.pipw")).article
    assert [c.to_json() for c in loaded.comments] == [comment.to_json()]


def test_an_article_without_comments_is_written_as_before(project):
    assert "comments" not in project.article.to_json()


def test_comments_merge_by_id_replies_pooled_and_the_later_resolve_wins(project):
    base = project.article
    comment = comment_on(base, "met weekly")
    mine = Article.from_json(copy.deepcopy(base.to_json()))
    theirs = Article.from_json(copy.deepcopy(base.to_json()))
    reply(mine.comments[0], "Mine.", "Dr Asha Patel")
    reply(theirs.comments[0], "Theirs.", "Sam Jones")
    set_resolved(theirs.comments[0], True, "Sam Jones")
    comment_on(theirs, "the clinic", "Which one?")
    merged = merge_articles(base, mine, theirs).article()
    assert merged.comments[0].id == comment.id
    assert sorted(r.text for r in merged.comments[0].replies) == ["Mine.", "Theirs."]
    assert merged.comments[0].resolved
    assert [c.text for c in merged.comments] == ["Is this right?", "Which one?"]


def test_comments_never_reach_the_submission_and_check_counts_them(tmp_path):
    project = demo_project()
    article = project.article
    field = body_field(article)
    words = field.blocks[0].split()[0]
    add_comment(article, field.where, 0, 0, len(words), "SECRET-NOTE for Bethan", "Malcolm")
    bundle = export_bundle(project, tmp_path / "out", make_zip=True, draft=True)
    for path in bundle.folder.rglob("*"):
        if path.suffix == ".docx":
            with zipfile.ZipFile(path) as archive:
                assert all(b"SECRET-NOTE" not in archive.read(n) for n in archive.namelist())
        elif path.is_file():
            assert b"SECRET-NOTE" not in path.read_bytes()
    saved = save_project(project, tmp_path / "demo.pipw")
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        cli.main(["check", str(saved), "--json"])
    assert json.loads(out.getvalue())["comments_open"] == 1


def test_the_documented_schema_describes_comments(project):
    from pathlib import Path

    import jsonschema
    comment = comment_on(project.article, "met weekly")
    reply(comment, "Every Tuesday.", "Dr Asha Patel")
    schema = json.loads((Path(__file__).resolve().parent.parent / "docs" / "schema" /
                         "article.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(project.article.to_json(), schema)


def test_an_open_comment_blocks_export_for_submission_until_resolved(tmp_path):
    from pipwriter.export.errors import ExportError
    from pipwriter.model.rules.checks import all_findings
    from pipwriter.model.rules.template import get_template
    project = demo_project()
    article = project.article
    field = body_field(article)
    comment = add_comment(article, field.where, 0, 0, 3, "Shall we cut this?", "Malcolm")
    template = get_template(article.template_id)
    [finding] = [f for f in all_findings(project, template) if f.code == "comments-open"]
    assert finding.severity == "error" and "1 comment is still open" in finding.message
    assert finding.where == comment.where                      # Go to: the words it is about
    with pytest.raises(ExportError):
        export_bundle(project, tmp_path / "final")
    set_resolved(comment, True, "Bethan")
    assert not [f for f in all_findings(project, template) if f.code == "comments-open"]
    assert export_bundle(project, tmp_path / "final").folder.is_dir()


def test_looking_fields_up_by_place_finds_what_the_list_finds():
    """The Comments list looks up each comment's field in an index made once per update
    (issue 23): the same field as a walk of the list, None where there is none."""
    from pipwriter.model.coauthoring.comments import field_index, find_field, locate
    from pipwriter.model.rules.findings import Where
    article = demo_project().article
    fields = list(text_fields(article))
    index = field_index(fields)
    places = [f.where for f in fields] + [Where("section", "no-such", field="body"),
                                          Where("authors", author_id=fields[0].where.author_id,
                                                field="no-such-field")]
    for where in places:
        assert find_field(article, where, index) is find_field(article, where, fields)
    body = next(f for f in fields if f.where.field == "body")
    comment = add_comment(article, body.where, 0, 0, 3, "Is this right?", "Sam")
    assert locate(article, comment, index) == locate(article, comment, fields) is not None


def test_a_quoted_citation_reads_as_its_number_and_as_citation_once_the_words_are_gone():
    """A comment's words that hold a citation show its number, as the text does ("recovery
    [2]."), not a gap where the editor's object character is."""
    article = demo_project().article
    first, second = article.references[0].id, article.references[1].id
    article.sections[0].body = RichText([Paragraph([
        Run("Walking helps"), Citation([first]), Run(" and so does recovery "),
        Citation([second, "gone"]), Run(".")])])
    field = body_field(article)
    line = field.blocks[0]
    start = line.index("recovery")
    comment = add_comment(article, field.where, 0, start, len(line), "Which study?", "Sam")
    numbers = article.reference_numbers()
    shown = quote_as_read(article, comment, locate(article, comment))
    assert shown == f"recovery [{numbers[second]}] [?]."
    article.sections[0].body = RichText([Paragraph([Run("All new words.")])])
    assert quote_as_read(article, comment, locate(article, comment)) == "recovery [citation]."
