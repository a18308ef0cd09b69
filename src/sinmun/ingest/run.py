"""Run the ingest flow for the command line: one writer at a time, Prefect configured for offline use."""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext, suppress
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from sinmun.ingest.console import log_prefect_to_file, prefect_log_path, quiet_prefect_console
from sinmun.ingest.interrupt import (
    CommittedLoads,
    IngestInterrupted,
    is_interruption,
    signal_of,
    stopping_on_signals,
)
from sinmun.ingest.lock import writer_lock
from sinmun.ingest.precheck import check_for_work
from sinmun.ingest.prefect_server import TemporaryPrefectServer, is_temporary_api
from sinmun.store.warehouse import default_warehouse


def configure_prefect() -> None:
    # Telemetry calls fail offline and slow every start; users may still override any of these. The client's own
    # telemetry (DO_NOT_TRACK) also prints a notice on a terminal's first run.
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    os.environ.setdefault("DO_NOT_TRACK", "1")
    os.environ.setdefault("PREFECT_UI_ENABLED", "false")


def checked_inbox(inbox: Path) -> Path:
    """The inbox's resolved path; NotADirectoryError saying what is there instead of a folder."""
    resolved = inbox.resolve()
    if resolved.is_dir():
        return resolved
    if resolved.exists():
        raise NotADirectoryError(f"the inbox {inbox} is a file, not a folder: give the folder the page files are in")
    raise NotADirectoryError(f"inbox not found: {resolved}")


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
    workers: int | None = None,
    dask_address: str | None = None,
    quarantine_dir: Path | None = None,
    say: Callable[[str], None] | None = None,
    console_log_level: str = "WARNING",
) -> dict:
    """Run the ingest flow, unless the inbox has nothing new (``sinmun.ingest.precheck``): then return the run's
    summary without starting Prefect or Kiwi. ``say`` receives one-line news of the run's start for the user;
    Prefect's own log lines go to ``<warehouse>.log`` beside the warehouse (``sinmun.ingest.console``), and to the
    console only from ``console_log_level`` up."""
    path = (warehouse_path or default_warehouse()).resolve()
    inbox = checked_inbox(inbox)
    cap_malloc_arenas()
    # Take the writer lock before Prefect starts (seconds): a second ingest is told at once that one is running.
    # SIGINT and SIGTERM stop the run in order, within seconds (``sinmun.ingest.interrupt``).
    with stopping_on_signals("sinmun ingest") as stop, writer_lock(path, wait=wait):
        locked_at = _utcnow()
        try:
            precheck = check_for_work(inbox, path, settle_seconds=settle_seconds, max_page_bytes=max_page_bytes,
                                      only_date=only_date)  # fmt: skip
            for warning in precheck.warnings if logging.getLevelName(console_log_level) <= logging.WARNING else ():
                print(f"sinmun ingest: warning: {warning}", file=sys.stderr)
            if precheck.summary is not None:
                if say:
                    say(f"nothing new: {precheck.already_loaded} pages loaded before, none to load")
                return precheck.summary
            if say:
                say(f"{precheck.work}: starting Prefect and Kiwi")
            quiet_prefect_console(console_log_level)
            with prefect_api() as server, _kiwi_process(not (workers or dask_address)):
                from sinmun.store.warehouse import check_layout

                check_layout(path)  # refuse another table layout before the flow starts
                import sinmun.flows.ingest  # noqa: F401  (Prefect's import, ~1.5 s, also overlaps the server's boot)

                log_prefect_to_file(prefect_log_path(path), console_log_level)
                if server:
                    server.wait_ready()
                return _run_flow(inbox, path, batch_pages, settle_seconds, max_page_bytes, wait, progress,
                                 only_date, workers, dask_address, quarantine_dir)  # fmt: skip
        except BaseException as err:
            # The signal's own exception, or whatever it turned into (DuckDB: "Query interrupted").
            if not (is_interruption(err) or stop.received):
                raise
            # The helpers are stopped and the flow's connection closed; the lock is still held: what the ledger
            # holds since it was taken is this run's.
            raise IngestInterrupted(stop.received or signal_of(err), _committed_since(path, locked_at)) from None


def _committed_since(path: Path, since: datetime) -> CommittedLoads | None:
    from sinmun.store import warehouse

    try:
        loads, pages, quarantined = warehouse.loads_committed_since(path, since)
    except Exception:  # the count is for the message only; an unreadable file must not hide the interruption
        return None
    return CommittedLoads(loads, pages, quarantined)


def _utcnow() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def _run_flow(
    inbox: Path, path: Path, batch_pages: int, settle_seconds: float, max_page_bytes: int, wait: bool,
    progress: bool, only_date: date | None, workers: int | None, dask_address: str | None,
    quarantine_dir: Path | None,
) -> dict:  # fmt: skip
    parameters = dict(
        inbox=str(inbox), warehouse_path=str(path), batch_pages=batch_pages, settle_seconds=settle_seconds,
        max_page_bytes=max_page_bytes, progress=progress, wait_for_writer=wait,
        only_date=only_date.isoformat() if only_date else None,
        quarantine_dir=str(quarantine_dir.resolve()) if quarantine_dir else None,
    )  # fmt: skip
    from sinmun.flows.ingest import ingest_flow

    with flow_run_settings():
        if not (workers or dask_address):
            return ingest_flow(**parameters)
        from prefect_dask import DaskTaskRunner

        parameters["staged_ahead"] = 2 * (workers or 8)  # keep every Dask worker busy
        if dask_address:
            runner = DaskTaskRunner(address=dask_address)
        else:
            runner = DaskTaskRunner(cluster_kwargs={"n_workers": workers, "threads_per_worker": 1, "processes": True})
        return ingest_flow.with_options(task_runner=runner)(**parameters)


def flow_run_settings() -> AbstractContextManager:
    """Prefect's settings for the flow run. With the run's own temporary server, no flow-run heartbeats: they
    let a long-running server's automations spot a crashed run, but this server ends with the run, and Prefect
    ends a flow run by waiting for the heartbeat thread's one-second sleep (1 s of every run). Against a
    configured ``PREFECT_API_URL``, Prefect's settings as they are. Nor links to its UI in the log ("View at
    http://127.0.0.1:<port>/runs/..."): the temporary server has no UI, and is gone when the run ends."""
    if not is_temporary_api(os.environ.get("PREFECT_API_URL")):
        return nullcontext()
    from prefect.settings import PREFECT_FLOWS_HEARTBEAT_FREQUENCY, PREFECT_UI_URL, temporary_settings

    return temporary_settings(updates={PREFECT_FLOWS_HEARTBEAT_FREQUENCY: None, PREFECT_UI_URL: ""})


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
def _kiwi_process(wanted: bool) -> Iterator[None]:
    """Kiwi in a process of its own for the run's staging threads (see ``sinmun.morphology``); it loads (~3 s)
    while the Prefect server boots. Dask workers use their own Kiwi. One already running (a backfill's) is used
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


@contextmanager
def prefect_api() -> Iterator[TemporaryPrefectServer | None]:
    """The run's Prefect API: ``PREFECT_API_URL`` when set (a long-running server), else a temporary server for
    this run, started now (its boot overlaps the run's start) and shared with Dask workers; yields it, or None."""
    configure_prefect()
    if os.environ.get("PREFECT_API_URL") or "prefect" in sys.modules:
        # A server is configured, or Prefect is already imported here (a test, a notebook: its settings are
        # fixed, and Prefect starts its ephemeral server itself if it needs one).
        yield None
        return
    server = TemporaryPrefectServer()
    server.start()
    try:
        yield server
    except BaseException as err:
        _stop_server(server, drain_seconds=1 if is_interruption(err) else 10)
        raise
    _stop_server(server, drain_seconds=10)


def _stop_server(server: TemporaryPrefectServer, drain_seconds: float) -> None:
    if server.process and server.process.poll() is None and "prefect" in sys.modules:
        _drain_prefect_workers(drain_seconds)  # send the run's logs and events before their server goes away
    server.stop()


def _drain_prefect_workers(timeout: float) -> None:
    from prefect.events.worker import EventsWorker
    from prefect.logging.handlers import APILogWorker

    APILogWorker.drain_all(timeout=timeout)
    EventsWorker.drain_all(timeout=timeout)


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


def run_backfill(inbox: Path, date_from: date, date_to: date, *, warehouse_path: Path | None = None) -> list:
    """One flow run per date that has a partition (``<publication>/<YYYY-MM-DD>/``) in the inbox.

    Resumable: a date already loaded is skipped page by page (its content is in the ledger), so running the
    same backfill again, or after an interruption, loads only what is missing."""
    results = []
    inbox = checked_inbox(inbox)
    days = [date_from + timedelta(days=n) for n in range((date_to - date_from).days + 1)]
    days = [day for day in days if any(p.is_dir() for p in inbox.glob(f"*/{day.isoformat()}"))]
    if not days:
        return results  # nothing to load: the caller says so
    # One Prefect API and one Kiwi for all the dates; SIGINT and SIGTERM stop it in order, as they stop an ingest.
    with stopping_on_signals("sinmun backfill"), prefect_api() as server, _kiwi_process(True):
        if server:
            server.wait_ready()
        for day in days:
            results.append((day, run_ingest(inbox, warehouse_path=warehouse_path, only_date=day, progress=False)))
    return results


def run_reprocess(
    inbox: Path,
    *,
    warehouse_path: Path | None = None,
    publication: str | None = None,
    date_from: date | None = None,
    date_to: date | None = None,
    metadata_only: bool = False,
    loaded_by: list[str] | None = None,
    dry_run: bool = False,
    batch_pages: int = 200,
    max_page_bytes: int = 2 * 1024 * 1024,
    wait: bool = False,
    progress: bool = True,
    quarantine_dir: Path | None = None,
    console_log_level: str = "WARNING",
) -> dict:
    """Read loaded pages again where their metadata or reading changed (``flows.reprocess``), as an ingest runs:
    one writer at a time, SIGINT and SIGTERM stop it in order, a killed run leaves whole batches or none."""
    path = (warehouse_path or default_warehouse()).resolve()
    inbox = checked_inbox(inbox)
    if not path.exists():
        raise FileNotFoundError(f"no warehouse at {path}: nothing is loaded to read again")
    cap_malloc_arenas()
    parameters = dict(
        inbox=str(inbox), warehouse_path=str(path), publication=publication,
        date_from=date_from.isoformat() if date_from else None, date_to=date_to.isoformat() if date_to else None,
        metadata_only=metadata_only, loaded_by=list(loaded_by or []), dry_run=dry_run, batch_pages=batch_pages,
        max_page_bytes=max_page_bytes, progress=progress, wait_for_writer=wait,
        quarantine_dir=str(quarantine_dir.resolve()) if quarantine_dir else None,
    )  # fmt: skip
    options = dict(publication=publication, date_from=date_from, date_to=date_to, metadata_only=metadata_only,
                   loaded_by=list(loaded_by or []), max_bytes=max_page_bytes)  # fmt: skip
    with stopping_on_signals("sinmun reprocess") as stop, writer_lock(path, wait=wait):
        locked_at = _utcnow()
        answered = _reprocess_from_plan(path, inbox, options, dry_run=dry_run)
        if answered is not None:
            return answered
        try:
            quiet_prefect_console(console_log_level)
            with prefect_api() as server, _kiwi_process(True):
                from sinmun.flows.reprocess import reprocess_flow

                log_prefect_to_file(prefect_log_path(path), console_log_level)
                if server:
                    server.wait_ready()
                with flow_run_settings():
                    return reprocess_flow(**parameters)
        except BaseException as err:
            if not (is_interruption(err) or stop.received):
                raise
            raise IngestInterrupted(stop.received or signal_of(err), _committed_since(path, locked_at)) from None


def _reprocess_from_plan(path: Path, inbox: Path, options: dict, *, dry_run: bool) -> dict | None:
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
