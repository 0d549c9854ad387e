"""Briefs computed in worker processes, each within a time limit, never more than the server can do.

A brief is CPU work, and some of it (regular expressions) holds the GIL for as long as it runs,
so a brief in a thread of the server could stop the server itself from answering. Briefs
therefore run in worker processes (``workers``), forked from a fork server that loaded the core
once (``preload``); the server process only waits on pipes, so ``/healthz`` and the page keep
answering while briefs are made.

A request waits for its brief at most ``timeout_seconds``; then it is answered with 504 and the
worker making it is killed, so abandoned work stops at once (the next request gets a fresh
worker). At most ``workers`` briefs run at the same time; when ``workers + max_waiting`` briefs
are already under way or queued, a new one is refused at once (503).
"""

from __future__ import annotations

import asyncio
import json
import multiprocessing
import threading
import weakref
from collections.abc import Callable, MutableMapping
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from newsbrief.records import Brief, BriefRequest
from newsbrief.service.limits import RequestError, ServiceSettings
from newsbrief.service.workers import Job, Workers
from newsbrief.settings import Settings, load_settings

PRELOAD = ["newsbrief.service.preload"]  # loaded once in the fork server; every brief inherits it
READY_WAIT_SECONDS = 300  # the longest a request waits for the fork server to have loaded


def _context() -> Any:
    _leave_main_alone()
    try:
        context = multiprocessing.get_context("forkserver")
    except ValueError:  # no fork server on this platform (Windows): a fresh interpreter
        return multiprocessing.get_context("spawn")
    context.set_forkserver_preload(PRELOAD)
    return context


def _leave_main_alone() -> None:
    """A new process normally imports the parent's main script again (so that functions defined
    there can be found). A brief process needs nothing from it, and a server script without an
    ``if __name__ == "__main__":`` guard would start another server in every brief. So for our
    processes only (named ``newsbrief-…``), the main script is left out of what they prepare."""
    from multiprocessing import spawn

    original = spawn.get_preparation_data
    if getattr(original, "newsbrief", False):
        return

    def preparation_data(name: str) -> dict[str, Any]:
        data: dict[str, Any] = original(name)
        if name.startswith("newsbrief-"):
            data.pop("init_main_from_path", None)
            data.pop("init_main_from_name", None)
        return data

    preparation_data.newsbrief = True  # type: ignore[attr-defined]
    spawn.get_preparation_data = preparation_data


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
        self._running: set[Job] = set()
        self._pool: ThreadPoolExecutor | None = None  # threads that wait on brief processes
        self._context = _context()
        self._workers = Workers(self._context)
        self._seconds = settings.timeout_seconds

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
        """Run one brief in a worker process; a cancelled wait (the time limit) kills it."""
        job = Job(self._workers, (core_function(), request, self.brief_settings, self._seconds))
        with self._lock:
            if self._pool is None:
                self._pool = ThreadPoolExecutor(self.settings.workers, "newsbrief-wait")
                self._workers.reopen()
            pool = self._pool
        self._running.add(job)
        try:
            kind, value = await asyncio.wrap_future(pool.submit(job.run))
        except RuntimeError:  # the pool was closed in between: the server is shutting down
            raise RequestError("the server is shutting down", code="E621", status=503) from None
        finally:
            job.abandon()  # a no-op when it has finished; kills its worker when we stopped waiting
            self._running.discard(job)
        if kind == "ok":
            return value  # type: ignore[no-any-return]
        if kind == "error":
            raise value
        raise RuntimeError(f"the brief process failed: {value}")

    def close(self) -> None:
        """At server shutdown: stop every brief still being made, and every idle worker."""
        for job in list(self._running):
            job.abandon()
        with self._lock:
            pool, self._pool = self._pool, None
        if pool is not None:
            pool.shutdown(wait=False, cancel_futures=True)
        self._workers.close()


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
