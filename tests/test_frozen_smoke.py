"""The frozen app's window works, its log is written, and the bundle is under 100 MB.

Uses the bundle tests/test_frozen.py builds (dist/, rebuilt when a source is newer). The window
check is the frozen program's own ``self-test`` with ``PIPWRITER_SELFTEST_GUI=1``: the real main
window opens the demo, takes typed keys, saves through File › Save As and exports through the
export dialog. It runs on an X server of its own (Xvfb) when there is one, so the bundled xcb
platform and X libraries are used as on a desktop; otherwise Qt's offscreen platform.
Skipped unless PIPWRITER_FROZEN_TEST=1 (.ci/run sets it).
"""

from __future__ import annotations

import importlib.util
import os
import select
import shutil
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

pytestmark = [
    pytest.mark.frozen,
    pytest.mark.skipif(os.environ.get("PIPWRITER_FROZEN_TEST") != "1",
                       reason="set PIPWRITER_FROZEN_TEST=1 to build and test the frozen app"),
]

ROOT = Path(__file__).resolve().parent.parent
MB = 1024 * 1024
LIMIT_MB = 100


def _load_build():
    name = "pipwriter_packaging_build"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, ROOT / "packaging" / "build.py")
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]


@pytest.fixture(scope="module")
def build():
    pytest.importorskip("PyInstaller")
    module = _load_build()
    if not module.is_fresh():
        module.build()
    return module


@contextmanager
def _display() -> Iterator[dict[str, str]]:
    """Environment for a GUI run: our own Xvfb on Linux when installed, else offscreen."""
    if not sys.platform.startswith("linux") or shutil.which("Xvfb") is None:
        yield {"QT_QPA_PLATFORM": "offscreen"} if sys.platform.startswith("linux") else {}
        return
    read_end, write_end = os.pipe()
    server = subprocess.Popen(["Xvfb", "-displayfd", str(write_end), "-nolisten", "tcp",
                               "-screen", "0", "1366x768x24"], pass_fds=(write_end,),
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(write_end)
    try:
        ready, _, _ = select.select([read_end], [], [], 30)
        number = os.read(read_end, 32).decode().strip() if ready else ""
        assert number, "Xvfb did not start"
        yield {"DISPLAY": f":{number}", "QT_QPA_PLATFORM": "xcb"}
    finally:
        server.terminate()
        server.wait(timeout=30)
        os.close(read_end)   # only now: Xvfb may write to it again while it runs


def test_frozen_window_opens_the_demo_takes_typing_saves_and_exports(build, tmp_path):
    user = tmp_path / "user"
    with _display() as display:
        env = dict(build.self_test_env(str(user)), PIPWRITER_SELFTEST_GUI="1", **display)
        env.pop("WAYLAND_DISPLAY", None)
        result = subprocess.run([str(build.cli_executable()), "self-test"], env=env,
                                cwd=tmp_path, capture_output=True, text=True, timeout=600)
    lines = result.stdout.splitlines()
    assert result.returncode == 0, result.stdout + result.stderr
    assert any(line.startswith("ok    window: demo opened, typed into, saved and exported")
               for line in lines), result.stdout
    if "QT_QPA_PLATFORM" in display:
        assert f"({display['QT_QPA_PLATFORM']})" in result.stdout   # the platform really used
    assert lines[-1] == "self-test passed"


def test_frozen_self_test_says_where_the_log_is_and_writes_it(build, tmp_path):
    """The windowed Windows app has no console: its self-test output must be in the log."""
    user = tmp_path / "user"
    result = subprocess.run([str(build.cli_executable()), "self-test"],
                            env=build.self_test_env(str(user)), cwd=tmp_path,
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    first = result.stdout.splitlines()[0]
    assert first == f"log   {user / 'log'}"
    log = (user / "log" / "pipwriter.log").read_text(encoding="utf-8")
    assert "self-test passed" in log and "ok    export" in log


def test_bundle_is_under_100_mb(build):
    size, files = build.folder_size(build.bundle_path())
    print(f"frozen bundle: {size / MB:.1f} MB, {files} files")
    assert size < LIMIT_MB * MB


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="ICU is bundled on Linux only")
def test_bundled_icu_data_is_trimmed(build):
    """packaging/icu_trim.py cut ICU's 30 MB of data to what Qt uses (about 6 MB)."""
    found = list(build.bundle_path().rglob("libicudata.so.*"))
    real = [p for p in found if not p.is_symlink()]
    assert real, found
    for library in real:
        assert library.stat().st_size < 10 * MB, (library, library.stat().st_size)
