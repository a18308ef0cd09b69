"""`sinmun report`: the page ``render_report`` builds from hand-written data, and, end to end, the real CLI on the
sample pages, opened in headless Chromium (Debian's /usr/bin/chromium, driven by Playwright) with the network cut off.
"""

from __future__ import annotations

import json
import re
import struct
import subprocess
from datetime import date, timedelta
from html.parser import HTMLParser
from pathlib import Path

import pytest

from sinmun.analytics.analyses import load_analysis
from sinmun.analytics.report import choose_grain, date_axis, render_report
from sinmun.analytics.sql_runner import run_query
from sinmun.cli import main
from tests.conftest import ROOT, SampleWarehouse
from tests.helpers.report_page import OfflinePage, embedded_data

CHART_IDS = (
    "chart-articles", "chart-entities", "chart-network", "chart-reporters", "chart-speakers", "chart-regions",
    "chart-reprints",
)  # fmt: skip
TOP = 6

SMALL_DATA = {
    "warehouse": "/data/sinmun.published.duckdb",
    "generated_at": "2024-03-16T09:00:00+00:00",
    "top": 3,
    "grain": "day",
    "overview": {
        "articles": 5,
        "undated_articles": 0,
        "pages": 2,
        "publications": 1,
        "publication_names": ["빛고을신문"],
        "entity_mentions": 9,
        "entities": 5,
        "reporters": 2,
        "first_day": "2024-03-04",
        "last_day": "2024-03-05",
        "last_loaded_at": "2024-03-16 08:59:00",
    },
    "periods": ["2024-03-04", "2024-03-05"],
    "articles_by_period": [
        {"period_start": "2024-03-04", "kind": "news", "articles": 2},
        {"period_start": "2024-03-04", "kind": "photo", "articles": 1},
        {"period_start": "2024-03-05", "kind": "news", "articles": 2},
    ],
    "top_entities": [
        {
            "entity_type": "PERSON",
            "rank_in_type": 1,
            "canonical_name": "강기정",
            "total_mentions": 3,
            "total_articles": 2,
            "period_start": "2024-03-04",
            "mentions": 3,
        },
        {
            "entity_type": "LOCATION",
            "rank_in_type": 1,
            "canonical_name": "광주광역시",
            "total_mentions": 4,
            "total_articles": 3,
            "period_start": "2024-03-05",
            "mentions": 4,
        },
    ],
    "network": {
        "nodes": [
            {"entity_type": "PERSON", "rank_in_type": 1, "canonical_name": "강기정", "articles": 2, "mentions": 3},
            {"entity_type": "PERSON", "rank_in_type": 2, "canonical_name": "김영록", "articles": 1, "mentions": 1},
            {"entity_type": "ORG", "rank_in_type": 1, "canonical_name": "광주시청", "articles": 1, "mentions": 1},
        ],
        "edges": [{"entity_a": "강기정", "type_a": "PERSON", "entity_b": "김영록", "type_b": "PERSON", "articles": 1}],
    },
    "reporters": [
        {
            "reporter_name": "박하늘",
            "email": "sky@bitgoeul.example.kr",
            "publication_name": "빛고을신문",
            "articles": 4,
            "kinds": [{"kind": "news", "articles": 3}, {"kind": "photo", "articles": 1}],
            "top_entities": [{"name": "강기정", "type": "PERSON", "articles": 2}],
            "top_places": [{"name": "광주광역시", "articles": 3}],
        },
        {
            "reporter_name": "정우진",
            "email": None,
            "publication_name": "빛고을신문",
            "articles": 1,
            "kinds": [{"kind": "news", "articles": 1}],
            "top_entities": [],
            "top_places": [],
        },
    ],
    "speakers": [
        {
            "speaker": "강기정",
            "entity_type": "PERSON",
            "quotes": 3,
            "articles": 2,
            "title": "광주시장",
            "sample_quote": "두 지역이 <함께> 성장하겠다",
            "sample_verb": "말했다",
            "sample_date": "2024-03-05",
            "sample_headline": "광주·전남 상생 협약 체결",
            "sample_publication": "bitgoeul",
        },
        {
            "speaker": "광주광역시",
            "entity_type": "LOCATION",
            "quotes": 1,
            "articles": 1,
            "title": None,
            "sample_quote": "예산을 늘리겠다",
            "sample_verb": None,
            "sample_date": None,
            "sample_headline": None,
            "sample_publication": "bitgoeul",
        },
    ],
    "regions": [
        {"province": "광주광역시", "city_county_district": "(시도 전체)", "mentions": 3, "articles": 2},
        {"province": "광주광역시", "city_county_district": "광주광역시 북구", "mentions": 1, "articles": 1},
        {"province": "전라남도", "city_county_district": "전라남도 목포시", "mentions": 2, "articles": 1},
    ],
    "reprints": [
        {
            "publication_name": "빛고을신문",
            "stories": 4,
            "reprinted": 1,
            "printed_first": 1,
            "printed_after": 0,
            "reprinted_share": 0.25,
        },
    ],
}


class _References(HTMLParser):
    """Every src and href in a page, and the tags seen."""

    def __init__(self) -> None:
        super().__init__()
        self.links: list[tuple[str, str, str]] = []
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self.links += [(tag, name, value or "") for name, value in attrs if name in ("src", "href", "xlink:href")]


def references(page: str) -> _References:
    parser = _References()
    parser.feed(page)
    return parser


# ---- the page, without a browser ------------------------------------------------------------------------------------


def test_report_page_is_self_contained():
    page = render_report(SMALL_DATA)
    found = references(page)
    assert found.links == [], "nothing to load: no src or href at all"
    assert not [attrs for tag, attrs in found.tags if tag == "script" and "src" in attrs]
    assert not [tag for tag, _ in found.tags if tag in ("link", "iframe", "img", "object", "embed")]
    assert "@import" not in page and "url(" not in page
    assert page.count("<script") == 2 and page.count("</script>") == 2


def test_report_page_carries_its_data_and_korean_text():
    page = render_report(SMALL_DATA)
    assert embedded_data(page) == SMALL_DATA
    assert page.startswith("<!DOCTYPE html>") and '<meta charset="utf-8">' in page
    assert "Noto Sans CJK KR" in page and "sans-serif" in page
    for name in ("강기정", "광주광역시 북구", "박하늘"):
        assert name in page
    header = page.split("<main>")[0]
    assert "빛고을신문" in header and "/data/sinmun.published.duckdb" in header and "2024-03-04 – 2024-03-05" in header
    assert re.findall(r'data-chart="([^"]+)"', page) == list(CHART_IDS)


def test_names_that_look_like_markup_stay_data():
    hostile = "</script><script>alert(1)</script><!--"
    data = {**SMALL_DATA, "warehouse": "/tmp/<b>wh</b>.duckdb"}
    data["network"] = {"nodes": [{**SMALL_DATA["network"]["nodes"][0], "canonical_name": hostile}], "edges": []}
    page = render_report(data)
    assert page.count("</script>") == 2 and "<!--" not in page
    assert embedded_data(page)["network"]["nodes"][0]["canonical_name"] == hostile
    assert "&lt;b&gt;wh&lt;/b&gt;" in page and "<b>wh</b>" not in page


def test_empty_data_still_makes_a_page():
    for data in ({}, {"overview": {}, "network": {}, "reporters": [], "regions": []}):
        page = render_report(data)
        assert embedded_data(page) == data
        assert "날짜 없음" in page  # no date range
        assert len(re.findall(r'data-chart="', page)) == len(CHART_IDS)


def test_dates_in_the_data_become_iso_text():
    data = {**SMALL_DATA, "overview": {**SMALL_DATA["overview"], "first_day": date(2024, 3, 4)}}
    assert embedded_data(render_report(data))["overview"]["first_day"] == "2024-03-04"


def days(first: date, last: date, every: int = 1) -> list[date]:
    return [first + timedelta(days=n) for n in range(0, (last - first).days + 1, every)]


def test_the_finest_grain_whose_axis_fits():
    assert choose_grain(days(date(2024, 3, 1), date(2024, 4, 30))) == "day"
    assert choose_grain(days(date(2024, 1, 1), date(2024, 12, 31))) == "week"
    assert choose_grain(days(date(2020, 1, 1), date(2024, 12, 31), every=3)) == "month"
    assert choose_grain([]) == "day"
    # two clusters of days a year apart: the axis spans the data, so days still fit
    assert choose_grain(days(date(2023, 5, 22), date(2023, 5, 23)) + days(date(2024, 3, 4), date(2024, 3, 15))) == "day"


AXIS_CASES = [
    # (grain, periods with data, columns, breaks)
    ("day", ["2024-03-04", "2024-03-05"], ["2024-03-04", "2024-03-05"], []),
    ("day", ["2024-03-08", "2024-03-11"], ["2024-03-08", "2024-03-09", "2024-03-10", "2024-03-11"], []),
    ("day", ["2024-03-01", "2024-03-06"], ["2024-03-01", "2024-03-06"], [{"before": "2024-03-06", "periods": 4}]),
    (
        "week",
        ["2023-05-22", "2024-03-04", "2024-03-11"],
        ["2023-05-22", "2024-03-04", "2024-03-11"],
        [{"before": "2024-03-04", "periods": 40}],
    ),
    ("month", ["2024-01-01", "2024-03-01"], ["2024-01-01", "2024-02-01", "2024-03-01"], []),
    ("month", ["2023-01-01", "2024-03-01"], ["2023-01-01", "2024-03-01"], [{"before": "2024-03-01", "periods": 13}]),
]


@pytest.mark.parametrize(("grain", "with_data", "columns", "breaks"), AXIS_CASES)
def test_date_axis_collapses_long_empty_runs(grain, with_data, columns, breaks):
    found_columns, found_breaks = date_axis([date.fromisoformat(d) for d in with_data], grain)
    assert [d.isoformat() for d in found_columns] == columns
    assert [{**b, "before": b["before"].isoformat()} for b in found_breaks] == breaks


def test_every_report_query_says_what_it_answers_and_its_parameters():
    files = sorted((ROOT / "sql" / "report").glob("*.sql"))
    assert len(files) >= 5
    for path in files:
        header = [line for line in path.read_text(encoding="utf-8").splitlines() if line.startswith("--")]
        assert header[0].startswith("-- What it answers: "), path.name
        assert any(line.startswith("-- Parameters:") for line in header), path.name


def test_missing_published_warehouse_exits_2(tmp_path: Path, capsys):
    out = tmp_path / "report.html"
    assert main(["report", "--out", str(out), "--warehouse", str(tmp_path / "none" / "sinmun.duckdb")]) == 2
    assert "no published warehouse" in capsys.readouterr().err
    assert not out.exists()


# ---- end to end: the sample pages, the real CLI, headless Chromium ----------------------------------------------


@pytest.fixture(scope="module")
def warehouse(samples_warehouse: SampleWarehouse) -> Path:
    return samples_warehouse.path


@pytest.fixture(scope="module")
def report_file(warehouse: Path, sinmun_bin: Path) -> Path:
    out = warehouse.parent.parent / "out" / "report.html"
    result = subprocess.run(
        [str(sinmun_bin), "report", "--out", str(out), "--warehouse", str(warehouse), "--top", str(TOP)],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert f"wrote {out}" in result.stdout
    return out


@pytest.fixture(scope="module")
def opened_report(chromium, report_file: Path):
    page = OfflinePage(chromium, report_file)
    yield page
    page.close()


@pytest.mark.integration
def test_report_is_self_contained_on_disk(report_file: Path):
    page = report_file.read_text(encoding="utf-8")
    assert references(page).links == []
    assert page.count("<script") == 2


@pytest.mark.integration
def test_report_renders_offline_without_errors(opened_report: OfflinePage, report_file: Path):
    assert opened_report.requests_off_file == []
    assert opened_report.errors == []
    assert opened_report.count(".chart-error") == 0
    assert opened_report.count(".no-data") == 0
    shot = report_file.parent / "report.png"
    opened_report.page.screenshot(path=str(shot), full_page=True)
    png = shot.read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", png[16:24])
    assert width == 1200 and height > 3000, "five charts and a table make a long page"
    assert len(png) > 150_000, "a blank page compresses to a few kilobytes"


@pytest.mark.integration
def test_each_chart_draws_its_data(opened_report: OfflinePage, report_file: Path):
    data = embedded_data(report_file.read_text(encoding="utf-8"))
    for chart in CHART_IDS:
        drawn = opened_report.count(f"#{chart} svg :is(rect, path, circle, line, text)")
        assert drawn >= 20, (chart, drawn)
    nonzero = [row for row in data["articles_by_period"] if row["articles"]]
    assert opened_report.count("#chart-articles g.bars rect") == len(nonzero)
    entities = {(row["entity_type"], row["canonical_name"]) for row in data["top_entities"]}
    cells = opened_report.count("#chart-entities svg rect[rx]")
    assert cells == len(entities) * len(data["periods"])
    assert opened_report.count("#chart-network g.nodes circle") == len(data["network"]["nodes"])
    assert opened_report.count("#chart-network g.edges line") == len(data["network"]["edges"]) > 0
    assert opened_report.count("#chart-reporters table.beats tbody tr") == len(data["reporters"])
    assert opened_report.count("#chart-speakers g.bars rect") == len(data["speakers"]) > 0
    assert opened_report.count("#chart-speakers table.quotes tbody tr q") == len(data["speakers"])
    assert opened_report.count("#chart-regions g.treemap rect") == len(data["regions"]) + len(
        {row["province"] for row in data["regions"]}
    )
    assert opened_report.count("#chart-reprints g.reprint-bars rect") == 2 * len(data["reprints"]) > 0


@pytest.mark.integration
def test_report_shows_what_the_warehouse_holds(opened_report: OfflinePage, report_file: Path, warehouse: Path):
    _, [(articles,)] = run_query(warehouse, "select count(*) from fct_article")
    assert opened_report.text(".total .value").split()[0] == f"{articles:,}"
    # the most mentioned person, by the example query, in the timeline; the person named in the most articles in the
    # network (its nodes are ranked by articles: one article's many mentions make no one central)
    _, rows = run_query(warehouse, (ROOT / "sql" / "examples" / "top_people.sql").read_text(encoding="utf-8"))
    top_person = rows[0][0]
    assert top_person in opened_report.text("#chart-entities svg text")
    _, [(most_articles,)] = run_query(
        warehouse,
        "select canonical_name from mart_entity_mention where entity_type = 'PERSON' and not is_anonymous "
        "group by entity_key, canonical_name order by count(distinct article_key) desc, count(*) desc, canonical_name "
        "limit 1",
    )
    assert most_articles in opened_report.text("#chart-network svg text")
    regions = opened_report.text("#chart-regions svg text")
    assert "광주광역시" in regions and "전라남도" in regions
    _, [(reporter,)] = run_query(
        warehouse,
        "select reporter.reporter_name from bridge_article_reporter join dim_reporter as reporter using (reporter_key) "
        "group by all order by count(*) desc, reporter.reporter_name limit 1",
    )
    assert reporter in opened_report.text("#chart-reporters svg text")
    # who said what: the speaker quoted most (the saved analysis), with one of their quotes beside the name
    [most_quoted, *_] = saved_analysis_rows(warehouse, "quoted_most", speaker_type="ANY", top=1)
    assert most_quoted["speaker"] in opened_report.text("#chart-speakers svg text")
    _, quoted = run_query(
        warehouse,
        "select quote.quote_text from fct_quote as quote join dim_entity as speaker "
        "on speaker.entity_key = quote.speaker_entity_key where speaker.canonical_name = $name",
        {"name": most_quoted["speaker"]},
    )
    row = opened_report.text("#chart-speakers table.quotes tbody tr:first-child")
    assert most_quoted["speaker"] in row and any(text in row for (text,) in quoted)


@pytest.mark.integration
def test_top_limits_the_entities_charted(report_file: Path):
    data = embedded_data(report_file.read_text(encoding="utf-8"))
    assert data["top"] == TOP
    for entity_type in ("PERSON", "ORG", "LOCATION"):
        names = {row["canonical_name"] for row in data["top_entities"] if row["entity_type"] == entity_type}
        assert len(names) == TOP, entity_type
    for entity_type in ("PERSON", "ORG"):
        assert len([n for n in data["network"]["nodes"] if n["entity_type"] == entity_type]) == TOP
    dated = data["overview"]["articles"] - data["overview"]["undated_articles"]
    assert sum(row["articles"] for row in data["articles_by_period"]) == dated


@pytest.mark.integration
def test_empty_data_shows_no_data_messages_without_errors(chromium, tmp_path: Path):
    path = tmp_path / "empty.html"
    path.write_text(render_report({}), encoding="utf-8")
    page = OfflinePage(chromium, path)
    try:
        assert page.errors == [] and page.requests_off_file == []
        assert page.count(".no-data") == len(CHART_IDS)
        assert page.count(".chart-error") == 0
    finally:
        page.close()


@pytest.mark.integration
def test_small_data_renders_in_the_browser(chromium, tmp_path: Path):
    path = tmp_path / "small.html"
    path.write_text(render_report(SMALL_DATA), encoding="utf-8")
    page = OfflinePage(chromium, path)
    try:
        assert page.errors == [] and page.count(".no-data") == 0
        assert page.count("#chart-network g.nodes circle") == 3
        assert "김영록" in page.text("#chart-network svg text")
        assert "(byline without e-mail)" in page.text("#chart-reporters table")
        # a quote is text, never markup; a speaker without a title or a date still gets a row
        assert page.text("#chart-speakers table.quotes q") == "두 지역이 <함께> 성장하겠다 예산을 늘리겠다"
        assert page.count("#chart-speakers table.quotes tbody tr") == 2
    finally:
        page.close()


@pytest.mark.integration
def test_the_offline_page_notices_a_request_off_the_file(chromium, tmp_path: Path):
    """The harness itself: a page that loads something from the network is caught (and the load is aborted)."""
    path = tmp_path / "leaky.html"
    path.write_text('<!DOCTYPE html><img src="http://example.invalid/pixel.png">', encoding="utf-8")
    page = OfflinePage(chromium, path)
    try:
        assert page.requests_off_file == ["http://example.invalid/pixel.png"]
    finally:
        page.close()


# ---- the date range, the date axis, readable panels, labelled tiles, numbers shared with the saved analyses -----


@pytest.fixture(scope="module")
def ranged_report(warehouse: Path, sinmun_bin: Path) -> dict:
    """The report of 11 to 12 March only, and the saved analysis of regions over the same dates, both by the CLI."""
    out = warehouse.parent.parent / "out" / "ranged.html"
    result = subprocess.run(
        [str(sinmun_bin), "report", "--out", str(out), "--warehouse", str(warehouse), "--from", "2024-03-11",
         "--to", "2024-03-12"],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    return {"path": out, "data": embedded_data(out.read_text(encoding="utf-8"))}


def saved_analysis_rows(warehouse: Path, name: str, **params: object) -> list[dict]:
    saved = load_analysis(name)
    columns, rows = run_query(warehouse, saved.text, saved.bind({k: str(v) for k, v in params.items()}))
    return [dict(zip(columns, row, strict=True)) for row in rows]


def saved_analysis(sinmun_bin: Path, warehouse: Path, name: str, *params: str) -> list[dict]:
    args = [str(sinmun_bin), "sql", "--analysis", name, "--format", "json", "--warehouse", str(warehouse)]
    result = subprocess.run(args + [f"--param={p}" for p in params], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


@pytest.mark.integration
def test_report_regions_are_the_saved_analysis(report_file: Path, ranged_report: dict, warehouse, sinmun_bin):
    data = embedded_data(report_file.read_text(encoding="utf-8"))
    assert data["regions"] == saved_analysis(sinmun_bin, warehouse, "mentions_by_region") != []
    ranged = saved_analysis(sinmun_bin, warehouse, "mentions_by_region", "date_from=2024-03-11", "date_to=2024-03-12")
    assert ranged_report["data"]["regions"] == ranged != []
    assert sum(r["mentions"] for r in ranged) < sum(r["mentions"] for r in data["regions"])


@pytest.mark.integration
def test_report_from_to_keeps_to_the_dates(ranged_report: dict, warehouse: Path):
    data = ranged_report["data"]
    _, [(articles,)] = run_query(
        warehouse,
        "select count(*) from fct_article join dim_date using (date_key) "
        "where calendar_date between date '2024-03-11' and date '2024-03-12'",
    )
    assert data["overview"]["articles"] == articles > 0
    assert (data["overview"]["first_day"], data["overview"]["last_day"]) == ("2024-03-11", "2024-03-12")
    assert data["periods"] == ["2024-03-11", "2024-03-12"] and data["grain"] == "day"
    assert {row["period_start"] for row in data["articles_by_period"] + data["top_entities"]} <= set(data["periods"])


@pytest.mark.integration
def test_date_axis_spans_the_data(report_file: Path, opened_report: OfflinePage):
    data = embedded_data(report_file.read_text(encoding="utf-8"))
    with_articles = {row["period_start"] for row in data["articles_by_period"] if row["articles"]}
    empty_run = longest = 0
    for period in data["periods"]:
        empty_run = 0 if period in with_articles else empty_run + 1
        longest = max(longest, empty_run)
    assert longest <= 3, "long runs of periods without articles are collapsed into a break"
    assert len(data["periods"]) <= 2 * len(with_articles) + 3
    assert opened_report.count("#chart-articles g.axis-break") == len(data["gaps"])
    assert opened_report.count("#chart-entities g.axis-break") == len(data["gaps"])


@pytest.mark.integration
def test_heat_map_cells_are_readable_and_each_panel_has_its_own_scale(report_file: Path, opened_report: OfflinePage):
    data = embedded_data(report_file.read_text(encoding="utf-8"))
    page = opened_report.page
    widths = page.eval_on_selector_all("#chart-entities svg rect[rx]", "cells => cells.map(c => c.getBBox().width)")
    assert widths and min(widths) >= 26
    nonzero = [row for row in data["top_entities"] if row["mentions"]]
    values = opened_report.page.locator("#chart-entities text.cell-value").all_text_contents()
    assert sorted(values) == sorted(str(row["mentions"]) for row in nonzero)
    scales = opened_report.page.locator("#chart-entities text.panel-scale").all_text_contents()
    for entity_type, scale in zip(("PERSON", "ORG", "LOCATION"), scales, strict=True):
        rows = [row for row in data["top_entities"] if row["entity_type"] == entity_type]
        assert f"darkest = {max(r['mentions'] for r in rows)}" in scale
        assert f"longest bar = {max(r['total_mentions'] for r in rows)}" in scale


@pytest.mark.integration
def test_every_treemap_tile_is_labelled(opened_report: OfflinePage, report_file: Path):
    data = embedded_data(report_file.read_text(encoding="utf-8"))
    page = opened_report.page
    tiles = page.eval_on_selector_all("#chart-regions rect.tile", "r => r.map(t => t.getAttribute('data-name'))")
    inside = page.eval_on_selector_all("#chart-regions text.tile-label", "r => r.map(t => t.getAttribute('data-name'))")
    keyed = page.eval_on_selector_all(
        "#chart-regions .treemap-key span", "r => r.map(t => t.getAttribute('data-name'))"
    )
    assert sorted(tiles) == sorted(row["city_county_district"] for row in data["regions"])
    assert set(tiles) == set(inside) | set(keyed)
