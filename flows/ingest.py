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

import time
from collections import deque
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path

from prefect import flow, get_run_logger, task
from prefect.cache_policies import NO_CACHE

from sinmun import morphology
from sinmun.ingest import quarantine
from sinmun.ingest.console import IngestProgress
from sinmun.ingest.discover import Discovery, PageFile, discover
from sinmun.ingest.load import load_staged_batch
from sinmun.ingest.lock import writer_lock
from sinmun.ingest.precheck import new_run_id, summary_line
from sinmun.ingest.stage import (
    DEFAULT_MAX_PAGE_BYTES,
    Selection,
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
    flow_run_id: str | None = None  # Prefect's id of the flow run (a scheduled run or a direct call)
    # Time per stage (s): discover, select (hashing), read, decode+hash, segment, entities, normalize, stage-write
    # (summed over batches, which may stage concurrently), load, record, checks, publish.
    stage_seconds: dict[str, float] = field(default_factory=dict)

    def add_seconds(self, stage: str, seconds: float) -> None:
        self.stage_seconds[stage] = round(self.stage_seconds.get(stage, 0.0) + seconds, 4)

    def reconciles(self) -> bool:
        """Every file seen is loaded, skipped as a duplicate or quarantined."""
        return self.pages_seen == self.pages_loaded + self.pages_skipped_duplicate + self.pages_quarantined


# Tasks are never cached: what was loaded is the warehouse's ledger, read at each run's start (Prefect's default
# cache policy would only hash every task's inputs, thousands of page descriptions, for nothing).
@task(name="discover-pages", cache_policy=NO_CACHE)
def discover_pages(inbox: str, settle_seconds: float, only_date: str | None) -> Discovery:
    return discover(
        Path(inbox), settle_seconds=settle_seconds, only_date=date.fromisoformat(only_date) if only_date else None
    )


@task(name="select-new-pages", cache_policy=NO_CACHE)
def select_new(
    pages: list[PageFile], loaded_hashes: frozenset[str], max_bytes: int = DEFAULT_MAX_PAGE_BYTES
) -> Selection:
    """The new pages, the source paths of duplicates (by content hash) and the other versions of pages delivered
    twice (see ``select_new_pages``)."""
    return select_new_pages(pages, loaded_hashes, max_bytes)


@task(name="stage-batch", cache_policy=NO_CACHE)
def stage(pages, batch_number: int, staging_dir: str, max_bytes: int, on_pages_done=None) -> StagedBatch:
    """Read, parse, extract and normalize one batch into Parquet files (CPU-bound; never touches DuckDB).
    ``on_pages_done`` (staging in the flow's process only) hears of its pages as they are done."""
    return stage_batch(pages, batch_number=batch_number, staging_dir=Path(staging_dir), max_bytes=max_bytes,
                       on_pages_done=on_pages_done)  # fmt: skip


@task(name="load-batch", cache_policy=NO_CACHE)
def load(con, batch: StagedBatch, run_id: str, started_at: datetime, inbox: str, quarantine_dir: str) -> str | None:
    """Commit the batch's rows and quarantine rows together (on the run's writing connection ``con``), then move
    its refused files to the quarantine folder."""
    summary, move_failures = load_staged_batch(
        con, batch, run_id=run_id, started_at=started_at, inbox=Path(inbox), quarantine_dir=Path(quarantine_dir)
    )
    if move_failures:
        get_run_logger().warning("quarantined files left in place: %s", "; ".join(move_failures))
    return summary.load_id if summary else None


@task(name="record-run", cache_policy=NO_CACHE)
def record(warehouse_path: str, summary: dict, inbox: str, started_at: datetime) -> None:
    with warehouse.connect(Path(warehouse_path)) as con:
        warehouse.record_run(con, summary, inbox=inbox, started_at=started_at)


@task(name="run-checks", cache_policy=NO_CACHE)
def check(warehouse_path: str) -> dict[str, int]:
    with warehouse.connect(Path(warehouse_path)) as con:
        return warehouse.run_checks(con)


@task(name="publish", cache_policy=NO_CACHE)
def publish(warehouse_path: str) -> str:
    return str(warehouse.publish(Path(warehouse_path)))


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
    path = Path(warehouse_path)
    refused_dir = Path(quarantine_dir) if quarantine_dir else quarantine.default_quarantine_dir(path)
    if refused_dir.resolve().is_relative_to(Path(inbox).resolve()):
        raise quarantine.QuarantineInsideInbox(
            f"the quarantine folder {refused_dir} must not lie inside the inbox {inbox}"
        )
    with writer_lock(path, wait=wait_for_writer):
        return _ingest(
            inbox, warehouse_path, batch_pages, settle_seconds, max_page_bytes, progress, only_date, str(refused_dir),
            staged_ahead,
        )  # fmt: skip


def _ingest(
    inbox: str,
    warehouse_path: str,
    batch_pages: int,
    settle_seconds: float,
    max_page_bytes: int,
    progress: bool,
    only_date: str | None,
    quarantine_dir: str,
    staged_ahead: int,
) -> dict:
    logger = get_run_logger()
    t0 = time.monotonic()
    path = Path(warehouse_path)
    summary, run_started = begin_run(path)
    run_id = summary.run_id
    # The run's one writing connection, for all its loads; closed (checkpointed) before the checks and publishing.
    with warehouse.connect(path) as con:
        warehouse.ensure_schema(con)
        loaded = frozenset(warehouse.loaded_page_versions(con))
        _load_new_pages(con, summary, inbox, loaded, run_started, batch_pages, settle_seconds, max_page_bytes,
                        progress, only_date, quarantine_dir, staged_ahead)  # fmt: skip
        count_pages_without_date_or_page(con, summary)
    record_check_and_publish(summary, inbox, quarantine_dir, run_started)
    summary.seconds = round(time.monotonic() - t0, 2)
    logger.info("ingest %s: %s", run_id, summary_line(asdict(summary)))
    return asdict(summary)


def begin_run(path: Path) -> tuple[IngestSummary, datetime]:
    """A new run of the warehouse at ``path`` (holding its writer lock): its empty summary and start time (UTC),
    once what an interrupted run left (staging folders, half-written copies) is cleared."""
    run_started = datetime.now(UTC).replace(tzinfo=None)
    run_id = new_run_id()
    path.parent.mkdir(parents=True, exist_ok=True)
    cleared = remove_stale_staging(path) + warehouse.remove_stale_copies(path)
    if cleared:
        get_run_logger().info("cleared what an interrupted run left: %s", ", ".join(cleared))
    return IngestSummary(run_id=run_id, warehouse=str(path), published=None, flow_run_id=_flow_run_id()), run_started


def count_pages_without_date_or_page(con, summary: IngestSummary) -> None:
    summary.pages_without_date_or_page = warehouse.pages_without_date_or_page(con)["pages_without_date_or_page"]
    if summary.pages_without_date_or_page:
        get_run_logger().info(UNKNOWN_METADATA_WARNING, summary.pages_without_date_or_page)


UNKNOWN_METADATA_WARNING = (
    "%d loaded page(s) have no publication date or page number (date key -1, page id path:<file>): list them in "
    "the inbox's manifest.csv (path,publication,date,page) and run `sinmun reprocess INBOX`"
)


def record_check_and_publish(summary: IngestSummary, inbox: str, quarantine_dir: str, run_started: datetime) -> None:
    """Steps 5 and 6, once the run's loads are committed and its writing connection closed.

    A run that changed nothing leaves the warehouse exactly as it was (already checked and published by the run
    that made it so). A run that died after loading and before publishing left an unchecked, unpublished state:
    checked and published now."""
    path = Path(summary.warehouse)
    clock = time.perf_counter()
    if summary.loads or not warehouse.published_is_current(path):
        if summary.loads:
            record(str(path), asdict(summary), inbox, run_started)
        summary.add_seconds("record", time.perf_counter() - clock)
        clock = time.perf_counter()
        try:
            check(str(path))
        except warehouse.ChecksFailed as failure:
            _undo_unchecked_loads(summary, inbox, quarantine_dir, run_started, failure)
        summary.add_seconds("checks", time.perf_counter() - clock)
        clock = time.perf_counter()
        summary.published = publish(str(path))
        summary.add_seconds("publish", time.perf_counter() - clock)
    else:
        summary.published = str(warehouse.published_path(path))


def _load_new_pages(
    con, summary: IngestSummary, inbox: str, loaded: frozenset[str], run_started: datetime, batch_pages: int,
    settle_seconds: float, max_page_bytes: int, progress: bool, only_date: str | None, quarantine_dir: str,
    staged_ahead: int,
) -> None:  # fmt: skip
    """Discover, select, stage and load (steps 1 to 4), counting every file in ``summary``."""
    path = Path(summary.warehouse)
    run_id = summary.run_id
    clock = time.perf_counter()
    found = discover_pages(inbox, settle_seconds, only_date)
    summary.add_seconds("discover", time.perf_counter() - clock)
    refusals, summary.held_back = quarantine.held_back(
        Path(inbox).resolve(),
        [{"source_path": r.source_path, "reason": r.reason, "detail": r.detail} for r in found.refused],
        warehouse.refusals_in_place(con),
    )
    summary.pages_seen = len(found.pages) + len(refusals)
    summary.pages_deferred = len(found.deferred) + len(summary.held_back)
    if found.future_dated:
        get_run_logger().warning(
            "%d file(s) modified more than the settling window in the future (a copied timestamp or a wrong clock), "
            "taken as settled: %s", len(found.future_dated), ", ".join(found.future_dated[:10]),
        )  # fmt: skip
    bar = IngestProgress(len(found.pages), enabled=progress)
    # Pages are counted as they are done when batches stage in this process; from Dask workers, as they load.
    counter = bar.page_counter if _stages_in_this_process() else lambda _batch_number: None
    staging = make_run_staging(path, run_id)
    try:
        clock = time.perf_counter()
        new_pages, duplicates, same_page, decisions = select_new(found.pages, loaded, max_page_bytes)
        summary.add_seconds("select", time.perf_counter() - clock)
        summary.pages_skipped_duplicate += len(duplicates)
        summary.page_decisions += decisions
        bar.advance(len(duplicates) + len(same_page))
        # Files refused on discovery, and other versions of pages delivered twice, are the run's batch 0.
        refusals += same_page
        refused_load = load(con, StagedBatch(batch_number=0, quarantined=refusals), run_id, run_started, inbox,
                            quarantine_dir)  # fmt: skip
        if refused_load:
            summary.loads.append(refused_load)
        summary.pages_quarantined = len(refusals)
        stage_and_load(con, summary, new_pages, inbox=inbox, staging=staging, batch_pages=batch_pages,
                       max_page_bytes=max_page_bytes, quarantine_dir=quarantine_dir, staged_ahead=staged_ahead,
                       bar=bar, counter=counter)  # fmt: skip
    except BaseException:
        # The run is ending (interrupted, or a load failed): the batches still staging are abandoned now (their
        # Kiwi calls fail at once) instead of Prefect's task runner waiting for them to finish.
        morphology.abort_kiwi_process()
        raise
    finally:
        remove_run_staging(staging)
        bar.close()


def stage_and_load(
    con, summary: IngestSummary, pages_to_load: list[PageFile], *, inbox: str, staging: Path, batch_pages: int,
    max_page_bytes: int, quarantine_dir: str, staged_ahead: int, bar: IngestProgress,
    counter: Callable[[int], Callable | None] = lambda _batch_number: None,
) -> None:  # fmt: skip
    """Stage ``pages_to_load`` batch by batch and load each batch in its own transaction (steps 3 and 4), counting
    them in ``summary``. The caller ends Kiwi's calls in flight when this raises, and removes ``staging``."""
    run_id = summary.run_id
    run_pages: dict[str, PageFile] = {}  # page id -> the file loaded for it in this run
    batches = [pages_to_load[i : i + batch_pages] for i in range(0, len(pages_to_load), batch_pages)]
    # Staging (parsing, Kiwi) runs on the task runner: in this process, or on Dask workers with --workers or
    # --dask-address. Loading stays here, one batch after another, in batch order: one writer. At most
    # ``in_flight`` batches are staged ahead of the load, so memory stays flat however large the inbox.
    in_flight = max(1, staged_ahead)
    submitted = deque(
        stage.submit(pages, n, str(staging), max_page_bytes, counter(n))
        for n, pages in enumerate(batches[:in_flight], 1)
    )
    for number, pages in enumerate(batches, 1):
        started_at = datetime.now(UTC).replace(tzinfo=None)
        staged = submitted.popleft().result()
        ahead = number + in_flight
        if ahead <= len(batches):
            submitted.append(stage.submit(batches[ahead - 1], ahead, str(staging), max_page_bytes, counter(ahead)))
        staged = keep_run_versions(staged, pages, run_pages, staging_dir=staging, max_bytes=max_page_bytes)
        summary.page_decisions += staged.decisions
        for stage_name, spent in staged.seconds.items():
            summary.add_seconds(stage_name, spent)
        clock = time.perf_counter()
        load_id = load(con, staged, run_id, started_at, inbox, quarantine_dir)
        summary.add_seconds("load", time.perf_counter() - clock)
        if load_id:
            summary.loads.append(load_id)
        summary.pages_loaded += staged.pages
        summary.pages_quarantined += len(staged.quarantined)
        summary.articles += staged.articles
        summary.mentions += staged.mentions
        bar.batch_loaded(number, len(pages))


def _undo_unchecked_loads(
    summary: IngestSummary, inbox: str, quarantine_dir: str, run_started: datetime, failure: warehouse.ChecksFailed
) -> None:
    """A data check failed: the loads it guards never reach analysts, and must not stay in the way of the next run.

    The loader's file goes back to the published copy (the last state that passed the checks). The files this run
    loaded are quarantined (``failed-checks``, with the failing checks in the detail: `sinmun quarantine retry`
    brings them back once fixed), and the quarantine rows the restore drops are written again (their files were
    moved already). That state is recorded, checked and published, and the run fails with ``LoadsUndone``."""
    logger = get_run_logger()
    path = Path(summary.warehouse)
    failed = ", ".join(f"{name} ({len(rows)} row(s), e.g. {rows[0]})" for name, rows in failure.failures.items())
    with warehouse.connect(path, read_only=True) as con:
        loaded = warehouse.pages_of_loads(con, summary.loads)
    restored, earlier_refusals = warehouse.restore_published(path)
    logger.error("data checks failed: %s; the warehouse is back at %s", failed,
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
        logger.warning("quarantined files left in place: %s", "; ".join(moved.failures))
    with warehouse.connect(path, read_only=True) as con:
        warehouse.run_checks(con)
    summary.published = str(warehouse.publish(path))
    raise warehouse.LoadsUndone(
        f"data checks failed ({failed}): this run's loads were undone and its {len(loaded)} loaded file(s) "
        f"quarantined as failed-checks (see `sinmun quarantine list`); the warehouse is back at its last checked "
        "state, published, and the next run goes on from there"
    ) from failure


def _flow_run_id() -> str | None:
    from prefect.runtime import flow_run

    run_id = flow_run.get_id()
    return str(run_id) if run_id else None


def _stages_in_this_process() -> bool:
    """Whether the flow's tasks run in this process (Prefect's thread pool), not on Dask workers."""
    from prefect.context import FlowRunContext
    from prefect.task_runners import ThreadPoolTaskRunner

    context = FlowRunContext.get()
    return context is not None and isinstance(context.task_runner, ThreadPoolTaskRunner)
