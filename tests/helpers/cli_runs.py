"""Running the `sinmun` command line as a test does, and what an ingest run printed and left: its summary's counts,
a snapshot of its warehouse, the state of its folders, and the check that the run reconciles."""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from tests.conftest import ROOT
from tests.helpers.warehouse import query


@dataclass
class CliResult:
    args: list[str]
    returncode: int
    stdout: str
    stderr: str
    maxrss_kb: int  # peak resident memory of the process (and the children it waited for)
    seconds: float

    def explain(self) -> str:
        return f"{' '.join(self.args)} -> {self.returncode}\n{self.stdout}\n{self.stderr[-4000:]}"


def run_cli(sinmun_bin: Path, *args: str, prefix: list[str] | None = None, env: dict | None = None) -> CliResult:
    argv = [*(prefix or []), str(sinmun_bin), *map(str, args)]
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        started = time.monotonic()
        proc = subprocess.Popen(argv, stdout=out, stderr=err, env=env, cwd=ROOT)
        timer = threading.Timer(600, proc.kill)
        timer.start()
        try:
            _, status, usage = os.wait4(proc.pid, 0)  # wait4: this child's own peak memory
        finally:
            timer.cancel()
        proc.returncode = os.waitstatus_to_exitcode(status)
        seconds = time.monotonic() - started
        out.seek(0)
        err.seek(0)
        return CliResult(argv, proc.returncode, out.read().decode(), err.read().decode(), usage.ru_maxrss, seconds)


SUMMARY = re.compile(
    r"sinmun ingest: (\d+) pages seen, (\d+) loaded, (\d+) skipped as duplicates, (\d+) quarantined"
    r"(?:, (\d+) left for the next run \([^)]*\))?; (\d+) articles"
)


@dataclass
class Run:
    """One ingest run: its output and a copy of the warehouse and quarantine folder right after it."""

    cli: CliResult
    run_id: str
    db: Path  # a snapshot of the warehouse file after the run
    counts: dict[str, int]  # from the printed summary
    quarantine_files: dict[str, tuple]  # path under the quarantine folder -> ("file", sha) | ("link", target) | ...
    inbox_files: dict[str, tuple]


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def file_state(path: Path) -> tuple:
    if path.is_symlink():
        return ("link", os.readlink(path))
    st = path.stat()
    if st.st_size > 64 * 1024 * 1024:  # the sparse giant: its size and allocated blocks, not its bytes
        return ("big", st.st_size, st.st_blocks)
    return ("file", sha256(path.read_bytes()))


def tree_state(folder: Path) -> dict[str, tuple]:
    if not folder.exists():
        return {}
    return {
        p.relative_to(folder).as_posix(): file_state(p)
        for p in sorted(folder.rglob("*"))
        if p.is_symlink() or p.is_file()
    }


def printed_counts(result: CliResult) -> dict[str, int]:
    found = SUMMARY.search(result.stdout)
    assert found, result.explain()
    seen, loaded, dup, quarantined, deferred, articles = found.groups()
    return {
        "seen": int(seen), "loaded": int(loaded), "dup": int(dup), "quarantined": int(quarantined),
        "deferred": int(deferred or 0), "articles": int(articles),
    }  # fmt: skip


def snapshot(warehouse: Path, name: str) -> Path:
    copy = warehouse.parent.parent / "snapshots" / f"{name}.duckdb"
    copy.parent.mkdir(exist_ok=True)
    shutil.copyfile(warehouse, copy)
    wal = Path(f"{warehouse}.wal")
    if wal.exists():
        shutil.copyfile(wal, f"{copy}.wal")
    return copy


def ingest_run(
    result: CliResult, warehouse: Path, name: str, quarantine_dir: Path, inbox: Path, known_runs: set[str]
) -> Run:
    assert result.returncode == 0, result.explain()
    assert "Traceback" not in result.stderr, result.explain()
    db = snapshot(warehouse, name)
    runs = {r for (r,) in query(db, "select run_id from ingest_run")}
    new = runs - known_runs
    assert len(new) == 1, f"one new ingest_run row expected, got {new}"
    return Run(result, new.pop(), db, printed_counts(result), tree_state(quarantine_dir), tree_state(inbox))


def run_ids(db: Path) -> set[str]:
    return {r for (r,) in query(db, "select run_id from ingest_run")}


def assert_reconciles(run: Run) -> None:
    """seen = loaded + duplicates + quarantined, in the summary and in the warehouse; the ledger matches the rows."""
    db, c = run.db, run.counts
    assert c["seen"] == c["loaded"] + c["dup"] + c["quarantined"], run.cli.stdout
    recorded = query(
        db,
        "select pages_seen, pages_loaded, pages_skipped_duplicate, pages_quarantined, pages_deferred, articles_loaded,"
        " load_count from ingest_run where run_id = ?",
        [run.run_id],
    )
    loads = query(db, "select count(*) from load_ledger where run_id = ?", [run.run_id])[0][0]
    assert recorded == [(c["seen"], c["loaded"], c["dup"], c["quarantined"], c["deferred"], c["articles"], loads)]
    ledger = query(
        db,
        "select coalesce(sum(page_count), 0), coalesce(sum(article_count), 0), coalesce(sum(quarantined_count), 0),"
        " count(*) filter (where status <> 'complete') from load_ledger where run_id = ?",
        [run.run_id],
    )
    assert ledger == [(c["loaded"], c["articles"], c["quarantined"], 0)]
    per_load = query(
        db,
        "select l.load_id, l.article_count, (select count(*) from fct_article a where a.load_id = l.load_id),"
        " l.page_count, (select count(*) from ledger_page p where p.load_id = l.load_id),"
        " l.quarantined_count, (select count(*) from quarantine q where q.load_id = l.load_id)"
        " from load_ledger l where l.run_id = ?",
        [run.run_id],
    )
    for load_id, articles, article_rows, pages, page_rows, refused, refused_rows in per_load:
        assert (articles, pages, refused) == (article_rows, page_rows, refused_rows), load_id
    orphans = query(
        db,
        "select q.source_path from quarantine q left join load_ledger l on l.load_id = q.load_id"
        " and l.run_id = q.run_id and l.status = 'complete' where q.run_id = ? and l.load_id is null",
        [run.run_id],
    )
    assert orphans == [], "every quarantine row is committed with a complete load of its run"
    current = query(db, "select coalesce(sum(article_count), 0) from ledger_page where is_current")[0][0]
    assert current == query(db, "select count(*) from fct_article")[0][0]
