"""What every check reads (the article, its template, its counts) and where a finding points."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from ..article.article import Article, Section
from ..article.author import Author
from ..article.citations import CitationAnalysis, analyse_citations
from ..article.media import Illustration, MediaClip
from ..article.reference import Reference, format_authors
from ..language.counts import ArticleCounts, PlainLanguage, count_article, plain_language
from ..language.spelling import SpellEngine
from ..storage.project import Project
from .findings import Where
from .template import Range, Template


@dataclass
class CheckContext:
    """What every check reads: the project, its template, the article's counts and citations, and,
    when given, its readability figures and a spelling engine. Counts, citations and readability
    not given are worked out when a rule first asks for them (the rules about one illustration
    or clip ask for none of them)."""

    project: Project
    template: Template
    given_counts: ArticleCounts | None = None
    given_citations: CitationAnalysis | None = None
    given_plain: PlainLanguage | None = None
    speller: SpellEngine | None = None      # spelling is checked when one is given

    @property
    def article(self) -> Article:
        return self.project.article

    @cached_property
    def counts(self) -> ArticleCounts:
        return self.given_counts or count_article(self.article, self.template)

    @cached_property
    def citations(self) -> CitationAnalysis:
        return self.given_citations or analyse_citations(self.article)

    @cached_property
    def plain(self) -> PlainLanguage:
        """Readability overall and per panel (worked out only when a rule asks for it)."""
        return self.given_plain or plain_language(self.article, self.template)

    def limit(self, name: str) -> Range:
        return self.template.limit(name)

    def panel_title(self, key: str, fallback: str) -> str:
        panel = self.template.panels.get(key)
        return panel.title if panel else fallback


# --- where a finding points ---------------------------------------------------------------------
def section_name(section: Section) -> str:
    return section.title.strip() or "Untitled section"


def at_article() -> Where:
    return Where(label="The whole article")


def at_title() -> Where:
    return Where(panel="title", label="Article title")


def at_section(section: Section) -> Where:
    return Where(panel="section", section_id=section.id, label=section_name(section))


def at_panel(ctx: CheckContext, key: str, fallback: str) -> Where:
    return Where(panel=key, label=ctx.panel_title(key, fallback))


def at_author(ctx: CheckContext, author: Author, panel: str = "authors") -> Where:
    fallback = "Authors" if panel == "authors" else "Competing interests"
    return Where(panel=panel, author_id=author.id,
                 label=f"{ctx.panel_title(panel, fallback)} › {author.name or 'Unnamed author'}")


def at_reference(ctx: CheckContext, ref: Reference) -> Where:
    number = ctx.citations.numbers.get(ref.id, 0)
    return Where(panel="references", item_id=ref.id,
                 label=f"{ctx.panel_title('references', 'References')} › {number}. "
                       f"{reference_short(ref)}")


def at_illustration(ctx: CheckContext, item: Illustration) -> Where:
    number = ctx.article.illustrations.index(item) + 1
    return Where(panel="illustrations", item_id=item.id,
                 label=f"{ctx.panel_title('illustrations', 'Illustrations')} › "
                       f"Illustration {number}")


def at_clip(ctx: CheckContext, clip: MediaClip) -> Where:
    name = clip.title.strip() or f"{'Video' if clip.kind == 'video' else 'Audio'} clip " \
                                  f"{ctx.article.clips.index(clip) + 1}"
    return Where(panel="illustrations", item_id=clip.id,
                 label=f"{ctx.panel_title('illustrations', 'Illustrations')} › {name}")


def reference_short(ref: Reference) -> str:
    who = format_authors(ref.authors[:1]) if ref.authors else ""
    what = ref.title.strip() or ref.text.strip() or ref.url.strip() or "untitled"
    if len(what) > 50:
        what = what[:47].rstrip() + "…"
    return f"{who}: {what}" if who else what


def plural(count: int, one: str, many: str | None = None) -> str:
    return f"{count:,} {one if count == 1 else (many or one + 's')}"
