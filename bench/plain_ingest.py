"""The ingest pipeline without Prefect, to measure what Prefect costs (a benchmark tool, not a way to load).

    .venv/bin/python bench/plain_ingest.py INBOX WAREHOUSE [--batch-pages 200] [--staged-ahead 4]

It runs the very code the ingest flow runs (``sinmun.ingest.pipeline.ingest_inbox``: discovery, selection by
content hash, batches staged on a thread pool at most ``--staged-ahead`` ahead of the load, one load per batch
with refused files moved to quarantine, the run's record, the data checks and publishing), with the flow's
surroundings: the writer lock, two malloc arenas, Kiwi in its own process (loading while the run starts). Only
the orchestration is missing: its steps are plain function calls and staging goes to a thread pool, so there is
no Prefect import, no API server, no flow or task runs, no logs sent anywhere.
``pipeline_bench.py`` runs it beside ``sinmun ingest`` on the same inbox; the difference in wall time is
Prefect's overhead. ``tests/bench/test_plain_ingest.py`` checks that it loads exactly what the flow loads.
"""

from __future__ import annotations

import argparse
import json
import logging
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from sinmun import morphology
from sinmun.ingest import quarantine
from sinmun.ingest.lock import writer_lock
from sinmun.ingest.pipeline import DEFAULT_BATCH_PAGES, DEFAULT_STAGED_AHEAD, Steps, ingest_inbox
from sinmun.ingest.run import cap_malloc_arenas


def plain_ingest(
    inbox: Path, path: Path, batch_pages: int = DEFAULT_BATCH_PAGES, staged_ahead: int = DEFAULT_STAGED_AHEAD
) -> dict:
    started = time.monotonic()
    inbox, path = inbox.resolve(), path.resolve()
    cap_malloc_arenas()
    morphology.start_kiwi_process()
    try:
        with writer_lock(path, wait=False), ThreadPoolExecutor(max_workers=staged_ahead) as pool:
            steps = Steps(log=logging.getLogger("plain_ingest"), submit=pool.submit)
            refused_dir = quarantine.quarantine_dir_for(path, inbox, None)
            summary = ingest_inbox(str(inbox), str(path), steps, quarantine_dir=str(refused_dir),
                                   batch_pages=batch_pages, staged_ahead=staged_ahead)  # fmt: skip
    finally:
        morphology.stop_kiwi_process()
    summary["seconds"] = round(time.monotonic() - started, 2)  # start-up included, as `sinmun ingest` reports it
    return summary


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("inbox", type=Path)
    parser.add_argument("warehouse", type=Path)
    parser.add_argument("--batch-pages", type=int, default=DEFAULT_BATCH_PAGES)
    parser.add_argument("--staged-ahead", type=int, default=DEFAULT_STAGED_AHEAD)
    args = parser.parse_args()
    summary = plain_ingest(args.inbox, args.warehouse, args.batch_pages, args.staged_ahead)
    print(json.dumps(summary, default=str))


if __name__ == "__main__":
    main()
