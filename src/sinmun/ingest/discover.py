"""Find the page files of an inbox and what is known of each before it is read.

Metadata comes, in order of preference, from a ``manifest.csv`` at the inbox's root
(columns ``path,publication,date,page``), from the layout
``INBOX/<publication>/<YYYY-MM-DD>/<page>.txt``, and else from the page's own header
once it is read (``header``), else it stays unknown.

Every path is resolved and must lie inside the inbox: ``..`` and symlinks that lead
out of it are refused. Files still being written are left for the next run: names
ending in ``.part`` or ``.tmp``, hidden files, and files modified within the settling
window. The settling rule always ends: a file is left for later while its modification
time lies less than the window before or after now (a writer's clock may run a little
ahead of ours), so at most two windows; a file stamped further in the future than one
window (a timestamp copied from elsewhere, a wrong clock) says nothing about a write in
progress and is taken now, with a warning (``Discovery.future_dated``).
"""

from __future__ import annotations

import csv
import re
import time
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

MANIFEST = "manifest.csv"
_DATE_DIR = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_IN_PROGRESS_SUFFIXES = (".part", ".tmp", ".partial", ".crdownload", ".swp")


@dataclass(frozen=True)
class PageFile:
    path: Path  # absolute, resolved
    source_path: str  # relative to the inbox, with forward slashes
    size: int
    publication: str | None = None
    publication_date: date | None = None
    page: int | None = None
    metadata_source: str = "unknown"  # manifest | layout | header | unknown


@dataclass(frozen=True)
class Refusal:
    source_path: str
    reason: str
    detail: str = ""


@dataclass(frozen=True)
class Discovery:
    pages: list[PageFile]
    refused: list[Refusal]
    deferred: list[str]  # still being written: picked up by a later run
    future_dated: list[str] = field(default_factory=list)  # taken although modified "in the future" (a warning)


def discover(
    inbox: Path, *, settle_seconds: float = 0.0, now: float | None = None, only_date: date | None = None
) -> Discovery:
    """The inbox's page files (only those of ``only_date`` when given: a backfill's partition)."""
    inbox = inbox.resolve()
    if not inbox.is_dir():
        raise NotADirectoryError(f"inbox not found: {inbox}")
    now = time.time() if now is None else now
    manifest = _read_manifest(inbox)
    pages: list[PageFile] = []
    refused: list[Refusal] = []
    deferred: list[str] = []
    future_dated: list[str] = []
    candidates = manifest.keys() if manifest is not None else _walk(inbox)
    for rel in sorted(candidates):
        path = (inbox / rel).resolve() if isinstance(rel, str) else rel.resolve()
        source_path = rel if isinstance(rel, str) else rel.relative_to(inbox).as_posix()
        if not path.is_relative_to(inbox):
            refused.append(Refusal(source_path, "outside-inbox", f"resolves to {path}"))
            continue
        if _in_progress(path):
            deferred.append(source_path)
            continue
        try:
            stat = path.stat()
        except OSError as err:
            refused.append(Refusal(source_path, "unreadable", err.strerror or str(err)))
            continue
        if settle_seconds and abs(now - stat.st_mtime) < settle_seconds:
            deferred.append(source_path)
            continue
        if settle_seconds and stat.st_mtime - now >= settle_seconds:
            future_dated.append(source_path)
        meta = manifest.get(rel) if manifest is not None else _layout_metadata(source_path)
        if meta and "error" in meta:
            refused.append(Refusal(source_path, "bad-manifest", meta["error"]))
            continue
        if only_date is not None and (meta or {}).get("publication_date") != only_date:
            continue
        pages.append(PageFile(path=path, source_path=source_path, size=stat.st_size, **(meta or {})))
    return Discovery(pages=pages, refused=refused, deferred=deferred, future_dated=future_dated)


def _walk(inbox: Path) -> list[Path]:
    out = []
    for path in inbox.rglob("*"):
        rel = path.relative_to(inbox)
        if any(part.startswith(".") for part in rel.parts) or rel.as_posix() == MANIFEST:
            continue
        if path.is_file() or path.is_symlink():
            out.append(path)
    return out


def _in_progress(path: Path) -> bool:
    return path.name.endswith(_IN_PROGRESS_SUFFIXES) or path.name.startswith(".")


def _layout_metadata(source_path: str) -> dict | None:
    parts = source_path.split("/")
    if len(parts) == 3 and _DATE_DIR.match(parts[1]) and re.fullmatch(r"\d{1,3}", Path(parts[2]).stem):
        try:
            published = date.fromisoformat(parts[1])
        except ValueError:
            return None
        return {
            "publication": parts[0],
            "publication_date": published,
            "page": int(Path(parts[2]).stem),
            "metadata_source": "layout",
        }
    return None


def _read_manifest(inbox: Path) -> dict[str, dict] | None:
    manifest = inbox / MANIFEST
    if not manifest.is_file():
        return None
    entries: dict[str, dict] = {}
    with manifest.open(encoding="utf-8-sig", newline="") as f:
        for row in csv.DictReader(f):
            rel = (row.get("path") or "").strip()
            if not rel:
                continue
            page = (row.get("page") or "").strip()
            published = (row.get("date") or "").strip()
            try:
                publication_date = date.fromisoformat(published) if published else None
            except ValueError:
                entries[rel] = {"error": f"manifest date {published!r} is not YYYY-MM-DD"}
                continue
            if page and not page.isdigit():
                entries[rel] = {"error": f"manifest page {page!r} is not a number"}
                continue
            entries[rel] = {
                "publication": (row.get("publication") or "").strip() or None,
                "publication_date": publication_date,
                "page": int(page) if page else None,
                "metadata_source": "manifest",
            }
    return entries
