"""Question-focused and update briefs (issue 13), on text written for these tests."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from newsbrief import brief
from newsbrief.cli import main
from newsbrief.summary.focus import question_terms, stem

FLOOD = [
    "Heavy rain flooded the river valley on Monday, and the water reached the town centre. "
    "The flood forced hundreds of families to leave their homes in the valley. "
    "Rescue teams used boats to reach families trapped by the flood water. "
    "The regional government said it would send more rescue teams to the valley.",
    "The flood in the river valley left roads and bridges under water on Monday. "
    "Families in the valley spent the night in schools and sports halls. "
    "Rescue teams said the water was still rising in the lower valley. "
    "The European Union said it would impose sanctions on the dam operator if an inquiry "
    "found that the spillway had been left closed.",
    "Rescue teams worked through the night in the flooded river valley. "
    "The flood water damaged hundreds of homes and closed the main road to the valley. "
    "Residents said the water rose faster than in any flood they remembered. "
    "A spokesman for the operator rejected the threat of sanctions and said the spillway "
    "had opened as designed.",
]


def _texts(result: object) -> list[str]:
    return [s.text for s in result.sentences]  # type: ignore[attr-defined]


def test_question_terms_drop_instructions_and_stem() -> None:
    terms = question_terms("Describe the sanctions. Discuss what the operators said.")
    assert terms == {"sanction", "operator"}
    assert stem("families") == "family" and stem("flooded") == "flood"


def test_question_prefers_the_sentences_that_answer_it() -> None:
    generic = brief(FLOOD, words=45, sections="summary")
    asked = brief(FLOOD, words=45, sections="summary", question="What about sanctions?")
    assert not any("sanction" in t for t in _texts(generic))
    answering = [t for t in _texts(asked) if "sanction" in t]
    assert answering, _texts(asked)
    assert asked.question == "What about sanctions?"
    assert not any(n.code == "question-not-addressed" for n in asked.notices)
    # Both facets (the threat and the reply) before a third flood sentence, not one of them twice.
    assert len(answering) == 2


def test_question_nothing_answers_gets_a_notice() -> None:
    result = brief(FLOOD, words=60, sections="summary", question="Who won the cup final?")
    codes = [n.code for n in result.notices]
    assert "question-not-addressed" in codes
    message = next(n.message for n in result.notices if n.code == "question-not-addressed")
    assert "0 of its 3 terms" in message  # cup, final, won


def test_question_filters_the_analysis_to_its_matter() -> None:
    texts = [
        'The mayor said "the water will go down by Friday" at a meeting on 3 May 2021. '
        "Rescue teams worked through the night in the valley.",
        'A spokesman for the operator said "sanctions would be unfair" on 4 May 2021. '
        "Families spent the night in schools in the valley.",
    ]
    whole = brief(texts, words=60, sections="summary,quotes")
    asked = brief(texts, words=60, sections="summary,quotes", question="What about sanctions?")
    assert len(whole.quotes) == 2
    assert [q.text for q in asked.quotes] == ["sanctions would be unfair"]
    kept = brief(
        texts,
        words=60,
        sections="summary,quotes",
        question="What about sanctions?",
        question_sections=False,
    )
    assert len(kept.quotes) == 2


OLD = [
    "A fire destroyed a warehouse in the harbour district on Sunday night. "
    "Firefighters fought the blaze for six hours before bringing it under control. "
    "Police said two workers were taken to hospital with burns.",
]
NEW = [
    "A fire destroyed a warehouse in the harbour district on Sunday night. "
    "Firefighters fought the blaze for six hours before bringing it under control. "
    "Police arrested the warehouse owner on Tuesday on suspicion of arson.",
    "Police said on Tuesday that the warehouse owner had been arrested on suspicion of arson. "
    "The number of injured workers rose to five, the hospital said on Tuesday.",
]


def test_update_leaves_out_what_the_earlier_articles_said() -> None:
    result = brief(NEW, words=60, sections="summary", since=OLD)
    texts = _texts(result)
    assert texts
    assert not any(t.startswith(("A fire destroyed", "Firefighters fought")) for t in texts)
    assert any("arson" in t for t in texts)
    assert any("rose to five" in t for t in texts)  # a new number is preferred
    new_ids = {a.id for a in result.articles}
    assert len(new_ids) == 2
    assert all(c.article_id in new_ids for s in result.sentences for c in s.citations)
    assert result.update is not None and result.update.known_sentences == 2
    assert result.update.new_articles == 2 and result.update.earlier_articles == 1
    assert any(n.code == "update" for n in result.notices)
    # Without the earlier articles, the known sentences are what a generic brief leads with.
    assert any(t.startswith("A fire destroyed") for t in _texts(brief(NEW, words=60)))


def test_update_that_only_repeats_gets_a_notice_and_no_summary() -> None:
    repeat = [OLD[0].replace("Sunday night", "Sunday evening"), OLD[0]]
    result = brief(repeat, words=60, sections="summary", since=OLD)
    assert result.sentences == ()
    codes = [n.code for n in result.notices]
    assert "nothing-new" in codes and "no-usable-sentence" not in codes
    assert result.update is not None and result.update.known_share == 1.0


def test_question_and_update_combine() -> None:
    result = brief(NEW, words=14, sections="summary", since=OLD, question="Who was injured?")
    texts = _texts(result)
    assert texts and all("injured" in t for t in texts)
    assert result.update is not None and result.question == "Who was injured?"


def test_json_carries_question_and_update() -> None:
    data = brief(NEW, words=60, sections="summary", since=OLD, question="Arson?").to_dict()
    assert data["question"] == "Arson?"
    assert data["update"]["known_sentences"] == 2
    assert brief(NEW, words=60, sections="summary").to_dict()["update"] is None


@pytest.mark.parametrize("fmt", ["text", "md", "html"])
def test_cli_update_from_an_earlier_brief(tmp_path, fmt: str) -> None:  # type: ignore[no-untyped-def]
    runner = CliRunner()
    old = tmp_path / "old.txt"
    old.write_text(OLD[0], encoding="utf-8")
    new = tmp_path / "new"
    new.mkdir()
    for n, text in enumerate(NEW):
        (new / f"{n}.txt").write_text(text, encoding="utf-8")
    earlier = runner.invoke(main, ["brief", str(old), "-f", "json", "-s", "summary"])
    assert earlier.exit_code == 0, earlier.output
    (tmp_path / "old.json").write_text(earlier.output, encoding="utf-8")
    args = ["brief", str(new), "--since", str(tmp_path / "old.json"), "-s", "summary"]
    result = runner.invoke(main, [*args, "--question", "What about arson?", "-f", fmt, "-q"])
    assert result.exit_code == 0, result.output
    assert "arson" in result.output
    assert "What about arson?" in result.output
    assert "already known" in result.output
    assert "A fire destroyed" not in result.output.split("Sources")[0]
    as_json = runner.invoke(main, [*args, "-f", "json", "-q"])
    assert json.loads(as_json.output)["update"]["earlier_articles"] == 1


def test_cli_since_with_nothing_readable_fails_clearly(tmp_path) -> None:  # type: ignore[no-untyped-def]
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    new = tmp_path / "new.txt"
    new.write_text(NEW[0], encoding="utf-8")
    result = CliRunner().invoke(main, ["brief", str(new), "--since", str(empty)])
    assert result.exit_code == 2
    assert "earlier articles" in result.output


def test_batch_takes_a_question_and_earlier_articles_per_cluster(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from newsbrief.batch.runner import errors_path, run_batch
    from newsbrief.records import BriefRequest
    from newsbrief.settings import load_settings

    source = tmp_path / "in.jsonl"
    lines = [
        {"id": "asked", "documents": FLOOD, "question": "What about sanctions?"},
        {"id": "update", "documents": NEW, "since": OLD},
        {"id": "bad", "documents": NEW, "since": "not a list"},
    ]
    source.write_text("\n".join(json.dumps(x) for x in lines) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    request = BriefRequest((), sections="summary")
    run_batch(source, out, settings=load_settings(words=45), request=request)
    briefs = {b["id"]: b for b in map(json.loads, out.read_text().splitlines())}
    assert briefs["asked"]["question"] == "What about sanctions?"
    assert "sanction" in briefs["asked"]["summary"]["text"]
    assert briefs["update"]["update"]["known_sentences"] == 2
    assert "A fire destroyed" not in briefs["update"]["summary"]["text"]
    errors = errors_path(out).read_text()
    assert '"bad"' in errors or "line 3" in errors or "'since' must be a list" in errors


def test_a_question_without_terms_gives_a_general_brief_and_says_so() -> None:
    result = brief(FLOOD, words=45, sections="summary", question="What happened?")
    assert _texts(result) == _texts(brief(FLOOD, words=45, sections="summary"))
    assert "question-without-terms" in [n.code for n in result.notices]


def test_eval_update_mode_reads_sets_and_topics(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from newsbrief.evaluate.datasets import read_clusters

    record = {
        "id": "t1",
        "title": "The warehouse fire",
        "narrative": "Describe the arrest and the injured.",
        "sets": {
            "A": {"documents": OLD, "summaries": ["A fire destroyed a warehouse."]},
            "B": {"documents": NEW, "summaries": ["The owner was arrested for arson."]},
        },
    }
    path = tmp_path / "update.jsonl"
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    [cluster] = read_clusters(path, topic=True, set_name="B", since_set="A")
    assert cluster.question == "The warehouse fire. Describe the arrest and the injured."
    assert cluster.since == tuple(OLD) and cluster.documents == tuple(NEW)
    runner = CliRunner()
    args = ["eval", str(path), "-w", "30", "--no-memory", "--topic", "--set", "B"]
    result = runner.invoke(main, [*args, "--since-set", "A"])
    assert result.exit_code == 0, result.output
    assert "1 clusters, 30-word budget" in result.output
    missing = runner.invoke(main, [*args, "--since-set", "C"])
    assert missing.exit_code == 2 and "E317" in missing.output
    no_set = runner.invoke(main, ["eval", str(path), "--no-memory"])
    assert no_set.exit_code == 2 and "pick one" in no_set.output


def test_a_sentence_that_leans_on_the_one_before_comes_with_it() -> None:
    texts = [
        "The port authority met on Monday to discuss the strike by dock workers. "
        "It agreed to raise dock workers' wages by eight percent from June.",
        "Dock workers ended their strike at the port on Tuesday after the wage deal.",
    ]
    for words in (26, 40):
        found = _texts(brief(texts, words=words, sections="summary", question="wages?"))
        leaning = any(t.startswith("It agreed") for t in found)
        assert leaning == any(t.startswith("The port authority met") for t in found), found
        assert leaning or words < 40
