"""End-to-end: the brief of real and shipped clusters, its budget, citations and order."""

from __future__ import annotations

import json
import re

import pytest

from newsbrief import Article, brief, brief_paths
from newsbrief.records import Brief

WORD = re.compile(r"\w+")


def jaccard(a: str, b: str) -> float:
    x, y = set(WORD.findall(a.lower())), set(WORD.findall(b.lower()))
    return len(x & y) / len(x | y)


def check_citations(result: Brief) -> None:
    data = json.loads(result.to_json())
    texts = {a["id"]: a["text"] for a in data["articles"]}
    assert data["summary"]["sentences"], "the summary is empty"
    for s in data["summary"]["sentences"]:
        assert texts[s["article_id"]][s["start"] : s["end"]] == s["text"]
        for other in s["also_in"]:
            assert other["article_id"] != s["article_id"]
            assert 0 <= other["start"] < other["end"] <= len(texts[other["article_id"]])


@pytest.mark.parametrize("words", [40, 100, 150, 260])
def test_sample_brief_budget_citations_and_no_repeats(sample_dir, words: int) -> None:
    result = brief_paths([sample_dir], words=words)
    assert 0 < result.word_count <= words
    check_citations(result)
    texts = [s.text for s in result.sentences]
    for i, a in enumerate(texts):
        for b in texts[i + 1 :]:
            assert jaccard(a, b) < 0.5, (a, b)


def test_sample_brief_cites_both_articles(sample_brief: Brief) -> None:
    cited = {c.article_id for s in sample_brief.sentences for c in s.citations}
    assert cited == {a.id for a in sample_brief.articles}
    assert len(sample_brief.articles) == 2


def test_example_brief_cites_and_orders_by_date(example_brief: Brief) -> None:
    check_citations(example_brief)
    dates = {a.id: a.date for a in example_brief.articles}
    order = [dates[s.citation.article_id] for s in example_brief.sentences]
    assert order == sorted(order)
    assert len({s.citation.article_id for s in example_brief.sentences}) >= 3
    assert any(s.also_in for s in example_brief.sentences)
    assert "Compartir" not in example_brief.text and "Advertisement" not in example_brief.text


def test_sentences_of_one_article_keep_their_order(example_brief: Brief) -> None:
    by_article: dict[str, list[int]] = {}
    for s in example_brief.sentences:
        by_article.setdefault(s.citation.article_id, []).append(s.citation.sentence_index)
    assert all(indexes == sorted(indexes) for indexes in by_article.values())


def test_brief_is_deterministic(sample_dir) -> None:
    assert brief_paths([sample_dir]).to_json() == brief_paths([sample_dir]).to_json()


def test_python_api_with_texts_and_records() -> None:
    first = (
        "The Harbor Bridge closed on Monday after inspectors found cracks in two girders. "
        "The mayor said repairs would take six weeks. Ferries added boats on Tuesday."
    )
    second = (
        "Inspectors found cracks in two girders of the Harbor Bridge, which closed on Monday. "
        "An engineer said repairs would take at least three months. Commuters crowded the ferries."
    )
    result = brief([first, Article("x", second, "wire", "Bridge shut", "2026-03-03")], words=40)
    assert result.word_count <= 40
    assert result.sentences[0].citations[0] == result.sentences[0].citation
    assert {a.id for a in result.articles} == {"1", "x"}
    assert result.articles[1].date == "2026-03-03"
    check_citations(result)
    assert any(s.also_in for s in result.sentences)
    assert json.loads(result.to_json())["schema"] == "newsbrief.brief/1"


def test_a_budget_smaller_than_any_sentence_gives_an_empty_summary_and_a_notice() -> None:
    result = brief(["The council approved the plan for the new harbor bridge on Monday."], words=3)
    assert result.sentences == ()
    # "on Monday" in an undated text: named in the one notice that says how to give a date
    assert [n.code for n in result.notices] == ["budget-too-small", "undated-relative"]


def test_representation_is_swappable() -> None:
    from newsbrief.choices import REPRESENTATIONS
    from newsbrief.summary import represent

    calls = []

    class Counting(represent.TfidfRepresentation):
        def vectors(self, texts):
            calls.append(len(texts))
            return super().vectors(texts)

    REPRESENTATIONS.register("counting", Counting, "TF-IDF, counting its calls")
    try:
        result = brief(
            ["The council approved the harbor bridge plan on Monday after a long debate."],
            representation="counting",
        )
    finally:
        REPRESENTATIONS.unregister("counting")
    assert calls == [1] and result.sentences


def test_default_scorer_blends_learned_weights_at_every_cluster_size(monkeypatch) -> None:
    """Issue 11: no switch by cluster size; the learned score sits beside the prior always."""
    from conftest import make_article

    import newsbrief.summary.score

    calls: list[int] = []
    learned = newsbrief.summary.score.learned_scores

    def counted(*args):
        calls.append(1)
        return learned(*args)

    monkeypatch.setattr(newsbrief.summary.score, "learned_scores", counted)
    many = [make_article(f"district{i}", 4) for i in range(11)]
    assert brief(many, sections="summary").sentences  # 11 articles: once used the centroid alone
    assert brief(many[:3], sections="summary").sentences
    assert len(calls) == 2
    # "auto", the old default, is read as the blend.
    texts = [s.text for s in brief(many[:3], sections="summary", scorer="auto").sentences]
    assert texts == [s.text for s in brief(many[:3], sections="summary").sentences]
