"""Shared test fixtures: the reference page from ../shared (skipped where it is absent outside CI), the console
script, the sample warehouse every reading test shares, and the browser the report's tests open pages in; and the
fast lane (``pytest --fast-lane``, ``make test-fast``). Helpers shared by several test modules are in tests/helpers/."""

from __future__ import annotations

import os
import subprocess
import sys
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


# ---- the fast lane: unit tests only ----------------------------------------------------------------------------------
# Tests that run the `sinmun` command or a Kiwi process of their own in a subprocess, a Prefect flow or server, or
# Chromium are marked ``integration`` (pyproject.toml). ``--fast-lane`` leaves them out, and the slow ones, and fails a test it kept that
# starts the command or loads one of these modules: that test should carry the mark.
NOT_IN_THE_FAST_LANE = {
    "prefect.flow_engine": "ran a Prefect flow",
    "prefect.server.api.server": "started a Prefect server",
    "playwright.sync_api": "drove Chromium",
}
_POPEN_INIT = pytest.StashKey[object]()


class NotAUnitTest(AssertionError):
    """A test in the fast lane did what only tests marked ``integration`` may do."""


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--fast-lane", action="store_true",
        help="unit tests only: leave out the tests marked integration or slow, and fail a test left that runs the "
        "sinmun command, a Prefect flow or Chromium (make test-fast)",
    )  # fmt: skip


def pytest_configure(config: pytest.Config) -> None:
    if config.getoption("--fast-lane"):
        config.stash[_POPEN_INIT] = subprocess.Popen.__init__
        subprocess.Popen.__init__ = _refusing_the_command(subprocess.Popen.__init__)


def pytest_unconfigure(config: pytest.Config) -> None:
    if _POPEN_INIT in config.stash:
        subprocess.Popen.__init__ = config.stash[_POPEN_INIT]


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if not config.getoption("--fast-lane"):
        return
    left_out = {item for item in items if item.get_closest_marker("integration") or item.get_closest_marker("slow")}
    config.hook.pytest_deselected(items=[item for item in items if item in left_out])
    items[:] = [item for item in items if item not in left_out]


@pytest.hookimpl(wrapper=True)
def pytest_runtest_setup(item: pytest.Item):
    return (yield from _unit_test_phase(item))


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item: pytest.Item):
    return (yield from _unit_test_phase(item))


def _unit_test_phase(item: pytest.Item):
    """A test's phase; in the fast lane, failed when it loaded a module only an integration test loads."""
    if not item.config.getoption("--fast-lane"):
        return (yield)
    before = {name for name in NOT_IN_THE_FAST_LANE if name in sys.modules}
    result = yield
    done = [what for name, what in NOT_IN_THE_FAST_LANE.items() if name in sys.modules and name not in before]
    if done:
        raise NotAUnitTest(f"{item.nodeid} {' and '.join(done)}: mark it @pytest.mark.integration")
    return result


def _refusing_the_command(popen_init):
    """``subprocess.Popen.__init__`` refusing to start the `sinmun` command (its console script, ``-m sinmun``) or a
    Kiwi process (``-m sinmun.morphology``: the fast lane shares the one Kiwi of its own process)."""

    def init(self, args, *rest, **options):
        argv = [str(args)] if isinstance(args, str | os.PathLike) else [str(a) for a in args]
        program = Path(argv[0].split()[0]).name if argv and argv[0].strip() else ""
        module = next((argv[i + 1] for i in range(len(argv) - 1) if argv[i] == "-m"), None)
        if program == "sinmun" or module in ("sinmun", "sinmun.cli", "sinmun.morphology"):
            what = "a Kiwi process of its own" if module == "sinmun.morphology" else "the sinmun command"
            raise NotAUnitTest(f"started {what} ({' '.join(argv)[:120]}): mark it @pytest.mark.integration")
        return popen_init(self, args, *rest, **options)

    return init
