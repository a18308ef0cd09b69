"""`sinmun sql` guard rails: only reads, no files, no settings, bounded time and memory, bound parameters."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import NamedTuple

import duckdb
import polars as pl
import pytest

from sinmun.analytics.sql_runner import QueryError, QueryRefused, run_query
from sinmun.store.warehouse import published_path
from tests.conftest import SampleWarehouse
from tests.helpers.warehouse import table_fingerprints

pytestmark = pytest.mark.integration  # the sample warehouse and the real `sinmun` command


@pytest.fixture(scope="module")
def warehouse(samples_warehouse: SampleWarehouse) -> Path:
    return samples_warehouse.path


FORBIDDEN = [
    ("read-csv", "select * from read_csv('/etc/passwd')", "disabled by configuration"),
    ("read-parquet", "select * from read_parquet('/tmp/anything.parquet')", "disabled by configuration"),
    ("copy-to", "copy (select * from fct_article) to '/tmp/leak.csv'", "COPY statements are not allowed"),
    ("attach", "attach '/tmp/other.duckdb' as other", "ATTACH statements are not allowed"),
    ("install", "install fts", "are not allowed"),
    ("load", "load fts", "are not allowed"),
    ("set", "set threads = 1", "SET statements are not allowed"),
    ("pragma", "pragma database_list", "PRAGMA statements are not allowed"),
    ("delete", "delete from fct_article", "DELETE statements are not allowed"),
    ("create", "create table stolen as select * from fct_article", "CREATE statements are not allowed"),
    ("two-statements", "select 1; drop table fct_article", "one statement at a time"),
]


@pytest.mark.parametrize(("query", "message"), [c[1:] for c in FORBIDDEN], ids=[c[0] for c in FORBIDDEN])
def test_forbidden_operations_are_refused_and_change_nothing(warehouse: Path, query: str, message: str):
    before = (table_fingerprints(warehouse), table_fingerprints(published_path(warehouse)))
    with pytest.raises(QueryRefused, match=message):
        run_query(warehouse, query)
    assert (table_fingerprints(warehouse), table_fingerprints(published_path(warehouse))) == before
    assert not Path("/tmp/leak.csv").exists()


def test_runaway_cross_join_is_stopped_by_the_time_limit(warehouse: Path):
    runaway = "select count(*) from fct_entity_mention a, fct_entity_mention b, fct_entity_mention c, range(100000)"
    with pytest.raises(QueryError, match="time limit of 1 s"):
        run_query(warehouse, runaway, time_limit_seconds=1)


def test_memory_hog_is_stopped_by_the_memory_limit(warehouse: Path):
    hog = "select length(string_agg(repeat('가', 1000), '')) from range(1000000)"
    with pytest.raises(QueryError, match="memory limit of 100MB"):
        run_query(warehouse, hog, memory_limit="100MB")


def test_parameters_are_bound_never_spliced(warehouse: Path):
    hostile = "x'; drop table fct_article; --"
    assert run_query(warehouse, "select $name as value", {"name": hostile}) == (["value"], [(hostile,)])
    columns, rows = run_query(warehouse, "select count(*) as n from fct_article where kind = $kind", {"kind": "news"})
    assert columns == ["n"] and rows[0][0] > 0


def test_cli_writes_parquet_and_reports_refusals(warehouse: Path, tmp_path: Path, sinmun_bin: Path):
    out = tmp_path / "articles.parquet"
    ok = subprocess.run(
        [str(sinmun_bin), "sql", "select kind, count(*) as n from fct_article group by kind order by kind",
         "--warehouse", str(warehouse), "--format", "parquet", "--out", str(out)],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert ok.returncode == 0, ok.stderr
    frame = pl.read_parquet(out)
    assert frame.columns == ["kind", "n"] and frame["n"].sum() > 0
    refused = subprocess.run(
        [str(sinmun_bin), "sql", "copy fct_article to 'x.csv'", "--warehouse", str(warehouse)],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert refused.returncode == 2 and "refused: COPY statements are not allowed" in refused.stderr


# ---- the whole command is bounded: query, fetch and output (issue 14, items 6 to 9) ----


class Run(NamedTuple):
    code: int
    stdout: str
    stderr: str
    peak_mib: float  # the largest resident set of the command or any process it waited for
    seconds: float


# Runs a command and writes its peak resident memory (KiB) to a file. The command is started from this small process,
# not from pytest: a process started by another inherits its peak so far, and pytest's own is hundreds of MB.
MEASURED = (
    "import os, subprocess, sys\n"
    "child = subprocess.Popen(sys.argv[2:])\n"
    "_, status, usage = os.wait4(child.pid, 0)\n"
    "open(sys.argv[1], 'w').write(str(usage.ru_maxrss))\n"
    "sys.exit(os.waitstatus_to_exitcode(status))\n"
)


def run_sql(sinmun_bin: Path, warehouse: Path, *args: str, env: dict | None = None, cwd: Path | None = None) -> Run:
    """``sinmun sql`` through the real CLI, with its peak memory as the kernel counts it (``wait4``)."""
    with tempfile.TemporaryDirectory() as scratch:
        peak = Path(scratch) / "peak"
        argv = [sys.executable, "-c", MEASURED, str(peak), str(sinmun_bin), "sql", *args, "--warehouse", str(warehouse)]
        started = time.monotonic()
        done = subprocess.run(argv, capture_output=True, text=True, env=env, cwd=cwd, timeout=300)
        seconds = time.monotonic() - started
        return Run(done.returncode, done.stdout, done.stderr, int(peak.read_text()) / 1024, seconds)


def one_line(text: str) -> str:
    assert text.count("\n") == 1 and "Traceback" not in text, text
    return text


MEMORY_CASES = [
    # a list DuckDB builds outside its buffer manager (ran 5.8 s and took 2.16 GB under 64 MB and 2 s)
    ("list-outside-buffer-manager", "select len(list_sort(list_transform(range(20000000), lambda x: x % 1000))) as n"),
    # a string grown row by row in an aggregate
    ("string-aggregate", "select length(string_agg(repeat('가', 1000), '')) from range(1000000)"),
]


@pytest.mark.parametrize("query", [c[1] for c in MEMORY_CASES], ids=[c[0] for c in MEMORY_CASES])
def test_memory_limit_holds_for_what_duckdb_allocates_outside_its_buffer_manager(
    warehouse: Path, sinmun_bin: Path, query: str
):
    run = run_sql(sinmun_bin, warehouse, query, "--memory-limit", "64MB", "--time-limit", "30")
    assert run.code == 2 and "memory limit of 64MB" in one_line(run.stderr), run
    # Python and DuckDB take about 90 MB before the query; the limit adds 64 MB, the watcher's poll a few more.
    assert run.peak_mib < 300, run


def test_memory_limit_holds_while_millions_of_rows_are_written(warehouse: Path, sinmun_bin: Path, tmp_path: Path):
    """3 million rows to CSV under 64 MB: rows stream to the file a chunk at a time (whole, it took 470 MiB)."""
    out = tmp_path / "rows.csv"
    query = "select range as n, '행' || range as label from range(3000000)"
    run = run_sql(sinmun_bin, warehouse, query, "--format", "csv", "--out", str(out), "--memory-limit", "64MB")
    assert run.code == 0, run
    assert run.peak_mib < 250, run
    with out.open(encoding="utf-8") as f:
        assert next(f).strip() == "n,label"
        assert sum(1 for _ in f) == 3_000_000
    assert out.read_bytes().endswith("2999999,행2999999\r\n".encode())


def test_time_limit_covers_fetching_and_writing_and_output_streams(warehouse: Path, sinmun_bin: Path, tmp_path: Path):
    """DuckDB produces the rows at once; writing 20 million of them takes far longer than the 2 s allowed."""
    query = "select range as n, 'x' || range as label from range(20000000)"
    streamed = run_sql(sinmun_bin, warehouse, query, "--format", "csv", "--time-limit", "2")
    assert streamed.code == 2 and "time limit of 2 s" in one_line(streamed.stderr), streamed[1:]
    lines = streamed.stdout.splitlines()
    assert lines[0] == "n,label" and 1000 < len(lines) < 20_000_001  # rows went out as they were fetched
    out = tmp_path / "all.csv"
    to_file = run_sql(sinmun_bin, warehouse, query, "--format", "csv", "--out", str(out), "--time-limit", "2")
    assert to_file.code == 2 and "time limit of 2 s" in one_line(to_file.stderr), to_file
    assert list(tmp_path.iterdir()) == []  # neither the file nor a half-written temporary one
    assert to_file.seconds < 30  # a hang guard: the limit is 2 s


def test_a_table_shows_at_most_max_rows_and_says_how_many_it_left_out(warehouse: Path, sinmun_bin: Path):
    query = "select range as n from range(5000)"
    default = run_sql(sinmun_bin, warehouse, query)
    lines = default.stdout.splitlines()
    assert default.code == 0 and len(lines) == 2 + 1000 + 1, default.stderr
    assert lines[-2].strip() == "999"
    assert lines[-1].startswith("(5000 rows; the first 1000 shown, 4000 left out")
    few = run_sql(sinmun_bin, warehouse, query, "--max-rows", "3")
    assert few.stdout.splitlines()[2:] == ["0", "1", "2", few.stdout.splitlines()[-1]]
    assert "(5000 rows; the first 3 shown, 4997 left out" in few.stdout
    whole = run_sql(sinmun_bin, warehouse, "select range as n from range(3)", "--max-rows", "3")
    assert whole.stdout.splitlines()[-1] == "(3 rows)"


def spill_folders(root: Path) -> list[Path]:
    return sorted(root.glob("sinmun-sql-*"))


SPILLING_SORT = (
    "select count(*), max(h) from (select md5(range::varchar) || repeat('x', 100) as h from range(10000000) order by h)"
)


def test_spill_is_capped_in_a_folder_of_its_own_and_removed(warehouse: Path, sinmun_bin: Path, tmp_path: Path):
    env = {**os.environ, "TMPDIR": str(tmp_path)}
    run = run_sql(sinmun_bin, warehouse, SPILLING_SORT, "--memory-limit", "128MB", "--spill-limit", "100MB", env=env)
    assert run.code == 2 and "spill limit of 100MB" in one_line(run.stderr), run
    assert spill_folders(tmp_path) == []
    assert not [p for p in warehouse.parent.iterdir() if p.name.endswith(".tmp")]  # nothing beside the warehouse


def test_a_killed_querys_spill_is_removed_by_the_next_query(warehouse: Path, sinmun_bin: Path, tmp_path: Path):
    env = {**os.environ, "TMPDIR": str(tmp_path)}
    argv = [str(sinmun_bin), "sql", SPILLING_SORT, "--memory-limit", "128MB", "--warehouse", str(warehouse)]
    proc = subprocess.Popen(argv, env=env, start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        while not any(f.stat().st_size for d in spill_folders(tmp_path) for f in d.iterdir()):
            assert proc.poll() is None and time.monotonic() < deadline, "the query never spilled into its own folder"
            time.sleep(0.05)
    finally:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
    left = spill_folders(tmp_path)
    assert left and sum(f.stat().st_size for f in left[0].iterdir()) > 0
    assert run_sql(sinmun_bin, warehouse, "select 42 as answer", env=env).stdout.splitlines()[2] == "42"
    assert spill_folders(tmp_path) == []


EXPLAINED = [
    ("analyze-create", "explain analyze create temp table t as select 42", "EXPLAIN of CREATE is not allowed"),
    ("analyze-call", "explain analyze call pragma_version()", "EXPLAIN of CALL is not allowed"),
    ("analyze-checkpoint", "explain analyze checkpoint", "EXPLAIN of CALL is not allowed"),
    ("options-checkpoint", "/* 주석 */ explain (analyze, format json) checkpoint", "EXPLAIN of CALL is not allowed"),
    ("plain-insert", "explain insert into fct_article select * from fct_article", "EXPLAIN of INSERT is not allowed"),
    ("analyze-copy", "explain analyze copy (select 1) to 'leak.csv'", "EXPLAIN of COPY is not allowed"),
    ("analyze-query", "explain analyze /* 기사 */ select count(*) from fct_article", None),
    ("options-query", "explain (format json) with k as (select kind from fct_article) select * from k", None),
]


@pytest.mark.parametrize(("query", "refusal"), [c[1:] for c in EXPLAINED], ids=[c[0] for c in EXPLAINED])
def test_explain_is_allowed_only_of_a_query(warehouse: Path, sinmun_bin: Path, query: str, refusal: str | None):
    run = run_sql(sinmun_bin, warehouse, query, "--format", "csv")
    if refusal:
        assert run.code == 2 and f"refused: {refusal}" in one_line(run.stderr), run
        assert run.stdout == ""
    else:
        assert run.code == 0 and run.stdout.startswith("explain_key,explain_value"), run


def test_out_never_replaces_the_warehouse_a_duckdb_file_or_without_force_a_file(
    warehouse: Path, sinmun_bin: Path, tmp_path: Path
):
    published = published_path(warehouse)
    before = {p: p.read_bytes() for p in (warehouse, published)}
    other_db = tmp_path / "other.duckdb"
    duckdb.connect(str(other_db)).close()
    link = tmp_path / "looks-like.csv"
    link.symlink_to(warehouse)
    cases = [
        (warehouse, "one of the warehouse's own files"),
        (published, "one of the warehouse's own files"),
        (link, "one of the warehouse's own files"),
        (other_db, "is a DuckDB database"),
    ]
    for target, message in cases:
        for force in ([], ["--force"]):
            run = run_sql(sinmun_bin, warehouse, "select 'oops'", "--format", "csv", "--out", str(target), *force)
            assert run.code == 2 and message in one_line(run.stderr), (target, force, run)
    assert {p: p.read_bytes() for p in (warehouse, published)} == before
    assert duckdb.connect(str(other_db), read_only=True).execute("select 1").fetchall() == [(1,)]
    # the default warehouse, named relative to the working folder
    default = run_sql(sinmun_bin, warehouse, "select 'oops'", "--format", "csv", "--out", warehouse.name,
                      "--force", cwd=warehouse.parent)  # fmt: skip
    assert default.code == 2 and "one of the warehouse's own files" in default.stderr
    existing = tmp_path / "result.csv"
    existing.write_text("keep me\n", encoding="utf-8")
    kept = run_sql(sinmun_bin, warehouse, "select 'new' as v", "--format", "csv", "--out", str(existing))
    assert kept.code == 2 and "exists: add --force" in one_line(kept.stderr)
    assert existing.read_text(encoding="utf-8") == "keep me\n"
    replaced = run_sql(sinmun_bin, warehouse, "select 'new' as v", "--format", "csv", "--out", str(existing), "--force")
    assert replaced.code == 0 and existing.read_bytes() == b"v\r\nnew\r\n"
    # fails after 100,000 rows were written: no half file
    half = "select case when range < 100000 then range else error('중단') end as n from range(200000)"
    failed = run_sql(sinmun_bin, warehouse, half, "--format", "csv", "--out", str(tmp_path / "failed.csv"))
    assert failed.code == 2 and "중단" in one_line(failed.stderr) and not (tmp_path / "failed.csv").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["looks-like.csv", "other.duckdb", "result.csv"]
