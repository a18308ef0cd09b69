"""The one module that opens DuckDB: schema, loads, checks, publishing.

Two files make a warehouse: the loader's own file (``--warehouse PATH``), which only
the ingest flow opens, for writing; and its published copy (``PATH`` with the suffix
``.published.duckdb``), which analysts open read-only. Each successful load is
published by copying the loader's file beside the published one and renaming it over
it: a rename is atomic, so an analyst sees the old state or the new one, never a mix,
and an analyst's open session never blocks a load (it keeps reading the old file).

Every statement comes from a file under ``sql/``.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache
from pathlib import Path

import duckdb

from sinmun import __version__
from sinmun.sql_files import sql
from sinmun.store import tables

# The table layout's version: bump it when a table or column changes (see sql/ddl/warehouse_schema.sql).
SCHEMA_VERSION = 4
# The DDL files in creation order, and the staged tables with their load statements in load order: both from the
# tables' declarations (sinmun.store.tables).
DDL_ORDER = tables.ddl_order()
LOAD_ORDER = tables.load_order()
# The marts (sql/marts/): views over the tables, one definition per question analysts ask, in creation order (a
# mart may read the ones before it). Views hold no data, so they are not part of the table layout (SCHEMA_VERSION):
# every open for writing creates them again (see ``create_marts``).
MART_ORDER = (
    "mart_article", "mart_entity_mention", "mart_place_mention", "mart_reporter_article", "mart_quote",
    "mart_reprint_printing",
)  # fmt: skip
# The data checks (sql/checks/), in the order they run; those in tables.GENERATED_CHECKS run once for every table
# declared with what they check.
CHECKS = (
    "unique_keys",
    "current_page_versions",
    "not_null_keys",
    "relationships",
    "articles_on_current_pages",
    "load_ids_in_ledger",
    "accepted_values",
    "pages_have_articles",
    "ledger_reconciles",
    "reprint_clusters",
)


class WarehouseBusy(RuntimeError):
    """Another process holds the warehouse file for writing."""


class SchemaMismatch(RuntimeError):
    """The warehouse file was created with another table layout than this sinmun writes."""


class ChecksFailed(RuntimeError):
    def __init__(self, failures: dict[str, list[tuple]]):
        self.failures = failures
        lines = [f"{name}: {len(rows)} failing row(s), e.g. {rows[:3]}" for name, rows in failures.items()]
        super().__init__("data checks failed:\n  " + "\n  ".join(lines))


class LoadsUndone(RuntimeError):
    """A run's data checks failed: its loads were undone (the warehouse is back at its published state) and the
    files it loaded are quarantined as ``failed-checks``."""


def statements(text: str) -> list[str]:
    """The statements of a SQL file (split at semicolons that end a line; our SQL has none inside strings)."""
    return [part.strip() for part in re.split(r";\s*(?:\n|$)", text) if _has_code(part)]


def _has_code(part: str) -> bool:
    return any(line.strip() and not line.strip().startswith("--") for line in part.splitlines())


def execute_template(con: duckdb.DuckDBPyConnection, name: str, identifiers: dict[str, str]) -> None:
    """Run ``sql/<name>.sql`` with its ``{placeholders}`` filled in: the names of tables and columns a statement
    cannot take as parameters (a delete's table), always names declared in ``sinmun.store.tables``."""
    for value in identifiers.values():
        if not tables.IDENTIFIER.fullmatch(value):
            raise ValueError(f"not a table or column name: {value!r}")
    execute_file(con, name, template=identifiers)


def execute_file(
    con: duckdb.DuckDBPyConnection, name: str, params: dict | None = None, *, template: dict[str, str] | None = None
) -> None:
    """Run every statement of ``sql/<name>.sql``, each bound to the parameters it uses."""
    text = sql(name).format(**template) if template else sql(name)
    for statement in statements(text):
        used = {k: v for k, v in (params or {}).items() if f"${k}" in statement}
        con.execute(statement, used or None)


PUBLISHED_SUFFIX = ".published.duckdb"


def published_path(path: Path) -> Path:
    return path.with_name(path.stem + PUBLISHED_SUFFIX)


def loader_path(path: Path) -> Path:
    """The loader's file a path names for an analyst: itself, or, for the published copy
    (``sinmun.published.duckdb``), the file it is published from (``sinmun.duckdb``)."""
    path = Path(path)
    if path.name.endswith(PUBLISHED_SUFFIX) and len(path.name) > len(PUBLISHED_SUFFIX):
        return path.with_name(path.name.removesuffix(PUBLISHED_SUFFIX) + ".duckdb")
    return path


def default_warehouse() -> Path:
    configured = os.environ.get("SINMUN_WAREHOUSE")
    return Path(configured) if configured else Path.cwd() / "warehouse" / "sinmun.duckdb"


# DuckDB's memory for the loader's work (loads, checks), beyond which it spills to ``<file>.tmp``: without a limit
# it takes up to 80% of RAM, and the end-of-run checks over the whole warehouse grew the loader with the archive.
LOADER_MEMORY_LIMIT = os.environ.get("SINMUN_LOADER_MEMORY_LIMIT", "256MB")


@contextmanager
def connect(path: Path, *, read_only: bool = False, wait_seconds: float = 0.0) -> Iterator[duckdb.DuckDBPyConnection]:
    """Open a warehouse file, retrying while another process holds its lock; always closes it. A writable
    connection (the loader's) works within ``LOADER_MEMORY_LIMIT``."""
    deadline = time.monotonic() + wait_seconds
    config = {} if read_only else {"memory_limit": LOADER_MEMORY_LIMIT}
    while True:
        try:
            con = duckdb.connect(str(path), read_only=read_only, config=config)
            break
        except duckdb.IOException as err:
            if "lock" not in str(err).lower():
                raise
            if time.monotonic() >= deadline:
                raise _held_elsewhere(path, err) from None
            time.sleep(0.2)
    try:
        yield con
    finally:
        con.close()


def connect_for_analysts(
    published: Path, *, memory_limit: str, spill_folder: Path, spill_limit: str
) -> duckdb.DuckDBPyConnection:
    """The published copy for an analyst's query (``sinmun.analytics.sql_runner``): read-only, no external access
    (no ``read_csv``, no files), DuckDB's buffer manager within ``memory_limit``, spilling at most ``spill_limit``
    to ``spill_folder``, the configuration locked so that the query cannot lift any of it. The caller closes it."""
    config = {
        "enable_external_access": False,
        "memory_limit": memory_limit,
        "temp_directory": str(spill_folder),
        "max_temp_directory_size": spill_limit,
        "lock_configuration": True,
    }
    return duckdb.connect(str(published), read_only=True, config=config)


# DuckDB's lock error names the program and process that hold the file.
_LOCK_HOLDER = re.compile(r"Conflicting lock is held in (?P<program>.+?) \(PID (?P<pid>\d+)\)")


def _held_elsewhere(path: Path, err: duckdb.Error) -> WarehouseBusy:
    """What holds the warehouse file (DuckDB's lock error gives the process; its command line says what it is) and
    what to do. sinmun's own writers take the writer lock first, so the holder is another program: a notebook, a
    script or the DuckDB shell that opened the loader's file instead of the published copy."""
    found = _LOCK_HOLDER.search(str(err))
    if not found:
        holder = " ".join(str(err).split())
    else:
        pid = int(found["pid"])
        holder = f"PID {pid}, {found['program']}"
        with suppress(Exception):  # gone meanwhile, or another user's: the program's path is all there is
            import psutil

            command = " ".join(" ".join(psutil.Process(pid).cmdline()).split())  # one line, even for `python -c`
            holder = f"PID {pid}: {command[:200]}"
    return WarehouseBusy(
        f"{path} is held open by another program ({holder}); close its connection to this file (in a notebook: "
        f"con.close(), or restart the kernel) and run again. To read the warehouse while it loads, open the "
        f"published copy {published_path(Path(path))} read-only"
    )


def ensure_schema(con: duckdb.DuckDBPyConnection) -> None:
    """Create the tables that are missing and seed the calendar, publications, places and unknown members.

    Raises SchemaMismatch for a warehouse created with another table layout."""
    _check_layout(con)
    for name in DDL_ORDER:
        execute_file(con, f"ddl/{name}")
    execute_file(
        con,
        "seed/warehouse_schema",
        {"schema_version": SCHEMA_VERSION, "created_by": __version__, "created_at": _utcnow()},
    )
    execute_file(con, "seed/dim_date")
    _seed_publications(con)
    _seed_places(con)
    execute_file(con, "seed/unknown_members")
    create_marts(con)


def create_marts(con: duckdb.DuckDBPyConnection) -> None:
    """Create, or replace with this sinmun's definitions, the views in ``sql/marts/``. Run on every open for
    writing: a warehouse made before a mart existed (or changed) gets it at its next ingest, without a reload, and
    its published copy with the next publish (``published_is_current`` asks for one when the marts differ)."""
    for name in MART_ORDER:
        execute_file(con, f"marts/{name}")


def marts_signature() -> str:
    """A digest of this sinmun's mart definitions: publishing records it, so that a published copy made with other
    marts (or before there were any) is not current."""
    digest = hashlib.sha256()
    for name in MART_ORDER:
        digest.update(sql(f"marts/{name}").encode("utf-8"))
    return digest.hexdigest()[:16]


@cache
def ddl_columns() -> dict[str, dict[str, str]]:
    """Each table's columns and their DuckDB types, as the DDL files create them (in an empty in-memory database):
    the one declaration of the columns, which the staged Parquet schema (``sinmun.ingest.normalize.staged_schemas()``) and
    the checks take theirs from."""
    con = duckdb.connect()
    try:
        for name in DDL_ORDER:
            execute_file(con, f"ddl/{name}")
        columns: dict[str, dict[str, str]] = {}
        for table, column, data_type in con.execute(sql("queries/table_columns")).fetchall():
            columns.setdefault(table, {})[column] = data_type
        return columns
    finally:
        con.close()


def check_layout(path: Path) -> None:
    """Raise SchemaMismatch when the warehouse file exists with another table layout than this sinmun writes."""
    if path.exists():
        with connect(path, read_only=True) as con:
            _check_layout(con)


def _check_layout(con: duckdb.DuckDBPyConnection) -> None:
    existing = {row[0] for row in con.execute(sql("queries/existing_tables")).fetchall()}
    found = con.execute(sql("queries/schema_version")).fetchone()[0] if "warehouse_schema" in existing else None
    if existing and found != SCHEMA_VERSION:
        raise SchemaMismatch(
            f"this warehouse has table layout version {found or 1}, this sinmun writes version {SCHEMA_VERSION}: "
            "ingest into a new warehouse file (--warehouse NEW_PATH) and re-run your ingests there"
        )


def _seed_publications(con: duckdb.DuckDBPyConnection) -> None:
    from sinmun.pages.publications import known_publications

    rows = [(p.code, p.name, p.domain) for p in known_publications()]
    con.executemany(sql("seed/dim_publication"), rows)


def _seed_places(con: duckdb.DuckDBPyConnection) -> None:
    if con.execute(sql("queries/place_count")).fetchone()[0] > 1:
        return
    from sinmun.entities import places

    rows = []
    for place in places.all_places():
        chain = [place, *places.ancestors(place)]
        province = next((p for p in chain if p.level == 1), None)
        city = next((p for p in chain if p.level == 2), None)
        rows.append(
            (
                place.code, place.name, place.kind, place.level, place.parent_code,
                province.code if province else None, province.name if province else None,
                city.code if city else None, city.name if city else None,
            )
        )  # fmt: skip
    columns = ("place_key", "place_name", "place_kind", "place_level", "parent_place_key", "province_key",
               "province_name", "city_key", "city_name")  # fmt: skip
    execute_file(
        con,
        "seed/dim_place",
        {name: list(values) for name, values in zip(columns, zip(*rows, strict=True), strict=True)},
    )


def loaded_page_versions(con: duckdb.DuckDBPyConnection) -> dict[str, str]:
    """sha256 -> page_id of every page version ever loaded (current or superseded)."""
    return dict(con.execute(sql("queries/loaded_page_versions")).fetchall())


def reprocess_candidates(
    con: duckdb.DuckDBPyConnection, *, publication: str | None = None, date_from=None, date_to=None
) -> list[dict]:
    """The current version of each loaded page (optionally of one publication, between two dates), with the
    metadata and reading version it was loaded with (``sql/queries/reprocess_candidates.sql``)."""
    params = {"publication": publication, "date_from": date_from, "date_to": date_to}
    return _rows(con.execute(sql("queries/reprocess_candidates"), params))


def pages_without_date_or_page(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    """How many current pages were loaded without a date, without a page number, and without either."""
    return _rows(con.execute(sql("queries/pages_without_date_or_page")))[0]


@dataclass(frozen=True)
class LoadSummary:
    load_id: str
    pages: int
    articles: int
    mentions: int
    quarantined: int


class LoadMismatch(RuntimeError):
    """A load wrote other row counts than were staged: it is rolled back."""


# Staged tables whose row count must equal the rows a load writes for them (sql/queries/rows_of_load.sql).
VERIFIED_TABLES = ("ledger_page", "fct_article", "fct_entity_mention", "fct_article_term")


def load_batch(
    con: duckdb.DuckDBPyConnection,
    staged: dict[str, str],
    *,
    run_id: str,
    batch_number: int,
    started_at: datetime,
    quarantined: list[dict] | tuple = (),
) -> LoadSummary:
    """Load one staged batch (table -> Parquet path) and its quarantined files in one transaction, with its row
    in the load ledger: afterwards the load is complete and recorded, or absent. ``staged`` may be empty (a batch
    whose every file was refused)."""
    load_id = f"{run_id}-{batch_number:04d}"
    counts = {
        name: con.execute(sql("queries/count_staged_rows"), {"staged": path}).fetchone()[0]
        for name, path in staged.items()
    }
    con.execute("begin transaction")
    try:
        if staged:
            shrunk_clusters = []
            if con.execute(sql("queries/superseded_page_count"), {"staged_pages": staged["ledger_page"]}).fetchone()[0]:
                shrunk_clusters = [key for (key,) in con.execute(
                    sql("queries/reprint_clusters_of_pages"), {"staged_pages": staged["ledger_page"]}).fetchall()]  # fmt: skip
                execute_file(con, "load/delete_superseded_pages", {"staged_pages": staged["ledger_page"]})
                for table, column in tables.superseded_rows():
                    execute_template(con, "load/delete_superseded_rows", {"table": table, "article_column": column})
            for table, statement in LOAD_ORDER:
                params = {"staged": staged[table], "load_id": load_id, "loaded_at": _utcnow()}
                execute_file(con, f"load/{statement}", params)
            execute_file(con, "load/stitch_article_links")
            cluster_reprints(con, load_id, shrunk_clusters)
            _verify_rows(con, load_id, counts)
            execute_file(
                con, "load/resolve_quarantine", {"staged_pages": staged["ledger_page"], "loaded_at": _utcnow()}
            )
        for row in quarantined:
            con.execute(
                sql("load/insert_quarantine"),
                {
                    "source_path": row["source_path"], "quarantine_path": row.get("quarantine_path"),
                    "sha256": row.get("sha256"), "reason": row["reason"], "detail": row.get("detail"),
                    "run_id": row.get("run_id") or run_id, "load_id": load_id, "quarantined_at": _utcnow(),
                },
            )  # fmt: skip
        execute_file(
            con,
            "load/insert_load_ledger",
            {
                "load_id": load_id, "run_id": run_id, "batch_number": batch_number, "code_version": __version__,
                "started_at": started_at, "finished_at": _utcnow(), "page_count": counts.get("ledger_page", 0),
                "article_count": counts.get("fct_article", 0), "mention_count": counts.get("fct_entity_mention", 0),
                "quarantined_count": len(quarantined),
            },
        )  # fmt: skip
        con.execute("commit")
    except BaseException:
        _rollback(con)
        raise
    return LoadSummary(
        load_id, counts.get("ledger_page", 0), counts.get("fct_article", 0), counts.get("fct_entity_mention", 0),
        len(quarantined),
    )  # fmt: skip


def cluster_reprints(con: duckdb.DuckDBPyConnection, load_id: str, shrunk_clusters: list[str] = ()) -> int:
    """Find the reprints of a load's articles among all articles loaded (``sinmun.reprints``), store the verified
    pairs and rewrite the clusters they join, and those a superseded page shrank (``shrunk_clusters``). Runs
    inside the load's transaction. Returns how many pairs were verified."""
    from sinmun import reprints

    candidates = con.execute(
        sql("queries/reprint_candidates"),
        {"load_id": load_id, "fact_overlap_threshold": reprints.FACT_OVERLAP_THRESHOLD},
    ).fetchall()
    pairs = []
    if candidates:
        keys = sorted({key for pair in candidates for key in pair})
        found = con.execute(sql("queries/reprint_articles"), {"article_keys": keys}).fetchall()
        bodies = {key: body for key, body, _ in found}
        facts = {key: fact_hashes for key, _, fact_hashes in found}
        pairs = reprints.verified_pairs(candidates, bodies, facts)
    if pairs:
        execute_file(
            con,
            "load/insert_reprint_pair",
            {
                "article_keys": [a for a, _, _ in pairs], "matched_article_keys": [b for _, b, _ in pairs],
                "containments": [c.containment for _, _, c in pairs], "jaccards": [c.jaccard for _, _, c in pairs],
                "fact_overlaps": [c.fact_overlap for _, _, c in pairs], "load_id": load_id,
            },
        )  # fmt: skip
    joined = sorted({key for a, b, _ in pairs for key in (a, b)})
    if not joined and not shrunk_clusters:
        return 0
    edges = con.execute(
        sql("queries/reprint_cluster_members"), {"article_keys": joined, "cluster_keys": list(shrunk_clusters)}
    ).fetchall()
    members = sorted({a for a, _ in edges})
    assignment = reprints.clusters(members, [(a, b) for a, b in edges if b is not None])
    execute_file(
        con,
        "load/replace_reprint_clusters",
        {
            "members": members, "old_cluster_keys": list(shrunk_clusters), "article_keys": list(assignment),
            "cluster_keys": list(assignment.values()), "load_id": load_id,
        },
    )  # fmt: skip
    return len(pairs)


def _rollback(con: duckdb.DuckDBPyConnection) -> None:
    """Roll back, unless the failure already ended the transaction (a failed commit: the disk is full, say)."""
    with suppress(duckdb.Error):
        con.execute("rollback")


def _verify_rows(con: duckdb.DuckDBPyConnection, load_id: str, staged_counts: dict[str, int]) -> None:
    cursor = con.execute(sql("queries/rows_of_load"), {"load_id": load_id})
    written = dict(zip([d[0] for d in cursor.description], cursor.fetchone(), strict=True))
    wrong = {t: (staged_counts[t], written[t]) for t in VERIFIED_TABLES if staged_counts[t] != written[t]}
    if wrong:
        detail = ", ".join(f"{t}: {s} staged, {w} written" for t, (s, w) in wrong.items())
        raise LoadMismatch(f"load {load_id} wrote other row counts than were staged ({detail})")


def quarantined_files(con: duckdb.DuckDBPyConnection, *, reason: str = "", run_id: str = "") -> list[dict]:
    """The latest refusal of each quarantined path not loaded since (``sql/queries/quarantine_list.sql``)."""
    params = {"include_resolved": False, "reason": reason, "run_id": run_id}
    return _rows(con.execute(sql("queries/quarantine_list"), params))


def refusals_in_place(con: duckdb.DuckDBPyConnection) -> set[tuple[str, str, str]]:
    """(source path, reason, detail) of the standing refusals of files never moved: open or dismissed
    (``sql/queries/refusals_in_place.sql``)."""
    return {tuple(row) for row in con.execute(sql("queries/refusals_in_place")).fetchall()}


def dismiss_refusals(
    con: duckdb.DuckDBPyConnection, *, source_paths: list[str], reason: str = "", run_id: str = ""
) -> list[str]:
    """End the open refusals of these paths (all paths when empty) with this reason prefix and run: they need no
    retry. Returns the paths dismissed."""
    params = {"source_paths": source_paths, "reason": reason, "run_id": run_id, "dismissed_at": _utcnow()}
    return sorted({path for (path,) in con.execute(sql("load/dismiss_quarantine"), params).fetchall()})


def record_run(con: duckdb.DuckDBPyConnection, summary: dict, *, inbox: str, started_at: datetime) -> None:
    """The run's accounting of every file it saw, in the warehouse beside its loads."""
    execute_file(
        con,
        "load/insert_ingest_run",
        {
            "run_id": summary["run_id"], "flow_run_id": summary.get("flow_run_id"), "inbox": inbox, "code_version": __version__, "started_at": started_at,
            "finished_at": _utcnow(), "pages_seen": summary["pages_seen"], "pages_loaded": summary["pages_loaded"],
            "pages_skipped_duplicate": summary["pages_skipped_duplicate"],
            "pages_quarantined": summary["pages_quarantined"], "pages_deferred": summary["pages_deferred"],
            "articles_loaded": summary["articles"], "mentions_loaded": summary["mentions"],
            "load_count": len(summary["loads"]),
        },
    )  # fmt: skip


def run_checks(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    """Run every data check; raise ChecksFailed listing the failures, else return each check's row count (0)."""
    failures: dict[str, list[tuple]] = {}
    for name in CHECKS:
        rows = check_rows(con, name)
        if rows:
            failures[name] = rows
    if failures:
        raise ChecksFailed(failures)
    return dict.fromkeys(CHECKS, 0)


def check_rows(con: duckdb.DuckDBPyConnection, name: str) -> list[tuple]:
    """The failing rows of one data check (``sql/checks/<name>.sql``); a generated check runs once for each table
    its rule covers (``tables.check_bindings``), its rows together."""
    if name not in tables.GENERATED_CHECKS:
        return con.execute(sql(f"checks/{name}")).fetchall()
    rows = []
    for binding in tables.check_bindings(name, ddl_columns()):
        rows += con.execute(sql(f"checks/{name}"), binding).fetchall()
    return rows


def pages_of_loads(con: duckdb.DuckDBPyConnection, load_ids: list[str]) -> list[dict]:
    """``source_path``, ``sha256`` and ``page_id`` of every page version these loads loaded."""
    return _rows(con.execute(sql("queries/pages_of_loads"), {"load_ids": list(load_ids)}))


def restore_published(path: Path) -> tuple[bool, list[dict]]:
    """Put the loader's file back at the published copy's state, the last one that passed the data checks (the
    loader must be closed; hold the writer lock). With no published copy, the loader's file is removed (the next
    open creates an empty warehouse). Returns whether a published copy was restored, and the quarantine rows the
    restore dropped: those of loads the restored state does not hold, whose files were moved already.

    The published copy is only copied, never opened (an analyst may hold it open). The loader's write-ahead log
    goes first (a log replayed onto another file would corrupt it); then the copy is written beside the loader's
    file and renamed over it, so a kill at any moment leaves the old file or the restored one."""
    with connect(path, read_only=True) as con:
        refusals = _rows(con.execute(sql("queries/quarantine_rows")))
    Path(f"{path}.wal").unlink(missing_ok=True)
    source = published_path(path)
    if not source.exists():
        path.unlink(missing_ok=True)
        return False, refusals
    _copy_over(source, path)
    with connect(path, read_only=True) as con:
        kept = {load_id for (load_id,) in con.execute(sql("queries/load_ids")).fetchall()}
    return True, [row for row in refusals if row["load_id"] not in kept]


def _rows(cursor: duckdb.DuckDBPyConnection) -> list[dict]:
    columns = [d[0] for d in cursor.description]
    return [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]


def loads_committed_since(path: Path, since: datetime) -> tuple[int, int, int]:
    """Loads committed since ``since`` (UTC), their pages and quarantined files: an interrupted run's, asked while
    it still holds the writer lock. (0, 0, 0) when there is no warehouse yet."""
    if not path.exists():
        return 0, 0, 0
    with connect(path, read_only=True) as con:
        if "load_ledger" not in {row[0] for row in con.execute(sql("queries/existing_tables")).fetchall()}:
            return 0, 0, 0
        return con.execute(sql("queries/loads_committed_since"), {"since": since}).fetchone()


def published_is_current(path: Path) -> bool:
    """Whether the analysts' copy holds the loader's state, decided without opening the copy: analysts may hold
    it open, read-write even (the DuckDB CLI's default), and that must never fail a run. Publishing records, in
    ``<copy>.state.json``, the loader's state (its loads and runs, and the marts' definitions) and the copy's file
    identity (inode, size, modification time); the copy is current when the loader's state is still that one and
    the file is still that file. A copy truncated, overwritten or replaced since is not, and the next run publishes
    again; so is one published with other marts (by an older sinmun), which the next run publishes with these."""
    target = published_path(path)
    try:
        recorded = json.loads(published_state_path(path).read_text(encoding="utf-8"))
        identity = _file_identity(target)
    except (OSError, ValueError):
        return False
    return recorded.get("file") == identity and recorded.get("warehouse_state") == _warehouse_state(path)


def publish(path: Path) -> Path:
    """Replace the analysts' read-only copy with the loader's file, atomically, by writing a new file and renaming
    it over the copy (never opening the copy: an analyst's open session keeps reading the old file). The loader
    must be closed. Then records what was published (see ``published_is_current``)."""
    target = published_path(path)
    state = _warehouse_state(path)
    _copy_over(path, target)
    record = {"warehouse_state": state, "file": _file_identity(target), "published_at": _utcnow().isoformat()}
    recording = target.with_name(f".{target.name}.state.{os.getpid()}{_COPY_SUFFIX}")
    recording.write_text(json.dumps(record), encoding="utf-8")
    os.replace(recording, published_state_path(path))
    return target


def published_state_path(path: Path) -> Path:
    """Where publishing records what it published: ``<published copy>.state.json``."""
    target = published_path(path)
    return target.with_name(target.name + ".state.json")


def _warehouse_state(path: Path) -> list:
    """The loader's loads and runs, and the marts it is published with (a change of either makes a copy stale)."""
    with connect(path, read_only=True) as con:
        return [str(value) for value in con.execute(sql("queries/warehouse_state")).fetchone()] + [marts_signature()]


def _file_identity(path: Path) -> list[int]:
    stat = path.stat()
    return [stat.st_ino, stat.st_size, stat.st_mtime_ns]


_COPY_SUFFIX = ".tmp"


def _copy_over(source: Path, target: Path) -> None:
    """Copy ``source`` beside ``target`` (a hidden ``.tmp`` name), flush it to disk and rename it over ``target``:
    a reader or a kill sees the old file or the new one, never half of one."""
    temporary = target.with_name(f".{target.name}.{os.getpid()}{_COPY_SUFFIX}")
    shutil.copyfile(source, temporary)
    with open(temporary, "rb") as f:
        os.fsync(f.fileno())
    os.replace(temporary, target)


def remove_stale_copies(path: Path) -> list[str]:
    """Remove half-written copies an interrupted run left, published or restored (call it holding the writer
    lock)."""
    removed = []
    for target in (published_path(path), path):
        for stale in target.parent.glob(f".{target.name}.*{_COPY_SUFFIX}"):
            stale.unlink(missing_ok=True)
            removed.append(stale.name)
    return removed


def _utcnow() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)
