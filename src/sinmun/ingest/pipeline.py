"""An ingest run's steps and its accounting, without an orchestrator.

The ingest flow (``flows/ingest.py``), the reprocess flow (``flows/reprocess.py``) and the benchmark's Prefect-free
pipeline (``bench/plain_ingest.py``) run this same code; they differ only in how a step is carried out, which they
say with ``Steps``: the flows pass their Prefect tasks (each a task over one of the functions below) and submit
staging to their task runner (threads, or Dask workers); the benchmark passes the functions themselves and a thread
pool's ``submit``.

A run, holding the warehouse's writer lock (``ingest_inbox``):

1. discover the page files and their metadata;
2. select the new ones by content hash (duplicates skipped, the older delivery of a page refused);
3. stage the new pages batch by batch, at most ``staged_ahead`` batches ahead of the load (``stage_and_load``);
4. load each staged batch in its own transaction, in batch order, on the run's one writing connection;
5. record the run and run the data checks (a failure undoes the run's loads);
6. publish.

Every file seen is counted, in the run's ``IngestSummary``, as loaded, skipped as a duplicate or quarantined.
"""

from __future__ import annotations

import logging
import time
from collections import deque
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import asdict, dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from sinmun import morphology
from sinmun.ingest import quarantine
from sinmun.ingest.console import IngestProgress
from sinmun.ingest.discover import Discovery, PageFile, discover
from sinmun.ingest.load import load_staged_batch
from sinmun.ingest.precheck import new_run_id, summary_line
from sinmun.ingest.stage import (
    DEFAULT_MAX_PAGE_BYTES,
    StagedBatch,
    keep_run_versions,
    make_run_staging,
    remove_run_staging,
    remove_stale_staging,
    select_new_pages,
    stage_batch,
)
from sinmun.store import warehouse

DEFAULT_BATCH_PAGES = 200
# Batches staged ahead of the load: enough to keep both cores busy (Kiwi's threads and the rules overlap across
# batches), few enough that memory does not grow with the inbox. Dask runs pass more (two per worker).
DEFAULT_STAGED_AHEAD = 4

UNKNOWN_METADATA_WARNING = (
    "%d loaded page(s) have no publication date or page number (date key -1, page id path:<file>): list them in "
    "the inbox's manifest.csv (path,publication,date,page) and run `sinmun reprocess INBOX`"
)


@dataclass
class IngestSummary:
    run_id: str
    warehouse: str
    published: str | None
    pages_seen: int = 0
    pages_loaded: int = 0
    pages_skipped_duplicate: int = 0
    pages_quarantined: int = 0
    pages_deferred: int = 0  # left for a later run: still being written, or held back by a refusal recorded before
    # Files refused again for a refusal recorded before and still standing (a manifest row still wrong): no new
    # quarantine row; counted among pages_deferred (see ``sinmun.ingest.quarantine.held_back``).
    held_back: list[str] = field(default_factory=list)
    articles: int = 0
    mentions: int = 0
    loads: list[str] = field(default_factory=list)
    # For each page delivered twice in this run: which version was loaded and why (the other is ``same-page``).
    page_decisions: list[str] = field(default_factory=list)
    seconds: float = 0.0
    # Current pages loaded without a publication date or page number (date key -1, page id path:<file>), in the
    # whole warehouse: a manifest naming them, then `sinmun reprocess`, fixes them.
    pages_without_date_or_page: int = 0
    flow_run_id: str | None = None  # the orchestrator's id of the run (Prefect's flow run), if any
    # Time per stage (s): discover, select (hashing), read, decode+hash, segment, entities, normalize, stage-write
    # (summed over batches, which may stage concurrently), load, record, checks, publish.
    stage_seconds: dict[str, float] = field(default_factory=dict)

    def add_seconds(self, stage: str, seconds: float) -> None:
        self.stage_seconds[stage] = round(self.stage_seconds.get(stage, 0.0) + seconds, 4)

    def reconciles(self) -> bool:
        """Every file seen is loaded, skipped as a duplicate or quarantined."""
        return self.pages_seen == self.pages_loaded + self.pages_skipped_duplicate + self.pages_quarantined

    def count_load(self, batch: StagedBatch, load_id: str | None) -> None:
        """A batch loaded (or a batch of refusals recorded): its load and its pages, refusals and rows."""
        if load_id:
            self.loads.append(load_id)
        self.pages_loaded += batch.pages
        self.pages_quarantined += len(batch.quarantined)
        self.articles += batch.articles
        self.mentions += batch.mentions


# --- the steps, as plain functions (the flows' tasks wrap them; their arguments are paths and ids) -------------


def discover_pages(inbox: str, settle_seconds: float, only_date: str | None) -> Discovery:
    return discover(
        Path(inbox), settle_seconds=settle_seconds, only_date=date.fromisoformat(only_date) if only_date else None
    )


def stage_pages(
    pages: list[PageFile], batch_number: int, staging_dir: str, max_bytes: int, on_pages_done=None
) -> StagedBatch:
    """Read, parse, extract and normalize one batch into Parquet files (CPU-bound; never touches DuckDB).
    ``on_pages_done`` (staging in the run's own process only) hears of its pages as they are done."""
    return stage_batch(pages, batch_number=batch_number, staging_dir=Path(staging_dir), max_bytes=max_bytes,
                       on_pages_done=on_pages_done)  # fmt: skip


def load_pages(
    con, batch: StagedBatch, run_id: str, started_at: datetime, inbox: str, quarantine_dir: str
) -> tuple[str | None, list[str]]:
    """Commit the batch's rows and quarantine rows together (on the run's writing connection ``con``), then move
    its refused files to the quarantine folder. The load's id (None: nothing to load), and the refused files that
    could not be moved (``"<path>: <why>"``)."""
    summary, move_failures = load_staged_batch(
        con, batch, run_id=run_id, started_at=started_at, inbox=Path(inbox), quarantine_dir=Path(quarantine_dir)
    )
    return (summary.load_id if summary else None), move_failures


def record_run(warehouse_path: str, summary: dict, inbox: str, started_at: datetime) -> None:
    with warehouse.connect(Path(warehouse_path)) as con:
        warehouse.record_run(con, summary, inbox=inbox, started_at=started_at)


def run_checks(warehouse_path: str) -> dict[str, int]:
    with warehouse.connect(Path(warehouse_path)) as con:
        return warehouse.run_checks(con)


def publish(warehouse_path: str) -> str:
    return str(warehouse.publish(Path(warehouse_path)))


def run_now(step: Callable, *args: Any) -> Future:
    """Submit a step to run in this thread, now: its future, already done (or failed)."""
    future: Future = Future()
    try:
        future.set_result(step(*args))
    except Exception as err:
        future.set_exception(err)
    return future


@dataclass(frozen=True)
class Steps:
    """How a run carries out its steps: each step is called as ``step(*args)``, in the run's thread, except
    staging, which is started with ``submit(stage, *args)`` and returns a future (``.result()``), so that batches
    stage ahead of the load (on a thread pool, or on other processes and machines). ``log`` hears what the run has
    to say (the flow's run logger). ``stages_here``: staging runs in this process, so the progress bar can count a
    batch's pages as they are done."""

    log: logging.Logger | logging.LoggerAdapter
    submit: Callable[..., Any] = run_now
    discover: Callable[..., Discovery] = discover_pages
    select: Callable = select_new_pages
    stage: Callable[..., StagedBatch] = stage_pages
    load: Callable[..., tuple[str | None, list[str]]] = load_pages
    record: Callable[..., None] = record_run
    check: Callable[..., dict[str, int]] = run_checks
    publish: Callable[..., str] = publish
    stages_here: bool = True


# --- a run ----------------------------------------------------------------------------------------------------


def ingest_inbox(
    inbox: str, warehouse_path: str, steps: Steps, *, quarantine_dir: str, batch_pages: int = DEFAULT_BATCH_PAGES,
    settle_seconds: float = 0.0, max_page_bytes: int = DEFAULT_MAX_PAGE_BYTES, progress: bool = False,
    only_date: str | None = None, staged_ahead: int = DEFAULT_STAGED_AHEAD, flow_run_id: str | None = None,
) -> dict:  # fmt: skip
    """Steps 1 to 6 of an ingest of ``inbox`` (the caller holds the warehouse's writer lock); the run's summary.
    The options are the ingest flow's parameters (``sinmun.flows.ingest.ingest_flow``)."""
    t0 = time.monotonic()
    path = Path(warehouse_path)
    summary, run_started = begin_run(path, steps, flow_run_id)
    # The run's one writing connection, for all its loads; closed (checkpointed) before the checks and publishing.
    with warehouse.connect(path) as con:
        warehouse.ensure_schema(con)
        loaded = frozenset(warehouse.loaded_page_versions(con))
        clock = time.perf_counter()
        found = steps.discover(inbox, settle_seconds, only_date)
        summary.add_seconds("discover", time.perf_counter() - clock)
        refusals = _count_discovery(con, summary, found, inbox, steps)
        with IngestProgress(len(found.pages), enabled=progress) as bar:
            clock = time.perf_counter()
            new_pages, duplicates, same_page, decisions = steps.select(found.pages, loaded, max_page_bytes)
            summary.add_seconds("select", time.perf_counter() - clock)
            summary.pages_skipped_duplicate += len(duplicates)
            summary.page_decisions += decisions
            bar.advance(len(duplicates) + len(same_page))
            # Files refused on discovery, and other versions of pages delivered twice, are the run's batch 0.
            refused = StagedBatch(batch_number=0, quarantined=refusals + same_page)
            _load(con, summary, refused, run_started, inbox, quarantine_dir, steps)
            stage_and_load(con, summary, new_pages, steps, inbox=inbox, quarantine_dir=quarantine_dir,
                           batch_pages=batch_pages, max_page_bytes=max_page_bytes, staged_ahead=staged_ahead,
                           bar=bar)  # fmt: skip
        count_pages_without_date_or_page(con, summary, steps)
    record_check_and_publish(summary, steps, inbox, quarantine_dir, run_started)
    summary.seconds = round(time.monotonic() - t0, 2)
    steps.log.info("ingest %s: %s", summary.run_id, summary_line(asdict(summary)))
    return asdict(summary)


def begin_run(path: Path, steps: Steps, flow_run_id: str | None = None) -> tuple[IngestSummary, datetime]:
    """A new run of the warehouse at ``path`` (holding its writer lock): its empty summary and start time (UTC),
    once what an interrupted run left (staging folders, half-written copies) is cleared."""
    run_started = datetime.now(UTC).replace(tzinfo=None)
    path.parent.mkdir(parents=True, exist_ok=True)
    cleared = remove_stale_staging(path) + warehouse.remove_stale_copies(path)
    if cleared:
        steps.log.info("cleared what an interrupted run left: %s", ", ".join(cleared))
    summary = IngestSummary(run_id=new_run_id(), warehouse=str(path), published=None, flow_run_id=flow_run_id)
    return summary, run_started


def _count_discovery(con, summary: IngestSummary, found: Discovery, inbox: str, steps: Steps) -> list[dict]:
    """Count what discovery found in ``summary``; the refusals to record (those not already standing)."""
    refusals, summary.held_back = quarantine.held_back(
        Path(inbox).resolve(),
        [{"source_path": r.source_path, "reason": r.reason, "detail": r.detail} for r in found.refused],
        warehouse.refusals_in_place(con),
    )
    summary.pages_seen = len(found.pages) + len(refusals)
    summary.pages_deferred = len(found.deferred) + len(summary.held_back)
    if found.future_dated:
        steps.log.warning(
            "%d file(s) modified more than the settling window in the future (a copied timestamp or a wrong clock), "
            "taken as settled: %s", len(found.future_dated), ", ".join(found.future_dated[:10]),
        )  # fmt: skip
    return refusals


def stage_and_load(
    con, summary: IngestSummary, pages_to_load: list[PageFile], steps: Steps, *, inbox: str, quarantine_dir: str,
    batch_pages: int, max_page_bytes: int, staged_ahead: int, bar: IngestProgress,
) -> None:  # fmt: skip
    """Stage ``pages_to_load`` batch by batch and load each batch in its own transaction (steps 3 and 4), counting
    them in ``summary``.

    Staging (parsing, Kiwi) is submitted with ``steps.submit``: on this process's threads, or on Dask workers.
    Loading stays here, one batch after another, in batch order: one writer. At most ``staged_ahead`` batches are
    staged ahead of the load, so memory stays flat however large the inbox. When the run fails or is interrupted,
    the batches still staging are abandoned at once (their Kiwi calls fail) instead of being waited for; the
    run's staging folder is removed either way."""
    run_pages: dict[str, PageFile] = {}  # page id -> the file loaded for it in this run
    batches = [pages_to_load[i : i + batch_pages] for i in range(0, len(pages_to_load), batch_pages)]
    in_flight = max(1, staged_ahead)
    staging = make_run_staging(Path(summary.warehouse), summary.run_id)

    def submit(number: int):
        # Pages are counted as they are done when batches stage in this process; from elsewhere, as they load.
        counter = bar.page_counter(number) if steps.stages_here else None
        return steps.submit(steps.stage, batches[number - 1], number, str(staging), max_page_bytes, counter)

    try:
        submitted = deque(submit(number) for number in range(1, min(in_flight, len(batches)) + 1))
        for number, pages in enumerate(batches, 1):
            started_at = datetime.now(UTC).replace(tzinfo=None)
            staged = submitted.popleft().result()
            if number + in_flight <= len(batches):
                submitted.append(submit(number + in_flight))
            staged = keep_run_versions(staged, pages, run_pages, staging_dir=staging, max_bytes=max_page_bytes)
            summary.page_decisions += staged.decisions
            for stage_name, spent in staged.seconds.items():
                summary.add_seconds(stage_name, spent)
            clock = time.perf_counter()
            _load(con, summary, staged, started_at, inbox, quarantine_dir, steps)
            summary.add_seconds("load", time.perf_counter() - clock)
            bar.batch_loaded(number, len(pages))
    except BaseException:
        morphology.abort_kiwi_process()
        raise
    finally:
        remove_run_staging(staging)


def _load(
    con, summary: IngestSummary, batch: StagedBatch, started_at: datetime, inbox: str, quarantine_dir: str,
    steps: Steps,
) -> None:  # fmt: skip
    load_id, move_failures = steps.load(con, batch, summary.run_id, started_at, inbox, quarantine_dir)
    if move_failures:
        steps.log.warning("quarantined files left in place: %s", "; ".join(move_failures))
    summary.count_load(batch, load_id)


def count_pages_without_date_or_page(con, summary: IngestSummary, steps: Steps) -> None:
    summary.pages_without_date_or_page = warehouse.pages_without_date_or_page(con)["pages_without_date_or_page"]
    if summary.pages_without_date_or_page:
        steps.log.info(UNKNOWN_METADATA_WARNING, summary.pages_without_date_or_page)


def record_check_and_publish(
    summary: IngestSummary, steps: Steps, inbox: str, quarantine_dir: str, run_started: datetime
) -> None:
    """Steps 5 and 6, once the run's loads are committed and its writing connection closed.

    A run that changed nothing leaves the warehouse exactly as it was (already checked and published by the run
    that made it so). A run that died after loading and before publishing left an unchecked, unpublished state:
    checked and published now."""
    path = Path(summary.warehouse)
    if not summary.loads and warehouse.published_is_current(path):
        summary.published = str(warehouse.published_path(path))
        return
    clock = time.perf_counter()
    if summary.loads:
        steps.record(str(path), asdict(summary), inbox, run_started)
    summary.add_seconds("record", time.perf_counter() - clock)
    clock = time.perf_counter()
    try:
        steps.check(str(path))
    except warehouse.ChecksFailed as failure:
        _undo_unchecked_loads(summary, steps, inbox, quarantine_dir, run_started, failure)
    summary.add_seconds("checks", time.perf_counter() - clock)
    clock = time.perf_counter()
    summary.published = steps.publish(str(path))
    summary.add_seconds("publish", time.perf_counter() - clock)


def _undo_unchecked_loads(
    summary: IngestSummary, steps: Steps, inbox: str, quarantine_dir: str, run_started: datetime,
    failure: warehouse.ChecksFailed,
) -> None:  # fmt: skip
    """A data check failed: the loads it guards never reach analysts, and must not stay in the way of the next run.

    The loader's file goes back to the published copy (the last state that passed the checks). The files this run
    loaded are quarantined (``failed-checks``, with the failing checks in the detail: `sinmun quarantine retry`
    brings them back once fixed), and the quarantine rows the restore drops are written again (their files were
    moved already). That state is recorded, checked and published, and the run fails with ``LoadsUndone``."""
    path = Path(summary.warehouse)
    failed = ", ".join(f"{name} ({len(rows)} row(s), e.g. {rows[0]})" for name, rows in failure.failures.items())
    with warehouse.connect(path, read_only=True) as con:
        loaded = warehouse.pages_of_loads(con, summary.loads)
    restored, earlier_refusals = warehouse.restore_published(path)
    steps.log.error("data checks failed: %s; the warehouse is back at %s", failed,
                    "its published state" if restored else "an empty warehouse (nothing was ever published)")  # fmt: skip
    detail = f"loaded by run {summary.run_id}, whose data checks failed and whose loads were undone: {failed}"
    set_aside = [{"source_path": page["source_path"], "reason": "failed-checks", "detail": detail,
                  "sha256": page["sha256"]} for page in loaded]  # fmt: skip
    planned = quarantine.plan_moves(Path(inbox), Path(quarantine_dir), summary.run_id, set_aside)
    summary.pages_quarantined += len(loaded)
    summary.pages_loaded = summary.articles = summary.mentions = 0
    with warehouse.connect(path) as con:
        warehouse.ensure_schema(con)
        undo = warehouse.load_batch(con, {}, run_id=summary.run_id, batch_number=0, started_at=run_started,
                                    quarantined=earlier_refusals + planned)  # fmt: skip
        summary.loads = [undo.load_id]
        warehouse.record_run(con, asdict(summary), inbox=inbox, started_at=run_started)
    moved = quarantine.move_files(Path(inbox), planned)
    if moved.failures:
        steps.log.warning("quarantined files left in place: %s", "; ".join(moved.failures))
    with warehouse.connect(path, read_only=True) as con:
        warehouse.run_checks(con)
    summary.published = str(warehouse.publish(path))
    raise warehouse.LoadsUndone(
        f"data checks failed ({failed}): this run's loads were undone and its {len(loaded)} loaded file(s) "
        f"quarantined as failed-checks (see `sinmun quarantine list`); the warehouse is back at its last checked "
        "state, published, and the next run goes on from there"
    ) from failure
