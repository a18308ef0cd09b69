"""The ``sinmun`` command line."""

from __future__ import annotations

import argparse
import json
import sys
import time
from dataclasses import replace
from datetime import date
from pathlib import Path

from sinmun import __version__

_IMPORTED_AT = time.monotonic()

# A table's cells on a terminal are cut to this many display columns (a Hangul syllable takes two) unless
# --max-width says otherwise.
DEFAULT_TERMINAL_CELL_WIDTH = 40


def _iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None


def _page_number(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"not a page number: {text!r}")
    return int(text)


def _positive_int(text: str) -> int:
    if not text.strip().isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"not a whole number of at least 1: {text!r}")
    return int(text)


def _non_negative_seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = float("nan")
    if not (0 <= value < float("inf")):
        raise argparse.ArgumentTypeError(f"not a number of seconds (0 or more): {text!r}")
    return value


def _positive_seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = float("nan")
    if not (0 < value < float("inf")):
        raise argparse.ArgumentTypeError(f"not a number of seconds above 0: {text!r}")
    return value


def _positive_megabytes(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = float("nan")
    if not (0 < value <= 1024 * 1024):
        raise argparse.ArgumentTypeError(f"not a size in MB above 0: {text!r}")
    return value


class _OneLineErrors(argparse.ArgumentParser):
    """A usage error is one line (the command, what is wrong, where to look) and exit code 2."""

    def error(self, message: str):  # type: ignore[override]
        self.exit(2, f"{self.prog}: error: {message} (see {self.prog} --help)\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _OneLineErrors(prog="sinmun", description="Korean newspaper pages into a DuckDB star schema.")
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
    parse.add_argument(
        "--max-page-mb",
        type=_positive_megabytes,
        default=2.0,
        help="refuse page files larger than this, before reading them whole (default 2, as ingest)",
    )
    parse.set_defaults(func=cmd_parse)
    entities = commands.add_parser(
        "entities",
        help="find people, organizations, places, dates and amounts in texts (JSON Lines in and out)",
        description='Read JSON Lines {"id", "text"} (or, with --text, one plain text per line) and write one JSON '
        'line per text: {"id", "entities", "dates", "amounts", "quotes"} in the shape of `sinmun parse`, offsets into text.',
    )
    entities.add_argument("file", nargs="?", default="-", help="input file (default: - for standard input)")
    entities.add_argument("--text", action="store_true", help="one plain text per line; its line number is its id")
    entities.set_defaults(func=cmd_entities)
    ingest = commands.add_parser("ingest", help="load a folder of page files into the warehouse (a Prefect flow)")
    ingest.add_argument("inbox", type=Path, help="folder of page files (manifest.csv, <pub>/<date>/<page>.txt, ...)")
    _warehouse_option(ingest)
    ingest.add_argument(
        "--batch-pages", type=_positive_int, default=200, help="pages per batch and per load (default 200)"
    )
    ingest.add_argument(
        "--settle-seconds",
        type=_non_negative_seconds,
        default=0.0,
        help="leave files modified less than this long ago for the next run (default 0)",
    )
    ingest.add_argument(
        "--max-page-mb",
        type=_positive_megabytes,
        default=2.0,
        help="refuse page files larger than this, before reading them (default 2)",
    )
    ingest.add_argument(
        "--wait", action="store_true", help="wait for another ingest of the same warehouse to finish instead of exiting"
    )
    ingest.add_argument("--no-progress", action="store_true", help="no progress bar (none is drawn off a terminal)")
    _talk_options(ingest)
    ingest.add_argument("--summary-json", type=Path, help="also write the run's summary (with time per stage) here")
    ingest.add_argument(
        "--quarantine-dir",
        type=Path,
        default=None,
        help="move refused files here, under <run id>/ (default: quarantine/ beside the warehouse)",
    )
    scale = ingest.add_mutually_exclusive_group()
    scale.add_argument(
        "--workers",
        type=_positive_int,
        default=None,
        metavar="N",
        help="stage batches on a local Dask cluster of N worker processes",
    )
    scale.add_argument(
        "--dask-address",
        default=None,
        metavar="tcp://HOST:PORT",
        help="stage batches on this Dask cluster (its workers must see the same files)",
    )
    ingest.set_defaults(func=cmd_ingest)

    serve = commands.add_parser(
        "serve", help="serve the ingest flow on a schedule against the Prefect server at $PREFECT_API_URL"
    )
    serve.add_argument("inbox", type=Path, help="the folder new page files arrive in")
    _warehouse_option(serve)
    serve.add_argument("--cron", default="0 6 * * *", help="schedule (cron; default 06:00 daily)")
    serve.add_argument("--timezone", default="Asia/Seoul", help="the schedule's time zone (default Asia/Seoul)")
    serve.add_argument(
        "--interval", type=_positive_seconds, default=None, metavar="SECONDS",
        help="run every SECONDS instead of the cron schedule",
    )  # fmt: skip
    serve.add_argument(
        "--settle-seconds",
        type=_non_negative_seconds,
        default=30.0,
        help="leave files modified less than this long ago for the next run (default 30)",
    )
    serve.add_argument("--name", default="sinmun-scheduled-ingest", help="deployment name")
    serve.set_defaults(func=cmd_serve)

    schedule = commands.add_parser(
        "schedule",
        help="pause, resume or remove the scheduled ingest on the Prefect server at $PREFECT_API_URL",
        description="pause: no new runs, and the runs already scheduled (late ones too) are dropped, so none pile "
        "up while nothing serves the deployment; resume: schedule again; remove: delete the deployment.",
    )
    schedule.add_argument("action", choices=("pause", "resume", "remove"))
    schedule.add_argument("--name", default="sinmun-scheduled-ingest", help="deployment name (as given to serve)")
    schedule.set_defaults(func=cmd_schedule)

    backfill = commands.add_parser("backfill", help="ingest dated inbox partitions, one flow run per date")
    backfill.add_argument("inbox", type=Path, help="an inbox laid out as <publication>/<YYYY-MM-DD>/<page>.txt")
    backfill.add_argument("--from", dest="date_from", type=_iso_date, required=True)
    backfill.add_argument("--to", dest="date_to", type=_iso_date, required=True)
    _warehouse_option(backfill)
    backfill.set_defaults(func=cmd_backfill)
    _add_reprocess_command(commands)

    quarantine = commands.add_parser(
        "quarantine", help="list refused files, put them back and ingest them again, or dismiss their refusals"
    )
    quarantine_commands = quarantine.add_subparsers(dest="quarantine_command", required=True, metavar="ACTION")
    listing = quarantine_commands.add_parser("list", help="quarantined files not loaded since, newest first")
    listing.add_argument("--all", action="store_true", help="every refusal, resolved ones and earlier ones too")
    listing.add_argument("--reason", default="", help="only reasons starting with this, e.g. decode-error")
    listing.add_argument("--run", default="", metavar="RUN_ID", help="only this run's refusals")
    listing.add_argument("--format", choices=("table", "csv", "json"), default="table")
    _warehouse_option(listing)
    listing.set_defaults(func=cmd_quarantine_list)
    retry = quarantine_commands.add_parser(
        "retry",
        help="put quarantined files back in the inbox and ingest it again",
        description="Move quarantined files (fixed in the quarantine folder, or to be read by a newer sinmun) back "
        "to their place in the inbox, then run the ingest: what loads is marked resolved, what fails again is "
        "quarantined again.",
    )
    retry.add_argument("inbox", type=Path, help="the inbox the files came from")
    retry.add_argument("--reason", default="", help="only files refused for reasons starting with this")
    retry.add_argument("--run", default="", metavar="RUN_ID", help="only files refused by this run")
    retry.add_argument("--no-ingest", action="store_true", help="only put the files back")
    retry.add_argument("--quarantine-dir", type=Path, default=None, help="where files refused again go (as for ingest)")
    _warehouse_option(retry)
    retry.set_defaults(func=cmd_quarantine_retry)
    dismiss = quarantine_commands.add_parser(
        "dismiss",
        help="end refusals that need no retry",
        description="Mark open refusals as dismissed: `quarantine list` no longer shows them, and a file left in "
        "the inbox (a bad-manifest row) that is refused again for the same reason is not recorded again. The files "
        "stay where they are.",
    )
    dismiss.add_argument("paths", nargs="*", metavar="PATH", help="source paths as `quarantine list` shows them")
    dismiss.add_argument("--reason", default="", help="only refusals for reasons starting with this")
    dismiss.add_argument("--run", default="", metavar="RUN_ID", help="only refusals by this run")
    _warehouse_option(dismiss)
    dismiss.set_defaults(func=cmd_quarantine_dismiss)

    search = commands.add_parser(
        "search",
        help="rank articles for words, Korean-aware (BM25 over Kiwi morphemes)",
        description="Rank articles of the published warehouse by BM25 over Kiwi's morphemes: 광주시 finds "
        "광주시는, 광주시가 and 광주시의. Prints headline, date, page and a snippet with the words highlighted.",
    )
    search.add_argument("query", help="words to look for, e.g. '광주시 인공지능'")
    search.add_argument("--from", dest="date_from", type=_iso_date, help="published on or after YYYY-MM-DD")
    search.add_argument("--to", dest="date_to", type=_iso_date, help="published on or before YYYY-MM-DD")
    search.add_argument("--publication", help="publication code or the paper's name, e.g. bitgoeul or 빛고을신문")
    search.add_argument("--kind", help="news, photo, column, editorial, notice, continuation or ad")
    search.add_argument("--entity", help="only articles that mention this person, organization or place")
    search.add_argument(
        "--quotes", action="store_true",
        help="search direct quotes only: the quotes holding the words, with speaker, title and date (--entity: "
        "the speaker)",
    )  # fmt: skip
    search.add_argument("--limit", type=_page_number, default=10, help="how many articles (default 10)")
    search.add_argument(
        "--collapse-reprints", action="store_true",
        help="one article per story printed more than once (its best-ranked printing), with how many others",
    )  # fmt: skip
    search.add_argument("--format", choices=("text", "json"), default="text")
    search.add_argument(
        "--no-cache", action="store_true",
        help="analyse the query with Kiwi even when its analysis is cached (the results are the same)",
    )  # fmt: skip
    _warehouse_option(search)
    search.set_defaults(func=cmd_search)

    sql = commands.add_parser("sql", help="run read-only SQL on the published warehouse")
    sql.add_argument("query", nargs="?", help="a SELECT statement")
    sql.add_argument("-f", "--file", type=Path, help="a .sql file instead of QUERY")
    sql.add_argument(
        "--analysis", metavar="NAME", help="a saved analysis of sql/analyses/ by name (`sinmun analyses` lists them)"
    )
    sql.add_argument(
        "--param", action="append", default=[], metavar="KEY=VALUE", help="bind $KEY in the query to VALUE (repeatable)"
    )
    sql.add_argument(
        "--format", choices=("table", "csv", "json", "parquet"), default=None,
        help="output format (default: from --out's extension .csv, .json or .parquet, else table)",
    )  # fmt: skip
    sql.add_argument("--bom", action="store_true", help="start CSV with a UTF-8 byte-order mark (for Excel)")
    sql.add_argument(
        "--max-width", type=int, default=None, metavar="N",
        help="cut a table's cells to N display columns (default: 40 on a terminal, else never; 0: never)",
    )  # fmt: skip
    sql.add_argument("--out", type=Path, help="write the result to this file (required for --format parquet)")
    sql.add_argument("--force", action="store_true", help="let --out replace a file that exists (never a DuckDB file)")
    sql.add_argument(
        "--max-rows", type=_positive_int, default=1000, metavar="N",
        help="a table shows at most N rows and says how many it left out (default 1000; csv, json and parquet "
        "write every row)",
    )  # fmt: skip
    sql.add_argument(
        "--time-limit", type=float, default=60.0, metavar="SECONDS",
        help="stop the command (query, fetch and output) after this long (default 60)",
    )  # fmt: skip
    sql.add_argument(
        "--memory-limit", default="2GB",
        help="stop the command when the query, fetch and output use more memory than this (default 2GB)",
    )  # fmt: skip
    sql.add_argument(
        "--spill-limit", default="4GB", help="how much the query may spill to a temporary folder (default 4GB)"
    )
    _warehouse_option(sql)
    sql.set_defaults(func=cmd_sql)

    analyses = commands.add_parser(
        "analyses", help="list the saved analyses (sql/analyses/) with their parameters and defaults"
    )
    analyses.set_defaults(func=cmd_analyses)

    report = commands.add_parser(
        "report",
        help="write an HTML report of charts about the published warehouse",
        description="Write one self-contained HTML file (data, script and styles inline; viewable offline) with "
        "charts: articles per day by kind, top entities over time, a co-occurrence network, reporters and their "
        "beats, mentions by region.",
    )
    report.add_argument("--out", type=Path, required=True, help="the HTML file to write, e.g. report.html")
    report.add_argument(
        "--top", type=int, default=10, metavar="N", help="how many people, organizations and places (default 10)"
    )
    report.add_argument("--from", dest="date_from", type=_iso_date, help="articles published on or after YYYY-MM-DD")
    report.add_argument("--to", dest="date_to", type=_iso_date, help="articles published on or before YYYY-MM-DD")
    _warehouse_option(report)
    report.set_defaults(func=cmd_report)
    return parser


def _talk_options(command: argparse.ArgumentParser) -> None:
    """``--quiet`` and ``--verbose`` of the loading commands."""
    talk = command.add_mutually_exclusive_group()
    talk.add_argument(
        "--quiet", action="store_true",
        help="for cron: print nothing when the run succeeds (the summary line only when files were quarantined); "
        "errors still go to stderr",
    )  # fmt: skip
    talk.add_argument(
        "--verbose", action="store_true", help="also show Prefect's own log lines (always in <warehouse>.log)"
    )


def _console_log_level(args: argparse.Namespace) -> str:
    """The least level of Prefect's log lines shown on the console: errors only with --quiet, all with --verbose."""
    return "ERROR" if getattr(args, "quiet", False) else "NOTSET" if getattr(args, "verbose", False) else "WARNING"


def _warehouse_option(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--warehouse",
        type=Path,
        default=None,
        help="the warehouse's DuckDB file (default: warehouse/sinmun.duckdb, or $SINMUN_WAREHOUSE)",
    )


def _analyst_warehouse(args: argparse.Namespace) -> Path:
    """The warehouse an analyst's command reads: --warehouse may name the loader's file or its published copy."""
    from sinmun.store.warehouse import default_warehouse, loader_path

    return loader_path(args.warehouse or default_warehouse())


def cmd_parse(args: argparse.Namespace) -> int:
    import gc

    from sinmun import morphology

    # A long page keeps a large heap alive (its tokens, the lexicons, the recognizer's caches) while the reader
    # builds and drops millions of small lists (each morpheme's features): Python's full collections, each one
    # scanning that whole heap, took a fifth of the reader's time on a 2 MB page. The reader makes no garbage
    # that needs collecting early (its lists are freed as they go): full collections a hundred times rarer.
    gc.set_threshold(700, 10, 1000)
    with morphology.kiwi_process_stopped_after():
        # Kiwi in a process of its own, started first: it loads while this process imports the reader and reads the
        # page, and tokenizes a long body's next windows while the rules read the last (``sinmun.entities.extract``).
        # A run that never calls it (every page refused) ends it without waiting for it to load.
        morphology.start_kiwi_process()
        return _parse_pages(args)


def _parse_pages(args: argparse.Namespace) -> int:
    from collections import Counter

    from sinmun.pages.decode import PageRejected
    from sinmun.parse import parse_page_bytes

    compact = args.compact or len(args.paths) > 1
    failures = 0
    kinds: Counter[str] = Counter()
    max_bytes = int(args.max_page_mb * 1024 * 1024)
    for path in args.paths:
        try:
            with path.open("rb") as f:
                data = f.read(max_bytes + 1)  # never more than one byte past the limit
        except OSError as err:
            failures += _report(f"{path}: unreadable ({err.strerror or err})")
            continue
        if len(data) > max_bytes:
            failures += _report(f"{path}: too-large (over {max_bytes} bytes, --max-page-mb {args.max_page_mb:g})")
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


def cmd_entities(args: argparse.Namespace) -> int:
    from sinmun.entities.lines import BadRecord, extract_records

    try:
        source = sys.stdin if args.file == "-" else open(args.file, encoding="utf-8")  # noqa: SIM115
    except OSError as err:
        return _report(f"{args.file}: unreadable ({err.strerror or err})")
    refused = 0
    with source:
        try:
            for answer in extract_records(source, plain_text=args.text):
                if isinstance(answer, BadRecord):
                    refused += _report(f"{args.file}: {answer}")
                    continue
                sys.stdout.write(json.dumps(answer, ensure_ascii=False) + "\n")
        except UnicodeDecodeError as err:
            return _report(f"{args.file}: not UTF-8 (byte {err.start} of a block: {err.reason})")
    return 2 if refused else 0


def cmd_ingest(args: argparse.Namespace) -> int:
    quiet = getattr(args, "quiet", False)

    def say(news: str) -> None:
        if not quiet:
            print(f"sinmun ingest: {news}", flush=True)

    say(f"looking for new pages in {args.inbox}")  # before the imports below: the user sees it at once
    from sinmun.flows.run import run_ingest
    from sinmun.ingest.interrupt import IngestInterrupted, report_interruption
    from sinmun.ingest.lock import IngestBusy
    from sinmun.ingest.precheck import summary_line
    from sinmun.ingest.quarantine import QuarantineInsideInbox
    from sinmun.store.warehouse import LoadsUndone, SchemaMismatch, WarehouseBusy

    try:
        summary = run_ingest(
            args.inbox, warehouse_path=args.warehouse, batch_pages=args.batch_pages,
            settle_seconds=args.settle_seconds, max_page_bytes=int(args.max_page_mb * 1024 * 1024),
            wait=args.wait, progress=not args.no_progress, workers=args.workers, dask_address=args.dask_address,
            quarantine_dir=args.quarantine_dir, say=say,
            console_log_level=_console_log_level(args),
        )  # fmt: skip
    except IngestInterrupted as err:  # SIGINT or SIGTERM: stopped in order, what is committed is complete
        return report_interruption(err, "ingest")
    except (IngestBusy, WarehouseBusy) as err:
        print(f"sinmun ingest: {err}", file=sys.stderr)
        return 3
    except (NotADirectoryError, SchemaMismatch, QuarantineInsideInbox) as err:
        print(f"sinmun ingest: {err}", file=sys.stderr)
        return 2
    except LoadsUndone as err:
        print(f"sinmun ingest: failed: {_one_line(err)}", file=sys.stderr)
        return 1
    except Exception as err:  # the run failed part-way: what is committed is complete, the rest is not loaded
        print(f"sinmun ingest: failed: {_one_line(err)}", file=sys.stderr)
        print("sinmun ingest: loads committed before the failure are complete; run the ingest again to go on",
              file=sys.stderr)  # fmt: skip
        return 1
    # The time the user waited: the process's wall time, start-up included (the flow's own time is flow_seconds).
    summary["flow_seconds"] = summary["seconds"] if summary.get("flow_run_id") else None
    summary["seconds"] = round(_process_seconds(), 2)
    if getattr(args, "summary_json", None):
        args.summary_json.write_text(json.dumps(summary, ensure_ascii=False, indent=1, default=str), encoding="utf-8")
    if quiet and not summary["pages_quarantined"]:
        return 0
    print(f"sinmun ingest: {summary_line(summary)}")
    if quiet:
        return 0
    for decision in summary.get("page_decisions", []):
        print(f"same page twice: {decision}")
    _warn_unknown_metadata("sinmun ingest", summary)
    print(f"warehouse: {summary['warehouse']} (published for analysts: {summary['published']})")
    return 0


def _warn_unknown_metadata(command: str, summary: dict) -> None:
    count = summary.get("pages_without_date_or_page", 0)
    if count:
        print(f"{command}: warning: {count} loaded page{'s' if count != 1 else ''} without a publication date or "
              "page number (date key -1, page id path:<file>); list them in the inbox's manifest.csv "
              "(path,publication,date,page) and run `sinmun reprocess INBOX`", file=sys.stderr)  # fmt: skip


def _add_reprocess_command(commands) -> None:
    reprocess = commands.add_parser(
        "reprocess",
        help="read loaded pages again where their metadata or sinmun's reading changed",
        description="Read loaded pages again from their files in INBOX and replace their rows: pages the inbox now "
        "describes otherwise (a manifest added or corrected) and pages an earlier sinmun read (another reading "
        "version). A file whose content changed since is a new version (ingest loads it); a file no longer in the "
        "inbox is named and its page stays as loaded. Each batch is one transaction; checked and published as "
        "an ingest.",
    )
    reprocess.add_argument("inbox", type=Path, help="the inbox the pages were loaded from")
    _talk_options(reprocess)
    _warehouse_option(reprocess)
    reprocess.add_argument("--publication", metavar="CODE", help="only pages of this publication (e.g. bitgoeul)")
    reprocess.add_argument("--from", dest="date_from", type=_iso_date, help="only pages published on or after")
    reprocess.add_argument("--to", dest="date_to", type=_iso_date, help="only pages published on or before")
    reprocess.add_argument(
        "--metadata-only", action="store_true", help="only pages whose metadata changed, not those of another reading"
    )
    reprocess.add_argument(
        "--loaded-by",
        action="append",
        metavar="VERSION",
        help="only pages read by this reading version (repeatable; `unrecorded` for pages loaded before sinmun "
        "recorded it; see --dry-run for the versions)",
    )
    reprocess.add_argument(
        "--dry-run", action="store_true", help="list what would be read again, and why; load nothing"
    )
    reprocess.add_argument(
        "--batch-pages", type=_positive_int, default=200, help="pages per batch and per load (default 200)"
    )
    reprocess.add_argument(
        "--max-page-mb", type=_positive_megabytes, default=2.0, help="refuse page files larger than this (default 2)"
    )
    reprocess.add_argument("--wait", action="store_true", help="wait for a running ingest to finish instead of exiting")
    reprocess.add_argument("--no-progress", action="store_true", help="no progress bar")
    reprocess.add_argument("--summary-json", type=Path, help="also write the run's summary (every page and why) here")
    reprocess.add_argument("--quarantine-dir", type=Path, default=None, help="where files refused on re-reading go")
    reprocess.set_defaults(func=cmd_reprocess)


def cmd_reprocess(args: argparse.Namespace) -> int:
    from sinmun.flows.run import run_reprocess
    from sinmun.ingest.interrupt import IngestInterrupted, report_interruption
    from sinmun.ingest.lock import IngestBusy
    from sinmun.ingest.quarantine import QuarantineInsideInbox
    from sinmun.store.warehouse import LoadsUndone, SchemaMismatch

    if args.date_from and args.date_to and args.date_to < args.date_from:
        print("sinmun reprocess: --to is before --from", file=sys.stderr)
        return 2
    try:
        summary = run_reprocess(
            args.inbox, warehouse_path=args.warehouse, publication=args.publication, date_from=args.date_from,
            date_to=args.date_to, metadata_only=args.metadata_only, loaded_by=args.loaded_by, dry_run=args.dry_run,
            batch_pages=args.batch_pages, max_page_bytes=int(args.max_page_mb * 1024 * 1024), wait=args.wait,
            progress=not args.no_progress, quarantine_dir=args.quarantine_dir,
            console_log_level=_console_log_level(args),
        )  # fmt: skip
    except IngestInterrupted as err:
        return report_interruption(err, "reprocess")
    except IngestBusy as err:
        print(f"sinmun reprocess: {err}", file=sys.stderr)
        return 3
    except (NotADirectoryError, FileNotFoundError, SchemaMismatch, QuarantineInsideInbox) as err:
        print(f"sinmun reprocess: {err}", file=sys.stderr)
        return 2
    except Exception as err:  # LoadsUndone, or a failure part-way: committed batches are complete
        print(f"sinmun reprocess: failed: {_one_line(err)}", file=sys.stderr)
        if not isinstance(err, LoadsUndone):
            print("sinmun reprocess: batches committed before the failure are complete; run it again to go on",
                  file=sys.stderr)  # fmt: skip
        return 1
    if args.summary_json:
        args.summary_json.write_text(json.dumps(summary, ensure_ascii=False, indent=1, default=str), encoding="utf-8")
    _print_reprocess(summary)
    return 0


REPROCESS_PAGES_LISTED = 20


def _print_reprocess(summary: dict) -> None:
    plan = summary["reprocess"]
    reasons = ", ".join(f"{name} changed: {count}" for name, count in plan["reasons"].items())
    if plan["dry_run"]:
        print(f"sinmun reprocess: would read again {plan['pages_planned']} of {plan['pages_considered']} loaded "
              f"pages ({reasons}); {plan['pages_unchanged']} unchanged; nothing loaded (--dry-run)")  # fmt: skip
    else:
        print(f"sinmun reprocess: read again {summary['pages_loaded']} of {plan['pages_considered']} loaded pages "
              f"({reasons}); {plan['pages_unchanged']} unchanged, {summary['pages_quarantined']} quarantined; "
              f"{summary['articles']} articles, {summary['mentions']} entity mentions; {summary['seconds']} s")  # fmt: skip
    # A dry run lists every page; a run, the first few (after a new release it reads the whole archive again).
    listed = list(plan["pages"].items())
    shown = listed if plan["dry_run"] else listed[:REPROCESS_PAGES_LISTED]
    for source_path, why in shown:
        print(f"{'would read' if plan['dry_run'] else 'read'} again: {source_path}: {'; '.join(why)}")
    if len(shown) < len(listed):
        print(f"read again: … and {len(listed) - len(shown)} more pages (--summary-json FILE, or --dry-run before "
              "a run, lists them all)")  # fmt: skip
    for line in plan["cannot_reread"]:
        print(f"cannot be read again: {line}")
    print(f"reading version: {plan['reader_version']}")
    _warn_unknown_metadata("sinmun reprocess", summary)
    if not plan["dry_run"]:
        print(f"warehouse: {summary['warehouse']} (published for analysts: {summary['published']})")


def cmd_serve(args: argparse.Namespace) -> int:
    from sinmun.ingest.run import checked_inbox
    from sinmun.store.warehouse import default_warehouse, published_path

    problem = _schedule_problem(args.cron, args.timezone)
    if problem:
        print(f"sinmun serve: {problem}", file=sys.stderr)
        return 2
    api = _prefect_server("serve")
    if api is None:
        return 2
    try:
        inbox = checked_inbox(args.inbox)
    except NotADirectoryError as err:
        print(f"sinmun serve: {err}", file=sys.stderr)
        return 2
    warehouse = (args.warehouse or default_warehouse()).resolve()
    from sinmun.flows.deployments import describe_schedule, ingest_deployment, next_run, serve_ingest

    deployment = ingest_deployment(
        inbox=str(inbox), warehouse_path=str(warehouse), cron=args.cron, timezone=args.timezone,
        interval_seconds=args.interval, settle_seconds=args.settle_seconds, name=args.name,
    )  # fmt: skip
    schedule = deployment.schedules[0].schedule
    print(f"sinmun serve: deployment {deployment.flow_name}/{deployment.name} on the Prefect server at {api}")
    print(f"  inbox:     {inbox} (files settle {args.settle_seconds:g} s before they are loaded)")
    print(f"  warehouse: {warehouse} (published for analysts: {published_path(warehouse)})")
    print(f"  schedule:  {describe_schedule(schedule)}; next run {next_run(schedule).isoformat(timespec='seconds')}")
    print("  stop with Ctrl-C or SIGTERM; the schedule stays active (`sinmun schedule pause` stops it)", flush=True)
    serve_ingest(deployment)
    print("sinmun serve: stopped", flush=True)
    return 0


def _schedule_problem(cron: str, timezone: str) -> str | None:
    """What is wrong with --cron or --timezone, before anything is registered; None when both are right."""
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    from sinmun.flows.deployments import cron_problem

    try:
        ZoneInfo(timezone)
    except (ZoneInfoNotFoundError, ValueError):
        return f"--timezone: not a time zone: {timezone!r} (e.g. Asia/Seoul, UTC)"
    problem = cron_problem(cron, timezone)
    if problem:
        return f'--cron: {_one_line(problem)} (five fields: minute hour day month weekday, e.g. "0 6 * * *")'
    return None


def _prefect_server(command: str) -> str | None:
    """$PREFECT_API_URL when a Prefect server answers there, else None after saying what to do."""
    import os

    from sinmun.flows.prefect_server import api_healthy
    from sinmun.flows.run import configure_prefect

    configure_prefect()
    api = os.environ.get("PREFECT_API_URL")
    if not api:
        print(f"sinmun {command}: set PREFECT_API_URL to your Prefect server's API (start one with "
              "`prefect server start`); schedules only run on a real server", file=sys.stderr)  # fmt: skip
        return None
    if not api_healthy(api):
        print(f"sinmun {command}: no Prefect server answers at {api} (PREFECT_API_URL): start it with "
              "`prefect server start`, or point PREFECT_API_URL at the one you run", file=sys.stderr)  # fmt: skip
        return None
    return api


def cmd_schedule(args: argparse.Namespace) -> int:
    if _prefect_server("schedule") is None:
        return 2
    from sinmun.flows.deployments import pause_schedule, remove_deployment, resume_schedule

    action = {"pause": pause_schedule, "resume": resume_schedule, "remove": remove_deployment}[args.action]
    try:
        dropped = action(args.name)
    except LookupError as err:
        print(f"sinmun schedule: {err.args[0]}", file=sys.stderr)
        return 2
    runs = f"dropped {dropped} scheduled run{'s' if dropped != 1 else ''} that had not started"
    print({
        "pause": f"sinmun schedule: {args.name} paused; {runs}; nothing runs until `sinmun schedule resume`",
        "resume": f"sinmun schedule: {args.name} resumed: the server schedules its runs again",
        "remove": f"sinmun schedule: {args.name} removed; {runs}",
    }[args.action])  # fmt: skip
    return 0


def cmd_backfill(args: argparse.Namespace) -> int:
    from sinmun.flows.run import run_backfill
    from sinmun.ingest.interrupt import IngestInterrupted, report_interruption

    if args.date_to < args.date_from:
        print("sinmun backfill: --to is before --from", file=sys.stderr)
        return 2
    try:
        results = run_backfill(args.inbox, args.date_from, args.date_to, warehouse_path=args.warehouse)
    except IngestInterrupted as err:
        return report_interruption(err, "backfill")
    except NotADirectoryError as err:
        print(f"sinmun backfill: {err}", file=sys.stderr)
        return 2
    if not results:
        print(f"sinmun backfill: nothing to load: {args.inbox} has no dated partition (<publication>/<YYYY-MM-DD>/) "
              f"from {args.date_from} to {args.date_to}")  # fmt: skip
        return 0
    for day, summary in results:
        print(f"{day}: {summary['pages_seen']} pages seen, {summary['pages_loaded']} loaded, "
              f"{summary['pages_skipped_duplicate']} already loaded, {summary['pages_quarantined']} quarantined")  # fmt: skip
    return 0


def cmd_quarantine_list(args: argparse.Namespace) -> int:
    from sinmun.analytics.sql_output import format_rows
    from sinmun.analytics.sql_runner import QueryError, run_query
    from sinmun.sql_files import sql

    params = {"include_resolved": args.all, "reason": args.reason, "run_id": args.run}
    try:
        columns, rows = run_query(_analyst_warehouse(args), sql("queries/quarantine_list"), params)
    except QueryError as err:
        print(f"sinmun quarantine: {err}", file=sys.stderr)
        return 2
    where = columns.index("quarantine_path")
    columns.append("file")
    rows = [(*row, _file_state(row[where])) for row in rows]
    sys.stdout.write(format_rows(columns, rows, args.format))
    return 0


def _file_state(quarantine_path: str | None) -> str:
    if not quarantine_path:
        return "left in place"
    return "in quarantine" if Path(quarantine_path).exists() else "-"


def cmd_quarantine_dismiss(args: argparse.Namespace) -> int:
    from sinmun.ingest.lock import IngestBusy
    from sinmun.ingest.run import dismiss_quarantined

    if not (args.paths or args.reason or args.run):
        print("sinmun quarantine: dismiss what? name the files (paths as `quarantine list` shows them), or give "
              "--reason or --run", file=sys.stderr)  # fmt: skip
        return 2
    try:
        dismissed = dismiss_quarantined(
            [str(p) for p in args.paths], warehouse_path=args.warehouse, reason=args.reason, run_id=args.run
        )
    except (IngestBusy, FileNotFoundError) as err:
        print(f"sinmun quarantine: {err}", file=sys.stderr)
        return 3 if isinstance(err, IngestBusy) else 2
    unknown = sorted(set(args.paths) - set(dismissed))
    print(f"sinmun quarantine: dismissed {len(dismissed)} refusal{'s' if len(dismissed) != 1 else ''}"
          + "".join(f"\n  {path}" for path in dismissed))  # fmt: skip
    for path in unknown:
        print(f"  no open refusal of {path}", file=sys.stderr)
    return 1 if unknown else 0


def cmd_quarantine_retry(args: argparse.Namespace) -> int:
    from sinmun.ingest.lock import IngestBusy
    from sinmun.ingest.run import retry_quarantined
    from sinmun.store.warehouse import WarehouseBusy

    try:
        restored, problems = retry_quarantined(
            args.inbox, warehouse_path=args.warehouse, reason=args.reason, run_id=args.run
        )
    except (IngestBusy, WarehouseBusy, FileNotFoundError) as err:
        print(f"sinmun quarantine: {err}", file=sys.stderr)
        return 3 if isinstance(err, IngestBusy | WarehouseBusy) else 2
    print(f"sinmun quarantine: put {len(restored)} file{'s' if len(restored) != 1 else ''} back in {args.inbox}")
    for problem in problems:
        print(f"  not put back: {problem}", file=sys.stderr)
    if args.no_ingest or not restored:
        return 0 if not problems else 1
    args.batch_pages, args.settle_seconds, args.max_page_mb, args.wait = 200, 0.0, 2.0, False
    args.no_progress, args.workers, args.dask_address = True, None, None
    return cmd_ingest(args)


def cmd_search(args: argparse.Namespace) -> int:
    from sinmun.analytics.search import SearchFilters, search
    from sinmun.analytics.sql_runner import QueryError
    from sinmun.entities.search_terms import highlight

    filters = SearchFilters(date_from=args.date_from, date_to=args.date_to, publication=args.publication,
                            kind=args.kind, entity=args.entity, collapse_reprints=args.collapse_reprints)  # fmt: skip
    if args.quotes:
        return _search_quotes(args, filters)
    try:
        terms, hits = search(
            _analyst_warehouse(args), args.query, filters, limit=args.limit, use_cache=not args.no_cache
        )
    except QueryError as err:
        print(f"sinmun search: {err}", file=sys.stderr)
        return 2
    if args.format == "json":
        records = [
            {
                "rank": h.rank, "score": h.score, "article_key": h.article_key,
                "publication_date": h.publication_date.isoformat() if h.publication_date else None,
                "publication": h.publication, "page": h.page_number, "kind": h.kind, "headline": h.headline,
                "snippet": h.snippet.text, "highlights": [list(span) for span in h.snippet.highlights],
                **({"reprints": h.reprints} if args.collapse_reprints else {}),
            }
            for h in hits
        ]  # fmt: skip
        return _print_search_json(args.query, terms, "hits", records)
    before, after = _highlight_marks()
    print(f"{len(hits)} article{'s' if len(hits) != 1 else ''} for {' + '.join(terms)}")
    for h in hits:
        day = h.publication_date.isoformat() if h.publication_date else "date unknown"
        page = f"p{h.page_number}" if h.page_number else "page unknown"
        print(f"\n{h.rank:>2}. {h.headline or '(no headline)'}")
        reprinted = f" · also printed {h.reprints} more time{'s' if h.reprints != 1 else ''}" if h.reprints else ""
        print(f"    {day} · {h.publication} · {page} · {h.kind} · score {h.score:.2f}{reprinted}")
        print(f"    {highlight(h.snippet, before, after)}")
    return 0


def _print_search_json(query: str, terms: list[str], key: str, records: list[dict]) -> int:
    """A search's answer as one JSON document: the query, the terms searched for and the records under ``key``."""
    json.dump({"query": query, "terms": terms, key: records}, sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write("\n")
    return 0


def _highlight_marks() -> tuple[str, str]:
    """How matched words are marked on a terminal: bold yellow, or ``**`` when the output is no terminal or
    ``NO_COLOR`` is set."""
    import os

    color = sys.stdout.isatty() and not os.environ.get("NO_COLOR")
    return ("\033[1;33m", "\033[0m") if color else ("**", "**")


def _search_quotes(args: argparse.Namespace, filters) -> int:
    """``sinmun search --quotes``: the quotes holding the words, each with its speaker, title, verb and date."""
    from sinmun.analytics.search import search_quotes
    from sinmun.analytics.sql_runner import QueryError
    from sinmun.entities.search_terms import highlight

    try:
        terms, hits = search_quotes(
            _analyst_warehouse(args), args.query, filters, limit=args.limit, use_cache=not args.no_cache
        )
    except QueryError as err:
        print(f"sinmun search: {err}", file=sys.stderr)
        return 2
    if args.format == "json":
        records = [
            {
                "rank": h.rank, "article_key": h.article_key, "quote_ordinal": h.quote_ordinal,
                "matched_terms": h.matched_terms,
                "publication_date": h.publication_date.isoformat() if h.publication_date else None,
                "publication": h.publication, "page": h.page_number, "headline": h.headline, "speaker": h.speaker,
                "speaker_type": h.speaker_type, "title": h.title, "verb": h.verb, "quote": h.snippet.text,
                "highlights": [list(span) for span in h.snippet.highlights],
            }
            for h in hits
        ]  # fmt: skip
        return _print_search_json(args.query, terms, "quotes", records)
    before, after = _highlight_marks()
    print(f"{len(hits)} quote{'s' if len(hits) != 1 else ''} for {' + '.join(terms)}")
    for h in hits:
        day = h.publication_date.isoformat() if h.publication_date else "date unknown"
        who = " ".join(part for part in (h.speaker or "(unnamed speaker)", h.title) if part)
        print(f"\n{h.rank:>2}. {who}{' · ' + h.verb if h.verb else ''}")
        print(f'    "{highlight(h.snippet, before, after)}"')
        print(f"    {day} · {h.publication} · p{h.page_number or '?'} · {h.headline or '(no headline)'}")
    return 0


def cmd_sql(args: argparse.Namespace) -> int:
    from sinmun.analytics.analyses import ParameterError, bind_query_parameters, load_analysis
    from sinmun.analytics.sql_output import (
        OutputError,
        OutputRefused,
        ResultWriter,
        check_out_path,
        format_for,
        output_file,
    )
    from sinmun.analytics.sql_runner import Limits, QueryError, QueryRefused, stream_query

    if sum(map(bool, (args.query, args.file, args.analysis))) != 1:
        print("sinmun sql: give a query, -f FILE or --analysis NAME (one of them)", file=sys.stderr)
        return 2
    given = {}
    for item in args.param:
        key, sep, value = item.partition("=")
        if not sep or not key.isidentifier():
            print(f"sinmun sql: --param wants KEY=VALUE, got {item!r}", file=sys.stderr)
            return 2
        given[key] = value
    try:
        if args.analysis:
            analysis = load_analysis(args.analysis)
            text, params = analysis.text, analysis.bind(given)
        else:
            text = args.file.read_text(encoding="utf-8") if args.file else args.query
            params = bind_query_parameters(text, given, source=args.file)
    except OSError as err:
        print(f"sinmun sql: cannot read {args.file}: {err.strerror or _one_line(err)}", file=sys.stderr)
        return 2
    except UnicodeDecodeError as err:
        print(f"sinmun sql: cannot read {args.file}: not UTF-8 (byte {err.start}: {err.reason})", file=sys.stderr)
        return 2
    except ParameterError as err:
        print(f"sinmun sql: {err}", file=sys.stderr)
        return 2
    fmt = args.format or format_for(args.out)
    if fmt == "parquet" and not args.out:
        print("sinmun sql: --format parquet needs --out FILE", file=sys.stderr)
        return 2
    if args.bom and fmt != "csv":
        print(f"sinmun sql: --bom is for CSV output, not {fmt}", file=sys.stderr)
        return 2
    max_width = args.max_width
    if max_width is None and args.out is None and sys.stdout.isatty():
        max_width = DEFAULT_TERMINAL_CELL_WIDTH
    if max_width is not None and (max_width < 0 or 0 < max_width < 4):
        print(f"sinmun sql: --max-width wants 0 (never cut) or at least 4, got {max_width}", file=sys.stderr)
        return 2
    writer = ResultWriter(fmt, None, args.max_rows, max_width or None, args.bom)
    warehouse = _analyst_warehouse(args)
    try:
        limits = Limits(args.time_limit, args.memory_limit, args.spill_limit)
        if args.out is None:
            stream_query(warehouse, text, params, writer, limits)
            return 0
        check_out_path(args.out, warehouse, force=args.force)
        with output_file(args.out, force=args.force) as part:
            stream_query(warehouse, text, params, replace(writer, path=part), limits)
    except (QueryRefused, OutputRefused) as err:  # a guard rail
        print(f"sinmun sql: refused: {err}", file=sys.stderr)
        return 2
    except (QueryError, OutputError) as err:
        print(f"sinmun sql: {err}", file=sys.stderr)
        return 2
    except OSError as err:  # --out's folder cannot be written (permissions, a full disk)
        print(f"sinmun sql: cannot write {args.out}: {err.strerror or _one_line(err)}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("sinmun sql: interrupted; the query was stopped", file=sys.stderr)
        return 130
    return 0


def cmd_analyses(args: argparse.Namespace) -> int:
    from sinmun.analytics.analyses import ParameterError, analysis_names, load_analysis

    for name in analysis_names():
        try:
            analysis = load_analysis(name)
        except ParameterError as err:
            print(f"sinmun analyses: {err}", file=sys.stderr)
            return 2
        print(f"{name}: {analysis.answers}")
        for parameter in analysis.parameters:
            print(f"    {parameter.describe()}")
        if not analysis.parameters:
            print("    (no parameters)")
    print("\nrun one: sinmun sql --analysis NAME [--param KEY=VALUE ...]")
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    from sinmun.analytics.report import gather_report_data, render_report
    from sinmun.analytics.sql_runner import QueryError
    from sinmun.store.warehouse import published_path

    if args.top < 1:
        print(f"sinmun report: --top wants a positive number, got {args.top}", file=sys.stderr)
        return 2
    if args.date_from and args.date_to and args.date_to < args.date_from:
        print("sinmun report: --to is before --from", file=sys.stderr)
        return 2
    warehouse = _analyst_warehouse(args)
    if not published_path(warehouse).exists():
        print(f"sinmun report: no published warehouse at {published_path(warehouse)}: run `sinmun ingest` first",
              file=sys.stderr)  # fmt: skip
        return 2
    try:
        data = gather_report_data(warehouse, top=args.top, date_from=args.date_from, date_to=args.date_to)
    except QueryError as err:
        print(f"sinmun report: {err}", file=sys.stderr)
        return 2
    try:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(render_report(data), encoding="utf-8")
    except OSError as err:
        print(f"sinmun report: cannot write {args.out}: {err.strerror or _one_line(err)}", file=sys.stderr)
        return 2
    overview = data["overview"]
    print(f"sinmun report: wrote {args.out} ({overview['articles']} articles, {overview['pages']} pages, "
          f"{overview['first_day'] or '?'} to {overview['last_day'] or '?'})")  # fmt: skip
    return 0


def _process_seconds() -> float:
    """Seconds since this process started, the interpreter's start included: the kernel's start time of the
    process against the time since boot (both in clock ticks from boot, so no wall-clock rounding); else since
    this module was imported."""
    import os

    try:
        fields = Path("/proc/self/stat").read_text().rsplit(")", 1)[1].split()
        since_boot = float(Path("/proc/uptime").read_text().split()[0])
        return since_boot - int(fields[19]) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return time.monotonic() - _IMPORTED_AT


def _one_line(err: BaseException) -> str:
    text = " ".join(str(err).split()) or type(err).__name__
    return text if len(text) <= 400 else text[:400] + "…"


def _report(message: str) -> int:
    print(f"sinmun: {message}", file=sys.stderr)
    return 1


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except BrokenPipeError:  # output piped into `head` and the like: stop quietly
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


if __name__ == "__main__":
    sys.exit(main())
