"""Which loaded pages to read again, and why (``plan_reprocess`` is pure but for the content hash it is given).

A loaded page is read again when what it was loaded with no longer holds:

- its metadata: the inbox now gives its file a publication, date or page (a manifest added or corrected, a file's
  layout) other than the one it was loaded with (``metadata``);
- its reading: it was read by another reading version than this sinmun's (``reader``: see
  ``sinmun.reader_version``), or by one that did not record itself.

Only the same content is read again: a file whose content changed since it was loaded is a new version of its page,
which ``sinmun ingest`` loads. A page whose file is no longer in the inbox (or that the inbox now refuses: a bad
manifest row, a manifest row whose file is gone) cannot be read again: it is named, with why, and stays as it is
loaded.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from sinmun.ingest.discover import PageFile, Refusal, discover
from sinmun.ingest.stage import DEFAULT_MAX_PAGE_BYTES, content_hash, known_page_id, one_version_per_page
from sinmun.reader_version import reader_version
from sinmun.store import warehouse

if TYPE_CHECKING:
    import duckdb

REASONS = ("metadata", "reader")


@dataclass(frozen=True)
class LoadedPage:
    """The current version of a loaded page, as the ledger holds it (``sql/queries/reprocess_candidates.sql``)."""

    page_id: str
    source_path: str
    sha256: str
    publication_code: str | None
    publication_date: date | None
    page_number: int | None
    metadata_source: str
    reader_version: str | None


@dataclass
class ReprocessPlan:
    pages: list[PageFile] = field(default_factory=list)  # to read again, in source path order
    reasons: dict[str, list[str]] = field(default_factory=dict)  # source path -> why it is read again
    cannot_reread: list[str] = field(default_factory=list)  # "<source path>: why it cannot be read again"
    unchanged: int = 0  # loaded pages, among those asked about, that need no new reading
    considered: int = 0  # loaded pages asked about (of the publication, dates and reading versions asked)

    def reason_counts(self) -> dict[str, int]:
        return {reason: sum(1 for why in self.reasons.values() if any(w.startswith(reason) for w in why))
                for reason in REASONS}  # fmt: skip

    def report(self, *, dry_run: bool) -> dict:
        """The plan as the run's summary gives it (``summary["reprocess"]``)."""
        return {
            "reader_version": reader_version(), "dry_run": dry_run, "pages_considered": self.considered,
            "pages_planned": len(self.pages), "pages_unchanged": self.unchanged, "reasons": self.reason_counts(),
            "pages": self.reasons, "cannot_reread": self.cannot_reread,
        }  # fmt: skip


def metadata_changes(loaded: LoadedPage, found: PageFile) -> list[str]:
    """What the inbox now says of a page that differs from what it was loaded with: each field the inbox gives
    (manifest or layout) and that differs. A field the inbox leaves open keeps what the page's header gave."""
    changes = []
    for name, was, now in (
        ("publication", loaded.publication_code, found.publication),
        ("date", loaded.publication_date, found.publication_date),
        ("page", loaded.page_number, found.page),
    ):
        if now is not None and now != was:
            changes.append(f"metadata: {name} {'unknown' if was is None else was} -> {now} ({found.metadata_source})")
    return changes


def plan_reprocess(
    loaded: Iterable[LoadedPage],
    found: Iterable[PageFile],
    refused: Iterable[Refusal],
    *,
    current_reader: str,
    content_hash: Callable[[PageFile], str | None],
    metadata_only: bool = False,
    loaded_by: Iterable[str] = (),
) -> ReprocessPlan:
    """The loaded pages to read again from the inbox's files ``found`` (discovery's pages; ``refused``: what it
    refused). ``metadata_only``: only pages whose metadata changed. ``loaded_by``: only pages read by one of these
    reading versions (``unrecorded`` names the pages whose reading is not recorded). ``content_hash`` gives a
    file's sha256 (None when unreadable); it is asked only of the files to read again."""
    files = {page.source_path: page for page in found}
    refusals = {refusal.source_path: refusal for refusal in refused}
    versions = set(loaded_by)
    plan = ReprocessPlan()
    for page in sorted(loaded, key=lambda p: p.source_path):
        if versions and (page.reader_version or "unrecorded") not in versions:
            continue
        plan.considered += 1
        reader_changed = page.reader_version != current_reader and not metadata_only
        file = files.get(page.source_path)
        if file is None:
            # Named when it would be read again, or when the inbox names it still (a manifest row, say) but refuses it.
            if reader_changed or page.source_path in refusals:
                plan.cannot_reread.append(f"{page.source_path}: {_why_not_found(page, refusals)}")
            else:
                plan.unchanged += 1
            continue
        reasons = metadata_changes(page, file)
        if reader_changed:
            reasons.append(f"reader: {page.reader_version or 'unrecorded'} -> {current_reader}")
        if not reasons:
            plan.unchanged += 1
            continue
        digest = content_hash(file)
        if digest != page.sha256:
            plan.cannot_reread.append(
                f"{page.source_path}: "
                + ("cannot be read (unreadable, or larger than --max-page-mb)" if digest is None else "holds other content than was loaded (a new version "
                   "of the page: `sinmun ingest` loads it)")
            )  # fmt: skip
            continue
        plan.pages.append(file)
        plan.reasons[page.source_path] = reasons
    return _one_file_per_page(plan)


def plan_for_inbox(
    con: duckdb.DuckDBPyConnection, inbox: Path, *, publication: str | None = None, date_from: date | None = None,
    date_to: date | None = None, metadata_only: bool = False, loaded_by: Iterable[str] = (),
    max_bytes: int = DEFAULT_MAX_PAGE_BYTES,
) -> ReprocessPlan:  # fmt: skip
    """The plan for the warehouse open on ``con`` (its loaded pages, of the publication and dates asked) and the
    files of ``inbox`` now."""
    rows = warehouse.reprocess_candidates(con, publication=publication, date_from=date_from, date_to=date_to)
    found = discover(inbox)
    return plan_reprocess(
        [LoadedPage(**row) for row in rows], found.pages, found.refused, current_reader=reader_version(),
        content_hash=lambda page: content_hash(page, max_bytes), metadata_only=metadata_only, loaded_by=loaded_by,
    )  # fmt: skip


def _one_file_per_page(plan: ReprocessPlan) -> ReprocessPlan:
    """Of files the inbox now gives one page id (a manifest naming two files as one page), the newer delivery is
    read again; the others are named and stay as they are loaded."""
    known = [(page, known_page_id(page), None) for page in plan.pages]
    kept, refused, _ = one_version_per_page(item for item in known if item[1])
    for row in refused:
        plan.cannot_reread.append(f"{row['source_path']}: not read again: {row['detail']}")
        del plan.reasons[row["source_path"]]
    plan.pages = [page for page, pid, _ in known if not pid or page.source_path in kept]
    return plan


def _why_not_found(page: LoadedPage, refusals: dict[str, Refusal]) -> str:
    refusal = refusals.get(page.source_path)
    if refusal:
        return f"not read again: the inbox refuses it ({refusal.reason}: {refusal.detail})"
    return "not read again: no longer in the inbox (its loaded version stays)"
