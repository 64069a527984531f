"""Sparing PySide6 from reading the source of every module the app imports.

Once PySide6 is loaded it looks at every module imported afterwards, the first time each is
imported, to find out whether it uses PySide's optional ``from __feature__ import ...`` syntax.
It decides by reading the module's whole source file and looking for the word "PySide6", and
records the answer in a table by module name (``shibokensupport.feature.pyside_feature_dict``).
Nothing in the app uses ``__feature__``, so the answers change nothing for us, but reading ~160
source files cost the start-up 16-19 ms (measured side by side, ``docs/performance.md``).

:func:`spare_source_reads` fills the table in advance, for the app's own modules and the
standard library's. The interface's modules get PySide's answer for a module that uses it
("uses PySide, no feature": 0), as PySide itself would give nearly all of them; every other
module gets PySide's "leave this module alone" (-1), as PySide itself gives every module that
does not name it. Where the two differ from what reading would say (a few interface modules
without Qt in them, and ``app.py``, ``imaging.py`` and ``selftest.py``, which name PySide6
outside the interface) nothing changes either: with no module selecting a feature, PySide
keeps the plain feature set whichever answer it finds. ``tests/test_pyside_import_check.py``
holds that no module of ours imports ``__feature__`` and that none of ours is read.

If a later PySide6 stores its table differently, nothing is filled in and the start-up is
only slower; the test says so.
"""

from __future__ import annotations

import logging
import os
import sys

log = logging.getLogger(__name__)

LEAVE_ALONE = -1            # PySide's own "ignore this module" answer
USES_PYSIDE = 0             # PySide's answer for a module naming it, with no feature selected
INTERFACE = "pipwriter.ui"
FEATURE_MODULE = "shibokensupport.feature"


def import_table() -> dict | None:
    """PySide's table of answers, or None if this PySide6 keeps none we know how to fill."""
    table = getattr(sys.modules.get(FEATURE_MODULE), "pyside_feature_dict", None)
    return table if isinstance(table, dict) else None


def package_module_names(package: str, folder: str) -> list[str]:
    """The dotted names of the package in ``folder`` and every module and sub-package in it,
    from the file names alone (nothing is imported or read)."""
    names: list[str] = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = [d for d in dirs if d.isidentifier() and d != "__pycache__"]
        relative = os.path.relpath(root, folder)
        prefix = package if relative == "." else ".".join([package, *relative.split(os.sep)])
        names.append(prefix)
        names.extend(f"{prefix}.{name[:-3]}" for name in files
                     if name.endswith(".py") and name != "__init__.py")
    return names


def spare_source_reads() -> int:
    """Fill PySide's table for the app's modules and the standard library's (already loaded
    or not) before they are imported. Answers PySide has already recorded are kept. Returns
    how many names were added."""
    table = import_table()
    if table is None:
        log.info("PySide6 keeps no import table here: it reads each module's source")
        return 0
    import pipwriter
    names = package_module_names("pipwriter", os.path.dirname(pipwriter.__file__))
    standard = sys.stdlib_module_names
    names.extend(standard)
    names.extend(name for name in list(sys.modules) if name.partition(".")[0] in standard)
    before = len(table)
    for name in names:
        table.setdefault(name, answer_for(name))
    return len(table) - before


def answer_for(name: str) -> int:
    """The answer filled in for the module called ``name``."""
    if name == INTERFACE or name.startswith(INTERFACE + "."):
        return USES_PYSIDE
    return LEAVE_ALONE
