"""Story grouping: stories from an unsorted article stream, the time window, the scores."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from conftest import FIXTURES, make_article

from newsbrief.cli import main
from newsbrief.group import (
    GroupSettings,
    bcubed,
    group_articles,
    group_file,
    parse_date,
    processing_order,
)

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
