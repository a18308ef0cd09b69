"""Fixtures for the commands' end-to-end tests."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import SEED_PAGE
from tests.helpers.warehouse import copy_samples, layout_row, write_manifest


@pytest.fixture
def seed_inbox(tmp_path: Path) -> Path:
    """All sample pages plus the reference page, described by a manifest (the reference page has no page number)."""
    inbox = tmp_path / "inbox"
    rels = copy_samples(inbox)
    rows = [layout_row(r) for r in rels]
    if SEED_PAGE.exists():
        (inbox / "extra").mkdir()
        shutil.copyfile(SEED_PAGE, inbox / "extra" / "seed.txt")
        rows.append({"path": "extra/seed.txt", "publication": "kwangju", "date": "2023-05-22", "page": ""})
    write_manifest(inbox, rows)
    return inbox
