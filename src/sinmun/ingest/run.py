"""Run the ingest flow for the command line: one writer at a time, Prefect configured for offline use."""

from __future__ import annotations

import os
from datetime import date, timedelta
from pathlib import Path

from sinmun.store.warehouse import default_warehouse


def configure_prefect() -> None:
    # Telemetry calls fail offline and slow every start; users may still override any of these.
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    os.environ.setdefault("PREFECT_UI_ENABLED", "false")


def run_ingest(
    inbox: Path,
    *,
    warehouse_path: Path | None = None,
    batch_pages: int = 200,
    settle_seconds: float = 0.0,
    max_page_bytes: int = 2 * 1024 * 1024,
    wait: bool = False,
    progress: bool = True,
    only_date: date | None = None,
) -> dict:
    path = (warehouse_path or default_warehouse()).resolve()
    inbox = inbox.resolve()
    if not inbox.is_dir():
        raise NotADirectoryError(f"inbox not found: {inbox}")
    configure_prefect()
    from flows.ingest import ingest_flow

    return ingest_flow(
        inbox=str(inbox), warehouse_path=str(path), batch_pages=batch_pages, settle_seconds=settle_seconds,
        max_page_bytes=max_page_bytes, progress=progress, wait_for_writer=wait,
        only_date=only_date.isoformat() if only_date else None,
    )  # fmt: skip


def run_backfill(inbox: Path, date_from: date, date_to: date, *, warehouse_path: Path | None = None) -> list:
    """One flow run per date that has a partition (``<publication>/<YYYY-MM-DD>/``) in the inbox.

    Resumable: a date already loaded is skipped page by page (its content is in the ledger), so running the
    same backfill again, or after an interruption, loads only what is missing."""
    results = []
    day = date_from
    while day <= date_to:
        if any(p.is_dir() for p in inbox.glob(f"*/{day.isoformat()}")):
            results.append((day, run_ingest(inbox, warehouse_path=warehouse_path, only_date=day, progress=False)))
        day += timedelta(days=1)
    return results
