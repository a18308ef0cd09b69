"""Before an ingest starts Prefect and Kiwi (seconds of start-up), find out whether it has anything to do.

The check takes the flow's first steps itself, without Prefect: it discovers the inbox and hashes its files against
the ledger (``discover``, ``select_new_pages``: the very functions the flow's tasks call). The run has nothing to do
when no file is new, no file is refused, nothing an interrupted run left needs clearing and the published copy is
current: the flow would load, record, check and publish nothing, so its outcome (every page skipped as a
duplicate) is known here, and no flow runs. Anything else (a new or changed file, a refusal to record, a published
copy that is missing, damaged or behind, a warehouse that does not exist yet) is work for the flow, which
discovers and selects again under the same writer lock.

This module imports neither Prefect nor Kiwi: a run with nothing new never pays for them.
"""

from __future__ import annotations

import time
import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

import duckdb

from sinmun.ingest.discover import discover
from sinmun.ingest.stage import remove_stale_staging, select_new_pages
from sinmun.store import warehouse


@dataclass(frozen=True)
class Precheck:
    """What the check found: the run's summary when it has nothing to do (else None and the work, in words), and
    what it saw."""

    summary: dict | None
    work: str = ""
    already_loaded: int = 0
    warnings: tuple[str, ...] = ()


def new_run_id() -> str:
    """A run's id: its UTC start time and a random suffix (``20240305T061500-1a2b3c``)."""
    return datetime.now(UTC).strftime("%Y%m%dT%H%M%S") + "-" + uuid.uuid4().hex[:6]


def check_for_work(
    inbox: Path, warehouse_path: Path, *, settle_seconds: float, max_page_bytes: int, only_date: date | None
) -> Precheck:
    """Call it holding the warehouse's writer lock (the ledger cannot change under it). Raises ``SchemaMismatch``
    for a warehouse of another table layout, as the run would."""
    started = time.perf_counter()
    if not warehouse_path.exists():
        return Precheck(None, f"a new warehouse at {warehouse_path}")
    warehouse.check_layout(warehouse_path)
    # What an interrupted run left (staging folders, half-written copies) is cleared now, as the flow's first step
    # would: it is no reason to start the flow.
    cleared = remove_stale_staging(warehouse_path) + warehouse.remove_stale_copies(warehouse_path)
    notes = (f"cleared what an interrupted run left: {', '.join(cleared)}",) if cleared else ()
    try:
        with warehouse.connect(warehouse_path, read_only=True) as con:
            loaded = frozenset(warehouse.loaded_page_versions(con))
            without_date_or_page = warehouse.pages_without_date_or_page(con)["pages_without_date_or_page"]
    except duckdb.Error:  # a table missing (the flow's schema step creates it), a log to replay: the flow's work
        return Precheck(None, "the warehouse to prepare", warnings=notes)
    found = discover(inbox, settle_seconds=settle_seconds, only_date=only_date)
    discovered = time.perf_counter()
    new, duplicates, same_page, _decisions = select_new_pages(found.pages, loaded, max_page_bytes)
    selected = time.perf_counter()
    refusals = len(same_page) + len(found.refused)
    to_do = [f"{len(new)} new or changed page file(s)"] if new else []
    to_do += [f"{refusals} file(s) to refuse"] if refusals else []
    if not to_do and not warehouse.published_is_current(warehouse_path):
        to_do.append("the published copy to bring up to date")
    if to_do:  # the flow's work (it warns of future-dated files itself)
        return Precheck(None, f"{', '.join(to_do)}; {len(duplicates)} loaded before", len(duplicates), notes)
    if found.future_dated:
        notes += (f"{len(found.future_dated)} file(s) modified more than the settling window in the future (a copied "
                  f"timestamp or a wrong clock), taken as settled: {', '.join(found.future_dated[:10])}",)  # fmt: skip
    summary = {
        "run_id": new_run_id(), "warehouse": str(warehouse_path),
        "published": str(warehouse.published_path(warehouse_path)), "pages_seen": len(found.pages),
        "pages_loaded": 0, "pages_skipped_duplicate": len(duplicates), "pages_quarantined": 0,
        "pages_deferred": len(found.deferred), "articles": 0, "mentions": 0, "loads": [], "page_decisions": [], "held_back": [],
        "pages_without_date_or_page": without_date_or_page,
        "seconds": round(time.perf_counter() - started, 2), "flow_run_id": None,
        "stage_seconds": {"discover": round(discovered - started, 4), "select": round(selected - discovered, 4)},
    }  # fmt: skip
    return Precheck(summary, already_loaded=len(duplicates), warnings=notes)


def summary_line(summary: dict) -> str:
    """The run's summary in one line, as the command prints it and the run's log records it."""
    return (
        f"{summary['pages_seen']} pages seen, {summary['pages_loaded']} loaded, "
        f"{summary['pages_skipped_duplicate']} skipped as duplicates, {summary['pages_quarantined']} quarantined"
        + _deferred_note(summary)
        + f"; {summary['articles']} articles, {summary['mentions']} entity mentions; {summary['seconds']} s"
    )


def _deferred_note(summary: dict) -> str:
    """The summary's files left for a later run: still being written, and held back by a refusal recorded before."""
    held = len(summary.get("held_back", []))
    writing = summary["pages_deferred"] - held
    notes = [f"{writing} still being written" if held else "still being written"] if writing else []
    if held:
        notes.append(f"{held} refused before, waiting in the inbox: see sinmun quarantine list")
    return f", {summary['pages_deferred']} left for the next run ({'; '.join(notes)})" if notes else ""
