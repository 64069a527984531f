"""The demo article that comes with PiP Writer (``resources/demo/``), opened as a project.

The files are made by ``tools/make_demo.py``; here they are only read. Every picture's file name
is its content address, so a damaged or swapped picture is noticed rather than shown.
"""

from __future__ import annotations

import json
from pathlib import Path

from ...resources import resource
from ..article.article import Article
from ..errors import DataError, PipError
from .media_store import MediaStore
from .project import Project
from .project_file import save_project

_DAMAGED = ("The demo article that comes with PiP Writer is missing or damaged ({detail}). "
            "Reinstall PiP Writer to get it back.")


def demo_dir() -> Path:
    return resource("demo")


def demo_project() -> Project:
    """A new, unsaved project holding the demo article and its pictures."""
    folder = demo_dir()
    try:
        data = json.loads((folder / "article.json").read_text(encoding="utf-8"))
        article = Article.from_json(data)
    except (OSError, UnicodeDecodeError, ValueError) as error:
        raise PipError(_DAMAGED.format(detail="article.json cannot be read")) from error
    except DataError as error:
        raise PipError(_DAMAGED.format(detail=str(error))) from error
    media = MediaStore()
    for ref in article.media_refs():
        try:
            content = (folder / "media" / ref.name).read_bytes()
        except OSError as error:
            raise PipError(_DAMAGED.format(detail=f"picture {ref.name} is missing")) from error
        if media.add_bytes(content, Path(ref.name).suffix) != ref.name:
            raise PipError(_DAMAGED.format(detail=f"picture {ref.name} has changed"))
    return Project(article, media)


def write_demo(path: Path | str) -> Path:
    """Save the demo article as a project file at ``path`` and return where it was written."""
    return save_project(demo_project(), Path(path))
