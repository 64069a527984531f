"""Plain words: every string a patient reads is scored with the project's own readability code
(:mod:`pipwriter.model.language.readability`) and must reach reading ease 60 and a reading age of 11.

Strings are collected from everywhere a patient reads them:

- the series template (guidance prompts, tooltips, questions, panel texts, the rules' messages);
- the help (the getting-started guide, the guidance page, the shortcuts page's introduction);
- the checklist: the messages of the checks, run on a set of broken articles;
- the competing-interests items (questions, explanations, examples), and the confirm page's
  preview of the form;
- the windows themselves: every page of both wizards and every panel of the main window, walked
  as a user sees them (labels, buttons, titles, hints, placeholders, tooltips);
- the dialogs: every string literal the interface passes to a message box, question, tooltip,
  placeholder, label or status message (read from the source, so rarely seen dialogs count).

Text in curly quotes is the authors' own (a title, a sentence of theirs) and is read as "it".
A string of fewer than :data:`MIN_WORDS` words is a label or a button: its score is decided by
one word and means little, so it is not scored (jargon in labels is tested by name instead).

The only exceptions are the journal's and the ICMJE form's own wording, which must be used as
they are (:data:`JOURNAL_FORMULAS`). Each is shown with a plain explanation beside it.
"""

from __future__ import annotations

import ast
import html
import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from pipwriter.model.language.readability import analyse

ROOT = Path(__file__).resolve().parent.parent
UI = ROOT / "pipwriter" / "ui"
TODAY = date(2026, 11, 21)

MIN_WORDS = 8            # shorter strings are labels: one long word decides their score
MIN_READING_EASE = 60.0  # Flesch Reading Ease: plain English
MAX_READING_AGE = 11.0   # UK patient information

# The journal's and the form's own words, which the app must use as they are. Matched against
# the start of a string. Each is shown under (or beside) a plain explanation.
JOURNAL_FORMULAS = {
    # The BMJ's required declaration (FACTS.md: "the generated statement must follow them").
    # The wizard's last page and the panel show it as "the article's combined declaration",
    # after the author's own statement in plain words.
    "We have read and understood BMJ policy on declaration of interests":
        "The BMJ's own declaration wording",
    "All authors have completed the ICMJE uniform disclosure form":
        "The BMJ's own declaration wording",
    # The ICMJE form's own item titles ("speakers bureaus", "fiduciary role"): each question
    # page is headed by the plain question, with the form's title in small type underneath
    # ("On the ICMJE form: ..."), for those who need to match it to the form; so is each item
    # of the confirm page's preview of the form.
    "On the ICMJE form:": "ICMJE form item title, shown under the plain question",
}


def _form_titles() -> set[str]:
    from pipwriter.model.interests.icmje import load_items
    return {item.title for item in load_items()}


def _plain(text: str) -> str:
    """Markup and access-key ampersands removed, entities decoded, blocks on their own lines."""
    text = re.sub(r"(?i)<(br|/p|/li|/h\d|/tr|li|p|h\d|ul|/ul)\b[^>]*>", "\n", text)
    text = re.sub(r"<[^>]+>", "", text)
    text = html.unescape(text).replace("&&", "\0").replace("&", "").replace("\0", "&")
    return text.strip()


def _blocks(markup: str, html_page: bool = False) -> Iterator[str]:
    """Each paragraph, heading or list item of an HTML page (whose line breaks are spaces) or
    of a label as one string."""
    if html_page:
        markup = " ".join(markup.split())
    for block in _plain(markup).split("\n"):
        if block.strip():
            yield block.strip()


# --------------------------------------------------------------------------- the sources
def template_strings() -> Iterator[tuple[str, str]]:
    from pipwriter.model.rules.template import get_template
    template = get_template("bmj-partnership-in-practice")
    for spec in (*template.sections, template.viewpoint):
        yield f"template › {spec.key} › prompt", spec.prompt
        yield f"template › {spec.key} › tooltip", spec.tooltip
        for question in spec.questions:
            yield f"template › {spec.key} › question", question.text
    for key, panel in template.panels.items():
        yield f"template › panel {key} › prompt", panel.prompt
        yield f"template › panel {key} › tooltip", panel.tooltip
    yield "template › rules", template.rules.discouraged_illustration_message


def help_strings() -> Iterator[tuple[str, str]]:
    from pipwriter.model.rules.template import get_template
    from pipwriter.ui.help_dialogs import getting_started_html, guidance_html
    for block in _blocks(getting_started_html(), html_page=True):
        yield "help › getting started", block
    for block in _blocks(guidance_html(get_template("bmj-partnership-in-practice")), True):
        yield "help › guidance", block


def icmje_strings() -> Iterator[tuple[str, str]]:
    from pipwriter.model.interests.icmje import load_items
    for item in load_items():
        where = f"ICMJE item {item.number}"
        yield f"{where} › title", item.title
        yield f"{where} › question", item.question
        yield f"{where} › explanation", item.explanation
        for example in item.examples:
            yield f"{where} › example", example


def preview_strings() -> Iterator[tuple[str, str]]:
    """The confirm page's preview of the form, for an author who has not confirmed, who has,
    and who changed their answers since (each line; the form's titles are the formula)."""
    from pipwriter.model.article.author import Author
    from pipwriter.model.interests.disclosure import DisclosureEntry
    from pipwriter.model.interests.icmje import load_items
    from pipwriter.model.interests.statements import disclosure_form, disclosure_form_text
    author = Author("Jo Bloggs", "patient")
    for n in range(1, 14):
        author.disclosure.item(n).answer = "none"
    for step in range(3):
        if step == 1:
            author.disclosure.certify("2026-03-01")
        if step == 2:
            author.disclosure.item(10).answer = "entries"
            author.disclosure.item(10).entries = [DisclosureEntry("Walk Club", "chair")]
        form = disclosure_form(author, load_items(), "Walking together", TODAY)
        for line in disclosure_form_text(form, plain=True).splitlines():
            yield "confirm page › preview", line.strip()


def _broken_projects():
    """Articles that break every rule between them (see tests/test_checks.py)."""
    import dataclasses

    from test_checks import HARD, _clip, _illustration, certified, photo, words

    from pipwriter.model.article.author import Author
    from pipwriter.model.article.factory import new_article
    from pipwriter.model.article.media import Illustration, MediaRef
    from pipwriter.model.article.reference import Reference
    from pipwriter.model.article.text import Citation, Paragraph, RichText, Run
    from pipwriter.model.interests.disclosure import Disclosure
    from pipwriter.model.rules.template import get_template
    from pipwriter.model.storage.project import Project
    template = get_template("bmj-partnership-in-practice")

    # 1. A new article: nothing written, no photos, no declarations, no key messages.
    yield Project(new_article(template, "", [Author("Sam Jones", "patient")]))
    # 2. Written, with everything else wrong.
    authors = [Author("Dr Asha Patel", "health_professional", handle="not a handle!"),
               Author("Sam Jones", "patient")]
    project = Project(new_article(template, "Walking together", authors))
    article = project.article
    authors[0].photo = photo(project, b"1")
    authors[0].photo = dataclasses.replace(authors[0].photo, consent=False)
    authors[1].disclosure = certified()
    authors[1].disclosure.item(3).answer = "entries"
    partial = Disclosure()
    partial.item(1).answer = "none"
    authors[0].disclosure = partial
    for section in article.sections:
        section.body = words(30 if section.kind == "viewpoint" else 900)
    article.sections[1].body = RichText([Paragraph([Run(HARD * 8)])])
    article.sections[2].body.paragraphs.append(Paragraph([Run(
        "When we first met the patients in the old day room we did not know that the room "
        "itself, with its hard chairs and its noise, was one of the reasons so few of them "
        "came back. " * 2)]))
    refs = [Reference(title=f"Study {n}", container="BMJ", year="2020") for n in range(6)]
    refs.append(Reference())
    article.references = refs
    article.sections[0].body.paragraphs[0].items += [Citation([refs[2].id, refs[1].id]),
                                                     Citation(["gone"]),
                                                     Citation([refs[1].id, refs[1].id])]
    article.key_messages = ["One", "Two", "Three", "Four"]
    for _ in range(3):
        _illustration(project)
    article.illustrations.append(Illustration(MediaRef("0000notstored.png"), kind="chart"))
    _clip(project, caption="", transcript="", permission=False, url="")
    yield project
    # 3. One side and one viewpoint only, the other author's viewpoint unowned.
    project = Project(new_article(template, "Walking together",
                                  [Author("Dr Asha Patel", "health_professional")]))
    for section in project.article.sections:
        section.body = words(2000)
        if section.kind == "viewpoint":
            section.author_ids = []
    yield project


def check_strings() -> Iterator[tuple[str, str]]:
    from pipwriter.model.rules.checks import all_findings
    from pipwriter.model.rules.template import get_template
    template = get_template("bmj-partnership-in-practice")
    seen: set[str] = set()
    for project in _broken_projects():
        for finding in all_findings(project, template):
            if finding.message not in seen:
                seen.add(finding.message)
                yield f"check › {finding.code}", finding.message


# Calls whose string arguments a user reads.
_SHOWN_CALLS = {
    "confirm", "info", "error", "ask_text", "ask_choice", "ask_folder", "ask_file",
    "setText", "setToolTip", "setPlaceholderText", "setWhatsThis", "setStatusTip",
    "setTitle", "setSubTitle", "setWindowTitle", "showMessage", "setAccessibleDescription",
    "QLabel", "_label", "QCheckBox", "QRadioButton", "QPushButton", "QGroupBox", "information",
    "warning", "critical", "question", "setInformativeText", "setDetailedText", "_note",
    "_explanation",
    "_hint", "announce", "set_status", "show_status", "status",
}


_LOGGERS = {"log", "logger", "logging", "qt_log"}


def _literal(node: ast.AST) -> list[str]:
    """The texts a string expression can produce (a placeholder word for each {value})."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.JoinedStr):
        return ["".join(v.value if isinstance(v, ast.Constant) else "Sam" for v in node.values)]
    if isinstance(node, ast.IfExp):
        return _literal(node.body) + _literal(node.orelse)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        left, right = _literal(node.left), _literal(node.right)
        return [a + b for a in left for b in right] if left and right else left + right
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and \
            node.func.id in ("_", "tr"):
        return [s for a in node.args for s in _literal(a)]
    return []


def source_strings() -> Iterator[tuple[str, str]]:
    """String literals passed to dialogs, labels, tooltips and status messages in the UI."""
    for path in sorted(UI.glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else \
                func.id if isinstance(func, ast.Name) else ""
            if name not in _SHOWN_CALLS:
                continue
            if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) and \
                    func.value.id in _LOGGERS:
                continue        # log.warning(...) is for the log file, not the user
            for arg in [*node.args, *(k.value for k in node.keywords)]:
                for text in _literal(arg):
                    yield f"{path.name}:{node.lineno}", text


def _widget_strings(root, where: str) -> Iterator[tuple[str, str]]:
    from PySide6.QtWidgets import (
        QAbstractButton,
        QGroupBox,
        QLabel,
        QLineEdit,
        QPlainTextEdit,
        QTextEdit,
        QWidget,
        QWizard,
    )
    widgets = [root, *root.findChildren(QWidget)]
    for widget in widgets:
        texts = [widget.toolTip(), widget.whatsThis(), widget.accessibleDescription()]
        if isinstance(widget, QLabel):
            texts.append(widget.text())
        elif isinstance(widget, QAbstractButton):
            texts.append(widget.text())
        elif isinstance(widget, QGroupBox):
            texts.append(widget.title())
        elif isinstance(widget, (QLineEdit, QPlainTextEdit, QTextEdit)):
            texts.append(widget.placeholderText())
        if isinstance(widget, QWizard):
            for page_id in widget.pageIds():
                page = widget.page(page_id)
                texts += [page.title(), page.subTitle()]
        for text in texts:
            for block in _blocks(text or ""):
                yield f"{where} › {type(widget).__name__}", block


def window_strings(qtbot, tmp_path) -> Iterator[tuple[str, str]]:
    """Every page of both wizards and every panel of the main window, as shown."""
    from fake_dialogs import FakeDialogs
    from test_checks import certified

    from pipwriter.model.article.author import Author
    from pipwriter.ui.disclosure_wizard import DisclosureWizard
    from pipwriter.ui.new_article_wizard import NewArticleWizard

    author = Author("Jo Bloggs", "patient")
    wizard = DisclosureWizard(author, "Walking together", [author], today=TODAY)
    qtbot.addWidget(wizard)
    wizard.show()
    yield from _widget_strings(wizard, "competing-interests wizard")
    done = Author("Sam Smith", "patient", disclosure=certified())
    wizard = DisclosureWizard(done, "Walking together", [done], today=TODAY)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.intro_page.quick_radio.setChecked(True)
    while wizard.currentPage() is not wizard.summary_page:
        wizard.next()
        yield from _widget_strings(wizard, "competing-interests wizard")
    from pipwriter.model.rules.template import get_template
    wizard = NewArticleWizard(get_template("bmj-partnership-in-practice"))
    qtbot.addWidget(wizard)
    wizard.show()
    yield from _widget_strings(wizard, "new-article wizard")

    from pipwriter.ui.app_controller import AppController
    controller = AppController(FakeDialogs())
    qtbot.addWidget(controller.start)
    try:
        yield from _widget_strings(controller.start, "start window")
        window = controller.open_demo()
        yield from _widget_strings(window, "main window")
    finally:
        for window in list(controller.windows):
            window.session.set_modified(False)
            window.close()


# --------------------------------------------------------------------------- scoring
def _formula(text: str) -> str | None:
    if text in _form_titles():
        return "ICMJE form item title, shown under the plain question"
    for start, why in JOURNAL_FORMULAS.items():
        if start in text:
            return why
    return None


def score(strings) -> tuple[list[tuple[str, str, float, float]], int]:
    """(failures, number scored): each failure is (where, text, reading ease, reading age)."""
    failures, scored, seen = [], 0, set()
    for where, raw in strings:
        # a quotation is the authors' own text (a section's title, a sentence): it is not ours
        text = re.sub(r"“[^”]*”", "it", _plain(raw))
        if text in seen:
            continue
        seen.add(text)
        figures = analyse(text)
        if figures.words < MIN_WORDS or _formula(text):
            continue
        scored += 1
        if figures.flesch_reading_ease < MIN_READING_EASE or \
                figures.reading_age > MAX_READING_AGE:
            failures.append((where, text, figures.flesch_reading_ease, figures.reading_age))
    return failures, scored


def _report(failures) -> str:
    return "\n".join(f"  {where}: ease {fre:.0f}, age {age:.0f}: {text!r}"
                     for where, text, fre, age in failures)


# --------------------------------------------------------------------------- the tests
@pytest.mark.parametrize("source", [template_strings, help_strings, icmje_strings,
                                    check_strings, source_strings, preview_strings])
def test_every_patient_facing_string_is_plain(source):
    failures, scored = score(source())
    assert scored > 5
    assert not failures, f"{len(failures)} of {scored} strings are not plain:\n" + \
        _report(failures)


def test_every_window_and_wizard_page_reads_plainly(qtbot, tmp_path):
    failures, scored = score(window_strings(qtbot, tmp_path))
    assert scored > 30
    assert not failures, f"{len(failures)} of {scored} strings are not plain:\n" + \
        _report(failures)


def test_the_allow_list_is_short_and_each_formula_is_still_used():
    """Every allowed formula is still found somewhere (else it should leave the list)."""
    assert len(JOURNAL_FORMULAS) <= 4
    from test_checks import certified

    from pipwriter.model.article.author import Author
    from pipwriter.model.interests.statements import combined_statement
    texts = ["On the ICMJE form: Grants or contracts"]
    texts.append(combined_statement([Author("Sam", disclosure=certified())]))
    for start in JOURNAL_FORMULAS:
        if start.startswith("All authors"):
            continue   # the long form, used when someone declares something
        assert any(start in t for t in texts), start


# --------------------------------------------------------------------------- dates
@pytest.mark.parametrize("typed, stored", [
    ("2024-05-01", "2024-05-01"), ("01/05/2024", "2024-05-01"), ("1.5.2024", "2024-05-01"),
    ("1 May 2024", "2024-05-01"), ("1st May 2024", "2024-05-01"), ("May 1, 2024", "2024-05-01"),
    ("1 Sept 2024", "2024-09-01"), ("31/02/2024", None), ("05/13/2024", None),
    ("1/5/24", None), ("last Tuesday", None),
])
def test_a_typed_date_is_read_the_british_way_or_refused(typed, stored):
    from pipwriter.model.article.reference import parse_date
    day = parse_date(typed)
    assert (day.isoformat() if day else None) == stored


def test_an_unreadable_accessed_date_is_never_printed_as_typed():
    from pipwriter.model.article.reference import Reference, format_bmj
    ref = Reference("web", title="Stroke", container="NHS website",
                    url="https://www.nhs.uk/conditions/stroke/", accessed="2024-05-01")
    assert format_bmj(ref).endswith("(accessed 1 May 2024)")
    ref.accessed = "01/05/24"
    assert "01/05/24" not in format_bmj(ref) and "accessed" not in format_bmj(ref)


def test_the_references_form_understands_or_refuses_the_accessed_date(controller, qtbot):
    window = controller.open_demo()
    window.open_panel("references")
    panel = window.panels["references"]
    panel.add_button.click()
    ref_id = panel.current_id()
    box = panel.inputs["accessed"]
    assert box.placeholderText() == "e.g. 1 May 2024"             # the example is on screen
    assert "DOI" in panel.inputs["doi"].toolTip()                  # and the jargon explained
    panel.kind.setCurrentIndex(panel.kind.findData("web"))
    panel.inputs["url"].setText("https://www.nhs.uk/conditions/stroke/")
    box.setText("01/05/2024")
    box.editingFinished.emit()
    assert window.session.article.reference(ref_id).accessed == "2024-05-01"
    assert box.text() == "1 May 2024" and panel.date_problem.isHidden()
    box.setText("13/13/2024")
    box.editingFinished.emit()
    assert window.session.article.reference(ref_id).accessed == "2024-05-01"   # kept, not typed
    assert not panel.date_problem.isHidden() and "1 May 2024" in panel.date_problem.text()
    assert "13/13/2024" not in format_reference(window, ref_id)


def format_reference(window, ref_id) -> str:
    from pipwriter.model.article.reference import format_bmj
    return format_bmj(window.session.article.reference(ref_id))
