"""The stop watchdog (``sinmun.ingest.interrupt``): a run still stopping ``STOP_GRACE_SECONDS`` after a signal
ends at once with 128 + the signal's number; the user reads one line about the stop, never two."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

from sinmun.ingest.interrupt import STOP_GRACE_SECONDS

SCRIPT = textwrap.dedent(
    """
    import os, signal, sys, time
    from sinmun.ingest.interrupt import IngestInterrupted, report_interruption, stopping_on_signals

    REPORT, HANG = sys.argv[1] == "report", float(sys.argv[2])
    try:
        with stopping_on_signals("sinmun ingest"):
            os.kill(os.getpid(), signal.SIGTERM)
            time.sleep(30)
    except IngestInterrupted as err:
        if REPORT:
            code = report_interruption(IngestInterrupted(err.signal_number), "ingest")
        time.sleep(HANG)  # what follows the stop (helpers ending, interpreter exit) takes this long
        sys.exit(code if REPORT else 0)
    """
)


def _run(report: bool, hang: float) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", SCRIPT, "report" if report else "silent", str(hang)],
                          capture_output=True, text=True, timeout=60)  # fmt: skip


REPORTED = ("sinmun ingest: interrupted by SIGTERM: the loads it committed before are complete, nothing else was "
            "written; run the ingest again to go on")  # fmt: skip
WATCHDOG = ("sinmun ingest: interrupted by SIGTERM: stopping took over 4 s, ended at once; the loads it committed "
            "are complete; run the ingest again to go on")  # fmt: skip


@pytest.mark.parametrize(
    "report, hang, lines",
    [
        (True, 0.0, [REPORTED]),  # reported, then exit is quick: the command's line alone
        (True, STOP_GRACE_SECONDS + 20, [REPORTED]),  # reported, exit slow: the watchdog ends it, no second line
        (False, STOP_GRACE_SECONDS + 20, [WATCHDOG]),  # never reported (the stop itself hangs): the watchdog's line
    ],
)
def test_a_stop_says_one_line_and_exits_with_the_signals_code(report: bool, hang: float, lines: list[str]):
    done = _run(report, hang)
    assert done.returncode == 143, done.stderr
    assert [line for line in done.stderr.splitlines() if line.strip()] == lines
