"""Turning a Word draft (.docx) into an article, in two steps so the app can show where each
part goes and let the authors change it:

    plan = plan_import("draft.docx")        # read it; each heading gets a place
    for choice in plan.unsure():            # the app asks; the command line keeps the guesses
        plan.choose(choice.number, target)
    project = import_docx("draft.docx", plan)

What is brought in: the title; the sections, each heading matched to a part of the series
template (:mod:`.mapping`), with paragraphs, bold, italic and bulleted lists; viewpoints, with
their authors when the heading names them ("Patient's viewpoint: Sam Jones"); the key messages;
the numbered reference list at the end, each becoming a reference with the citations in the
text ([1], [1,2], [1–3] or superscript numbers) linked to it; and every picture, as an
illustration with its alt text and the caption under it ("Figure 1: …").

A document PiP Writer exported comes back as the same article: its byline, standfirst, key
messages, key quotes, captions, credits and clips are recognised too; the competing-interests
statement and the word count, which PiP Writer writes from the article, are left out.

Nothing is dropped: text that fits nowhere goes to a section titled “Imported text not yet
placed”; footnotes, link addresses and text boxes are kept in the text (:mod:`.docx_runs`).
Each of these, and anything that could not be brought in, is listed in ``plan.notes``.

The work is done by: :mod:`.docx_read` (the document as blocks), :mod:`.plan` and
:mod:`.mapping` (where each heading goes), :mod:`.builder` (the article), with
:mod:`.front_matter`, :mod:`.references`, :mod:`.pictures` and :mod:`.quotes` for their parts.
"""

from __future__ import annotations

from pathlib import Path

from ..model.rules.template import Template, get_template
from ..model.storage.project import Project
from .builder import Builder
from .draft_comments import bring_in_comments
from .plan import DEFAULT_TEMPLATE, ImportPlan, plan_import
from .quotes import flag_quote

__all__ = ["DEFAULT_TEMPLATE", "ImportPlan", "flag_quote", "import_docx", "plan_import"]


def import_docx(path: Path | str, plan: ImportPlan | None = None,
                template: Template | None = None) -> Project:
    """The draft as a new, unsaved project (raises DocxImportError with a message). Without a
    plan, every heading goes where :func:`plan_import` guessed."""
    if plan is None:
        plan = plan_import(path, template)
    template = template or get_template(plan.template_id)
    builder = Builder(plan, template)
    project = builder.run()
    plan.notes[:] = builder.notes + bring_in_comments(Path(path), project.article)
    return project
