"""What comes before the first heading of a draft: the standfirst (Word's Subtitle style), and
in a document PiP Writer exported its byline (names, qualifications, partner type, role,
affiliation, handle), the corresponding author's email, and the key messages. Anything else
there is kept in "Imported text not yet placed".
"""

from __future__ import annotations

from ..model.article.text import Run
from .blocks import Block
from .state import BuildState

_OWN_FRONT = ("Byline", "Correspondence", "Standfirst", "Draft Banner", "Note")


def key_message(state: BuildState, block: Block) -> None:
    text = " ".join(block.raw_text.split()).lstrip("\u2022*-\u2013 ").strip()
    if text:
        state.article.key_messages.append(text)


def front(state: BuildState, block: Block) -> None:
    """One block before the first heading."""
    if state.own and block.style in _OWN_FRONT:
        if block.style == "Standfirst":
            state.article.standfirst = " ".join(block.text.split())
        elif block.style == "Byline":
            own_byline(state, block)
        elif block.style == "Correspondence":
            correspondence(state, block)
        return
    if block.style == "Subtitle" and not state.article.standfirst:
        state.article.standfirst = " ".join(block.text.split())
        return
    if state.own and block.style == "Key Messages":
        key_message(state, block)
        return
    state.keep_unplaced(block)


def own_byline(state: BuildState, block: Block) -> None:
    """One author of the byline PiP Writer's export writes: "**Name**, credentials", then
    "Partner type — role", then "affiliation · X/Twitter @handle"."""
    lines = block.raw_text.split("\n")
    first = lines[0]
    strong = next((i.text for i in block.items if isinstance(i, Run) and i.bold), "")
    name = strong.strip() or first.split(",")[0].strip()
    credentials = first[len(strong):].lstrip(", ").strip() if strong and \
        first.startswith(strong) else ""
    partner, role = "", ""
    if len(lines) > 1:
        label, _, role = lines[1].partition(" \u2014 ")
        partner = next((p.id for p in state.template.partner_types
                        if p.label.lower() == label.strip().lower()), "")
    affiliation, handle = "", ""
    for part in (lines[2].split("\u00b7") if len(lines) > 2 else []):
        # the export keeps "X/Twitter @name" on one line (word joiner, no-break space)
        part = part.replace("\u2060", "").replace("\u00a0", " ").strip()
        if part.startswith("X/Twitter "):
            handle = part[len("X/Twitter "):].strip()
        elif part:
            affiliation = part
    author = state.author_named(name, partner or "health_professional")
    author.credentials, author.role = credentials, role.strip()
    author.affiliation, author.handle = affiliation, handle
    if partner:
        author.partner_type = partner


def correspondence(state: BuildState, block: Block) -> None:
    """"Correspondence to: Name, email; Name, email"."""
    text = block.raw_text.removeprefix("Correspondence to:").strip()
    for part in text.split(";"):
        name, _, email = part.strip().rpartition(",")
        if name.strip():
            author = state.author_named(name.strip(), "health_professional")
            author.email, author.corresponding = email.strip(), True
