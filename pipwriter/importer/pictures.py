"""Pictures and clips in a Word draft: every picture becomes an illustration, with its alt
text (Word's "Alt Text") and the caption under it ("Figure 1: …", or Word's Caption style).
Pictures are cleaned like any added picture (no camera or location data). A document PiP
Writer exported also brings back its clips (link, caption, transcript) and credits.
"""

from __future__ import annotations

import logging
import re

from ..model.article.media import Illustration, MediaClip, MediaRef
from ..model.article.text import Paragraph, Run
from ..model.rules.checks import UNPLACED_TITLE
from .blocks import Block, Picture
from .references import URL
from .state import BuildState

log = logging.getLogger(__name__)
_FIGURE = re.compile(r"^\s*(?:figure|fig\.?)\s*\d*\s*[.:\u2013\u2014-]?\s*", re.IGNORECASE)
_CLIP_HEADING = re.compile(r"^clip\s+\d+\s*\((video|audio)\)\s*:?\s*(.*)$", re.IGNORECASE)
_CLIP_CAPTION = re.compile(r"^clip\s+\d+\.\s*", re.IGNORECASE)
_NO_CAPTION = ("(no caption yet)", "(none yet)", "(no transcript yet)")
_EXTENSIONS = {"image/jpeg": "jpg", "image/png": "png", "image/gif": "gif",
               "image/bmp": "bmp", "image/tiff": "tiff", "image/webp": "webp"}


class MediaParts:
    """Brings in the pictures and clips of one draft into ``state.article``."""

    def __init__(self, state: BuildState):
        self.state = state
        self.clip: MediaClip | None = None
        self.in_transcript = False

    def picture(self, picture: Picture, caption: str = "", credit: str = "") -> None:
        state = self.state
        number = len(state.article.illustrations) + 1
        ext = _EXTENSIONS.get(picture.content_type, "")
        name = f"figure-{number}.{ext or 'bin'}"
        data, mime, width, height = picture.data, picture.content_type, 0, 0
        if not state.own or not ext:
            from ..imaging import ImageImportError, import_image_bytes
            try:
                max_side = state.template.rules.image_max_long_side_px
                cleaned = import_image_bytes(picture.data, name, max_long_side=max_side,
                                             min_short_side=0, purpose="illustration")
            except ImageImportError as error:
                state.notes.append(f"Picture {number} could not be brought in: {error}")
                state.unplaced.append(Paragraph([Run(f"[A picture was here but could not be "
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
                log.info("The size of picture %d could not be read", number, exc_info=True)
        stored = state.media.add_bytes(data, ext)
        state.article.illustrations.append(Illustration(
            MediaRef(stored, name, mime, len(data), width, height), kind="photo",
            caption=caption, alt_text=picture.alt, credit=credit))

    @staticmethod
    def caption_at(blocks: list[Block], index: int) -> tuple[str, str, int]:
        """(caption, credit, next index) from the paragraphs after a picture."""
        caption = credit = ""
        if index < len(blocks):
            block = blocks[index]
            text = " ".join(block.raw_text.split())
            label = _FIGURE.match(text)
            if block.style == "Caption" or (label and label.end()):
                caption = _FIGURE.sub("", text, count=1).strip()
                index += 1
        if index < len(blocks) and " ".join(blocks[index].raw_text.split()).startswith(
                "Credit:"):
            credit = " ".join(blocks[index].raw_text.split())[len("Credit:"):].strip()
            index += 1
        return ("" if caption in _NO_CAPTION else caption), credit, index

    def pictures(self, block: Block, blocks: list[Block], index: int) -> int:
        """Bring in the block's pictures, each with the caption after it; the index of the
        next block not used as a caption."""
        for picture in block.pictures:
            caption, credit, index = self.caption_at(blocks, index)
            self.picture(picture, caption, credit)
        return index

    def illustrations(self, block: Block, blocks: list[Block], index: int) -> int:
        """A block under the "Illustrations" heading; the index of the next block."""
        state = self.state
        text = " ".join(block.raw_text.split())
        if block.pictures:
            return self.pictures(block, blocks, index)
        if state.own and block.style == "Alt Text":
            alt, _, file_name = text.partition("(alt text): ")[2].rpartition(" \u00b7 File:")
            if state.article.illustrations:
                last = state.article.illustrations[-1]
                if not last.alt_text and alt.strip() not in _NO_CAPTION:
                    last.alt_text = alt.strip()
                if file_name.strip():
                    last.media.original_name = file_name.strip().rsplit("/", 1)[-1]
            return index
        if state.own and block.style in ("Note",):
            return index
        if block.style == "Caption" or _FIGURE.match(text):
            state.notes.append("A caption had no picture above it; it is kept in "
                               f"“{UNPLACED_TITLE}”.")
        state.keep_unplaced(block)
        return index

    def new_part(self) -> None:
        """A new heading: no clip is being read any more."""
        self.clip, self.in_transcript = None, False

    def clips(self, block: Block) -> None:
        """A block under the "Video and audio clips" heading (of a PiP Writer export)."""
        state = self.state
        text = " ".join(block.raw_text.split())
        match = _CLIP_HEADING.match(text) if block.level else None
        if match:
            self.clip = MediaClip(kind=match.group(1).lower(), title=match.group(2).strip())
            state.article.clips.append(self.clip)
            self.in_transcript = False
            return
        clip = self.clip
        if clip is None:
            state.keep_unplaced(block)
            return
        if block.level and text.lower() == "transcript":
            self.in_transcript = True
            return
        if block.style == "Note":
            url = URL.search(text)
            if url:
                clip.url = url.group(0)
            if "File:" in text:
                state.notes.append(f"The file of the clip “{clip.title or clip.caption}” is "
                                   "not in the Word document: attach it again in Illustrations.")
        elif block.style == "Caption" and not self.in_transcript:
            caption = _CLIP_CAPTION.sub("", text, count=1)
            clip.caption = "" if caption in _NO_CAPTION else caption
        elif self.in_transcript and text not in _NO_CAPTION:
            clip.transcript = f"{clip.transcript}\n{text}".strip()
        else:
            state.keep_unplaced(block)
