"""The app's identity for packaging, read from ``pipwriter/__init__.py`` (the one place it is kept).

Everything version-dependent in an installer is generated from here: the macOS Info.plist (from
``macos/Info.plist.in``), the Inno Setup ``/D`` defines and the Windows version resource. This
module is plain Python with no third-party imports, so the spec file, ``build.py``, the CI and
the tests can all load it.
"""

from __future__ import annotations

import ast
import plistlib
import re
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

PACKAGING = Path(__file__).resolve().parent
ROOT = PACKAGING.parent
INIT = ROOT / "pipwriter" / "__init__.py"
PLIST_TEMPLATE = PACKAGING / "macos" / "Info.plist.in"
ISS_SCRIPT = PACKAGING / "windows" / "pipwriter.iss"
ICONS = ROOT / "resources" / "icons"

# Identifiers that must never change once a release is out: macOS ties permissions and the
# document type to them.
BUNDLE_ID = "org.pipwriter.pipwriter"
DOCUMENT_UTI = "org.pipwriter.article"
DOCUMENT_MIME = "application/x-pipwriter"

# Oldest systems we support (docs/supported-systems.md explains why).
# macOS 12 needs PySide6-Essentials 6.9.x: see constraints-macos.txt.
MACOS_MINIMUM = "12.0"
# Windows 10 version 1809: the oldest Windows Qt 6 supports.
WINDOWS_MINIMUM = "10.0.17763"

# Executable names inside the bundle. Windows also gets a console twin for the command line,
# because a windowed .exe has no stdout there.
GUI_EXE = "pipwriter"
CLI_EXE = "pipwriter-cli"
BUNDLE_FOLDER = "pipwriter"


@dataclass(frozen=True)
class AppInfo:
    version: str
    app_name: str
    app_id: str
    file_extension: str

    @property
    def extension_no_dot(self) -> str:
        return self.file_extension.lstrip(".")

    @property
    def numeric_version(self) -> tuple[int, int, int, int]:
        """``"1.2.3rc1"`` -> ``(1, 2, 3, 0)``: the four numbers Windows version resources take."""
        release = re.match(r"(\d+)(?:\.(\d+))?(?:\.(\d+))?", self.version)
        numbers = [int(n) for n in release.groups() if n is not None] if release else []
        return tuple((numbers + [0, 0, 0, 0])[:4])  # type: ignore[return-value]

    @property
    def file_stem(self) -> str:
        """A file-name-safe form of the app name: ``PiP Writer`` -> ``PiPWriter``."""
        return re.sub(r"[^A-Za-z0-9]", "", self.app_name)


def read_app_info(init_path: Path = INIT) -> AppInfo:
    """Read the string constants from ``pipwriter/__init__.py`` without importing the package."""
    values: dict[str, str] = {}
    for node in ast.parse(init_path.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant):
            for target in node.targets:
                if isinstance(target, ast.Name) and isinstance(node.value.value, str):
                    values[target.id] = node.value.value
    try:
        return AppInfo(values["__version__"], values["APP_NAME"], values["APP_ID"],
                       values["FILE_EXTENSION"])
    except KeyError as missing:
        raise SystemExit(f"{init_path} does not define {missing}") from None


def plist_values(info: AppInfo) -> dict[str, str]:
    return {"APP_NAME": info.app_name, "VERSION": info.version, "BUNDLE_ID": BUNDLE_ID,
            "EXECUTABLE": GUI_EXE, "ICON_FILE": "pipwriter.icns", "DOCUMENT_UTI": DOCUMENT_UTI,
            "DOCUMENT_MIME": DOCUMENT_MIME, "EXTENSION": info.extension_no_dot,
            "MACOS_MINIMUM": MACOS_MINIMUM}


def render_info_plist(info: AppInfo, template: str | None = None) -> str:
    """Fill ``@NAME@`` placeholders in the Info.plist template; fails on any left unfilled."""
    text = PLIST_TEMPLATE.read_text(encoding="utf-8") if template is None else template
    for key, value in plist_values(info).items():
        text = text.replace(f"@{key}@", escape(value))
    leftover = re.findall(r"@[A-Z_]+@", text)
    if leftover:
        raise ValueError(f"Info.plist template has unknown placeholders: {sorted(set(leftover))}")
    plistlib.loads(text.encode("utf-8"))  # must be a valid property list
    return text


def info_plist_dict(info: AppInfo) -> dict:
    return plistlib.loads(render_info_plist(info).encode("utf-8"))


def iscc_defines(info: AppInfo, bundle_dir: Path, output_dir: Path) -> list[str]:
    """The ``/D`` options that give the Inno Setup script its version, names and folders."""
    return [f"/DAppVersion={info.version}",
            f"/DAppNumericVersion={'.'.join(map(str, info.numeric_version))}",
            f"/DAppName={info.app_name}",
            f"/DFileExt={info.file_extension}",
            f"/DAppExeName={GUI_EXE}.exe",
            f"/DOutputBase={info.file_stem}-{info.version}-windows-setup",
            f"/DBundleDir={bundle_dir}",
            f"/DOutputDir={output_dir}"]


# Machine names as macOS reports them -> the words Apple uses in "About This Mac".
MAC_ARCH_NAMES = {"x86_64": "intel", "arm64": "apple-silicon"}


def dmg_name(info: AppInfo, machine: str) -> str:
    """``PiPWriter-0.1.0-macos-intel.dmg``: users pick the file by the chip their Mac has."""
    return f"{info.file_stem}-{info.version}-macos-{MAC_ARCH_NAMES.get(machine, machine)}.dmg"
