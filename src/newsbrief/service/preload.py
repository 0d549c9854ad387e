"""Imported once by the fork server that brief processes are forked from (see ``runner``).

Everything a brief loads lazily (the pipeline, the analysis stages, the spaCy model when it is
installed, the shipped weights) is loaded here, by making one small brief with every section,
so each brief process starts with it in memory instead of loading it again per request.
"""

from __future__ import annotations

import contextlib
import gc
import logging


def _warm_up() -> None:
    # A brief process re-runs the server's main script (``newsbrief serve``): have it loaded.
    with contextlib.suppress(ImportError):
        import newsbrief.cli.main  # noqa: F401

    from newsbrief.pipeline import brief

    # Enough text for every stage to run its whole path (scoring, selection, every section).
    topics = ("harbor", "river", "bridge")
    articles = [
        f"PORT ALDER, March 3, 2026 — The {topic} council approved the new plan on Monday, "
        f"Mayor Jane Doe said. “We are ready to build,” she told reporters at City Hall. "
        + " ".join(
            f"The {topic} board reviewed part {n} of the budget for the {topic} district on "
            f"day {n + 1}, officials said, and Governor John Smith denied the report."
            for n in range(8)
        )
        for topic in topics
    ]
    try:
        brief(articles, 120)
    except Exception:  # a warm-up only: a brief that fails here fails again, with its error, later
        logging.getLogger("newsbrief.service").debug("warm-up brief failed", exc_info=True)


_warm_up()
# What is loaded now is shared by every brief process (copy-on-write). Frozen, the garbage
# collector of a brief process never walks it, so its pages are not copied for nothing.
gc.collect()
gc.freeze()
