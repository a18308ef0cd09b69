"""``sinmun search``: articles ranked by BM25 over Kiwi morphemes, on the published warehouse.

The query is read by the same analysis as the articles were at load time (``search_terms.terms``), so
``광주시`` finds ``광주시는``, ``광주시가`` and ``광주시의``. Kiwi's analysis of a query text it has seen before,
and of every term of the warehouse, comes from ``query_cache`` without loading Kiwi. Ranking runs in DuckDB
(``sql/search/bm25.sql``) through the guarded read-only runner; filters are bound parameters.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from sinmun.analytics import query_cache
from sinmun.analytics.sql_runner import QueryError, run_query
from sinmun.entities.search_terms import Snippet, snippet, terms
from sinmun.morphology import Token
from sinmun.pages.reader import KINDS
from sinmun.sql_files import sql

Tokenizer = Callable[[Sequence[str]], Iterable[list[Token]]]


@dataclass(frozen=True)
class SearchFilters:
    date_from: date | None = None
    date_to: date | None = None
    publication: str | None = None
    kind: str | None = None
    entity: str | None = None
    collapse_reprints: bool = False  # one article per reprint cluster (its best-ranked printing)


@dataclass(frozen=True)
class SearchHit:
    rank: int
    article_key: str
    score: float
    matched_terms: int
    publication_date: date | None
    publication: str
    page_number: int | None
    kind: str
    headline: str | None
    snippet: Snippet
    reprints: int | None = None  # with collapse_reprints: how many other printings the story has


@dataclass(frozen=True)
class QuoteHit:
    rank: int
    article_key: str
    quote_ordinal: int
    matched_terms: int
    publication_date: date | None
    publication: str
    page_number: int | None
    kind: str
    headline: str | None
    speaker: str | None
    speaker_type: str | None
    title: str | None
    verb: str | None
    snippet: Snippet


def query_terms(query: str, tokenizer: Tokenizer | None = None) -> list[str]:
    """The search terms of a query, in order, without repeats (by Kiwi unless another ``tokenizer`` is given)."""
    return analyse_queries([query], tokenizer)[0]


def analyse_queries(queries: Sequence[str], tokenizer: Tokenizer | None = None) -> list[list[str]]:
    """The search terms of each query, in one batched call of the tokenizer (Kiwi's full model by default)."""
    if tokenizer is None:
        from sinmun.entities.extract import kiwi_tokenizer

        tokenizer = kiwi_tokenizer
    return [list(dict.fromkeys(terms(tokens))) for tokens in tokenizer(list(queries))] if queries else []


def cached_query_terms(warehouse_path: Path, query: str) -> list[str]:
    """Kiwi's terms of ``query``: from the cache of earlier analyses when it holds this text, else by Kiwi's full
    model, after which the query and every term of the warehouse not cached yet are remembered."""
    cached = query_cache.cached_terms(query)
    if cached is not None:
        return cached
    wanted = query_terms(query)

    def warehouse_terms() -> list[str]:
        return [term for (term,) in run_query(warehouse_path, sql("search/distinct_terms"))[1]]

    query_cache.remember({query: wanted}, warehouse_terms, analyse_queries)
    return wanted


def search_quotes(
    warehouse_path: Path,
    query: str,
    filters: SearchFilters = SearchFilters(),
    *,
    limit: int = 10,
    tokenizer: Tokenizer | None = None,
    use_cache: bool = True,
    time_limit_seconds: float = 30.0,
) -> tuple[list[str], list[QuoteHit]]:
    """The query's terms and the direct quotes (``fct_quote``) that hold the most of them, latest first among
    equals; ``filters.entity`` names the speaker. QueryError as ``search``."""
    wanted, filters = _prepared(warehouse_path, query, filters, tokenizer, use_cache)
    params = {
        "terms": list(wanted), "date_from": filters.date_from, "date_to": filters.date_to,
        "publication": filters.publication, "kind": filters.kind, "entity": filters.entity, "limit": limit,
    }  # fmt: skip
    columns, rows = run_query(warehouse_path, sql("search/quotes"), params, time_limit_seconds=time_limit_seconds)
    hits = []
    for rank, row in enumerate(rows, start=1):
        record = dict(zip(columns, row, strict=True))
        hits.append(
            QuoteHit(
                rank=rank, article_key=record["article_key"], quote_ordinal=record["quote_ordinal"],
                matched_terms=record["matched_terms"], publication_date=record["publication_date"],
                publication=record["publication"], page_number=record["page_number"], kind=record["kind"],
                headline=record["headline"], speaker=record["speaker"], speaker_type=record["speaker_type"],
                title=record["title_as_written"], verb=record["reporting_verb"],
                snippet=snippet(record["quote_text"], wanted, width=240),
            )
        )  # fmt: skip
    return wanted, hits


def _prepared(
    warehouse_path: Path, query: str, filters: SearchFilters, tokenizer: Tokenizer | None, use_cache: bool
) -> tuple[list[str], SearchFilters]:
    """The query's terms and the filters with the publication as its code; QueryError for a query with no
    searchable word, an unknown kind or publication."""
    if filters.kind is not None and filters.kind not in KINDS:
        raise QueryError(f"unknown kind {filters.kind!r}; one of {', '.join(KINDS)}")
    if filters.publication is not None:
        filters = replace(filters, publication=publication_code(warehouse_path, filters.publication))
    if tokenizer is None and use_cache:
        wanted = cached_query_terms(warehouse_path, query)
    else:
        wanted = query_terms(query, tokenizer)
    if not wanted:
        raise QueryError(f"no searchable word in {query!r} (particles and endings alone are not indexed)")
    return wanted, filters


def search(
    warehouse_path: Path,
    query: str,
    filters: SearchFilters = SearchFilters(),
    *,
    limit: int = 10,
    tokenizer: Tokenizer | None = None,
    use_cache: bool = True,
    time_limit_seconds: float = 30.0,
) -> tuple[list[str], list[SearchHit]]:
    """The query's terms and the best ``limit`` articles; QueryError when the query has no searchable word.

    With Kiwi (no ``tokenizer`` given) and ``use_cache``, the query's analysis may come from ``query_cache``."""
    wanted, filters = _prepared(warehouse_path, query, filters, tokenizer, use_cache)
    return wanted, ranked(warehouse_path, wanted, filters, limit=limit, time_limit_seconds=time_limit_seconds)


def publication_code(warehouse_path: Path, publication: str) -> str:
    """The code of the publication whose code or name is ``publication``; QueryError naming those there are."""
    _, rows = run_query(warehouse_path, sql("search/publication"), {"publication": publication})
    found = [code for code, _name, wanted in rows if wanted]
    if not found:
        known = ", ".join(f"{code} ({name})" for code, name, _ in rows) or "none loaded"
        raise QueryError(f"unknown publication {publication!r}; the warehouse has {known}")
    return found[0]


def ranked(
    warehouse_path: Path,
    wanted: Sequence[str],
    filters: SearchFilters,
    *,
    limit: int = 10,
    time_limit_seconds: float = 30.0,
) -> list[SearchHit]:
    """Articles ranked for already-analysed query terms (the SQL half of ``search``)."""
    params = {
        "terms": list(wanted), "date_from": filters.date_from, "date_to": filters.date_to,
        "publication": filters.publication, "kind": filters.kind, "entity": filters.entity, "limit": limit,
        "collapse_reprints": filters.collapse_reprints,
    }  # fmt: skip
    columns, rows = run_query(warehouse_path, sql("search/bm25"), params, time_limit_seconds=time_limit_seconds)
    hits = []
    for rank, row in enumerate(rows, start=1):
        record = dict(zip(columns, row, strict=True))
        text = record["body"] or record["headline"] or ""
        hits.append(
            SearchHit(
                rank=rank, article_key=record["article_key"], score=float(record["score"]),
                matched_terms=record["matched_terms"], publication_date=record["publication_date"],
                publication=record["publication"], page_number=record["page_number"], kind=record["kind"],
                headline=record["headline"], snippet=snippet(text, wanted), reprints=record["reprints"],
            )
        )  # fmt: skip
    return hits
