"""`sinmun sql` guard rails: only reads, no files, no settings, bounded time and memory, bound parameters."""

from __future__ import annotations

import subprocess
from pathlib import Path

import polars as pl
import pytest

from flows.ingest import ingest_flow
from sinmun.analytics.sql_runner import QueryRefused, run_query
from sinmun.store.warehouse import published_path
from tests.warehouse.conftest import copy_samples, table_fingerprints


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("sql")
    copy_samples(root / "inbox", only=["bitgoeul/2024-03-05/1.txt", "seohae/2024-03-07/1.txt"])
    db = root / "wh" / "sinmun.duckdb"
    ingest_flow(inbox=str(root / "inbox"), warehouse_path=str(db))
    return db


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
    with pytest.raises(QueryRefused, match="time limit of 1 s"):
        run_query(warehouse, runaway, time_limit_seconds=1)


def test_memory_hog_is_stopped_by_the_memory_limit(warehouse: Path):
    hog = "select length(string_agg(repeat('가', 1000), '')) from range(1000000)"
    with pytest.raises(QueryRefused, match="memory limit of 100MB"):
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
