"""Trim the ICU data that the Linux PySide6 wheel carries (``libicudata.so.73``, 30 MB).

Qt on Linux links to its own copy of ICU, the Unicode library, and ICU's data library holds data
for every language on Earth in one blob (the "common data", symbol ``icudt<N>_dat``). Qt calls
ICU for only a few things: collation (``QCollator``, sorting in file dialogs), case mapping
for a locale, time-zone names, and decoding text in legacy code pages. Qt's own copy of the
CLDR gives ``QLocale`` its names, numbers, currencies and dates, so ICU's are never read.

``keep_item`` says what stays: every core Unicode table (properties, normalisation, case,
bidi, names), the locale tree for ``root`` and English, all time-zone rules and English
zone names, root and English collation with the full Unicode collation table, all break
rules, and every single-byte code page (Latin, Cyrillic, Greek, Windows and Mac ones). It drops:
other languages' locale data, collation and zone names (ICU then falls back to root, which is
what English uses anyway); language, region, currency and unit display names, number
spell-out and transliteration (Qt never calls them); the word-break dictionaries for Chinese,
Japanese, Thai, Lao, Khmer and Burmese (Qt breaks lines with its own code and libthai); and
the multi-byte legacy code pages (Shift-JIS, GBK, Big5, EUC, EBCDIC DBCS), which nothing in
PiP Writer decodes: project files, Word files and the clipboard are Unicode.

``trim_library`` writes a new ``libicudata.so.N`` with the same soname and symbol, assembled
with binutils (``as``, ``ld``), which the PyInstaller build needs anyway. Windows and macOS
wheels use the system's ICU, so there is nothing to trim there. This module is plain Python.
"""

from __future__ import annotations

import re
import struct
import subprocess
import tempfile
from pathlib import Path

LIBRARY = re.compile(r"^libicudata\.so\.(\d+)$")
_LOCALE = re.compile(r"^(?!res_index)(?:[a-z]{2,3}(?:_[A-Za-z0-9]+)*|root)\.res$")
_KEPT_LOCALES = re.compile(r"^(?:root|en(?:_[A-Za-z0-9]+)*)\.res$")
# Trees of locale data: for these, only root and English stay.
_LOCALE_TREES = {"", "zone", "brkitr"}
# Trees Qt never reads (it has its own CLDR data for these), dropped whole.
_UNUSED_TREES = {"lang", "region", "curr", "unit", "rbnf", "translit"}
_ALIGN = 16


def _pad(data: bytes) -> bytes:
    """Pad to 16 bytes with 0xAA, as ICU's own packager does."""
    return data + b"\xaa" * (-len(data) % _ALIGN)


def read_common_data(blob: bytes) -> tuple[bytes, list[tuple[str, bytes]]]:
    """Split ICU common data (the ``CmnD`` offset-TOC format) into its header and its items,
    each ``("icudt73l/coll/root.res", bytes)``, in the order ICU's binary search needs."""
    header_size, magic1, magic2 = struct.unpack_from("<HBB", blob, 0)
    if (magic1, magic2) != (0xDA, 0x27) or blob[12:16] != b"CmnD":
        raise ValueError("not ICU common data")
    toc = blob[header_size:]
    (count,) = struct.unpack_from("<I", toc, 0)
    entries = [struct.unpack_from("<II", toc, 4 + 8 * i) for i in range(count)]
    items = []
    for index, (name_offset, data_offset) in enumerate(entries):
        name = toc[name_offset:toc.index(b"\0", name_offset)].decode("ascii")
        end = entries[index + 1][1] if index + 1 < count else len(toc)
        items.append((name, toc[data_offset:end]))
    return blob[:header_size], items


def write_common_data(header: bytes, items: list[tuple[str, bytes]]) -> bytes:
    """The inverse of ``read_common_data``: a TOC, the names, then each item 16-byte aligned."""
    names = b"".join(name.encode("ascii") + b"\0" for name, _data in items)
    names_start = 4 + 8 * len(items)
    data_offset = len(_pad(bytes(names_start) + names))
    entries, name_offset, body = [], names_start, []
    for name, data in items:
        entries.append(struct.pack("<II", name_offset, data_offset))
        name_offset += len(name) + 1
        body.append(_pad(data))
        data_offset += len(body[-1])
    toc = _pad(struct.pack("<I", len(items)) + b"".join(entries) + names)
    return header + toc + b"".join(body)


def _converter_is_single_byte(data: bytes) -> bool:
    """A ``.cnv`` item's ``maxBytesPerChar`` (UConverterStaticData, after its data header)."""
    header_size = struct.unpack_from("<H", data, 0)[0]
    return data[header_size + 4 + 60 + 4 + 3] == 1


def keep_item(name: str, data: bytes = b"") -> bool:
    """True if the item ``name`` (``"icudt73l/coll/de.res"``) stays in the trimmed data."""
    path = name.split("/", 1)[1] if "/" in name else name
    tree, _, leaf = path.rpartition("/")
    if tree in _UNUSED_TREES:
        return False
    if tree == "brkitr" and leaf.endswith(".dict"):
        return False
    if leaf.endswith(".cnv"):
        return not data or _converter_is_single_byte(data)
    if tree in _LOCALE_TREES and _LOCALE.match(leaf):
        return bool(_KEPT_LOCALES.match(leaf))
    return True


def trim_common_data(blob: bytes) -> bytes:
    header, items = read_common_data(blob)
    return write_common_data(header, [(n, d) for n, d in items if keep_item(n, d)])


# --- the ELF shared library that carries the data -------------------------------------------

def _elf_symbol(library: bytes, wanted: re.Pattern) -> tuple[str, int, int]:
    """(name, file offset, size) of the first dynamic symbol matching ``wanted`` (ELF64 LE)."""
    if library[:4] != b"\x7fELF" or library[4] != 2 or library[5] != 1:
        raise ValueError("not a 64-bit little-endian ELF file")
    shoff, = struct.unpack_from("<Q", library, 0x28)
    shentsize, shnum = struct.unpack_from("<HH", library, 0x3A)
    sections = [struct.unpack_from("<IIQQQQIIQQ", library, shoff + i * shentsize)
                for i in range(shnum)]
    for _name, kind, _flags, _addr, offset, size, link, _info, _align, entsize in sections:
        if kind != 11:  # SHT_DYNSYM
            continue
        strings = sections[link][4]
        for position in range(offset, offset + size, entsize):
            st_name, _st_info, _other, shndx, value, sym_size = struct.unpack_from(
                "<IBBHQQ", library, position)
            symbol = library[strings + st_name:library.index(b"\0", strings + st_name)].decode()
            if wanted.match(symbol) and 0 < shndx < len(sections):
                section = sections[shndx]
                return symbol, section[4] + value - section[3], sym_size
    raise ValueError(f"no symbol matching {wanted.pattern}")


def trim_library(source: Path, dest: Path) -> tuple[int, int]:
    """Write ``dest``: the ICU data library ``source`` with its data trimmed by ``keep_item``.

    Returns (bytes of data before, after). Raises if binutils is missing or the file is not
    an ICU data library; the caller then keeps the original.
    """
    library = source.read_bytes()
    symbol, offset, size = _elf_symbol(library, re.compile(r"^icudt\d+_dat$"))
    trimmed = trim_common_data(library[offset:offset + size])
    soname = source.name
    with tempfile.TemporaryDirectory(prefix="icu-trim-") as tmp:
        work = Path(tmp)
        (work / "data.dat").write_bytes(trimmed)
        (work / "data.s").write_text(
            '\t.section .rodata\n\t.balign 16\n'
            f'\t.globl {symbol}\n\t.type {symbol}, @object\n{symbol}:\n'
            f'\t.incbin "{work / "data.dat"}"\n\t.size {symbol}, . - {symbol}\n'
            '\t.section .note.GNU-stack,"",@progbits\n', encoding="ascii")
        subprocess.run(["as", "-o", str(work / "data.o"), str(work / "data.s")], check=True)
        dest.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run(["ld", "-shared", "-soname", soname, "-o", str(dest),
                        str(work / "data.o")], check=True)
    return size, len(trimmed)


def trim_in_toc(toc: list[tuple], work: Path, log=print) -> list[tuple]:
    """Point the TOC entry of ICU's data library (Linux only) at a trimmed copy in ``work``.

    If the copy cannot be made (no binutils, an unexpected file), the original stays and the
    build says so; tests/test_frozen.py then fails on the bundle's size.
    """
    result = []
    for entry in toc:
        name = entry[0].replace("\\", "/").rsplit("/", 1)[-1]
        if entry[2] == "BINARY" and LIBRARY.match(name):
            trimmed = work / "icu" / name
            try:
                before, after = trim_library(Path(entry[1]), trimmed)
            except (OSError, ValueError, subprocess.CalledProcessError) as error:
                log(f"ICU data NOT trimmed ({error}): the bundle keeps all {name}")
            else:
                log(f"ICU data trimmed: {before / 2**20:.1f} MB -> {after / 2**20:.1f} MB")
                entry = (entry[0], str(trimmed), entry[2])
        result.append(entry)
    return result
