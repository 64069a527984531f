"""What the bundle will hold and what each file is called, decided before anything is written (so
the article can name the clip files and the cover note can list the attachments).

Layout (``Lloyd`` is the first author's surname)::

    Lloyd-What-matters-after-a-stroke-.../      ("-DRAFT" added for a draft)
        Lloyd-article.docx
        Lloyd-competing-interests.docx
        photos/Bethan-Lloyd.jpg, photos/Malcolm-Reid.jpg
        illustrations/Figure-1-co-design-cycle.png
        media/Clip-1-<title>.mp4
        Lloyd-notes-for-editors.txt
        Lloyd-submission-checklist.txt
        Lloyd-cover-note.txt
        manifest.json
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import PurePosixPath

from ..model.article.article import Article
from .manifest import MANIFEST_NAME
from .names import safe_component, safe_filename, surname, unique_name

FOLDER_MAX = 60
FILE_MAX = 60


@dataclass(frozen=True)
class MediaFile:
    media_name: str      # name in the project's media store
    path: str            # bundle-relative, "/"-separated
    description: str     # what it is, for the cover note and the manifest
    item_id: str = ""    # the author (photo), illustration or clip it is the file of


@dataclass
class BundlePlan:
    folder_name: str
    article: str
    disclosure: str
    checklist: str
    cover_note: str
    media: list[MediaFile] = field(default_factory=list)
    manifest: str = MANIFEST_NAME
    notes: str = "notes-for-editors.txt"    # word count, files, alt text, credits, key quotes

    def file_names(self) -> dict[str, str]:
        """The id of the author (photo), illustration or clip -> its file's bundle path (for
        the article and the notes to name its files). By the item, not the picture: one
        picture can be a photo and an illustration (found by a walk: the notes named a photo
        by the illustration's file)."""
        return {m.item_id: m.path for m in self.media}


def bundle_folder_name(article: Article, draft: bool = False) -> str:
    first = article.authors[0].name if article.authors else ""
    name = safe_component(f"{surname(first)} {article.title}", FOLDER_MAX,
                          fallback="PiP-Writer-article")
    return f"{name}-DRAFT" if draft else name


def _suffix(media_name: str) -> str:
    return PurePosixPath(media_name).suffix


def _stem(original: str) -> str:
    return PurePosixPath(original).stem if original else ""


def plan_bundle(article: Article, draft: bool = False) -> BundlePlan:
    first = article.authors[0].name if article.authors else ""
    stem = safe_component(surname(first), 30, fallback="PiP")
    tail = "-DRAFT" if draft else ""
    plan = BundlePlan(bundle_folder_name(article, draft),
                      article=f"{stem}-article{tail}.docx",
                      disclosure=f"{stem}-competing-interests{tail}.docx",
                      checklist=f"{stem}-submission-checklist{tail}.txt",
                      cover_note=f"{stem}-cover-note{tail}.txt",
                      notes=f"{stem}-notes-for-editors{tail}.txt")
    taken: dict[str, set[str]] = {"photos": set(), "illustrations": set(), "media": set()}

    def add(folder: str, media_name: str, stem_text: str, fallback: str, what: str,
            item_id: str) -> None:
        name = safe_filename(stem_text, _suffix(media_name), FILE_MAX, fallback)
        name = unique_name(name, taken[folder])
        plan.media.append(MediaFile(media_name, f"{folder}/{name}", what, item_id))

    for n, author in enumerate(article.authors, start=1):
        if author.photo:
            add("photos", author.photo.media.name, author.name, f"author-{n}",
                f"photo of {' '.join(author.name.split()) or f'author {n}'}", author.id)
    for n, item in enumerate(article.illustrations, start=1):
        add("illustrations", item.media.name, f"Figure {n} {_stem(item.media.original_name)}",
            f"Figure-{n}", f"Figure {n} as a file of its own: the picture as it is in the "
            "article (location details taken out, a large picture made smaller), not the "
            "authors' original", item.id)
    for n, clip in enumerate(article.clips, start=1):
        if clip.media:
            label = clip.title or _stem(clip.media.original_name)
            add("media", clip.media.name, f"Clip {n} {label}", f"Clip-{n}",
                f"clip {n} ({clip.kind})", clip.id)
    return plan
