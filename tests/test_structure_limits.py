"""Adding sections, viewpoints, authors and key messages stops at what a project file can hold
(the loader's limits), with a message, so the app never writes a file it will not open."""

from __future__ import annotations

import pytest

from pipwriter.model.article import limits, structure
from pipwriter.model.article.article import Article
from pipwriter.model.article.author import Author
from pipwriter.model.rules.template import get_template
from pipwriter.model.storage.demo import demo_project


def test_sections_stop_at_the_file_limit(monkeypatch):
    article = demo_project().article
    template = get_template(article.template_id)
    monkeypatch.setattr(structure, "SECTIONS_MAX", len(article.sections) + 1)
    structure.add_section(article, template, title="One more")
    with pytest.raises(structure.LimitReached, match="the most a PiP Writer file can hold"):
        structure.add_section(article, template, title="Too many")
    with pytest.raises(structure.LimitReached):
        structure.add_viewpoint(article, template, [article.authors[0].id])
    assert len(article.sections) == structure.SECTIONS_MAX


def test_authors_and_key_messages_stop_at_the_file_limit():
    article = Article()
    for n in range(limits.AUTHORS_MAX):
        structure.add_author(article, Author(f"Author {n}"))
    with pytest.raises(structure.LimitReached):
        structure.add_author(article, Author("One too many"))
    article.key_messages = ["m"] * limits.KEY_MESSAGES_MAX
    with pytest.raises(structure.LimitReached, match="key messages"):
        structure.check_room(article, "key_messages")
    # what was built loads again
    assert Article.from_json(article.to_json()).authors[-1].name == f"Author {limits.AUTHORS_MAX - 1}"


def test_a_new_authors_name_is_cut_to_the_limit():
    article = Article()
    structure.add_author(article, Author("x" * (limits.AUTHOR_NAME_MAX + 10)))
    assert len(article.authors[0].name) == limits.AUTHOR_NAME_MAX


def test_key_message_panel_refuses_past_the_limit(controller, qtbot):
    window = controller.open_demo()
    qtbot.addWidget(window)
    window.session.change("Fill", lambda a: a.key_messages.extend(
        ["m"] * (limits.KEY_MESSAGES_MAX - len(a.key_messages))))
    window.open_panel("key_messages")
    window.panels["key_messages"].add_message()
    assert window.dialogs.errors and "key messages" in window.dialogs.errors[-1][1]
    assert len(window.session.article.key_messages) == limits.KEY_MESSAGES_MAX
