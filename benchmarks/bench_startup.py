"""Cold start and memory: a new process opening the demo article, as a user double-clicking it.

Each run starts ``benchmarks/_startup_probe.py`` in a fresh Python process (offscreen, an empty
user folder, the demo saved as a ``.pipw`` file passed on the command line as the ``pipwriter``
command receives it). Times run from just before the process is started to:

- the interpreter running the probe (Python's own start-up);
- the main window painted for the first time with the demo article open;
- its figures strip filled (the app paints the text first, then works out the figures and the
  section's reading ease on the next event-loop turn);
- the first red underline painted (a misspelt word typed at once after the window appears).

The floor is measured in the same run, the same way: ``benchmarks/_startup_floor.py`` is a bare
PySide6 app (QApplication, a QMainWindow holding a QTextEdit with the text of the section the
window opens on) started in a fresh process from its own T0 and timed to its first paint. The
runs alternate (floor, app, floor, app ...) so both see the same machine. PiP Writer's window
time is also printed as a ratio to the floor, and "our own share" is the app's time minus the
floor's (the medians' difference; its p95 is taken over the paired differences).

The peer, in a full run: novelWriter (``benchmarks/_novelwriter_startup.py``, run by the Python
of its own virtual environment, installed the first time as ``bench_novelwriter`` does) started
the same way on a project of the same article, timed to its editor painted with the first
section's text; its runs take turns with ours, and PiP Writer's window time is printed as a
ratio to its median. ``--quick`` leaves it out.

Memory is the process's peak resident set size with the demo open, and again after every section
and panel has been opened once. "Cold" means a new process; the system's file cache is warm after
the first run (the first run of all is a warm-up and is not counted, except in ``--quick``).
The package is compiled to bytecode first, as installed copies ship it. Issue 23's target is
printed below the window's time: a median of at most 0.25 s (met or not).

    python -m benchmarks bench_startup          or      python benchmarks/bench_startup.py
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HERE = Path(__file__).resolve().parent
PROBE = HERE / "_startup_probe.py"
FLOOR = HERE / "_startup_floor.py"
NW_START = HERE / "_novelwriter_startup.py"
for _path in (str(ROOT), str(HERE)):
    if _path not in sys.path:
        sys.path.insert(0, _path)


TARGET_MS = 250     # issue 23: cold start to the painted window with the demo, median


def _summary(name: str, samples: list[float]) -> dict:
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]
    return {"name": name, "median_ms": statistics.median(ordered) * 1000, "p95_ms": p95 * 1000,
            "n": len(ordered)}


def _timed_child(script: Path, argument: Path, folder: Path, wanted: tuple[str, ...],
                 command: tuple[str, ...] = ()) -> dict:
    """Start ``script`` in a fresh offscreen process with an empty user folder; its figures
    (seconds since just before it was started). ``command``: another Python and its first
    arguments (novelWriter's)."""
    user_dir = Path(tempfile.mkdtemp(prefix="user-", dir=folder))
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PIPWRITER_USER_DIR=str(user_dir))
    env.pop("PYTHONSTARTUP", None)
    env["PIPWRITER_BENCH_T0"] = repr(time.time())
    python = list(command) or [sys.executable, str(script)]
    done = subprocess.run([*python, str(argument)], env=env, cwd=ROOT,
                          capture_output=True, text=True, timeout=120)
    lines = done.stdout.strip().splitlines()
    if done.returncode != 0 or not lines:
        raise RuntimeError(f"{script.name} failed: {done.stderr.strip()[-2000:]}")
    figures = json.loads(lines[-1])
    if any(key not in figures for key in wanted):
        raise RuntimeError(f"{script.name} failed: {figures.get('error')}")
    return figures


def start_once(article: Path, folder: Path) -> dict:
    """One cold start of the app on ``article``; the probe's figures (seconds since start)."""
    return _timed_child(PROBE, article, folder, ("window", "figures", "underline"))


def floor_once(text_file: Path, folder: Path) -> dict:
    """One cold start of a bare PySide6 window showing the text in ``text_file``."""
    return _timed_child(FLOOR, text_file, folder, ("window",))


def novelwriter_once(project: Path, folder: Path, python: Path) -> dict:
    """One cold start of novelWriter on a fresh copy of ``project`` (it leaves a lock behind)."""
    copy = Path(tempfile.mkdtemp(prefix="nw-", dir=folder)) / "project"
    shutil.copytree(project, copy)
    return _timed_child(NW_START, copy, folder, ("window",),
                        (str(python), str(NW_START), "start"))


def _novelwriter_project(folder: Path) -> tuple[Path | None, Path | None, str]:
    """novelWriter's Python (in its own virtual environment, installed the first time) and a
    project of the demo article for it; or None and why not."""
    from bench_novelwriter import ensure_novelwriter
    from bench_typing_gui import make_job
    python, versions = ensure_novelwriter()
    if python is None:
        return None, None, versions
    article = folder / "nw-article.json"
    article.write_text(json.dumps(make_job(burst=1, human=1, articles=("demo",))["articles"][0]),
                       encoding="utf-8")
    built = subprocess.run([str(python), str(NW_START), "build", str(article),
                            str(folder / "nw-project")], capture_output=True, text=True,
                           env=dict(os.environ, QT_QPA_PLATFORM="offscreen"), timeout=300)
    if built.returncode != 0:
        return None, None, f"its project could not be built: {built.stderr.strip()[-300:]}"
    return python, folder / "nw-project", versions


def _floor_text(article: Path, folder: Path) -> Path:
    """The text of the section the app's window opens on, in a file for the floor's process."""
    from pipwriter.model.article.text_surface import standing_block
    from pipwriter.model.storage.project_file import load_project
    section = load_project(article).article.sections[0]
    path = folder / "floor-text.txt"
    path.write_text("\n".join(standing_block(p) for p in section.body.paragraphs),
                    encoding="utf-8")
    return path


def run(quick: bool) -> list[dict]:
    from pipwriter.model.storage.demo import write_demo
    runs = 1 if quick else 9
    # compiled first, as an installed copy is (pip and the frozen app ship the bytecode): with
    # PYTHONDONTWRITEBYTECODE set, a source tree would otherwise compile changed modules each run
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "pipwriter")],
                   check=True, capture_output=True)
    with tempfile.TemporaryDirectory(prefix="pipwriter-bench-") as temp:
        folder = Path(temp)
        article = write_demo(folder / "Demo article.pipw")
        text = _floor_text(article, folder)
        python, project, versions = (None, None, "not in --quick") if quick else \
            _novelwriter_project(folder)
        if not quick:
            floor_once(text, folder)                      # warm-up: .pyc files, file cache
            start_once(article, folder)
            if python and project:
                novelwriter_once(project, folder, python)
        floors, results, peers = [], [], []
        for _ in range(runs):               # in turn: floor, app (, novelWriter), floor, app ...
            floors.append(floor_once(text, folder))
            results.append(start_once(article, folder))
            if python and project:
                peers.append(novelwriter_once(project, folder, python))
    window = [r["window"] for r in results]
    floor = [f["window"] for f in floors]
    ours = _summary("cold start: our own share (window - floor)",
                    [w - f for w, f in zip(window, floor, strict=True)])
    ours["median_ms"] = (statistics.median(window) - statistics.median(floor)) * 1000
    rows = [
        _summary("cold start: Python running", [r["ready"] for r in results]),
        _summary("cold start: window painted, demo open", window),
        _target_row(statistics.median(window) * 1000),
        _summary("cold start floor: bare PySide6 window painted", floor),
        ours,
        {"name": "cold start: window / floor (medians)",
         "value": round(statistics.median(window) / statistics.median(floor), 2), "unit": "x"},
        _summary("cold start: figures in place (after the window)",
                 [r["figures"] for r in results]),
        _summary("cold start: first spelling underline painted",
                 [r["underline"] for r in results]),
        *_peer_rows(window, peers, versions),
        {"name": "peak memory (RSS), demo open",
         "value": round(statistics.median(r["rss_open_mb"] for r in results), 1), "unit": "MB"},
    ]
    panels = [r["rss_panels_mb"] for r in results if "rss_panels_mb" in r]
    if panels:
        rows.append({"name": "peak memory (RSS), every panel opened once",
                     "value": round(statistics.median(panels), 1), "unit": "MB"})
    else:
        error = next((r["error"] for r in results if "error" in r), "unknown")
        rows.append({"name": "peak memory (RSS), every panel opened once",
                     "value": f"not measured ({error})", "unit": ""})
    return rows


def _target_row(median_ms: float) -> dict:
    """Issue 23's cold-start target, met or not, from the median above."""
    return {"name": f"  target (issue 23): median at most {TARGET_MS} ms",
            "value": "met" if median_ms <= TARGET_MS else "NOT met",
            "unit": f"({median_ms:.1f} ms)"}


def _peer_rows(window: list[float], peers: list[dict], versions: str) -> list[dict]:
    """novelWriter's start on the same article, and PiP Writer's window time beside it."""
    if not peers:
        return [{"name": "cold start: novelWriter, same article", "value":
                 f"not measured ({versions})", "unit": ""}]
    theirs = [p["window"] for p in peers]
    return [_summary(f"cold start: {versions.split(',')[0]}, same article, editor painted",
                     theirs),
            {"name": "cold start: PiP Writer / novelWriter (medians)",
             "value": round(statistics.median(window) / statistics.median(theirs), 2),
             "unit": "x"}]


def main() -> int:
    for row in run("--quick" in sys.argv[1:]):
        if "median_ms" in row:
            print(f"{row['name']:<48} median {row['median_ms']:8.1f} ms   "
                  f"p95 {row['p95_ms']:8.1f} ms   n={row['n']}")
        else:
            print(f"{row['name']:<48} {row['value']} {row['unit']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
