"""Run a flow for the command line: one writer at a time, Prefect configured for offline use.

``sinmun ingest``, ``backfill`` and ``reprocess`` call these. Each takes the warehouse's writer lock, then starts
what the flow needs (the Prefect API: a configured server or a temporary one for this run; Kiwi's process; the log
file) and runs the flow on the task runner asked for (threads, or a Dask cluster). An ingest with nothing new is
answered before any of that (``sinmun.ingest.precheck``): this module imports Prefect only once a flow is to run.
SIGINT and SIGTERM stop a run in order (``sinmun.ingest.interrupt``).
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext
from datetime import date, timedelta
from pathlib import Path

from sinmun.flows.console import log_prefect_to_file, prefect_log_path, quiet_prefect_console
from sinmun.flows.prefect_server import TemporaryPrefectServer, is_temporary_api
from sinmun.ingest.interrupt import IngestInterrupted, is_interruption, signal_of, stopping_on_signals
from sinmun.ingest.lock import writer_lock
from sinmun.ingest.precheck import check_for_work
from sinmun.ingest.run import (
    cap_malloc_arenas,
    checked_inbox,
    committed_since,
    kiwi_process,
    reprocess_from_plan,
    utcnow,
)
from sinmun.store.warehouse import default_warehouse


def configure_prefect() -> None:
    # Telemetry calls fail offline and slow every start; users may still override any of these. The client's own
    # telemetry (DO_NOT_TRACK) also prints a notice on a terminal's first run.
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    os.environ.setdefault("DO_NOT_TRACK", "1")
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
    workers: int | None = None,
    dask_address: str | None = None,
    quarantine_dir: Path | None = None,
    say: Callable[[str], None] | None = None,
    console_log_level: str = "WARNING",
) -> dict:
    """Run the ingest flow, unless the inbox has nothing new (``sinmun.ingest.precheck``): then return the run's
    summary without starting Prefect or Kiwi. ``say`` receives one-line news of the run's start for the user;
    Prefect's own log lines go to ``<warehouse>.log`` beside the warehouse (``sinmun.flows.console``), and to the
    console only from ``console_log_level`` up."""
    path = (warehouse_path or default_warehouse()).resolve()
    inbox = checked_inbox(inbox)
    cap_malloc_arenas()
    # Take the writer lock before Prefect starts (seconds): a second ingest is told at once that one is running.
    # SIGINT and SIGTERM stop the run in order, within seconds (``sinmun.ingest.interrupt``).
    with stopping_on_signals("sinmun ingest") as stop, writer_lock(path, wait=wait):
        locked_at = utcnow()
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
            with prefect_api() as server, kiwi_process(not (workers or dask_address)):
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
            raise IngestInterrupted(stop.received or signal_of(err), committed_since(path, locked_at)) from None


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
    with stopping_on_signals("sinmun backfill"), prefect_api() as server, kiwi_process(True):
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
    """Read loaded pages again where their metadata or reading changed (``sinmun.flows.reprocess``), as an ingest runs:
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
        locked_at = utcnow()
        answered = reprocess_from_plan(path, inbox, options, dry_run=dry_run)
        if answered is not None:
            return answered
        try:
            quiet_prefect_console(console_log_level)
            with prefect_api() as server, kiwi_process(True):
                from sinmun.flows.reprocess import reprocess_flow

                log_prefect_to_file(prefect_log_path(path), console_log_level)
                if server:
                    server.wait_ready()
                with flow_run_settings():
                    return reprocess_flow(**parameters)
        except BaseException as err:
            if not (is_interruption(err) or stop.received):
                raise
            raise IngestInterrupted(stop.received or signal_of(err), committed_since(path, locked_at)) from None
