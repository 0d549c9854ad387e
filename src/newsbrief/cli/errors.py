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
    from newsbrief.render import strip_controls  # an input's name can carry ESC bytes

    click.echo(f"newsbrief: error: {strip_controls(message)}", err=True)
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


def write_stdout(text: str) -> None:
    """Write the brief to standard output, or fail loudly: a closed output, a reader that went
    away (a broken pipe) or a full disk is an error (E113, exit 2), never a lost brief."""
    stream = sys.stdout
    if stream is None or getattr(stream, "buffer", None) is None:  # started with >&-
        fail(
            str(NewsbriefError("cannot write the brief: standard output is closed", code="E113")), 2
        )
        return
    try:
        stream.buffer.write(text.encode("utf-8"))
        stream.buffer.flush()
    except OSError as exc:
        _silence_stdout()  # so that the flush at exit does not fail a second time
        why = "the reader closed the pipe" if isinstance(exc, BrokenPipeError) else exc.strerror
        error = NewsbriefError(f"cannot write the brief to standard output ({why})", code="E113")
        fail(str(error), 2)


def _silence_stdout() -> None:
    try:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.stdout.fileno())
        os.close(null)
    except (OSError, ValueError, AttributeError):
        pass
