"""Quarantined files: where they go, moving them out of the inbox, and putting them back for a retry.

A refused file is recorded (``quarantine`` table) in the same transaction as its batch's load, and only then
moved to ``<quarantine dir>/<run id>/<path in the inbox>``: a crash in between leaves it in the inbox, where the
next run refuses it again; nothing is lost either way. Only files that lie inside the inbox are ever moved (a
manifest entry pointing outside it is recorded, never touched); a symlink is moved as the link itself.

A file refused for its manifest row (``bad-manifest``) is not at fault: it stays in the inbox, recorded, and loads
in the first run after the row is fixed. A refusal of a file that stays where it is is recorded once: a later run
that refuses it again for the same reason and detail adds no row (``held_back``) while that row is open or
dismissed.
"""

from __future__ import annotations

import errno
import os
import shutil
from dataclasses import dataclass
from pathlib import Path, PurePosixPath


class QuarantineInsideInbox(ValueError):
    """The quarantine folder would be read again as part of the inbox."""


def default_quarantine_dir(warehouse_path: Path) -> Path:
    return warehouse_path.parent / "quarantine"


def quarantine_dir_for(warehouse_path: Path, inbox: Path, quarantine_dir: str | None) -> Path:
    """Where a run's refused files go: ``quarantine_dir``, else ``quarantine/`` beside the warehouse; never inside
    the inbox (``QuarantineInsideInbox``: the next run would read them again)."""
    refused_dir = Path(quarantine_dir) if quarantine_dir else default_quarantine_dir(warehouse_path)
    if refused_dir.resolve().is_relative_to(inbox.resolve()):
        raise QuarantineInsideInbox(f"the quarantine folder {refused_dir} must not lie inside the inbox {inbox}")
    return refused_dir


def _inside(source_path: str) -> PurePosixPath | None:
    """``source_path`` when it stays inside the inbox as written (no ``..``, not absolute, not empty)."""
    relative = PurePosixPath(source_path)
    if relative.is_absolute() or ".." in relative.parts or not relative.parts:
        return None
    return relative


def inbox_file(inbox: Path, source_path: str) -> Path | None:
    """The file at ``source_path`` when that path stays inside the inbox as written: a regular file, a symlink, or
    another entry that is not a folder (a FIFO, a socket: moved by a rename, never opened)."""
    relative = _inside(source_path)
    if relative is None:
        return None
    path = inbox / relative
    return path if path.is_symlink() or (path.exists() and not path.is_dir()) else None


# Refusals whose file is left in the inbox: nothing is wrong with the file itself.
LEFT_IN_PLACE = frozenset({"bad-manifest"})


def stays_in_place(inbox: Path, source_path: str, reason: str) -> bool:
    """A file refused for this reason is not moved out of the inbox (its refusal's quarantine path is None)."""
    return reason in LEFT_IN_PLACE or inbox_file(inbox, source_path) is None


def held_back(inbox: Path, refusals: list[dict], recorded: set[tuple[str, str, str]]) -> tuple[list[dict], list[str]]:
    """The refusals to record, and the paths of those recorded before: a file that stays where it is, refused for
    the same reason and detail as a standing (open or dismissed) row (``warehouse.refusals_in_place``)."""
    new, held = [], []
    for row in refusals:
        key = (row["source_path"], row["reason"], row.get("detail") or "")
        if key in recorded and stays_in_place(inbox, row["source_path"], row["reason"]):
            held.append(row["source_path"])
        else:
            new.append(row)
    return new, held


def plan_moves(inbox: Path, quarantine_dir: Path, run_id: str, rows: list[dict]) -> list[dict]:
    """The rows with ``quarantine_path`` set for each file that can be moved (left None for the others and for
    those left in place: ``LEFT_IN_PLACE``)."""
    planned = []
    for row in rows:
        source = None if row["reason"] in LEFT_IN_PLACE else inbox_file(inbox, row["source_path"])
        target = quarantine_dir / run_id / row["source_path"] if source is not None else None
        planned.append({**row, "quarantine_path": str(target) if target else None})
    return planned


@dataclass(frozen=True)
class MoveResult:
    moved: int
    failures: list[str]  # "<path>: <reason>" for files that stayed where they were


def move_files(inbox: Path, rows: list[dict]) -> MoveResult:
    """Move each planned file out of the inbox (after its quarantine row is committed)."""
    moved, failures = 0, []
    for row in rows:
        if not row.get("quarantine_path"):
            continue
        source = inbox_file(inbox, row["source_path"])
        if source is None:
            failures.append(f"{row['source_path']}: no longer in the inbox")
            continue
        try:
            _move(source, Path(row["quarantine_path"]))
            moved += 1
        except OSError as err:
            failures.append(f"{row['source_path']}: {err.strerror or err}")
    return MoveResult(moved, failures)


def restore_file(quarantine_path: Path, inbox: Path, source_path: str) -> str | None:
    """Put a quarantined file back at its place in the inbox; the reason it cannot be, or None."""
    relative = _inside(source_path)
    if relative is None:
        return "its path is not inside the inbox"
    target = inbox / relative
    if not (quarantine_path.is_file() or quarantine_path.is_symlink()):
        return f"not found in quarantine ({quarantine_path})"
    if target.exists() or target.is_symlink():
        return "a file of that name is in the inbox again"
    try:
        _move(quarantine_path, target)
    except OSError as err:
        return err.strerror or str(err)
    return None


def _move(source: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.rename(source, target)
    except OSError as err:
        if err.errno != errno.EXDEV:  # another filesystem: copy, then remove
            raise
        shutil.move(str(source), str(target))
