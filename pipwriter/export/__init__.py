"""Writing the submission bundle from the model (Qt-free: the CLI runs it headless).

Public entry points: :func:`~pipwriter.export.bundle.export_bundle`,
:func:`~pipwriter.export.bundle.planned_folder`, :class:`~pipwriter.export.bundle.ExportResult`,
:class:`~pipwriter.export.errors.ExportError` and
:func:`~pipwriter.export.manifest.verify_bundle`. Import them from their modules; this package
file stays empty so importing one writer does not load the others.
"""
