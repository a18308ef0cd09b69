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

    parse = commands.add_parser("parse", help="read one page file and print its articles as JSON")
    parse.add_argument("path", metavar="PAGE", type=Path, help="a page's text file (UTF-8, UTF-16 with BOM or CP949)")
    parse.add_argument("--date", type=_iso_date, help="publication date, YYYY-MM-DD (default: from the page header)")
    parse.add_argument("--page", dest="page_number", type=_page_number, help="page number (default: from the page header)")
    parse.add_argument("--publication", help="publication code, e.g. kwangju (default: from the page)")
    parse.add_argument("--compact", action="store_true", help="one line of JSON instead of indented")
    parse.set_defaults(func=cmd_parse)
    return parser


def cmd_parse(args: argparse.Namespace) -> int:
    from sinmun.pages.decode import PageRejected
    from sinmun.parse import parse_page_bytes

    try:
        data = args.path.read_bytes()
    except OSError as err:
        return _fail(f"{args.path}: unreadable: {err.strerror or err}")
    try:
        result = parse_page_bytes(data, path=str(args.path), publication=args.publication,
                                  publication_date=args.date, page=args.page_number)
    except PageRejected as err:
        return _fail(f"{args.path}: {err.reason}" + (f" ({err.detail})" if err.detail else ""))
    json.dump(result, sys.stdout, ensure_ascii=False, indent=None if args.compact else 1)
    sys.stdout.write("\n")
    return 0


def _fail(message: str) -> int:
    print(f"sinmun: {message}", file=sys.stderr)
    return 2


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
