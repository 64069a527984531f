"""Which collected Qt files the frozen app really needs (used by ``pipwriter.spec``).

PyInstaller collects every plugin and translation a Qt module might use: QML, networking, PDF,
Wayland compositors, virtual keyboards, 40 languages of Qt's own messages. PiP Writer is a
widgets app in British English, so we keep only:

* the Qt libraries whose Python bindings the app imports (QtCore, QtGui, QtWidgets today; a new
  ``from PySide6 import QtSvg`` keeps Qt's Svg library automatically), plus the platform
  helpers Qt itself loads on Linux (DBus, XcbQpa);
* the platform plugins for Windows, macOS, X11 and headless runs (offscreen: the self-test);
* the image formats a patient's photo may come in (JPEG, WebP, TIFF, GIF, HEIC on macOS; PNG and
  BMP are built in) and icons (ICO);
* widget styles, accessibility bridges and the Linux keyboard input methods;
* no Qt translations (the app is English and Qt's own English texts are built in);
* no library that only a dropped file needed (the GTK theme plugin alone pulls in 30 MB).

Destination names look like ``PySide6/Qt/lib/libQt6Gui.so.6`` (Linux),
``PySide6/Qt6Gui.dll`` (Windows) or ``PySide6/Qt/lib/QtGui.framework/Versions/A/QtGui`` (macOS).
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable

# Plugin folder -> plugin names kept (None: keep all in that folder). Other folders are dropped.
KEPT_PLUGINS: dict[str, set[str] | None] = {
    "platforms": {"qwindows", "qcocoa", "qxcb", "qoffscreen"},
    # qmacheif: iPhone photos (HEIC) on macOS, read through the system's own decoder.
    "imageformats": {"qjpeg", "qwebp", "qtiff", "qgif", "qico", "qmacheif"},
    "styles": None,
    "accessiblebridge": None,
    "platforminputcontexts": {"composeplatforminputcontextplugin",
                              "ibusplatforminputcontextplugin"},
}
# Plugins kept only when the app uses the Qt module they serve.
PLUGINS_NEEDING_MODULE = {("imageformats", "qsvg"): "svg", ("iconengines", "qsvgicon"): "svg"}
# Qt libraries the platform plugins load although no binding imports them (Linux only).
ALWAYS_KEPT_MODULES = {"core", "gui", "widgets", "dbus", "xcbqpa"}
# Large optional runtime files for OpenGL/Qt Quick on Windows; a widgets app does not use them.
DROPPED_FILES = {"opengl32sw.dll", "d3dcompiler_47.dll"}

_BINDING = re.compile(r"^pyside6/qt([a-z0-9]+)\.(?:abi3\.so|pyd|pyi|cpython[^/]*\.so)$")
_PLUGIN = re.compile(r"(?:^|/)plugins/([a-z0-9_-]+)/(?:lib)?([a-z0-9_-]+?)(?:\.so|\.dll|\.dylib)$")
_LIBRARY = re.compile(r"(?:^|/)(?:lib)?qt6([a-z0-9]+?)(?:\.so[.0-9]*|\.dll|\.[0-9.]*dylib)$")
_FRAMEWORK = re.compile(r"(?:^|/)qt([a-z0-9]+)\.framework(?:/|$)")


def _normal(dest: str) -> str:
    return dest.replace("\\", "/").lower()


def modules_in_use(binaries: Iterable[tuple]) -> set[str]:
    """Qt module names (``"widgets"``) whose PySide6 bindings were collected, plus the basics."""
    used = set(ALWAYS_KEPT_MODULES)
    for entry in binaries:
        match = _BINDING.match(_normal(entry[0]))
        if match:
            used.add(match.group(1))
    return used


def keep(dest: str, modules: set[str]) -> bool:
    """True if the collected file at ``dest`` (path inside the bundle) is needed."""
    path = _normal(dest)
    if not path.startswith("pyside6/"):
        return True
    if path.rsplit("/", 1)[-1] in DROPPED_FILES:
        return False
    if "/translations/" in path or path.endswith(".qm"):
        return False
    plugin = _PLUGIN.search(path)
    if plugin:
        folder, name = plugin.groups()
        if (folder, name) in PLUGINS_NEEDING_MODULE:
            return PLUGINS_NEEDING_MODULE[(folder, name)] in modules
        if folder not in KEPT_PLUGINS:
            return False
        names = KEPT_PLUGINS[folder]
        return names is None or name in names
    binding = _BINDING.match(path)
    if binding:
        return True
    library = _LIBRARY.search(path) or _FRAMEWORK.search(path)
    if library:
        return library.group(1) in modules
    return True


def trim(toc: Iterable[tuple], modules: set[str]) -> list[tuple]:
    """The TOC entries (``(dest, source, kind)``) that ``keep`` accepts.

    A symbolic link (kind ``SYMLINK``, source = the destination it points to) goes with its target.
    """
    return [entry for entry in toc
            if keep(entry[0], modules) and (entry[2] != "SYMLINK" or keep(entry[1], modules))]


def _keys(path: str) -> set[str]:
    return {os.path.realpath(path), os.path.basename(path).lower()}


def prune_orphans(kept: list[tuple], dropped: Iterable[tuple],
                  imports_of: Callable[[str], Iterable[str]]) -> list[tuple]:
    """Drop the kept binaries that were collected only because a dropped file links to them.

    ``imports_of(source_path)`` lists the libraries a binary links to (paths or bare names).
    A library that a dropped plugin needs is removed unless something kept needs it too.
    """
    by_key: dict[str, list[tuple]] = {}
    for entry in kept:
        for key in _keys(entry[1]) | {os.path.basename(entry[0]).lower()}:
            by_key.setdefault(key, []).append(entry)

    def closure(sources: Iterable[str]) -> set[tuple]:
        seen: set[tuple] = set()
        stack = list(sources)
        while stack:
            try:
                libraries = list(imports_of(stack.pop()))
            except Exception:  # noqa: BLE001 - not a binary, or unreadable: no dependencies
                libraries = []
            for library in libraries:
                for key in _keys(library):
                    for entry in by_key.get(key, ()):
                        if entry not in seen:
                            seen.add(entry)
                            stack.append(entry[1])
        return seen

    wanted_by_dropped = closure(entry[1] for entry in dropped)
    if not wanted_by_dropped:
        return list(kept)
    needed = closure(entry[1] for entry in kept if entry not in wanted_by_dropped)
    result = [entry for entry in kept if entry not in wanted_by_dropped or entry in needed]
    present = {entry[0].replace("\\", "/") for entry in result}
    return [entry for entry in result
            if entry[2] != "SYMLINK" or entry[1].replace("\\", "/") in present]
