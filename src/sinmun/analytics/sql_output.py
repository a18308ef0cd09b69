"""Write a query's rows as they are fetched (an aligned table, CSV, JSON or Parquet), and only where it is safe.

Each writer takes the rows a chunk at a time and holds one chunk, except the table, which must see its rows to
align them and so shows at most ``max_rows`` of them, counting the rest. Values read the same in every text format:
lists and structs as JSON (``[null, "할머니"]``, never Python's ``[None, '할머니']``), dates and times in ISO form;
a table shows NULL as ``NULL`` and cuts cells wider than ``max_width`` display columns (a Hangul syllable takes
two); CSV can start with a byte-order mark so that Excel reads it as UTF-8. A file is written beside its target
under a temporary name and renamed into place when the whole result is in it, so a query that fails leaves no
half file; the target is never a DuckDB database, never one of the warehouse's files, and never a file that
already exists unless the caller forces it.
"""

from __future__ import annotations

import csv
import io
import json
import os
import secrets
import sys
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any, TextIO

from sinmun.store.warehouse import published_path

TABLE_MAX_ROWS = 1000
TABLE_NULL = "NULL"
CUT_MARK = "…"
UTF8_BOM = "\ufeff"
# --format picked from --out's extension when it is not given
FORMAT_OF_EXTENSION = {".csv": "csv", ".json": "json", ".parquet": "parquet"}
# Rows per Parquet row group: the sink holds about one group before writing it.
PARQUET_ROW_GROUP_ROWS = 65_536
DUCKDB_MAGIC = b"DUCK"  # bytes 8 to 12 of every DuckDB database file


class OutputError(ValueError):
    """``--out`` cannot be written where it points (no such folder, not a regular file)."""


class OutputRefused(OutputError):
    """A guard rail: ``--out`` would replace the warehouse, a DuckDB file, or an existing file without --force."""


@dataclass(frozen=True)
class Written:
    """How many rows the result had, and how many of them a capped table left out."""

    rows: int
    rows_left_out: int = 0


def format_for(out: Path | None) -> str:
    """The output format ``--out``'s extension names (``.csv``, ``.json``, ``.parquet``), else a table."""
    return FORMAT_OF_EXTENSION.get(out.suffix.lower(), "table") if out is not None else "table"


def write_text(
    columns: list[str],
    chunks: Iterable[list[tuple]],
    fmt: str,
    stream: TextIO,
    *,
    max_rows: int | None,
    max_width: int | None = None,
    bom: bool = False,
) -> Written:
    """Write the rows to ``stream`` as ``fmt`` (table, csv or json) as they come."""
    if fmt == "csv":
        return _write_csv(columns, chunks, stream, bom=bom)
    if fmt == "json":
        return _write_json(columns, chunks, stream)
    return _write_table(columns, chunks, stream, max_rows, max_width)


def format_rows(columns: list[str], rows: list[tuple], fmt: str) -> str:
    """A small result already in memory, formatted whole (every row of a table shown)."""
    out = io.StringIO(newline="")
    write_text(columns, [rows], fmt, out, max_rows=None)
    return out.getvalue()


def _write_csv(columns: list[str], chunks: Iterable[list[tuple]], stream: TextIO, *, bom: bool = False) -> Written:
    """CSV: NULL as an empty field, lists and structs as JSON, dates in ISO form."""
    if bom:
        stream.write(UTF8_BOM)
    writer = csv.writer(stream)
    writer.writerow(columns)
    count = 0
    for rows in chunks:
        writer.writerows([["" if v is None else cell_text(v) for v in row] for row in rows])
        count += len(rows)
    return Written(count)


def cell_text(value: Any) -> str:
    """A value as text: lists and structs as JSON, dates and times in ISO form, the rest as ``str`` gives it."""
    if isinstance(value, list | tuple | dict):
        return json.dumps(value, ensure_ascii=False, default=_jsonable)
    if isinstance(value, datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, date | time):
        return value.isoformat()
    return str(value)


def _write_json(columns: list[str], chunks: Iterable[list[tuple]], stream: TextIO) -> Written:
    """One JSON array of objects, written an object at a time (the text ``json.dumps`` gives for the whole list)."""
    count = 0
    stream.write("[")
    for rows in chunks:
        for row in rows:
            stream.write(", " if count else "")
            stream.write(json.dumps(dict(zip(columns, row, strict=True)), ensure_ascii=False, default=_jsonable))
            count += 1
    stream.write("]\n")
    return Written(count)


def _jsonable(value: Any) -> Any:
    """JSON for the values DuckDB returns that JSON has no type for."""
    if isinstance(value, date | datetime | time):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, timedelta):
        return value.total_seconds()
    if isinstance(value, bytes):
        return value.hex()
    return str(value)


def display_width(text: str) -> int:
    """Display width: Hangul and other wide characters take two columns."""
    return sum(_char_width(ch) for ch in text)


def _char_width(ch: str) -> int:
    return 2 if unicodedata.east_asian_width(ch) in "WF" else 1


def cut_to_width(text: str, max_width: int | None) -> str:
    """``text`` cut to at most ``max_width`` display columns, ending in … when cut (None: never cut)."""
    if max_width is None or display_width(text) <= max_width:
        return text
    room, kept = max_width - display_width(CUT_MARK), []
    for ch in text:
        room -= _char_width(ch)
        if room < 0:
            break
        kept.append(ch)
    return "".join(kept) + CUT_MARK


def _table_cell(value: Any, max_width: int | None) -> str:
    text = TABLE_NULL if value is None else " ".join(cell_text(value).splitlines())
    return cut_to_width(text, max_width)


def _write_table(
    columns: list[str], chunks: Iterable[list[tuple]], stream: TextIO, max_rows: int | None, max_width: int | None
) -> Written:
    cells: list[list[str]] = []
    count = 0
    for rows in chunks:
        room = len(rows) if max_rows is None else max(0, max_rows - len(cells))
        cells += [[_table_cell(v, max_width) for v in row] for row in rows[:room]]
        count += len(rows)
    widths = [max([display_width(c)] + [display_width(r[i]) for r in cells]) for i, c in enumerate(columns)]

    def line(values: list[str]) -> str:
        return " | ".join(v + " " * (w - display_width(v)) for v, w in zip(values, widths, strict=True)).rstrip()

    stream.write(line(columns) + "\n" + "-+-".join("-" * w for w in widths) + "\n")
    for row in cells:
        stream.write(line(row) + "\n")
    left_out = count - len(cells)
    rows = f"{count} row{'s' if count != 1 else ''}"
    if left_out:
        stream.write(f"({rows}; the first {len(cells)} shown, {left_out} left out: raise --max-rows, "
                     f"or write them all with --format csv, json or parquet)\n")  # fmt: skip
    else:
        stream.write(f"({rows})\n")
    return Written(count, left_out)


def write_parquet(columns: list[str], chunks: Iterator[list[tuple]], schema: Callable[[], Any], path: Path) -> Written:
    """A Parquet file of the rows, written as they come: Polars sinks a lazy frame whose source is the chunks."""
    import polars as pl
    from polars.io.plugins import register_io_source

    polars_schema = schema()
    count = 0

    def frames(with_columns, predicate, n_rows, batch_size) -> Iterator[pl.DataFrame]:
        nonlocal count
        for rows in chunks:
            count += len(rows)
            yield pl.DataFrame(rows, schema=polars_schema, orient="row")

    register_io_source(frames, schema=polars_schema).sink_parquet(path, row_group_size=PARQUET_ROW_GROUP_ROWS)
    return Written(count)


def check_out_path(out: Path, warehouse_path: Path, *, force: bool) -> None:
    """Refuse an ``--out`` that would overwrite the warehouse, a DuckDB file, or an existing file without ``force``."""
    target = out.resolve()
    warehouse = Path(warehouse_path).resolve()
    published = published_path(warehouse)
    own = {warehouse, published} | {p.with_name(p.name + s) for p in (warehouse, published) for s in (".wal", ".lock")}
    if target in own:
        raise OutputRefused(f"{out} is one of the warehouse's own files: write the result somewhere else")
    if not target.parent.is_dir():
        raise OutputError(f"cannot write {out}: no folder {target.parent}")
    if not target.exists():
        return
    if not target.is_file():
        raise OutputError(f"cannot write {out}: it exists and is not a regular file")
    if any(os.path.samefile(target, p) for p in own if p.exists()):
        raise OutputRefused(f"{out} is one of the warehouse's own files: write the result somewhere else")
    if _is_duckdb_file(target):
        raise OutputRefused(f"{out} is a DuckDB database: sinmun sql never overwrites one")
    if not force:
        raise OutputRefused(f"{out} exists: add --force to replace it")


def _is_duckdb_file(path: Path) -> bool:
    with suppress(OSError), path.open("rb") as f:
        return f.read(12)[8:12] == DUCKDB_MAGIC
    return False


@contextmanager
def output_file(out: Path, *, force: bool) -> Iterator[Path]:
    """A temporary file beside ``out`` to write to, renamed to ``out`` when the block ends without an error."""
    target = out.resolve()
    part = target.with_name(f".{target.name}.{secrets.token_hex(4)}.part")
    os.close(os.open(part, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o666))  # 0o666 less the umask, as open() gives
    try:
        yield part
        if force:
            os.replace(part, target)
        else:
            _link_without_replacing(part, target, out)
    finally:
        with suppress(FileNotFoundError):
            part.unlink()


def _link_without_replacing(part: Path, target: Path, out: Path) -> None:
    """Put ``part`` at ``target`` unless a file appeared there meanwhile (a hard link never replaces one)."""
    try:
        os.link(part, target)
    except FileExistsError:
        raise OutputRefused(f"{out} exists: add --force to replace it") from None
    except OSError:  # a filesystem without hard links
        if target.exists():
            raise OutputRefused(f"{out} exists: add --force to replace it") from None
        os.replace(part, target)


@dataclass(frozen=True)
class ResultWriter:
    """Writes a result as ``fmt`` to ``path``, or to standard output; ``stream_query`` calls it in its child."""

    fmt: str
    path: Path | None = None
    max_rows: int | None = TABLE_MAX_ROWS
    max_width: int | None = None  # a table's cells cut to this many display columns (None: never cut)
    bom: bool = False  # CSV starts with a UTF-8 byte-order mark (for Excel)

    def load(self) -> None:
        if self.fmt == "parquet":
            import polars  # noqa: F401  (loaded before the memory limit's baseline: code is not the query's data)

    def __call__(self, result) -> Written:
        if self.fmt == "parquet":
            return write_parquet(result.columns, result.chunks, result.polars_schema, self.path)
        options = {"max_rows": self.max_rows, "max_width": self.max_width, "bom": self.bom}
        if self.path is None:
            written = write_text(result.columns, result.chunks, self.fmt, sys.stdout, **options)
            sys.stdout.flush()
            return written
        with self.path.open("w", encoding="utf-8", newline="") as stream:
            return write_text(result.columns, result.chunks, self.fmt, stream, **options)
