"""Imported once by the fork server that brief processes are forked from (see ``runner``).

Everything a brief loads lazily (the pipeline, the analysis stages, the spaCy model when it is
installed, the shipped weights) is loaded here, by making one small brief with every section,
so each brief process starts with it in memory instead of loading it again per request.
"""

from __future__ import annotations

import contextlib
import logging


def _warm_up() -> None:
    # A brief process re-runs the server's main script (``newsbrief serve``): have it loaded.
    with contextlib.suppress(ImportError):
        import newsbrief.cli.main  # noqa: F401

    from newsbrief.pipeline import brief

    sentence = (
        "The harbor council of Port Alder approved the new bridge plan on Monday, "
        "Mayor Jane Doe said. “We are ready,” she told reporters on March 3, 2026."
    )
    try:
        brief([sentence, sentence.replace("harbor", "river")], 40)
    except Exception:  # a warm-up only: a brief that fails here fails again, with its error, later
        logging.getLogger("newsbrief.service").debug("warm-up brief failed", exc_info=True)


_warm_up()
