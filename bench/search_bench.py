"""Benchmark: wall time and peak memory of one `sinmun search` process, with Kiwi and with the query cache.

Each search is its own process, as a user runs it: ``sinmun search QUERY --warehouse W --format json``. Two rounds
over the same queries: first with the query cache empty (each search loads Kiwi, then fills the cache with its
query and every term of the warehouse), then with the cache filled (a query analysed before needs no Kiwi). The
results of the two rounds are compared: they must be identical. Prints p50 and p90 of wall time and the peak
resident memory per process (the child's own, from ``wait4``).

    .venv/bin/python bench/search_bench.py                      # the sample pages, ingested into a temporary folder
    .venv/bin/python bench/search_bench.py --warehouse warehouse/sinmun.duckdb --terms 20
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import duckdb

ROOT = Path(__file__).resolve().parents[1]
SINMUN = ROOT / ".venv" / "bin" / "sinmun"
MULTI_WORD_QUERIES = ["광주시 인공지능", "전남 지역 지원", "여객선 증편", "목포 항구"]


class NotSearchable(Exception):
    """The query as typed holds no searchable word (a term indexed as a verb's stem, such as 밝히)."""


def run_search(query: str, warehouse: Path, cache: Path) -> tuple[float, int, str]:
    """Wall seconds, peak resident bytes and standard output of one `sinmun search` process."""
    env = {**os.environ, "SINMUN_CACHE_DIR": str(cache)}
    started = time.perf_counter()
    with tempfile.TemporaryFile("w+") as errors:
        child = subprocess.Popen(
            [str(SINMUN), "search", query, "--warehouse", str(warehouse), "--format", "json"],
            stdout=subprocess.PIPE, stderr=errors, env=env, text=True,
        )  # fmt: skip
        out = child.stdout.read()
        _, status, usage = os.wait4(child.pid, 0)  # reaps the child with its own resource usage
        wall = time.perf_counter() - started
        child.returncode = os.waitstatus_to_exitcode(status)
        child.stdout.close()
        if child.returncode:
            errors.seek(0)
            message = errors.read().strip()
            if "no searchable word" in message:
                raise NotSearchable(message)
            raise SystemExit(f"search {query!r} failed: {message}")
    return wall, usage.ru_maxrss * 1024, out


def one_word_queries(warehouse: Path, count: int) -> list[str]:
    """``count`` terms of the warehouse spread over its frequency ranks (common and rare words alike)."""
    published = warehouse.with_name(warehouse.stem + ".published.duckdb")
    with duckdb.connect(str(published), read_only=True) as con:
        terms = [
            term
            for (term,) in con.sql(
                "select term from fct_article_term where length(term) > 1 group by term order by count(*) desc, term"
            ).fetchall()
        ]
    step = max(1, len(terms) // count)
    return terms[::step][:count]


def sample_warehouse(folder: Path) -> Path:
    warehouse = folder / "wh" / "sinmun.duckdb"
    subprocess.run(
        [str(SINMUN), "ingest", str(ROOT / "samples" / "inbox"), "--warehouse", str(warehouse), "--no-progress"],
        check=True, capture_output=True,
    )  # fmt: skip
    return warehouse


def summary(label: str, runs: list[tuple[float, int, str]]) -> str:
    walls = sorted(wall for wall, _, _ in runs)
    peaks = sorted(peak for _, peak, _ in runs)
    p90 = walls[min(len(walls) - 1, round(0.9 * (len(walls) - 1)))]
    return (
        f"{label:<32} {len(runs):>3} searches   wall p50 {statistics.median(walls):5.2f} s  p90 {p90:5.2f} s   "
        f"peak memory p50 {statistics.median(peaks) / 2**20:4.0f} MiB  max {peaks[-1] / 2**20:4.0f} MiB"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--warehouse", type=Path, help="a loaded warehouse (default: the samples, ingested here)")
    parser.add_argument("--terms", type=int, default=16, help="one-word queries taken from the warehouse's terms")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="sinmun-search-bench-") as tmp:
        folder = Path(tmp)
        warehouse = args.warehouse or sample_warehouse(folder)
        queries = one_word_queries(warehouse, args.terms) + MULTI_WORD_QUERIES
        cold, skipped = [], []
        for index, query in enumerate(list(queries)):  # a cache of its own, empty, for each: every search loads Kiwi
            try:
                cold.append(run_search(query, warehouse, folder / f"empty-cache-{index}"))
            except NotSearchable:  # a stem the index holds that a query as typed never yields: not a user's query
                skipped.append(query)
                queries.remove(query)
        filled = folder / "filled-cache"
        run_search(queries[0], warehouse, filled)  # fills the cache with every term of the warehouse
        for query in MULTI_WORD_QUERIES:  # several words: cached whole, when searched once
            run_search(query, warehouse, filled)
        warm = [run_search(query, warehouse, filled) for query in queries]
        different = [q for q, a, b in zip(queries, cold, warm, strict=True) if json.loads(a[2]) != json.loads(b[2])]
        print(f"sinmun search, one process per query, on {warehouse} ({sys.platform}, {os.cpu_count()} cores)")
        print(summary("query cache empty (loads Kiwi)", cold))
        print(summary("query cache filled (no Kiwi)", warm))
        if skipped:
            print(f"left out, no searchable word as typed: {', '.join(skipped)}")
        print(f"same results in both rounds: {'yes' if not different else 'NO: ' + ', '.join(different)}")
        return 1 if different else 0


if __name__ == "__main__":
    sys.exit(main())
