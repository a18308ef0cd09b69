"""The run's load loop (``sinmun.ingest.pipeline.stage_and_load``, which the flows and ``bench/plain_ingest.py``
share), with stand-in staging and loading: batches are staged at most ``staged_ahead`` ahead of the load and loaded
in batch order, every page is counted once, and a failed load leaves no staging folder behind."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from sinmun.ingest.console import IngestProgress
from sinmun.ingest.discover import PageFile
from sinmun.ingest.pipeline import IngestSummary, Steps, run_now, stage_and_load
from sinmun.ingest.stage import StagedBatch, staging_root


class StandIns:
    """Staging that counts two articles and three mentions a page, loading that names each load; both recorded."""

    def __init__(self, fail_at_load: int | None = None):
        self.events: list[tuple[str, int]] = []
        self.fail_at_load = fail_at_load

    def submit(self, step, *args):
        self.events.append(("submit", args[1]))
        return run_now(step, *args)

    def stage(self, pages, batch_number, staging_dir, max_bytes, on_pages_done=None) -> StagedBatch:
        assert Path(staging_dir).is_dir()
        return StagedBatch(batch_number=batch_number, pages=len(pages), articles=2 * len(pages),
                           mentions=3 * len(pages), seconds={"segment": 0.5})  # fmt: skip

    def load(self, con, batch, run_id, started_at, inbox, quarantine_dir):
        if batch.batch_number == self.fail_at_load:
            raise RuntimeError("the load failed")
        self.events.append(("load", batch.batch_number))
        return f"{run_id}-{batch.batch_number}", []

    def steps(self) -> Steps:
        return Steps(log=logging.getLogger("test"), submit=self.submit, stage=self.stage, load=self.load)


def _run(tmp_path: Path, stand_ins: StandIns, pages: int, batch_pages: int, staged_ahead: int) -> IngestSummary:
    files = [PageFile(path=tmp_path / f"{n}.txt", source_path=f"{n}.txt", size=1) for n in range(pages)]
    summary = IngestSummary(run_id="run", warehouse=str(tmp_path / "w.duckdb"), published=None)
    with IngestProgress(pages, enabled=False) as bar:
        stage_and_load(None, summary, files, stand_ins.steps(), inbox=str(tmp_path), quarantine_dir=str(tmp_path / "q"),
                       batch_pages=batch_pages, max_page_bytes=1000, staged_ahead=staged_ahead, bar=bar)  # fmt: skip
    return summary


@pytest.mark.parametrize(
    ("pages", "batch_pages", "staged_ahead", "batches"),
    [(0, 3, 2, 0), (1, 3, 2, 1), (7, 3, 1, 3), (10, 2, 4, 5), (10, 5, 8, 2), (9, 1, 0, 9)],
)
def test_batches_stage_ahead_of_their_load_and_load_in_order(
    tmp_path: Path, pages: int, batch_pages: int, staged_ahead: int, batches: int
) -> None:
    stand_ins = StandIns()
    summary = _run(tmp_path, stand_ins, pages, batch_pages, staged_ahead)
    loads = [number for event, number in stand_ins.events if event == "load"]
    assert loads == list(range(1, batches + 1))
    ahead = max(1, staged_ahead)
    for position, (event, number) in enumerate(stand_ins.events):
        if event == "load":
            submitted = [n for e, n in stand_ins.events[:position] if e == "submit"]
            assert submitted == list(range(1, min(number + ahead, batches) + 1)), stand_ins.events
    assert summary.loads == [f"run-{n}" for n in range(1, batches + 1)]
    assert (summary.pages_loaded, summary.articles, summary.mentions) == (pages, 2 * pages, 3 * pages)
    assert summary.stage_seconds.get("segment", 0.0) == 0.5 * batches
    assert not staging_root(tmp_path / "w.duckdb").exists()  # the run's folder, and the root it leaves empty


def test_a_failed_load_stops_the_loop_and_removes_the_runs_staging(tmp_path: Path) -> None:
    stand_ins = StandIns(fail_at_load=2)
    with pytest.raises(RuntimeError, match="the load failed"):
        _run(tmp_path, stand_ins, pages=6, batch_pages=2, staged_ahead=1)
    assert [number for event, number in stand_ins.events if event == "load"] == [1]
    assert not staging_root(tmp_path / "w.duckdb").exists()
