"""The command line edge: the click group (:mod:`.main`) and one module per subcommand.

``newsbrief = "newsbrief.cli:main"`` is the console script, so :data:`main` is exported here.
"""

from newsbrief.cli.main import main

__all__ = ["main"]
