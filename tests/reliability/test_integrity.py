"""Data integrity through the real `sinmun ingest`: one version per page, every file accounted for, no bad entry
blocking the inbox, no check failure left standing.

`drop` runs one inbox three times into one warehouse. The first run meets, all at once: the same page delivered
twice (a corrected copy under another name, and a copy with CRLF line ends), a CP949 manifest headed
`Path,Publication,Date,Page` that lists only some files (and one row with a page number past any integer), a
symlink loop, a symlink to a FIFO and the FIFO itself. The second run adds a correction whose header names a page
already loaded; the third adds nothing. `fresh` loads a weather brief that mentions no entity into a fresh
warehouse, then breaks the loader's file behind sinmun's back and shows that the failing check does not stay.
"""

from __future__ import annotations

import csv
import io
import os
import shutil
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.helpers.cli_runs import (
    CliResult,
    Run,
    assert_reconciles,
    ingest_run,
    printed_counts,
    run_cli,
    run_ids,
    sha256,
    tree_state,
)
from tests.helpers.warehouse import SAMPLES, copy_samples, query

pytestmark = pytest.mark.integration  # the real `sinmun` command in a subprocess

CORRECTED = "bitgoeul/2024-03-05/1.txt"  # delivered again as 01.txt with 320억 -> 330억, a newer file
CORRECTED_COPY = "bitgoeul/2024-03-05/01.txt"
# The same page again, older, under a name without layout: its page id comes from its header, once read, in
# another batch than the version loaded (batches of 2: 01.txt and 5.txt, then 6.txt and this one).
HEADER_COPY = "추가/빛고을 3월 5일 1면.txt"
CRLF = "namdo/2024-03-06/6.txt"  # delivered again as 06.txt: the same text with CRLF line ends, same time
CRLF_COPY = "namdo/2024-03-06/06.txt"
ORIGINAL = "bitgoeul/2024-03-08/5.txt"  # loaded first; its correction arrives in the second run
CORRECTION = "corrections/빛고을 3월 8일 5면 정정.txt"  # no layout: the page id comes from its header
LISTED = "특집/광주 소식.txt"  # listed in the CP949 manifest (publication, date and page from it)
OVERFLOW = "특집/넘치는 면.txt"  # listed with page 3000000000
LOOP, LOOP_A, LOOP_B = "links/loop.txt", "links/a.txt", "links/b.txt"
FIFO, FIFO_LINK = "pipes/feed", "pipes/feed.txt"
UNLISTED = [CORRECTED, CORRECTED_COPY, CRLF, CRLF_COPY, ORIGINAL]  # not in the manifest: read by their layout


def page_text(rel: str) -> str:
    return (SAMPLES / rel).read_text(encoding="utf-8")


LISTED_TEXT = (
    "2024년 4월 3일 수요일 제9003호 빛고을신문 7면 특집\n\n목욕탕 옛 굴뚝 마을 전망대로\n\n"
    "북구 한 동네의 낡은 목욕탕 굴뚝이 마을 전망대로 다시 태어났다.\n\n"
    "주민들은 굴뚝 꼭대기에서 무등산을 바라볼 수 있게 됐다고 반겼다.\n\n/한별 기자\n"
)


def manifest_cp949(rows: list[dict]) -> bytes:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=["Path", "Publication", "Date", "Page"], lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue().encode("cp949")


@dataclass
class Drop:
    inbox: Path
    warehouse: Path
    before: set[str]  # every entry under the inbox before the first run (files, symlinks, the FIFO)
    first: Run
    second: Run
    third: Run


def entries(inbox: Path) -> set[str]:
    return {p.relative_to(inbox).as_posix() for p in inbox.rglob("*") if p.is_symlink() or not p.is_dir()}


@pytest.fixture(scope="module")
def drop(tmp_path_factory: pytest.TempPathFactory, sinmun_bin: Path) -> Drop:
    root = tmp_path_factory.mktemp("integrity")
    inbox, warehouse = root / "inbox", root / "warehouse" / "sinmun.duckdb"
    copy_samples(inbox, only=[CORRECTED, CRLF, ORIGINAL])
    (inbox / CORRECTED_COPY).write_text(page_text(CORRECTED).replace("320억", "330억"), encoding="utf-8")
    (inbox / CRLF_COPY).write_bytes(page_text(CRLF).replace("\n", "\r\n").encode())
    old = time.time() - 7200
    for rel in (CORRECTED, CRLF, CRLF_COPY, ORIGINAL):  # the copy with CRLF has the same time as its original
        os.utime(inbox / rel, (old, old))
    os.utime(inbox / CORRECTED_COPY, (old + 60, old + 60))  # the corrected copy came a minute later
    (inbox / HEADER_COPY).parent.mkdir()
    (inbox / HEADER_COPY).write_text(page_text(CORRECTED).replace("320억", "340억"), encoding="utf-8")
    os.utime(inbox / HEADER_COPY, (old + 30, old + 30))
    (inbox / LISTED).parent.mkdir()
    (inbox / LISTED).write_text(LISTED_TEXT, encoding="utf-8")
    (inbox / OVERFLOW).write_text(LISTED_TEXT.replace("7면", "8면"), encoding="utf-8")
    (inbox / "manifest.csv").write_bytes(manifest_cp949([
        {"Path": LISTED, "Publication": "bitgoeul", "Date": "2024-04-03", "Page": "7"},
        {"Path": OVERFLOW, "Publication": "bitgoeul", "Date": "2024-04-03", "Page": "3000000000"},
    ]))  # fmt: skip
    (inbox / "links").mkdir()
    (inbox / LOOP).symlink_to("loop.txt")
    (inbox / LOOP_A).symlink_to("b.txt")
    (inbox / LOOP_B).symlink_to("a.txt")
    (inbox / "pipes").mkdir()
    os.mkfifo(inbox / FIFO)
    (inbox / FIFO_LINK).symlink_to("feed")
    before = entries(inbox) - {"manifest.csv"}

    def ingest(name: str, known: set[str]) -> Run:
        result = run_cli(sinmun_bin, "ingest", inbox, "--warehouse", warehouse, "--no-progress", "--batch-pages", "2")
        return ingest_run(result, warehouse, name, warehouse.parent / "quarantine", inbox, known)

    first = ingest("first", set())
    (inbox / CORRECTION).parent.mkdir()
    (inbox / CORRECTION).write_text(page_text(ORIGINAL).replace("3.1%", "3.2%"), encoding="utf-8")
    second = ingest("second", run_ids(first.db))
    third_result = run_cli(sinmun_bin, "ingest", inbox, "--warehouse", warehouse, "--no-progress")
    assert third_result.returncode == 0, third_result.explain()
    published = warehouse.parent / "sinmun.published.duckdb"
    third = Run(third_result, "", published, printed_counts(third_result), {}, tree_state(inbox))
    return Drop(inbox, warehouse, before, first, second, third)


def versions(db: Path, page_id: str) -> list[tuple]:
    return query(db, "select source_path, is_current from ledger_page where page_id = ? order by loaded_at", [page_id])


def refusal(run: Run, source_path: str) -> tuple[str, str]:
    rows = query(run.db, "select reason, detail from quarantine where run_id = ? and source_path = ?",
                 [run.run_id, source_path])  # fmt: skip
    assert len(rows) == 1, (source_path, rows, run.cli.stdout)
    return rows[0]


def test_a_page_delivered_twice_in_one_run_loads_once_the_newer_delivery(drop: Drop) -> None:
    run = drop.first
    assert_reconciles(run)
    db = run.db
    assert versions(db, "bitgoeul/2024-03-05/1") == [(CORRECTED_COPY, True)]
    bodies = " ".join(b for (b,) in query(db, "select body from fct_article where page_id = 'bitgoeul/2024-03-05/1'"))
    assert "330억" in bodies and "320억" not in bodies and "340억" not in bodies
    reason, detail = refusal(run, CORRECTED)
    assert reason == "same-page" and CORRECTED_COPY in detail and "newer" in detail
    # Known only once read, in a later batch: refused all the same, its batch loaded without it.
    reason, detail = refusal(run, HEADER_COPY)
    assert reason == "same-page" and CORRECTED_COPY in detail, detail
    # The same time: the later path in sort order, a fixed choice.
    assert versions(db, "namdo/2024-03-06/6") == [(CRLF, True)]
    assert refusal(run, CRLF_COPY)[0] == "same-page"
    # The summary says which version of each page was loaded, and why.
    said = [line for line in run.cli.stdout.splitlines() if line.startswith("same page twice:")]
    assert len(said) == 3, run.cli.stdout
    assert any(f"loaded {CORRECTED_COPY}, the newer delivery" in line and CORRECTED in line for line in said)
    assert any(f"kept {CORRECTED_COPY}, the newer delivery" in line and HEADER_COPY in line for line in said)
    unique = query(db, "select count(*), count(distinct article_key) from fct_article")[0]
    assert unique[0] == unique[1]


def test_a_correction_beside_its_original_wins_once_and_stays(drop: Drop) -> None:
    second, third = drop.second, drop.third
    assert_reconciles(second)
    assert second.counts["loaded"] == 1, second.cli.stdout
    assert versions(second.db, "bitgoeul/2024-03-08/5") == [(ORIGINAL, False), (CORRECTION, True)]
    # The third run skips both as loaded before (the five loaded files), whatever their order.
    assert (third.counts["loaded"], third.counts["dup"]) == (0, 5), third.cli.explain()
    assert versions(third.db, "bitgoeul/2024-03-08/5") == [(ORIGINAL, False), (CORRECTION, True)]
    bodies = " ".join(b for (b,) in query(third.db, "select body from fct_article where page_id = ?",
                                          ["bitgoeul/2024-03-08/5"]))  # fmt: skip
    assert "3.2%" in bodies and "3.1%" not in bodies


def test_every_entry_under_the_inbox_is_accounted_for(drop: Drop) -> None:
    run = drop.first
    loaded = {p for (p,) in query(run.db, "select source_path from ledger_page")}
    refused = {p for (p,) in query(run.db, "select source_path from quarantine where run_id = ?", [run.run_id])}
    assert loaded == {CORRECTED_COPY, CRLF, ORIGINAL, LISTED}, run.cli.stdout
    assert refused == drop.before - loaded, run.cli.stdout
    assert run.counts["seen"] == len(drop.before), run.cli.stdout
    listed = query(run.db, "select page_id, metadata_source from ledger_page where source_path = ?", [LISTED])
    assert listed == [("bitgoeul/2024-04-03/7", "manifest")]
    layout = {m for (m,) in query(run.db, "select metadata_source from ledger_page where source_path <> ?", [LISTED])}
    assert layout == {"layout"}, "files the manifest does not list are read by their layout"


@pytest.mark.parametrize(
    ("rel", "reason", "says"),
    [
        (OVERFLOW, "bad-manifest", "3000000000"),
        (LOOP, "unreadable", "symlink loop"),
        (LOOP_A, "unreadable", "symlink loop"),
        (FIFO, "not-a-file", "FIFO"),
        (FIFO_LINK, "not-a-file", "FIFO"),
    ],
    ids=["page-overflow", "self-loop", "two-link-loop", "fifo", "symlink-to-fifo"],
)
def test_one_bad_entry_is_refused_with_its_reason_and_blocks_nothing(drop: Drop, rel: str, reason: str, says: str):
    got, detail = refusal(drop.first, rel)
    assert (got, says.lower() in detail.lower()) == (reason, True), detail
    assert drop.first.cli.seconds < 300, "nothing waits on a FIFO"


@pytest.mark.parametrize(
    "option",
    [["--batch-pages", "-1"], ["--batch-pages", "0"], ["--settle-seconds", "-5"], ["--max-page-mb", "0"],
     ["--workers", "0"]],
    ids=["batch-negative", "batch-zero", "settle-negative", "max-page-zero", "workers-zero"],
)  # fmt: skip
def test_bad_options_are_refused_on_one_line(tmp_path: Path, sinmun_bin: Path, option: list[str]) -> None:
    copy_samples(tmp_path / "inbox", only=[ORIGINAL])
    result: CliResult = run_cli(sinmun_bin, "ingest", tmp_path / "inbox", "--warehouse", tmp_path / "w.duckdb", *option)
    assert result.returncode == 2, result.explain()
    assert len(result.stderr.strip().splitlines()) == 1 and option[0] in result.stderr, result.stderr
    assert not (tmp_path / "w.duckdb").exists()


# ---------------------------------------------------------------------------------------------------------------
# A first page without entities; a check that fails is undone, not left standing

WEATHER = "bitgoeul/2024-04-09/2.txt"
WEATHER_TEXT = (
    "2024년 4월 9일 화요일 제9009호 빛고을신문 2면 지역\n\n내일 아침 쌀쌀하고 낮에는 포근\n\n"
    "수요일 아침 기온은 영하 2도에서 영상 3도로 쌀쌀하겠고, 낮 기온은 12도에서 15도로 포근하겠다.\n\n"
    "하늘은 대체로 맑겠으나 오후 늦게 구름이 많아지겠다. 바람은 약하게 불겠다.\n\n/기상팀\n"
)
LATER = "seohae/2024-03-07/1.txt"


@dataclass
class Fresh:
    first: Run
    broken: CliResult  # the run after the loader's file was broken behind sinmun's back
    broken_published: Path
    retried: Run


@pytest.fixture(scope="module")
def fresh(tmp_path_factory: pytest.TempPathFactory, sinmun_bin: Path) -> Fresh:
    import duckdb

    root = tmp_path_factory.mktemp("fresh")
    inbox, warehouse = root / "inbox", root / "warehouse" / "sinmun.duckdb"
    quarantine_dir = warehouse.parent / "quarantine"
    (inbox / WEATHER).parent.mkdir(parents=True)
    (inbox / WEATHER).write_text(WEATHER_TEXT, encoding="utf-8")
    result = run_cli(sinmun_bin, "ingest", inbox, "--warehouse", warehouse, "--no-progress")
    first = ingest_run(result, warehouse, "first", quarantine_dir, inbox, set())
    con = duckdb.connect(str(warehouse))  # an orphan mention: relationships fails from now on
    con.execute("insert into fct_entity_mention values ('no-such-article', 'no-such-entity', 1, 'x', null, "
                "'body', 0, 1, 'no-load')")  # fmt: skip
    con.close()
    copy_samples(inbox, only=[LATER])
    broken = run_cli(sinmun_bin, "ingest", inbox, "--warehouse", warehouse, "--no-progress")
    published = shutil.copyfile(warehouse.parent / "sinmun.published.duckdb", root / "after-broken.duckdb")
    retry = run_cli(sinmun_bin, "quarantine", "retry", inbox, "--warehouse", warehouse)
    retried = ingest_run(retry, warehouse, "retried", quarantine_dir, inbox, run_ids(published))
    return Fresh(first, broken, published, retried)


def test_a_first_page_without_entities_is_published(fresh: Fresh) -> None:
    run = fresh.first
    assert_reconciles(run)
    assert run.counts["loaded"] == 1 and run.counts["articles"] >= 1
    assert query(run.db, "select count(*) from fct_entity_mention") == [(0,)]
    assert "published for analysts" in run.cli.stdout


def test_a_failing_check_undoes_its_run_and_the_next_run_publishes(fresh: Fresh) -> None:
    broken = fresh.broken
    assert broken.returncode == 1, broken.explain()
    said = [line for line in broken.stderr.splitlines() if line.startswith("sinmun ingest:")]
    assert len(said) == 1 and "relationships" in said[0] and "undone" in said[0], broken.stderr
    # Analysts see the last checked state plus the refusal: no orphan mention, the page that came with the failing
    # run set aside with its reason.
    db = fresh.broken_published
    assert query(db, "select count(*) from fct_entity_mention where article_key = 'no-such-article'") == [(0,)]
    assert query(db, "select source_path, reason from quarantine") == [(LATER, "failed-checks")]
    assert query(db, "select count(*) from ledger_page where source_path = ?", [LATER]) == [(0,)]
    # `quarantine retry` brings it back; it loads and is published.
    run = fresh.retried
    assert_reconciles(run)
    assert run.counts["loaded"] == 1, run.cli.explain()
    assert query(run.db, "select is_current from ledger_page where source_path = ?", [LATER]) == [(True,)]
    published = run.db.parent.parent / "warehouse" / "sinmun.published.duckdb"
    assert query(published, "select count(*) from ledger_page where is_current") == [(2,)]
    assert sha256((SAMPLES / LATER).read_bytes()) in {s for (s,) in query(published, "select sha256 from ledger_page")}
