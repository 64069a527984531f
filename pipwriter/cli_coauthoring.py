"""`pipwriter send` and `pipwriter merge`: writing together without opening a window.

    pipwriter send FILE.pipw --to NAME -o COPY.pipw [--note TEXT]
    pipwriter review FILE.pipw -o REVIEW.docx [--to NAME] [--sender NAME]
    pipwriter merge FILE.pipw THEIRS.pipw|REVIEWED.docx [-o OUT.pipw] [--take mine|theirs]

``merge`` exits 0 when the copy was merged (or holds nothing new), 1 when parts both of you
changed need a choice (they are listed and nothing is written; ``--take`` chooses for all of
them), 2 when a file cannot be read or is a different article. Without ``-o`` the merged article
is saved over FILE.pipw, with the file as it was kept as a backup.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .model.coauthoring.exchange import (
    already_brought_in,
    check_same_article,
    find_base,
    previous_merge,
    record_merge,
    send_copy,
)
from .model.coauthoring.merge import MINE, THEIRS, MergeResult, merge_articles
from .model.coauthoring.merge_result import NOTHING_NEW
from .model.errors import PipError
from .model.language.counts import total_words
from .model.storage.media_store import carry_media
from .model.storage.project import Project
from .model.storage.project_file import load_project
from .model.storage.safe_save import save_with_backup

EXIT_OK, EXIT_CHOOSE, EXIT_UNREADABLE = 0, 1, 2


def add_commands(sub: argparse._SubParsersAction) -> None:
    send = sub.add_parser("send", help="write a copy for a co-author (the article as sent "
                                       "is kept, to merge their copy against)")
    send.add_argument("file", type=Path, metavar="FILE.pipw")
    send.add_argument("--to", required=True, metavar="NAME", help="who the copy is for")
    send.add_argument("-o", "--out", type=Path, required=True, metavar="COPY.pipw")
    send.add_argument("--note", default="", help="a note to go with the copy")
    review = sub.add_parser("review", help="write a Word review copy for someone without "
                                           "PiP Writer (the article as sent is kept)")
    review.add_argument("file", type=Path, metavar="FILE.pipw")
    review.add_argument("-o", "--out", type=Path, required=True, metavar="REVIEW.docx")
    review.add_argument("--to", default="", metavar="NAME", help="who it is for")
    review.add_argument("--sender", default="", metavar="NAME", help="who sends it")
    merge = sub.add_parser("merge", help="bring a co-author's copy or a reviewed Word "
                                         "copy into the article")
    merge.add_argument("file", type=Path, metavar="FILE.pipw")
    merge.add_argument("theirs", type=Path, metavar="THEIRS.pipw|REVIEWED.docx")
    merge.add_argument("-o", "--out", type=Path, metavar="OUT.pipw",
                       help="where to write the merged article (default: FILE.pipw, keeping "
                            "a backup of it)")
    merge.add_argument("--take", choices=("mine", "theirs"),
                       help="for every part both of you changed, keep yours or take theirs")


def cmd_send(args: argparse.Namespace) -> int:
    project = load_project(args.file)
    names = {a.name.casefold(): a.id for a in project.article.authors}
    target, _version = send_copy(project, args.out, args.to, args.note,
                                 names.get(" ".join(args.to.split()).casefold(), ""),
                                 total_words(project.article))
    print(f"Wrote a copy for {' '.join(args.to.split())} to {target}. The article as sent is "
          "kept on this computer, so their copy can be merged back against it.")
    return EXIT_OK


def cmd_review(args: argparse.Namespace) -> int:
    from .export.review_docx import write_review_copy
    from .model.coauthoring.review import keep_sent_for_review
    from .model.rules.template import get_template
    project = load_project(args.file)
    _version, identifier = keep_sent_for_review(project, args.to, total_words(project.article))
    out = args.out if args.out.suffix.lower() == ".docx" else args.out.with_suffix(".docx")
    write_review_copy(project.article, get_template(project.article.template_id), out,
                      sender=args.sender, sent_to=args.to, identifier=identifier)
    print(f"Wrote a review copy to {out}. When it comes back, bring it in with "
          f"'pipwriter merge {args.file} REVIEWED.docx' or File › Bring in a reviewed Word "
          "document.")
    return EXIT_OK


def _reviewed(mine_path: Path, docx_path: Path
              ) -> tuple[Project, Project, Project, list[str]]:
    """(mine, the article as sent for review, the reviewer's version, what of it could not be
    brought in) for a reviewed copy."""
    from .importer.review_read import read_reviewed
    mine = load_project(mine_path)
    base, reviewed = read_reviewed(mine, docx_path)
    return mine, base, Project(reviewed.article, base.media), reviewed.left_out


def cmd_merge(args: argparse.Namespace) -> int:
    if args.theirs.suffix.lower() == ".docx":
        mine, base, theirs, left_out = _reviewed(args.file, args.theirs)
        if _already(mine, theirs):
            return EXIT_OK
        result = merge_articles(base.article, mine.article, theirs.article)
        result.left_out = left_out
        return _finish(args, mine, theirs, result, None)
    mine, theirs = load_project(args.file), load_project(args.theirs)
    problem = check_same_article(mine, theirs)
    if problem:
        return _fail(problem)
    if _already(mine, theirs):
        return EXIT_OK
    found = find_base(mine, theirs)
    if found is None:
        print("The version this copy was made from is not kept on this computer, so every "
              "difference counts as a choice.")
    result = merge_articles(found[0].article if found else None, mine.article, theirs.article)
    return _finish(args, mine, theirs, result, found[1] if found else None)


def _already(mine: Project, theirs: Project) -> bool:
    """Said and True when this copy (or a review copy with the same content) was brought in
    before: bringing it in again would undo what was changed since."""
    earlier = previous_merge(mine, theirs)
    if earlier is None:
        return False
    day = str(earlier.get("merged_at", ""))[:10]
    print(already_brought_in(earlier, f" on {day}" if day else ""))
    return True


def _finish(args: argparse.Namespace, mine: Project, theirs: Project, result: MergeResult,
            entry: dict | None) -> int:
    if not result.has_changes():
        if result.left_out:
            print("Nothing in their copy could be brought in. Nothing was changed.")
            for line in result.left_out:
                print(f"  - {line}")
        else:
            print(f"{NOTHING_NEW} Nothing was changed.")
        return EXIT_OK
    if result.conflicts and args.take is None:
        both = len(result.conflicts)
        print(f"{both} {'part was' if both == 1 else 'parts were'} changed by both of you and "
              f"{'needs' if both == 1 else 'need'} a choice:")
        for conflict in result.conflicts:
            print(f"  - {conflict.label}")
        print("Merge in the app to choose for each, or run again with --take mine or "
              "--take theirs. Nothing was written.")
        return EXIT_CHOOSE
    for conflict in result.conflicts:
        conflict.choose(MINE if args.take == "mine" else THEIRS)
    for line in result.summary_lines():
        print(f"  {line}")
    mine.article = result.article()
    carry_media(mine.article, theirs.media, mine.media)
    record_merge(mine, theirs, entry,
                 kept_yours=sum(1 for c in result.conflicts if c.choice == MINE),
                 name=(entry or {}).get("sent_to") or (theirs.path.stem if theirs.path else ""))
    if args.out is not None:
        mine.path = None
    written = save_with_backup(mine, args.out)
    print(f"Merged into {written}.")
    return EXIT_OK


def run(args: argparse.Namespace) -> int | None:
    """The command's exit status, or None when the command is not one of these."""
    handlers = {"send": cmd_send, "merge": cmd_merge, "review": cmd_review}
    handler = handlers.get(args.command)
    if handler is None:
        return None
    try:
        return handler(args)
    except PipError as error:
        return _fail(str(error))


def _fail(message: str) -> int:
    """One line on standard error, as every command says what stopped it (docs/cli.md; found
    by a walk: send, merge and review said it on standard output)."""
    print(f"pipwriter: {message}", file=sys.stderr)
    return EXIT_UNREADABLE
