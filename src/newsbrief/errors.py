"""One exception family; only the edges (CLI, service) translate it into exit codes or HTTP."""

from __future__ import annotations

from typing import Any


class NewsbriefError(Exception):
    """An error the user can act on: a stable code, a one-line message and a hint."""

    code = "E000"
    exit_code = 2

    def __init__(self, message: str, hint: str | None = None, code: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint
        if code is not None:
            self.code = code

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickle with hint, code and any attributes (the service sends errors between
        processes; the default would keep the message only)."""
        return (_rebuild, (type(self), self.message, self.hint, self.code, dict(self.__dict__)))

    def __str__(self) -> str:
        text = f"[{self.code}] {self.message}"
        return f"{text} ({self.hint})" if self.hint else text


class InputError(NewsbriefError):
    """The input cannot be read or holds nothing to summarize."""

    code = "E100"


class SettingsError(NewsbriefError):
    """A setting has a value that cannot be used."""

    code = "E200"


class MissingExtraError(NewsbriefError):
    """An optional part was asked for but its packages are not installed."""

    code = "E401"


def _rebuild(
    kind: type[NewsbriefError], message: str, hint: str | None, code: str, state: dict[str, Any]
) -> NewsbriefError:
    error = kind.__new__(kind)
    NewsbriefError.__init__(error, message, hint=hint, code=code)
    error.__dict__.update(state)
    return error
