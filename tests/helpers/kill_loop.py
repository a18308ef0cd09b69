"""``scripts/kill_loop.py`` loaded as a module (``kl``): running, killing and checking ingests; and its invariants
as an assertion."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

from tests.conftest import ROOT


def _load_kill_loop():
    spec = importlib.util.spec_from_file_location("sinmun_kill_loop", ROOT / "scripts" / "kill_loop.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


kl = _load_kill_loop()


def assert_invariants(db: Path, **kwargs) -> kl.WarehouseState:
    violations, state = kl.check_invariants(db, **kwargs)
    assert not violations, "invariants broken:\n  " + "\n  ".join(violations)
    return state
