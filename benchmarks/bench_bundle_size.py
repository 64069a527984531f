"""Size of the frozen app (PyInstaller, one folder), and how long the last build took.

Reports what ``python packaging/build.py`` left in dist/ and build/: nothing is built here (a
build takes 20 s to 2 min). MB here are MiB (1,048,576 bytes), as everywhere in these figures. Without a build the rows say so. ``python benchmarks/bench_bundle_size.py``
prints the same figures on their own.
"""

from __future__ import annotations

import importlib.util
import json
import sys
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
