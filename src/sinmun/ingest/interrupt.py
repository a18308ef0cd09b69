"""Stopping an ingest on SIGINT (Ctrl-C) or SIGTERM: within seconds, its committed loads kept, nothing half-done.

Why an ingest once took minutes to stop: a terminal sends Ctrl-C to its whole foreground process group, so the
run's temporary Prefect server died with the first keystroke, and Prefect then spent 140-210 s retrying, with
back-off, to record the crashed flow run on a server that was gone. Now the run's helper processes (the
temporary Prefect server, the Kiwi process) run in sessions of their own, so the signal reaches the ingest alone,
and the ingest stops in order: the load in progress rolls back; the batches still staging are abandoned (their
Kiwi calls fail at once); Prefect records the flow run as crashed on a server that is still up; then the helpers
stop and the writer lock is released. A watchdog bounds it all: a run still stopping ``STOP_GRACE_SECONDS``
after the signal ends at once, as safely as a kill (every load is one transaction), its helper processes killed.

The exit code is 128 + the signal's number, as shells report it: 130 for SIGINT, 143 for SIGTERM.
"""

from __future__ import annotations

import os
import signal
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path

STOP_GRACE_SECONDS = 4.0
STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM)
# Set once the command has told the user how it stopped: the watchdog, if it fires after that (the process took
# long to exit), ends the process without a second line.
_STOP_REPORTED = threading.Event()


@dataclass(frozen=True)
class CommittedLoads:
    """What an interrupted run committed (read from the load ledger while it still held the writer lock)."""

    loads: int
    pages: int
    quarantined: int


class IngestInterrupted(KeyboardInterrupt):
    """The ingest was stopped by a signal; ``committed`` says what it had committed, when known."""

    def __init__(self, signal_number: int, committed: CommittedLoads | None = None) -> None:
        super().__init__(signal_number)
        self.signal_number = signal_number
        self.committed = committed

    @property
    def exit_code(self) -> int:
        return 128 + self.signal_number

    def message(self, command: str = "ingest") -> str:
        name = signal.Signals(self.signal_number).name
        done = self.committed
        if done is None:
            what = "the loads it committed before are complete"
        elif done.loads == 0:
            what = "it had committed no load"
        else:
            what = (
                f"{done.loads} load{'s' if done.loads != 1 else ''} committed ({done.pages} pages loaded, "
                f"{done.quarantined} quarantined) are complete"
            )
        return f"interrupted by {name}: {what}, nothing else was written; run the {command} again to go on"


def report_interruption(err: IngestInterrupted, command: str) -> int:
    """Tell the user, in one line on stderr, how ``sinmun <command>`` stopped; return its exit code. The one line
    stays the only one: a watchdog firing later (exit itself slow) ends the process silently."""
    sys.stderr.write(f"sinmun {command}: {err.message(command)}\n")
    sys.stderr.flush()
    _STOP_REPORTED.set()
    return err.exit_code


def is_interruption(err: BaseException) -> bool:
    """A signal stopping the run: Ctrl-C's KeyboardInterrupt, or Prefect's TerminationSignal (Prefect answers
    SIGTERM itself while a flow runs)."""
    if isinstance(err, KeyboardInterrupt):
        return True
    exceptions = sys.modules.get("prefect.exceptions")
    return exceptions is not None and isinstance(err, exceptions.TerminationSignal)


def signal_of(err: BaseException) -> int:
    if isinstance(err, IngestInterrupted):
        return err.signal_number
    return getattr(err, "signal", signal.SIGINT)


@contextmanager
def stopping_on_signals(what: str) -> Iterator[StopWatch]:
    """While the block runs, SIGINT and SIGTERM raise ``IngestInterrupted`` (once: later signals are ignored, so
    they cannot break the stop in progress) and arm the watchdog. ``what`` names the command in the watchdog's
    line. Yields a ``StopWatch`` whose ``received`` is the first stop signal seen, if any: code that catches the
    exception the signal caused, or one a library raised in its place (DuckDB turns an interrupt inside a query
    into ``RuntimeError: Query interrupted``), asks it. Outside the main thread signals cannot be handled here:
    the block just runs.

    Prefect answers SIGTERM itself while a flow runs (its handler raises ``TerminationSignal``, and ours only
    hears the signal again once Prefect has recorded the crash, which takes minutes if the server is gone too,
    as when every process of the run is signalled). So the watchdog is also armed from a thread that reads the
    signal numbers Python writes to its wake-up file descriptor on every signal, whichever handler runs."""
    watchdog = StopWatch(what)
    if threading.current_thread() is not threading.main_thread():
        yield watchdog
        return
    stopping = threading.Event()

    def on_signal(signal_number: int, _frame) -> None:
        if stopping.is_set():
            return
        stopping.set()
        watchdog.arm(signal_number)
        raise IngestInterrupted(signal_number)

    previous = {sig: signal.signal(sig, on_signal) for sig in STOP_SIGNALS}
    read_end, write_end = os.pipe()
    os.set_blocking(write_end, False)
    previous_wakeup = signal.set_wakeup_fd(write_end, warn_on_full_buffer=False)
    threading.Thread(target=watchdog.listen, args=(read_end,), name="sinmun-stop-watchdog", daemon=True).start()
    try:
        yield watchdog
    finally:
        signal.set_wakeup_fd(previous_wakeup)
        os.close(write_end)  # the listening thread reads the end of the pipe and closes its side
        if not stopping.is_set():  # once stopping, signals stay ignored until the process exits
            for sig, handler in previous.items():
                signal.signal(sig, handler)


class StopWatch:
    """The first stop signal received (``received``), and the watchdog: it ends the process
    ``STOP_GRACE_SECONDS`` after that signal, if it has not ended by then."""

    def __init__(self, what: str) -> None:
        self.what = what
        self.received: int | None = None
        self._armed = threading.Lock()
        self._timer: threading.Timer | None = None

    def listen(self, read_end: int) -> None:
        try:
            while data := os.read(read_end, 64):
                for signal_number in data:
                    if signal_number in STOP_SIGNALS:
                        self.arm(signal_number)
        except OSError:
            pass
        finally:
            os.close(read_end)

    def arm(self, signal_number: int) -> None:
        with self._armed:
            if self._timer is not None:
                return
            self.received = signal_number
            # A daemon thread: it must not keep the process alive, and it keeps running while exit waits for threads.
            self._timer = threading.Timer(STOP_GRACE_SECONDS, self._hard_stop, args=(signal_number,))
            self._timer.daemon = True
            self._timer.start()

    def _hard_stop(self, signal_number: int) -> None:
        name = signal.Signals(signal_number).name
        _kill_child_processes()
        if _STOP_REPORTED.is_set():  # the command said how it stopped; only its exit is slow
            os._exit(128 + signal_number)
        # On a line of its own even if another thread was cut off mid-line (its partial line then stands alone).
        command = self.what.split()[-1]
        os.write(2, f"\n{self.what}: interrupted by {name}: stopping took over {STOP_GRACE_SECONDS:.0f} s, ended at "
                    f"once; the loads it committed are complete; run the {command} again to go on\n".encode())  # fmt: skip
        os._exit(128 + signal_number)


def _kill_child_processes() -> None:
    """SIGKILL every child process of this one (Linux: /proc/self/task/*/children); elsewhere nothing to read,
    and the children end with their pipes or their parent-death signal."""
    for children in Path("/proc/self/task").glob("*/children"):
        try:
            pids = children.read_text().split()
        except OSError:
            continue
        for pid in pids:
            with suppress(OSError):
                os.kill(int(pid), signal.SIGKILL)
