"""The installer files agree with the project, so they cannot silently rot.

The version, app name and file extension live only in ``pipwriter/__init__.py``; the Inno Setup
script, the Info.plist template, the spec, the Qt trimming rules, the icons and the CI workflow
must all follow it. Nothing here builds the app (tests/test_frozen.py does).
"""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import struct
import subprocess
import sys
from pathlib import Path

import pytest

import pipwriter

ROOT = Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "packaging"


def _load(name: str, path: Path):
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


appmeta = _load("appmeta", PACKAGING / "appmeta.py")
qt_trim = _load("qt_trim", PACKAGING / "qt_trim.py")
icu_trim = _load("icu_trim", PACKAGING / "icu_trim.py")
build = _load("pipwriter_packaging_build", PACKAGING / "build.py")
minos = _load("pipwriter_macos_minos", PACKAGING / "macos" / "minos.py")
make_icons = _load("pipwriter_make_icons", ROOT / "tools" / "make_icons.py")

INFO = appmeta.read_app_info()


def _iss() -> str:
    return appmeta.ISS_SCRIPT.read_text(encoding="utf-8")


def _iss_code() -> str:
    """The script without comment lines."""
    return "\n".join(line for line in _iss().splitlines() if not line.lstrip().startswith(";"))


def _iss_defaults() -> dict[str, str]:
    return dict(re.findall(r'^\s*#define\s+(\w+)\s+"([^"]*)"\s*$', _iss(), re.MULTILINE))


def _iss_sections() -> set[str]:
    return set(re.findall(r"^\[(\w+)\]", _iss_code(), re.MULTILINE))


# --- one place for the project's identity -------------------------------------------------

def test_app_info_is_read_from_the_package():
    assert INFO.version == pipwriter.__version__
    assert INFO.app_name == pipwriter.APP_NAME
    assert INFO.app_id == pipwriter.APP_ID
    assert INFO.file_extension == pipwriter.FILE_EXTENSION


def test_numeric_version_for_windows_resources():
    make = appmeta.AppInfo
    assert make("1.2.3", "A", "a", ".x").numeric_version == (1, 2, 3, 0)
    assert make("2.0rc1", "A", "a", ".x").numeric_version == (2, 0, 0, 0)
    assert make("1.4.0.dev3", "A", "a", ".x").numeric_version == (1, 4, 0, 0)
    assert make("0.1.0", "PiP Writer", "a", ".x").file_stem == "PiPWriter"


def test_build_script_prints_the_project_version():
    import subprocess
    out = subprocess.run([sys.executable, str(PACKAGING / "build.py"), "--print", "version"],
                         capture_output=True, text=True, check=True).stdout.strip()
    assert out == pipwriter.__version__


# --- Windows: Inno Setup ------------------------------------------------------------------

def test_iss_defaults_match_the_project():
    defaults = _iss_defaults()
    assert defaults["AppName"] == pipwriter.APP_NAME
    assert defaults["FileExt"] == pipwriter.FILE_EXTENSION
    assert defaults["AppExeName"] == f"{appmeta.GUI_EXE}.exe"


def test_iss_never_writes_a_version_itself():
    code = _iss_code()
    assert "AppVersion={#AppVersion}" in code
    assert re.search(r"#ifndef AppVersion\s*\n\s*#error", code), "a build without /DAppVersion must fail"
    assert pipwriter.__version__ not in code
    assert not re.search(r"^\s*AppVersion\s*=\s*\d", code, re.MULTILINE)


def test_every_iscc_define_is_used_by_the_script():
    defines = appmeta.iscc_defines(INFO, Path("bundle"), Path("out"))
    values = dict(d[2:].split("=", 1) for d in defines)
    assert values["AppVersion"] == pipwriter.__version__
    assert values["AppName"] == pipwriter.APP_NAME
    assert values["FileExt"] == pipwriter.FILE_EXTENSION
    assert values["AppExeName"] == f"{appmeta.GUI_EXE}.exe"
    code = _iss_code()
    for name in values:
        assert f"{{#{name}}}" in code or f"#ifndef {name}" in code, f"/D{name} is not used"


def test_iss_installs_per_user_with_shortcut_and_file_type():
    code = _iss_code()
    assert "PrivilegesRequired=lowest" in code
    # %LOCALAPPDATA%\Programs without admin rights; only the Wine test passes /DProgramsRoot
    assert _iss_defaults()["ProgramsRoot"] == "{autopf}"
    assert "DefaultDirName={#ProgramsRoot}\\{#AppName}" in code
    assert not [d for d in appmeta.iscc_defines(INFO, Path("b"), Path("o"))
                if d.startswith("/DProgramsRoot")]
    assert re.search(r'^Name: "\{autoprograms\}\\\{#AppName\}"', code, re.MULTILINE)
    assert "ChangesAssociations=yes" in code
    assert f"MinVersion={appmeta.WINDOWS_MINIMUM}" in code
    registry = [line for line in code.splitlines() if line.startswith("Root:")]
    assert registry and all(line.startswith("Root: HKA;") for line in registry)
    joined = "\n".join(registry)
    assert r'Subkey: "Software\Classes\{#FileExt}"' in joined
    assert r"\DefaultIcon" in joined
    assert r'shell\open\command"' in joined and '""%1""' in joined
    # The uninstaller leaves no empty key of ours behind (found by tests/test_installer_windows)
    assert re.search(r'Subkey: "Software\\Classes\\Applications\\\{#AppExeName\}"; '
                     r'Flags: uninsdeletekey$', joined, re.MULTILINE)
    icon = re.search(r"^SetupIconFile=\{#SourcePath\}(.+)$", code, re.MULTILINE).group(1)
    assert (appmeta.ISS_SCRIPT.parent / icon.replace("\\", "/")).resolve().is_file()


def test_iss_uninstaller_keeps_the_users_documents_and_data():
    sections = _iss_sections()
    assert "UninstallDelete" not in sections
    code = _iss_code()
    for user_place in ("{userdocs}", "{localappdata}", "{userappdata}", "{commondocs}"):
        assert user_place not in code
    # The only thing deleted besides installed files is the old runtime folder on upgrade.
    deletes = re.findall(r'^Type: \w+; Name: "([^"]+)"', code, re.MULTILINE)
    assert deletes == [r"{app}\_internal"]


# --- macOS: Info.plist ----------------------------------------------------------------------

def test_info_plist_matches_the_project():
    plist = appmeta.info_plist_dict(INFO)
    assert plist["CFBundleShortVersionString"] == pipwriter.__version__
    assert plist["CFBundleVersion"] == pipwriter.__version__
    assert plist["CFBundleName"] == plist["CFBundleDisplayName"] == pipwriter.APP_NAME
    assert plist["CFBundleIdentifier"] == appmeta.BUNDLE_ID
    assert plist["CFBundleExecutable"] == appmeta.GUI_EXE
    assert plist["LSMinimumSystemVersion"] == appmeta.MACOS_MINIMUM
    assert (appmeta.ICONS / plist["CFBundleIconFile"]).is_file()
    document = plist["CFBundleDocumentTypes"][0]
    exported = plist["UTExportedTypeDeclarations"][0]
    assert document["LSItemContentTypes"] == [exported["UTTypeIdentifier"]]
    assert document["CFBundleTypeRole"] == "Editor"
    extensions = exported["UTTypeTagSpecification"]["public.filename-extension"]
    assert extensions == [pipwriter.FILE_EXTENSION.lstrip(".")]
    assert "public.zip-archive" not in exported["UTTypeConformsTo"]


def test_info_plist_template_has_no_literal_values():
    template = appmeta.PLIST_TEMPLATE.read_text(encoding="utf-8")
    assert pipwriter.__version__ not in template
    assert pipwriter.FILE_EXTENSION not in template
    assert "@VERSION@" in template and "@EXTENSION@" in template


def test_info_plist_rendering_escapes_and_rejects_unknown_placeholders():
    odd = appmeta.AppInfo("1.0", "Notes & <Quotes>", "x", ".abc")
    assert appmeta.info_plist_dict(odd)["CFBundleName"] == "Notes & <Quotes>"
    with pytest.raises(ValueError, match="@NOT_A_KEY@"):
        appmeta.render_info_plist(INFO, "<plist><string>@NOT_A_KEY@</string></plist>")


def test_dmg_names_tell_the_chip():
    assert appmeta.dmg_name(INFO, "x86_64").endswith("-macos-intel.dmg")
    assert appmeta.dmg_name(INFO, "arm64").endswith("-macos-apple-silicon.dmg")
    assert pipwriter.__version__ in appmeta.dmg_name(INFO, "arm64")


# Oldest macOS each PySide6 line runs on (docs/supported-systems.md).
PYSIDE_MACOS = {(6, 9): (12, 0), (6, 10): (13, 0), (6, 11): (13, 0), (6, 12): (14, 0)}


def test_macos_pin_supports_the_promised_macos_and_fits_pyproject():
    from packaging.requirements import Requirement
    from packaging.version import Version

    text = (PACKAGING / "constraints-macos.txt").read_text(encoding="utf-8")
    pins = dict(re.findall(r"^([\w-]+)==([\d.]+)\s*$", text, re.MULTILINE))
    pyside = Version(pins["PySide6-Essentials"])
    assert pins["shiboken6"] == pins["PySide6-Essentials"]
    needs = PYSIDE_MACOS[(pyside.major, pyside.minor)]
    assert needs <= minos.parse_version(appmeta.MACOS_MINIMUM)[:2]
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    line = re.search(r'"(PySide6-Essentials[^"]*)"', pyproject).group(1)
    assert pyside in Requirement(line).specifier


# --- the spec and what it bundles -------------------------------------------------------------

def test_spec_builds_one_folder_with_resources_and_the_entry_point():
    spec = (PACKAGING / "pipwriter.spec").read_text(encoding="utf-8")
    assert "exclude_binaries=True" in spec and "COLLECT(" in spec  # onedir, not one-file
    assert '(str(ROOT / "resources"), "resources")' in spec
    assert 'hookspath=[str(HERE / "hooks")]' in spec
    assert "qt_trim.trim(" in spec and "upx=False" in spec
    entry = (PACKAGING / "entry.py").read_text(encoding="utf-8")
    assert "from pipwriter.cli import main" in entry


def test_spellchecker_hook_collects_the_english_dictionary():
    pytest.importorskip("PyInstaller")
    from PyInstaller.utils.hooks import collect_data_files

    hook = (PACKAGING / "hooks" / "hook-spellchecker.py").read_text(encoding="utf-8")
    pattern = re.search(r'includes=\["([^"]+)"\]', hook).group(1)
    collected = collect_data_files("spellchecker", includes=[pattern])
    assert [Path(src).name for src, _dest in collected] == ["en.json.gz"]


def test_resources_hold_what_the_frozen_app_loads():
    resources = ROOT / "resources"
    assert list((resources / "templates").glob("*.json"))
    assert list((resources / "dictionaries").glob("*.words.gz"))


# --- Qt trimming rules (real file names from each platform's PySide6 wheel) ---------------

MODULES = {"core", "gui", "widgets", "dbus", "xcbqpa"}
KEPT = [
    "PySide6/Qt/lib/libQt6Core.so.6", "PySide6/Qt/lib/libQt6Widgets.so.6",
    "PySide6/Qt/lib/libicudata.so.73", "PySide6/QtWidgets.abi3.so",
    "PySide6/Qt/plugins/platforms/libqxcb.so", "PySide6/Qt/plugins/platforms/libqoffscreen.so",
    "PySide6/Qt/plugins/imageformats/libqjpeg.so", "PySide6/Qt/plugins/imageformats/libqwebp.so",
    r"PySide6\Qt6Gui.dll", r"PySide6\QtGui.pyd", r"PySide6\plugins\platforms\qwindows.dll",
    r"PySide6\plugins\styles\qmodernwindowsstyle.dll", r"PySide6\plugins\imageformats\qtiff.dll",
    r"PySide6\msvcp140.dll",
    "PySide6/Qt/lib/QtCore.framework/Versions/A/QtCore",
    "PySide6/Qt/lib/QtGui.framework/Resources/Info.plist",
    "PySide6/Qt/plugins/platforms/libqcocoa.dylib", "PySide6/Qt/plugins/styles/libqmacstyle.dylib",
    "PySide6/Qt/plugins/imageformats/libqmacheif.dylib",
    "lxml/etree.cpython-311-x86_64-linux-gnu.so", "resources/templates/x.json",
]
DROPPED = [
    "PySide6/Qt/translations/qtbase_de.qm", r"PySide6\translations\qt_fr.qm",
    "PySide6/Qt/lib/libQt6Quick.so.6", "PySide6/Qt/lib/libQt6Network.so.6",
    "PySide6/Qt/lib/libQt6QuickControls2Basic.so.6", r"PySide6\Qt6Qml.dll",
    r"PySide6\Qt6Pdf.dll", r"PySide6\opengl32sw.dll",
    "PySide6/Qt/lib/QtQuick.framework/Versions/A/QtQuick",
    "PySide6/Qt/plugins/platformthemes/libqgtk3.so", "PySide6/Qt/plugins/platforms/libqwayland.so",
    "PySide6/Qt/plugins/platforms/libqeglfs.so", "PySide6/Qt/plugins/imageformats/libqpdf.so",
    "PySide6/Qt/plugins/imageformats/libqsvg.so", "PySide6/Qt/plugins/iconengines/libqsvgicon.so",
    "PySide6/Qt/plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so",
    r"PySide6\plugins\platforms\qdirect2d.dll", r"PySide6\plugins\sqldrivers\qsqlite.dll",
    "PySide6/Qt/plugins/tls/libqopensslbackend.dylib",
]


@pytest.mark.parametrize("dest", KEPT)
def test_trim_keeps_what_a_widgets_app_needs(dest):
    assert qt_trim.keep(dest, MODULES)


@pytest.mark.parametrize("dest", DROPPED)
def test_trim_drops_unused_qt_parts(dest):
    assert not qt_trim.keep(dest, MODULES)


def test_trim_follows_the_bindings_the_app_imports():
    binaries = [("PySide6/QtCore.abi3.so", "", "EXTENSION"),
                ("PySide6/QtSvg.abi3.so", "", "EXTENSION")]
    modules = qt_trim.modules_in_use(binaries)
    assert "svg" in modules
    assert qt_trim.keep("PySide6/Qt/lib/libQt6Svg.so.6", modules)
    assert qt_trim.keep("PySide6/Qt/plugins/iconengines/libqsvgicon.so", modules)
    assert not qt_trim.keep("PySide6/Qt/lib/libQt6Svg.so.6", MODULES)


def test_trim_drops_links_to_dropped_files():
    toc = [("libQt6Gui.so.6", "PySide6/Qt/lib/libQt6Gui.so.6", "SYMLINK"),
           ("libQt6Quick.so.6", "PySide6/Qt/lib/libQt6Quick.so.6", "SYMLINK")]
    assert qt_trim.trim(toc, MODULES) == toc[:1]


def test_prune_orphans_removes_libraries_only_dropped_plugins_needed():
    links = {"/s/gtk-plugin.so": ["/s/libgtk.so", "/s/libglib.so"],
             "/s/libgtk.so": ["/s/libcairo.so", "/s/libglib.so"],
             "/s/libQt6Gui.so": ["/s/libglib.so"],
             "/s/libcairo.so": [], "/s/libglib.so": []}
    entry = {name: (name.rsplit("/", 1)[1], name, "BINARY") for name in links}
    kept = [entry["/s/libQt6Gui.so"], entry["/s/libgtk.so"], entry["/s/libcairo.so"],
            entry["/s/libglib.so"], ("libgtk.so.0", "libgtk.so", "SYMLINK")]
    result = qt_trim.prune_orphans(kept, [entry["/s/gtk-plugin.so"]],
                                   lambda path: links.get(path, []))
    assert [e[0] for e in result] == ["libQt6Gui.so", "libglib.so"]


# --- ICU data trimming (Linux) -----------------------------------------------------------------

def _icu_item(payload: bytes) -> bytes:
    """An ICU data file: a 16-byte-aligned header, then ``payload``."""
    return struct.pack("<HBB", 32, 0xDA, 0x27) + bytes(28) + payload


def _converter(max_bytes: int) -> bytes:
    static = struct.pack("<I", 100) + bytes(60) + struct.pack("<iBBBB", 0, 0, 1, 1, max_bytes)
    return _icu_item(static + bytes(24))


def _common_data(items: dict[str, bytes]) -> bytes:
    header = struct.pack("<HBBHHBBBB4s", 32, 0xDA, 0x27, 20, 0, 0, 0, 2, 0, b"CmnD") + bytes(16)
    return icu_trim.write_common_data(header, sorted(items.items()))


ICU_ITEMS = {
    "icudt73l/uprops.icu": _icu_item(b"properties"),
    "icudt73l/nfc.nrm": _icu_item(b"normalisation"),
    "icudt73l/root.res": _icu_item(b"root"), "icudt73l/en_GB.res": _icu_item(b"en-GB"),
    "icudt73l/de.res": _icu_item(b"German"), "icudt73l/res_index.res": _icu_item(b"index"),
    "icudt73l/pool.res": _icu_item(b"pool"), "icudt73l/zoneinfo64.res": _icu_item(b"zones"),
    "icudt73l/zone/en.res": _icu_item(b"zone names"), "icudt73l/zone/fr.res": _icu_item(b"fr"),
    "icudt73l/coll/sv.res": _icu_item(b"Swedish sorting"),
    "icudt73l/coll/ucadata.icu": _icu_item(b"collation"),
    "icudt73l/brkitr/word.brk": _icu_item(b"rules"),
    "icudt73l/brkitr/cjdict.dict": _icu_item(b"dictionary"),
    "icudt73l/lang/en.res": _icu_item(b"language names"),
    "icudt73l/translit/root.res": _icu_item(b"transliteration"),
    "icudt73l/ibm-5348_P100-1997.cnv": _converter(1),   # windows-1252
    "icudt73l/ibm-943_P15A-2003.cnv": _converter(2),    # Shift-JIS
}
ICU_KEPT = {"uprops.icu", "nfc.nrm", "root.res", "en_GB.res", "res_index.res", "pool.res",
            "zoneinfo64.res", "zone/en.res", "coll/sv.res", "coll/ucadata.icu", "brkitr/word.brk",
            "ibm-5348_P100-1997.cnv"}


def test_icu_common_data_reads_back_what_was_written():
    blob = _common_data(ICU_ITEMS)
    header, items = icu_trim.read_common_data(blob)
    assert icu_trim.write_common_data(header, items) == blob
    assert {name: data[:len(ICU_ITEMS[name])] for name, data in items} == ICU_ITEMS
    with pytest.raises(ValueError):
        icu_trim.read_common_data(b"\x20\x00\xda\x27" + bytes(40))


def test_icu_trim_keeps_english_unicode_tables_collation_and_single_byte_code_pages():
    _header, items = icu_trim.read_common_data(icu_trim.trim_common_data(_common_data(ICU_ITEMS)))
    assert {name.split("/", 1)[1] for name, _data in items} == ICU_KEPT
    assert [name for name, _data in items] == sorted(name for name, _data in items)


def test_icu_trim_rewrites_the_data_library(tmp_path):
    if not (shutil.which("as") and shutil.which("ld")):
        pytest.skip("binutils (as, ld) is not installed")
    blob = _common_data(ICU_ITEMS)
    (tmp_path / "data.dat").write_bytes(blob)
    (tmp_path / "data.s").write_text(
        f'.section .rodata\n.globl icudt73_dat\n.type icudt73_dat, @object\nicudt73_dat:\n'
        f'.incbin "{tmp_path / "data.dat"}"\n.size icudt73_dat, . - icudt73_dat\n')
    subprocess.run(["as", "-o", str(tmp_path / "data.o"), str(tmp_path / "data.s")], check=True)
    source = tmp_path / "in" / "libicudata.so.73"
    source.parent.mkdir()
    subprocess.run(["ld", "-shared", "-soname", "libicudata.so.73", "-o", str(source),
                    str(tmp_path / "data.o")], check=True)
    toc = [("PySide6/Qt/lib/libicudata.so.73", str(source), "BINARY"),
           ("PySide6/Qt/lib/libQt6Core.so.6", "/x/libQt6Core.so.6", "BINARY")]
    result = icu_trim.trim_in_toc(toc, tmp_path / "work", log=lambda _line: None)
    assert result[1] == toc[1] and result[0][0] == toc[0][0]
    trimmed = Path(result[0][1]).read_bytes()
    symbol, offset, size = icu_trim._elf_symbol(trimmed, re.compile(r"^icudt\d+_dat$"))
    assert symbol == "icudt73_dat" and b"libicudata.so.73" in trimmed  # same symbol and soname
    _header, items = icu_trim.read_common_data(trimmed[offset:offset + size])
    assert {name.split("/", 1)[1] for name, _data in items} == ICU_KEPT


def test_icu_trim_keeps_the_original_when_it_cannot_trim(tmp_path):
    not_elf = tmp_path / "libicudata.so.73"
    not_elf.write_bytes(b"not a library")
    said = []
    toc = [("PySide6/Qt/lib/libicudata.so.73", str(not_elf), "BINARY")]
    assert icu_trim.trim_in_toc(toc, tmp_path / "work", log=said.append) == toc
    assert "NOT trimmed" in said[0]


# --- macOS: minimum version of every binary -----------------------------------------------

def _macho(minos_version: tuple[int, int, int], old_style: bool = False) -> bytes:
    encoded = (minos_version[0] << 16) | (minos_version[1] << 8) | minos_version[2]
    if old_style:
        command = struct.pack("<IIII", 0x24, 16, encoded, encoded)
    else:
        command = struct.pack("<IIIIII", 0x32, 24, 1, encoded, encoded, 0)
    header = struct.pack("<IiiIIIII", 0xFEEDFACF, 0x01000007, 3, 6, 1, len(command), 0, 0)
    return header + command


def _fat(*slices: bytes) -> bytes:
    offset = 4096
    head = struct.pack(">II", 0xCAFEBABE, len(slices))
    body = b""
    for data in slices:
        head += struct.pack(">IIIII", 0x01000007, 3, offset + len(body), len(data), 12)
        body += data + bytes(-len(data) % 4096)
    return head + bytes(offset - len(head)) + body


def test_minos_reads_thin_fat_and_old_style_binaries():
    assert minos.minimum_macos(_macho((12, 0, 0))) == (12, 0, 0)
    assert minos.minimum_macos(_macho((10, 13, 0), old_style=True)) == (10, 13, 0)
    assert minos.minimum_macos(_fat(_macho((11, 0, 0)), _macho((13, 3, 0)))) == (13, 3, 0)
    assert minos.minimum_macos(b"\x89PNG\r\n\x1a\n" + bytes(64)) is None


def test_minos_lists_files_newer_than_the_promise(tmp_path):
    (tmp_path / "Contents" / "MacOS").mkdir(parents=True)
    (tmp_path / "Contents" / "MacOS" / "old").write_bytes(_macho((11, 0, 0)))
    (tmp_path / "Contents" / "MacOS" / "new").write_bytes(_fat(_macho((14, 0, 0))))
    (tmp_path / "Contents" / "Info.plist").write_text("<plist/>")
    problems = minos.too_new(tmp_path, minos.parse_version("12.0"))
    assert [(p.name, v) for p, v in problems] == [("new", (14, 0, 0))]
    assert minos.main([str(tmp_path), "14"]) == 0
    assert minos.main([str(tmp_path), "12.0"]) == 1


# --- icons -------------------------------------------------------------------------------------

def _png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


def _ico_entries(data: bytes) -> list[tuple[int, bytes]]:
    reserved, kind, count = struct.unpack_from("<HHH", data, 0)
    assert (reserved, kind) == (0, 1) and count > 0
    entries = []
    for index in range(count):
        width, height, _c, _r, _p, bits, size, offset = struct.unpack_from(
            "<BBBBHHII", data, 6 + 16 * index)
        assert width == height and bits == 32 and offset + size <= len(data)
        entries.append((width or 256, data[offset:offset + size]))
    return entries


def _icns_entries(data: bytes) -> dict[str, bytes]:
    assert data[:4] == b"icns" and struct.unpack(">I", data[4:8])[0] == len(data)
    entries, position = {}, 8
    while position < len(data):
        kind, length = data[position:position + 4].decode("ascii"), \
            struct.unpack(">I", data[position + 4:position + 8])[0]
        assert length > 8 and position + length <= len(data)
        entries[kind] = data[position + 8:position + length]
        position += length
    return entries


def _check_icons(folder: Path) -> None:
    ico = _ico_entries((folder / "pipwriter.ico").read_bytes())
    assert {16, 32, 48, 256} <= {size for size, _ in ico}
    for size, payload in ico:
        if size == 256:
            assert _png_size(payload) == (256, 256)
        else:  # a 32-bit bitmap: header, then colour rows and mask for twice the height
            header = struct.unpack_from("<IiiHH", payload, 0)
            assert header == (40, size, 2 * size, 1, 32)
    icns = _icns_entries((folder / "pipwriter.icns").read_bytes())
    for kind, pixels in make_icons.ICNS_TYPES:
        assert _png_size(icns[kind]) == (pixels, pixels)
    for size in make_icons.PNG_SIZES:
        assert _png_size((folder / f"pipwriter-{size}.png").read_bytes()) == (size, size)


def test_committed_icons_are_valid():
    _check_icons(appmeta.ICONS)
    assert (appmeta.ICONS / "pipwriter.svg").is_file()


def test_icon_script_makes_every_icon_from_the_drawing(qapp, tmp_path):
    written = make_icons.generate(make_icons.SOURCE, tmp_path)
    assert {p.name for p in written} >= {"pipwriter.ico", "pipwriter.icns", "pipwriter-256.png"}
    _check_icons(tmp_path)


def test_icon_is_drawn_not_blank(qapp):
    image = make_icons.render(make_icons.SOURCE, 64)
    colours = {image.pixel(x, y) for x in range(0, 64, 4) for y in range(0, 64, 4)}
    assert len(colours) > 4  # transparent, blue, orange, white at least


# --- CI workflow ----------------------------------------------------------------------------

def test_release_workflow_builds_tests_and_uploads_on_windows_and_macos():
    yaml = pytest.importorskip("yaml")
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "release.yml").read_text())
    jobs = workflow["jobs"]

    def commands(job):
        return "\n".join(step.get("run", "") for step in job["steps"])

    assert jobs["windows"]["runs-on"].startswith("windows")
    assert "packaging/build.py --self-test" in commands(jobs["windows"])
    assert "--installer" in commands(jobs["windows"])
    runners = [item["runner"] for item in jobs["macos"]["strategy"]["matrix"]["include"]]
    assert any("intel" in r for r in runners) and len(runners) == 2
    mac = commands(jobs["macos"])
    assert "-c packaging/constraints-macos.txt" in mac
    assert "packaging/build.py --self-test" in mac and "packaging/macos/build_dmg.sh" in mac
    for job in ("windows", "macos"):
        uploads = [s for s in jobs[job]["steps"] if "upload-artifact" in s.get("uses", "")]
        assert uploads and uploads[0]["with"]["if-no-files-found"] == "error"


def test_build_script_finds_the_frozen_program():
    exe = build.cli_executable(Path("d"))
    if sys.platform == "win32":
        assert exe.name == f"{appmeta.CLI_EXE}.exe"
    elif sys.platform == "darwin":
        assert exe.parts[-3:] == ("Contents", "MacOS", appmeta.GUI_EXE)
    else:
        assert exe == Path("d") / appmeta.BUNDLE_FOLDER / appmeta.GUI_EXE


def test_a_normal_install_carries_every_resource_file():
    """pyproject's data-files must list every file under resources/ (a new folder, like
    resources/help, is easily forgotten: the installed app would then fail to find it)."""
    import fnmatch
    tomllib = pytest.importorskip("tomllib")          # Python 3.11 and later
    data_files = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))[
        "tool"]["setuptools"]["data-files"]
    patterns = [p for globs in data_files.values() for p in globs]
    for target, globs in data_files.items():
        for pattern in globs:   # each lands in the folder of the same name
            assert target == "share/pipwriter/" + pattern.rsplit("/", 1)[0], (target, pattern)
    files = [p.relative_to(ROOT).as_posix() for p in (ROOT / "resources").rglob("*")
             if p.is_file()]
    assert files
    missing = [f for f in files if not any(fnmatch.fnmatchcase(f, p) and
                                           f.count("/") == p.count("/") for p in patterns)]
    assert missing == []


# --- the log the windowed app writes (it has no console on Windows) ---------------------------

def test_an_uncaught_error_is_logged_with_its_traceback(tmp_path):
    script = ("from pipwriter.logs import install_excepthook, start_logging\n"
              "print(start_logging())\ninstall_excepthook()\n"
              "import threading\n"
              "t = threading.Thread(target=lambda: 1 / 0, name='worker'); t.start(); t.join()\n"
              "raise RuntimeError('the app fell over')\n")
    env = dict(os.environ, PIPWRITER_USER_DIR=str(tmp_path))
    result = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True,
                            text=True, timeout=60)
    assert result.returncode == 1
    assert result.stdout.strip() == str(tmp_path / "log" / "pipwriter.log")
    assert "RuntimeError: the app fell over" in result.stderr   # the console still shows it
    log = (tmp_path / "log" / "pipwriter.log").read_text(encoding="utf-8")
    assert "CRITICAL pipwriter: unexpected error in the main thread" in log
    assert 'Traceback' in log and 'File "<string>", line 6' in log   # where it happened
    assert "unexpected error in worker" in log and "ZeroDivisionError" in log


def test_logging_never_stops_the_app_and_starts_once(tmp_path, monkeypatch):
    from pipwriter import logs
    blocked = tmp_path / "file-not-folder"
    blocked.write_text("x")
    monkeypatch.setenv("PIPWRITER_USER_DIR", str(blocked))
    assert logs.start_logging() is None               # log/ cannot be made inside a file
    monkeypatch.setenv("PIPWRITER_USER_DIR", str(tmp_path / "user"))
    import logging
    before = list(logging.getLogger().handlers)
    try:
        assert logs.start_logging() == logs.log_file() == tmp_path / "user" / "log" / logs.LOG_NAME
        assert logs.start_logging() == logs.log_file()
        added = [h for h in logging.getLogger().handlers if h not in before]
        assert len(added) == 1
    finally:
        for handler in logging.getLogger().handlers:
            if handler not in before:
                logging.getLogger().removeHandler(handler)
                handler.close()
