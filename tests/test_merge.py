"""Merging a co-author's copy: three-way by id (changes made on one side are taken, changes made
on both are conflicts to choose), the base found through the copy's ancestry, and the two-way
fallback that asks about every difference."""

from __future__ import annotations

import copy

import pytest

from pipwriter.model.article.article import Article
from pipwriter.model.article.author import Author
from pipwriter.model.article.reference import Reference
from pipwriter.model.article.text import Citation, Paragraph, RichText, Run
from pipwriter.model.coauthoring.approval import APPROVED, OUT_OF_DATE, approval_state, approve
from pipwriter.model.coauthoring.exchange import (
    find_base,
    record_merge,
    send_copy,
    snapshot_fingerprint,
)
from pipwriter.model.coauthoring.merge import (
    COMBINED,
    MINE,
    THEIRS,
    combine_paragraphs,
    merge_articles,
    word_diff,
)
from pipwriter.model.storage.project import Project
from pipwriter.model.storage.project_file import load_project
from pipwriter.model.storage.versions import delete_version, list_versions


@pytest.fixture
def base(small_project) -> Article:
    """Two references, cited in the order A then B; every section has a sentence."""
    article = small_project.article
    a = Reference(title="Alpha study", container="BMJ", year="2020")
    b = Reference(title="Beta study", container="BMJ", year="2021")
    article.references = [a, b]
    for n, section in enumerate(article.sections):
        section.body = RichText([Paragraph([Run(f"Section {n} text.")])])
    article.sections[0].body.paragraphs[0].items.append(Citation([a.id]))
    article.sections[1].body.paragraphs[0].items.append(Citation([b.id]))
    article.key_messages = ["Listen first."]
    return article


def clone(article: Article) -> Article:
    return Article.from_json(copy.deepcopy(article.to_json()))


def text_of(article: Article, index: int) -> str:
    return article.sections[index].body.plain_text()


def set_text(article: Article, index: int, text: str) -> None:
    cites = list(article.sections[index].body.citations())
    article.sections[index].body = RichText([Paragraph([Run(text), *cites])])


def renumber(article: Article) -> None:
    """Reference B is now cited first (so it becomes [1]) and listed first."""
    a, b = article.references
    article.sections[0].body.paragraphs[0].items.insert(0, Citation([b.id]))
    article.references = [b, a]


# --- no conflict -------------------------------------------------------------------------------
def test_changes_on_different_sides_are_all_taken(base):
    mine, theirs = clone(base), clone(base)
    mine.authors.append(Author("Jo Bloggs", "carer"))              # an author added in mine
    set_text(mine, 2, "My new text.")
    set_text(theirs, 3, "Their new text.")
    renumber(theirs)                                              # references renumbered there
    theirs.key_messages.append("Share decisions.")

    result = merge_articles(base, mine, theirs)
    assert result.conflicts == []
    merged = result.article()
    assert [a.name for a in merged.authors] == ["Dr Asha Patel", "Sam Jones", "Jo Bloggs"]
    assert text_of(merged, 2) == "My new text." and text_of(merged, 3) == "Their new text."
    assert merged.key_messages == ["Listen first.", "Share decisions."]
    # the renumbering is theirs, and every citation still points at the same reference
    assert [r.title for r in merged.references_in_order()] == ["Beta study", "Alpha study"]
    titles = {r.id: r.title for r in merged.references}
    assert [[titles[i] for c in s.body.citations() for i in c.refs]
            for s in merged.sections[:2]] == [["Beta study", "Alpha study"], ["Beta study"]]
    assert "The order of the references: their order taken" in result.taken
    assert f"“{base.sections[3].title}”: their changes taken" in result.summary_lines()
    assert text_of(theirs, 2) == "Section 2 text." and len(theirs.authors) == 2   # unchanged
    assert len(base.authors) == 2 and text_of(mine, 3) == "Section 3 text."


def test_their_paragraph_and_yours_in_one_section_are_both_said_to_be_kept(base):
    """Found by a walk: "their changes taken" alone read as if yours had been replaced."""
    mine, theirs = clone(base), clone(base)
    for article in (base, mine, theirs):
        article.sections[2].body.paragraphs.append(Paragraph([Run("A second paragraph.")]))
    mine.sections[2].body.paragraphs[0] = Paragraph([Run("My first paragraph.")])
    theirs.sections[2].body.paragraphs[1] = Paragraph([Run("Their second paragraph.")])
    result = merge_articles(base, mine, theirs)
    assert result.conflicts == []
    assert text_of(result.article(), 2) == "My first paragraph.\nTheir second paragraph."
    label = f"“{base.sections[2].title}”"
    assert f"{label}: their changes taken, and yours kept" in result.summary_lines()


def test_the_review_names_the_comments_replies_and_suggestions_that_come_with_their_copy(
        base):
    """Found by a walk: the review listed only the sections; what they said came unmentioned."""
    from pipwriter.model.article.text_surface import text_fields
    from pipwriter.model.coauthoring.comments import add_comment, reply
    from pipwriter.model.coauthoring.suggestions import SuggestionNote
    body = next(f for f in text_fields(base) if f.where.field == "body")
    ours = add_comment(base, body.where, 0, 0, 7, "Is this right?", "Dr Asha Patel")
    mine, theirs = clone(base), clone(base)
    theirs_field = next(f for f in text_fields(theirs) if f.where.field == "body")
    add_comment(theirs, theirs_field.where, 0, 0, 7, "Shorter?", "Sam Jones")
    add_comment(theirs, theirs_field.where, 0, 0, 7, "And simpler.", "Sam Jones")
    reply(next(c for c in theirs.comments if c.id == ours.id), "Yes.", "Sam Jones")
    theirs.sections[3].body.paragraphs[0].items.append(Run(" More.", ins="sug-1"))
    theirs.suggestions.append(SuggestionNote("sug-1", "Sam Jones"))
    lines = merge_articles(base, mine, theirs).summary_lines()
    assert "2 comments from their copy added" in lines
    assert "1 reply from their copy added" in lines
    assert "1 suggested change from their copy added" in lines
    assert not [line for line in merge_articles(base, mine, clone(base)).summary_lines()
                if "from their copy added" in line]                  # nothing new: nothing said


def test_same_change_on_both_sides_is_not_a_conflict(base):
    mine, theirs = clone(base), clone(base)
    for article in (mine, theirs):
        set_text(article, 0, "We both wrote this.")
    result = merge_articles(base, mine, theirs)
    assert result.conflicts == []
    assert text_of(result.article(), 0) == "We both wrote this."


def test_nothing_new_in_their_copy(base):
    mine = clone(base)
    set_text(mine, 0, "Only I changed this.")
    result = merge_articles(base, mine, clone(base))
    assert not result.has_changes()
    assert result.article().to_json() == mine.to_json()


def test_removed_on_one_side_untouched_on_the_other_is_removed(base):
    mine, theirs = clone(base), clone(base)
    gone = theirs.sections.pop(4)
    theirs.references.pop(1)
    theirs.sections[1].body.remove_citations_to(base.references[1].id)
    result = merge_articles(base, mine, theirs)
    merged = result.article()
    assert result.conflicts == []
    assert merged.section(gone.id) is None
    assert [r.title for r in merged.references] == ["Alpha study"]
    assert f"“{gone.title}”: removed in their copy" in result.taken


def test_a_reference_still_cited_on_the_other_side_is_kept(base):
    mine, theirs = clone(base), clone(base)
    beta = base.references[1]
    mine.references.pop(1)                                 # I removed it...
    mine.sections[1].body.remove_citations_to(beta.id)
    set_text(theirs, 3, "They cite it here too.")          # ...they cited it somewhere new
    theirs.sections[3].body.paragraphs[0].items.append(Citation([beta.id]))
    result = merge_articles(base, mine, theirs)
    merged = result.article()
    assert merged.reference(beta.id) is not None
    assert any("Beta study" in note for note in result.notes)
    assert all(r in {x.id for x in merged.references}
               for c in merged.sections[3].body.citations() for r in c.refs)


# --- conflicts ---------------------------------------------------------------------------------
def test_both_changed_a_section_author_added_and_references_renumbered(base):
    mine, theirs = clone(base), clone(base)
    set_text(mine, 0, "Mine: we met every week.")
    set_text(theirs, 0, "Theirs: we met every month.")
    theirs.authors.append(Author("Jo Bloggs", "carer"))    # an author added on their side
    renumber(mine)                                         # references renumbered on mine
    result = merge_articles(base, mine, theirs)

    [conflict] = result.conflicts
    assert (conflict.kind, conflict.item_id) == ("section", base.sections[0].id)
    assert "Mine: we met every week." in conflict.mine_text
    assert "Theirs: we met every month." in conflict.theirs_text
    assert conflict.choice == MINE and not conflict.reviewed
    assert text_of(result.article(), 0) == "Mine: we met every week."   # yours until chosen
    assert f"“{base.sections[0].title}”: not chosen yet, so yours is kept" in \
        result.summary_lines()

    conflict.choose(THEIRS)
    merged = result.article()
    assert text_of(merged, 0) == "Theirs: we met every month."
    assert [a.name for a in merged.authors][-1] == "Jo Bloggs"
    assert [r.title for r in merged.references] == ["Beta study", "Alpha study"]
    assert any(line.endswith("took theirs") for line in result.summary_lines())

    conflict.choose(COMBINED, {"title": "Joint heading",
                               "body": RichText.from_plain("We met weekly, then monthly.")
                               .to_json()})
    merged = result.article()
    assert merged.sections[0].title == "Joint heading"
    assert text_of(merged, 0) == "We met weekly, then monthly."


def test_default_combined_text_keeps_both_sides(base):
    mine, theirs = clone(base), clone(base)
    mine.sections[0].body.paragraphs.append(Paragraph([Run("Mine added this.")]))
    theirs.sections[0].body.paragraphs.append(Paragraph([Run("They added that.")]))
    [conflict] = merge_articles(base, mine, theirs).conflicts
    conflict.choose(COMBINED)
    combined = RichText.from_json(conflict.combined["body"], "body").plain_text().split("\n")
    assert combined == ["Section 0 text.", "Mine added this.", "They added that."]


def test_removed_on_one_side_changed_on_the_other_asks(base):
    mine, theirs = clone(base), clone(base)
    target = base.sections[5]
    mine.sections.pop(5)
    set_text(theirs, 5, "They improved it.")
    result = merge_articles(base, mine, theirs)
    [conflict] = result.conflicts
    assert conflict.mine is None and "removed in your copy" in conflict.mine_text
    assert not conflict.can_combine
    assert result.article().section(target.id) is None           # yours: removed
    conflict.choose(THEIRS)
    merged = result.article()
    assert merged.section(target.id).body.plain_text() == "They improved it."
    assert [s.id for s in merged.sections] == [s.id for s in base.sections]   # same place


@pytest.mark.parametrize("kind", ["title", "key_messages", "reference", "author", "disclosure"])
def test_other_parts_merge_the_same_way(base, kind):
    mine, theirs = clone(base), clone(base)
    if kind == "title":
        mine.title, theirs.title = "Mine", "Theirs"
        value = lambda a: a.title                                  # noqa: E731
    elif kind == "key_messages":
        mine.key_messages, theirs.key_messages = ["Mine"], ["Theirs"]
        value = lambda a: a.key_messages                           # noqa: E731
    elif kind == "reference":
        mine.references[0].year, theirs.references[0].year = "2018", "2019"
        value = lambda a: a.references[0].year                      # noqa: E731
    elif kind == "author":
        mine.authors[1].role, theirs.authors[1].role = "Co-chair", "Patient lead"
        value = lambda a: a.authors[1].role                         # noqa: E731
    else:
        mine.authors[0].disclosure.item(1).answer = "none"
        theirs.authors[0].disclosure.item(1).answer = "entries"
        value = lambda a: a.authors[0].disclosure.item(1).answer   # noqa: E731
    result = merge_articles(base, mine, theirs)
    [conflict] = result.conflicts
    assert conflict.kind == kind
    assert value(result.article()) == value(mine)
    conflict.choose(THEIRS)
    assert value(result.article()) == value(theirs)


def test_an_author_removed_on_one_side_is_unlinked_everywhere(base):
    mine, theirs = clone(base), clone(base)
    sam = base.authors[1]
    mine.sections[0].assignee = sam.id
    theirs.authors = [a for a in theirs.authors if a.id != sam.id]
    for section in theirs.sections:
        section.author_ids = [i for i in section.author_ids if i != sam.id]
    approve(mine, sam.id)
    merged = merge_articles(base, mine, theirs).article()     # loads: no dangling links
    assert merged.author(sam.id) is None
    assert merged.sections[0].assignee == "" and merged.approvals == []


def test_approvals_are_pooled_and_stay_honest(base):
    mine, theirs = clone(base), clone(base)
    asha, sam = base.authors
    approve(mine, asha.id)
    set_text(theirs, 2, "Sam rewrote this, then approved.")
    approve(theirs, sam.id)
    merged = merge_articles(base, mine, theirs).article()
    assert approval_state(merged, sam) == APPROVED            # what Sam saw is the result
    assert approval_state(merged, asha) == OUT_OF_DATE        # Asha had not seen their change


# --- without a base ------------------------------------------------------------------------------
def test_both_reordering_keeps_your_order(base):
    mine, theirs = clone(base), clone(base)
    mine.sections.insert(0, mine.sections.pop(2))
    theirs.sections.reverse()
    result = merge_articles(base, mine, theirs)
    assert [s.id for s in result.article().sections] == [s.id for s in mine.sections]
    assert any("your order was kept" in note for note in result.notes)


def test_without_a_base_every_difference_is_asked(base):
    mine, theirs = clone(base), clone(base)
    set_text(theirs, 3, "Their new text.")
    theirs.authors.append(Author("Jo Bloggs", "carer"))
    result = merge_articles(None, mine, theirs)
    assert result.two_way and result.taken == []
    kinds = sorted(c.kind for c in result.conflicts)
    assert kinds == ["author", "section"]
    assert result.article().to_json() == mine.to_json()     # nothing taken without asking
    for conflict in result.conflicts:
        conflict.choose(THEIRS)
    merged = result.article()
    assert text_of(merged, 3) == "Their new text." and len(merged.authors) == 3


# --- sending and finding the base ------------------------------------------------------------------
def test_send_records_ancestry_and_the_base_is_found(base, tmp_path):
    project = Project(base, path=tmp_path / "ours.pipw")
    copy_path, version = send_copy(project, tmp_path / "for Sam.pipw", "Sam Jones",
                                   "please check   your viewpoint", base.authors[1].id, 120)
    assert version.name == "sent to Sam Jones"
    theirs = load_project(copy_path)
    [entry] = theirs.ancestry
    assert entry["event"] == "sent" and entry["sent_to"] == "Sam Jones"
    assert entry["note"] == "please check your viewpoint"
    assert entry["from_file"] == "ours.pipw"
    assert entry["from_fingerprint"] == snapshot_fingerprint(base)
    assert project.ancestry == []                              # the original is not changed

    found = find_base(project, theirs)
    assert found is not None
    assert found[0].article.to_json() == base.to_json() and found[1] == entry

    set_text(theirs.article, 2, "Sam's edit.")
    set_text(project.article, 2, "My edit.")
    result = merge_articles(found[0].article, project.article, theirs.article)
    assert [c.kind for c in result.conflicts] == ["section"]
    record_merge(project, theirs, entry, name="Sam Jones")
    assert [e["event"] for e in project.ancestry] == ["sent", "merged"]
    # a later copy from the same sending carries on from the one brought in, kept as it came
    later = find_base(project, theirs)
    assert later is not None and later[1] == entry
    assert later[0].article.to_json() == theirs.article.to_json()
    assert "Sam Jones's copy as brought in" in [v.name for v in
                                                 list_versions(version.path.parent.name)]
    project.ancestry.pop()                  # as if it had not been brought in

    delete_version(next(v for v in list_versions(version.path.parent.name)
                        if v.name == "sent to Sam Jones"))
    travelled = find_base(project, theirs)                     # the copy carries it
    assert travelled is not None
    assert snapshot_fingerprint(travelled[0].article) == entry["from_fingerprint"]
    for sent_entry in theirs.ancestry:
        sent_entry.pop("base_article", None)
    assert find_base(project, theirs) is None                  # then merging asks about all


def test_a_changed_or_foreign_base_is_not_trusted(base, tmp_path):
    project = Project(base)
    copy_path, _version = send_copy(project, tmp_path / "copy.pipw", "Sam")
    theirs = load_project(copy_path)
    theirs.ancestry[0]["from_fingerprint"] = "0" * 32
    assert find_base(project, theirs) is None
    theirs.ancestry[0] = {"event": "sent", "base_id": "../../etc/20250101T000000-000000Z"}
    assert find_base(project, theirs) is None


def test_sending_over_the_articles_own_file_is_refused(base, tmp_path):
    from pipwriter.model.errors import PipError
    project = Project(base, path=tmp_path / "ours.pipw")
    with pytest.raises(PipError):
        send_copy(project, tmp_path / "ours.pipw", "Sam")


# --- helpers for showing differences --------------------------------------------------------------
def test_word_diff_marks_only_the_changed_words():
    ops = word_diff("We met every week at the clinic.", "We met every month at the clinic.")
    assert [(op, a, b) for op, a, b in ops if op != "equal"] == [("replace", "week", "month")]
    assert "".join(a for _op, a, _b in ops) == "We met every week at the clinic."


def test_combine_paragraphs_keeps_order_and_both_versions():
    def p(text):
        return {"style": "body", "runs": [{"t": text}]}
    combined = combine_paragraphs([p("one"), p("two mine"), p("three")],
                                  [p("one"), p("two theirs"), p("three"), p("four")])
    assert [x["runs"][0]["t"] for x in combined] == ["one", "two mine", "two theirs", "three",
                                                     "four"]


def test_a_pictures_permission_tick_is_described_in_the_checklists_words():
    """The merge view described the permission tick as "Cleared for publication"; it says
    what the checklist says ("marked as OK to publish")."""
    from pipwriter.model.coauthoring.merge_text import media_text
    assert media_text({"caption": "A walk", "permission": True}).endswith(
        "\nMarked as OK to publish")
    assert media_text({"caption": "A walk"}).endswith("\nNot yet marked as OK to publish")


def test_their_suggestions_are_counted_from_what_the_choices_bring_in(base):
    """Found by a walk: "Keep yours" on a section dropped their suggested change there while
    the review still said "6 suggested changes from their copy added" (5 came)."""
    from pipwriter.model.coauthoring.suggestions import SuggestionNote
    mine, theirs = clone(base), clone(base)
    mine.sections[2].body.paragraphs[0] = Paragraph([Run("My own first paragraph.")])
    theirs.sections[2].body.paragraphs[0] = Paragraph(
        [Run("SAMINS ", ins="sug-a"), Run("Their first paragraph.")])
    theirs.sections[3].body.paragraphs[0].items.append(Run(" More.", ins="sug-b"))
    theirs.suggestions += [SuggestionNote("sug-a", "Sam"), SuggestionNote("sug-b", "Sam")]
    result = merge_articles(base, mine, theirs)
    [conflict] = result.conflicts
    conflict.choose(MINE)
    lines = result.summary_lines()
    assert "1 suggested change from their copy added" in lines
    assert "1 suggested change from their copy left out, in the parts where yours is kept" \
        in lines
    conflict.choose(THEIRS)
    lines = result.summary_lines()
    assert "2 suggested changes from their copy added" in lines
    assert not [line for line in lines if "left out" in line]


def test_keep_yours_says_their_changes_elsewhere_in_the_section_are_taken(base):
    """Found by a walk: "kept yours" was listed, yet their change to another paragraph of
    the section came in (rightly); the words now say where the choice applies."""
    base.sections[2].body.paragraphs[1:] = [Paragraph([Run("Second.")]),
                                            Paragraph([Run("Third.")])]
    mine, theirs = clone(base), clone(base)
    mine.sections[2].body.paragraphs[2] = Paragraph([Run("My third.")])
    theirs.sections[2].body.paragraphs[1] = Paragraph([Run("Their second.")])
    theirs.sections[2].body.paragraphs[2] = Paragraph([Run("Their third.")])
    result = merge_articles(base, mine, theirs)
    [conflict] = result.conflicts
    label = f"“{base.sections[2].title}”"
    conflict.choose(MINE)
    assert f"{label}: kept yours where you both changed it; their other changes taken" in \
        result.summary_lines()
    assert text_of(result.article(), 2).endswith("Their second.\nMy third.")
    conflict.choose(THEIRS)
    assert f"{label}: took theirs" in result.summary_lines()       # none of yours elsewhere
    only = clone(base)                  # both changed the one paragraph, and nothing else
    only.sections[2].body.paragraphs[2] = Paragraph([Run("Only theirs.")])
    alone = merge_articles(base, mine, only)
    [conflict] = alone.conflicts
    conflict.choose(MINE)
    assert f"{label}: kept yours" in alone.summary_lines()


def test_the_merge_window_gives_no_count_that_the_list_below_can_contradict(base, qtbot):
    """Found by a walk: "1 change made only in Bethan Lloyd's copy will be taken
    automatically" above a list of a section, a comment and two suggested changes."""
    from pipwriter.model.article.text_surface import text_fields
    from pipwriter.model.coauthoring.comments import add_comment
    from pipwriter.ui.merge_dialog import MergeDialog
    mine, theirs = clone(base), clone(base)
    theirs.sections[3].body.paragraphs[0] = Paragraph([Run("Their words.")])
    field = next(f for f in text_fields(theirs) if f.where.field == "body")
    add_comment(theirs, field.where, 0, 0, 5, "Shorter?", "Sam Jones")
    dialog = MergeDialog(merge_articles(base, mine, theirs), "Sam Jones")
    qtbot.addWidget(dialog)
    assert len(dialog.merge_result.summary_lines()) == 2
    intro = dialog._intro_text()
    assert intro.startswith("What only Sam Jones changed will be taken automatically: the list "
                            "below says what.")
    assert not any(ch.isdigit() for ch in intro)


def test_the_merge_view_marks_a_suggested_change_not_the_word_beside_it():
    """Found by a walk: "People" was marked as only in one copy, where the other had a
    suggested word before it ("[suggested: add “LEESUGG ”]People")."""
    from pipwriter.model.coauthoring.merge_text import word_diff
    from pipwriter.ui.merge_dialog import diff_html
    assert word_diff("People say so.", "[suggested: add “LEESUGG ”]People say so.") == [
        ("insert", "", "[suggested: add “LEESUGG ”]"),
        ("equal", "People say so.", "People say so.")]
    mine, theirs = diff_html("We listened to politely and then",
                             "We listened to [suggested: delete “politely”] and then")
    assert "and then" not in mine.split("</span>")[0] and mine.endswith(" and then")
    assert theirs.endswith(" and then")


def test_different_details_of_one_author_or_reference_changed_on_each_side_are_both_kept(base):
    """Found by a walk: one copy changed an author's e-mail and a reference's title, the other
    that author's role and that reference's year; both were called a clash with no way to keep
    both, and either choice lost one person's change."""
    mine, theirs = clone(base), clone(base)
    mine.authors[0].role = "Chaired the group"
    theirs.authors[0].email = "new.address@example.org"
    mine.references[1].year = "2017"
    theirs.references[1].title = "Beta study, second edition"
    result = merge_articles(base, mine, theirs)
    assert not result.conflicts
    merged = result.article()
    assert (merged.authors[0].role, merged.authors[0].email) == \
        ("Chaired the group", "new.address@example.org")
    reference = next(r for r in merged.references if r.id == base.references[1].id)
    assert (reference.title, reference.year) == ("Beta study, second edition", "2017")
    assert any("their changes taken, and yours kept" in line for line in result.summary_lines())
    # the same detail changed two ways is still a choice
    theirs.authors[0].role = "Led the group"
    assert [c.kind for c in merge_articles(base, mine, theirs).conflicts] == ["author"]
