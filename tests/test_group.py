"""Story grouping: stories from an unsorted article stream, the time window, the scores."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from conftest import FIXTURES, make_article

from newsbrief.batch.group import (
    GroupSettings,
    article_vectors,
    bcubed,
    group_articles,
    group_file,
    parse_date,
    processing_order,
)
from newsbrief.cli import main

ARTICLES = FIXTURES / "group-articles.jsonl"


def test_fixture_stories_are_recovered(tmp_path) -> None:
    out = tmp_path / "stories.jsonl"
    summary = group_file(ARTICLES, out)
    stories = [json.loads(line) for line in out.read_text().splitlines()]
    grouped = [sorted(d["id"] for d in s["documents"]) for s in stories]
    assert grouped == [  # by first date: frost (April), ferry (May), chess (June)
        ["frost-1", "frost-2", "frost-3"],
        ["ferry-1", "ferry-2", "ferry-3"],
        ["chess-1", "chess-2", "chess-3"],
    ]
    assert [s["id"] for s in stories] == ["story-1", "story-2", "story-3"]
    assert set(stories[0]["documents"][0]) == {"id", "title", "date", "source", "text"}
    assert (summary.articles, summary.dated, summary.stories) == (9, 9, 3)
    assert [line for line, _ in summary.skipped] == [10, 11]
    assert not out.with_name("stories.jsonl.partial").exists()


def test_the_window_splits_a_story_only_when_dates_are_known() -> None:
    text = make_article("harbor", 5)
    again = make_article("harbor", 6)
    dated = [{"text": text, "date": "2030-01-01"}, {"text": again, "date": "2030-03-01"}]
    assert group_articles(dated, GroupSettings(window_days=3)) == [[0], [1]]
    assert group_articles(dated, GroupSettings(window_days=90)) == [[0, 1]]
    assert group_articles([{"text": text}, {"text": again}]) == [[0, 1]]


def test_different_events_stay_apart() -> None:
    ferry = "The electric ferry to Gull Island made its first crossing with forty passengers."
    chess = "Lina Okafor won the Harrowgate chess open with a rook endgame on Sunday."
    again = "Forty passengers rode the first electric ferry crossing to Gull Island on Monday."
    articles = [{"text": ferry}, {"text": chess}, {"text": again, "title": "Gull Island ferry"}]
    assert group_articles(articles) == [[0, 2], [1]]
    assert group_articles([]) == []


# Three reports: PILOTS and DIVERS share no weighted word; BOTH shares half its words with each.
PILOTS = "Harbor pilots praised the lighthouse keeper after the storm flooded the quay."
DIVERS = "Divers recovered the sunken ferry bell near the breakwater on Tuesday morning."
BOTH = "The lighthouse keeper and harbor pilots watched divers raise the ferry bell from the breakwater."
# Closer to DIVERS (cosine 0.87) than to PILOTS (0.5).
MOSTLY_DIVERS = (
    "Divers raised the sunken ferry bell from the breakwater on Tuesday, as harbor pilots watched."
)


def dated(*texts: str, days: tuple[int, ...] = (1, 2, 3)) -> list[dict[str, str]]:
    return [{"text": t, "date": f"2030-01-{d:02d}"} for t, d in zip(texts, days, strict=True)]


def test_words_no_other_article_has_are_dropped() -> None:
    texts = ["gull ferry", "ferry harbor", "zebra quokka"]
    (terms0, weights0, keys0), (terms1, weights1, _), (terms2, weights2, keys2) = article_vectors(
        texts, GroupSettings()
    )
    assert len(terms0) == 1 and terms0.tolist() == terms1.tolist() == keys0.tolist()
    assert weights0.tolist() == weights1.tolist() == [1.0]  # only "ferry" is left: unit length
    assert len(terms2) == len(weights2) == len(keys2) == 0
    stories = group_articles([{"text": t} for t in texts])
    assert stories == [[0, 1], [2]]  # an article with nothing shared starts its own story


def test_a_tie_between_stories_is_no_evidence() -> None:
    """BOTH is as close to PILOTS as to DIVERS: the competing story raises the bar."""
    articles = dated(PILOTS, DIVERS, BOTH)
    one_pass = GroupSettings(refine=False)
    assert group_articles(articles, one_pass) == [[0], [1], [2]]
    without = GroupSettings(refine=False, competition=0.0)
    assert group_articles(articles, without) == [[0], [1, 2]]  # joins one of the two


def test_refinement_brings_in_an_article_that_came_before_its_story() -> None:
    """PILOTS came first and alone; once DIVERS and MOSTLY_DIVERS form a story, it joins it."""
    articles = dated(PILOTS, DIVERS, MOSTLY_DIVERS)
    assert group_articles(articles, GroupSettings(refine=False)) == [[0], [1, 2]]
    assert group_articles(articles) == [[0, 1, 2]]  # members and stories in processing order


def test_refinement_keeps_the_window_on_both_sides() -> None:
    """A story whose first article is more than the window after an article stays closed to it."""
    articles = dated(PILOTS, DIVERS, MOSTLY_DIVERS, days=(1, 10, 11))
    assert group_articles(articles) == [[0], [1, 2]]
    assert group_articles(articles, GroupSettings(window_days=9)) == [[0, 1, 2]]


def test_processing_order_is_undated_first_then_by_date() -> None:
    dates = [parse_date(d) for d in ("2030-01-05", None, "5 January 2030", "2030-01-02", "bad")]
    assert processing_order(dates) == [1, 4, 3, 0, 2]


def test_bcubed() -> None:
    assert bcubed("aabb", [1, 1, 2, 2]) == (1.0, 1.0, 1.0)
    precision, recall, f1 = bcubed("aabb", [1, 1, 1, 1])
    assert (precision, recall) == (0.5, 1.0) and f1 == pytest.approx(2 / 3)
    with pytest.raises(ValueError):
        bcubed("ab", [1])


def test_group_then_batch_from_the_command_line(tmp_path) -> None:
    stories, briefs = tmp_path / "stories.jsonl", tmp_path / "briefs.jsonl"
    result = CliRunner().invoke(main, ["group", str(ARTICLES), "--out", str(stories)])
    assert result.exit_code == 0, result.output
    assert "9 articles (9 dated) → 3 stories" in result.stdout
    assert "line 10: not valid JSON" in result.stderr
    result = CliRunner().invoke(main, ["batch", str(stories), "-o", str(briefs), "-w", "30"])
    assert result.exit_code == 0, result.output
    assert [json.loads(x)["id"] for x in briefs.read_text().splitlines()] == [
        "story-1",
        "story-2",
        "story-3",
    ]


def test_group_missing_file_is_one_line_error(tmp_path) -> None:
    result = CliRunner().invoke(main, ["group", str(tmp_path / "no.jsonl"), "-o", "x.jsonl"])
    assert result.exit_code == 2 and "[E101]" in result.stderr
