"""Run the ingest flow for the command line: one writer at a time, Prefect configured for offline use."""

from __future__ import annotations

import fcntl
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sinmun.store.warehouse import default_warehouse


class IngestBusy(RuntimeError):
    """Another ingest is writing the same warehouse."""


def configure_prefect() -> None:
    # Telemetry calls fail offline and slow every start; users may still override any of these.
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    os.environ.setdefault("PREFECT_UI_ENABLED", "false")


@contextmanager
def writer_lock(warehouse_path: Path, *, wait: bool) -> Iterator[None]:
    """Hold ``<warehouse>.lock`` for the whole run: a second ingest exits promptly (or waits, if asked)."""
    lock_path = warehouse_path.with_name(warehouse_path.name + ".lock")
    lock_path.parent.mkdir(parents=True, exist_ok=True)
    with open(lock_path, "a+") as f:
        while True:
            try:
                fcntl.flock(f, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if not wait:
                    raise IngestBusy(
                        f"another ingest is writing {warehouse_path}; try again later or use --wait"
                    ) from None
                time.sleep(0.5)
        try:
            yield
        finally:
            fcntl.flock(f, fcntl.LOCK_UN)


def run_ingest(
    inbox: Path,
    *,
    warehouse_path: Path | None = None,
    batch_pages: int = 200,
    settle_seconds: float = 0.0,
    max_page_bytes: int = 2 * 1024 * 1024,
    wait: bool = False,
    progress: bool = True,
) -> dict:
    path = (warehouse_path or default_warehouse()).resolve()
    inbox = inbox.resolve()
    if not inbox.is_dir():
        raise NotADirectoryError(f"inbox not found: {inbox}")
    configure_prefect()
    with writer_lock(path, wait=wait):
        from flows.ingest import ingest_flow

        return ingest_flow(
            inbox=str(inbox), warehouse_path=str(path), batch_pages=batch_pages, settle_seconds=settle_seconds,
            max_page_bytes=max_page_bytes, progress=progress,
        )  # fmt: skip
