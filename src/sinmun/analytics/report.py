"""``sinmun report``: one self-contained HTML file of charts about the published warehouse.

Two steps: :func:`gather_report_data` reads the datasets (the queries in ``sql/report/``, run read-only on the
published copy), and the pure :func:`render_report` turns them into HTML. The page carries its data as an inline
JSON block and draws every chart into SVG with a small inline script (``report_assets/``): it needs no network,
no server and no external font to be viewed.
"""

from __future__ import annotations

import html
import json
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from importlib import resources
from pathlib import Path
from typing import Any

from sinmun.analytics.sql_runner import run_query
from sinmun.store.warehouse import published_path, sql

DEFAULT_TOP = 10
REPORTERS_SHOWN = 20
ENTITIES_PER_REPORTER = 5
GRAINS = ("day", "week", "month")
# Bars and heat-map cells stay readable up to this many columns on the date axis: the finest grain that fits is used.
MAX_AXIS_COLUMNS = 62
# A run of up to this many periods without articles is drawn as empty columns (a weekend, a holiday); a longer run
# is collapsed into one break on the axis, so the axis spans the data and not the calendar between its clusters.
EMPTY_PERIODS_SHOWN = 3


def gather_report_data(
    warehouse_path: Path,
    *,
    top: int = DEFAULT_TOP,
    date_from: date | None = None,
    date_to: date | None = None,
    generated_at: datetime | None = None,
) -> dict:
    """Every dataset of the report, as JSON-ready values, read from the published copy of ``warehouse_path``,
    over the articles published from ``date_from`` to ``date_to`` (each inclusive; None: no bound)."""
    warehouse_path = Path(warehouse_path)
    dates = {"date_from": date_from, "date_to": date_to}
    overview = _rows(warehouse_path, "report/overview", **dates)[0]
    days = [row["calendar_date"] for row in _rows(warehouse_path, "report/article_days", **dates)]
    grain = choose_grain(days)
    periods, gaps = date_axis(sorted({period_start(day, grain) for day in days}), grain)
    return _jsonable(
        {
            "warehouse": str(published_path(warehouse_path)),
            "generated_at": (generated_at or datetime.now(UTC)).isoformat(timespec="seconds"),
            "top": top,
            "date_from": date_from,
            "date_to": date_to,
            "grain": grain,
            "overview": overview,
            "periods": periods,
            "gaps": gaps,
            "articles_by_period": _rows(warehouse_path, "report/articles_by_period_and_kind", grain=grain, **dates),
            "top_entities": _rows(warehouse_path, "report/top_entities_by_period", grain=grain, top=top, **dates),
            "network": _network(_rows(warehouse_path, "report/co_occurrence_network", top=top, **dates)),
            "reporters": _rows(
                warehouse_path, "report/reporter_beats", reporters=REPORTERS_SHOWN, top=ENTITIES_PER_REPORTER, **dates
            ),
            "speakers": _rows(warehouse_path, "report/top_speakers", top=top, **dates),
            # the saved analysis itself, so that the treemap and `sinmun sql --analysis mentions_by_region` agree
            "regions": _rows(warehouse_path, "analyses/mentions_by_region", **dates),
            "reprints": _rows(warehouse_path, "report/reprints_by_paper", **dates),
        }
    )


def period_start(day: date, grain: str) -> date:
    """The first day of ``day``'s period, as DuckDB's ``date_trunc`` gives it (weeks start on Monday)."""
    if grain == "week":
        return day - timedelta(days=day.weekday())
    if grain == "month":
        return day.replace(day=1)
    return day


def _next_period(start: date, grain: str) -> date:
    if grain == "week":
        return start + timedelta(days=7)
    if grain == "month":
        return (start.replace(day=28) + timedelta(days=4)).replace(day=1)
    return start + timedelta(days=1)


def date_axis(periods_with_data: list[date], grain: str) -> tuple[list[date], list[dict]]:
    """The columns of the date axis and its breaks: every period with data, the empty periods of runs of up to
    ``EMPTY_PERIODS_SHOWN`` between them, and, for each longer run, a break ``{"before": period, "periods": n}``."""
    columns: list[date] = []
    gaps: list[dict] = []
    for start in periods_with_data:
        if columns:
            empty = []
            cursor = _next_period(columns[-1], grain)
            while cursor < start and len(empty) <= EMPTY_PERIODS_SHOWN:
                empty.append(cursor)
                cursor = _next_period(cursor, grain)
            if len(empty) <= EMPTY_PERIODS_SHOWN:
                columns += empty
            else:
                gaps.append({"before": start, "periods": _periods_between(columns[-1], start, grain)})
        columns.append(start)
    return columns, gaps


def _periods_between(first: date, last: date, grain: str) -> int:
    """How many periods lie strictly between the periods starting on ``first`` and ``last``."""
    if grain == "month":
        return (last.year - first.year) * 12 + last.month - first.month - 1
    return (last - first).days // (7 if grain == "week" else 1) - 1


def choose_grain(days: list[date]) -> str:
    """The finest grain whose date axis over ``days`` (with long empty runs collapsed) fits ``MAX_AXIS_COLUMNS``."""
    for grain in GRAINS:
        columns, gaps = date_axis(sorted({period_start(day, grain) for day in days}), grain)
        if len(columns) + len(gaps) <= MAX_AXIS_COLUMNS:
            return grain
    return GRAINS[-1]


def _network(rows: list[dict]) -> dict:
    """Nodes and edges of the co-occurrence network from its rows (one per node, its edges in a list)."""
    nodes = [{k: v for k, v in row.items() if k != "edges"} for row in rows]
    edges = [
        {"entity_a": row["canonical_name"], "type_a": row["entity_type"], **edge}
        for row in rows
        for edge in row["edges"] or []
    ]
    edges.sort(key=lambda e: (-e["articles"], e["entity_a"], e["entity_b"]))
    return {"nodes": nodes, "edges": edges}


def render_report(data: dict) -> str:
    """The report's HTML page for ``data`` (as :func:`gather_report_data` returns it; any part may be missing)."""
    overview = data.get("overview") or {}
    payload = json.dumps(_jsonable(data), ensure_ascii=False, separators=(",", ":"))
    # Inside <script> the JSON must not close the element or open a comment: "<" only occurs inside JSON strings,
    # where \u003c means the same character.
    payload = payload.replace("<", "\\u003c")
    totals = [
        ("기사 articles", overview.get("articles")),
        ("지면 pages", overview.get("pages")),
        ("신문 publications", overview.get("publications")),
        ("개체 언급 entity mentions", overview.get("entity_mentions")),
        ("기자 reporters", overview.get("reporters")),
    ]
    total_cells = "".join(
        f'<div class="total"><span class="value">{_number(value)}</span>'
        f'<span class="label">{html.escape(label)}</span></div>'
        for label, value in totals
    )
    first_day, last_day = overview.get("first_day"), overview.get("last_day")
    date_range = f"{first_day} – {last_day}" if first_day and last_day else "날짜 없음 (no dated articles)"
    papers = ", ".join(overview.get("publication_names") or []) or "—"
    facts = [
        ("warehouse", data.get("warehouse") or "—"),
        ("generated at", data.get("generated_at") or "—"),
        ("last loaded", overview.get("last_loaded_at") or "—"),
        ("date range", date_range),
        ("papers", papers),
    ]
    fact_rows = "".join(f"<dt>{html.escape(k)}</dt><dd>{html.escape(str(v))}</dd>" for k, v in facts)
    sections = "".join(
        f'<section class="card" id="{chart_id}"><h2>{html.escape(title)}</h2>'
        f'<p class="subtitle">{html.escape(subtitle)}</p><div class="chart" data-chart="{chart_id}"></div></section>'
        for chart_id, title, subtitle in _charts(data)
    )
    return f"""<!DOCTYPE html>
<html lang="ko">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>sinmun report</title>
<style>
{_asset("report.css")}
</style>
</head>
<body>
<header class="page-header">
<h1>sinmun 신문 보고서 <small>newspaper warehouse report</small></h1>
<dl class="facts">{fact_rows}</dl>
<div class="totals">{total_cells}</div>
</header>
<main>
{sections}
</main>
<footer>Drawn in this page from its embedded data; no network needed.
Queries: <code>sql/report/*.sql</code> on the published warehouse.</footer>
<script type="application/json" id="data">{payload}</script>
<script>
{_asset("report.js")}
</script>
</body>
</html>
"""


def _charts(data: dict) -> list[tuple[str, str, str]]:
    korean, english = {"week": ("주별", "week"), "month": ("월별", "month")}.get(data.get("grain"), ("일별", "day"))
    top = data.get("top") or DEFAULT_TOP
    return [
        (
            "chart-articles",
            f"{korean} 기사 수 · Articles per {english} by kind",
            "Stacked by kind (news, photo, column, ...); from the first dated article to the last, a long run of "
            "periods without articles shown as one dashed break (⋯) saying how many.",
        ),
        (
            "chart-entities",
            f"주요 인물·기관·장소의 {korean} 언급 · Top entities over time (per {english})",
            f"The {top} most mentioned people, organizations and places; cells show mentions per period.",
        ),
        (
            "chart-network",
            "함께 언급된 인물·기관 · Co-occurrence network",
            f"The {top} people and {top} organizations named in the most articles; "
            "an edge joins two named in the same article, thicker for more articles.",
        ),
        (
            "chart-reporters",
            "기자와 담당 분야 · Reporters and their beats",
            "Articles per reporter by kind, with the people, organizations and places they cover most.",
        ),
        (
            "chart-speakers",
            "누가 무슨 말을 했나 · Who said what",
            f"The {top} people and organizations quoted most (direct quotes), each with the title they were quoted "
            "under most and their latest quote.",
        ),
        (
            "chart-regions",
            "지역별 언급 · Mentions by region",
            "Place mentions by province (시도) and city/county/district (시군구), named places counted in their "
            "district; area is the number of mentions. The same numbers as `sinmun sql --analysis mentions_by_region`.",
        ),
        (
            "chart-reprints",
            "신문별 재게재 기사 비율 · Share of reprinted stories per paper",
            "Of each paper's stories, the share that ran in more than one printing (another paper, or another day): "
            "those it printed first, and those another printing preceded. `sinmun sql --analysis reprints` lists them.",
        ),
    ]


def _rows(warehouse_path: Path, name: str, **params: object) -> list[dict[str, Any]]:
    columns, rows = run_query(warehouse_path, sql(name), params)
    return [dict(zip(columns, row, strict=True)) for row in rows]


def _jsonable(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set):
        return [_jsonable(v) for v in value]
    if isinstance(value, datetime):
        return value.isoformat(sep=" ", timespec="seconds")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value)
    return value


def _number(value: object) -> str:
    return f"{value:,}" if isinstance(value, int) else "—"


def _asset(name: str) -> str:
    return resources.files("sinmun.analytics").joinpath("report_assets", name).read_text(encoding="utf-8")
