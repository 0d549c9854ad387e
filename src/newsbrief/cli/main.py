"""The command line: the click group that every subcommand hangs from.

The only place that prints and exits is the CLI (:mod:`newsbrief.cli.errors` turns failures
into one line on stderr). Heavy modules are imported inside commands so that
``newsbrief --help`` stays fast.
"""

from __future__ import annotations

import click

from newsbrief import __version__


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", "-V", prog_name="newsbrief")
def main() -> None:
    """newsbrief: brief a pile of news articles about one story.

    Every sentence of the summary cites the article and the characters it came from.
    Run `newsbrief brief --help` to start.
    """


def _register_commands() -> None:
    from newsbrief.cli.batch import batch_command, group_command
    from newsbrief.cli.brief import brief_command
    from newsbrief.cli.evaluate import eval_command
    from newsbrief.cli.serve import serve_command

    main.add_command(brief_command)
    main.add_command(eval_command)
    main.add_command(serve_command)
    main.add_command(batch_command)
    main.add_command(group_command)


_register_commands()

if __name__ == "__main__":  # pragma: no cover
    main()
