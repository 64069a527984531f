"""PyInstaller run-time hook for PySide6 that leaves Qt unloaded until the app imports it.

PyInstaller's own hook (``pyi_rth_pyside6``) imports ``PySide6.QtCore`` at start-up to register
an embedded ``qt.conf``, so every frozen process loaded Qt and ICU: ``pipwriter check`` took
0.163 s and 33 MB frozen against 0.094 s and 22 MB from source (issue 23). This hook does the
same set-up (``packaging/pipwriter.spec`` puts it in the other's place) but registers the
``qt.conf`` just after ``PySide6.QtCore`` is first imported, before anything can use it: the
window still finds Qt's plugins, and the headless commands never load Qt. The environment
variables are set as PyInstaller 6's hook sets them.
"""


def _pyi_rthook():
    import importlib.abc
    import importlib.util
    import os
    import sys

    from _pyi_rth_utils import is_macos_app_bundle, prepend_path_to_environment_variable
    from _pyi_rth_utils import qt as qt_rth_utils

    qt_rth_utils.ensure_single_qt_bindings_package("PySide6")
    if sys.platform.startswith("win"):
        qt_path = os.path.join(sys._MEIPASS, "PySide6")
    else:
        qt_path = os.path.join(sys._MEIPASS, "PySide6", "Qt")
    os.environ["QT_PLUGIN_PATH"] = os.path.join(qt_path, "plugins")
    if is_macos_app_bundle:
        resources = os.path.normpath(os.path.join(
            sys._MEIPASS, "..", "Resources", os.path.relpath(qt_path, sys._MEIPASS)))
        os.environ["QML2_IMPORT_PATH"] = os.pathsep.join(
            [os.path.join(resources, "qml"), os.path.join(qt_path, "qml")])
    else:
        os.environ["QML2_IMPORT_PATH"] = os.path.join(qt_path, "qml")
    if sys.platform.startswith("win"):
        prepend_path_to_environment_variable(sys._MEIPASS, "PATH")
    if sys.platform == "darwin" and not is_macos_app_bundle:
        prepend_path_to_environment_variable(sys._MEIPASS, "DYLD_LIBRARY_PATH")

    class QtConfWhenQtLoads(importlib.abc.MetaPathFinder):
        """Once: finds PySide6.QtCore as the other finders do, and registers the qt.conf as
        soon as the module has loaded."""

        def find_spec(self, name, path=None, target=None):
            if name != "PySide6.QtCore":
                return None
            sys.meta_path.remove(self)
            spec = importlib.util.find_spec(name)
            loader = spec.loader if spec is not None else None
            if loader is None:
                return spec
            exec_module = loader.exec_module

            def exec_then_relocate(module):
                exec_module(module)
                qt_rth_utils.create_embedded_qt_conf("PySide6", qt_path)

            loader.exec_module = exec_then_relocate
            return spec

    sys.meta_path.insert(0, QtConfWhenQtLoads())


_pyi_rthook()
del _pyi_rthook
