"""Counting the instructions a burst of keys costs, under Valgrind's callgrind.

Time on a shared 2-core machine moves with everything else it runs (a median can change by a
third between two runs of the same code). The number of instructions the CPU carries out for the
same keys barely moves, so ``bench_novelwriter --callgrind`` also compares the two apps that way:
each child process runs under ``valgrind --tool=callgrind --instr-atstart=no`` (at full speed but
for Valgrind's own start-up until it is told to count), and :func:`_idle.type_job` counts only the
burst: the counters are zeroed and switched on just before its first key and read (a dump) just
after its last key is idle. Everything in between is in the count: the key handling, the layout
and painting, the work each app runs on its zero timers, and timers with an interval that come
due meanwhile (under callgrind a key takes about 40 times longer, so a timer that fires every
second, such as PiP Writer's journal, lands on more keys than it would: the count is if anything
against PiP Writer).

Used from inside the child through the environment (``PIPWRITER_BENCH_CALLGRIND`` holds the
``--callgrind-out-file`` path); imports no Qt binding.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

ENV = "PIPWRITER_BENCH_CALLGRIND"


def available() -> str:
    """'' when valgrind and callgrind_control are installed, else why not."""
    missing = [tool for tool in ("valgrind", "callgrind_control") if not shutil.which(tool)]
    return f"not installed: {', '.join(missing)}" if missing else ""


def wrap(command: list[str], out_file: Path) -> list[str]:
    """``command`` run under callgrind, counting nothing until told to."""
    return ["valgrind", "--tool=callgrind", "--instr-atstart=no",
            f"--callgrind-out-file={out_file}", *command]


class Counter:
    """Inside the child: counts instructions between :meth:`start` and :meth:`stop`."""

    def __init__(self, out_file: str):
        self.out_file = Path(out_file)

    def _control(self, *args: str) -> None:
        subprocess.run(["callgrind_control", *args, str(os.getpid())], capture_output=True,
                       check=True, timeout=120)

    def start(self) -> None:
        self._control("--zero")
        self._control("--instr=on")

    def stop(self, label: str) -> int:
        """The instructions counted since :meth:`start` (a dump named ``label`` is written)."""
        self._control(f"--dump={label}")
        self._control("--instr=off")
        trigger = f"desc: Trigger: dump {label}"
        for part in sorted(self.out_file.parent.glob(self.out_file.name + ".*"),
                           key=lambda p: p.stat().st_mtime, reverse=True):
            text = part.read_text(encoding="utf-8", errors="replace")
            if trigger in text:
                for line in text.splitlines():
                    if line.startswith("totals:"):
                        return int(line.split()[1])
        raise RuntimeError(f"callgrind wrote no dump '{label}' beside {self.out_file}")


def counter() -> Counter | None:
    """A counter when this process runs under ``bench_novelwriter --callgrind``, else None."""
    out_file = os.environ.get(ENV)
    return Counter(out_file) if out_file else None


def table(compared: dict) -> list[str]:
    """Instructions a key for each app and article, and PiP Writer's as a ratio."""
    runs = compared["runs"]
    lines = [f"{'instructions a key (burst)':<34}{'PiP Writer':>14}{'novelWriter':>14}"
             f"{'PiP/novelWriter':>17}"]
    for article in compared["words"]:
        per_key = {}
        for who in ("PiP Writer", "novelWriter"):
            burst = runs[who][0]["results"][article]["burst"]
            per_key[who] = burst["instructions"] / max(1, len(burst["keys"]))
        pip, other = per_key["PiP Writer"], per_key["novelWriter"]
        lines.append(f"  {article:<32}{pip:>14,.0f}{other:>14,.0f}{pip / other:>16.2f}x")
    return lines
