"""The series' limit on illustrations and clips, as both tabs of the Illustrations panel show and
apply it: pictures and clips are counted together, as the checklist counts them (the rule and
its words are in :mod:`pipwriter.model.rules.media_rules`)."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtWidgets import QLabel, QWidget

from ..model.rules.media_rules import media_limit_problem, media_limit_text


def _counts(session) -> tuple[int, int, int | None]:
    article = session.article
    return (len(article.illustrations), len(article.clips),
            session.template.limit("illustrations").max)


def limit_problem(session) -> str:
    """Why another illustration or clip cannot be added now ("" when one can)."""
    return media_limit_problem(*_counts(session))


def show_limit(session, label: QLabel, add_buttons: Iterable[QWidget]) -> None:
    """The count against the limit in ``label``; the add buttons usable only below it."""
    label.setText(media_limit_text(*_counts(session)))
    room = not limit_problem(session)
    for button in add_buttons:
        button.setEnabled(room)


def refused_by_limit(session, dialogs, title: str) -> bool:
    """Tell the user (and say True) when the series welcomes no more illustrations or clips."""
    problem = limit_problem(session)
    if problem:
        dialogs.error(title, problem)
    return bool(problem)
