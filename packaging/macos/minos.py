"""Check that every program and library in a macOS app runs on our oldest supported macOS.

Each Mach-O file records the oldest macOS it runs on (``LC_BUILD_VERSION`` minos, or the older
``LC_VERSION_MIN_MACOSX``). One wheel built for a newer macOS (a PySide6 upgrade, a Python from
a newer runner) makes the whole app fail to start on old Macs, so CI runs:

    python packaging/macos/minos.py "dist/PiP Writer.app" 12.0

and fails when any file needs a newer macOS than the one promised in Info.plist.
Pure Python (reads the headers with struct), so it is tested on any system.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

FAT_MAGICS = {0xCAFEBABE: False, 0xCAFEBABF: True}  # value: 64-bit fat_arch entries
THIN_MAGICS = {b"\xcf\xfa\xed\xfe": ("<", 32), b"\xce\xfa\xed\xfe": ("<", 28),
               b"\xfe\xed\xfa\xcf": (">", 32), b"\xfe\xed\xfa\xce": (">", 28)}
LC_VERSION_MIN_MACOSX = 0x24
LC_BUILD_VERSION = 0x32
PLATFORM_MACOS = 1

Version = tuple[int, int, int]


def _decode(value: int) -> Version:
    return value >> 16, (value >> 8) & 0xFF, value & 0xFF


def parse_version(text: str) -> Version:
    parts = [int(p) for p in text.split(".")][:3]
    return tuple(parts + [0] * (3 - len(parts)))  # type: ignore[return-value]


def _thin_minimum(data: bytes, offset: int) -> Version | None:
    kind = THIN_MAGICS.get(data[offset:offset + 4])
    if kind is None:
        return None
    order, header_size = kind
    ncmds = struct.unpack_from(order + "I", data, offset + 16)[0]
    position = offset + header_size
    found: Version | None = None
    for _ in range(ncmds):
        if position + 8 > len(data):
            break
        cmd, size = struct.unpack_from(order + "II", data, position)
        if cmd == LC_BUILD_VERSION:
            platform, minos = struct.unpack_from(order + "II", data, position + 8)
            if platform == PLATFORM_MACOS:
                found = _decode(minos)
        elif cmd == LC_VERSION_MIN_MACOSX:
            found = _decode(struct.unpack_from(order + "I", data, position + 8)[0])
        if size < 8:
            break
        position += size
    return found


def minimum_macos(data: bytes) -> Version | None:
    """The newest 'minimum macOS' among the slices of a Mach-O file; None if not Mach-O."""
    if len(data) < 8:
        return None
    magic, count = struct.unpack_from(">II", data, 0)
    if magic in FAT_MAGICS and count < 32:  # a small count tells it from a Java class file
        wide = FAT_MAGICS[magic]
        versions = []
        for index in range(count):
            if wide:
                offset = struct.unpack_from(">Q", data, 8 + index * 32 + 8)[0]
            else:
                offset = struct.unpack_from(">I", data, 8 + index * 20 + 8)[0]
            version = _thin_minimum(data, offset)
            if version:
                versions.append(version)
        return max(versions) if versions else None
    return _thin_minimum(data, 0)


def _header_bytes(path: Path) -> bytes:
    with open(path, "rb") as handle:
        head = handle.read(8)
        magic = struct.unpack(">I", head[:4])[0] if len(head) >= 4 else 0
        if magic in FAT_MAGICS:
            handle.seek(0)
            return handle.read()  # slices sit far apart: read it all
        return head + handle.read(64 * 1024)  # load commands follow the header


def too_new(bundle: Path, limit: Version) -> list[tuple[Path, Version]]:
    """Files in ``bundle`` whose minimum macOS is newer than ``limit``."""
    problems = []
    for dirpath, _dirs, files in os.walk(bundle):
        for name in files:
            path = Path(dirpath, name)
            if path.is_symlink():
                continue
            version = minimum_macos(_header_bytes(path))
            if version and version > limit:
                problems.append((path, version))
    return problems


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 2:
        print("usage: minos.py APP_OR_FOLDER OLDEST_MACOS   (e.g. 'dist/PiP Writer.app' 12.0)")
        return 2
    bundle, limit = Path(args[0]), parse_version(args[1])
    problems = too_new(bundle, limit)
    for path, version in problems:
        print(f"needs macOS {'.'.join(map(str, version))}: {path.relative_to(bundle)}")
    if problems:
        print(f"{len(problems)} file(s) need a macOS newer than {args[1]}")
        return 1
    print(f"Every file in {bundle.name} runs on macOS {args[1]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
