"""Run analysts' SQL on the published warehouse, with guard rails.

- one statement, and only a query (SELECT, WITH, DESCRIBE, SUMMARIZE, or EXPLAIN [ANALYZE] of a query): ``COPY``,
  ``ATTACH``, ``INSTALL``/``LOAD``, ``SET``, ``PRAGMA``, ``CALL``, every write, and an ``EXPLAIN`` of any of them
  are refused before they run;
- the published copy is opened read-only, with external access disabled (no ``read_csv``, no files) and the
  configuration locked (``sinmun.store.warehouse.connect_for_analysts``: the store opens every DuckDB file);
- what a query spills to disk goes to a folder of its own under the system's temporary folder, capped in size
  (DuckDB's ``max_temp_directory_size``) and removed when the query ends; folders of queries that were killed are
  removed by the next query;
- a time limit and a memory limit (DuckDB's ``memory_limit``) stop a runaway query; ``stream_query`` runs the
  whole command (query, fetch, formatting, writing) in a child process that is stopped when it passes the time
  limit or grows by more than the memory limit, which also bounds what DuckDB allocates outside its buffer
  manager (lists, strings) and what Python holds while formatting;
- parameters are bound (``$name``), never spliced into the text.
"""

from __future__ import annotations

import multiprocessing
import os
import re
import shutil
import signal
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

import duckdb

from sinmun.store import warehouse

ALLOWED = {duckdb.StatementType.SELECT}
DEFAULT_TIME_LIMIT_SECONDS = 60.0
DEFAULT_MEMORY_LIMIT = "2GB"
DEFAULT_SPILL_LIMIT = "4GB"
SPILL_FOLDER_PREFIX = "sinmun-sql-"
ANALYZE = {"analyze", "analyse"}  # EXPLAIN's grammar takes either spelling
FETCH_ROWS = 2048
# How often the parent looks at its child's resident memory and the clock: at the ~1 GB/s a runaway list
# grows, 10 ms lets it pass its budget by about 10 MB before it is stopped.
WATCH_INTERVAL_SECONDS = 0.01
SIZE_UNITS = {
    "": 1, "b": 1, "kb": 10**3, "mb": 10**6, "gb": 10**9, "tb": 10**12,
    "kib": 2**10, "mib": 2**20, "gib": 2**30, "tib": 2**40,
}  # fmt: skip


class QueryError(RuntimeError):
    """The query could not run or was stopped: DuckDB's error (its hints kept), a limit, no published warehouse."""


class QueryRefused(QueryError):
    """A guard rail refused the query before it ran: not a single read-only query."""


def duckdb_message(err: duckdb.Error) -> str:
    """DuckDB's error on one line, with its hints (``Did you mean "fct_article"?``, ``Candidate bindings: …``) and
    without the copy of the query it draws the position under (``LINE 1: …`` and a line of carets)."""
    kept = []
    for line in str(err).splitlines():
        if re.match(r"LINE \d+:", line):
            break
        if line.strip():
            kept.append(line.strip())
    return " ".join(kept) or type(err).__name__


@dataclass(frozen=True)
class Limits:
    """How long a query may run, how much memory it may add, and how much it may spill to disk."""

    time_seconds: float = DEFAULT_TIME_LIMIT_SECONDS
    memory: str = DEFAULT_MEMORY_LIMIT
    spill: str = DEFAULT_SPILL_LIMIT

    def __post_init__(self) -> None:
        if not self.time_seconds > 0:
            raise QueryError(f"the time limit must be a positive number of seconds, got {self.time_seconds:g}")
        if size_in_bytes(self.memory) <= 0:
            raise QueryError(f"the memory limit must be above zero, got {self.memory!r}")
        size_in_bytes(self.spill)


def size_in_bytes(text: str) -> int:
    """``64MB``, ``2 GB``, ``512MiB`` as bytes, the way DuckDB reads its size settings (KB = 1000, KiB = 1024)."""
    match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([a-zA-Z]*)\s*", str(text))
    unit = match and SIZE_UNITS.get(match.group(2).lower())
    if not unit:
        raise QueryError(f"not a size: {text!r} (e.g. 64MB, 2GB, 512MiB)")
    return int(float(match.group(1)) * unit)


def buffer_manager_share(limits: Limits) -> str:
    """DuckDB's own memory limit inside a watched child: the limit less room for what DuckDB allocates outside its
    buffer manager (about 20 MB for a large sort), the fetch and the output: a quarter of it, at least 32 MB, so
    DuckDB spills to disk before the watcher has to stop it."""
    total = size_in_bytes(limits.memory)
    return f"{max(total - max(total // 4, 32 * 2**20), 8 * 2**20) // 2**10}KiB"


def check_statement(query: str) -> None:
    """Refuse anything but a single read-only query, with a message naming what was refused."""
    statements = _statements(query)
    if len(statements) != 1:
        raise QueryRefused(f"one statement at a time, got {len(statements)}")
    statement = statements[0]
    kind = statement.type
    if kind == duckdb.StatementType.EXPLAIN:
        explained = _statements(_explained_text(statement.query))
        if len(explained) != 1 or explained[0].type not in ALLOWED:
            what = explained[0].type.name if len(explained) == 1 else "several statements"
            raise QueryRefused(f"EXPLAIN of {what} is not allowed: sinmun sql only explains queries")
        return
    if kind not in ALLOWED:
        raise QueryRefused(f"{kind.name} statements are not allowed: sinmun sql only reads the warehouse")


def _statements(query: str) -> list:
    try:
        return duckdb.extract_statements(query)  # DuckDB's parser alone: no database is opened
    except duckdb.Error as err:
        raise QueryError(f"not valid SQL: {duckdb_message(err)}") from None


def _explained_text(explain: str) -> str:
    """The statement an EXPLAIN explains, found with DuckDB's tokenizer in EXPLAIN's grammar:
    ``EXPLAIN [ANALYZE] statement`` or ``EXPLAIN (option, ...) statement``.

    Whatever follows is then classified by DuckDB's parser like any statement; text that does not fit the grammar
    yields no valid statement, so it is refused.
    """
    text = explain.encode("utf-8")  # the tokenizer's offsets count bytes
    every = duckdb.tokenize(explain)
    ends = [start for start, _ in every[1:]] + [len(text)]
    tokens = [
        (start, end, kind) for (start, kind), end in zip(every, ends, strict=True) if kind != duckdb.token_type.comment
    ]
    words = [text[start:end].decode("utf-8").strip().lower() for start, end, _ in tokens]
    position = 1  # tokens[0] is EXPLAIN
    if position < len(tokens) and tokens[position][2] == duckdb.token_type.keyword and words[position] in ANALYZE:
        position += 1
    elif position < len(tokens) and words[position] == "(":
        depth = 0
        for index in range(position, len(tokens)):  # past the options, to the closing parenthesis
            if tokens[index][2] == duckdb.token_type.operator:
                depth += words[index].count("(") - words[index].count(")")
            position = index + 1
            if depth == 0:
                break
    return text[tokens[position][0] :].decode("utf-8") if position < len(tokens) else ""


def _published(warehouse_path: Path) -> Path:
    target = warehouse.published_path(Path(warehouse_path))
    if not target.exists():
        raise QueryError(f"no published warehouse at {target}: run `sinmun ingest` first")
    return target


def _connect(
    target: Path, limits: Limits, spill_folder: Path, *, memory: str | None = None
) -> duckdb.DuckDBPyConnection:
    """The published copy, read-only (``warehouse.connect_for_analysts``); DuckDB's buffer manager gets ``memory``
    (else the whole memory limit)."""
    try:
        return warehouse.connect_for_analysts(
            target, memory_limit=memory or limits.memory, spill_folder=spill_folder, spill_limit=limits.spill
        )
    except duckdb.Error as err:
        raise QueryError(duckdb_message(err)) from None


def _query_error(err: duckdb.Error, limits: Limits) -> QueryError:
    """One line saying why DuckDB stopped the query."""
    if isinstance(err, duckdb.InterruptException):
        return QueryError(f"stopped after the time limit of {limits.time_seconds:g} s")
    if isinstance(err, duckdb.OutOfMemoryException):
        if "max_temp_directory_size" in str(err):
            return QueryError(f"stopped at the spill limit of {limits.spill} (what the query may write to disk)")
        return QueryError(f"stopped at the memory limit of {limits.memory}")
    if isinstance(err, duckdb.PermissionException):  # file access, which the runner's configuration disables
        return QueryRefused(duckdb_message(err))
    return QueryError(duckdb_message(err) + _missing_marts_hint(err))


_MISSING_MART = re.compile(r'Table with name (mart_\w+) does not exist(?!.*Did you mean "mart_)')


def _missing_marts_hint(err: duckdb.Error) -> str:
    """What to do when a query reads a mart (sql/marts/) that the warehouse lacks: it was published by a sinmun
    that had none, and its next ingest adds them."""
    missing = _MISSING_MART.search(" ".join(str(err).split()))
    if not isinstance(err, duckdb.CatalogException) or not missing:
        return ""
    return (
        f" (this warehouse was published before sinmun had its marts, such as {missing[1]}: "
        "`sinmun ingest` adds them, loading nothing again)"
    )


@contextmanager
def spill_folder() -> Iterator[Path]:
    """A folder of its own for what one query spills, removed when the query ends (first, those killed queries left)."""
    root = Path(tempfile.gettempdir())
    remove_abandoned_spill_folders(root)
    folder = Path(tempfile.mkdtemp(prefix=f"{SPILL_FOLDER_PREFIX}{os.getpid()}-", dir=root))
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def remove_abandoned_spill_folders(root: Path) -> list[Path]:
    """Remove spill folders whose query's process is gone (killed before it could clean up); the removed ones."""
    import psutil

    removed = []
    for folder in root.glob(f"{SPILL_FOLDER_PREFIX}*-*"):
        pid = folder.name.removeprefix(SPILL_FOLDER_PREFIX).split("-")[0]
        if not pid.isdigit() or _process_owns(int(pid), folder, psutil):
            continue
        shutil.rmtree(folder, ignore_errors=True)
        removed.append(folder)
    return removed


def _process_owns(pid: int, folder: Path, psutil) -> bool:
    """Whether process ``pid`` is alive and older than ``folder`` (a process that reuses the id started later)."""
    try:
        return psutil.Process(pid).create_time() <= folder.stat().st_mtime + 1
    except (psutil.NoSuchProcess, psutil.AccessDenied, FileNotFoundError):
        return False


def run_query(
    warehouse_path: Path,
    query: str,
    params: dict[str, Any] | None = None,
    *,
    time_limit_seconds: float = DEFAULT_TIME_LIMIT_SECONDS,
    memory_limit: str = DEFAULT_MEMORY_LIMIT,
    spill_limit: str = DEFAULT_SPILL_LIMIT,
) -> tuple[list[str], list[tuple]]:
    """Columns and rows of ``query`` on the published copy of the warehouse, in this process.

    For sinmun's own queries, whose results are small (search, report, quarantine list); analysts' queries of any
    size go through ``stream_query``.
    """
    check_statement(query)
    limits = Limits(time_limit_seconds, memory_limit, spill_limit)
    target = _published(warehouse_path)
    with spill_folder() as folder:
        con = _connect(target, limits, folder)
        timer = threading.Timer(time_limit_seconds, con.interrupt)
        timer.start()
        try:
            con.execute(query, params or None)
            columns = [d[0] for d in con.description] if con.description else []
            return columns, con.fetchall() if columns else []
        except duckdb.Error as err:
            raise _query_error(err, limits) from None
        finally:
            timer.cancel()
            con.close()


@dataclass(frozen=True)
class QueryResult:
    """What ``stream_query`` hands its writer: the columns, the rows a chunk at a time, and their Polars schema."""

    columns: list[str]
    chunks: Iterator[list[tuple]]
    polars_schema: Callable[[], Any]


class ResultWriter(Protocol):
    def load(self) -> None:
        """Import what writing needs, before the memory limit's baseline is taken: code is not the query's data."""

    def __call__(self, result: QueryResult) -> Any:
        """Write the result; what it returns goes back to the caller of ``stream_query``."""


def stream_query(
    warehouse_path: Path, query: str, params: dict[str, Any] | None, write: ResultWriter, limits: Limits
) -> Any:
    """Run ``query`` and ``write`` its rows as they are fetched, all within ``limits``; what ``write`` returns.

    Query, fetch and ``write`` run in a forked child; this process watches it and kills it when it runs past the
    time limit or its resident memory grows by more than the memory limit over what it held once DuckDB was open
    and the writer loaded. Either way, and on an error, the spill folder is removed and a ``QueryError`` (a
    ``QueryRefused`` for a guard rail's refusal) says why in one line.
    """
    check_statement(query)
    target = _published(warehouse_path)
    with spill_folder() as folder:
        return _run_in_child(
            lambda ready: _query_and_write(target, query, params, write, limits, folder, ready), limits
        )


def _query_and_write(target: Path, query: str, params, write: ResultWriter, limits: Limits, folder: Path, ready) -> Any:
    con = _connect(target, limits, folder, memory=buffer_manager_share(limits))
    try:
        write.load()
        ready()
        con.execute(query, params or None)
        columns = [d[0] for d in con.description] if con.description else []

        def chunks() -> Iterator[list[tuple]]:
            while columns and (rows := con.fetchmany(FETCH_ROWS)):
                yield rows

        def polars_schema():
            import polars as pl

            # The column types as DuckDB gives them to Arrow, from a second cursor: LIMIT 0 reads no row.
            return pl.DataFrame(con.cursor().sql(query, params=params or None).limit(0)).schema

        return write(QueryResult(columns, chunks(), polars_schema))
    except duckdb.Error as err:
        raise _query_error(err, limits) from None
    finally:
        con.close()


def _run_in_child(work: Callable[[Callable[[], None]], Any], limits: Limits) -> Any:
    """``work(ready)`` in a forked child held to ``limits``: its result, or ``QueryError``.

    The memory limit counts from the child's resident memory when it calls ``ready()`` (until then, from this
    process's, which the child starts as a copy of).
    """
    import psutil

    budget_bytes = size_in_bytes(limits.memory)
    baseline_bytes = psutil.Process().memory_info().rss
    deadline = time.monotonic() + limits.time_seconds
    receive, send = multiprocessing.Pipe(duplex=False)
    context = multiprocessing.get_context("fork")
    child = context.Process(target=_child_main, args=(work, send, os.getpid()), daemon=True)
    sys.stdout.flush()
    sys.stderr.flush()
    child.start()
    send.close()
    watched = psutil.Process(child.pid)
    stopped = outcome = None
    try:
        while outcome is None and child.is_alive():
            if receive.poll(WATCH_INTERVAL_SECONDS):
                kind, value = message = _received(receive) or ("ended", None)
                if kind == "baseline":
                    baseline_bytes = value
                else:
                    outcome = message
                continue
            with suppress(psutil.NoSuchProcess):
                if watched.memory_info().rss - baseline_bytes > budget_bytes:
                    stopped = f"stopped at the memory limit of {limits.memory} (query, fetch and output together)"
                    break
            if time.monotonic() > deadline:
                stopped = (
                    f"stopped after the time limit of {limits.time_seconds:g} s (query, fetch and output together)"
                )
                break
        if outcome is None and not stopped and receive.poll(0):
            outcome = _received(receive)
    finally:
        if outcome is None and child.is_alive():
            child.kill()
        child.join()
        receive.close()
    if stopped:
        raise QueryError(stopped)
    kind, value = outcome or ("ended", None)
    if kind == "refused":
        raise QueryRefused(value)
    if kind == "error":
        raise QueryError(value)
    if kind == "failed":
        raise QueryError(f"could not write the result: {value}")
    if kind != "done":
        raise QueryError(f"the query's process ended without a result (exit code {child.exitcode})")
    return value


def _received(receive) -> tuple[str, Any] | None:
    try:
        return receive.recv()
    except EOFError:
        return None


def _child_main(work: Callable[[Callable[[], None]], Any], send, parent_pid: int) -> None:
    """The child: do ``work`` and send back ("done", result), ("refused", why), ("error", why) or ("failed", why)."""
    import psutil

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the parent too, which stops this process
    threading.Thread(target=_end_with_parent, args=(parent_pid,), daemon=True).start()

    def ready() -> None:
        send.send(("baseline", psutil.Process().memory_info().rss))

    try:
        outcome = ("done", work(ready))
    except QueryRefused as err:
        outcome = ("refused", str(err))
    except QueryError as err:
        outcome = ("error", str(err))
    except MemoryError:
        outcome = ("refused", "stopped: out of memory while writing the result")
    except BrokenPipeError:  # the reader of the output went away (`| head`): nothing more to write
        _silence_stdout()
        outcome = ("done", None)
    except Exception as err:
        outcome = ("failed", f"{type(err).__name__}: {' '.join(str(err).split())}")
    send.send(outcome)
    send.close()


def _silence_stdout() -> None:
    with suppress(OSError):
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


def _end_with_parent(parent_pid: int) -> None:
    """A child outlives no parent: if the command that watches it is killed, it stops too."""
    while os.getppid() == parent_pid:
        time.sleep(0.2)
    os._exit(1)
