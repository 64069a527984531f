"""`pipwriter check` names misspellings wherever they are, and little else: a British health
editorial brought in from a Word draft with one real typo, and misspellings in a key message,
a caption and the standfirst of the demo."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import docx

from pipwriter.model.storage.demo import demo_project
from pipwriter.model.storage.project_file import save_project

CORPUS = Path(__file__).parent / "data" / "british_health_prose.txt"


def run(*args):
    return subprocess.run([sys.executable, "-m", "pipwriter", *map(str, args)],
                          capture_output=True, text=True, timeout=120)


def _spelling(data: dict) -> dict[str, dict]:
    return {f["subject"]: f for f in data["findings"] if "spell" in f["code"]}


def _draft_with_one_typo(path: Path) -> Path:
    """A Word draft: headings and paragraphs of British health writing, one word misspelt."""
    document = docx.Document()
    document.add_heading("Listening first: redesigning a diabetes clinic together", 0)
    lines = [line for line in CORPUS.read_text(encoding="utf-8").splitlines()
             if line.strip() and not line.startswith("#")]
    typo_done = False
    for line in lines:
        if len(line.split()) <= 8:
            document.add_heading(line, 1)
        else:
            if not typo_done and " separate " in line:
                line = line.replace(" separate ", " seperate ", 1)
                typo_done = True
            document.add_paragraph(line)
    assert typo_done
    document.save(str(path))
    return path


def test_imported_british_health_editorial_reports_only_the_typo(tmp_path):
    draft = _draft_with_one_typo(tmp_path / "draft.docx")
    project = tmp_path / "draft.pipw"
    result = run("import", draft, "-o", project)
    assert result.returncode == 0, result.stderr
    data = json.loads(run("check", project, "--json").stdout)
    flagged = _spelling(data)
    assert "seperate" in flagged
    assert "separate" in flagged["seperate"]["message"]
    assert len(flagged) <= 3, sorted(flagged)      # "few other words": names at most


def test_check_names_misspellings_in_a_key_message_a_caption_and_the_standfirst(tmp_path):
    project = demo_project()
    article = project.article
    article.key_messages[0] += " Staff recieve training."
    article.illustrations[0].caption += " Drawn by the groop."
    article.standfirst += " It was a sucess."
    path = save_project(project, tmp_path / "typos.pipw")
    result = run("check", path, "--json")
    data = json.loads(result.stdout)
    flagged = _spelling(data)
    assert set(flagged) == {"recieve", "groop", "sucess"}
    assert flagged["recieve"]["where"]["panel"] == "key_messages"
    assert flagged["groop"]["where"]["field"] == "caption"
    assert flagged["sucess"]["where"]["field"] == "standfirst"
    assert all(f["severity"] == "warning" for f in flagged.values())
    # the panels they are in are no longer "done"; everything else still is
    panels = data["panels"]
    assert panels["key_messages"] == panels["illustrations"] == panels["title"] == "started"
    assert {k for k, v in panels.items() if v != "done"} == {"key_messages", "illustrations",
                                                             "title"}
    human = run("check", path).stdout
    assert "recieve" in human and "sucess" in human and "groop" in human


def test_demo_check_json_has_no_spelling_finding_and_every_panel_done(tmp_path):
    path = save_project(demo_project(), tmp_path / "demo.pipw")
    data = json.loads(run("check", path, "--json").stdout)
    assert _spelling(data) == {}
    assert data["panels"] and set(data["panels"].values()) == {"done"}


def test_check_says_what_opening_the_file_noticed(tmp_path):
    from pipwriter.model.article.limits import TITLE_MAX
    project = demo_project()
    project.article.title = "T" * (TITLE_MAX + 10)
    path = save_project(project, tmp_path / "long.pipw")
    data = json.loads(run("check", path, "--json").stdout)
    assert data["file_warnings"] and "title" in data["file_warnings"][0].lower()
    assert "About this file:" in run("check", path).stdout
    clean = json.loads(run("check", save_project(demo_project(), tmp_path / "d.pipw"),
                           "--json").stdout)
    assert clean["file_warnings"] == []


def test_a_word_in_several_places_names_each_once(tmp_path):
    project = demo_project()
    article = project.article
    article.key_messages[0] += " Staff recieve training."
    article.standfirst += " Patients recieve a card."
    path = save_project(project, tmp_path / "twice.pipw")
    [finding] = _spelling(json.loads(run("check", path, "--json").stdout)).values()
    assert len(finding["places"]) == 2
    assert "It is in 2 places:" in finding["message"]
    assert "Standfirst" in finding["message"] and "Message 1" in finding["message"]
    human = [line for line in run("check", path).stdout.splitlines() if "recieve" in line]
    assert len(human) == 1
    single = demo_project()
    single.article.standfirst += " It was a sucess."
    lone = _spelling(json.loads(run("check", save_project(single, tmp_path / "one.pipw"),
                                    "--json").stdout))["sucess"]
    assert "It is in" not in lone["message"]          # its place is given once, beside it
    assert lone["where"]["label"].endswith("Standfirst")
