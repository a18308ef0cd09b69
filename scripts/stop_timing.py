"""Time how long `sinmun ingest` takes to stop on SIGINT or SIGTERM, mid-run.

    .venv/bin/python scripts/stop_timing.py [--trials 3] [--pages 300] [--batch-pages 10]

For each trial and each way of stopping (SIGINT to the run's process group, as a terminal's Ctrl-C; SIGINT to
the process alone; SIGTERM to the process alone; SIGTERM to the process group): a fresh warehouse, a real
`sinmun ingest` of a generated corpus (``bench/corpus.py``) on the temporary Prefect server, the signal sent just
after its second load commits; prints the seconds from the signal to the exit, the exit code, the line the
command printed and whether any helper process outlived it.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

import kill_loop as kl  # noqa: E402

WAYS = (("SIGINT", True), ("SIGINT", False), ("SIGTERM", False), ("SIGTERM", True))


def _alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def one_stop(
    inbox: Path, work: Path, signal_name: str, to_group: bool, batch_pages: int
) -> tuple[float, int, str, int]:
    """Seconds from the signal to the exit, the exit code, the command's last line, helpers left after 5 s."""
    db = work / "wh" / "s.duckdb"
    shutil.rmtree(db.parent, ignore_errors=True)
    log, errors = work / "out.log", work / "err.log"
    with log.open("w") as out, errors.open("w") as err:
        proc = subprocess.Popen(kl.ingest_command(inbox, db, batch_pages), stdout=out, stderr=err,
                                env=kl.subprocess_env(), start_new_session=True)  # fmt: skip
    try:
        while len(re.findall(kl.LOAD_DONE, log.read_text() + errors.read_text())) < 3:
            if proc.poll() is not None:
                raise SystemExit("the run ended before the signal: use more --pages")
            time.sleep(0.02)
        helpers = kl._descendants(proc.pid)
        sent = time.monotonic()
        (os.killpg if to_group else os.kill)(proc.pid, getattr(signal, signal_name))
        code = proc.wait(timeout=600)
        seconds = time.monotonic() - sent
    finally:
        if proc.poll() is None:
            kl.kill_group(proc)
    deadline = time.monotonic() + 5
    while any(_alive(p) for p in helpers) and time.monotonic() < deadline:
        time.sleep(0.05)
    lines = [line for line in errors.read_text().splitlines() if line.startswith("sinmun ingest:")]
    return seconds, code, lines[-1] if lines else "", sum(_alive(p) for p in helpers)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--trials", type=int, default=3)
    parser.add_argument("--pages", type=int, default=300)
    parser.add_argument("--batch-pages", type=int, default=10)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="sinmun-stop-") as tmp:
        work = Path(tmp)
        inbox = work / "inbox"
        subprocess.run([sys.executable, str(ROOT / "bench" / "corpus.py"), str(inbox), "--pages", str(args.pages)],
                       check=True, capture_output=True)  # fmt: skip
        for signal_name, to_group in WAYS:
            way = f"{signal_name} to the {'process group' if to_group else 'process'}"
            seconds = []
            for trial in range(1, args.trials + 1):
                spent, code, line, left = one_stop(inbox, work, signal_name, to_group, args.batch_pages)
                seconds.append(spent)
                print(f"{way}, trial {trial}: {spent:.2f} s, exit {code}, helpers left {left}: {line}", flush=True)
            print(f"{way}: median {statistics.median(seconds):.2f} s, max {max(seconds):.2f} s", flush=True)


if __name__ == "__main__":
    main()
