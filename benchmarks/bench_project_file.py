"""Saving and opening project files, and what autosave costs.

- save / open the demo article (about 1,500 words, three pictures);
- save / open an article with 50 MB of attached media (random bytes, so nothing compresses;
  5 MB in quick mode), and the same save with the backup of the file it replaces;
- the recovery copy autosave writes on its worker thread, for both articles;
- the autosave snapshot taken on the GUI thread (``Autosaver.snapshot``: bring the edited
  section into the model, the article as JSON text, the list of attached files) after typing
  in one section, in the demo and in a 50,000-word article.

Opening is lazy about media (read from the zip only when needed), so opening the 50 MB article
should cost about the same as opening the demo. Everything is written in a temporary folder
(also used as the user folder, so no real backups or recovery copies are touched).

    python -m benchmarks bench_project_file          or      python benchmarks/bench_project_file.py
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pipwriter.model.article.media import Illustration, MediaRef  # noqa: E402
from pipwriter.model.storage.demo import demo_project  # noqa: E402
from pipwriter.model.storage.project import Project  # noqa: E402
from pipwriter.model.storage.project_file import load_project, media_snapshot, save_project  # noqa: E402
from pipwriter.model.storage.recovery import new_session_id, write_recovery  # noqa: E402
from pipwriter.model.storage.safe_save import save_with_backup  # noqa: E402


def _summary(name: str, samples: list[float]) -> dict:
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]
    return {"name": name, "median_ms": statistics.median(ordered) * 1000, "p95_ms": p95 * 1000,
            "n": len(ordered)}


def _timed(action, repeats: int) -> list[float]:
    samples = []
    for _ in range(repeats):
        started = time.perf_counter()
        action()
        samples.append(time.perf_counter() - started)
    return samples


def media_project(megabytes: int) -> Project:
    """The demo with ``megabytes`` of incompressible media attached (as four clips' worth)."""
    project = demo_project()
    chunk = megabytes * 1024 * 1024 // 4
    for i in range(4):
        name = project.media.add_bytes(os.urandom(chunk), "jpg")
        project.article.illustrations.append(
            Illustration(MediaRef(name, f"big-{i}.jpg", "image/jpeg", chunk), caption=f"Big {i}"))
    return project


def _recovery_writer(project: Project):
    session_id = new_session_id()
    article = project.article
    names = sorted({r.name for r in article.media_refs()})
    text = json.dumps(article.to_json(), ensure_ascii=False)
    snapshot = media_snapshot(project.media, names)

    def write():
        write_recovery(session_id, text, snapshot, names, article.template_id, article.id,
                       article.title, project.path)
    return write


def _snapshot_rows(quick: bool) -> list[dict]:
    from PySide6.QtGui import QGuiApplication, QTextCursor

    from pipwriter.ui.autosave import Autosaver
    from pipwriter.ui.session import Session
    _app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])
    from benchmarks.bench_typing_model import make_project
    rows = []
    for label, project in (("demo", demo_project()), ("50,000 words", make_project(50_000))):
        session = Session(project)
        saver = Autosaver(session)
        section = max(project.article.sections, key=lambda s: len(s.body.paragraphs))
        document = session.document(section.id)
        samples = []
        for i in range(5 if quick else 50):
            cursor = QTextCursor(document)                 # type one character at the end
            cursor.movePosition(QTextCursor.MoveOperation.End)
            cursor.insertText(" " if i % 5 == 4 else "a")
            started = time.perf_counter()
            saver.snapshot()
            samples.append(time.perf_counter() - started)
        saver.shutdown()
        rows.append(_summary(f"autosave snapshot on the GUI thread, {label}", samples))
    return rows


def run(quick: bool) -> list[dict]:
    rows: list[dict] = []
    with tempfile.TemporaryDirectory(prefix="pipw-bench-") as tmp:
        folder = Path(tmp)
        previous = os.environ.get("PIPWRITER_USER_DIR")
        os.environ["PIPWRITER_USER_DIR"] = str(folder / "user")
        try:
            repeats = 3 if quick else 20
            demo = demo_project()
            path = folder / "demo.pipw"
            rows.append(_summary("save the demo", _timed(lambda: save_project(demo, path),
                                                         repeats)))
            rows.append(_summary("open the demo", _timed(lambda: load_project(path), repeats)))
            rows.append(_summary("autosave recovery copy (worker), demo",
                                 _timed(_recovery_writer(demo), repeats)))

            megabytes = 5 if quick else 50
            big = media_project(megabytes)
            big_path = folder / "big.pipw"
            big_repeats = 2 if quick else 5
            label = f"{megabytes} MB of media"
            rows.append(_summary(f"save, {label}",
                                 _timed(lambda: save_project(big, big_path), big_repeats)))
            rows.append(_summary(f"save with backup, {label}",
                                 _timed(lambda: save_with_backup(big, big_path), big_repeats)))
            rows.append(_summary(f"open, {label}",
                                 _timed(lambda: load_project(big_path), repeats)))
            rows.append(_summary(f"autosave recovery copy (worker), {label}",
                                 _timed(_recovery_writer(big), big_repeats)))
            rows.append({"name": f"file size, {label}",
                         "value": round(big_path.stat().st_size / 1024 / 1024, 1),
                         "unit": "MB"})
            rows += _snapshot_rows(quick)
        finally:
            if previous is None:
                os.environ.pop("PIPWRITER_USER_DIR", None)
            else:
                os.environ["PIPWRITER_USER_DIR"] = previous
    return rows


def main() -> int:
    quick = "--quick" in sys.argv[1:]
    for row in run(quick):
        if "median_ms" in row:
            print(f"{row['name']:<50} median {row['median_ms']:9.3f} ms   "
                  f"p95 {row['p95_ms']:9.3f} ms   n={row['n']}")
        else:
            print(f"{row['name']:<50} {row['value']} {row['unit']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
