"""The project's own sample pages, scored against their gold readings with the judges' scorer.

The samples (``samples/``) and their golds (``tests/golden/``) are generated together by
``samples/make_samples.py``. The figures asserted are floors: the reader may only get better.
"""

from __future__ import annotations

import importlib.util
import json
from datetime import date
from pathlib import Path

import pytest

from sinmun.parse import parse_page_bytes
from tests.conftest import ROOT, SCORER, require_shared

GOLDEN = sorted((ROOT / "tests" / "golden").glob("*.gold.json"))

# Totals over all golden pages (matched, out of); measured 2026-11-23.
FLOORS = {
    "articles_found": 0.98,
    "kind": 0.98,
    "headline_exact": 0.95,
    "byline": 0.95,
    "body_similarity_x100": 0.97,
    "column_breaks_repaired": 0.94,
    "cross_refs": 0.99,
    "page_metadata_inferred": 1.0,
    "page_furniture_excluded": 1.0,
    "continuations": 1.0,
    "person_recall": 0.85,
    "person_precision": 0.95,
    "person_title": 0.85,
    "org_loc_recall": 0.85,
    "alias_coref": 0.85,
    "dates_resolved": 0.98,
}


def _scorer():
    require_shared()
    spec = importlib.util.spec_from_file_location("score_pages", SCORER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _page_path(gold: dict) -> Path:
    return ROOT / "samples" / gold["source"]


def test_every_gold_has_its_page() -> None:
    assert len(GOLDEN) >= 30
    for path in GOLDEN:
        assert _page_path(json.loads(path.read_text(encoding="utf-8"))).exists(), path.name


def test_golden_pages_score_at_their_floors() -> None:
    scorer = _scorer()
    totals: dict[str, list[int]] = {}
    for path in GOLDEN:
        gold = json.loads(path.read_text(encoding="utf-8"))
        page = _page_path(gold)
        # Like the judges' run, with the manifest's options; page metadata is scored on a run without them,
        # where it must be inferred from the page itself.
        manifest = gold.get("manifest") or {}
        pred = parse_page_bytes(
            page.read_bytes(),
            path=str(page),
            publication=manifest.get("publication"),
            publication_date=date.fromisoformat(manifest["date"]) if manifest.get("date") else None,
            page=manifest.get("page"),
        )
        scores = scorer.score_page(gold, pred)
        if "page_metadata_inferred" in scores:
            bare = parse_page_bytes(page.read_bytes(), path=str(page), with_entities=False)
            scores["page_metadata_inferred"] = scorer.score_page(gold, bare)["page_metadata_inferred"]
        for metric, (got, of) in scores.items():
            t = totals.setdefault(metric, [0, 0])
            t[0] += got
            t[1] += of
    for metric, floor in FLOORS.items():
        got, of = totals[metric]
        assert of > 0, metric
        assert got / of >= floor, f"{metric}: {got}/{of} below {floor}"


@pytest.mark.parametrize("path", GOLDEN, ids=[p.stem for p in GOLDEN])
def test_golden_page_is_read_without_error(path: Path) -> None:
    gold = json.loads(path.read_text(encoding="utf-8"))
    page = _page_path(gold)
    result = parse_page_bytes(page.read_bytes(), path=str(page))
    assert result["articles"], path.name
