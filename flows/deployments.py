"""Deployments of the ingest flow: a schedule, one run at a time, served against a real Prefect server.

Served by ``sinmun serve`` (the process runs scheduled flow runs itself, no work pool needed). The
schedule stays active when the process stops (``pause_on_shutdown=False``), so runs due meanwhile wait
as Late runs and start when a server process serves the deployment again. ``sinmun schedule pause`` stops
the schedule and drops the runs it had scheduled (Prefect's deployment pause), so none pile up while the
deployment is not served; ``resume`` schedules again; ``remove`` deletes the deployment and its scheduled runs.
"""

from __future__ import annotations

import asyncio
import time
from contextlib import suppress
from datetime import datetime, timedelta

from prefect import get_client
from prefect.client.schemas.objects import ConcurrencyLimitConfig, ConcurrencyLimitStrategy
from prefect.exceptions import ObjectNotFound
from prefect.runner import Runner
from prefect.schedules import Cron, Interval, Schedule
from prefect.types.entrypoint import EntrypointType

from .ingest import ingest_flow

DEPLOYMENT_NAME = "sinmun-scheduled-ingest"
DEFAULT_CRON = "0 6 * * *"  # every morning at 06:00
DEFAULT_TIMEZONE = "Asia/Seoul"
# After a pause, runs are dropped until none has come for this long (a scheduler pass under way), at most the max.
PAUSE_QUIET_SECONDS = 2.0
PAUSE_SETTLE_MAX_SECONDS = 30.0


def ingest_schedule(cron: str = DEFAULT_CRON, timezone: str = DEFAULT_TIMEZONE, interval_seconds: float | None = None):
    if interval_seconds:
        return Interval(timedelta(seconds=interval_seconds), timezone=timezone)
    return Cron(cron, timezone=timezone)


def cron_problem(cron: str, timezone: str) -> str | None:
    """What is wrong with a cron schedule, as Prefect says it; None when Prefect takes it."""
    try:
        Cron(cron, timezone=timezone)
    except ValueError as err:
        return str(err)
    return None


def describe_schedule(schedule: Schedule) -> str:
    if schedule.interval:
        return f"every {schedule.interval.total_seconds():g} s"
    return f'cron "{schedule.cron}" in {schedule.timezone}'


def next_run(schedule: Schedule) -> datetime:
    """When the schedule next fires (the dates Prefect's scheduler computes for it)."""
    from prefect.server.schemas.schedules import CronSchedule, IntervalSchedule

    if schedule.interval:
        rule = IntervalSchedule(
            interval=schedule.interval, anchor_date=schedule.anchor_date, timezone=schedule.timezone
        )
    else:
        rule = CronSchedule(cron=schedule.cron, timezone=schedule.timezone, day_or=schedule.day_or)
    return asyncio.run(rule.get_dates(n=1))[0]


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
    schedule = ingest_schedule(cron, timezone, interval_seconds)
    return ingest_flow.to_deployment(
        name=name,
        schedules=[schedule],
        # One writer; a run due while another runs is cancelled rather than queued: the running ingest or the next
        # scheduled one loads what it would have, so runs never pile up behind a long one.
        concurrency_limit=ConcurrencyLimitConfig(limit=1, collision_strategy=ConcurrencyLimitStrategy.CANCEL_NEW),
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


class _Runner(Runner):
    """Prefect's runner, stopped in order by SIGTERM: its flow runs are cancelled (each ingest stops as on its own
    SIGTERM and its run is marked Cancelled, so none stays Running and holds the one-writer slot), then it stops
    polling and leaves. Prefect's own SIGTERM handler calls ``stop()`` inside the running event loop, where it is a
    coroutine nobody awaits ("coroutine 'Runner.astop' was never awaited"), and exits in the middle of the loop."""

    serving: asyncio.Task | None = None

    def handle_sigterm(self, *args, **kwargs) -> None:
        if self.serving is not None:
            loop = self.serving.get_loop()
            loop.call_soon_threadsafe(lambda: loop.create_task(self.astop()))


async def _serve(runner: _Runner) -> None:
    runner.serving = asyncio.current_task()
    await runner.start()


def serve_ingest(deployment) -> None:
    """Serve the deployment until SIGINT or SIGTERM; the schedule stays active after (see the module's doc)."""
    runner = _Runner(pause_on_shutdown=False)
    runner.add_deployment(deployment)
    with suppress(KeyboardInterrupt, asyncio.CancelledError):  # stopped: the runner has left its context in order
        asyncio.run(_serve(runner))


def _deployment_id(client, name: str):
    try:
        return client.read_deployment_by_name(f"{ingest_flow.name}/{name}").id
    except ObjectNotFound:
        raise LookupError(
            f"no deployment {ingest_flow.name}/{name} on the Prefect server (`sinmun serve` creates it)"
        ) from None


def _drop_scheduled_runs(client, deployment_id) -> int:
    """Delete the deployment's runs that are scheduled and never started, late ones and those waiting for the
    concurrency slot too (Prefect's pause leaves the latter); how many."""
    from prefect.client.schemas.filters import (
        DeploymentFilter,
        DeploymentFilterId,
        FlowRunFilter,
        FlowRunFilterState,
        FlowRunFilterStateType,
    )
    from prefect.client.schemas.objects import StateType
    from prefect.client.schemas.sorting import FlowRunSort

    dropped = 0
    while True:
        runs = client.read_flow_runs(
            deployment_filter=DeploymentFilter(id=DeploymentFilterId(any_=[deployment_id])),
            flow_run_filter=FlowRunFilter(
                state=FlowRunFilterState(type=FlowRunFilterStateType(any_=[StateType.SCHEDULED]))
            ),
            sort=FlowRunSort.EXPECTED_START_TIME_ASC,  # Prefect's client sends no sort as null, which the API refuses
            limit=200,
        )
        waiting = [run for run in runs if run.run_count == 0]
        for run in waiting:
            with suppress(ObjectNotFound):  # started or deleted meanwhile
                client.delete_flow_run(run.id)
        dropped += len(waiting)
        if len(runs) < 200 or not waiting:
            return dropped


def pause_schedule(name: str = DEPLOYMENT_NAME) -> int:
    """Stop scheduling runs and drop those scheduled and not started (none pile up while it is not served);
    returns how many were dropped."""
    with get_client(sync_client=True) as client:
        deployment_id = _deployment_id(client, name)
        return _pause_and_drop(client, deployment_id)


def _pause_and_drop(client, deployment_id) -> int:
    client.pause_deployment(deployment_id)
    _set_schedules_active(client, deployment_id, active=False)
    # A pass of the server's scheduler that began before the pause still adds the runs it computed: drop runs until
    # none has come for a while.
    dropped, quiet_since, deadline = 0, time.monotonic(), time.monotonic() + PAUSE_SETTLE_MAX_SECONDS
    while time.monotonic() - quiet_since < PAUSE_QUIET_SECONDS and time.monotonic() < deadline:
        if found := _drop_scheduled_runs(client, deployment_id):
            dropped, quiet_since = dropped + found, time.monotonic()
        time.sleep(0.5)
    return dropped


def _set_schedules_active(client, deployment_id, *, active: bool) -> None:
    """The schedules' own switch: the scheduler reads it when it makes runs, so a pass under way stops sooner."""
    for schedule in client.read_deployment_schedules(deployment_id):
        client.update_deployment_schedule(deployment_id, schedule.id, active=active)


def resume_schedule(name: str = DEPLOYMENT_NAME) -> int:
    with get_client(sync_client=True) as client:
        deployment_id = _deployment_id(client, name)
        _set_schedules_active(client, deployment_id, active=True)
        client.resume_deployment(deployment_id)
    return 0


def remove_deployment(name: str = DEPLOYMENT_NAME) -> int:
    """Delete the deployment and the runs it had scheduled (its past runs stay in the server's history)."""
    with get_client(sync_client=True) as client:
        deployment_id = _deployment_id(client, name)
        dropped = _pause_and_drop(client, deployment_id)
        client.delete_deployment(deployment_id)
        return dropped
