"""Comparing two states of an article, section by section, in words a writer understands.

Used before restoring a recovery copy, a backup or a version: "Introduction: changed (120 → 134
words)", "Sam's viewpoint: added", plus one line each for the title, standfirst, authors,
references, key messages and pictures when they differ. Sections are matched by their id, so a
renamed or moved section is still the same section.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..article.article import Article, Section
from ..article.reference import format_bmj
from ..article.text import Citation, Paragraph
from ..language.counts import ParagraphCounter, section_words
from ..language.wordcount import count_words

SAME, CHANGED, ADDED, REMOVED = "same", "changed", "added", "removed"


@dataclass(frozen=True)
class SectionChange:
    section_id: str
    title: str
    status: str                 # SAME, CHANGED, ADDED or REMOVED
    words_before: int
    words_after: int
    old_title: str = ""         # set when the heading changed

    def line(self) -> str:
        renamed = f" (was “{self.old_title}”)" if self.old_title else ""
        if self.status == ADDED:
            return f"{self.title}: added ({_words(self.words_after)})"
        if self.status == REMOVED:
            return f"{self.title}: removed (it had {_words(self.words_before)})"
        if self.status == CHANGED:
            return (f"{self.title}{renamed}: changed ({self.words_before:,} → "
                    f"{_words(self.words_after)})")
        return f"{self.title}: no change ({_words(self.words_after)})"


@dataclass
class Comparison:
    sections: list[SectionChange] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)    # differences outside the sections
    before_label: str = "Before"
    after_label: str = "Now"

    def is_same(self) -> bool:
        return not self.notes and all(s.status == SAME for s in self.sections)

    def changed(self) -> list[SectionChange]:
        return [s for s in self.sections if s.status != SAME]

    def lines(self) -> list[str]:
        lines = [f"{self.before_label} compared with {self.after_label}:"]
        if self.is_same():
            return lines + ["No differences: the text is the same."]
        lines.append("Sections:")
        lines += [f"  • {s.line()}" for s in self.sections]
        if self.notes:
            lines.append("Other parts:")
            lines += [f"  • {note}" for note in self.notes]
        return lines

    def text(self) -> str:
        return "\n".join(self.lines())


def _words(n: int) -> str:
    return f"{n:,} word" if n == 1 else f"{n:,} words"


def shortened(text: str, limit: int = 80) -> str:
    """``text`` on one line, at most ``limit`` characters, cut with "…"."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1] + "…"


def _where_they_differ(before: str, after: str, limit: int = 80) -> tuple[str, str]:
    """Two texts each short enough to read, both showing where they differ: a long title
    changed near its end was shown as two identical cut-off titles (found by a walk of the
    app, in the recovery copy's "What is different")."""
    before, after = " ".join(before.split()), " ".join(after.split())
    if len(before) <= limit and len(after) <= limit:
        return before, after
    same = 0
    while same < min(len(before), len(after)) and before[same] == after[same]:
        same += 1
    start = max(0, same - limit // 3)           # some words before the difference, for sense
    if start:
        start = max(0, before.rfind(" ", 0, start) + 1)     # from the start of a word
    lead = "…" if start else ""
    return shortened(lead + before[start:], limit), shortened(lead + after[start:], limit)


def compare_articles(before: Article, after: Article, before_label: str = "Before",
                     after_label: str = "Now") -> Comparison:
    """What differs between ``before`` and ``after`` (both are left unchanged)."""
    counter = ParagraphCounter()
    profile = after.settings.word_count_profile

    def words(section: Section) -> int:
        return section_words(section, profile, counter)

    old = {s.id: s for s in before.sections}
    new_ids = {s.id for s in after.sections}
    changes = []
    for section in after.sections:
        previous = old.get(section.id)
        if previous is None:
            changes.append(SectionChange(section.id, section.title, ADDED, 0, words(section)))
            continue
        same = previous.body == section.body and previous.title == section.title \
            and previous.author_ids == section.author_ids
        changes.append(SectionChange(
            section.id, section.title, SAME if same else CHANGED, words(previous),
            words(section), previous.title if previous.title != section.title else ""))
    previous_id = ""          # a removed section is listed after the one it used to follow
    for section in before.sections:
        if section.id in new_ids:
            previous_id = section.id
            continue
        ids = [c.section_id for c in changes]
        position = ids.index(previous_id) + 1 if previous_id in ids else 0
        changes.insert(position, SectionChange(section.id, section.title, REMOVED,
                                               words(section), 0))
        previous_id = section.id
    return Comparison(changes, _notes(before, after, profile), before_label, after_label)


def _messages_note(before: list[str], after: list[str]) -> str:
    """What changed in the key messages: how many there are now, or which were reworded (found
    by a walk: "Key messages changed (3 → 3)" said nothing)."""
    if len(before) != len(after):
        return f"Key messages changed ({len(before)} → {len(after)})"
    reworded = [str(n) for n, (was, now) in enumerate(zip(before, after, strict=True), start=1)
                if was != now]
    which = reworded[0] if len(reworded) == 1 else ", ".join(reworded[:-1]) + " and " + \
        reworded[-1]
    return f"Key message{'s' if len(reworded) > 1 else ''} {which} reworded"


def _notes(before: Article, after: Article, profile: str) -> list[str]:
    notes = []
    if before.title != after.title:
        was, now = _where_they_differ(before.title, after.title)
        notes.append(f"Title changed: “{was}” → “{now}”")
    if before.standfirst != after.standfirst:
        notes.append(f"Standfirst changed ({count_words(before.standfirst, profile):,} → "
                     f"{_words(count_words(after.standfirst, profile))})")
    common = [s.id for s in after.sections if s.id in {b.id for b in before.sections}]
    if [s.id for s in before.sections if s.id in set(common)] != common:
        notes.append("The sections are in a different order.")
    notes += _people(before, after)
    notes += _counted("reference", [r.id for r in before.references],
                      [r.id for r in after.references],
                      {r.id: r.to_json() for r in before.references},
                      {r.id: r.to_json() for r in after.references})
    if before.key_messages != after.key_messages:
        notes.append(_messages_note(before.key_messages, after.key_messages))
    notes += _counted("picture", [i.id for i in before.illustrations],
                      [i.id for i in after.illustrations],
                      {i.id: i.to_json() for i in before.illustrations},
                      {i.id: i.to_json() for i in after.illustrations})
    notes += _counted("audio or video clip", [c.id for c in before.clips],
                      [c.id for c in after.clips], {c.id: c.to_json() for c in before.clips},
                      {c.id: c.to_json() for c in after.clips})
    return notes


def _people(before: Article, after: Article) -> list[str]:
    notes = []
    old = {a.id: a for a in before.authors}
    new = {a.id: a for a in after.authors}
    added = [a.name for a in after.authors if a.id not in old]
    removed = [a.name for a in before.authors if a.id not in new]
    changed = [a.name for a in after.authors if a.id in old and a.to_json() != old[a.id].to_json()]
    if added:
        notes.append(f"Authors added: {', '.join(added)}")
    if removed:
        notes.append(f"Authors removed: {', '.join(removed)}")
    if changed:
        notes.append(f"Author details changed: {', '.join(changed)}")
    if not (added or removed) and [a.id for a in before.authors] != [a.id for a in after.authors]:
        notes.append("The authors are in a different order.")
    return notes


def _counted(noun: str, before_ids: list[str], after_ids: list[str], before: dict,
             after: dict) -> list[str]:
    added = sum(1 for i in after_ids if i not in before)
    removed = sum(1 for i in before_ids if i not in after)
    changed = sum(1 for i in after_ids if i in before and before[i] != after[i])
    parts = []
    for count, what in ((added, "added"), (removed, "removed"), (changed, "changed")):
        if count:
            parts.append(f"{count} {what}")
    if not parts:
        return []
    plural = noun + ("s" if not noun.endswith("clip") else "s")
    return [f"{plural[0].upper()}{plural[1:]}: {', '.join(parts)}"]


def article_text(article: Article) -> str:
    """The whole article as plain text, for reading an old copy without opening it."""
    numbers = article.reference_numbers()
    lines = [article.title or "Untitled article"]
    if article.standfirst:
        lines += ["", article.standfirst]
    if article.authors:
        lines += ["", "By " + ", ".join(a.name for a in article.authors)]
    for section in article.sections:
        lines += ["", f"— {section.title} —"]
        lines += [_paragraph(p, numbers) for p in section.body.paragraphs] or ["(empty)"]
    if article.key_messages:
        lines += ["", "— Key messages —"] + [f"• {m}" for m in article.key_messages]
    if article.references:
        lines += ["", "— References —"]
        lines += [f"{numbers[r.id]}. {format_bmj(r)}" for r in article.references_in_order()]
    return "\n".join(lines)


def _paragraph(paragraph: Paragraph, numbers: dict[str, int]) -> str:
    parts = []
    for item in paragraph.items:
        if isinstance(item, Citation):
            found = sorted(numbers[r] for r in item.refs if r in numbers)
            parts.append(f"[{','.join(map(str, found)) or '?'}]")
        else:
            parts.append(item.text)
    text = "".join(parts)
    return f"• {text}" if paragraph.style == "bullet" else text
