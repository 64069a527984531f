"""A project in memory: the article, its stored media, and where it lives on disk."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .article import Article
from .media_store import MediaStore


@dataclass
class Project:
    article: Article
    media: MediaStore = field(default_factory=MediaStore)
    path: Path | None = None
    warnings: list[str] = field(default_factory=list)  # problems found on loading
    ancestry: list[dict] = field(default_factory=list)  # copies this file was made from

    def missing_media(self) -> list[str]:
        return [ref.name for ref in self.article.media_refs() if ref.name not in self.media]
