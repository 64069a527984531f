"""Bringing in a copy: a reply written after a thread was resolved, which the person who
resolved it had not seen, opens the thread again, as Word and Google Docs do (a walk found a co-author's objection, written after the
thread was resolved, brought in hidden under "Show resolved comments" while the app said
"1 reply from their copy added")."""

from __future__ import annotations

from pipwriter.model.coauthoring.comments import merge_comment_json


def _thread(resolved: bool, changed_at: str, *replies: tuple[str, str, str]) -> dict:
    return {"id": "comment-1", "text": "Is this fair to Malcolm?", "author": "Bethan Lloyd",
            "at": "2026-12-06T09:00:00+00:00", "resolved": resolved, "changed_at": changed_at,
            "changed_by": "Bethan Lloyd" if changed_at else "",
            "replies": [{"id": i, "author": a, "at": t, "text": "…"} for i, a, t in replies]}


MALCOLM = ("reply-m", "Malcolm Reid", "2026-12-06T11:00:00+00:00")
EARLIER = ("reply-e", "Malcolm Reid", "2026-12-06T09:30:00+00:00")


def test_a_reply_after_the_resolve_that_the_resolver_had_not_seen_opens_the_thread_again():
    mine = _thread(True, "2026-12-06T10:30:00+00:00")          # Bethan resolved it
    theirs = _thread(False, "", MALCOLM)                        # Malcolm answered meanwhile
    for first, second in ((mine, theirs), (theirs, mine)):      # whichever side is "mine"
        [merged] = merge_comment_json([first], [second])
        assert merged["resolved"] is False and merged["changed_by"] == "Malcolm Reid"
        assert [r["id"] for r in merged["replies"]] == ["reply-m"]
    # written before she resolved it: the later state, hers, stands
    [merged] = merge_comment_json([mine], [_thread(False, "", EARLIER)])
    assert merged["resolved"] is True


def test_a_thread_resolved_after_every_reply_was_seen_stays_resolved():
    mine = _thread(True, "2026-12-06T10:30:00+00:00", EARLIER)   # resolved, reply seen
    theirs = _thread(False, "", EARLIER)
    [merged] = merge_comment_json([mine], [theirs])
    assert merged["resolved"] is True and merged["changed_by"] == "Bethan Lloyd"
    # and reopened by one side, later than the other resolved it: open
    [merged] = merge_comment_json([mine], [_thread(False, "2026-12-06T12:00:00+00:00", EARLIER)])
    assert merged["resolved"] is False
