"""What reprint clustering adds to an ingest, at 100,000 articles.

    .venv/bin/python bench/reprints_bench.py [--articles 100000] [--stories 2000] [--batch-articles 950]
                                             [--ingest-pages 200] [--seed 1]

1. **The corpus**: ``--stories`` stories of ``bench/reprint_corpus.py`` (each printed 2-5 times with edits, and a
   look-alike: from eight templates, so each of their articles has hundreds of look-alikes, as a daily weather
   report has in a year), filled up to ``--articles`` with background articles that share no wording (sentences
   of random words from the shipped lexicons, of the samples' lengths), in date order. Entities are those the
   generator placed (the ingest gets them from the extraction, which runs anyway).
2. **Staging**: CPU time of ``reprints.fingerprint`` (shingles, MinHash, bands, facts) for every article.
3. **Loading**: the articles go through the ingest's own ``batch_tables`` and ``load_batch``, ``--batch-articles``
   a load (an ingest batch of 200 pages holds about 950), into a fresh warehouse growing to the whole corpus. The
   CPU time (this process: Python and DuckDB's threads) of inserting the fingerprint and band rows and of
   ``cluster_reprints`` (candidates by band join, verification, cluster rewrite) is summed per load.
4. **The ingest's cost per article**: ``sinmun ingest`` of ``--ingest-pages`` pages of ``bench/corpus.py`` (as
   ``bench/pipeline_bench.py`` runs it: a fresh process, the embedded Prefect, a fresh warehouse), its CPU time
   (the process and its children: the Kiwi process) per article loaded.

Prints the clustering's CPU time per article against the ingest's, and the pair precision and recall of the
clusters stored at the end against the stories the generator wrote.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import os
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from sinmun import reprints  # noqa: E402
from sinmun.ingest.normalize import PageRecord, batch_tables  # noqa: E402
from sinmun.store import warehouse  # noqa: E402

FIRST_DAY = date(2024, 1, 1)
ENDINGS = ("했다.", "밝혔다.", "예정이다.", "것으로 나타났다.", "계획이다.", "말했다.", "있다.", "됐다.")
PARTICLES = ("은", "는", "이", "가", "을", "를", "에", "에서", "과", "와", "의", "로", "도", "")


def _module(name: str, path: Path):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def background_words() -> list[str]:
    words = []
    for name in ("lexicon_proper_nouns", "lexicon_places", "lexicon_organizations"):
        text = (ROOT / "src" / "sinmun" / "data" / f"{name}.txt").read_text(encoding="utf-8")
        words += [w for w in text.splitlines() if w and not w.startswith("#") and re.fullmatch(r"[가-힣]{2,6}", w)]
    return words


def background_body(rng: random.Random, words: list[str]) -> str:
    """4-7 paragraphs of 1-2 sentences of random lexicon words with particles: no wording shared by chance."""
    paragraphs = []
    for _ in range(rng.randint(4, 7)):
        sentences = []
        for _ in range(rng.randint(1, 2)):
            phrase = [rng.choice(words) + rng.choice(PARTICLES) for _ in range(rng.randint(6, 11))]
            sentences.append(" ".join(phrase) + " " + f"{rng.randint(1, 999)}명이 " + rng.choice(ENDINGS))
        paragraphs.append(" ".join(sentences))
    return "\n\n".join(paragraphs)


def corpus(articles: int, stories: int, seed: int) -> tuple[list, dict[str, str]]:
    """The benchmark's articles (``reprint_corpus.Article``) in date order, and each one's story."""
    generator = sys.modules["bench_reprint_corpus"]
    found = generator.generate(stories, seed)
    rng, words = random.Random(seed), background_words()
    for n in range(max(0, articles - len(found))):
        found.append(
            generator.Article(
                f"b{n}",
                f"b{n}",
                rng.choice(generator.PUBLICATIONS),
                rng.randrange(300),
                "배경 기사",
                background_body(rng, words),
                "배경 기자",
            )
        )
    found = sorted(found[:articles], key=lambda a: (a.day, a.publication, a.article_id))
    return found, {a.article_id: a.story_id for a in found}


def page_records(batch: list, pages_printed: dict[tuple[str, int], int]) -> tuple[list[PageRecord], dict]:
    """One page per paper and day of a batch (the next page of that issue: ``pages_printed`` counts them), its
    articles in order, in the ``sinmun parse`` contract; and the (page id, ordinal) of each article id."""
    by_page: dict[tuple[str, int], list] = defaultdict(list)
    for article in batch:
        by_page[(article.publication, article.day)].append(article)
    records, where = [], {}
    for (publication, day), pieces in sorted(by_page.items()):
        iso = (FIRST_DAY + timedelta(days=day)).isoformat()
        number = pages_printed[(publication, day)] = pages_printed.get((publication, day), 0) + 1
        source = {"path": f"{publication}/{iso}/{number}.txt", "sha256": hashlib.sha256(repr(pieces).encode()).hexdigest(),
                  "encoding": "utf-8", "publication": publication, "publication_date": iso, "page": number,
                  "section": None}  # fmt: skip
        parsed_articles = []
        for ordinal, a in enumerate(pieces, start=1):
            entities = [{"type": kind, "name": name, "mentions": [{"text": name, "start": 0, "end": len(name)}]}
                        for kind, name in a.entities]  # fmt: skip
            parsed_articles.append({"ordinal": ordinal, "kind": "news", "headline": a.headline, "subheadlines": [],
                                    "label": None, "byline": None, "body": a.body, "entities": entities})  # fmt: skip
            where[a.article_id] = (f"{publication}/{iso}/{number}", ordinal)
        records.append(PageRecord({"source": source, "articles": parsed_articles}, source["path"], "layout"))
    return records, where


def cpu() -> float:
    return time.process_time()


def measure_clustering(articles: list, batch_articles: int, workdir: Path) -> dict:
    """Fingerprinting CPU seconds; per load, the CPU seconds of the reprint rows and of ``cluster_reprints``; the
    stored clusters (article id -> cluster key) at the end."""
    started = cpu()
    for a in articles:
        reprints.fingerprint(a.body, a.entities)
    fingerprinting = cpu() - started

    spent = defaultdict(float)
    loads: list[tuple[int, float]] = []  # (articles loaded before, CPU seconds of this load's clustering)
    original_execute, original_cluster = warehouse.execute_file, warehouse.cluster_reprints

    def timed_execute(con, name, params=None):
        clock = cpu()
        original_execute(con, name, params)
        if name in ("load/insert_reprint_fingerprint", "load/insert_reprint_band"):
            spent["insert"] += cpu() - clock

    def timed_cluster(con, load_id, shrunk=()):
        clock = cpu()
        verified = original_cluster(con, load_id, shrunk)
        spent["cluster"] += cpu() - clock
        spent["verified"] += verified
        return verified

    warehouse.execute_file, warehouse.cluster_reprints = timed_execute, timed_cluster
    db = workdir / "bench.duckdb"
    keys: dict[str, str] = {}
    pages_printed: dict[tuple[str, int], int] = {}
    load_started = time.perf_counter()
    try:
        with warehouse.connect(db) as con:
            warehouse.ensure_schema(con)
            for number, first in enumerate(range(0, len(articles), batch_articles), start=1):
                batch = articles[first : first + batch_articles]
                records, where = page_records(batch, pages_printed)
                frames = batch_tables(records)
                article_frame = frames["fct_article"]
                by_place = {(p, o): k for k, p, o in article_frame.select("article_key", "page_id", "ordinal").rows()}
                keys.update({article_id: by_place[place] for article_id, place in where.items()})
                staged = {}
                for name, frame in frames.items():
                    path = workdir / f"{name}.parquet"
                    frame.write_parquet(path)
                    staged[name] = str(path)
                before = dict(spent)
                warehouse.load_batch(con, staged, run_id="bench", batch_number=number,
                                     started_at=warehouse._utcnow())  # fmt: skip
                this_load = sum(spent[k] - before.get(k, 0.0) for k in ("insert", "cluster"))
                loads.append((first, this_load))
            clusters = dict(
                con.execute("select article_key, reprint_cluster_key from bridge_article_reprint").fetchall()
            )
            band_rows = con.execute("select count(*) from reprint_band").fetchone()[0]
    finally:
        warehouse.execute_file, warehouse.cluster_reprints = original_execute, original_cluster
    by_key = {key: article_id for article_id, key in keys.items()}
    return {
        "fingerprinting": fingerprinting, "insert": spent["insert"], "cluster": spent["cluster"],
        "verified": int(spent["verified"]), "loads": loads, "band_rows": band_rows,
        "clusters": {by_key[k]: c for k, c in clusters.items()}, "load_wall": time.perf_counter() - load_started,
    }  # fmt: skip


def measure_ingest(pages: int, seed: int, workdir: Path) -> tuple[float, float, int]:
    """CPU seconds, wall seconds and articles of ``sinmun ingest`` over ``pages`` pages of bench/corpus.py."""
    page_corpus = _module("bench_corpus", ROOT / "bench" / "corpus.py")
    inbox = workdir / "inbox"
    page_corpus.generate_corpus(inbox, pages, seed)
    env = {**os.environ, "PREFECT_HOME": str(workdir / "prefect"), "PREFECT_SERVER_ANALYTICS_ENABLED": "false"}
    env.pop("PREFECT_API_URL", None)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    result = subprocess.run(
        [str(ROOT / ".venv" / "bin" / "sinmun"), "ingest", str(inbox), "--warehouse", str(workdir / "wh" / "s.duckdb"),
         "--no-progress"], capture_output=True, text=True, env=env, check=True,
    )  # fmt: skip
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    seconds = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    articles = int(re.search(r"(\d[\d,]*) articles", result.stdout).group(1).replace(",", ""))
    return seconds, wall, articles


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=100_000, help="0: only the ingest's measurement")
    parser.add_argument("--stories", type=int, default=2000)
    parser.add_argument("--batch-articles", type=int, default=950)
    parser.add_argument("--ingest-pages", type=int, default=200, help="0: skip the ingest's measurement")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    generator = _module("bench_reprint_corpus", ROOT / "bench" / "reprint_corpus.py")
    with tempfile.TemporaryDirectory(prefix="reprints-bench-") as folder:
        workdir = Path(folder)
        if args.articles:
            per_article = clustering(args, generator, workdir)
        if args.ingest_pages:
            seconds, wall, ingested = measure_ingest(args.ingest_pages, args.seed, workdir)
            ingest_per_article = seconds / ingested
            print(f"ingest: {args.ingest_pages} pages, {ingested:,} articles, {seconds:.1f} CPU s ({wall:.1f} s wall): "
                  f"{ingest_per_article * 1e3:.2f} CPU ms an article")  # fmt: skip
            if args.articles:
                print(
                    f"clustering adds {100 * per_article / ingest_per_article:.1f}% to the ingest's CPU time per article"
                )
    return 0


def clustering(args: argparse.Namespace, generator, workdir: Path) -> float:
    """Measure and print the clustering of the corpus; returns its CPU seconds per article."""
    articles, stories = corpus(args.articles, args.stories, args.seed)
    print(f"corpus: {len(articles):,} articles, {len(set(stories.values())):,} stories "
          f"({sum(len(a.body) for a in articles) / len(articles):.0f} characters a body on average)")  # fmt: skip
    found = measure_clustering(articles, args.batch_articles, workdir)
    per_article = (found["fingerprinting"] + found["insert"] + found["cluster"]) / len(articles)
    truth = generator.cluster_pairs(stories)
    predicted = generator.cluster_pairs(found["clusters"])
    correct = len(truth & predicted)
    print(
        f"staging: fingerprints {found['fingerprinting']:.1f} CPU s ({1e3 * found['fingerprinting'] / len(articles):.3f} ms an article)"
    )
    print(f"loading: reprint rows {found['insert']:.1f} CPU s, clustering {found['cluster']:.1f} CPU s "
          f"({found['verified']:,} pairs verified; {found['band_rows']:,} band rows at the end; loads' wall "
          f"time {found['load_wall']:.0f} s)")  # fmt: skip
    loads = found["loads"]
    tenth = max(1, len(loads) // 10)
    first = sum(s for _, s in loads[:tenth]) / tenth
    last = sum(s for _, s in loads[-tenth:]) / tenth
    print(f"per load: first tenth {first:.3f} CPU s, last tenth {last:.3f} CPU s")
    print(f"clustering in all: {per_article * 1e3:.3f} CPU ms an article")
    print(f"clusters: pair precision {correct / max(1, len(predicted)):.3f}, recall {correct / max(1, len(truth)):.3f} "
          f"({len(truth):,} true pairs, {len(predicted):,} predicted)")  # fmt: skip
    return per_article


if __name__ == "__main__":
    sys.exit(main())
