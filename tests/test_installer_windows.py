"""The Windows installer, built from the real packaging/windows/pipwriter.iss and run under Wine.

Inno Setup's own compiler (ISCC.exe 6.4, from the npm registry's ``innosetup`` package) compiles
the script with the ``/D`` values ``packaging/build.py`` passes in a release, around a stand-in
payload laid out like the frozen app. Under Wine (a 64-bit prefix in the test's temporary
folder, reporting Windows 10; Xvfb gives it a screen that nobody sees), the test then:

* runs the setup on Windows 8.1 and sees it refuse (``MinVersion``);
* installs an older version for the current user only (``/CURRENTUSER /VERYSILENT``), and reads
  the files, the Start menu shortcut and the registry (``reg export`` of ``HKCU\\Software``);
* puts a settings folder, a log and an article where the app and the user keep them;
* upgrades to this version: a file the new version no longer ships must be gone;
* uninstalls: the program, the shortcut, the ``.pipw`` association and the uninstall entry go,
  the user's articles and ``%LOCALAPPDATA%\\pipwriter`` stay.

One workaround: Wine 8 cannot look up the per-user Programs folder (``{autopf}`` for a user,
Windows' FOLDERID_UserProgramFiles), so the test passes ``/DProgramsRoot={localappdata}\\Programs``,
the same folder Windows gives. Releases never pass it (tests/test_packaging.py checks).

Skipped unless PIPWRITER_FROZEN_TEST=1 (.ci/run sets it and installs Wine, Xvfb and ISCC), and
with a reason where one of them is missing. About 35 s, most of it Wine making its prefix.
"""

from __future__ import annotations

import importlib.util
import os
import re
import select
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path, PureWindowsPath

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "packaging"
DEFAULT_ISCC = (Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "pipwriter-ci"
                / "innosetup" / "node_modules" / "innosetup" / "bin" / "ISCC.exe")
ISCC = Path(os.environ.get("PIPWRITER_ISCC") or DEFAULT_ISCC)
OLD_VERSION = "0.0.1"
WINE_TIMEOUT = 180


def _missing() -> str | None:
    if os.environ.get("PIPWRITER_FROZEN_TEST") != "1":
        return "set PIPWRITER_FROZEN_TEST=1 to build and install the Windows installer under Wine"
    if not sys.platform.startswith("linux"):
        return "the Wine installer test runs on Linux"
    for tool, package in (("wine", "Debian's wine, wine64 and wine32"), ("wineserver", "wine"),
                          ("Xvfb", "Debian's xvfb")):
        if shutil.which(tool) is None:
            return f"{tool} is not installed (install {package}, as .ci/run does)"
    if not ISCC.is_file() and not os.environ.get("PIPWRITER_ISCC"):  # CI names it: must exist
        return f"no Inno Setup compiler at {ISCC} (npm install innosetup there, as .ci/run does)"
    return None


MISSING = _missing()
pytestmark = [pytest.mark.frozen, pytest.mark.skipif(MISSING is not None, reason=MISSING or "")]


def _load(name: str, path: Path):
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, path)
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]


appmeta = _load("appmeta", PACKAGING / "appmeta.py")
INFO = appmeta.read_app_info()
EXE = f"{appmeta.GUI_EXE}.exe"
UNINSTALL_KEY = (r"HKEY_CURRENT_USER\Software\Microsoft\Windows\CurrentVersion\Uninstall"
                 r"\{1427E85A-C724-4658-A57B-512D13551EC1}_is1")
CLASSES = r"HKEY_CURRENT_USER\Software\Classes"

# The stand-in payload: the frozen app's layout (two programs, everything else in _internal).
COMMON_FILES = {
    EXE: b"MZ stand-in for the windowed app",
    f"{appmeta.CLI_EXE}.exe": b"MZ stand-in for the console twin",
    "_internal/base_library.zip": b"PK stand-in",
    "_internal/python311.dll": b"MZ stand-in",
    "_internal/PySide6/plugins/platforms/qwindows.dll": b"MZ stand-in",
    "_internal/resources/templates/bmj-partnership-in-practice.json": b"{}",
}
ONLY_IN_OLD = "_internal/PySide6/Qt6Quick.dll"


def to_windows(path: Path) -> str:
    """A Linux path as Wine's drive Z: sees it."""
    return "Z:" + str(path).replace("/", "\\")


@dataclass
class Wine:
    prefix: Path
    env: dict[str, str]
    user: str

    def run(self, *args: str, check: bool = True, program: str = "wine") -> int:
        """Run a Windows program; its exit status. Output goes to a file, not a pipe: Wine's
        helper processes outlive the program and would hold a pipe open."""
        output = self.prefix.parent / "wine-output.txt"
        with output.open("wb") as sink:
            status = subprocess.run([program, *args], env=self.env, stdout=sink,
                                    stderr=subprocess.STDOUT, timeout=WINE_TIMEOUT).returncode
        if check and status != 0:
            raise AssertionError(f"{program} {' '.join(args)} exited {status}: "
                                 f"{output.read_text(errors='replace')[-2000:]}")
        return status

    def wait_for_log(self, log: Path) -> str:
        """The Setup or uninstaller log once it is closed (the uninstaller returns at once and
        leaves a copy of itself to do the work)."""
        deadline = time.monotonic() + WINE_TIMEOUT
        while time.monotonic() < deadline:
            text = log.read_text(encoding="utf-8-sig", errors="replace") if log.exists() else ""
            if "Log closed." in text:
                return text
            time.sleep(0.2)
        raise AssertionError(f"{log.name} was not closed within {WINE_TIMEOUT} s")

    def set_windows(self, version: str) -> None:
        self.run("-v", version, program="winecfg")

    def path(self, windows_path: str) -> Path:
        """Where a C:\\ path of the prefix is on this machine."""
        windows = PureWindowsPath(windows_path)
        assert windows.drive.upper() == "C:", windows_path
        return self.prefix / "drive_c" / Path(*windows.parts[1:])

    @property
    def home(self) -> str:
        return rf"C:\users\{self.user}"

    def registry(self) -> dict[str, dict[str, str]]:
        """HKEY_CURRENT_USER\\Software as {key: {value name ("" = default): text}}."""
        out = self.prefix.parent / "hkcu.reg"
        self.run("reg", "export", r"HKCU\Software", to_windows(out), "/y")
        return parse_reg(out.read_bytes().decode("utf-16"))


def parse_reg(text: str) -> dict[str, dict[str, str]]:
    """Keys and string values of a .reg file (``reg export``); other value types as written."""
    keys: dict[str, dict[str, str]] = {}
    current: dict[str, str] = {}
    for line in text.replace("\\\r\n", "").splitlines():
        if line.startswith("[") and line.endswith("]"):
            current = keys.setdefault(line[1:-1], {})
            continue
        match = re.match(r'^(@|"((?:[^"\\]|\\.)*)")=(.*)$', line)
        if match:
            name = "" if match.group(1) == "@" else match.group(2)
            value = match.group(3)
            if value.startswith('"') and value.endswith('"'):
                value = re.sub(r"\\(.)", r"\1", value[1:-1])
            current[re.sub(r"\\(.)", r"\1", name)] = value
    return keys


def _start_xvfb() -> tuple[subprocess.Popen, str, int]:
    """An X server of our own (Setup needs a screen even when silent). Returns the server, its
    display and the pipe it reported on: keep that open while it runs, or Xvfb may exit when
    it writes there again."""
    read_end, write_end = os.pipe()
    server = subprocess.Popen(["Xvfb", "-displayfd", str(write_end), "-nolisten", "tcp",
                               "-screen", "0", "1024x768x24"], pass_fds=(write_end,),
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(write_end)
    ready, _, _ = select.select([read_end], [], [], 30)
    number = os.read(read_end, 32).decode().strip() if ready else ""
    if not number:
        server.kill()
        os.close(read_end)
        pytest.fail("Xvfb did not start")
    return server, f":{number}", read_end


@pytest.fixture(scope="module")
def wine(tmp_path_factory):
    base = tmp_path_factory.mktemp("wine")
    home = base / "home"
    home.mkdir()
    server, display, pipe = _start_xvfb()
    env = dict(os.environ, WINEPREFIX=str(base / "prefix"), WINEARCH="win64", WINEDEBUG="-all",
               # no Mono/Gecko download prompts; no menu entries or file types in the real home
               WINEDLLOVERRIDES="mscoree,mshtml=;winemenubuilder.exe=d",
               HOME=str(home), XDG_CONFIG_HOME=str(home / ".config"),
               XDG_DATA_HOME=str(home / ".local" / "share"), XDG_CACHE_HOME=str(home / ".cache"),
               DISPLAY=display)
    env.pop("WAYLAND_DISPLAY", None)
    try:
        # One Wine server for the whole test (starting one per program costs seconds each).
        (base / "prefix").mkdir()
        subprocess.run(["wineserver", "-p"], env=env, timeout=WINE_TIMEOUT, check=True)
        subprocess.run(["wineboot", "--init"], env=env, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL, timeout=WINE_TIMEOUT, check=True)
        users = [p.name for p in (base / "prefix" / "drive_c" / "users").iterdir()
                 if p.name.lower() != "public"]
        assert len(users) == 1, users
        session = Wine(base / "prefix", env, users[0])
        session.set_windows("win10")
        yield session
    finally:
        subprocess.run(["wineserver", "-k"], env=env, capture_output=True, timeout=60)
        server.terminate()
        server.wait(timeout=30)
        os.close(pipe)


def _payload(folder: Path, old: bool) -> Path:
    files = dict(COMMON_FILES)
    if old:
        files[ONLY_IN_OLD] = b"MZ a library the new version no longer ships"
    for name, data in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    return folder


def compile_installer(wine: Wine, version: str, bundle: Path, out: Path) -> Path:
    """ISCC on the real script, with the defines a release build passes (plus the Wine fix)."""
    info = appmeta.AppInfo(version, INFO.app_name, INFO.app_id, INFO.file_extension)
    defines = appmeta.iscc_defines(info, Path(to_windows(bundle)), Path(to_windows(out)))
    wine.run(to_windows(ISCC), "/Q", *defines, r"/DProgramsRoot={localappdata}\Programs",
             to_windows(appmeta.ISS_SCRIPT))
    setup = out / f"{info.file_stem}-{version}-windows-setup.exe"
    assert setup.is_file(), sorted(p.name for p in out.iterdir())
    return setup


def run_setup(wine: Wine, setup: Path, log: Path) -> tuple[int, str]:
    """Run Setup silently for the current user only; (exit status, its log)."""
    status = wine.run(to_windows(setup), "/VERYSILENT", "/SUPPRESSMSGBOXES", "/NORESTART",
                      "/CURRENTUSER", f"/LOG={to_windows(log)}", check=False)
    return status, wine.wait_for_log(log)


@dataclass
class Snapshot:
    files: dict[str, bytes]  # path inside the program folder -> content
    registry: dict[str, dict[str, str]]
    shortcut: bytes | None


@dataclass
class Scenario:
    wine: Wine
    app: Path                # the install folder, on this machine
    app_windows: str         # ... as Windows sees it
    refused: tuple[int, str, bool]
    installed: Snapshot
    upgraded: Snapshot
    uninstalled: Snapshot
    user_files: dict[Path, bytes]
    user_files_after: dict[Path, bytes | None]
    logs: dict[str, str]


@pytest.fixture(scope="module")
def scenario(wine, tmp_path_factory) -> Scenario:
    work = tmp_path_factory.mktemp("installer")
    old_setup = compile_installer(wine, OLD_VERSION, _payload(work / "old", old=True),
                                  work / "out-old")
    new_setup = compile_installer(wine, INFO.version, _payload(work / "new", old=False),
                                  work / "out-new")
    app_windows = rf"{wine.home}\AppData\Local\Programs\{INFO.app_name}"
    app = wine.path(app_windows)
    start_menu = wine.path(rf"{wine.home}\AppData\Roaming\Microsoft\Windows\Start Menu"
                           rf"\Programs\{INFO.app_name}.lnk")
    logs: dict[str, str] = {}

    def snapshot() -> Snapshot:
        files = ({p.relative_to(app).as_posix(): p.read_bytes() for p in app.rglob("*")
                  if p.is_file()} if app.exists() else {})
        return Snapshot(files, wine.registry(),
                        start_menu.read_bytes() if start_menu.exists() else None)

    def setup(name: str, installer: Path) -> int:
        status, logs[name] = run_setup(wine, installer, work / f"{name}.log")
        return status

    wine.set_windows("win81")
    status = setup("refused", new_setup)
    refused = (status, logs["refused"], app.exists())
    wine.set_windows("win10")

    assert setup("install", old_setup) == 0, logs["install"][-3000:]
    installed = snapshot()

    # What the app and the user leave: settings and recovery copies, the log, an article.
    data = wine.path(rf"{wine.home}\AppData\Local\pipwriter")
    user_files = {data / "settings.ini": b"[General]\ntext_size=12\n",
                  data / "recovery" / "article.pipw.recovery": b"unsaved work",
                  data / "Logs" / "pipwriter.log": b"log line\n",
                  wine.path(rf"{wine.home}\Documents\Our article{INFO.file_extension}"): b"PK"}
    for path, content in user_files.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)

    assert setup("upgrade", new_setup) == 0, logs["upgrade"][-3000:]
    upgraded = snapshot()

    uninstaller = app / "unins000.exe"
    assert uninstaller.is_file()
    status = wine.run(to_windows(uninstaller), "/VERYSILENT", "/SUPPRESSMSGBOXES", "/NORESTART",
                      f"/LOG={to_windows(work / 'uninstall.log')}", check=False)
    logs["uninstall"] = wine.wait_for_log(work / "uninstall.log")
    assert status == 0, logs["uninstall"][-3000:]
    uninstalled = snapshot()
    after = {path: path.read_bytes() if path.exists() else None for path in user_files}
    return Scenario(wine, app, app_windows, refused, installed, upgraded, uninstalled,
                    user_files, after, logs)


def _association(registry: dict[str, dict[str, str]]) -> dict[str, str]:
    """What the registry says about .pipw files: its ProgID and that ProgID's keys."""
    extension = registry.get(rf"{CLASSES}\{INFO.file_extension}", {})
    prog_id = extension.get("", "")
    found = {"prog_id": prog_id,
             "open_with": ",".join(registry.get(
                 rf"{CLASSES}\{INFO.file_extension}\OpenWithProgids", {}))}
    if prog_id:
        found["name"] = registry.get(rf"{CLASSES}\{prog_id}", {}).get("", "")
        found["icon"] = registry.get(rf"{CLASSES}\{prog_id}\DefaultIcon", {}).get("", "")
        found["open"] = registry.get(rf"{CLASSES}\{prog_id}\shell\open\command", {}).get("", "")
    return found


def _shortcut_target(shortcut: bytes, target: str) -> bool:
    """A .lnk file holds its target path, in ANSI and/or UTF-16."""
    return target.encode("latin-1") in shortcut or target.encode("utf-16-le") in shortcut


# --- the tests ---------------------------------------------------------------------------------

def test_installer_refuses_windows_older_than_1809(scenario):
    status, log, installed = scenario.refused
    assert status != 0
    assert "does not support the version of Windows" in log
    assert not installed


def test_per_user_install_puts_every_file_where_the_script_says(scenario):
    files = scenario.installed.files
    assert set(COMMON_FILES) | {ONLY_IN_OLD} <= set(files)
    assert "unins000.exe" in files
    for name, content in COMMON_FILES.items():
        assert files[name] == content
    log = scenario.logs["install"]
    assert "Administrative install mode: No" in log and "HKEY_CURRENT_USER" in log
    assert "Installation process succeeded" in log


def test_pipw_files_open_with_the_installed_app(scenario):
    association = _association(scenario.installed.registry)
    exe = rf"{scenario.app_windows}\{EXE}"
    assert association["prog_id"] == f"{INFO.file_stem}.Article"
    assert association["open_with"] == association["prog_id"]
    assert association["name"] == f"{INFO.app_name} article"
    assert association["open"] == f'"{exe}" "%1"'
    assert association["icon"] == f"{exe},0"
    supported = scenario.installed.registry[rf"{CLASSES}\Applications\{EXE}\SupportedTypes"]
    assert INFO.file_extension in supported


def test_start_menu_shortcut_starts_the_installed_app(scenario):
    shortcut = scenario.installed.shortcut
    assert shortcut is not None, "no Start menu shortcut"
    assert shortcut[:4] == b"\x4c\x00\x00\x00"  # a Windows shell link
    assert _shortcut_target(shortcut, rf"{scenario.app_windows}\{EXE}")


def test_uninstall_entry_names_the_app_and_version(scenario):
    entry = scenario.installed.registry[UNINSTALL_KEY]
    assert entry["DisplayName"] == INFO.app_name
    assert entry["DisplayVersion"] == OLD_VERSION
    assert scenario.upgraded.registry[UNINSTALL_KEY]["DisplayVersion"] == INFO.version


def test_upgrade_removes_files_the_new_version_no_longer_ships(scenario):
    assert ONLY_IN_OLD in scenario.installed.files
    assert ONLY_IN_OLD not in scenario.upgraded.files
    assert set(COMMON_FILES) <= set(scenario.upgraded.files)
    assert _association(scenario.upgraded.registry) == _association(scenario.installed.registry)
    assert scenario.upgraded.shortcut is not None
    entries = [key for key in scenario.upgraded.registry
               if key.startswith(UNINSTALL_KEY.rsplit("\\", 1)[0] + "\\{1427E85A")]
    assert entries == [UNINSTALL_KEY]


def test_uninstaller_removes_the_program_shortcut_and_file_type(scenario):
    after = scenario.uninstalled
    assert after.files == {}, sorted(after.files)
    assert not scenario.app.exists()
    assert after.shortcut is None
    left = [key for key in after.registry
            if key.startswith((rf"{CLASSES}\{INFO.file_extension}",
                               rf"{CLASSES}\{INFO.file_stem}.Article",
                               rf"{CLASSES}\Applications\{EXE}"))]
    assert left == []  # no other program uses .pipw here, so even its key goes
    assert UNINSTALL_KEY not in after.registry
    assert "Uninstallation process succeeded" in scenario.logs["uninstall"]


def test_uninstaller_keeps_the_users_articles_and_data(scenario):
    assert scenario.user_files_after == scenario.user_files


def test_parse_reg_reads_escaped_values():
    text = ('Windows Registry Editor Version 5.00\r\n\r\n[HKEY_CURRENT_USER\\A\\B]\r\n'
            '@="\\"C:\\\\x y\\\\p.exe\\" \\"%1\\""\r\n"Name"=dword:00000001\r\n')
    assert parse_reg(text) == {r"HKEY_CURRENT_USER\A\B": {"": r'"C:\x y\p.exe" "%1"',
                                                         "Name": "dword:00000001"}}

