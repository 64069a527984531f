"""Errors the model raises. Each carries a message a non-technical user can act on."""


class PipError(Exception):
    """Base for all errors with a human message (str(error) is shown to the user)."""


class DataError(PipError):
    """Structured data (an article or a template) is not as expected.

    ``where`` names the place in the data, e.g. ``sections[2].title``.
    """

    def __init__(self, message: str, where: str = ""):
        self.where = where
        super().__init__(f"{message} (at {where})" if where else message)


class TemplateError(PipError):
    """A series template could not be loaded."""


class ProjectFileError(PipError):
    """A project file could not be opened or saved. The message says why and what to do."""


class DamagedProjectError(ProjectFileError):
    """The file is damaged or incomplete. ``reason`` says how; the message adds what to do
    about the user's own file (a backup): for someone else's copy, a caller advises instead."""

    ADVICE = "Try a backup copy."

    def __init__(self, reason: str):
        self.reason = reason
        super().__init__(f"{reason} {self.ADVICE}")


class NewerFormatError(ProjectFileError):
    """The file was written by a newer PiP Writer."""
