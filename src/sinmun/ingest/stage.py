"""Stage a batch of pages: read, hash, parse, extract entities, normalize, write Parquet.

This is the CPU-bound part of an ingest (Kiwi), and it never touches DuckDB: it can
run in the flow's process or on a Dask worker. It returns paths and counts, not data.
"""

from __future__ import annotations

import hashlib
import shutil
import tempfile
import time
from contextlib import suppress
from dataclasses import dataclass, field, replace
from pathlib import Path

from sinmun.entities.extract import extract_batch
from sinmun.ingest.discover import PageFile
from sinmun.ingest.normalize import PageRecord, batch_tables
from sinmun.pages.decode import PageRejected
from sinmun.parse import PageBytes, iso_date, parse_pages_bytes

DEFAULT_MAX_PAGE_BYTES = 2 * 1024 * 1024  # a printed page's text is a few tens of KB


@dataclass
class StagedBatch:
    batch_number: int
    tables: dict[str, str] = field(default_factory=dict)  # table -> Parquet path; empty when nothing to load
    quarantined: list[dict] = field(default_factory=list)
    pages: int = 0
    articles: int = 0
    mentions: int = 0
    seconds: dict[str, float] = field(default_factory=dict)  # time per stage: read, decode+hash, segment, ...


def staging_root(warehouse_path: Path) -> Path:
    """Where the runs of one warehouse stage their batches: ``<warehouse file>.staging/`` beside it, one folder
    per run inside (``<run id>-<random>``). It belongs to that warehouse alone: an ingest into another warehouse
    in the same folder never looks inside it."""
    return warehouse_path.with_name(warehouse_path.name + ".staging")


def make_run_staging(warehouse_path: Path, run_id: str) -> Path:
    """A new, empty staging folder for one run of the warehouse at ``warehouse_path``."""
    root = staging_root(warehouse_path)
    root.mkdir(parents=True, exist_ok=True)
    return Path(tempfile.mkdtemp(prefix=f"{run_id}-", dir=root))


def remove_run_staging(staging: Path) -> None:
    """Remove a run's staging folder at its end, and the warehouse's staging root when nothing else is in it."""
    shutil.rmtree(staging, ignore_errors=True)
    with suppress(OSError):  # not empty: an interrupted run's folder, cleared by the next run holding the lock
        staging.parent.rmdir()


def remove_stale_staging(warehouse_path: Path) -> list[str]:
    """Remove the staging folders interrupted runs of this warehouse left. Call it only holding this warehouse's
    writer lock: then no run of it is staging, and other warehouses' staging is never touched."""
    root = staging_root(warehouse_path)
    removed = []
    for stale in sorted(root.iterdir()) if root.is_dir() else []:
        shutil.rmtree(stale, ignore_errors=True) if stale.is_dir() else stale.unlink(missing_ok=True)
        removed.append(f"{root.name}/{stale.name}")
    return removed


def content_hash(page: PageFile, max_bytes: int = DEFAULT_MAX_PAGE_BYTES) -> str | None:
    """sha256 of a page file's bytes, read in chunks; None when it is too large or unreadable."""
    if page.size > max_bytes:
        return None
    digest = hashlib.sha256()
    try:
        with page.path.open("rb") as f:
            for chunk in iter(lambda: f.read(1 << 16), b""):
                digest.update(chunk)
    except OSError:
        return None
    return digest.hexdigest()


def select_new_pages(
    pages: list[PageFile], loaded_hashes: frozenset[str], max_bytes: int = DEFAULT_MAX_PAGE_BYTES
) -> tuple[list[PageFile], list[str]]:
    """Hash every page file once: content already loaded, or seen earlier in this run under another name, is a
    duplicate (its source path is returned). Files too large or unreadable go on to staging, which quarantines
    them."""
    new, duplicates, seen = [], [], set(loaded_hashes)
    for page in pages:
        digest = content_hash(page, max_bytes)
        if digest is not None and digest in seen:
            duplicates.append(page.source_path)
            continue
        if digest is not None:
            seen.add(digest)
        new.append(page)
    return new, duplicates


def read_page_file(page: PageFile, max_bytes: int) -> tuple[bytes | None, dict | None]:
    """The file's bytes, or a quarantine row saying why not (too large is decided before reading it whole)."""
    if page.size > max_bytes:
        return None, _refusal(page, "too-large", f"{page.size} bytes, limit {max_bytes}")
    try:
        with page.path.open("rb") as f:
            data = f.read(max_bytes + 1)
    except OSError as err:
        return None, _refusal(page, "unreadable", err.strerror or str(err))
    if len(data) > max_bytes:
        return None, _refusal(page, "too-large", f"over {max_bytes} bytes")
    return data, None


def stage_batch(
    pages: list[PageFile],
    *,
    batch_number: int,
    staging_dir: Path,
    max_bytes: int = DEFAULT_MAX_PAGE_BYTES,
) -> StagedBatch:
    """Stage pages already known to be new (duplicates are set aside before, by content hash)."""
    batch = StagedBatch(batch_number=batch_number)
    seconds = batch.seconds
    readable: list[tuple[PageFile, bytes]] = []
    for page in pages:
        started = time.perf_counter()
        data, refusal = read_page_file(page, max_bytes)
        seconds["read"] = seconds.get("read", 0.0) + time.perf_counter() - started
        if refusal:
            batch.quarantined.append(refusal)
        else:
            readable.append((page, data))
    parsed_pages = parse_pages_bytes(
        [PageBytes(data, page.source_path, page.publication, page.publication_date, page.page)
         for page, data in readable],
        with_entities=False, seconds=seconds,
    )  # fmt: skip
    records: list[PageRecord] = []
    for (page, data), parsed in zip(readable, parsed_pages, strict=True):
        if isinstance(parsed, PageRejected):
            batch.quarantined.append(_refusal(page, parsed.reason, parsed.detail, hashlib.sha256(data).hexdigest()))
            continue
        source = parsed["source"]
        metadata_source = page.metadata_source
        if metadata_source == "unknown" and (source["publication_date"] or source["page"]):
            metadata_source = "header"
        records.append(PageRecord(parsed=parsed, source_path=page.source_path, metadata_source=metadata_source))
    if not records:
        return batch
    started = time.perf_counter()
    articles = [a for r in records for a in r.parsed["articles"]]
    published = [iso_date(r.parsed["source"]["publication_date"]) for r in records for _ in r.parsed["articles"]]
    terms = iter(extract_batch(articles, published))
    records = [replace(r, article_terms=tuple(next(terms) for _ in r.parsed["articles"])) for r in records]
    normalizing = time.perf_counter()
    seconds["entities"] = normalizing - started
    frames = batch_tables(records)
    writing = time.perf_counter()
    seconds["normalize"] = writing - normalizing
    out = staging_dir / f"batch-{batch_number:04d}"
    out.mkdir(parents=True, exist_ok=True)
    for name, frame in frames.items():
        path = out / f"{name}.parquet"
        frame.write_parquet(path)
        batch.tables[name] = str(path)
    seconds["stage-write"] = time.perf_counter() - writing
    batch.pages = len(records)
    batch.articles = frames["fct_article"].height
    batch.mentions = frames["fct_entity_mention"].height
    return batch


def _refusal(page: PageFile, reason: str, detail: str = "", sha256: str | None = None) -> dict:
    return {"source_path": page.source_path, "reason": reason, "detail": detail, "sha256": sha256}
