"""File › Send for review as a Word document… and File › Bring in a reviewed Word document….

For a co-author who only has Word (or Word on the web): they get a Word copy of the article
with its comments, change it with Track Changes and add comments, and send it back. Bringing it
in shows what they changed beside what you changed since, as merging a co-author's copy does;
nothing is put in without you choosing Merge. The work is in the model
(:mod:`pipwriter.model.coauthoring.review`), the exporter (:mod:`pipwriter.export.review_docx`)
and the importer (:mod:`pipwriter.importer.review_read`).
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction

from ..model.coauthoring.suggestions import pending
from ..model.errors import PipError
from ..model.language.counts import total_words
from ..model.storage.project import Project
from .settings import WORD

if TYPE_CHECKING:
    from .main_window import MainWindow

log = logging.getLogger(__name__)


def review_actions(window: MainWindow) -> list[QAction]:
    send = QAction("Send for review as a &Word document…", window)
    send.setStatusTip("Make a Word copy for someone who does not have PiP Writer")
    send.triggered.connect(lambda: send_for_review(window))
    bring = QAction("Brin&g in a reviewed Word document…", window)
    bring.setStatusTip("Bring in the changes and comments from a Word copy that came back")
    bring.triggered.connect(lambda: bring_in_review(window))
    return [send, bring]


def send_for_review(window: MainWindow) -> Path | None:
    # loaded when first used: python-docx and the review copy's writer are not needed to
    # open the window (they cost about 0.1 s of the start)
    from ..export.review_docx import write_review_copy
    from ..model.coauthoring.review import keep_sent_for_review
    dialogs, session = window.dialogs, window.session
    window.commit_pending_edits()
    session.sync()
    who = dialogs.ask_text("Send for review", "Who is the Word copy for?")
    if who is None:
        return None
    from ..export.names import safe_component
    # a name every system accepts, as for a copy sent to a co-author (a title's colon made
    # one Windows refuses: found by a walk)
    title = safe_component(session.article.title.strip(), 40, "article")
    path = dialogs.ask_save_word("Save the Word copy",
                                 f"{title} - for {safe_component(who, 40, 'a reviewer')}.docx")
    if path is None:
        return None
    if path.suffix.lower() != ".docx":
        path = path.with_suffix(".docx")
    me = window.coauthoring.me()
    author = session.article.author(me)
    try:
        _version, identifier = keep_sent_for_review(session.project, who,
                                                    total_words(session.article))
        write_review_copy(session.article, session.template, path,
                          sender=author.name if author else "", sent_to=who,
                          identifier=identifier)
    except (PipError, OSError) as error:
        log.warning("the review copy could not be written", exc_info=True)
        dialogs.error("Send for review", f"The Word copy could not be saved: {error}")
        return None
    dialogs.info("Word copy saved",
                 f"Saved {path.name}. Email it to {who}. Ask them to turn on Track Changes in "
                 "Word before they change anything. When it comes back, choose File › Bring "
                 "in a reviewed Word document.")
    return path


def bring_in_review(window: MainWindow) -> bool:
    from ..importer.review_read import read_reviewed
    from ..model.coauthoring.merge import merge_articles
    dialogs, session = window.dialogs, window.session
    chosen = dialogs.ask_file("Bring in a reviewed Word document", "Word documents (*.docx)",
                              kind=WORD)
    if chosen is None:
        return False
    path = Path(chosen)
    window.commit_pending_edits()
    session.sync()
    try:
        base, reviewed = read_reviewed(session.project, path)
    except PipError as error:
        dialogs.error("Bring in a reviewed Word document", str(error))
        return False
    from .merging import brought_in_before
    if brought_in_before(dialogs, session.project, Project(reviewed.article, base.media)):
        return False                        # twice would double its comments (a walk)
    result = merge_articles(base.article, session.article, reviewed.article)
    result.left_out = reviewed.left_out     # said, never dropped without a word
    # named for the person it was sent to, not the file (found by a walk: "Merge reviewed's
    # copy"); the file's name when that is not known
    merged = window.coauthoring.apply_merge(result, Project(reviewed.article, base.media), None,
                                            reviewed.sent_to or path.stem)
    if merged and pending(session.article):     # their changes wait as suggestions: show them
        from .suggestions_panel import suggestions_panel
        panel = suggestions_panel(window)
        panel.show()
        panel.refresh()
    return merged
