"""newsbrief eval: datasets, ROUGE scoring, bootstrap, the systems, the runner and the command.

Everything runs on tests/fixtures/eval-tiny.jsonl (four small invented clusters), never on the
shared datasets.
"""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
from importlib.util import find_spec
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsbrief.cli.evaluate import eval_command
from newsbrief.errors import InputError, NewsbriefError
from newsbrief.evaluate.datasets import EvalCluster, read_clusters
from newsbrief.evaluate.peers import (
    SYSTEMS,
    System,
    get_system,
    lead_summary,
    oracle_summary,
    take_while_fits,
)
from newsbrief.evaluate.rouge import METRICS, Scorer, bootstrap, prepare, sentences
from newsbrief.evaluate.runner import run

TINY = Path(__file__).resolve().parent / "fixtures" / "eval-tiny.jsonl"


@pytest.fixture(scope="module")
def clusters() -> list[EvalCluster]:
    return list(read_clusters(TINY))


@pytest.fixture(scope="module")
def scorer() -> Scorer:
    pytest.importorskip("rouge_score")
    return Scorer()


needs_rouge = pytest.mark.skipif(
    find_spec("rouge_score") is None, reason="rouge-score (the eval extra) is not installed"
)


def words_of(text: str) -> int:
    return len(text.split())


# datasets


def test_reads_every_cluster_with_its_references(clusters: list[EvalCluster]) -> None:
    assert [c.id for c in clusters] == [
        "tiny-ferry",
        "tiny-orchard-empty-document",
        "tiny-library-several-references",
        "tiny-bridge-one-document",
    ]
    assert clusters[1].documents[0] == ""  # empty documents are kept, not dropped
    assert len(clusters[2].references) == 3  # "summaries" wins over "summary"
    assert len(clusters[0].references) == 1


def test_reads_gzip_and_stops_at_the_limit(tmp_path: Path) -> None:
    packed = tmp_path / "tiny.jsonl.gz"
    packed.write_bytes(gzip.compress(TINY.read_bytes()))
    assert [c.id for c in read_clusters(packed, limit=2)] == [
        "tiny-ferry",
        "tiny-orchard-empty-document",
    ]


def test_skip_leaves_out_the_first_clusters_unparsed(tmp_path: Path) -> None:
    assert [c.id for c in read_clusters(TINY, limit=2, skip=1)] == [
        "tiny-orchard-empty-document",
        "tiny-library-several-references",
    ]
    broken = tmp_path / "broken-first.jsonl"
    broken.write_text("not json\n" + TINY.read_text())
    assert len(list(read_clusters(broken, skip=1))) == 4  # the skipped line is never read
    assert list(read_clusters(TINY, skip=10)) == []


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ('{"id": "x", "documents": ["a"], "summary": "b"', "not valid JSON"),
        ('["a", "b"]', "expected a JSON object"),
        ('{"id": "x", "documents": "a", "summary": "b"}', "'documents' must be a list"),
        ('{"id": "x", "documents": ["a", 3], "summary": "b"}', "'documents' must be a list"),
        ('{"id": "x", "documents": ["a"]}', "no reference summary"),
        ('{"id": "x", "documents": ["a"], "summary": "  "}', "reference summary is empty"),
        ('{"id": "x", "documents": ["a"], "summaries": "b"}', "'summaries' must be a list"),
    ],
)
def test_a_malformed_line_is_an_input_error_naming_it(
    tmp_path: Path, line: str, message: str
) -> None:
    data = tmp_path / "bad.jsonl"
    data.write_text(TINY.read_text().splitlines()[0] + "\n\n" + line + "\n")
    with pytest.raises(InputError) as caught:
        list(read_clusters(data))
    assert message in str(caught.value)
    assert "bad.jsonl, line 3" in str(caught.value)


def test_a_missing_or_corrupt_file_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        list(read_clusters(tmp_path / "absent.jsonl"))
    broken = tmp_path / "broken.jsonl.gz"
    broken.write_bytes(gzip.compress(TINY.read_bytes())[:-40])
    with pytest.raises(InputError, match="cannot read"):
        list(read_clusters(broken))


# ROUGE


def test_an_identical_summary_scores_exactly_one(
    scorer: Scorer, clusters: list[EvalCluster]
) -> None:
    reference = clusters[0].references[0]
    assert scorer.score(reference, [reference]) == dict.fromkeys(METRICS, 1.0)
    assert scorer.score(reference.upper(), [reference]) == dict.fromkeys(METRICS, 1.0)


def test_an_unrelated_or_empty_summary_scores_zero(scorer: Scorer) -> None:
    assert scorer.score("", ["The bridge is closed."]) == dict.fromkeys(METRICS, 0.0)
    assert scorer.score("Apples grow.", ["The bridge is closed."]) == dict.fromkeys(METRICS, 0.0)


def test_several_references_give_the_mean_of_each(
    scorer: Scorer, clusters: list[EvalCluster]
) -> None:
    summary = "The bridge over the river is closed for repairs."
    assert scorer.score(summary, [summary, "Apples grow."]) == dict.fromkeys(METRICS, 0.5)
    references = clusters[2].references
    together = scorer.score(clusters[2].documents[0], references)
    alone = [scorer.score(clusters[2].documents[0], [r]) for r in references]
    for metric in METRICS:
        assert together[metric] == pytest.approx(sum(a[metric] for a in alone) / 3)
    assert len({round(a["rouge1"], 6) for a in alone}) == 3  # the references really differ


def test_texts_are_prepared_one_lowercased_sentence_a_line() -> None:
    assert prepare("The Ferry Sailed. It Was Late!\nA New Line") == (
        "the ferry sailed.\nit was late!\na new line"
    )
    assert sentences("Dr. Smith arrived. He spoke.") == ["Dr. Smith arrived.", "He spoke."]


def test_rouge_lsum_reads_the_sentence_lines(scorer: Scorer) -> None:
    reference = "The ferry left at noon. The island cheered."
    swapped = "The island cheered. The ferry left at noon."
    assert scorer.score(swapped, [reference])["rougeLsum"] == 1.0  # per-sentence LCS union
    assert scorer.score(swapped, [reference])["rouge2"] < 1.0


def test_scoring_needs_a_reference(scorer: Scorer) -> None:
    with pytest.raises(NewsbriefError):
        scorer.score("text", [])


# bootstrap


def test_the_bootstrap_interval_contains_the_mean_and_is_reproducible() -> None:
    values = [0.1, 0.4, 0.35, 0.2, 0.9, 0.05, 0.5, 0.45, 0.3, 0.6]
    estimate = bootstrap(values)
    assert estimate.mean == pytest.approx(sum(values) / len(values))
    assert estimate.low < estimate.mean < estimate.high
    assert estimate.high - estimate.low < 0.4
    assert bootstrap(values) == estimate  # fixed seed
    assert bootstrap(values, seed=7) != estimate
    assert bootstrap([0.25] * 5) == bootstrap([0.25])  # no spread, no width
    assert bootstrap([0.25]).low == bootstrap([0.25]).high == 0.25


def test_the_bootstrap_interval_narrows_with_more_clusters() -> None:
    few = bootstrap([0.1, 0.5] * 5)
    many = bootstrap([0.1, 0.5] * 500)
    assert many.high - many.low < (few.high - few.low) / 5


def test_bootstrap_of_nothing_is_an_error() -> None:
    with pytest.raises(NewsbriefError):
        bootstrap([])


# systems


def test_take_while_fits_stops_at_the_first_sentence_that_does_not_fit() -> None:
    ranked = ["one two three", "four five six seven", "eight"]
    assert take_while_fits(ranked, 7) == ranked[:2]
    assert take_while_fits(ranked, 6) == ranked[:1]  # "eight" would fit, but order is kept
    assert take_while_fits(ranked, 2) == []


def test_lead_takes_first_sentences_round_robin(clusters: list[EvalCluster]) -> None:
    lines = lead_summary(clusters[0].documents, 60).splitlines()
    assert lines[0].startswith("The new electric ferry")
    assert lines[1].startswith("Residents of Gull Island")
    assert lines[2].startswith("Critics of the ferry project")


@pytest.mark.parametrize("budget", [1, 12, 30, 45, 260])
def test_lead_respects_the_word_budget(clusters: list[EvalCluster], budget: int) -> None:
    for cluster in clusters:
        summary = lead_summary(cluster.documents, budget)
        assert words_of(summary) <= budget
        for line in summary.splitlines():
            assert any(line in document for document in cluster.documents)


@needs_rouge
def test_the_oracle_finds_the_best_sentences(scorer: Scorer, clusters: list[EvalCluster]) -> None:
    cluster = clusters[3]
    target = "Drivers must take a detour of six miles through the village of Ashby."
    assert oracle_summary(cluster.documents, 15, [target]) == target
    for cluster in clusters:
        best = scorer.score(
            oracle_summary(cluster.documents, 40, cluster.references), cluster.references
        )
        lead = scorer.score(lead_summary(cluster.documents, 40), cluster.references)
        assert best["rouge1"] + best["rouge2"] >= lead["rouge1"] + lead["rouge2"]
        assert words_of(oracle_summary(cluster.documents, 40, cluster.references)) <= 40


def test_an_unknown_system_names_the_choices() -> None:
    with pytest.raises(NewsbriefError, match="choose from newsbrief, openai, lead, oracle"):
        get_system("gpt")


def test_a_missing_peer_package_gives_the_install_hint(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "sumy", None)  # import sumy → ImportError
    with pytest.raises(NewsbriefError) as caught:
        get_system("lexrank")
    assert caught.value.hint == "pip install 'newsbrief[bench]'"
    assert "sumy is not installed" in str(caught.value)


def test_missing_rouge_score_gives_the_install_hint(monkeypatch: pytest.MonkeyPatch) -> None:
    for module in ("rouge_score", "rouge_score.rouge_scorer"):
        monkeypatch.setitem(sys.modules, module, None)
    with pytest.raises(NewsbriefError) as caught:
        Scorer()
    assert caught.value.hint == "pip install 'newsbrief[eval]'"


@pytest.mark.parametrize("name", ["lexrank", "textrank", "lsa"])
def test_sumy_peers_run_on_our_splitter_within_the_budget(
    clusters: list[EvalCluster], name: str
) -> None:
    pytest.importorskip("sumy")
    system = get_system(name)
    for cluster in clusters:
        summary = system.summarize(cluster.documents, 40)
        assert 0 < words_of(summary) <= 40
        for line in summary.splitlines():
            assert any(line in document for document in cluster.documents)


def test_the_sumy_tokenizer_needs_no_nltk_data() -> None:
    pytest.importorskip("sumy")
    from newsbrief.evaluate.peers import SplitterTokenizer

    tokenizer = SplitterTokenizer()
    assert tokenizer.to_sentences("Dr. Smith came. He left.") == ("Dr. Smith came.", "He left.")
    assert tokenizer.to_words("The island's ferry, at 9 am, didn't wait.") == (
        "The", "island", "ferry", "at", "am", "did", "n't", "wait",
    )  # fmt: skip


# runner


@needs_rouge
def test_the_runner_scores_every_cluster_and_measures(clusters: list[EvalCluster]) -> None:
    seen: list[str] = []
    result = run(SYSTEMS["lead"], clusters, 30, on_cluster=lambda c: seen.append(c.id))
    assert seen == [c.id for c in clusters]
    assert all(0 < c.scores["rouge1"] <= 1 for c in result.clusters)
    assert all(c.words <= 30 and c.seconds > 0 and (c.peak_bytes or 0) > 0 for c in result.clusters)
    assert result.clusters_per_second > 0 and (result.peak_mb or 0) > 0
    estimates = result.estimates()
    assert estimates["rouge1"].low <= estimates["rouge1"].mean <= estimates["rouge1"].high
    assert not result.failures and not result.cut


@needs_rouge
def test_memory_is_traced_for_all_none_or_the_named_clusters(clusters: list[EvalCluster]) -> None:
    untraced = run(SYSTEMS["lead"], clusters, 30, memory=False)
    assert untraced.peak_mb is None and untraced.clusters[0].to_dict("lead")["peak_mb"] is None
    some = run(SYSTEMS["lead"], clusters, 30, memory={"tiny-ferry"})
    assert [c.id for c in some.clusters if c.peak_bytes is not None] == ["tiny-ferry"]
    assert some.peak_mb == some.clusters[0].peak_bytes / 1e6


@needs_rouge
def test_a_refused_cluster_scores_zero_and_says_why(clusters: list[EvalCluster]) -> None:
    def picky(documents: list[str], words: int) -> str:
        if not all(documents):
            raise InputError("an empty article")
        return lead_summary(documents, words)

    result = run(System("picky", picky, "test"), clusters, 30, memory=False)
    refused = result.failures
    assert [c.id for c in refused] == ["tiny-orchard-empty-document"]
    assert refused[0].scores == dict.fromkeys(METRICS, 0.0) and "empty article" in refused[0].error


@needs_rouge
def test_a_summary_over_the_budget_is_cut_and_flagged(clusters: list[EvalCluster]) -> None:
    def wordy(documents: list[str], words: int) -> str:
        return "\n".join(documents)

    result = run(System("wordy", wordy, "test"), clusters[:1], 30, memory=False)
    assert result.clusters[0].cut and result.clusters[0].words <= 30


@needs_rouge
def test_newsbrief_runs_on_every_cluster(clusters: list[EvalCluster]) -> None:
    result = run(SYSTEMS["newsbrief"], clusters, 40, memory=False)
    assert not result.failures, result.failures
    assert all(0 < c.words <= 40 for c in result.clusters)


# the command


def invoke(*args: str):
    return CliRunner().invoke(eval_command, list(args))


@needs_rouge
def test_the_command_reports_scores_and_writes_one_line_per_cluster(tmp_path: Path) -> None:
    out = tmp_path / "scores.jsonl"
    result = invoke(str(TINY), "--system", "lead", "--words", "30", "--out", str(out))
    assert result.exit_code == 0, result.output
    for label in ("ROUGE-1", "ROUGE-2", "ROUGE-Lsum", "clusters/s", "MB"):
        assert label in result.stdout
    records = [json.loads(line) for line in out.read_text().splitlines()]
    assert [r["id"] for r in records][:2] == ["tiny-ferry", "tiny-orchard-empty-document"]
    assert len(records) == 4
    for record in records:
        assert set(METRICS) <= set(record) and record["system"] == "lead"
        assert record["words"] <= 30 and words_of(record["summary"]) == record["words"]


@needs_rouge
def test_the_command_defaults_to_newsbrief_and_obeys_limit() -> None:
    result = invoke(str(TINY), "--limit", "2", "--no-progress", "--no-memory")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("newsbrief on eval-tiny.jsonl: 2 clusters, 260-word budget")
    assert "peak memory not measured" in result.stdout


@needs_rouge
def test_the_command_scores_a_later_slice_with_skip(tmp_path: Path) -> None:
    out = tmp_path / "scores.jsonl"
    result = invoke(str(TINY), "--skip", "2", "--limit", "1", "--no-memory", "--out", str(out))
    assert result.exit_code == 0, result.output
    assert "1 clusters" in result.stdout or "1 cluster" in result.stdout
    records = [json.loads(line) for line in out.read_text().splitlines()]
    assert [r["id"] for r in records] == ["tiny-library-several-references"]


def assert_one_line_error(result, *fragments: str) -> None:
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("newsbrief: error:"), result.stderr
    for fragment in fragments:
        assert fragment in lines[0]


@needs_rouge
def test_the_command_stops_at_a_malformed_line_with_one_line(tmp_path: Path) -> None:
    data = tmp_path / "bad.jsonl"
    data.write_text(TINY.read_text() + '{"id": "oops", "documents": [}\n')
    assert_one_line_error(invoke(str(data)), "bad.jsonl, line 5", "not valid JSON")
    assert_one_line_error(invoke(str(tmp_path / "absent.jsonl")), "no such file")


@needs_rouge
def test_the_command_names_the_missing_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "sumy", None)
    assert_one_line_error(
        invoke(str(TINY), "--system", "textrank"), "pip install 'newsbrief[bench]'"
    )


def test_importing_the_command_stays_light() -> None:
    code = (
        "import sys, newsbrief.cli.evaluate, newsbrief.evaluate.runner;"
        "print(sorted({'rouge_score', 'sumy', 'tqdm', 'numpy', 'nltk'} & set(sys.modules)))"
    )
    shown = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert shown.stdout.strip() == "[]"
