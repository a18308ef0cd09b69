"""Benchmark: entity extraction against Kiwi alone on the same article text.

    .venv/bin/python bench/entities_bench.py [--articles 1000] [--repeat 3]

The articles are ``--articles`` distinct news, photo and opinion pieces of the synthetic corpus (``bench/corpus.py``,
seed 1, as placed on its pages: headline and body, fictional text written from templates), so no text repeats: a
repeated text reaches Kiwi once (``sinmun.morphology``), which would flatter the extraction. Two timings, each the
best of ``--repeat`` runs, Kiwi loaded and warmed up beforehand, the same number of Kiwi worker threads:

- Kiwi alone: ``Kiwi.tokenize`` over the texts the extraction sends it (every body and headline) in one batched
  call, every token materialized;
- extraction: ``sinmun.entities.extract.extract_batch`` (Kiwi's batched tokenize + every rule: people,
  organizations, places, dates, amounts, quotes, the trained recognizer, search terms); it keeps no memory of
  short texts between runs (only ``parse`` and ``ingest`` share them, ``sharing_short_texts``), so every run sends
  Kiwi everything.

It prints both, wall and CPU seconds (every thread of the process: Kiwi's workers run in it), characters per
second, and the ratios (the goals: extraction <= 1.6 x Kiwi alone in CPU time, with the trained recognizer); and
what loading the recognizer's model costs: seconds and resident memory added.
"""

from __future__ import annotations

import argparse
import time
from datetime import date
from pathlib import Path

import corpus

from sinmun.entities.extract import extract_batch
from sinmun.morphology import default_workers, kiwi


def corpus_articles(n: int) -> tuple[list[dict], list[date | None]]:
    """The first ``n`` distinct pieces with a body of the synthetic corpus, as placed on its pages."""
    articles: list[dict] = []
    dates: list[date | None] = []
    bodies: set[str] = set()
    for publication, day, number in corpus.corpus_order(10 * n + 100, seed=1):
        _, plan = corpus.page_text(publication, day, number, corpus.page_rng(1, publication, day, number), seed=1)
        for piece in plan.pieces:
            if piece.kind in {"ad", "continuation"} or not piece.body or piece.body in bodies:
                continue
            bodies.add(piece.body)
            articles.append({"kind": piece.kind, "headline": piece.headline, "body": piece.body})
            dates.append(date.fromisoformat(plan.date))
            if len(articles) == n:
                return articles, dates
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
    articles, dates = corpus_articles(args.articles)
    texts = [text for a in articles for text in (a["headline"], a["body"]) if text]  # what extract_batch sends Kiwi
    chars = sum(len(a["body"]) for a in articles)
    k = kiwi()
    k.tokenize(texts[:50])  # warm-up

    def kiwi_alone() -> None:
        for tokens in k.tokenize(texts):
            for t in tokens:
                _ = (t.start, t.len, t.tag)

    def extraction() -> None:
        extract_batch([dict(a) for a in articles], dates)

    t_kiwi, cpu_kiwi = best_of(args.repeat, kiwi_alone)
    t_extract, cpu_extract = best_of(args.repeat, extraction)
    print(
        f"articles {len(articles)} (distinct), body characters {chars:,}, texts to Kiwi {len(texts):,}, "
        f"Kiwi workers {default_workers()}"
    )
    print(f"{'step':<28}{'wall s':>10}{'CPU s':>10}{'chars/s':>12}")
    print(f"{'Kiwi alone (tokenize)':<28}{t_kiwi:>10.2f}{cpu_kiwi:>10.2f}{chars / t_kiwi:>12,.0f}")
    print(f"{'entity extraction':<28}{t_extract:>10.2f}{cpu_extract:>10.2f}{chars / t_extract:>12,.0f}")
    print(
        f"ratio extraction / Kiwi alone: wall {t_extract / t_kiwi:.2f}, CPU {cpu_extract / cpu_kiwi:.2f} (goal: CPU <= 1.6)"
    )
    print(f"recognizer model: loaded in {load_seconds:.2f} s, {load_mib:+.0f} MiB resident (goals: < 1 s, < 200 MB)")


if __name__ == "__main__":
    main()
