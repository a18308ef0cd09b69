"""docker-compose.yml, validated without a Docker engine: services, pinned versions, mounts, commands."""

from __future__ import annotations

import re
import tomllib

import yaml

from sinmun.cli import build_parser
from tests.conftest import ROOT

COMPOSE = yaml.safe_load((ROOT / "docker-compose.yml").read_text(encoding="utf-8"))
SERVICES = COMPOSE["services"]


def _prefect_pin() -> str:
    """The Prefect client version: pyproject.toml allows 3.8.x only, and the image must match what is installed."""
    dependencies = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["dependencies"]
    assert "prefect>=3.8,<3.9" in dependencies
    import prefect

    return prefect.__version__


def test_services_follow_the_self_hosting_recipe():
    assert {"postgres", "prefect-server", "prefect-services", "sinmun"} <= SERVICES.keys()
    for name in ("postgres", "prefect-server", "sinmun"):
        assert "healthcheck" in SERVICES[name], name
    assert SERVICES["prefect-server"]["command"][:3] == ["prefect", "server", "start"]
    assert "--no-services" in SERVICES["prefect-server"]["command"]
    assert SERVICES["prefect-services"]["command"] == ["prefect", "server", "services", "start"]
    for name in ("prefect-server", "prefect-services"):
        env = SERVICES[name]["environment"]
        assert env["PREFECT_SERVER_ANALYTICS_ENABLED"] == "false"
        assert env["PREFECT_API_DATABASE_CONNECTION_URL"].startswith("postgresql+asyncpg://")
        assert "@postgres:" in env["PREFECT_API_DATABASE_CONNECTION_URL"]


def test_images_are_pinned_to_the_prefect_client_version():
    version = _prefect_pin()
    for name, service in SERVICES.items():
        image = service.get("image")
        if image is None:
            continue
        assert ":" in image and not image.endswith(":latest"), f"{name}: unpinned image {image}"
        if image.startswith("prefecthq/prefect:"):
            assert image.split(":")[1].startswith(version + "-"), f"{name}: {image} is not Prefect {version}"
    assert SERVICES["sinmun"]["build"] == "."


def test_only_sinmun_mounts_the_warehouse_for_writing():
    writers = []
    for name, service in SERVICES.items():
        for volume in service.get("volumes", []):
            source, _target, *mode = volume.split(":")
            if source == "warehouse" and "ro" not in mode:
                writers.append(name)
    assert writers == ["sinmun"]
    assert any(v.endswith(":/inbox:ro") for v in SERVICES["sinmun"]["volumes"])
    assert SERVICES["sinmun"]["environment"]["PREFECT_API_URL"] == "http://prefect-server:4200/api"
    assert SERVICES["sinmun"]["environment"]["PREFECT_SERVER_ANALYTICS_ENABLED"] == "false"


def test_container_commands_exist_in_the_project():
    parser = build_parser()
    for name in ("sinmun", "analyst"):
        args = parser.parse_args(SERVICES[name]["command"])  # raises SystemExit on an unknown command or option
        assert args.command in {"serve", "sql", "ingest"}
    serve = parser.parse_args(SERVICES["sinmun"]["command"])
    assert serve.command == "serve" and serve.timezone == "Asia/Seoul"
    dockerfile = (ROOT / "Dockerfile").read_text(encoding="utf-8")
    assert re.search(r'^ENTRYPOINT \["sinmun"\]', dockerfile, re.M)
    assert "PREFECT_SERVER_ANALYTICS_ENABLED=false" in dockerfile
