"""Merging a co-author's copy into the article open in a window (File › Bring in a co-author's
copy…, and a reviewed Word copy brought in): what each of you changed, your choices where you
both changed the same part, and the merge put in as one undoable step, its record in the
article's history going with it (Edit › Undo takes both back)."""

from __future__ import annotations

import datetime as _dt
from pathlib import Path
from typing import TYPE_CHECKING

from ..model.errors import DamagedProjectError, PipError

SHOWN_LEFT_OUT = 3      # what could not be brought in, shown in the box; the rest in its details

if TYPE_CHECKING:
    from ..model.coauthoring.merge import MergeResult
    from ..model.storage.project import Project
    from .coauthor import Coauthoring


def on_day(iso: object) -> str:
    """" on 5 December 2026" for a recorded time ("" when it cannot be read), written as the
    model writes dates (English months whatever the system's language: not ``%B``)."""
    from ..model.article.reference import long_date
    try:
        when = _dt.datetime.fromisoformat(str(iso)).astimezone()
    except ValueError:
        return ""
    return f" on {long_date(when.date())}"


def brought_in_before(dialogs, project: Project, theirs: Project) -> bool:
    """Said and True when this copy (or a review copy saying the same) was brought in before:
    bringing it in again would take back what was changed since."""
    from ..model.coauthoring.exchange import already_brought_in, previous_merge
    earlier = previous_merge(project, theirs)
    if earlier is None:
        return False
    dialogs.info("Already brought in", already_brought_in(earlier,
                                                         on_day(earlier.get("merged_at"))))
    return True


def merge_copy(coauthoring: Coauthoring, path: Path | None = None) -> bool:
    """File › Bring in a co-author's copy…: take what they changed, choose where you both
    changed the same part, review, and apply as one undoable step after saving a version."""
    from ..model.coauthoring.exchange import check_same_article, find_base
    from ..model.coauthoring.merge import merge_articles
    from ..model.storage.project_file import load_project
    from .dialogs import PROJECT_FILTER
    from .settings import ARTICLES
    window, dialogs = coauthoring.window, coauthoring.window.dialogs
    session = coauthoring.session
    path = path or dialogs.ask_file("Bring in a co-author's copy", PROJECT_FILTER,
                                    kind=ARTICLES)
    if not path:
        return False
    window.commit_pending_edits()
    session.sync()
    try:
        theirs = load_project(path)
    except PipError as error:
        # a backup of someone else's copy is not on this computer: the advice is theirs
        # to act on (found by a walk)
        dialogs.error("Could not open their copy",
                      f"{error.reason} Ask them to send it again."
                      if isinstance(error, DamagedProjectError) else str(error))
        return False
    problem = check_same_article(session.project, theirs)
    found = None
    if problem:
        if theirs.article.id == session.article.id:
            dialogs.error("Bring in a co-author's copy", problem)
            return False
        if not dialogs.confirm("Bring in a co-author's copy",
                               f"{problem} Bring it in anyway? You will be asked about every "
                               "difference.", yes="Bring it in anyway"):
            return False
    else:
        if brought_in_before(dialogs, session.project, theirs):
            return False
        found = find_base(session.project, theirs)
    base, entry = found if found else (None, None)
    name = (entry or {}).get("sent_to") or Path(path).stem
    result = merge_articles(base.article if base else None, session.article,
                            theirs.article)
    return apply_merge(coauthoring, result, theirs, entry, name)


def apply_merge(coauthoring: Coauthoring, result: MergeResult, theirs: Project,
                entry: dict | None, name: str) -> bool:
    """Show what merging brings, let the user choose, and put it in as one undoable step
    (a version of the article before it is kept first)."""
    from ..model.coauthoring.exchange import record_merge
    from ..model.coauthoring.merge import MINE
    from ..model.language.counts import total_words
    from ..model.storage.project import Project
    from ..model.storage.versions import save_project_version
    from .data_safety import replace_article
    window, dialogs = coauthoring.window, coauthoring.window.dialogs
    session = coauthoring.session
    if not result.has_changes():
        if result.left_out:         # a Word copy's changes where none can be brought in
            shown, more = result.left_out[:SHOWN_LEFT_OUT], len(result.left_out) - SHOWN_LEFT_OUT
            dialogs.info("Nothing could be brought in",
                         f"Nothing in {name}'s copy could be brought in.\n\n"
                         + "\n\n".join(shown) + (f"\n\n… and {more} more: press Show "
                                                  "Details to read them all." if more > 0
                                                  else ""),
                         "\n\n".join(result.left_out) if more > 0 else "")
        else:
            dialogs.info("Nothing new", f"{name}'s copy has nothing new. All of it is in "
                                        "yours already.")
        return False
    from .merge_dialog import ask_merge
    merged = ask_merge(window, result, name)
    if merged is None:
        return False
    kept = f"File › Versions…, the version “before bringing in {name}'s copy”"
    try:
        save_project_version(session.project, f"before bringing in {name}'s copy",
                             total_words(session.article))
    except (PipError, OSError) as error:
        kept = ""
        if not dialogs.confirm("Bring in a co-author's copy",
                               f"PiP Writer could not keep a version of your article first "
                               f"({error}). Bring their copy in anyway? Edit › Undo can still "
                               "take it back out.", yes="Bring it in anyway"):
            return False
    history = session.project.ancestry
    recorded: list[dict] = []

    def record(done: bool) -> None:
        """The merge's record in the article's history goes with it: an undone merge is
        not "already merged" (found by a walk: the copy could not be merged again)."""
        if not done:
            history[:] = [e for e in history if all(e is not r for r in recorded)]
        elif recorded:
            history.extend(recorded)
        else:
            known = len(history)
            record_merge(session.project, theirs, entry,
                         kept_yours=sum(1 for c in result.conflicts if c.choice == MINE),
                         name=name)
            recorded.extend(history[known:])
    changed = replace_article(session, Project(merged, theirs.media),
                              f"Bring in {name}'s copy", record, kept)
    if not changed:
        record(True)
    session.set_modified(True)
    window.statusBar().showMessage(
        f"Brought in {name}'s copy. Your article as it was before is kept as a version "
        "(File › Versions…); Edit › Undo takes their changes back out.", 12000)
    return changed
