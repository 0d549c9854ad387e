"""Batch mode: one brief a line, errors with reasons, resume after a crash, workers, Dask."""

from __future__ import annotations

import gzip
import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import FIXTURES

from newsbrief.batch.runner import errors_path, read_done, run_batch
from newsbrief.cli import main
from newsbrief.errors import InputError, SettingsError
from newsbrief.settings import load_settings

CLUSTERS = FIXTURES / "batch-clusters.jsonl"
SETTINGS = load_settings(words=40)


def lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.fixture(scope="module")
def first_run(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("batch") / "briefs.jsonl"
    summary = run_batch(CLUSTERS, out, settings=SETTINGS)
    assert (summary.done, summary.skipped, summary.failed, summary.unnamed) == (3, 0, 3, 1)
    return out


def test_one_brief_per_cluster_in_input_order(first_run: Path) -> None:
    briefs = lines(first_run)
    assert [b["id"] for b in briefs] == ["ferry", "orchard", "line-4"]
    assert all(b["schema"] == "newsbrief.brief/1" and b["summary"]["words"] <= 40 for b in briefs)
    assert first_run.read_text().startswith('{"id": "ferry", "schema"')
    assert [n["code"] for n in briefs[2]["notices"]][-1] == "id-from-line"
    assert briefs[1]["articles"][0]["title"] == "Frost hits Verdan orchards"


def test_failures_go_to_the_errors_file_with_reasons(first_run: Path) -> None:
    errors = lines(errors_path(first_run))
    assert [(e["line"], e["id"], e["code"]) for e in errors] == [
        (3, None, "E709"),  # malformed JSON
        (5, "empty", "E108"),  # every document empty
        (6, "ferry", "E710"),  # an id seen before
    ]
    assert "not valid JSON" in errors[0]["reason"] and "line 1" in errors[2]["reason"]


def test_resume_skips_done_ids_and_drops_a_torn_last_line(first_run: Path, tmp_path) -> None:
    out = tmp_path / "briefs.jsonl"
    complete = first_run.read_bytes()
    out.write_bytes(complete[: complete.rindex(b"\n", 0, -1) + 40])  # crash inside line 3
    assert read_done(out)[0] == {"ferry", "orchard"}
    assert out.read_bytes() == complete[: complete.rindex(b"\n", 0, -1) + 1]  # cut at a line end
    summary = run_batch(CLUSTERS, out, settings=SETTINGS)
    assert (summary.done, summary.skipped, summary.failed) == (1, 2, 3)
    assert out.read_bytes() == complete
    again = run_batch(CLUSTERS, out, settings=SETTINGS)
    assert (again.done, again.skipped, again.dropped_bytes) == (0, 3, 0)


def test_resume_refuses_a_file_it_did_not_write(tmp_path) -> None:
    out = tmp_path / "notes.jsonl"
    out.write_text("dear diary\nmore notes\n")
    with pytest.raises(InputError, match="E707"):
        run_batch(CLUSTERS, out, settings=SETTINGS)


def test_gzipped_input_and_two_workers_give_the_same_output(first_run: Path, tmp_path) -> None:
    source = tmp_path / "clusters.jsonl.gz"
    with gzip.open(source, "wb") as handle:
        handle.write(CLUSTERS.read_bytes())
    out = tmp_path / "briefs.jsonl"
    summary = run_batch(source, out, settings=SETTINGS, workers=2)
    assert (summary.done, summary.failed) == (3, 3)
    assert out.read_bytes() == first_run.read_bytes()


def test_dask_on_a_local_cluster_gives_the_same_output(first_run: Path, tmp_path) -> None:
    distributed = pytest.importorskip("distributed")
    out = tmp_path / "briefs.jsonl"
    with distributed.LocalCluster(
        n_workers=1, processes=False, threads_per_worker=2, dashboard_address=None
    ) as cluster:
        summary = run_batch(
            CLUSTERS, out, settings=SETTINGS, engine="dask", scheduler=cluster.scheduler_address
        )
    assert (summary.done, summary.failed) == (3, 3)
    assert out.read_bytes() == first_run.read_bytes()
    assert [e["code"] for e in lines(errors_path(out))] == ["E709", "E108", "E710"]


def test_scheduler_needs_the_dask_engine(tmp_path) -> None:
    with pytest.raises(SettingsError, match="E702"):
        run_batch(CLUSTERS, tmp_path / "o.jsonl", settings=SETTINGS, scheduler="tcp://x:1")


def test_cli_prints_counts_and_names_the_errors_file(tmp_path) -> None:
    shutil.copy(CLUSTERS, tmp_path / "in.jsonl")
    out, errors = tmp_path / "out.jsonl", tmp_path / "why.jsonl"
    args = ["batch", str(tmp_path / "in.jsonl"), "--out", str(out), "--words", "40"]
    result = CliRunner().invoke(main, [*args, "--errors", str(errors), "--progress"])
    assert result.exit_code == 0, result.output
    assert "done 3, skipped 0 (already in out.jsonl), failed 3" in result.stdout
    assert "briefing" in result.stderr and "line-N" in result.stderr
    assert len(lines(out)) == 3 and len(lines(errors)) == 3
    again = CliRunner().invoke(main, [*args, "--errors", str(errors)])
    assert "done 0, skipped 3" in again.stdout


def test_cli_missing_input_is_one_line_error(tmp_path) -> None:
    result = CliRunner().invoke(main, ["batch", str(tmp_path / "nope.jsonl"), "-o", "x.jsonl"])
    assert result.exit_code == 2
    assert result.stderr.strip().startswith("newsbrief: error: [E101]")
    assert len(result.stderr.strip().splitlines()) == 1


def test_cli_sections_pick_the_parts_of_every_brief(tmp_path) -> None:
    out = tmp_path / "out.jsonl"
    args = ["batch", str(CLUSTERS), "--out", str(out), "--sections", "summary"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    briefs = lines(out)
    assert briefs and all(b["sections"] == ["summary"] and b["actors"] == [] for b in briefs)
    bad = CliRunner().invoke(main, [*args[:4], "--sections", "summary,gossip"])
    assert bad.exit_code == 2 and "gossip" in bad.stderr
