"""End to end through the real CLI: pages loaded without metadata, then a manifest and `sinmun reprocess`; pages
read by an earlier reading, read again; a reprocess with nothing to do loads nothing.

One module-scoped sequence of runs on a small inbox feeds every assertion (each CLI run starts Prefect and Kiwi)."""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pytest

from sinmun.ingest.normalize import stable_hash
from sinmun.reader_version import reader_version
from sinmun.store import warehouse as store
from tests.helpers.kill_loop import kl
from tests.helpers.warehouse import SAMPLES, copy_samples, query, table_fingerprints, write_manifest

pytestmark = pytest.mark.integration  # the real `sinmun` command in a subprocess

# Two sample pages delivered as scans without their header line (no date, no page number: date key -1, page id
# path:<file>), and two pages in the dated layout.
SCANS = {"scans/a.txt": ("bitgoeul", "2024-03-05", "1"), "scans/b.txt": ("bitgoeul", "2024-03-05", "3")}
LAYOUT_PAGE = "namdo/2024-03-06/6.txt"  # read again: an earlier reading loaded it
GONE_PAGE = "seohae/2024-03-07/1.txt"  # an earlier reading loaded it, and its file is gone since
EARLIER_READING = "0.0.1+r1.m000000000000"
FACTS = ("fct_article", "fct_entity_mention", "fct_article_term", "fct_date_mention", "fct_amount_mention",
         "bridge_article_reporter", "fct_article_link")  # fmt: skip


def run(sinmun_bin: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([str(sinmun_bin), *args], capture_output=True, text=True, timeout=600)


@dataclass
class Runs:
    db: Path
    ingest: subprocess.CompletedProcess
    before: dict  # table fingerprints once the manifest is written and the earlier reading recorded
    articles_before: dict[str, tuple]
    dry_run: subprocess.CompletedProcess
    after_dry_run: dict
    published_before: dict
    killed: kl.RunOutcome  # a reprocess killed after its first batch's load
    published_after_kill: dict
    pages_read_before_kill: int
    checks_after_kill: dict[str, int]
    reprocess: subprocess.CompletedProcess  # the next reprocess, which reads the rest
    after: dict
    articles_after: dict[str, tuple]
    ledger_after: list[tuple]
    published_dates_after: list[tuple]
    nothing_to_do: subprocess.CompletedProcess
    after_nothing_to_do: dict


def articles(db: Path) -> dict[str, tuple]:
    """article_key -> (page_id, date_key, ordinal, kind, headline, body) of every article."""
    rows = query(db, "select article_key, page_id, date_key, ordinal, kind, headline, body from fct_article")
    return {row[0]: row[1:] for row in rows}


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory, sinmun_bin: Path) -> Runs:
    work = tmp_path_factory.mktemp("reprocess")
    inbox, db = work / "inbox", work / "wh" / "sinmun.duckdb"
    copy_samples(inbox, only=[LAYOUT_PAGE, GONE_PAGE])
    for scan, (publication, day, page) in SCANS.items():
        text = (SAMPLES / publication / day / f"{page}.txt").read_text(encoding="utf-8")
        (inbox / scan).parent.mkdir(parents=True, exist_ok=True)
        (inbox / scan).write_text(text.split("\n", 1)[1], encoding="utf-8")  # without its header line
    common = ("--warehouse", str(db), "--no-progress")
    ingest = run(sinmun_bin, "ingest", str(inbox), *common)

    # A manifest now describes the scans; the layout pages were read by an earlier sinmun; one of their files is gone.
    write_manifest(inbox, [{"path": s, "publication": p, "date": d, "page": n} for s, (p, d, n) in SCANS.items()])
    con = duckdb.connect(str(db))
    con.execute("update ledger_page set reader_version = ? where source_path in (?, ?)",
                [EARLIER_READING, LAYOUT_PAGE, GONE_PAGE])  # fmt: skip
    con.close()
    (inbox / GONE_PAGE).unlink()
    before, articles_before = table_fingerprints(db), articles(db)
    published = db.with_name("sinmun.published.duckdb")
    published_before = table_fingerprints(published)

    dry_run = run(sinmun_bin, "reprocess", str(inbox), *common, "--dry-run")
    after_dry_run = table_fingerprints(db)
    # One page per batch, killed (SIGKILL, the whole process group) as soon as the first batch's load is done.
    killed = kl.run_ingest(
        [str(sinmun_bin), "reprocess", str(inbox), *common, "--batch-pages", "1", "--verbose"], kl.subprocess_env(),
        kl.KillPlan(0.0, after=kl.LOAD_DONE, nth=1, label="the first load"),
    )  # fmt: skip
    published_after_kill = table_fingerprints(published)
    read_before_kill = query(db, "select count(*) from ledger_page")[0][0] - 4  # each page read again: a version
    with store.connect(db, read_only=True) as con:
        checks_after_kill = store.run_checks(con)  # raises ChecksFailed, naming the failures
    reprocess = run(sinmun_bin, "reprocess", str(inbox), *common)
    after, articles_after = table_fingerprints(db), articles(db)
    ledger_after = query(db, "select source_path, page_id, metadata_source, reader_version = ?, is_current "
                         "from ledger_page order by source_path, loaded_at", [EARLIER_READING])  # fmt: skip
    published_dates = query(published, "select distinct date_key from fct_article order by date_key")
    nothing_to_do = run(sinmun_bin, "reprocess", str(inbox), *common)
    return Runs(db, ingest, before, articles_before, dry_run, after_dry_run, published_before, killed,
                published_after_kill,
                read_before_kill, checks_after_kill, reprocess, after, articles_after,
                ledger_after, published_dates, nothing_to_do, table_fingerprints(db))  # fmt: skip


def test_ingest_warns_of_pages_loaded_without_date_or_page(runs: Runs):
    assert runs.ingest.returncode == 0, runs.ingest.stderr[-2000:]
    assert "4 pages seen, 4 loaded" in runs.ingest.stdout
    warning = [line for line in runs.ingest.stderr.splitlines() if line.startswith("sinmun ingest: warning:")]
    assert warning == [
        "sinmun ingest: warning: 2 loaded pages without a publication date or page number (date key -1, page id "
        "path:<file>); list them in the inbox's manifest.csv (path,publication,date,page) and run `sinmun "
        "reprocess INBOX`"
    ]
    assert sorted({(page_id, date_key) for page_id, date_key, *_ in runs.articles_before.values()}) == [
        ("namdo/2024-03-06/6", 20240306), ("path:scans/a.txt", -1), ("path:scans/b.txt", -1),
        ("seohae/2024-03-07/1", 20240307),
    ]  # fmt: skip


def test_a_dry_run_names_the_pages_and_why_and_loads_nothing(runs: Runs):
    assert runs.dry_run.returncode == 0, runs.dry_run.stderr[-2000:]
    assert runs.dry_run.stdout.splitlines()[:5] == [
        "sinmun reprocess: would read again 3 of 4 loaded pages (metadata changed: 2, reader changed: 1); "
        "0 unchanged; nothing loaded (--dry-run)",
        f"would read again: {LAYOUT_PAGE}: reader: {EARLIER_READING} -> {reader_version()}",
        "would read again: scans/a.txt: metadata: date unknown -> 2024-03-05 (manifest); "
        "metadata: page unknown -> 1 (manifest)",
        "would read again: scans/b.txt: metadata: date unknown -> 2024-03-05 (manifest); "
        "metadata: page unknown -> 3 (manifest)",
        f"cannot be read again: {GONE_PAGE}: not read again: no longer in the inbox (its loaded version stays)",
    ]
    assert runs.after_dry_run == runs.before


def test_a_reprocess_killed_after_a_load_leaves_the_published_state_and_whole_batches(runs: Runs):
    assert runs.killed.killed and re.search(kl.LOAD_DONE, runs.killed.output), runs.killed.output[-3000:]
    assert runs.published_after_kill == runs.published_before
    assert 1 <= runs.pages_read_before_kill < 3
    assert set(runs.checks_after_kill.values()) == {0}


def test_the_next_reprocess_reads_the_rest_and_fixes_date_key_and_page_id_with_the_same_rows(runs: Runs):
    assert runs.reprocess.returncode == 0, runs.reprocess.stderr[-2000:]
    assert runs.reprocess.stdout.startswith(
        f"sinmun reprocess: read again {3 - runs.pages_read_before_kill} of 4 loaded pages ("
    )
    assert f"; {runs.pages_read_before_kill} unchanged, 0 quarantined;" in runs.reprocess.stdout.splitlines()[0]
    assert f"cannot be read again: {GONE_PAGE}: not read again: no longer in the inbox" in runs.reprocess.stdout
    assert "warning" not in runs.reprocess.stderr
    before, after = runs.articles_before, runs.articles_after
    assert sorted({(page_id, date_key) for page_id, date_key, *_ in after.values()}) == [
        ("bitgoeul/2024-03-05/1", 20240305), ("bitgoeul/2024-03-05/3", 20240305), ("namdo/2024-03-06/6", 20240306),
        ("seohae/2024-03-07/1", 20240307),
    ]  # fmt: skip
    # The same rows: every fact table holds as many rows as before, every article read the same.
    assert {t: runs.after[t][0] for t in FACTS} == {t: runs.before[t][0] for t in FACTS}
    assert sorted(rest[2:] for rest in after.values()) == sorted(rest[2:] for rest in before.values())
    assert runs.published_dates_after == [(20240305,), (20240306,), (20240307,)]


def test_article_keys_stay_where_page_and_reading_did_not_change(runs: Runs):
    before, after = runs.articles_before, runs.articles_after
    # The page read again by this reading (the same reading: nothing changed but the version) and the page that
    # could not be read again keep their articles and keys.
    for page_id in ("namdo/2024-03-06/6", "seohae/2024-03-07/1"):
        kept = {k: v for k, v in before.items() if v[0] == page_id}
        assert kept and all(after.get(k) == v for k, v in kept.items()), page_id
    # The corrected pages' articles have the keys their page, position and content give: those a first load with
    # the manifest gives.
    for key, (page_id, _, ordinal, kind, headline, body) in after.items():
        assert key == stable_hash(page_id, ordinal, kind, headline, body)


def test_the_ledger_keeps_each_version_with_its_metadata_and_reading(runs: Runs):
    assert runs.ledger_after == [
        (LAYOUT_PAGE, "namdo/2024-03-06/6", "layout", True, False),
        (LAYOUT_PAGE, "namdo/2024-03-06/6", "layout", False, True),
        ("scans/a.txt", "path:scans/a.txt", "unknown", False, False),
        ("scans/a.txt", "bitgoeul/2024-03-05/1", "manifest", False, True),
        ("scans/b.txt", "path:scans/b.txt", "unknown", False, False),
        ("scans/b.txt", "bitgoeul/2024-03-05/3", "manifest", False, True),
        (GONE_PAGE, "seohae/2024-03-07/1", "layout", True, True),
    ]
    current = query(runs.db, "select distinct reader_version from ledger_page where is_current and source_path <> ?",
                    [GONE_PAGE])  # fmt: skip
    assert current == [(reader_version(),)]


def test_a_reprocess_with_nothing_to_do_loads_nothing(runs: Runs):
    assert runs.nothing_to_do.returncode == 0, runs.nothing_to_do.stderr[-2000:]
    assert runs.nothing_to_do.stdout.startswith(
        "sinmun reprocess: read again 0 of 4 loaded pages (metadata changed: 0, reader changed: 0); 3 unchanged"
    )
    assert runs.after_nothing_to_do == runs.after
