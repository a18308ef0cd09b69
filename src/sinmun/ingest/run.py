"""What a command-line run needs around its flow, without an orchestrator: the inbox checked, glibc's malloc arenas
capped, Kiwi in a process of its own, the loads committed since a time (for an interrupted run's message), a
reprocess answered from its plan alone, and the quarantine's retry and dismissal. The flows' side of a run (the
Prefect API, settings and log file, the task runner) is ``sinmun.flows.run``."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from datetime import UTC, datetime
from pathlib import Path

from sinmun.ingest.interrupt import CommittedLoads
from sinmun.ingest.lock import writer_lock
from sinmun.store.warehouse import default_warehouse


def checked_inbox(inbox: Path) -> Path:
    """The inbox's resolved path; NotADirectoryError saying what is there instead of a folder."""
    resolved = inbox.resolve()
    if resolved.is_dir():
        return resolved
    if resolved.exists():
        raise NotADirectoryError(f"the inbox {inbox} is a file, not a folder: give the folder the page files are in")
    raise NotADirectoryError(f"inbox not found: {resolved}")


def committed_since(path: Path, since: datetime) -> CommittedLoads | None:
    """The loads committed to the warehouse at ``path`` since ``since`` (UTC), for an interrupted run's message;
    None when they cannot be read."""
    from sinmun.store import warehouse

    try:
        loads, pages, quarantined = warehouse.loads_committed_since(path, since)
    except Exception:  # the count is for the message only; an unreadable file must not hide the interruption
        return None
    return CommittedLoads(loads, pages, quarantined)


def utcnow() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def cap_malloc_arenas() -> None:
    """Cap glibc's malloc arenas at two (M_ARENA_MAX) before the run starts its threads: by default every thread
    that allocates (staging threads, Prefect's, DuckDB's) may get an arena of its own, and memory freed in them is
    seldom returned, so the loader's resident memory crept up with the number of batches (an ingest of 10,000
    pages peaked at 578 MiB without the cap, 474 MiB with MALLOC_ARENA_MAX=2). Not glibc: nothing to do."""
    import ctypes
    import ctypes.util

    if not sys.platform.startswith("linux"):
        return
    with suppress(OSError, AttributeError):
        ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6").mallopt(-8, 2)  # M_ARENA_MAX


@contextmanager
def kiwi_process(wanted: bool) -> Iterator[None]:
    """Kiwi in a process of its own for the run's staging threads (see ``sinmun.morphology``); it loads (~3 s)
    while the run starts (the Prefect server boots). Dask workers use their own Kiwi. One already running (a backfill's) is used
    and left running."""
    from sinmun import morphology

    if not wanted or morphology.kiwi_process_running():
        yield
        return
    morphology.start_kiwi_process()
    try:
        yield
    except BaseException:
        morphology.abort_kiwi_process()  # the run is ending: no call still in flight is worth its answer
        raise
    finally:
        morphology.stop_kiwi_process()


def retry_quarantined(
    inbox: Path, *, warehouse_path: Path | None = None, reason: str = "", run_id: str = ""
) -> tuple[list[str], list[str]]:
    """Put quarantined files back in the inbox (holding the writer lock), for the next ingest to read again.

    Returns the paths put back, and ``"<path>: <why not>"`` for each file that could not be."""
    from sinmun.ingest.quarantine import restore_file
    from sinmun.store import warehouse

    path = (warehouse_path or default_warehouse()).resolve()
    if not path.exists():
        raise FileNotFoundError(f"no warehouse at {path}")
    restored, problems = [], []
    with writer_lock(path, wait=False):
        with warehouse.connect(path, read_only=True) as con:
            rows = warehouse.quarantined_files(con, reason=reason, run_id=run_id)
        for row in rows:
            if not row["quarantine_path"]:
                problems.append(f"{row['source_path']}: never moved ({row['reason']}); fix it where it is")
                continue
            problem = restore_file(Path(row["quarantine_path"]), inbox.resolve(), row["source_path"])
            if problem:
                problems.append(f"{row['source_path']}: {problem}")
            else:
                restored.append(row["source_path"])
    return restored, problems


def dismiss_quarantined(
    source_paths: list[str], *, warehouse_path: Path | None = None, reason: str = "", run_id: str = ""
) -> list[str]:
    """End open refusals that need no retry (holding the writer lock), then publish, so that analysts' listing
    shows it. Returns the paths dismissed."""
    from sinmun.store import warehouse

    path = warehouse.loader_path(warehouse_path or default_warehouse()).resolve()
    if not path.exists():
        raise FileNotFoundError(f"no warehouse at {path}")
    with writer_lock(path, wait=False):
        with warehouse.connect(path) as con:
            warehouse.ensure_schema(con)
            dismissed = warehouse.dismiss_refusals(con, source_paths=source_paths, reason=reason, run_id=run_id)
        if dismissed:
            warehouse.publish(path)
    return dismissed


def reprocess_from_plan(path: Path, inbox: Path, options: dict, *, dry_run: bool) -> dict | None:
    """A dry run, or a reprocess with nothing to read again whose published copy is current, answered from the plan
    alone (seconds: no Prefect, no Kiwi); None when pages are to be read (or published): the flow runs."""
    import time

    from sinmun.ingest.reprocess import plan_for_inbox
    from sinmun.store import warehouse

    started = time.monotonic()
    warehouse.check_layout(path)
    with warehouse.connect(path) as con:
        warehouse.ensure_schema(con)
        planned = plan_for_inbox(con, inbox, **options)
        missing = warehouse.pages_without_date_or_page(con)["pages_without_date_or_page"]
    if not dry_run and (planned.pages or not warehouse.published_is_current(path)):
        return None
    return {
        "warehouse": str(path), "published": str(warehouse.published_path(path)), "loads": [], "pages_seen": 0,
        "pages_loaded": 0, "pages_quarantined": 0, "articles": 0, "mentions": 0,
        "pages_without_date_or_page": missing, "seconds": round(time.monotonic() - started, 2),
        "reprocess": planned.report(dry_run=dry_run),
    }  # fmt: skip
