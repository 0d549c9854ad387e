"""Briefs computed off the event loop, each within a time limit, never more than the server can do.

A brief is CPU work; it runs in a small pool of worker threads so the server keeps answering
(``/healthz``, the page) while briefs are made. A request waits for its brief at most
``timeout_seconds`` (then 504); when ``workers + max_waiting`` briefs are already under way or
queued, a new one is refused at once (503). A thread cannot be stopped from outside, so a brief
that overruns its time still finishes in the background, and keeps counting as under way until
it does: the server can never pile up more work than the limits allow.

``asyncio.wait_for`` on a future of our own pool is used rather than Starlette's
``run_in_threadpool``: anyio does not let a wait on its worker threads be cancelled, so a timeout
around it would only fire once the brief had finished anyway.
"""

from __future__ import annotations

import asyncio
import json
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor

from newsbrief.records import Brief, BriefRequest
from newsbrief.service.limits import RequestError, ServiceSettings
from newsbrief.settings import Settings, load_settings


class Runner:
    """The worker pool, the count of briefs under way, and the call into the core."""

    def __init__(self, settings: ServiceSettings) -> None:
        self.settings = settings
        # The core's settings, loaded (and every name in them checked) once, at startup.
        self.brief_settings: Settings = load_settings(**settings.brief_settings)
        self._pool: ThreadPoolExecutor | None = None  # made on first use, again after close()
        self._lock = threading.Lock()
        self._under_way = 0

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
            if self._pool is None:
                self._pool = ThreadPoolExecutor(self.settings.workers, "newsbrief-brief")
            pool = self._pool
        try:
            future: Future[bytes] = pool.submit(make_brief, request, self.brief_settings)
        except RuntimeError:  # the pool was closed in between: the server is shutting down
            self._finished(None)
            raise RequestError("the server is shutting down", code="E621", status=503) from None
        future.add_done_callback(self._finished)
        try:
            limit = self.settings.timeout_seconds
            return await asyncio.wait_for(asyncio.wrap_future(future), limit)
        except TimeoutError:
            raise RequestError(
                f"the brief took longer than this server's limit of "
                f"{self.settings.timeout_seconds:g} s",
                hint="send fewer or shorter articles",
                code="E620",
                status=504,
            ) from None

    def _finished(self, _future: Future[bytes] | None) -> None:
        with self._lock:
            self._under_way -= 1

    def close(self) -> None:
        """Stop the pool at server shutdown (queued briefs are dropped, running ones finish)."""
        with self._lock:
            pool, self._pool = self._pool, None
        if pool is not None:
            pool.shutdown(wait=False, cancel_futures=True)


def core_function() -> Callable[[BriefRequest, Settings], Brief]:
    """The core's one entry point (a function, so tests can stand in a slow or broken one)."""
    from newsbrief.pipeline import run

    return run


def make_brief(request: BriefRequest, settings: Settings) -> bytes:
    """Runs in a worker thread: the core's brief as the documented JSON, encoded."""
    data = core_function()(request, settings).to_dict()
    return json.dumps(data, ensure_ascii=False).encode()
