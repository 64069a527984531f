"""Run every benchmark module (``benchmarks/bench_*.py``) and print one table.

Each module has ``run(quick: bool) -> list[dict]``; a row has ``name`` and either
``median_ms``/``p95_ms``/``n`` or ``value``/``unit``. ``--quick`` makes each run tiny (CI uses it
only to prove the benchmarks still work); ``--json OUT`` also writes the rows as JSON.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import platform
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))


def _format(row: dict) -> str:
    if "median_ms" in row:
        figure = f"median {row['median_ms']:9.3f} ms   p95 {row.get('p95_ms', 0):9.3f} ms"
        if "p99_ms" in row:
            figure += f"   p99 {row['p99_ms']:9.3f} ms   max {row.get('max_ms', 0):9.3f} ms"
        if "stalls_16ms" in row:
            figure += f"   over 16 ms {row['stalls_16ms']}"
        return f"{figure}   n={row.get('n', '')}"
    return f"{row.get('value')} {row.get('unit', '')}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks")
    parser.add_argument("--quick", action="store_true", help="tiny runs, to check they work")
    parser.add_argument("--json", type=Path, metavar="OUT", help="also write results as JSON")
    parser.add_argument("only", nargs="*", help="run only these modules (e.g. bench_spelling)")
    args = parser.parse_args(argv)
    modules = sorted(p.stem for p in HERE.glob("bench_*.py"))
    if args.only:
        modules = [m for m in modules if m in args.only]
    rows, failures = [], 0
    print(f"PiP Writer benchmarks on {platform.node()} ({os.cpu_count()} cores, "
          f"Python {platform.python_version()}){' — quick mode' if args.quick else ''}")
    for name in modules:
        started = time.perf_counter()
        try:
            module = importlib.import_module(f"benchmarks.{name}")
            results = module.run(args.quick)
        except Exception as error:  # noqa: BLE001 - report and go on to the next module
            failures += 1
            print(f"{name}: FAILED: {error!r}")
            continue
        print(f"\n{name} ({time.perf_counter() - started:.1f} s)")
        for row in results:
            row["module"] = name
            rows.append(row)
            print(f"  {row['name']:<48} {_format(row)}")
    if args.json:
        args.json.write_text(json.dumps(rows, indent=2), encoding="utf-8")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
