"""Competing-interests wording: each author's statement, the article's combined declaration,
each author's status, and the author's answers laid out like the ICMJE form (for export).

The combined declaration follows The BMJ's own formulas (FACTS.md, "Competing interests").
Two forms exist:

* ``"policy"`` (the default): "We have read and understood BMJ policy on declaration of interests
  and declare no competing interests." / "... and declare the following interests: ...".
  The BMJ uses it for articles other than research, and Partnership in Practice articles are
  narrative pieces, not research. It also claims nothing that may not yet be true.
* ``"icmje"``: "All authors have completed the ICMJE uniform disclosure form ... and declare:
  no support ...; no financial relationships ...; no other relationships ...", with each clause
  replaced by the specifics. The BMJ's research style; it asserts that every author completed
  the form, so use it only when every author has certified.

An author's own edit of their wording (``Disclosure.custom_statement``) is used in place of the
wording generated from their answers, until they regenerate it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from ..article.author import Author
from .disclosure import Disclosure, DisclosureEntry
from .icmje import IcmjeItem, items_by_number, load_items, long_date

FORMS = ("policy", "icmje")
DEFAULT_FORM = "policy"
POLICY_OPENING = "We have read and understood BMJ policy on declaration of interests and declare"
ICMJE_OPENING = ("All authors have completed the ICMJE uniform disclosure form at "
                 "www.icmje.org/disclosure-of-interest/ and declare:")
ICMJE_CLAUSES = (
    "no support from any organisation for the submitted work",
    "no financial relationships with any organisations that might have an interest in the "
    "submitted work in the previous three years",
    "no other relationships or activities that could appear to have influenced the submitted work",
)
CONFIRMATION = "I confirm these answers are complete and true."
# Said of an author who declares nothing, among others who declare something ("<name> none"
# reads as a typing slip in print).
NOTHING_TO_DECLARE = "has no interests to declare"

_PAID_IN_STATEMENT = {"me": "paid to them", "organisation": "paid to their organisation",
                      "not_paid": "unpaid", "": ""}
_PAID_ON_FORM = {"me": "paid to me", "organisation": "paid to my organisation",
                 "not_paid": "not paid", "": ""}


# --- small text helpers --------------------------------------------------------------------
def _tidy(text: str, strip_stop: bool = True) -> str:
    """One line, no trailing separators (the sentence around it supplies its own)."""
    text = " ".join(text.split()).rstrip(" ;,")
    return text.rstrip(" .") if strip_stop else text


def _join_and(parts: list[str]) -> str:
    return parts[0] if len(parts) == 1 else f"{', '.join(parts[:-1])} and {parts[-1]}"


def _sentence(text: str) -> str:
    text = text.strip()
    return text if text.endswith((".", "!", "?")) else f"{text}."


def author_name(author: Author) -> str:
    return " ".join(author.name.split()) or "An unnamed author"


def _details(entry: DisclosureEntry, paid_words: dict[str, str], sep: str = ", ") -> str:
    """What, to whom it was paid, comments. In statements they are joined with commas inside
    brackets, so that semicolons only ever separate clauses."""
    what, comments = _tidy(entry.what), _tidy(entry.comments)
    paid = paid_words.get(entry.paid_to, "")
    if paid and paid.lower() in f"{what} {comments}".lower():
        paid = ""           # "(Unpaid chair)", not "(Unpaid chair, unpaid)": said once
    return sep.join(p for p in (what, paid, comments) if p)


def _with_details(entity: str, details: str) -> str:
    """"Acme (advice, paid to them)"; an entity already ending in brackets takes the details
    inside them ("Brackenlea Trust (charity; grant of ...)"), never two brackets in a row."""
    if not details:
        return entity
    if entity.endswith(")") and "(" in entity:
        return f"{entity[:-1]}; {details})"
    return f"{entity} ({details})"


# --- one author ----------------------------------------------------------------------------
Selector = Callable[[int, DisclosureEntry], bool]


def _clauses(disclosure: Disclosure, items: list[IcmjeItem],
             select: Selector = lambda _n, _e: True) -> list[str]:
    """'has received consulting fees from A (advice, paid to them) and B', one per item
    (entries naming no organisation get a clause each)."""
    clauses = []
    for number, item in sorted(items_by_number(items).items()):
        entries = [e for e in disclosure.item(number).declared() if select(number, e)]
        named, unnamed = [], []
        for entry in entries:
            details = _details(entry, _PAID_IN_STATEMENT)
            entity = _tidy(entry.entity, strip_stop=False)
            if entity:
                named.append(_with_details(entity, details))
            else:
                unnamed.append(f"{item.statement_verb} ({details})")
        if named:
            clauses.append(f"{item.statement_verb} {item.statement_preposition} "
                           f"{_join_and(named)}")
        clauses += unnamed
    return clauses


def generated_statement(author: Author, items: list[IcmjeItem]) -> str:
    """The wording made from the author's answers alone (what "Regenerate wording" gives)."""
    name = author_name(author)
    disclosure = author.disclosure.cleaned()
    if not disclosure.answered():
        return f"{name} has not yet completed a declaration of interests."
    clauses = _clauses(disclosure, items)
    if not clauses:
        return f"{name} declares no competing interests."
    return _sentence(f"{name} {'; '.join(clauses)}")


def author_statement(author: Author, items: list[IcmjeItem], today: date | None = None) -> str:
    """The author's statement as it goes into the article: their own edited wording if they
    made one, otherwise the wording generated from their answers.

    ``today`` is accepted for symmetry with :func:`disclosure_form`; the journal's wording
    speaks of "the previous three years" and needs no date, so it does not change the text.
    """
    custom = author.disclosure.custom_statement.strip()
    return custom if custom else generated_statement(author, items)


def _own_wording(author: Author, items: list[IcmjeItem]) -> str:
    """The author's custom wording when it says something other than the generated one."""
    custom = author.disclosure.custom_statement.strip()
    return custom if custom and custom != generated_statement(author, items) else ""


def declares_none(author: Author, items: list[IcmjeItem]) -> bool:
    """Answered every item, declared nothing, and has no wording of their own."""
    disclosure = author.disclosure.cleaned()
    return (disclosure.answered() and not disclosure.has_interests()
            and not _own_wording(author, items))


# --- the article ---------------------------------------------------------------------------
def combined_statement(authors: list[Author], items: list[IcmjeItem] | None = None,
                       form: str = DEFAULT_FORM) -> str:
    """The article's declaration in the journal's own form ("" for an article with no authors).

    All authors declaring none gives the short form; otherwise the specifics per author by
    name, with "<name> has no interests to declare" for those who declare nothing.
    """
    if form not in FORMS:
        raise ValueError(f"unknown form {form!r} (known: {', '.join(FORMS)})")
    if not authors:
        return ""
    items = items if items is not None else load_items()
    if form == "icmje":
        return _icmje_form(authors, items)
    if all(declares_none(a, items) for a in authors):
        return f"{POLICY_OPENING} no competing interests."
    parts = [f"{author_name(a)} {NOTHING_TO_DECLARE}" if declares_none(a, items)
             else author_statement(a, items).rstrip(" .") for a in authors]
    return f"{POLICY_OPENING} the following interests: {'; '.join(parts)}."


def _icmje_group(number: int, entry: DisclosureEntry) -> int:
    """0 support for the work, 1 financial relationships, 2 other relationships or activities."""
    if number == 1:
        return 0
    if number == 13 or (number == 10 and entry.paid_to not in ("me", "organisation")):
        return 2
    return 1


def _in_group(group: int) -> Selector:
    """Selects the entries of one of the form's three groups."""
    def select(number: int, entry: DisclosureEntry) -> bool:
        return _icmje_group(number, entry) == group
    return select


def _icmje_form(authors: list[Author], items: list[IcmjeItem]) -> str:
    groups: list[list[str]] = [[], [], []]
    for author in authors:
        if declares_none(author, items):
            continue
        name, disclosure = author_name(author), author.disclosure.cleaned()
        per_group = [_clauses(disclosure, items, _in_group(g)) for g in range(3)]
        whole = _own_wording(author, items) or (
            "" if disclosure.answered() else generated_statement(author, items))
        if whole:   # their own wording (or "not yet completed") goes in once, where it fits
            first = next((g for g in range(3) if per_group[g]), 2)
            groups[first].append(whole.rstrip(" ."))
        else:
            for g in range(3):
                if per_group[g]:
                    groups[g].append(f"{name} {'; '.join(per_group[g])}")
    clauses = ["; ".join(found) if found else default
               for found, default in zip(groups, ICMJE_CLAUSES, strict=True)]
    return f"{ICMJE_OPENING} {'; '.join(clauses)}."


# --- status --------------------------------------------------------------------------------
def _written_date(iso: str) -> str:
    try:
        return long_date(date.fromisoformat(iso))
    except ValueError:
        return iso


def statement_status(author: Author) -> str:
    """'not started', 'in progress', 'needs re-certifying' or 'certified on 21 November 2026'."""
    disclosure = author.disclosure
    if disclosure.needs_recertification():
        return "needs re-certifying"
    if disclosure.is_certified():
        return f"certified on {_written_date(disclosure.certified_on)}"
    return "in progress" if disclosure.is_started() else "not started"


# --- the author's answers laid out like the ICMJE form (the export, and the preview) ------
@dataclass(frozen=True)
class FormEntry:
    entity: str           # "Name all entities with whom you have this relationship"
    specifications: str   # what, to whom it was paid, comments


@dataclass(frozen=True)
class FormRow:
    number: int
    title: str
    time_frame: str       # "No time limit" / "In the past 36 months (since 1 May 2023)"
    answer: str           # "None", "Declared below" or "Not answered"
    entries: tuple[FormEntry, ...]
    question: str = ""    # the item's plain question (shown on screen, not exported)


@dataclass(frozen=True)
class DisclosureForm:
    header: tuple[tuple[str, str], ...]   # (label, value): date, name, title, number
    rows: tuple[FormRow, ...]
    certification: str    # the form's own words ("... Certified on 1 March 2026.")
    confirmation: str = ""   # the same in plain words, for the screen


def disclosure_form(author: Author, items: list[IcmjeItem], article_title: str,
                    today: date | None = None) -> DisclosureForm:
    """One author's answers as the ICMJE form lays them out. The form's date (and so the
    36-month period) is the certification date when certified, otherwise ``today``."""
    disclosure = author.disclosure.cleaned()
    form_date = today or date.today()
    if disclosure.is_certified():
        try:
            form_date = date.fromisoformat(disclosure.certified_on)
        except ValueError:
            pass
    header = (("Date", long_date(form_date)), ("Your name", author_name(author)),
              ("Manuscript title", " ".join(article_title.split()) or "(no title yet)"),
              ("Manuscript number", disclosure.manuscript_number.strip() or "Not known yet"))
    rows = []
    for item in items:
        answer = disclosure.item(item.number)
        entries = tuple(FormEntry(_tidy(e.entity, strip_stop=False) or "(not named)",
                                  _details(e, _PAID_ON_FORM, "; ")) for e in answer.declared())
        words = {"none": "None", "entries": "Declared below" if entries else "None"}
        rows.append(FormRow(item.number, item.title, item.period(form_date),
                            words.get(answer.answer, "Not answered"), entries, item.question))
    return DisclosureForm(header, tuple(rows), *_certification(disclosure))


def _certification(disclosure: Disclosure) -> tuple[str, str]:
    """(the form's own words, the same in plain words for the author reading the screen)."""
    on = _written_date(disclosure.certified_on)
    if disclosure.is_certified():
        return f"{CONFIRMATION} Certified on {on}.", f"You confirmed these answers on {on}."
    if disclosure.needs_recertification():
        return (f"The answers changed after they were certified on {on}: not certified again "
                "yet.", f"You changed these answers after you confirmed them on {on}. They "
                "need to be confirmed again.")
    return "Not yet certified.", "You have not confirmed these answers yet."


def disclosure_form_text(form: DisclosureForm, plain: bool = False) -> str:
    """Plain-text rendering of :func:`disclosure_form`.

    With ``plain`` (the preview on screen, read by patients too) each item is headed by its
    plain question, with the form's own title under it ("On the ICMJE form: ...", as on the
    wizard's question pages), and the confirmation is said in plain words. Without it, the
    form's own words only, as the exported form has them."""
    lines = [f"{label}: {value}" for label, value in form.header] + [""]
    for row in form.rows:
        if plain and row.question:    # a blank line between items: easier to read on screen
            lines += ([""] if row is not form.rows[0] else []) + [
                f"{row.number}. {row.question}", f"   On the ICMJE form: {row.title}"]
        else:
            lines.append(f"{row.number}. {row.title}")
        lines.append(f"   Time frame: {row.time_frame}")
        if row.entries:
            lines += [f"   - {e.entity}" + (f": {e.specifications}" if e.specifications else "")
                      for e in row.entries]
        else:
            lines.append(f"   {'Your answer: ' if plain else ''}{row.answer}")
    lines += ["", form.confirmation if plain and form.confirmation
              else f"Certification: {form.certification}"]
    return "\n".join(lines)
