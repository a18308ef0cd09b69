"""Benchmark: does `sinmun sql` hold its time, memory and spill limits on the big cases of issue 14?

    .venv/bin/python bench/sql_limits_bench.py [--warehouse PATH] [--only NAME ...]

Each case runs the real CLI (``.venv/bin/sinmun sql``) on a published warehouse (by default, one sample page
ingested into a temporary folder by ``sinmun ingest``) and prints its exit code, wall time, peak resident memory
(the kernel's count for the command and the process it forks, from ``wait4``), the most it had spilled to disk at
once (the size of its spill folder, sampled every 20 ms) and what it left behind, with the first line it wrote to
standard error. This script imports nothing of sinmun, so the command does not inherit a large peak from it.

The figures of the issue, before the fix, are printed beside each case.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from contextlib import suppress
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SINMUN = ROOT / ".venv" / "bin" / "sinmun"
SAMPLE_PAGE = "bitgoeul/2024-03-05/1.txt"
ROWS = "select range as n, 'x' || range as label from range({n})"
SPILLING_SORT = (
    "select count(*), max(h) from (select md5(range::varchar) || repeat('x', 100) as h from range(10000000) order by h)"
)

# name, arguments after `sinmun sql`, what the issue measured before the fix
CASES = [
    ("csv-4M-rows-64MB", [ROWS.format(n=4_000_000), "--format", "csv", "--out", "{out}/rows.csv", "--memory-limit",
                          "64MB"], "peak 470 MiB"),
    ("list-20M-64MB-2s", ["select len(list_sort(list_transform(range(20000000), lambda x: x % 1000))) as n",
                          "--memory-limit", "64MB", "--time-limit", "2"], "2.16 GB, 5.8 s"),
    ("table-3M-rows-3s", [ROWS.format(n=3_000_000), "--time-limit", "3"], "22-28 s"),
    ("table-10M-rows", [ROWS.format(n=10_000_000)], "116 s, 2.8 GB"),
    ("csv-10M-rows-to-file", [ROWS.format(n=10_000_000), "--format", "csv", "--out", "{out}/ten.csv", "--force"],
     "(not measured)"),
    ("sort-spills-256MB", [SPILLING_SORT, "--memory-limit", "256MB"], "spilled 1.6-1.9 GB beside the warehouse"),
    ("sort-spill-capped-500MB", [SPILLING_SORT, "--memory-limit", "64MB", "--spill-limit", "500MB"],
     "(no cap before)"),
]  # fmt: skip


def folder_bytes(root: Path) -> int:
    total = 0
    for folder, _, files in os.walk(root):
        for name in files:
            with suppress(OSError):  # a spill file removed while the folder is read
                total += (Path(folder) / name).stat().st_size
    return total


def measure(argv: list[str], spill_root: Path) -> dict:
    env = {**os.environ, "TMPDIR": str(spill_root)}
    spilled = [0]
    stop = threading.Event()

    def watch_spill() -> None:
        while not stop.wait(0.02):
            spilled[0] = max(spilled[0], folder_bytes(spill_root))

    watcher = threading.Thread(target=watch_spill, daemon=True)
    with tempfile.TemporaryFile() as err:
        started = time.monotonic()
        proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=err, env=env)
        watcher.start()
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.monotonic() - started
        stop.set()
        watcher.join()
        err.seek(0)
        message = (err.read().decode(errors="replace").strip().splitlines() or [""])[0]
    proc.returncode = os.waitstatus_to_exitcode(status)
    return {
        "code": proc.returncode,
        "seconds": seconds,
        "peak_mib": usage.ru_maxrss / 1024,
        "spill_mib": spilled[0] / 2**20,
        "left_mib": folder_bytes(spill_root) / 2**20,
        "message": message.removeprefix("sinmun sql: "),
    }


def sample_warehouse(root: Path) -> Path:
    inbox = root / "inbox"
    page = inbox / SAMPLE_PAGE
    page.parent.mkdir(parents=True)
    shutil.copyfile(ROOT / "samples" / "inbox" / SAMPLE_PAGE, page)
    warehouse = root / "wh" / "sinmun.duckdb"
    env = {**os.environ, "PREFECT_HOME": str(root / "prefect"), "PREFECT_SERVER_ANALYTICS_ENABLED": "false"}
    subprocess.run([str(SINMUN), "ingest", str(inbox), "--warehouse", str(warehouse), "--no-progress"],
                   check=True, capture_output=True, env=env)  # fmt: skip
    return warehouse


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--warehouse", type=Path, help="a warehouse with a published copy (default: one sample page)")
    parser.add_argument("--only", nargs="*", help="run only these cases")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="sql-limits-bench-") as scratch:
        root = Path(scratch)
        warehouse = args.warehouse or sample_warehouse(root)
        out, spill_root = root / "out", root / "spill"
        out.mkdir()
        spill_root.mkdir()
        print(f"sinmun sql limits, {platform.node()} ({os.cpu_count()} cores), {time.strftime('%Y-%m-%d %H:%M')}")
        print(f"{'case':<24} {'exit':>4} {'wall s':>7} {'peak MiB':>9} {'spill MiB':>9} {'left MiB':>8}  "
              f"before the fix / what sinmun said")  # fmt: skip
        for name, case_args, before in CASES:
            if args.only and name not in args.only:
                continue
            argv = [str(SINMUN), "sql", *(a.format(out=out) for a in case_args), "--warehouse", str(warehouse)]
            m = measure(argv, spill_root)
            print(f"{name:<24} {m['code']:>4} {m['seconds']:>7.2f} {m['peak_mib']:>9.0f} {m['spill_mib']:>9.0f} "
                  f"{m['left_mib']:>8.0f}  {before} / {m['message'] or 'ok'}")  # fmt: skip
            sys.stdout.flush()
        beside = [p.name for p in Path(warehouse).parent.iterdir() if p.name.endswith(".tmp")]
        print(f"spill folders beside the warehouse: {beside or 'none'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
