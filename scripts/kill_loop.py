"""Kill `sinmun ingest` at random moments and check the warehouse after every kill.

    .venv/bin/python scripts/kill_loop.py [--kills 20] [--seed 1] [--batch-pages 4] [--keep DIR]

1. Builds an inbox: the project's sample pages (``samples/inbox``) plus three bad files (empty, random bytes,
   NUL bytes) placed so that they fall into different batches, so quarantining happens under kills too.
2. Runs a clean reference ingest (fresh warehouse, the real CLI in a subprocess) and times it.
3. On another fresh warehouse, starts the same CLI ingest again and again, each time in its own process group,
   and SIGKILLs the whole group at a moment drawn from a seeded RNG, until ``--kills`` kills have happened.
   Half the moments are uniform over a run's duration (start-up, discovery, staging dominate a run's time); the
   other half are drawn just after a milestone the run logs (the flow's start, the n-th load, the run's record,
   the checks), so loads, checks and publishing, a small share of the wall time, are hit as well.
   After each kill the warehouse is opened read-write, as the next loader would (DuckDB replays its WAL), and the
   invariants are checked (see ``check_invariants``).
4. Runs the ingest to completion (several runs if need be) and compares the result with the clean run.
5. Prints a figures table: per kill, the moment, the phase it landed in and what the warehouse held after it;
   then totals (kills, invariant violations, runs needed to converge, converged, wall time).

The functions are importable (``tests/reliability/test_crashes.py`` runs a short loop with three kills).
Exit status: 0 when there was no violation and the warehouse converged to the clean run's tables, else 1.
"""

from __future__ import annotations

import argparse
import contextlib
import math
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import duckdb  # noqa: E402

from sinmun.ingest.stage import staging_root  # noqa: E402
from sinmun.store import warehouse as store  # noqa: E402
from tests.helpers.warehouse import copy_samples, table_fingerprints  # noqa: E402

# Per-run bookkeeping: compared by what must match, never row by row.
BOOKKEEPING = ("ingest_run", "load_ledger", "quarantine")
# Columns that legitimately differ between two ingests of the same pages.
VOLATILE_COLUMNS = (
    "load_id", "loaded_at", "run_id", "flow_run_id", "started_at", "finished_at", "quarantined_at",
    "quarantine_path", "resolved_at", "inbox", "batch_number",
)  # fmt: skip
# Bad files, named so that (in discovery's sorted order, batches of 4) they land in different batches.
BAD_FILES = ("bitgoeul/2024-03-05/97.txt", "namdo/2024-03-11/98.txt", "seohae/2024-03-13/99.txt")
PREFECT_QUIET = {"PREFECT_SERVER_ANALYTICS_ENABLED": "false", "PREFECT_UI_ENABLED": "false"}


# --- the inbox and the command ------------------------------------------------------------------------------


def build_inbox(inbox: Path, *, pages: list[str] | None = None, bad: bool = True) -> list[str]:
    """Copy the sample pages (all, or ``pages``) into ``inbox`` and add the bad files; returns the bad files."""
    copy_samples(inbox, only=pages)
    if not bad:
        return []
    contents = {
        BAD_FILES[0]: "광주시는 오늘\x00\x00\x00 발표했다.\n".encode() * 20,  # text with NUL bytes
        BAD_FILES[1]: b"",  # empty
        BAD_FILES[2]: random.Random(20240305).randbytes(4096),  # random bytes named .txt
    }
    for rel, data in contents.items():
        (inbox / rel).parent.mkdir(parents=True, exist_ok=True)
        (inbox / rel).write_bytes(data)
    return list(contents)


def sinmun_executable() -> Path:
    exe = ROOT / ".venv" / "bin" / "sinmun"
    if exe.exists():
        return exe
    found = shutil.which("sinmun")
    if not found:
        raise FileNotFoundError("the sinmun console script is not installed")
    return Path(found)


def ingest_command(inbox: Path, db: Path, batch_pages: int, *extra: str, exe: Path | None = None) -> list[str]:
    """The ingest, with Prefect's log lines on its console (``--verbose``): kills are timed by its task runs."""
    return [str(exe or sinmun_executable()), "ingest", str(inbox), "--warehouse", str(db), "--no-progress",
            "--verbose", "--batch-pages", str(batch_pages), *extra]  # fmt: skip


def subprocess_env(prefect_home: Path | None = None) -> dict[str, str]:
    env = {**os.environ, **PREFECT_QUIET, "PYTHONUNBUFFERED": "1"}
    if prefect_home is not None:
        prefect_home.mkdir(parents=True, exist_ok=True)
        env["PREFECT_HOME"] = str(prefect_home)
    return env


# --- running one ingest, killed or not ----------------------------------------------------------------------


@dataclass(frozen=True)
class KillPlan:
    """When to kill a run: ``seconds`` after it starts, or ``seconds`` after the ``nth`` log line matching
    ``after`` (a regular expression; e.g. the n-th finished load task)."""

    seconds: float
    after: str | None = None
    nth: int = 1
    label: str = ""

    def describe(self) -> str:
        if self.after is None:
            return f"at {self.seconds:.2f} s"
        return f"{self.seconds:.2f} s after {self.label or self.after} #{self.nth}"


FLOW_STARTED = r"Beginning flow run"
LOAD_DONE = r"Task run 'load-batch-\w+' - Finished in state Completed"
RECORD_DONE = r"Task run 'record-run-\w+' - Finished"
CHECKS_DONE = r"Task run 'run-checks-\w+' - Finished"
PUBLISH_DONE = r"Task run 'publish-\w+' - Finished"
STAGE_DONE = r"Task run 'stage-batch-\w+' - Finished"
DISCOVER_DONE = r"Task run 'discover-pages-\w+' - Finished"


@dataclass
class RunOutcome:
    returncode: int | None  # None: killed
    seconds: float  # from start to exit (or to the kill)
    killed: bool
    phase: str  # where the run was when it ended, read from its log
    output: str
    plan: KillPlan | None = None


def phase_of(lines: list[str]) -> str:
    """Where a run was, judged by the milestones its log had reached (batch 0's load task is not a load)."""
    text = "\n".join(lines)
    loads = max(len(re.findall(LOAD_DONE, text)) - 1, 0)
    if re.search(PUBLISH_DONE, text):
        return "after publish"
    if re.search(CHECKS_DONE, text):
        return "publish"
    if re.search(RECORD_DONE, text):
        return "checks"
    if loads:
        return f"loading ({loads} loaded)"
    if re.search(STAGE_DONE, text):
        return "staging/first load"
    if re.search(DISCOVER_DONE, text):
        return "staging"
    if re.search(FLOW_STARTED, text):
        return "schema/discover"
    return "start-up"


def _descendants(pid: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        children.setdefault(ppid, []).append(int(entry.name))
    out, todo = [], [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            out.append(child)
            todo.append(child)
    return out


def kill_group(proc: subprocess.Popen) -> None:
    """SIGKILL the run's process group, and any descendant that left it."""
    strays = _descendants(proc.pid)
    with contextlib.suppress(ProcessLookupError):
        os.killpg(proc.pid, signal.SIGKILL)
    for pid in strays:
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
    proc.wait(timeout=30)


def run_ingest(
    command: list[str], env: dict[str, str], plan: KillPlan | None = None, timeout: float = 600
) -> RunOutcome:
    """Run one ingest in its own process group; SIGKILL the group as ``plan`` says (if it is still running)."""
    t0 = time.monotonic()
    proc = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=env, start_new_session=True,
        text=True, encoding="utf-8", errors="replace", bufsize=1,
    )  # fmt: skip
    lines: list[str] = []
    stamps: list[float] = []

    def read() -> None:
        for line in proc.stdout:
            stamps.append(time.monotonic())
            lines.append(line.rstrip("\n"))

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    deadline = t0 + plan.seconds if plan and plan.after is None else None
    pattern = re.compile(plan.after) if plan and plan.after else None
    killed = False
    try:
        while proc.poll() is None:
            now = time.monotonic()
            if now - t0 > timeout:
                raise TimeoutError(f"ingest still running after {timeout} s: {' '.join(command)}")
            if deadline is None and pattern is not None:
                hits = [stamps[i] for i, line in enumerate(list(lines)) if pattern.search(line)]
                if len(hits) >= plan.nth:
                    deadline = hits[plan.nth - 1] + plan.seconds
            if deadline is not None and now >= deadline:
                kill_group(proc)
                killed = True
                break
            time.sleep(0.005)
        ended = time.monotonic()
    finally:
        if proc.poll() is None:
            kill_group(proc)
        reader.join(timeout=30)
    return RunOutcome(
        returncode=None if killed else proc.returncode, seconds=round(ended - t0, 2), killed=killed,
        phase=phase_of(lines), output="\n".join(lines), plan=plan,
    )  # fmt: skip


# --- the invariants --------------------------------------------------------------------------------------------


@dataclass
class WarehouseState:
    exists: bool = False
    has_schema: bool = False
    loads_complete: int = 0
    pages_loaded: int = 0  # current page versions
    leftovers: list[str] = field(default_factory=list)  # staging folders and half-written copies


def _tables(con: duckdb.DuckDBPyConnection) -> set[str]:
    return {r[0] for r in con.execute("select table_name from duckdb_tables() where schema_name = 'main'").fetchall()}


def _columns(con: duckdb.DuckDBPyConnection, table: str) -> set[str]:
    return {r[0] for r in con.execute(f"describe {table}").fetchall()}


def leftovers(db: Path) -> list[str]:
    """Staging folders and half-written published copies an interrupted run left beside the warehouse."""
    folder = db.parent
    if not folder.is_dir():
        return []
    root = staging_root(db)
    staged = [f"{root.name}/{p.name}/" for p in root.iterdir()] if root.is_dir() else []
    copies = [p.name for p in folder.glob(f".{store.published_path(db).name}.*.tmp")]
    return sorted(staged + copies)


def check_invariants(
    db: Path, *, inbox: Path | None = None, bad_files: list[str] = (), quarantine_dir: Path | None = None
) -> tuple[list[str], WarehouseState]:
    """Open the warehouse read-write (as the next loader would: DuckDB replays its WAL) and check that

    - it opens;
    - every load_ledger row is 'complete';
    - each complete load's recorded counts equal the rows present with its load id (ledger_page, fct_article,
      fct_entity_mention, quarantine); valid for an inbox whose pages do not change between runs (a new version
      of a page deletes rows of an older load);
    - no page version is loaded twice: one current version per page_id, every sha256 once;
    - each recorded run (ingest_run) reconciles (seen = loaded + skipped + quarantined) and matches its loads;
    - the data checks (``warehouse.run_checks``) pass, once the schema exists: among them, every load id found in
      a data, ledger or quarantine row has a ``load_ledger`` row with status 'complete' (``load_ids_in_ledger``);
    - the published copy, if there is one, opens read-only, passes the checks and holds only complete loads;
    - no refused file is lost: each bad file is still in the inbox or in the quarantine folder.

    Returns the violations (empty when all hold) and what the warehouse holds."""
    state = WarehouseState(exists=db.exists(), leftovers=leftovers(db))
    violations: list[str] = []
    if inbox is not None and bad_files:
        qdir = quarantine_dir or db.parent / "quarantine"
        for rel in bad_files:
            if not (inbox / rel).exists() and not list(qdir.glob(f"*/{rel}")):
                violations.append(f"refused file {rel} lost: neither in the inbox nor under {qdir}")
    if not state.exists:
        return violations, state
    try:
        con = duckdb.connect(str(db))
    except Exception as err:  # the point: whatever the reason, the next loader could not open it
        return [*violations, f"warehouse does not open: {type(err).__name__}: {err}"], state
    try:
        violations += _check_open_warehouse(con, state)
    finally:
        con.close()
    violations += _check_published(db, state)
    return violations, state


def _check_open_warehouse(con: duckdb.DuckDBPyConnection, state: WarehouseState) -> list[str]:
    out: list[str] = []
    tables = _tables(con)
    state.has_schema = bool(tables)
    if "load_ledger" not in tables:
        return out
    complete = {r[0] for r in con.execute("select load_id from load_ledger where status = 'complete'").fetchall()}
    state.loads_complete = len(complete)
    if "ledger_page" in tables:
        state.pages_loaded = con.execute("select count(*) from ledger_page where is_current").fetchone()[0]
    others = con.execute("select load_id, status from load_ledger where status <> 'complete'").fetchall()
    if others:
        out.append(f"load_ledger rows not complete: {others[:5]}")
    counted = {"page_count": "ledger_page", "article_count": "fct_article", "mention_count": "fct_entity_mention"}
    if "quarantined_count" in _columns(con, "load_ledger") and "load_id" in _columns(con, "quarantine"):
        counted["quarantined_count"] = "quarantine"
    for column, table in counted.items():
        if table not in tables:
            continue
        wrong = con.execute(
            f"select l.load_id, l.{column}, count(t.load_id) from load_ledger l "
            f"left join {table} t on t.load_id = l.load_id where l.status = 'complete' "
            f"group by l.load_id, l.{column} having l.{column} <> count(t.load_id)"
        ).fetchall()
        if wrong:
            out.append(f"load_ledger.{column} differs from the {table} rows of the load (load, recorded, present): "
                       f"{wrong[:5]}")  # fmt: skip
    if "ledger_page" in tables:
        twice = con.execute(
            "select page_id, count(*) from ledger_page where is_current group by page_id having count(*) > 1"
        ).fetchall()
        if twice:
            out.append(f"ledger_page: pages with several current versions: {twice[:5]}")
        same = con.execute("select sha256, count(*) from ledger_page group by sha256 having count(*) > 1").fetchall()
        if same:
            out.append(f"ledger_page: the same content loaded more than once: {same[:5]}")
    if "ingest_run" in tables:
        unbalanced = con.execute(
            "select run_id from ingest_run "
            "where pages_seen <> pages_loaded + pages_skipped_duplicate + pages_quarantined"
        ).fetchall()
        if unbalanced:
            out.append(f"ingest_run rows that do not reconcile: {unbalanced[:5]}")
        mismatched = con.execute(
            "select r.run_id, r.load_count, count(l.load_id), r.pages_loaded, coalesce(sum(l.page_count), 0) "
            "from ingest_run r left join load_ledger l on l.run_id = r.run_id "
            "group by r.run_id, r.load_count, r.pages_loaded "
            "having r.load_count <> count(l.load_id) or r.pages_loaded <> coalesce(sum(l.page_count), 0)"
        ).fetchall()
        if mismatched:
            out.append(f"ingest_run rows that disagree with their loads (run, loads, ledger, pages, ledger pages): "
                       f"{mismatched[:5]}")  # fmt: skip
    try:
        store.run_checks(con)
    except store.ChecksFailed as err:
        out.append(f"run_checks: {' '.join(str(err).split())}")
    return out


def _check_published(db: Path, state: WarehouseState) -> list[str]:
    published = store.published_path(db)
    if not published.exists():
        return []
    try:
        con = duckdb.connect(str(published), read_only=True)
    except Exception as err:
        return [f"published copy does not open: {type(err).__name__}: {err}"]
    try:
        if "load_ledger" not in _tables(con):
            return ["published copy has no load_ledger"]
        try:
            store.run_checks(con)
        except store.ChecksFailed as err:
            return [f"published copy: run_checks: {' '.join(str(err).split())}"]
        loads = con.execute("select count(*) from load_ledger").fetchone()[0]
        if loads > state.loads_complete:
            return [f"published copy holds {loads} loads, the warehouse only {state.loads_complete}"]
    finally:
        con.close()
    return []


# --- comparing with the clean run ----------------------------------------------------------------------------


def data_fingerprints(db: Path) -> dict[str, tuple[int, str]]:
    prints = table_fingerprints(db, without=VOLATILE_COLUMNS)
    return {t: v for t, v in prints.items() if t not in BOOKKEEPING}


def bookkeeping(db: Path) -> dict[str, object]:
    """What must match between two warehouses of the same pages, however many runs and loads they took."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        return {
            "quarantined (path, reason)": sorted(
                con.execute("select distinct source_path, reason from quarantine").fetchall()
            ),
            "pages, articles, mentions of complete loads": con.execute(
                "select sum(page_count), sum(article_count), sum(mention_count) from load_ledger "
                "where status = 'complete'"
            ).fetchone(),
            "ledger_page rows": con.execute("select count(*) from ledger_page").fetchone()[0],
        }
    finally:
        con.close()


def compare_with_reference(db: Path, reference: Path) -> list[str]:
    """Differences between a warehouse and the clean run's (empty when they hold the same data)."""
    out = []
    mine, theirs = data_fingerprints(db), data_fingerprints(reference)
    for table in mine:
        if mine[table] != theirs[table]:
            out.append(f"{table}: {mine[table][0]} rows (checksum {mine[table][1][:8]}) vs the clean run's "
                       f"{theirs[table][0]} rows (checksum {theirs[table][1][:8]})")  # fmt: skip
    ours, clean = bookkeeping(db), bookkeeping(reference)
    for key in clean:
        if ours[key] != clean[key]:
            out.append(f"{key}: {ours[key]} vs the clean run's {clean[key]}")
    pages = ours["pages, articles, mentions of complete loads"][0]
    if pages != ours["ledger_page rows"]:
        out.append(f"complete loads record {pages} pages, ledger_page has {ours['ledger_page rows']} rows")
    published = store.published_path(db)
    if not published.exists():
        out.append("no published copy")
    elif data_fingerprints(published) != mine:
        out.append("the published copy differs from the warehouse")
    return out


def refused_files_settled(db: Path, inbox: Path, bad_files: list[str]) -> list[str]:
    """After a successful run: every refused file has left the inbox and a quarantine row says where it is."""
    out = []
    con = duckdb.connect(str(db), read_only=True)
    try:
        for rel in bad_files:
            if (inbox / rel).exists():
                out.append(f"{rel} is still in the inbox")
            paths = [r[0] for r in con.execute(
                "select quarantine_path from quarantine where source_path = ? and quarantine_path is not null", [rel]
            ).fetchall()]  # fmt: skip
            if not any(Path(p).exists() for p in paths):
                out.append(f"{rel}: no quarantine row points to where the file is ({paths})")
    finally:
        con.close()
    return out


# --- the loop --------------------------------------------------------------------------------------------------


@dataclass
class Kill:
    number: int
    round: int
    run: int  # the run's number within its round
    plan: str
    moment: float  # seconds after the run started
    phase: str
    state: WarehouseState
    violations: list[str]


@dataclass
class Round:
    """One fresh warehouse (and a fresh copy of the inbox), killed until it holds every page, then run to the end."""

    number: int
    db: Path
    runs: list[RunOutcome] = field(default_factory=list)
    runs_to_converge: int = 0  # runs after the round's last kill until one succeeded
    converged: bool = False
    differences: list[str] = field(default_factory=list)  # its final state vs the clean run
    violations: list[str] = field(default_factory=list)  # failures and final checks (kills keep their own)


@dataclass
class LoopReport:
    reference_seconds: float
    kills: list[Kill] = field(default_factory=list)
    rounds: list[Round] = field(default_factory=list)
    wall_seconds: float = 0.0

    @property
    def violations(self) -> int:
        return sum(len(k.violations) for k in self.kills) + sum(len(r.violations) for r in self.rounds)

    @property
    def converged(self) -> bool:
        return bool(self.rounds) and all(r.converged and not r.differences for r in self.rounds)

    @property
    def runs_to_converge(self) -> int:
        return max((r.runs_to_converge for r in self.rounds), default=0)

    @property
    def ok(self) -> bool:
        return self.converged and not self.violations


def remaining_batches(db: Path, inbox: Path, batch_pages: int) -> int:
    """How many batches a run would stage now (pages not loaded yet, bad files still in the inbox)."""
    files = [p.relative_to(inbox).as_posix() for p in inbox.rglob("*.txt") if p.is_file()]
    loaded: set[str] = set()
    if db.exists():
        try:
            con = duckdb.connect(str(db), read_only=True)
        except duckdb.Error:
            return math.ceil(len(files) / batch_pages)
        try:
            if "ledger_page" in _tables(con):
                loaded = {r[0] for r in con.execute("select source_path from ledger_page").fetchall()}
        finally:
            con.close()
    return math.ceil(len([f for f in files if f not in loaded]) / batch_pages)


def draw_plan(rng: random.Random, duration: float, batches: int) -> KillPlan:
    """A kill moment: half uniform over a run's expected duration, half just after one of its milestones."""
    if rng.random() < 0.5:
        return KillPlan(seconds=round(rng.uniform(0.0, duration), 2))
    choices = [(FLOW_STARTED, 1, 1.5, "the flow's start")]
    choices += [(LOAD_DONE, n, 0.25, "load task") for n in range(2, batches + 2)]  # #1 is batch 0 (refusals)
    choices += [(RECORD_DONE, 1, 0.4, "record-run"), (CHECKS_DONE, 1, 0.1, "run-checks")]
    after, nth, spread, label = rng.choice(choices)
    return KillPlan(seconds=round(rng.uniform(0.0, spread), 3), after=after, nth=nth, label=label)


def clean_run(inbox: Path, db: Path, batch_pages: int, env: dict[str, str], exe: Path | None = None) -> RunOutcome:
    outcome = run_ingest(ingest_command(inbox, db, batch_pages, exe=exe), env)
    if outcome.returncode != 0:
        raise RuntimeError(f"the clean reference run failed (exit {outcome.returncode}):\n{outcome.output[-3000:]}")
    return outcome


def kill_loop(
    *,
    work: Path,
    build_inbox: Callable[[Path], list[str]],
    reference_db: Path,
    reference_seconds: float,
    kills: int,
    seed: int,
    batch_pages: int,
    env: dict[str, str],
    plans: list[KillPlan] | None = None,
    max_final_runs: int = 3,
    exe: Path | None = None,
    log: Callable[[str], None] = print,
) -> LoopReport:
    """Kill ingests until ``kills`` kills happened, checking the invariants after each, in rounds.

    A round ingests a fresh copy of the inbox (made by ``build_inbox(folder)``, which returns the bad files) into
    a fresh warehouse under ``work``: its runs are killed (at the moments ``plans`` gives, else ones a seeded RNG
    draws) until the warehouse holds every page of the clean run ``reference_db`` or a run ends by itself; then it
    is run to completion and compared with the clean run. (Once every page is loaded a kill can only hit a run
    with nothing left to load, so a new round starts, with all the work to do again.)"""
    started = time.monotonic()
    rng = random.Random(seed)
    report = LoopReport(reference_seconds=reference_seconds)
    expected_pages = bookkeeping(reference_db)["ledger_page rows"]
    while len(report.kills) < kills:
        current = Round(len(report.rounds) + 1, work / f"round-{len(report.rounds) + 1}" / "wh" / "sinmun.duckdb")
        report.rounds.append(current)
        inbox = current.db.parent.parent / "inbox"
        bad_files = build_inbox(inbox)
        command = ingest_command(inbox, current.db, batch_pages, exe=exe)
        duration, finished = reference_seconds, False
        while len(report.kills) < kills and not finished:
            if len(current.runs) >= 3 * kills + 3:
                current.violations.append(f"gave up after {len(current.runs)} runs without a kill")
                break
            plan = plans[len(report.kills)] if plans is not None else draw_plan(
                rng, duration, remaining_batches(current.db, inbox, batch_pages)
            )  # fmt: skip
            outcome = run_ingest(command, env, plan)
            current.runs.append(outcome)
            if not outcome.killed:
                log(f"round {current.number} run {len(current.runs)}: ended by itself (exit {outcome.returncode}) "
                    f"after {outcome.seconds} s, before the kill planned {plan.describe()}")  # fmt: skip
                if outcome.returncode == 0:
                    finished = True
                    current.runs_to_converge = 1
                else:
                    current.violations.append(
                        f"run {len(current.runs)} failed (exit {outcome.returncode}): {_tail(outcome.output)}"
                    )
                duration = min(duration, outcome.seconds)
                continue
            violations, state = check_invariants(current.db, inbox=inbox, bad_files=bad_files)
            kill = Kill(len(report.kills) + 1, current.number, len(current.runs), plan.describe(), outcome.seconds,
                        outcome.phase, state, violations)  # fmt: skip
            report.kills.append(kill)
            log(_kill_line(kill))
            for violation in violations:
                log(f"    VIOLATION: {violation}")
            if state.pages_loaded >= expected_pages:
                break
        if not finished:
            for _ in range(max_final_runs):
                outcome = run_ingest(command, env)
                current.runs.append(outcome)
                current.runs_to_converge += 1
                if outcome.returncode == 0:
                    finished = True
                    break
                log(f"round {current.number}: run {len(current.runs)} to converge failed (exit {outcome.returncode})"
                    f": {_tail(outcome.output)}")  # fmt: skip
        current.converged = finished
        if finished:
            violations, state = check_invariants(current.db, inbox=inbox, bad_files=bad_files)
            current.violations += violations
            if state.leftovers:
                current.violations.append(f"left behind after a successful run: {state.leftovers}")
            current.violations += refused_files_settled(current.db, inbox, bad_files)
            current.differences = compare_with_reference(current.db, reference_db)
        log(f"round {current.number}: {'converged' if finished else 'did NOT converge'} after "
            f"{current.runs_to_converge} run(s) to completion; differences from the clean run: "
            f"{current.differences or 'none'}; violations: {current.violations or 'none'}")  # fmt: skip
        if not finished:
            break
    report.wall_seconds = round(time.monotonic() - started, 1)
    return report


def _tail(output: str, lines: int = 6) -> str:
    kept = [line for line in output.splitlines() if line.strip() and not line.startswith((" ", "nanobind"))]
    return " / ".join(kept[-lines:])


def _held(state: WarehouseState) -> str:
    if not state.exists:
        return "no warehouse file yet"
    if not state.has_schema:
        return "no tables yet"
    return f"{state.loads_complete} loads complete, {state.pages_loaded} pages loaded"


def _kill_line(kill: Kill) -> str:
    extra = f", left behind: {len(kill.state.leftovers)}" if kill.state.leftovers else ""
    return (f"kill {kill.number:>2} (round {kill.round}, run {kill.run}, {kill.plan}): at {kill.moment:.2f} s, "
            f"{kill.phase}; {_held(kill.state)}{extra}; violations: {len(kill.violations)}")  # fmt: skip


def figures(report: LoopReport) -> str:
    """The figures table: one row per kill, then totals."""
    header = ("kill", "round", "planned", "moment s", "phase at kill", "loads complete", "pages loaded", "violations")
    rows = [header]
    for k in report.kills:
        loads = str(k.state.loads_complete) if k.state.has_schema else "-"
        pages = str(k.state.pages_loaded) if k.state.has_schema else "-"
        rows.append((str(k.number), str(k.round), k.plan, f"{k.moment:.2f}", k.phase, loads, pages,
                     str(len(k.violations))))  # fmt: skip
    widths = [max(len(r[i]) for r in rows) for i in range(len(header))]
    lines = [" | ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in rows]
    lines.insert(1, "-+-".join("-" * w for w in widths))
    runs = sum(len(r.runs) for r in report.rounds)
    natural = sum(1 for r in report.rounds for o in r.runs if o.plan is not None and not o.killed)
    converged = sum(1 for r in report.rounds if r.converged and not r.differences)
    lines += [
        "",
        f"clean reference run:           {report.reference_seconds:.2f} s",
        f"kills:                         {len(report.kills)}",
        f"rounds (fresh warehouses):     {len(report.rounds)}",
        f"runs started:                  {runs} ({natural} ended before their planned kill)",
        f"invariant violations:          {report.violations}",
        f"runs needed to converge:       {', '.join(str(r.runs_to_converge) for r in report.rounds)} (per round)",
        f"converged to the clean tables: {'yes' if report.converged else 'no'} ({converged}/{len(report.rounds)} rounds)",
        f"wall time:                     {report.wall_seconds:.1f} s",
    ]
    for r in report.rounds:
        lines += [f"round {r.number} VIOLATION: {v}" for v in r.violations]
        lines += [f"round {r.number} DIFFERENCE from the clean run: {d}" for d in r.differences]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--kills", type=int, default=20)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--batch-pages", type=int, default=4)
    parser.add_argument("--keep", type=Path, help="work in this folder and keep it (default: a temporary folder)")
    args = parser.parse_args(argv)
    started = time.monotonic()
    work = args.keep or Path(tempfile.mkdtemp(prefix="sinmun-kill-loop-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        # A Prefect home of our own: the killed servers never touch ~/.prefect. The warm-up run creates its
        # database (the first start of a new home runs migrations), so the reference run is timed like later runs.
        env = subprocess_env(work / "prefect-home")
        warm = work / "warm-up"
        (warm / "inbox").mkdir(parents=True, exist_ok=True)
        run_ingest(ingest_command(warm / "inbox", warm / "wh" / "warm.duckdb", args.batch_pages), env)
        reference_db = work / "clean" / "wh" / "sinmun.duckdb"
        build_inbox(work / "clean" / "inbox")
        reference = clean_run(work / "clean" / "inbox", reference_db, args.batch_pages, env)
        print(f"clean reference run: {reference.seconds} s: {_tail(reference.output, 3)}")
        report = kill_loop(
            work=work, build_inbox=build_inbox, reference_db=reference_db, reference_seconds=reference.seconds,
            kills=args.kills, seed=args.seed, batch_pages=args.batch_pages, env=env,
        )  # fmt: skip
        report.wall_seconds = round(time.monotonic() - started, 1)
        print()
        print(figures(report))
        return 0 if report.ok else 1
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
