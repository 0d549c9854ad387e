"""JSON Lines files, plain or gzipped, read one line at a time (memory stays flat)."""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from newsbrief.errors import InputError

CHUNK = 1 << 20


def open_binary(path: Path) -> IO[bytes]:
    """``path`` opened for reading bytes, decompressed when its name ends in ``.gz``."""
    try:
        if path.name.endswith(".gz"):
            return gzip.open(path, "rb")  # type: ignore[return-value]
        return path.open("rb")
    except FileNotFoundError:
        raise InputError(f"{path}: no such file", code="E101") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})", code="E103") from None


def numbered_lines(path: Path) -> Iterator[tuple[int, bytes]]:
    """``(line number, raw line)`` from 1; a cut-short gzip stream ends in an InputError."""
    number = 0
    with open_binary(path) as handle:
        try:
            for number, raw in enumerate(handle, 1):
                yield number, raw
        except (OSError, EOFError) as exc:
            raise InputError(
                f"{path}, line {number + 1}: cannot read ({exc or 'cut short'})",
                hint="expected UTF-8 JSON Lines, optionally gzipped (.jsonl.gz)",
                code="E315",
            ) from None


def count_lines(path: Path) -> int | None:
    """The number of lines of ``path`` (a quick pass in 1 MB chunks), None if unreadable."""
    count, last = 0, b"\n"
    try:
        with open_binary(path) as handle:
            while chunk := handle.read(CHUNK):
                count += chunk.count(b"\n")
                last = chunk[-1:]
    except (OSError, EOFError, InputError):
        return None
    return count + (last != b"\n")


def parse_object(raw: bytes) -> dict[str, Any]:
    """One line → a JSON object; raises ValueError with a short reason otherwise."""
    try:
        value = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise ValueError(f"not UTF-8 ({exc.reason})") from None
    except json.JSONDecodeError as exc:
        raise ValueError(f"not valid JSON ({exc.msg})") from None
    if not isinstance(value, dict):
        raise ValueError(f"expected a JSON object, got {type(value).__name__}")
    return value


def dump_line(record: dict[str, Any]) -> str:
    """One complete JSON line; JSON escapes newlines, so the only one is the last character."""
    return json.dumps(record, ensure_ascii=False) + "\n"
