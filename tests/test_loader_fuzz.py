"""The project loader under attack: random bytes, cut-short and damaged zips, zip bombs, huge or
hostile JSON and unsafe member names. It must always either load or fail with our own
ProjectFileError (one sentence for the user): never another exception, never a hang or an
unbounded read, and never a write anywhere.
"""

from __future__ import annotations

import io
import json
import os
import struct
import tracemalloc
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipwriter.model.article.media import Illustration, MediaRef
from pipwriter.model.errors import ProjectFileError
from pipwriter.model.storage.project_file import load_project, save_project

pytestmark = pytest.mark.heavy

FUZZ = settings(max_examples=150, deadline=None, database=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture,
                                       HealthCheck.too_slow, HealthCheck.data_too_large])

UNSAFE_NAMES = ["../evil.txt", "/etc/passwd", "media/../../evil", "C:/evil", "C:\\evil",
                "media\\..\\evil", "..", "media/./x.png", "a//b", "\\\\server\\share\\x",
                "media/\x00.png", ""]


def _tree(folder: Path) -> set[str]:
    return {str(p.relative_to(folder)) for p in folder.rglob("*")} if folder.exists() else set()


@pytest.fixture
def valid(tmp_path, small_project):
    """A real project file (with a picture) as bytes, and the folder the cases go in."""
    name = small_project.media.add_bytes(b"\x89PNG" + os.urandom(3000), "png")
    small_project.article.illustrations.append(Illustration(MediaRef(name)))
    path = save_project(small_project, tmp_path / "source.pipw")
    data = path.read_bytes()
    path.unlink()
    return data


@pytest.fixture
def watched(tmp_path, monkeypatch):
    """Fail if anything outside ``tmp_path/case.pipw`` (and an out.pipw the test saves) changes:
    the tests' folder, its neighbours, the user's data folder or the working folder."""
    work = tmp_path.parent
    user = Path(os.environ["PIPWRITER_USER_DIR"])
    cwd = tmp_path / "cwd"
    cwd.mkdir()
    monkeypatch.chdir(cwd)
    before = (_tree(work), _tree(user))
    yield tmp_path / "case.pipw"
    allowed = {f"{tmp_path.name}/case.pipw", f"{tmp_path.name}/out.pipw"}
    assert _tree(work) - allowed == before[0] - allowed
    assert _tree(user) == before[1]
    assert _tree(cwd) == set()


def _check(path: Path, data: bytes, out: Path | None = None):
    """Load ``data``: it loads or raises ProjectFileError; anything else fails the test."""
    path.write_bytes(data)
    try:
        project = load_project(path)
    except ProjectFileError as error:
        message = str(error)
        assert message and "\n" not in message and "Traceback" not in message
        return None
    project.article.to_json()
    if out is not None:                 # what loaded can be saved again, or says why not
        try:
            save_project(project, out)
        except ProjectFileError:
            pass
    return project


def _zip(members: list[tuple[str, bytes]], method=zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", method) as archive:
        for name, content in members:
            archive.writestr(zipfile.ZipInfo(name, (2020, 1, 1, 0, 0, 0)), content)
    return buffer.getvalue()


def _members(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {info.filename: archive.read(info) for info in archive.infolist()}


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=30),
    lambda inner: st.lists(inner, max_size=5) | st.dictionaries(st.text(max_size=12), inner,
                                                                 max_size=5),
    max_leaves=20)


# --- random and damaged bytes ---------------------------------------------------------------
@FUZZ
@given(noise=st.binary(max_size=2048), zip_like=st.booleans())
def test_random_bytes(watched, noise, zip_like):
    data = (b"PK\x03\x04" + noise) if zip_like else noise
    assert _check(watched, data) is None


@FUZZ
@given(cut=st.floats(0, 1, exclude_max=True))
def test_truncated_project(watched, valid, cut):
    assert _check(watched, valid[:int(len(valid) * cut)]) is None


@FUZZ
@given(changes=st.lists(st.tuples(st.floats(0, 1, exclude_max=True), st.integers(0, 255)),
                        min_size=1, max_size=8))
def test_damaged_bytes(watched, valid, changes, tmp_path):
    data = bytearray(valid)
    for where, value in changes:
        data[int(len(data) * where)] = value
    _check(watched, bytes(data), tmp_path / "out.pipw")


# --- hostile contents -----------------------------------------------------------------------
@FUZZ
@given(data=st.data())
def test_mutated_article_and_manifest(watched, valid, data, tmp_path):
    members = _members(valid)
    which = data.draw(st.sampled_from(["article.json", "manifest.json"]))
    document = json.loads(members[which])
    parent, key, node = None, None, document          # walk down to a random place...
    for _depth in range(data.draw(st.integers(0, 5))):
        if isinstance(node, dict) and node:
            step = data.draw(st.sampled_from(sorted(node)))
        elif isinstance(node, list) and node:
            step = data.draw(st.integers(0, len(node) - 1))
        else:
            break
        parent, key, node = node, step, node[step]
    value = data.draw(json_values)                    # ...and put something else there
    if parent is None:
        document = value
    elif isinstance(parent, dict) and data.draw(st.booleans()):
        parent[data.draw(st.text(max_size=10))] = value
    else:
        parent[key] = value
    members[which] = json.dumps(document).encode()
    _check(watched, _zip(list(members.items())), tmp_path / "out.pipw")


@pytest.mark.filterwarnings("ignore:Duplicate name")
@FUZZ
@given(extra=st.lists(st.tuples(st.sampled_from(UNSAFE_NAMES) | st.text(max_size=20),
                                st.binary(max_size=64)), min_size=1, max_size=4))
def test_member_names(watched, valid, extra, tmp_path):
    members = list(_members(valid).items()) + extra
    project = _check(watched, _zip(members), tmp_path / "out.pipw")
    if any(name in UNSAFE_NAMES[:10] for name, _content in extra):
        assert project is None                            # refused, to protect the computer
    assert not (tmp_path.parent / "evil.txt").exists() and not Path("/evil").exists()


@FUZZ
@given(manifest=json_values, article=json_values)
def test_arbitrary_json_members(watched, manifest, article):
    members = [("manifest.json", json.dumps(manifest).encode()),
               ("article.json", json.dumps(article).encode())]
    assert _check(watched, _zip(members)) is None


@pytest.mark.parametrize("text", [
    "[" * 100_000 + "]" * 100_000,                         # nesting deeper than Python
    '{"title": ' + "9" * 50_000 + "}",                     # a number too long to convert
    '{"authors": [' + ",".join(['{"name": "A", "id": "a"}'] * 5000) + "]}",  # one id, 5000 times
    '{"sections": "not a list"}',
    '{"id": "../../outside"}',
    "\ufeff{}", '{"title": NaN}', "null", "",
])
def test_hostile_article_json(watched, valid, text):
    members = _members(valid)
    members["article.json"] = text.encode("utf-8")
    assert _check(watched, _zip(list(members.items()))) is None


def test_text_and_lists_over_the_limits_open_with_a_warning(watched, valid):
    """Over the limits is not damaged (test_hostile_files.py has the details)."""
    members = _members(valid)
    members["article.json"] = ('{"title": "' + "x" * 3_000_000 + '", "authors": [' + ",".join(
        f'{{"name": "A", "id": "a{n}"}}' for n in range(5000)) + "]}").encode("utf-8")
    project = _check(watched, _zip(list(members.items())))
    assert len(project.article.title) == 3_000_000 and len(project.article.authors) == 5000
    assert any("title" in w for w in project.warnings)
    assert any("authors" in w for w in project.warnings)


# --- zip bombs --------------------------------------------------------------------------------
def _bomb(valid: bytes, member: str, size: int) -> bytes:
    """``valid`` with ``member`` replaced by ``size`` bytes of spaces, deflated to a sliver."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in _members(valid).items():
            if name != member:
                archive.writestr(name, content)
        info = zipfile.ZipInfo(member, (2020, 1, 1, 0, 0, 0))
        info.compress_type = zipfile.ZIP_DEFLATED
        with archive.open(info, "w", force_zip64=False) as out:
            chunk = b" " * (1 << 20)
            for _ in range(size // len(chunk)):
                out.write(chunk)
    return buffer.getvalue()


def _lie_about_size(data: bytes, member: str, claimed: int) -> bytes:
    """Rewrite the uncompressed size recorded for ``member`` in both zip headers."""
    out = bytearray(data)
    name = member.encode()
    local = out.find(b"PK\x03\x04" + b"\x00" * 0, 0)
    while local != -1:
        length = struct.unpack_from("<H", out, local + 26)[0]
        if bytes(out[local + 30:local + 30 + length]) == name:
            struct.pack_into("<I", out, local + 22, claimed)
        local = out.find(b"PK\x03\x04", local + 4)
    central = out.find(b"PK\x01\x02")
    while central != -1:
        length = struct.unpack_from("<H", out, central + 28)[0]
        if bytes(out[central + 46:central + 46 + length]) == name:
            struct.pack_into("<I", out, central + 24, claimed)
        central = out.find(b"PK\x01\x02", central + 4)
    return bytes(out)


def _peak_while(action) -> int:
    tracemalloc.start()
    try:
        action()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_bomb_declaring_its_size_is_refused_before_unpacking(watched, valid):
    data = _bomb(valid, "article.json", 256 << 20)
    assert len(data) < 1_000_000
    peak = _peak_while(lambda: _check(watched, data))
    assert _check(watched, data) is None
    assert peak < 16 << 20                                 # never unpacked


def test_bomb_lying_about_its_size_is_cut_off(watched, valid):
    data = _lie_about_size(_bomb(valid, "article.json", 256 << 20), "article.json", 5000)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert archive.getinfo("article.json").file_size == 5000
    peak = _peak_while(lambda: _check(watched, data))
    assert _check(watched, data) is None
    assert peak < 16 << 20                                 # unpacks only what it declared


def test_media_bomb_is_not_unpacked_on_opening(watched, valid, tmp_path):
    name = json.loads(_members(valid)["article.json"])["illustrations"][0]["media"]["name"]
    data = _bomb(valid, f"media/{name}", 256 << 20)
    peak = _peak_while(lambda: _check(watched, data))
    assert peak < 16 << 20                                 # media is read only when needed
    project = _check(watched, data)
    assert project is not None and project.media.size(name) == 256 << 20


def test_the_seed_file_loads(watched, valid, tmp_path):
    """The damaged cases start from a file that loads and saves, so each failure above is
    caused by the damage."""
    project = _check(watched, valid, tmp_path / "out.pipw")
    assert project is not None and project.missing_media() == []
    assert load_project(tmp_path / "out.pipw").article.title == "Walking together"


@pytest.mark.parametrize("name", [":\n", "\x00", "../\t/evil", "/\u202eevil"])
def test_unsafe_name_is_shown_on_one_printable_line(watched, valid, name, tmp_path):
    """Found by the fuzzer: a member name with a line break broke the message over lines."""
    from pipwriter.model.errors import PipError
    from pipwriter.model.storage.project_file import load_project
    path = tmp_path / "case.pipw"
    path.write_bytes(_zip(list(_members(valid).items()) + [(name, b"")]))
    with pytest.raises(PipError) as caught:
        load_project(path)
    message = str(caught.value)
    assert "unsafe file name" in message and message.isprintable()
