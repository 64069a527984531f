"""The fit walk (fit_walk.py) with a garbage collection forced whenever a panel is first made
and at every wizard page: what Python collects must never take Qt objects the app still shows
with it (that crashed the app: a wizard page's parts, the main window's panel stack)."""

from __future__ import annotations

import gc
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import fit_walk  # noqa: E402

from pipwriter.ui import main_window, new_article_wizard  # noqa: E402

made = main_window.MainWindow._panel


def collecting_panel(self, key):
    gc.collect()
    return made(self, key)


main_window.MainWindow._panel = collecting_panel          # type: ignore[method-assign]
initialize = new_article_wizard.NewArticleWizard.initializePage


def collecting_page(self, page_id):
    gc.collect()
    return initialize(self, page_id)


new_article_wizard.NewArticleWizard.initializePage = collecting_page  # type: ignore[method-assign]

if __name__ == "__main__":
    sys.argv = [sys.argv[0], "--keyboard"]
    sys.exit(fit_walk.main())
