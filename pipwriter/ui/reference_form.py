"""What the reference form shows for each kind of reference: which boxes, their labels, the
example in each empty box, and a tip in plain words that says what to type.

A web page has no volume, issue or pages; a journal article has no date accessed; a reference
of kind "other" is one box, typed as it should appear. The boxes of other kinds keep what was
typed in them, so changing the kind back loses nothing.
"""

from __future__ import annotations

FIELD_NAMES = ("authors", "title", "container", "year", "volume", "issue", "pages", "doi", "url",
               "accessed", "text")
KIND_FIELDS = {
    "journal": ("authors", "title", "container", "year", "volume", "issue", "pages", "doi",
                "url"),
    "web": ("authors", "title", "container", "year", "url", "accessed"),
    "book": ("authors", "title", "container", "year", "doi", "url", "accessed"),
    "report": ("authors", "title", "container", "year", "doi", "url", "accessed"),
    "other": ("text",),
}
KIND_LABELS = {"journal": "Journal article", "web": "Web page", "book": "Book",
               "report": "Report", "other": "Other (type it as it should appear)"}
KIND_TIP = ("Choose what sort of thing it is. The boxes below change to suit it, so you only "
            "see the ones you need.")

# each field's label, example and tip: one text for every kind, or one per kind ("" = the rest)
LABELS: dict[str, dict[str, str]] = {
    "authors": {"": "A&uthors", "web": "A&uthors (a person or a group)"},
    "title": {"": "&Title"},
    "container": {"journal": "&Journal", "web": "Website or &group", "book": "Pub&lisher",
                  "report": "Group that pub&lished it"},
    "year": {"": "&Year", "web": "&Year (if it says)"},
    "volume": {"": "V&olume"},
    "issue": {"": "&Issue"},
    "pages": {"": "&Pages"},
    "doi": {"": "&DOI"},
    "url": {"": "&Web address"},
    "accessed": {"": "Date you last looked at it (a&ccessed)"},
    "text": {"": "Reference te&xt"},
}
HINTS: dict[str, dict[str, str]] = {
    "authors": {"": "One per line, e.g.\nRichards T\nCoulter A",
                "web": "One per line, e.g.\nNHS England"},
    "title": {"journal": "e.g. Let the patient revolution begin",
              "web": "e.g. Stroke", "book": "e.g. Engaging patients in healthcare",
              "report": "e.g. Involving people in their own health and care"},
    "container": {"journal": "e.g. BMJ", "web": "e.g. NHS website",
                  "book": "e.g. Open University Press", "report": "e.g. NHS England"},
    "year": {"": "e.g. 2024"},
    "volume": {"": "e.g. 372"},
    "issue": {"": "e.g. 8"},
    "pages": {"": "e.g. 24-27, or n71"},
    "doi": {"": "e.g. 10.1136/bmj.n71"},
    "url": {"": "e.g. https://www.nhs.uk/conditions/stroke/"},
    "accessed": {"": "e.g. 1 May 2024"},
    "text": {"": "Type the reference as it should appear"},
}
TIPS: dict[str, dict[str, str]] = {
    "authors": {"": "Put each writer on a new line. Type the last name, then the first letter "
                    "of each other name, like Coulter A. If a group wrote it, type the "
                    "group's name, like NHS England."},
    "title": {"journal": "The name of the article, as it is at the top of its first page.",
              "web": "The name of the page, as it is at the top of the page.",
              "book": "The name of the book, as it is on the cover.",
              "report": "The name of the report, as it is on its front page."},
    "container": {"journal": "The journal the article is in. Use its short name if it has "
                             "one, like BMJ.",
                  "web": "The website the page is on, or the group that runs it, like NHS "
                         "website or NICE.",
                  "book": "The firm that made the book. It is often on the back of the "
                          "book, or inside the first pages.",
                  "report": "The group that wrote the report or put it out, like NHS "
                            "England."},
    "year": {"": "The year it came out, like 2024.",
             "web": "The year the page was written or last changed, if it says. You can "
                    "leave this box empty."},
    "volume": {"": "A number the journal gives to a set of its issues. It is often next to "
                   "the page numbers."},
    "issue": {"": "The number of the copy of the journal the article is in. Leave it empty "
                  "if you cannot find one."},
    "pages": {"": "The first and last page, like 24-27. Some articles online have a code "
                  "in place of pages, like n71."},
    "doi": {"": "A DOI is a code that leads to an article online. It is often on the "
                "article's first page, and starts with 10."},
    "url": {"": "The address of the page. Copy it from the top of your web browser. It "
                "starts with https."},
    "accessed": {"": "The day you last read the web page. Type it as you like, such as "
                     "1 May 2024 or 01/05/2024 (day first)."},
    "text": {"": "Type the whole reference just as it should be in the list at the end of "
                 "the article."},
}


def _for(table: dict[str, dict[str, str]], name: str, kind: str) -> str:
    texts = table.get(name, {})
    return texts.get(kind, texts.get("", ""))


def label(name: str, kind: str) -> str:
    """The field's label for this kind, with its access key ("&Journal")."""
    return _for(LABELS, name, kind)


def hint(name: str, kind: str) -> str:
    """The example shown in the empty box."""
    return _for(HINTS, name, kind)


def tip(name: str, kind: str) -> str:
    """What to type in the box, in plain words."""
    return _for(TIPS, name, kind)


def shown(name: str, kind: str) -> bool:
    """Whether the form shows the field for a reference of this kind."""
    return name in KIND_FIELDS.get(kind, FIELD_NAMES)
