"""Bringing existing work into PiP Writer: a Word draft (.docx) becomes an article.

:mod:`.docx_read` (with :mod:`.docx_runs`) reads the document into simple blocks
(:mod:`.blocks`), :mod:`.plan` and :mod:`.mapping` decide where each heading goes (flagging the
unsure ones), and :mod:`.builder` builds the project; :mod:`.docx_import` is the entry point.
"""
