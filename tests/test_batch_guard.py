"""Batch output guards (issue 15, items 4 and 5): one writer per OUT, only our own lines count
as done, OUT is never the input, and workers die with the run however it is killed."""

from __future__ import annotations

import fcntl
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import FIXTURES, make_article

from newsbrief.batch.runner import run_batch
from newsbrief.errors import InputError, NewsbriefError
from newsbrief.settings import load_settings

ROOT = Path(__file__).resolve().parent.parent
CLUSTERS = FIXTURES / "batch-clusters.jsonl"
SETTINGS = load_settings(words=40)
CLI = "import sys; from newsbrief.cli import main; sys.argv[0] = 'newsbrief'; main()"
TOPICS = ["harbor", "orchard", "railway", "school", "library", "market", "bridge", "airport"]


def many_clusters(path: Path, count: int) -> Path:
    """``count`` clusters of three small articles each: enough work to be caught running."""
    with path.open("w", encoding="utf-8") as handle:
        for n in range(count):
            topic = f"{TOPICS[n % len(TOPICS)]}{n}"
            documents = [make_article(f"{topic} {k}", 12) for k in range(3)]
            handle.write(json.dumps({"id": f"c{n}", "documents": documents}) + "\n")
    return path


def start_batch(source: Path, out: Path, *extra: str) -> subprocess.Popen[bytes]:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    command = [sys.executable, "-c", CLI, "batch", str(source), "--out", str(out), *extra]
    return subprocess.Popen(
        command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True
    )


# ---- item 4: one writer, our lines only ----


def test_a_second_run_on_a_locked_output_fails_at_once(tmp_path: Path) -> None:
    out = tmp_path / "briefs.jsonl"
    with out.open("ab") as other_run:
        fcntl.flock(other_run.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        started = time.monotonic()
        with pytest.raises(NewsbriefError, match="being written by another") as error:
            run_batch(CLUSTERS, out, settings=SETTINGS)
        assert error.value.code == "E712" and time.monotonic() - started < 2
    assert out.read_bytes() == b""  # nothing written by the refused run
    assert not (tmp_path / "briefs.errors.jsonl").exists()  # its errors file left alone too


RACED_CLUSTERS = 400


def test_two_concurrent_runs_cannot_both_write(tmp_path: Path) -> None:
    # Enough clusters that the first run is still writing when the second one has started
    # (40 was raced through in about a second once the summary path got faster).
    source = many_clusters(tmp_path / "clusters.jsonl", RACED_CLUSTERS)
    out = tmp_path / "briefs.jsonl"
    first = start_batch(source, out, "--words", "40", "--sections", "summary")
    try:
        deadline = time.monotonic() + 60
        while not out.exists() or not out.read_bytes():  # the first run is writing
            assert first.poll() is None and time.monotonic() < deadline, first.stderr
            time.sleep(0.05)
        second = start_batch(source, out, "--words", "40", "--sections", "summary")
        _, err = second.communicate(timeout=60)
        assert second.returncode != 0
        assert b"E712" in err and b"being written by another newsbrief batch run" in err
    finally:
        first.wait(timeout=300)
    assert first.returncode == 0, first.stderr.read() if first.stderr else ""
    ids = [json.loads(line)["id"] for line in out.read_text().splitlines()]
    assert ids == [f"c{n}" for n in range(RACED_CLUSTERS)]  # each brief once, in order


def test_output_equal_to_the_input_is_refused(tmp_path: Path) -> None:
    source = tmp_path / "clusters.jsonl"
    source.write_bytes(CLUSTERS.read_bytes())
    link = tmp_path / "link.jsonl"
    link.symlink_to(source)
    for out, errors in ((source, None), (link, None), (tmp_path / "b.jsonl", source)):
        with pytest.raises(InputError, match="a file of its own") as error:
            run_batch(source, out, settings=SETTINGS, errors=errors)
        assert error.value.code == "E713"
    assert source.read_bytes() == CLUSTERS.read_bytes()


@pytest.mark.parametrize(
    "content",
    [
        CLUSTERS.read_bytes(),  # the input copied: lines with ids, not briefs
        b'{"id": "ferry", "schema": "someone.else/1"}\n',  # a last line complete and not ours
        b'{"id": "ferry", "documents": ["x"]}',  # one line, no newline, not a brief's start
        b'{"id": "ferry"}\n{"id": "orchard", "text": "a"',
    ],
)
def test_an_unrelated_jsonl_is_not_taken_as_done(tmp_path: Path, content: bytes) -> None:
    out = tmp_path / "other.jsonl"
    out.write_bytes(content)
    with pytest.raises(InputError, match="not a brief line") as error:
        run_batch(CLUSTERS, out, settings=SETTINGS)
    assert error.value.code == "E707"
    assert out.read_bytes() == content  # not truncated, nothing appended


def test_only_our_brief_lines_count_as_done(tmp_path: Path) -> None:
    out = tmp_path / "briefs.jsonl"
    summary = run_batch(CLUSTERS, out, settings=SETTINGS)
    assert summary.done == 3
    again = run_batch(CLUSTERS, out, settings=SETTINGS)
    assert (again.done, again.skipped) == (0, 3)
    torn = out.read_bytes() + b'{"id": "more", "sch'  # a machine stopped inside a write
    out.write_bytes(torn)
    resumed = run_batch(CLUSTERS, out, settings=SETTINGS)
    assert (resumed.skipped, resumed.dropped_bytes) == (3, len(b'{"id": "more", "sch'))


# ---- item 5: no orphaned workers ----


def _parents() -> dict[int, tuple[int, str]]:
    """pid → (parent pid, state) of every process, from /proc."""
    found = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            state, ppid = stat.rsplit(")", 1)[1].split()[:2]
            found[int(entry.name)] = (int(ppid), state)
    return found


def _descendants(pid: int) -> set[int]:
    table = _parents()
    found, frontier = set(), {pid}
    while frontier:
        frontier = {p for p, (ppid, _) in table.items() if ppid in frontier} - found
        found |= frontier
    return found


def _living(pids: set[int]) -> set[int]:
    table = _parents()
    return {p for p in pids if p in table and table[p][1] != "Z"}


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc (Linux)")
@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGTERM])
def test_workers_die_with_the_run(tmp_path: Path, sig: signal.Signals) -> None:
    source = many_clusters(tmp_path / "clusters.jsonl", 200)
    run = start_batch(source, tmp_path / "briefs.jsonl", "--workers", "2", "--words", "40")
    try:
        deadline = time.monotonic() + 60
        workers: set[int] = set()
        while len(workers) < 2:
            assert run.poll() is None and time.monotonic() < deadline, "no workers started"
            time.sleep(0.1)
            workers = _descendants(run.pid)
        os.kill(run.pid, sig)
        run.wait(timeout=30)
        deadline = time.monotonic() + 10
        while _living(workers) and time.monotonic() < deadline:
            time.sleep(0.1)
        left = _living(workers)
    finally:
        for pid in _living(_descendants(run.pid)) | _living(locals().get("workers", set())):
            os.kill(pid, signal.SIGKILL)  # never leave them behind, even when the test fails
        if run.poll() is None:
            run.kill()
            run.wait(timeout=30)
    assert not left, f"workers {sorted(left)} outlived the run killed by {sig.name}"
