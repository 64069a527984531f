"""Suggested changes in the model (issue 21, item 2): the marks travel in the project file; the
article stands without them (text, citations, counts, checks, the exported manuscript) until
they are accepted; accept or reject one or all; they merge by id; a reviewer's edit of a
paragraph becomes suggestions word by word."""

from __future__ import annotations

import docx
import pytest

from pipwriter.export.bundle import export_bundle
from pipwriter.model.article.article import Article
from pipwriter.model.article.text import Citation, Paragraph, RichText, Run
from pipwriter.model.coauthoring.merge import merge_articles
from pipwriter.model.coauthoring.suggestion_diff import suggest_edit
from pipwriter.model.coauthoring.suggestions import (
    SuggestionNote,
    accept,
    accepted_article,
    pending,
    reject,
    words_if_accepted,
)
from pipwriter.model.language.counts import count_article, section_words
from pipwriter.model.rules.report import build_report
from pipwriter.model.rules.template import get_template
from pipwriter.model.storage.demo import demo_project
from pipwriter.model.storage.project_file import load_project, save_project


def with_suggestions(article: Article) -> Article:
    """The demo's first paragraph with one suggested insertion and one suggested deletion."""
    first = article.sections[0].body.paragraphs[0]
    first.items.append(Run(" Added by Sam.", ins="sug-a"))
    run = next(i for i in first.items if isinstance(i, Run) and not i.ins)
    head, word, tail = run.text.partition(" ")
    assert word
    index = first.items.index(run)
    first.items[index:index + 1] = [Run(head, dele="sug-b"), Run(" " + tail)]
    article.suggestions += [SuggestionNote("sug-a", "Sam Jones", "2026-12-01T10:00:00+00:00"),
                            SuggestionNote("sug-b", "Dr Asha Patel")]
    return article


@pytest.fixture
def project():
    project = demo_project()
    with_suggestions(project.article)
    return project


def test_the_article_stands_without_suggestions_until_accepted(project):
    article = project.article
    section = article.sections[0]
    first = section.body.paragraphs[0]
    assert "Added by Sam." not in first.text()
    assert first.text().startswith(first.items[0].text)             # the deletion still stands
    assert "Added by Sam." in first.accepted().text()
    words_now = section_words(section)
    assert section_words(Article(sections=[s for s in accepted_article(article).sections
                                          if s.id == section.id]).sections[0]) == \
        words_now + 3 - 1
    template = get_template(article.template_id)
    now = count_article(article, template).words_counted
    assert count_article(accepted_article(article), template).words_counted == now + 2 == \
        words_if_accepted(article, template, now)
    assert [(s.id, s.author, s.added, bool(s.removed)) for s in pending(article)] == \
        [("sug-b", "Dr Asha Patel", "", True), ("sug-a", "Sam Jones", " Added by Sam.", False)]


def test_a_suggested_citation_is_not_cited_until_accepted():
    paragraph = Paragraph([Run("Text "), Citation(["ref-1"], ins="sug-c")])
    assert paragraph.citations() == []
    assert paragraph.accepted().citations()[0].refs == ["ref-1"]
    assert Paragraph([Run("Text "), Citation(["ref-1"], dele="sug-d")]).citations()


def test_marks_and_notes_are_saved_and_read_back(project, tmp_path):
    path = save_project(project, tmp_path / "s.pipw")
    again = load_project(path).article
    assert [(s.id, s.author, s.added) for s in pending(again)] == \
        [(s.id, s.author, s.added) for s in pending(project.article)]
    assert again.sections[0].body == project.article.sections[0].body


def test_accept_or_reject_one_or_all(project):
    article = project.article
    first_text = article.sections[0].body.paragraphs[0].accepted().text()
    assert accept(article, ["sug-a"]) == 1
    assert "Added by Sam." in article.sections[0].body.paragraphs[0].text()
    assert [s.id for s in pending(article)] == ["sug-b"]
    assert [n.id for n in article.suggestions] == ["sug-b"]
    assert reject(article) == 1
    assert not pending(article) and not article.suggestions
    assert article.sections[0].body.paragraphs[0].text() != first_text    # "sug-b" rejected
    assert accept(article) == 0


def test_pending_suggestions_block_a_submission_export_but_not_a_draft(project, tmp_path):
    second = project.article.sections[1].body.paragraphs[0]      # waiting in two sections
    second.items.append(Run(" Sam adds this.", ins="sug-c"))
    project.article.suggestions.append(SuggestionNote("sug-c", "Sam Jones"))
    report = build_report(project)
    found = [f for f in report.findings if f.code == "suggestions-pending"]
    assert found and found[0].severity == "error"
    assert len(found) == 1 and len(found[0].all_places()) == 2     # said once, at both
    assert "3 suggested changes are waiting, in “" in found[0].message
    assert "and 1 other section." in found[0].message
    result = export_bundle(project, tmp_path / "out", draft=True)
    manuscript = next(p for p in result.files if p.name.endswith(".docx") and
                      "article" in p.name.lower())
    text = "\n".join(p.text for p in docx.Document(str(manuscript)).paragraphs)
    assert "Added by Sam." not in text                              # never sent as written
    assert text.count("Accept or reject each one") == 1             # the draft's note: once
    reject(project.article)
    assert not [f for f in build_report(project).findings if f.code == "suggestions-pending"]


def test_suggestions_merge_by_id_from_both_copies():
    base = demo_project().article
    mine = Article.from_json(base.to_json())
    theirs = Article.from_json(base.to_json())
    mine.sections[0].body.paragraphs[0].items.append(Run(" Mine.", ins="sug-m"))
    mine.suggestions.append(SuggestionNote("sug-m", "Dr Asha Patel"))
    last = theirs.sections[-1].body.paragraphs[-1]
    last.items.append(Run(" Theirs.", ins="sug-t"))
    theirs.suggestions.append(SuggestionNote("sug-t", "Sam Jones"))
    result = merge_articles(base, mine, theirs)
    assert not result.conflicts
    merged = result.article()
    assert {(s.id, s.author) for s in pending(merged)} == \
        {("sug-m", "Dr Asha Patel"), ("sug-t", "Sam Jones")}
    # accepted in their copy, untouched in mine: the accepting comes in
    accepted_copy = Article.from_json(merged.to_json())
    accept(accepted_copy, ["sug-t"])
    again = merge_articles(merged, merged, accepted_copy).article()
    assert [s.id for s in pending(again)] == ["sug-m"]
    assert again.sections[-1].body.paragraphs[-1].text().endswith(" Theirs.")


def test_an_edited_paragraph_becomes_word_by_word_suggestions():
    made = []

    def new():
        made.append(f"sug-{len(made)}")
        return made[-1]
    sent = Paragraph([Run("We met "), Run("every", bold=True), Run(" week with carers."),
                      Run(" Waiting.", ins="sug-old")])
    edited = Paragraph([Run("We met "), Run("every", bold=True),
                        Run(" month with carers and nurses.")])
    marked = suggest_edit(sent, edited, new)
    assert marked.standing().text() == sent.standing().text()
    assert marked.accepted().text() == "We met every month with carers and nurses. Waiting."
    assert len(made) == 2                                    # week→month, "and nurses"
    ins_texts = {i.text for i in marked.items if isinstance(i, Run) and i.ins in made}
    assert ins_texts == {"month", " and nurses"}
    assert any(i.ins == "sug-old" for i in marked.items)     # what was waiting, kept
    assert RichText([marked]).to_json()[0]["runs"][1] == {"t": "every", "b": True}


def test_a_saved_article_with_suggestions_matches_the_file_schema(project, tmp_path):
    import json
    import zipfile

    import jsonschema

    from pipwriter.resources import resources_dir
    path = save_project(project, tmp_path / "s.pipw")
    with zipfile.ZipFile(path) as archive:
        data = json.loads(archive.read("article.json"))
    assert data["suggestions"][0]["author"] == "Sam Jones"
    schema = json.loads((resources_dir().parent / "docs" / "schema" /
                         "article.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(data, schema)
    data["sections"][0]["body"][0]["runs"][0]["insert"] = "sug-x"       # a wrong key is refused
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, schema)


def test_the_merge_shows_a_suggestion_in_words_not_mixed_into_the_text():
    from pipwriter.model.coauthoring.merge_text import body_text
    article = Article()
    paragraph = Paragraph([Run("We met "), Run("weekly", dele="sug-1"), Run("monthly", ins="sug-1"),
                           Run(".")])
    assert body_text(RichText([paragraph]).to_json(), article) == \
        "We met [suggested: delete “weekly”][suggested: add “monthly”]."


def test_spelling_reads_a_suggested_change_as_it_stands_and_as_taken_never_run_together():
    """Found by a walk: a word struck out straight before a word put in ("did" then "new")
    was checked as one word, "didnew", and the checklist said it may be misspelt."""
    from pipwriter.model.rules.spelling_findings import article_spell_engine, flagged_places
    project = demo_project()
    article = project.article
    paragraph = article.sections[0].body.paragraphs[0]
    paragraph.items += [Run(" It did", dele="sug-x"), Run("new work.", ins="sug-y"),
                        Run(" Recieve", ins="sug-z")]
    article.suggestions += [SuggestionNote(i, "Sam Jones") for i in ("sug-x", "sug-y", "sug-z")]
    flagged = flagged_places(article, article_spell_engine(article))
    assert "didnew" not in flagged
    assert "recieve" in flagged                    # a slip in the words put in is still found


@pytest.mark.parametrize("parts, accepted", [
    (["listened to ", ("politely", "del"), " and then"], "listened to and then"),
    (["It ended there ", ("again", "del"), "."], "It ended there."),
    (["We met ", ("weekly ", "del"), "on Mondays"], "We met on Mondays"),
    (["A ", ("big", "ins"), " step"], "A big step"),
])
def test_accepting_leaves_one_space_where_words_were_taken_out(parts, accepted):
    """Found by a walk: accepting the deletion of "politely" left "listened to  and then",
    and the two spaces went into the next Word copy."""
    items = [Run(p) if isinstance(p, str) else
             Run(p[0], ins="s1" if p[1] == "ins" else "", dele="s1" if p[1] == "del" else "")
             for p in parts]
    article = demo_project().article
    article.sections[0].body = RichText([Paragraph(items)])
    article.suggestions.append(SuggestionNote("s1", "Bethan Lloyd", "2026-12-06T10:00:00+00:00"))
    assert accept(article, ["s1"]) == 1
    assert article.sections[0].body.plain_text() == accepted


def test_rejecting_an_added_word_leaves_one_space():
    article = demo_project().article
    article.sections[0].body = RichText([Paragraph(
        [Run("A "), Run("big", ins="s1"), Run(" step")])])
    article.suggestions.append(SuggestionNote("s1", "Bethan Lloyd", "2026-12-06T10:00:00+00:00"))
    assert reject(article, ["s1"]) == 1
    assert article.sections[0].body.plain_text() == "A step"
