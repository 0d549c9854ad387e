"""Issue 12, agreement split in two: sources that disagree on a fact (two different articles
only, never a number that is part of the other or a count of different things) and positions
(actors with opposite stances on one matter, one entry per pair, whole sentences, never a news
agency as the holder). All text here is written for the tests."""

from __future__ import annotations

import json

import pytest

from newsbrief import Article, brief
from newsbrief.analysis import nlp
from newsbrief.analysis.facts import rule_verdict
from newsbrief.analysis.positions import is_outlet
from newsbrief.render import render

needs_spacy = pytest.mark.skipif(not nlp.available(), reason="needs the spaCy pipeline")


def articles(*texts: str) -> list[Article]:
    return [Article(str(n), text, f"{n}.txt", date="1998-11-13") for n, text in enumerate(texts, 1)]


@pytest.mark.parametrize(
    ("first", "second"),
    [
        # a number that is part of the other: 64 of the 122 seats, and the 122 seats
        (
            "The ruling party won 64 of the 122 seats in the National Assembly in July.",
            "The ruling party won 64 seats and needs 82 of the assembly's 122 seats to govern.",
        ),
        (
            "The ruling party won 64 of the 122 seats in the National Assembly in July.",
            "The National Assembly has 122 seats, and the ruling party won a majority in July.",
        ),
        # counts of different things: the parties in the assembly, the parties in the coalition
        (
            "Three parties won seats in the National Assembly in the July election.",
            "Two parties agreed on Friday to form a coalition government after the July election.",
        ),
        # one sentence gives two values of the thing: which one is the fact is unclear
        (
            "Two students opened fire on Tuesday and shot 12 students at the school.",
            "Fourteen students died at the school on Tuesday.",
        ),
        # a different governing word: sickened and killed are different counts
        (
            "Malaria sickens 300 million people a year in tropical countries.",
            "Malaria kills one million people a year in tropical countries.",
        ),
    ],
)
def test_values_that_are_not_a_disagreement(first: str, second: str) -> None:
    assert rule_verdict(first, second).kind != "number"


def test_a_real_number_conflict_across_articles_is_kept() -> None:
    verdict = rule_verdict(
        "The crash killed all 217 people aboard the jet off the coast on Sunday.",
        "The crash killed all 223 people aboard the jet off the coast on Sunday.",
    )
    assert (verdict.label, verdict.kind) == ("conflict", "number")
    assert "“217 people”" in verdict.evidence and "“223 people”" in verdict.evidence


def test_a_name_the_other_article_never_writes_means_another_event() -> None:
    verdict = rule_verdict(
        "The Lauda Air crash killed all 223 people on board.",
        "The crash killed all 217 people on board.",
        "The Lauda Air crash killed all 223 people on board. It was in Thailand.",
        "The crash killed all 217 people on board. The jet fell into the Atlantic.",
    )
    assert verdict.kind != "number"


def test_two_sources_giving_two_figures_disagree() -> None:
    """Names in the attribution are who says it, not another event: still a conflict."""
    first = "About 1.7 million children are taught at home, according to the Harbor Institute."
    second = "Some 2.7 million children are taught at home, according to the Ridge Council."
    verdict = rule_verdict(first, second, first, second)
    assert (verdict.label, verdict.kind) == ("conflict", "number")


def test_datelines_are_not_dates_of_the_event() -> None:
    verdict = rule_verdict(
        "MOSCOW, October 15 (Xinhua) -- Russian troops continued attacks on rebel positions.",
        "MOSCOW, October 19 (Xinhua) -- Russian troops continued attacks on rebel positions.",
    )
    assert verdict.kind != "date"


def test_sentences_of_one_article_are_never_a_source_conflict() -> None:
    one = (
        "About 40,000 drivers use the tunnel each day, the county said. "
        "Roughly 65,000 drivers use the tunnel each day, a regional survey found."
    )
    result = brief([Article("1", one, "1.txt")], sections="agreement")
    assert not [a for a in result.agreement if a.label == "conflict"]
    other = "The tunnel closed on Tuesday after water flooded the north bore."
    result = brief(articles(one, other), sections="agreement")
    assert all(len(set(a.articles)) == 2 for a in result.agreement if a.label == "conflict")


def test_outlets_report_views_they_do_not_hold() -> None:
    assert is_outlet("Associated Press") and is_outlet("the Associated Press")
    assert is_outlet("Korean Central News Agency") and is_outlet("Xinhua")
    assert not is_outlet("North Korea") and not is_outlet("Mike Pompeo")


DEBATE = (
    "The Kingdom of Norland called the border talks with Westland “regrettable” on Saturday, "
    "hours after Westland's foreign minister Anna Berg told reporters the talks had made "
    "progress. The Associated Press reported that a statement by Norland's official news agency "
    "accused Westland of betraying the spirit of the talks. Norland said Westland pushed a "
    "“unilateral and gangster-like demand” during the talks. Berg had earlier offered a more "
    "optimistic view of the talks, which ran for two days."
)
SECOND = (
    "Anna Berg, Westland's foreign minister, said the border talks with Norland were "
    "productive and that both sides would meet again in December. Norland has not said when "
    "it will return to the talks."
)


@needs_spacy
def test_a_disagreement_is_one_position_with_its_evidence_grouped() -> None:
    result = brief(articles(DEBATE, SECOND), sections="agreement")
    positions = [a for a in result.agreement if a.label == "position"]
    assert len(positions) == 1, positions  # once, not once per pair of sentences
    found = positions[0]
    assert found.kind == "stance" and found.matter and "talks" in found.matter
    holders = {h for holder in found.holders for h in (holder or "").split(" and ")}
    assert holders == {"Norland", "Anna Berg"}  # never "Associated Press"
    assert "regrettable" in found.evidence and "gangster-like" in found.evidence
    assert "progress" in found.evidence or "optimistic" in found.evidence
    sentences = {(s.article_id, s.start, s.end) for s in result.cluster.sentences}
    for side in found.sides:  # whole sentences, never a piece of one
        assert (side.article_id, side.start, side.end) in sentences
    assert {side.article_id for side in found.sides} >= {"1"}
    assert not [a for a in result.agreement if a.label == "conflict"]


@needs_spacy
def test_the_split_shows_in_every_format() -> None:
    result = brief(articles(DEBATE, SECOND), sections="agreement")
    text = render(result, "text")
    assert "Sources disagree" in text and "Positions" in text
    assert text.index("Sources disagree") < text.index("Positions")
    assert "Anna Berg" in text.split("Positions", 1)[1]
    assert "Sources disagree" in render(result, "markdown")
    assert "<h2>Positions</h2>" in render(result, "html")
    data = json.loads(render(result, "json"))
    position = next(a for a in data["agreement"] if a["label"] == "position")
    assert "talks" in position["matter"] and len(position["holders"]) == len(position["sides"])


def test_an_owner_named_in_the_clause_is_not_the_holder() -> None:
    from newsbrief.analysis.stance import _only_possessive

    clause = "Kevin Ivers called Rove's remarks “very disappointing.”"
    assert _only_possessive("Karl Rove", clause)  # the target of the view, not its holder
    assert not _only_possessive("Kevin Ivers", clause)
    assert not _only_possessive("Karl Rove", "Rove said Rove's plan was a success.")
