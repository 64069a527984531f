"""`pipwriter send` and `pipwriter merge` (issue 21, item 6): a co-author's copy merged without a
window: both sides' edits to different paragraphs go in, a clash is listed (exit 1) until
--take chooses, a copy merged once is not merged again, a different or damaged file is refused."""

from __future__ import annotations

import pytest

from pipwriter import cli
from pipwriter.model.article.text import Paragraph, RichText, Run
from pipwriter.model.storage.project_file import load_project, save_project

P1, P2, P3 = "We met weekly.", "Patients chose the topics.", "We changed the clinic times."


def body(*texts: str) -> RichText:
    return RichText([Paragraph([Run(t)]) for t in texts])


def texts(path) -> list[str]:
    section = load_project(path).article.sections[0]
    return ["".join(i.text for i in p.items) for p in section.body.paragraphs]


def edit(path, *paragraphs: str) -> None:
    project = load_project(path)
    project.article.sections[0].body = body(*paragraphs)
    save_project(project, path)


@pytest.fixture
def sent(small_project, tmp_path, capsys):
    small_project.article.sections[0].body = body(P1, P2, P3)
    mine = save_project(small_project, tmp_path / "walking.pipw")
    copy = tmp_path / "for-sam.pipw"
    assert cli.main(["send", str(mine), "--to", "Sam Jones", "-o", str(copy)]) == 0
    assert "Wrote a copy for Sam Jones" in capsys.readouterr().out
    return mine, copy


def test_edits_to_different_paragraphs_merge_and_the_file_is_backed_up(sent, capsys):
    mine, copy = sent
    edit(mine, P1 + " Then monthly.", P2, P3)
    edit(copy, P1, P2, P3 + " It worked.")
    assert cli.main(["merge", str(mine), str(copy)]) == 0
    out = capsys.readouterr().out
    assert "Merged into" in out and "their changes taken" in out
    assert texts(mine) == [P1 + " Then monthly.", P2, P3 + " It worked."]
    assert load_project(mine).ancestry[-1]["event"] == "merged"


def test_a_clash_is_listed_and_nothing_written_until_take_chooses(sent, capsys, tmp_path):
    mine, copy = sent
    edit(mine, P1, "Mine in the middle.", P3)
    edit(copy, P1, "Theirs in the middle.", P3)
    before = mine.read_bytes()
    assert cli.main(["merge", str(mine), str(copy)]) == 1
    out = capsys.readouterr().out
    assert "1 part was changed by both of you and needs a choice" in out and "--take" in out
    assert mine.read_bytes() == before
    out_file = tmp_path / "merged.pipw"
    assert cli.main(["merge", str(mine), str(copy), "--take", "theirs", "-o", str(out_file)]) == 0
    assert texts(out_file) == [P1, "Theirs in the middle.", P3]
    assert mine.read_bytes() == before                      # -o leaves the article's file alone


def test_a_copy_merged_once_does_not_bring_back_what_was_removed_since(sent, capsys):
    mine, copy = sent
    edit(copy, P1, P2, P3, "Their new paragraph.")
    assert cli.main(["merge", str(mine), str(copy)]) == 0
    assert texts(mine)[-1] == "Their new paragraph."
    edit(mine, P1, P2, P3)                                  # I remove their paragraph
    capsys.readouterr()
    assert cli.main(["merge", str(mine), str(copy)]) == 0  # the same copy, sent again
    said = capsys.readouterr().out
    assert "You brought in this copy on" in said and "nothing was changed" in said
    assert "kept yours" not in said                         # all of theirs came in then
    assert texts(mine) == [P1, P2, P3]


def test_a_copy_brought_in_keeping_yours_is_not_said_to_hold_nothing_new(sent, capsys):
    """Found by a walk: after --take mine, bringing the copy in again said "It holds nothing
    new", though their words where both had changed something never came in."""
    mine, copy = sent
    edit(copy, P1, "Theirs in the middle.", P3)
    edit(mine, P1, "Mine in the middle.", P3)
    assert cli.main(["merge", str(mine), str(copy), "--take", "mine"]) == 0
    capsys.readouterr()
    assert cli.main(["merge", str(mine), str(copy)]) == 0
    said = capsys.readouterr().out
    assert "nothing new" not in said
    assert "(1 part), you kept yours then" in said and "File › Versions" in said
    assert texts(mine) == [P1, "Mine in the middle.", P3]


def test_a_different_article_or_a_damaged_file_is_refused(sent, tmp_path, capsys, template):
    from pipwriter.model.article.author import Author
    from pipwriter.model.article.factory import new_article
    from pipwriter.model.storage.project import Project
    mine, _copy = sent
    other = save_project(Project(new_article(template, "Another", [Author("A B", "patient")])),
                         tmp_path / "other.pipw")
    assert cli.main(["merge", str(mine), str(other)]) == 2
    said = capsys.readouterr()      # one line on standard error, as docs/cli.md says
    assert "different article" in said.err and said.out == ""
    broken = tmp_path / "broken.pipw"
    broken.write_bytes(b"not a zip")
    assert cli.main(["merge", str(mine), str(broken)]) == 2
    said = capsys.readouterr()
    assert said.err.startswith("pipwriter: ") and said.out == ""
    assert cli.main(["send", str(tmp_path / "nothere.pipw"), "--to", "Sam",
                     "-o", str(tmp_path / "copy.pipw")]) == 2
    said = capsys.readouterr()
    assert said.err.startswith("pipwriter: ") and said.out == ""


def test_the_article_as_sent_travels_with_the_copy(sent, capsys, monkeypatch, tmp_path):
    """Merged on a computer that never kept the version sent (another user folder), edits to
    different paragraphs still merge three-way: the copy carries the article as sent."""
    mine, copy = sent
    edit(mine, P1 + " Mine.", P2, P3)
    edit(copy, P1, P2, P3 + " Theirs.")
    monkeypatch.setenv("PIPWRITER_USER_DIR", str(tmp_path / "another-computer"))
    assert cli.main(["merge", str(mine), str(copy)]) == 0
    out = capsys.readouterr().out
    assert "not kept on this computer" not in out
    assert texts(mine) == [P1 + " Mine.", P2, P3 + " Theirs."]
    history = load_project(mine).ancestry
    assert all("base_article" not in entry for entry in history)   # not kept in the history


def test_a_bad_file_gives_one_line_and_the_details_go_to_the_log(sent, tmp_path):
    """From the command line: no traceback on the terminal, the traceback in the log file."""
    import os
    import subprocess
    import sys
    mine, _copy = sent
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"not a Word file")
    user = tmp_path / "user"
    done = subprocess.run([sys.executable, "-m", "pipwriter", "merge", str(mine), str(broken)],
                          capture_output=True, text=True, timeout=120,
                          env=dict(os.environ, PIPWRITER_USER_DIR=str(user)))
    assert done.returncode == 2
    assert "could not be read as a Word document" in done.stderr and done.stdout == ""
    assert "Traceback" not in done.stdout + done.stderr
    assert "Traceback" in (user / "log" / "pipwriter.log").read_text(encoding="utf-8")


def test_a_later_copy_carrying_on_from_one_brought_in_keeps_what_was_removed_since(sent, capsys):
    """Found by a walk: Sam's copy was brought in; Asha then removed Sam's new paragraph; Sam
    went on editing the same copy and sent it again. Measured against the article as first
    sent, the paragraph came back as Sam's change, and the parts settled before were asked
    about again."""
    mine, copy = sent
    edit(copy, P1, P2, P3, "Sam's new paragraph.")
    assert cli.main(["merge", str(mine), str(copy)]) == 0
    assert texts(mine)[-1] == "Sam's new paragraph."
    edit(mine, P1, P2, P3)                                   # Asha removes it
    edit(copy, P1.replace("We", "We all", 1), P2, P3, "Sam's new paragraph.")   # Sam goes on
    capsys.readouterr()
    assert cli.main(["merge", str(mine), str(copy)]) == 0
    said = capsys.readouterr().out
    assert texts(mine) == [P1.replace("We", "We all", 1), P2, P3]     # only Sam's new edit
    assert "Merged into" in said


def test_an_older_copy_brought_in_after_a_newer_one_undoes_nothing_of_it(sent, capsys,
                                                                         tmp_path):
    """Found by a walk: Sam emailed two copies, and the newer one was brought in first. The
    older one was then measured against the newer one, and its missing words were taken as
    Sam removing them: his final wording and his added paragraph were gone."""
    import shutil
    mine, copy = sent
    edit(copy, P1, P2, "Sam's first try at the last paragraph.")
    first = shutil.copy(copy, tmp_path / "sam-monday.pipw")
    edit(copy, P1, P2, "Sam's final wording of it.", "A paragraph Sam added later.")
    second = shutil.copy(copy, tmp_path / "sam-tuesday.pipw")
    assert cli.main(["merge", str(mine), str(second)]) == 0          # the newer email first
    assert texts(mine) == [P1, P2, "Sam's final wording of it.", "A paragraph Sam added later."]
    capsys.readouterr()
    code = cli.main(["merge", str(mine), str(first)])
    said = capsys.readouterr().out
    # measured against the article as sent: Sam's two wordings of one paragraph are a choice
    # to make, and nothing is written until it is made
    assert code == 1 and "changed by both of you and needs a choice" in said
    assert texts(mine) == [P1, P2, "Sam's final wording of it.", "A paragraph Sam added later."]
    assert cli.main(["merge", str(mine), str(first), "--take", "mine"]) == 0
    assert texts(mine) == [P1, P2, "Sam's final wording of it.", "A paragraph Sam added later."]


def _saved_at(path, when: str) -> None:
    """Give a copy's manifest the time it says it was saved."""
    import json
    import zipfile
    with zipfile.ZipFile(path) as archive:
        members = [(info, archive.read(info)) for info in archive.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for info, data in members:
            if info.filename == "manifest.json":
                manifest = json.loads(data)
                manifest["saved_at"] = when
                data = json.dumps(manifest).encode()
            archive.writestr(info, data)


def test_a_later_copy_that_goes_on_editing_its_own_new_paragraph_is_not_asked_about(
        sent, capsys):
    """Sam added a paragraph, it was brought in, and Sam went on improving it: saved later
    than the copy brought in, his copy carries on from it (only an older copy is measured
    against the article as sent)."""
    mine, copy = sent
    edit(copy, P1, P2, P3, "Sam's new paragraph.")
    _saved_at(copy, "2026-12-01T09:00:00+00:00")
    assert cli.main(["merge", str(mine), str(copy)]) == 0
    edit(copy, P1, P2, P3, "Sam's new paragraph, made better.")
    _saved_at(copy, "2026-12-02T09:00:00+00:00")
    capsys.readouterr()
    assert cli.main(["merge", str(mine), str(copy)]) == 0, capsys.readouterr().out
    assert texts(mine) == [P1, P2, P3, "Sam's new paragraph, made better."]


def test_a_copy_saved_before_the_one_brought_in_is_measured_against_the_article_as_sent(
        sent, capsys, tmp_path):
    import shutil
    mine, copy = sent
    edit(copy, P1, P2, "Sam's first try.")
    _saved_at(copy, "2026-12-01T09:00:00+00:00")
    first = shutil.copy(copy, tmp_path / "monday.pipw")
    edit(copy, P1, P2, "Sam's final wording.")                 # no paragraph added this time
    _saved_at(copy, "2026-12-02T09:00:00+00:00")
    assert cli.main(["merge", str(mine), str(copy)]) == 0
    capsys.readouterr()
    assert cli.main(["merge", str(mine), str(first)]) == 1          # a choice, not an undo
    assert texts(mine) == [P1, P2, "Sam's final wording."]
