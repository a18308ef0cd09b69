"""Reliability under faults: kills at any moment, a failure inside a load, a second writer, an analyst reading
during a load, the disk filling up, a run that dies before publishing.

The invariants checked after a fault are those of ``scripts/kill_loop.py`` (``check_invariants``): the warehouse
opens (DuckDB replays its WAL), every row belongs to a complete load whose recorded counts match its rows, no page
version is loaded twice, recorded runs reconcile, the data checks pass, the published copy is whole, no refused
file is lost.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import time
from pathlib import Path

import duckdb
import pytest

import sinmun.ingest.pipeline
from sinmun.flows.ingest import ingest_flow
from sinmun.store import warehouse as store
from tests.helpers.kill_loop import assert_invariants, kl
from tests.helpers.processes import flock_holders, wait_for
from tests.helpers.warehouse import SAMPLES, copy_samples, query

pytestmark = pytest.mark.integration  # the real `sinmun` command and the ingest flow

ALL_PAGES = sorted(p.relative_to(SAMPLES).as_posix() for p in SAMPLES.glob("*/*/*.txt"))
SOME_PAGES = ALL_PAGES[::3]  # 12 pages of the three papers
TEN_PAGES = ALL_PAGES[:10]


def stop(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)


def load_ids(db: Path, pattern: str) -> dict[str, int]:
    """Rows per table whose load_id matches the LIKE ``pattern``."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        out = {}
        for (table,) in con.execute(
            "select table_name from duckdb_columns() where column_name = 'load_id' and schema_name = 'main'"
        ).fetchall():
            n = con.execute(f"select count(*) from {table} where load_id like ?", [pattern]).fetchone()[0]
            if n:
                out[table] = n
        return out
    finally:
        con.close()


# --- kills --------------------------------------------------------------------------------------------------


def test_kills_early_mid_load_and_late_leave_whole_loads_and_converge(tmp_path: Path, sinmun_bin: Path):
    rng = random.Random(7)
    env = kl.subprocess_env()
    batch_pages = 3

    def build(inbox: Path) -> list[str]:
        return kl.build_inbox(inbox, pages=SOME_PAGES)

    build(tmp_path / "clean" / "inbox")
    reference_db = tmp_path / "clean" / "wh" / "sinmun.duckdb"
    reference = kl.clean_run(tmp_path / "clean" / "inbox", reference_db, batch_pages, env, exe=sinmun_bin)
    plans = [
        kl.KillPlan(seconds=round(rng.uniform(0.3, 1.5), 2)),  # Python and Prefect still starting
        kl.KillPlan(seconds=round(rng.uniform(0.0, 0.1), 3), after=kl.LOAD_DONE, nth=3, label="load task"),
        kl.KillPlan(seconds=round(rng.uniform(0.0, 0.05), 3), after=kl.CHECKS_DONE, label="run-checks"),
    ]
    lines: list[str] = []
    report = kl.kill_loop(
        work=tmp_path / "killed", build_inbox=build, reference_db=reference_db, reference_seconds=reference.seconds,
        kills=3, seed=7, batch_pages=batch_pages, env=env, plans=plans, exe=sinmun_bin, log=lines.append,
    )  # fmt: skip
    summary = kl.figures(report)
    assert len(report.kills) == 3, summary
    early, mid, late = report.kills
    assert early.phase == "start-up" and not early.state.has_schema, f"the first kill was not early:\n{summary}"
    assert mid.phase.startswith("loading") and mid.state.loads_complete > 0, (
        f"the second kill missed the loads:\n{summary}"
    )
    assert late.phase in ("checks", "publish", "after publish"), f"the third kill was not late:\n{summary}"
    assert report.violations == 0, "\n".join(lines) + "\n" + summary
    assert report.converged, summary
    assert report.runs_to_converge <= 2, summary


def test_a_warehouse_interrupted_before_its_first_load_passes_the_checks(tmp_path: Path, monkeypatch):
    """A run that dies after creating the schema and before its first load leaves a valid, empty warehouse."""
    inbox, db = tmp_path / "inbox", tmp_path / "wh" / "sinmun.duckdb"
    copy_samples(inbox, only=TEN_PAGES[:2])

    def crash(*args, **kwargs):
        raise RuntimeError("simulated crash after the schema was created")

    monkeypatch.setattr(sinmun.ingest.pipeline, "discover", crash)
    with pytest.raises(RuntimeError, match="simulated crash"):
        ingest_flow(inbox=str(inbox), warehouse_path=str(db))
    state = assert_invariants(db)
    assert state.has_schema and state.loads_complete == 0


# --- a failure inside a load ------------------------------------------------------------------------------------


def test_a_failure_inside_a_load_rolls_it_back_and_the_next_run_loads_the_rest_once(tmp_path: Path, monkeypatch):
    inbox, db = tmp_path / "inbox", tmp_path / "wh" / "sinmun.duckdb"
    copy_samples(inbox, only=TEN_PAGES)
    real_execute_file = store.execute_file
    injected = []

    def failing_execute_file(con, name, params=None):
        if name == "load/insert_fct_article_term" and str((params or {}).get("load_id", "")).endswith("-0002"):
            real_execute_file(con, name, params)  # the statement ran: its rows are in the open transaction
            injected.append(params["load_id"])
            raise RuntimeError("injected failure inside the second batch's load")
        return real_execute_file(con, name, params)

    monkeypatch.setattr(store, "execute_file", failing_execute_file)
    with pytest.raises(RuntimeError, match="injected failure"):
        ingest_flow(inbox=str(inbox), warehouse_path=str(db), batch_pages=5)
    assert len(injected) == 1, "the fault was not injected"
    failed_load = injected[0]
    first_load = failed_load.removesuffix("-0002") + "-0001"

    ledger = query(db, "select load_id, status, page_count from load_ledger")
    assert ledger == [(first_load, "complete", 5)], f"the ledger should hold the first batch only: {ledger}"
    assert load_ids(db, failed_load) == {}, "rows of the failed load were committed"
    first_pages = {p.removesuffix(".txt") for p in TEN_PAGES[:5]}
    assert {r[0] for r in query(db, "select page_id from ledger_page")} == first_pages
    assert load_ids(db, first_load)["ledger_page"] == 5
    assert_invariants(db)

    monkeypatch.setattr(store, "execute_file", real_execute_file)
    summary = ingest_flow(inbox=str(inbox), warehouse_path=str(db), batch_pages=5)
    assert (summary["pages_loaded"], summary["pages_skipped_duplicate"]) == (5, 5), summary
    assert_invariants(db)
    assert query(db, "select count(*), count(distinct page_id) from ledger_page") == [(10, 10)]

    clean = tmp_path / "clean" / "sinmun.duckdb"
    ingest_flow(inbox=str(inbox), warehouse_path=str(clean), batch_pages=5)
    assert kl.compare_with_reference(db, clean) == []


# --- one writer ------------------------------------------------------------------------------------------------

PROMPT_SECONDS = 5.0  # "exits at once": long enough for Python to start and find the lock taken


def test_a_second_ingest_exits_at_once_with_3_and_one_with_wait_waits_then_skips_all(tmp_path: Path, sinmun_bin: Path):
    inbox, db = tmp_path / "inbox", tmp_path / "wh" / "sinmun.duckdb"
    copy_samples(inbox)
    env = kl.subprocess_env()
    lock = db.with_name(db.name + ".lock")
    popen = dict(stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, start_new_session=True)
    # The first ingest loads page by page, so it holds the writer lock for a good while.
    first = subprocess.Popen(kl.ingest_command(inbox, db, 1, exe=sinmun_bin), **popen)
    second = waiting = None
    try:
        wait_for(lambda: flock_holders(lock) or first.poll() is not None, 120, "the first ingest to take the lock")
        assert first.poll() is None, f"the first ingest ended before it held the lock: {first.communicate()}"
        started = time.monotonic()
        second = subprocess.Popen(kl.ingest_command(inbox, db, 1, exe=sinmun_bin), **popen)
        waiting = subprocess.Popen(kl.ingest_command(inbox, db, 1, "--wait", exe=sinmun_bin), **popen)
        out, err = second.communicate(timeout=300)
        seconds = time.monotonic() - started
        first_still_running = first.poll() is None
        assert second.returncode == 3 and first_still_running and seconds < PROMPT_SECONDS, (
            f"a second ingest started while the first held the lock should exit 3 within {PROMPT_SECONDS} s, "
            f"while the first runs; it exited {second.returncode} after {seconds:.1f} s, "
            f"{'before' if first_still_running else 'after'} the first finished.\nstdout: {out[-500:]}\n"
            f"stderr: {err[-800:]}"
        )
        message = [line for line in err.splitlines() if line.startswith("sinmun ingest:")]
        assert len(message) == 1 and "another ingest" in message[0] and "--wait" in message[0], err[-800:]

        first_out, first_err = first.communicate(timeout=300)
        assert first.returncode == 0, first_err[-2000:]
        assert "34 loaded" in first_out, first_out
        out, err = waiting.communicate(timeout=300)
        assert waiting.returncode == 0, err[-2000:]
        assert "34 pages seen, 0 loaded, 34 skipped as duplicates" in out, out
    finally:
        for proc in (first, second, waiting):
            if proc is not None:
                stop(proc)
    assert_invariants(db)


# --- analysts --------------------------------------------------------------------------------------------------


def test_an_open_analyst_session_neither_blocks_an_ingest_nor_sees_it(tmp_path: Path, sinmun_bin: Path):
    inbox, db = tmp_path / "inbox", tmp_path / "wh" / "sinmun.duckdb"
    copy_samples(inbox, only=TEN_PAGES[:4])
    ingest_flow(inbox=str(inbox), warehouse_path=str(db))
    published = store.published_path(db)
    analyst = duckdb.connect(str(published), read_only=True)
    try:
        count = "select count(*) from fct_article join ledger_page using (page_id) where is_current"
        before = analyst.execute(count).fetchone()[0]
        assert before > 0
        copy_samples(inbox, only=TEN_PAGES[4:8])
        run = subprocess.run(kl.ingest_command(inbox, db, 200, exe=sinmun_bin), capture_output=True, text=True,
                             env=kl.subprocess_env(), timeout=300)  # fmt: skip
        assert run.returncode == 0, run.stderr[-2000:]
        assert "8 pages seen, 4 loaded, 4 skipped as duplicates" in run.stdout, run.stdout
        assert analyst.execute(count).fetchone()[0] == before, "the open session saw the new load"
        assert analyst.execute("select count(*) from ledger_page").fetchone()[0] == 4
    finally:
        analyst.close()
    assert query(published, "select count(*) from ledger_page") == [(8,)], "a new session sees the new state"


def test_a_run_that_dies_before_publishing_is_published_by_the_next_run(tmp_path: Path, monkeypatch):
    inbox, db = tmp_path / "inbox", tmp_path / "wh" / "sinmun.duckdb"
    copy_samples(inbox, only=TEN_PAGES[:2])
    ingest_flow(inbox=str(inbox), warehouse_path=str(db))
    copy_samples(inbox, only=TEN_PAGES[2:4])

    def crash(path):
        raise OSError("simulated crash before publishing")

    monkeypatch.setattr(store, "publish", crash)
    with pytest.raises(OSError, match="simulated crash"):
        ingest_flow(inbox=str(inbox), warehouse_path=str(db))
    monkeypatch.undo()
    summary = ingest_flow(inbox=str(inbox), warehouse_path=str(db))
    assert summary["pages_loaded"] == 0, summary
    published = query(store.published_path(db), "select count(*) from ledger_page")
    assert published == [(4,)], f"the published copy still holds {published[0][0]} of the 4 loaded pages"


# --- the disk fills up ---------------------------------------------------------------------------------------


def _mount_tmpfs(folder: Path, size: str) -> None:
    def unavailable(reason: str):
        if os.environ.get("CI"):
            pytest.fail(f"CI must be able to mount a tmpfs (run as root): {reason}")
        pytest.skip(f"cannot mount a tmpfs here: {reason}")

    if os.geteuid() != 0:
        unavailable("not root")
    folder.mkdir(parents=True)
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)],
                          capture_output=True, text=True)  # fmt: skip
    if done.returncode != 0:
        unavailable(done.stderr.strip() or f"mount exited {done.returncode}")


def test_a_full_disk_fails_the_run_cleanly_and_the_next_run_completes(tmp_path: Path, sinmun_bin: Path):
    inbox = tmp_path / "inbox"
    copy_samples(inbox)
    clean = tmp_path / "clean" / "sinmun.duckdb"
    ingest_flow(inbox=str(inbox), warehouse_path=str(clean), batch_pages=4)
    # Room for the schema, the staged batches and the first loads, not for all of them. The run loads on one
    # connection, so its loads go to the WAL until the checkpoint at the end; measured on the samples with 4-page
    # batches: 0.45 of the final file fails the first load, 0.65 fails after 3 of 9, 0.75 lets every load through
    # (the run then fails while publishing). 0.65 leaves a margin on both sides (the test accepts any point).
    room = int(clean.stat().st_size * 0.65)
    mount = tmp_path / "disk"
    _mount_tmpfs(mount, "32m")
    try:
        filler = mount / "filler"
        free = os.statvfs(mount).f_bavail * os.statvfs(mount).f_frsize
        with filler.open("wb") as f:
            f.write(b"\0" * (free - room))
        db = mount / "wh" / "sinmun.duckdb"
        env = kl.subprocess_env()
        run = subprocess.run(kl.ingest_command(inbox, db, 4, exe=sinmun_bin), capture_output=True, text=True,
                             env=env, timeout=300)  # fmt: skip
        message = [line for line in run.stderr.splitlines() if line.startswith("sinmun ingest: failed:")]
        assert run.returncode == 1, f"exit {run.returncode}\n{run.stdout[-500:]}\n{run.stderr[-2000:]}"
        assert len(message) == 1, run.stderr[-2000:]
        assert "no space left on device" in message[0].lower(), f"the reason is not the full disk: {message[0]}"

        filler.unlink()
        state = assert_invariants(db)
        assert state.loads_complete < 9, f"the run completed every load despite the full disk: {state}"
        run = subprocess.run(kl.ingest_command(inbox, db, 4, exe=sinmun_bin), capture_output=True, text=True,
                             env=env, timeout=300)  # fmt: skip
        assert run.returncode == 0, run.stderr[-2000:]
        assert_invariants(db)
        assert kl.leftovers(db) == [], "the interrupted run's staging folder was not cleared"
        assert kl.compare_with_reference(db, clean) == []
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)
