"""Batch mode: one cluster per input line → one brief per output line, streamed and resumable.

Input lines are ``{"id", "documents": [text or article object, ...]}`` (the eval format; a
line without ``id`` is named ``line-N`` after its line number, and its brief says so in a
notice). Output lines are the JSON of ``newsbrief brief -f json`` with the cluster ``id`` first.

Crash safety and resume (docs/batch.md): each brief is one complete line written with a single
write and flushed before the next, in input order. A run stopped at any point leaves whole
lines, plus at most one torn last line if the machine stopped inside that write; a re-run drops
such a line, skips every id already in OUT and appends the rest. Malformed lines and failing
clusters go to the errors file with the reason (it describes the latest run; failed clusters
are tried again on every run). Memory stays flat: lines are read one at a time, at most a
window of clusters is in flight, and only the ids seen are kept (~100 bytes each). One run at a
time writes OUT (an advisory lock), and only lines newsbrief batch wrote count as done
(newsbrief.batch.output).
"""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import IO, Any

from newsbrief.batch.jsonl import count_lines, dump_line, numbered_lines, parse_object
from newsbrief.batch.limits import (
    DEFAULT_MAX_CHARS,
    DEFAULT_MAX_SECONDS,
    ClusterTimeout,
    over_chars,
    time_limit,
)
from newsbrief.batch.output import open_locked, read_done, refuse_same_files
from newsbrief.errors import InputError, NewsbriefError
from newsbrief.records import BriefRequest
from newsbrief.settings import Settings, check_names

__all__ = ["BatchSummary", "ClusterTask", "errors_path", "read_done", "run_batch"]


@dataclass(frozen=True)
class ClusterTask:
    """One cluster to brief: what a worker receives (plain data, cheap to pickle)."""

    line: int
    id: str
    documents: list[Any]
    settings: Settings | None
    request: BriefRequest  # what every cluster shares (sections, backend); no articles yet
    id_from_line: bool = False
    failure: tuple[str, str] | None = None  # (code, reason): a line that is not a cluster
    question: str | None = None  # the cluster's own question, if its line has one
    since: list[Any] | None = None  # the cluster's earlier articles, if its line has them
    max_chars: int | None = DEFAULT_MAX_CHARS  # per-cluster limits (batch/limits.py)
    max_seconds: float | None = DEFAULT_MAX_SECONDS


@dataclass
class BatchSummary:
    """What a batch run did; ``failed`` counts malformed lines and failing clusters."""

    out: Path
    errors: Path
    done: int = 0
    skipped: int = 0
    failed: int = 0
    unnamed: int = 0  # clusters without an id, named after their line number
    dropped_bytes: int = 0  # a torn last line of an earlier run, removed before resuming
    seconds: float = 0.0
    notices: list[str] = field(default_factory=list)

    @property
    def rate(self) -> float:
        return self.done / self.seconds if self.seconds > 0 else 0.0


def errors_path(out: Path) -> Path:
    """The default errors file: ``briefs.jsonl`` → ``briefs.errors.jsonl``."""
    name = out.name.removesuffix(".gz").removesuffix(".jsonl")
    return out.with_name(f"{name}.errors.jsonl")


def brief_task(task: ClusterTask) -> tuple[str, ...]:
    """Brief one cluster: ``("ok", json_line)`` or ``("error", code, reason)``. Never raises."""
    from newsbrief.pipeline import read_earlier_items, read_items, run

    if task.failure or task.settings is None:
        return ("error", *(task.failure or ("E799", "internal error: a task without settings")))
    too_big = over_chars(task.documents, task.max_chars)
    if too_big:
        return ("error", "E714", too_big)
    try:
        request = task.request
        if task.question is not None:
            request = replace(request, question=task.question)
        with time_limit(task.max_seconds):
            request = read_items(request, task.documents, task.settings)
            if task.since is not None:
                request = read_earlier_items(request, task.since, task.settings)
            result = run(request, task.settings)
        record = {"id": task.id, **result.to_dict()}
    except ClusterTimeout:
        limit = f"{task.max_seconds:g} s (--cluster-timeout)"
        return ("error", "E714", f"the brief took longer than the per-cluster limit of {limit}")
    except NewsbriefError as exc:
        return ("error", exc.code, exc.message + (f" ({exc.hint})" if exc.hint else ""))
    except Exception as exc:  # a bug must cost one cluster, not the run
        return ("error", "E799", f"internal error: {type(exc).__name__}: {exc}")
    if task.id_from_line:
        note = f"the input line has no id; named after its line number ({task.line})"
        record["notices"].append(  # type: ignore[attr-defined]
            {"code": "id-from-line", "message": note, "source": None, "skipped": False}
        )
    return ("ok", dump_line(record))


def _asked(record: dict[str, Any]) -> dict[str, Any]:
    """A cluster's own ``"question"`` (text) and ``"since"`` (earlier articles, as
    ``documents``): a malformed one raises ValueError with the reason."""
    asked: dict[str, Any] = {}
    question = record.get("question")
    if question is not None:
        if not isinstance(question, str):
            raise ValueError("'question' must be text")
        asked["question"] = question
    since = record.get("since")
    if since is not None:
        if not isinstance(since, list):
            raise ValueError("'since' must be a list of texts or article objects")
        asked["since"] = since
    return asked


def parse_cluster_line(
    raw: bytes, line: int, settings: Settings, request: BriefRequest
) -> ClusterTask:
    """One input line → a task; a malformed line raises ValueError with the reason."""
    record = parse_object(raw)
    documents = record.get("documents")
    if not isinstance(documents, list):
        raise ValueError("'documents' must be a list of texts or article objects")
    asked = _asked(record)
    cluster_id = record.get("id")
    if cluster_id is None or cluster_id == "":
        return ClusterTask(
            line, f"line-{line}", documents, settings, request, id_from_line=True, **asked
        )
    if not isinstance(cluster_id, str | int):
        raise ValueError(f"'id' must be text or a number, got {type(cluster_id).__name__}")
    return ClusterTask(line, str(cluster_id), documents, settings, request, **asked)


def run_batch(
    source: Path,
    out: Path,
    *,
    settings: Settings,
    request: BriefRequest | None = None,
    errors: Path | None = None,
    engine: str = "local",
    workers: int = 1,
    scheduler: str | None = None,
    progress: bool = False,
    max_cluster_chars: int | None = DEFAULT_MAX_CHARS,
    cluster_timeout: float | None = DEFAULT_MAX_SECONDS,
) -> BatchSummary:
    """Brief every cluster of ``source`` into ``out`` (appending, skipping ids already there).

    ``request`` holds what every cluster shares (``sections``, ``backend``, ``words``; its
    articles are ignored). Settings and request are checked once, before any line is read, so
    a bad name fails the run at once rather than every cluster into the errors file.
    A cluster over ``max_cluster_chars`` characters or ``cluster_timeout`` seconds goes to the
    errors file (E714); ``None`` or 0 turns a limit off.
    """
    from newsbrief.batch.engines import ordered_map
    from newsbrief.pipeline import check_request

    request = request or BriefRequest(())
    check_names(settings)
    check_request(request, settings)
    if not source.is_file():
        raise InputError(f"{source}: no such file", code="E101")
    summary = BatchSummary(out, errors or errors_path(out))
    refuse_same_files(source, out, summary.errors)
    started = time.perf_counter()
    output, unlocked = open_locked(out)  # held until the end: a second run fails at once
    if unlocked:
        summary.notices.append(unlocked)
    bar: Any = _NoBar()
    try:
        done, summary.dropped_bytes = read_done(out)
        bar = _progress_bar(source, progress, summary)
        with _open_append(summary.errors, truncate=True) as failures:
            tasks = (
                dataclasses.replace(task, max_chars=max_cluster_chars, max_seconds=cluster_timeout)
                for task in _tasks(source, settings, request, done, summary, bar)
            )
            results = ordered_map(
                brief_task, tasks, engine=engine, workers=workers, scheduler=scheduler
            )
            for task, result in results:
                if result[0] == "ok":
                    output.write(result[1].encode("utf-8"))
                    output.flush()
                    summary.done += 1
                    summary.unnamed += task.id_from_line
                else:
                    code, reason = result[1], result[2]
                    record = {"line": task.line, "id": task.id or None, "code": code}
                    failures.write(dump_line({**record, "reason": reason}).encode("utf-8"))
                    failures.flush()
                    summary.failed += 1
                bar.update(1)
    finally:
        output.close()  # and with it the lock
        bar.close()
        summary.seconds = time.perf_counter() - started
    return summary


def _tasks(
    source: Path,
    settings: Settings,
    request: BriefRequest,
    done: set[str],
    summary: BatchSummary,
    bar: Any,
) -> Iterator[ClusterTask]:
    """The clusters still to brief; malformed lines, duplicates and finished ids on the way."""
    first_line: dict[str, int] = {}
    for line, raw in numbered_lines(source):
        if not raw.strip():
            continue
        try:
            task = parse_cluster_line(raw, line, settings, request)
        except ValueError as exc:  # the id, when the line has one, still names it
            failed = ClusterTask(line, _id_of(raw), [], None, request, failure=("E709", str(exc)))
            yield failed
            continue
        if task.id in first_line:
            reason = f"duplicate id (first on line {first_line[task.id]})"
            yield ClusterTask(line, task.id, [], None, request, failure=("E710", reason))
            continue
        first_line[task.id] = line
        if task.id in done:
            summary.skipped += 1
            bar.update(1)
            continue
        yield task


def _id_of(raw: bytes) -> str:
    """The id of a line that is not a usable cluster, when it has one ("" otherwise)."""
    try:
        cluster_id = parse_object(raw).get("id")
    except ValueError:
        return ""
    return str(cluster_id) if isinstance(cluster_id, str | int) and cluster_id != "" else ""


def _open_append(path: Path, truncate: bool = False) -> IO[bytes]:
    try:
        return path.open("wb" if truncate else "ab")
    except OSError as exc:
        raise NewsbriefError(f"cannot write {path}: {exc.strerror}", code="E711") from None


class _NoBar:
    def update(self, n: int = 1) -> None:
        pass

    def close(self) -> None:
        pass


def _progress_bar(source: Path, shown: bool, summary: BatchSummary) -> Any:
    """A tqdm bar (clusters, rate, ETA) over the input's line count, or a silent stand-in."""
    if not shown:
        return _NoBar()
    try:
        from tqdm import tqdm
    except ImportError:
        summary.notices.append("no progress bar: pip install 'newsbrief[batch]' for one")
        return _NoBar()
    return tqdm(total=count_lines(source), unit="cluster", desc="briefing", smoothing=0.05)
