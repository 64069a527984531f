"""The British spellings an American spelling may stand for (Qt-free).

"haemoglobin" for "hemoglobin", "randomised" for "randomized", "centre" for "center": each rule
turns one American pattern into its British one, at every place it occurs, one place at a time.
Most candidates are not words; the caller keeps those its word lists know.

Used twice, so that British spelling means British: ``tools/build_dictionaries.py`` keeps the
American forms of health words (whose British form is known) out of the list British English
reads, and the spelling suggestions for a British article offer the British form first (a walk
found "center" offered "enter" and not "centre", and "hemoglobin" accepted).
"""

from __future__ import annotations

from collections.abc import Iterable

# (American, British): each rule is tried on its own, at each place its pattern occurs, so
# overlapping rules do no harm (a candidate that is not a word is simply not kept)
_RULES = (
    ("ization", "isation"), ("izing", "ising"), ("ized", "ised"), ("izes", "ises"),
    ("ize", "ise"), ("yze", "yse"), ("yzed", "ysed"), ("yzing", "ysing"),
    ("eling", "elling"), ("eled", "elled"), ("eler", "eller"),
    ("or", "our"), ("er", "re"), ("og", "ogue"), ("ense", "ence"),
    ("emia", "aemia"), ("emic", "aemic"), ("hem", "haem"), ("hema", "haema"),
    ("anem", "anaem"), ("anesth", "anaesth"), ("ped", "paed"), ("gyneco", "gynaeco"),
    ("cecum", "caecum"), ("celiac", "coeliac"), ("esoph", "oesoph"), ("edem", "oedem"),
    ("estr", "oestr"), ("ischem", "ischaem"), ("diarrhea", "diarrhoea"), ("apnea", "apnoea"),
    ("dyspnea", "dyspnoea"), ("leukem", "leukaem"),
)


def rewritten(word: str, rules: Iterable[tuple[str, str]]) -> set[str]:
    """Every spelling one (pattern, replacement) rule makes of ``word``, at one place each."""
    out = set()
    for pattern, replacement in rules:
        start = word.find(pattern)
        while start != -1:
            out.add(word[:start] + replacement + word[start + len(pattern):])
            start = word.find(pattern, start + 1)
    out.discard(word)
    return out


def british_forms(word: str) -> set[str]:
    """Every spelling one rule makes of lower-case ``word`` (most are not words)."""
    return rewritten(word, _RULES)


def american_forms(words: set[str], known: set[str], british: set[str]) -> set[str]:
    """The words of ``words`` (lower case) that are the American spelling of a word in
    ``known``, and not British words themselves (in ``british``, a British list)."""
    return {w for w in words if w not in british and british_forms(w) & known}
