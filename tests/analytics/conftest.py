"""A warehouse of every sample page, plus the reference page when ../shared has it, shared by the analytics tests."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from sinmun.flows.ingest import ingest_flow
from tests.conftest import SEED_PAGE
from tests.helpers.warehouse import copy_samples, layout_row, write_manifest


def warehouse_of_pages(root: Path, pages: dict[str, str]) -> Path:
    """A warehouse loaded by the real flow from pages written here (inbox path -> text); returns its path."""
    for rel, text in pages.items():
        path = root / "inbox" / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    db = root / "wh" / "sinmun.duckdb"
    ingest_flow(inbox=str(root / "inbox"), warehouse_path=str(db))
    return db


@pytest.fixture(scope="session")
def samples_warehouse(tmp_path_factory) -> Path:
    """The loader's warehouse path (analysts' tools read its published copy)."""
    root = tmp_path_factory.mktemp("samples_warehouse")
    inbox = root / "inbox"
    rows = [layout_row(rel) for rel in copy_samples(inbox)]
    if SEED_PAGE.exists():
        (inbox / "extra").mkdir()
        shutil.copyfile(SEED_PAGE, inbox / "extra" / "seed.txt")
        rows.append({"path": "extra/seed.txt", "publication": "kwangju", "date": "2023-05-22", "page": "1"})
    write_manifest(inbox, rows)
    db = root / "wh" / "sinmun.duckdb"
    ingest_flow(inbox=str(inbox), warehouse_path=str(db))
    return db


@pytest.fixture(scope="session", autouse=True)
def search_cache_folder(tmp_path_factory) -> Path:
    """`sinmun search` remembers Kiwi's analyses of queries in a cache folder: the tests' own, never the user's."""
    folder = tmp_path_factory.mktemp("sinmun_cache")
    os.environ["SINMUN_CACHE_DIR"] = str(folder)
    return folder
