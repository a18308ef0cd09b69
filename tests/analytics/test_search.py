"""Korean-aware search: terms from morphemes, BM25 ranking in DuckDB, filters, snippets, and the CLI."""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sinmun.analytics.search import SearchFilters, query_terms, search
from sinmun.analytics.sql_runner import QueryError
from sinmun.entities.search_terms import article_terms, highlight, snippet, terms
from tests.conftest import require_shared
from tests.helpers.warehouse import warehouse_of_pages


def tok(*parts: tuple[str, str], gaps: tuple[int, ...] = ()) -> list[tuple[int, int, str, str]]:
    """Tokens for (form, tag) pairs laid end to end; a space before the parts whose index is in ``gaps``."""
    out, position = [], 0
    for i, (form, tag) in enumerate(parts):
        position += 1 if i in gaps else 0
        out.append((position, position + len(form), tag, form))
        position += len(form)
    return out


@pytest.mark.parametrize(
    ("tokens", "expected"),
    [
        (tok(("광주시", "NNP"), ("는", "JX")), ["광주시"]),
        (tok(("광주시", "NNP"), ("가", "JKS")), ["광주시"]),
        (tok(("광주시", "NNP"), ("의", "JKG")), ["광주시"]),
        # a compound written as one word: its parts and the whole
        (tok(("인공", "NNG"), ("지능", "NNG"), ("을", "JKO")), ["인공", "지능", "인공지능"]),
        # the same nouns apart: no compound
        (tok(("인공", "NNG"), ("지능", "NNG"), gaps=(1,)), ["인공", "지능"]),
        # verb stems stay, endings and suffixes go
        (tok(("밝히", "VV"), ("었", "EP"), ("다", "EF")), ["밝히"]),
        (tok(("발표", "NNG"), ("하", "XSV"), ("었", "EP"), ("다", "EF")), ["발표"]),
        # foreign words are lowercased, numbers and hanja kept
        (tok(("AI", "SL"), ("사업단", "NNG")), ["ai", "사업단"]),
        (tok(("2024", "SN"), ("년", "NNB")), ["2024"]),
        (
            tok(
                ("韓", "SH"),
            ),
            ["韓"],
        ),
        # particles, punctuation and dependent nouns alone give nothing
        (tok(("을", "JKO"), (".", "SF")), []),
        (
            tok(
                ("것", "NNB"),
            ),
            [],
        ),
    ],
)
def test_terms(tokens, expected):
    assert terms(tokens) == expected


def test_article_terms_count_headline_and_body():
    counted = article_terms(
        tok(("광주시", "NNP"), ("는", "JX"), ("광주시", "NNP"), gaps=(2,)), tok(("광주시", "NNP"), ("정원", "NNG"))
    )
    assert counted.frequency == Counter({"광주시": 3, "정원": 1, "광주시정원": 1})
    assert counted.headline_frequency == Counter({"광주시": 1, "정원": 1, "광주시정원": 1})
    assert counted.term_count == 5


@pytest.mark.parametrize(
    ("text", "words", "highlighted"),
    [
        ("광주시는 오늘 발표했다.", ["광주시"], "[광주시]는 오늘 발표했다."),
        ("AI 사업단과 ai 기업", ["ai"], "[AI] 사업단과 [ai] 기업"),
        ("인공지능 산업과 인공 위성", ["인공", "인공지능"], "[인공지능] 산업과 [인공] 위성"),
        ("여러   칸\n\n줄바꿈", ["칸"], "여러 [칸] 줄바꿈"),
        ("없는 말", ["광주"], "없는 말"),
    ],
)
def test_snippet_highlights(text, words, highlighted):
    assert highlight(snippet(text, words), "[", "]") == highlighted


def test_snippet_window_centres_on_the_hits():
    text = "가나다 " * 100 + "광주시는 인공지능 도시다. " + "라마바 " * 100
    snip = snippet(text, ["광주시", "인공지능"], width=60)
    assert snip.text.startswith("…") and snip.text.endswith("…")
    assert len(snip.text) <= 62
    assert [snip.text[s:e] for s, e in snip.highlights] == ["광주시", "인공지능"]


@given(
    st.text(alphabet="광주시는 인공지능가나다AIai.\n", max_size=400),
    st.lists(st.sampled_from(["광주시", "ai", "지능", "다"])),
)
def test_snippet_spans_always_hold_query_words(text, words):
    snip = snippet(text, words, width=50)
    assert len(snip.text) <= 52
    lowered = {w.lower() for w in words}
    for start, end in snip.highlights:
        assert snip.text[start:end].lower() in lowered
    assert all(a[1] <= b[0] for a, b in zip(snip.highlights, snip.highlights[1:], strict=False))


@pytest.mark.parametrize("written", ["광주시는", "광주시가", "광주시의", "광주시를", "광주시에서"])
def test_query_terms_read_inflected_forms_with_kiwi(written):
    assert query_terms(written) == ["광주시"]


def test_query_of_compound_has_parts_and_whole():
    assert query_terms("광주시 인공지능") == ["광주시", "인공", "지능", "인공지능"]


# A warehouse of four short pages: 광주시 with three different particles, and one page without it.
PAGES = {
    "bitgoeul/2024-03-04/1.txt": ("2024년 3월 4일 월요일 빛고을신문 1면 종합\n\n광주시 청년 일자리 확대\n\n"
                                  "광주시는 올해 청년 일자리 1000개를 만든다고 4일 밝혔다.\n\n/박하늘 기자 sky@bitgoeul.example.kr\n"),
    "bitgoeul/2024-03-05/2.txt": ("2024년 3월 5일 화요일 빛고을신문 2면 경제\n\n지역 기업 수출 늘어\n\n"
                                  "광주시가 집계한 지역 기업 수출액이 지난해보다 늘었다.\n\n/박하늘 기자 sky@bitgoeul.example.kr\n"),
    "namdo/2024-03-06/3.txt": ("2024년 3월 6일 수요일 남도일보 3면 사회\n\n도심 정원 조성\n\n"
                               "광주시의 도심 정원 조성 사업이 속도를 낸다. 정원 12곳이 새로 생긴다.\n\n/정우진 기자 woojin@namdo.example.kr\n"),
    "namdo/2024-03-07/4.txt": ("2024년 3월 7일 목요일 남도일보 4면 사회\n\n목포 여객선 증편\n\n"
                               "목포항에서 출발하는 섬 여객선이 하루 두 번 더 다닌다.\n\n/정우진 기자 woojin@namdo.example.kr\n"),
}  # fmt: skip


@pytest.fixture(scope="module")
def small_warehouse(tmp_path_factory) -> Path:
    return warehouse_of_pages(tmp_path_factory.mktemp("search"), PAGES)


def headlines(hits) -> list[str]:
    return [h.headline for h in hits]


@pytest.mark.integration
def test_particles_do_not_hide_a_word(small_warehouse):
    _, hits = search(small_warehouse, "광주시")
    assert sorted(headlines(hits)) == sorted(["광주시 청년 일자리 확대", "지역 기업 수출 늘어", "도심 정원 조성"])


@pytest.mark.integration
def test_more_of_the_query_ranks_higher(small_warehouse):
    _, hits = search(small_warehouse, "광주시 정원")
    assert headlines(hits)[0] == "도심 정원 조성"
    assert hits[0].score > hits[1].score


@pytest.mark.integration
@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        (SearchFilters(publication="namdo"), ["도심 정원 조성"]),
        (SearchFilters(date_from=date(2024, 3, 5)), ["지역 기업 수출 늘어", "도심 정원 조성"]),
        (SearchFilters(date_to=date(2024, 3, 4)), ["광주시 청년 일자리 확대"]),
        (SearchFilters(date_from=date(2024, 3, 5), date_to=date(2024, 3, 5)), ["지역 기업 수출 늘어"]),
        (SearchFilters(kind="photo"), []),
        (SearchFilters(entity="박하늘"), []),  # a reporter is no entity mention
        (SearchFilters(entity="광주광역시"), ["광주시 청년 일자리 확대", "지역 기업 수출 늘어", "도심 정원 조성"]),
        (
            SearchFilters(entity="광주시"),
            ["광주시 청년 일자리 확대", "지역 기업 수출 늘어", "도심 정원 조성"],
        ),  # an alias
    ],
)
def test_filters(small_warehouse, filters, expected):
    _, hits = search(small_warehouse, "광주시", filters)
    assert sorted(headlines(hits)) == sorted(expected)


@pytest.mark.integration
def test_limit_and_snippet(small_warehouse):
    _, hits = search(small_warehouse, "광주시", limit=1)
    assert len(hits) == 1
    assert "광주시" in [hits[0].snippet.text[s:e] for s, e in hits[0].snippet.highlights]


@pytest.mark.integration
def test_refusals(small_warehouse):
    with pytest.raises(QueryError, match="no searchable word"):
        search(small_warehouse, "... !!")
    with pytest.raises(QueryError, match="unknown kind"):
        search(small_warehouse, "광주시", SearchFilters(kind="sports"))


# On every sample page (and the reference page): queries whose right answer is known from the pages.
@pytest.mark.integration
@pytest.mark.parametrize(
    ("query", "filters", "first_headline"),
    [
        ("인공지능 실증도시", SearchFilters(), "광주, 'AI 실증도시' 국비 320억 확보"),
        ("순천만국가정원 관람객", SearchFilters(), "순천만국가정원 올해 관람객 600만 목표"),
        ("천일염 가격", SearchFilters(), "신안 천일염 가격 회복세"),
        ("여객선", SearchFilters(kind="photo"), "'봄 바다'"),
        ("여객선 운항", SearchFilters(publication="bitgoeul"), "전남 섬 여객선 운항 늘린다"),
    ],
)
def test_samples_expected_first(samples_warehouse, query, filters, first_headline):
    _, hits = search(samples_warehouse.path, query, filters)
    assert hits, query
    assert hits[0].headline == first_headline


@pytest.mark.integration
@pytest.mark.parametrize(
    ("query", "filters", "first_headline"),
    [
        ("광기술 인공지능", SearchFilters(), "광주시, AI기반 광기술 융합산업 활성화 '첫 단추'"),
        ("고려인 정착", SearchFilters(), '강기정 시장 "광주, 고려인 정착 돕겠다"'),
        ("글로벌 혁신 특구", SearchFilters(), "전남 '글로벌 혁신 특구' 유치 시동"),
        ("서남권 투자유치", SearchFilters(), "서남권 산단·관광 투자유치 확대 모색"),
        ("광주", SearchFilters(publication="kwangju", entity="강기정"), '강기정 시장 "광주, 고려인 정착 돕겠다"'),
        ("광주시민", SearchFilters(publication="kwangju", kind="photo"), "광주시민 '화합 한마당'"),
    ],
)
def test_reference_page_expected_first(samples_warehouse, query, filters, first_headline):
    require_shared()
    _, hits = search(samples_warehouse.path, query, filters)
    assert hits, query
    assert hits[0].headline == first_headline


@pytest.mark.integration
def test_cli_search(samples_warehouse, sinmun_bin):
    text = subprocess.run(
        [str(sinmun_bin), "search", "천일염", "--warehouse", str(samples_warehouse.path), "--limit", "3"],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    assert "신안 천일염 가격 회복세" in text
    assert "**천일염**" in text
    as_json = json.loads(
        subprocess.run(
            [str(sinmun_bin), "search", "천일염", "--from", "2024-03-13", "--to", "2024-03-13",
             "--warehouse", str(samples_warehouse.path), "--format", "json"],
            capture_output=True, text=True, check=True,
        ).stdout
    )  # fmt: skip
    assert as_json["terms"] == ["천일염"]
    assert {h["publication_date"] for h in as_json["hits"]} == {"2024-03-13"}
    refused = subprocess.run(
        [str(sinmun_bin), "search", "!!", "--warehouse", str(samples_warehouse.path)], capture_output=True, text=True
    )
    assert refused.returncode == 2 and "no searchable word" in refused.stderr


# ---- a query analysed before needs no Kiwi, with the same results ------------------------------------------------

# Runs a command and prints its peak resident memory (KiB) last on stderr: a fresh parent per command, so the
# largest child it has seen is that command.
PEAK_MEMORY_WRAPPER = (
    "import resource, subprocess, sys; result = subprocess.run(sys.argv[1:]); "
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, file=sys.stderr); sys.exit(result.returncode)"
)
SAME_RESULT_QUERIES = ["천일염", "광주시 인공지능", "여객선", "전남 지역 지원", "목포"]


def cli_search(sinmun_bin: Path, warehouse: Path, *args: str) -> tuple[dict, int]:
    """The JSON answer of one `sinmun search` process and its peak resident memory in bytes."""
    result = subprocess.run(
        [sys.executable, "-c", PEAK_MEMORY_WRAPPER, str(sinmun_bin), "search", *args, "--warehouse", str(warehouse),
         "--format", "json"],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout), int(result.stderr.strip().splitlines()[-1]) * 1024


@pytest.fixture(scope="module")
def cached_and_uncached(samples_warehouse, sinmun_bin, search_cache_folder):
    """Each query with Kiwi (--no-cache), then twice by default: the first fills the cache, the second reads it."""
    for cached in search_cache_folder.glob("*.sqlite"):
        cached.unlink()
    uncached = {q: cli_search(sinmun_bin, samples_warehouse.path, q, "--no-cache") for q in SAME_RESULT_QUERIES}
    first = {q: cli_search(sinmun_bin, samples_warehouse.path, q) for q in SAME_RESULT_QUERIES}
    again = {q: cli_search(sinmun_bin, samples_warehouse.path, q) for q in SAME_RESULT_QUERIES}
    return uncached, first, again


@pytest.mark.integration
def test_a_query_analysed_before_gives_the_same_results_without_loading_kiwi(cached_and_uncached):
    uncached, first, again = cached_and_uncached
    for query in SAME_RESULT_QUERIES:
        assert again[query][0] == first[query][0] == uncached[query][0], query
        assert again[query][0]["hits"], query
    # Kiwi alone takes about 500 MB: every search that loads it is above 400 MB, every one answered from the cache
    # (a query seen before) stays below 250 MB
    assert min(peak for _, peak in uncached.values()) > 400 * 2**20
    assert max(peak for _, peak in again.values()) < 250 * 2**20


@pytest.mark.integration
def test_every_cached_analysis_is_kiwis_analysis_of_that_text(cached_and_uncached, samples_warehouse):
    """The cache holds the queries searched and every term of the warehouse (a one-word search needs no Kiwi);
    each entry equals the full model's analysis of its text, now, over thousands of texts."""
    import sqlite3

    from sinmun.analytics.query_cache import cache_path
    from sinmun.analytics.search import analyse_queries
    from sinmun.analytics.sql_runner import run_query

    with sqlite3.connect(cache_path()) as con:
        cached = {query: json.loads(terms) for query, terms in con.execute("select query, terms from query_terms")}
    _, rows = run_query(samples_warehouse.path, "select distinct term from fct_article_term")
    assert {term for (term,) in rows} | set(SAME_RESULT_QUERIES) == set(cached)
    assert len(cached) > 1000
    queries = sorted(cached)
    assert dict(zip(queries, analyse_queries(queries), strict=True)) == cached
