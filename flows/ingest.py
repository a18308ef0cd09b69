"""The ingest flow: a folder of page files into the warehouse, once and exactly once.

Steps (each task works on a batch of pages, never on one page or article):

1. discover the page files and their metadata (manifest, layout, else the page header);
2. select the new ones: hash each file; content already loaded (any version), or seen earlier in this run under
   another name, is skipped as a duplicate; of two files of one page in this run, the newer delivery is kept and
   the other refused (``same-page``);
3. stage each batch: read, refuse bad files, parse, extract entities, write the batch's rows as Parquet
   (on this process, or on Dask workers);
4. load each staged batch into DuckDB in one transaction, with its refused files' quarantine rows and its row
   in the load ledger; then move the refused files out of the inbox to the quarantine folder;
5. record the run's accounting of every file, then run the data checks; if any fails, undo the loads it guards
   (the warehouse goes back to its published state, the last that passed them), quarantine the run's loaded
   files (``failed-checks``) and fail the run, so that the next run starts from a checked state;
6. publish the warehouse to the analysts' read-only copy.

A run killed at any moment leaves complete loads or none; the next run clears what it left behind (staging
folders, half-written copies) and goes on from what is loaded.
"""

from __future__ import annotations

from pathlib import Path

from prefect import flow, get_run_logger, task
from prefect.cache_policies import NO_CACHE

from sinmun.ingest import pipeline, quarantine
from sinmun.ingest.lock import writer_lock
from sinmun.ingest.pipeline import DEFAULT_BATCH_PAGES, DEFAULT_STAGED_AHEAD, Steps
from sinmun.ingest.stage import DEFAULT_MAX_PAGE_BYTES, select_new_pages

# The steps as tasks, each over a batch of pages (``sinmun.ingest.pipeline`` says what each does). Tasks are never
# cached: what was loaded is the warehouse's ledger, read at each run's start (Prefect's default cache policy would
# only hash every task's inputs, thousands of page descriptions, for nothing).
discover_pages = task(name="discover-pages", cache_policy=NO_CACHE)(pipeline.discover_pages)
select_new = task(name="select-new-pages", cache_policy=NO_CACHE)(select_new_pages)
stage = task(name="stage-batch", cache_policy=NO_CACHE)(pipeline.stage_pages)
load = task(name="load-batch", cache_policy=NO_CACHE)(pipeline.load_pages)
record = task(name="record-run", cache_policy=NO_CACHE)(pipeline.record_run)
check = task(name="run-checks", cache_policy=NO_CACHE)(pipeline.run_checks)
publish = task(name="publish", cache_policy=NO_CACHE)(pipeline.publish)


@flow(name="sinmun-ingest", log_prints=True)
def ingest_flow(
    inbox: str,
    warehouse_path: str,
    batch_pages: int = DEFAULT_BATCH_PAGES,
    settle_seconds: float = 0.0,
    max_page_bytes: int = DEFAULT_MAX_PAGE_BYTES,
    progress: bool = False,
    wait_for_writer: bool = False,
    only_date: str | None = None,
    quarantine_dir: str | None = None,
    staged_ahead: int = DEFAULT_STAGED_AHEAD,
) -> dict:
    """Load the page files of ``inbox`` into the warehouse at ``warehouse_path``; returns the run's summary.

    Refused files are moved to ``quarantine_dir`` (default: ``quarantine/`` beside the warehouse). One writer at
    a time: the run holds ``<warehouse>.lock`` throughout; a second run fails at once with ``IngestBusy`` (or
    waits, with ``wait_for_writer``)."""
    refused_dir = quarantine.quarantine_dir_for(Path(warehouse_path), Path(inbox), quarantine_dir)
    with writer_lock(Path(warehouse_path), wait=wait_for_writer):
        return pipeline.ingest_inbox(
            inbox, warehouse_path, prefect_steps(), quarantine_dir=str(refused_dir), batch_pages=batch_pages,
            settle_seconds=settle_seconds, max_page_bytes=max_page_bytes, progress=progress, only_date=only_date,
            staged_ahead=staged_ahead, flow_run_id=current_flow_run_id(),
        )  # fmt: skip


def prefect_steps() -> Steps:
    """The run's steps as this module's tasks, staging submitted to the flow's task runner (in this process, or on
    Dask workers), the run's news to its Prefect log."""
    return Steps(
        log=get_run_logger(), submit=_submit, discover=discover_pages, select=select_new, stage=stage, load=load,
        record=record, check=check, publish=publish, stages_here=_stages_in_this_process(),
    )  # fmt: skip


def _submit(step, *args):
    """Start a step (one of the tasks above) on the flow's task runner; its Prefect future."""
    return step.submit(*args)


def current_flow_run_id() -> str | None:
    from prefect.runtime import flow_run

    run_id = flow_run.get_id()
    return str(run_id) if run_id else None


def _stages_in_this_process() -> bool:
    """Whether the flow's tasks run in this process (Prefect's thread pool), not on Dask workers."""
    from prefect.context import FlowRunContext
    from prefect.task_runners import ThreadPoolTaskRunner

    context = FlowRunContext.get()
    return context is not None and isinstance(context.task_runner, ThreadPoolTaskRunner)
