"""Scheduled ingestion against a real Prefect server: `prefect server start`, then `sinmun serve`.

The test drops pages into the inbox and checks that a *scheduled* flow run (created by the server's
scheduler, not called directly) loaded them; a second drop is loaded by a later scheduled run, and pages
already loaded are not loaded again. The server and the served process are stopped by the test.
"""

from __future__ import annotations

import os
import signal
import subprocess
import time
from pathlib import Path

import duckdb
import httpx
import pytest

from sinmun.ingest.prefect_server import api_healthy, free_port, stop_process_group
from tests.conftest import ROOT
from tests.warehouse.conftest import copy_samples

BIN = ROOT / ".venv" / "bin"
FIRST = ["bitgoeul/2024-03-04/1.txt", "namdo/2024-03-05/4.txt"]
SECOND = ["seohae/2024-03-07/1.txt", "seohae/2024-03-08/5.txt"]


def _wait_until(condition, timeout: float, what: str, logs: list[Path]) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(1)
    tails = "\n".join(f"--- {p.name}\n{p.read_text(errors='replace')[-3000:]}" for p in logs if p.exists())
    pytest.fail(f"timed out waiting for {what}\n{tails}")


def _loaded(published: Path) -> list[tuple]:
    if not published.exists():
        return []
    con = duckdb.connect(str(published), read_only=True)
    try:
        return con.execute(
            "select flow_run_id, pages_loaded from ingest_run where pages_loaded > 0 order by started_at"
        ).fetchall()
    finally:
        con.close()


def test_scheduled_runs_load_new_pages_exactly_once(tmp_path: Path):
    port = free_port()
    api = f"http://127.0.0.1:{port}/api"
    env = {
        **os.environ,
        "PREFECT_HOME": str(tmp_path / "prefect-home"),
        "PREFECT_API_URL": api,
        "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
        "PREFECT_UI_ENABLED": "false",
        "PREFECT_SERVER_SERVICES_SCHEDULER_LOOP_SECONDS": "1",
        "PREFECT_RUNNER_POLL_FREQUENCY": "2",
    }
    env.pop("PREFECT_API_KEY", None)
    inbox, warehouse = tmp_path / "inbox", tmp_path / "wh" / "sinmun.duckdb"
    inbox.mkdir()
    published = warehouse.with_name("sinmun.published.duckdb")
    server_log, serve_log = tmp_path / "server.log", tmp_path / "serve.log"
    with server_log.open("w") as slog, serve_log.open("w") as rlog:
        server = subprocess.Popen(
            [str(BIN / "prefect"), "server", "start", "--host", "127.0.0.1", "--port", str(port)],
            env=env, stdout=slog, stderr=subprocess.STDOUT, start_new_session=True,
        )  # fmt: skip
        served = None
        try:
            _wait_until(lambda: api_healthy(api), 180, "the Prefect server", [server_log])
            served = subprocess.Popen(
                [str(BIN / "sinmun"), "serve", str(inbox), "--warehouse", str(warehouse), "--interval", "5",
                 "--settle-seconds", "1"],
                env=env, stdout=rlog, stderr=subprocess.STDOUT, start_new_session=True,
            )  # fmt: skip
            copy_samples(inbox, only=FIRST)
            _wait_until(lambda: sum(n for _, n in _loaded(published)) >= 2, 240, "the first drop", [serve_log])
            copy_samples(inbox, only=SECOND)
            _wait_until(lambda: sum(n for _, n in _loaded(published)) >= 4, 240, "the second drop", [serve_log])
            time.sleep(12)  # let a few more scheduled runs pass over the loaded inbox
            loads = _loaded(published)
            runs = _flow_runs(api, [run_id for run_id, _ in loads])
        finally:
            if served is not None:
                stop_process_group(served, signal.SIGINT, timeout=30)
            stop_process_group(server, signal.SIGINT, timeout=30)

    assert [n for _, n in loads] == [2, 2], "each drop loaded once, by its own run; nothing loaded twice"
    assert loads[0][0] != loads[1][0]
    for run_id, _ in loads:
        run = runs[run_id]
        assert run["auto_scheduled"] is True, "loaded by a run the scheduler created, not a direct call"
        assert run["deployment_id"]
    con = duckdb.connect(str(published), read_only=True)
    try:
        assert con.execute("select count(*), count(distinct page_id) from ledger_page").fetchone() == (4, 4)
    finally:
        con.close()


def _flow_runs(api: str, ids: list[str]) -> dict[str, dict]:
    response = httpx.post(f"{api}/flow_runs/filter", json={"flow_runs": {"id": {"any_": ids}}}, timeout=10)
    response.raise_for_status()
    return {run["id"]: run for run in response.json()}
