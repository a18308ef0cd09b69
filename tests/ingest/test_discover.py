"""Discovery of page files: metadata sources, files still being written, paths that leave the inbox."""

from __future__ import annotations

import os
import time
from datetime import date
from pathlib import Path

import pytest

from sinmun.ingest.discover import discover
from tests.helpers.warehouse import write_manifest


def _page(path: Path, text: str = "제목\n\n본문이다.\n") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_layout_gives_publication_date_and_page(tmp_path: Path):
    _page(tmp_path / "namdo" / "2024-03-05" / "4.txt")
    _page(tmp_path / "loose" / "page.txt")
    found = discover(tmp_path)
    meta = {p.source_path: (p.publication, p.publication_date, p.page, p.metadata_source) for p in found.pages}
    assert meta == {
        "namdo/2024-03-05/4.txt": ("namdo", date(2024, 3, 5), 4, "layout"),
        "loose/page.txt": (None, None, None, "unknown"),
    }


def test_manifest_wins_and_refuses_paths_outside_the_inbox(tmp_path: Path):
    inbox = tmp_path / "inbox"
    _page(inbox / "a.txt")
    _page(tmp_path / "secret.txt")
    (inbox / "link.txt").symlink_to(tmp_path / "secret.txt")
    write_manifest(inbox, [
        {"path": "a.txt", "publication": "seohae", "date": "2024-03-07", "page": "1"},
        {"path": "../secret.txt", "publication": "", "date": "", "page": ""},
        {"path": "link.txt", "publication": "", "date": "", "page": ""},
    ])  # fmt: skip
    found = discover(inbox)
    assert [(p.source_path, p.publication, p.page, p.metadata_source) for p in found.pages] == [
        ("a.txt", "seohae", 1, "manifest")
    ]
    assert sorted((r.source_path, r.reason) for r in found.refused) == [
        ("../secret.txt", "outside-inbox"),
        ("link.txt", "outside-inbox"),
    ]


def test_files_still_being_written_wait_for_the_next_run(tmp_path: Path):
    settled = _page(tmp_path / "p" / "2024-03-05" / "1.txt")
    fresh = _page(tmp_path / "p" / "2024-03-05" / "2.txt")
    _page(tmp_path / "p" / "2024-03-05" / "3.txt.part")
    _page(tmp_path / "p" / "2024-03-05" / ".4.txt.swp")
    old = time.time() - 120
    os.utime(settled, (old, old))
    found = discover(tmp_path, settle_seconds=30)
    assert [p.source_path for p in found.pages] == ["p/2024-03-05/1.txt"]
    assert sorted(found.deferred) == ["p/2024-03-05/2.txt", "p/2024-03-05/3.txt.part"]
    os.utime(fresh, (old, old))  # the writer finished: the next run takes it
    assert [p.source_path for p in discover(tmp_path, settle_seconds=30).pages] == [
        "p/2024-03-05/1.txt",
        "p/2024-03-05/2.txt",
    ]


def test_only_date_selects_a_partition(tmp_path: Path):
    _page(tmp_path / "a" / "2024-03-05" / "1.txt")
    _page(tmp_path / "b" / "2024-03-05" / "2.txt")
    _page(tmp_path / "a" / "2024-03-06" / "1.txt")
    found = discover(tmp_path, only_date=date(2024, 3, 5))
    assert [p.source_path for p in found.pages] == ["a/2024-03-05/1.txt", "b/2024-03-05/2.txt"]


def _fifo_manifest(inbox: Path) -> None:
    os.mkfifo(inbox / "manifest.csv")


@pytest.mark.parametrize(
    ("write", "says"),
    [
        (lambda inbox: (inbox / "manifest.csv").write_text("file,publication\na.txt,seohae\n"), "no path column"),
        (lambda inbox: (inbox / "manifest.csv").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64)), "not text"),
        (_fifo_manifest, "not a regular file"),
        (lambda inbox: (inbox / "manifest.csv").symlink_to("manifest.csv"), "cannot read"),
    ],
    ids=["no-path-column", "binary", "fifo", "symlink-loop"],
)
def test_a_manifest_that_cannot_be_used_is_refused_and_the_pages_still_load(tmp_path: Path, write, says: str):
    _page(tmp_path / "seohae" / "2024-03-07" / "1.txt")
    write(tmp_path)
    found = discover(tmp_path)  # never blocks on a FIFO
    assert [(r.source_path, r.reason) for r in found.refused] == [("manifest.csv", "bad-manifest")]
    assert says in found.refused[0].detail
    assert [(p.source_path, p.metadata_source) for p in found.pages] == [("seohae/2024-03-07/1.txt", "layout")]


def test_manifest_headers_in_any_case_and_files_it_does_not_list(tmp_path: Path):
    _page(tmp_path / "a.txt")
    _page(tmp_path / "seohae" / "2024-03-07" / "1.txt")
    (tmp_path / "manifest.csv").write_bytes(
        " Path ,PUBLICATION,Date,page\r\na.txt,namdo,2024-03-05,4\r\n".encode("cp949")
    )
    found = discover(tmp_path)
    meta = {p.source_path: (p.publication, p.page, p.metadata_source) for p in found.pages}
    assert meta == {"a.txt": ("namdo", 4, "manifest"), "seohae/2024-03-07/1.txt": ("seohae", 1, "layout")}
    assert found.refused == []


@pytest.mark.parametrize(
    ("modified_seconds_from_now", "outcome"),
    [
        (-120, "taken"),  # settled: last written two minutes ago
        (-10, "deferred"),  # written within the 30 s window
        (10, "deferred"),  # a writer's clock a little ahead of ours: waits, at most two windows
        (3 * 86400, "taken, future-dated"),  # stamped days ahead: not a write in progress, taken with a warning
    ],
)
def test_settling_ends_whatever_the_modification_time(tmp_path: Path, modified_seconds_from_now: int, outcome: str):
    page = _page(tmp_path / "p" / "2024-03-05" / "1.txt")
    now = time.time()
    os.utime(page, (now + modified_seconds_from_now, now + modified_seconds_from_now))
    found = discover(tmp_path, settle_seconds=30, now=now)
    seen = "deferred" if found.deferred else "taken" + (", future-dated" if found.future_dated else "")
    assert seen == outcome
    # However it was stamped, a file left alone is taken by a run two windows later at the latest.
    later = discover(tmp_path, settle_seconds=30, now=now + modified_seconds_from_now + 61)
    assert [p.source_path for p in later.pages] == ["p/2024-03-05/1.txt"] and not later.deferred
