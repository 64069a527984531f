"""Kill -9 at random moments while saving and autosaving: nothing is ever half-written.

A child process edits an article over and over; after each edit it writes the recovery copy
(autosave) and, every other edit, saves the file itself with a backup. Each step is reported in
shared memory once it has returned. The parent kills the child (SIGKILL) at a random moment,
then checks that the file loads and holds either the last version reported saved or the one
being written, that the recovery copy holds every edit up to the last reported autosave, and
that every backup loads. Hundreds of kills in all.
"""

from __future__ import annotations

import hashlib
import json
import mmap
import os
import random
import signal
import struct
import subprocess
import sys
import time
from pathlib import Path

import pytest

from pipwriter.model.article.article import Article, Section
from pipwriter.model.article.media import Illustration, MediaRef
from pipwriter.model.article.text import RichText
from pipwriter.model.storage.backups import list_backups, open_backup
from pipwriter.model.storage.project import Project
from pipwriter.model.storage.project_file import load_project, media_snapshot
from pipwriter.model.storage.recovery import recovery_paths, write_recovery
from pipwriter.model.storage.safe_save import save_with_backup

pytestmark = [pytest.mark.heavy,
              pytest.mark.skipif(os.name != "posix", reason="needs fork and SIGKILL")]

KILLS = 200
MEDIA_BYTES = 192 * 1024
SESSION = "0123456789abcdef0123456789abcdef"


def _payload(gen: int) -> bytes:
    return random.Random(gen).randbytes(MEDIA_BYTES)


def _build(gen: int):
    """The article as it is after edit number ``gen`` (every part depends on gen)."""
    article = Article(title=f"Edit {gen}", id="killtestarticle")
    article.sections = [Section(f"Part {i}", id=f"sec-{i}", kind="other",
                                body=RichText.from_plain(f"edit {gen} part {i} " * 40))
                        for i in range(6)]
    project = Project(article)
    name = project.media.add_bytes(_payload(gen), "jpg")
    article.illustrations = [Illustration(MediaRef(name), id="fig-1", caption=f"Edit {gen}")]
    return project


def _child(acks: mmap.mmap, user_dir: str, path: str, start: int) -> None:
    """Edit, autosave, save... for ever (until killed), reporting each finished step."""
    os.environ["PIPWRITER_USER_DIR"] = user_dir
    gen = start
    while True:
        project = _build(gen)
        article = project.article
        names = [i.media.name for i in article.illustrations]
        write_recovery(SESSION, json.dumps(article.to_json()),
                       media_snapshot(project.media, names), names, article.template_id,
                       article.id, article.title, Path(path))
        ACKS.pack_into(acks, 8, gen)                        # autosaved
        if gen % 2 == 0:
            save_with_backup(project, path)
            ACKS.pack_into(acks, 0, gen)                    # saved
        gen += 1


def _round(acks: mmap.mmap, user_dir: str, path: str, start: int, delay: float) -> list:
    """Fork a child at edit ``start``, let it autosave once, wait ``delay``, kill it (-9).

    Runs in the helper process. The acks live in anonymous shared memory inherited across the
    fork, so what the child reports never depends on how a file system handles shared mappings.
    """
    acks[:] = struct.pack("<qq", -1, -1)
    pid = os.fork()
    if pid == 0:
        try:
            _child(acks, user_dir, path, start)
        except BaseException:
            import traceback
            traceback.print_exc()
        os._exit(1)
    deadline = time.monotonic() + 60
    while ACKS.unpack_from(acks, 8)[0] < start and time.monotonic() < deadline:
        time.sleep(0.0002)                                  # let it reach its loop
    time.sleep(delay)
    os.kill(pid, signal.SIGKILL)
    status = os.waitpid(pid, 0)[1]
    return [status, *struct.unpack("<qq", acks)]


# A helper process imports everything once, then forks a fresh child for each round: quick to
# start (no imports) and safe (the test process itself, which may run Qt threads, never forks).
HELPER = """
import json, mmap, sys
sys.path.insert(0, sys.argv[1])
import test_kill_save
acks = mmap.mmap(-1, 16)
for line in sys.stdin:
    print(json.dumps(test_kill_save._round(acks, *json.loads(line))), flush=True)
"""
ACKS = struct.Struct("<q")


class Helper:
    def __init__(self):
        self.process = subprocess.Popen([sys.executable, "-c", HELPER, str(Path(__file__).parent)],
                                        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)

    def kill_round(self, user_dir: str, path: str, start: int, delay: float) -> list:
        self.process.stdin.write(json.dumps([user_dir, path, start, delay]) + "\n")
        self.process.stdin.flush()
        return json.loads(self.process.stdout.readline())

    def close(self) -> None:
        self.process.stdin.close()
        self.process.wait(timeout=30)


def _generation(project) -> int:
    """Which edit a loaded project holds, after checking every part belongs to that edit."""
    article = project.article
    gen = int(article.title.split()[1])
    assert [s.body.plain_text() for s in article.sections] == \
        [f"edit {gen} part {i} " * 40 for i in range(6)]
    assert article.illustrations[0].caption == f"Edit {gen}"
    data = project.media.read(article.illustrations[0].media.name)
    assert hashlib.sha256(data).digest() == hashlib.sha256(_payload(gen)).digest()
    return gen


def test_sigkill_while_saving_and_autosaving(tmp_path):
    user_dir = os.environ["PIPWRITER_USER_DIR"]
    path = tmp_path / "article.pipw"
    save_with_backup(_build(0), path)
    file_gen, recovery_gen = 0, -1
    rng = random.Random(20240607)
    mid_write = 0
    start = 1
    helper = Helper()
    try:
        for _kill in range(KILLS):
            status, saved, autosaved = helper.kill_round(user_dir, str(path), start,
                                                         rng.uniform(0, 0.02))
            assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL, status
            assert autosaved >= start, "the child never got going"

            # the file: old or new, never anything in between
            old = saved if saved >= 0 else file_gen         # last save that returned
            new = saved + 2 if saved >= 0 else start + start % 2   # the save after it
            now = _generation(load_project(path))
            assert now in (old, new), (now, old, new)
            mid_write += now != old
            file_gen = now

            # the recovery copy: every edit up to the last autosave
            copy, _meta = recovery_paths(SESSION)
            held = _generation(load_project(copy))
            assert autosaved <= held <= autosaved + 1, (held, autosaved)
            assert held >= recovery_gen
            recovery_gen = held
            start = max(held, now) + 1
    finally:
        helper.close()

    torn = [p for folder in (tmp_path, recovery_paths(SESSION)[0].parent)
             for p in folder.iterdir() if p.name.endswith(".tmp")]
    assert torn or mid_write, "no kill landed inside a write: the test proved nothing"
    backups = list_backups("killtestarticle")
    assert backups
    for backup in backups:
        _generation(open_backup(backup))
    print(f"{KILLS} kills, {start} edits; {mid_write} kills after a save had replaced the file "
          f"but before it returned; {len(torn)} in the middle of writing a file; "
          f"{len(backups)} backups kept")
