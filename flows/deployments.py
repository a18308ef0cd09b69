"""Deployments of the ingest flow: a schedule, one run at a time, served against a real Prefect server.

Served by ``sinmun serve`` (the process runs scheduled flow runs itself, no work pool needed). The
schedule stays active when the process stops (``pause_on_shutdown=False``), so runs due meanwhile wait
as Late runs and start when a server process serves the deployment again.
"""

from __future__ import annotations

from datetime import timedelta

from prefect import serve
from prefect.schedules import Cron, Interval
from prefect.types.entrypoint import EntrypointType

from .ingest import ingest_flow

DEPLOYMENT_NAME = "sinmun-scheduled-ingest"
DEFAULT_CRON = "0 6 * * *"  # every morning at 06:00
DEFAULT_TIMEZONE = "Asia/Seoul"


def ingest_deployment(
    *,
    inbox: str,
    warehouse_path: str,
    cron: str = DEFAULT_CRON,
    timezone: str = DEFAULT_TIMEZONE,
    interval_seconds: float | None = None,
    settle_seconds: float = 30.0,
    name: str = DEPLOYMENT_NAME,
):
    schedule = (
        Interval(timedelta(seconds=interval_seconds), timezone=timezone)
        if interval_seconds
        else Cron(cron, timezone=timezone)
    )
    return ingest_flow.to_deployment(
        name=name,
        schedules=[schedule],
        concurrency_limit=1,  # one writer
        parameters={
            "inbox": inbox,
            "warehouse_path": warehouse_path,
            "settle_seconds": settle_seconds,
            "wait_for_writer": True,  # a scheduled run waits for a manual ingest rather than failing
        },
        description="Load new page files of the inbox into the sinmun warehouse, exactly once.",
        tags=["sinmun"],
        # The flow's import path (sinmun.flows.ingest.ingest_flow), not its file relative to the working folder:
        # the served runs load it from the installed package wherever the server process was started.
        entrypoint_type=EntrypointType.MODULE_PATH,
    )


def serve_ingest(**kwargs) -> None:
    serve(ingest_deployment(**kwargs), pause_on_shutdown=False)
