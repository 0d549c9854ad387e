"""Evaluation clusters from JSON Lines files (plain or gzipped), read one line at a time.

One cluster a line: ``{"id": str, "documents": [str, ...], "summary": str}``, optionally with
``"summaries": [str, ...]`` holding several references (then used instead of ``summary``).
A line that does not follow this shape stops the run with an :class:`InputError` naming the
file and the line; empty documents are kept (a system must cope with them).
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from newsbrief.errors import InputError


@dataclass(frozen=True)
class EvalCluster:
    """A cluster to summarize and the human reference summaries to score it against."""

    id: str
    documents: tuple[str, ...]
    references: tuple[str, ...]


def read_clusters(
    path: str | Path, limit: int | None = None, skip: int = 0
) -> Iterator[EvalCluster]:
    """Yield the clusters of ``path`` in file order, after the first ``skip``, at most
    ``limit`` of them (skipped lines are not parsed)."""
    path = Path(path)
    if limit is not None and limit < 1:
        return
    count = skipped = 0
    with _open(path) as handle:
        for number, line in _lines(handle, path):
            if not line.strip():
                continue
            if skipped < skip:
                skipped += 1
                continue
            yield parse_cluster(line, f"{path}, line {number}")
            count += 1
            if limit is not None and count >= limit:
                return


def parse_cluster(line: str, where: str) -> EvalCluster:
    """One JSON line → :class:`EvalCluster`; ``where`` names the line in error messages."""
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(f"{where}: not valid JSON ({exc.msg})", code="E310") from None
    if not isinstance(record, Mapping):
        raise InputError(f"{where}: expected a JSON object, got {_kind(record)}", code="E311")
    documents = record.get("documents")
    if not isinstance(documents, list) or not _is_text_list(documents):
        raise InputError(f"{where}: 'documents' must be a list of texts", code="E312")
    references = _references(record, where)
    cluster_id = record.get("id")
    return EvalCluster(
        str(cluster_id) if cluster_id is not None else where, tuple(documents), references
    )


def _references(record: Mapping[str, Any], where: str) -> tuple[str, ...]:
    if "summaries" in record:
        summaries = record["summaries"]
        if not _is_text_list(summaries):
            raise InputError(f"{where}: 'summaries' must be a list of texts", code="E313")
        references = tuple(s for s in summaries if s.strip())
    elif isinstance(record.get("summary"), str):
        references = (record["summary"],) if record["summary"].strip() else ()
    else:
        raise InputError(
            f"{where}: no reference summary",
            hint="give 'summary' (text) or 'summaries' (a list of texts)",
            code="E313",
        )
    if not references:
        raise InputError(f"{where}: the reference summary is empty", code="E314")
    return references


def _is_text_list(value: object) -> bool:
    return isinstance(value, list) and all(isinstance(item, str) for item in value)


def _kind(value: object) -> str:
    names = {list: "a list", str: "a string", int: "a number", float: "a number"}
    return names.get(type(value), type(value).__name__)


def _open(path: Path) -> IO[str]:
    try:
        if path.name.endswith(".gz"):
            return gzip.open(path, "rt", encoding="utf-8")
        return path.open(encoding="utf-8")
    except FileNotFoundError:
        raise InputError(f"{path}: no such file", code="E101") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})", code="E103") from None


def _lines(handle: IO[str], path: Path) -> Iterator[tuple[int, str]]:
    """Numbered lines, with decoding and gzip failures turned into :class:`InputError`."""
    number = 0
    try:
        for number, line in enumerate(handle, 1):
            yield number, line
    except (OSError, EOFError, UnicodeDecodeError) as exc:
        reason = exc.reason if isinstance(exc, UnicodeDecodeError) else str(exc) or "cut short"
        raise InputError(
            f"{path}, line {number + 1}: cannot read ({reason})",
            hint="expected UTF-8 JSON Lines, optionally gzipped (.jsonl.gz)",
            code="E315",
        ) from None
