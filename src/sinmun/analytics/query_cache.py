"""Kiwi's analyses of search queries, remembered so that most searches need no Kiwi (~2-5 s and ~500 MB to load).

The cache maps a query text to the search terms Kiwi's full model gave for exactly that text, so a hit returns what
Kiwi would: the results are the same by construction. It is filled in two ways, both with the full model, each time
a search has to load Kiwi anyway: the query itself, and every term of the warehouse not yet in the cache, each
analysed alone as a query of one word (a one-word search is the common case; a term analysed alone can give other
terms than in its article, which is why its analysis, not the term, is stored).

A query of several words is analysed whole and cached whole: Kiwi reads a word in the light of its neighbours, so
the analyses of its words one by one may differ from the analysis of the query.

The cache is an SQLite file per kiwipiepy and model version in the user's cache folder (``$SINMUN_CACHE_DIR``, else
``$XDG_CACHE_HOME/sinmun``, else ``~/.cache/sinmun``). When it cannot be read or written, searches load Kiwi as
before; nothing else changes.
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Callable, Iterable
from contextlib import closing, suppress
from importlib import metadata
from pathlib import Path

from sinmun.sql_files import sql

SQLITE_TIMEOUT_SECONDS = 5.0


def cache_folder() -> Path:
    configured = os.environ.get("SINMUN_CACHE_DIR")
    if configured:
        return Path(configured)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "sinmun"


def cache_path() -> Path:
    """The cache file for the installed Kiwi: another kiwipiepy or model version may analyse differently."""
    versions = []
    for package in ("kiwipiepy", "kiwipiepy_model"):
        try:
            versions.append(metadata.version(package))
        except metadata.PackageNotFoundError:
            versions.append("none")
    return cache_folder() / f"search-queries-kiwi{versions[0]}-model{versions[1]}.sqlite"


def cached_terms(query: str) -> list[str] | None:
    """The terms Kiwi gave for ``query`` when it was analysed before, else None."""
    path = cache_path()
    if not path.exists():
        return None
    try:
        with closing(sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True, timeout=SQLITE_TIMEOUT_SECONDS)) as con:
            row = con.execute(sql("search/query_cache_lookup"), (query,)).fetchone()
    except sqlite3.Error:
        return None
    return json.loads(row[0]) if row else None


def remember(
    analysed: dict[str, list[str]],
    more_queries: Callable[[], Iterable[str]] = tuple,
    analyse: Callable[[list[str]], list[list[str]]] | None = None,
) -> None:
    """Store ``analysed`` (query text -> Kiwi's terms) and, with ``analyse``, the analyses of those of
    ``more_queries()`` the cache does not hold yet. Errors (a read-only home, a full disk) leave the cache as it was."""
    with suppress(sqlite3.Error, OSError):
        path = cache_path()
        path.parent.mkdir(parents=True, exist_ok=True)
        with closing(sqlite3.connect(path, timeout=SQLITE_TIMEOUT_SECONDS)) as con, con:
            con.execute(sql("search/query_cache_schema"))
            rows = dict(analysed)
            if analyse is not None:
                known = {query for (query,) in con.execute(sql("search/query_cache_known"))}
                missing = [query for query in dict.fromkeys(more_queries()) if query not in known and query not in rows]
                rows.update(zip(missing, analyse(missing), strict=True))
            con.executemany(
                sql("search/query_cache_insert"),
                [(query, json.dumps(terms, ensure_ascii=False)) for query, terms in rows.items()],
            )
