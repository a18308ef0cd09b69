"""Operations through the real CLI: stopping an ingest with SIGINT or SIGTERM, two warehouses in one folder, and
publishing that depends neither on analysts' open handles nor on a whole published copy.

Each scenario is one module-scoped sequence of real ingests (Prefect flow, temporary Prefect server, Kiwi
process, DuckDB) feeding several tests.
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from contextlib import suppress
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import pytest

from sinmun.ingest.stage import staging_root
from sinmun.store import warehouse as store
from tests.conftest import ROOT
from tests.helpers.kill_loop import assert_invariants, kl
from tests.helpers.processes import alive, command_line, flock_holders, wait_for
from tests.helpers.warehouse import copy_samples, query

pytestmark = pytest.mark.integration  # the real `sinmun` command in a subprocess

CORPUS_PAGES = 120  # a run of 5 pages per batch is mid-way for seconds after its first loads
BATCH_PAGES = 5
HANG_GUARD_SECONDS = 15  # the promise is 5 s; this bound only keeps a broken stop from hanging the suite


def _staging_folders(folder: Path) -> set[Path]:
    """Folders under ``folder`` holding staged batches (``batch-NNNN``), however the run named them."""
    return {p.parent for p in folder.rglob("batch-*") if p.is_dir()}


@dataclass
class Interrupted:
    db: Path
    inbox: Path
    signal_name: str
    target: str  # whom the signal was sent to: "group", "process" or "every process" (helpers too)
    seconds_to_exit: float
    returncode: int | None  # None: still running after HANG_GUARD_SECONDS (then killed)
    stderr_lines: list[str]
    helpers: list[int]  # the run's descendants when the signal was sent
    helpers_left: list[int]
    lock_holders: set[int]
    violations: list[str] = field(default_factory=list)  # the invariants after the interruption
    committed: tuple[int, int] = (0, 0)  # loads with pages, and their pages, after the interruption
    neighbour: subprocess.CompletedProcess | None = None
    staging_before_neighbour: set[Path] = field(default_factory=set)
    staging_after_neighbour: set[Path] = field(default_factory=set)
    rerun: subprocess.CompletedProcess | None = None
    helper_command_lines: list[str] = field(default_factory=list)  # of ``helpers``, read when they were found


def _interrupt_mid_run(
    base: Path, sinmun_bin: Path, signal_name: str, *, target: str, neighbour: bool, rerun: bool
) -> Interrupted:
    """Start an ingest of ``CORPUS_PAGES`` generated pages, wait until it has committed a load, optionally run an
    ingest of another warehouse in the same folder meanwhile (the first one paused with SIGSTOP, so it is sure
    to be mid-run), then send ``signal_name`` to ``target`` (its process group, as a terminal's Ctrl-C does; it
    alone; or every process of the run, its helpers too), and (with ``rerun``) run the ingest again."""
    inbox, db = base / "inbox", base / "wh" / "a.duckdb"
    subprocess.run([sys.executable, str(ROOT / "bench" / "corpus.py"), str(inbox), "--pages", str(CORPUS_PAGES)],
                   check=True, capture_output=True, timeout=120)  # fmt: skip
    env = kl.subprocess_env()
    log, errors = base / "ingest.log", base / "ingest.err"
    with log.open("w") as out, errors.open("w") as err:
        proc = subprocess.Popen(kl.ingest_command(inbox, db, BATCH_PAGES, exe=sinmun_bin), stdout=out, stderr=err, env=env,
                                start_new_session=True)  # fmt: skip
    result = Interrupted(db=db, inbox=inbox, signal_name=signal_name, target=target, seconds_to_exit=0.0, returncode=0,
                         stderr_lines=[], helpers=[], helpers_left=[], lock_holders=set())  # fmt: skip
    try:
        wait_for(lambda: len(re.findall(kl.LOAD_DONE, log.read_text() + errors.read_text())) >= 3 or proc.poll() is not None,
                 180, "two loads of the run")  # fmt: skip
        assert proc.poll() is None, "the run ended before it could be interrupted"
        result.helpers = kl._descendants(proc.pid)
        result.helper_command_lines = [command_line(pid) for pid in result.helpers]
        if neighbour:
            other_inbox, other_db = base / "other-inbox", base / "wh" / "b.duckdb"
            copy_samples(other_inbox, only=["bitgoeul/2024-03-04/1.txt"])
            os.kill(proc.pid, signal.SIGSTOP)
            try:
                result.staging_before_neighbour = _staging_folders(db.parent)
                result.neighbour = subprocess.run(kl.ingest_command(other_inbox, other_db, 10, exe=sinmun_bin),
                                                  capture_output=True, text=True, env=env, timeout=300)  # fmt: skip
                result.staging_after_neighbour = _staging_folders(db.parent)
            finally:
                os.kill(proc.pid, signal.SIGCONT)
        sent = time.monotonic()
        if target == "group":
            os.killpg(proc.pid, getattr(signal, signal_name))
        else:
            for pid in [proc.pid] + (result.helpers if target == "every process" else []):
                os.kill(pid, getattr(signal, signal_name))
        with suppress(subprocess.TimeoutExpired):  # still running: killed below, and the tests say so
            proc.wait(timeout=HANG_GUARD_SECONDS)
        result.seconds_to_exit = time.monotonic() - sent
        result.returncode = proc.returncode
        result.stderr_lines = errors.read_text().splitlines()
        deadline = time.monotonic() + 5
        while any(alive(p) for p in result.helpers) and time.monotonic() < deadline:
            time.sleep(0.05)
    finally:
        if proc.poll() is None:
            kl.kill_group(proc)
        result.helpers_left = [p for p in result.helpers if alive(p)]
        for pid in result.helpers_left:
            os.kill(pid, signal.SIGKILL)
    result.lock_holders = flock_holders(db.with_name(db.name + ".lock"))
    result.violations, _ = kl.check_invariants(db)
    result.committed = query(db, "select count(*), sum(page_count) from load_ledger where page_count > 0")[0]
    if rerun:
        result.rerun = subprocess.run(kl.ingest_command(inbox, db, BATCH_PAGES, exe=sinmun_bin), capture_output=True,
                                      text=True, env=env, timeout=600)  # fmt: skip
    return result


@pytest.fixture(scope="module")
def ctrl_c(tmp_path_factory, sinmun_bin: Path) -> Interrupted:
    """Ctrl-C: SIGINT to the run's whole process group, as a terminal sends it; meanwhile an ingest into another
    warehouse of the same folder."""
    return _interrupt_mid_run(tmp_path_factory.mktemp("ctrl-c"), sinmun_bin, "SIGINT", target="group",
                              neighbour=True, rerun=True)  # fmt: skip


@pytest.fixture(scope="module")
def terminated(tmp_path_factory, sinmun_bin: Path) -> Interrupted:
    """SIGTERM to the run's process alone, as `kill PID` sends it."""
    return _interrupt_mid_run(tmp_path_factory.mktemp("sigterm"), sinmun_bin, "SIGTERM", target="process",
                              neighbour=False, rerun=False)  # fmt: skip


@pytest.fixture(scope="module")
def terminated_all(tmp_path_factory, sinmun_bin: Path) -> Interrupted:
    """SIGTERM to every process of the run at once, its helpers too, as systemd stops a service's control group:
    the Prefect server is gone before the run can record its end there (the watchdog ends the run)."""
    return _interrupt_mid_run(tmp_path_factory.mktemp("sigterm-all"), sinmun_bin, "SIGTERM", target="every process",
                              neighbour=False, rerun=False)  # fmt: skip


@pytest.fixture(params=["ctrl_c", "terminated", "terminated_all"])
def interrupted(request) -> Interrupted:
    return request.getfixturevalue(request.param)


def test_a_signal_stops_the_ingest_promptly_with_its_exit_code_and_one_line(interrupted: Interrupted):
    assert interrupted.returncode is not None, f"still running {HANG_GUARD_SECONDS} s after {interrupted.signal_name}"
    assert interrupted.returncode == 128 + getattr(signal, interrupted.signal_name), interrupted.stderr_lines[-5:]
    said = [line for line in interrupted.stderr_lines if line.startswith("sinmun ingest:")]
    assert len(said) == 1, interrupted.stderr_lines[-5:]
    assert said[0].startswith(f"sinmun ingest: interrupted by {interrupted.signal_name}: ")
    assert said[0].endswith("the loads it committed are complete; run the ingest again to go on") or said[0].endswith(
        "are complete, nothing else was written; run the ingest again to go on"
    )


def test_an_interrupted_ingest_keeps_its_committed_loads_and_leaves_nothing_running(interrupted: Interrupted):
    assert interrupted.violations == []  # every load complete, its counts matching its rows; the checks pass
    loads, pages = interrupted.committed
    assert loads >= 1
    said = next(line for line in interrupted.stderr_lines if "interrupted by" in line)
    if interrupted.target != "every process":  # (the watchdog's line, when the server was gone, has no counts)
        assert f"({pages} pages loaded, " in said, said  # the line says what was committed
    assert interrupted.lock_holders == set(), "the writer lock is still held"
    roles = interrupted.helper_command_lines  # (a short-lived child may be among them)
    assert [sum("uvicorn" in line for line in roles), sum("sinmun.morphology" in line for line in roles)] == [1, 1], (
        f"expected a Prefect server and a Kiwi process beside the ingest: {roles}"
    )
    assert interrupted.helpers_left == [], "helper processes outlived the interrupted ingest"


def test_the_next_run_after_an_interruption_loads_the_rest_once(ctrl_c: Interrupted):
    interrupted, rerun = ctrl_c, ctrl_c.rerun
    assert rerun.returncode == 0, rerun.stderr[-2000:]
    assert f"{CORPUS_PAGES} pages seen, " in rerun.stdout
    assert_invariants(interrupted.db)
    current = "select count(*) from ledger_page where is_current"
    assert query(interrupted.db, current) == [(CORPUS_PAGES,)]
    assert query(store.published_path(interrupted.db), current) == [(CORPUS_PAGES,)]
    assert kl.leftovers(interrupted.db) == [], "staging or half-written copies left after the next run"
    assert not staging_root(interrupted.db).exists(), "the warehouse's emptied staging folder was left"


def test_an_ingest_into_another_warehouse_in_the_same_folder_leaves_a_running_ingests_staging_alone(
    ctrl_c: Interrupted,
):
    assert ctrl_c.neighbour.returncode == 0, ctrl_c.neighbour.stderr[-2000:]
    assert "1 pages seen, 1 loaded" in ctrl_c.neighbour.stdout
    assert ctrl_c.staging_before_neighbour, "the paused run had no staging folder"
    assert ctrl_c.staging_after_neighbour >= ctrl_c.staging_before_neighbour, "the other ingest removed it"


# --- publishing: analysts' handles, a damaged copy, pages stamped in the future -----------------------------


@dataclass
class Publishing:
    db: Path
    runs: dict[str, subprocess.CompletedProcess] = field(default_factory=dict)
    articles: dict[str, int] = field(default_factory=dict)


FUTURE_PAGE = "namdo/2024-03-05/1.txt"
PUBLISHING_PAGES = [FUTURE_PAGE, "bitgoeul/2024-03-04/1.txt", "bitgoeul/2024-03-05/3.txt", "seohae/2024-03-07/1.txt"]


def _ingest(sinmun_bin: Path, inbox: Path, db: Path) -> subprocess.CompletedProcess:
    """An ingest that leaves files written within the last minute for later (as `serve` does, 30 s there)."""
    return subprocess.run(kl.ingest_command(inbox, db, 200, "--settle-seconds", "60", exe=sinmun_bin),
                          capture_output=True, text=True, env=kl.subprocess_env(), timeout=600)  # fmt: skip


def _articles(published: Path) -> int | None:
    """Articles in the published copy; None when it does not open as a warehouse."""
    try:
        return query(published, "select count(*) from fct_article")[0][0]
    except duckdb.Error:
        return None


@pytest.fixture(scope="module")
def publishing(tmp_path_factory, sinmun_bin: Path) -> Publishing:
    base = tmp_path_factory.mktemp("publishing")
    inbox, db = base / "inbox", base / "wh" / "sinmun.duckdb"
    rels = copy_samples(inbox, only=PUBLISHING_PAGES)
    hours_ago, days_ahead = time.time() - 7200, time.time() + 3 * 86400
    for rel in rels:
        stamp = days_ahead if rel == FUTURE_PAGE else hours_ago
        os.utime(inbox / rel, (stamp, stamp))
    out = Publishing(db=db)
    published = store.published_path(db)
    out.runs["first"] = _ingest(sinmun_bin, inbox, db)
    out.articles["first"] = _articles(published)
    # An analyst holds the published copy open read-write (the DuckDB CLI's default) during a run that adds
    # nothing.
    holder = subprocess.Popen([sys.executable, "-c", "import duckdb, sys; con = duckdb.connect(sys.argv[1]); "
                               "print('open', flush=True); sys.stdin.read()", str(published)],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)  # fmt: skip
    try:
        assert holder.stdout.readline().strip() == "open"
        out.runs["held read-write"] = _ingest(sinmun_bin, inbox, db)
    finally:
        holder.stdin.close()
        holder.wait(timeout=30)
    # The published copy damaged: cut in half, then overwritten with bytes that are no database.
    with published.open("r+b") as f:
        f.truncate(published.stat().st_size // 2)
    out.runs["truncated"] = _ingest(sinmun_bin, inbox, db)
    out.articles["truncated"] = _articles(published)
    published.write_bytes(os.urandom(64 * 1024))
    out.runs["garbage"] = _ingest(sinmun_bin, inbox, db)
    out.articles["garbage"] = _articles(published)
    return out


def test_a_page_stamped_days_in_the_future_is_loaded_not_left_waiting(publishing: Publishing):
    first = publishing.runs["first"]
    assert first.returncode == 0, first.stderr[-2000:]
    assert "4 pages seen, 4 loaded" in first.stdout and "left for the next run" not in first.stdout, first.stdout
    assert FUTURE_PAGE in first.stdout + first.stderr  # named in the run's warning
    assert query(publishing.db, "select count(*) from ledger_page where source_path = ?", [FUTURE_PAGE]) == [(1,)]


def test_a_run_succeeds_while_an_analyst_holds_the_published_copy_open_read_write(publishing: Publishing):
    held = publishing.runs["held read-write"]
    assert held.returncode == 0, held.stderr[-2000:]
    assert "4 pages seen, 0 loaded, 4 skipped as duplicates" in held.stdout
    # The copy was current (the record of what was published matched): neither checked nor published again.
    assert "Task run 'run-checks" not in held.stdout + held.stderr
    assert "Task run 'publish" not in held.stdout + held.stderr


def test_a_damaged_published_copy_is_replaced_by_the_next_run(publishing: Publishing):
    for damage in ("truncated", "garbage"):
        run = publishing.runs[damage]
        assert run.returncode == 0, f"{damage}: {run.stderr[-2000:]}"
        assert publishing.articles[damage] == publishing.articles["first"] > 0
    violations, _ = kl.check_invariants(publishing.db)  # the replaced copy opens and passes the checks
    assert not violations, violations
