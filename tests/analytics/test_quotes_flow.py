"""Who said what, end to end: pages written here go through the real ingest flow (real Kiwi, real DuckDB), then
``fct_quote``, the saved analyses ``who_said_what`` and ``quoted_most``, and ``sinmun search --quotes`` (the real
CLI) give answers known in advance. (A corrected page's quotes are replaced with its articles:
``tests/flows/test_ingest_flow.py::test_changed_page_replaces_exactly_its_articles``.)"""

from __future__ import annotations

import json
import subprocess
from datetime import date
from pathlib import Path

import pytest

from sinmun.analytics.analyses import load_analysis
from sinmun.analytics.sql_runner import run_query
from sinmun.cli import main
from tests.helpers.warehouse import warehouse_of_pages

pytestmark = pytest.mark.integration  # a warehouse loaded by the ingest flow

HEADER_0304 = "2024년 3월 4일 월요일 제8120호 빛고을신문 1면 종합\n\n"
PAGE_0304 = (
    HEADER_0304
    + """광주 인공지능 기업 100곳 돌파

광주시가 '글로벌 혁신 특구' 지정을 앞두고 'AI+X' 사업을 넓힌다.

김준하 인공지능산업융합사업단장은 4일 "광주는 인공지능 기업이 일하기 좋은 도시가 됐다"며 "올해 안에 150곳을 넘기겠다"고 밝혔다.

김 단장은 "데이터센터 증설도 서두르겠다"고 덧붙였다.

광주시는 "관련 예산을 두 배로 늘리겠다"고 설명했다. 한 관계자는 "아직 확정된 것은 없다"고 전했다.

/박하늘 기자 sky@bitgoeul.example.kr
"""
)
PAGE_0311 = """2024년 3월 11일 월요일 제8125호 빛고을신문 1면 종합

인공지능 인재 양성 협약

김준하 인공지능산업융합사업단장은 11일 지역 대학 네 곳과 인재 양성 협약을 맺었다. 그는 "인공지능 인재가 광주에 머물게 하겠다"고 약속했다.

학생들은 "좋은 일자리가 생기면 떠나지 않겠다"는 반응을 보였다.

/정우진 기자 woojin@bitgoeul.example.kr
"""

# (day, speaker, speaker_type, title as written, verb, quote) of every quote, in reading order
EXPECTED = [
    (
        date(2024, 3, 4),
        "김준하",
        "PERSON",
        "인공지능산업융합사업단장",
        "밝혔다",
        "광주는 인공지능 기업이 일하기 좋은 도시가 됐다",
    ),
    (date(2024, 3, 4), "김준하", "PERSON", "인공지능산업융합사업단장", "밝혔다", "올해 안에 150곳을 넘기겠다"),
    (date(2024, 3, 4), "김준하", "PERSON", "단장", "덧붙였다", "데이터센터 증설도 서두르겠다"),
    (date(2024, 3, 4), "광주광역시", "ORG", None, "설명했다", "관련 예산을 두 배로 늘리겠다"),
    (date(2024, 3, 4), None, None, None, "전했다", "아직 확정된 것은 없다"),
    (
        date(2024, 3, 11),
        "김준하",
        "PERSON",
        "인공지능산업융합사업단장",
        "약속했다",
        "인공지능 인재가 광주에 머물게 하겠다",
    ),
    (date(2024, 3, 11), None, None, None, "보였다", "좋은 일자리가 생기면 떠나지 않겠다"),
]


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory) -> dict:
    pages = {"bitgoeul/2024-03-04/1.txt": PAGE_0304, "bitgoeul/2024-03-11/1.txt": PAGE_0311}
    return {"db": warehouse_of_pages(tmp_path_factory.mktemp("quotes"), pages)}


def analysis(db: Path, name: str, **params) -> list[dict]:
    saved = load_analysis(name)
    columns, rows = run_query(db, saved.text, saved.bind({k: str(v) for k, v in params.items()}))
    return [dict(zip(columns, row, strict=True)) for row in rows]


def test_every_quote_is_loaded_with_its_speaker_title_and_verb(warehouse: dict):
    rows = analysis(warehouse["db"], "who_said_what")
    assert [(r["day"], r["speaker"], r["speaker_type"], r["title"], r["verb"], r["quote"]) for r in rows] == EXPECTED


def test_quote_offsets_point_into_the_loaded_body_and_speakers_join_their_entities(warehouse: dict):
    _, rows = run_query(
        warehouse["db"],
        "select substr(article.body, quote.start_char + 1, quote.end_char - quote.start_char) = quote.quote_text, "
        "speaker.entity_type, quote.speaker_entity_key = 'unknown' "
        "from fct_quote as quote join fct_article as article using (article_key) "
        "join dim_entity as speaker on speaker.entity_key = quote.speaker_entity_key order by all",
    )
    assert all(in_body for in_body, _, _ in rows) and len(rows) == len(EXPECTED)
    # a place's government speaks as an ORG speaker and joins the place's entity; unnamed speakers the unknown member
    assert sorted((entity_type, unknown) for _, entity_type, unknown in rows) == sorted(
        [("PERSON", False)] * 4 + [("LOCATION", False)] + [("UNKNOWN", True)] * 2
    )


def test_who_said_what_by_speaker_word_and_dates(warehouse: dict):
    db = warehouse["db"]
    by_speaker = analysis(db, "who_said_what", speaker="김준하")
    assert [r["quote"] for r in by_speaker] == [e[5] for e in EXPECTED if e[1] == "김준하"]
    by_word = analysis(db, "who_said_what", word="인공지능")
    assert [(r["speaker"], r["day"]) for r in by_word] == [("김준하", date(2024, 3, 4)), ("김준하", date(2024, 3, 11))]
    assert all(r["headline"] for r in by_word)
    in_range = analysis(db, "who_said_what", date_from="2024-03-05", date_to="2024-03-31")
    assert [r["quote"] for r in in_range] == [e[5] for e in EXPECTED if e[0] == date(2024, 3, 11)]


def test_quoted_most_counts_speakers_by_role_over_a_period(warehouse: dict):
    db = warehouse["db"]
    people = analysis(db, "quoted_most")
    assert [
        (r["rank"], r["speaker"], r["role"], r["quotes"], r["quotes_in_every_role"], r["articles"]) for r in people
    ] == [
        (1, "김준하", "인공지능산업융합사업단장", 3, 4, 2),
        (1, "김준하", "단장", 1, 4, 1),
    ]
    anyone = analysis(db, "quoted_most", speaker_type="ANY")
    assert [(r["speaker"], r["speaker_type"], r["quotes"]) for r in anyone][-1] == ("광주광역시", "ORG", 1)
    later = analysis(db, "quoted_most", date_from="2024-03-05")
    assert [(r["speaker"], r["quotes"], r["first_day"], r["last_day"]) for r in later] == [
        ("김준하", 1, date(2024, 3, 11), date(2024, 3, 11))
    ]


def test_search_quotes_only(warehouse: dict, sinmun_bin: Path, capsys):
    """The first search through the console script; the second through the same CLI code in this process."""
    found = subprocess.run(
        [str(sinmun_bin), "search", "인공지능 인재", "--quotes", "--format", "json", "--warehouse", str(warehouse["db"])],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert found.returncode == 0, found.stderr
    quotes = json.loads(found.stdout)["quotes"]
    # only quotes: the two holding 인공지능 (and 인재), the one with both words first; the articles' other words
    # (협약, 기업 in headlines and narration) find no quote of their own
    assert [q["quote"] for q in quotes] == [
        "인공지능 인재가 광주에 머물게 하겠다",
        "광주는 인공지능 기업이 일하기 좋은 도시가 됐다",
    ]
    assert quotes[0]["matched_terms"] > quotes[1]["matched_terms"]
    assert (quotes[0]["speaker"], quotes[0]["title"], quotes[0]["publication_date"]) == (
        "김준하", "인공지능산업융합사업단장", "2024-03-11"
    )  # fmt: skip
    # one word of the warehouse: its analysis was cached by the search before, so no Kiwi is loaded for it
    by_speaker = ["search", "예산", "--quotes", "--entity", "광주광역시", "--warehouse", str(warehouse["db"])]
    assert main(by_speaker) == 0
    text = capsys.readouterr().out
    assert text.splitlines()[:3] == ["1 quote for 예산", "", " 1. 광주광역시 · 설명했다"]
    assert '"관련 **예산**을 두 배로 늘리겠다"' in text
