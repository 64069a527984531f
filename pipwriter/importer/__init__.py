"""Bringing existing work into PiP Writer: a Word draft (.docx) becomes an article.

:mod:`.docx_read` reads the document into simple blocks, :mod:`.mapping` decides where each
heading goes (flagging the unsure ones), and :mod:`.docx_import` builds the project.
"""
