"""PyInstaller hook for pyspellchecker: its word lists are package data that PyInstaller does not
collect by itself, and without them ``SpellChecker()`` fails at start ("The provided dictionary
language (en) does not exist!"). Runs only if the app imports ``spellchecker``; only English.
"""

from PyInstaller.utils.hooks import collect_data_files

datas = collect_data_files("spellchecker", includes=["resources/en.json.gz"])
