"""Reprint clusters (``sinmun.reprints``): the pure core on small cases, its pair precision and recall on the
generated corpus (``bench/reprint_corpus.py``), and, through the real flow, clusters whose keys do not depend on
the order the pages were loaded in, the saved analysis ``reprints`` and ``sinmun search --collapse-reprints``."""

from __future__ import annotations

import importlib.util
import json
import random
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from sinmun import reprints
from sinmun.analytics.analyses import load_analysis
from sinmun.analytics.sql_runner import run_query
from sinmun.flows.ingest import ingest_flow
from tests.conftest import ROOT
from tests.helpers.report_page import OfflinePage, embedded_data
from tests.helpers.warehouse import query

LEAD = "순천시는 4일 정부 공모사업인 '생활인구 활성화'에 최종 선정돼 국비 128억원을 확보했다고 밝혔다."
STORY = [
    LEAD,
    "이번 사업에는 국비를 포함해 모두 275억원이 투입되며, 2027년까지 4개 지구에서 단계적으로 추진된다.",
    "순천시는 이 예산으로 낡은 기반시설을 정비하고 주민 3200명이 이용할 생활 편의시설을 새로 짓는다.",
    '노관규 순천시장은 "공모 준비에 힘을 보태준 주민들께 감사드린다"며 "계획대로 사업을 마무리하겠다"고 말했다.',
    "순천시는 다음달 전남개발공사와 실무협의회를 꾸려 세부 설계에 들어갈 예정이다.",
]


def edited(paragraphs: list[str], *swaps: tuple[str, str], cut: int | None = None, add: str = "") -> str:
    kept = [p for n, p in enumerate(paragraphs) if n != cut]
    text = "\n\n".join(kept + ([add] if add else []))
    for old, new in swaps:
        assert old in text, old
        text = text.replace(old, new, 1)
    return text


WEATHER = [
    "{day} 완도군 지역은 대체로 흐리고 오후부터 비가 내리겠다.",
    "아침 기온은 {low}, 낮 기온은 {high} 안팎으로 전날보다 다소 오르겠다.",
    "바다의 물결은 앞바다에서 1.0~3.0m로 일겠고, 먼바다에는 밤부터 풍랑특보가 내려질 가능성이 있다.",
    "미세먼지 농도는 대기 확산이 원활해 '좋음' 수준을 보이겠으며, 비는 다음날 새벽 3시께 그치겠다.",
]

# (what, body a, body b, reprint?)
PAIR_CASES = [
    ("the same body", "\n\n".join(STORY), "\n\n".join(STORY), True),
    ("a cut paragraph", "\n\n".join(STORY), edited(STORY, cut=3), True),
    (
        "light edits and a closing line",
        "\n\n".join(STORY),
        edited(STORY, ("밝혔다", "전했다"), ("모두 ", "총 "), ("예정이다", "계획이다"), add="자세한 내용은 시청 누리집에 있다."),
        True,
    ),
    ("spacing and punctuation", "\n\n".join(STORY), "\n".join(STORY).replace("는 ", "는").replace(",", ""), True),
    (
        "the same template, other numbers",
        "\n\n".join(STORY),
        edited(STORY, ("4일", "9일"), ("128억원", "96억원"), ("275억원", "210억원"), ("2027년", "2028년"),
               ("4개", "3개"), ("3200명", "1800명")),
        False,
    ),
    (
        "the same template, another town and mayor",
        "\n\n".join(STORY),
        "\n\n".join(STORY).replace("순천시", "광양시").replace("노관규", "정인화").replace("전남개발공사", "전남테크노파크"),
        False,
    ),
    (
        "the same town's weather on another day (small numbers coincide)",
        "\n\n".join(WEATHER).format(day="4월 10일", low="1도", high="26도"),
        "\n\n".join(WEATHER).format(day="1월 7일", low="-1도", high="29도"),
        False,
    ),
    (
        "another story",
        "\n\n".join(STORY),
        "여수시 돌산읍 앞바다에서 5일 오전 낚싯배가 암초에 걸려 승객 12명이 해경에 구조됐다. 해경은 선장을 상대로 "
        "정확한 사고 경위를 조사하고 있다고 밝혔다.",
        False,
    ),
]  # fmt: skip

STORY_ENTITIES = [("LOCATION", "전라남도 순천시"), ("PERSON", "노관규"), ("ORG", "전남개발공사")]


def _entities(body: str) -> list[tuple[str, str]]:
    """The entities a body names, as the extraction would give them (the cases' names only)."""
    names = {"순천시": ("LOCATION", "전라남도 순천시"), "광양시": ("LOCATION", "전라남도 광양시"),
             "노관규": ("PERSON", "노관규"), "정인화": ("PERSON", "정인화"), "전남개발공사": ("ORG", "전남개발공사"),
             "전남테크노파크": ("ORG", "전남테크노파크"), "여수시": ("LOCATION", "전라남도 여수시")}  # fmt: skip
    return [entity for name, entity in names.items() if name in body]


@pytest.mark.parametrize(("what", "body_a", "body_b", "expected"), PAIR_CASES, ids=[c[0] for c in PAIR_CASES])
def test_a_reprint_is_told_from_a_look_alike(what, body_a, body_b, expected):
    a = reprints.fingerprint(body_a, _entities(body_a))
    b = reprints.fingerprint(body_b, _entities(body_b))
    assert a is not None and b is not None
    comparison = reprints.compare(body_a, a.fact_hashes, body_b, b.fact_hashes)
    assert comparison.is_reprint is expected, comparison
    if expected:
        assert set(a.band_hashes) & set(b.band_hashes), "a reprint must be a candidate: it shares an LSH band"


def test_a_body_too_short_to_judge_has_no_fingerprint():
    assert reprints.fingerprint("부고 김철수씨 별세.") is None
    assert reprints.fingerprint(None) is None
    assert reprints.fingerprint(LEAD + " " + STORY[1]) is not None


def test_facts_are_numbers_with_their_units_ranges_dates_and_the_entities():
    body = "참가자 1,200명이 4일 모였다. 1200명 가운데 4명은 외국인이다."
    assert reprints.fact_hashes(body) == reprints.fact_hashes("1200명, 4일, 4명")
    assert reprints.fact_hashes(body) != reprints.fact_hashes("1200명, 4일, 4개")
    assert len(reprints.fact_hashes("3월 5일 기온은 -2~ 3도, 물결은 1.0~3.5m")) == 3
    assert reprints.fact_hashes("-2도") != reprints.fact_hashes("2도")
    assert reprints.fact_hashes("2024-03-04") == reprints.fact_hashes("2024 03 04")
    assert len(reprints.fact_hashes("", [("PERSON", "노관규"), ("DATE", "x")])) == 1


def test_clusters_are_components_keyed_by_their_smallest_member_whatever_the_order():
    pairs = [("k7", "k3"), ("k3", "k5"), ("k9", "k8"), ("k2", "k6")]
    expected = {"k3": "k3", "k5": "k3", "k7": "k3", "k8": "k8", "k9": "k8", "k2": "k2", "k6": "k2"}
    for seed in range(5):
        shuffled = [tuple(random.Random(seed).sample(pair, 2)) for pair in random.Random(seed).sample(pairs, 4)]
        assert reprints.clusters(["k1", "k4"], shuffled) == expected  # articles alone are in no cluster


def _load_reprint_corpus():
    spec = importlib.util.spec_from_file_location("bench_reprint_corpus", ROOT / "bench" / "reprint_corpus.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_pair_precision_and_recall_on_the_generated_corpus():
    """Entities from the real extraction (Kiwi), as in an ingest; goals 0.95 and 0.90 (measured: 1.000 / 0.994 at
    200 stories, see docs/reprints.md)."""
    corpus = _load_reprint_corpus()
    articles = corpus.generate(stories=48, seed=7)
    scores = corpus.measure(articles, corpus.kiwi_entities(articles))
    assert scores.true_pairs > 150
    assert scores.precision >= 0.95, scores
    assert scores.recall >= 0.90, scores


# ---- through the real flow ---------------------------------------------------------------------------------------

HEADERS = {"bitgoeul": "빛고을신문", "namdo": "남도매일신문", "seohae": "서해일보"}
EMAILS = {"bitgoeul": "bitgoeul.example.kr", "namdo": "namdomaeil.example.kr", "seohae": "seohae.example.kr"}

FESTIVAL = [
    "제17회 보성 녹차축제가 5월 3일부터 5일간 보성군 한국차문화공원 일원에서 열린다.",
    "올해 축제는 '초록의 쉼표'를 주제로 공연과 체험 프로그램 42개가 마련됐다.",
    "개막식은 첫날 오후 7시 특설무대에서 열리며, 초청가수 공연과 불꽃놀이가 이어진다.",
    "보성군은 지난해 축제에 관광객 36만명이 다녀가 지역경제에 154억원의 효과를 낸 것으로 분석했다.",
]
LOOK_ALIKE = [
    "광양시는 5일 정부 공모사업인 '어촌 신활력 증진'에 최종 선정돼 국비 86억원을 확보했다고 밝혔다.",
    "이번 사업에는 국비를 포함해 모두 190억원이 투입되며, 2026년까지 2개 지구에서 단계적으로 추진된다.",
    "광양시는 이 예산으로 낡은 기반시설을 정비하고 주민 1400명이 이용할 생활 편의시설을 새로 짓는다.",
    '정인화 광양시장은 "공모 준비에 힘을 보태준 주민들께 감사드린다"며 "계획대로 사업을 마무리하겠다"고 말했다.',
    "광양시는 다음달 전남테크노파크와 실무협의회를 꾸려 세부 설계에 들어갈 예정이다.",
]
UNRELATED = (
    "광주 북구 중외공원에 시민 정원이 문을 열었다. 북구는 정원 조성에 주민 자원봉사자 120명이 참여했으며, 다음달 "
    "정원 가꾸기 교실을 연다고 밝혔다.\n\n정원에는 꽃댕강나무와 수국 등 30여 종의 나무와 꽃이 심어졌고, 산책로 "
    "곳곳에 쉼터가 마련됐다."
)


def page(publication: str, day: str, number: int, articles: list[tuple[str, str, str]]) -> str:
    """A page of ``(headline, body, reporter)`` articles, as the samples print them."""
    y, m, d = (int(x) for x in day.split("-"))
    lines = [f"{y}년 {m}월 {d}일 제8120호 {HEADERS[publication]} {number}면 종합", ""]
    for headline, body, reporter in articles:
        lines += [headline, "", body, "", f"/{reporter} 기자 reporter@{EMAILS[publication]}", ""]
    return "\n".join(lines)


def pages(namdo_reprint: bool = True) -> dict[str, str]:
    """Story A printed by three papers (with a new headline, a cut paragraph, light edits, other bylines), its
    look-alike in another town, story B printed twice, and an unrelated article. Without ``namdo_reprint``, the
    남도매일신문 page is a corrected version that no longer carries story A."""
    namdo = [("광양시 어촌 신활력 사업 선정", "\n\n".join(LOOK_ALIKE), "서은비")]
    if namdo_reprint:
        namdo.insert(0, ("순천 생활인구 사업 국비 확보", edited(STORY, ("밝혔다", "전했다"), ("모두 ", "총 "), cut=3),
                         "윤정민"))  # fmt: skip
    return {
        "bitgoeul/2024-03-04/1.txt": page(
            "bitgoeul", "2024-03-04", 1,
            [("순천시, 국비 128억원 확보", "\n\n".join(STORY), "박하늘"), ("중외공원 시민 정원 개장", UNRELATED, "정우진")],
        ),
        "namdo/2024-03-05/3.txt": page("namdo", "2024-03-05", 3, namdo),
        "seohae/2024-03-05/2.txt": page(
            "seohae", "2024-03-05", 2,
            [("순천 공모 선정 '생활인구' 키운다", edited(STORY, ("예정이다", "계획이다"), cut=2), "한가람"),
             ("보성 녹차축제 3일 개막", "\n\n".join(FESTIVAL), "한가람")],
        ),
        "bitgoeul/2024-03-06/2.txt": page(
            "bitgoeul", "2024-03-06", 2,
            [("초록의 쉼표, 보성 녹차축제", edited(FESTIVAL, ("이어진다", "이어질 예정이다"), cut=3), "박하늘")],
        ),
    }  # fmt: skip


REPRINT_TABLES = ("bridge_article_reprint", "dim_reprint_cluster", "reprint_pair")


def reprint_state(db: Path) -> dict[str, list[tuple]]:
    """Every reprint table's rows, load ids left out, in a fixed order."""
    return {
        "bridge_article_reprint": query(
            db, "select article_key, reprint_cluster_key, is_earliest from bridge_article_reprint order by all"
        ),
        "dim_reprint_cluster": query(db, "select * exclude (load_id) from dim_reprint_cluster order by all"),
        "reprint_pair": query(db, "select * exclude (load_id) from reprint_pair order by all"),
        "reprint_band": query(db, "select article_key, band_hash from reprint_band order by all"),
    }


def write_inbox(inbox: Path, wanted: dict[str, str]) -> None:
    for rel, text in wanted.items():
        path = inbox / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


@pytest.fixture(scope="module")
def loaded(tmp_path_factory) -> Path:
    """Every page in one run of the real ingest flow."""
    root = tmp_path_factory.mktemp("reprints")
    write_inbox(root / "inbox", pages())
    db = root / "wh" / "sinmun.duckdb"
    ingest_flow(inbox=str(root / "inbox"), warehouse_path=str(db))
    return db


def headline_clusters(db: Path) -> list[tuple]:
    """Each cluster as (first paper, first date, headlines of its printings, the earliest one's headline)."""
    return query(
        db,
        "select cluster.first_publication_key, cluster.first_date_key, cluster.article_count, "
        "cluster.publication_count, list(article.headline order by article.headline), "
        "any_value(article.headline) filter (where membership.is_earliest) "
        "from dim_reprint_cluster as cluster "
        "join bridge_article_reprint as membership using (reprint_cluster_key) "
        "join fct_article as article using (article_key) "
        "group by all order by cluster.article_count desc",
    )


@pytest.mark.integration
def test_reprints_cluster_and_look_alikes_do_not(loaded: Path):
    assert headline_clusters(loaded) == [
        ("bitgoeul", 20240304, 3, 3, ["순천 공모 선정 '생활인구' 키운다", "순천 생활인구 사업 국비 확보", "순천시, 국비 128억원 확보"],
         "순천시, 국비 128억원 확보"),
        ("seohae", 20240305, 2, 2, ["보성 녹차축제 3일 개막", "초록의 쉼표, 보성 녹차축제"], "보성 녹차축제 3일 개막"),
    ]  # fmt: skip
    # a cluster's key is its smallest member's article key
    assert query(
        loaded,
        "select count(*) from dim_reprint_cluster where reprint_cluster_key <> "
        "(select min(article_key) from bridge_article_reprint as m where m.reprint_cluster_key = "
        "dim_reprint_cluster.reprint_cluster_key)",
    ) == [(0,)]


@pytest.mark.integration
def test_another_load_order_a_reload_and_a_corrected_page_give_the_same_clusters(loaded: Path, tmp_path: Path):
    expected = reprint_state(loaded)
    # the pages in reverse order, one run each for two halves: matches are found among articles loaded before
    db = tmp_path / "wh" / "sinmun.duckdb"
    rels = sorted(pages(), reverse=True)
    for n, half in enumerate((rels[:2], rels[2:])):
        write_inbox(tmp_path / f"inbox-{n}", {rel: pages()[rel] for rel in half})
        ingest_flow(inbox=str(tmp_path / f"inbox-{n}"), warehouse_path=str(db))
    assert reprint_state(db) == expected
    # a reload of the same pages skips them all and changes nothing
    summary = ingest_flow(inbox=str(tmp_path / "inbox-0"), warehouse_path=str(db))
    assert summary["pages_loaded"] == 0 and reprint_state(db) == expected
    # a corrected page that no longer carries its reprint: the story's cluster shrinks to the other two printings
    rel = "namdo/2024-03-05/3.txt"
    (dropped,) = query(db, "select article_key from fct_article where page_id = 'namdo/2024-03-05/3' and ordinal = 1")[
        0
    ]
    write_inbox(tmp_path / "inbox-corrected", {rel: pages(namdo_reprint=False)[rel]})
    ingest_flow(inbox=str(tmp_path / "inbox-corrected"), warehouse_path=str(db))
    after = reprint_state(db)
    assert after["reprint_pair"] == [row for row in expected["reprint_pair"] if dropped not in row[:2]]
    kept = [(a, c, e) for a, c, e in expected["bridge_article_reprint"] if a != dropped]
    smallest = {c: min(a for a, c2, _ in kept if c2 == c) for _, c, _ in kept}
    assert after["bridge_article_reprint"] == sorted((a, smallest[c], e) for a, c, e in kept)
    assert [row[2:4] for row in headline_clusters(db)] == [(2, 2), (2, 2)]


@pytest.mark.integration
def test_mart_reprint_printing_lists_each_printing_with_its_story(loaded: Path):
    """The view every reader of reprints uses: story A printed by three papers, story B by two; the look-alike and
    the unrelated article, printed once, have no row."""
    found = query(
        loaded,
        "select publication_name, publication_date, page_number, headline, is_earliest, cluster_article_count, "
        "cluster_publication_count, cluster_first_date, cluster_last_date from mart_reprint_printing "
        "order by cluster_first_date, is_earliest desc, publication_date, publication_name",
    )
    story_a = (3, 3, date(2024, 3, 4), date(2024, 3, 5))
    story_b = (2, 2, date(2024, 3, 5), date(2024, 3, 6))
    assert found == [
        ("빛고을신문", date(2024, 3, 4), 1, "순천시, 국비 128억원 확보", True, *story_a),
        ("남도매일신문", date(2024, 3, 5), 3, "순천 생활인구 사업 국비 확보", False, *story_a),
        ("서해일보", date(2024, 3, 5), 2, "순천 공모 선정 '생활인구' 키운다", False, *story_a),
        ("서해일보", date(2024, 3, 5), 2, "보성 녹차축제 3일 개막", True, *story_b),
        ("빛고을신문", date(2024, 3, 6), 2, "초록의 쉼표, 보성 녹차축제", False, *story_b),
    ]  # fmt: skip
    assert query(loaded, "select count(distinct reprint_cluster_key) from mart_reprint_printing") == [(2,)]


@pytest.mark.integration
def test_the_saved_analysis_lists_each_story_with_its_papers_and_dates(loaded: Path):
    saved = load_analysis("reprints")
    columns, rows = run_query(loaded, saved.text, saved.bind({}))
    found = [dict(zip(columns, row, strict=True)) for row in rows]
    assert [(r["first_publication"], r["first_date"], r["papers"], r["articles"], r["publications"]) for r in found] == [
        ("빛고을신문", date(2024, 3, 4), 3, 3, ["남도매일신문", "빛고을신문", "서해일보"]),
        ("서해일보", date(2024, 3, 5), 2, 2, ["빛고을신문", "서해일보"]),
    ]  # fmt: skip
    assert [(p["publication"], p["date"], p["page"]) for p in found[0]["printings"]] == [
        ("빛고을신문", date(2024, 3, 4), 1), ("남도매일신문", date(2024, 3, 5), 3), ("서해일보", date(2024, 3, 5), 2),
    ]  # fmt: skip
    assert found[0]["first_headline"] == "순천시, 국비 128억원 확보" and found[1]["last_date"] == date(2024, 3, 6)
    columns, rows = run_query(loaded, saved.text, saved.bind({"min_papers": "3"}))
    assert len(rows) == 1
    columns, rows = run_query(loaded, saved.text, saved.bind({"date_from": "2024-03-05"}))
    assert [row[columns.index("first_publication")] for row in rows] == ["서해일보"]


@pytest.mark.integration
def test_search_collapses_reprints_to_their_best_ranked_printing(loaded: Path, sinmun_bin: Path):
    def search(*options: str) -> list[dict]:
        result = subprocess.run(
            [str(sinmun_bin), "search", "순천시 공모 국비", "--format", "json", "--warehouse", str(loaded), *options],
            capture_output=True, text=True, timeout=120,
        )  # fmt: skip
        assert result.returncode == 0, result.stderr
        return json.loads(result.stdout)["hits"]

    every = search()
    collapsed = search("--collapse-reprints")
    assert len(every) == 4  # three printings of story A and its look-alike
    assert [h["article_key"] for h in collapsed] == [every[0]["article_key"], every[3]["article_key"]]
    assert [h["reprints"] for h in collapsed] == [2, 0]
    assert all("reprints" not in h for h in every)
    text = subprocess.run(
        [str(sinmun_bin), "search", "순천시 공모 국비", "--collapse-reprints", "--warehouse", str(loaded)],
        capture_output=True, text=True, timeout=120,
    ).stdout  # fmt: skip
    assert "also printed 2 more times" in text


@pytest.mark.integration
def test_the_reprint_tables_pass_the_data_checks_and_a_broken_cluster_fails_them(loaded: Path, tmp_path: Path):
    from sinmun.store import warehouse

    copy = tmp_path / "copy.duckdb"
    shutil.copyfile(loaded, copy)
    with warehouse.connect(copy) as con:
        assert set(warehouse.run_checks(con)) == set(warehouse.CHECKS)
        con.execute("update bridge_article_reprint set is_earliest = true")
        with pytest.raises(warehouse.ChecksFailed, match="reprint"):
            warehouse.run_checks(con)


@pytest.mark.integration
def test_the_report_shows_the_share_of_reprinted_stories_per_paper(loaded: Path, chromium, tmp_path: Path):
    from sinmun.cli import main

    out = tmp_path / "report.html"
    assert main(["report", "--out", str(out), "--warehouse", str(loaded)]) == 0
    shares = [
        (row["publication_name"], row["stories"], row["printed_first"], row["printed_after"])
        for row in embedded_data(out.read_text(encoding="utf-8"))["reprints"]
    ]
    # 서해일보 printed story B first and story A after; 빛고을신문 story A first, story B after and one story alone;
    # 남도매일신문 story A after, and the look-alike alone
    assert shares == [("서해일보", 2, 1, 1), ("빛고을신문", 3, 1, 1), ("남도매일신문", 2, 0, 1)]
    page = OfflinePage(chromium, out)
    try:
        assert page.errors == [] and page.count("#chart-reprints .no-data") == 0
        assert page.count("#chart-reprints g.reprint-bars rect") == 6
        assert page.text("#chart-reprints text.reprint-share").split() == [
            "100%", "(2", "of", "2)", "66.7%", "(2", "of", "3)", "50%", "(1", "of", "2)"
        ]  # fmt: skip
    finally:
        page.close()
