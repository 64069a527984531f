"""File and folder names that are safe on Windows, macOS and Linux, in a zip and in an email.

Rules (each name the bundle writes passes through :func:`safe_component`):

* Unicode is normalised (NFC), then transliterated to ASCII where that is sensible: accents are
  dropped ("Siân" -> "Sian"), a few letters are spelt out ("ß" -> "ss", "Ø" -> "O", "æ" -> "ae"),
  curly quotes and apostrophes disappear ("O’Brien" -> "OBrien") and dashes become "-".
  Letters with no sensible ASCII spelling (Chinese, Arabic, Cyrillic...) are dropped; if nothing
  is left the caller's fallback is used ("author-2"). ASCII-only names survive every zip tool
  (Windows' built-in one ignores the zip UTF-8 flag) and every upload form.
* Only letters, digits and "-" remain: no characters Windows forbids (< > : " / \\ | ? *),
  no control characters, no spaces, no leading or trailing dots or dashes.
* Windows' reserved device names (CON, PRN, AUX, NUL, COM0-9, LPT0-9, with any extension) get
  "_" added ("CON" -> "CON_").
* Names are at most ``max_len`` characters (80 by default), cut at a word boundary if possible,
  so a bundle stays well inside Windows' 260-character path limit.
* Windows and macOS compare names without regard to case: :func:`unique_name` treats
  "Photo.jpg" and "photo.JPG" as the same name.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

MAX_LEN = 80
RESERVED = frozenset({"CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$",
                      *(f"COM{i}" for i in range(10)), *(f"LPT{i}" for i in range(10))})
FORBIDDEN = '<>:"/\\|?*'

# Letters that Unicode decomposition does not turn into ASCII.
_SPELLED = str.maketrans({
    "ß": "ss", "ẞ": "SS", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "ø": "o", "Ø": "O",
    "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ð": "d", "Ð": "D", "þ": "th", "Þ": "Th",
    "ı": "i", "ħ": "h", "Ħ": "H", "ŋ": "n", "Ŋ": "N", "ĸ": "k", "ſ": "s",
    "&": " and ", "+": " plus ", "@": " ",
    "\u2018": "", "\u2019": "", "\u201b": "", "\u2032": "", "'": "", "`": "", "\u02bc": "",
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-",
    "\u2212": "-",
})
_NOT_SAFE = re.compile(r"[^A-Za-z0-9]+")


def to_ascii(text: str) -> str:
    """Transliterate to ASCII where sensible; characters with no ASCII spelling are dropped."""
    text = unicodedata.normalize("NFC", str(text)).translate(_SPELLED)
    decomposed = unicodedata.normalize("NFKD", text)
    kept = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return kept.encode("ascii", "ignore").decode("ascii")


def _shorten(name: str, max_len: int, sep: str) -> str:
    if len(name) <= max_len:
        return name
    cut = name[:max_len]
    boundary = cut.rfind(sep)
    if boundary >= max_len // 2:
        cut = cut[:boundary]
    return cut.strip(sep + ".")


def _unreserve(name: str) -> str:
    stem = name.split(".", 1)[0].upper()
    return f"{name}_" if stem in RESERVED else name


def safe_component(text: str, max_len: int = MAX_LEN, fallback: str = "untitled",
                   sep: str = "-") -> str:
    """One file or folder name (no extension) made from any text; never empty."""
    max_len = max(max_len, 2)
    for candidate in (text, fallback, "untitled"):
        name = _shorten(_NOT_SAFE.sub(sep, to_ascii(candidate)).strip(sep), max_len, sep)
        if name:
            unreserved = _unreserve(name)
            return unreserved if len(unreserved) <= max_len else _unreserve(name[:max_len - 1])
    return "untitled"


def safe_extension(extension: str) -> str:
    """'.JPEG' -> 'jpeg'; at most 8 letters and digits; '' when nothing is left."""
    return "".join(ch for ch in to_ascii(extension).lower() if ch.isalnum())[:8]


def safe_filename(stem: str, extension: str = "", max_len: int = MAX_LEN,
                  fallback: str = "file") -> str:
    """'Siân O’Brien', 'JPG' -> 'Sian-OBrien.jpg', within ``max_len`` characters in all."""
    ext = safe_extension(extension)
    room = max_len - (len(ext) + 1 if ext else 0)
    name = safe_component(stem, max(room, 8), fallback)
    return _unreserve(f"{name}.{ext}" if ext else name)


def unique_name(name: str, taken: set[str]) -> str:
    """``name``, or ``name-2``, ``name-3``... before the extension, so that no two names in
    ``taken`` are equal ignoring case (as Windows and macOS compare them). Adds the result to
    ``taken`` (in lower case)."""
    stem, dot, ext = name.rpartition(".") if "." in name else (name, "", "")
    candidate, n = name, 1
    while candidate.lower() in taken:
        n += 1
        candidate = f"{stem}-{n}{dot}{ext}"
    taken.add(candidate.lower())
    return candidate


def numbered_free_name(folder: Path, name: str, suffixes: tuple[str, ...] = ("",)) -> str:
    """``name``, or ``name (2)``, ``name (3)``... so that no ``folder / (name + suffix)`` exists
    for any of ``suffixes`` (e.g. ("", ".zip") for a bundle folder and its zip)."""
    try:
        existing = {p.name.lower() for p in Path(folder).iterdir()}
    except OSError:
        existing = set()
    candidate, n = name, 1
    while any((candidate + s).lower() in existing for s in suffixes):
        n += 1
        candidate = f"{name} ({n})"
    return candidate


def surname(full_name: str) -> str:
    """The last word of a name ("Dr Asha Patel" -> "Patel"), for naming the bundle."""
    words = [w.strip(".,") for w in full_name.split()]
    words = [w for w in words if w]
    return words[-1] if words else ""
