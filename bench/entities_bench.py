"""Benchmark: entity extraction against Kiwi alone on the same article text.

    .venv/bin/python bench/entities_bench.py [--articles 1000] [--repeat 3]

The articles are the bodies of the project's sample pages (``samples/inbox``), read by the page reader and
cycled until there are ``--articles`` of them. Two timings, each the best of ``--repeat`` runs, Kiwi loaded
and warmed up beforehand, the same number of Kiwi worker threads:

- Kiwi alone: ``Kiwi.tokenize`` over all bodies in one batched call, every token materialized;
- extraction: ``sinmun.entities.extract.extract_batch`` (Kiwi's batched tokenize + every rule: people,
  organizations, places, dates, amounts).

It prints both, characters per second, and the ratio (the goal: extraction <= 1.25 x Kiwi alone).
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


def best_of(repeat: int, fn) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

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

    t_kiwi = best_of(args.repeat, kiwi_alone)
    t_extract = best_of(args.repeat, extraction)
    print(f"articles {len(articles)}, characters {chars:,}, Kiwi workers {default_workers()}")
    print(f"{'step':<28}{'seconds':>10}{'chars/s':>12}")
    print(f"{'Kiwi alone (tokenize)':<28}{t_kiwi:>10.2f}{chars / t_kiwi:>12,.0f}")
    print(f"{'entity extraction':<28}{t_extract:>10.2f}{chars / t_extract:>12,.0f}")
    print(f"ratio extraction / Kiwi alone: {t_extract / t_kiwi:.2f} (goal <= 1.25)")


if __name__ == "__main__":
    main()
