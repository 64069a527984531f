"""Size of the frozen app (PyInstaller, one folder), and how long the last build took.

Reports what ``python packaging/build.py`` left in dist/ and build/: nothing is built here (a
build takes 20 s to 2 min). The full run also times the start-up to the window with the demo
open, frozen and from source (see ``startup_rows``), and the headless ``pipwriter check`` of the
demo, frozen against from source, with whether the frozen one loaded Qt (``check_rows``; issue 23:
within 1.2 times, Qt never loaded). MB here are MiB (1,048,576 bytes), as in
all these figures. Without a build the rows say so. ``python benchmarks/bench_bundle_size.py``
prints the same figures on their own.
"""

from __future__ import annotations

import importlib.util
import json
import os
import select
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MB = 1024 * 1024
LIMIT_MB = 100   # tests/test_frozen_smoke.py holds the Linux bundle to this


def _build_module():
    name = "pipwriter_packaging_build"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, ROOT / "packaging" / "build.py")
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]


def _largest_parts(bundle: Path, folder_size, count: int = 4) -> list[dict]:
    inner = next((p for p in (bundle / "_internal", bundle / "Contents" / "Frameworks")
                  if p.is_dir()), None)
    if inner is None:
        return []
    sizes = []
    for child in inner.iterdir():
        size = folder_size(child)[0] if child.is_dir() else child.lstat().st_size
        sizes.append((size, child.name))
    return [{"name": f"  of which {name}", "value": round(size / MB, 1), "unit": "MB"}
            for size, name in sorted(sizes, reverse=True)[:count]]


@contextmanager
def _xvfb():
    """An X server of our own; yields its DISPLAY (keeps the pipe Xvfb reported on open)."""
    read_end, write_end = os.pipe()
    server = subprocess.Popen(["Xvfb", "-displayfd", str(write_end), "-nolisten", "tcp",
                               "-screen", "0", "1366x768x24"], pass_fds=(write_end,),
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(write_end)
    try:
        ready, _, _ = select.select([read_end], [], [], 30)
        yield f":{os.read(read_end, 32).decode().strip()}" if ready else None
    finally:
        server.terminate()
        server.wait(timeout=30)
        os.close(read_end)


def _seconds_to_window(command: list[str], display: str, title: str) -> float:
    """From just before starting ``command`` until X has a window whose name has ``title``."""
    with tempfile.TemporaryDirectory(prefix="pipwriter-start-") as user:
        env = dict(os.environ, DISPLAY=display, QT_QPA_PLATFORM="xcb", PIPWRITER_USER_DIR=user)
        env.pop("PIPWRITER_RESOURCES", None)
        started = time.perf_counter()
        app = subprocess.Popen(command, env=env, cwd=user, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
        try:
            while time.perf_counter() - started < 60 and app.poll() is None:
                tree = subprocess.run(["xwininfo", "-root", "-tree"], env=env,
                                      capture_output=True, text=True).stdout
                if title in tree:
                    return time.perf_counter() - started
                time.sleep(0.01)
            raise RuntimeError(f"no window for {command[0]} within 60 s")
        finally:
            app.kill()
            app.wait()


def startup_rows(build, runs: int = 5) -> list[dict]:
    """Start-up to the window with the demo open: the frozen app against ``python -m pipwriter``
    (Linux, Xvfb and xwininfo needed), median of ``runs`` after one warm-up start each. The window counts when X maps it (before its first
    paint), found by polling xwininfo every 10 ms, so both figures include the same small lag."""
    if not (sys.platform.startswith("linux") and shutil.which("Xvfb") and
            shutil.which("xwininfo")):
        return [{"name": "start-up to the demo window", "value": "not measured: needs Linux, "
                 "Xvfb and xwininfo", "unit": ""}]
    sys.path.insert(0, str(ROOT))
    from pipwriter.model.storage.demo import demo_project, write_demo
    title = demo_project().article.title[:40]
    rows = []
    with tempfile.TemporaryDirectory() as folder, _xvfb() as display:
        demo = write_demo(Path(folder) / "demo.pipw")
        for name, command in (("frozen app", [str(build.cli_executable()), str(demo)]),
                              ("from source", [sys.executable, "-m", "pipwriter", str(demo)])):
            _seconds_to_window(command, display, title)           # warm-up, not counted
            times = sorted(_seconds_to_window(command, display, title) for _ in range(runs))
            rows.append({"name": f"start-up to the demo window, {name}",
                         "value": round(statistics.median(times) * 1000), "unit": "ms"})
    return rows


CHECK_TARGET = 1.2    # frozen `check` at most this many times the source's, Qt not loaded


def check_rows(build, runs: int = 7) -> list[dict]:
    """``pipwriter check demo.pipw``, a whole process each time, frozen against from source
    (bytecode compiled first, as installed), alternating, medians; and whether the frozen
    process opened Qt's core library (seen with strace, where there is one)."""
    sys.path.insert(0, str(ROOT))
    from pipwriter.model.storage.demo import write_demo
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "pipwriter")],
                   check=True, capture_output=True)
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        demo = str(write_demo(Path(folder) / "demo.pipw"))
        frozen = [str(build.cli_executable()), "check", demo]
        source = [sys.executable, "-m", "pipwriter", "check", demo]
        times: dict[str, list[float]] = {"frozen": [], "source": []}
        for _ in range(runs + 1):                       # the first of each is a warm-up
            for name, command in (("frozen", frozen), ("source", source)):
                started = time.perf_counter()
                subprocess.run(command, cwd=ROOT, capture_output=True, timeout=120)
                times[name].append(time.perf_counter() - started)
        medians = {name: statistics.median(values[1:]) for name, values in times.items()}
        ratio = medians["frozen"] / medians["source"]
        rows += [{"name": "pipwriter check demo, frozen", "value": round(medians["frozen"] * 1000),
                  "unit": "ms"},
                 {"name": "pipwriter check demo, from source",
                  "value": round(medians["source"] * 1000), "unit": "ms"},
                 {"name": f"  frozen / source (target at most {CHECK_TARGET})",
                  "value": round(ratio, 2), "unit": "x, met" if ratio <= CHECK_TARGET
                  else "x, NOT met"}]
        if shutil.which("strace"):
            traced = subprocess.run(["strace", "-f", "-e", "trace=openat", *frozen],
                                    capture_output=True, text=True, timeout=120)
            loaded = any("libQt6Core" in line and "ENOENT" not in line
                         for line in traced.stderr.splitlines())     # opened, not just sought
            rows.append({"name": "  frozen check loads Qt", "value": "yes" if loaded else "no",
                         "unit": ""})
    return rows


def run(quick: bool) -> list[dict]:
    build = _build_module()
    bundle = build.bundle_path()
    if not bundle.exists():
        return [{"name": "frozen bundle", "value": "not built: python packaging/build.py",
                 "unit": ""}]
    size, files = build.folder_size(bundle)
    rows = [{"name": f"frozen bundle size, unpacked ({bundle.name})",
             "value": round(size / MB, 1), "unit": "MB"},
            {"name": f"  target: under {LIMIT_MB} MB", "value": "met" if size < LIMIT_MB * MB
             else "NOT met", "unit": ""},
            {"name": "frozen bundle files", "value": files, "unit": "files"}]
    icu = [p for p in bundle.rglob("libicudata.so.*") if not p.is_symlink()]
    if icu:  # Linux: packaging/icu_trim.py cuts it from 30.5 MB
        rows.append({"name": "  ICU data (libicudata, trimmed)",
                     "value": round(sum(p.stat().st_size for p in icu) / MB, 1), "unit": "MB"})
    if not quick:
        rows += _largest_parts(bundle, build.folder_size)
        rows += startup_rows(build, runs=7)
        rows += check_rows(build)
    if build.BUILD_RECORD.exists():
        record = json.loads(build.BUILD_RECORD.read_text(encoding="utf-8"))
        rows.append({"name": f"last build time ({record.get('platform', '?')})",
                     "value": record.get("seconds"), "unit": "s"})
    for installer in sorted([*build.DIST.glob("installer/*.exe"), *build.DIST.glob("*.dmg")]):
        rows.append({"name": f"installer {installer.name}",
                     "value": round(installer.stat().st_size / MB, 1), "unit": "MB"})
    return rows


def main() -> int:
    for row in run(quick=False):
        print(f"{row['name']:<48} {row['value']} {row['unit']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
