"""Bringing references into the References panel: from a file a reference manager saved
(Zotero, Mendeley, EndNote, PubMed), or pasted as text.

Reading is the importer's (:mod:`pipwriter.importer.reference_files`,
:mod:`pipwriter.importer.reference_paste`); here the person is asked, the references are added
as one change that Undo takes back, and a message says how many came in, which are kept as
written (to check), which were in the list already and what was left out.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ..importer.reference_fields import ReadReference, same_reference

if TYPE_CHECKING:
    from .references_panel import ReferencesPanel

MANY = 10        # more than this at once, and the person is asked first
SHOWN = 5        # titles named in the message, at most


def bring_in_from_file(panel: ReferencesPanel) -> None:
    """Ask for a file of references and add what it holds."""
    from ..importer.reference_files import FILE_FILTER, ReferenceFileError, read_reference_file
    from .settings import REFERENCES
    dialogs = panel.window_.dialogs
    path = dialogs.ask_file("Bring in references from a file", FILE_FILTER, kind=REFERENCES)
    if not path:
        return
    try:
        read = read_reference_file(Path(path))
    except ReferenceFileError as error:
        dialogs.error("References not brought in", str(error))
        return
    add_references(panel, read.references, Path(path).name, read.not_read)


def paste_references(panel: ReferencesPanel) -> None:
    """Ask for a reference (or several, one a line) to paste, and add it."""
    from ..importer.reference_files import ReferenceFileError
    from ..importer.reference_paste import read_pasted
    dialogs = panel.window_.dialogs
    # a box of several lines: a one-line box showed only the end of what was pasted, and the
    # question cut short (found by a walk)
    text = dialogs.ask_text("Paste a reference",
                            "Paste the reference here, as it is written in an article or on a "
                            "web page. You can paste a few at once, one on each line.",
                            lines=True)
    if not text:
        return
    try:
        read = read_pasted(text)
    except ReferenceFileError as error:
        dialogs.error("References not added", str(error))
        return
    add_references(panel, read, "", 0)


def add_references(panel: ReferencesPanel, read: list[ReadReference], source: str,
                   not_read: int) -> None:
    """Add the references not already in the list, as one undoable change, and say what
    happened. ``source``: the file's name, or "" for pasted text."""
    session = panel.session
    existing = list(session.article.references)
    new: list[ReadReference] = []
    for item in read:
        if not any(same_reference(item.reference, r) for r in existing):
            new.append(item)
            existing.append(item.reference)
    repeated = len(read) - len(new)
    dialogs = panel.window_.dialogs
    if len(new) > MANY and not dialogs.confirm(
            "Bring in references", f"This adds {len(new)} references. An article in this "
            "series has only a few. Add them all? (You can undo this.)", "Add them all"):
        return
    if new:
        session.change("Bring in references" if source else "Paste references",
                       lambda article: article.references.extend(r.reference for r in new))
        panel.refresh()
        first = next((r for r in new if r.kept_as_written), new[0])
        panel.focus_item(first.reference.id)
    limit = session.template.limit("references").max
    dialogs.info("References added" if new else "No references added",
                 summary(new, source, repeated, not_read, len(session.article.references),
                         limit))


def summary(new: list[ReadReference], source: str, repeated: int, not_read: int,
            total: int, limit: int | None) -> str:
    """The message after adding references, in plain words."""
    lines = []
    if not new:
        lines.append("No new references were added.")
    else:
        count = "1 new reference is" if len(new) == 1 else f"{len(new)} new references are"
        came = f" They came from the file {source}." if source else ""
        lines.append(f"{count} in your list now.{came}")
    kept = [r for r in new if r.kept_as_written]
    if kept:
        names = "; ".join(f"“{r.label}”" for r in kept[:SHOWN])
        more = f" and {len(kept) - SHOWN} more" if len(kept) > SHOWN else ""
        if len(kept) == 1:
            which = "It is" if len(new) == 1 else "This one is"
            lines.append(f"{which} kept just as it was written, as PiP Writer could not split "
                         f"it into its parts: {names}. Check it in the list and fill in its "
                         "boxes.")
        else:
            lines.append(f"These are kept just as they were written, as PiP Writer could not "
                         f"split them into their parts: {names}{more}. Check them in the "
                         "list and fill in their boxes.")
    if repeated:
        lines.append("1 was in your list already, so it was not added again." if repeated == 1
                     else f"{repeated} were in your list already, so they were not added "
                          "again.")
    if not_read:
        lines.append("1 in the file was broken, so it was left out." if not_read == 1 else
                     f"{not_read} in the file were broken, so they were left out.")
    if limit is not None and total > limit and new:
        lines.append(f"You now have {total} references. The series allows {limit}, so take "
                     "out the ones you need least.")
    return "\n\n".join(lines)
