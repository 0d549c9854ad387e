"""Briefs computed in worker processes, each within a time limit, never more than the server can do.

A brief is CPU work, and some of it (regular expressions) holds the GIL for as long as it runs,
so a brief in a thread of the server could stop the server itself from answering. Each brief
therefore runs in a process of its own, forked from a preloaded server process (``forkserver``:
a fork costs milliseconds, and never forks the threads of the web server). The server process
only waits on a pipe, so ``/healthz`` and the page keep answering while briefs are made.

A request waits for its brief at most ``timeout_seconds``; then it is answered with 504 and the
process is killed, so abandoned work stops at once. At most ``workers`` briefs run at the same
time; when ``workers + max_waiting`` briefs are already under way or queued, a new one is refused
at once (503). A brief process also has a CPU-time limit of its own (the time limit plus a
margin), so it ends even if the server dies without killing it.
"""

from __future__ import annotations

import asyncio
import json
import math
import multiprocessing
import threading
import weakref
from collections.abc import Callable, MutableMapping
from concurrent.futures import ThreadPoolExecutor
from multiprocessing.connection import Connection
from typing import Any

from newsbrief.errors import NewsbriefError
from newsbrief.records import Brief, BriefRequest
from newsbrief.service.limits import RequestError, ServiceSettings
from newsbrief.settings import Settings, load_settings

PRELOAD = ["newsbrief.service.preload"]  # loaded once in the fork server; every brief inherits it
READY_WAIT_SECONDS = 300  # the longest a request waits for the fork server to have loaded
CPU_MARGIN_SECONDS = 5  # a brief process's own CPU limit: the time limit plus this


def _context() -> Any:
    try:
        context = multiprocessing.get_context("forkserver")
    except ValueError:  # no fork server on this platform (Windows): a fresh interpreter
        return multiprocessing.get_context("spawn")
    context.set_forkserver_preload(PRELOAD)
    return context


class Runner:
    """The briefs under way, the slots they run in, and the processes that make them."""

    def __init__(self, settings: ServiceSettings) -> None:
        self.settings = settings
        # The core's settings, loaded (and every name in them checked) once, at startup.
        self.brief_settings: Settings = load_settings(**settings.brief_settings)
        self._lock = threading.Lock()
        self._under_way = 0
        self._slots: MutableMapping[asyncio.AbstractEventLoop, asyncio.Semaphore] = (
            weakref.WeakKeyDictionary()  # one per event loop (tests run several)
        )
        self._running: set[_BriefProcess] = set()
        self._pool: ThreadPoolExecutor | None = None  # threads that wait on brief processes
        self._context = _context()

    def warm(self) -> None:
        """Start the fork server and let it load the core, in the background (once a process:
        there is one fork server, shared by every runner)."""
        global _WARMING
        with _WARM_LOCK:
            if _WARMING is None:
                _WARMING = threading.Thread(
                    target=_warm, args=(self._context,), name="newsbrief-warm", daemon=True
                )
                _WARMING.start()

    @property
    def under_way(self) -> int:
        return self._under_way

    async def run(self, request: BriefRequest) -> bytes:
        """The brief's JSON, or a RequestError: 503 when the server is full, 504 on timeout."""
        with self._lock:
            if self._under_way >= self.settings.workers + self.settings.max_waiting:
                raise RequestError(
                    "the server is busy: too many briefs are under way",
                    hint="retry in a few seconds",
                    code="E621",
                    status=503,
                )
            self._under_way += 1
        try:
            if not _READY.is_set():  # the first request after start-up: not its own time
                self.warm()
                await asyncio.get_running_loop().run_in_executor(
                    None, _READY.wait, READY_WAIT_SECONDS
                )
            limit = self.settings.timeout_seconds
            return await asyncio.wait_for(self._in_a_slot(request), limit)
        except TimeoutError:
            raise RequestError(
                f"the brief took longer than this server's limit of "
                f"{self.settings.timeout_seconds:g} s",
                hint="send fewer or shorter articles",
                code="E620",
                status=504,
            ) from None
        finally:
            with self._lock:
                self._under_way -= 1

    async def _in_a_slot(self, request: BriefRequest) -> bytes:
        loop = asyncio.get_running_loop()
        slots = self._slots.setdefault(loop, asyncio.Semaphore(self.settings.workers))
        async with slots:
            return await self._in_a_process(request)

    async def _in_a_process(self, request: BriefRequest) -> bytes:
        """Run one brief in a new process; a cancelled wait (the time limit) kills it."""
        cpu_limit = math.ceil(self.settings.timeout_seconds) + CPU_MARGIN_SECONDS
        work = _BriefProcess(
            self._context, (core_function(), request, self.brief_settings, cpu_limit)
        )
        with self._lock:
            if self._pool is None:
                self._pool = ThreadPoolExecutor(self.settings.workers, "newsbrief-wait")
            pool = self._pool
        self._running.add(work)
        try:
            kind, value = await asyncio.wrap_future(pool.submit(work.run))
        except RuntimeError:  # the pool was closed in between: the server is shutting down
            raise RequestError("the server is shutting down", code="E621", status=503) from None
        finally:
            work.abandon()  # a no-op when it has finished; kills it when we stopped waiting
            self._running.discard(work)
        if kind == "ok":
            return value  # type: ignore[no-any-return]
        if kind == "error":
            raise value
        raise RuntimeError(f"the brief process failed: {value}")

    def close(self) -> None:
        """At server shutdown: stop every brief still being made."""
        for work in list(self._running):
            work.abandon()
        with self._lock:
            pool, self._pool = self._pool, None
        if pool is not None:
            pool.shutdown(wait=False, cancel_futures=True)


class _BriefProcess:
    """One brief in its own process. Only the waiting thread touches the process and the pipe;
    ``abandon`` (from the event loop) just tells it to kill the process and stop waiting."""

    POLL_SECONDS = 0.05  # how soon an abandoned brief is killed

    def __init__(self, context: Any, args: tuple[Any, ...]) -> None:
        self.context = context
        self.args = args
        self.abandoned = threading.Event()

    def abandon(self) -> None:
        self.abandoned.set()

    def run(self) -> tuple[str, Any]:
        if self.abandoned.is_set():
            return "died", "abandoned before it started"
        receiver, sender = self.context.Pipe(duplex=False)
        process = self.context.Process(
            target=_child, args=(sender, *self.args), name="newsbrief-brief", daemon=True
        )
        try:
            process.start()
            sender.close()  # the child holds its own end: its exit ends our read with EOF
            while not receiver.poll(self.POLL_SECONDS):
                if self.abandoned.is_set() or not process.is_alive():
                    if receiver.poll(0):  # it finished just now
                        break
                    return "died", "it was stopped, or ended without a result"
            return receiver.recv()  # type: ignore[no-any-return]
        except (EOFError, OSError) as exc:
            return "died", f"it ended without a result ({exc or 'killed, or out of memory'})"
        finally:
            if process.is_alive():
                process.kill()
            if process.pid is not None:
                process.join()
            receiver.close()
            sender.close()


_READY = threading.Event()  # set once the fork server has loaded the core
_WARM_LOCK = threading.Lock()
_WARMING: threading.Thread | None = None


def _warm(context: Any) -> None:
    try:
        process = context.Process(target=_nothing, name="newsbrief-warm", daemon=True)
        process.start()
        process.join()
    finally:
        _READY.set()


def _nothing() -> None:
    """A process that only proves the fork server is up (see ``Runner.warm``)."""


def _child(
    sender: Connection,
    core: Callable[[BriefRequest, Settings], Brief],
    request: BriefRequest,
    settings: Settings,
    cpu: int,
) -> None:
    """In the brief process: make the brief, send it (or the error) back, exit."""
    try:
        import resource

        resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 1))
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))  # SIGXCPU: no core file
    except (ImportError, ValueError, OSError):  # no such limit on this platform
        pass
    try:
        outcome: tuple[str, Any] = ("ok", make_brief(request, settings, core))
    except NewsbriefError as exc:
        outcome = ("error", exc)
    except Exception as exc:  # reported to the server as a 500, never a hang
        outcome = ("crash", f"{type(exc).__name__}: {exc}")
    sender.send(outcome)
    sender.close()


def core_function() -> Callable[[BriefRequest, Settings], Brief]:
    """The core's one entry point (a function, so tests can stand in a slow or broken one; it is
    sent to the brief process by reference, so it must be a module-level function)."""
    from newsbrief.pipeline import run

    return run


def make_brief(
    request: BriefRequest,
    settings: Settings,
    core: Callable[[BriefRequest, Settings], Brief] | None = None,
) -> bytes:
    """Runs in a brief process: the core's brief as the documented JSON, encoded."""
    data = (core or core_function())(request, settings).to_dict()
    return json.dumps(data, ensure_ascii=False).encode()
