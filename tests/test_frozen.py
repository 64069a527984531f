"""The frozen app (PyInstaller bundle from packaging/pipwriter.spec) starts and works.

Builds the bundle into dist/ unless a build newer than every source file is already there
(about 20 s here), then runs the frozen program the way users and CI do. Skipped unless
PIPWRITER_FROZEN_TEST=1 (.ci/run sets it).
"""

from __future__ import annotations

import importlib.util
import json
import os
import sys
from pathlib import Path

import pytest

import pipwriter

pytestmark = [
    pytest.mark.frozen,
    pytest.mark.skipif(os.environ.get("PIPWRITER_FROZEN_TEST") != "1",
                       reason="set PIPWRITER_FROZEN_TEST=1 to build and test the frozen app"),
]

ROOT = Path(__file__).resolve().parent.parent
MB = 1024 * 1024


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


@pytest.fixture(scope="module")
def internal(build) -> Path:
    """The folder holding the bundled files (``_internal``, or ``Contents/Frameworks``)."""
    bundle = build.bundle_path()
    folder = bundle / "Contents" / "Resources" if sys.platform == "darwin" else bundle / "_internal"
    assert folder.is_dir()
    return folder


def test_frozen_self_test_passes(build):
    result = build.run_frozen(["self-test"])
    lines = result.stdout.splitlines()
    assert result.returncode == 0, result.stdout + result.stderr
    assert lines[-1] == "self-test passed"
    assert not [line for line in lines if line.startswith("FAIL")]


def test_frozen_app_reports_the_project_version(build):
    result = build.run_frozen(["--version"])
    assert result.returncode == 0
    assert result.stdout.strip() == f"{pipwriter.APP_NAME} {pipwriter.__version__}"


def test_frozen_command_line_writes_and_checks_the_demo(build, tmp_path):
    demo = tmp_path / f"demo{pipwriter.FILE_EXTENSION}"
    made = build.run_frozen(["demo", str(demo)])
    assert made.returncode == 0, made.stderr
    checked = build.run_frozen(["check", str(demo), "--json"])
    assert checked.returncode in (0, 1) and checked.stdout, checked.stderr  # 1 = blocked
    assert json.loads(checked.stdout)["counts"]["words_counted"] > 0


def test_bundle_carries_every_resource(build, internal):
    source = ROOT / "resources"
    wanted = {p.relative_to(source) for p in source.rglob("*") if p.is_file()}
    bundled = {p.relative_to(internal / "resources")
               for p in (internal / "resources").rglob("*") if p.is_file()}
    assert wanted <= bundled


def test_bundle_leaves_out_unused_qt_parts(build, internal):
    files = [p.relative_to(internal).as_posix().lower() for p in internal.rglob("*")]
    assert not [f for f in files if f.endswith(".qm")], "Qt translations are not needed"
    for unused in ("qt6quick", "qt6qml", "qt6network", "qt6pdf", "qtquick.framework",
                   "qtnetwork.framework", "opengl32sw", "/platformthemes/", "wayland"):
        assert not [f for f in files if unused in f], unused


def test_bundle_stays_small(build):
    size, _files = build.folder_size(build.bundle_path())
    print(f"frozen bundle: {size / MB:.1f} MB")
    assert size < 120 * MB
