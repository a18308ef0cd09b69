"""The reprint clustering benchmark runs end to end on a small corpus (the figures themselves are the script's): its
articles go through the ingest's own normalizing and loading, and the clusters stored match the stories written."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from tests.conftest import ROOT

pytestmark = pytest.mark.integration  # a benchmark script run end to end


def test_reprints_bench_loads_a_corpus_and_its_clusters_match_the_stories():
    out = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "reprints_bench.py"), "--articles", "1200", "--stories", "40",
         "--batch-articles", "300", "--ingest-pages", "0"],
        capture_output=True, text=True, check=True, timeout=600,
    ).stdout  # fmt: skip
    assert "corpus: 1,200 articles" in out
    precision, recall = (float(x) for x in re.search(r"pair precision ([\d.]+), recall ([\d.]+)", out).groups())
    assert precision >= 0.95 and recall >= 0.9, out
    assert float(re.search(r"clustering in all: ([\d.]+) CPU ms an article", out).group(1)) > 0
    assert "per load: first tenth" in out
