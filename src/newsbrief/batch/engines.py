"""Where batch work runs: in this process, a local process pool, or a Dask cluster.

Every engine is an *ordered, bounded map*: it yields ``(task, result)`` in input order and keeps
at most ``window`` tasks in flight, so memory stays flat however long the task stream is and
the output order never depends on timing. dask and distributed are imported only when chosen.
"""

from __future__ import annotations

import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import Any, TypeVar

from newsbrief.errors import NewsbriefError, SettingsError

T = TypeVar("T")
ENGINES = ("local", "dask")
WINDOW_PER_WORKER = 8


def ordered_map(
    function: Callable[[T], Any],
    tasks: Iterable[T],
    *,
    engine: str = "local",
    workers: int = 1,
    scheduler: str | None = None,
    window: int | None = None,
) -> Iterator[tuple[T, Any]]:
    """``(task, function(task))`` for every task, in order, at most ``window`` in flight."""
    if engine not in ENGINES:
        raise SettingsError(
            f"unknown engine {engine!r}; choose {' or '.join(ENGINES)}", code="E701"
        )
    if scheduler and engine != "dask":
        raise SettingsError("--scheduler needs --engine dask", code="E702")
    window = window or WINDOW_PER_WORKER * max(1, workers)
    if engine == "dask":
        return _dask_map(function, tasks, workers, scheduler, window)
    if workers <= 1:
        return ((task, function(task)) for task in tasks)
    return _pool_map(function, tasks, workers, window)


def _drain(pending: deque[tuple[T, Any]], keep: int, result: Callable[[Any], Any]) -> Iterator:
    while len(pending) > keep:
        task, future = pending.popleft()
        yield task, result(future)


def _pool_map(
    function: Callable[[T], Any], tasks: Iterable[T], workers: int, window: int
) -> Iterator[tuple[T, Any]]:
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    pool = ProcessPoolExecutor(
        max_workers=workers, initializer=die_with_parent, initargs=(os.getpid(),)
    )
    pending: deque[tuple[T, Any]] = deque()
    try:
        for task in tasks:
            pending.append((task, pool.submit(function, task)))
            yield from _drain(pending, window - 1, lambda future: future.result())
        yield from _drain(pending, 0, lambda future: future.result())
    except BrokenProcessPool:
        raise NewsbriefError(
            "a worker process died (out of memory, or killed)",
            hint="re-run the same command: finished clusters are skipped",
            code="E703",
        ) from None
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>
WATCH_SECONDS = 0.5


def die_with_parent(parent: int) -> None:
    """Make this worker process end when ``parent`` (the batch run) ends, however it ends.

    A pool's workers outlive a parent killed by SIGTERM or SIGKILL (they wait on a queue that
    nobody will fill, holding their memory). On Linux the kernel sends the worker SIGKILL when
    its parent dies (``prctl(PR_SET_PDEATHSIG)``); everywhere, a daemon thread also checks every
    half second that the parent is still there and ends the worker if not (this covers other
    systems, and a parent that died before the prctl call took effect).
    """
    if sys.platform.startswith("linux"):
        try:
            import ctypes

            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        except (OSError, AttributeError):
            pass  # no prctl here: the watchdog below still works
    first_parent = os.getppid()
    if first_parent != parent and not _alive(parent):
        os._exit(1)
    watchdog = threading.Thread(
        target=_watch, args=(parent, first_parent), name="newsbrief-parent-watch", daemon=True
    )
    watchdog.start()


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _watch(parent: int, first_parent: int) -> None:
    # A changed parent pid means ours died and we were handed to init (or a subreaper); it
    # catches a parent that died but is not yet reaped, which os.kill(pid, 0) still finds.
    while True:
        time.sleep(WATCH_SECONDS)
        if os.getppid() != first_parent or not _alive(parent):
            os._exit(1)


def _dask_map(
    function: Callable[[T], Any],
    tasks: Iterable[T],
    workers: int,
    scheduler: str | None,
    window: int,
) -> Iterator[tuple[T, Any]]:
    client, cluster = _dask_client(workers, scheduler)

    def result(future: Any) -> Any:
        try:
            return future.result()
        except Exception as exc:  # a worker lost, a task killed: that cluster fails, not the run
            return ("error", "E704", f"dask: {type(exc).__name__}: {exc}")

    pending: deque[tuple[T, Any]] = deque()
    try:
        for task in tasks:
            pending.append((task, client.submit(function, task, pure=False)))
            yield from _drain(pending, window - 1, result)
        yield from _drain(pending, 0, result)
    finally:
        for _, future in pending:
            future.cancel()
        client.close()
        if cluster is not None:
            cluster.close()


def _dask_client(workers: int, scheduler: str | None) -> tuple[Any, Any]:
    """A client of the scheduler at ``scheduler``, else of a new local cluster."""
    import logging

    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise SettingsError(
            "--engine dask needs dask.distributed",
            hint="pip install 'newsbrief[dask]'",
            code="E705",
        ) from None
    if scheduler:
        try:
            return Client(scheduler, timeout="20s"), None
        except (OSError, TimeoutError) as exc:
            raise NewsbriefError(
                f"cannot reach the Dask scheduler at {scheduler}: {exc}",
                hint="start one with `dask scheduler`, or leave out --scheduler for a local one",
                code="E706",
            ) from None
    cluster = LocalCluster(
        n_workers=max(1, workers),
        threads_per_worker=1,
        dashboard_address=None,
        silence_logs=logging.ERROR,
    )
    return Client(cluster), cluster
