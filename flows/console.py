"""Where Prefect's log lines go when the command line runs a flow.

Prefect logs every task run at INFO on the console; in an ingest those lines would bury the progress bar and the
summary. The command line sends them to a log file beside the warehouse (``<warehouse>.log``, e.g.
``warehouse/sinmun.log``, rotated at 10 MB, three old files kept) and shows only warnings and errors on the
console (errors alone with ``--quiet``, everything with ``--verbose``).
"""

from __future__ import annotations

import logging
import os
import sys
from contextlib import suppress
from logging.handlers import RotatingFileHandler
from pathlib import Path

# Prefect's logging settings read this from the environment when Prefect is imported (its logging.yml's
# handlers.console.level): processes started by the run (Dask workers) inherit it.
PREFECT_CONSOLE_LEVEL_VARIABLE = "PREFECT_LOGGING_HANDLERS_CONSOLE_LEVEL"
LOG_FILE_BYTES = 10 * 1024 * 1024
LOG_FILE_BACKUPS = 3
_LOG_FORMAT = "%(asctime)s.%(msecs)03d | %(levelname)-7s | %(name)s - %(message)s"
_FLOW_RUN_FORMAT = "%(asctime)s.%(msecs)03d | %(levelname)-7s | Flow run %(flow_run_name)r - %(message)s"
_TASK_RUN_FORMAT = "%(asctime)s.%(msecs)03d | %(levelname)-7s | Task run %(task_run_name)r - %(message)s"


def prefect_log_path(warehouse_path: Path) -> Path:
    """The log file of a warehouse's ingests: beside it, named for it (``sinmun.duckdb`` -> ``sinmun.log``)."""
    return warehouse_path.with_suffix(".log")


def quiet_prefect_console(level: str) -> None:
    """Show Prefect's log lines on the console from ``level`` up (``NOTSET``: all of them), in this process when
    Prefect is not imported yet and in the processes the run starts. Call before importing Prefect."""
    os.environ[PREFECT_CONSOLE_LEVEL_VARIABLE] = level


def log_prefect_to_file(log_path: Path, console_level: str) -> Path:
    """Send the log lines of Prefect (and of the flow's tasks) to ``log_path``, and keep the console's from
    ``console_level`` up; call after importing Prefect. Idempotent: a second call (a backfill's next date)
    replaces the first's file handler."""
    from prefect.logging.formatters import PrefectFormatter
    from prefect.logging.handlers import PrefectConsoleHandler

    root = logging.getLogger()
    for handler in list(root.handlers):
        if isinstance(handler, PrefectConsoleHandler):
            handler.setLevel(console_level)
        elif isinstance(handler, _RunLogFile):
            root.removeHandler(handler)
            handler.close()
    log_path.parent.mkdir(parents=True, exist_ok=True)
    handler = _RunLogFile(log_path, maxBytes=LOG_FILE_BYTES, backupCount=LOG_FILE_BACKUPS, encoding="utf-8")
    handler.setFormatter(PrefectFormatter(_LOG_FORMAT, datefmt="%Y-%m-%d %H:%M:%S", flow_run_fmt=_FLOW_RUN_FORMAT,
                                          task_run_fmt=_TASK_RUN_FORMAT))  # fmt: skip
    root.addHandler(handler)
    return log_path


class _RunLogFile(RotatingFileHandler):
    """The run's log file handler (a class of its own, to be found again). A log file that cannot be written (a
    full disk, a folder without write permission) never fails the run: the first failure is said once on stderr
    and the file is given up for the rest of the run. The report goes to the process's stderr directly, never by
    ``print`` (a flow that logs its prints would log it again, and fail again, without end)."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, delay=True, **kwargs)  # opened at the first line: opening is a write that may fail
        self.given_up = False

    def emit(self, record: logging.LogRecord) -> None:
        if not self.given_up:
            super().emit(record)

    def handleError(self, record: logging.LogRecord) -> None:
        if self.given_up:
            return
        self.given_up = True
        problem = sys.exc_info()[1]
        with suppress(Exception):
            sys.__stderr__.write(f"sinmun ingest: warning: cannot write the log file {self.baseFilename} ({problem}); "
                                 "Prefect's log lines of this run are not kept\n")  # fmt: skip
            sys.__stderr__.flush()
