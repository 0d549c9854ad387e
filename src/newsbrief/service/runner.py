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
import inspect
import json
import threading
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

from newsbrief.service.intake import Job
from newsbrief.service.limits import RequestError, ServiceSettings
from newsbrief.service.schemas import SECTION_NAMES


class Runner:
    """The worker pool, the count of briefs under way, and the call into the core."""

    def __init__(self, settings: ServiceSettings) -> None:
        self.settings = settings
        self._pool: ThreadPoolExecutor | None = None  # made on first use, again after close()
        self._lock = threading.Lock()
        self._under_way = 0

    @property
    def under_way(self) -> int:
        return self._under_way

    async def run(self, job: Job) -> bytes:
        """The brief's JSON, or a RequestError: 503 when the server is full, 504 on timeout."""
        check_sections(job.sections)
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
            future: Future[bytes] = pool.submit(make_brief, job, self.settings.brief_settings)
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


def brief_function() -> Any:
    from newsbrief.summary.pipeline import brief

    return brief


def accepts_sections() -> bool:
    """Whether this version of the core can add analysis sections (``brief(sections=...)``)."""
    try:
        return "sections" in inspect.signature(brief_function()).parameters
    except (TypeError, ValueError):
        return False


def available_sections() -> list[str]:
    """The sections the core can add: its own list when it has one, else the documented four."""
    if not accepts_sections():
        return []
    try:
        import newsbrief.analysis as analysis
    except ImportError:
        return list(SECTION_NAMES)
    for name in ("SECTIONS", "SECTION_NAMES", "ANALYSES"):
        known = getattr(analysis, name, None)
        if known:
            return [str(section) for section in known]
    return list(SECTION_NAMES)


def check_sections(sections: list[str] | None) -> None:
    if not sections:
        return
    known = available_sections()
    if not known:
        raise RequestError(
            "this server cannot add analysis sections",
            hint="leave out 'sections', or upgrade newsbrief",
            code="E630",
            status=400,
        )
    unknown = sorted(set(sections) - set(known))
    if unknown:
        raise RequestError(
            f"unknown section(s): {', '.join(unknown)}",
            hint=f"known: {', '.join(known)}",
            code="E631",
            status=422,
        )


def make_brief(job: Job, brief_settings: Any) -> bytes:
    """Runs in a worker thread: the core's brief as the documented JSON, encoded."""
    extra: dict[str, Any] = dict(brief_settings)
    if job.sections is not None and accepts_sections():
        extra["sections"] = job.sections
    if job.question:
        extra["question"] = job.question
    if job.since:
        extra["since"] = job.since
    data = brief_function()(job.articles, job.words, **extra).to_dict()
    if job.notices:
        data["notices"] = [*job.notices, *data.get("notices", [])]
    return json.dumps(data, ensure_ascii=False).encode()
