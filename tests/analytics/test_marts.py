"""The marts (sql/marts/): one view per question analysts ask, created with the schema.

Known answers for each view on the sample warehouse, checked by hand against the sample page
samples/inbox/bitgoeul/2024-03-04/1.txt; the region rule on its places; that every view has exactly one row per row
of the fact it describes; that the analyses, the report, the examples and search read the marts instead of joining
the dimensions again; and, through the real CLI on a small warehouse of pages written here, that an article without
a date stays in the marts, that the report's network keeps to its dates, and that a warehouse published before the
marts existed gets them at its next ingest without loading anything again.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from datetime import date
from pathlib import Path

import duckdb
import pytest

from sinmun.analytics.report import gather_report_data
from sinmun.store.warehouse import MART_ORDER, published_path
from tests.conftest import ROOT

pytestmark = pytest.mark.integration  # the session's sample warehouse, and warehouses loaded by the real flow and CLI

FIRST_PAGE = "bitgoeul/2024-03-04/1"  # samples/inbox/bitgoeul/2024-03-04/1.txt
RIVER_STORY = "광주천 생태하천 복원 첫 삽"  # its first article, by 박하늘


def rows(db: Path, text: str, params: dict | None = None) -> list[tuple]:
    with duckdb.connect(str(published_path(db)), read_only=True) as con:
        return con.execute(text, params).fetchall()


def test_every_mart_file_is_created_in_order_and_says_what_a_row_is():
    files = sorted(path.stem for path in (ROOT / "sql" / "marts").glob("*.sql"))
    assert sorted(MART_ORDER) == files
    for name in MART_ORDER:
        text = (ROOT / "sql" / "marts" / f"{name}.sql").read_text(encoding="utf-8")
        assert text.startswith(f"-- {name}: one row per "), name
        assert f"create or replace view {name} as" in text, name


CONSUMERS = ("analyses", "report", "examples", "search")
# The joins the marts make once: an article to its paper and its date, a mention to its place.
MART_JOINS = re.compile(r"\bjoin\s+(dim_date|dim_publication|dim_place|fct_article)\b", re.IGNORECASE)


def test_the_analyses_report_examples_and_search_read_the_marts():
    repeated = [
        f"{folder}/{path.name}: join {match[1]}"
        for folder in CONSUMERS
        for path in sorted((ROOT / "sql" / folder).glob("*.sql"))
        for match in MART_JOINS.finditer(path.read_text(encoding="utf-8"))
    ]
    assert repeated == []
    unread = [
        name for name in MART_ORDER
        if not any(re.search(rf"\b{name}\b", path.read_text(encoding="utf-8"))
                   for folder in CONSUMERS for path in (ROOT / "sql" / folder).glob("*.sql"))
    ]  # fmt: skip
    assert unread == []


def test_mart_article_gives_each_article_its_paper_and_date(samples_warehouse):
    found = rows(
        samples_warehouse.path,
        "select ordinal, kind, headline, publication_name, publication_date, weekday_short_ko, page_number "
        "from mart_article where page_id = $page order by ordinal",
        {"page": FIRST_PAGE},
    )
    monday = ("빛고을신문", date(2024, 3, 4), "월", 1)
    assert found == [
        (1, "news", RIVER_STORY, *monday),
        (2, "photo", "봄 알리는 '홍매화'", *monday),
        (3, "news", "광주시, 올해 일자리 1만2000개 만든다", *monday),
        (4, "news", "광주·전남 '의대 신설' 공동 대응", *monday),
        (5, "ad", None, *monday),
    ]


def test_mart_entity_mention_gives_each_mention_its_entity_and_article(samples_warehouse):
    found = rows(
        samples_warehouse.path,
        "select canonical_name, entity_type, mention_text, title_as_written, publication_name, publication_date, "
        "page_number, kind from mart_entity_mention where headline = $headline order by mention_ordinal",
        {"headline": RIVER_STORY},
    )
    article = ("빛고을신문", date(2024, 3, 4), 1, "news")
    # "…정태윤 광주시장과 시의원, 주민 등…": the person, as written, with the title written beside him
    assert ("정태윤", "PERSON", "정태윤", "광주시장", *article) in found
    # 광주천 is written four times in the body: 광주천을, 광주천 둔치, '광주천 생태복원…', "광주천은…"
    assert [row[2] for row in found if row[0] == "광주천"] == ["광주천"] * 4
    assert {row[4:] for row in found} == {article}


def test_mart_place_mention_counts_each_place_in_its_region(samples_warehouse):
    found = rows(
        samples_warehouse.path,
        "select distinct place_name, place_level, region_province, region_city_county_district "
        "from mart_place_mention where headline = $headline order by place_name",
        {"headline": RIVER_STORY},
    )
    assert found == [
        ("광주광역시", 1, "광주광역시", "(시도 전체)"),  # 광주, 광주시: the province itself
        ("광주광역시 남구", 2, "광주광역시", "광주광역시 남구"),  # 남구: a district
        ("광주천", 9, "광주광역시", "(시군구 미상)"),  # a stream the gazetteer places in the province only
        ("대인시장", 9, "광주광역시", "광주광역시 동구"),  # a market: counted in the district it lies in
        ("알 수 없음", None, None, None),  # 증심사, a temple the gazetteer does not hold: the unknown place, no region
        ("양림동", 9, "광주광역시", "광주광역시 남구"),
        ("영산강", 9, None, None),  # a river through two provinces: in no region
    ]


def test_mart_place_mention_leaves_countries_and_unknown_places_out_of_every_region(samples_warehouse):
    found = rows(
        samples_warehouse.path,
        "select place_kind, count(*), count(region_province), count(region_city_county_district) "
        "from mart_place_mention where place_kind in ('country', 'unknown') group by place_kind order by place_kind",
    )
    assert [kind for kind, *_ in found] == ["country", "unknown"]  # the samples name 중국, 일본, …, and unknown places
    assert all(total > 0 and in_region == 0 and in_district == 0 for _, total, in_region, in_district in found)


def test_mart_reporter_article_gives_each_byline_its_article(samples_warehouse):
    found = rows(
        samples_warehouse.path,
        "select reporter_name, email, reporter_ordinal, kind, headline from mart_reporter_article "
        "where publication_name = '빛고을신문' and publication_date = date '2024-03-04' and page_number = 1 "
        "order by headline",
    )
    assert found == [
        ("최은지", "eunji@bitgoeul.example.kr", 1, "news", "광주·전남 '의대 신설' 공동 대응"),
        ("김민수", "minsu@bitgoeul.example.kr", 1, "news", "광주시, 올해 일자리 1만2000개 만든다"),
        ("박하늘", "sky@bitgoeul.example.kr", 1, "news", RIVER_STORY),
        ("김진수", "jeans@bitgoeul.example.kr", 1, "photo", "봄 알리는 '홍매화'"),
    ]


def test_mart_quote_gives_each_quote_its_speaker_and_article(samples_warehouse):
    found = rows(
        samples_warehouse.path,
        "select speaker_name, speaker_type, reporting_verb, quote_text, publication_name, publication_date, "
        "page_number from mart_quote where headline = $headline order by quote_ordinal",
        {"headline": RIVER_STORY},
    )
    # 정 시장은 "광주천은 … 젖줄"이라며 "물고기가 … 하겠다"고 말했다.
    said = ("정태윤", "PERSON", "말했다")
    article = ("빛고을신문", date(2024, 3, 4), 1)
    assert found == [
        (*said, "광주천은 시민의 삶과 함께 흘러온 광주의 젖줄", *article),
        (*said, "물고기가 돌아오고 아이들이 발을 담그는 하천으로 만들어 도심의 허파 역할을 하도록 하겠다", *article),
    ]
    unnamed = rows(
        samples_warehouse.path, "select distinct speaker_name from mart_quote where speaker_entity_key = 'unknown'"
    )
    assert unnamed in ([], [(None,)])  # an unnamed speaker has no name, not the unknown member's


FACT_OF_MART = {
    "mart_article": "select count(*) from fct_article",
    "mart_entity_mention": "select count(*) from fct_entity_mention",
    "mart_place_mention": "select count(*) from fct_entity_mention join dim_entity using (entity_key) "
    "where entity_type = 'LOCATION'",
    "mart_reporter_article": "select count(*) from bridge_article_reporter",
    "mart_quote": "select count(*) from fct_quote",
    "mart_reprint_printing": "select count(*) from bridge_article_reprint",
}


def test_each_mart_has_one_row_per_row_of_its_fact(samples_warehouse):
    assert set(FACT_OF_MART) == set(MART_ORDER)
    for mart, fact_count in FACT_OF_MART.items():
        (expected,) = rows(samples_warehouse.path, fact_count)[0]
        assert rows(samples_warehouse.path, f"select count(*) from {mart}") == [(expected,)], mart


# A small warehouse through the real CLI: two people named together on one day, apart on another, and a page
# without a header outside the inbox's layout (no paper, no date).
SMALL_PAGES = {
    "bitgoeul/2024-03-04/1.txt": """2024년 3월 4일 월요일 제8120호 빛고을신문 1면 종합

광주·전남 정원 협약

강기정 광주시장과 김영록 전라남도지사가 4일 광주시청에서 정원 조성 협약을 맺었다.

/박하늘 기자 sky@bitgoeul.example.kr
""",
    "bitgoeul/2024-03-11/2.txt": """2024년 3월 11일 월요일 제8125호 빛고을신문 2면 종합

광주시 청년 창업 지원 확대

강기정 광주시장은 11일 청년 창업가 40명과 간담회를 열었다.

/박하늘 기자 sky@bitgoeul.example.kr

전남 섬 여객선 증편

김영록 전라남도지사는 11일 목포항에서 여객선 운항 확대 계획을 밝혔다.

/정우진 기자 woojin@bitgoeul.example.kr
""",
    "loose/notice.txt": """시민 정원 자원봉사자 모집

광주 북구는 중외공원 시민 정원을 가꿀 자원봉사자 30명을 모집한다고 밝혔다.
""",
}


def sinmun(sinmun_bin: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PREFECT_SERVER_ANALYTICS_ENABLED": "false"}
    return subprocess.run([str(sinmun_bin), *args], capture_output=True, text=True, timeout=300, env=env)


@pytest.fixture(scope="module")
def small(tmp_path_factory, sinmun_bin: Path) -> tuple[Path, Path]:
    """(inbox, warehouse) loaded by `sinmun ingest`."""
    root = tmp_path_factory.mktemp("marts")
    for rel, text in SMALL_PAGES.items():
        (root / "inbox" / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / "inbox" / rel).write_text(text, encoding="utf-8")
    db = root / "wh" / "sinmun.duckdb"
    run = sinmun(sinmun_bin, "ingest", str(root / "inbox"), "--warehouse", str(db), "--no-progress")
    assert run.returncode == 0, run.stderr
    return root / "inbox", db


def test_an_article_without_paper_or_date_stays_in_the_marts(small: tuple[Path, Path]):
    _, db = small
    assert rows(db, "select publication_name, publication_date, headline from mart_article where date_key = -1") == [
        ("알 수 없음", None, "시민 정원 자원봉사자 모집")
    ]
    assert rows(
        db, "select distinct place_name, region_city_county_district from mart_place_mention where date_key = -1 "
        "order by all"
    ) == [("광주광역시", "(시도 전체)"), ("광주광역시 북구", "광주광역시 북구"), ("중외공원", "광주광역시 북구")]  # fmt: skip


def test_the_report_network_counts_only_articles_in_its_dates(small: tuple[Path, Path]):
    """강기정 and 김영록 are named together on 4 March only: from 11 March on, they are two nodes with no edge (the
    network used to count their pairs in every article, whatever its date)."""
    _, db = small
    everything = gather_report_data(db)["network"]
    people = {
        node["canonical_name"]: node["articles"] for node in everything["nodes"] if node["entity_type"] == "PERSON"
    }
    assert people == {"강기정": 2, "김영록": 2}
    assert [(e["entity_a"], e["entity_b"], e["articles"]) for e in everything["edges"] if e["type_b"] == "PERSON"] in (
        [("강기정", "김영록", 1)], [("김영록", "강기정", 1)]
    )  # fmt: skip
    later = gather_report_data(db, date_from=date(2024, 3, 11))["network"]
    people = {node["canonical_name"]: node["articles"] for node in later["nodes"] if node["entity_type"] == "PERSON"}
    assert people == {"강기정": 1, "김영록": 1}
    assert [e for e in later["edges"] if e["type_b"] == "PERSON"] == []


def test_sinmun_sql_reads_the_marts(small: tuple[Path, Path], sinmun_bin: Path):
    _, db = small
    run = sinmun(
        sinmun_bin, "sql", "select speaker_name, publication_date from mart_quote", "--format", "json",
        "--warehouse", str(db),
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    run = sinmun(sinmun_bin, "sql", "describe mart_place_mention", "--format", "json", "--warehouse", str(db))
    assert run.returncode == 0, run.stderr
    assert {"region_province", "region_city_county_district"} <= {row["column_name"] for row in json.loads(run.stdout)}


def _as_published_before_the_marts(db: Path) -> None:
    """Make ``db`` what a sinmun without marts left: no views in the loader's file or in its published copy, and the
    published copy's record as that sinmun wrote it (the loader's loads and runs, the copy's file identity)."""
    with duckdb.connect(str(db)) as con:
        for name in reversed(MART_ORDER):
            con.execute(f"drop view {name}")
        loads, last_load_id, runs = con.execute(
            (ROOT / "sql" / "queries" / "warehouse_state.sql").read_text(encoding="utf-8")
        ).fetchone()
    published = published_path(db)
    shutil.copyfile(db, published)
    stat = published.stat()
    record = {"warehouse_state": [str(loads), str(last_load_id), str(runs)],
              "file": [stat.st_ino, stat.st_size, stat.st_mtime_ns], "published_at": "2026-12-01T00:00:00"}  # fmt: skip
    published.with_name(published.name + ".state.json").write_text(json.dumps(record), encoding="utf-8")


def test_a_warehouse_published_before_the_marts_gets_them_at_its_next_ingest(
    small: tuple[Path, Path], sinmun_bin: Path, tmp_path: Path
):
    inbox, loaded = small
    db = tmp_path / "wh" / "sinmun.duckdb"
    shutil.copytree(loaded.parent, db.parent)
    _as_published_before_the_marts(db)
    articles = rows(db, "select count(*) from fct_article")

    before = sinmun(sinmun_bin, "sql", "--analysis", "kinds_by_page", "--warehouse", str(db))
    assert before.returncode == 2 and len(before.stderr.strip().splitlines()) == 1
    assert "mart_article" in before.stderr and "sinmun ingest" in before.stderr

    upgrade = sinmun(sinmun_bin, "ingest", str(inbox), "--warehouse", str(db), "--no-progress")
    assert upgrade.returncode == 0, upgrade.stderr
    assert "the published copy to bring up to date" in upgrade.stdout
    assert ", 0 loaded, " in upgrade.stdout  # nothing loaded again
    assert rows(db, "select count(*) from fct_article") == articles
    after = sinmun(sinmun_bin, "sql", "--analysis", "kinds_by_page", "--format", "json", "--warehouse", str(db))
    assert after.returncode == 0, after.stderr
    assert sum(row["articles"] for row in json.loads(after.stdout)) == articles[0][0]

    again = sinmun(sinmun_bin, "ingest", str(inbox), "--warehouse", str(db), "--no-progress")
    assert "nothing new" in again.stdout, again.stdout  # the published copy is current now
