"""Stage a batch of pages: read, hash, parse, extract entities, normalize, write Parquet.

This is the CPU-bound part of an ingest (Kiwi), and it never touches DuckDB: it can
run in the flow's process or on a Dask worker. It returns paths and counts, not data.
"""

from __future__ import annotations

import hashlib
import shutil
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import suppress
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import NamedTuple

from sinmun.entities.extract import Tokenizer, extract_batch, kiwi_tokenizer
from sinmun.ingest.discover import NotARegularFile, PageFile, open_regular_file
from sinmun.ingest.normalize import PageRecord, batch_tables, page_id
from sinmun.morphology import sharing_short_texts
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
    page_ids: dict[str, str] = field(default_factory=dict)  # source path -> page id of each page staged to load
    decisions: list[str] = field(default_factory=list)  # which version of a page delivered twice loads, and why


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
        with open_regular_file(page.path) as f:
            for chunk in iter(lambda: f.read(1 << 16), b""):
                digest.update(chunk)
    except OSError:
        return None
    return digest.hexdigest()


class Selection(NamedTuple):
    new: list[PageFile]  # to stage
    duplicates: list[str]  # source paths of content already loaded (any version) or seen earlier in this run
    refused: list[dict]  # quarantine rows: other versions of a page delivered twice in this run (``same-page``)
    decisions: list[str]  # for each page delivered twice: which version loads, and why


def select_new_pages(
    pages: list[PageFile], loaded_hashes: frozenset[str], max_bytes: int = DEFAULT_MAX_PAGE_BYTES
) -> Selection:
    """Hash every page file once: content already loaded (its current version or an earlier one), or seen earlier
    in this run under another name, is a duplicate. Of the files that name one page (publication, date and page
    known before reading) with different content, the newer delivery is kept (``one_version_per_page``). Files
    too large or unreadable go on to staging, which quarantines them."""
    new, duplicates, seen, digests = [], [], set(loaded_hashes), {}
    for page in pages:
        digest = content_hash(page, max_bytes)
        if digest is not None and digest in seen:
            duplicates.append(page.source_path)
            continue
        if digest is not None:
            seen.add(digest)
        digests[page.source_path] = digest
        new.append(page)
    known = [(page, known_page_id(page), digests[page.source_path]) for page in new]
    kept, refused, decisions = one_version_per_page([item for item in known if item[1]])
    new = [page for page, pid, _ in known if not pid or page.source_path in kept]
    return Selection(new, duplicates, refused, decisions)


def known_page_id(page: PageFile) -> str | None:
    """The page id when discovery knows the publication, date and page (manifest, layout), else None."""
    if not (page.publication and page.publication_date and page.page):
        return None
    source = {"publication": page.publication, "publication_date": page.publication_date.isoformat(),
              "page": page.page}  # fmt: skip
    return page_id(source, page.source_path)


def delivery_order(page: PageFile) -> tuple[int, str]:
    """The order of two deliveries of one page in one run: the later modified file is the newer; for the same
    time, the later path in sort order (a fixed, reproducible choice)."""
    return (page.modified_ns, page.source_path)


def one_version_per_page(
    items: Iterable[tuple[PageFile, str, str | None]],
) -> tuple[set[str], list[dict], list[str]]:
    """Of ``(page file, page id, sha256)`` items, keep one file per page id: the newer delivery. Returns the source
    paths kept, a ``same-page`` quarantine row for each other file, and one line per page id saying which
    version loads and why."""
    by_page: dict[str, list[tuple[PageFile, str | None]]] = {}
    for page, pid, digest in items:
        by_page.setdefault(pid, []).append((page, digest))
    kept, refused, decisions = set(), [], []
    for pid, versions in by_page.items():
        versions.sort(key=lambda version: delivery_order(version[0]))
        winner = versions[-1][0]
        kept.add(winner.source_path)
        if len(versions) == 1:
            continue
        when = _modified(winner)
        for page, digest in versions[:-1]:
            detail = (f"page {pid} is delivered twice in this run: {winner.source_path} (modified {when}) is the "
                      f"newer delivery and is loaded; this file (modified {_modified(page)}) is not")  # fmt: skip
            refused.append(_refusal(page, "same-page", detail, digest))
        others = ", ".join(page.source_path for page, _ in versions[:-1])
        decisions.append(f"{pid}: loaded {winner.source_path}, the newer delivery (modified {when}); "
                         f"refused {others} (same-page)")  # fmt: skip
    return kept, refused, decisions


def _modified(page: PageFile) -> str:
    return datetime.fromtimestamp(page.modified_ns / 1e9, UTC).strftime("%Y-%m-%d %H:%M:%S.%f UTC")


def read_page_file(page: PageFile, max_bytes: int) -> tuple[bytes | None, dict | None]:
    """The file's bytes, or a quarantine row saying why not (too large is decided before reading it whole)."""
    if page.size > max_bytes:
        return None, _refusal(page, "too-large", f"{page.size} bytes, limit {max_bytes}")
    try:
        with open_regular_file(page.path) as f:
            data = f.read(max_bytes + 1)
    except NotARegularFile as err:
        return None, _refusal(page, "not-a-file", str(err))
    except OSError as err:
        return None, _refusal(page, "unreadable", err.strerror or str(err))
    if len(data) > max_bytes:
        return None, _refusal(page, "too-large", f"over {max_bytes} bytes")
    return data, None


@sharing_short_texts()  # a headline the reader checked is tokenized again for its entities: Kiwi reads it once
def stage_batch(
    pages: list[PageFile],
    *,
    batch_number: int,
    staging_dir: Path,
    max_bytes: int = DEFAULT_MAX_PAGE_BYTES,
    on_pages_done: Callable[[int], None] | None = None,
) -> StagedBatch:
    """Stage pages already known to be new (duplicates are set aside before, by content hash).

    ``on_pages_done(n)``, when given, hears of the batch's pages as their entities are extracted (its last long
    step): ``n`` more pages done, in proportion to the texts Kiwi has answered and the rules have gone through."""
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
    # A page id known only once read (from the page's header) may name a page twice in one batch: one version.
    files = {page.source_path: page for page in pages}
    ids = {r.source_path: page_id(r.parsed["source"], r.source_path) for r in records}
    kept, refused, decisions = one_version_per_page(
        (files[r.source_path], ids[r.source_path], r.parsed["source"]["sha256"]) for r in records
    )
    batch.quarantined += refused
    batch.decisions += decisions
    records = [r for r in records if r.source_path in kept]
    batch.page_ids = {r.source_path: ids[r.source_path] for r in records}
    if not records:
        return batch
    started = time.perf_counter()
    articles = [a for r in records for a in r.parsed["articles"]]
    published = [iso_date(r.parsed["source"]["publication_date"]) for r in records for _ in r.parsed["articles"]]
    tokenizer = _reporting_pages(kiwi_tokenizer, len(records), on_pages_done) if on_pages_done else kiwi_tokenizer
    terms = iter(extract_batch(articles, published, tokenizer))
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


def _reporting_pages(tokenizer: Tokenizer, pages: int, on_pages_done: Callable[[int], None]) -> Tokenizer:
    """``tokenizer``, telling ``on_pages_done`` how many more of ``pages`` pages the texts taken so far stand for
    (a text counts once the caller asks for the next: it is done with it)."""

    def tokenize(texts: Sequence[str]) -> Iterator[list]:
        reported = 0
        for taken, tokens in enumerate(tokenizer(texts), 1):
            yield tokens
            done = pages * taken // len(texts)
            if done > reported:
                on_pages_done(done - reported)
                reported = done
        if pages > reported:  # no text at all (pages without a body)
            on_pages_done(pages - reported)

    return tokenize


def _refusal(page: PageFile, reason: str, detail: str = "", sha256: str | None = None) -> dict:
    return {"source_path": page.source_path, "reason": reason, "detail": detail, "sha256": sha256}


def keep_run_versions(
    batch: StagedBatch, pages: list[PageFile], run_pages: dict[str, PageFile], *, staging_dir: Path, max_bytes: int
) -> StagedBatch:
    """One version per page id across a run's batches, for page ids known only once the pages are read.

    ``run_pages`` holds the page file loaded for each page id earlier in this run (updated here). A staged page
    that is an older delivery of a page already loaded in this run is refused (``same-page``) and the batch is
    staged again without it (rare: the same page under two names whose metadata only their headers give, in two
    batches); a newer delivery loads and supersedes the earlier version, as a later run's would."""
    files = {page.source_path: page for page in pages}
    older, decisions = [], []
    for source_path, pid in batch.page_ids.items():
        earlier = run_pages.get(pid)
        if earlier is None:
            continue
        page = files[source_path]
        if delivery_order(page) < delivery_order(earlier):
            older.append(page)
            decisions.append(f"{pid}: kept {earlier.source_path}, the newer delivery (modified {_modified(earlier)}); "
                             f"refused {source_path} (same-page)")  # fmt: skip
        else:
            decisions.append(f"{pid}: loaded {source_path}, the newer delivery (modified {_modified(page)}); it "
                             f"supersedes {earlier.source_path}, loaded earlier in this run")  # fmt: skip
    if older:
        refused = [
            _refusal(page, "same-page", f"page {batch.page_ids[page.source_path]} is delivered twice in this run: "
                     f"{run_pages[batch.page_ids[page.source_path]].source_path} is the newer delivery and is loaded; "
                     f"this file (modified {_modified(page)}) is not", content_hash(page, max_bytes))
            for page in older
        ]  # fmt: skip
        skipped = {page.source_path for page in older}
        restaged = stage_batch([p for p in pages if p.source_path not in skipped], batch_number=batch.batch_number,
                               staging_dir=staging_dir, max_bytes=max_bytes)  # fmt: skip
        restaged.quarantined += refused
        for name, spent in batch.seconds.items():
            restaged.seconds[name] = restaged.seconds.get(name, 0.0) + spent
        batch = restaged
    batch.decisions += decisions
    for source_path, pid in batch.page_ids.items():
        run_pages[pid] = files[source_path]
    return batch
