"""What a brief costs through the service's worker processes, against the same brief made in
the calling process (issue 15: briefs moved out of the server's threads).

    PYTHONPATH=src python bench/service_workers.py [briefs]

Prints the median wall time of each, for two small articles with every section.
"""

from __future__ import annotations

import asyncio
import statistics
import sys
import time

from newsbrief.pipeline import request_from_items
from newsbrief.service import runner as runner_module
from newsbrief.service.limits import ServiceSettings


def article(topic: str, n: int) -> str:
    verbs = ["announced", "reported", "confirmed", "described", "questioned", "reviewed"]
    return " ".join(
        f"The {topic} council {verbs[i % len(verbs)]} plan number {i} for the {topic} district "
        f"on day {i + 1} of the session."
        for i in range(n)
    )


def main(briefs: int) -> None:
    runner = runner_module.Runner(ServiceSettings(workers=1, timeout_seconds=60))
    request = request_from_items(
        [{"text": article("harbor", 6)}, {"text": article("river", 5)}], runner.brief_settings
    )
    runner.warm()
    runner_module._READY.wait(300)
    runner_module.make_brief(request, runner.brief_settings)  # load everything here too
    asyncio.run(runner.run(request))  # and start the worker
    here, worker = [], []
    for _ in range(briefs):
        start = time.perf_counter()
        runner_module.make_brief(request, runner.brief_settings)
        here.append(time.perf_counter() - start)
        start = time.perf_counter()
        asyncio.run(runner.run(request))
        worker.append(time.perf_counter() - start)
    runner.close()
    print(
        f"{briefs} briefs each: median {statistics.median(here) * 1000:.0f} ms in this process, "
        f"{statistics.median(worker) * 1000:.0f} ms through a worker process"
    )


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 15)
