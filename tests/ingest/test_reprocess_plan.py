"""Which loaded pages `sinmun reprocess` reads again, and why (``sinmun.ingest.reprocess``): small cases."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from sinmun.ingest.discover import PageFile, Refusal
from sinmun.ingest.reprocess import LoadedPage, plan_reprocess

CURRENT = "9.9.9+r1.mabc"
DAY = date(2024, 3, 5)


def loaded(path: str, *, sha: str = "s1", publication=None, day=None, page=None, source="unknown", reader=CURRENT):
    page_id = f"{publication}/{day}/{page}" if publication and day and page else f"path:{path}"
    return LoadedPage(page_id, path, sha, publication, day, page, source, reader)


def found(path: str, *, publication=None, day=None, page=None, source="unknown", modified_ns=0) -> PageFile:
    return PageFile(Path("/inbox") / path, path, 100, publication, day, page, source, modified_ns)


def plan(pages, files, refused=(), hashes=None, **options):
    hashes = hashes or {}
    return plan_reprocess(
        pages, files, refused, current_reader=CURRENT, content_hash=lambda f: hashes.get(f.source_path, "s1"),
        **options,
    )  # fmt: skip


CASES = [
    # (loaded page, file in the inbox now, options, read again?, reason prefixes)
    ("nothing changed", loaded("a.txt"), found("a.txt"), {}, False, []),
    (
        "a manifest gives date and page",
        loaded("a.txt", publication="bitgoeul"),
        found("a.txt", publication="bitgoeul", day=DAY, page=1, source="manifest"),
        {}, True, ["metadata: date unknown -> 2024-03-05", "metadata: page unknown -> 1"],
    ),
    (
        "a manifest corrects the page",
        loaded("a.txt", publication="bitgoeul", day=DAY, page=1, source="manifest"),
        found("a.txt", publication="bitgoeul", day=DAY, page=2, source="manifest"),
        {}, True, ["metadata: page 1 -> 2"],
    ),
    (
        "the manifest repeats what the header gave",
        loaded("a.txt", publication="bitgoeul", day=DAY, page=1, source="header"),
        found("a.txt", publication="bitgoeul", day=DAY, page=1, source="manifest"),
        {}, False, [],
    ),
    (
        "a field the manifest leaves open keeps the header's",
        loaded("a.txt", publication="bitgoeul", day=DAY, page=1, source="header"),
        found("a.txt", day=DAY, source="manifest"),
        {}, False, [],
    ),
    ("another reading", loaded("a.txt", reader="0.1.0+r1.m000"), found("a.txt"), {}, True, ["reader: 0.1.0"]),
    ("a reading not recorded", loaded("a.txt", reader=None), found("a.txt"), {}, True, ["reader: unrecorded"]),
    ("another reading, metadata only", loaded("a.txt", reader="old"), found("a.txt"), {"metadata_only": True},
     False, []),
    ("loaded by the version asked", loaded("a.txt", reader="old"), found("a.txt"), {"loaded_by": ["old"]}, True,
     ["reader: old"]),
    ("loaded by another version than asked", loaded("a.txt", reader="old"), found("a.txt"),
     {"loaded_by": ["older"]}, False, []),
    ("unrecorded asked by name", loaded("a.txt", reader=None), found("a.txt"), {"loaded_by": ["unrecorded"]},
     True, ["reader: unrecorded"]),
]  # fmt: skip


@pytest.mark.parametrize(("page", "file", "options", "read_again", "reasons"), [c[1:] for c in CASES],
                         ids=[c[0] for c in CASES])  # fmt: skip
def test_a_page_is_read_again_when_its_metadata_or_reading_changed(page, file, options, read_again, reasons):
    result = plan([page], [file], **options)
    assert [p.source_path for p in result.pages] == (["a.txt"] if read_again else [])
    why = result.reasons.get("a.txt", [])
    assert len(why) == len(reasons) and all(w.startswith(r) for w, r in zip(why, reasons, strict=True)), why
    left_out = bool(options.get("loaded_by")) and not read_again  # not asked about: neither read nor counted
    assert result.unchanged == (0 if read_again or left_out else 1)
    assert result.considered == (0 if left_out else 1)
    assert result.cannot_reread == []


def test_pages_that_cannot_be_read_again_are_named_with_why_and_the_rest_go_on():
    pages = [
        loaded("gone.txt", reader="old"),
        loaded("refused.txt"),  # the inbox names it but refuses it: named, though its reading is current
        loaded("rewritten.txt", reader="old"),
        loaded("unreadable.txt", reader="old"),
        loaded("fine.txt", reader="old"),
        loaded("gone-but-current.txt"),  # nothing to read again: no message
    ]
    files = [found("rewritten.txt"), found("unreadable.txt"), found("fine.txt")]
    refused = [Refusal("refused.txt", "bad-manifest", "manifest date '2024-13-01' is not YYYY-MM-DD")]
    result = plan(pages, files, refused, hashes={"rewritten.txt": "s2", "unreadable.txt": None})
    assert [p.source_path for p in result.pages] == ["fine.txt"]
    assert result.cannot_reread == [
        "gone.txt: not read again: no longer in the inbox (its loaded version stays)",
        "refused.txt: not read again: the inbox refuses it (bad-manifest: manifest date '2024-13-01' is not "
        "YYYY-MM-DD)",
        "rewritten.txt: holds other content than was loaded (a new version of the page: `sinmun ingest` loads it)",
        "unreadable.txt: cannot be read (unreadable, or larger than --max-page-mb)",
    ]
    assert result.unchanged == 1
    assert result.reason_counts() == {"metadata": 0, "reader": 1}


def test_two_files_a_manifest_names_as_one_page_read_again_only_the_newer():
    pages = [loaded("x.txt", sha="sx"), loaded("y.txt", sha="sy")]
    files = [
        found("x.txt", publication="namdo", day=DAY, page=6, source="manifest", modified_ns=2),
        found("y.txt", publication="namdo", day=DAY, page=6, source="manifest", modified_ns=1),
    ]
    result = plan(pages, files, hashes={"x.txt": "sx", "y.txt": "sy"})
    assert [p.source_path for p in result.pages] == ["x.txt"]
    assert list(result.reasons) == ["x.txt"]
    assert len(result.cannot_reread) == 1 and result.cannot_reread[0].startswith("y.txt: not read again: page ")


def test_a_warehouse_from_before_the_reading_version_gets_the_column_and_its_pages_count_as_unrecorded(tmp_path):
    from datetime import datetime

    from sinmun.store import warehouse

    db = tmp_path / "old.duckdb"
    with warehouse.connect(db) as con:
        warehouse.ensure_schema(con)
        con.execute("alter table ledger_page drop column reader_version")  # the layout before it was recorded
        con.execute(
            "insert into ledger_page values ('path:a.txt', 'a.txt', 's1', 'utf-8', null, null, null, null, "
            "'unknown', 1, 'run-0001', ?, true)", [datetime(2024, 1, 1)],
        )  # fmt: skip
        warehouse.ensure_schema(con)
        rows = warehouse.reprocess_candidates(con)
    assert [(r["source_path"], r["reader_version"]) for r in rows] == [("a.txt", None)]
    result = plan([LoadedPage(**rows[0])], [found("a.txt")])
    assert result.reasons == {"a.txt": [f"reader: unrecorded -> {CURRENT}"]}
