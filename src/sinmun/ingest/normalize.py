"""Parsed pages -> the rows of the warehouse's tables, as Polars frames (pure: no I/O, no DuckDB).

Keys are stable, derived from what a thing is, so that loading the same pages again, in another order or
into a fresh warehouse gives the same keys:

- ``page_id``: ``<publication>/<date>/<page>`` when all three are known, else ``path:<path in the inbox>``;
- ``article_key``: hash of the page id, the article's position and its content;
- ``entity_key``: hash of the entity type and canonical name;
- ``reporter_key``: hash of ``email:<address>``, or of ``name:<publication>:<name>`` when there is no e-mail;
- ``date_key``: ``yyyymmdd``, -1 when unknown.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass
from datetime import date
from functools import cache

import polars as pl

from sinmun import reprints
from sinmun.entities.search_terms import ArticleTerms
from sinmun.reader_version import reader_version
from sinmun.store import tables, warehouse

UNKNOWN = "unknown"
UNKNOWN_DATE_KEY = -1
CALENDAR_YEARS = (1900, 2099)  # the days of dim_date (sql/seed/dim_date.sql)


@dataclass(frozen=True)
class PageRecord:
    """A parsed page (the ``sinmun parse`` contract) and where it came from."""

    parsed: dict
    source_path: str  # relative to the inbox
    metadata_source: str  # manifest | layout | header | unknown
    article_terms: tuple[ArticleTerms, ...] = ()  # search terms of each article, in order (may be empty)


def stable_hash(*parts: object) -> str:
    text = "\x1f".join("" if p is None else str(p) for p in parts)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:20]


def page_id(source: dict, source_path: str) -> str:
    pub, published, page = source.get("publication"), source.get("publication_date"), source.get("page")
    if pub and published and page:
        return f"{pub}/{published}/{page}"
    return f"path:{source_path}"


def date_key(iso: str | date | None) -> int:
    """``yyyymmdd`` for a day of the calendar dimension (1900-2099), else the unknown member."""
    if not iso:
        return UNKNOWN_DATE_KEY
    d = date.fromisoformat(iso) if isinstance(iso, str) else iso
    if not CALENDAR_YEARS[0] <= d.year <= CALENDAR_YEARS[1]:
        return UNKNOWN_DATE_KEY
    return d.year * 10000 + d.month * 100 + d.day


def reporter_id(name: str | None, email: str | None, publication: str | None) -> str | None:
    if email:
        return f"email:{email.lower()}"
    if name:
        return f"name:{publication or UNKNOWN}:{name}"
    return None


def entity_key(entity_type: str, name: str) -> str:
    return stable_hash(entity_type, name)


def article_entity_key(article_key: str, entity: dict) -> str:
    """The key of an entity of one article: its type and canonical name, and for an anonymised person (``A씨``,
    ``"anonymous": true``) the article too, so one article's ``A씨`` is never another's."""
    if entity.get("anonymous"):
        return stable_hash(entity["type"], entity["name"], article_key)
    return entity_key(entity["type"], entity["name"])


# DuckDB's column types (as duckdb_columns() names them) -> the Polars types staged for them.
_POLARS_TYPES = {
    "VARCHAR": pl.String,
    "INTEGER": pl.Int32,
    "BIGINT": pl.Int64,
    "DOUBLE": pl.Float64,
    "BOOLEAN": pl.Boolean,
    "DATE": pl.Date,
    "TIMESTAMP": pl.Datetime("us"),
}


def polars_type(duckdb_type: str) -> pl.DataType:
    """The Polars type of a DuckDB column type (a list type ``T[]`` is a Polars list of T)."""
    if duckdb_type.endswith("[]"):
        return pl.List(polars_type(duckdb_type.removesuffix("[]")))
    if duckdb_type not in _POLARS_TYPES:
        raise ValueError(f"no staged Polars type for the DuckDB column type {duckdb_type}")
    return _POLARS_TYPES[duckdb_type]


@cache
def staged_schemas() -> dict[str, dict[str, pl.DataType]]:
    """The staged Parquet schema of every staged table: its DDL's columns (``warehouse.ddl_columns``), less those
    its load statement supplies (``tables.Table.loaded_with``), in the DDL's order and types. Made on first use
    (describing the DDL takes DuckDB a fifth of a second), not on import."""
    columns = warehouse.ddl_columns()
    return {
        table.name: {
            name: polars_type(data_type)
            for name, data_type in columns[table.name].items()
            if name not in table.loaded_with
        }
        for table in tables.TABLES
        if table.staged
    }


def batch_tables(pages: list[PageRecord]) -> dict[str, pl.DataFrame]:
    """The rows one batch of pages contributes to each table (facts, ledger rows, and dimension candidates)."""
    schemas = staged_schemas()
    rows: dict[str, list[dict]] = {name: [] for name in schemas}
    for record in pages:
        _page_rows(record, rows)
    frames = {name: pl.DataFrame(rows[name], schema=schema, orient="row") for name, schema in schemas.items()}
    frames["fct_article"] = frames["fct_article"].with_columns(
        pl.col("body").fill_null("").str.len_chars().cast(pl.Int32).alias("char_count"),
        pl.when(pl.col("body").is_null())
        .then(0)
        .otherwise(pl.col("body").str.count_matches("\n\n") + 1)
        .cast(pl.Int32)
        .alias("paragraph_count"),
    )
    frames["dim_entity"] = (
        frames["dim_entity"]
        .group_by("entity_key", "entity_type", "canonical_name", "place_key", "is_anonymous", maintain_order=True)
        .agg(pl.col("aliases").list.explode(keep_nulls=False, empty_as_null=False))
        .with_columns(pl.col("aliases").list.drop_nulls().list.unique(maintain_order=True).list.sort())
        .select(list(schemas["dim_entity"]))
    )
    frames["dim_reporter"] = frames["dim_reporter"].unique("reporter_key", keep="first", maintain_order=True)
    frames["dim_publication"] = frames["dim_publication"].unique(maintain_order=True)
    return frames


def _page_rows(record: PageRecord, rows: dict[str, list[dict]]) -> None:
    source = record.parsed["source"]
    pid = page_id(source, record.source_path)
    publication = source.get("publication") or UNKNOWN
    dkey = date_key(source.get("publication_date"))
    articles = record.parsed["articles"]
    terms = record.article_terms or tuple(ArticleTerms(Counter(), Counter()) for _ in articles)
    rows["ledger_page"].append(
        {
            "page_id": pid,
            "source_path": record.source_path,
            "sha256": source["sha256"],
            "encoding": source["encoding"],
            "publication_code": source.get("publication"),
            "publication_date": _date(source.get("publication_date")),
            "page_number": source.get("page"),
            "section": source.get("section"),
            "metadata_source": record.metadata_source,
            "article_count": len(articles),
            "reader_version": reader_version(),
        }
    )
    rows["dim_publication"].append({"publication_key": publication})
    for article, article_terms in zip(articles, terms, strict=True):
        key = stable_hash(pid, article["ordinal"], article["kind"], article.get("headline"), article.get("body"))
        byline = article.get("byline") or {}
        reporter_keys = _reporters(byline, publication, rows)
        mention_count = _mentions(key, article, rows)
        rows["fct_article"].append(
            {
                "article_key": key,
                "page_id": pid,
                "date_key": dkey,
                "publication_key": publication,
                "reporter_key": reporter_keys[0] if reporter_keys else UNKNOWN,
                "page_number": source.get("page"),
                "ordinal": article["ordinal"],
                "kind": article["kind"],
                "label": article.get("label"),
                "headline": article.get("headline"),
                "subheadlines": article.get("subheadlines") or [],
                "body": article.get("body"),
                "byline_credit": byline.get("credit"),
                "byline_affiliation": byline.get("affiliation"),
                "continues_from_page": article.get("continues_from"),
                "continues_on_page": article.get("continues_on"),
                "char_count": 0,
                "paragraph_count": 0,
                "mention_count": mention_count,
                "reporter_count": len(reporter_keys),
                "term_count": article_terms.term_count,
            }
        )
        _reprint_rows(key, article, rows)
        for term, frequency in article_terms.frequency.items():
            rows["fct_article_term"].append(
                {
                    "article_key": key,
                    "term": term,
                    "term_frequency": frequency,
                    "headline_frequency": article_terms.headline_frequency.get(term, 0),
                }
            )
        for n, rkey in enumerate(reporter_keys, start=1):
            rows["bridge_article_reporter"].append({"article_key": key, "reporter_key": rkey, "reporter_ordinal": n})
        for target in article.get("cross_refs") or []:
            rows["fct_article_link"].append(
                {"article_key": key, "link_type": "cross_ref", "target_page_number": target}
            )
        for link_type, field in (("continues_on", "continues_on"), ("continues_from", "continues_from")):
            if article.get(field):
                rows["fct_article_link"].append(
                    {"article_key": key, "link_type": link_type, "target_page_number": article[field]}
                )
        for d in article.get("dates") or []:
            rows["fct_date_mention"].append(
                {
                    "article_key": key,
                    "mention_text": d["text"],
                    "date_key": date_key(d.get("date")),
                    "mentioned_date": _date(d.get("date")),
                    "date_precision": d["precision"],
                    "start_char": d["start"],
                    "end_char": d["end"],
                }
            )
        _quotes(key, article, rows)
        for a in article.get("amounts") or []:
            rows["fct_amount_mention"].append(
                {
                    "article_key": key,
                    "mention_text": a["text"],
                    "amount_value": float(a["value"]),
                    "unit": a["unit"],
                    "is_approximate": a["approximate"],
                    "start_char": a["start"],
                    "end_char": a["end"],
                }
            )


def _reprint_rows(article_key: str, article: dict, rows: dict[str, list[dict]]) -> None:
    """The article's reprint fingerprint (``sinmun.reprints``): its facts and LSH bands, when it is a story long
    enough to judge."""
    if article["kind"] not in reprints.CLUSTERED_KINDS:
        return
    printed = reprints.fingerprint(article.get("body"), reprints.body_entities(article))
    if printed is None:
        return
    rows["reprint_fingerprint"].append({"article_key": article_key, "fact_hashes": list(printed.fact_hashes)})
    rows["reprint_band"].extend({"article_key": article_key, "band_hash": band} for band in printed.band_hashes)


def _reporters(byline: dict, publication: str, rows: dict[str, list[dict]]) -> list[str]:
    names = byline.get("names") or ([byline["name"]] if byline.get("name") else [])
    keys = []
    for n, name in enumerate(names):
        email = byline.get("email") if n == 0 else None  # a joint byline's e-mail is the first reporter's
        rid = reporter_id(name, email, publication)
        if rid is None:
            continue
        rkey = stable_hash(rid)
        keys.append(rkey)
        rows["dim_reporter"].append(
            {
                "reporter_key": rkey,
                "reporter_id": rid,
                "reporter_name": name,
                "email": email,
                "role": byline.get("role"),
            }
        )
    return keys


def _mentions(article_key: str, article: dict, rows: dict[str, list[dict]]) -> int:
    mentions = []
    for entity in article.get("entities") or []:
        ekey = article_entity_key(article_key, entity)
        texts = {m["text"] for m in entity["mentions"]} | set(entity.get("aliases") or [])
        rows["dim_entity"].append(
            {
                "entity_key": ekey,
                "entity_type": entity["type"],
                "canonical_name": entity["name"],
                "aliases": sorted(t for t in texts if t != entity["name"]),
                "place_key": entity.get("place_code") or UNKNOWN,
                "is_anonymous": bool(entity.get("anonymous")),
            }
        )
        for m in entity["mentions"]:
            mentions.append((m.get("field", "body") != "body", m["start"], ekey, m))
    mentions.sort(key=lambda x: (x[0], x[1]))
    for n, (_, _, ekey, m) in enumerate(mentions, start=1):
        rows["fct_entity_mention"].append(
            {
                "article_key": article_key,
                "entity_key": ekey,
                "mention_ordinal": n,
                "mention_text": m["text"],
                "title_as_written": m.get("title"),
                "text_field": m.get("field", "body"),
                "start_char": m["start"],
                "end_char": m["end"],
            }
        )
    return len(mentions)


def _quotes(article_key: str, article: dict, rows: dict[str, list[dict]]) -> None:
    """One ``fct_quote`` row per quote; the speaker is the article's entity of that name (a PERSON, or for an ORG
    speaker the organization or the place whose government spoke), else the unknown member."""
    speaker_keys = {}
    for entity in article.get("entities") or []:
        role = "PERSON" if entity["type"] == "PERSON" else "ORG"
        speaker_keys.setdefault((role, entity["name"]), article_entity_key(article_key, entity))
    for n, quote in enumerate(article.get("quotes") or [], start=1):
        speaker = (quote.get("speaker_type"), quote.get("speaker"))
        rows["fct_quote"].append(
            {
                "article_key": article_key,
                "quote_ordinal": n,
                "speaker_entity_key": speaker_keys.get(speaker, UNKNOWN),
                "speaker_type": quote.get("speaker_type") if speaker in speaker_keys else None,
                "title_as_written": quote.get("title"),
                "reporting_verb": quote.get("verb"),
                "quote_text": quote["text"],
                "start_char": quote["start"],
                "end_char": quote["end"],
            }
        )


def _date(iso: str | None) -> date | None:
    return date.fromisoformat(iso) if iso else None
