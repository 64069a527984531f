"""The edit journal: what was typed in the last seconds, kept between two recovery copies.

A recovery copy (``model/storage/recovery.py``) is a whole project file, so it is written only when
typing pauses and at most every minute or so. In between, the app appends the changes to a
small journal beside it, ``<session id>.journal``, about once a second while typing goes on:
then a crash, a power cut or a killed process loses at most the last second or two of typing.

The journal is a text file of lines, each ``<crc32 of the JSON, 8 hex digits> <JSON>``::

    {"seq": 12, "at": 1767000000.25, "kind": "edit",
     "sections": {"sec-3fa9": [...that section's whole body as rich-text JSON...]}}
    {"seq": 13, "at": 1767000001.27, "kind": "full", "article": {...}, "meta": {...}}
    {"seq": 14, "at": 1767000002.30, "kind": "fields",
     "fields": [{"where": {"panel": "title", "field": "standfirst"}, "text": "..."}]}

- ``seq`` rises by one for every line the app writes for that article; ``at`` is when the
  text was taken (seconds since 1970, this computer's clock, only ever shown to people).
- An ``edit`` line holds the whole text of each section typed in since the line before (not a
  difference), so applying a line twice, or on top of a copy that already has it, is harmless.
- A ``full`` line holds the whole article (without attached files) and, in ``meta``, what the
  recovery copy's side file would say (session, original file, title, process). It is written
  when there is no copy to build on yet, and after any change other than typing in a section
  (a heading, a reference, an undo...).
- A ``fields`` line holds the words in a form's box being typed in (a standfirst, a caption, a
  reference's title...), which reach the article only when the keyboard leaves the box: each
  with its place on the text surface (``Where.to_json()``). The last such line after the last
  ``full`` one is what was being typed (:func:`typed_fields`); recovering puts it in its field.
  The same line holds, as ``{"where": {"panel": "competing_interests", "author_id": ...,
  "field": "declaration"}, "declaration": {...}}``, the answers of a competing-interests wizard
  still open, which reach the article only when it closes (:func:`typed_declarations`);
  recovering gives that author those answers, as "Save and finish later" would have.

The recovery copy's side file records ``journal_seq``, the last line the copy already holds;
after a copy is written, the lines it holds are dropped from the journal. Recovering means: the
copy, then every later line in order (from the last ``full`` line, if there is one).

A line cut short by a crash fails its checksum and is ignored (the next line written starts on a
line of its own). Each line is flushed and ``fsync``'d, off the GUI thread.
"""

from __future__ import annotations

import json
import os
import threading
import time
import zlib
from collections.abc import Iterator
from pathlib import Path

from .atomic import write_bytes_atomic

JOURNAL_SUFFIX = ".journal"
KINDS = ("edit", "full", "fields")
MAX_JOURNAL_BYTES = 256 * 1024 * 1024   # a journal larger than this is not read (damaged)
PIECE_DEPTH = 3     # a line, its article, its sections: each section is one piece
PIECE_PAUSE = 20_000    # characters: after a piece this long, other threads get their turn


def journal_path(copy_path: Path) -> Path:
    """The journal kept beside a recovery copy (``<session>.pipw`` -> ``<session>.journal``)."""
    return copy_path.with_suffix(JOURNAL_SUFFIX)


def encode_line(entry: dict) -> bytes:
    """One journal line for ``entry`` (a JSON object with at least ``seq``), with its checksum."""
    payload = "".join(_json_pieces(entry, PIECE_DEPTH)).encode("utf-8")
    return b"%08x %s\n" % (zlib.crc32(payload), payload)


def _json_pieces(value: object, depth: int) -> Iterator[str]:
    """``value`` as compact JSON (exactly what ``json.dumps`` gives), made a piece at a time
    down to ``depth`` levels, letting other threads run between pieces. The journal is written
    on a worker; encoding a whole 50,000-word article in one call held Python's lock for about
    5 ms, and the typing on the GUI thread waited that long (issue 23)."""
    if depth <= 0 or not isinstance(value, dict | list) or \
            (isinstance(value, dict) and not all(isinstance(key, str) for key in value)):
        piece = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
        yield piece
        if len(piece) > PIECE_PAUSE:
            time.sleep(0)                           # the GUI thread may take its turn
        return
    if isinstance(value, dict):
        yield "{"
        for number, (key, item) in enumerate(value.items()):
            yield ("," if number else "") + json.dumps(key, ensure_ascii=False) + ":"
            yield from _json_pieces(item, depth - 1)
        yield "}"
    else:
        yield "["
        for number, item in enumerate(value):
            if number:
                yield ","
            yield from _json_pieces(item, depth - 1)
        yield "]"


def decode_line(line: bytes) -> dict | None:
    """The entry a line holds, or None if it is torn, damaged or not an entry."""
    if len(line) < 10 or line[8:9] != b" " or not line.endswith(b"\n"):
        return None
    payload = line[9:-1]
    try:
        if int(line[:8], 16) != zlib.crc32(payload):
            return None
        entry = json.loads(payload.decode("utf-8"))
    except (ValueError, UnicodeDecodeError, RecursionError):
        return None
    if not isinstance(entry, dict) or not _is_int(entry.get("seq")) \
            or entry.get("kind") not in KINDS:
        return None
    return entry


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def read_journal(path: Path) -> list[dict]:
    """Every whole entry in a journal, in the order written; [] if it is missing or unreadable.

    A line torn by a crash (or damaged since) is left out; the lines after it still count, as
    each holds whole sections, not differences."""
    try:
        if path.stat().st_size > MAX_JOURNAL_BYTES:
            return []
        data = path.read_bytes()
    except OSError:
        return []
    entries = []
    for line in data.splitlines(keepends=True):
        entry = decode_line(line)
        if entry is not None:
            entries.append(entry)
    return entries


def last_seq(path: Path) -> int:
    """The highest sequence number written to a journal (0 if none)."""
    return max((e["seq"] for e in read_journal(path)), default=0)


def replay(base: dict | None, base_seq: int, entries: list[dict]) -> tuple[dict | None, int,
                                                                          float | None]:
    """The article as the journal leaves it: ``base`` (the recovery copy's article JSON, which
    already holds every line up to ``base_seq``; None when there is no copy) with every later
    line applied in order.

    Returns (article JSON or None when there is nothing to build on, the last line applied or
    ``base_seq``, the ``at`` of that line or None)."""
    later = [e for e in entries if e["seq"] > base_seq]
    fulls = [i for i, e in enumerate(later) if e["kind"] == "full" and isinstance(
        e.get("article"), dict)]
    article, seq, at = base, base_seq, None
    if fulls:
        first = later[fulls[-1]]
        article, seq, at = first["article"], first["seq"], first.get("at")
        later = later[fulls[-1] + 1:]
    if article is None:
        return None, base_seq, None
    article = dict(article)
    article["sections"] = [dict(s) for s in article.get("sections", []) if isinstance(s, dict)]
    for entry in later:
        if entry["kind"] != "edit":
            continue
        bodies = entry.get("sections")
        if isinstance(bodies, dict):
            for section in article["sections"]:
                body = bodies.get(section.get("id"))
                if isinstance(body, list):
                    section["body"] = body
        seq, at = entry["seq"], entry.get("at")
    return article, seq, at if isinstance(at, (int, float)) else None


def _last_fields(entries: list[dict], base_seq: int) -> list[dict]:
    """The items of the last ``fields`` line after ``base_seq`` and after the last ``full``
    line (a ``full`` line later than it holds the article with those words already in it)."""
    later = [e for e in entries if e["seq"] > base_seq]
    last = None
    for entry in later:
        if entry["kind"] == "full":
            last = None
        elif entry["kind"] == "fields":
            last = entry
    if last is None or not isinstance(last.get("fields"), list):
        return []
    return [item for item in last["fields"]
            if isinstance(item, dict) and isinstance(item.get("where"), dict)]


def typed_fields(entries: list[dict], base_seq: int) -> list[tuple[dict, str]]:
    """What was being typed in form fields when the journal ends: (place as JSON, text).
    Malformed entries are left out."""
    return [(item["where"], item["text"]) for item in _last_fields(entries, base_seq)
            if isinstance(item.get("text"), str)]


def typed_declarations(entries: list[dict], base_seq: int) -> list[tuple[dict, dict]]:
    """The answers of competing-interests wizards open when the journal ends: (place as JSON,
    the declaration as JSON). Malformed entries are left out."""
    return [(item["where"], item["declaration"]) for item in _last_fields(entries, base_seq)
            if isinstance(item.get("declaration"), dict)]


class JournalWriter:
    """Appends lines to one journal, flushed and synced; safe to call from several threads."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self._lock = threading.Lock()
        self._tail_checked = False     # a line torn by an earlier crash is closed off once

    def append(self, entry: dict) -> None:
        """Add one entry (OSError if it could not be written)."""
        line = encode_line(entry)
        with self._lock:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with self.path.open("ab") as handle:
                if not self._tail_checked and handle.tell() and not self._ends_whole():
                    handle.write(b"\n")        # after a torn line: start a fresh one
                self._tail_checked = False
                handle.write(line)
                handle.flush()
                os.fsync(handle.fileno())
                self._tail_checked = True

    def _ends_whole(self) -> bool:
        try:
            with self.path.open("rb") as handle:
                handle.seek(-1, os.SEEK_END)
                return handle.read(1) == b"\n"
        except OSError:
            return True

    def compact(self, held_seq: int) -> None:
        """Drop the lines a recovery copy now holds (``seq`` up to ``held_seq``); the journal is
        removed when nothing is left. Replaced atomically, so a crash leaves one or the other."""
        with self._lock:
            entries = read_journal(self.path)
            kept = [e for e in entries if e["seq"] > held_seq]
            if len(kept) == len(entries) and entries:
                return
            try:
                if kept:
                    write_bytes_atomic(self.path, b"".join(encode_line(e) for e in kept))
                else:
                    self.path.unlink(missing_ok=True)
                self._tail_checked = False
            except OSError:
                pass        # the copy holds it all anyway; the lines are applied again harmlessly

    def remove(self) -> None:
        with self._lock:
            try:
                self.path.unlink(missing_ok=True)
            except OSError:
                pass
            self._tail_checked = False
