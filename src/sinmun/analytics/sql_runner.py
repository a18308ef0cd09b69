"""Run analysts' SQL on the published warehouse: read-only, no file access, parameters bound."""

from __future__ import annotations

import csv
import io
import json
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import duckdb

from sinmun.store.warehouse import published_path


class QueryRefused(RuntimeError):
    pass


def run_query(warehouse_path: Path, query: str, params: dict[str, str] | None = None) -> tuple[list[str], list[tuple]]:
    """Columns and rows of ``query`` on the published copy of the warehouse."""
    target = published_path(Path(warehouse_path))
    if not target.exists():
        raise QueryRefused(f"no published warehouse at {target}: run `sinmun ingest` first")
    config = {"enable_external_access": False, "lock_configuration": True}
    con = duckdb.connect(str(target), read_only=True, config=config)
    try:
        result = con.execute(query, params or None)
        if result.description is None:
            return [], []
        columns = [d[0] for d in result.description]
        return columns, result.fetchall()
    except duckdb.Error as err:
        raise QueryRefused(str(err).splitlines()[0]) from None
    finally:
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


def _jsonable(value):
    if isinstance(value, date | datetime):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value)
    return value


def _width(text: str) -> int:
    """Display width: Hangul and other wide characters take two columns."""
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _table(columns: list[str], rows: list[tuple]) -> str:
    cells = [[("" if v is None else str(v)).replace("\n", " ") for v in row] for row in rows]
    widths = [max([_width(c)] + [_width(r[i]) for r in cells]) for i, c in enumerate(columns)]

    def line(values: list[str]) -> str:
        return " | ".join(v + " " * (w - _width(v)) for v, w in zip(values, widths, strict=True)).rstrip()

    out = [line(columns), "-+-".join("-" * w for w in widths)]
    out += [line(r) for r in cells]
    out.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(out) + "\n"
