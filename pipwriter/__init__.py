"""PiP Writer: write a BMJ *Partnership in Practice* article with your co-authors."""

__version__ = "0.1.0"
APP_NAME = "PiP Writer"
APP_ID = "pipwriter"
FILE_EXTENSION = ".pipw"
