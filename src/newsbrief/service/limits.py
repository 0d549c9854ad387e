"""The service's limits and its request errors; plain Python, no web framework imported.

Every limit protects the server from one kind of request: a huge body, too many articles, an
over-long article, a brief that takes too long, more work queued than the server can do. Each
is refused with its own error code and HTTP status (docs/service.md).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from newsbrief.errors import InputError, NewsbriefError, SettingsError


@dataclass(frozen=True)
class ServiceSettings:
    """What the service accepts, and the settings every brief is made with."""

    # A request body larger than this is refused (413) before it is parsed.
    max_body_bytes: int = 4_000_000
    # A brief of more articles than this is refused (413).
    max_articles: int = 100
    # An article (or uploaded file) longer than this many characters is refused (413).
    max_article_chars: int = 200_000
    # The largest word budget a request may ask for.
    max_words: int = 5_000
    # A brief that takes longer than this many seconds is answered with 504.
    timeout_seconds: float = 10.0
    # Briefs computed at the same time (each in a worker process); more wait in line for a slot.
    workers: int = 2
    # Requests waiting for a worker; beyond this the server answers 503 at once.
    max_waiting: int = 64
    # Settings passed to every brief (a TOML file's, see docs/settings.md), e.g. {"config": path}.
    brief_settings: Mapping[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for name in ("max_body_bytes", "max_articles", "max_article_chars", "max_words"):
            if getattr(self, name) < 1:
                raise SettingsError(f"service limit {name} must be at least 1", code="E640")
        if self.timeout_seconds <= 0 or self.workers < 1 or self.max_waiting < 0:
            raise SettingsError(
                "timeout must be positive, workers at least 1, waiting at least 0", code="E640"
            )


class RequestError(NewsbriefError):
    """A request the service refuses; ``status`` is its HTTP status code."""

    code = "E602"
    status = 400

    def __init__(
        self, message: str, hint: str | None = None, code: str | None = None, status: int = 400
    ) -> None:
        super().__init__(message, hint=hint, code=code)
        self.status = status


def status_of(error: NewsbriefError) -> int:
    """The HTTP status of an error from the core or the service."""
    if isinstance(error, RequestError):
        return error.status
    if type(error).__name__ == "MissingExtraError":  # a section this server cannot run
        return 422
    if isinstance(error, SettingsError):
        return 400
    if isinstance(error, InputError):
        return 400 if error.code == "E105" else 422  # JSON that cannot be parsed is malformed
    return 400


def error_body(code: str, message: str, hint: str | None = None) -> dict[str, Any]:
    """The JSON body of every error the service answers with."""
    return {"error": {"code": code, "message": message, "hint": hint}}


def too_large(what: str, limit: int, unit: str, code: str) -> RequestError:
    return RequestError(
        f"{what} is over the limit of {limit:,} {unit}",
        hint="split the input into smaller requests, or run the CLI (newsbrief brief) locally",
        code=code,
        status=413,
    )
