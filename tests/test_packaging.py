"""The built wheel is a working sinmun on its own: built from a clean copy of the tree, installed into a fresh virtual
environment, and run from a folder that is not the repository (no sql/ or flows/ beside it).

Offline: the wheel is built with the project environment's setuptools (no build isolation), and the fresh
environment sees the project environment's dependencies through a .pth file while sinmun itself comes from the
wheel installed in it (``--no-deps --no-index``); the test checks that the CLI really imports that copy.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import venv
import zipfile
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.helpers.warehouse import copy_samples

pytestmark = pytest.mark.slow

PROJECT_PYTHON = Path(sys.executable)
TREE = ("pyproject.toml", "README.md", "src", "flows", "sql")


def _run(command: list, *, cwd: Path, env: dict, timeout: float = 300) -> subprocess.CompletedProcess:
    done = subprocess.run(
        [str(part) for part in command], cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout
    )
    assert done.returncode == 0, f"{command}: exit {done.returncode}\n{done.stdout[-2000:]}\n{done.stderr[-3000:]}"
    return done


def _clean_env(tmp: Path) -> dict:
    env = {key: value for key, value in os.environ.items() if not key.startswith(("SINMUN_", "PREFECT_"))}
    env.pop("PYTHONPATH", None)
    env.pop("VIRTUAL_ENV", None)
    env.update(PREFECT_HOME=str(tmp / "prefect-home"), PREFECT_SERVER_ANALYTICS_ENABLED="false",
               SINMUN_CACHE_DIR=str(tmp / "cache"))  # fmt: skip
    return env


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    """The wheel, built from a copy of the tree (a stale build/ folder of the checkout cannot leak into it)."""
    tmp = tmp_path_factory.mktemp("build")
    source = tmp / "source"
    source.mkdir()
    for name in TREE:
        if (ROOT / name).is_dir():
            shutil.copytree(ROOT / name, source / name, ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
        else:
            shutil.copy2(ROOT / name, source / name)
    _run([PROJECT_PYTHON, "-m", "pip", "wheel", "--quiet", "--no-build-isolation", "--no-deps", "--no-index",
          "--wheel-dir", tmp / "dist", source], cwd=tmp, env=_clean_env(tmp))  # fmt: skip
    (built,) = (tmp / "dist").glob("sinmun-*.whl")
    return built


def _tree_files(folder: str, pattern: str, installed_as: str) -> set[str]:
    return {f"{installed_as}/{p.relative_to(ROOT / folder).as_posix()}" for p in (ROOT / folder).rglob(pattern)}


def test_the_wheel_holds_every_module_and_sql_file_under_the_sinmun_name_only(wheel: Path):
    names = set(zipfile.ZipFile(wheel).namelist())
    top_level = {name.split("/")[0] for name in names}
    assert top_level == {"sinmun", wheel.name.split("-py3")[0] + ".dist-info"}, "no top-level name but sinmun"
    modules = _tree_files("src/sinmun", "*.py", "sinmun") | _tree_files("flows", "*.py", "sinmun/flows")
    assert modules - names == set(), "a module of the tree is missing from the wheel (list its package in pyproject)"
    assert _tree_files("sql", "*.sql", "sinmun/sql") - names == set()
    data = {p for p in _tree_files("src/sinmun/data", "*", "sinmun/data") if not p.endswith((".py", ".pyc"))}
    assert data - names == set() and "sinmun/sql/ddl/fct_article.sql" in names


@pytest.fixture(scope="module")
def installed(wheel: Path, tmp_path_factory) -> tuple[Path, dict]:
    """A fresh virtual environment with the wheel installed; the dependencies come from the project's."""
    tmp = tmp_path_factory.mktemp("installed")
    env_dir = tmp / "venv"
    venv.EnvBuilder(with_pip=False).create(env_dir)
    python = env_dir / "bin" / "python"
    site_packages = Path(
        subprocess.check_output([python, "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"], text=True)
        .strip()
    )  # fmt: skip
    (site_packages / "project_dependencies.pth").write_text(sysconfig.get_path("purelib") + "\n", encoding="utf-8")
    env = _clean_env(tmp)
    _run([PROJECT_PYTHON, "-m", "pip", "--python", python, "install", "--quiet", "--no-deps", "--no-index", wheel],
         cwd=tmp, env=env)  # fmt: skip
    return env_dir, env


def test_the_installed_wheel_ingests_queries_searches_and_reports_from_any_folder(installed, tmp_path: Path):
    env_dir, env = installed
    sinmun = env_dir / "bin" / "sinmun"
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    found = _run([env_dir / "bin" / "python", "-c", "import json, sinmun, sinmun.flows.ingest as f; from sinmun.sql_files"
                  " import sql_dir; print(json.dumps([sinmun.__file__, f.__file__, str(sql_dir())]))"],
                 cwd=elsewhere, env=env)  # fmt: skip
    for path in json.loads(found.stdout):
        assert Path(path).is_relative_to(env_dir), f"{path} is not the installed copy"
    claimed = subprocess.run([env_dir / "bin" / "python", "-c", "import flows"], cwd=elsewhere, env=env)
    assert claimed.returncode != 0, "the wheel must not install a top-level package named flows"

    inbox = tmp_path / "inbox"
    pages = copy_samples(inbox)
    warehouse = ["--warehouse", "wh/sinmun.duckdb"]
    ingest = _run([sinmun, "ingest", inbox, *warehouse, "--no-progress"], cwd=elsewhere, env=env)
    assert f"{len(pages)} pages seen, {len(pages)} loaded" in ingest.stdout
    counted = _run([sinmun, "sql", "select count(distinct page_id) as pages from ledger_page", "--format", "json",
                    *warehouse], cwd=elsewhere, env=env)  # fmt: skip
    assert json.loads(counted.stdout) == [{"pages": len(pages)}]
    top = _run([sinmun, "sql", "--analysis", "top_entities", "--format", "json", *warehouse], cwd=elsewhere, env=env)
    assert json.loads(top.stdout), "the saved analysis (sinmun/sql/analyses/) ran and found people"
    hits = _run([sinmun, "search", "광주시", "--format", "json", *warehouse], cwd=elsewhere, env=env)
    assert json.loads(hits.stdout)["hits"]
    report = _run([sinmun, "report", "--out", "report.html", *warehouse], cwd=elsewhere, env=env)
    assert f"{len(pages)} pages" in report.stdout
    html = (elsewhere / "report.html").read_text(encoding="utf-8")
    assets = ROOT / "src" / "sinmun" / "analytics" / "report_assets"
    assert (assets / "report.js").read_text(encoding="utf-8").strip() in html, "the script (package data) is inline"
