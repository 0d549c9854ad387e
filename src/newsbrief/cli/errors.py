"""The command line's edge: every failure leaves as one line on stderr and an exit code.

Errors from the core arrive as :class:`NewsbriefError` and leave as one line on stderr with a
non-zero exit code; anything unexpected does too (``NEWSBRIEF_DEBUG=1`` shows the traceback).
Every subcommand imports this module, never :mod:`newsbrief.cli.main`, so there is no cycle.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

import click

from newsbrief.errors import NewsbriefError

F = TypeVar("F", bound=Callable[..., Any])


def fail(message: str, code: int) -> None:
    click.echo(f"newsbrief: error: {message}", err=True)
    sys.exit(code)


def friendly_errors(command: F) -> F:
    """Turn every failure into one line on stderr and an exit code, never a traceback."""

    @wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except NewsbriefError as exc:
            fail(str(exc), exc.exit_code)
        except (click.exceptions.Exit, click.ClickException, click.Abort):
            raise
        except KeyboardInterrupt:
            fail("interrupted", 130)
        except Exception as exc:  # the edge: the user gets a line, not a traceback
            if os.environ.get("NEWSBRIEF_DEBUG"):
                raise
            fail(
                f"internal error: {type(exc).__name__}: {exc} "
                "(please report it; NEWSBRIEF_DEBUG=1 shows the traceback)",
                1,
            )

    return wrapper  # type: ignore[return-value]
