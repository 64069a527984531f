"""The command line: ``pipwriter`` opens the app; subcommands run headless on a project file.

Exit codes (stable, other tools depend on them): 0 nothing blocks submission, 1 something does,
2 the file could not be read or written (a one-line message on stderr).
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from pathlib import Path

from . import APP_NAME, __version__

log = logging.getLogger(__name__)

EXIT_OK, EXIT_BLOCKED, EXIT_UNREADABLE = 0, 1, 2
SUBCOMMANDS = ("demo", "check", "export", "import", "self-test", "recover", "send", "merge", "review")


LOCAL_COMMANDS = ("demo", "check", "export", "import", "self-test", "recover")


def _parser(coauthoring: bool = True) -> argparse.ArgumentParser:
    """The command line. ``coauthoring``: with send, merge and review (whose module brings
    the merging code: left out when another command is run, so it starts sooner)."""
    parser = argparse.ArgumentParser(
        prog="pipwriter",
        description=f"{APP_NAME}: write a BMJ Partnership in Practice article. "
                    "Without a command, opens the app.")
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    demo = sub.add_parser("demo", help="write the demo article to a project file")
    demo.add_argument("out", type=Path, metavar="OUT.pipw")
    check = sub.add_parser("check", help="print the article's figures and findings")
    check.add_argument("file", type=Path, metavar="FILE.pipw")
    check.add_argument("--json", action="store_true", help="print one JSON object")
    export = sub.add_parser("export", help="write the submission bundle")
    export.add_argument("file", type=Path, metavar="FILE.pipw")
    export.add_argument("--out", type=Path, required=True, metavar="DIR")
    export.add_argument("--zip", action="store_true", help="also write one .zip of the bundle")
    export.add_argument("--draft", action="store_true",
                        help="export even with blocking findings; every document says DRAFT")
    imp = sub.add_parser("import", help="turn a Word draft (.docx) into a project file")
    imp.add_argument("docx", type=Path, metavar="DRAFT.docx")
    imp.add_argument("-o", "--out", type=Path, required=True, metavar="FILE.pipw")
    imp.add_argument("--map", action="append", default=[], metavar='"HEADING=KEY"',
                     help="send the part under a heading of the draft to a part of the "
                          "article (a section key such as design, or viewpoint, own, "
                          "unplaced, key_messages, references); repeatable")
    sub.add_parser("self-test", help="check that every resource and dependency loads")
    recover = sub.add_parser(
        "recover", help="list the unsaved work kept for an article, or write it out",
        description="List the recovery copies kept for an article (unsaved work PiP Writer "
                    "kept when it crashed or is still open) and write the newest, or the one "
                    "numbered, out as an ordinary project file. Never opens a window and never "
                    "changes FILE.pipw.")
    recover.add_argument("file", type=Path, metavar="FILE.pipw")
    recover.add_argument("--list", action="store_true", help="only list the copies")
    recover.add_argument("--out", type=Path, metavar="OUT.pipw",
                         help="where to write the copy (default: beside FILE.pipw, named "
                              "'… (recovered).pipw'); never overwritten")
    recover.add_argument("--number", "-n", type=int, metavar="N", default=1,
                         help="which copy to write, as numbered by --list (default 1, the newest)")
    if coauthoring:
        from .cli_coauthoring import add_commands
        add_commands(sub)
    return parser


def _fail(message: str) -> int:
    print(f"pipwriter: {message}", file=sys.stderr)
    return EXIT_UNREADABLE


def _load(path: Path):
    """The project in ``path``; anything wrong with the file is a ProjectFileError (one line,
    exit 2), even a fault the loader did not foresee."""
    from .model.errors import PipError, ProjectFileError
    from .model.storage.project_file import load_project
    try:
        return load_project(path)
    except (PipError, OSError):
        raise
    except Exception as error:  # noqa: BLE001 - never a traceback for a file we were given
        log.warning("reading %s failed unexpectedly", path, exc_info=True)
        raise ProjectFileError(f"'{path.name}' could not be opened: it is damaged or not a "
                               f"PiP Writer project file ({type(error).__name__}).") from None


def cmd_demo(args) -> int:
    from .model.storage.demo import write_demo
    write_demo(args.out)
    print(f"Wrote the demo article to {args.out}")
    return EXIT_OK


def _human_report(report) -> str:
    counts = report.counts
    from .model.language.counts import WORDS_TOTAL_LABEL
    lines = [f"Words counted: {counts['words_counted']} ({WORDS_TOTAL_LABEL.lower()}: "
             f"{counts['words_total']})",
             f"References: {counts['references']}   Citations: {counts['citations']}   "
             f"Key messages: {counts['key_messages']}   Key quotes: {counts['key_quotes']}   "
             f"Illustrations: {counts['illustrations']}   Authors: {counts['authors']}"]
    readability = counts.get("readability")
    if readability and readability.get("reading_ease") is not None:
        lines.append(f"Reading ease: {readability['reading_ease']}   "
                     f"Reading age: {readability['reading_age_text']}")
    lines.append("")
    for section in counts["sections"]:
        lines.append(f"  {section['words']:5d}  {section['title']}")
    lines.append("")
    labels = {"error": "Must fix", "warning": "Warning", "tip": "Tip"}
    for finding in report.findings:
        place = finding.where.label
        lines.append(f"{labels.get(finding.severity, finding.severity)}: {finding.message}"
                     + (f" ({place})" if place else ""))
    if not report.findings:
        lines.append("Nothing left to fix.")
    return "\n".join(lines)


def _speller(project):
    """Spelling as the app checks it for this user: with their personal dictionary."""
    from .model.rules.spelling_findings import article_spell_engine
    from .paths import user_dictionary_path
    return article_spell_engine(project.article, user_dictionary_path())


def cmd_check(args) -> int:
    from .model.rules.report import build_report
    project = _load(args.file)
    report = build_report(project, speller=_speller(project))
    from .model.coauthoring.suggestions import pending_count
    open_comments = sum(1 for c in project.article.comments if not c.resolved)
    waiting = pending_count(project.article)
    if args.json:
        data = report.to_json()
        data["file_warnings"] = list(project.warnings)    # what opening the file noticed
        data["comments_open"] = open_comments             # never part of the submission
        data["suggestions_pending"] = waiting
        data["counts"]["comments_open"] = open_comments
        data["counts"]["suggestions_pending"] = waiting
        if waiting:     # the article as it would be with every suggestion accepted
            from .model.coauthoring.suggestions import words_if_accepted
            from .model.rules.template import get_template
            data["counts"]["words_counted_if_accepted"] = words_if_accepted(
                project.article, get_template(project.article.template_id),
                data["counts"]["words_counted"])
        print(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        for warning in project.warnings:
            print(f"About this file: {warning}")
        print(_human_report(report))
        if open_comments:
            print(f"Comments still open: {open_comments} (they are not sent to the editors)")
        if waiting:
            print(f"Suggested changes waiting: {waiting} (the article is checked as it stands, "
                  "without them)")
    return EXIT_BLOCKED if report.blocking() else EXIT_OK


def cmd_export(args) -> int:
    from .export.bundle import export_bundle
    from .model.rules.report import build_report
    project = _load(args.file)
    # the report the bundle's checklist is made from (spelling findings are never must-fix,
    # so the personal dictionary changes nothing here): worked out once, not twice
    report = build_report(project)
    if report.blocking() and not args.draft:
        for finding in report.blocking():
            print(f"Must fix: {finding.message}", file=sys.stderr)
        print("pipwriter: nothing exported; fix the problems above or use --draft.",
              file=sys.stderr)
        return EXIT_BLOCKED
    result = export_bundle(project, args.out, draft=args.draft, make_zip=args.zip, report=report)
    for path in result.files:
        print(path)
    return EXIT_BLOCKED if report.blocking() else EXIT_OK


def cmd_import(args) -> int:
    """Import a Word draft; print where each part went and what to check."""
    from .importer.docx_import import import_docx, plan_import
    from .importer.parts import mapping_lines
    from .model.storage.project_file import save_project
    plan = plan_import(args.docx)
    plan.apply_map(args.map)
    project = import_docx(args.docx, plan)
    save_project(project, args.out)
    print(f"Imported {args.docx} into {args.out}")
    for line in mapping_lines(plan):
        print(line)
    if plan.notes:
        print("Please check:")
        for note in plan.notes:
            print(f"  - {note}")
    return EXIT_OK


def cmd_self_test(_args) -> int:
    from .selftest import run_self_test
    return run_self_test()


def _free_name(path: Path) -> Path:
    stem = path.stem if path.suffix.lower() == ".pipw" else path.name
    for index in range(1, 1000):
        extra = "" if index == 1 else f" {index}"
        candidate = path.with_name(f"{stem} (recovered{extra}).pipw")
        if not candidate.exists():
            return candidate
    raise OSError(f"no free name beside {path}")


def cmd_recover(args) -> int:
    from .model.storage.recovery_report import copies_for, summarise, write_recovered
    entries = copies_for(args.file)
    if not entries:
        if args.list:
            print(f"No unsaved work is kept for {args.file}.")
            return EXIT_OK
        return _fail(f"no unsaved work is kept for {args.file}; nothing was written.")
    if args.list:
        print(f"Unsaved work kept for {args.file} (newest first):")
        for summary in summarise(args.file, entries):
            print("\n".join(summary.lines()))
        return EXIT_OK
    if not 1 <= args.number <= len(entries):
        return _fail(f"there is no copy number {args.number}; --list shows 1 to {len(entries)}.")
    out = args.out or _free_name(args.file)
    written = write_recovered(entries[args.number - 1], out)
    print(f"Wrote copy {args.number} to {written}")
    return EXIT_OK


def _not_a_command(word: str) -> str | None:
    """Why ``word`` (the first on the command line) can be neither a command nor a file to
    open, or None when the app should open it."""
    try:
        if Path(word).exists():
            return None
    except (OSError, ValueError):
        pass
    if word.lower().endswith((".pipw", ".docx")) or "/" in word or "\\" in word:
        return f"'{word}' was not found."
    return f"'{word}' is not a command or a file; commands: {', '.join(SUBCOMMANDS)} " \
           "(see pipwriter --help)."


def _quiet_logging(from_command_line: bool) -> None:
    """A command's log records never reach the terminal as tracebacks (the user gets one line
    for a bad file). Run from the command line, they go to the log file for whoever helps the
    user; called from Python (tests, another program), the caller's logging decides."""
    from .logs import start_logging
    if not from_command_line or start_logging() is None:
        logger = logging.getLogger("pipwriter")
        if not any(isinstance(h, logging.NullHandler) for h in logger.handlers):
            logger.addHandler(logging.NullHandler())


def main(argv: list[str] | None = None) -> int:
    from_command_line = argv is None
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or (argv[0] not in SUBCOMMANDS and not argv[0].startswith("-")):
        problem = _not_a_command(argv[0]) if argv else None
        if problem:
            return _fail(problem)
        from .app import run_app
        return run_app(argv)
    args = _parser(coauthoring=argv[0] not in LOCAL_COMMANDS).parse_args(argv)
    _quiet_logging(from_command_line)
    if args.command is None:
        from .app import run_app
        return run_app([])
    handlers = {"demo": cmd_demo, "check": cmd_check, "export": cmd_export,
                "import": cmd_import, "self-test": cmd_self_test, "recover": cmd_recover}
    from .model.errors import PipError
    try:
        if args.command not in handlers:
            from .cli_coauthoring import run
            status = run(args)
            return EXIT_UNREADABLE if status is None else status
        return handlers[args.command](args)
    except PipError as error:
        return _fail(str(error))
    except OSError as error:
        return _fail(f"{getattr(error, 'filename', '') or ''} {error.strerror or error}".strip())


if __name__ == "__main__":
    sys.exit(main())
