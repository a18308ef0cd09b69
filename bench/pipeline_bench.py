"""Benchmark: the whole pipeline against Kiwi alone on the same text, at N and 10×N pages.

    .venv/bin/python bench/pipeline_bench.py [--pages 1000] [--scale 10] [--workdir DIR] [--seed 1]

For each size (N, then 10×N pages; ``--scale 1`` measures N only):

1. a deterministic synthetic corpus (``bench/corpus.py``; the N-page corpus is a prefix of the 10×N one);
2. ``sinmun ingest`` end to end, as a user runs it: a fresh process, the embedded Prefect, a fresh warehouse.
   Its summary gives the time of each stage; the process's wall time and peak RSS are measured from outside.
   Every Kiwi call the run makes is recorded (``SINMUN_RECORD_KIWI_CALLS``) for step 3;
3. Kiwi alone, in a fresh process: the recorded texts replayed, all tokenize texts in one batched call and all
   analyze texts in one, with the same number of Kiwi threads: exactly the text the pipeline analyses, at
   Kiwi's best batching;
4. a second ``sinmun ingest`` of the same inbox (nothing new), and an ingest of an empty inbox (the process's
   start-up: Python, Prefect's temporary server, the warehouse opened), to give the re-run's time beyond start-up.

It prints one table and the ratios against the goals: end-to-end throughput >= 0.8x Kiwi alone, re-run of 10,000
pages <= 5 s beyond start-up, peak RSS <= 1.5 GiB and at 10xN no more than 25% above N, Prefect overhead <= 5%.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SINMUN = Path(sys.executable).with_name("sinmun")
sys.path.insert(0, str(ROOT / "bench"))

from corpus import generate_corpus  # noqa: E402

STAGES = ("discover", "select", "read", "decode+hash", "segment", "entities", "normalize", "stage-write", "load",
          "record", "checks", "publish")  # fmt: skip


@dataclass
class Measured:
    pages: int
    characters: int = 0
    ingest_wall: float = 0.0
    flow_seconds: float = 0.0
    peak_rss_mib: float = 0.0
    stage_seconds: dict[str, float] = field(default_factory=dict)
    kiwi_alone: float = 0.0
    kiwi_characters: int = 0
    kiwi_calls: int = 0
    rerun_wall: float = 0.0
    rerun_flow: float = 0.0
    startup_wall: float = 0.0
    articles: int = 0


def run_cli(args: list[str], env: dict[str, str]) -> tuple[float, float, str]:
    """Wall seconds, peak RSS (MiB: the process's own, or its largest waited-for child's) and its output."""
    started = time.perf_counter()
    with tempfile.TemporaryFile("w+") as output:
        proc = subprocess.Popen([str(SINMUN), *args], stdout=output, stderr=subprocess.STDOUT, text=True, env=env)
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
        wall = time.perf_counter() - started
        output.seek(0)
        out = output.read()
    if proc.returncode:
        raise SystemExit(f"sinmun {' '.join(args)} failed:\n{out[-3000:]}")
    return wall, usage.ru_maxrss / 1024, out


def ingest(inbox: Path, warehouse: Path, summary: Path, env: dict[str, str]) -> tuple[float, float, dict]:
    wall, peak, _ = run_cli(
        ["ingest", str(inbox), "--warehouse", str(warehouse), "--no-progress", "--summary-json", str(summary)], env
    )
    return wall, peak, json.loads(summary.read_text(encoding="utf-8"))


def kiwi_alone(record: Path) -> tuple[float, int, int]:
    """Replay the recorded Kiwi calls in a fresh process: seconds, characters, calls."""
    code = f"""
import pickle, time, json
from sinmun.morphology import kiwi
tokenize, analyze, calls = [], [], 0
with open({str(record)!r}, "rb") as f:
    while True:
        try:
            call, texts = pickle.load(f)
        except EOFError:
            break
        calls += 1
        (tokenize if call == "tokenize" else analyze).extend(texts)
k = kiwi()
k.tokenize("준비")
started = time.perf_counter()
for _ in k.tokenize(tokenize):
    pass
for _ in k.analyze(analyze, top_n=1):  # lazy, like tokenize: the work is done as results are taken
    pass
seconds = time.perf_counter() - started
print(json.dumps([seconds, sum(map(len, tokenize)) + sum(map(len, analyze)), calls]))
"""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    seconds, characters, calls = json.loads(out.strip().splitlines()[-1])
    return seconds, characters, calls


def measure(pages: int, corpus_root: Path, work: Path, seed: int) -> Measured:
    inbox = corpus_root / f"pages-{pages}"
    if not (inbox / ".complete").exists():
        shutil.rmtree(inbox, ignore_errors=True)
        generate_corpus(inbox, pages, seed=seed)
        (inbox / ".complete").write_text("")
    m = Measured(pages=pages)
    m.characters = sum(len(p.read_bytes().decode("utf-8", "replace")) for p in inbox.rglob("*.txt"))
    run = work / f"run-{pages}"
    shutil.rmtree(run, ignore_errors=True)
    run.mkdir(parents=True)
    env = {**os.environ, "PREFECT_SERVER_ANALYTICS_ENABLED": "false", "PREFECT_UI_ENABLED": "false"}
    record = run / "kiwi-calls.pickle"
    print(f"[{pages} pages] ingest ...", flush=True)
    m.ingest_wall, m.peak_rss_mib, summary = ingest(
        inbox, run / "wh" / "sinmun.duckdb", run / "summary.json", {**env, "SINMUN_RECORD_KIWI_CALLS": str(record)}
    )
    m.flow_seconds, m.stage_seconds, m.articles = summary["seconds"], summary["stage_seconds"], summary["articles"]
    print(f"[{pages} pages] Kiwi alone ...", flush=True)
    m.kiwi_alone, m.kiwi_characters, m.kiwi_calls = kiwi_alone(record)
    record.unlink()
    print(f"[{pages} pages] re-run ...", flush=True)
    m.rerun_wall, _, rerun = ingest(inbox, run / "wh" / "sinmun.duckdb", run / "rerun.json", env)
    m.rerun_flow = rerun["seconds"]
    assert rerun["pages_loaded"] == 0, "the re-run loaded pages"
    empty = run / "empty-inbox"
    empty.mkdir()
    m.startup_wall, _, _ = ingest(empty, run / "wh-empty" / "sinmun.duckdb", run / "empty.json", env)
    shutil.rmtree(run / "wh", ignore_errors=True)
    return m


def report(results: list[Measured]) -> None:
    print()
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
          f"Kiwi threads {os.environ.get('SINMUN_KIWI_WORKERS') or os.cpu_count()}")  # fmt: skip
    header = (f"{'pages':>7} {'chars':>11} {'articles':>8} {'Kiwi alone s':>12} {'ingest s':>9} {'flow s':>8} "
              f"{'ratio':>6} {'re-run s':>8} {'start-up s':>10} {'peak RSS MiB':>12}")  # fmt: skip
    print(header)
    for m in results:
        ratio = m.kiwi_alone / m.flow_seconds if m.flow_seconds else 0.0
        print(f"{m.pages:>7,} {m.characters:>11,} {m.articles:>8,} {m.kiwi_alone:>12.1f} {m.ingest_wall:>9.1f} "
              f"{m.flow_seconds:>8.1f} {ratio:>6.2f} {m.rerun_wall:>8.1f} {m.startup_wall:>10.1f} "
              f"{m.peak_rss_mib:>12.0f}")  # fmt: skip
    print()
    print("time per stage (s; staging stages summed over batches):")
    print(f"{'stage':<12}" + "".join(f"{m.pages:>10,}" for m in results))
    for stage in STAGES:
        print(f"{stage:<12}" + "".join(f"{m.stage_seconds.get(stage, 0.0):>10.2f}" for m in results))
    print()
    for m in results:
        measured = sum(m.stage_seconds.values())
        in_flow = max(0.0, m.flow_seconds - measured)
        beyond = m.ingest_wall - m.flow_seconds
        ratio = m.kiwi_alone / m.flow_seconds if m.flow_seconds else 0.0
        print(f"{m.pages:,} pages: Kiwi alone {m.kiwi_characters:,} characters in {m.kiwi_calls:,} recorded calls; "
              f"end-to-end throughput {ratio:.2f}x Kiwi alone in the flow ({m.kiwi_alone / m.ingest_wall:.2f}x "
              f"counting the whole process) (goal >= 0.8)")  # fmt: skip
        print(f"  Prefect: {in_flow:.1f} s in the flow outside the stages ({100 * in_flow / m.flow_seconds:.1f}% of "
              f"the flow) + {beyond:.1f} s of process start-up and shut-down, Prefect's temporary server among "
              f"them ({100 * (in_flow + beyond) / m.ingest_wall:.1f}% of the run in all) (goal <= 5%)")  # fmt: skip
        print(f"  re-run of an already loaded inbox: {m.rerun_flow:.2f} s in the flow, {m.rerun_wall:.1f} s in all; "
              f"{max(0.0, m.rerun_wall - m.startup_wall):.1f} s beyond start-up (an empty inbox: "
              f"{m.startup_wall:.1f} s) (goal <= 5 s)")  # fmt: skip
        print(f"  peak RSS {m.peak_rss_mib:,.0f} MiB (goal <= 1,536)")
    if len(results) > 1:
        growth = results[-1].peak_rss_mib / results[0].peak_rss_mib - 1
        print(f"peak RSS at {results[-1].pages:,} pages is {100 * growth:+.0f}% of the figure at {results[0].pages:,} "
              f"(goal <= +25%)")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=1000)
    parser.add_argument("--scale", type=int, default=10, help="also measure pages x scale (1: only --pages)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--workdir", type=Path, help="keep corpora and runs here (default: a temporary folder)")
    args = parser.parse_args()
    work = args.workdir or Path(tempfile.mkdtemp(prefix="sinmun-pipeline-bench-"))
    sizes = [args.pages] if args.scale <= 1 else [args.pages, args.pages * args.scale]
    results = [measure(n, work / "corpus", work, args.seed) for n in sizes]
    report(results)
    if not args.workdir:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
