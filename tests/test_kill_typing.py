"""Kill -9 while someone types steadily into the real app: at most 5 seconds of typing lost.

The real app (a child process, offscreen) is typed into at about 8 characters a second without
a pause, killed with SIGKILL some seconds in, and recovered as the app does at its next start
(see ``benchmarks/bench_kill_typing.py``, which does the same 20 times). Before the journal,
steady typing had no recovery copy at all for the first minute: every round here lost all of it.

The loss is measured from the times the child logged for each character, never from how fast
the machine is, and every wait is generous, so a loaded CI machine only makes it slower.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.bench_kill_typing import TARGET_SECONDS, measure  # noqa: E402

pytestmark = [pytest.mark.heavy,
              pytest.mark.skipif(os.name != "posix", reason="needs SIGKILL")]


def test_sigkill_while_typing_loses_at_most_five_seconds():
    rounds = measure(3, 6.0, 14.0, jobs=3, seed=5, echo=False)
    for result in rounds:
        assert result.offered, "nothing was offered back after the kill"
        assert result.typed >= 20, "the app hardly typed: the round proved nothing"
        assert result.recovered > 0
        assert result.lost <= TARGET_SECONDS, (
            f"{result.lost:.1f} s of typing lost ({result.recovered} of {result.typed} "
            f"characters back, killed {result.delay:.1f} s in)")
