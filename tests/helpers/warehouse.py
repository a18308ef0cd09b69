"""Helpers for warehouse tests: inboxes built from the sample pages, queries and fingerprints of a warehouse file."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import duckdb

from tests.conftest import ROOT

SAMPLES = ROOT / "samples" / "inbox"


def copy_samples(inbox: Path, *, only: list[str] | None = None) -> list[str]:
    """Copy sample pages (relative paths) into ``inbox``; all of them when ``only`` is None."""
    rels = only or sorted(p.relative_to(SAMPLES).as_posix() for p in SAMPLES.glob("*/*/*.txt"))
    for rel in rels:
        target = inbox / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(SAMPLES / rel, target)
    return rels


def write_manifest(inbox: Path, rows: list[dict]) -> None:
    with (inbox / "manifest.csv").open("w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fieldnames=["path", "publication", "date", "page"])
        writer.writeheader()
        writer.writerows(rows)


def layout_row(rel: str) -> dict:
    publication, day, page = rel.split("/")
    return {"path": rel, "publication": publication, "date": day, "page": Path(page).stem}


def query(db: Path, text: str, params: list | None = None) -> list[tuple]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(text, params).fetchall()
    finally:
        con.close()


TABLES = (
    "ingest_run", "load_ledger", "ledger_page", "quarantine", "dim_publication", "dim_reporter", "dim_place", "dim_entity",
    "fct_article", "fct_entity_mention", "bridge_article_reporter", "fct_article_link", "fct_date_mention",
    "fct_amount_mention", "fct_quote", "fct_article_term", "reprint_fingerprint", "reprint_band", "reprint_pair",
    "dim_reprint_cluster", "bridge_article_reprint",
)  # fmt: skip


def table_fingerprints(db: Path, *, without: tuple[str, ...] = ()) -> dict[str, tuple[int, str]]:
    """Row count and a content checksum of each table (columns in ``without`` left out)."""
    out = {}
    con = duckdb.connect(str(db), read_only=True)
    try:
        for table in TABLES:
            columns = [r[0] for r in con.execute(f"describe {table}").fetchall() if r[0] not in without]
            row = ", ".join(f'"{c}"' for c in columns)
            count, checksum = con.execute(
                f"select count(*), md5(coalesce(string_agg(r, '|' order by r), '')) "
                f"from (select cast(row({row}) as varchar) as r from {table})"
            ).fetchone()
            out[table] = (count, checksum)
    finally:
        con.close()
    return out
