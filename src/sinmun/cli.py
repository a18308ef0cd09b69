"""The ``sinmun`` command line."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path

from sinmun import __version__


def _iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None


def _page_number(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"not a page number: {text!r}")
    return int(text)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="sinmun", description="Korean newspaper pages into a DuckDB star schema.")
    parser.add_argument("--version", action="version", version=f"sinmun {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    parse = commands.add_parser(
        "parse",
        help="read page files and print their articles as JSON",
        description="Read page files and print their articles as JSON: one indented "
        "document for one page, one line per page (JSON Lines) for several.",
    )
    parse.add_argument(
        "paths", metavar="PAGE", type=Path, nargs="+", help="a page's text file (UTF-8, UTF-16 with BOM or CP949)"
    )
    parse.add_argument("--date", type=_iso_date, help="publication date, YYYY-MM-DD (default: from the page header)")
    parse.add_argument(
        "--page", dest="page_number", type=_page_number, help="page number (default: from the page header)"
    )
    parse.add_argument("--publication", help="publication code, e.g. kwangju (default: from the page)")
    parse.add_argument("--compact", action="store_true", help="one line of JSON per page even for a single page")
    parse.add_argument("--summary", action="store_true", help="print a count of pages, pieces and kinds on stderr")
    parse.set_defaults(func=cmd_parse)
    return parser


def cmd_parse(args: argparse.Namespace) -> int:
    from collections import Counter

    from sinmun.pages.decode import PageRejected
    from sinmun.parse import parse_page_bytes

    compact = args.compact or len(args.paths) > 1
    failures = 0
    kinds: Counter[str] = Counter()
    for path in args.paths:
        try:
            data = path.read_bytes()
        except OSError as err:
            failures += _report(f"{path}: unreadable ({err.strerror or err})")
            continue
        try:
            result = parse_page_bytes(
                data, path=str(path), publication=args.publication, publication_date=args.date, page=args.page_number
            )
        except PageRejected as err:
            failures += _report(f"{path}: {err.reason}" + (f" ({err.detail})" if err.detail else ""))
            continue
        kinds.update(a["kind"] for a in result["articles"])
        json.dump(result, sys.stdout, ensure_ascii=False, indent=None if compact else 1)
        sys.stdout.write("\n")
    if args.summary:
        pieces = ", ".join(f"{n} {kind}" for kind, n in kinds.most_common())
        print(
            f"sinmun parse: {len(args.paths) - failures} pages read, {failures} refused; "
            f"{kinds.total()} pieces ({pieces or 'none'})",
            file=sys.stderr,
        )
    return 2 if failures else 0


def _report(message: str) -> int:
    print(f"sinmun: {message}", file=sys.stderr)
    return 1


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
