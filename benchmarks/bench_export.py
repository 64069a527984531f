"""Exporting the submission bundle: the demo article, and an article with four big photos.

Times :func:`pipwriter.export.bundle.export_bundle` as the Export window runs it: the checklist
report, the article and competing-interests Word files, the attached pictures copied, the
checklist, cover note and manifest with checksums, then (second row of each) the zip as well.

The four photos are 12-megapixel (4,000 x 3,000) JPEGs like a phone's, each different (gradient,
shapes, sensor-like noise), imported the way the app imports them (checked, upright, scaled to the
template's longest side, cleaned re-encode) and attached as the two authors' photos and two
illustrations. ``--quick`` exports the demo once.

Beside LibreOffice (issue 23: the whole export at most 0.6 times LibreOffice's conversion of the
article to PDF): ``pipwriter export demo.pipw --out DIR`` timed as a whole process, from just
before it is started until it exits, against ``soffice --headless --convert-to pdf`` of the
article's .docx from that bundle (a profile of its own in a temporary folder, made by a first
conversion that is not timed); the two alternate, 7 runs each, and the ratio of the medians is
printed with the target. PiP Writer's modules are compiled to bytecode first, as in an installed
copy. Skipped in quick mode and where ``soffice`` is not installed.

    python -m benchmarks bench_export          or      python benchmarks/bench_export.py
"""

from __future__ import annotations

import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from pipwriter.export.bundle import export_bundle  # noqa: E402
from pipwriter.model.article.media import Illustration, MediaRef, Photo  # noqa: E402
from pipwriter.model.storage.demo import demo_project  # noqa: E402
from pipwriter.model.storage.project import Project  # noqa: E402

PHOTO_SIZE = (4000, 3000)
MB = 1024 * 1024


def _summary(name: str, samples: list[float]) -> dict:
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]
    return {"name": name, "median_ms": statistics.median(ordered) * 1000, "p95_ms": p95 * 1000,
            "n": len(ordered)}


def make_photo(path: Path, seed: int, size: tuple[int, int] = PHOTO_SIZE) -> Path:
    """A photo-like JPEG (quality 92, as phones save them) that differs for every ``seed``."""
    from PySide6.QtCore import QPointF, Qt
    from PySide6.QtGui import QColor, QImage, QLinearGradient, QPainter
    width, height = size
    rnd = random.Random(seed)
    image = QImage(width, height, QImage.Format.Format_RGB32)
    painter = QPainter(image)
    gradient = QLinearGradient(QPointF(0, 0), QPointF(width, height))
    gradient.setColorAt(0, QColor(rnd.randrange(256), rnd.randrange(256), rnd.randrange(256)))
    gradient.setColorAt(1, QColor(rnd.randrange(256), rnd.randrange(256), rnd.randrange(256)))
    painter.fillRect(0, 0, width, height, gradient)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    for _ in range(300):
        painter.setBrush(QColor(rnd.randrange(256), rnd.randrange(256), rnd.randrange(256), 110))
        side = rnd.randrange(width // 50, width // 6)
        painter.drawEllipse(rnd.randrange(width), rnd.randrange(height), side, side * 2 // 3 + 1)
    noise = QImage(rnd.randbytes(width * height * 4), width, height,
                   QImage.Format.Format_RGB32)
    painter.setOpacity(0.08)                  # a little sensor noise, as in a real photo
    painter.drawImage(0, 0, noise)
    painter.end()
    if not image.save(str(path), "JPEG", 92):
        raise RuntimeError(f"could not write {path}")
    return path


def _ref(name: str, image) -> MediaRef:
    return MediaRef(name, image.original_name, image.mime, len(image.data), image.width,
                    image.height)


def photo_project(folder: Path) -> tuple[Project, int]:
    """The demo with four imported 12-megapixel photos: two author photos and two illustrations.
    Returns the project and the size in bytes of the four original files."""
    from pipwriter.imaging import import_image
    project = demo_project()
    article = project.article
    originals = 0
    imported = []
    for n in range(4):
        path = make_photo(folder / f"IMG_{4031 + n}.jpg", seed=n)
        originals += path.stat().st_size
        image = import_image(path, purpose="photo" if n < 2 else "illustration")
        imported.append((project.media.add_bytes(image.data, image.extension), image))
        path.unlink()
    for author, (name, image) in zip(article.authors[:2], imported[:2], strict=False):
        author.photo = Photo(_ref(name, image), consent=True)
    for n, (name, image) in enumerate(imported[2:], start=1):
        article.illustrations.append(Illustration(
            _ref(name, image), kind="photo", caption=f"The group at work, session {n}",
            alt_text="Patients and staff round a table with sticky notes on the wall",
            credit="Photo: the authors", permission=True))
    return project, originals


def _time_export(project: Project, folder: Path, runs: int, make_zip: bool) -> list[float]:
    samples = []
    for n in range(runs):
        out = folder / f"out-{n}"
        started = time.perf_counter()
        export_bundle(project, out, make_zip=make_zip)
        samples.append(time.perf_counter() - started)
        shutil.rmtree(out)
    return samples


def _bundle_size(project: Project, folder: Path) -> float:
    out = folder / "size"
    result = export_bundle(project, out, make_zip=True)
    size = result.zip_path.stat().st_size if result.zip_path else 0
    shutil.rmtree(out)
    return round(size / MB, 1)


TARGET_RATIO = 0.6      # the whole export at most 0.6 x LibreOffice's conversion to PDF


def _timed(command: list[str], cwd: Path) -> float:
    started = time.perf_counter()
    subprocess.run(command, cwd=cwd, check=True, capture_output=True, timeout=300)
    return time.perf_counter() - started


def beside_libreoffice(folder: Path, runs: int = 7) -> list[dict]:
    """The whole export process of the demo beside LibreOffice converting its article to PDF."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        return [{"name": "export beside LibreOffice", "value": "skipped: no soffice", "unit": ""}]
    root = Path(__file__).resolve().parent.parent
    # compiled first, as an installed copy is (pip and the frozen app ship the bytecode): with
    # PYTHONDONTWRITEBYTECODE set, a source tree would otherwise compile every module each run
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(root / "pipwriter")],
                   check=True, capture_output=True)
    env_python = [sys.executable, "-m", "pipwriter"]
    subprocess.run([*env_python, "demo", str(folder / "demo.pipw")], cwd=root, check=True,
                   capture_output=True)
    export = [*env_python, "export", str(folder / "demo.pipw"), "--out"]
    subprocess.run([*export, str(folder / "first")], cwd=root, check=True, capture_output=True)
    article = next((folder / "first").rglob("*.docx"))
    for candidate in (folder / "first").rglob("*.docx"):
        if "interest" not in candidate.name.lower() and "review" not in candidate.name.lower():
            article = candidate
            break
    profile = (folder / "lo-profile").as_uri()
    convert = [soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
               "--outdir", str(folder / "pdf"), str(article)]
    subprocess.run(convert, check=True, capture_output=True, timeout=300)   # makes the profile
    ours, theirs = [], []
    for n in range(runs):
        ours.append(_timed([*export, str(folder / f"bundle-{n}")], root))
        theirs.append(_timed(convert, folder))
    ratio = statistics.median(ours) / statistics.median(theirs)
    return [_summary("export demo bundle, whole process (pipwriter export)", ours),
            _summary(f"LibreOffice: {article.name} to PDF, whole process", theirs),
            {"name": f"export / LibreOffice (target at most {TARGET_RATIO})",
             "value": round(ratio, 2),
             "unit": "x, met" if ratio <= TARGET_RATIO else "x, NOT met"}]


def run(quick: bool) -> list[dict]:
    runs = 1 if quick else 10
    with tempfile.TemporaryDirectory(prefix="pipwriter-bench-") as temp:
        folder = Path(temp)
        demo = demo_project()
        export_bundle(demo, folder / "warm-up")        # imports python-docx, templates
        rows = [_summary("export demo bundle (folder)", _time_export(demo, folder, runs, False))]
        if quick:
            return rows
        rows.append(_summary("export demo bundle (folder and zip)",
                             _time_export(demo, folder, runs, True)))
        project, originals = photo_project(folder)
        stored = sum(project.media.size(r.name) for r in project.article.media_refs())
        rows.append({"name": "four 12 MP photos: original files", "value": round(originals / MB, 1),
                     "unit": "MB"})
        rows.append({"name": "all media, four 12 MP photos imported",
                     "value": round(stored / MB, 1), "unit": "MB"})
        rows.append(_summary("export, four 12 MP photos (folder)",
                             _time_export(project, folder, runs, False)))
        rows.append(_summary("export, four 12 MP photos (folder and zip)",
                             _time_export(project, folder, runs, True)))
        rows.append({"name": "zip of the bundle, four 12 MP photos",
                     "value": _bundle_size(project, folder), "unit": "MB"})
        rows.extend(beside_libreoffice(folder))
    return rows


def main() -> int:
    for row in run("--quick" in sys.argv[1:]):
        if "median_ms" in row:
            print(f"{row['name']:<56} median {row['median_ms']:8.1f} ms   "
                  f"p95 {row['p95_ms']:8.1f} ms   n={row['n']}")
        else:
            print(f"{row['name']:<56} {row['value']} {row['unit']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
