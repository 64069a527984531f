"""The submission bundle: one folder (and optionally one .zip of it) holding the article, the
competing-interests forms, the photos, illustrations and clips, the checklist, a cover note and a
manifest of checksums. See :mod:`pipwriter.export.plan` for the layout and names.

Behaviour:

* Nothing blocks a draft; otherwise a finding of severity ``error`` stops the export with an
  :class:`ExportError` listing what to fix (the CLI checks first and says the same).
* Everything is written into a hidden temporary folder inside ``out_dir`` and renamed into place
  at the end; a failure, or ``cancelled()`` returning True, removes it (nothing half-written).
* An existing bundle is never overwritten silently. By default the new bundle gets the next free
  name, "<name> (2)", "<name> (3)"... (checked for the folder and, with ``make_zip``, its zip),
  and the name is in the result and in every printed path. With ``overwrite=True`` (a GUI that
  asked the user first) the old bundle is replaced only once the new one is complete; if a file
  in it is open in Word the old one is kept and the message says to close it.
  :func:`planned_folder` tells a GUI the name the bundle will get, to ask before exporting.
* ``progress(percent, message)`` is called as work advances (0..100); ``cancelled()`` is polled
  between files and while copying large ones. Neither may touch widgets directly: the GUI passes
  thread-safe callables (signals). No Qt here: the CLI runs this headless.
"""

from __future__ import annotations

import logging
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from ..model.errors import PipError
from ..model.rules.report import Report, build_report
from ..model.rules.template import Template, get_template
from ..model.storage.project import Project
from . import staging
from .article_docx import ArticleOptions, write_article_docx
from .checklist import checklist_text
from .cover_note import cover_note_text
from .disclosure_docx import write_disclosure_docx
from .docx_base import one_line, safe_text
from .editor_notes import editor_notes_text
from .errors import ExportCancelled, ExportError
from .manifest import entry_for, manifest_json
from .names import numbered_free_name
from .plan import BundlePlan, plan_bundle

log = logging.getLogger(__name__)

Progress = Callable[[int, str], None]
Cancelled = Callable[[], bool]
CHUNK = 1 << 20


@dataclass
class ExportResult:
    folder: Path
    zip_path: Path | None
    files: list[Path]                      # every file written, in the order written; zip last
    warnings: list[str] = field(default_factory=list)
    draft: bool = False


class _Job:
    """One export run: reports progress, checks for cancellation, records written files."""

    def __init__(self, progress: Progress | None, cancelled: Cancelled | None, steps: int):
        self._progress = progress
        self._cancelled = cancelled or (lambda: False)
        self._steps = max(steps, 1)
        self._done = 0
        self.written: list[Path] = []

    def check(self) -> None:
        if self._cancelled():
            raise ExportCancelled()

    def cancelled(self) -> bool:
        return self._cancelled()

    def step(self, message: str) -> None:
        self.check()
        if self._progress:
            self._progress(min(99, int(100 * self._done / self._steps)), message)
        self._done += 1

    def finish(self, message: str) -> None:
        if self._progress:
            self._progress(100, message)


def planned_folder(project: Project, out_dir: Path, *, draft: bool = False,
                   make_zip: bool = False) -> tuple[Path, bool]:
    """(the folder the bundle would be written to, whether a bundle of that name exists)."""
    out_dir = Path(out_dir)
    name = plan_bundle(project.article, draft).folder_name
    free = numbered_free_name(out_dir, name, ("", ".zip") if make_zip else ("",))
    return out_dir / free, free != name


def _copy_media(project: Project, name: str, target: Path, job: _Job) -> None:
    class _Writer:
        def __init__(self, handle: BinaryIO) -> None:
            self.handle = handle

        def write(self, data: bytes) -> int:
            job.check()
            return self.handle.write(data)

    with target.open("wb") as handle:
        project.media.copy_to(name, _Writer(handle))


def _write_text(path: Path, text: str) -> None:
    """UTF-8 with a byte-order mark and Windows line endings: readable in any Notepad."""
    path.write_text(safe_text(text), encoding="utf-8-sig", newline="\r\n")


def _zip(folder: Path, arc_root: str, target: Path, files: list[Path], job: _Job) -> None:
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in files:
            job.check()
            arcname = f"{arc_root}/{path.relative_to(folder).as_posix()}"
            stored = path.suffix.lower() in (".jpg", ".jpeg", ".png", ".mp4", ".m4a", ".mp3",
                                              ".docx", ".mov", ".gif", ".webp")
            archive.write(path, arcname, zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED)


def _attachments(plan: BundlePlan) -> list[tuple[str, str]]:
    items = [(plan.article, "the article itself (Word)"),
             (plan.notes, "notes for the editors: the word count and how it was made, each "
                          "picture's and clip's file, description, credit and permission, and "
                          "the flagged key quotes"),
             (plan.disclosure, "each author's competing-interests declaration, laid out like "
                               "the ICMJE form")]
    items += [(m.path, m.description) for m in plan.media]
    items += [(plan.checklist, "the series' requirements and how the article meets them"),
              (plan.manifest, "a list of the files with checksums, to check nothing is "
                              "missing or changed")]
    return items


def _blocked_message(report: Report) -> str:
    problems = report.blocking()
    listed = "; ".join(f.message for f in problems[:3])
    more = f" (and {len(problems) - 3} more)" if len(problems) > 3 else ""
    return (f"The article is not ready to submit: {listed}{more}. Fix "
            f"{'this' if len(problems) == 1 else 'these'} first, or export a draft.")


def _write_bundle(project: Project, template: Template, report: Report, plan: BundlePlan,
                  folder: Path, draft: bool, job: _Job) -> list[str]:
    """Write every file into ``folder`` (the temporary one); returns warnings."""
    article = project.article
    counts = report.counts
    warnings: list[str] = []
    job.step("Writing the article\u2026")
    path = folder / plan.article
    options = ArticleOptions(draft=draft, draft_reasons=[f.message for f in report.blocking()],
                             file_names=plan.file_names())
    stats: dict = {}
    warnings += write_article_docx(project, path, template, counts, options, stats)
    job.written.append(path)
    path = folder / plan.notes
    _write_text(path, editor_notes_text(project, template, counts, options.file_names,
                                        manuscript_words=stats.get("words"), draft=draft))
    job.written.append(path)
    job.step("Writing the competing-interests forms\u2026")
    path = folder / plan.disclosure
    write_disclosure_docx(article, path, draft=draft)
    job.written.append(path)
    for media in plan.media:
        job.step(f"Copying {media.path}\u2026")
        if media.media_name not in project.media:
            warnings.append(f"{media.path} was left out: the file is missing from the project.")
            continue
        if project.media.damage(media.media_name, picture=False) == "damaged":
            warnings.append(f"{media.path} was left out: its file is damaged (it cannot be "
                            "read back whole).")
            continue
        path = folder / media.path
        path.parent.mkdir(exist_ok=True)
        _copy_media(project, media.media_name, path, job)
        job.written.append(path)
    job.step("Writing the checklist\u2026")
    path = folder / plan.checklist
    _write_text(path, checklist_text(project, template, counts, report.findings, draft=draft))
    job.written.append(path)
    job.step("Writing the cover note\u2026")
    attachments = [(p, w) for p, w in _attachments(plan)
                   if p in (plan.article, plan.notes, plan.disclosure, plan.checklist,
                            plan.manifest)
                   or (folder / p).exists()]
    path = folder / plan.cover_note
    _write_text(path, cover_note_text(article, template, counts, attachments, draft=draft))
    job.written.append(path)
    job.step("Listing the files and their checksums\u2026")
    descriptions = dict(_attachments(plan))
    # "draft" only for a draft export (found by a walk: a final export's manifest called it
    # "a draft cover note")
    descriptions[plan.cover_note] = ("a cover note for the authors to paste into their email to "
                                     "the series editors" + (" (from a draft export: not to "
                                                             "be sent)" if draft else ""))
    entries = [entry_for(folder, p, descriptions.get(p.relative_to(folder).as_posix(), ""),
                         job.cancelled) for p in job.written]
    path = folder / plan.manifest
    path.write_text(manifest_json(entries, title=one_line(article.title),
                                  authors=[one_line(a.name) for a in article.authors],
                                  draft=draft), encoding="utf-8")
    job.written.append(path)
    return warnings


def export_bundle(project: Project, out_dir: Path, *, draft: bool = False,
                  make_zip: bool = False, progress: Progress | None = None,
                  cancelled: Cancelled | None = None, overwrite: bool = False,
                  report: Report | None = None, template: Template | None = None
                  ) -> ExportResult:
    """Write the submission bundle into ``out_dir``; see the module notes for the behaviour.

    Raises ExportError (a PipError) with a message for the user; ExportCancelled on cancel.
    """
    out_dir = Path(out_dir)
    template = template or get_template(project.article.template_id)
    report = report or build_report(project)
    if report.blocking() and not draft:
        raise ExportError(_blocked_message(report))
    plan = plan_bundle(project.article, draft)
    staging.prepare_destination(out_dir)
    if not overwrite:
        plan.folder_name = numbered_free_name(out_dir, plan.folder_name,
                                              ("", ".zip") if make_zip else ("",))
    job = _Job(progress, cancelled, len(plan.media) + 7 + (1 if make_zip else 0))
    temp = staging.make_staging(out_dir, plan.folder_name)
    temp_zip = temp.with_name(temp.name + ".zip") if make_zip else None
    target = out_dir / plan.folder_name
    zip_target = out_dir / f"{plan.folder_name}.zip" if make_zip else None
    try:
        warnings = _write_bundle(project, template, report, plan, temp, draft, job)
        if temp_zip is not None:
            job.step("Making the zip file\u2026")
            _zip(temp, plan.folder_name, temp_zip, job.written, job)
        job.step("Putting the bundle in place\u2026")
        pairs = [(temp, target)]
        if temp_zip is not None and zip_target is not None:
            pairs.append((temp_zip, zip_target))
        staging.move_into_place(pairs, replace=overwrite)
    except PipError:
        raise
    except OSError as error:
        raise staging.explain(error, out_dir) from error
    except Exception as error:  # noqa: BLE001 - e.g. text python-docx rejects: one clear message
        log.error("writing the bundle failed unexpectedly", exc_info=True)
        raise ExportError(f"The bundle could not be written: {type(error).__name__}: {error}. "
                          "Nothing was written.") from error
    finally:
        staging.remove_quietly(temp)
        staging.remove_quietly(temp_zip)
    files = [target / p.relative_to(temp) for p in job.written]
    if zip_target is not None:
        files.append(zip_target)
    job.finish("Bundle written.")
    return ExportResult(target, zip_target, files, warnings, draft)
