"""The library's imports run one way, and Prefect stays in ``flows/`` (issue 18, items 4 and 5), read from the
source with ``ast``: every import statement of every module, at module level or inside a function.

- No module of the library (``src/sinmun/``) imports Prefect, prefect-dask or the flows, but the command line,
  which may call into ``sinmun.flows`` (never into Prefect itself).
- Imports run one way: pages -> entities -> store -> ingest -> cli; analytics reads the store (beside ingest);
  the flows sit above ingest. A module imports from its own layer or from one below, never from one above.
- The store (``src/sinmun/store/``) is the one package that opens DuckDB (``duckdb.connect``).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.conftest import ROOT

# The layers below each layer: what its modules may import from sinmun (besides their own layer).
BELOW = {
    "base": set(),
    "pages": {"base"},
    "entities": {"base", "pages"},
    "store": {"base", "pages", "entities"},
    "ingest": {"base", "pages", "entities", "store"},
    "analytics": {"base", "pages", "entities", "store"},
    "flows": {"base", "pages", "entities", "store", "ingest"},
    "cli": {"base", "pages", "entities", "store", "ingest", "analytics", "flows"},
}
# Modules and packages directly under sinmun/ and their layer. A new one must be placed here.
LAYER_OF = {
    "__init__": "base",  # the version
    "data": "base",  # data files
    "reader_version": "base",
    "morphology": "base",  # Kiwi, for the entities' pass and the search
    "sql_files": "base",  # the SQL files, read by the store and the analytics
    "reprints": "base",  # pure: fingerprints and clusters, over texts
    "pages": "pages",
    "parse": "entities",  # a page's articles with their entities (``sinmun parse``)
    "entities": "entities",
    "store": "store",
    "ingest": "ingest",
    "analytics": "analytics",
    "flows": "flows",  # flows/ installs as sinmun.flows
    "cli": "cli",
}
ORCHESTRATOR = ("prefect", "prefect_dask", "sinmun.flows", "flows")


def imported_modules(source: str, module: str, is_package: bool = False) -> list[tuple[int, str]]:
    """(line, module) of every import in ``source``, the source of ``module``, relative imports resolved; for
    ``from package import name``, ``package.name`` (a submodule or not: both are read as the package's)."""
    package = module if is_package else module.rpartition(".")[0]
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*parent, *([base] if base else [])])
            found += [(node.lineno, f"{base}.{alias.name}") for alias in node.names]
    return found


def layer(module: str) -> str | None:
    """The layer of a sinmun module (``sinmun.store.warehouse`` -> store); None for another distribution's."""
    parts = module.split(".")
    if parts[0] == "flows":
        return "flows"
    if parts[0] != "sinmun":
        return None
    if len(parts) == 1:
        return "base"
    if parts[1] in LAYER_OF:
        return LAYER_OF[parts[1]]
    if parts[1].startswith("__"):
        return "base"  # sinmun.__version__: a name of sinmun/__init__.py
    raise AssertionError(f"{module}: no layer for sinmun.{parts[1]}; place it in LAYER_OF")


def library_modules(root: Path) -> list[tuple[str, Path, bool]]:
    """(module, file, is a package's __init__) of the library and of the flows."""
    modules = []
    for top, name in ((root / "src" / "sinmun", "sinmun"), (root / "flows", "sinmun.flows")):
        for path in sorted(top.rglob("*.py")):
            parts = list(path.relative_to(top).with_suffix("").parts)
            is_package = parts[-1] == "__init__"
            modules.append((".".join([name, *(parts[:-1] if is_package else parts)]), path, is_package))
    return modules


def duckdb_connections(source: str) -> list[int]:
    """The lines that open DuckDB (``duckdb.connect(...)``)."""
    return [
        node.lineno
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "connect"
        and isinstance(node.func.value, ast.Name)
        and node.func.value.id == "duckdb"
    ]


def violations(root: Path) -> list[str]:
    """Every import or connection that breaks a rule, as ``<file>:<line>: <module> ... (<why>)``."""
    found = []
    for module, path, is_package in library_modules(root):
        own = layer(module)
        where = path.relative_to(root)
        source = path.read_text(encoding="utf-8")
        if own != "store":
            found += [
                f"{where}:{line}: {module} opens DuckDB (the store opens it)" for line in duckdb_connections(source)
            ]
        for line, imported in imported_modules(source, module, is_package):
            orchestrator = any(imported == name or imported.startswith(name + ".") for name in ORCHESTRATOR)
            if orchestrator and own not in ("flows", "cli"):
                found.append(f"{where}:{line}: {module} imports {imported} (the library stays orchestrator-free)")
            elif orchestrator and own == "cli" and layer(imported) != "flows":
                found.append(f"{where}:{line}: {module} imports {imported} (the command line calls sinmun.flows)")
            target = layer(imported)
            if target is not None and target != own and target not in BELOW[own]:
                found.append(f"{where}:{line}: {module} imports {imported} ({own} is below {target})")
    return found


def test_the_library_is_orchestrator_free_and_its_imports_run_one_way() -> None:
    problems = violations(ROOT)
    assert not problems, "\n".join(problems)


def test_every_module_of_the_library_has_a_layer() -> None:
    assert {layer(module) for module, _, _ in library_modules(ROOT)} <= set(BELOW)


@pytest.mark.parametrize(
    ("source", "module", "breaks"),
    [
        ("from sinmun.store import warehouse", "sinmun.ingest.load", []),
        ("import prefect", "sinmun.ingest.run", ["orchestrator-free"]),
        ("def f():\n    from prefect.settings import temporary_settings", "sinmun.ingest.run", ["orchestrator-free"]),
        ("def f():\n    import sinmun.flows.ingest", "sinmun.ingest.run", ["orchestrator-free", "below flows"]),
        ("from sinmun import flows", "sinmun.store.warehouse", ["orchestrator-free", "below flows"]),
        ("from prefect_dask import DaskTaskRunner", "sinmun.flows.run", []),
        ("from prefect.schedules import Cron", "sinmun.cli", ["calls sinmun.flows"]),
        ("from sinmun.flows.run import run_ingest", "sinmun.cli", []),
        ("from sinmun.analytics.search_terms import terms", "sinmun.entities.extract", ["below analytics"]),
        ("from sinmun.analytics import search", "sinmun.ingest.normalize", ["below analytics"]),
        ("from sinmun.ingest.discover import discover", "sinmun.analytics.search", ["below ingest"]),
        ("from sinmun.cli import main", "sinmun.flows.ingest", ["below cli"]),
        ("from .ingest import ingest_flow", "sinmun.flows.reprocess", []),
        ("from ..store import warehouse", "sinmun.pages.reader", ["below store"]),
        ("from sinmun import __version__, morphology", "sinmun.pages.reader", []),
        ("import duckdb\ncon = duckdb.connect(path, read_only=True)", "sinmun.analytics.sql_runner", ["store opens"]),
        ("import duckdb\ndef f():\n    return duckdb.connect().sql('select 1')", "sinmun.analytics.x", ["store opens"]),
        ("import duckdb\ncon = duckdb.connect(path)", "sinmun.store.warehouse", []),
    ],
)
def test_the_rules_read_every_kind_of_import(tmp_path: Path, source: str, module: str, breaks: list[str]) -> None:
    parts = module.split(".")
    if parts[1] == "flows":
        path = tmp_path / "flows" / f"{parts[-1]}.py"
    else:
        path = tmp_path / "src" / Path(*parts).with_suffix(".py")
    path.parent.mkdir(parents=True)
    path.write_text(source + "\n", encoding="utf-8")
    found = violations(tmp_path)
    assert len(found) == len(breaks), found
    for problem, why in zip(found, breaks, strict=True):
        assert why in problem, found
