"""The Qt user interface: thin widgets that show and edit the model.

Every process that shows the app imports PySide6 here first, then spares PySide from reading
the source of each module imported after it (``pyside_import_check``)."""

from PySide6 import QtCore  # noqa: F401 - loads PySide, and with it the table filled below

from .pyside_import_check import spare_source_reads

spare_source_reads()
