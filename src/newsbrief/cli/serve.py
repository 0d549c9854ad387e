"""``newsbrief serve``: the REST API and the web page under uvicorn.

Register it in the main group with ``main.add_command(serve_command)``. FastAPI and uvicorn are
imported only when the command runs, so ``newsbrief --help`` stays fast and works without the
``service`` extra.
"""

from __future__ import annotations

import dataclasses
import json
import os
from pathlib import Path
from typing import Any

import click

from newsbrief.cli.errors import fail
from newsbrief.errors import NewsbriefError
from newsbrief.service.limits import ServiceSettings

DEFAULTS = ServiceSettings()


@click.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option(
    "--port", type=click.IntRange(0, 65535), default=8000, show_default=True, help="Port."
)
@click.option(
    "--config",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    default=None,
    help="A TOML settings file for every brief (see docs/settings.md).",
)
@click.option(
    "--timeout",
    type=click.FloatRange(min=0.01),
    default=DEFAULTS.timeout_seconds,
    show_default=True,
    help="Seconds a brief may take before the request is answered with 504.",
)
@click.option(
    "--workers",
    type=click.IntRange(min=1),
    default=DEFAULTS.workers,
    show_default=True,
    help="Briefs computed at the same time (each in a worker process); more requests wait in line.",
)
@click.option(
    "--max-body-bytes",
    type=click.IntRange(min=1),
    default=DEFAULTS.max_body_bytes,
    show_default=True,
    help="Largest request body accepted (413 above).",
)
@click.option(
    "--max-articles",
    type=click.IntRange(min=1),
    default=DEFAULTS.max_articles,
    show_default=True,
    help="Most articles in one request (413 above).",
)
@click.option(
    "--max-article-chars",
    type=click.IntRange(min=1),
    default=DEFAULTS.max_article_chars,
    show_default=True,
    help="Longest article, in characters (413 above).",
)
@click.option(
    "--processes",
    type=click.IntRange(min=1),
    default=1,
    show_default=True,
    help="Server processes (each with its own workers and limits); more use more cores.",
)
@click.option("--access-log/--no-access-log", default=True, help="Log every request.")
def serve_command(
    host: str,
    port: int,
    config: Path | None,
    timeout: float,
    workers: int,
    max_body_bytes: int,
    max_articles: int,
    max_article_chars: int,
    processes: int,
    access_log: bool,
) -> None:
    """Serve the REST API (POST /v1/brief) and the web page at http://HOST:PORT/.

    Needs the service extra: pip install 'newsbrief[service]'. Every asset of the page is served
    by this server, and the server never fetches a URL. The API is described at /openapi.json;
    see docs/service.md.

    \b
    Examples:
      newsbrief serve
      newsbrief serve --port 9000 --timeout 5 --max-articles 20
      newsbrief serve --processes 2 --no-access-log
    """
    try:
        settings = ServiceSettings(
            max_body_bytes=max_body_bytes,
            max_articles=max_articles,
            max_article_chars=max_article_chars,
            timeout_seconds=timeout,
            workers=workers,
            brief_settings={"config": str(config)} if config else {},
        )
        if config:
            from newsbrief.settings import load_settings

            load_settings(config)  # a bad settings file is an error now, not on every request
        try:
            import uvicorn

            from newsbrief.service.app import create_app
        except ImportError as exc:
            fail(
                f"the service needs the 'service' extra ({exc.name} is missing): "
                "pip install 'newsbrief[service]'",
                2,
            )
        app = create_app(settings)
    except NewsbriefError as exc:
        fail(str(exc), exc.exit_code)
    options: dict[str, Any] = {"host": host, "port": port, "access_log": access_log}
    options["log_level"] = "info"
    if processes == 1:
        uvicorn.run(app, **options)
        return
    from newsbrief.service.app import SETTINGS_VARIABLE

    os.environ[SETTINGS_VARIABLE] = json.dumps(dataclasses.asdict(settings))
    target = "newsbrief.service.app:create_app_from_environment"
    uvicorn.run(target, factory=True, workers=processes, **options)
