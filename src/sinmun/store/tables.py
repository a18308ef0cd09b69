"""The warehouse's tables, each declared once: what a table is besides its columns.

A table's columns and types are its DDL (``sql/ddl/<table>.sql``); the staged Parquet schema is derived from them
(``sinmun.ingest.normalize.staged_schemas()``: the DDL's columns less those the load statement supplies). This module
declares the rest, and everything that must cover every table is generated from it:

- the order in which ``ensure_schema`` runs the DDL files (``ddl``), and in which a load inserts the staged tables
  (``load_statement``);
- the data checks (``sql/checks/``): ``unique_keys`` over each table's ``grain``, ``not_null_keys`` over its grain
  and ``not_null`` columns, ``relationships`` over its ``references``, ``accepted_values`` over its ``accepted`` columns, ``load_ids_in_ledger`` over every
  table with a ``load_id`` column (``seeded`` tables may also hold ``'seed'``);
- the delete of a superseded page's rows (``page_rows``: the columns holding the article keys of its rows).

Adding a fact table: its DDL, its load statement, its rows in ``normalize``, and its ``Table`` here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from types import MappingProxyType

from sinmun.pages.kinds import KINDS

ENTITY_TYPES = ("PERSON", "ORG", "LOCATION", "UNKNOWN")
SPEAKER_TYPES = ("PERSON", "ORG")
LINK_TYPES = ("cross_ref", "continues_on", "continues_from")
DATE_PRECISIONS = ("day", "month", "year")
TEXT_FIELDS = ("body", "headline")
METADATA_SOURCES = ("manifest", "layout", "header", "unknown")

IDENTIFIER = re.compile(r"[a-z][a-z0-9_]*")


@dataclass(frozen=True)
class Table:
    name: str
    grain: tuple[str, ...] = ()  # the columns that identify a row: unique and never null
    not_null: tuple[str, ...] = ()  # further key columns that must never be null
    accepted: MappingProxyType = field(default_factory=lambda: MappingProxyType({}))  # column -> accepted values
    references: MappingProxyType = field(default_factory=lambda: MappingProxyType({}))  # column -> "table.column"
    seeded: bool = False  # holds rows generated with the schema (load_id 'seed')
    staged: bool = False  # a batch stages rows for it (Parquet), inserted by ``load/<load_statement>``
    load_statement: str = ""  # default ``insert_<name>``
    loaded_with: tuple[str, ...] = ("load_id",)  # columns the load statement supplies, not the staged rows
    page_rows: tuple[str, ...] = ()  # article-key columns: its rows go when their article's page is superseded
    ddl: tuple[str, ...] = ()  # its files in sql/ddl/ in order; default (name,)

    def __post_init__(self) -> None:
        names = (self.name, *self.grain, *self.not_null, *self.accepted, *self.loaded_with, *self.page_rows)
        names += (*self.references, *(part for target in self.references.values() for part in target.split(".", 1)))
        for name in names:
            if not IDENTIFIER.fullmatch(name):
                raise ValueError(f"not a table or column name: {name!r}")

    @property
    def ddl_files(self) -> tuple[str, ...]:
        return self.ddl or (self.name,)

    @property
    def load_file(self) -> str:
        return self.load_statement or f"insert_{self.name}"

    @property
    def keys(self) -> tuple[str, ...]:
        """The columns checked not null: the grain, then the other key columns."""
        return tuple(dict.fromkeys((*self.grain, *self.not_null)))


def _accepted(**columns: tuple[str, ...]) -> MappingProxyType:
    return MappingProxyType(columns)


def _references(**columns: str) -> MappingProxyType:
    return MappingProxyType(columns)


_ARTICLE = "fct_article.article_key"


def _article_fact(name: str, *, grain: tuple[str, ...], references: dict[str, str] | None = None, **declared) -> Table:
    """A table of an article's rows: staged with the article, its ``article_key`` refers to ``fct_article``, and
    its rows go with their article's superseded page."""
    references = _references(article_key=_ARTICLE, **(references or {}))
    return Table(name, grain=grain, references=references, staged=True, page_rows=("article_key",), **declared)


# In creation order (sql/ddl); staged tables are loaded in this order too.
TABLES = (
    Table("warehouse_schema"),
    Table("ingest_run", grain=("run_id",)),
    Table("load_ledger", grain=("load_id",)),
    Table(
        "ledger_page",
        grain=("page_id", "load_id"),
        not_null=("sha256",),
        accepted=_accepted(metadata_source=METADATA_SOURCES),
        staged=True,
        loaded_with=("load_id", "loaded_at", "is_current"),
        ddl=("ledger_page", "ledger_page_reader_version"),
    ),
    Table("quarantine", not_null=("source_path", "run_id", "load_id")),
    Table("dim_date", grain=("date_key",), seeded=True),
    Table(
        "dim_publication",
        grain=("publication_key",),
        seeded=True,
        staged=True,
        loaded_with=("publication_name", "web_domain", "load_id"),
    ),
    Table("dim_reporter", grain=("reporter_key",), seeded=True, staged=True),
    Table("dim_place", grain=("place_key",), seeded=True),
    Table(
        "dim_entity",
        grain=("entity_key",),
        references=_references(place_key="dim_place.place_key"),
        not_null=("canonical_name",),
        accepted=_accepted(entity_type=ENTITY_TYPES),
        seeded=True,
        staged=True,
        load_statement="merge_dim_entity",
    ),
    Table(
        "fct_article",
        grain=("article_key",),
        references=_references(
            date_key="dim_date.date_key",
            publication_key="dim_publication.publication_key",
            reporter_key="dim_reporter.reporter_key",
        ),
        not_null=("page_id", "date_key", "publication_key", "reporter_key"),
        accepted=_accepted(kind=KINDS),
        staged=True,
        page_rows=("article_key",),
    ),
    _article_fact(
        "fct_entity_mention",
        grain=("article_key", "mention_ordinal"),
        not_null=("entity_key",),
        references={"entity_key": "dim_entity.entity_key"},
        accepted=_accepted(text_field=TEXT_FIELDS),
    ),
    _article_fact(
        "bridge_article_reporter",
        grain=("article_key", "reporter_ordinal"),
        not_null=("reporter_key",),
        references={"reporter_key": "dim_reporter.reporter_key"},
    ),
    _article_fact(
        "fct_article_link",
        grain=("article_key", "link_type", "target_page_number"),
        references={"target_article_key": _ARTICLE},
        accepted=_accepted(link_type=LINK_TYPES),
        loaded_with=("target_article_key", "load_id"),
    ),
    _article_fact(
        "fct_date_mention",
        grain=("article_key", "start_char"),
        not_null=("date_key",),
        references={"date_key": "dim_date.date_key"},
        accepted=_accepted(date_precision=DATE_PRECISIONS),
    ),
    _article_fact("fct_amount_mention", grain=("article_key", "start_char")),
    _article_fact(
        "fct_quote",
        grain=("article_key", "quote_ordinal"),
        not_null=("speaker_entity_key", "load_id"),
        references={"speaker_entity_key": "dim_entity.entity_key"},
        accepted=_accepted(speaker_type=SPEAKER_TYPES),
    ),
    _article_fact("fct_article_term", grain=("article_key", "term")),
    _article_fact("reprint_fingerprint", grain=("article_key",)),
    Table(
        "reprint_band",
        grain=("article_key", "band_hash"),
        references=_references(article_key="reprint_fingerprint.article_key"),
        staged=True,
        page_rows=("article_key",),
    ),
    Table(
        "reprint_pair",
        references=_references(
            article_key="reprint_fingerprint.article_key", matched_article_key="reprint_fingerprint.article_key"
        ),
        grain=("article_key", "matched_article_key"),
        page_rows=("article_key", "matched_article_key"),
    ),
    # Rewritten whole by cluster_reprints when a superseded page shrinks a cluster (load/replace_reprint_clusters).
    Table(
        "dim_reprint_cluster",
        grain=("reprint_cluster_key",),
        not_null=("first_article_key",),
        references=_references(first_date_key="dim_date.date_key"),
    ),
    Table(
        "bridge_article_reprint",
        references=_references(article_key=_ARTICLE, reprint_cluster_key="dim_reprint_cluster.reprint_cluster_key"),
        grain=("article_key",),
        not_null=("reprint_cluster_key",),
        page_rows=("article_key",),
    ),
)

BY_NAME = MappingProxyType({table.name: table for table in TABLES})


def ddl_order() -> tuple[str, ...]:
    """The files of sql/ddl/ in the order that creates the schema."""
    return tuple(name for table in TABLES for name in table.ddl_files)


def load_order() -> tuple[tuple[str, str], ...]:
    """(table, statement in sql/load/) of every staged table, in load order."""
    return tuple((table.name, table.load_file) for table in TABLES if table.staged)


def superseded_rows() -> tuple[tuple[str, str], ...]:
    """(table, article-key column) of every row a superseded page takes with it; ``fct_article`` last, since the
    other rows are found by its articles."""
    pairs = [(table.name, column) for table in TABLES for column in table.page_rows]
    return tuple(sorted(pairs, key=lambda pair: pair[0] == "fct_article"))


# The data checks in sql/checks/ written once for every table: each runs once per binding.
GENERATED_CHECKS = ("unique_keys", "not_null_keys", "relationships", "accepted_values", "load_ids_in_ledger")


def check_bindings(check: str, columns: dict[str, dict[str, str]]) -> list[dict]:
    """The parameters ``sql/checks/<check>.sql`` runs with, one dict per table (or column) it covers. ``columns``:
    each table's columns as its DDL declares them (``warehouse.ddl_columns``); a declared column the DDL lacks is an
    error here, never a check that silently covers less."""
    for table in TABLES:
        declared = [*table.keys, *table.accepted, *table.page_rows, *table.references]
        missing = [c for c in declared if c not in columns[table.name]]
        missing += [t for t in table.references.values() if t.split(".")[1] not in columns.get(t.split(".")[0], ())]
        if missing:
            raise ValueError(f"{table.name} declares columns its DDL does not have: {', '.join(missing)}")
    if check == "unique_keys":
        return [{"table": t.name, "grain": list(t.grain)} for t in TABLES if t.grain]
    if check == "not_null_keys":
        return [{"table": t.name, "keys": list(t.keys)} for t in TABLES if t.keys]
    if check == "relationships":
        return [
            {"table": t.name, "column": column, "parent": target.split(".")[0], "parent_column": target.split(".")[1]}
            for t in TABLES
            for column, target in t.references.items()
        ]
    if check == "accepted_values":
        return [
            {"table": t.name, "column": column, "accepted": list(values)}
            for t in TABLES
            for column, values in t.accepted.items()
        ]
    if check == "load_ids_in_ledger":
        return [
            {"table": t.name, "seeded": t.seeded}
            for t in TABLES
            if "load_id" in columns[t.name] and t.name != "load_ledger"
        ]
    raise ValueError(f"not a generated check: {check!r}")
