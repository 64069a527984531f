"""`bench_novelwriter` says whether issue 23's typing targets are met, from the figures it
prints: each key-to-idle row at or under novelWriter's (median and p95), and no stall over
16 ms in PiP Writer's keys or work between keys."""

from __future__ import annotations

from benchmarks import bench_novelwriter


def _run(keys_ms: list[float], between_ms: list[float]) -> dict:
    timed = {"keys": [k / 1000 for k in keys_ms], "cpu": [k / 1000 for k in keys_ms]}
    human = dict(timed, between=[b / 1000 for b in between_ms], waited=0)
    return {"results": {"demo": {"burst": timed, "human": human}}}


def _verdicts(pip_keys, pip_between, nw_keys) -> list[str]:
    compared = {"words": {"demo": 1433},
                "runs": {"PiP Writer": [_run(pip_keys, pip_between)],
                         "novelWriter": [_run(nw_keys, [3.0])]}}
    lines, rows = bench_novelwriter.table(compared)
    at = lines.index("targets (issue 23)")
    assert [r["value"] for r in rows if r["name"].startswith("target:")]
    return lines[at + 2:]


def test_targets_are_met_only_when_every_row_is_at_or_under_and_nothing_stalls():
    quicker = _verdicts([0.8] * 20, [2.0], [1.0] * 20)
    assert all(line.endswith(" met") for line in quicker) and len(quicker) == 3
    slower = _verdicts([1.2] * 20, [2.0], [1.0] * 20)
    assert [line.endswith("NOT met") for line in slower] == [True, True, False]
    stalled = _verdicts([0.8] * 20, [2.0, 17.0], [1.0] * 20)
    assert stalled[-1].endswith("NOT met") and "1 over" in stalled[-1]
    assert all(line.endswith(" met") for line in stalled[:-1])
