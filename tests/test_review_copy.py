"""A round trip through Word (issue 21, item 3): `pipwriter review` writes a Word copy with the
article's comments as Word comments; the reviewer's tracked changes, untracked edits, new
paragraphs and new comments come back through `pipwriter merge FILE REVIEWED.docx` against the
article as sent — the changes to the text as suggested changes (nothing applied until accepted),
each with the name Word gave it — for a file saved by python-docx with the XML Word writes, and
for the same file saved again by LibreOffice."""

from __future__ import annotations

import datetime
import json
import re
import shutil
import subprocess
from pathlib import Path

import docx
import pytest
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from pipwriter import cli
from pipwriter.model.article.text_surface import text_fields
from pipwriter.model.coauthoring.comments import add_comment, reply
from pipwriter.model.coauthoring.suggestions import accepted_article, pending
from pipwriter.model.language.counts import count_article
from pipwriter.model.rules.template import get_template
from pipwriter.model.storage.demo import demo_project
from pipwriter.model.storage.project_file import load_project, save_project

SOFFICE = shutil.which("soffice")


@pytest.fixture
def sent(tmp_path, capsys):
    project = demo_project()
    article = project.article
    body = next(f for f in text_fields(article) if f.where.field == "body")
    start = body.blocks[1].index("telephone call")
    comment = add_comment(article, body.where, 1, start, start + len("telephone call"),
                          "Was it always by phone?", "Malcolm Reid")
    comment.at = "2026-11-30T14:05:00+00:00"            # written days before it was sent
    reply(comment, "Yes, until 2023.", "Bethan Lloyd")
    mine = save_project(project, tmp_path / "demo.pipw")
    review = tmp_path / "review.docx"
    assert cli.main(["review", str(mine), "-o", str(review), "--to", "Sam",
                     "--sender", "Bethan Lloyd"]) == 0
    assert "Wrote a review copy" in capsys.readouterr().out
    return mine, review


def body_paragraphs(document):
    return [p for p in document.paragraphs if p.style.name == "Body Text"
            and any(b.get(qn("w:name"), "").startswith("pip_")
                    for b in p._p.iter(qn("w:bookmarkStart")))]


def tracked(tag: str, text: str, ident: int):
    change = OxmlElement(tag)
    change.set(qn("w:id"), str(ident))
    change.set(qn("w:author"), "Sam Jones")
    change.set(qn("w:date"), "2026-12-01T10:00:00Z")
    run = OxmlElement("w:r")
    piece = OxmlElement("w:delText" if tag == "w:del" else "w:t")
    piece.text = text
    piece.set(qn("xml:space"), "preserve")
    run.append(piece)
    change.append(run)
    return change


WORD_DATE = datetime.datetime(2026, 12, 6, 9, 0, tzinfo=datetime.timezone.utc)


def review_like_word(review: Path, out: Path) -> None:
    """What a reviewer does in Word, written with the XML Word writes."""
    document = docx.Document(str(review))
    paragraphs = body_paragraphs(document)
    first = paragraphs[0]
    first._p.append(tracked("w:ins", " Sam added this sentence.", 901))
    second = paragraphs[2]
    run = second._p.find(qn("w:r"))
    deleted = tracked("w:del", run.find(qn("w:t")).text, 902)
    run.addprevious(deleted)
    second._p.remove(run)
    paragraphs[3].runs[0].text = "Quietly changed. " + paragraphs[3].runs[0].text
    added = paragraphs[3].insert_paragraph_before("A new paragraph Sam wrote.",
                                                  style="Body Text")
    paragraphs[3]._p.addnext(added._p)                  # after the paragraph, not before
    note = document.add_comment([paragraphs[4].runs[0]], text="Is this the right number?",
                                author="Sam Jones", initials="SJ")
    note._comment_elm.date = WORD_DATE      # as Word dates it: when Sam wrote it
    document.save(str(out))


def texts(path):
    return [s.body.plain_text() for s in load_project(path).article.sections]


def accepted_texts(path):
    return [s.body.accepted().plain_text() for s in load_project(path).article.sections]


def test_the_review_copy_holds_the_article_and_its_comments(sent):
    _mine, review = sent
    document = docx.Document(str(review))
    [note] = list(document.comments)
    assert note.author == "Malcolm Reid"
    assert "Was it always by phone?" in note.text and "Bethan Lloyd: Yes, until 2023." in note.text
    written = load_project(_mine).article.comments[0].at       # dated when it was written
    assert note.timestamp == datetime.datetime.fromisoformat(written)
    assert "Track Changes" in document.paragraphs[0].text
    assert document.core_properties.identifier.startswith("pipwriter-review:")
    assert len(body_paragraphs(document)) >= 20


def check_merged(mine, before, capsys):
    out = capsys.readouterr().out
    assert "Merged into" in out, out
    after = load_project(mine).article
    standing = "\n".join(s.body.plain_text() for s in after.sections)
    joined = "\n".join(s.body.accepted().plain_text() for s in after.sections)
    assert standing == "\n".join(s.body.plain_text() for s in before.sections)  # nothing applied
    for words in ("Sam added this sentence.", "Quietly changed.", "A new paragraph Sam wrote."):
        assert words in joined and words not in standing
    waiting = {s.added.strip(): s for s in pending(after) if s.added}
    assert waiting["Sam added this sentence."].author == "Sam Jones"     # Word's name for it
    assert waiting["Sam added this sentence."].at.startswith("2026-12-01")
    assert waiting["A new paragraph Sam wrote."].author      # an untracked change: a name too
    assert any(s.removed and s.author == "Sam Jones" for s in pending(after))
    new = [c for c in after.comments if c.author == "Sam Jones"]
    assert [c.text for c in new] == ["Is this the right number?"]
    assert new[0].at == WORD_DATE.isoformat()                   # when Word says, not now
    assert new[0].quote and new[0].quote in joined
    assert len(after.comments) == len(before.comments) + 1          # ours not added twice
    return joined


def test_a_review_edited_in_word_comes_back(sent, tmp_path, capsys):
    mine, review = sent
    before = load_project(mine).article
    deleted_words = docx.Document(str(review))
    deleted = body_paragraphs(deleted_words)[2].runs[0].text
    edited = tmp_path / "reviewed.docx"
    review_like_word(review, edited)
    assert cli.main(["merge", str(mine), str(edited)]) == 0
    joined = check_merged(mine, before, capsys)
    assert deleted not in joined                                    # the tracked deletion...
    assert deleted in "\n".join(texts(mine))                        # ...once accepted
    assert cli.main(["check", "--json", str(mine)]) == 1
    report = json.loads(capsys.readouterr().out)
    assert report["suggestions_pending"] == len(pending(load_project(mine).article)) >= 4
    counts = report["counts"]
    assert counts["suggestions_pending"] == report["suggestions_pending"]
    assert counts["comments_open"] == 2
    article = load_project(mine).article
    template = get_template(article.template_id)
    assert counts["words_counted"] == count_article(article, template).words_counted
    assert counts["words_counted_if_accepted"] == \
        count_article(accepted_article(article), template).words_counted != counts["words_counted"]
    assert any(f["code"] == "suggestions-pending" for f in report["findings"])


@pytest.mark.soffice
@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")
def test_a_review_saved_again_by_libreoffice_comes_back(sent, tmp_path, capsys):
    mine, review = sent
    before = load_project(mine).article
    edited = tmp_path / "reviewed.docx"
    review_like_word(review, edited)
    saved = tmp_path / "lo"
    subprocess.run([SOFFICE, f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}",
                    "--headless", "--norestore", "--convert-to", "docx:MS Word 2007 XML",
                    "--outdir", str(saved), str(edited)], check=True, capture_output=True,
                   timeout=300)
    assert cli.main(["merge", str(mine), str(saved / "reviewed.docx")]) == 0
    check_merged(mine, before, capsys)


def test_my_own_edits_since_sending_are_kept(sent, tmp_path, capsys):
    mine, review = sent
    project = load_project(mine)
    last = project.article.sections[-1]
    last.body.paragraphs[-1].items[-1].text += " My own late addition."
    save_project(project, mine)
    edited = tmp_path / "reviewed.docx"
    review_like_word(review, edited)
    assert cli.main(["merge", str(mine), str(edited)]) == 0
    joined = "\n".join(accepted_texts(mine))
    assert "My own late addition." in joined and "Sam added this sentence." in joined
    assert "Sam added this sentence." not in "\n".join(texts(mine))


def test_a_word_file_that_is_not_a_review_copy_is_refused(sent, tmp_path, capsys):
    mine, _review = sent
    other = tmp_path / "other.docx"
    document = docx.Document()
    document.add_paragraph("Just some text.")
    document.save(str(other))
    assert cli.main(["merge", str(mine), str(other)]) == 2
    said = capsys.readouterr()
    assert "not a review copy" in said.err and said.out == ""


W14 = "http://schemas.microsoft.com/office/word/2010/wordml"
W15 = "http://schemas.microsoft.com/office/word/2012/wordml"


def _runs_under(document, comment_id: str):
    """The runs a comment's range covers (python-docx Run objects)."""
    from docx.text.run import Run
    for paragraph in document.paragraphs:
        inside, runs = False, []
        for node in paragraph._p.iter(qn("w:commentRangeStart"), qn("w:commentRangeEnd"),
                                      qn("w:r")):
            if node.tag == qn("w:commentRangeStart") and node.get(qn("w:id")) == comment_id:
                inside = True
            elif node.tag == qn("w:commentRangeEnd") and node.get(qn("w:id")) == comment_id:
                return runs
            elif inside and node.tag == qn("w:r") and node.find(qn("w:t")) is not None:
                runs.append(Run(node, paragraph))
    raise AssertionError(f"comment {comment_id} covers no runs")


def reply_like_word(document, answers: list[tuple[str, str, str]]) -> None:
    """Replies the way Word saves them: each a comment of its own on the same words, and the
    thread in word/commentsExtended.xml (a reply names its parent's last paragraph's paraId)."""
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part
    entries = []
    by_id = {str(c.comment_id): c for c in document.comments}

    def para_id(comment) -> str:
        last = comment._comment_elm.findall(qn("w:p"))[-1]
        if not last.get(f"{{{W14}}}paraId"):
            last.set(f"{{{W14}}}paraId", f"{0x10000000 + len(entries) * 7 + int(comment.comment_id):08X}")
        return last.get(f"{{{W14}}}paraId")
    for parent_id, author, text in answers:
        parent = by_id[parent_id]
        answer = document.add_comment(_runs_under(document, parent_id), text=text,
                                      author=author, initials="SJ")
        by_id[str(answer.comment_id)] = answer
        entries.append((para_id(parent), ""))
        entries.append((para_id(answer), para_id(parent)))
    xml = (f'<w15:commentsEx xmlns:w15="{W15}" xmlns:w14="{W14}">' + "".join(
        f'<w15:commentEx w15:paraId="{own}"' + (f' w15:paraIdParent="{parent}"' if parent
                                                else "") + ' w15:done="0"/>'
        for own, parent in dict(entries).items()) + "</w15:commentsEx>")
    part = Part(PackURI("/word/commentsExtended.xml"),
                "application/vnd.openxmlformats-officedocument.wordprocessingml."
                "commentsExtended+xml", xml.encode(), document.part.package)
    document.part.relate_to(part, "http://schemas.microsoft.com/office/2011/relationships/"
                                  "commentsExtended")


def test_word_replies_come_back_as_replies_in_their_thread(sent, tmp_path, capsys):
    mine, review = sent
    edited = tmp_path / "reviewed.docx"
    review_like_word(review, edited)
    document = docx.Document(str(edited))
    ours = next(str(c.comment_id) for c in document.comments if c.author == "Malcolm Reid")
    sams = next(str(c.comment_id) for c in document.comments if c.author == "Sam Jones")
    reply_like_word(document, [(ours, "Sam Jones", "Sometimes by video, since 2024."),
                               (sams, "Sam Jones", "I checked: it is 40, not 14.")])
    document.save(str(edited))
    assert cli.main(["merge", str(mine), str(edited)]) == 0
    after = load_project(mine).article
    phone = next(c for c in after.comments if c.text == "Was it always by phone?")
    assert {(r.author, r.text) for r in phone.replies} == {
        ("Bethan Lloyd", "Yes, until 2023."), ("Sam Jones", "Sometimes by video, since 2024.")}
    number = next(c for c in after.comments if c.text == "Is this the right number?")
    assert [(r.author, r.text) for r in number.replies] == \
        [("Sam Jones", "I checked: it is 40, not 14.")]
    assert len(after.comments) == 2                 # the replies are not comments of their own
    # the same copy brought in again adds no reply twice
    assert cli.main(["merge", str(mine), str(edited)]) in (0, 1)
    again = load_project(mine).article
    assert sum(len(c.replies) for c in again.comments) == 3


def test_a_reviewers_comment_made_at_a_point_comes_back(sent, tmp_path, capsys):
    """Found by a walk (of importing drafts): a comment with no words marked, as LibreOffice
    saves a comment made at the cursor, was dropped without a word. It comes back on the word
    just before it."""
    mine, review = sent
    document = docx.Document(str(review))
    paragraph = body_paragraphs(document)[4]
    document.add_comment([paragraph.runs[0]], text="Which clinic was this?",
                         author="Sam Jones", initials="SJ")
    for element in list(paragraph._p.iter()):
        if element.tag in (qn("w:commentRangeStart"), qn("w:commentRangeEnd")):
            element.getparent().remove(element)
    edited = tmp_path / "reviewed.docx"
    document.save(str(edited))
    assert cli.main(["merge", str(mine), str(edited)]) == 0
    capsys.readouterr()
    [new] = [c for c in load_project(mine).article.comments if c.author == "Sam Jones"]
    marked = paragraph.runs[0].text         # the mark is put just after these words
    last_word = re.findall(r"\w[\w'’-]*", marked)[-1]
    assert new.text == "Which clinic was this?" and new.quote == last_word


def test_a_review_copy_brought_in_twice_adds_nothing_the_second_time(sent, tmp_path, capsys):
    """Found by a walk: the same reviewed document brought in twice doubled its comments and
    brought back the suggestions rejected in between, while the .pipw copies were refused."""
    from pipwriter.model.coauthoring.suggestions import reject
    mine, review = sent
    edited = tmp_path / "reviewed.docx"
    review_like_word(review, edited)
    assert cli.main(["merge", str(mine), str(edited)]) == 0
    project = load_project(mine)
    comments = len(project.article.comments)
    waiting = pending(project.article)
    reject(project.article, [waiting[0].id])            # one suggestion turned down
    save_project(project, mine)
    capsys.readouterr()
    assert cli.main(["merge", str(mine), str(edited)]) == 0
    said = capsys.readouterr().out
    assert "You brought in this copy on" in said and "nothing was changed" in said
    again = load_project(mine).article
    assert len(again.comments) == comments
    assert len(pending(again)) == len(waiting) - 1
