"""Build the spell-checking word lists shipped in ``resources/dictionaries/``.

Sources (all redistributable):

- SCOWL word lists as packaged by Debian (``wbritish``, ``wamerican``, SCOWL size 50):
  /usr/share/dict/british-english and /usr/share/dict/american-english; licence copied from
  /usr/share/doc/wbritish/copyright.
- The inflected forms of those words (and of the health words) from SCOWL size 70, packaged
  as ``wbritish-large``/``wamerican-large`` (same SCOWL release and licence). SCOWL files an
  inflection at the size of its own frequency, not its stem's, so size 50 has "behaviour" but
  not "behaviours", and "pairing" but not "pairings". Only regular inflections and a few regular
  derivations of a word we already have are taken (see ``INFLECTIONS``), not the whole of
  size 70: its rarer words would hide real typos and make the list twice as slow to load.
- Word frequencies from pyspellchecker's English dictionary (MIT licence, copied from the
  installed package), used only to rank suggestions.
- Our own health vocabulary, ``tools/health_words.txt`` (MIT, the project's licence), plus
  ``HEALTH_ADDITIONS`` below (words found missing by benchmarks/bench_spelling_false_flags.py).

Outputs:

- ``en_GB.words.gz`` and ``en_US.words.gz``: gzip'd UTF-8 text in sections::

      #pipwriter-wordlist 1
      #language en_GB
      #section lower       words written in lower case (they match any capitalisation)
      #section cased       words with capitals (names, acronyms): kept as written
      #section freq        "word<TAB>score", lower case, score = round(10 * ln(count))

  Possessives ("nurse's") are dropped when the bare word is present: the checker accepts
  "'s" after any known word. The freq section also covers the health words, so suggestions from
  both lists are ranked on one scale. British spellings missing from pyspellchecker's
  (American-leaning) list borrow the count of their American form (paediatric <- pediatric).
- ``health.words``: plain UTF-8, one word per line, '#' comments, case kept; read for both
  languages.
- ``health-en_US.words``: the same, for American English only: the American spelling of a
  health word whose British spelling is known (hemoglobin, pediatric, randomized), so that a
  British article is not told "hemoglobin" is spelt right (found by a walk of the app).
  ``pipwriter/model/language/british_forms.py`` holds the rules.
- ``LICENSE-SCOWL.txt``, ``LICENSE-pyspellchecker.txt`` beside them.

Run ``python tools/build_dictionaries.py`` (``--check`` only reports what would change). The
gzip files are written reproducibly (no timestamp) so rebuilding unchanged input changes nothing.
"""

from __future__ import annotations

import argparse
import gzip
import importlib.metadata
import json
import math
import re
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from pipwriter.model.language.british_forms import american_forms, rewritten  # noqa: E402
from pipwriter.model.language.spelling import HYPHEN_PREFIXES  # noqa: E402 - the checker's own rule

OUT = ROOT / "resources" / "dictionaries"
HEALTH_SOURCE = ROOT / "tools" / "health_words.txt"
SCOWL = {
    "en_GB": Path("/usr/share/dict/british-english"),
    "en_US": Path("/usr/share/dict/american-english"),
}
SCOWL_LARGE = {
    "en_GB": Path("/usr/share/dict/british-english-large"),
    "en_US": Path("/usr/share/dict/american-english-large"),
}
SCOWL_COPYRIGHT = Path("/usr/share/doc/wbritish/copyright")
# The lists we draw on must carry the same notices as the one copied (LICENSE-SCOWL.txt).
SCOWL_OTHER_COPYRIGHTS = tuple(Path(f"/usr/share/doc/{package}/copyright") for package in
                               ("wamerican", "wbritish-large", "wamerican-large"))

# (ending, what replaces it in the stem): a size-70 word is taken when removing its ending and
# adding the replacement gives a word we already have: behaviours <- behaviour, pairings <-
# pairing, inhibitors <- inhibitor (a health word), prioritisation <- prioritise, behaviourally
# <- behavioural. A doubled final consonant is undone too (-bbed, -tting). Only SCOWL's own
# words are ever added, so misspellings such as "occured" or "stoped" cannot come in this way.
INFLECTIONS = (("s", ""), ("es", ""), ("ies", "y"), ("'s", ""), ("ed", ""), ("ed", "e"),
               ("ied", "y"), ("ing", ""), ("ing", "e"), ("ying", "ie"), ("er", ""), ("er", "e"),
               ("ier", "y"), ("est", ""), ("est", "e"), ("iest", "y"), ("ly", ""), ("ily", "y"),
               ("ally", ""), ("ation", "e"), ("ations", "e"))
_DOUBLING = ("ed", "ing", "er", "est")
# Plurals SCOWL lists but that are almost always a learner's mistake for the uncountable noun.
NOT_INFLECTIONS = frozenset({"advices", "equipments", "informations", "furnitures",
                             "knowledges", "luggages"})

# Health and NHS words missing from both SCOWL and tools/health_words.txt, found with
# benchmarks/bench_spelling_false_flags.py. Regular plurals are not needed: the checker accepts
# the plural of any health word (pipwriter/model/spelling.py). They are kept here because the
# change that found them could not edit tools/health_words.txt; move them there when it is next
# edited (the output is the same).
HEALTH_ADDITIONS = """
    specialty inhibitor psychosocial psychosocially rehabilitative dataset endoscopist upskill
    upskilled upskilling deprioritise deprioritised deprioritising deprioritize deprioritized
    overdiagnosis overdiagnosed underdiagnosis underdiagnosed overtreatment overtreated
    undertreatment undertreated medicalise medicalised medicalising medicalisation medicalize
    medicalized waitlist intolerances learnings gurdwara bookable specialisms standfirst
    standfirsts cafe
""".split()
FORMAT_VERSION = 1

# pyspellchecker gives every word it knows at least this count: it carries no ranking information.
FREQ_FLOOR = 50
# Health words with no frequency of their own: above the floor so that, in an article about
# health, "metformin" outranks an obscure general word at the same edit distance.
HEALTH_DEFAULT_COUNT = 120

# British -> American spelling patterns, used only to borrow a frequency for ranking.
_US_PATTERNS = [("isation", "ization"), ("ise", "ize"), ("is", "iz"), ("yse", "yze"),
                ("our", "or"), ("tre", "ter"), ("ae", "e"), ("oe", "e"), ("ll", "l"),
                ("ogue", "og"), ("ence", "ense"), ("mme", "m")]

_WORD_PART = re.compile(r"^[^\W\d_](?:[^\W\d_]|')*$")


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def read_scowl(path: Path) -> set[str]:
    words = {nfc(line.strip()) for line in path.read_text(encoding="utf-8").splitlines()}
    words.discard("")
    # Drop possessives whose bare word is present: the checker accepts "'s" on any known word.
    return {w for w in words if not (w.endswith("'s") and w[:-2] in words)}


def read_health(path: Path) -> tuple[set[str], list[str]]:
    """The health words (hyphenated entries split into parts) and any entries rejected."""
    words: set[str] = set()
    rejected: list[str] = []
    lines = [*path.read_text(encoding="utf-8").splitlines(), *HEALTH_ADDITIONS]
    for line in lines:
        line = line.split("#", 1)[0]
        for entry in line.split():
            entry = nfc(entry.replace("\u2019", "'"))
            parts = entry.split("-")
            for index, part in enumerate(parts):
                if len(part) < 2 or (index < len(parts) - 1 and part.lower() in HYPHEN_PREFIXES):
                    continue  # "co" in co-production is a prefix, not a word on its own
                if _WORD_PART.match(part):
                    words.add(part)
                else:
                    rejected.append(entry)
    return words, rejected


def _stems(word: str) -> set[str]:
    """The words ``word`` could be a regular inflection of (behaviours -> behaviour...)."""
    out = set()
    for ending, replacement in INFLECTIONS:
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            stem = word[:len(word) - len(ending)]
            out.add(stem + replacement)
            if ending in _DOUBLING and stem[-1] == stem[-2]:
                out.add(stem[:-1])
    return out


def inflections(words: set[str], larger: set[str]) -> set[str]:
    """The words of ``larger`` (SCOWL size 70) that are inflections of ``words``."""
    return {w for w in larger - words
            if w.lower() not in NOT_INFLECTIONS and not _stems(w).isdisjoint(words)}


def pyspellchecker_frequencies() -> tuple[dict[str, int], Path, str]:
    """(word -> count, licence file, version) from the installed pyspellchecker package."""
    dist = importlib.metadata.distribution("pyspellchecker")
    data_file = licence = None
    for file in dist.files or ():
        name = str(file).replace("\\", "/")
        if name.endswith("spellchecker/resources/en.json.gz"):
            data_file = Path(dist.locate_file(file))
        elif name.rsplit("/", 1)[-1].upper().startswith("LICENSE"):
            licence = Path(dist.locate_file(file))
    if data_file is None or licence is None:
        raise SystemExit("pyspellchecker's English data or licence file was not found")
    counts = json.loads(gzip.decompress(data_file.read_bytes()).decode("utf-8"))
    return {nfc(k): int(v) for k, v in counts.items()}, licence, dist.version


def us_variants(word: str) -> set[str]:
    return rewritten(word, _US_PATTERNS)


def frequencies(words: set[str], counts: dict[str, int], american: set[str],
                health: set[str]) -> dict[str, int]:
    """Lower-case word -> count for every word we can rank (above pyspellchecker's floor)."""
    american_lower = {w.lower() for w in american}
    out: dict[str, int] = {}
    for word in {w.lower() for w in words}:
        count = counts.get(word, 0)
        if count <= FREQ_FLOOR and word not in american_lower:
            borrowed = [counts.get(v, 0) for v in us_variants(word) if v in american_lower]
            count = max([count, *borrowed])
        if count <= FREQ_FLOOR and word in health:
            count = HEALTH_DEFAULT_COUNT
        if count > FREQ_FLOOR:
            out[word] = count
    return out


def wordlist_text(language: str, words: set[str], freq: dict[str, int], note: str) -> str:
    lower = sorted(w for w in words if w == w.lower())
    cased = sorted(w for w in words if w != w.lower())
    # A log score keeps ranking information at a tenth of the size of raw counts.
    ranked = sorted((w, round(10 * math.log(c))) for w, c in freq.items())
    lines = [f"#pipwriter-wordlist {FORMAT_VERSION}", f"#language {language}", f"#note {note}",
             "#section lower", *lower, "#section cased", *cased,
             "#section freq", *(f"{w}\t{c}" for w, c in ranked)]
    return "\n".join(lines) + "\n"


def health_text(words: set[str], american: bool = False) -> str:
    header = ["# PiP Writer health vocabulary (generated by tools/build_dictionaries.py from",
              "# tools/health_words.txt and its HEALTH_ADDITIONS). MIT licence. One word per line;",
              "# case is significant for words with capitals (names and acronyms)."]
    if american:
        header.append("# American English only: American spellings of health words whose "
                      "British spelling is known.")
    return "\n".join([*header, *sorted(words, key=lambda w: (w.lower(), w))]) + "\n"


def write_if_changed(path: Path, data: bytes, check: bool) -> str:
    old = path.read_bytes() if path.exists() else None
    if old == data:
        return "unchanged"
    if not check:
        path.write_bytes(data)
    return "would change" if check else "written"


def build(check: bool = False) -> int:
    for path in (*SCOWL.values(), *SCOWL_LARGE.values(), SCOWL_COPYRIGHT, HEALTH_SOURCE):
        if not path.exists():
            print(f"missing source: {path} (Debian: apt-get install wbritish wamerican "
                  "wbritish-large wamerican-large)")
            return 1
    for other in SCOWL_OTHER_COPYRIGHTS:
        if not other.exists() or other.read_bytes() != SCOWL_COPYRIGHT.read_bytes():
            print(f"{other} is missing or differs from {SCOWL_COPYRIGHT}: check the licence "
                  "notices and LICENCES.md before shipping its words")
            return 1
    counts, spell_licence, spell_version = pyspellchecker_frequencies()
    health, rejected = read_health(HEALTH_SOURCE)
    for entry in rejected:
        print(f"health_words.txt: skipped {entry!r} (letters, apostrophes and hyphens only)")
    lists = {lang: read_scowl(path) for lang, path in SCOWL.items()}
    added = {}
    for lang, words in lists.items():
        added[lang] = inflections(words | health, read_scowl(SCOWL_LARGE[lang]))
        words |= added[lang]
    health_lower = {w.lower() for w in health}
    OUT.mkdir(parents=True, exist_ok=True)
    results = []
    for lang, words in lists.items():
        freq = frequencies(words | health, counts, lists["en_US"], health_lower)
        note = (f"SCOWL via Debian {SCOWL[lang].name}, with inflections from "
                f"{SCOWL_LARGE[lang].name}; frequencies from pyspellchecker {spell_version}; "
                "see LICENCES.md")
        text = wordlist_text(lang, words, freq, note)
        data = gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0)
        path = OUT / f"{lang}.words.gz"
        results.append((path, write_if_changed(path, data, check),
                        f"{len(words):,} words ({len(added[lang]):,} inflections from size 70), "
                        f"{len(freq):,} ranked"))
    british_lower = {w.lower() for w in lists["en_GB"]}
    american = american_forms(health_lower, health_lower | british_lower, british_lower)
    shared = {w for w in health if w.lower() not in american}
    new_health = {w for w in shared if w not in lists["en_GB"] and w.lower() not in lists["en_GB"]}
    path = OUT / "health.words"
    results.append((path, write_if_changed(path, health_text(shared).encode("utf-8"), check),
                    f"{len(shared):,} words ({len(new_health):,} not in British SCOWL)"))
    path = OUT / "health-en_US.words"
    only_us = {w for w in health if w.lower() in american}
    results.append((path, write_if_changed(path, health_text(only_us, american=True)
                                           .encode("utf-8"), check),
                    f"{len(only_us):,} American spellings of health words"))
    for source, name in ((SCOWL_COPYRIGHT, "LICENSE-SCOWL.txt"),
                         (spell_licence, "LICENSE-pyspellchecker.txt")):
        path = OUT / name
        results.append((path, write_if_changed(path, source.read_bytes(), check),
                        f"copied from {source}"))
    for path, status, detail in results:
        size = path.stat().st_size if path.exists() else 0
        print(f"{path.relative_to(ROOT)}: {status}, {size / 1024:,.0f} KiB, {detail}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="report only; write nothing")
    args = parser.parse_args(argv)
    return build(check=args.check)


if __name__ == "__main__":
    sys.exit(main())
