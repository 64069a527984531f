"""A stand-in for pipwriter.ui.dialogs.Dialogs: answers are queued by the test, questions logged."""

from __future__ import annotations

from pathlib import Path


class FakeDialogs:
    def __init__(self):
        self.parent = None
        self.answers: dict[str, list] = {}
        self.asked: list[tuple[str, tuple]] = []
        self.errors: list[tuple[str, str]] = []
        self.infos: list[tuple[str, str]] = []

    def queue(self, kind: str, *values) -> None:
        self.answers.setdefault(kind, []).extend(values)

    def _answer(self, kind: str, args: tuple, default=None):
        self.asked.append((kind, args))
        queue = self.answers.get(kind)
        return queue.pop(0) if queue else default

    def ask_open_path(self, folder=""):
        return self._answer("open", (folder,))

    def ask_save_path(self, suggested="", title="Save the article"):
        self.save_titles = [*getattr(self, "save_titles", []), title]
        value = self._answer("save", (suggested,))
        return Path(value) if value else None

    def ask_folder(self, title, folder="", kind="export"):
        return self._answer("folder", (title,))

    def ask_save_word(self, title, suggested=""):
        value = self._answer("save_word", (title, suggested))
        return Path(value) if value else None

    def ask_save_pdf(self, title, suggested=""):
        value = self._answer("save_pdf", (title, suggested))
        return Path(value) if value else None

    def ask_file(self, title, file_filter, folder="", kind="articles"):
        return self._answer("file", (title, file_filter))

    def ask_text(self, title, label, text="", max_length=None, *, lines=False):
        self.max_lengths = [*getattr(self, "max_lengths", []), max_length]
        self.text_lines = [*getattr(self, "text_lines", []), lines]
        answer = self._answer("text", (title, label, text))
        return answer[:max_length] if isinstance(answer, str) and max_length else answer

    def ask_choice(self, title, label, choices):
        return self._answer("choice", (title, label, tuple(choices)))

    def ask_unsaved(self, name):
        return self._answer("unsaved", (name,), "cancel")

    def confirm(self, title, text, yes="Yes", *, no="No", keep=False):
        self.last_confirm = {"yes": yes, "no": no, "keep": keep}
        return self._answer("confirm", (title, text), False)

    def ask_recovery(self, entries, compare=None):
        """Queue one list of actions per question, one action per entry, e.g.
        ``queue("recovery", ["compare"], ["restore"])``; unanswered entries are left for later."""
        actions = self._answer("recovery", (tuple(entries),), None) or []
        return [(entry, actions[i] if i < len(actions) else "later")
                for i, entry in enumerate(entries)]

    def ask_crop_square(self, title, image_data, minimum_side):
        """Queue (left, top, side, side) rectangles, or None for Cancel; unanswered, the fake
        clicks Crop straight away, keeping the square the dialog starts with (the largest centred
        one)."""
        from PySide6.QtGui import QImage

        from pipwriter.model.article.crop_geometry import largest_centred
        image = QImage.fromData(bytes(image_data))
        start = None if image.isNull() else largest_centred(image.width(), image.height()).rect()
        return self._answer("crop", (title, minimum_side), start)

    def review_import(self, plan):
        """Queue a callable ``answer(plan) -> bool`` (it may change the plan), or True/False;
        unanswered, the review screen is accepted as it stands."""
        answer = self._answer("review", (plan,), True)
        return answer(plan) if callable(answer) else bool(answer)

    def error(self, title, text):
        self.errors.append((title, text))

    def info(self, title, text, details=""):
        self.infos.append((title, text))
        self.details = details
