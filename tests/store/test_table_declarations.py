"""One declaration per table: the DDL gives the columns (and the staged Parquet schema), ``sinmun.store.tables``
the rest; loads insert by name, so the staged columns' order cannot swap two values of one type."""

from __future__ import annotations

import re
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

import polars as pl
import pytest

from sinmun import sql_files
from sinmun.entities.search_terms import ArticleTerms
from sinmun.ingest import normalize
from sinmun.store import tables, warehouse

BODY = (
    "새빛시는 2024년 3월 4일 시청 대회의실에서 도시재생 계획을 발표했다. 사업비는 120억원이며 주민 300명이 "
    '설명회에 참석했다. 김하늘 시장은 "주민과 함께 마을을 바꾸겠다"고 말했다. 시는 다음 달부터 골목길 '
    "정비와 공원 조성을 차례로 시작하고, 내년까지 빈집 40채를 고쳐 청년 주거로 내놓을 계획이다."
)


def _span(text: str, part: str) -> tuple[int, int]:
    start = text.index(part)
    return start, start + len(part)


def _page() -> normalize.PageRecord:
    """A page with one row for every staged table (its publication unknown to the seed list, its reporter new)."""
    person = _span(BODY, "김하늘")
    day, money, people = _span(BODY, "2024년 3월 4일"), _span(BODY, "120억원"), _span(BODY, "300명")
    quote = _span(BODY, "주민과 함께 마을을 바꾸겠다")
    article = {
        "ordinal": 1,
        "kind": "news",
        "headline": "새빛시 도시재생 계획 발표",
        "body": BODY,
        "byline": {"names": ["한바다"], "email": "sea@saebit.example", "role": "기자"},
        "cross_refs": [7],
        "continues_on": 3,
        "entities": [
            {
                "type": "PERSON",
                "name": "김하늘",
                "mentions": [{"text": "김하늘", "start": person[0], "end": person[1], "field": "body"}],
            }
        ],
        "dates": [{"text": "2024년 3월 4일", "date": "2024-03-04", "precision": "day", "start": day[0], "end": day[1]}],
        "amounts": [
            {"text": "120억원", "value": 12e9, "unit": "KRW", "approximate": False, "start": money[0], "end": money[1]},
            {
                "text": "300명",
                "value": 300,
                "unit": "people",
                "approximate": False,
                "start": people[0],
                "end": people[1],
            },
        ],
        "quotes": [
            {
                "text": BODY[quote[0] : quote[1]],
                "speaker": "김하늘",
                "speaker_type": "PERSON",
                "title": "시장",
                "verb": "말했다",
                "start": quote[0],
                "end": quote[1],
            },
        ],
    }
    source = {
        "publication": "saebit", "publication_date": "2024-03-05", "page": 2, "section": "사회",
        "sha256": "ab" * 32, "encoding": "utf-8",
    }  # fmt: skip
    terms = ArticleTerms(Counter({"도시재생": 2, "계획": 2, "주민": 3}), Counter({"도시재생": 1}))
    return normalize.PageRecord(
        {"source": source, "articles": [article]}, "saebit/2024-03-05/2.txt", "manifest", (terms,)
    )


def _reversed(frame: pl.DataFrame) -> list[str]:
    return list(reversed(frame.columns))


def _same_type_swapped(frame: pl.DataFrame) -> list[str]:
    """The columns with the last two of one type that are never null swapped (``start_char`` and ``end_char``,
    say): positionally, each would load into the other's column without an error."""
    columns = frame.columns
    for dtype in dict.fromkeys(frame.schema.values()):
        alike = [c for c in columns if frame.schema[c] == dtype and frame[c].null_count() == 0]
        if len(alike) > 1:
            a, b = columns.index(alike[-2]), columns.index(alike[-1])
            columns = list(columns)
            columns[a], columns[b] = columns[b], columns[a]
            return columns
    return columns


@pytest.mark.parametrize("reorder", [_same_type_swapped, _reversed])
def test_every_staged_table_loads_its_columns_by_name_in_whatever_order_they_are_staged(reorder, tmp_path: Path):
    """Each staged Parquet file is written with its columns in another order: a positional insert would put
    ``end_char`` in ``start_char`` or ``term_count`` in ``reporter_count`` silently (or fail on a type); by name,
    every value lands in its column."""
    frames = normalize.batch_tables([_page()])
    empty = sorted(name for name, frame in frames.items() if frame.is_empty())
    assert empty == [], f"the page stages no row for {empty}"
    staged = {}
    for name, frame in frames.items():
        staged[name] = str(tmp_path / f"{name}.parquet")
        frame.select(reorder(frame)).write_parquet(staged[name])
    db = tmp_path / "wh.duckdb"
    with warehouse.connect(db) as con:
        warehouse.ensure_schema(con)
        summary = warehouse.load_batch(
            con, staged, run_id="swap", batch_number=1, started_at=datetime.now(UTC).replace(tzinfo=None)
        )
        for name, frame in frames.items():
            columns = ", ".join(frame.columns)
            loaded = con.execute(f"select {columns} from {name} where load_id = ?", [summary.load_id]).fetchall()
            assert sorted(loaded, key=repr) == sorted(frame.rows(), key=repr), name
        assert warehouse.run_checks(con) == dict.fromkeys(warehouse.CHECKS, 0)


_CREATED = re.compile(r"create table if not exists (\w+)")


def test_every_table_of_the_ddl_is_declared_once_and_every_declared_column_exists():
    created = sorted(
        found[1]
        for path in (sql_files.sql_dir() / "ddl").glob("*.sql")
        for found in _CREATED.finditer(path.read_text())
    )
    declared = [table.name for table in tables.TABLES]
    assert sorted(declared) == created and len(set(declared)) == len(declared)
    assert sorted(warehouse.ddl_columns()) == created
    for check in tables.GENERATED_CHECKS:  # raises on a declared column the DDL does not have
        assert tables.check_bindings(check, warehouse.ddl_columns())


def test_a_declared_column_the_ddl_lacks_is_an_error_not_a_check_that_covers_less():
    columns = {name: dict(found) for name, found in warehouse.ddl_columns().items()}
    del columns["fct_date_mention"]["start_char"]
    with pytest.raises(ValueError, match="fct_date_mention declares columns its DDL does not have: start_char"):
        tables.check_bindings("unique_keys", columns)


@pytest.mark.parametrize(
    ("table", "column", "expected"),
    [
        ("fct_article", "kind", pl.String),
        ("fct_article", "subheadlines", pl.List(pl.String)),
        ("fct_amount_mention", "amount_value", pl.Float64),
        ("fct_amount_mention", "is_approximate", pl.Boolean),
        ("fct_date_mention", "mentioned_date", pl.Date),
        ("reprint_band", "band_hash", pl.Int64),
        ("reprint_fingerprint", "fact_hashes", pl.List(pl.Int64)),
        ("ledger_page", "page_number", pl.Int32),
    ],
)
def test_the_staged_schema_takes_its_types_from_the_ddl(table, column, expected):
    assert normalize.staged_schemas()[table][column] == expected


@pytest.mark.parametrize(
    ("table", "not_staged"),
    [
        ("ledger_page", {"load_id", "loaded_at", "is_current"}),
        ("fct_article_link", {"target_article_key", "load_id"}),
        ("dim_publication", {"publication_name", "web_domain", "load_id"}),
        ("fct_quote", {"load_id"}),
    ],
)
def test_the_staged_schema_is_the_ddl_less_what_the_load_statement_supplies(table, not_staged):
    ddl = list(warehouse.ddl_columns()[table])
    assert list(normalize.staged_schemas()[table]) == [c for c in ddl if c not in not_staged]


def test_a_column_type_with_no_staged_type_is_named():
    with pytest.raises(ValueError, match="no staged Polars type for the DuckDB column type HUGEINT"):
        normalize.polars_type("HUGEINT[]")


def test_every_table_holding_article_rows_goes_with_a_superseded_page():
    """A table with an article-key column and load rows is removed with its superseded page, by declaration: the
    one exception, dim_reprint_cluster, is rewritten by cluster_reprints when a superseded page shrinks a cluster."""
    covered = {table for table, _ in tables.superseded_rows()}
    for table, columns in warehouse.ddl_columns().items():
        article_columns = [c for c in columns if c == "article_key" or c.endswith("_article_key")]
        if article_columns and "load_id" in columns and table != "dim_reprint_cluster":
            assert table in covered, f"{table} keeps the rows of superseded pages"
    assert tables.superseded_rows()[-1] == ("fct_article", "article_key")


@pytest.mark.parametrize("name", ["fct_article; drop table fct_article", "Fct_Article", "fct article", ""])
def test_only_plain_names_fill_a_template_or_a_declaration(name):
    import duckdb

    con = duckdb.connect()
    try:
        with pytest.raises(ValueError, match="not a table or column name"):
            warehouse.execute_template(con, "load/delete_superseded_rows", {"table": name, "article_column": "a"})
    finally:
        con.close()
    with pytest.raises(ValueError, match="not a table or column name"):
        tables.Table(name or "t", grain=(name,))
