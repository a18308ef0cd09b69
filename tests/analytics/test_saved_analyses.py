"""Each saved analysis (sql/analyses/) on a small warehouse whose answers are known: three pages written here."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from sinmun.analytics.analyses import load_analysis
from sinmun.analytics.sql_runner import run_query
from tests.conftest import ROOT
from tests.helpers.warehouse import warehouse_of_pages

PAGE_1 = """2024년 3월 4일 월요일 제8120호 빛고을신문 1면 종합

광주·전남 상생 협약 체결

강기정 광주시장과 김영록 전라남도지사가 4일 광주시청에서 상생 협약을 맺었다.

강 시장은 "두 지역이 함께 성장하겠다"고 말했다.

〈관련기사 2면〉

/박하늘 기자 sky@bitgoeul.example.kr
"""
PAGE_2 = """2024년 3월 4일 월요일 제8120호 빛고을신문 2면 종합

광주 도심 정원 사업 속도

강기정 광주시장은 4일 북구 중외공원을 찾아 정원 조성 현장을 점검했다.

/박하늘 기자 sky@bitgoeul.example.kr
"""
PAGE_3 = """2024년 3월 11일 월요일 제8125호 빛고을신문 1면 종합

전남 섬 여객선 증편

김영록 전라남도지사는 11일 목포항에서 여객선 운항 확대 계획을 밝혔다.

/정우진 기자 woojin@bitgoeul.example.kr
"""


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory) -> Path:
    pages = {
        "bitgoeul/2024-03-04/1.txt": PAGE_1,
        "bitgoeul/2024-03-04/2.txt": PAGE_2,
        "bitgoeul/2024-03-11/1.txt": PAGE_3,
    }
    return warehouse_of_pages(tmp_path_factory.mktemp("analyses"), pages)


def analysis(warehouse: Path, analysis_name: str, **params) -> list[dict]:
    saved = load_analysis(analysis_name)
    columns, rows = run_query(warehouse, saved.text, saved.bind({k: str(v) for k, v in params.items()}))
    return [dict(zip(columns, row, strict=True)) for row in rows]


def test_every_analysis_says_what_it_answers_and_its_parameters():
    files = sorted((ROOT / "sql" / "analyses").glob("*.sql"))
    assert len(files) >= 7
    for path in files:
        header = path.read_text(encoding="utf-8").splitlines()[:4]
        assert header[0].startswith("-- ") and len(header[0]) > 20, path.name
        assert any(line.startswith("-- Parameters:") for line in header), path.name


@pytest.mark.integration
def test_top_people_by_week(warehouse: Path):
    rows = analysis(warehouse, "top_entities", entity_type="PERSON", grain="week", top=5)
    by_week = {}
    for r in rows:
        by_week.setdefault(r["period_start"], []).append((r["canonical_name"], r["mentions"], r["articles"]))
    assert by_week[date(2024, 3, 4)] == [("강기정", 3, 2), ("김영록", 1, 1)]
    assert by_week[date(2024, 3, 11)] == [("김영록", 1, 1)]


@pytest.mark.integration
def test_people_mentioned_together(warehouse: Path):
    rows = analysis(warehouse, "co_occurrence", entity_type="PERSON", min_articles=1)
    assert [({r["entity_a"], r["entity_b"]}, r["articles"]) for r in rows] == [({"강기정", "김영록"}, 1)]


@pytest.mark.integration
def test_entity_timeline_with_titles(warehouse: Path):
    rows = analysis(warehouse, "entity_timeline", name="김영록")
    assert [(r["day"], r["mentions"], r["titles"]) for r in rows] == [
        (date(2024, 3, 4), 1, ["전라남도지사"]),
        (date(2024, 3, 11), 1, ["전라남도지사"]),
    ]


@pytest.mark.integration
def test_reporters_and_their_beats(warehouse: Path):
    rows = {r["reporter_name"]: r for r in analysis(warehouse, "reporter_beats", top=3)}
    assert (rows["박하늘"]["articles"], rows["정우진"]["articles"]) == (2, 1)
    assert rows["박하늘"]["top_entities"][0] == "강기정"
    assert "전라남도" in rows["정우진"]["places"]


@pytest.mark.integration
def test_mentions_by_region(warehouse: Path):
    rows = {
        (r["province"], r["city_county_district"]): r["mentions"] for r in analysis(warehouse, "mentions_by_region")
    }
    # 북구 itself and 중외공원, a park in 북구: named places count in the district they lie in
    assert rows[("광주광역시", "광주광역시 북구")] == 2
    assert rows[("광주광역시", "(시도 전체)")] >= 2


@pytest.mark.integration
def test_kinds_by_page_and_date(warehouse: Path):
    rows = [(r["day"], r["page_number"], r["kind"], r["articles"]) for r in analysis(warehouse, "kinds_by_page")]
    assert rows == [
        (date(2024, 3, 4), 1, "news", 1),
        (date(2024, 3, 4), 2, "news", 1),
        (date(2024, 3, 11), 1, "news", 1),
    ]


@pytest.mark.integration
def test_cross_reference_graph(warehouse: Path):
    rows = analysis(warehouse, "link_graph")
    assert [(r["link_type"], r["from_page"], r["to_page"]) for r in rows] == [("cross_ref", 1, 2)]
