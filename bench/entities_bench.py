"""Benchmark: entity extraction against Kiwi alone on the same article text.

    .venv/bin/python bench/entities_bench.py [--articles 1000] [--repeat 3]

The articles are the bodies of the project's sample pages (``samples/inbox``), read by the page reader and
cycled until there are ``--articles`` of them. Two timings, each the best of ``--repeat`` runs, Kiwi loaded
and warmed up beforehand, the same number of Kiwi worker threads:

- Kiwi alone: ``Kiwi.tokenize`` over all bodies in one batched call, every token materialized;
- extraction: ``sinmun.entities.extract.extract_batch`` (Kiwi's batched tokenize + every rule: people,
  organizations, places, dates, amounts).

It prints both, wall and CPU seconds (every thread of the process: Kiwi's workers run in it), characters per
second, and the ratios (the goals: extraction <= 1.6 x Kiwi alone in CPU time, with the trained recognizer); and
what loading the recognizer's model costs: seconds and resident memory added.
"""

from __future__ import annotations

import argparse
import copy
import time
from datetime import date
from pathlib import Path

from sinmun.entities.extract import extract_batch
from sinmun.morphology import default_workers, kiwi
from sinmun.parse import parse_page_bytes

ROOT = Path(__file__).resolve().parents[1]


def sample_articles(n: int) -> tuple[list[dict], list[date | None]]:
    base: list[tuple[dict, date | None]] = []
    for page in sorted((ROOT / "samples" / "inbox").glob("*/*/*.txt")):
        parsed = parse_page_bytes(page.read_bytes(), path=str(page))
        published = parsed["source"]["publication_date"]
        for article in parsed["articles"]:
            if article["kind"] != "ad" and article["body"]:
                base.append((article, date.fromisoformat(published) if published else None))
    articles, dates = [], []
    for i in range(n):
        article, published = base[i % len(base)]
        articles.append(copy.deepcopy(article))
        dates.append(published)
    return articles, dates


def best_of(repeat: int, fn) -> tuple[float, float]:
    """The least wall seconds and the least CPU seconds over ``repeat`` runs."""
    best_wall = best_cpu = float("inf")
    for _ in range(repeat):
        start, start_cpu = time.perf_counter(), time.process_time()
        fn()
        best_wall = min(best_wall, time.perf_counter() - start)
        best_cpu = min(best_cpu, time.process_time() - start_cpu)
    return best_wall, best_cpu


def resident_mib() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def model_load_cost() -> tuple[float, float]:
    """Seconds to open the recognizer's model and tag one text, and the resident MiB that adds."""
    from sinmun.entities import recognizer

    before = resident_mib()
    start = time.perf_counter()
    recognizer.recognize([(0, 2, "NNP", "광주")], "광주", [])
    return time.perf_counter() - start, resident_mib() - before


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    load_seconds, load_mib = model_load_cost()  # first, before anything else uses the model
    articles, dates = sample_articles(args.articles)
    bodies = [a["body"] for a in articles]
    chars = sum(len(b) for b in bodies)
    k = kiwi()
    k.tokenize(bodies[:50])  # warm-up

    def kiwi_alone() -> None:
        for tokens in k.tokenize(bodies):
            for t in tokens:
                _ = (t.start, t.len, t.tag)

    def extraction() -> None:
        extract_batch([dict(a) for a in articles], dates)

    t_kiwi, cpu_kiwi = best_of(args.repeat, kiwi_alone)
    t_extract, cpu_extract = best_of(args.repeat, extraction)
    print(f"articles {len(articles)}, characters {chars:,}, Kiwi workers {default_workers()}")
    print(f"{'step':<28}{'wall s':>10}{'CPU s':>10}{'chars/s':>12}")
    print(f"{'Kiwi alone (tokenize)':<28}{t_kiwi:>10.2f}{cpu_kiwi:>10.2f}{chars / t_kiwi:>12,.0f}")
    print(f"{'entity extraction':<28}{t_extract:>10.2f}{cpu_extract:>10.2f}{chars / t_extract:>12,.0f}")
    print(
        f"ratio extraction / Kiwi alone: wall {t_extract / t_kiwi:.2f}, CPU {cpu_extract / cpu_kiwi:.2f} (goal: CPU <= 1.6)"
    )
    print(f"recognizer model: loaded in {load_seconds:.2f} s, {load_mib:+.0f} MiB resident (goals: < 1 s, < 200 MB)")


if __name__ == "__main__":
    main()
