"""``newsbrief brief``: summarize the articles given on the command line into a cited brief."""

from __future__ import annotations

from pathlib import Path

import click

from newsbrief.choices import FORMATS, SUMMARIZERS
from newsbrief.cli.errors import fail, friendly_errors, write_stdout
from newsbrief.settings import Settings

FORMAT_SUFFIXES = {".md": "md", ".markdown": "md", ".json": "json", ".html": "html", ".htm": "html"}


@click.command("brief")
@click.argument("inputs", nargs=-1, required=True, metavar="INPUT...")
@click.option(
    "-w",
    "--words",
    type=click.IntRange(min=1),
    default=None,
    help=f"Word budget of the summary; it is never exceeded. [default: {Settings.words}]",
)
@click.option(
    "-f",
    "--format",
    "fmt",
    type=click.Choice(FORMATS.names()),
    default=None,
    help="Output format. [default: from --out's suffix, else text]",
)
@click.option(
    "-o",
    "--out",
    type=click.Path(dir_okay=False, writable=True, path_type=Path),
    default=None,
    help="Write the brief to this file instead of standard output.",
)
@click.option(
    "--explain",
    is_flag=True,
    help="Also show what cleaning removed from each article and why, and each "
    "chosen sentence's score and character span.",
)
@click.option(
    "--config",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    default=None,
    help="A TOML settings file (see docs/settings.md).",
)
@click.option(
    "--max-bytes",
    type=click.IntRange(min=1),
    default=None,
    help="Refuse input files larger than this many bytes. [default: 16000000]",
)
@click.option(
    "-s",
    "--sections",
    default=None,
    metavar="LIST",
    help="Comma-separated parts of the brief: summary, actors, quotes, timeline, agreement. "
    "Actors need the analysis extra (pip install 'newsbrief[analysis]'). "
    "[default: all that can run]",
)
@click.option(
    "--question",
    default=None,
    metavar="TEXT",
    help='Focus the brief on a question ("What about sanctions?"); a notice says when the '
    "articles barely address it.",
)
@click.option(
    "--since",
    "since",
    multiple=True,
    metavar="PATH",
    help="Earlier articles the reader has read (files, directories, or a brief's JSON, which "
    "carries its articles); repeatable. The brief is then an update: only what is new.",
)
@click.option(
    "--backend",
    default=None,
    metavar="NAME",
    help="Who writes the summary: "
    + "; ".join(f"{e.name} ({e.description})" for e in SUMMARIZERS.entries())
    + ". [default: extractive]",
)
@click.option(
    "--llm-url",
    default=None,
    metavar="URL",
    help="The openai backend's server, e.g. http://127.0.0.1:11434/v1 (Ollama) or "
    "http://127.0.0.1:8080/v1 (llama-server). The API key, if any, is read from "
    "NEWSBRIEF_LLM_API_KEY or OPENAI_API_KEY.",
)
@click.option("--llm-model", default=None, metavar="NAME", help="The openai backend's model.")
@click.option(
    "--strict",
    is_flag=True,
    default=None,
    help="With --backend openai: a server or answer failure is an error (exit 3) instead of "
    "the extractive brief with a notice.",
)
@click.option(
    "-q", "--quiet", is_flag=True, help="Do not print notices (skipped or odd input) on stderr."
)
@friendly_errors
def brief_command(
    inputs: tuple[str, ...],
    words: int | None,
    fmt: str | None,
    out: Path | None,
    explain: bool,
    config: Path | None,
    max_bytes: int | None,
    sections: str | None,
    question: str | None,
    since: tuple[str, ...],
    backend: str | None,
    llm_url: str | None,
    llm_model: str | None,
    strict: bool | None,
    quiet: bool,
) -> None:
    """Summarize the articles in INPUT... into a cited brief.

    INPUT is a text file, an HTML page, a .json/.jsonl file ({"documents": [...]} or one
    article per line with "text", "title", "date", "source"), a directory (read recursively),
    or - for standard input. Articles inside one text file may be separated by a line of
    ||||| (the Multi-News convention).

    \b
    Examples:
      newsbrief brief articles/ --words 150
      newsbrief brief a.txt b.html c.txt --format md --out brief.md
      cat cluster.txt | newsbrief brief -
      newsbrief brief articles/ --sections summary,quotes,timeline
      newsbrief brief articles/ --question "What about sanctions?"
      newsbrief brief today/ --since yesterday/
      newsbrief brief today/ --since yesterday-brief.json --question "Who resigned?"
      newsbrief brief articles/ --backend openai --llm-model llama3.2
    """
    from newsbrief.pipeline import request_from_paths, run
    from newsbrief.render import render, strip_controls
    from newsbrief.settings import load_settings

    settings = load_settings(
        config,
        words=words,
        max_file_bytes=max_bytes,
        backend=backend,
        llm_url=llm_url,
        llm_model=llm_model,
        strict=strict or None,  # an absent flag keeps the setting from the file or environment
    )
    if fmt is None and out is not None:
        fmt = FORMAT_SUFFIXES.get(out.suffix.lower(), "text")
    FORMATS.check(fmt or "text")  # a bad format fails before any work
    request = request_from_paths(
        list(inputs), settings, sections=sections, question=question, since=since
    )
    result = run(request, settings)
    if not quiet:
        for notice in result.notices:  # names and text from the input: no control characters
            line = f"{notice.source or 'input'}: {notice.message}"
            kind = "skipped" if notice.skipped else "warning"
            click.echo(f"newsbrief: {kind}: {strip_controls(line)}", err=True)
    output = render(result, fmt or "text", explain=explain)
    if out is None:
        write_stdout(output)
        return
    try:
        out.write_text(output, encoding="utf-8")
    except OSError as exc:
        fail(f"cannot write {out}: {exc.strerror}", 2)
    if not quiet:
        click.echo(
            f"newsbrief: wrote {out} ({result.word_count} words, "
            f"{len(result.sentences)} sentences)",
            err=True,
        )
