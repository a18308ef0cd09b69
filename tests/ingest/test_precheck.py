"""The check before an ingest starts Prefect and Kiwi: only a run with truly nothing to do is answered without the
flow (everything else is the flow's work, as before)."""

from __future__ import annotations

import os
import shutil
import subprocess
from dataclasses import asdict, fields
from pathlib import Path

import pytest

from sinmun.ingest.pipeline import IngestSummary
from sinmun.ingest.precheck import check_for_work
from sinmun.ingest.stage import staging_root
from sinmun.store import warehouse
from tests.helpers.warehouse import copy_samples

pytestmark = pytest.mark.integration  # warehouses loaded by the real `sinmun` command

PAGE = "bitgoeul/2024-03-04/1.txt"


@pytest.fixture(scope="module")
def loaded_template(tmp_path_factory: pytest.TempPathFactory, sinmun_bin: Path) -> Path:
    """A warehouse holding the one page of its inbox, loaded by the real `sinmun ingest`."""
    root = tmp_path_factory.mktemp("loaded")
    copy_samples(root / "inbox", only=[PAGE])
    path = root / "wh" / "sinmun.duckdb"
    run = subprocess.run([str(sinmun_bin), "ingest", str(root / "inbox"), "--warehouse", str(path)],
                         capture_output=True, text=True, timeout=600)  # fmt: skip
    assert run.returncode == 0 and "1 loaded" in run.stdout, run.stdout + run.stderr
    return path


@pytest.fixture
def loaded(tmp_path: Path, loaded_template: Path) -> tuple[Path, Path]:
    """A copy of that warehouse, published, and its inbox: (inbox, warehouse)."""
    inbox = tmp_path / "inbox"
    copy_samples(inbox, only=[PAGE])
    path = tmp_path / "wh" / "sinmun.duckdb"
    path.parent.mkdir()
    shutil.copyfile(loaded_template, path)
    warehouse.publish(path)
    return inbox, path


def check(inbox: Path, path: Path):
    return check_for_work(inbox, path, settle_seconds=0, max_page_bytes=2 * 1024 * 1024, only_date=None)


def test_nothing_new_is_answered_with_the_summary_the_flow_would_give(loaded: tuple[Path, Path]) -> None:
    inbox, path = loaded
    found = check(inbox, path)
    assert found.summary is not None, found.work
    assert set(found.summary) == {f.name for f in fields(IngestSummary)}  # the flow's summary, key for key
    assert found.summary | {"run_id": "", "seconds": 0, "stage_seconds": {}} == asdict(
        IngestSummary(run_id="", warehouse=str(path), published=str(warehouse.published_path(path)), pages_seen=1,
                      pages_skipped_duplicate=1)
    )  # fmt: skip


def _new_page(inbox: Path, path: Path) -> None:
    copy_samples(inbox, only=["namdo/2024-03-05/1.txt"])


def _changed_page(inbox: Path, path: Path) -> None:
    (inbox / PAGE).write_bytes((inbox / PAGE).read_bytes() + "\n정정: 고친 문장이다.\n".encode())


def _empty_file(inbox: Path, path: Path) -> None:
    (inbox / "bitgoeul" / "2024-03-04" / "2.txt").write_bytes(b"")


def _fifo(inbox: Path, path: Path) -> None:
    os.mkfifo(inbox / "pipe.txt")


def _published_copy_truncated(inbox: Path, path: Path) -> None:
    with warehouse.published_path(path).open("r+b") as f:
        f.truncate(4096)


def _published_copy_missing(inbox: Path, path: Path) -> None:
    warehouse.published_path(path).unlink()


def _two_files_of_one_page(inbox: Path, path: Path) -> None:
    (inbox / "bitgoeul" / "2024-03-04" / "01.txt").write_text("같은 면의 다른 판이다.\n", encoding="utf-8")


def _warehouse_missing(inbox: Path, path: Path) -> None:
    path.unlink()


@pytest.mark.parametrize(
    ("change", "work"),
    [
        (_new_page, "1 new or changed page file(s); 1 loaded before"),
        (_changed_page, "1 new or changed page file(s); 0 loaded before"),
        (_empty_file, "1 new or changed page file(s); 1 loaded before"),  # refused when staged
        (_fifo, "1 file(s) to refuse; 1 loaded before"),
        (_two_files_of_one_page, "1 new or changed page file(s); 1 loaded before"),
        (_published_copy_truncated, "the published copy to bring up to date; 1 loaded before"),
        (_published_copy_missing, "the published copy to bring up to date; 1 loaded before"),
        (_warehouse_missing, "a new warehouse at {path}"),
    ],
)
def test_anything_else_is_the_flows_work(loaded: tuple[Path, Path], change, work: str) -> None:
    inbox, path = loaded
    change(inbox, path)
    found = check(inbox, path)
    assert found.summary is None
    assert found.work == work.format(path=path)


def test_what_an_interrupted_run_left_is_cleared_and_said(loaded: tuple[Path, Path]) -> None:
    inbox, path = loaded
    stale = staging_root(path) / "20240101T000000-abcdef-xyz"
    stale.mkdir(parents=True)
    found = check(inbox, path)
    assert found.summary is not None and not stale.exists()
    assert found.warnings == (f"cleared what an interrupted run left: {staging_root(path).name}/{stale.name}",)
