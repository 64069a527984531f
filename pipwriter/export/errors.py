"""Errors the export raises: each message says what went wrong and what to do, in plain words."""

from __future__ import annotations

from ..model.errors import PipError


class ExportError(PipError):
    """The bundle could not be written. Nothing half-written is left behind."""


class ExportCancelled(ExportError):
    """The user cancelled the export; the temporary folder was removed."""

    def __init__(self, message: str = "Export cancelled. Nothing was written."):
        super().__init__(message)
