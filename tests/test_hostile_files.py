"""Hostile or odd project files fail fast and clearly (issue 17, item 7).

Each file here is one the app never writes but may be handed: a member locked with a password,
``article.json`` twice, a picture that inflates to 2 GiB, a picture whose checksum is wrong or
that is not a picture, text with half characters (lone surrogates), 60 KB of full stops, 50,000
references. `pipwriter check` must answer each in one line on standard error with exit 2 (or,
for a damaged picture, a must-fix finding), with no traceback, in under 5 seconds of processor
time and 500 MB of memory (measured in a child process with ``resource.getrusage``); the app
must show a message instead of closing; and readability and spelling must take time in
proportion to the text, however odd it is.
"""

from __future__ import annotations

import ctypes
import io
import json
import os
import struct
import subprocess
import sys
import textwrap
import time
import zipfile
import zlib
from pathlib import Path

import pytest

from pipwriter.model.errors import ProjectFileError
from pipwriter.model.language.readability import analyse
from pipwriter.model.language.spelling import SpellEngine
from pipwriter.model.storage import atomic
from pipwriter.model.storage.demo import write_demo
from pipwriter.model.storage.project_file import load_project, save_project

MB = 1024 * 1024
CPU_SECONDS = 5.0
MEMORY_MB = 500
PICTURE = "media/d6bbb8d876cb8b825d70c6bc.png"      # the demo's illustration (stored)


# --- building odd files ------------------------------------------------------------------------
@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> Path:
    return write_demo(tmp_path_factory.mktemp("demo") / "demo.pipw")


def _members(path: Path) -> list[tuple[str, bytes]]:
    with zipfile.ZipFile(path) as archive:
        return [(info.filename, archive.read(info)) for info in archive.infolist()]


def _write(path: Path, members: list[tuple[str, bytes]]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members:
            method = zipfile.ZIP_STORED if name.startswith("media/") else zipfile.ZIP_DEFLATED
            archive.writestr(zipfile.ZipInfo(name, (2020, 1, 1, 0, 0, 0)), data,
                             compress_type=method)
    return path


def _with_article(demo: Path, path: Path, change) -> Path:
    members = []
    for name, data in _members(demo):
        if name == "article.json":
            article = json.loads(data)
            change(article)
            data = json.dumps(article).encode("ascii")     # half characters as \\udxxx escapes
        members.append((name, data))
    return _write(path, members)


def _set_flag(path: Path, member: str, bit: int) -> Path:
    """Set a general-purpose flag bit of ``member`` in its local and central headers."""
    data = bytearray(path.read_bytes())
    for signature, flags_at, name_length_at, name_at in ((b"PK\x03\x04", 6, 26, 30),
                                                         (b"PK\x01\x02", 8, 28, 46)):
        start = 0
        while (start := data.find(signature, start)) >= 0:
            length = struct.unpack_from("<H", data, start + name_length_at)[0]
            if bytes(data[start + name_at:start + name_at + length]) == member.encode():
                data[start + flags_at] |= bit
            start += 4
    path.write_bytes(bytes(data))
    return path


def _raw_zip(path: Path, members: list[tuple[str, int, int, int, bytes]]) -> Path:
    """A zip from members already compressed: (name, method, crc, size, compressed data)."""
    out = io.BytesIO()
    central = []
    for name, method, crc, size, data in members:
        offset = out.tell()
        encoded = name.encode()
        out.write(struct.pack("<4sHHHHHIIIHH", b"PK\x03\x04", 20, 0, method, 0, 0x5021, crc,
                              len(data), size, len(encoded), 0) + encoded + data)
        central.append(struct.pack("<4sHHHHHHIIIHHHHHII", b"PK\x01\x02", 20, 20, 0, method, 0,
                                   0x5021, crc, len(data), size, len(encoded), 0, 0, 0, 0, 0,
                                   offset) + encoded)
    start = out.tell()
    for entry in central:
        out.write(entry)
    out.write(struct.pack("<4sHHHHIIH", b"PK\x05\x06", 0, 0, len(central), len(central),
                          out.tell() - start, start, 0))
    path.write_bytes(out.getvalue())
    return path


def _picture_bomb(demo: Path, path: Path, size: int) -> Path:
    """The demo with its illustration replaced by a PNG header and ``size`` bytes of zeros,
    deflated to about a thousandth of that (one block repeated: quick to build)."""
    head = b"\x89PNG\r\n\x1a\n"
    chunk = bytes(MB)
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    first = compressor.compress(head) + compressor.flush(zlib.Z_FULL_FLUSH)
    block = compressor.compress(chunk) + compressor.flush(zlib.Z_FULL_FLUSH)
    last = compressor.flush(zlib.Z_FINISH)
    crc = zlib.crc32(head)
    for _ in range(size // MB):
        crc = zlib.crc32(chunk, crc)
    data = first + block * (size // MB) + last
    members = [(name, zipfile.ZIP_DEFLATED, zlib.crc32(content), len(content),
                _deflate(content)) for name, content in _members(demo) if name != PICTURE]
    members.append((PICTURE, zipfile.ZIP_DEFLATED, crc, len(head) + size // MB * MB, data))
    return _raw_zip(path, members)


def _deflate(data: bytes) -> bytes:
    compressor = zlib.compressobj(6, zlib.DEFLATED, -15)
    return compressor.compress(data) + compressor.flush()


# --- running pipwriter in a child, measured -----------------------------------------------------
_RUN = textwrap.dedent("""
    import json, resource, subprocess, sys
    limit = 2 * 1024 ** 3       # a guard for the machine, far above what is allowed
    child = subprocess.run([sys.executable, "-m", "pipwriter.cli", *sys.argv[1:]],
                           capture_output=True, text=True,
                           preexec_fn=lambda: resource.setrlimit(resource.RLIMIT_AS,
                                                                 (limit, limit)))
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    rss = usage.ru_maxrss / (1024 * 1024 if sys.platform == "darwin" else 1024)
    print(json.dumps({"code": child.returncode, "stdout": child.stdout,
                      "stderr": child.stderr, "cpu": usage.ru_utime + usage.ru_stime,
                      "memory_mb": rss}))
""")


def _pipwriter(*args: object) -> dict:
    done = subprocess.run([sys.executable, "-c", _RUN, *map(str, args)], capture_output=True,
                          text=True, timeout=600,
                          env={**os.environ, "PYTHONPATH": str(Path(__file__).parents[1])})
    return json.loads(done.stdout)


def _refused_in_one_line(result: dict, *words: str) -> None:
    assert result["code"] == 2, result
    lines = result["stderr"].strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("pipwriter: '"), result["stderr"]
    assert "Traceback" not in result["stderr"] and not result["stdout"]
    for word in words:
        assert word in lines[0]
    _quick_and_small(result)


def _quick_and_small(result: dict) -> None:
    assert result["cpu"] < CPU_SECONDS, result
    assert result["memory_mb"] < MEMORY_MB, result


# --- refused in one line -------------------------------------------------------------------------
@pytest.mark.parametrize("member", ["article.json", PICTURE])
def test_a_member_locked_with_a_password_is_refused_in_one_line(demo, tmp_path, member):
    path = tmp_path / "locked.pipw"
    path.write_bytes(demo.read_bytes())
    _set_flag(path, member, 0x1)
    _refused_in_one_line(_pipwriter("check", path), "password")
    with pytest.raises(ProjectFileError, match="password"):
        load_project(path)


def test_article_json_twice_is_refused_not_read_one_way_or_the_other(demo, tmp_path):
    members = _members(demo)
    article = json.loads(dict(members)["article.json"])
    article["title"] = "The second copy"
    path = tmp_path / "twice.pipw"
    with pytest.warns(UserWarning, match="Duplicate name"):
        _write(path, [*members, ("article.json", json.dumps(article).encode())])
    _refused_in_one_line(_pipwriter("check", path), "article.json", "twice")


@pytest.mark.heavy
def test_a_picture_that_inflates_to_2_gib_is_refused_and_memory_stays_small(demo, tmp_path):
    path = _picture_bomb(demo, tmp_path / "bomb.pipw", 2048 * MB)
    assert path.stat().st_size < 5 * MB
    _refused_in_one_line(_pipwriter("check", path), "implausibly large")
    _refused_in_one_line(_pipwriter("export", path, "--draft", "--out", tmp_path / "out"))
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


def test_many_pictures_each_inflating_to_hundreds_of_mb_are_refused(demo, tmp_path):
    """Under the 1 GiB of a clip each, but together far more than any real file holds."""
    path = _picture_bomb(demo, tmp_path / "bomb.pipw", 300 * MB)
    with pytest.raises(ProjectFileError, match="implausibly large"):
        load_project(path)


# --- damaged pictures: a must-fix, never a crash at export ----------------------------------
def _bad_checksum(demo: Path, path: Path) -> Path:
    path.write_bytes(demo.read_bytes())
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo(PICTURE)
    data = bytearray(path.read_bytes())
    data[info.header_offset + 30 + len(info.filename) + len(info.extra) + 5000] ^= 0xFF
    path.write_bytes(bytes(data))
    return path


def _not_a_picture(demo: Path, path: Path) -> Path:
    return _write(path, [(n, b"Dear editor, " * 100 if n == PICTURE else d)
                         for n, d in _members(demo)])


@pytest.mark.parametrize("make, words", [(_bad_checksum, "damaged"),
                                         (_not_a_picture, "not a picture")])
def test_a_damaged_picture_is_a_must_fix_and_never_crashes_the_export(demo, tmp_path, make,
                                                                      words):
    path = make(demo, tmp_path / "odd.pipw")
    result = _pipwriter("check", path, "--json")
    assert result["code"] == 1 and not result["stderr"], result
    found = [f for f in json.loads(result["stdout"])["findings"] if f["code"] == "media-damaged"]
    assert len(found) == 1 and found[0]["severity"] == "error" and words in found[0]["message"]
    _quick_and_small(result)
    blocked = _pipwriter("export", path, "--out", tmp_path / "out")
    assert blocked["code"] == 1 and "Traceback" not in blocked["stderr"], blocked
    assert "Must fix: The file of an illustration" in blocked["stderr"]
    draft = _pipwriter("export", path, "--draft", "--out", tmp_path / "draft")
    assert draft["code"] == 1 and "Traceback" not in draft["stderr"], draft
    assert "BadZipFile" not in draft["stderr"] + draft["stdout"]


def test_a_draft_export_leaves_a_damaged_picture_out_and_says_so(demo, tmp_path):
    from pipwriter.export.bundle import export_bundle
    project = load_project(_bad_checksum(demo, tmp_path / "odd.pipw"))
    result = export_bundle(project, tmp_path / "out", draft=True)
    assert any("damaged" in w and "left out" in w for w in result.warnings), result.warnings
    assert not any(p.suffix == ".png" for p in result.files)


# --- half characters (lone surrogates) ---------------------------------------------------------
def test_half_characters_in_a_file_are_repaired_on_opening_with_a_warning(demo, tmp_path):
    def change(article):
        article["title"] = "Walking \ud800 together"
        article["sections"][0]["body"][0]["runs"][0]["t"] = "A pair \ud83d\ude00 and \udc00"
        article["authors"][0]["name"] = "Sam \udfff Jones"
    path = _with_article(demo, tmp_path / "halves.pipw", change)
    project = load_project(path)
    assert project.article.title == "Walking \ufffd together"
    assert project.article.sections[0].body.paragraphs[0].text().startswith(
        "A pair \U0001F600 and \ufffd")
    assert project.article.authors[0].name == "Sam \ufffd Jones"
    assert any("\ufffd" in w for w in project.warnings)
    again = load_project(save_project(project, tmp_path / "again.pipw"))
    assert again.article.to_json() == project.article.to_json() and not again.warnings
    result = _pipwriter("check", path)
    assert result["code"] in (0, 1) and not result["stderr"], result


def test_a_half_character_that_reached_the_model_never_stops_a_save(tmp_path, small_project):
    """File › Save did nothing at all when a title held one (UnicodeEncodeError)."""
    small_project.article.title = "Broken \ud83d title"
    small_project.article.key_messages = ["Half \udc00"]
    path = save_project(small_project, tmp_path / "a.pipw")
    loaded = load_project(path)
    assert loaded.article.title == "Broken \ufffd title"
    assert loaded.article.key_messages == ["Half \ufffd"]


def test_text_written_by_a_tool_that_encodes_halves_one_by_one_opens(demo, tmp_path):
    """Some tools write each half of a character as three UTF-8 bytes (CESU-8)."""
    members = []
    for name, data in _members(demo):
        if name == "article.json":
            article = json.loads(data)
            article["title"] = "Smile \ud83d\ude00 and \ud800"
            data = json.dumps(article, ensure_ascii=False).encode("utf-8", "surrogatepass")
        members.append((name, data))
    project = load_project(_write(tmp_path / "cesu.pipw", members))
    assert project.article.title == "Smile \U0001F600 and \ufffd"


# --- pathological text: readability and spelling in proportion to the text ------------------
SIZE = 12_000
NORMAL = "The patient walked to the clinic with her daughter, who had asked the nurse. "
ODD = {
    "full stops": ".",
    "question marks": "?!",
    "stops and capitals": "A. ",
    "stops in a word": "a.",
    "hyphens in a word": "a-",
    "at signs": "a@",
    "closing quotes": '."',
    "accented endings": "é!",
    "one long word": "x",
    "dots and slashes": "./",
    "a web address": "http://a",
}


def _cost(function, text: str, repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.process_time()
        function(text)
        best = min(best, time.process_time() - start)
    return best


@pytest.fixture(scope="module")
def engine() -> SpellEngine:
    engine = SpellEngine("en_GB")
    engine.warm_up()
    return engine


@pytest.mark.parametrize("kind", list(ODD))
def test_readability_and_spelling_take_time_in_proportion_to_the_text(engine, kind):
    """No absolute times: odd text may cost at most ten times ordinary text of the same
    length (before, 12,000 full stops cost readability about 600 times as much, 60,000 half a
    minute)."""
    odd = (ODD[kind] * (SIZE // len(ODD[kind]) + 1))[:SIZE]
    normal = (NORMAL * (SIZE // len(NORMAL) + 1))[:SIZE]
    engine.clear_cache()
    for name, function in (("readability", analyse), ("spelling", engine._check)):
        baseline = max(_cost(function, normal), 0.002)
        assert _cost(function, odd) < 10 * baseline, (name, kind)


def test_sixty_kb_of_full_stops_checks_in_seconds(demo, tmp_path):
    def change(article):
        article["sections"][0]["body"] = [{"style": "body", "runs": [{"t": "." * 60_000}]}]
    result = _pipwriter("check", _with_article(demo, tmp_path / "dots.pipw", change))
    assert result["code"] in (0, 1) and not result["stderr"], result
    _quick_and_small(result)


@pytest.mark.heavy
def test_fifty_thousand_references_cost_about_ten_times_five_thousand(demo, tmp_path):
    """In proportion: the check of 50,000 references took 125 s (each reference was looked for
    in the list of uncited ones)."""
    def references(n):
        def change(article):
            first = article["references"][0]
            article["references"] = [dict(first, id=f"ref-{i}", title=f"Study {i}. Results")
                                     for i in range(n)]
        return change
    small = _pipwriter("check", _with_article(demo, tmp_path / "5k.pipw", references(5000)))
    large = _pipwriter("check", _with_article(demo, tmp_path / "50k.pipw", references(50_000)))
    assert small["code"] == large["code"] == 1 and not large["stderr"], large
    assert large["cpu"] < 25 * small["cpu"], (small["cpu"], large["cpu"])
    assert large["memory_mb"] < MEMORY_MB


# --- the app: a message, never a window that closes before it opens ---------------------------
def test_the_app_given_a_hostile_file_says_so_and_shows_the_start_window(controller, demo,
                                                                        tmp_path):
    from pipwriter.app import _open_first
    path = tmp_path / "locked.pipw"
    path.write_bytes(demo.read_bytes())
    _set_flag(path, "article.json", 0x1)
    _open_first(controller, path)
    assert controller.dialogs.errors and "password" in controller.dialogs.errors[-1][1]
    assert not controller.windows and controller.start.isVisible()


def test_opening_a_locked_file_in_the_app_gives_a_message(controller, demo, tmp_path):
    """Before: RuntimeError out of File › Open (and an app that closed before any window)."""
    path = tmp_path / "locked.pipw"
    path.write_bytes(demo.read_bytes())
    _set_flag(path, PICTURE, 0x1)
    assert controller.open_path(path) is None
    title, text = controller.dialogs.errors[-1]
    assert "password" in text and "\n" not in text


def test_the_app_survives_a_fault_no_one_foresaw(controller, tmp_path, monkeypatch):
    from pipwriter.app import _open_first

    def broken(path):
        raise RuntimeError("something nobody expected")
    monkeypatch.setattr(controller, "open_path", broken)
    _open_first(controller, tmp_path / "odd.pipw")
    title, text = controller.dialogs.errors[-1]
    assert "'odd.pipw' could not be opened" in text and "\n" not in text
    assert controller.start.isVisible()


# --- temporary files --------------------------------------------------------------------------
def test_temporary_files_are_named_with_the_process_that_writes_them(tmp_path):
    target = tmp_path / "a.pipw"
    with atomic.atomic_writer(target) as handle:
        [temp] = [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
        assert temp.name.startswith(f".a.pipw.{os.getpid()}-")
        handle.write(b"x")
    assert [p.name for p in tmp_path.iterdir()] == ["a.pipw"]


def _dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_stale_temporary_files_of_ended_processes_are_removed_and_no_others(tmp_path):
    target = tmp_path / "my article.pipw"
    target.write_bytes(b"the article")
    old = time.time() - 3600
    dead, live = _dead_pid(), os.getppid()
    names = {"crashed": f".my article.pipw.{dead}-abc123_z.tmp",
             "older kind": ".my article.pipw.k2j4h5g6.tmp",
             "running": f".my article.pipw.{live}-abcdefgh.tmp",
             "ours": f".my article.pipw.{os.getpid()}-abcdefgh.tmp",
             "recent": f".my article.pipw.{dead}-zzzzzzzz.tmp",
             "another file's": f".other.pipw.{dead}-abcdefgh.tmp",
             "not ours at all": "my article.pipw.bak"}
    for kind, name in names.items():
        (tmp_path / name).write_bytes(b"a full copy")
        if kind != "recent":
            os.utime(tmp_path / name, (old, old))
    removed = atomic.remove_stale_temp_files(target)
    assert sorted(p.name for p in removed) == sorted([names["crashed"], names["older kind"]])
    left = {p.name for p in tmp_path.iterdir()}
    assert left == {target.name} | (set(names.values()) - {p.name for p in removed})


def test_temporary_files_are_hidden_on_windows_and_shown_before_they_take_the_name(
        tmp_path, monkeypatch):
    """Windows shows dot files; the hidden attribute must not pass on to the saved file."""
    calls: list[tuple[str, str, int]] = []
    attributes: dict[str, int] = {}

    class Kernel32:
        def GetFileAttributesW(self, path):  # noqa: N802 - the Windows API's name
            return attributes.get(path, 0x20)                 # FILE_ATTRIBUTE_ARCHIVE

        def SetFileAttributesW(self, path, value):  # noqa: N802
            calls.append(("set", Path(path).name, value))
            attributes[path] = value
            return 1

    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setattr(ctypes, "WinDLL", lambda *a, **k: Kernel32(), raising=False)
    target = tmp_path / "a.pipw"
    with atomic.atomic_writer(target) as handle:
        handle.write(b"x")
    temp = calls[0][1]
    assert temp.endswith(".tmp") and calls == [("set", temp, 0x22), ("set", temp, 0x20)]
    assert target.read_bytes() == b"x"


def test_the_app_removes_stale_temporary_files_when_it_starts(tmp_path):
    from pipwriter.app import _remove_stale_temp_files
    target = tmp_path / "a.pipw"
    target.write_bytes(b"x")
    stale = tmp_path / f".a.pipw.{_dead_pid()}-abcdefgh.tmp"
    stale.write_bytes(b"copy")
    os.utime(stale, (time.time() - 3600,) * 2)
    _remove_stale_temp_files([target])
    deadline = time.monotonic() + 10
    while stale.exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not stale.exists() and target.exists()
