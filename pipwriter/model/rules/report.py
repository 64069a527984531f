"""The article's figures and findings in one object: used by `pipwriter check`, the export and the
checklist panel. The figures come from :mod:`.counts`, the findings from :mod:`.checks`; the JSON
shape is documented in docs/cli.md."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from ..language.counts import ArticleCounts, ParagraphCounter, count_article, plain_language
from ..language.spelling import SpellEngine
from ..storage.project import Project
from .checks import all_findings, is_dismissed
from .findings import ERROR, TIP, WARNING, Finding
from .progress import panel_statuses
from .spelling_findings import article_spell_engine
from .template import Template, get_template


def _score(value: float | None) -> float | None:
    return None if value is None else round(value, 1)


def _sentences(found: Iterable[tuple[int, str]]) -> list[dict]:
    return [{"sentence": text, "words": words} for words, text in found]


@dataclass
class Report:
    counts: dict
    findings: list[Finding] = field(default_factory=list)
    dismissed: list[Finding] = field(default_factory=list)   # tips/warnings the user dismissed
    figures: ArticleCounts | None = None
    panels: dict[str, str] = field(default_factory=dict)     # panel key -> mark (progress.py)

    def blocking(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == ERROR]

    def by_severity(self, severity: str) -> list[Finding]:
        return [f for f in self.findings if f.severity == severity]

    def summary(self) -> dict:
        return {"errors": len(self.blocking()), "warnings": len(self.by_severity(WARNING)),
                "tips": len(self.by_severity(TIP)), "dismissed": len(self.dismissed)}

    def to_json(self) -> dict:
        return {"counts": self.counts, "findings": [f.to_json() for f in self.findings],
                "panels": dict(self.panels), "summary": self.summary()}


def marks(project: Project, template: Template, cache: ParagraphCounter | None = None,
          speller: SpellEngine | None = None,
          between: Callable[[], object] | None = None) -> dict[str, str]:
    """The navigator's marks, from the same findings as the checklist (without the rules that
    only give tips, which never change a mark). ``between``: as for :func:`all_findings`."""
    article = project.article
    counts = count_article(article, template, cache=cache, between=between)
    speller = speller or article_spell_engine(article)
    found = all_findings(project, template, counts, speller=speller, tips=False,
                         between=between)
    return panel_statuses(article, counts, [f for f in found if not is_dismissed(f, article)])


def build_report(project: Project, template: Template | None = None,
                 cache: ParagraphCounter | None = None,
                 speller: SpellEngine | None = None) -> Report:
    """Figures, findings and marks. Spelling is checked with ``speller`` (the app's engine,
    with the personal dictionary), or with an engine set up for this article."""
    template = template or get_template(project.article.template_id)
    speller = speller or article_spell_engine(project.article)
    figures = count_article(project.article, template, cache=cache)
    plain = plain_language(project.article, template)
    counts = figures.to_json()
    for section in counts["sections"]:
        score = plain.sections.get(section["id"])
        section["readability"] = None if score is None or score.flesch_reading_ease is None else {
            "flesch_reading_ease": _score(score.flesch_reading_ease),
            "reading_ease": _score(score.reading_ease),
            "fk_grade": _score(score.fk_grade),
            "long_sentences": _sentences(plain.long_sentences.get(section["id"], ()))}
    overall = plain.overall
    counts["readability"] = {
        "flesch_reading_ease": _score(overall.flesch_reading_ease),
        "reading_ease": _score(overall.reading_ease),
        "fk_grade": _score(overall.fk_grade), "reading_age": overall.reading_age,
        "reading_age_text": overall.reading_age_text,
        "words": overall.words, "sentences": overall.sentences, "syllables": overall.syllables,
        "target_reading_ease": plain.reading_ease_target,
        "long_sentence_words": plain.long_sentence_words,
        "long_sentences": _sentences((n, text) for text, n in overall.longest_sentences
                                     if n > plain.long_sentence_words)}
    everything = all_findings(project, template, figures, plain, speller)
    kept = [f for f in everything if not is_dismissed(f, project.article)]
    dismissed = [f for f in everything if is_dismissed(f, project.article)]
    return Report(counts, kept, dismissed, figures,
                  panel_statuses(project.article, figures, kept))
