"""Cold start and memory: a new process opening the demo article, as a user double-clicking it.

Each run starts ``benchmarks/_startup_probe.py`` in a fresh Python process (offscreen, an empty
user folder, the demo saved as a ``.pipw`` file passed on the command line as the ``pipwriter``
command receives it). Times run from just before the process is started to:

- the interpreter running the probe (Python's own start-up);
- the main window painted for the first time with the demo article open;
- the first red underline painted (a misspelt word typed at once after the window appears).

Memory is the process's peak resident set size with the demo open, and again after every section
and panel has been opened once. "Cold" means a new process; the system's file cache is warm after
the first run (the first run of all is a warm-up and is not counted, except in ``--quick``).

    python -m benchmarks bench_startup          or      python benchmarks/bench_startup.py
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PROBE = Path(__file__).resolve().parent / "_startup_probe.py"
if __package__ in (None, ""):
    sys.path.insert(0, str(ROOT))


def _summary(name: str, samples: list[float]) -> dict:
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]
    return {"name": name, "median_ms": statistics.median(ordered) * 1000, "p95_ms": p95 * 1000,
            "n": len(ordered)}


def start_once(article: Path, folder: Path) -> dict:
    """One cold start of the app on ``article``; the probe's figures (seconds since start)."""
    user_dir = Path(tempfile.mkdtemp(prefix="user-", dir=folder))
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PIPWRITER_USER_DIR=str(user_dir))
    env.pop("PYTHONSTARTUP", None)
    env["PIPWRITER_BENCH_T0"] = repr(time.time())
    done = subprocess.run([sys.executable, str(PROBE), str(article)], env=env, cwd=ROOT,
                          capture_output=True, text=True, timeout=120)
    lines = done.stdout.strip().splitlines()
    if done.returncode != 0 or not lines:
        raise RuntimeError(f"the start-up probe failed: {done.stderr.strip()[-2000:]}")
    figures = json.loads(lines[-1])
    if "window" not in figures or "underline" not in figures:
        raise RuntimeError(f"the start-up probe failed: {figures.get('error')}")
    return figures


def run(quick: bool) -> list[dict]:
    from pipwriter.model.storage.demo import write_demo
    runs = 1 if quick else 9
    with tempfile.TemporaryDirectory(prefix="pipwriter-bench-") as temp:
        folder = Path(temp)
        article = write_demo(folder / "Demo article.pipw")
        if not quick:
            start_once(article, folder)                   # warm-up: .pyc files, file cache
        results = [start_once(article, folder) for _ in range(runs)]
    rows = [
        _summary("cold start: Python running", [r["ready"] for r in results]),
        _summary("cold start: window painted, demo open", [r["window"] for r in results]),
        _summary("cold start: first spelling underline painted",
                 [r["underline"] for r in results]),
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
