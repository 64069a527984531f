"""How long a piece of text, and how long a list, may be: the one place these limits live.

The project-file loader refuses a file over them (a damaged or hostile file), and the app
enforces the same numbers where the user types (``setMaxLength``, the text surface's
``max_len``), so the app never writes a file it would not open again.
"""

from __future__ import annotations

TITLE_MAX = 2000            # the article's title
HEADING_MAX = 500           # a section's heading
AUTHOR_NAME_MAX = 500       # an author's name
KEY_MESSAGES_MAX = 100      # key messages in the list
AUTHORS_MAX = 200
SECTIONS_MAX = 500
TEXT_MAX = 1_000_000        # any other piece of text
