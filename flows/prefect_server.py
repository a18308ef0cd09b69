"""A local Prefect server process: a free port, its health, stopping it, and the run's temporary server."""

from __future__ import annotations

import ctypes
import importlib.util
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import ClassVar

import httpx


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def api_healthy(api: str) -> bool:
    """Whether the Prefect API at ``api`` (``http://host:port/api``) answers its health check."""
    try:
        return httpx.get(f"{api}/health", timeout=2).status_code == 200
    except httpx.HTTPError:
        return False


def wait_until_healthy(api: str, process: subprocess.Popen, timeout: float, what: str = "the Prefect server") -> None:
    """Wait until the Prefect API at ``api`` answers; raise if ``process`` (its server) exits or time runs out."""
    deadline = time.monotonic() + timeout
    while not api_healthy(api):
        if process.poll() is not None:
            raise RuntimeError(f"{what} exited while starting (exit code {process.returncode})")
        if time.monotonic() > deadline:
            raise RuntimeError(f"{what} did not answer within {timeout:.0f} s")
        time.sleep(0.1)


def stop_process_group(process: subprocess.Popen, sig: int = signal.SIGTERM, timeout: float = 10) -> None:
    """Stop a process started with ``start_new_session=True`` and its children; kill them if they linger."""
    if process.poll() is not None:
        return
    os.killpg(process.pid, sig)
    try:
        process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=10)


class TemporaryPrefectServer:
    """The Prefect API of one ingest run when no ``PREFECT_API_URL`` is set: Prefect's own ephemeral server (the
    same command, settings and database, ``PREFECT_HOME``), started by us at the very start of the run instead of
    by Prefect at the flow's first call. It boots (~5 s) while the run imports, takes its lock and loads Kiwi,
    instead of after; the flow process never imports the server's code; and Dask workers share it.

    ``start()`` returns at once and sets ``PREFECT_API_URL`` for this process and its children; ``wait_ready()``
    blocks until the API answers; ``stop()`` ends the server (it also dies with this process)."""

    # The APIs of the temporary servers this process has started and not stopped.
    running_apis: ClassVar[set[str]] = set()

    def __init__(self) -> None:
        self.port = free_port()
        self.api = f"http://127.0.0.1:{self.port}/api"
        self.process: subprocess.Popen | None = None

    def start(self) -> None:
        prefect_dir = Path(importlib.util.find_spec("prefect").origin).parent  # without importing Prefect
        command = [
            sys.executable, "-m", "uvicorn", "--app-dir", str(prefect_dir.parent), "--factory",
            "prefect.server.api.server:create_app", "--host", "127.0.0.1", "--port", str(self.port),
            "--log-level", "error", "--lifespan", "on",
        ]  # fmt: skip
        env = {**os.environ, "PREFECT_UI_ENABLED": "0", "PREFECT__SERVER_EPHEMERAL": "1", "PREFECT__SERVER_FINAL": "1"}
        # A session of its own: a terminal's Ctrl-C goes to the run alone, which records its end on this server
        # before stopping it (see ``sinmun.ingest.interrupt``).
        self.process = subprocess.Popen(
            command, env=env, stdin=subprocess.DEVNULL, preexec_fn=_die_with_parent, start_new_session=True
        )
        os.environ["PREFECT_API_URL"] = self.api
        TemporaryPrefectServer.running_apis.add(self.api)

    def wait_ready(self, timeout: float = 120) -> None:
        if self.process is None:
            raise RuntimeError("the temporary Prefect server was not started")
        wait_until_healthy(self.api, self.process, timeout, "the temporary Prefect server (its output is above)")

    def stop(self) -> None:
        TemporaryPrefectServer.running_apis.discard(self.api)
        if os.environ.get("PREFECT_API_URL") == self.api:
            del os.environ["PREFECT_API_URL"]
        if self.process is None or self.process.poll() is not None:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=10)


def is_temporary_api(api: str | None) -> bool:
    """Whether ``api`` is a temporary server this process started (it ends with the run)."""
    return api in TemporaryPrefectServer.running_apis


def _die_with_parent() -> None:
    """In the server's process, before it runs: be sent SIGTERM when the run's process dies, even by SIGKILL."""
    if sys.platform.startswith("linux"):
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
