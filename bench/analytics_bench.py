"""Benchmark: latency of every saved analysis and of search on a synthetic warehouse of 100,000+ articles.

    .venv/bin/python bench/analytics_bench.py [--articles 100000] [--runs 15] [--keep DIR]

Building the warehouse: the project's sample pages are staged once by the real pipeline (reader, Kiwi,
entities, search terms, Polars), then their staged rows are copied until there are ``--articles`` articles,
each copy with its own keys, its own pages and dates (spread over about two years), and its own variant of
every person and organization (so the warehouse holds tens of thousands of entities, not a few hundred).
The copies are loaded through ``sinmun.store.warehouse.load_batch``, the same transactional load an ingest
uses, then published.

Timing: each saved analysis (``sql/analyses/``, with typical parameters) and a set of searches run through the
same functions analysts' commands use (``run_query`` on the published copy: open read-only with guard rails,
run, fetch every row; ``search``: Kiwi reads the query, DuckDB ranks). Kiwi is loaded before timing. One
warm-up run each, then ``--runs`` timed runs; it prints p50 and p95 in milliseconds (the goal: p50 <= 300 ms).
"""

from __future__ import annotations

import argparse
import hashlib
import os
import platform
import shutil
import statistics
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

import polars as pl

from sinmun.analytics.analyses import load_analysis
from sinmun.analytics.search import SearchFilters, search
from sinmun.analytics.sql_output import display_width
from sinmun.analytics.sql_runner import run_query
from sinmun.ingest.discover import discover
from sinmun.ingest.stage import stage_batch
from sinmun.morphology import kiwi
from sinmun.store import warehouse

ROOT = Path(__file__).resolve().parents[1]
COPIES_PER_LOAD = 40
VARIANTS = 400  # distinct variants of each person and organization across the copies


def stage_samples(staging: Path) -> dict[str, pl.DataFrame]:
    found = discover(ROOT / "samples" / "inbox")
    staged = stage_batch(found.pages, batch_number=1, staging_dir=staging)
    return {name: pl.read_parquet(path) for name, path in staged.tables.items()}


def _suffixed(column: str, suffix: str) -> pl.Expr:
    return pl.when(pl.col(column) == "unknown").then(pl.col(column)).otherwise(pl.col(column) + suffix)


def copy_tables(base: dict[str, pl.DataFrame], copy: int) -> dict[str, pl.DataFrame]:
    """One copy of the staged samples: new article keys and pages, dates moved, entities varied."""
    suffix, variant = f"~{copy}", f"~v{copy % VARIANTS}"
    shift_days = copy % 730
    out: dict[str, pl.DataFrame] = {}
    for name, frame in base.items():
        if "article_key" in frame.columns:
            frame = frame.with_columns(pl.col("article_key") + suffix)
        if "page_id" in frame.columns:
            frame = frame.with_columns(pl.col("page_id") + suffix)
        if "target_article_key" in frame.columns:
            frame = frame.with_columns(pl.col("target_article_key") + suffix)
        out[name] = frame
    people_and_orgs = base["dim_entity"].filter(pl.col("entity_type").is_in(["PERSON", "ORG"]))["entity_key"]
    varied = pl.col("entity_key").is_in(people_and_orgs.implode())
    out["dim_entity"] = out["dim_entity"].with_columns(
        pl.when(varied).then(pl.col("canonical_name") + variant).otherwise(pl.col("canonical_name")),
        pl.when(varied).then(pl.col("entity_key") + variant).otherwise(pl.col("entity_key")),
    )
    out["fct_entity_mention"] = out["fct_entity_mention"].with_columns(
        pl.when(varied).then(pl.col("entity_key") + variant).otherwise(pl.col("entity_key"))
    )
    quoted = pl.col("speaker_entity_key").is_in(people_and_orgs.implode())
    out["fct_quote"] = out["fct_quote"].with_columns(
        pl.when(quoted).then(pl.col("speaker_entity_key") + variant).otherwise(pl.col("speaker_entity_key"))
    )
    moved = (
        pl.col("date_key")
        .cast(pl.String)
        .str.to_date("%Y%m%d", strict=False)
        .dt.offset_by(f"{shift_days}d")
        .dt.strftime("%Y%m%d")
        .cast(pl.Int32)
    )
    out["fct_article"] = out["fct_article"].with_columns(
        pl.when(pl.col("date_key") > 0).then(moved).otherwise(pl.col("date_key")).alias("date_key")
    )
    # Copies are reprints of one another three at a time, so that the analysis `reprints` has clusters to list: the
    # band hashes of each group of three differ from the others' (identical copies would all be one story).
    # (the mask kept below 2**63: a larger Python int makes Polars widen the column to Int128, which no batch shares)
    mask = (copy // 3 + 1) * 0x9E3779B97F4A7C1 % 2**63
    out["reprint_band"] = out["reprint_band"].with_columns(pl.col("band_hash") ^ mask)
    out["ledger_page"] = out["ledger_page"].with_columns(
        (pl.col("sha256") + suffix).map_batches(
            lambda s: s.map_elements(lambda v: hashlib.sha256(v.encode()).hexdigest(), return_dtype=pl.String)
        ),
        pl.col("source_path") + suffix,
        pl.col("publication_date").dt.offset_by(f"{shift_days}d"),
    )
    return out


def build_warehouse(db: Path, articles: int, staging: Path) -> int:
    base = stage_samples(staging / "base")
    per_copy = base["fct_article"].height
    copies = -(-articles // per_copy)
    with warehouse.connect(db) as con:
        warehouse.ensure_schema(con)
        run_id = "bench-" + datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
        for load_number, first in enumerate(range(0, copies, COPIES_PER_LOAD), start=1):
            parts = [copy_tables(base, c) for c in range(first, min(first + COPIES_PER_LOAD, copies))]
            batch_dir = staging / f"load-{load_number:04d}"
            batch_dir.mkdir(parents=True)
            staged = {}
            for name in base:
                frame = pl.concat([p[name] for p in parts])
                if name.startswith("dim_"):
                    frame = frame.unique(frame.columns[0], keep="first", maintain_order=True)
                path = batch_dir / f"{name}.parquet"
                frame.write_parquet(path)
                staged[name] = str(path)
            started = datetime.now(UTC).replace(tzinfo=None)
            warehouse.load_batch(con, staged, run_id=run_id, batch_number=load_number, started_at=started)
            shutil.rmtree(batch_dir)
            print(f"\rloaded {min(first + COPIES_PER_LOAD, copies) * per_copy:,} articles", end="", flush=True)
        print()
        warehouse.run_checks(con)
        count = dict(con.execute(warehouse.sql("queries/table_sizes")).fetchall())["fct_article"]
    warehouse.publish(db)
    return count


ANALYSES = [
    ("top_entities PERSON month", "top_entities", {"entity_type": "PERSON", "grain": "month", "top": "10"}),
    ("top_entities ORG week", "top_entities", {"entity_type": "ORG", "grain": "week", "top": "10"}),
    ("co_occurrence PERSON >= 2", "co_occurrence", {"entity_type": "PERSON", "min_articles": "2"}),
    ("co_occurrence ANY >= 20", "co_occurrence", {"entity_type": "ANY", "min_articles": "20"}),
    ("entity_timeline 광주광역시", "entity_timeline", {"name": "광주광역시"}),
    ("reporter_beats top 5", "reporter_beats", {"top": "5"}),
    ("mentions_by_region", "mentions_by_region", {}),
    ("kinds_by_page", "kinds_by_page", {}),
    ("link_graph", "link_graph", {}),
    ("who_said_what 지역", "who_said_what", {"word": "지역"}),
    ("quoted_most ANY top 20", "quoted_most", {"speaker_type": "ANY"}),
    ("reprints", "reprints", {}),
]
SEARCHES = [
    ("search 광주시 인공지능", "광주시 인공지능", SearchFilters()),
    ("search 여객선", "여객선", SearchFilters()),
    ("search 전남 지역 지원 (common words)", "전남 지역 지원", SearchFilters()),
    ("search 여객선 --kind photo", "여객선", SearchFilters(kind="photo")),
    ("search 광주 --publication namdo", "광주", SearchFilters(publication="namdo")),
    ("search 목포 --entity 목포시", "목포", SearchFilters(entity="목포시")),
]


def padded(text: str, width: int) -> str:
    return text + " " * max(0, width - display_width(text))


def timings(fn, runs: int) -> tuple[float, float, int]:
    rows = fn()  # warm-up
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    p95 = times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]
    return statistics.median(times), p95, rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--keep", type=Path, help="build (or reuse) the warehouse in this folder and keep it")
    args = parser.parse_args()

    work = args.keep or Path(tempfile.mkdtemp(prefix="sinmun-analytics-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    db = work / "bench.duckdb"
    started = time.perf_counter()
    if not warehouse.published_path(db).exists():
        count = build_warehouse(db, args.articles, work / "staging")
        print(f"built {count:,} articles in {time.perf_counter() - started:.0f} s")
    with warehouse.connect(warehouse.published_path(db), read_only=True) as con:
        sizes = dict(con.execute(warehouse.sql("queries/table_sizes")).fetchall())
    kiwi().tokenize("준비")
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, {platform.python_version()}")
    print("warehouse: " + ", ".join(f"{t} {n:,}" for t, n in sizes.items()))
    print(f"file: {warehouse.published_path(db).stat().st_size / 2**20:.0f} MiB")
    print()
    print(f"{'query':<42} {'p50 ms':>8} {'p95 ms':>8} {'rows':>8}")
    worst = 0.0
    for label, name, params in ANALYSES:
        saved = load_analysis(name)  # its header's defaults filled in, as `sinmun sql --analysis` does
        text, bound = saved.text, saved.bind(params)
        p50, p95, rows = timings(lambda t=text, p=bound: len(run_query(db, t, p)[1]), args.runs)
        worst = max(worst, p50)
        print(f"{padded(label, 42)} {p50:>8.0f} {p95:>8.0f} {rows:>8,}")
    for label, words, filters in SEARCHES:
        # Kiwi reads every query (no query cache): the time of the ranking with the analysis, as before the cache
        p50, p95, rows = timings(lambda w=words, f=filters: len(search(db, w, f, use_cache=False)[1]), args.runs)
        worst = max(worst, p50)
        print(f"{padded(label, 42)} {p50:>8.0f} {p95:>8.0f} {rows:>8,}")
    print()
    print(f"slowest p50: {worst:.0f} ms (goal <= 300 ms): {'met' if worst <= 300 else 'NOT met'}")
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
