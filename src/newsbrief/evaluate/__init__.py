"""Evaluation: score newsbrief and its peers with ROUGE on clusters with reference summaries.

- :mod:`~newsbrief.evaluate.datasets` reads clusters from JSON Lines (plain or gzipped);
- :mod:`~newsbrief.evaluate.peers` holds the systems, chosen by name from ``SYSTEMS``;
- :mod:`~newsbrief.evaluate.rouge` scores with the ``rouge-score`` package and bootstraps;
- :mod:`~newsbrief.evaluate.runner` runs a system over clusters, timing and tracing it;
- :mod:`~newsbrief.cli.evaluate` is ``newsbrief eval``.

Nothing heavy is imported here: rouge-score, sumy, tqdm and numpy load when a run starts.
See docs/eval.md.
"""
