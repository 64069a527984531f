"""The Illustrations tab: pictures with caption, alt text, credit and permission, in figure order.

The rules (the template's limit, discouraged kinds, small pictures) live in
:mod:`pipwriter.model.rules.media_rules`; this tab only shows them.
"""

from __future__ import annotations

import copy
from pathlib import Path

from PySide6.QtCore import QMimeData, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel

from ..model.article.media import ILLUSTRATION_KINDS, Illustration, MediaRef
from ..model.article.ordering import move_item
from .list_form_tab import (
    ListFormTab,
    button,
    check_box,
    choice_box,
    line_edit,
    plain_edit,
    replace_in_article,
)
from .media_limit import refused_by_limit, show_limit
from .media_widgets import (
    ImageDrop,
    dropped_file,
    import_picture,
    picture_info,
    problem_label,
    small_picture_warning,
    store_picture,
    warning_label,
)
from .settings import PICTURES
from .spell_line_edit import mark_field

KIND_LABELS = {"photo": "Photograph", "diagram": "Diagram", "infographic": "Infographic",
               "drawing": "Drawing or artwork", "chart": "Chart or graph", "table": "Table",
               "other": "Other"}
ALT_TEXT_HINT = ("Alt text is read aloud to people who cannot see the picture. Say what it shows "
                 "and why it matters, in a sentence or two (about 125 characters). Don't start "
                 "with “Picture of”, and don't repeat the caption.")


DROP_TEXT = "Drop a picture here to add it."


class IllustrationsTab(ListFormTab):
    ITEMS = "illustrations"

    def __init__(self, window, parent=None):
        super().__init__(window, "illustration", "Illustrations, in figure order", parent)
        self._import_warnings: dict[str, list[str]] = {}
        self.add_button = button("Add an &illustration…", self.add_illustration)
        self.up_button = button("Move &up", lambda: self.move_illustration(-1))
        self.down_button = button("Move do&wn", lambda: self.move_illustration(1))
        self.limit_label = QLabel()
        self.limit_label.setWordWrap(True)

        self.preview = ImageDrop(self.drop_image, DROP_TEXT, 200)
        self.replace_button = button("Choose another &picture…", self.replace_image)
        self.info = QLabel()
        self.info.setWordWrap(True)
        self.warnings = warning_label()
        self.caption = line_edit("Caption", self.apply_form, field="caption",
                                 session=self.session)
        self.alt_text = plain_edit("Alt text: a description for people who cannot see the "
                                   "picture", self.apply_form, field="alt_text",
                                   session=self.session)
        self.alt_hint = QLabel(ALT_TEXT_HINT)
        self.alt_hint.setWordWrap(True)
        self.alt_count = QLabel()
        self.alt_text.textChanged.connect(self._count_alt_text)
        self.credit = line_edit("Credit: who made or owns the picture", self.apply_form,
                                field="credit")
        self.credit.setPlaceholderText("e.g. Photo: Jane Smith, or Drawn by the authors")
        self.kind = choice_box("Type of illustration",
                               [(KIND_LABELS.get(kind, kind.capitalize()), kind)
                                for kind in ILLUSTRATION_KINDS], self.apply_form)
        self.kind_warning = problem_label()
        self.caption_finding = problem_label()
        self.alt_finding = problem_label()
        self.permission_finding = problem_label()
        self.permission = check_box("We have per&mission to publish this picture (or made it "
                                    "ourselves)", self.apply_form)
        preview_row = QHBoxLayout()
        preview_row.addWidget(self.preview)
        preview_row.addWidget(self.replace_button, 0, Qt.AlignmentFlag.AlignTop)
        preview_row.addStretch(1)
        self.needs_item = [self.replace_button, self.caption, self.alt_text, self.credit,
                           self.kind, self.permission, self.remove_button]
        mark_field(self.kind, "kind")                # "Go to it" from the checklist lands here
        mark_field(self.permission, "permission")
        self.finding_fields = {"kind": (self.kind, self.kind_warning),
                               "caption": (self.caption, self.caption_finding),
                               "alt_text": (self.alt_text, self.alt_finding),
                               "permission": (self.permission, self.permission_finding)}
        self.lay_out(
            [self.add_button, self.remove_button, self.up_button, self.down_button,
             self.limit_label],
            [preview_row, self.info, self.warnings, ("&Type:", self.kind), ("", self.kind_warning),
             ("&Caption:", self.caption), ("", self.caption_finding),
             ("A&lt text:", self.alt_text), ("", self.alt_finding), ("", self.alt_count),
             ("", self.alt_hint), ("Cre&dit:", self.credit), ("", self.permission),
             ("", self.permission_finding)])

    # --- the list ------------------------------------------------------------------------------
    def title(self) -> str:
        return f"Illustrations ({len(self.items())})"

    def rows(self) -> list[tuple[str, str]]:
        rows = []
        found = self.item_findings()
        for number, ill in enumerate(self.items(), start=1):
            label = KIND_LABELS.get(ill.kind, ill.kind)
            name = ill.caption or ill.media.original_name or "no caption yet"
            note = "  ⚠ needs a look" if found.get(ill.id) else ""
            rows.append((ill.id, f"Figure {number}: {name} ({label}){note}"))
        return rows

    def show_limit(self) -> None:
        """Illustrations and clips together against the series' limit (both tabs show it). At
        the limit the empty preview no longer invites a picture it would refuse (found by a
        walk)."""
        show_limit(self.session, self.limit_label, [self.add_button])
        most = self.session.template.limit("illustrations").max
        self.preview.set_empty_text(
            DROP_TEXT if self.add_button.isEnabled() else
            f"No more pictures or clips can be added: the series welcomes up to {most} in all.")

    def refresh(self) -> None:
        self.show_limit()
        super().refresh()

    def _refused_by_limit(self) -> bool:
        return refused_by_limit(self.session, self.dialogs, "Add an illustration")

    def _import(self, path: Path) -> MediaRef | None:
        """Import and store the picture at ``path`` (keeping its warnings), or say why not."""
        image = import_picture(self.window_, path, "illustration", "Could not use this picture")
        if image is None:
            return None
        ref = store_picture(self.session, image)
        self._import_warnings[ref.name] = list(image.warnings)
        return ref

    # --- adding, replacing, moving -------------------------------------------------------------
    def add_illustration(self) -> bool:
        from .. import imaging
        if self._refused_by_limit():
            return False
        path = self.dialogs.ask_file("Choose a picture", imaging.file_dialog_filter(),
                                     kind=PICTURES)
        return self.add_illustration_from(path) if path else False

    def add_illustration_from(self, path: Path) -> bool:
        if self._refused_by_limit():
            return False
        ref = self._import(path)
        if ref is None:
            return False
        illustration = Illustration(ref)
        self.session.change("Add illustration", lambda a: a.illustrations.append(illustration))
        self.refresh()
        self.focus_item(illustration.id)
        self.caption.setFocus()
        return True

    def replace_image(self) -> bool:
        from .. import imaging
        if self.current() is None:
            return False
        path = self.dialogs.ask_file("Choose another picture", imaging.file_dialog_filter(),
                                     kind=PICTURES)
        return self.replace_image_from(path) if path else False

    def replace_image_from(self, path: Path) -> bool:
        current = self.current()
        if current is None:
            return False
        ref = self._import(path)
        if ref is None:
            return False
        edited = copy.deepcopy(current)
        edited.media = ref
        replace_in_article(self.session, self.ITEMS, edited, "Replace picture")
        self.refresh()
        return True

    def drop_image(self, mime: QMimeData) -> bool:
        """A picture dropped on the preview replaces the chosen one, or is added if none is."""
        path = dropped_file(mime)
        if path is None:
            self.dialogs.error("Add an illustration", "Drop a picture file from your computer, "
                                                      "such as a JPEG or PNG.")
            return False
        if self.current() is None:
            return self.add_illustration_from(path)
        return self.replace_image_from(path)

    def move_illustration(self, delta: int) -> None:
        current = self.current()
        if current is None:
            return
        index = [i.id for i in self.items()].index(current.id)
        if move_item(list(self.items()), index, delta) is None:
            return
        self.session.change("Move illustration",
                            lambda a: move_item(a.illustrations, index, delta))
        self.refresh()
        self.focus_item(current.id)

    # --- the form ------------------------------------------------------------------------------
    def show_item(self, current: Illustration | None) -> None:
        index = self.list.currentRow()
        self.up_button.setEnabled(current is not None and index > 0)
        self.down_button.setEnabled(current is not None and 0 <= index < self.list.count() - 1)
        self.show_limit()
        if current is None:
            for edit in (self.caption, self.credit, self.alt_text):
                edit.clear()
            self.permission.setChecked(False)
            self.preview.show_media(self.session, None)
            self.info.setText("")
            self.warnings.setText("")
        else:
            self.caption.setText(current.caption)
            self.credit.setText(current.credit)
            if self.alt_text.toPlainText() != current.alt_text:
                self.alt_text.setPlainText(current.alt_text)
            self.kind.setCurrentIndex(max(self.kind.findData(current.kind), 0))
            self.permission.setChecked(current.permission)
            ref = current.media
            self.preview.show_media(self.session, ref, "The picture is missing from the "
                                    "project file. Choose it again.",
                                    spoken=f"The picture: {current.alt_text.strip()}"
                                    if current.alt_text.strip() else "The picture, not yet "
                                    "described")
            self._show_picture_info(ref)
        self._count_alt_text()

    def _show_picture_info(self, ref: MediaRef) -> None:
        self.info.setText(picture_info(ref))
        warnings = list(self._import_warnings.get(ref.name, []))
        if not warnings:
            minimum = self.rules.photo_min_short_side_px
            warnings = [w for w in [small_picture_warning(ref, minimum)] if w]
        self.warnings.setText("\n".join(warnings))

    def _count_alt_text(self) -> None:
        n = len(self.alt_text.toPlainText().strip())
        self.alt_count.setText("" if not n else f"{n} characters" +
                               (" — shorter is usually better." if n > 250 else "."))

    def read_form(self, edited: Illustration) -> None:
        edited.caption = self.caption.text().strip()
        edited.alt_text = self.alt_text.toPlainText().strip()
        edited.credit = self.credit.text().strip()
        edited.kind = self.kind.currentData() or edited.kind
        edited.permission = self.permission.isChecked()
