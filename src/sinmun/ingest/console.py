"""An ingest's progress bar on the terminal.

The bar (rich) moves per page and is drawn only on a terminal; while it is drawn, console log lines (the run's
warnings) print above it. Where the orchestrator's own log lines go is the flows' business
(``sinmun.flows.console``).
"""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Callable
from contextlib import suppress


class IngestProgress:
    """A progress bar of an ingest's pages on stderr, drawn only when stderr is a terminal (and asked for).

    Pages are counted as they are done: skipped as duplicates, refused, or read with their entities extracted
    (``page_counter``'s functions, called from staging threads as Kiwi's answers arrive); a batch's pages not yet counted are
    counted when it is loaded (``batch_loaded``: for batches staged elsewhere, on Dask workers)."""

    def __init__(self, total: int, enabled: bool):
        self.total = total
        self._lock = threading.Lock()
        self._counted: dict[int, int] = {}  # batch number -> its pages counted so far
        self._progress = None
        if enabled and total > 0 and sys.stderr.isatty():
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

            self._progress = Progress(
                TextColumn("pages"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                console=Console(file=sys.stderr), transient=False,
            )  # fmt: skip
            self._task = self._progress.add_task("pages", total=total)
            self._progress.start()
            # While the bar is drawn, console log lines (Prefect's warnings) print above it, not into it.
            self._handlers = [h for h in logging.getLogger().handlers if hasattr(h, "console")]
            self._consoles = [h.console for h in self._handlers]
            for handler in self._handlers:
                handler.console = self._progress.console

    def __enter__(self) -> IngestProgress:
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    def advance(self, pages: int) -> None:
        if self._progress is not None and pages:
            self._progress.advance(self._task, pages)

    def page_counter(self, batch_number: int) -> Callable[[int], None]:
        """A function that counts ``n`` more pages of batch ``batch_number`` done (thread-safe)."""

        def count(n: int) -> None:
            with self._lock:
                self._counted[batch_number] = self._counted.get(batch_number, 0) + n
            self.advance(n)

        return count

    def batch_loaded(self, batch_number: int, pages: int) -> None:
        with self._lock:
            counted = self._counted.pop(batch_number, 0)
        self.advance(max(0, pages - counted))

    def close(self) -> None:
        if self._progress is not None:
            with suppress(Exception):
                self._progress.stop()
            for handler, console in zip(self._handlers, self._consoles, strict=True):
                handler.console = console
            self._progress = None
