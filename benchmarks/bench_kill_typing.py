"""Typing lost when the app is killed: the real app, typed into steadily, killed at random.

Each round starts the real app in a child process (``run_app``, as ``pipwriter FILE.pipw`` does,
offscreen, with a fresh user folder) on a copy of the demo article. Once its window is open, a
timer inside the child types into the first section with ``QTest.keyClicks`` at about 8
characters a second (words and spaces, never pausing), through the real editor, so the real
autosave and journal run. The child notes the time of every character in a log file (plain
writes: a killed process's writes stay in the system's file cache). The parent kills the child
with SIGKILL at a random moment, then recovers as the app does at its next start
(``find_recoveries`` and ``load_recovery``) and finds how much of the typing came back.

Typing lost in a round = the time of the kill minus the time the last recovered character was
typed (when nothing typed came back: minus the time typing began). Target: at most 5 s, whatever
the moment. Rounds run a few at a time (they are light: a keystroke every 125 ms).

    python -m benchmarks bench_kill_typing          or      python benchmarks/bench_kill_typing.py
    python benchmarks/bench_kill_typing.py --rounds 20 --longest 60 --jobs 3
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if __package__ in (None, ""):
    sys.path.insert(0, str(ROOT))

CHARS_PER_SECOND = 8.0
TARGET_SECONDS = 5.0
READY_TIMEOUT = 180.0          # a loaded machine may take long to open the first window
WORDS = ("we met every month in the community centre and talked about what mattered most to "
         "people after a stroke the nurses listened and the review changed").split()


def typed_text(length: int = 4000, seed: int = 8) -> str:
    """What the child types: ordinary words and spaces (the same every time)."""
    rnd = random.Random(seed)
    text = ""
    while len(text) < length:
        text += rnd.choice(WORDS) + " "
    return text[:length]


# --- the child: the real app, typed into -----------------------------------------------------
def child(path: str, log: str, section_index: int = 0) -> int:
    """Run the app on ``path`` and type into a section until killed, logging each character."""
    from PySide6.QtCore import QTimer
    from PySide6.QtGui import QTextCursor
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from pipwriter.app import _application_class, run_app

    app = _application_class()([sys.argv[0]])
    text = typed_text()
    fd = os.open(log, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    state = {"next": 0, "editor": None}
    timer = QTimer()
    timer.setInterval(int(1000 / CHARS_PER_SECOND))

    def start() -> None:
        controller = QApplication.instance().controller
        if not controller or not controller.windows:
            QTimer.singleShot(50, start)
            return
        window = controller.windows[0]
        section = window.session.article.sections[section_index]
        window.open_panel(f"section:{section.id}")
        editor = window.section_panel.editor
        editor.setFocus()
        editor.moveCursor(QTextCursor.MoveOperation.End)
        state["editor"] = editor
        timer.start()

    def type_one() -> None:
        index = state["next"]
        if index >= len(text):
            timer.stop()
            return
        QTest.keyClicks(state["editor"], text[index])
        os.write(fd, f"{index + 1} {time.time():.4f}\n".encode())
        state["next"] = index + 1

    timer.timeout.connect(type_one)
    QTimer.singleShot(0, start)
    del app                                    # run_app uses the instance made above
    return run_app([path])


# --- the parent: kill, recover, measure ------------------------------------------------------
@dataclass
class Round:
    delay: float            # seconds from the first typed character to the kill
    typed: int              # characters typed before the kill
    recovered: int          # of them, how many came back
    lost: float             # seconds of typing lost
    offered: bool           # recovery offered anything at all


def _read_log(log: Path) -> list[float]:
    times = []
    for line in log.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if len(parts) == 2:
            times.append(float(parts[1]))
    return times


def _recovered_chars(user_dir: Path, path: Path, original: str, typed: str,
                     section_index: int) -> tuple[int, bool]:
    """How many typed characters the app's own recovery brings back (and whether it offers
    anything), run in a fresh process with the round's user folder."""
    code = ("import sys\n"
            "from pipwriter.model.storage.recovery import find_recoveries, load_recovery\n"
            "found = [e for e in find_recoveries() if e.original is not None "
            "and e.original.name == sys.argv[1]]\n"
            "text = None\n"
            "if found:\n"
            "    article = load_recovery(found[0]).article\n"
            "    text = article.sections[int(sys.argv[2])].body.plain_text()\n"
            "sys.stdout.write('NONE' if text is None else 'TEXT' + text)\n")
    env = dict(os.environ, PIPWRITER_USER_DIR=str(user_dir), QT_QPA_PLATFORM="offscreen")
    result = subprocess.run([sys.executable, "-c", code, path.name, str(section_index)],
                            capture_output=True, text=True, timeout=300, env=env,
                            cwd=str(ROOT))
    if result.returncode != 0:
        raise RuntimeError(f"recovery failed: {result.stderr.strip()[-500:]}")
    if result.stdout == "NONE":
        return 0, False
    text = result.stdout[4:]
    if not text.startswith(original):
        raise RuntimeError("the recovered section does not start with its saved text")
    extra = text[len(original):]
    if not typed.startswith(extra):
        raise RuntimeError(f"the recovered text is not what was typed: {extra[-80:]!r}")
    return len(extra), True


def run_round(delay: float, workdir: Path, section_index: int = 0) -> Round:
    """One round: start the app, let it type for ``delay`` seconds, kill it, recover."""
    from pipwriter.model.storage.demo import write_demo
    from pipwriter.model.storage.project_file import load_project
    user_dir = workdir / "user"
    user_dir.mkdir(parents=True)
    path = workdir / "article.pipw"
    write_demo(path)
    original = load_project(path).article.sections[section_index].body.plain_text()
    log = workdir / "typed.log"
    log.touch()
    env = dict(os.environ, PIPWRITER_USER_DIR=str(user_dir), QT_QPA_PLATFORM="offscreen")
    env.pop("PIPWRITER_EXPLORE", None)
    process = subprocess.Popen([sys.executable, str(Path(__file__).resolve()), "--child",
                                str(path), str(log), str(section_index)],
                               env=env, cwd=str(ROOT), stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + READY_TIMEOUT
        while not _read_log(log):
            if process.poll() is not None:
                raise RuntimeError(f"the app stopped: {process.stderr.read().decode()[-800:]}")
            if time.monotonic() > deadline:
                raise RuntimeError("the app never started typing")
            time.sleep(0.05)
        first = _read_log(log)[0]
        time.sleep(max(0.0, first + delay - time.time()))
        killed_at = time.time()
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=60)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
        process.stderr.close()
    times = [t for t in _read_log(log) if t <= killed_at]
    typed = typed_text()[:len(times)]
    count, offered = _recovered_chars(user_dir, path, original, typed, section_index)
    count = min(count, len(times))
    last = times[count - 1] if count else times[0]
    return Round(delay, len(times), count, max(0.0, killed_at - last), offered)


def measure(rounds: int, shortest: float, longest: float, jobs: int, seed: int = 17,
            echo: bool = True) -> list[Round]:
    rnd = random.Random(seed)
    delays = [rnd.uniform(shortest, longest) for _ in range(rounds)]
    base = Path(tempfile.mkdtemp(prefix="pipw-kill-typing-"))
    try:
        def one(index: int) -> Round:
            result = run_round(delays[index], base / f"round-{index}")
            if echo:
                print(f"  round {index + 1:2d}: killed {result.delay:5.1f} s into typing, "
                      f"{result.recovered}/{result.typed} characters back, "
                      f"{result.lost:5.2f} s lost"
                      + ("" if result.offered else " (nothing offered)"), flush=True)
            return result
        with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
            return list(pool.map(one, range(rounds)))
    finally:
        shutil.rmtree(base, ignore_errors=True)


def run(quick: bool) -> list[dict]:
    if os.name != "posix":
        return [{"name": "kill while typing (needs SIGKILL)", "value": "skipped", "unit": ""}]
    if quick:
        results = measure(2, 2.0, 4.0, jobs=2, echo=False)
    else:
        results = measure(20, 1.0, 70.0, jobs=3)
    lost = [r.lost for r in results]
    return [{"name": "typing lost at a kill, max", "value": round(max(lost), 2), "unit": "s"},
            {"name": "typing lost at a kill, median", "value": round(statistics.median(lost), 2),
             "unit": "s"},
            {"name": "kills with nothing offered back", "value": sum(not r.offered
                                                                     for r in results),
             "unit": f"of {len(results)}"}]


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] == "--child":
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        return child(argv[1], argv[2], int(argv[3]) if len(argv) > 3 else 0)
    parser = argparse.ArgumentParser(prog="bench_kill_typing")
    parser.add_argument("--quick", action="store_true", help="2 short rounds")
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--shortest", type=float, default=1.0, help="earliest kill (s)")
    parser.add_argument("--longest", type=float, default=70.0, help="latest kill (s)")
    parser.add_argument("--jobs", type=int, default=3, help="rounds run at once")
    parser.add_argument("--seed", type=int, default=17)
    args = parser.parse_args(argv)
    if args.quick:
        args.rounds, args.shortest, args.longest = 2, 2.0, 4.0
    results = measure(args.rounds, args.shortest, args.longest, args.jobs, args.seed)
    lost = sorted(r.lost for r in results)
    print(f"{len(results)} kills: typing lost max {lost[-1]:.2f} s, median "
          f"{statistics.median(lost):.2f} s; nothing offered back {sum(not r.offered for r in results)} "
          f"times (target: at most {TARGET_SECONDS:.0f} s)")
    return 0 if lost[-1] <= TARGET_SECONDS else 1


if __name__ == "__main__":
    sys.exit(main())
