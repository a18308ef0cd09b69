"""Scale-out: the same inbox through the default task runner and through a local Dask cluster of 2 worker
processes (real `sinmun ingest --workers 2`) gives identical tables."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.helpers.warehouse import RUN_SPECIFIC, copy_samples, table_fingerprints

pytestmark = pytest.mark.integration  # the real `sinmun` command in a subprocess


def test_dask_workers_load_the_same_tables(tmp_path: Path):
    inbox = tmp_path / "inbox"
    copy_samples(inbox)
    sinmun = str(ROOT / ".venv" / "bin" / "sinmun")
    default, dask = tmp_path / "default" / "w.duckdb", tmp_path / "dask" / "w.duckdb"
    common = ["--batch-pages", "8", "--no-progress"]
    one = subprocess.run([sinmun, "ingest", str(inbox), "--warehouse", str(default), *common],
                         capture_output=True, text=True, timeout=600)  # fmt: skip
    assert one.returncode == 0, one.stderr[-2000:]
    two = subprocess.run([sinmun, "ingest", str(inbox), "--warehouse", str(dask), "--workers", "2", *common],
                         capture_output=True, text=True, timeout=600)  # fmt: skip
    assert two.returncode == 0, two.stderr[-2000:]
    assert "Dask" in dask.with_suffix(".log").read_text(), "the run used the Dask task runner (Prefect's log says)"
    assert "34 pages seen, 34 loaded" in two.stdout
    a = table_fingerprints(default, without=RUN_SPECIFIC)
    b = table_fingerprints(dask, without=RUN_SPECIFIC)
    assert a["fct_article"][0] > 100
    assert a == b
