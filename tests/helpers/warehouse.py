"""Helpers for warehouse tests: inboxes built from the sample pages, queries and fingerprints of a warehouse file."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import duckdb

from tests.conftest import ROOT, SEED_PAGE

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


def sample_inbox(inbox: Path) -> Path:
    """All sample pages plus the reference page when ../shared has it (the reference page has no page number),
    described by a manifest."""
    rows = [layout_row(rel) for rel in copy_samples(inbox)]
    if SEED_PAGE.exists():
        (inbox / "extra").mkdir()
        shutil.copyfile(SEED_PAGE, inbox / "extra" / "seed.txt")
        rows.append({"path": "extra/seed.txt", "publication": "kwangju", "date": "2023-05-22", "page": ""})
    write_manifest(inbox, rows)
    return inbox


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


# Columns that differ from run to run whatever was loaded: left out when two runs' tables are compared.
RUN_SPECIFIC = ("load_id", "loaded_at", "started_at", "finished_at", "run_id", "flow_run_id", "quarantined_at")


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


def warehouse_of_pages(root: Path, pages: dict[str, str]) -> Path:
    """A warehouse loaded by the real flow (in this process) from pages written here (inbox path -> text); returns
    its path."""
    from sinmun.flows.ingest import ingest_flow  # Prefect: imported by the tests that run the flow, not by the rest

    for rel, text in pages.items():
        path = root / "inbox" / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    db = root / "wh" / "sinmun.duckdb"
    ingest_flow(inbox=str(root / "inbox"), warehouse_path=str(db))
    return db
