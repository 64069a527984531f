"""The article's figures: words per panel, words counted toward the limit, the total of everything,
and the counts the checklist needs (references, citations, key messages, quotes, media, authors).

What counts toward the limit is template data (``counted``): the parts named there, nothing else.
Key quotes are words already inside the text, so they never add to the total and only add to the
counted figure for quotes whose own section is not counted.

Speed: words are counted paragraph by paragraph through a :class:`ParagraphCounter`, a small LRU
cache keyed by the paragraph's text. After a keystroke only the paragraph that changed is counted
again; every other paragraph is a dictionary look-up. :func:`plain_language` (reading ease per
panel and overall) reads the whole article: it is for the checklist and the report, not typing.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

from ..article.article import Article, Section
from ..article.citations import analyse_citations
from ..article.reference import format_bmj
from ..article.text_surface import part_fields, standing_block
from ..article.unplaced import is_unplaced_section
from ..rules.series_rules import SeriesRules
from ..rules.template import COUNTABLE_PARTS, Template
from .readability import LONG_SENTENCE_WORDS, Readability, analyse, combine
from .wordcount import count_words, countable

# How each countable part is named in sentences shown to the user.
PART_NAMES = {
    "sections": "the guidance sections (and any sections you added)",
    "viewpoints": "the viewpoints",
    "title": "the title",
    "standfirst": "the standfirst",
    "key_messages": "the key messages",
    "key_quotes": "the key quotes",
    "captions": "the captions of illustrations and clips",
    "references": "the references",
    "competing_interests": "the competing-interests statement",
}


class ParagraphCounter:
    """Word counts of paragraphs, remembered by their text (least recently used are dropped).
    One counter may be shared by threads (the app's typing and its marks, worked out on a
    worker thread): what is remembered is read and changed under a lock."""

    def __init__(self, max_entries: int = 8192):
        self.max_entries = max_entries
        self._cache: dict[str, OrderedDict[str, int]] = {}
        self._lock = threading.Lock()
        self.hits = 0
        self.misses = 0

    def count(self, text: str, profile: str = "word") -> int:
        with self._lock:
            cache = self._cache.get(profile)
            if cache is None:
                cache = self._cache[profile] = OrderedDict()
            words = cache.get(text)
            if words is not None:
                cache.move_to_end(text)
                self.hits += 1
                return words
            self.misses += 1
        words = count_words(text, profile) if text else 0
        with self._lock:
            cache[text] = words
            if len(cache) > self.max_entries:
                cache.popitem(last=False)
        return words

    def count_all(self, texts: Iterable[str], profile: str = "word") -> int:
        return sum(self.count(t, profile) for t in texts)

    def clear(self) -> None:
        with self._lock:
            self._cache.clear()

    def __len__(self) -> int:
        return sum(len(c) for c in self._cache.values())


# what ``ArticleCounts.words_total`` is called wherever it is shown (the checklist, the figures
# strip, the exported checklist, the command line): not "all words", which the preview's figure
# for the whole Word document (headings and names too) would seem to contradict; and not
# "every part", which a walk found untrue (alt text, credits and the byline are not in it)
WORDS_TOTAL_LABEL = "All words, counted or not, except names, alt text and credits"


def _counter(cache: ParagraphCounter | None) -> ParagraphCounter:
    return cache if cache is not None else ParagraphCounter()


def section_words(section: Section, profile: str = "word",
                  cache: ParagraphCounter | None = None) -> int:
    """Words in one panel, citations left out."""
    counter = _counter(cache)
    return sum(counter.count(countable(standing_block(p)), profile)
               for p in section.body.paragraphs)


def total_words(article: Article) -> int:
    """Words in all the sections and viewpoints, counted or not (recovery copies and versions
    are described by it)."""
    profile = article.settings.word_count_profile
    return sum(section_words(s, profile) for s in article.sections)


def section_part(section: Section) -> str:
    """The countable part a section belongs to: "viewpoints" or "sections"."""
    return "viewpoints" if section.kind == "viewpoint" else "sections"


def section_counts_toward_limit(section: Section, template: Template) -> bool:
    """Whether the section's words count toward the series' limit (text an import could not
    place never does: it is waiting to be moved)."""
    return section_part(section) in template.counted and not is_unplaced_section(section)


# --- competing-interests wording -----------------------------------------------------------
StatementText = Callable[[Article], str]
_STATEMENT_MEMO: dict[tuple, str] = {}


def competing_interests_text(article: Article) -> str:
    """The article's declaration of interests as it will be printed ("" if it cannot be made).

    Remembered by the authors' names and answers, so the live figures do not rebuild it
    on every keystroke."""
    key = tuple((a.name, a.disclosure.fingerprint(), a.disclosure.custom_statement)
                for a in article.authors)
    text = _STATEMENT_MEMO.get(key)
    if text is None:
        from ..errors import PipError
        from ..interests.statements import combined_statement
        try:
            text = combined_statement(article.authors)
        except PipError:   # the items file is damaged: self-test reports it, counting goes on
            text = ""
        if len(_STATEMENT_MEMO) > 64:
            _STATEMENT_MEMO.clear()
        _STATEMENT_MEMO[key] = text
    return text


def part_texts(article: Article, part: str,
               statement_text: StatementText = competing_interests_text) -> list[str]:
    """The texts of one non-section part ("title", "captions"...), as counted: the fields the
    text surface gives that part, or, for references and the competing-interests statement,
    the text as it is printed."""
    if part in ("title", "standfirst", "key_messages", "captions"):
        return [field.text for field in part_fields(article, part)]
    if part == "key_quotes":
        return [text for _qid, _sid, text in article.key_quotes()]
    if part == "references":
        return [format_bmj(r) for r in article.references]
    if part == "competing_interests":
        return [statement_text(article)]
    raise KeyError(part)


EXTRA_PARTS = tuple(p for p in COUNTABLE_PARTS if p not in ("sections", "viewpoints"))


def _extra_words(article: Article, profile: str, counter: ParagraphCounter,
                 statement_text: StatementText) -> dict[str, int]:
    """Words of every part outside the sections except key quotes (those are section words)."""
    return {part: counter.count_all(part_texts(article, part, statement_text), profile)
            for part in EXTRA_PARTS if part != "key_quotes"}


def _uncounted_quote_words(article: Article, template: Template, profile: str,
                           counter: ParagraphCounter) -> int:
    """Key-quote words lying in sections that are not themselves counted."""
    total = 0
    for _quote, section_id, text in article.key_quotes():
        section = article.section(section_id)
        if section is not None and not section_counts_toward_limit(section, template):
            total += counter.count(text, profile)
    return total


def counted_extra_words(article: Article, template: Template, profile: str | None = None,
                        cache: ParagraphCounter | None = None,
                        statement_text: StatementText = competing_interests_text
                        ) -> tuple[int, int]:
    """(words counted toward the limit, words in total) from everything but the sections.

    For the live figures: it never walks the sections' text unless the template counts key
    quotes on their own."""
    profile = profile or article.settings.word_count_profile
    counter = _counter(cache)
    words = _extra_words(article, profile, counter, statement_text)
    counted = sum(n for part, n in words.items() if part in template.counted)
    if "key_quotes" in template.counted:
        counted += _uncounted_quote_words(article, template, profile, counter)
    return counted, sum(words.values())


# --- the figures ------------------------------------------------------------------------------
@dataclass(frozen=True)
class SectionCount:
    """The words of one section or viewpoint panel, and whether they count toward the limit."""

    id: str
    title: str
    kind: str
    key: str
    words: int
    counted: bool

    def to_json(self) -> dict:
        return {"id": self.id, "title": self.title, "kind": self.kind, "key": self.key,
                "words": self.words, "counted": self.counted}


@dataclass(frozen=True)
class ArticleCounts:
    """Every figure of the article (see :func:`count_article`): words counted and in total, words
    per part and per panel, the counts the checklist needs, and the template's limits."""

    profile: str
    words_counted: int
    words_total: int
    words_by_part: Mapping[str, int]
    counted_parts: tuple[str, ...]
    sections: tuple[SectionCount, ...]
    references: int
    citations: int            # citation groups in the text
    cited_references: int     # different references cited
    key_messages: int         # non-empty ones
    key_quotes: int
    illustrations: int
    clips: int
    authors: int
    viewpoints: int           # viewpoint panels with words in them
    limits: Mapping[str, tuple[int | None, int | None]] = field(default_factory=dict)

    @property
    def media_items(self) -> int:
        """Illustrations and clips together (the series welcomes one or two of them)."""
        return self.illustrations + self.clips

    def section(self, section_id: str) -> SectionCount | None:
        return next((s for s in self.sections if s.id == section_id), None)

    def to_json(self) -> dict:
        return {"profile": self.profile, "words_counted": self.words_counted,
                "words_total": self.words_total, "words_by_part": dict(self.words_by_part),
                "counted_parts": list(self.counted_parts), "references": self.references,
                "citations": self.citations, "cited_references": self.cited_references,
                "key_messages": self.key_messages, "key_quotes": self.key_quotes,
                "illustrations": self.illustrations, "clips": self.clips,
                "authors": self.authors, "viewpoints": self.viewpoints,
                "sections": [s.to_json() for s in self.sections],
                "limits": {name: {"min": lo, "max": hi}
                           for name, (lo, hi) in self.limits.items()}}


def count_article(article: Article, template: Template, profile: str | None = None,
                  cache: ParagraphCounter | None = None,
                  statement_text: StatementText = competing_interests_text,
                  between: Callable[[], object] | None = None) -> ArticleCounts:
    """Every figure of the article. Pass the app's :class:`ParagraphCounter` as ``cache`` so
    unchanged paragraphs are not counted again. ``between`` is called before each section (a
    worker gives way or stops there)."""
    profile = profile or article.settings.word_count_profile
    counter = _counter(cache)
    per_section: list[SectionCount] = []
    for s in article.sections:
        if between is not None:
            between()
        per_section.append(SectionCount(s.id, s.title, s.kind, s.key,
                                    section_words(s, profile, counter),
                                    section_counts_toward_limit(s, template)))
    sections = tuple(per_section)
    by_part = {part: 0 for part in COUNTABLE_PARTS}
    for count, section in zip(sections, article.sections, strict=True):
        by_part[section_part(section)] += count.words
    by_part.update(_extra_words(article, profile, counter, statement_text))
    by_part["key_quotes"] = counter.count_all(
        (text for _q, _s, text in article.key_quotes()), profile)
    counted = sum(c.words for c in sections if c.counted) + \
        sum(n for part, n in by_part.items()
            if part in template.counted and part not in ("key_quotes", "sections", "viewpoints"))
    if "key_quotes" in template.counted:
        counted += _uncounted_quote_words(article, template, profile, counter)
    total = sum(n for part, n in by_part.items() if part != "key_quotes")
    citations = analyse_citations(article)
    return ArticleCounts(
        profile=profile, words_counted=counted, words_total=total, words_by_part=by_part,
        counted_parts=tuple(p for p in COUNTABLE_PARTS if p in template.counted),
        sections=sections, references=len(article.references), citations=citations.citations,
        cited_references=citations.cited,
        key_messages=sum(1 for m in article.key_messages if m.strip()),
        key_quotes=sum(1 for _q, _s, text in article.key_quotes() if text),
        illustrations=len(article.illustrations), clips=len(article.clips),
        authors=len(article.authors),
        viewpoints=sum(1 for c in sections if c.kind == "viewpoint" and c.words),
        limits={name: (r.min, r.max) for name, r in template.limits.items()})


# --- saying what is counted --------------------------------------------------------------------
def _join(names: list[str]) -> str:
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def _band(template: Template) -> str:
    limit = template.limit("words")
    if limit.min is not None and limit.max is not None:
        return f"the {limit.min:,}\u2013{limit.max:,} word limit"
    if limit.max is not None:
        return f"the {limit.max:,} word limit"
    if limit.min is not None:
        return f"the {limit.min:,} word minimum"
    return "the word count"


PROFILE_NOTES = {
    "word": ("Words are counted the way Microsoft Word counts them: a hyphenated word such as "
             "“well-being” is one word, and citation numbers such as [1] are not words."),
    "libreoffice": ("Words are counted the way LibreOffice counts them: words joined by a dash "
                    "(“2019–2021”) count as two, and citation numbers such as [1] are not words."),
}


def counting_explanation(template: Template, profile: str = "word") -> str:
    """Plain words saying what counts toward the limit and what does not."""
    counted = [PART_NAMES[p] for p in COUNTABLE_PARTS if p in template.counted]
    not_counted = [PART_NAMES[p] for p in COUNTABLE_PARTS
                   if p not in template.counted and p != "key_quotes"]
    lines = [f"Counted toward {_band(template)}: {_join(counted) or 'nothing'}."]
    if not_counted:
        lines.append(f"Not counted: {_join(not_counted)}.")
    if "key_quotes" not in template.counted:
        lines.append("Key quotes are part of the text: their words count with the section "
                     "they are in.")
    lines.append(f"The submission checklist also gives a total: {WORDS_TOTAL_LABEL.lower()}.")
    note = PROFILE_NOTES.get(profile)
    if note:
        lines.append(note)
    return " ".join(lines)


# --- plain language (whole-article work: for the checklist and the report, never per keystroke) --
DEFAULT_READING_EASE_TARGET = SeriesRules.reading_ease_target
DEFAULT_READABILITY_MIN_WORDS = SeriesRules.readability_min_words


@dataclass(frozen=True)
class PlainLanguage:
    """Readability of the counted text and of each panel (see :mod:`.readability`)."""

    overall: Readability                             # the text counted toward the limit
    sections: Mapping[str, Readability]              # section id -> its figures
    long_sentences: Mapping[str, tuple[tuple[int, str], ...]]   # (words, sentence), longest first
    reading_ease_target: float = DEFAULT_READING_EASE_TARGET
    long_sentence_words: int = LONG_SENTENCE_WORDS
    min_words: int = DEFAULT_READABILITY_MIN_WORDS


def _section_text(section: Section) -> str:
    return "\n".join(text for text in (p.text() for p in section.body.paragraphs) if text.strip())


def plain_language(article: Article, template: Template) -> PlainLanguage:
    """Reading ease and grade overall and per panel, and each panel's longest sentences.

    Targets come from the template's rules: ``reading_ease_target`` (default 60),
    ``long_sentence_words`` (default and lowest 25) and ``readability_min_words`` (panels with
    fewer words get no score-based advice; default 40)."""
    rules = template.rules
    target = rules.reading_ease_target
    longest = rules.long_sentence_words
    minimum = rules.readability_min_words
    sections = {section.id: analyse(_section_text(section)) for section in article.sections}
    long = {}
    for section_id, figures in sections.items():
        over = tuple((words, sentence) for sentence, words in figures.longest_sentences
                     if words > longest)
        if over:
            long[section_id] = over
    overall = combine(sections[s.id] for s in article.sections
                      if section_counts_toward_limit(s, template))
    return PlainLanguage(overall, sections, long, target, longest, minimum)
