"""The ingest flow in-process (one Prefect ephemeral API for the session): replacement, stable keys,
continuation stitching in either order, quarantine and reconciliation, analysts reading during a load."""

from __future__ import annotations

import threading
from pathlib import Path

import duckdb
import pytest

from sinmun.flows.ingest import ingest_flow
from sinmun.store import warehouse as store
from tests.helpers.warehouse import copy_samples, query, table_fingerprints

pytestmark = pytest.mark.integration  # the ingest flow, run by Prefect

PAGE_A = "bitgoeul/2024-03-05/1.txt"  # continues on page 3
PAGE_B = "bitgoeul/2024-03-05/3.txt"  # holds the continuation from page 1
OTHERS = ["namdo/2024-03-06/6.txt", "seohae/2024-03-07/1.txt"]


def ingest(inbox: Path, db: Path) -> dict:
    return ingest_flow(inbox=str(inbox), warehouse_path=str(db))


def article_keys(db: Path) -> set[str]:
    return {k for (k,) in query(db, "select article_key from fct_article")}


def test_changed_page_replaces_exactly_its_articles(tmp_path: Path):
    inbox, db = tmp_path / "inbox", tmp_path / "wh.duckdb"
    copy_samples(inbox, only=[PAGE_A, *OTHERS])
    ingest(inbox, db)
    before = dict(query(db, "select article_key, page_id from fct_article"))
    quotes_before = query(db, "select quote_text, article_key from fct_quote")
    changed = inbox / OTHERS[0]
    changed.write_text(changed.read_text(encoding="utf-8").replace("다.", "다!", 1), encoding="utf-8")
    summary = ingest(inbox, db)
    assert (summary["pages_loaded"], summary["pages_skipped_duplicate"]) == (1, 2)
    after = dict(query(db, "select article_key, page_id from fct_article"))
    page = "namdo/2024-03-06/6"
    unchanged = {k for k, p in before.items() if p != page}
    assert unchanged <= after.keys(), "other pages' articles keep their keys"
    assert {k for k, p in after.items() if p == page} != {k for k, p in before.items() if p == page}
    assert sum(1 for p in after.values() if p == page) == sum(1 for p in before.values() if p == page)
    versions = query(
        db, "select count(*), count(*) filter (where is_current) from ledger_page where page_id = ?", [page]
    )
    assert versions == [(2, 1)]
    # the page's quote is replaced with its articles: the same words, under the new article's key
    quotes_after = query(db, "select quote_text, article_key from fct_quote")
    assert sorted(t for t, _ in quotes_after) == sorted(t for t, _ in quotes_before) and quotes_before
    assert {k for _, k in quotes_after} <= after.keys()
    store_checks(db)


def test_keys_are_stable_across_order_and_fresh_warehouses(tmp_path: Path):
    all_at_once, in_two_runs = tmp_path / "a.duckdb", tmp_path / "b.duckdb"
    inbox = tmp_path / "inbox"
    copy_samples(inbox, only=[PAGE_A, PAGE_B, *OTHERS])
    ingest(inbox, all_at_once)

    late = tmp_path / "late"
    copy_samples(late, only=[PAGE_B, OTHERS[1]])
    ingest(late, in_two_runs)
    copy_samples(late, only=[PAGE_A, OTHERS[0]])
    ingest(late, in_two_runs)
    assert article_keys(all_at_once) == article_keys(in_two_runs)
    dims = ("dim_entity", "dim_reporter", "fct_entity_mention", "bridge_article_reporter", "fct_article_link")
    a = table_fingerprints(all_at_once, without=("load_id",))
    b = table_fingerprints(in_two_runs, without=("load_id",))
    assert {t: a[t] for t in dims} == {t: b[t] for t in dims}


@pytest.mark.parametrize("first", [PAGE_A, PAGE_B], ids=["origin-first", "continuation-first"])
def test_continuations_are_stitched_whichever_page_arrives_first(tmp_path: Path, first: str):
    inbox, db = tmp_path / "inbox", tmp_path / "wh.duckdb"
    copy_samples(inbox, only=[first])
    ingest(inbox, db)
    assert query(db, "select count(target_article_key) from fct_article_link where link_type <> 'cross_ref'") == [(0,)]
    copy_samples(inbox, only=[PAGE_B if first == PAGE_A else PAGE_A])
    ingest(inbox, db)
    links = query(
        db,
        "select l.link_type, origin.page_number, target.page_number, target.kind from fct_article_link l "
        "join fct_article origin on origin.article_key = l.article_key "
        "join fct_article target on target.article_key = l.target_article_key "
        "where l.link_type <> 'cross_ref' order by 1",
    )
    assert links == [("continues_from", 3, 1, "news"), ("continues_on", 1, 3, "continuation")]


def test_bad_files_are_quarantined_and_the_run_reconciles(tmp_path: Path):
    inbox, db = tmp_path / "inbox", tmp_path / "wh.duckdb"
    copy_samples(inbox, only=OTHERS)
    (inbox / "bad").mkdir()
    (inbox / "bad" / "empty.txt").write_bytes(b"")
    (inbox / "bad" / "scan.txt").write_bytes(b"%PDF-1.7\n binary")
    (inbox / "bad" / "copy.txt").write_bytes((inbox / OTHERS[0]).read_bytes())  # same content, new name
    (inbox / "bad" / "half.txt.part").write_bytes(b"still being written")
    summary = ingest(inbox, db)
    assert summary["pages_seen"] == 5 and summary["pages_deferred"] == 1
    assert (summary["pages_loaded"], summary["pages_skipped_duplicate"], summary["pages_quarantined"]) == (2, 1, 2)
    assert (
        summary["pages_seen"]
        == summary["pages_loaded"] + summary["pages_skipped_duplicate"] + summary["pages_quarantined"]
    )
    assert query(db, "select pages_seen, pages_loaded, pages_skipped_duplicate, pages_quarantined, pages_deferred "
                     "from ingest_run") == [(5, 2, 1, 2, 1)]  # fmt: skip
    reasons = dict(query(db, "select source_path, reason from quarantine"))
    assert reasons == {"bad/empty.txt": "empty", "bad/scan.txt": "binary"}
    loaded_articles = query(db, "select sum(article_count) from ledger_page where is_current")[0][0]
    assert loaded_articles == summary["articles"] == query(db, "select count(*) from fct_article")[0][0]


def test_same_content_in_different_batches_of_one_run_loads_once(tmp_path: Path):
    inbox, db = tmp_path / "inbox", tmp_path / "wh.duckdb"
    copy_samples(inbox, only=OTHERS)
    (inbox / "zz-copy.txt").write_bytes((inbox / OTHERS[0]).read_bytes())
    summary = ingest_flow(inbox=str(inbox), warehouse_path=str(db), batch_pages=1)
    assert (summary["pages_seen"], summary["pages_loaded"], summary["pages_skipped_duplicate"]) == (3, 2, 1)
    assert query(db, "select count(*) from ledger_page") == [(2,)]


def test_analyst_session_sees_old_or_new_state_never_a_mix(tmp_path: Path):
    inbox, db = tmp_path / "inbox", tmp_path / "wh.duckdb"
    copy_samples(inbox, only=OTHERS)
    ingest(inbox, db)
    published = store.published_path(db)
    analyst = duckdb.connect(str(published), read_only=True)
    try:
        old = analyst.execute("select count(*) from fct_article").fetchone()[0]
        old_mentions = analyst.execute("select count(*) from fct_entity_mention").fetchone()[0]
        copy_samples(inbox, only=[PAGE_A, PAGE_B])
        seen: list[tuple[int, int]] = []
        stop = threading.Event()

        def keep_reading() -> None:
            while not stop.is_set():
                seen.append(
                    analyst.execute(
                        "select (select count(*) from fct_article), (select count(*) from fct_entity_mention)"
                    ).fetchone()
                )

        reader = threading.Thread(target=keep_reading)
        reader.start()
        try:
            summary = ingest(inbox, db)  # the analyst's open session does not block the load
        finally:
            stop.set()
            reader.join()
        assert summary["pages_loaded"] == 2
        assert set(seen) == {(old, old_mentions)}, "the open session keeps its consistent old state"
    finally:
        analyst.close()
    # A new session (DuckDB shares one instance per file within a process, so after the old one closed) sees
    # the whole new state.
    assert query(published, "select count(*) from fct_article")[0][0] == old + summary["articles"]


def test_checks_catch_a_broken_warehouse(tmp_path: Path):
    inbox, db = tmp_path / "inbox", tmp_path / "wh.duckdb"
    copy_samples(inbox, only=OTHERS[:1])
    ingest(inbox, db)
    store_checks(db)
    con = duckdb.connect(str(db))
    try:
        con.execute("insert into fct_entity_mention values ('no-such-article', 'no-such-entity', 1, 'x', null, "
                    "'body', 0, 1, 'no-load')")  # fmt: skip
        con.execute("update fct_article set kind = 'advertorial' where ordinal = 1")
        with pytest.raises(store.ChecksFailed) as failed:
            store.run_checks(con)
    finally:
        con.close()
    assert {"relationships", "accepted_values"} <= failed.value.failures.keys()


def store_checks(db: Path) -> None:
    with store.connect(db, read_only=True) as con:
        assert store.run_checks(con) == dict.fromkeys(store.CHECKS, 0)


def test_backfill_runs_one_flow_per_date_and_resumes(tmp_path: Path):
    from datetime import date

    from sinmun.flows.run import run_backfill

    inbox, db = tmp_path / "inbox", tmp_path / "wh.duckdb"
    copy_samples(inbox, only=[PAGE_A, PAGE_B, OTHERS[0]])  # 2024-03-05 (two pages) and 2024-03-06
    first = run_backfill(inbox, date(2024, 3, 4), date(2024, 3, 5), warehouse_path=db)
    assert [(d.isoformat(), s["pages_loaded"]) for d, s in first] == [("2024-03-05", 2)]
    again = run_backfill(inbox, date(2024, 3, 4), date(2024, 3, 6), warehouse_path=db)
    assert [(d.isoformat(), s["pages_loaded"], s["pages_skipped_duplicate"]) for d, s in again] == [
        ("2024-03-05", 0, 2),
        ("2024-03-06", 1, 0),
    ]
    assert len({s["flow_run_id"] for _, s in first + again}) == 3, "one flow run per date"


def test_a_warehouse_of_another_table_layout_is_refused_untouched(tmp_path: Path):
    db = tmp_path / "old.duckdb"
    con = duckdb.connect(str(db))
    con.execute("create table fct_article (article_key varchar, headline varchar)")
    con.execute("insert into fct_article values ('a1', '옛 기사')")
    con.close()
    inbox = tmp_path / "inbox"
    copy_samples(inbox, only=OTHERS[:1])
    with pytest.raises(store.SchemaMismatch, match="table layout version 1"):
        ingest(inbox, db)
    assert query(db, "select table_name from duckdb_tables()") == [("fct_article",)]
    assert query(db, "select * from fct_article") == [("a1", "옛 기사")]


def test_duplicates_are_found_up_to_the_runs_own_size_limit(tmp_path: Path):
    from sinmun.flows.ingest import select_new
    from sinmun.ingest.discover import discover

    big = ("가" * 1_000_000).encode()  # 3 MB: above the default limit, below this run's
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_bytes(big)
    pages = discover(tmp_path).pages
    new, duplicates, _, _ = select_new.fn(pages, frozenset(), 4 * 1024 * 1024)
    assert ([p.source_path for p in new], duplicates) == (["a.txt"], ["b.txt"])
