"""Shared test fixtures: the reference page from ../shared (skipped where it is absent outside CI)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("SINMUN_SHARED", ROOT.parent / "shared"))
SEED_PAGE = SHARED / "seeds" / "000_4ae2f070b7fbc9b8.txt"
SEED_GOLD = SHARED / "reference" / "seed_page.gold.json"
SCORER = SHARED / "tools" / "score_pages.py"


def require_shared() -> None:
    """Skip outside CI when ../shared is not there; in CI (CI=1) its absence is a failure."""
    if SEED_PAGE.exists() and SEED_GOLD.exists() and SCORER.exists():
        return
    if os.environ.get("CI"):
        pytest.fail(f"CI must provide the shared reference files under {SHARED}")
    pytest.skip(f"reference files not found under {SHARED}")


@pytest.fixture(scope="session")
def sinmun_bin() -> Path:
    exe = ROOT / ".venv" / "bin" / "sinmun"
    if not exe.exists():
        import shutil

        found = shutil.which("sinmun")
        assert found, "the sinmun console script is not installed"
        return Path(found)
    return exe


# Prefect runs offline in tests: no telemetry.
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("PREFECT_UI_ENABLED", "false")
