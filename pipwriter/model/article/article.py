"""The article: title, authors, the ordered body (guidance sections and viewpoints) and the rest."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..coauthoring.approval import Approval
from ..coauthoring.comment_data import Comment
from ..coauthoring.suggestions import SuggestionNote, tidy_notes
from ..jsonread import Obj
from .author import Author
from .ids import new_id, random_uuid_hex
from .limits import (
    AUTHOR_NAME_MAX,
    AUTHORS_MAX,
    HEADING_MAX,
    KEY_MESSAGES_MAX,
    SECTIONS_MAX,
    TEXT_MAX,
    TITLE_MAX,
)
from .media import Illustration, MediaClip, MediaRef
from .reference import Reference
from .text import RichText

SECTION_KINDS = ("guidance", "viewpoint", "other")
CITATION_STYLES = ("brackets", "superscript")
ARTICLE_ID = re.compile(r"[A-Za-z0-9_-]{1,64}")  # safe in a folder name on every system


def new_article_id() -> str:
    """A stable identity for an article: kept through renames, names its backups and versions."""
    return random_uuid_hex()


@dataclass
class Section:
    """One panel of the body. ``key`` names its template section ("design", "viewpoint"...)."""

    title: str
    kind: str = "guidance"
    key: str = ""
    id: str = field(default_factory=lambda: new_id("sec"))
    body: RichText = field(default_factory=RichText)
    author_ids: list[str] = field(default_factory=list)  # whose viewpoint this is
    ticked: list[str] = field(default_factory=list)      # guidance questions ticked off
    assignee: str = ""                                   # author id writing this section

    def to_json(self) -> dict:
        return {"id": self.id, "kind": self.kind, "key": self.key, "title": self.title,
                "author_ids": list(self.author_ids), "ticked": list(self.ticked),
                "assignee": self.assignee, "body": self.body.to_json()}

    @classmethod
    def from_json(cls, o: Obj) -> Section:
        return cls(title=o.text("title"), kind=o.text("kind", "guidance",
                   choices=SECTION_KINDS), key=o.text("key"), id=o.text("id", required=True),
                   body=RichText.from_json(o.items("body"), f"{o.path}.body"),
                   author_ids=o.strs("author_ids"), ticked=o.strs("ticked"),
                   assignee=o.text("assignee"))


@dataclass
class Settings:
    """The article's own settings: citation style, spelling language and ignored words, dismissed
    checklist findings and word-count profile."""

    citation_style: str = "brackets"
    spelling_language: str = "en_GB"
    spell_ignore: list[str] = field(default_factory=list)
    dismissed_findings: list[str] = field(default_factory=list)  # "code@where" keys
    word_count_profile: str = "word"

    def to_json(self) -> dict:
        return {"citation_style": self.citation_style,
                "spelling_language": self.spelling_language,
                "spell_ignore": list(self.spell_ignore),
                "dismissed_findings": list(self.dismissed_findings),
                "word_count_profile": self.word_count_profile}

    @classmethod
    def from_json(cls, o: Obj) -> Settings:
        return cls(o.text("citation_style", "brackets", choices=CITATION_STYLES),
                   o.text("spelling_language", "en_GB", choices=("en_GB", "en_US")),
                   o.strs("spell_ignore"), o.strs("dismissed_findings"),
                   o.text("word_count_profile", "word", choices=("word", "libreoffice")))


@dataclass
class Article:
    """The whole article as the project file holds it: title, standfirst, authors, sections and
    viewpoints, key messages, references, media, settings, and the co-authors' approvals,
    comments and suggestions."""

    template_id: str = "bmj-partnership-in-practice"
    title: str = ""
    standfirst: str = ""
    authors: list[Author] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    key_messages: list[str] = field(default_factory=list)
    references: list[Reference] = field(default_factory=list)
    illustrations: list[Illustration] = field(default_factory=list)
    clips: list[MediaClip] = field(default_factory=list)
    settings: Settings = field(default_factory=Settings)
    id: str = field(default_factory=new_article_id)
    approvals: list[Approval] = field(default_factory=list)  # see model/coauthoring/approval.py
    comments: list[Comment] = field(default_factory=list)    # see model/coauthoring/comments.py
    suggestions: list[SuggestionNote] = field(default_factory=list)  # .../suggestions.py

    # --- look-ups -------------------------------------------------------------------
    def author(self, author_id: str) -> Author | None:
        return next((a for a in self.authors if a.id == author_id), None)

    def section(self, section_id: str) -> Section | None:
        return next((s for s in self.sections if s.id == section_id), None)

    def reference(self, ref_id: str) -> Reference | None:
        return next((r for r in self.references if r.id == ref_id), None)

    def viewpoints(self) -> list[Section]:
        return [s for s in self.sections if s.kind == "viewpoint"]

    def viewpoint_owner_names(self, section: Section) -> str:
        names = [a.name for a in (self.author(i) for i in section.author_ids) if a]
        return " and ".join(names)

    def key_quotes(self) -> list[tuple[str, str, str]]:
        """(quote id, section id, quoted text) in article order."""
        return [(qid, s.id, text) for s in self.sections for qid, text in s.body.quotes().items()]

    def citation_order(self) -> list[str]:
        """Reference ids in order of first citation (ids with no reference included)."""
        seen: dict[str, None] = {}
        for section in self.sections:
            for citation in section.body.citations():
                for ref_id in citation.refs:
                    seen.setdefault(ref_id, None)
        return list(seen)

    def reference_numbers(self) -> dict[str, int]:
        """BMJ numbering: cited references 1..n by first citation, then uncited ones."""
        known = {r.id for r in self.references}
        order = [i for i in self.citation_order() if i in known]
        order += [r.id for r in self.references if r.id not in order]
        return {ref_id: n for n, ref_id in enumerate(order, start=1)}

    def references_in_order(self) -> list[Reference]:
        numbers = self.reference_numbers()
        return sorted(self.references, key=lambda r: numbers[r.id])

    def pictures_and_clips(self) -> list[Illustration | MediaClip]:
        """The illustrations, then the clips."""
        return [*self.illustrations, *self.clips]

    def media_refs(self) -> list[MediaRef]:
        """Every stored file the article uses."""
        refs = [a.photo.media for a in self.authors if a.photo]
        refs += [i.media for i in self.illustrations]
        refs += [c.media for c in self.clips if c.media]
        return refs

    # --- JSON -----------------------------------------------------------------------
    def to_json(self) -> dict:
        data = {"id": self.id, "template_id": self.template_id, "title": self.title,
                "standfirst": self.standfirst,
                "authors": [a.to_json() for a in self.authors],
                "sections": [s.to_json() for s in self.sections],
                "key_messages": list(self.key_messages),
                "references": [r.to_json() for r in self.references],
                "illustrations": [i.to_json() for i in self.illustrations],
                "clips": [c.to_json() for c in self.clips],
                "settings": self.settings.to_json()}
        if self.approvals:      # written only once someone has approved something
            data["approvals"] = [a.to_json() for a in self.approvals]
        if self.comments:       # written only once someone has commented
            data["comments"] = [c.to_json() for c in self.comments]
        if self.suggestions:    # who made each suggested change still in the text
            tidy_notes(self)
            data["suggestions"] = [n.to_json() for n in self.suggestions]
        return data

    @classmethod
    def from_json(cls, data: object) -> Article:
        """The article in ``data`` (parsed article.json), or a DataError naming the first wrong
        value. Text and lists longer than the app allows are kept whole: :func:`over_limits`
        says what to shorten."""
        o = Obj(data, "article")
        article = cls(template_id=o.text("template_id", "bmj-partnership-in-practice"),
                      title=o.text("title"), standfirst=o.text("standfirst"),
                      authors=[Author.from_json(a) for a in o.objs("authors")],
                      sections=[Section.from_json(s) for s in o.objs("sections")],
                      key_messages=o.strs("key_messages"),
                      references=[Reference.from_json(r) for r in o.objs("references")],
                      illustrations=[Illustration.from_json(i) for i in o.objs("illustrations")],
                      clips=[MediaClip.from_json(c) for c in o.objs("clips")],
                      settings=Settings.from_json(o.obj("settings")),
                      id=o.text("id", max_len=64) or new_article_id(),
                      approvals=[Approval.from_json(a)
                                 for a in o.objs("approvals", max_items=10_000)],
                      comments=[Comment.from_json(c)
                                for c in o.objs("comments", max_items=10_000)],
                      suggestions=[SuggestionNote.from_json(n)
                                   for n in o.objs("suggestions", max_items=100_000)])
        if not ARTICLE_ID.fullmatch(article.id):
            raise o.error("the article id may only hold letters, digits, '-' and '_'",
                          "article.id")
        article._check_links(o)
        return article

    def _check_links(self, o: Obj) -> None:
        ids = [a.id for a in self.authors] + [s.id for s in self.sections] + \
              [r.id for r in self.references]
        if len(ids) != len(set(ids)):
            raise o.error("the same id is used twice", "article")
        authors = {a.id for a in self.authors}
        for i, section in enumerate(self.sections):
            missing = [a for a in section.author_ids if a not in authors]
            if missing:
                raise o.error("a viewpoint names an author who is not in the article",
                              f"article.sections[{i}].author_ids")


def _thousands(n: int) -> str:
    return f"{n:,}"


def over_limits(article: Article) -> list[str]:
    """One warning for each thing longer than the app lets anyone type (:mod:`.limits`).

    A file can hold more (saved by an older version, or edited by hand); it is opened with all
    of it kept, and these sentences tell the user what to shorten. Nothing here cuts anything.
    """
    found: list[str] = []

    def text(what: str, value: str, limit: int) -> None:
        if len(value) > limit:
            found.append(f"{what} is {_thousands(len(value))} characters long, more than the "
                         f"{_thousands(limit)} PiP Writer allows. All of it is kept; please "
                         "shorten it.")

    def count(what: str, items: list, limit: int) -> None:
        if len(items) > limit:
            found.append(f"The article has {_thousands(len(items))} {what}, more than the "
                         f"{_thousands(limit)} PiP Writer allows. All of them are kept; please "
                         "remove some.")

    text("The title", article.title, TITLE_MAX)
    text("The standfirst", article.standfirst, TEXT_MAX)
    for one, many, values, limit in (
            ("The heading of section {}", "section headings", [s.title for s in article.sections],
             HEADING_MAX),
            ("The name of author {}", "authors' names", [a.name for a in article.authors],
             AUTHOR_NAME_MAX),
            ("Key message {}", "key messages", article.key_messages, TEXT_MAX)):
        long_ones = [n for n, value in enumerate(values, start=1) if len(value) > limit]
        if len(long_ones) == 1:
            text(one.format(long_ones[0]), values[long_ones[0] - 1], limit)
        elif long_ones:
            found.append(f"{len(long_ones)} {many} are longer than the {_thousands(limit)} "
                         "characters PiP Writer allows. All of them are kept; please shorten "
                         "them.")
    count("authors", article.authors, AUTHORS_MAX)
    count("sections", article.sections, SECTIONS_MAX)
    count("key messages", article.key_messages, KEY_MESSAGES_MAX)
    return found
