"""The pipeline benchmark runs end to end on a tiny corpus and prints every figure it promises (the figures
themselves are the script's: timing is never asserted)."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from tests.conftest import ROOT

pytestmark = pytest.mark.integration  # a benchmark script run end to end (Prefect, the real `sinmun` command)


def test_pipeline_bench_measures_every_step(tmp_path):
    out = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "pipeline_bench.py"), "--pages", "12", "--scale", "1", "--overhead-rounds", "2",
         "--workdir", str(tmp_path)],
        capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert out.returncode == 0, out.stdout[-3000:] + out.stderr[-3000:]
    text = out.stdout
    row = next(line for line in text.splitlines() if re.match(r"\s+12\s", line))
    figures = [float(x.replace(",", "")) for x in row.split()]
    assert len(figures) == 12 and all(f > 0 for f in figures[1:]), row  # chars ... peak memory, none missing
    for promised in ("x Kiwi alone in the flow", "without Prefect", "Prefect's overhead with its temporary server",
                     "Prefect's overhead with a running server", "beyond start-up", "peak memory of the run's "
                     "processes together", "ingest ", "kiwi ", "prefect-server ", "over 2 interleaved rounds"):  # fmt: skip
        assert promised in text, promised
    stages = {line.split()[0]: float(line.split()[1]) for line in text.splitlines() if line.startswith(("segment",
              "entities", "load "))}  # fmt: skip
    assert stages["segment"] > 0 and stages["entities"] > 0 and stages["load"] > 0
