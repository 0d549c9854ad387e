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
    question: str | None = None  # the cluster's topic, when asked for (--topic)
    since: tuple[str, ...] = ()  # earlier articles the reader has read (--since-set)


def read_clusters(
    path: str | Path,
    limit: int | None = None,
    skip: int = 0,
    *,
    topic: bool = False,
    set_name: str | None = None,
    since_set: str | None = None,
) -> Iterator[EvalCluster]:
    """Yield the clusters of ``path`` in file order, after the first ``skip``, at most
    ``limit`` of them (skipped lines are not parsed).

    ``topic``: carry each cluster's topic as its question (``question``, else ``query_title``
    and ``query_narrative`` as in DUC 2006, else ``title`` and ``narrative`` as in DUC 2007).
    ``set_name``: for records holding ``"sets"`` (DUC 2007 update), the set to summarize;
    ``since_set``: the set the reader has read (its documents become ``since``).
    """
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
            yield parse_cluster(line, f"{path}, line {number}", topic, set_name, since_set)
            count += 1
            if limit is not None and count >= limit:
                return


def parse_cluster(
    line: str,
    where: str,
    topic: bool = False,
    set_name: str | None = None,
    since_set: str | None = None,
) -> EvalCluster:
    """One JSON line → :class:`EvalCluster`; ``where`` names the line in error messages
    (``topic``, ``set_name``, ``since_set``: see :func:`read_clusters`)."""
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(f"{where}: not valid JSON ({exc.msg})", code="E310") from None
    if not isinstance(record, Mapping):
        raise InputError(f"{where}: expected a JSON object, got {_kind(record)}", code="E311")
    question = _topic(record) if topic else None
    if topic and not question:
        raise InputError(
            f"{where}: no topic to ask",
            hint="give 'question', or 'query_title'/'query_narrative', or 'title'/'narrative'",
            code="E316",
        )
    since: tuple[str, ...] = ()
    if since_set is not None:
        earlier = _set(record, since_set, where)
        since = tuple(d for d in earlier.get("documents") or () if isinstance(d, str))
    if set_name is not None:
        record = {"id": record.get("id"), **_set(record, set_name, where)}
    elif "sets" in record and "documents" not in record:
        raise InputError(
            f"{where}: the record holds sets ({', '.join(record['sets'])}); pick one",
            hint="--set B (and --since-set A for the update task)",
            code="E317",
        )
    documents = record.get("documents")
    if not isinstance(documents, list) or not _is_text_list(documents):
        raise InputError(f"{where}: 'documents' must be a list of texts", code="E312")
    references = _references(record, where)
    cluster_id = record.get("id")
    return EvalCluster(
        str(cluster_id) if cluster_id is not None else where,
        tuple(documents),
        references,
        question,
        since,
    )


def _topic(record: Mapping[str, Any]) -> str | None:
    """The cluster's topic as one question: title and narrative joined."""
    for fields in (("question",), ("query_title", "query_narrative"), ("title", "narrative")):
        parts = [str(record[f]).strip() for f in fields if isinstance(record.get(f), str)]
        parts = [p.rstrip(".") + "." for p in parts if p]
        if parts:
            return " ".join(parts)
    return None


def _set(record: Mapping[str, Any], name: str, where: str) -> Mapping[str, Any]:
    sets = record.get("sets")
    if not isinstance(sets, Mapping) or not isinstance(sets.get(name), Mapping):
        known = ", ".join(sets) if isinstance(sets, Mapping) else "none"
        raise InputError(f"{where}: no set {name!r} (sets: {known})", code="E317")
    return sets[name]


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
