"""The analytics benchmark script runs end to end (on a small warehouse: the figures themselves are the script's)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.conftest import ROOT

pytestmark = pytest.mark.integration  # a benchmark script run end to end


def test_analytics_bench_builds_a_warehouse_and_times_every_query(tmp_path):
    out = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "analytics_bench.py"), "--articles", "1500", "--runs", "2",
         "--keep", str(tmp_path)],
        capture_output=True, text=True, check=True, cwd=tmp_path,
    ).stdout  # fmt: skip
    assert "fct_article 1," in out
    for analysis in (ROOT / "sql" / "analyses").glob("*.sql"):
        assert analysis.stem in out, analysis.stem
    assert out.count("search ") == 6
    timed = [line.split() for line in out.splitlines() if line.startswith(("search ", "top_", "co_", "link_"))]
    assert timed and all(float(parts[-3]) > 0 for parts in timed)
    assert "slowest p50:" in out
