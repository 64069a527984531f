"""Storing a form while its panel is being taken down: the guard every form's slot wears."""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from typing import Any

from shiboken6 import isValid

log = logging.getLogger(__name__)


def form_handler(method: Callable[[Any], None]) -> Callable[[Any], None]:
    """For a panel's "store the form" slot: while the panel is being taken down, a box of it
    (a QLineEdit) still says it lost the focus as it goes, when some of its neighbours are
    already gone; then there is nothing left to store, and the slot does nothing (logged)."""
    @functools.wraps(method)
    def guarded(owner: Any) -> None:
        if not isValid(owner):
            return
        try:
            method(owner)
        except RuntimeError as error:
            if "already deleted" not in str(error):
                raise
            log.info("%s: the form was taken down while it was being stored (%s)",
                     type(owner).__name__, error)
    return guarded
