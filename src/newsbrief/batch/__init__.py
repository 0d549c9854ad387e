"""Many briefs at once: the batch runner, grouping articles into stories, and parallel engines.

:mod:`.runner` briefs one cluster a line of a JSON-lines file; :mod:`.group` clusters loose
articles into stories; :mod:`.engines` maps work over processes or dask; :mod:`.jsonl` holds the
JSON-lines helpers they share. The click commands live in :mod:`newsbrief.cli.batch`.
"""
