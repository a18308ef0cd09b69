"""The loader's commands on bad ground answer in one line, never a traceback, through the real CLI: an inbox that
is a file, a backfill with nothing to load, no Prefect server for `serve` and `schedule`, a schedule that is not
one, and the warehouse file held open by another program (a notebook), which is named with what to do."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from sinmun.flows.prefect_server import free_port
from tests.helpers.warehouse import copy_samples

pytestmark = pytest.mark.integration  # the real `sinmun` command in a subprocess

# A notebook's kernel: a connection to the loader's file, kept open until the test ends.
NOTEBOOK = "import duckdb, sys, time\ncon = duckdb.connect(sys.argv[1])\nprint('open', flush=True)\ntime.sleep(600)\n"


@dataclass(frozen=True)
class Place:
    root: Path
    inbox: Path  # two sample pages under <publication>/<date>/
    a_file: Path
    held_warehouse: Path
    notebook_pid: int
    server_down: str  # an API address nothing answers at


@pytest.fixture(scope="module")
def place(tmp_path_factory) -> Place:
    root = tmp_path_factory.mktemp("cli_errors")
    inbox = root / "inbox"
    copy_samples(inbox, only=["bitgoeul/2024-03-04/1.txt", "namdo/2024-03-05/4.txt"])
    a_file = root / "pages.txt"
    a_file.write_text("한 줄짜리 파일이다.\n", encoding="utf-8")
    held = root / "held" / "sinmun.duckdb"
    held.parent.mkdir()
    notebook = subprocess.Popen([sys.executable, "-c", NOTEBOOK, str(held)], stdout=subprocess.PIPE, text=True)
    assert notebook.stdout.readline().strip() == "open"
    try:
        yield Place(root, inbox, a_file, held, notebook.pid, f"http://127.0.0.1:{free_port()}/api")
    finally:
        notebook.kill()
        notebook.wait()


@dataclass(frozen=True)
class Case:
    name: str
    args: tuple[str, ...]  # {inbox}, {file}, {warehouse}, {held} are filled in from the place
    exit_code: int
    says: tuple[str, ...]
    api: bool = False  # PREFECT_API_URL set to a server that is down


CASES = [
    Case("ingest of an inbox that is a file", ("ingest", "{file}", "--warehouse", "{warehouse}"), 2,
         ("the inbox", "pages.txt is a file, not a folder")),
    Case("backfill of an inbox that is a file", ("backfill", "{file}", "--from", "2024-03-04", "--to", "2024-03-05",
         "--warehouse", "{warehouse}"), 2, ("is a file, not a folder",)),
    Case("backfill over dates with nothing to load", ("backfill", "{inbox}", "--from", "2020-01-01", "--to",
         "2020-01-31", "--warehouse", "{warehouse}"), 0,
         ("nothing to load", "no dated partition", "from 2020-01-01 to 2020-01-31")),
    Case("serve when the server is down", ("serve", "{inbox}", "--warehouse", "{warehouse}"), 2,
         ("no Prefect server answers at {api}", "prefect server start"), api=True),
    Case("serve with a cron line of four fields", ("serve", "{inbox}", "--cron", "0 6 * *"), 2,
         ('--cron: Invalid cron string: "0 6 * *"', "five fields"), api=True),
    Case("serve with an unknown time zone", ("serve", "{inbox}", "--timezone", "Asia/Gwangju"), 2,
         ("--timezone: not a time zone: 'Asia/Gwangju'",), api=True),
    Case("schedule when the server is down", ("schedule", "pause"), 2, ("no Prefect server answers at {api}",),
         api=True),
    Case("ingest while a notebook holds the loader's file", ("ingest", "{inbox}", "--warehouse", "{held}",
         "--no-progress"), 3,
         ("held open by another program (PID {pid}: ", "duckdb.connect(sys.argv[1])", "close its connection",
          "restart the kernel", "published copy")),
]  # fmt: skip


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_loader_commands_answer_in_one_line(case: Case, place: Place, sinmun_bin: Path):
    fill = {"inbox": place.inbox, "file": place.a_file, "held": place.held_warehouse, "pid": place.notebook_pid,
            "warehouse": place.root / "wh" / "sinmun.duckdb", "api": place.server_down}  # fmt: skip
    env = {**os.environ, "PREFECT_HOME": str(place.root / "prefect-home"), "PREFECT_SERVER_ANALYTICS_ENABLED": "false"}
    env.pop("PREFECT_API_URL", None)
    if case.api:
        env["PREFECT_API_URL"] = place.server_down
    started = time.monotonic()
    run = subprocess.run(
        [str(sinmun_bin), *(arg.format(**fill) for arg in case.args)], capture_output=True, text=True, env=env,
        cwd=place.root, timeout=180,
    )  # fmt: skip
    said = run.stdout if case.exit_code == 0 else run.stderr
    assert run.returncode == case.exit_code, (run.returncode, run.stdout, run.stderr)
    assert "Traceback" not in run.stderr + run.stdout
    lines = [line for line in said.splitlines() if line.strip()]
    assert len(lines) == 1, said
    for fragment in case.says:
        assert fragment.format(**fill) in lines[0], lines[0]
    assert "being written by another process" not in lines[0]
    assert time.monotonic() - started < 120  # a hang guard, not a timing
