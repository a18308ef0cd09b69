"""Prefect's settings for an ingest's flow run: heartbeats only where a long-running server could watch them."""

from __future__ import annotations

import pytest
from prefect.settings import get_current_settings

from sinmun.flows.prefect_server import TemporaryPrefectServer, is_temporary_api
from sinmun.flows.run import flow_run_settings

pytestmark = pytest.mark.integration  # Prefect's settings for a flow run

API = "http://127.0.0.1:1/api"


@pytest.fixture
def temporary_api(monkeypatch):
    monkeypatch.setenv("PREFECT_API_URL", API)
    TemporaryPrefectServer.running_apis.add(API)
    yield API
    TemporaryPrefectServer.running_apis.discard(API)


def test_no_heartbeats_on_the_runs_own_temporary_server(temporary_api):
    assert is_temporary_api(temporary_api)
    with flow_run_settings():
        assert get_current_settings().flows.heartbeat_frequency is None
    assert get_current_settings().flows.heartbeat_frequency is not None  # restored after the run


def test_prefects_heartbeats_as_configured_against_a_long_running_server(monkeypatch):
    monkeypatch.setenv("PREFECT_API_URL", "http://127.0.0.1:4200/api")
    assert not is_temporary_api("http://127.0.0.1:4200/api")
    default = get_current_settings().flows.heartbeat_frequency
    assert default  # Prefect's default: a heartbeat every few minutes
    with flow_run_settings():
        assert get_current_settings().flows.heartbeat_frequency == default


def test_a_stopped_temporary_server_is_no_longer_the_runs():
    server = TemporaryPrefectServer()
    TemporaryPrefectServer.running_apis.add(server.api)  # as start() does, without booting a server
    server.stop()
    assert not is_temporary_api(server.api)
