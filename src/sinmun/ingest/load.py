"""Load one staged batch: its rows and its refused files' quarantine rows in one transaction, then move the
refused files out of the inbox. The flow's load task calls this (and so does the benchmark's Prefect-free
pipeline, ``bench/plain_ingest.py``)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sinmun.ingest import quarantine
from sinmun.ingest.stage import StagedBatch
from sinmun.store import warehouse

if TYPE_CHECKING:
    import duckdb


def load_staged_batch(
    con: duckdb.DuckDBPyConnection, batch: StagedBatch, *, run_id: str, started_at: datetime, inbox: Path,
    quarantine_dir: Path,
) -> tuple[warehouse.LoadSummary | None, list[str]]:  # fmt: skip
    """The load's summary (None when the batch holds nothing to load or record), and ``"<path>: <why>"`` for each
    refused file that could not be moved to the quarantine folder (it stays in the inbox, recorded).

    ``con`` is the run's one writing connection, open for all its loads: opening and closing the warehouse for
    each batch cost a checkpoint per batch (15 of the 42 s the loads of 10,000 pages took)."""
    if not batch.tables and not batch.quarantined:
        return None, []
    refused = quarantine.plan_moves(inbox, quarantine_dir, run_id, batch.quarantined)
    summary = warehouse.load_batch(
        con, batch.tables, run_id=run_id, batch_number=batch.batch_number, started_at=started_at, quarantined=refused
    )
    return summary, quarantine.move_files(inbox, refused).failures
