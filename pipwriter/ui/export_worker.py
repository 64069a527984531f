"""The export for submission, run off the GUI thread: :class:`ExportWorker` writes the bundle
from a :func:`snapshot` of the project (so typing during the export cannot change what is
written) and reports progress, success or a failure in words the dialog can show."""

from __future__ import annotations

import copy
import dataclasses
import logging
import threading
from pathlib import Path

from PySide6.QtCore import QThread, Signal

from ..export.bundle import export_bundle
from ..export.errors import ExportCancelled
from ..model.errors import PipError
from ..model.storage.project import Project
from .worker_jobs import pause_collector, resume_collector

log = logging.getLogger(__name__)


def snapshot(session) -> Project:
    """A copy of the project to export, so typing during the export cannot change it. The
    media store is shared: it only ever gains files."""
    session.sync()
    project = session.project
    return dataclasses.replace(project, article=copy.deepcopy(project.article),
                               warnings=list(project.warnings),
                               ancestry=copy.deepcopy(project.ancestry))


class ExportWorker(QThread):
    """Runs export_bundle off the GUI thread; its signals reach the dialog queued."""

    progressed = Signal(int, str)
    succeeded = Signal(object)       # ExportResult
    failed = Signal(str, bool)       # message, cancelled

    def __init__(self, project: Project, template, folder: Path, *, draft: bool,
                 make_zip: bool, overwrite: bool, parent=None):
        super().__init__(parent)
        self.project, self.template, self.folder = project, template, folder
        self.draft, self.make_zip, self.overwrite = draft, make_zip, overwrite
        self.cancel_event = threading.Event()

    def run(self) -> None:
        pause_collector()           # never collect Qt objects on this thread (worker_jobs.py)
        try:
            self._export()
        finally:
            resume_collector()

    def _export(self) -> None:
        try:
            result = export_bundle(self.project, self.folder, draft=self.draft,
                                   make_zip=self.make_zip, overwrite=self.overwrite,
                                   template=self.template,
                                   progress=lambda p, m: self.progressed.emit(int(p), str(m)),
                                   cancelled=self.cancel_event.is_set)
        except ExportCancelled as error:
            self.failed.emit(str(error), True)
        except PipError as error:
            self.failed.emit(str(error), False)
        except Exception as error:  # noqa: BLE001 - shown to the user, never a crash
            log.exception("the export to %s failed unexpectedly", self.folder)
            self.failed.emit(f"The bundle could not be written: {type(error).__name__}: "
                             f"{error}. Nothing was written.", False)
        else:
            self.succeeded.emit(result)
