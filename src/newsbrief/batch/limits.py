"""Per-cluster limits of a batch run: one hostile or huge cluster costs its own line in the
errors file (E714, with the reason), never the run's time or memory (issue 15).

Characters are counted before any work. Time is enforced with a timer signal in the process
that briefs the cluster (the local engine's main process or pool workers, where tasks run in
the main thread; a regular expression stuck in backtracking is interrupted too, since ``re``
checks for signals). Where tasks run in threads (Dask workers) signals cannot be used, and the
time limit is not enforced; the character limit is.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from typing import Any

DEFAULT_MAX_CHARS = 4_000_000  # a cluster's articles together; the service's body limit
DEFAULT_MAX_SECONDS = 600.0  # 2,000 small articles take a few minutes (docs/benchmarks.md)


class ClusterTimeout(BaseException):
    """Raised by the timer inside the brief; a BaseException so no ``except Exception`` on the
    way can swallow it."""


def cluster_chars(documents: list[Any]) -> int:
    """The characters of a cluster's texts (text, or an article object's text field)."""
    total = 0
    for document in documents:
        if isinstance(document, str):
            total += len(document)
        elif isinstance(document, Mapping):
            for key in ("text", "body", "content"):
                if isinstance(document.get(key), str):
                    total += len(document[key])
                    break
    return total


def over_chars(documents: list[Any], limit: int | None) -> str | None:
    """The reason a cluster is refused for its size, or None."""
    if not limit:
        return None
    size = cluster_chars(documents)
    if size <= limit:
        return None
    return (
        f"the cluster's articles hold {size:,} characters, over the per-cluster limit of "
        f"{limit:,} (--max-cluster-chars)"
    )


@contextmanager
def time_limit(seconds: float | None) -> Iterator[None]:
    """Raise :class:`ClusterTimeout` in this thread after ``seconds`` (main thread only)."""
    if not seconds or threading.current_thread() is not threading.main_thread():
        yield
        return

    def expire(_signum: int, _frame: Any) -> None:
        raise ClusterTimeout

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
