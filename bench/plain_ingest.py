"""The ingest pipeline without Prefect, to measure what Prefect costs (a benchmark tool, not a way to load).

    .venv/bin/python bench/plain_ingest.py INBOX WAREHOUSE [--batch-pages 200] [--staged-ahead 4]

It does the work of ``flows/ingest.py`` with the same building blocks, in the same order and with the same
concurrency: the writer lock, two malloc arenas, Kiwi in its own process (loading while the run starts), discovery, selection by
content hash, batches staged on a thread pool at most ``--staged-ahead`` ahead of the load, one load per batch
(refused files moved to quarantine), the run's record, the data checks and publishing. Only the orchestration
is missing: no Prefect import, no API server, no flow or task runs, no logs sent anywhere.
``pipeline_bench.py`` runs it beside ``sinmun ingest`` on the same inbox; the difference in wall time is
Prefect's overhead. ``tests/bench/test_plain_ingest.py`` checks that it loads exactly what the flow loads.
"""

from __future__ import annotations

import argparse
import json
import time
import uuid
from collections import deque
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from functools import partial
from pathlib import Path

from sinmun import morphology
from sinmun.ingest import quarantine
from sinmun.ingest.discover import discover
from sinmun.ingest.load import load_staged_batch
from sinmun.ingest.lock import writer_lock
from sinmun.ingest.run import cap_malloc_arenas
from sinmun.ingest.stage import (
    DEFAULT_MAX_PAGE_BYTES,
    StagedBatch,
    keep_run_versions,
    make_run_staging,
    remove_run_staging,
    select_new_pages,
    stage_batch,
)
from sinmun.store import warehouse


def plain_ingest(inbox: Path, path: Path, batch_pages: int = 200, staged_ahead: int = 4) -> dict:
    started = time.monotonic()
    cap_malloc_arenas()
    morphology.start_kiwi_process()
    try:
        with writer_lock(path, wait=False):
            return _ingest(inbox.resolve(), path.resolve(), batch_pages, staged_ahead, started)
    finally:
        morphology.stop_kiwi_process()


def _ingest(inbox: Path, path: Path, batch_pages: int, staged_ahead: int, started: float) -> dict:
    run_started = datetime.now(UTC).replace(tzinfo=None)
    run_id = datetime.now(UTC).strftime("%Y%m%dT%H%M%S") + "-" + uuid.uuid4().hex[:6]
    refused_dir = quarantine.default_quarantine_dir(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with warehouse.connect(path) as con:  # one writing connection for all the loads, as the flow has
        warehouse.ensure_schema(con)
        seen = warehouse.loaded_page_versions(con)
        found = discover(inbox)
        summary = {"run_id": run_id, "pages_seen": len(found.pages) + len(found.refused), "pages_loaded": 0,
                   "pages_skipped_duplicate": 0, "pages_quarantined": 0, "pages_deferred": len(found.deferred),
                   "articles": 0, "mentions": 0, "loads": [], "flow_run_id": None}  # fmt: skip
        refusals = [{"source_path": r.source_path, "reason": r.reason, "detail": r.detail} for r in found.refused]
        load = partial(_load, con, run_id=run_id, inbox=inbox, refused_dir=refused_dir, summary=summary)
        new, duplicates, same_page, _ = select_new_pages(found.pages, frozenset(seen), DEFAULT_MAX_PAGE_BYTES)
        load(StagedBatch(batch_number=0, quarantined=refusals + same_page), run_started)
        summary["pages_skipped_duplicate"] = len(duplicates)
        run_pages: dict = {}
        batches = [new[i : i + batch_pages] for i in range(0, len(new), batch_pages)]
        staging = make_run_staging(path, run_id)
        try:
            with ThreadPoolExecutor(max_workers=staged_ahead) as pool:
                submitted = deque(
                    pool.submit(stage_batch, pages, batch_number=n, staging_dir=staging)
                    for n, pages in enumerate(batches[:staged_ahead], 1)
                )
                for number in range(1, len(batches) + 1):
                    staged = submitted.popleft().result()
                    ahead = number + staged_ahead
                    if ahead <= len(batches):
                        submitted.append(pool.submit(stage_batch, batches[ahead - 1], batch_number=ahead,
                                                     staging_dir=staging))  # fmt: skip
                    staged = keep_run_versions(staged, batches[number - 1], run_pages, staging_dir=staging,
                                               max_bytes=DEFAULT_MAX_PAGE_BYTES)  # fmt: skip
                    load(staged, datetime.now(UTC).replace(tzinfo=None))
        finally:
            remove_run_staging(staging)
    if summary["loads"]:
        with warehouse.connect(path) as con:
            warehouse.record_run(con, summary, inbox=str(inbox), started_at=run_started)
        with warehouse.connect(path) as con:
            warehouse.run_checks(con)
        warehouse.publish(path)
    summary["seconds"] = round(time.monotonic() - started, 2)
    return summary


def _load(
    con, batch: StagedBatch, started_at: datetime, *, run_id: str, inbox: Path, refused_dir: Path, summary: dict
) -> None:
    loaded, _ = load_staged_batch(
        con, batch, run_id=run_id, started_at=started_at, inbox=inbox, quarantine_dir=refused_dir
    )
    if loaded is None:
        return
    summary["loads"].append(loaded.load_id)
    summary["pages_loaded"] += batch.pages
    summary["pages_quarantined"] += len(batch.quarantined)
    summary["articles"] += batch.articles
    summary["mentions"] += batch.mentions


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("inbox", type=Path)
    parser.add_argument("warehouse", type=Path)
    parser.add_argument("--batch-pages", type=int, default=200)
    parser.add_argument("--staged-ahead", type=int, default=4)
    args = parser.parse_args()
    summary = plain_ingest(args.inbox, args.warehouse, args.batch_pages, args.staged_ahead)
    print(json.dumps(summary))


if __name__ == "__main__":
    main()
