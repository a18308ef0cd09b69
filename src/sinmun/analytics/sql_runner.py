"""Run analysts' SQL on the published warehouse, with guard rails.

- one statement, and only a query (SELECT, WITH, DESCRIBE, SUMMARIZE, EXPLAIN): ``COPY``, ``ATTACH``,
  ``INSTALL``/``LOAD``, ``SET``, ``PRAGMA``, ``CALL`` and every write are refused before they run;
- the published copy is opened read-only, with external access disabled (no ``read_csv``, no files) and the
  configuration locked;
- a time limit (the query is interrupted) and a memory limit (DuckDB's ``memory_limit``) stop a runaway query;
- parameters are bound (``$name``), never spliced into the text.
"""

from __future__ import annotations

import csv
import io
import json
import threading
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import duckdb

from sinmun.store.warehouse import published_path

ALLOWED = {duckdb.StatementType.SELECT, duckdb.StatementType.EXPLAIN}
DEFAULT_TIME_LIMIT_SECONDS = 60.0
DEFAULT_MEMORY_LIMIT = "2GB"


class QueryRefused(RuntimeError):
    pass


def check_statement(query: str) -> None:
    """Refuse anything but a single read-only query, with a message naming what was refused."""
    try:
        statements = duckdb.connect().extract_statements(query)
    except duckdb.Error as err:
        raise QueryRefused(f"not valid SQL: {str(err).splitlines()[0]}") from None
    if len(statements) != 1:
        raise QueryRefused(f"one statement at a time, got {len(statements)}")
    kind = statements[0].type
    if kind not in ALLOWED:
        raise QueryRefused(f"{kind.name} statements are not allowed: sinmun sql only reads the warehouse")


def run_query(
    warehouse_path: Path,
    query: str,
    params: dict[str, str] | None = None,
    *,
    time_limit_seconds: float = DEFAULT_TIME_LIMIT_SECONDS,
    memory_limit: str = DEFAULT_MEMORY_LIMIT,
) -> tuple[list[str], list[tuple]]:
    """Columns and rows of ``query`` on the published copy of the warehouse."""
    check_statement(query)
    target = published_path(Path(warehouse_path))
    if not target.exists():
        raise QueryRefused(f"no published warehouse at {target}: run `sinmun ingest` first")
    config = {"enable_external_access": False, "memory_limit": memory_limit, "lock_configuration": True}
    con = duckdb.connect(str(target), read_only=True, config=config)
    timer = threading.Timer(time_limit_seconds, con.interrupt)
    timer.start()
    try:
        result = con.execute(query, params or None)
        columns = [d[0] for d in result.description] if result.description else []
        return columns, result.fetchall() if columns else []
    except duckdb.InterruptException:
        raise QueryRefused(f"stopped after the time limit of {time_limit_seconds:g} s") from None
    except duckdb.OutOfMemoryException:
        raise QueryRefused(f"stopped at the memory limit of {memory_limit}") from None
    except duckdb.Error as err:
        raise QueryRefused(str(err).splitlines()[0]) from None
    finally:
        timer.cancel()
        con.close()


def format_rows(columns: list[str], rows: list[tuple], fmt: str) -> str:
    if fmt == "json":
        return json.dumps([dict(zip(columns, map(_jsonable, r), strict=True)) for r in rows], ensure_ascii=False) + "\n"
    if fmt == "csv":
        out = io.StringIO()
        writer = csv.writer(out)
        writer.writerow(columns)
        writer.writerows(rows)
        return out.getvalue()
    return _table(columns, rows)


def write_parquet(columns: list[str], rows: list[tuple], path: Path) -> None:
    import polars as pl

    pl.DataFrame(rows, schema=columns, orient="row").write_parquet(path)


def _jsonable(value):
    if isinstance(value, date | datetime):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value)
    return value


def display_width(text: str) -> int:
    """Display width: Hangul and other wide characters take two columns."""
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _table(columns: list[str], rows: list[tuple]) -> str:
    cells = [[("" if v is None else str(v)).replace("\n", " ") for v in row] for row in rows]
    widths = [max([display_width(c)] + [display_width(r[i]) for r in cells]) for i, c in enumerate(columns)]

    def line(values: list[str]) -> str:
        return " | ".join(v + " " * (w - display_width(v)) for v, w in zip(values, widths, strict=True)).rstrip()

    out = [line(columns), "-+-".join("-" * w for w in widths)]
    out += [line(r) for r in cells]
    out.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(out) + "\n"
