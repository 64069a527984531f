"""Sending a copy to a co-author and finding, when it comes back, the version it started from.

Sending saves an ordinary ``.pipw`` for the co-author and keeps the article as it was sent as a
named version ("sent to Sam Jones", see :mod:`pipwriter.model.storage.versions`). The copy's manifest
records where it came from in its ``ancestry`` list, newest last::

    {"event": "sent", "sent_at": "2026-05-03T14:05:02+00:00", "sent_to": "Sam Jones",
     "sent_to_id": "author-9f8e7d6c", "note": "please check your viewpoint",
     "sent_by": "Dr Asha Patel",
     "from_file": "Walking together.pipw", "from_fingerprint": "3fa9…",
     "base_id": "<project key>/<version stamp>", "base_article": {…the article as sent…}}

When the copy comes back, :func:`find_base` walks that list newest first and loads the first
version that is still kept on this computer and is exactly what was sent (its fingerprint
matches); on another computer, the article as sent that the copy carries is used, when its
fingerprint matches. A merge is recorded in the receiving article's ancestry as ``"event":
"merged"`` with the fingerprint of the copy merged (so the same copy is not merged twice); the
carried article is not kept in the history.

Opened as it came (:func:`received_copy`), the copy tells its reader who sent it and the note.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import json
import logging
import re
from pathlib import Path

from ..article.article import Article
from ..errors import PipError
from ..storage.history_store import parse_stamp, project_key
from ..storage.project import Project
from ..storage.project_file import media_snapshot, write_project_json
from ..storage.versions import Version, list_versions, open_version, save_project_version

log = logging.getLogger(__name__)

SENT, MERGED = "sent", "merged"


def snapshot_fingerprint(article) -> str:
    """A fingerprint of everything in the article (to recognise the version sent)."""
    text = json.dumps(article.to_json(), sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:32]


_MADE_ID = re.compile(r"\b[a-z]+-[0-9a-f]{8}\b")
_MOMENT = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[^\"]*")


def content_fingerprint(article) -> str:
    """A fingerprint of what the article says, whatever ids and times reading it gave its
    comments and suggestions: a reviewed Word document read twice has the same one (found by
    a walk: one brought in twice doubled its comments and brought rejected suggestions back)."""
    text = json.dumps(article.to_json(), sort_keys=True, ensure_ascii=False)
    seen: dict[str, str] = {}
    text = _MADE_ID.sub(lambda m: seen.setdefault(m.group(0), f"id{len(seen)}"), text)
    text = _MOMENT.sub("moment", text)
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:32]


def _now() -> str:
    return _dt.datetime.now(_dt.timezone.utc).replace(microsecond=0).isoformat()


def send_copy(project: Project, target: Path | str, sent_to: str, note: str = "",
              sent_to_id: str = "", words: int | None = None,
              sent_by: str = "") -> tuple[Path, Version]:
    """Write a copy of the project for ``sent_to`` at ``target`` and keep the article as sent
    as a named version (``sent_by``: the sender's name, when known). The project itself is
    not changed. Raises PipError with a message."""
    target = Path(target)
    sent_to = " ".join(sent_to.split()) or "a co-author"
    if project.path is not None and target.resolve() == Path(project.path).resolve():
        raise PipError("Choose another name for the copy: this is the article's own file.")
    version = save_project_version(project, f"sent to {sent_to}", words)
    article = project.article
    entry = {"event": SENT, "sent_at": _now(), "sent_to": sent_to, "sent_to_id": sent_to_id,
             "note": " ".join(note.split()), "sent_by": " ".join(sent_by.split()),
             "from_file": project.path.name if project.path else "",
             "from_fingerprint": snapshot_fingerprint(article),
             "base_id": f"{project_key(article)}/{version.path.stem}",
             # the article as sent travels with the copy (text and structure, not the
             # pictures), so it can be merged back on a computer that did not keep the version
             "base_article": article.to_json()}
    names = sorted({r.name for r in article.media_refs()} & set(project.media.names()))
    write_project_json(target, json.dumps(article.to_json(), ensure_ascii=False, indent=1),
                       media_snapshot(project.media, names), names, article.template_id,
                       article.id, [*project.ancestry, entry])
    return target, version


def received_copy(project: Project) -> dict | None:
    """The record of how ``project`` was sent, when it is a copy sent to a co-author and still
    exactly as it was sent (just received: its note is for whoever opens it); else None."""
    last = project.ancestry[-1] if project.ancestry else None
    if not isinstance(last, dict) or last.get("event", SENT) != SENT:
        return None
    if last.get("from_fingerprint") != snapshot_fingerprint(project.article):
        return None
    return last


def unmerged_copy(mine: Project, theirs: Project) -> bool:
    """``theirs`` is a copy sent to a co-author, not yet brought in here: its last record is
    the sending, which ``mine`` has not seen (a copy brought in passes its records on)."""
    last = theirs.ancestry[-1] if theirs.ancestry else None
    if not isinstance(last, dict) or last.get("event", SENT) != SENT:
        return False
    kept = json.dumps({k: v for k, v in last.items() if k != "base_article"}, sort_keys=True)
    return all(json.dumps(e, sort_keys=True) != kept for e in mine.ancestry)


def sent_entries(project: Project) -> list[dict]:
    """The "sent" records in a project's ancestry, newest first."""
    return [e for e in reversed(project.ancestry) if e.get("event", SENT) == SENT
            and isinstance(e.get("base_id"), str)]


def find_base(mine: Project, theirs: Project) -> tuple[Project, dict] | None:
    """The version ``theirs`` was made from, if this computer still keeps it (with the ancestry
    entry that names it); None otherwise (then merge asks about every difference). Once a
    copy sent then was brought in, that copy is where a later one from it carries on from."""
    found = _sent_base(theirs)
    if found is None:
        return None
    since = _brought_in_since(mine, found[1])
    if since is None or _goes_back(since, found[0].article, theirs):
        return found
    return since[0], since[1]


def _words(article) -> set[str]:
    """The article's own words, a paragraph or line at a time."""
    out = {article.title, article.standfirst, *article.key_messages}
    for section in article.sections:
        out.add(section.title)
        out.update(p.text() for p in section.body.paragraphs)
    return out


def _goes_back(since: tuple[Project, dict, dict], sent, theirs: Project) -> bool:
    """``theirs`` is older than the copy brought in before from the same sending (emails are
    opened out of order): measured against that copy, what it does not have yet would be taken
    out as "their change" (a walk lost a co-author's final wording and a paragraph that way);
    measured against the article as sent, it stays. Told by when each was saved, where both
    say (to the second); else by ``theirs`` lacking words the copy brought in had added (its
    writer may have taken them out again: measured against the article as sent, nothing is
    lost, and the difference is a choice)."""
    kept, _sending, entry = since
    before = entry.get("their_saved_at")
    if isinstance(before, str) and before and theirs.saved_at and theirs.saved_at != before:
        return theirs.saved_at < before
    return bool((_words(kept.article) - _words(sent)) - _words(theirs.article))


def _brought_in_since(mine: Project, sent: dict) -> tuple[Project, dict, dict] | None:
    """The latest copy made from the same sending and brought in here, as it came (kept as a
    version): a copy that carries on from it is measured against it, not against the article
    as sent, which would count what was removed here since as their change (found by a walk:
    a second copy brought back a paragraph and a reference deleted after the first)."""
    for entry in reversed(mine.ancestry):
        kept = entry.get("their_version")
        if entry.get("event") != MERGED or entry.get("base_id") != sent.get("base_id") \
                or not isinstance(kept, str):
            continue
        key, _, stem = kept.partition("/")
        version = next((v for v in list_versions(key) if v.path.stem == stem), None) \
            if parse_stamp(stem) is not None and key == project_key(key) else None
        if version is not None:
            try:
                return open_version(version), sent, entry
            except (PipError, OSError):
                log.info("the copy brought in before could not be read: %s", kept)
    return None


def _sent_base(theirs: Project) -> tuple[Project, dict] | None:
    for entry in sent_entries(theirs):
        key, _, stem = entry["base_id"].partition("/")
        if parse_stamp(stem) is None or key != project_key(key):
            continue
        for version in list_versions(key):
            if version.path.stem != stem:
                continue
            try:
                base = open_version(version)
            except (PipError, OSError):
                break
            expected = entry.get("from_fingerprint")
            if not expected or snapshot_fingerprint(base.article) == expected:
                return base, entry
            break
    return _travelling_base(theirs)


def _travelling_base(theirs: Project) -> tuple[Project, dict] | None:
    """The article as sent, carried in the copy itself, when it is exactly what was sent."""
    for entry in sent_entries(theirs):
        data = entry.get("base_article")
        if not isinstance(data, dict):
            continue
        try:
            article = Article.from_json(data)
        except PipError as error:
            log.info("the article as sent, carried in the copy, cannot be read: %s", error)
            continue
        if snapshot_fingerprint(article) == entry.get("from_fingerprint"):
            return Project(article), entry
    return None


def record_merge(project: Project, theirs: Project, base_entry: dict | None,
                 kept_yours: int = 0, name: str = "") -> dict:
    """Note in ``project``'s ancestry that ``theirs`` was merged in (saved with the project);
    ``kept_yours``: the parts both had changed where yours was kept. A copy that came from a
    sending (``base_entry``) is kept as it came, as a version named for ``name``: a later copy
    carrying on from it is measured against it (:func:`find_base`)."""
    entry = {"event": MERGED, "merged_at": _now(),
             "merged_from": theirs.path.name if theirs.path else "",
             "base_id": base_entry.get("base_id", "") if base_entry else "",
             "three_way": base_entry is not None,
             "merged_fingerprint": snapshot_fingerprint(theirs.article),
             "merged_content": content_fingerprint(theirs.article)}
    if kept_yours:
        entry["kept_yours"] = kept_yours
    if theirs.saved_at:
        entry["their_saved_at"] = theirs.saved_at
    if base_entry is not None:
        try:
            version = save_project_version(theirs, f"{name or 'their'}'s copy as brought in")
            entry["their_version"] = f"{project_key(theirs.article)}/{version.path.stem}"
        except (PipError, OSError) as error:     # the merge goes on; a later copy is asked
            log.warning("could not keep the copy brought in: %s", error)
    known = {json.dumps(e, sort_keys=True) for e in project.ancestry}
    for earlier in theirs.ancestry:
        # the article as sent is needed only in the copy: the history keeps the rest
        kept = {k: v for k, v in earlier.items() if k != "base_article"}
        if json.dumps(kept, sort_keys=True) not in known:
            project.ancestry.append(kept)
    project.ancestry.append(entry)
    return entry


def previous_merge(mine: Project, theirs: Project) -> dict | None:
    """The record of an earlier merge of exactly this copy into ``mine``, if there was one.
    Merging it again against the version it was sent from would take back, as "their
    changes", whatever was removed or changed since; so the caller says so instead."""
    fingerprint, content = snapshot_fingerprint(theirs.article), \
        content_fingerprint(theirs.article)
    return next((e for e in reversed(mine.ancestry) if e.get("event") == MERGED
                 and (e.get("merged_fingerprint") == fingerprint
                      or e.get("merged_content") == content)), None)


def already_brought_in(earlier: dict, day: str) -> str:
    """What to say when a copy brought in before is chosen again (``day``: " on 3 May 2026"
    or ""). Not "it holds nothing new" where yours was kept: their words there never came in
    (found by a walk)."""
    kept = earlier.get("kept_yours", 0)
    kept = kept if isinstance(kept, int) and not isinstance(kept, bool) else 0
    text = f"You brought in this copy{day}."
    if kept:
        text += (f" Where you had both changed something ({kept} "
                 f"{'part' if kept == 1 else 'parts'}), you kept yours then.")
    text += (" Bringing it in again would bring back what you have changed or removed since, "
             "so nothing was changed.")
    if kept:
        text += (" To choose again, bring back the version “before bringing in …” (File › "
                 "Versions…), then bring this copy in again.")
    return text


def check_same_article(mine: Project, theirs: Project) -> str:
    """"" when ``theirs`` is a copy of the same article, else a sentence saying why not."""
    if theirs.path is not None and mine.path is not None and \
            Path(theirs.path).resolve() == Path(mine.path).resolve():
        return "This is the article's own file, not a co-author's copy."
    if theirs.article.id != mine.article.id:
        return ("This file is a different article (it was not sent from this one), so PiP "
                "Writer cannot tell what each of you changed.")
    return ""

