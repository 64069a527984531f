"""Turning a Word draft (.docx) into an article, in two steps so the app can ask where unsure
headings go:

    plan = plan_import("draft.docx")        # read it; each heading gets a place
    for choice in plan.unsure():            # the app asks; the command line keeps the guesses
        plan.choose(choice.number, target)
    project = import_docx("draft.docx", plan)

What is brought in: the title; the sections, each heading matched to a part of the series
template (:mod:`.mapping`), with paragraphs, bold, italic and bulleted lists; viewpoints, with
their authors when the heading names them ("Patient's viewpoint: Sam Jones"); the key messages;
the numbered reference list at the end, each becoming a reference (kept as written) with the
citations in the text ([1], [1,2], [1–3] or superscript numbers) linked to it; and every
picture, as an illustration with its alt text and the caption under it ("Figure 1: …").

A document PiP Writer exported comes back as the same article: its byline, standfirst, key
messages, key quotes, captions, credits and clips are recognised too; the competing-interests
statement and the word count, which PiP Writer writes from the article, are left out.

Nothing is dropped: text that fits nowhere (before the first heading, under a heading chosen to
be placed later, tables, one line per row, a caption without a picture) goes to a section titled
“Imported text not yet placed”; footnotes and endnotes stay where they were as bracketed notes,
link addresses follow their words in brackets, and text boxes become paragraphs of their own
(:mod:`.docx_read`). Each of these, and anything that could not be brought in, is listed in
``plan.notes``.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..model.article.article import Article, Section
from ..model.article.author import Author
from ..model.article.ids import new_id
from ..model.article.media import Illustration, MediaClip, MediaRef
from ..model.article.reference import Reference
from ..model.article.text import Citation, Paragraph, RichText, Run
from ..model.rules.checks import UNPLACED_KEY
from ..model.rules.template import Template, get_template
from ..model.storage.media_store import MediaStore
from ..model.storage.project import Project
from .docx_read import Block, DocxContent, PendingCitation, Picture, read_docx
from .mapping import (
    CLIPS,
    GENERATED,
    ILLUSTRATIONS,
    KEY_MESSAGES,
    KEY_QUOTES,
    OWN,
    REFERENCES,
    UNPLACED,
    UNPLACED_TITLE,
    VIEWPOINT,
    HeadingChoice,
    classify,
    target_options,
    viewpoint_people,
)

DEFAULT_TEMPLATE = "bmj-partnership-in-practice"
_FIGURE = re.compile(r"^\s*(?:figure|fig\.?)\s*\d*\s*[.:\u2013\u2014-]?\s*", re.IGNORECASE)
_CLIP_HEADING = re.compile(r"^clip\s+\d+\s*\((video|audio)\)\s*:?\s*(.*)$", re.IGNORECASE)
_CLIP_CAPTION = re.compile(r"^clip\s+\d+\.\s*", re.IGNORECASE)
_REF_NUMBER = re.compile(r"^\s*[\[(]?(\d{1,3})[\].)]?(?:\t|\s)+(\S.*)$", re.DOTALL)
_URL = re.compile(r"https?://[^\s<>\"]+")
_DOI = re.compile(r"\bdoi:\s*(10\.\S+)", re.IGNORECASE)
_OWN_FRONT = ("Byline", "Correspondence", "Standfirst", "Draft Banner", "Note")
_NO_CAPTION = ("(no caption yet)", "(none yet)", "(no transcript yet)")
_EXTENSIONS = {"image/jpeg": "jpg", "image/png": "png", "image/gif": "gif",
               "image/bmp": "bmp", "image/tiff": "tiff", "image/webp": "webp"}


@dataclass
class ImportPlan:
    """What importing will do: where each heading goes (``unsure`` ones to confirm)."""

    source: Path
    template_id: str
    title: str
    headings: list[HeadingChoice]
    content: DocxContent
    section_level: int
    title_block: int = -1                    # index of the block used as the title
    notes: list[str] = field(default_factory=list)

    def unsure(self) -> list[HeadingChoice]:
        return [h for h in self.headings if h.unsure]

    def options(self, choice: HeadingChoice | None = None) -> list[tuple[str, str]]:
        """Where a heading can go, as (target, label); the current choice first."""
        template = get_template(self.template_id)
        options = target_options(template, choice.heading if choice else "")
        if choice is not None:
            options.sort(key=lambda o: o[0] != choice.target)
        return options

    def choose(self, number: int, target: str) -> None:
        choice = self.headings[number]
        if target not in {t for t, _label in self.options(choice)} | {KEY_QUOTES, CLIPS,
                                                                      GENERATED}:
            raise ValueError(f"unknown target {target!r}")
        choice.target = target
        choice.unsure = False


# --- planning ----------------------------------------------------------------------------------
def _own_heading(block: Block, own: bool) -> bool:
    return own and block.style == "Key Messages Heading"


def _section_level(content: DocxContent) -> tuple[int, int]:
    """(heading level that starts sections, index of a heading used as the title or -1)."""
    blocks = content.blocks
    levels = sorted({b.level for b in blocks if b.level and b.text.strip()})
    if not levels:
        return 0, -1
    has_title = any(b.title and b.text.strip() for b in blocks)
    first = next((i for i, b in enumerate(blocks) if not b.is_empty()), -1)
    top = [b for b in blocks if b.level == levels[0] and b.text.strip()]
    if not has_title and first >= 0 and blocks[first].level == levels[0] and len(top) == 1 \
            and len(levels) > 1:
        return levels[1], first
    return levels[0], -1


def _is_heading(block: Block, level: int, own: bool, pseudo: bool) -> bool:
    if not block.text.strip() or block.in_table:
        return False
    if _own_heading(block, own):
        return True
    if level:
        return block.level == level
    return pseudo and block.bold_only and not block.listed and len(block.text.split()) <= 12 \
        and not block.text.rstrip().endswith((".", ",", ";"))


def plan_import(path: Path | str, template: Template | None = None) -> ImportPlan:
    """Read the draft and decide where each heading goes (raises DocxImportError)."""
    path = Path(path)
    template = template or get_template(DEFAULT_TEMPLATE)
    content = read_docx(path)
    level, title_block = _section_level(content)
    pseudo = level == 0
    plan = ImportPlan(path, template.id, "", [], content, level, title_block)
    titles = [i for i, b in enumerate(content.blocks) if b.title and b.text.strip()]
    if titles:
        plan.title_block = titles[0]
    elif plan.title_block < 0:
        first = next((i for i, b in enumerate(content.blocks) if not b.is_empty()), -1)
        if first >= 0 and not _is_heading(content.blocks[first], level, content.own_export,
                                          pseudo) and len(content.blocks[first].text.split()) <= 25 \
                and not content.blocks[first].listed:
            plan.title_block = first
    if plan.title_block >= 0:
        plan.title = " ".join(content.blocks[plan.title_block].text.split())
    elif content.core_title:
        plan.title = content.core_title
    used: set[str] = set()
    for index, block in enumerate(content.blocks):
        if index == plan.title_block or not _is_heading(block, level, content.own_export,
                                                        pseudo):
            continue
        heading = " ".join(block.text.split())
        if _own_heading(block, content.own_export):
            target, unsure, reason = KEY_MESSAGES, False, ""
        else:
            target, unsure, reason = classify(heading, template, content.own_export)
        if pseudo and not unsure:
            unsure, reason = True, "The line is in bold, so it may be a heading."
        if target in used and not target.startswith("@"):
            unsure, reason = True, "Another heading already matches this part."
        used.add(target)
        plan.headings.append(HeadingChoice(len(plan.headings), heading, target, unsure, reason))
    return plan


# --- building ----------------------------------------------------------------------------------
class _Builder:
    def __init__(self, plan: ImportPlan, template: Template):
        self.plan = plan
        self.template = template
        self.content = plan.content
        self.own = plan.content.own_export
        self.article = Article(template_id=template.id, title=plan.title)
        self.media = MediaStore()
        self.notes: list[str] = []
        self.unplaced: list[Paragraph] = []
        self.references: dict[int, str] = {}          # number -> reference id
        self.quotes: list[tuple[str, str]] = []       # (quoted text, section heading)
        self.by_key: dict[str, Section] = {}
        self.generated_skipped = False
        self.table_noted = False

    # --- helpers --------------------------------------------------------------------------
    @staticmethod
    def paragraph(block: Block, bold: bool = False) -> Paragraph:
        items = []
        for item in block.items:
            if isinstance(item, Run):
                text = item.text.replace("\n", " ").replace("\t", " ")
                items.append(Run(text, item.bold or bold, item.italic))
            else:
                items.append(copy.copy(item))
        style = "bullet" if block.listed else "body"
        return Paragraph(items, style)

    def keep_unplaced(self, block: Block, bold: bool = False) -> None:
        if block.raw_text.strip():
            self.unplaced.append(self.paragraph(block, bold))

    def author_named(self, name: str, partner_type: str = "") -> Author:
        key = " ".join(name.lower().split())
        for author in self.article.authors:
            if " ".join(author.name.lower().split()) == key:
                return author
        for author in self.article.authors:     # "Sam" for "Sam Jones"
            if key and author.name.lower().split()[:1] == key.split()[:1]:
                return author
        author = Author(name, partner_type or "health_professional")
        self.article.authors.append(author)
        if not partner_type:
            self.notes.append(f"Check whether {name} is a patient or a professional partner "
                              "(Authors and photos): the draft did not say.")
        return author

    def picture(self, picture: Picture, caption: str = "", credit: str = "") -> None:
        number = len(self.article.illustrations) + 1
        ext = _EXTENSIONS.get(picture.content_type, "")
        name = f"figure-{number}.{ext or 'bin'}"
        data, mime, width, height = picture.data, picture.content_type, 0, 0
        if not self.own or not ext:
            try:
                from ..imaging import ImageImportError, import_image_bytes
                max_side = self.template.rules.image_max_long_side_px
                cleaned = import_image_bytes(picture.data, name, max_long_side=max_side,
                                             min_short_side=0, purpose="illustration")
            except ImageImportError as error:
                self.notes.append(f"Picture {number} could not be brought in: {error}")
                self.unplaced.append(Paragraph([Run(f"[A picture was here but could not be "
                                                    f"imported: {error}]")]))
                return
            data, ext, mime = cleaned.data, cleaned.extension, cleaned.mime
            width, height = cleaned.width, cleaned.height
            name = f"figure-{number}.{ext}"
        else:
            try:
                from docx.image.image import Image
                info = Image.from_blob(data)
                width, height = info.px_width, info.px_height
            except Exception:  # noqa: BLE001 - the size is only informative
                pass
        stored = self.media.add_bytes(data, ext)
        self.article.illustrations.append(Illustration(
            MediaRef(stored, name, mime, len(data), width, height), kind="photo",
            caption=caption, alt_text=picture.alt, credit=credit))

    # --- the parts ----------------------------------------------------------------------
    def section_for(self, choice: HeadingChoice) -> Section | None:
        target = choice.target
        if target == VIEWPOINT:
            role, names = viewpoint_people(choice.heading)
            authors = [self.author_named(n, role) for n in names]
            section = Section(choice.heading, kind="viewpoint", key=self.template.viewpoint.key,
                              author_ids=[a.id for a in authors])
            if not authors:
                self.notes.append(f"Choose whose viewpoint “{choice.heading}” is: the heading "
                                  "does not say.")
        elif target == OWN:
            section = Section(choice.heading, kind="other")
        elif self.template.section_spec(target) is not None:
            if target in self.by_key:
                existing = self.by_key[target]
                existing.body.paragraphs.append(Paragraph([Run(choice.heading, bold=True)]))
                return existing
            section = Section(choice.heading, kind="guidance", key=target)
            self.by_key[target] = section
        else:
            return None
        self.article.sections.append(section)
        return section

    def front(self, block: Block) -> None:
        if self.own and block.style in _OWN_FRONT:
            if block.style == "Standfirst":
                self.article.standfirst = " ".join(block.text.split())
            elif block.style == "Byline":
                self.byline(block)
            elif block.style == "Correspondence":
                self.correspondence(block)
            return
        if block.style == "Subtitle" and not self.article.standfirst:
            self.article.standfirst = " ".join(block.text.split())
            return
        if self.own and block.style == "Key Messages":
            self.key_message(block)
            return
        self.keep_unplaced(block)

    def byline(self, block: Block) -> None:
        lines = block.raw_text.split("\n")
        first = lines[0]
        strong = next((i.text for i in block.items if isinstance(i, Run) and i.bold), "")
        name = strong.strip() or first.split(",")[0].strip()
        credentials = first[len(strong):].lstrip(", ").strip() if strong and \
            first.startswith(strong) else ""
        partner, role = "", ""
        if len(lines) > 1:
            label, _, role = lines[1].partition(" \u2014 ")
            partner = next((p.id for p in self.template.partner_types
                            if p.label.lower() == label.strip().lower()), "")
        affiliation, handle = "", ""
        for part in (lines[2].split("\u00b7") if len(lines) > 2 else []):
            # the export keeps "X/Twitter @name" on one line (word joiner, no-break space)
            part = part.replace("\u2060", "").replace("\u00a0", " ").strip()
            if part.startswith("X/Twitter "):
                handle = part[len("X/Twitter "):].strip()
            elif part:
                affiliation = part
        author = self.author_named(name, partner or "health_professional")
        author.credentials, author.role = credentials, role.strip()
        author.affiliation, author.handle = affiliation, handle
        if partner:
            author.partner_type = partner

    def correspondence(self, block: Block) -> None:
        text = block.raw_text.removeprefix("Correspondence to:").strip()
        for part in text.split(";"):
            name, _, email = part.strip().rpartition(",")
            if name.strip():
                author = self.author_named(name.strip(), "health_professional")
                author.email, author.corresponding = email.strip(), True

    def key_message(self, block: Block) -> None:
        text = " ".join(block.raw_text.split()).lstrip("\u2022*-\u2013 ").strip()
        if text:
            self.article.key_messages.append(text)

    def reference(self, block: Block) -> None:
        # Word numbers a numbered list itself: then the text holds no number of its own
        match = None if block.numbered else _REF_NUMBER.match(block.raw_text)
        if match:
            number, text = int(match.group(1)), match.group(2)
        else:
            number, text = max(self.references, default=0) + 1, block.raw_text
        text = " ".join(text.split())
        if not text:
            return
        if number in self.references:
            number = max(self.references) + 1
        ref = Reference(kind="other", text=text)
        doi = _DOI.search(text)
        if doi:
            ref.doi = doi.group(1).rstrip(".,;")
        url = _URL.search(text)
        if url:
            ref.url = url.group(0).rstrip(".,;)")
        self.article.references.append(ref)
        self.references[number] = ref.id

    # --- walking the document -----------------------------------------------------------
    def run(self) -> Project:
        blocks = self.content.blocks
        heading_at = self._heading_positions()
        target = "@front"
        section: Section | None = None
        clip: MediaClip | None = None
        in_transcript = False
        index = 0
        while index < len(blocks):
            block = blocks[index]
            index += 1
            if index - 1 == self.plan.title_block:
                continue
            choice = heading_at.get(index - 1)
            if choice is not None:
                target, section, clip, in_transcript = choice.target, None, None, False
                if target in (VIEWPOINT, OWN) or self.template.section_spec(target):
                    section = self.section_for(choice)
                elif target == UNPLACED:
                    self.unplaced.append(Paragraph([Run(choice.heading, bold=True)]))
                elif target == GENERATED:
                    self.generated_skipped = True
                continue
            if block.missing_pictures:
                self.notes.append("A picture linked to a file outside the document could not "
                                  "be brought in; add it in Illustrations.")
            if block.in_table:
                index = self._pictures(block, blocks, index)
                if block.raw_text.strip() and not self.table_noted:
                    self.table_noted = True
                    self.notes.append("Tables cannot go into a Partnership in Practice "
                                      f"article: their text is in “{UNPLACED_TITLE}”, one line "
                                      "per row.")
                self.keep_unplaced(block)
            elif target == "@front":
                self._pictures(block, blocks, index)
                self.front(block)
            elif section is not None:
                index = self._pictures(block, blocks, index)
                self._into_section(section, block)
            elif target == KEY_MESSAGES:
                self.key_message(block)
            elif target == REFERENCES:
                self.reference(block)
            elif target == ILLUSTRATIONS:
                index = self._illustrations(block, blocks, index)
            elif target == CLIPS:
                clip, in_transcript = self._clips(block, clip, in_transcript)
            elif target == KEY_QUOTES:
                self._key_quote(block)
            elif target == GENERATED:
                continue
            else:
                index = self._pictures(block, blocks, index)
                self.keep_unplaced(block, bold=bool(block.level))
        return self._finish()

    def _heading_positions(self) -> dict[int, HeadingChoice]:
        plan, positions = self.plan, {}
        choices = iter(plan.headings)
        pseudo = plan.section_level == 0
        for index, block in enumerate(self.content.blocks):
            if index != plan.title_block and _is_heading(block, plan.section_level, self.own,
                                                         pseudo):
                positions[index] = next(choices)
        return positions

    def _into_section(self, section: Section, block: Block) -> None:
        if self.own and block.style == "Note":
            return                  # "(This section is still empty.)" in a draft export
        if block.raw_text.strip():
            section.body.paragraphs.append(self.paragraph(block, bold=bool(block.level)))

    def _caption_at(self, blocks: list[Block], index: int) -> tuple[str, str, int]:
        """(caption, credit, next index) from the paragraphs after a picture."""
        caption = credit = ""
        if index < len(blocks):
            block = blocks[index]
            text = " ".join(block.raw_text.split())
            if block.style == "Caption" or (_FIGURE.match(text) and _FIGURE.match(text).end()):
                caption = _FIGURE.sub("", text, count=1).strip()
                index += 1
        if index < len(blocks) and " ".join(blocks[index].raw_text.split()).startswith(
                "Credit:"):
            credit = " ".join(blocks[index].raw_text.split())[len("Credit:"):].strip()
            index += 1
        return ("" if caption in _NO_CAPTION else caption), credit, index

    def _pictures(self, block: Block, blocks: list[Block], index: int) -> int:
        for picture in block.pictures:
            caption, credit, index = self._caption_at(blocks, index)
            self.picture(picture, caption, credit)
        return index

    def _illustrations(self, block: Block, blocks: list[Block], index: int) -> int:
        text = " ".join(block.raw_text.split())
        if block.pictures:
            return self._pictures(block, blocks, index)
        if self.own and block.style == "Alt Text":
            alt, _, file_name = text.partition("(alt text): ")[2].rpartition(" \u00b7 File:")
            if self.article.illustrations:
                last = self.article.illustrations[-1]
                if not last.alt_text and alt.strip() not in _NO_CAPTION:
                    last.alt_text = alt.strip()
                if file_name.strip():
                    last.media.original_name = file_name.strip().rsplit("/", 1)[-1]
            return index
        if self.own and block.style in ("Note",):
            return index
        if block.style == "Caption" or _FIGURE.match(text):
            self.notes.append("A caption had no picture above it; it is kept in "
                              f"“{UNPLACED_TITLE}”.")
        self.keep_unplaced(block)
        return index

    def _clips(self, block: Block, clip: MediaClip | None, in_transcript: bool
               ) -> tuple[MediaClip | None, bool]:
        text = " ".join(block.raw_text.split())
        match = _CLIP_HEADING.match(text) if block.level else None
        if match:
            clip = MediaClip(kind=match.group(1).lower(), title=match.group(2).strip())
            self.article.clips.append(clip)
            return clip, False
        if clip is None:
            self.keep_unplaced(block)
            return clip, in_transcript
        if block.level and text.lower() == "transcript":
            return clip, True
        if block.style == "Note":
            url = _URL.search(text)
            if url:
                clip.url = url.group(0)
            if "File:" in text:
                self.notes.append(f"The file of the clip “{clip.title or clip.caption}” is not "
                                  "in the Word document: attach it again in Illustrations.")
        elif block.style == "Caption" and not in_transcript:
            caption = _CLIP_CAPTION.sub("", text, count=1)
            clip.caption = "" if caption in _NO_CAPTION else caption
        elif in_transcript and text not in _NO_CAPTION:
            clip.transcript = f"{clip.transcript}\n{text}".strip()
        else:
            self.keep_unplaced(block)
        return clip, in_transcript

    def _key_quote(self, block: Block) -> None:
        text = " ".join(block.raw_text.split())
        if block.style == "Key Quote":
            self.quotes.append((text.strip("\u201c\u201d\""), ""))
        elif block.style == "Quote Source" and self.quotes:
            source = text.removeprefix("From").strip().strip("\u201c\u201d\"")
            self.quotes[-1] = (self.quotes[-1][0], source)

    # --- finishing ------------------------------------------------------------------------
    def _finish(self) -> Project:
        article = self.article
        if self.unplaced:
            article.sections.append(Section(UNPLACED_TITLE, kind="other", key=UNPLACED_KEY,
                                            body=RichText(self.unplaced)))
            self.notes.append(f"Some text could not be placed: it is in the section "
                              f"“{UNPLACED_TITLE}” at the end. Move it where it belongs, then "
                              "remove that section (until then it is a must-fix: it would go "
                              "to the editors as it is).")
        self._add_missing_sections()
        self._link_citations()
        self._flag_quotes()
        for section in article.sections:
            section.body = RichText([p.normalised() for p in section.body.paragraphs
                                     if p.text().strip() or p.citations()])
        self._note_kept()
        if self.generated_skipped:
            self.notes.append("The competing-interests statement and the word count were not "
                              "imported: PiP Writer writes them from the article. Each author "
                              "declares their interests in Competing interests.")
        return Project(article, self.media)

    def _note_kept(self) -> None:
        """Say what was kept in the text although the article has no place of its own for it."""
        blocks = self.content.blocks
        notes = sum(b.footnotes for b in blocks)
        links = sum(b.links for b in blocks)
        boxes = sum(1 for b in blocks if b.textbox and b.raw_text.strip())
        if notes:
            self.notes.append(f"{_count(notes, 'footnote or endnote', 'footnotes or endnotes')}"
                              " kept in the text where the number was, as “[Footnote: …]”: "
                              "work each into the text or remove it.")
        if links:
            self.notes.append(f"{_count(links, 'link address', 'link addresses')} kept in "
                              "brackets after the linked words, as “(https://…)”.")
        if boxes:
            self.notes.append(f"Text from text boxes ({_count(boxes, 'paragraph')}) kept as "
                              "paragraphs of its own after the paragraph each box was in.")

    def _add_missing_sections(self) -> None:
        order = [k for k in self.template.order]
        rank = {key: i for i, key in enumerate(order)}
        viewpoint_rank = rank.get("@viewpoints", len(order))
        sections = self.article.sections

        def rank_of(section: Section) -> float | None:
            if section.kind == "viewpoint":
                return viewpoint_rank
            return rank.get(section.key)

        for key in order:
            if key == "@viewpoints" or key in self.by_key:
                continue
            spec = self.template.section_spec(key)
            new = Section(spec.title, kind="guidance", key=key)
            position = len(sections)
            for i, section in enumerate(sections):
                r = rank_of(section)
                if section.title == UNPLACED_TITLE or (r is not None and r > rank[key]):
                    position = i
                    break
            sections.insert(position, new)
            self.by_key[key] = new

    def _link_citations(self) -> None:
        unknown: set[int] = set()
        for section in self.article.sections:
            for paragraph in section.body.paragraphs:
                items = []
                for item in paragraph.items:
                    if not isinstance(item, PendingCitation):
                        items.append(item)
                        continue
                    refs = [self.references.get(n) for n in item.numbers]
                    if all(refs):
                        items.append(Citation(list(dict.fromkeys(refs))))
                    else:
                        unknown.update(n for n in item.numbers if n not in self.references)
                        items.append(Run(item.original))
                paragraph.items[:] = items
        if unknown:
            numbers = ", ".join(str(n) for n in sorted(unknown)[:10])
            self.notes.append(f"Citation numbers with no matching reference were kept as text "
                              f"({numbers}). Cite the references again with Insert citation.")

    def _flag_quotes(self) -> None:
        for text, source in self.quotes:
            sections = [s for s in self.article.sections if not source or s.title == source]
            if not any(flag_quote(s.body, text, new_id("quote")) for s in sections):
                self.notes.append(f"The key quote “{text[:60]}” was not found in the text; "
                                  "flag it again.")


def _count(n: int, one: str, many: str | None = None) -> str:
    return f"{n} {one if n == 1 else (many or one + 's')}"


def flag_quote(rich: RichText, text: str, quote_id: str) -> bool:
    """Mark the first occurrence of ``text`` within one paragraph as a key quote."""
    wanted = " ".join(text.split())
    if not wanted:
        return False
    for paragraph in rich.paragraphs:
        plain = paragraph.text()
        start = plain.find(wanted)
        if start < 0:
            continue
        end = start + len(wanted)
        items, offset = [], 0
        for item in paragraph.items:
            if not isinstance(item, Run):
                if start < offset < end:
                    item = Citation(list(item.refs), quote_id)
                items.append(item)
                continue
            low, high = offset, offset + len(item.text)
            offset = high
            cut = [max(low, min(high, p)) - low for p in (start, end)]
            pieces = [(item.text[:cut[0]], item.quote), (item.text[cut[0]:cut[1]], quote_id),
                      (item.text[cut[1]:], item.quote)]
            items += [Run(t, item.bold, item.italic, q) for t, q in pieces if t]
        paragraph.items[:] = Paragraph(items, paragraph.style).normalised().items
        return True
    return False


def import_docx(path: Path | str, plan: ImportPlan | None = None,
                template: Template | None = None) -> Project:
    """The draft as a new, unsaved project (raises DocxImportError with a message). Without a
    plan, every heading goes where :func:`plan_import` guessed."""
    if plan is None:
        plan = plan_import(path, template)
    template = template or get_template(plan.template_id)
    builder = _Builder(plan, template)
    project = builder.run()
    plan.notes[:] = builder.notes
    return project
