"""Build PiP Writer's frozen app with PyInstaller (one folder) and check it.

    python packaging/build.py                  build into build/ and dist/, print the size
    python packaging/build.py --self-test      ... then run the frozen `pipwriter self-test`
    python packaging/build.py --reuse ...      skip the build when dist/ is newer than the sources
    python packaging/build.py --installer      ... then the installer: Inno Setup on Windows,
                                               the .dmg on macOS (packaging/macos/build_dmg.sh)
    python packaging/build.py --print WHAT     print version | app-name | bundle | cli |
                                               dmg-name | iscc-defines | macos-minimum

Version, app name and file extension come from pipwriter/__init__.py only (see appmeta.py).
Exit status: 0 when everything asked for worked, 1 otherwise.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import appmeta  # noqa: E402

ROOT = appmeta.ROOT
SPEC = appmeta.PACKAGING / "pipwriter.spec"
DIST = ROOT / "dist"
WORK = ROOT / "build" / "pyinstaller"
BUILD_RECORD = ROOT / "build" / "bundle-build.json"
SOURCES = [ROOT / "pipwriter", ROOT / "resources", appmeta.PACKAGING]
ISCC_DEFAULT = Path(r"C:\Program Files (x86)\Inno Setup 6\ISCC.exe")
MB = 1024 * 1024


def bundle_path(dist: Path = DIST, info: appmeta.AppInfo | None = None) -> Path:
    """The built app: ``dist/pipwriter`` or, on macOS, ``dist/PiP Writer.app``."""
    if sys.platform == "darwin":
        return dist / f"{(info or appmeta.read_app_info()).app_name}.app"
    return dist / appmeta.BUNDLE_FOLDER


def cli_executable(dist: Path = DIST) -> Path:
    """The frozen program that prints to the terminal (Windows has a console twin)."""
    bundle = bundle_path(dist)
    if sys.platform == "win32":
        return bundle / f"{appmeta.CLI_EXE}.exe"
    if sys.platform == "darwin":
        return bundle / "Contents" / "MacOS" / appmeta.GUI_EXE
    return bundle / appmeta.GUI_EXE


def folder_size(path: Path) -> tuple[int, int]:
    """(bytes, files) under ``path``, counting symbolic links as links, not their targets."""
    total = count = 0
    for dirpath, _dirs, files in os.walk(path):
        for name in files:
            total += os.lstat(os.path.join(dirpath, name)).st_size
            count += 1
    return total, count


def newest_source_mtime() -> float:
    newest = 0.0
    for base in SOURCES:
        for path in base.rglob("*"):
            if path.is_file() and "__pycache__" not in path.parts:
                newest = max(newest, path.stat().st_mtime)
    return newest


def is_fresh(dist: Path = DIST) -> bool:
    """True when the bundle exists and was built after the last change to any source file."""
    exe = cli_executable(dist)
    return exe.exists() and exe.stat().st_mtime > newest_source_mtime()


def build(dist: Path = DIST, work: Path = WORK, clean: bool = False) -> float:
    """Run PyInstaller on the spec; returns the seconds it took. Raises on failure."""
    command = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
               "--distpath", str(dist), "--workpath", str(work), str(SPEC)]
    if clean:
        command.insert(3, "--clean")
    started = time.perf_counter()
    subprocess.run(command, check=True, cwd=ROOT)
    seconds = time.perf_counter() - started
    size, files = folder_size(bundle_path(dist))
    BUILD_RECORD.parent.mkdir(parents=True, exist_ok=True)
    BUILD_RECORD.write_text(json.dumps({
        "seconds": round(seconds, 1), "bytes": size, "files": files,
        "platform": f"{sys.platform}-{platform.machine()}",
        "python": platform.python_version()}, indent=2), encoding="utf-8")
    return seconds


def describe(dist: Path = DIST) -> str:
    bundle = bundle_path(dist)
    size, files = folder_size(bundle)
    return f"{bundle.relative_to(ROOT) if bundle.is_relative_to(ROOT) else bundle}: " \
           f"{size / MB:.1f} MB unpacked, {files} files"


def self_test_env(user_dir: str) -> dict[str, str]:
    """Environment for a headless run that cannot touch the real user's settings."""
    env = dict(os.environ, PIPWRITER_USER_DIR=user_dir)
    env.pop("PIPWRITER_RESOURCES", None)  # the frozen app must find its own resources
    if sys.platform.startswith("linux") and not env.get("DISPLAY"):
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
    return env


def run_frozen(args: list[str], dist: Path = DIST, timeout: float = 300
               ) -> subprocess.CompletedProcess:
    """Run the frozen program with ``args`` in a throw-away user folder; output is captured."""
    with tempfile.TemporaryDirectory(prefix="pipwriter-frozen-") as user_dir:
        return subprocess.run([str(cli_executable(dist)), *args], capture_output=True,
                              text=True, timeout=timeout, env=self_test_env(user_dir),
                              cwd=user_dir)


def run_self_test(dist: Path = DIST) -> int:
    result = run_frozen(["self-test"], dist)
    sys.stdout.write(result.stdout)
    sys.stderr.write(result.stderr)
    return result.returncode


def iscc_command(info: appmeta.AppInfo, dist: Path = DIST) -> list[str]:
    iscc = shutil.which("iscc") or str(ISCC_DEFAULT)
    return [iscc, *appmeta.iscc_defines(info, bundle_path(dist, info), dist / "installer"),
            str(appmeta.ISS_SCRIPT)]


def build_installer(info: appmeta.AppInfo, dist: Path = DIST) -> int:
    if sys.platform == "win32":
        return subprocess.run(iscc_command(info, dist), cwd=ROOT).returncode
    if sys.platform == "darwin":
        script = appmeta.PACKAGING / "macos" / "build_dmg.sh"
        return subprocess.run(["bash", str(script)], cwd=ROOT).returncode
    print("No installer on this system: Inno Setup runs on Windows, the .dmg needs macOS.")
    return 0


def _print(what: str, info: appmeta.AppInfo) -> int:
    values = {"version": info.version, "app-name": info.app_name,
              "bundle": str(bundle_path(DIST, info)), "cli": str(cli_executable()),
              "dmg-name": appmeta.dmg_name(info, platform.machine()),
              "iscc-defines": "\n".join(iscc_command(info)[1:-1]),
              "macos-minimum": appmeta.MACOS_MINIMUM, "bundle-id": appmeta.BUNDLE_ID}
    if what not in values:
        print(f"build.py: --print takes one of {', '.join(values)}", file=sys.stderr)
        return 1
    print(values[what])
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python packaging/build.py", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--self-test", action="store_true", help="run the frozen self-test")
    parser.add_argument("--reuse", action="store_true", help="skip the build if dist/ is fresh")
    parser.add_argument("--clean", action="store_true", help="empty PyInstaller's cache first")
    parser.add_argument("--installer", action="store_true", help="make the installer too")
    parser.add_argument("--print", dest="what", metavar="WHAT", help="print one value, then stop")
    args = parser.parse_args(argv)
    info = appmeta.read_app_info()
    if args.what:
        return _print(args.what, info)
    if args.reuse and is_fresh():
        print(f"Reusing the build in {bundle_path().relative_to(ROOT)} (newer than the sources)")
    else:
        print(f"Building {info.app_name} {info.version} with PyInstaller ...", flush=True)
        seconds = build(clean=args.clean)
        print(f"Built in {seconds:.0f} s")
    print(describe())
    status = 0
    if args.self_test:
        print("Running the frozen self-test ...", flush=True)
        status = run_self_test()
        print("Frozen self-test passed" if status == 0 else f"Frozen self-test FAILED ({status})")
    if args.installer and status == 0:
        status = build_installer(info)
    return 1 if status else 0


if __name__ == "__main__":
    sys.exit(main())
