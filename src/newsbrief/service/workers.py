"""The processes briefs run in: kept between requests, killed when a brief is abandoned.

A worker is forked from the fork server (which has the core loaded, see ``preload``) and makes
one brief after another, so a request pays for neither a fork nor a first run. When a request
stops waiting (its time limit), the worker making its brief is killed, and the next request gets
a fresh one. A worker is also replaced after ``MAX_BRIEFS`` briefs, so no memory a brief leaves
behind can grow for ever.

Only the thread waiting for a brief touches its worker and pipe; ``Job.abandon`` (called from the
event loop) only sets a flag, which that thread sees within ``POLL_SECONDS``.

A worker cannot outlive the server by much: it exits when its pipe to the server closes; during
a brief it has a CPU-time limit (``RLIMIT_CPU``: its CPU time so far + the brief's time limit +
a margin); and on Linux it is killed when the fork server, its parent, ends with the server.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from multiprocessing.connection import Connection
from typing import Any

MAX_BRIEFS = 500  # briefs one worker makes before it is replaced
POLL_SECONDS = 0.05  # how soon an abandoned brief is killed
CPU_MARGIN_SECONDS = 5


class Worker:
    """One worker process and the server's end of its pipe."""

    def __init__(self, context: Any) -> None:
        self.connection, theirs = context.Pipe(duplex=True)
        self.process = context.Process(
            target=serve, args=(theirs,), name="newsbrief-brief", daemon=True
        )
        self.process.start()
        theirs.close()
        self.briefs = 0

    def stop(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join()
        self.connection.close()


class Workers:
    """Idle workers, handed to one job at a time."""

    def __init__(self, context: Any) -> None:
        self.context = context
        self._idle: list[Worker] = []
        self._lock = threading.Lock()
        self._closed = False

    def take(self) -> Worker:
        with self._lock:
            while self._idle:
                worker = self._idle.pop()
                if worker.process.is_alive():
                    return worker
                worker.stop()
        return Worker(self.context)

    def give_back(self, worker: Worker) -> None:
        with self._lock:
            if not self._closed and worker.briefs < MAX_BRIEFS and worker.process.is_alive():
                self._idle.append(worker)
                return
        worker.stop()

    def close(self) -> None:
        with self._lock:
            idle, self._idle, self._closed = self._idle, [], True
        for worker in idle:
            worker.stop()

    def reopen(self) -> None:
        with self._lock:
            self._closed = False


class Job:
    """One brief: sent to a worker, waited for, and the worker killed if it is abandoned."""

    def __init__(self, workers: Workers, brief: tuple[Any, ...]) -> None:
        self.workers = workers
        self.brief = brief  # (core, request, settings, seconds)
        self.abandoned = threading.Event()

    def abandon(self) -> None:
        self.abandoned.set()

    def run(self) -> tuple[str, Any]:
        """``("ok", bytes)``, ``("error", NewsbriefError)``, ``("crash", why)`` or
        ``("died", why)``."""
        if self.abandoned.is_set():
            return "died", "abandoned before it started"
        worker = self.workers.take()
        try:
            worker.connection.send(self.brief)
            worker.briefs += 1
            while not worker.connection.poll(POLL_SECONDS):
                if self.abandoned.is_set() or not worker.process.is_alive():
                    if worker.connection.poll(0):  # it finished just now
                        break
                    worker.stop()
                    return "died", "it was stopped, or ended without a result"
            outcome: tuple[str, Any] = worker.connection.recv()
        except (EOFError, OSError) as exc:
            worker.stop()
            return "died", f"it ended without a result ({exc or 'killed, or out of memory'})"
        except BaseException:
            worker.stop()
            raise
        self.workers.give_back(worker)
        return outcome


def serve(connection: Connection) -> None:
    """In a worker process: make briefs until the server closes the pipe."""
    _die_with_parent()
    while True:
        try:
            core, request, settings, seconds = connection.recv()
        except (EOFError, OSError):
            return
        _limit_cpu(seconds)
        connection.send(_one(core, request, settings))


def _one(core: Callable[..., Any], request: Any, settings: Any) -> tuple[str, Any]:
    from newsbrief.errors import NewsbriefError
    from newsbrief.service.runner import make_brief

    try:
        return ("ok", make_brief(request, settings, core))
    except NewsbriefError as exc:
        return ("error", exc)
    except Exception as exc:  # reported to the server as a 500, never a hang
        return ("crash", f"{type(exc).__name__}: {exc}")


def _limit_cpu(seconds: float) -> None:
    """This brief may use at most its time limit (+ a margin) of CPU time from now on."""
    try:
        import math
        import resource

        usage = resource.getrusage(resource.RUSAGE_SELF)
        limit = math.ceil(usage.ru_utime + usage.ru_stime + seconds) + CPU_MARGIN_SECONDS
        resource.setrlimit(resource.RLIMIT_CPU, (limit, resource.RLIM_INFINITY))
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))  # SIGXCPU: no core file
    except (ImportError, ValueError, OSError):  # no such limits on this platform
        pass


def _die_with_parent() -> None:
    """Linux: be killed when the fork server (which ends with the server) ends."""
    try:
        import ctypes
        import signal

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass
