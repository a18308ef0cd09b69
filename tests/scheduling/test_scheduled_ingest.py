"""Scheduled ingestion against a real Prefect server: `prefect server start`, then `sinmun serve`.

The test drops pages into the inbox and checks that a *scheduled* flow run (created by the server's
scheduler, not called directly) loaded them; a second drop is loaded by a later scheduled run, and pages
already loaded are not loaded again. `sinmun serve` says what it serves and stops on SIGTERM, cleanly; then
`sinmun schedule pause` leaves no run waiting to pile up, `resume` schedules again and `remove` deletes the
deployment. The server and the served process are stopped by the test.
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import time
from pathlib import Path

import duckdb
import httpx
import pytest

from sinmun.flows.prefect_server import api_healthy, free_port, stop_process_group
from tests.conftest import ROOT
from tests.helpers.warehouse import copy_samples

pytestmark = pytest.mark.integration  # a Prefect server and the real `sinmun` command

BIN = ROOT / ".venv" / "bin"
FIRST = ["bitgoeul/2024-03-04/1.txt", "namdo/2024-03-05/4.txt"]
SECOND = ["seohae/2024-03-07/1.txt", "seohae/2024-03-08/5.txt"]
DEPLOYMENT = "sinmun-scheduled-ingest"


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
            served.send_signal(signal.SIGTERM)  # as a service manager stops it
            stopped_with = served.wait(timeout=60)
            left_running = httpx.post(f"{api}/flow_runs/filter", json={
                "flow_runs": {"state": {"type": {"any_": ["RUNNING", "PENDING"]}}}
            }).json()  # fmt: skip
            managed = _manage_the_schedule(api, env)
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

    served_said = serve_log.read_text(errors="replace")
    assert stopped_with == 0, served_said[-3000:]
    banner = served_said.splitlines()[:5]
    assert banner[0] == f"sinmun serve: deployment sinmun-ingest/{DEPLOYMENT} on the Prefect server at {api}"
    assert banner[1].split() == ["inbox:", str(inbox), "(files", "settle", "1", "s", "before", "they", "are", "loaded)"]
    assert banner[2].startswith(f"  warehouse: {warehouse} (published for analysts: {published})")
    assert re.fullmatch(r"  schedule:  every 5 s; next run \d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+09:00", banner[3]), banner[3]
    assert served_said.rstrip().endswith("sinmun serve: stopped")
    assert "never awaited" not in served_said and "Traceback" not in served_said
    assert left_running == [], "a run under way when serve stopped is cancelled, not left Running on the server"

    paused, resumed, removed = managed["pause"], managed["resume"], managed["remove"]
    assert paused["deployment"]["paused"] is True and paused["waiting_runs"] == 0, "no run left to pile up"
    assert paused["said"].startswith(f"sinmun schedule: {DEPLOYMENT} paused; dropped ")
    assert resumed["deployment"]["paused"] is False and resumed["waiting_runs"] > 0, "the server schedules again"
    assert removed["deployment"] is None and removed["waiting_runs"] == 0
    assert managed["remove again"]["code"] == 2
    assert (
        managed["remove again"]["said"] == f"sinmun schedule: no deployment sinmun-ingest/{DEPLOYMENT} on the "
        "Prefect server (`sinmun serve` creates it)"
    )


def _manage_the_schedule(api: str, env: dict) -> dict:
    """Run `sinmun schedule pause`, `resume`, `remove` and `remove` again, each followed by a look at the server:
    the deployment and how many of its runs wait, scheduled and never started, after a few scheduler loops."""
    seen = {}
    for step in ("pause", "resume", "remove", "remove again"):
        run = subprocess.run([str(BIN / "sinmun"), "schedule", step.split()[0]], env=env, capture_output=True,
                             text=True, timeout=120)  # fmt: skip
        if step in ("pause", "resume"):
            time.sleep(3)  # the scheduler runs every second: what it would schedule, it has
        found = httpx.post(f"{api}/deployments/filter", json={"deployments": {"name": {"any_": [DEPLOYMENT]}}})
        deployment = next(iter(found.json()), None)
        waiting = httpx.post(f"{api}/flow_runs/filter", json={
            "flow_runs": {"state": {"type": {"any_": ["SCHEDULED"]}}},
            "deployments": {"id": {"any_": [deployment["id"] if deployment else seen["pause"]["deployment"]["id"]]}},
        })  # fmt: skip
        said = (run.stdout + run.stderr).strip()
        seen[step] = {"code": run.returncode, "said": said, "deployment": deployment,
                      "waiting_runs": len([r for r in waiting.json() if r["run_count"] == 0])}  # fmt: skip
        assert len(said.splitlines()) == 1 and (run.returncode == 0 or step == "remove again"), said
    return seen


def _flow_runs(api: str, ids: list[str]) -> dict[str, dict]:
    response = httpx.post(f"{api}/flow_runs/filter", json={"flow_runs": {"id": {"any_": ids}}}, timeout=10)
    response.raise_for_status()
    return {run["id"]: run for run in response.json()}
