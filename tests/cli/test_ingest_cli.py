"""End to end through the real CLI: `sinmun ingest` (Prefect flow, DuckDB file) then `sinmun sql`."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import duckdb
import pytest

from sinmun.store.warehouse import SCHEMA_VERSION
from tests.conftest import SampleWarehouse, require_shared
from tests.helpers.processes import alive, child_pids, command_line
from tests.helpers.warehouse import query, table_fingerprints

pytestmark = pytest.mark.integration  # the real `sinmun` command in a subprocess


def run(sinmun_bin: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([str(sinmun_bin), *args], capture_output=True, text=True, timeout=600)


def test_ingest_loads_reference_and_samples_once_and_only_once(
    tmp_path: Path, sinmun_bin: Path, samples_warehouse: SampleWarehouse
):
    require_shared()
    first = samples_warehouse.ingest  # the first run: `sinmun ingest` of the samples and the reference page
    assert first.returncode == 0, first.stderr[-2000:]
    assert "35 pages seen, 35 loaded, 0 skipped as duplicates, 0 quarantined" in first.stdout
    published = samples_warehouse.published
    assert published.exists()

    # The reference page: 7 articles, 6 of them with reporters, the right reporters with their e-mails.
    seed_articles = query(
        published,
        "select a.ordinal, a.kind, a.reporter_count from fct_article a join ledger_page p using (page_id) "
        "where p.source_path = 'extra/seed.txt' and p.is_current order by a.ordinal",
    )
    assert [k for _, k, _ in seed_articles] == ["news", "photo", "news", "news", "news", "news", "ad"]
    assert sum(1 for *_, n in seed_articles if n > 0) == 6
    reporters = query(
        published,
        "select distinct r.reporter_name, r.email from bridge_article_reporter b "
        "join dim_reporter r using (reporter_key) join fct_article a using (article_key) "
        "join ledger_page p using (page_id) where p.source_path = 'extra/seed.txt' order by 1",
    )
    assert reporters == [
        ("김진수", "jeans@kwangju.co.kr"),
        ("박진표", "lucky@kwangju.co.kr"),
        ("윤현석", "chadol@kwangju.co.kr"),
    ]
    # Its people are in dim_entity, with the titles written beside them in fct_entity_mention.
    titles = dict(
        query(
            published,
            "select e.canonical_name, m.title_as_written from fct_entity_mention m "
            "join dim_entity e using (entity_key) join fct_article a using (article_key) "
            "join ledger_page p using (page_id) "
            "where p.source_path = 'extra/seed.txt' and e.entity_type = 'PERSON' and m.title_as_written is not null",
        )
    )
    assert titles["강기정"] == "광주시장"
    assert titles["김준하"] == "인공지능산업융합사업단장"
    assert titles["김동근"] == "한국광산업진흥회 상근부회장"
    assert titles["이용빈"] == titles["민형배"] == "국회의원"
    assert len(titles) >= 16

    # The ledger accounts for every file, and a second run changes nothing at all.
    assert query(published, "select count(*) from ledger_page where is_current") == [(35,)]
    # The second run goes to a copy: the session's other tests read the shared warehouse as the first run left it.
    warehouse = tmp_path / "wh" / "sinmun.duckdb"
    shutil.copytree(samples_warehouse.path.parent, warehouse.parent)
    before = table_fingerprints(warehouse)
    second = run(sinmun_bin, "ingest", str(samples_warehouse.inbox), "--warehouse", str(warehouse), "--no-progress")
    assert second.returncode == 0, second.stderr[-2000:]
    assert "35 pages seen, 0 loaded, 35 skipped as duplicates, 0 quarantined" in second.stdout
    assert table_fingerprints(warehouse) == before

    # Analysts query the published copy through `sinmun sql`, in JSON too.
    answer = run(sinmun_bin, "sql", "select count(*) as n from fct_article", "--warehouse", str(warehouse),
                 "--format", "json")  # fmt: skip
    assert answer.returncode == 0, answer.stderr
    assert json.loads(answer.stdout) == [{"n": before["fct_article"][0]}]


def test_sql_refuses_file_access_and_missing_warehouse(tmp_path: Path, sinmun_bin: Path):
    missing = run(sinmun_bin, "sql", "select 1", "--warehouse", str(tmp_path / "none.duckdb"))
    assert missing.returncode == 2 and "run `sinmun ingest` first" in missing.stderr


def test_ingest_refuses_a_warehouse_of_another_layout_before_starting(tmp_path: Path, sinmun_bin: Path):
    db = tmp_path / "old.duckdb"
    con = duckdb.connect(str(db))
    con.execute("create table fct_article (article_key varchar)")
    con.close()
    (tmp_path / "inbox").mkdir()
    run = subprocess.run(
        [str(sinmun_bin), "ingest", str(tmp_path / "inbox"), "--warehouse", str(db), "--no-progress"],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert run.returncode == 2, run.stderr
    assert run.stderr.strip().splitlines() == [
        f"sinmun ingest: this warehouse has table layout version 1, this sinmun writes version {SCHEMA_VERSION}: ingest "
        "into a new warehouse file (--warehouse NEW_PATH) and re-run your ingests there"
    ]


def _ingest_with_helpers(
    sinmun_bin: Path, tmp_path: Path, env: dict | None = None, log: Path | None = None, options: tuple[str, ...] = ()
) -> tuple[subprocess.Popen, dict[int, str]]:
    """Start an ingest of the samples (its output to ``log``) and wait until its helper processes (Prefect
    server, Kiwi) are up. Returns every child process seen meanwhile with its command line: a short-lived child
    (a tool Python or Prefect runs for a moment) may be among them; ``_helper_roles`` names the helpers."""
    import os
    import time

    from tests.helpers.warehouse import copy_samples

    inbox = tmp_path / "inbox"
    copy_samples(inbox)
    output = log.open("w") if log else subprocess.DEVNULL
    proc = subprocess.Popen(
        [str(sinmun_bin), "ingest", str(inbox), "--warehouse", str(tmp_path / "wh" / "s.duckdb"), "--no-progress",
         *options],
        stdout=output, stderr=subprocess.STDOUT, env={**os.environ, **(env or {})},
    )  # fmt: skip
    children: dict[int, str] = {}
    deadline = time.monotonic() + 60
    while _helper_roles(children) != (1, 1) and time.monotonic() < deadline and proc.poll() is None:
        # A child is read again while it lives: between fork and exec it still shows its parent's command line.
        for child in child_pids(proc.pid):
            children[child] = command_line(child) or children.get(child, "")
        time.sleep(0.05)
    return proc, children


def _helper_roles(children: dict[int, str]) -> tuple[int, int]:
    """How many Prefect servers and Kiwi processes are among ``children``."""
    servers = [pid for pid, line in children.items() if "uvicorn" in line]
    kiwis = [pid for pid, line in children.items() if "sinmun.morphology" in line]
    return len(servers), len(kiwis)


def test_ingest_leaves_no_helper_process_behind(tmp_path: Path, sinmun_bin: Path):
    """The run's temporary Prefect server and its Kiwi process end with it; its flow run sends no heartbeats
    (nothing could watch them on a server that ends with the run). With --verbose, Prefect's log lines are on the
    console too, not only in the log file beside the warehouse."""
    import time

    log = tmp_path / "ingest.log"
    proc, helpers = _ingest_with_helpers(sinmun_bin, tmp_path, {"PREFECT_LOGGING_LEVEL": "DEBUG"}, log, ("--verbose",))
    assert _helper_roles(helpers) == (1, 1), (
        f"expected a Prefect server and a Kiwi process beside the ingest: {helpers}"
    )
    assert proc.wait(timeout=300) == 0
    deadline = time.monotonic() + 15
    while any(alive(p) for p in helpers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not [p for p in helpers if alive(p)]
    output, log_file = log.read_text(), (tmp_path / "wh" / "s.log").read_text()
    for text in (output, log_file):
        assert "Executing flow 'sinmun-ingest'" in text  # Prefect's debug log of the flow run is there
        assert "heartbeat" not in text


def test_a_killed_ingest_leaves_no_helper_process_behind(tmp_path: Path, sinmun_bin: Path):
    """SIGKILL of the ingest alone (not its process group): its helpers notice and exit on their own."""
    import os
    import signal
    import time

    proc, helpers = _ingest_with_helpers(sinmun_bin, tmp_path)
    assert _helper_roles(helpers) == (1, 1), helpers
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    deadline = time.monotonic() + 30
    while any(alive(p) for p in helpers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not [p for p in helpers if alive(p)]


def test_backfill_through_the_cli_loads_each_date_with_one_server_and_one_kiwi(tmp_path: Path, sinmun_bin: Path):
    """`sinmun backfill` runs one flow per date on one temporary Prefect server and one Kiwi process."""
    import time

    from tests.helpers.warehouse import copy_samples

    inbox = tmp_path / "inbox"
    copy_samples(inbox)
    proc = subprocess.Popen(
        [str(sinmun_bin), "backfill", str(inbox), "--from", "2024-03-04", "--to", "2024-03-06", "--warehouse",
         str(tmp_path / "wh" / "s.duckdb")],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
    )  # fmt: skip
    helpers: dict[int, str] = {}
    while proc.poll() is None:
        # A child is read again while it lives: between fork and exec it still shows its parent's command line.
        for child in child_pids(proc.pid):
            helpers[child] = command_line(child) or helpers.get(child, "")
        time.sleep(0.05)
    out = proc.stdout.read()
    assert proc.returncode == 0
    assert "2024-03-04: 3 pages seen, 3 loaded" in out and "2024-03-05: 5 pages seen, 5 loaded" in out
    assert "2024-03-06: 3 pages seen, 3 loaded" in out
    # Short-lived children (a tool Python or Prefect runs for a moment) are not helpers; the helpers are counted.
    assert _helper_roles(helpers) == (1, 1), f"expected one server and one Kiwi process for all dates: {helpers}"
    assert not [p for p in helpers if alive(p)]
