"""News digests: a story the other articles do not tell is an off-topic removal."""

from __future__ import annotations

from newsbrief import Article, brief
from newsbrief.summary.digest import MIN_STORIES

BRIDGE_A = (
    "PORT ALDER (AP) -- The harbor bridge will stay closed until May after inspectors found "
    "cracks in two of its steel cables, the harbor authority said Monday.\n"
    "Crews began replacing the cracked cables on Monday and expect the repairs to take eight "
    "weeks.\n"
    "Commuters who cross the harbor bridge each weekday have been sent to the ferry.\n"
)
BRIDGE_B = (
    "PORT ALDER -- Inspectors found cracks in two steel cables of the harbor bridge, which "
    "will stay closed to traffic until May, the harbor authority said.\n"
    "The repairs to the cracked bridge cables will take about eight weeks, crews said.\n"
    "Ferries will carry the bridge commuters across the harbor until it reopens.\n"
)
DIGEST = (
    "News digest for Tuesday\n"
    "WASHINGTON (AP) -- Senators approved a farm spending bill on Tuesday after a long debate "
    "over dairy subsidies and grain prices.\n"
    "PORT ALDER (AP) -- The harbor bridge, closed since inspectors found cracked steel "
    "cables, will stay closed until May while crews replace the cables.\n"
    "TOKYO (AP) -- Japanese stocks fell sharply Tuesday as exporters slid on a stronger yen "
    "and weak quarterly earnings.\n"
    "DENVER (AP) -- A late spring blizzard dropped two feet of snow on the mountain passes, "
    "closing highways and schools.\n"
)


def test_a_digests_other_stories_are_off_topic_removals() -> None:
    articles = [Article("a", BRIDGE_A, "a"), Article("b", BRIDGE_B, "b"), Article("d", DIGEST, "d")]
    result = brief(articles, sections="summary", words=400)
    removed = {r.text.split(" ")[0]: r.reason for r in result.removals if r.article_id == "d"}
    assert removed["Senators"] == "off-topic"
    assert removed["Japanese"] == "off-topic"
    assert removed["A"] == "off-topic"  # the blizzard
    assert "The harbor bridge," not in removed
    datelines = {
        r.text: r.reason for r in result.removals if r.article_id == "d" and "dateline" in r.reason
    }
    assert datelines == {
        "WASHINGTON (AP) --": "dateline",  # the article's own, opening its first story
        "PORT ALDER (AP) --": "story-dateline",
        "TOKYO (AP) --": "story-dateline",
        "DENVER (AP) --": "story-dateline",
    }
    kept = [s for s in result.cluster.sentences if s.article_id == "d"]
    assert [s.text.split(" ")[:3] for s in kept] == [["The", "harbor", "bridge,"]]
    assert DIGEST[kept[0].start : kept[0].end] == kept[0].text  # cited where it is
    text = result.text
    assert "Senators" not in text and "stocks" not in text and "blizzard" not in text


def test_two_stories_make_no_digest_though_a_title_stands_above_the_first() -> None:
    assert MIN_STORIES == 3
    article = (
        "Harbor news\n"
        + BRIDGE_B.replace("PORT ALDER --", "PORT ALDER (AP) --")
        + "TOKYO (AP) -- Japanese stocks fell sharply Tuesday as exporters slid.\n"
    )
    result = brief([Article("a", BRIDGE_A, "a"), Article("b", article, "b")], sections="summary")
    assert not [r for r in result.removals if r.reason in ("off-topic", "story-dateline")]


def test_unrelated_digests_keep_the_story_closest_to_the_others() -> None:
    other = (
        "Wire digest\n"
        "FRANKFURT (AP) -- The central bank held interest rates steady on Thursday.\n"
        "PARIS (AP) -- The Louvre reopened its east wing after a year of repairs.\n"
        "SYDNEY (AP) -- Bushfires forced thousands from their homes near the coast.\n"
    )
    result = brief([Article("d", DIGEST, "d"), Article("e", other, "e")], sections="summary")
    assert result.text  # no E109: each digest keeps one story
    for article_id in ("d", "e"):
        assert [s for s in result.cluster.sentences if s.article_id == article_id]


def test_digests_alone_keep_the_stories_they_share() -> None:
    other = DIGEST.replace("Tuesday", "Wednesday")
    result = brief([Article("d", DIGEST, "d"), Article("e", other, "e")], sections="summary")
    assert not [r for r in result.removals if r.reason == "off-topic"]


def test_a_removed_story_is_shortened_in_the_html_list() -> None:
    from newsbrief.render import render

    long_story = DIGEST.replace(
        "closing highways and schools.",
        "closing highways and schools. " + "Plows worked through the night on every pass. " * 8,
    )
    articles = [
        Article("a", BRIDGE_A, "a"),
        Article("b", BRIDGE_B, "b"),
        Article("d", long_story, "d"),
    ]
    page = render(brief(articles, sections="summary"), "html", explain=True)
    listed = page.split("Removed from the input", 1)[1]
    assert "off-topic</b>: A late spring blizzard" in listed
    assert listed.count("Plows worked") == 1  # shortened: [...] after the first


def test_a_left_out_story_is_no_head_to_date_the_digest_by() -> None:
    from newsbrief.analysis.timeline import anchors
    from newsbrief.ingest.read import from_items
    from newsbrief.pipeline import prepare
    from newsbrief.settings import Settings

    dated = DIGEST.replace("after a long debate", "on Tuesday, March 10, 2026, after a long debate")
    articles = [Article("a", BRIDGE_A, "a"), Article("b", BRIDGE_B, "b"), Article("d", dated, "d")]
    cluster = prepare(from_items(articles, Settings()))
    assert any(r.reason == "off-topic" for r in cluster.removals)
    assert anchors(cluster)["d"].kind == "none"  # the farm bill's date is no day of writing


def test_a_digest_the_plain_articles_share_nothing_with_is_left_out_whole() -> None:
    other = (
        "Wire digest\n"
        "FRANKFURT (AP) -- The central bank held interest rates steady on Thursday.\n"
        "PARIS (AP) -- The Louvre reopened its east wing after a year of work.\n"
        "SYDNEY (AP) -- Bushfires forced thousands from their homes near the coast.\n"
    )
    articles = [Article("a", BRIDGE_A, "a"), Article("b", BRIDGE_B, "b"), Article("e", other, "e")]
    result = brief(articles, sections="summary")
    assert not [s for s in result.cluster.sentences if s.article_id == "e"]
    assert "Louvre" not in result.text and "central bank" not in result.text
