"""How long the navigator's marks take to work out (model/report.py ``marks``): the checks run
without the tip-only rules, spelling included, after one paragraph changed.

    python -m benchmarks bench_marks

The app does this 400 ms after typing pauses (never per keystroke), so the figure is how long
the window is busy once the author stops typing. Compared with building the full checklist
report (what the checklist panel and `pipwriter check` do), which also works out readability.
"""

from __future__ import annotations

import copy
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
os.environ.setdefault("PIPWRITER_USER_DIR", tempfile.mkdtemp(prefix="pipwriter-bench-"))

from pipwriter.model.language.counts import ParagraphCounter  # noqa: E402
from pipwriter.model.rules.report import build_report, marks  # noqa: E402
from pipwriter.model.rules.spelling_findings import article_spell_engine  # noqa: E402
from pipwriter.model.rules.template import get_template  # noqa: E402
from pipwriter.model.storage.demo import demo_project  # noqa: E402


def _project(copies: int):
    project = demo_project()
    for section in project.article.sections:
        section.body.paragraphs = [copy.deepcopy(p) for _ in range(copies)
                                   for p in section.body.paragraphs]
    return project


def _time(run, repeats: int) -> dict:
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        run()
        times.append((time.perf_counter() - started) * 1000)
    times.sort()
    return {"median_ms": round(statistics.median(times), 3),
            "p95_ms": round(times[min(len(times) - 1, int(len(times) * 0.95))], 3),
            "n": repeats}


def run(quick: bool = False) -> list[dict]:
    repeats = 3 if quick else 40
    rows = []
    for label, copies in (("demo (~1,450 words)", 1), ("~50,000 words", 35)):
        if quick and copies > 1:
            continue
        project = _project(copies)
        template = get_template(project.article.template_id)
        counter, engine = ParagraphCounter(), article_spell_engine(project.article)
        run_ = project.article.sections[0].body.paragraphs[0].items[0]

        def edit_and_mark(run_=run_, project=project, template=template, counter=counter,
                          engine=engine):
            run_.text += " x"         # one paragraph changed, as after a burst of typing
            marks(project, template, counter, engine)

        def report(project=project, template=template, counter=counter, engine=engine):
            build_report(project, template, counter, engine)
        marks(project, template, counter, engine)
        rows.append({"name": f"marks after an edit, {label}", **_time(edit_and_mark, repeats)})
        rows.append({"name": f"full checklist report, {label}",
                     **_time(report, max(2, repeats // 4))})
    return rows


if __name__ == "__main__":
    for row in run("--quick" in sys.argv):
        print(row)
