"""``load_batch``: one staged batch (Parquet files of ``batch_tables`` rows, built here from pages written by hand)
loaded into a real DuckDB file in one transaction with its load-ledger row: every staged row arrives as staged
with the load's id, a new version of a page replaces the old one's rows, continuations are stitched whichever page
comes first, refused files alone make a load, and a load that fails leaves nothing."""

from __future__ import annotations

import shutil
from collections import Counter
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import duckdb
import polars as pl
import pytest

from sinmun.ingest.normalize import ArticleTerms, PageRecord, batch_tables
from sinmun.store import warehouse as store
from sinmun.store.warehouse import LoadMismatch, LoadSummary

STARTED = datetime(2024, 3, 6, 9, 0, tzinfo=UTC)
BODY = "광주시가 올해 처음으로 시민참여 예산 설명회를 열었다."
SKY = {"name": "박하늘", "names": ["박하늘"], "email": "sky@bitgoeul.example.kr", "role": "기자"}
YOON = {"type": "PERSON", "name": "윤세라", "aliases": [],
        "mentions": [{"text": "윤세라", "start": 0, "end": 3, "title": "목포시장"}]}  # fmt: skip
PARK = {"type": "PERSON", "name": "박도윤", "aliases": [], "mentions": [{"text": "박도윤", "start": 0, "end": 3}]}
# Long enough for a reprint fingerprint (sinmun.reprints.MIN_SHINGLES).
LONG_BODY = (
    "순천시는 생활인구 활성화 공모사업에 선정돼 국비 128억원을 확보했다고 4일 밝혔다. "
    "시는 2027년까지 네 개 지구의 낡은 기반시설을 고치고 주민 편의시설을 새로 짓는다."
)


def news(ordinal: int, headline: str, body: str | None = BODY, **fields) -> dict:
    return {"ordinal": ordinal, "kind": "news", "headline": headline, "subheadlines": [], "body": body, **fields}


def page(
    *articles: dict, number: int = 3, sha: str = "a" * 64, path: str | None = None, day="2024-03-05"
) -> PageRecord:
    source = {"publication": "bitgoeul", "publication_date": day, "page": number, "section": "지역", "sha256": sha,
              "encoding": "utf-8"}  # fmt: skip
    terms = tuple(ArticleTerms(Counter(f"{a['headline']} 기사".split()), Counter(str(a["headline"]).split()))
                  for a in articles)  # fmt: skip
    return PageRecord({"source": source, "articles": list(articles)}, path or f"bitgoeul/{day}/{number}.txt", "layout",
                      terms)  # fmt: skip


FULL_PAGE = page(
    news(1, "설명회 첫 개최", byline=SKY, entities=[YOON], cross_refs=[5],
         dates=[{"text": "5일", "date": "2024-03-05", "precision": "day", "start": 10, "end": 12}],
         amounts=[{"text": "3억원", "value": 300_000_000, "unit": "KRW", "approximate": False, "start": 20, "end": 23}],
         quotes=[{"text": "돕겠다", "start": 30, "end": 33, "speaker": "윤세라", "speaker_type": "PERSON"}]),
    news(2, "둘째 기사", LONG_BODY, byline=SKY),
)  # fmt: skip


def stage(records: list[PageRecord], folder: Path) -> tuple[dict[str, str], dict[str, pl.DataFrame]]:
    """The batch's tables written as Parquet, as staging writes them: table -> path, and the frames."""
    frames = batch_tables(records)
    folder.mkdir(parents=True, exist_ok=True)
    for name, frame in frames.items():
        frame.write_parquet(folder / f"{name}.parquet")
    return {name: str(folder / f"{name}.parquet") for name in frames}, frames


@pytest.fixture(scope="module")
def empty_warehouse(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A warehouse with its schema and seeds and nothing loaded, made once: each test loads into a copy."""
    path = tmp_path_factory.mktemp("empty") / "wh.duckdb"
    with store.connect(path) as connection:
        store.ensure_schema(connection)
    return path


@pytest.fixture
def con(empty_warehouse: Path, tmp_path: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    shutil.copyfile(empty_warehouse, tmp_path / "wh.duckdb")
    with store.connect(tmp_path / "wh.duckdb") as connection:
        yield connection


def load(con, records: list[PageRecord], folder: Path, batch_number: int, **options) -> tuple[LoadSummary, dict]:
    staged, frames = stage(records, folder / f"batch-{batch_number}")
    summary = store.load_batch(con, staged, run_id="run1", batch_number=batch_number, started_at=STARTED, **options)
    return summary, frames


def fetch(con, text: str, params: list | None = None) -> list[tuple]:
    return con.execute(text, params or []).fetchall()


# Each staged fact table and the columns its rows are told apart by.
FACT_ORDER = {
    "ledger_page": "page_id", "fct_article": "article_key", "fct_entity_mention": "article_key, mention_ordinal",
    "fct_article_term": "article_key, term", "bridge_article_reporter": "article_key, reporter_ordinal",
    "fct_article_link": "article_key, link_type, target_page_number", "fct_date_mention": "article_key, start_char",
    "fct_amount_mention": "article_key, start_char", "fct_quote": "article_key, quote_ordinal",
    "reprint_fingerprint": "article_key", "reprint_band": "article_key, band_hash",
}  # fmt: skip


def test_a_load_commits_its_rows_and_its_ledger_row_together(con, tmp_path: Path):
    summary, frames = load(con, [FULL_PAGE], tmp_path, 1)
    assert summary == LoadSummary("run1-0001", pages=1, articles=2, mentions=1, quarantined=0)
    assert fetch(con, "select load_id, run_id, batch_number, status, page_count, article_count, mention_count,"
                      " quarantined_count, started_at from load_ledger") == [
        ("run1-0001", "run1", 1, "complete", 1, 2, 1, 0, STARTED.replace(tzinfo=None))
    ]  # fmt: skip
    for table in FACT_ORDER:
        assert fetch(con, f"select count(*), count(*) filter (where load_id = 'run1-0001') from {table}") == [
            (frames[table].height, frames[table].height)
        ], table
    assert fetch(con, "select page_id, is_current from ledger_page") == [("bitgoeul/2024-03-05/3", True)]


@pytest.mark.parametrize("table", list(FACT_ORDER))
def test_every_staged_row_arrives_with_the_values_it_was_staged_with(con, tmp_path: Path, table: str):
    _, frames = load(con, [FULL_PAGE], tmp_path, 1)
    columns = frames[table].columns
    loaded = fetch(con, f"select {', '.join(columns)} from {table} order by {FACT_ORDER[table]}")
    order = [c.strip() for c in FACT_ORDER[table].split(",")]
    assert loaded == frames[table].sort(order).rows()
    assert loaded, f"{table}: the page was written to give it rows"


def test_dimension_rows_are_added_once_whatever_the_loads(con, tmp_path: Path):
    load(con, [FULL_PAGE], tmp_path, 1)
    load(con, [page(news(1, "다른 면 기사", byline=SKY, entities=[YOON]), number=4, sha="b" * 64)], tmp_path, 2)
    assert fetch(con, "select reporter_name, email from dim_reporter where reporter_name = '박하늘'") == [
        ("박하늘", "sky@bitgoeul.example.kr")
    ]
    assert fetch(con, "select canonical_name from dim_entity where canonical_name = '윤세라'") == [("윤세라",)]
    assert fetch(con, "select count(*) from fct_article") == [(3,)]


SCAN = page(*FULL_PAGE.parsed["articles"], path="scans/a.txt")
SCAN.parsed["source"].update(publication=None, page=None)  # a page loaded without its metadata: page id path:<file>


@pytest.mark.parametrize(
    ("first", "again", "old_page_id"),
    [
        # new text for the same page: the page id is the same, the content is not
        (FULL_PAGE, page(news(1, "고친 기사"), sha="c" * 64), "bitgoeul/2024-03-05/3"),
        # the same file read again with its metadata known now (`sinmun reprocess`): the same content (sha256),
        # another page id
        (SCAN, FULL_PAGE, "path:scans/a.txt"),
    ],
    ids=["new-text", "same-file-new-metadata"],
)
def test_a_new_version_of_a_page_replaces_every_row_of_the_old(con, tmp_path: Path, first, again, old_page_id: str):
    _, old = load(con, [first], tmp_path, 1)
    _, new = load(con, [again], tmp_path, 2)
    assert fetch(con, "select page_id, is_current from ledger_page order by is_current") == [
        (old_page_id, False), ("bitgoeul/2024-03-05/3", True),
    ]  # fmt: skip
    old_keys = old["fct_article"]["article_key"].to_list()
    assert not set(old_keys) & set(new["fct_article"]["article_key"].to_list())
    for table in ("fct_article", "fct_entity_mention", "bridge_article_reporter", "fct_article_link",
                  "fct_date_mention", "fct_amount_mention", "fct_quote", "fct_article_term", "reprint_fingerprint",
                  "reprint_band"):  # fmt: skip
        assert fetch(con, f"select count(*) from {table} where article_key in (select unnest(?))", [old_keys]) == [
            (0,)
        ], table
    assert sorted(k for (k,) in fetch(con, "select article_key from fct_article")) == sorted(
        new["fct_article"]["article_key"].to_list()
    )


@pytest.mark.parametrize("first_page", [1, 3])
def test_continuations_are_stitched_whichever_page_is_loaded_first(con, tmp_path: Path, first_page: int):
    front = page(news(1, "1면 기사", continues_on=3), number=1, sha="d" * 64)
    rest = page(news(1, "3면 기사"), news(2, None, "이어지는 본문이다.", kind="continuation", continues_from=1),
                number=3, sha="e" * 64)  # fmt: skip
    for n, record in enumerate([front, rest] if first_page == 1 else [rest, front], start=1):
        load(con, [record], tmp_path, n)
    links = fetch(
        con,
        "select origin.page_number, link.link_type, target.page_number, target.ordinal from fct_article_link link"
        " join fct_article origin using (article_key)"
        " join fct_article target on target.article_key = link.target_article_key order by 1",
    )
    assert links == [(1, "continues_on", 3, 2), (3, "continues_from", 1, 1)]


def test_refused_files_alone_are_a_load_with_its_ledger_row(con):
    refused = [{"source_path": "bad/empty.txt", "reason": "empty", "sha256": None, "quarantine_path": "q/empty.txt"}]
    summary = store.load_batch(con, {}, run_id="run1", batch_number=7, started_at=STARTED, quarantined=refused)
    assert summary == LoadSummary("run1-0007", pages=0, articles=0, mentions=0, quarantined=1)
    assert fetch(con, "select source_path, reason, run_id, load_id, quarantine_path from quarantine") == [
        ("bad/empty.txt", "empty", "run1", "run1-0007", "q/empty.txt")
    ]
    assert fetch(con, "select load_id, page_count, quarantined_count, status from load_ledger") == [
        ("run1-0007", 0, 1, "complete")
    ]


def as_staged(staged: dict[str, str], frames: dict) -> dict[str, str]:
    return staged


def with_a_quote_without_text(staged: dict[str, str], frames: dict) -> dict[str, str]:
    broken = Path(staged["fct_quote"]).with_name("broken_quote.parquet")
    frames["fct_quote"].with_columns(pl.lit(None, pl.String).alias("quote_text")).write_parquet(broken)
    return {**staged, "fct_quote": str(broken)}


@pytest.mark.parametrize(
    ("break_staging", "batch_number", "error"),
    [
        (with_a_quote_without_text, 2, duckdb.ConstraintException),  # a row breaking a not-null column, part way
        (as_staged, 1, LoadMismatch),  # a load id already used: the rows counted under it are more than staged
    ],
    ids=["a-row-breaking-a-not-null-column", "a-load-id-already-used"],
)
def test_a_load_that_fails_leaves_nothing_of_itself(con, tmp_path: Path, break_staging, batch_number: int, error):
    load(con, [FULL_PAGE], tmp_path, 1)
    before = {
        table: fetch(con, f"select count(*) from {table}") for table in (*FACT_ORDER, "load_ledger", "dim_entity")
    }
    other = page(news(1, "다른 면 기사", LONG_BODY, entities=[PARK], quotes=FULL_PAGE.parsed["articles"][0]["quotes"]),
                 number=4, sha="f" * 64)  # fmt: skip
    staged, frames = stage([other], tmp_path / "failing")
    with pytest.raises(error):
        store.load_batch(
            con, break_staging(staged, frames), run_id="run1", batch_number=batch_number, started_at=STARTED
        )
    assert {table: fetch(con, f"select count(*) from {table}") for table in before} == before
    assert fetch(con, "select count(*) from ledger_page where page_id = 'bitgoeul/2024-03-05/4'") == [(0,)]
