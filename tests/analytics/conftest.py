"""The analytics tests' cache folder (the sample warehouse they read is tests/conftest.py's ``samples_warehouse``)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest


@pytest.fixture(scope="session", autouse=True)
def search_cache_folder(tmp_path_factory) -> Path:
    """`sinmun search` remembers Kiwi's analyses of queries in a cache folder: the tests' own, never the user's."""
    folder = tmp_path_factory.mktemp("sinmun_cache")
    os.environ["SINMUN_CACHE_DIR"] = str(folder)
    return folder
