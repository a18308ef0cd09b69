"""Benchmark: the whole pipeline against Kiwi alone on the same text, at N and 10×N pages.

    .venv/bin/python bench/pipeline_bench.py [--pages 1000] [--scale 10] [--workdir DIR] [--seed 1]

For each size (N, then 10×N pages; ``--scale 1`` measures N only):

1. a deterministic synthetic corpus (``bench/corpus.py``; the N-page corpus is a prefix of the 10×N one);
2. ``sinmun ingest`` end to end, as a user runs it: a fresh process, the embedded Prefect (its temporary
   server), a fresh warehouse. Its summary gives the time of each stage; wall time, CPU time and the peak memory
   of the whole process tree (the ingest, its Kiwi process, the Prefect server: summed RSS, sampled every 0.1 s)
   are measured from outside. Every Kiwi call the run makes is recorded (``SINMUN_RECORD_KIWI_CALLS``);
3. Kiwi alone, in a fresh process: the recorded texts replayed, all tokenize texts in one batched call and all
   analyze texts in one, with the same number of Kiwi threads: exactly the text the pipeline analyses, at
   Kiwi's best batching;
4. the same pipeline without Prefect (``bench/plain_ingest.py``: same steps, same concurrency, no orchestration)
   into a fresh warehouse: the difference in wall time is Prefect's overhead;
5. at N only, ``sinmun ingest`` against a long-running Prefect server (``prefect server start``, as scheduled
   runs use): Prefect's overhead when the server is already up;
6. a second ``sinmun ingest`` of the same inbox (nothing new), and an ingest of an empty inbox (the process's
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
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SINMUN = Path(sys.executable).with_name("sinmun")
sys.path.insert(0, str(ROOT / "bench"))

from corpus import generate_corpus  # noqa: E402

STAGES = ("discover", "select", "read", "decode+hash", "segment", "entities", "normalize", "stage-write", "load",
          "record", "checks", "publish")  # fmt: skip


@dataclass
class Run:
    """One measured process: wall and CPU seconds, peak memory of its process tree, its output."""

    wall: float
    cpu: float
    peak_tree_mib: float  # largest sum of RSS over the process and all its descendants at one moment
    peak_by_role: dict[str, float]  # largest RSS of each kind of process: ingest, kiwi, prefect-server
    output: str


@dataclass
class Measured:
    pages: int
    characters: int = 0
    ingest: Run | None = None
    flow_seconds: float = 0.0
    stage_seconds: dict[str, float] = field(default_factory=dict)
    kiwi_alone: float = 0.0
    kiwi_characters: int = 0
    kiwi_calls: int = 0
    plain: Run | None = None
    plain_seconds: float = 0.0
    with_server: Run | None = None
    rerun: Run | None = None
    rerun_flow: float = 0.0
    startup: Run | None = None
    articles: int = 0
    # (with the temporary server, without Prefect, with a running server) wall seconds, one triple per round
    overhead_rounds: list[tuple[float, float, float]] = field(default_factory=list)


def _descendants(pid: int) -> list[int]:
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        for task in Path(f"/proc/{current}/task").glob("*"):
            with suppress(OSError):
                todo.extend(int(c) for c in (task / "children").read_text().split())
    return found


def _rss_and_role(pid: int) -> tuple[float, str]:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
        command = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        return 0.0, ""
    rss = next((int(line.split()[1]) / 1024 for line in status.splitlines() if line.startswith("VmRSS:")), 0.0)
    role = ("kiwi" if "sinmun.morphology" in command else
            "prefect-server" if "prefect.server" in command or "prefect server" in command or "/prefect " in command
            else "ingest")  # fmt: skip
    return rss, role


def run_measured(command: list[str], env: dict[str, str]) -> Run:
    """Run ``command`` to its end, sampling the memory of its process tree every 0.1 s."""
    started = time.perf_counter()
    peak, by_role = 0.0, {}
    with tempfile.TemporaryFile("w+") as output:
        proc = subprocess.Popen(command, stdout=output, stderr=subprocess.STDOUT, text=True, env=env)
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            total = 0.0
            for member in _descendants(proc.pid):
                rss, role = _rss_and_role(member)
                total += rss
                by_role[role] = max(by_role.get(role, 0.0), rss)
            peak = max(peak, total)
            time.sleep(0.1)
        proc.returncode = os.waitstatus_to_exitcode(status)
        wall = time.perf_counter() - started
        output.seek(0)
        out = output.read()
    if proc.returncode:
        raise SystemExit(f"{' '.join(command)} failed:\n{out[-3000:]}")
    return Run(wall, usage.ru_utime + usage.ru_stime, peak, by_role, out)


def ingest(inbox: Path, warehouse: Path, summary: Path, env: dict[str, str]) -> tuple[Run, dict]:
    run = run_measured(
        [str(SINMUN), "ingest", str(inbox), "--warehouse", str(warehouse), "--no-progress", "--summary-json",
         str(summary)], env,
    )  # fmt: skip
    return run, json.loads(summary.read_text(encoding="utf-8"))


def plain_ingest(inbox: Path, warehouse: Path, env: dict[str, str]) -> tuple[Run, dict]:
    run = run_measured([sys.executable, str(ROOT / "bench" / "plain_ingest.py"), str(inbox), str(warehouse)], env)
    return run, json.loads(run.output.strip().splitlines()[-1])


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


def measure(pages: int, corpus_root: Path, work: Path, seed: int, with_server: bool, rounds: int = 1) -> Measured:
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
    env.pop("PREFECT_API_URL", None)
    record = run / "kiwi-calls.pickle"
    print(f"[{pages} pages] ingest ...", flush=True)
    m.ingest, summary = ingest(
        inbox, run / "wh" / "sinmun.duckdb", run / "summary.json", {**env, "SINMUN_RECORD_KIWI_CALLS": str(record)}
    )
    m.flow_seconds, m.stage_seconds, m.articles = summary["flow_seconds"], summary["stage_seconds"], summary["articles"]
    print(f"[{pages} pages] Kiwi alone ...", flush=True)
    m.kiwi_alone, m.kiwi_characters, m.kiwi_calls = kiwi_alone(record)
    record.unlink()
    print(f"[{pages} pages] without Prefect ...", flush=True)
    m.plain, plain = plain_ingest(inbox, run / "plain" / "sinmun.duckdb", env)
    m.plain_seconds = plain["seconds"]
    assert plain["articles"] == m.articles, "the pipeline without Prefect loaded other articles"
    shutil.rmtree(run / "plain", ignore_errors=True)
    if with_server:
        print(f"[{pages} pages] ingest with a running Prefect server ...", flush=True)
        with running_prefect_server(env) as api:
            m.with_server, _ = ingest(
                inbox, run / "wh-server" / "sinmun.duckdb", run / "server.json", {**env, "PREFECT_API_URL": api}
            )
        shutil.rmtree(run / "wh-server", ignore_errors=True)
        m.overhead_rounds.append((m.ingest.wall, m.plain.wall, m.with_server.wall))
        for n in range(2, rounds + 1):  # more rounds, interleaved: runs on this machine vary by several seconds
            print(f"[{pages} pages] Prefect's overhead, round {n} of {rounds} ...", flush=True)
            embedded, _ = ingest(inbox, run / "wh-round" / "sinmun.duckdb", run / "round.json", env)
            shutil.rmtree(run / "wh-round", ignore_errors=True)
            plain_run, _ = plain_ingest(inbox, run / "plain" / "sinmun.duckdb", env)
            shutil.rmtree(run / "plain", ignore_errors=True)
            with running_prefect_server(env) as api:
                served, _ = ingest(
                    inbox, run / "wh-round" / "sinmun.duckdb", run / "round.json", {**env, "PREFECT_API_URL": api}
                )
            shutil.rmtree(run / "wh-round", ignore_errors=True)
            m.overhead_rounds.append((embedded.wall, plain_run.wall, served.wall))
    print(f"[{pages} pages] re-run ...", flush=True)
    m.rerun, rerun = ingest(inbox, run / "wh" / "sinmun.duckdb", run / "rerun.json", env)
    m.rerun_flow = rerun["flow_seconds"] or 0.0  # no flow runs when nothing is new
    assert rerun["pages_loaded"] == 0, "the re-run loaded pages"
    empty = run / "empty-inbox"
    empty.mkdir()
    m.startup, _ = ingest(empty, run / "wh-empty" / "sinmun.duckdb", run / "empty.json", env)
    shutil.rmtree(run / "wh", ignore_errors=True)
    return m


@contextmanager
def running_prefect_server(env: dict[str, str]) -> Iterator[str]:
    """A long-running Prefect server, as scheduled ingests use (``prefect server start``); yields its API URL."""
    from sinmun.flows.prefect_server import free_port, stop_process_group, wait_until_healthy

    port = free_port()
    api = f"http://127.0.0.1:{port}/api"
    server = subprocess.Popen(
        [str(SINMUN.with_name("prefect")), "server", "start", "--host", "127.0.0.1", "--port", str(port)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, start_new_session=True,
    )  # fmt: skip
    try:
        wait_until_healthy(api, server, 120)
        yield api
    finally:
        stop_process_group(server)


def report(results: list[Measured]) -> None:
    print()
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
          f"Kiwi threads {os.environ.get('SINMUN_KIWI_WORKERS') or os.cpu_count()}")  # fmt: skip
    header = (f"{'pages':>7} {'chars':>11} {'articles':>8} {'Kiwi alone s':>12} {'ingest s':>9} {'flow s':>7} "
              f"{'ratio':>6} {'CPU s':>6} {'no-Prefect s':>12} {'re-run s':>8} {'start-up s':>10} "
              f"{'peak MiB':>9}")  # fmt: skip
    print(header)
    for m in results:
        print(f"{m.pages:>7,} {m.characters:>11,} {m.articles:>8,} {m.kiwi_alone:>12.1f} {m.ingest.wall:>9.1f} "
              f"{m.flow_seconds:>7.1f} {m.kiwi_alone / m.flow_seconds:>6.2f} {m.ingest.cpu:>6.0f} "
              f"{m.plain.wall:>12.1f} {m.rerun.wall:>8.1f} {m.startup.wall:>10.1f} "
              f"{m.ingest.peak_tree_mib:>9,.0f}")  # fmt: skip
    print()
    print("time per stage (s; staging stages are summed over batches staged at the same time, so they overlap):")
    print(f"{'stage':<12}" + "".join(f"{m.pages:>10,}" for m in results))
    for stage in STAGES:
        print(f"{stage:<12}" + "".join(f"{m.stage_seconds.get(stage, 0.0):>10.2f}" for m in results))
    print()
    for m in results:
        print(f"{m.pages:,} pages: Kiwi alone {m.kiwi_characters:,} characters in {m.kiwi_calls:,} recorded calls, "
              f"{m.kiwi_alone:.1f} s")  # fmt: skip
        print(f"  end-to-end throughput {m.kiwi_alone / m.flow_seconds:.2f}x Kiwi alone in the flow, "
              f"{m.kiwi_alone / m.ingest.wall:.2f}x counting the whole process; without Prefect "
              f"{m.kiwi_alone / m.plain_seconds:.2f}x in the pipeline, {m.kiwi_alone / m.plain.wall:.2f}x in all "
              f"(goal >= 0.8)")  # fmt: skip
        overhead = m.ingest.wall - m.plain.wall
        print(f"  Prefect's overhead with its temporary server: {overhead:.1f} s of {m.ingest.wall:.1f} s "
              f"({100 * overhead / m.ingest.wall:.1f}% of the run) (goal <= 5%)")  # fmt: skip
        if m.with_server:
            overhead = m.with_server.wall - m.plain.wall
            print(f"  Prefect's overhead with a running server: {overhead:.1f} s of {m.with_server.wall:.1f} s "
                  f"({100 * overhead / m.with_server.wall:.1f}% of the run)")  # fmt: skip
        if len(m.overhead_rounds) > 1:
            embedded, plain, served = (statistics.median(r[i] for r in m.overhead_rounds) for i in range(3))
            walls = "; ".join(f"{e:.1f} / {p:.1f} / {s:.1f}" for e, p, s in m.overhead_rounds)
            print(f"  over {len(m.overhead_rounds)} interleaved rounds (temporary server / without Prefect / running "
                  f"server, s: {walls}), medians: Prefect's overhead {embedded - plain:.1f} s with its temporary "
                  f"server ({100 * (embedded - plain) / embedded:.1f}%), {served - plain:.1f} s with a running "
                  f"server ({100 * (served - plain) / served:.1f}%) (goal <= 5%)")  # fmt: skip
        print(f"  re-run of an already loaded inbox: {m.rerun_flow:.2f} s in the flow, {m.rerun.wall:.1f} s in all; "
              f"{max(0.0, m.rerun.wall - m.startup.wall):.1f} s beyond start-up (an empty inbox: "
              f"{m.startup.wall:.1f} s) (goal <= 5 s)")  # fmt: skip
        roles = ", ".join(f"{role} {mib:,.0f}" for role, mib in sorted(m.ingest.peak_by_role.items()) if role)
        print(f"  peak memory of the run's processes together {m.ingest.peak_tree_mib:,.0f} MiB (each one's peak: "
              f"{roles}) (goal <= 1,536)")  # fmt: skip
    if len(results) > 1:
        growth = results[-1].ingest.peak_tree_mib / results[0].ingest.peak_tree_mib - 1
        print(f"peak memory at {results[-1].pages:,} pages is {100 * growth:+.0f}% of the figure at "
              f"{results[0].pages:,} (goal <= +25%)")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=1000)
    parser.add_argument("--scale", type=int, default=10, help="also measure pages x scale (1: only --pages)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--overhead-rounds", type=int, default=1,
                        help="rounds of (ingest, without Prefect, with a running server) at the first size; medians")  # fmt: skip
    parser.add_argument("--workdir", type=Path, help="keep corpora and runs here (default: a temporary folder)")
    args = parser.parse_args()
    work = args.workdir or Path(tempfile.mkdtemp(prefix="sinmun-pipeline-bench-"))
    sizes = [args.pages] if args.scale <= 1 else [args.pages, args.pages * args.scale]
    results = [
        measure(n, work / "corpus", work, args.seed, with_server=n == sizes[0], rounds=args.overhead_rounds)
        for n in sizes
    ]
    report(results)
    if not args.workdir:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
