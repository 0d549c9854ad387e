from __future__ import annotations

import json

from newsbrief import Article, brief
from newsbrief.records import Brief
from newsbrief.render import render


def test_markdown_lists_sources_and_escapes() -> None:
    result = brief(["The *council* approved the [harbor] plan on Monday after a long debate."])
    md = render(result, "md")
    assert md.startswith("# Brief")
    assert "\\*council\\*" in md and "\\[harbor]" in md
    assert "## Sources" in md and "- \\[1] article 1" in md


def test_html_is_standalone_escaped_and_links_citations() -> None:
    hostile = Article(
        "1", "The <script>alert(1)</script> council approved the harbor plan on Monday.", "x<y>"
    )
    page = render(brief([hostile]), "html")
    assert page.startswith("<!doctype html>")
    assert "<script>" not in page and "&lt;script&gt;" in page
    assert 'href="#a1-s0"' in page and 'id="a1-s0"' in page
    assert "http" not in page  # no external assets


def test_json_schema_fields(example_brief: Brief) -> None:
    data = json.loads(render(example_brief, "json"))
    core = {"schema", "summary", "articles", "removals", "notices", "settings"}
    analysis = {"sections", "actors", "quotes", "timeline", "agreement"}  # additions, issue 4
    asked = {"question", "update"}  # additions, issue 13
    assert set(data) == core | analysis | asked
    assert set(data["summary"]) == {"text", "words", "budget", "sentences"}
    sentence = data["summary"]["sentences"][0]
    assert set(sentence) == {
        "text",
        "article_id",
        "sentence_index",
        "start",
        "end",
        "also_in",
        "score",
        "origin",  # additions, issue 14 (the openai backend)
        "checked",
        "verdict",
    }
    assert set(data["articles"][0]) == {
        "id",
        "number",
        "source",
        "title",
        "date",
        "sentences",
        "text",
    }
    assert set(data["removals"][0]) == {"article_id", "start", "end", "text", "reason", "why"}
    assert data["summary"]["budget"] == 150 and data["summary"]["words"] <= 150


def test_text_shows_also_in_markers(example_brief: Brief) -> None:
    text = render(example_brief, "text")
    assert "; also " in text


def test_a_long_word_is_cut_by_characters_not_emptied() -> None:
    from newsbrief.render import shortened

    cjk = "北京" * 120
    assert shortened(cjk, 70) == cjk[:69] + "…"
    assert shortened("a short line", 70) == "a short line"
    assert shortened("word " * 40, 30).endswith("[...]")
