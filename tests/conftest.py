"""Shared test fixtures: the reference page from ../shared (skipped where it is absent outside CI), the console
script, the sample warehouse every reading test shares, and the browser the report's tests open pages in.
Helpers shared by several test modules are in tests/helpers/."""

from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass
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


@dataclass(frozen=True)
class SampleWarehouse:
    """Every sample page, plus the reference page when ../shared has it, loaded by one real `sinmun ingest`."""

    inbox: Path
    path: Path  # the loader's file
    published: Path  # the copy analysts read
    ingest: subprocess.CompletedProcess  # the run that loaded it: its exit status and summary


@pytest.fixture(scope="session")
def samples_warehouse(tmp_path_factory: pytest.TempPathFactory, sinmun_bin: Path) -> SampleWarehouse:
    """The one sample warehouse of the session, read by many tests: none may write to it (copy it first)."""
    # Imported here: the helpers import this module's paths.
    from tests.helpers.warehouse import sample_inbox

    root = tmp_path_factory.mktemp("samples_warehouse")
    inbox = sample_inbox(root / "inbox")
    path = root / "wh" / "sinmun.duckdb"
    run = subprocess.run([str(sinmun_bin), "ingest", str(inbox), "--warehouse", str(path), "--no-progress"],
                         capture_output=True, text=True, timeout=600)  # fmt: skip
    assert run.returncode == 0, run.stderr[-2000:]
    return SampleWarehouse(inbox, path, path.with_name("sinmun.published.duckdb"), run)


@pytest.fixture(scope="module")
def chromium():
    """Headless Chromium for one module's browser tests, the network cut off (tests/helpers/report_page.py)."""
    from tests.helpers.report_page import chromium_browser

    with chromium_browser() as browser:
        yield browser


# Prefect runs offline in tests: no telemetry.
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("PREFECT_UI_ENABLED", "false")
