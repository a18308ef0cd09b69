"""One writer per warehouse: a lock file held for a whole ingest run."""

from __future__ import annotations

import fcntl
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


class IngestBusy(RuntimeError):
    """Another ingest is writing the same warehouse."""


# Lock files this process holds: taking the lock again inside the same process (the command line takes it before
# starting Prefect, the flow takes it again for callers that run the flow directly) is a no-op.
_held: set[Path] = set()


@contextmanager
def writer_lock(warehouse_path: Path, *, wait: bool) -> Iterator[None]:
    """Hold ``<warehouse>.lock`` for the whole run: a second ingest exits promptly (or waits, if asked)."""
    lock_path = warehouse_path.resolve().with_name(warehouse_path.name + ".lock")
    if lock_path in _held:
        yield
        return
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
        _held.add(lock_path)
        try:
            yield
        finally:
            _held.discard(lock_path)
            fcntl.flock(f, fcntl.LOCK_UN)
