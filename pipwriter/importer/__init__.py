"""Bringing existing work into PiP Writer: a Word draft (.docx) becomes an article.

:mod:`.docx_read` (with :mod:`.docx_runs`) reads the document into simple blocks
(:mod:`.blocks`); :mod:`.plan` decides where each part goes — each heading by :mod:`.mapping`
(the template's synonyms, matched whole), the byline by :mod:`.byline` — flagging the unsure
ones, and :mod:`.parts` tells the plan part by part (the command line's printout, the app's
review screen); :mod:`.builder` builds the project, with :mod:`.front_matter`,
:mod:`.references` (read by :mod:`.reference_parse`), :mod:`.pictures` and :mod:`.quotes` for
their parts. :mod:`.docx_import` is the entry point.
"""
