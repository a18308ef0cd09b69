"""The reprocess flow: read loaded pages again where what they were loaded with no longer holds.

Steps:

1. list the loaded pages (current versions; of one publication or dates when asked) with the metadata and reading
   version each was loaded with;
2. discover the inbox's files and their metadata, as the ingest does;
3. plan: a page whose metadata the inbox now gives otherwise (a manifest added or corrected), or that an earlier
   reading version read, is read again from its file when that file still holds the content that was loaded
   (``sinmun.ingest.reprocess``); a page that cannot be read again is named, with why, and stays as it is;
4. stage and load those pages batch by batch, each batch in one transaction, through the ingest's load: the new
   reading replaces the old one (``load/delete_superseded_pages``: the version with the same content, whatever its
   page id was), with keys derived as for any load, so an article whose page and reading did not change keeps its
   key;
5. record the run, run the data checks (a failure undoes the run's loads, as for an ingest) and publish.

A run killed at any moment leaves complete batches or none, the published copy at its last checked state, and the
pages not yet read again still planned for the next run.
"""

from __future__ import annotations

import time
from dataclasses import asdict
from datetime import date
from pathlib import Path

from prefect import flow, task
from prefect.cache_policies import NO_CACHE

from sinmun.ingest import pipeline, quarantine
from sinmun.ingest.console import IngestProgress
from sinmun.ingest.lock import writer_lock
from sinmun.ingest.pipeline import DEFAULT_BATCH_PAGES, DEFAULT_STAGED_AHEAD, Steps
from sinmun.ingest.reprocess import ReprocessPlan, plan_for_inbox
from sinmun.ingest.stage import DEFAULT_MAX_PAGE_BYTES
from sinmun.store import warehouse

from .ingest import current_flow_run_id, prefect_steps


@task(name="plan-reprocess", cache_policy=NO_CACHE)
def plan(con, inbox: str, filters: dict, metadata_only: bool, loaded_by: list[str], max_bytes: int) -> ReprocessPlan:
    """Discover the inbox and compare it with the loaded pages (steps 1 to 3)."""
    return plan_for_inbox(con, Path(inbox), **filters, metadata_only=metadata_only, loaded_by=loaded_by,
                          max_bytes=max_bytes)  # fmt: skip


@flow(name="sinmun-reprocess", log_prints=True)
def reprocess_flow(
    inbox: str,
    warehouse_path: str,
    publication: str | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    metadata_only: bool = False,
    loaded_by: list[str] | None = None,
    dry_run: bool = False,
    batch_pages: int = DEFAULT_BATCH_PAGES,
    max_page_bytes: int = DEFAULT_MAX_PAGE_BYTES,
    progress: bool = False,
    wait_for_writer: bool = False,
    quarantine_dir: str | None = None,
) -> dict:
    """Read again the loaded pages of ``inbox`` whose metadata or reading changed; returns the run's summary with a
    ``reprocess`` part: the pages read again and why, those that could not be, and how many needed nothing.

    ``dry_run`` plans only (nothing is read or loaded). Refused files go to ``quarantine_dir`` as in an ingest; one
    writer at a time (the ingest's ``<warehouse>.lock``)."""
    path = Path(warehouse_path)
    refused_dir = quarantine.quarantine_dir_for(path, Path(inbox), quarantine_dir)
    filters = dict(publication=publication, date_from=_day(date_from), date_to=_day(date_to))
    with writer_lock(path, wait=wait_for_writer):
        return _reprocess(inbox, path, filters, metadata_only, list(loaded_by or []), dry_run, batch_pages,
                          max_page_bytes, progress, str(refused_dir), prefect_steps())  # fmt: skip


def _reprocess(
    inbox: str, path: Path, filters: dict, metadata_only: bool, loaded_by: list[str], dry_run: bool,
    batch_pages: int, max_page_bytes: int, progress: bool, quarantine_dir: str, steps: Steps,
) -> dict:  # fmt: skip
    t0 = time.monotonic()
    summary, run_started = pipeline.begin_run(path, steps, current_flow_run_id())
    with warehouse.connect(path) as con:
        warehouse.ensure_schema(con)
        clock = time.perf_counter()
        planned = plan(con, inbox, filters, metadata_only, loaded_by, max_page_bytes)
        summary.add_seconds("select", time.perf_counter() - clock)
        summary.pages_seen = len(planned.pages)
        for line in planned.cannot_reread:
            steps.log.info("cannot be read again: %s", line)
        if not dry_run and planned.pages:
            with IngestProgress(len(planned.pages), enabled=progress) as bar:
                pipeline.stage_and_load(con, summary, planned.pages, steps, inbox=inbox, quarantine_dir=quarantine_dir,
                                        batch_pages=batch_pages, max_page_bytes=max_page_bytes,
                                        staged_ahead=DEFAULT_STAGED_AHEAD, bar=bar)  # fmt: skip
        pipeline.count_pages_without_date_or_page(con, summary, steps)
    if not dry_run:
        pipeline.record_check_and_publish(summary, steps, inbox, quarantine_dir, run_started)
    summary.seconds = round(time.monotonic() - t0, 2)
    result = {**asdict(summary), "reprocess": planned.report(dry_run=dry_run)}
    steps.log.info("reprocess %s: %s", summary.run_id, result)
    return result


def _day(iso: str | None) -> date | None:
    return date.fromisoformat(iso) if iso else None
