"""What a reviewed Word copy holds that cannot be brought in, said in words.

A review copy shows the whole article, but only the title, standfirst, key messages and the
sections' headings and text can be changed from Word; the bylines, the address for letters,
the competing-interests statement, the references and the captions are there to be read (each
is marked ``pipro_<k>_<print>``, the print of the text as sent). A walk found a reviewer's
changes and comments there dropped while the app said their copy had "nothing that yours does
not already have". Each is now named, with where to make it by hand.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

from ..model.coauthoring.compare import shortened
from ..model.coauthoring.review_places import text_print

# a read-only paragraph's Word style -> what it is and the page where it is changed
_PARTS = {
    "byline": ("the byline", "Authors and photos"),
    "correspondence": ("the address for letters", "Authors and photos"),
    "referencelist": ("the reference", "References"),
    "caption": ("the caption", "Illustrations and clips"),
}
_STATEMENT = ("the competing interests statement", "Competing interests")
_HEADINGS = ("heading1", "heading2", "keymessagesheading")


class ReadBack(Protocol):
    """What :mod:`.review_read` reads of one paragraph (the parts used here)."""

    style: str
    text: str
    comments: list[tuple[str, str, str, int, int]]
    changed_by: str
    sent_print: str


@dataclass
class LeftOut:
    """Collects, in the order of the copy, what could not be brought in."""

    reviewer: str
    replies: set[str] = field(default_factory=set)     # Word comment ids that are replies
    lines: list[str] = field(default_factory=list)
    _heading: str = ""                                 # the last heading read

    def _part(self, style: str) -> tuple[str, str]:
        if style in _PARTS:
            return _PARTS[style]
        if self._heading.lower().startswith("competing interests"):
            return _STATEMENT
        return "the text", ""

    def read_only(self, paragraph: ReadBack) -> None:
        """A paragraph shown for reading only: its change and its comments, if any."""
        style = paragraph.style.replace(" ", "").lower()
        if style in _HEADINGS:
            self._heading = paragraph.text.strip()
        name, page = self._part(style)
        text = paragraph.text
        if paragraph.sent_print and text_print(text) != paragraph.sent_print:
            who = paragraph.changed_by or self.reviewer
            if style in _HEADINGS:
                self.lines.append(f"{who} changed the heading “{shortened(text)}”. It was not "
                                  "brought in: PiP Writer writes that heading itself.")
            else:
                where = f"on the {page} page" if page else "in PiP Writer yourself"
                self.lines.append(f"{who} changed {name}: in their copy it reads "
                                  f"“{shortened(text, 200)}”. It was not brought in: PiP "
                                  "Writer cannot take changes there from a Word document. If "
                                  f"you agree, make the change {where}.")
        for ident, author, said, start, end in paragraph.comments:
            if ident in self.replies:
                continue
            self.lines.append(f"{author or self.reviewer}'s comment “{shortened(said)}” on "
                              f"{name} (“{shortened(text[start:end], 40)}”) was not brought "
                              "in: PiP Writer cannot put comments there. Read it in their "
                              "Word document.")

    def added(self, text: str, who: str) -> None:
        """A paragraph the reviewer added where no text of the article can go."""
        self.lines.append(f"{who or self.reviewer} added “{shortened(text)}” where PiP Writer "
                          "cannot take new text from a Word document. It was not brought in.")

    def comment_not_placed(self, author: str, said: str, quote: str) -> None:
        """A comment whose words are not in the article as it is after the copy's changes."""
        self.lines.append(f"{author or self.reviewer}'s comment “{shortened(said)}” was not "
                          f"brought in: the words it is on (“{shortened(quote, 40)}”) could "
                          "not be found. Read it in their Word document.")

    def heading_as_text(self, text: str, who: str, title: str) -> None:
        """A heading added in Word: it comes in as a suggested paragraph of the section it
        follows, titled ``title`` (a section is added in PiP Writer), which is said (found by a
        walk)."""
        self.lines.append(f"{who or self.reviewer} added the heading “{shortened(text)}”. It "
                          f"came in as a suggested line of text in “{shortened(title)}”. To "
                          "make it a section of its own, use Article › Add a section, then "
                          "move the text there.")

    def clash(self, who: str, before: str, after: str, waiting_by: str, section: str) -> None:
        """A change of words that a waiting suggested change already removes
        (``suggestion_diff.Clash``): both cannot be suggestions on the same words."""
        other = f"{waiting_by}'s" if waiting_by else "another"
        self.lines.append(f"{who or self.reviewer} changed “{shortened(before, 60)}” to "
                          f"“{shortened(after, 60)}” in “{shortened(section)}”. {other} "
                          "suggested change to those words is still waiting, so this change "
                          "was not brought in: the two would get mixed up. Accept or turn "
                          "down the waiting change first. Then, if you agree, make this "
                          "change yourself.")

    def resolved_in_word(self, said: str) -> None:
        """A comment marked resolved in Word: it is not resolved here without someone choosing
        to (the others may still want to answer it), so it is said."""
        self.lines.append(f"{self.reviewer} marked the comment “{shortened(said)}” as resolved "
                          "in Word. It is still open here: if you agree, resolve it in View › "
                          "Comments.")

    def comment_edited(self, author: str, was: str, now: str) -> None:
        """The words of one of the article's comments changed in Word (found by a walk: the
        comment came in a second time, with its replies pasted into it)."""
        self.lines.append(f"The words of {author}'s comment “{shortened(was)}” were changed in "
                          f"Word to “{shortened(now)}”. Comments are not changed from a Word "
                          "document: if it matters, reply to the comment here.")
