"""What `sinmun ingest` shows, through the real CLI: a first line at once; a clean terminal (a progress bar on a
terminal only, Prefect's log lines in the log file beside the warehouse, no links to the run's temporary server,
no telemetry notice, no Python dict); `--quiet` prints nothing on success; a run with nothing new starts neither
Prefect nor Kiwi (no server or Kiwi process, neither imported)."""

from __future__ import annotations

import json
import os
import pty
import re
import struct
import subprocess
import termios
import threading
import time
from dataclasses import dataclass, field
from fcntl import ioctl
from pathlib import Path

import pytest

from tests.helpers.processes import child_pids, command_line
from tests.helpers.warehouse import copy_samples

pytestmark = pytest.mark.integration  # the real `sinmun` command in a subprocess

FIRST_PAGES = ["bitgoeul/2024-03-04/1.txt", "bitgoeul/2024-03-04/3.txt", "namdo/2024-03-05/1.txt"]
LATER_PAGE = "seohae/2024-03-07/1.txt"
# Prefect's client telemetry is off in CI: the runs here must not look like CI, or its notice could never show.
CI_VARIABLES = ("CI", "GITHUB_ACTIONS", "GITLAB_CI", "JENKINS_URL", "BUILDKITE", "CIRCLECI", "TRAVIS", "TF_BUILD",
                "CODEBUILD_BUILD_ID", "TEAMCITY_VERSION", "BITBUCKET_BUILD_NUMBER", "DRONE", "APPVEYOR")  # fmt: skip
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")  # anything but text, tab and newline


@dataclass
class Watched:
    returncode: int
    stdout: str
    stderr: str
    children: dict[int, str] = field(default_factory=dict)  # every child process seen, with its command line


def run_watched(command: list[str], env: dict[str, str], *, terminal: bool = False) -> Watched:
    """Run ``command`` and note every child process it starts; on a pseudo-terminal (stdout and stderr both, read
    as ``stdout``) with ``terminal``, else on pipes."""
    if terminal:
        main, secondary = pty.openpty()
        ioctl(secondary, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
        proc = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=secondary, stderr=secondary, env=env)
        os.close(secondary)
        chunks: list[bytes] = []

        def read() -> None:
            while True:
                try:
                    chunk = os.read(main, 65536)
                except OSError:  # the terminal's other side closed
                    return
                if not chunk:
                    return
                chunks.append(chunk)

        reader = threading.Thread(target=read, daemon=True)
        reader.start()
    else:
        proc = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                env=env)  # fmt: skip
        streams: dict[str, bytes] = {}
        readers = [threading.Thread(target=lambda n=name, s=stream: streams.__setitem__(n, s.read()), daemon=True)
                   for name, stream in (("out", proc.stdout), ("err", proc.stderr))]  # fmt: skip
        for reader in readers:
            reader.start()
    children: dict[int, str] = {}
    deadline = time.monotonic() + 600  # a hang guard only
    while proc.poll() is None and time.monotonic() < deadline:
        # A child is read again while it lives: between fork and exec it still shows its parent's command line.
        for child in child_pids(proc.pid):
            children[child] = command_line(child) or children.get(child, "")
        time.sleep(0.02)
    returncode = proc.wait(timeout=60)
    if terminal:
        reader.join(timeout=10)
        os.close(main)
        return Watched(returncode, b"".join(chunks).decode(errors="replace"), "", children)
    for reader in readers:
        reader.join(timeout=10)
    return Watched(returncode, streams["out"].decode(), streams["err"].decode(), children)


def helpers(children: dict[int, str]) -> list[str]:
    """The command lines of the run's Prefect server and Kiwi process among its children."""
    return [line for line in children.values() if "uvicorn" in line or "prefect" in line or "sinmun.morphology" in line]


@dataclass
class Runs:
    warehouse: Path
    log_file: Path
    on_terminal: Watched  # a first ingest, on a terminal
    quiet_work: Watched  # a later page, --quiet, on pipes
    quiet_summary: dict
    nothing_new: Watched
    nothing_new_quiet: Watched
    nothing_new_imports: Watched  # the same with Python's import timings on stderr


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory, sinmun_bin: Path) -> Runs:
    root = tmp_path_factory.mktemp("console")
    inbox = root / "inbox"
    copy_samples(inbox, only=FIRST_PAGES)
    warehouse = root / "wh" / "sinmun.duckdb"
    # A Prefect home of its own, as a new user's, and no telemetry opt-out or CI marker in the environment.
    env = {k: v for k, v in os.environ.items() if k not in CI_VARIABLES and k != "DO_NOT_TRACK"}
    env.update(PREFECT_HOME=str(root / "prefect-home"), COLUMNS="120")
    env.pop("PREFECT_API_URL", None)
    ingest = [str(sinmun_bin), "ingest", str(inbox), "--warehouse", str(warehouse)]
    on_terminal = run_watched(ingest, env, terminal=True)
    copy_samples(inbox, only=[LATER_PAGE])
    summary_path = root / "summary.json"
    quiet_work = run_watched([*ingest, "--quiet", "--summary-json", str(summary_path)], env)
    nothing_new = run_watched(ingest, env)
    nothing_new_quiet = run_watched([*ingest, "--quiet"], env)
    nothing_new_imports = run_watched(ingest, {**env, "PYTHONPROFILEIMPORTTIME": "1"})
    return Runs(warehouse, warehouse.with_name("sinmun.log"), on_terminal, quiet_work,
                json.loads(summary_path.read_text()) if summary_path.exists() else {}, nothing_new, nothing_new_quiet, nothing_new_imports)  # fmt: skip


def test_on_a_terminal_the_bar_moves_and_nothing_else_clutters_it(runs: Runs) -> None:
    run = runs.on_terminal
    assert run.returncode == 0, run.stdout[-3000:]
    text = run.stdout
    assert text.startswith("sinmun ingest: looking for new pages in "), text[:300]
    assert "3/3" in text  # the bar, drawn on the terminal, reached every page
    assert "3 pages seen, 3 loaded" in text
    assert "anonymous usage data" not in text and "telemetry" not in text.lower()  # Prefect's first-run notice
    assert "http://" not in text and "https://" not in text  # no link to a server that ends with the run
    assert "| INFO" not in text and "Task run" not in text and "Flow run" not in text  # Prefect's lines: in the file
    assert "{'" not in text  # no Python dict of the summary


def test_quiet_prints_nothing_when_the_run_succeeds(runs: Runs) -> None:
    run = runs.quiet_work
    assert run.returncode == 0, run.stderr[-3000:]
    assert (run.stdout, run.stderr) == ("", "")
    assert runs.quiet_summary["pages_loaded"] == 1  # it did load the later page
    quiet = runs.nothing_new_quiet
    assert (quiet.returncode, quiet.stdout, quiet.stderr) == (0, "", "")


def test_prefects_log_lines_go_to_the_log_file_beside_the_warehouse(runs: Runs) -> None:
    lines = runs.log_file.read_text(encoding="utf-8").splitlines()
    assert sum("Beginning flow run" in line for line in lines) == 2  # both runs that had work
    assert any("Task run 'stage-batch" in line and "Completed" in line for line in lines)
    summaries = [line for line in lines if " - ingest " in line]
    assert len(summaries) == 2 and "1 loaded" in summaries[1]
    assert not [line for line in lines if "{'" in line or "View at" in line or "http://" in line]


def test_the_summary_gives_the_processs_wall_time(runs: Runs) -> None:
    summary = runs.quiet_summary
    # The process started Prefect's server and Kiwi before its flow ran: its own time is longer than the flow's.
    assert summary["flow_seconds"] is not None and summary["seconds"] > summary["flow_seconds"] + 0.5, summary


def test_a_run_with_nothing_new_says_so_and_starts_neither_prefect_nor_kiwi(runs: Runs) -> None:
    run = runs.nothing_new
    assert run.returncode == 0, run.stderr
    lines = run.stdout.splitlines()
    assert lines[0].startswith("sinmun ingest: looking for new pages in ")
    assert lines[1] == "sinmun ingest: nothing new: 4 pages loaded before, none to load"
    assert lines[2].startswith("sinmun ingest: 4 pages seen, 0 loaded, 4 skipped as duplicates, 0 quarantined")
    assert run.stderr == ""
    assert not CONTROL.search(run.stdout), run.stdout  # off a terminal: no bar, no control characters
    assert helpers(run.children) == [], run.children
    assert helpers(runs.on_terminal.children)  # the same watch sees them in a run that has work
    imported = {line.rsplit("|", 1)[-1].strip() for line in runs.nothing_new_imports.stderr.splitlines()}
    assert runs.nothing_new_imports.returncode == 0
    assert "sinmun.ingest.precheck" in imported  # the timings are there
    assert not {name for name in imported if name.split(".")[0] in ("prefect", "kiwipiepy", "flows")}


def test_output_off_a_terminal_has_no_control_characters(runs: Runs) -> None:
    for run in (runs.quiet_work, runs.nothing_new):
        assert not CONTROL.search(run.stdout + run.stderr), run.stdout + run.stderr


def test_a_log_file_that_cannot_be_written_never_fails_the_run(tmp_path: Path, sinmun_bin: Path) -> None:
    inbox = tmp_path / "inbox"
    copy_samples(inbox, only=FIRST_PAGES[:1])
    warehouse = tmp_path / "wh" / "sinmun.duckdb"
    warehouse.with_suffix(".log").mkdir(parents=True)  # a folder where the log file would be
    run = subprocess.run([str(sinmun_bin), "ingest", str(inbox), "--warehouse", str(warehouse)],
                         capture_output=True, text=True, timeout=600)  # fmt: skip
    assert run.returncode == 0, run.stderr[-3000:]
    assert "1 pages seen, 1 loaded" in run.stdout
    assert run.stderr.splitlines() == [
        f"sinmun ingest: warning: cannot write the log file {warehouse.with_suffix('.log')} ([Errno 21] Is a "
        f"directory: '{warehouse.with_suffix('.log')}'); Prefect's log lines of this run are not kept"
    ]
