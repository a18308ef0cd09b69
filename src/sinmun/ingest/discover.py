"""Find the page files of an inbox and what is known of each before it is read.

Metadata comes, in order of preference, from a ``manifest.csv`` at the inbox's root
(columns ``path,publication,date,page``, in any case and order; UTF-8, UTF-16 or CP949),
from the layout ``INBOX/<publication>/<YYYY-MM-DD>/<page>.txt``, and else from the page's
own header once it is read (``header``), else it stays unknown. A manifest describes the
files it lists; the inbox's other files are read as if there were none.

Every file under the inbox is accounted for: it is a page to read, left for the next run,
or refused with its reason. Every path is resolved and must lie inside the inbox: ``..``
and symlinks that lead out of it are refused (``outside-inbox``); a symlink loop, a folder
or file that cannot be read (``unreadable``), and anything that is not a regular file once
symlinks are followed (a FIFO, a socket, a device, a folder: ``not-a-file``) are refused
without being opened. Files still being written are left for the next run: names ending
in ``.part`` or ``.tmp``, and files modified within the settling window. Hidden files and
folders (a leading dot) are not part of the inbox. The settling rule always ends: a file is left for later while its
modification time lies less than the window before or after now (a writer's clock may run a little ahead of
ours), so at most two windows; a file stamped further in the future than one window says nothing about a write
in progress and is taken now, with a warning (``Discovery.future_dated``).
"""

from __future__ import annotations

import csv
import io
import os
import posixpath
import re
import stat
import time
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from sinmun.pages.decode import PageRejected, decode_page

MANIFEST = "manifest.csv"
MANIFEST_COLUMNS = ("path", "publication", "date", "page")
# The largest page number a manifest may give: the warehouse stores it as a 32-bit integer, and no printed paper
# has a page beyond a few hundred (a larger number is a typo or a misplaced column: the row is refused).
MAX_PAGE_NUMBER = 99_999
_DATE_DIR = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_IN_PROGRESS_SUFFIXES = (".part", ".tmp", ".partial", ".crdownload", ".swp")
_FILE_KINDS = {
    stat.S_IFIFO: "a FIFO (named pipe)", stat.S_IFSOCK: "a socket", stat.S_IFCHR: "a character device",
    stat.S_IFBLK: "a block device", stat.S_IFDIR: "a folder",
}  # fmt: skip


@dataclass(frozen=True)
class PageFile:
    path: Path  # absolute, resolved
    source_path: str  # relative to the inbox, with forward slashes
    size: int
    publication: str | None = None
    publication_date: date | None = None
    page: int | None = None
    metadata_source: str = "unknown"  # manifest | layout | header | unknown
    modified_ns: int = 0  # the file's mtime: of two files of one page in one run, the newer delivery wins


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


class NotARegularFile(OSError):
    """The path is no longer a regular file (a FIFO, a device, a folder put in its place after discovery)."""


def open_regular_file(path: Path):
    """Open a file for reading without ever blocking: opened non-blocking (a FIFO's open would wait for a writer),
    then refused unless it is a regular file."""
    descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    try:
        if not stat.S_ISREG(os.fstat(descriptor).st_mode):
            raise NotARegularFile(f"{path} is not a regular file")
        os.set_blocking(descriptor, True)
        return os.fdopen(descriptor, "rb")
    except BaseException:
        os.close(descriptor)
        raise


def discover(
    inbox: Path, *, settle_seconds: float = 0.0, now: float | None = None, only_date: date | None = None
) -> Discovery:
    """The inbox's page files (only those of ``only_date`` when given: a backfill's partition)."""
    inbox = inbox.resolve()
    if not inbox.is_dir():
        raise NotADirectoryError(f"inbox not found: {inbox}")
    now = time.time() if now is None else now
    refused: list[Refusal] = []
    manifest, manifest_problem = _read_manifest(inbox)
    if manifest_problem:
        refused.append(Refusal(MANIFEST, "bad-manifest", manifest_problem))
    walked, unreadable = _walk(inbox)
    refused += unreadable
    pages: list[PageFile] = []
    deferred: list[str] = []
    listed = {_normalized(rel): rel for rel in manifest}
    candidates = sorted(set(manifest) | {rel for rel in walked if rel not in listed})
    future_dated: list[str] = []
    for source_path in candidates:
        try:
            path = (inbox / source_path).resolve()
        except (OSError, RuntimeError) as err:  # a symlink loop (RuntimeError before Python 3.13)
            refused.append(Refusal(source_path, "unreadable", f"cannot resolve the path: {err}"))
            continue
        if not path.is_relative_to(inbox):
            refused.append(Refusal(source_path, "outside-inbox", f"resolves to {path}"))
            continue
        if _in_progress(path):
            deferred.append(source_path)
            continue
        try:
            status = path.stat()
        except OSError as err:
            refused.append(Refusal(source_path, "unreadable", err.strerror or str(err)))
            continue
        if not stat.S_ISREG(status.st_mode):
            kind = _FILE_KINDS.get(stat.S_IFMT(status.st_mode), "not a regular file")
            refused.append(Refusal(source_path, "not-a-file", f"{kind}, not a page file; never opened"))
            continue
        if settle_seconds and abs(now - status.st_mtime) < settle_seconds:
            deferred.append(source_path)
            continue
        if settle_seconds and status.st_mtime - now >= settle_seconds:
            future_dated.append(source_path)
        meta = manifest.get(listed.get(_normalized(source_path), source_path)) or _layout_metadata(source_path)
        if meta and "error" in meta:
            refused.append(Refusal(source_path, "bad-manifest", meta["error"]))
            continue
        if only_date is not None and (meta or {}).get("publication_date") != only_date:
            continue
        pages.append(
            PageFile(path=path, source_path=source_path, size=status.st_size, modified_ns=status.st_mtime_ns,
                     **(meta or {}))
        )  # fmt: skip
    return Discovery(pages=pages, refused=refused, deferred=deferred, future_dated=future_dated)


def _normalized(source_path: str) -> str:
    return posixpath.normpath(source_path) if source_path else source_path


def _walk(inbox: Path) -> tuple[list[str], list[Refusal]]:
    """Every file (and symlink) under the inbox, relative to it; and the folders that could not be listed."""
    found: list[str] = []
    unreadable: list[Refusal] = []

    def refuse(err: OSError) -> None:
        rel = Path(err.filename).relative_to(inbox).as_posix() if err.filename else "."
        unreadable.append(Refusal(rel + "/", "unreadable", f"folder not listed: {err.strerror or err}"))

    for folder, subfolders, files in os.walk(inbox, onerror=refuse):
        subfolders[:] = sorted(d for d in subfolders if not d.startswith("."))
        base = Path(folder).relative_to(inbox)
        for name in files:
            rel = (base / name).as_posix()
            if name.startswith(".") or rel == MANIFEST:
                continue
            found.append(rel)
        # os.walk lists a symlink to a folder among the folders and does not follow it: a page path as any other
        # (discover refuses it as not a file, or as leading out of the inbox, or as a loop).
        for name in list(subfolders):
            if (Path(folder) / name).is_symlink():
                subfolders.remove(name)
                found.append((base / name).as_posix())
    return found, unreadable


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


def _read_manifest(inbox: Path) -> tuple[dict[str, dict], str]:
    """The manifest's rows by path (empty when there is none), and why it cannot be used (empty when it can)."""
    manifest = inbox / MANIFEST
    if not (manifest.exists() or manifest.is_symlink()):
        return {}, ""
    try:
        with open_regular_file(manifest) as f:
            data = f.read()
        text = decode_page(data).text
    except NotARegularFile:
        return {}, f"{MANIFEST} is not a regular file; never read"
    except OSError as err:
        return {}, f"cannot read {MANIFEST}: {err.strerror or err}"
    except PageRejected as err:
        return {}, f"{MANIFEST} is not text: {err}"
    reader = csv.DictReader(io.StringIO(text))
    columns = {(name or "").strip().lower(): name for name in reader.fieldnames or []}
    if "path" not in columns:
        return {}, f"{MANIFEST} has no path column (its header: {','.join(reader.fieldnames or [])!r})"
    entries: dict[str, dict] = {}
    for row in reader:
        value = {key: (row.get(columns[key]) or "").strip() if key in columns else "" for key in MANIFEST_COLUMNS}
        if value["path"]:
            entries[value["path"]] = _manifest_entry(value)
    return entries, ""


def _manifest_entry(value: dict[str, str]) -> dict:
    published, page = value["date"], value["page"]
    try:
        publication_date = date.fromisoformat(published) if published else None
    except ValueError:
        return {"error": f"manifest date {published!r} is not YYYY-MM-DD"}
    if page and not (page.isdigit() and 1 <= int(page) <= MAX_PAGE_NUMBER):
        return {"error": f"manifest page {page!r} is not a page number (1 to {MAX_PAGE_NUMBER})"}
    return {
        "publication": value["publication"] or None,
        "publication_date": publication_date,
        "page": int(page) if page else None,
        "metadata_source": "manifest",
    }
