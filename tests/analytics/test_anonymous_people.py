"""Anonymised people (A씨, 김모(45)씨) in the warehouse: one entity per article that names them, never merged across
articles, and left out of rankings, co-occurrence and timelines unless an analysis is asked to include them. The
warehouse is loaded by the real flow from pages written here."""

from __future__ import annotations

from pathlib import Path

import pytest

from sinmun.analytics.analyses import load_analysis
from sinmun.analytics.sql_runner import run_query
from sinmun.sql_files import sql
from tests.helpers.warehouse import warehouse_of_pages

PAGE_1 = """2024년 3월 4일 월요일 제8120호 빛고을신문 5면 사회

공사장 화재로 근로자 부상

4일 오전 광주 북구의 한 공사장에서 불이 나 근로자 A씨가 팔을 다쳤다. A씨는 병원으로 옮겨졌다.

현장을 찾은 강기정 광주시장은 "안전 점검을 서두르겠다"고 말했다.

/박하늘 기자 sky@bitgoeul.example.kr
"""
PAGE_2 = """2024년 3월 5일 화요일 제8121호 빛고을신문 5면 사회

빗길 추돌사고 잇따라

5일 오전 광주 서구의 교차로에서 승용차가 멈춰 선 버스를 들이받아 운전자 A(52)씨가 다쳤다.

같은 날 오후 남구에서는 배달 오토바이가 넘어져 김모(27)씨가 크게 다쳤다. 강기정 광주시장은 빗길 안전을 당부했다.

/박하늘 기자 sky@bitgoeul.example.kr
"""


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory) -> Path:
    pages = {"bitgoeul/2024-03-04/5.txt": PAGE_1, "bitgoeul/2024-03-05/5.txt": PAGE_2}
    return warehouse_of_pages(tmp_path_factory.mktemp("anonymous"), pages)


def query(warehouse: Path, text: str, **params) -> list[dict]:
    columns, rows = run_query(warehouse, text, params)
    return [dict(zip(columns, row, strict=True)) for row in rows]


def analysis(warehouse: Path, analysis_name: str, **params) -> list[dict]:
    saved = load_analysis(analysis_name)
    return query(warehouse, saved.text, **saved.bind({k: str(v) for k, v in params.items()}))


@pytest.mark.integration
def test_each_articles_anonymised_person_is_an_entity_of_its_own(warehouse: Path):
    rows = query(
        warehouse,
        "select canonical_name, is_anonymous, count(*) as entities from dim_entity "
        "where entity_type = 'PERSON' group by all order by canonical_name",
    )
    assert [(r["canonical_name"], r["is_anonymous"], r["entities"]) for r in rows] == [
        ("A씨", True, 2),  # one per article
        ("강기정", False, 1),  # a named person is one across articles
        ("김모씨", True, 1),
    ]
    written = query(
        warehouse,
        "select mention_text from mart_entity_mention where is_anonymous order by publication_date, start_char",
    )
    assert [r["mention_text"] for r in written] == ["A씨", "A씨", "A(52)씨", "김모(27)씨"]


@pytest.mark.integration
@pytest.mark.parametrize(
    ("anonymous", "expected"),
    [
        ("exclude", [("강기정", 2)]),
        # each article's A씨 counts apart: two mentions in one article, one in the other
        ("include", [("A씨", 2), ("강기정", 2), ("A씨", 1), ("김모씨", 1)]),
    ],
)
def test_top_people_leave_out_anonymised_people_by_default(warehouse: Path, anonymous: str, expected: list):
    rows = analysis(warehouse, "top_entities", entity_type="PERSON", grain="month", top=10, anonymous=anonymous)
    assert [(r["canonical_name"], r["mentions"]) for r in rows] == expected
    if anonymous == "exclude":
        assert rows == analysis(warehouse, "top_entities", entity_type="PERSON", grain="month", top=10)


@pytest.mark.integration
def test_co_occurrence_leaves_out_anonymised_people_by_default(warehouse: Path):
    assert analysis(warehouse, "co_occurrence", entity_type="PERSON") == []
    included = analysis(warehouse, "co_occurrence", entity_type="PERSON", anonymous="include")
    assert sorted(tuple(sorted((r["entity_a"], r["entity_b"]))) for r in included) == [
        ("A씨", "강기정"),
        ("A씨", "강기정"),
        ("A씨", "김모씨"),
        ("강기정", "김모씨"),
    ]


@pytest.mark.integration
def test_timeline_and_report_rank_no_anonymised_person(warehouse: Path):
    assert analysis(warehouse, "entity_timeline", name="A씨") == []
    assert [r["articles"] for r in analysis(warehouse, "entity_timeline", name="강기정")] == [1, 1]
    bounds = {"date_from": None, "date_to": None}
    top = query(warehouse, sql("report/top_entities_by_period"), grain="month", top=10, **bounds)
    network = query(warehouse, sql("report/co_occurrence_network"), top=10, **bounds)
    names = {r["canonical_name"] for r in top} | {r["canonical_name"] for r in network}
    assert "강기정" in names
    assert not names & {"A씨", "김모씨"}
