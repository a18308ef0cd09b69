"""The data checks cover every table by its declaration (``sinmun.store.tables``): on the samples, loaded through
the CLI, every check passes; a violation planted in any table (a repeated grain, a null key, a load the ledger does
not know, a value outside its set) is named by its check. Each violation is planted in a transaction rolled back
after the checks ran, so one loaded warehouse serves every case."""

from __future__ import annotations

import shutil

import duckdb
import pytest

from sinmun.store import tables, warehouse

pytestmark = pytest.mark.integration  # reads the session's sample warehouse, loaded by the real `sinmun ingest`


@pytest.fixture(scope="module")
def loaded(tmp_path_factory: pytest.TempPathFactory, samples_warehouse) -> duckdb.DuckDBPyConnection:
    """A copy of the session's sample warehouse (the samples and the reference page, loaded through the CLI)."""
    db = tmp_path_factory.mktemp("checks") / "sinmun.duckdb"
    shutil.copyfile(samples_warehouse.path, db)
    con = duckdb.connect(str(db))
    yield con
    con.close()


def planted(con: duckdb.DuckDBPyConnection, check: str, *statements: str) -> list[tuple]:
    """The rows ``check`` fails with once ``statements`` ran; the warehouse is left as it was."""
    con.execute("begin transaction")
    try:
        for statement in statements:
            con.execute(statement)
        return warehouse.check_rows(con, check)
    finally:
        con.execute("rollback")


def test_every_check_passes_on_the_samples(loaded):
    assert warehouse.run_checks(loaded) == dict.fromkeys(warehouse.CHECKS, 0)
    assert set(tables.GENERATED_CHECKS) <= set(warehouse.CHECKS)


# A row for the reprint tables, which the samples leave empty (no story is printed twice in them).
_REPRINTS = (
    "insert into dim_reprint_cluster select article_key, article_key, publication_key, date_key, date_key, 2, 1, "
    "load_id from fct_article order by article_key limit 1",
    "insert into bridge_article_reprint select article_key, article_key, true, load_id from fct_article "
    "order by article_key limit 1",
    "insert into reprint_pair select a.article_key, b.article_key, 1, 1, 1, a.load_id from reprint_fingerprint a, "
    "reprint_fingerprint b where a.article_key < b.article_key order by all limit 1",
)


@pytest.mark.parametrize(
    ("table", "key_column"),
    [
        ("bridge_article_reporter", "bridge_article_reporter.(article_key, reporter_ordinal)"),
        ("fct_article_link", "fct_article_link.(article_key, link_type, target_page_number)"),
        ("fct_date_mention", "fct_date_mention.(article_key, start_char)"),
        ("fct_amount_mention", "fct_amount_mention.(article_key, start_char)"),
        ("fct_quote", "fct_quote.(article_key, quote_ordinal)"),
        ("fct_entity_mention", "fct_entity_mention.(article_key, mention_ordinal)"),
        ("fct_article", "fct_article.article_key"),
        ("reprint_band", "reprint_band.(article_key, band_hash)"),
        ("dim_reprint_cluster", "dim_reprint_cluster.reprint_cluster_key"),
        ("bridge_article_reprint", "bridge_article_reprint.article_key"),
        ("reprint_pair", "reprint_pair.(article_key, matched_article_key)"),
        ("ledger_page", "ledger_page.(page_id, load_id)"),
    ],
)
def test_a_repeated_grain_is_named(loaded, table, key_column):
    rows = planted(loaded, "unique_keys", *_REPRINTS, f"insert into {table} select * from {table} limit 1")
    assert [row[0] for row in rows] == [key_column]
    assert rows[0][2] == 2


@pytest.mark.parametrize(
    ("table", "column"),
    [
        ("bridge_article_reporter", "reporter_key"),
        ("fct_article_link", "target_page_number"),
        ("fct_date_mention", "start_char"),
        ("fct_amount_mention", "article_key"),
        ("fct_quote", "speaker_entity_key"),
        ("bridge_article_reprint", "reprint_cluster_key"),
        ("dim_reprint_cluster", "first_article_key"),
        ("fct_article", "reporter_key"),
    ],
)
def test_a_null_key_is_named_even_where_the_ddl_lost_its_constraint(loaded, table, column):
    rows = planted(
        loaded,
        "not_null_keys",
        *_REPRINTS,
        f"alter table {table} alter column {column} drop not null",
        f"update {table} set {column} = null where rowid = (select min(rowid) from {table})",
    )
    assert rows == [(table, 1)]


def _references() -> list[tuple[str, str, str]]:
    return [
        (b["table"], b["column"], b["parent"]) for b in tables.check_bindings("relationships", warehouse.ddl_columns())
    ]


@pytest.mark.parametrize(("table", "column", "parent"), _references())
def test_a_key_not_found_in_the_table_it_refers_to_is_named(loaded, table, column, parent):
    missing = "-999999" if warehouse.ddl_columns()[table][column] == "INTEGER" else "'no-such-key'"
    rows = planted(
        loaded,
        "relationships",
        *_REPRINTS,
        f"update {table} set {column} = {missing} where rowid = (select min(rowid) from {table})",
    )
    assert (f"{table}.{column} -> {parent}", 1) in rows  # and the rows referring to the changed one, if any


def test_every_reference_of_the_old_hand_written_check_is_declared():
    declared = {f"{table}.{column} -> {parent}" for table, column, parent in _references()}
    assert {
        "fct_article.date_key -> dim_date", "fct_article.reporter_key -> dim_reporter",
        "fct_entity_mention.entity_key -> dim_entity", "fct_article_link.target_article_key -> fct_article",
        "fct_quote.speaker_entity_key -> dim_entity", "dim_entity.place_key -> dim_place",
        "reprint_pair.matched_article_key -> reprint_fingerprint", "dim_reprint_cluster.first_date_key -> dim_date",
        "bridge_article_reprint.reprint_cluster_key -> dim_reprint_cluster",
    } <= declared  # fmt: skip
    for table, columns in warehouse.ddl_columns().items():  # every article row refers to its article
        if "article_key" in columns and table != "fct_article":
            assert "article_key" in tables.BY_NAME[table].references, table


def _tables_with_load_ids() -> list[str]:
    return [t for t, columns in warehouse.ddl_columns().items() if "load_id" in columns and t != "load_ledger"]


@pytest.mark.parametrize("table", _tables_with_load_ids())
def test_a_row_of_a_load_the_ledger_does_not_know_is_named(loaded, table):
    first_row = f"(select min(rowid) from {table})"
    rows = planted(
        loaded,
        "load_ids_in_ledger",
        *_REPRINTS,
        "insert into quarantine (source_path, reason, run_id, load_id, quarantined_at) "
        "select source_path, 'empty', 'run', load_id, loaded_at from ledger_page limit 1",
        f"update {table} set load_id = 'no-such-load' where rowid = {first_row}",
    )
    assert rows == [(f"{table}.load_id -> load_ledger", 1)]


def test_the_seed_rows_of_a_table_made_by_loads_alone_are_orphans(loaded):
    rows = planted(loaded, "load_ids_in_ledger", "update fct_article set load_id = 'seed' where ordinal = 1")
    assert rows and rows[0][0] == "fct_article.load_id -> load_ledger"
    assert planted(loaded, "load_ids_in_ledger", "update dim_entity set load_id = 'seed'") == []


@pytest.mark.parametrize(
    ("statement", "expected"),
    [
        ("update fct_article set kind = 'advertorial' where ordinal = 1", "fct_article.kind"),
        ("update fct_article_link set link_type = 'see_also'", "fct_article_link.link_type"),
        (
            "update fct_entity_mention set text_field = 'caption' where mention_ordinal = 1",
            "fct_entity_mention.text_field",
        ),
        ("update fct_date_mention set date_precision = 'week'", "fct_date_mention.date_precision"),
        ("update fct_quote set speaker_type = 'LOCATION'", "fct_quote.speaker_type"),
        ("update dim_entity set entity_type = 'EVENT' where entity_key <> 'unknown'", "dim_entity.entity_type"),
        ("update ledger_page set metadata_source = 'guess'", "ledger_page.metadata_source"),
    ],
)
def test_a_value_outside_its_accepted_set_is_named(loaded, statement, expected):
    rows = planted(loaded, "accepted_values", statement)
    assert [row[0] for row in rows] == [expected]


def test_the_accepted_kinds_are_the_readers(loaded):
    from sinmun.pages.reader import KINDS

    assert tables.BY_NAME["fct_article"].accepted["kind"] == KINDS
    every_kind = " union all ".join(f"select '{kind}'" for kind in KINDS)
    statement = (
        f"insert into fct_article select * replace (k.kind as kind, k.kind || article_key as article_key) "
        f"from fct_article, ({every_kind}) as k(kind) where ordinal = 1"
    )
    assert planted(loaded, "accepted_values", statement) == []


def test_a_second_current_version_of_a_page_is_named(loaded):
    rows = planted(
        loaded,
        "current_page_versions",
        "insert into ledger_page select * replace ('other' as load_id) from ledger_page "
        "where rowid = (select min(rowid) from ledger_page)",
    )
    assert len(rows) == 1 and rows[0][1] == 2
