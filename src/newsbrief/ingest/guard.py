"""Reading hostile or unlucky input safely: bounded stdin, text with a byte-order mark, JSON
nested too deeply to parse, directories with links (issue 15).

Each guard turns what would have been a traceback, a silent drop or unbounded memory into a
clear :class:`InputError` or a :class:`Notice`.
"""

from __future__ import annotations

import codecs
import json
import os
import sys
import zlib
from pathlib import Path
from typing import IO, Any

from newsbrief.errors import InputError
from newsbrief.records import Notice

CHUNK = 1 << 20
# Longest first: the UTF-32 LE mark begins with the UTF-16 LE one.
BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def read_stdin(limit: int, stream: IO[bytes] | None = None) -> bytes:
    """Standard input, at most ``limit`` bytes (after un-gzipping); a closed or empty stream,
    or one over the limit, is a clear error. Never holds more than the limit in memory."""
    if stream is None:
        if sys.stdin is None or getattr(sys.stdin, "buffer", None) is None:
            raise _closed()
        stream = sys.stdin.buffer
    chunks: list[bytes] = []
    size = 0
    try:
        while True:
            chunk = stream.read(min(CHUNK, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
            if size > limit:
                raise _over(limit)
    except (OSError, ValueError) as exc:  # fd 0 closed (EBADF), or the stream object closed
        raise _closed(str(getattr(exc, "strerror", None) or exc)) from None
    data = b"".join(chunks)
    if data.startswith(b"\x1f\x8b"):  # gzipped, like a .jsonl.gz given by name
        data = gunzip(data, limit, "<stdin>")
    if not data.strip():
        raise InputError(
            "standard input is empty",
            hint="pipe the articles in (cat articles.txt | newsbrief brief -), or name files",
            code="E111",
        )
    return data


def gunzip(data: bytes, limit: int, source: str) -> bytes:
    """Un-gzip at most ``limit`` bytes (a small bomb cannot fill the memory)."""
    parts: list[bytes] = []
    size = 0
    while data:  # a gzip file may hold several members, one after another
        inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
        try:
            part = inflater.decompress(data, limit + 1 - size)
        except zlib.error:
            raise InputError(f"{source}: not a readable gzip stream", code="E103") from None
        size += len(part)
        parts.append(part)
        if size > limit or inflater.unconsumed_tail:
            raise _over(limit, source)
        if not inflater.eof:
            raise InputError(f"{source}: a gzip stream cut short", code="E103")
        data = inflater.unused_data
    return b"".join(parts)


def _closed(why: str = "it is closed") -> InputError:
    return InputError(
        f"cannot read standard input ({why})",
        hint="give - only when input is piped in, or name files",
        code="E112",
    )


def _over(limit: int, source: str = "standard input") -> InputError:
    return InputError(
        f"{source} is over the limit of {limit:,} bytes",
        hint="raise it with --max-bytes, or split the input",
        code="E104",
    )


def decode_with_bom(data: bytes) -> str | None:
    """Text with a byte-order mark (UTF-8, UTF-16, UTF-32) decoded; None when there is none.
    A marked text that does not decode is read with replacement characters dropped."""
    for bom, codec in BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(codec, errors="replace").replace("\ufffd", "")
    return None


def load_json(text: str, source: str) -> Any:
    """``json.loads``, with nesting too deep to parse reported as invalid JSON (E105)."""
    try:
        return json.loads(text)
    except RecursionError:
        raise InputError(
            f"{source}: not valid JSON (nested too deeply)",
            hint="an article is an object with a 'text' field, in a list at most",
            code="E105",
        ) from None


def walk(root: Path, notices: list[Notice]) -> list[Path]:
    """Every entry under ``root`` (hidden ones left out), sorted, following links to folders
    once: a link back to a folder already being read is named in a notice and not followed."""
    found: list[Path] = []
    seen = {os.path.realpath(root)}

    def visit(folder: Path) -> None:
        try:
            entries = sorted(folder.iterdir())
        except OSError as exc:
            notices.append(
                Notice("unreadable-file", f"cannot list ({exc.strerror}); skipped", str(folder))
            )
            return
        for entry in entries:
            if entry.name.startswith("."):
                continue
            if entry.is_dir():
                real = os.path.realpath(entry)
                if real in seen:
                    notices.append(
                        Notice(
                            "link-loop",
                            "a link to a folder already read; not followed again",
                            str(entry),
                            True,
                        )
                    )
                    continue
                seen.add(real)
                visit(entry)
            else:
                found.append(entry)

    visit(root)
    return sorted(found)
