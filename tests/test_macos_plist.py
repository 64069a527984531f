"""The macOS app's Info.plist, rendered as the build renders it, is valid and says what we promise;
the disk-image script passes shellcheck.

The spec hands ``appmeta.info_plist_dict(info)`` to PyInstaller's BUNDLE, which starts from its
own minimal Info.plist (name, executable, icon, identifier, version) and updates it with ours,
then writes it with ``plistlib``. ``rendered_plist`` does the same with the spec's arguments, and
``test_spec_hands_the_bundle_what_rendered_plist_assumes`` checks the spec still passes them.
What only a Mac proves (Finder showing the icon, opening a .pipw, Gatekeeper) is in
docs/releasing.md.
"""

from __future__ import annotations

import importlib.util
import plistlib
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import pipwriter

ROOT = Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "packaging"


def _load(name: str, path: Path):
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, path)
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]


appmeta = _load("appmeta", PACKAGING / "appmeta.py")
INFO = appmeta.read_app_info()
ICON = appmeta.ICONS / "pipwriter.icns"      # the spec's ICON on macOS


def rendered_plist() -> dict:
    """Info.plist as PyInstaller's BUNDLE writes it from the spec's arguments, read back."""
    bundle_defaults = {            # PyInstaller.building.osx.BUNDLE.assemble
        "CFBundleDisplayName": INFO.app_name,          # the .app name without ".app"
        "CFBundleName": INFO.app_name,
        "CFBundleIdentifier": appmeta.BUNDLE_ID,
        "CFBundleExecutable": appmeta.GUI_EXE,
        "CFBundleIconFile": ICON.name,
        "CFBundleInfoDictionaryVersion": "6.0",
        "CFBundlePackageType": "APPL",
        "CFBundleShortVersionString": INFO.version,
        "NSHighResolutionCapable": True,                 # a windowed (console=False) app
    }
    bundle_defaults.update(appmeta.info_plist_dict(INFO))
    return plistlib.loads(plistlib.dumps(bundle_defaults))


def test_spec_hands_the_bundle_what_rendered_plist_assumes():
    spec = (PACKAGING / "pipwriter.spec").read_text(encoding="utf-8")
    bundle = spec[spec.index("app = BUNDLE("):]
    assert 'name=f"{info.app_name}.app"' in bundle
    assert "icon=str(ICON)" in bundle and '"pipwriter.icns"' in spec
    assert "bundle_identifier=appmeta.BUNDLE_ID" in bundle
    assert "version=info.version" in bundle
    assert "info_plist=appmeta.info_plist_dict(info)" in bundle
    assert "_exe(appmeta.GUI_EXE, console=False)" in spec


def test_plist_is_valid_in_both_formats_with_only_plain_values():
    plist = rendered_plist()
    again = plistlib.loads(plistlib.dumps(plist, fmt=plistlib.FMT_BINARY))
    assert again == plist

    def walk(value):
        if isinstance(value, dict):
            assert all(isinstance(k, str) for k in value)
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)
        else:
            assert isinstance(value, (str, bool)), value
            assert not (isinstance(value, str) and re.search(r"@[A-Z_]+@", value)), value
    walk(plist)


def test_bundle_identity_version_and_executable():
    plist = rendered_plist()
    assert plist["CFBundleIdentifier"] == appmeta.BUNDLE_ID
    assert re.fullmatch(r"[a-z0-9-]+(\.[a-z0-9-]+){2,}", plist["CFBundleIdentifier"])
    assert plist["CFBundleExecutable"] == appmeta.GUI_EXE
    assert plist["CFBundlePackageType"] == "APPL"
    # Apple accepts one to three integers here; "1.0rc1" would make the App not launch.
    for key in ("CFBundleShortVersionString", "CFBundleVersion"):
        assert plist[key] == pipwriter.__version__
        assert re.fullmatch(r"\d+(\.\d+){0,2}", plist[key]), f"{key}={plist[key]}"


def test_icon_file_is_the_one_the_build_copies_in():
    plist = rendered_plist()
    assert plist["CFBundleIconFile"] == ICON.name
    assert ICON.read_bytes()[:4] == b"icns"


def test_pipw_document_type_with_its_uti():
    plist = rendered_plist()
    exported = plist["UTExportedTypeDeclarations"]
    assert [t["UTTypeIdentifier"] for t in exported] == [appmeta.DOCUMENT_UTI]
    uti = exported[0]
    tags = uti["UTTypeTagSpecification"]
    assert tags["public.filename-extension"] == [pipwriter.FILE_EXTENSION.lstrip(".")]
    assert tags["public.mime-type"] == appmeta.DOCUMENT_MIME
    assert "public.data" in uti["UTTypeConformsTo"]
    assert uti["UTTypeIconFile"] == ICON.name
    documents = plist["CFBundleDocumentTypes"]
    assert len(documents) == 1
    document = documents[0]
    assert document["LSItemContentTypes"] == [appmeta.DOCUMENT_UTI]
    assert document["CFBundleTypeRole"] == "Editor"
    assert document["LSHandlerRank"] == "Owner"
    assert document["CFBundleTypeIconFile"] == ICON.name
    assert document["CFBundleTypeName"] == uti["UTTypeDescription"] == \
        f"{pipwriter.APP_NAME} article"


def test_minimum_macos_is_the_one_supported_systems_promises():
    text = (ROOT / "docs" / "supported-systems.md").read_text(encoding="utf-8")
    promised = re.search(r"^\| macOS \| macOS (\d+)(?:\.(\d+))? \w+ \|", text, re.MULTILINE)
    assert promised, "docs/supported-systems.md lost its macOS row"
    major, minor = promised.group(1), promised.group(2) or "0"
    assert rendered_plist()["LSMinimumSystemVersion"] == f"{major}.{minor}"


SHELLCHECK = shutil.which("shellcheck")


@pytest.mark.skipif(SHELLCHECK is None, reason="shellcheck is not installed (Debian shellcheck)")
def test_build_dmg_script_passes_shellcheck(tmp_path):
    script = PACKAGING / "macos" / "build_dmg.sh"
    result = subprocess.run([SHELLCHECK, "--shell=bash", "--severity=style", str(script)],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    bad = tmp_path / "bad.sh"     # and shellcheck does find problems here
    bad.write_text('#!/usr/bin/env bash\nrm -rf $1/*\n')
    assert subprocess.run([SHELLCHECK, str(bad)], capture_output=True).returncode != 0
