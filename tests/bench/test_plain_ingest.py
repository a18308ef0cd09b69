"""The benchmark's Prefect-free pipeline (``bench/plain_ingest.py``) loads exactly what ``sinmun ingest`` loads,
so the difference in their times is Prefect's overhead and nothing else."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.helpers.warehouse import RUN_SPECIFIC, copy_samples, table_fingerprints

pytestmark = pytest.mark.integration  # the real `sinmun` command and a benchmark script end to end


def test_plain_pipeline_loads_the_same_tables_as_the_flow(tmp_path: Path, sinmun_bin: Path):
    inbox = tmp_path / "inbox"
    copy_samples(inbox)
    (inbox / "broken.txt").write_bytes(b"\x00\x01binary\x00" * 20)  # quarantined by both
    flow_inbox = tmp_path / "flow-inbox"
    subprocess.run(["cp", "-r", str(inbox), str(flow_inbox)], check=True)
    flow, plain = tmp_path / "flow" / "w.duckdb", tmp_path / "plain" / "w.duckdb"
    one = subprocess.run([str(sinmun_bin), "ingest", str(flow_inbox), "--warehouse", str(flow), "--batch-pages", "8",
                          "--no-progress"], capture_output=True, text=True, timeout=600)  # fmt: skip
    assert one.returncode == 0, one.stderr[-2000:]
    two = subprocess.run([sys.executable, str(ROOT / "bench" / "plain_ingest.py"), str(inbox), str(plain),
                          "--batch-pages", "8"], capture_output=True, text=True, timeout=600)  # fmt: skip
    assert two.returncode == 0, two.stderr[-2000:]
    summary = json.loads(two.stdout.strip().splitlines()[-1])
    assert (summary["pages_seen"], summary["pages_loaded"], summary["pages_quarantined"]) == (35, 34, 1)
    assert "prefect" not in two.stderr.lower()
    without = (*RUN_SPECIFIC, "inbox", "quarantine_path")  # each run's own inbox folder
    a, b = table_fingerprints(flow, without=without), table_fingerprints(plain, without=without)
    assert a["fct_article"][0] > 100 and a["quarantine"][0] == 1
    assert a == b
    assert (plain.parent / "quarantine").is_dir() and not (inbox / "broken.txt").exists()
    assert plain.with_name("w.published.duckdb").exists()
