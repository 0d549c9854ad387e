"""Web-page furniture found sentence by sentence (session 14): the widgets and prompts a scraped
page prints inside its text, often glued to a line of story."""

from __future__ import annotations

import re

from newsbrief import Article, Settings, brief
from newsbrief.records import REMOVAL_REASONS, Notice
from newsbrief.summary import furniture
from newsbrief.summary.furniture import without_furniture
from newsbrief.summary.patterns import words_of
from newsbrief.summary.prepare import prepare_cluster
from newsbrief.summary.tokens import NumberedWords

SETTINGS = Settings()

STORY = (
    "The harbor council voted on Monday to close the old bridge for two years of repairs. "
    "Engineers found cracks in three of its steel supports during an inspection last month. "
    "Ferries will carry commuters across the river while the work goes on, officials said."
)
TWEET_WIDGET = (
    "Tweet with a location you can add location information to your tweets, such as your city "
    "or precise location, from the web and via third-party applications. You always have the "
    "option to delete your tweet location history. Learn more"
)
PLAYER = (
    "The interactive transcript could not be loaded. Rating is available when the video has "
    "been rented. This feature is not available right now. Please try again later."
)


def prepared(*texts: str):  # type: ignore[no-untyped-def]
    articles = [Article(str(n), text, f"source-{n}") for n, text in enumerate(texts)]
    return prepare_cluster(articles, [], SETTINGS)


def test_widget_and_player_sentences_glued_into_a_story_line_are_taken_out() -> None:
    cluster = prepared(f"{STORY} {PLAYER}\n\n{TWEET_WIDGET}")
    texts = [s.text for s in cluster.sentences]
    assert texts == [
        "The harbor council voted on Monday to close the old bridge for two years of repairs.",
        "Engineers found cracks in three of its steel supports during an inspection last month.",
        "Ferries will carry commuters across the river while the work goes on, officials said.",
    ]
    removed = [r.text for r in cluster.removals if r.reason == "page-furniture"]
    assert "Rating is available when the video has been rented." in removed
    assert "You always have the option to delete your tweet location history." in removed
    assert "Learn more" in removed
    assert len(removed) == 7
    assert "page-furniture" in REMOVAL_REASONS


def test_a_story_glued_to_furniture_keeps_its_story_at_its_own_offsets() -> None:
    text = (
        "Please enable JavaScript to watch this video DENVER -- A school bus slid "
        "off an icy road on Tuesday morning, and all 24 children on board were unhurt.\n\n"
        "The news and stories that matter, delivered weekday mornings. / Updated The driver "
        "was taken to a hospital as a precaution, the district said."
    )
    cluster = prepared(text)
    article = cluster.articles[0]
    for sentence in cluster.sentences:
        assert article.text[sentence.start : sentence.end] == sentence.text
    assert [s.text for s in cluster.sentences] == [
        "DENVER -- A school bus slid off an icy road on Tuesday morning, and all 24 children on "
        "board were unhurt.",
        "The driver was taken to a hospital as a precaution, the district said.",
    ]
    removed = {r.text for r in cluster.removals if r.reason == "page-furniture"}
    assert removed == {
        "Please enable JavaScript to watch this video",
        "The news and stories that matter, delivered weekday mornings.",
        "/ Updated",  # a sentence of its own in cased text: a full stop ended the prompt
    }
    # The words the summarizer reads are those of the trimmed sentences.
    assert list(cluster.sentence_words()) == [words_of(s.text) for s in cluster.sentences]
    # Numbered again from 0, as if cleaning had taken the furniture.
    assert [s.index for s in cluster.sentences] == [0, 1]


def test_a_short_side_goes_with_the_furniture() -> None:
    # "/ updated by Carol E." beside the prompt is no story of its own, whether a full stop
    # ended the prompt's sentence (cased text) or not (Multi-News's lower-cased pages).
    for updated in ("/ Updated by Carol E.", "/ updated by carol e."):
        cluster = prepared(
            f"{STORY}\n\nThe news and stories that matter, delivered weekday mornings. {updated}"
        )
        assert len(cluster.sentences) == 3
        assert any(r.text.endswith(updated) for r in cluster.removals)


def test_stories_about_twitter_cookies_and_newsletters_keep_their_sentences() -> None:
    news = (
        "Twitter said users could delete the location history of their tweets from Monday. "
        "The regulator told the company to stop using cookies to follow readers across sites. "
        "The paper said its morning newsletter now reaches two million inboxes. "
        "Asked whether he was interested in running, the mayor said he would decide in May. "
        "Officials urged residents to try again later if the phone lines were busy."
    )
    cluster = prepared(news)
    assert not [r for r in cluster.removals if r.reason == "page-furniture"]
    assert len(cluster.sentences) == 5


def test_a_cluster_without_any_phrase_word_is_returned_as_it_is() -> None:
    cluster = prepared(STORY)
    sentences = list(cluster.sentences)
    words = NumberedWords(words_of(s.text) for s in sentences)
    removals, kept, kept_words = without_furniture(sentences, words)
    assert removals == [] and kept is sentences and kept_words is words


def test_an_article_of_nothing_but_a_widget_is_named_in_a_notice() -> None:
    result = brief(
        [{"text": STORY, "source": "a"}, {"text": TWEET_WIDGET, "source": "b"}], words=60
    )
    told = [n for n in result.cluster.notices if n.code == "no-story-text"]
    assert [n.source for n in told] == ["b"]
    assert result.sentences and all("location" not in s.text for s in result.sentences)
    assert isinstance(told[0], Notice)


def test_every_phrase_holds_the_word_it_is_filed_under() -> None:
    # The word is the necessary condition that clears a cluster in one look-up: a phrase
    # without it would never be looked for.
    for table in (furniture._SENTENCES, furniture._SPANS):  # _SHORT: short sentences, all looked at
        for word, phrases in table.items():
            assert words_of(word) == [word], word
            for phrase in phrases:
                literal = re.sub(r"\\[bWws]|[\\^$?()*+|{}\[\]]|\d,?\d*", " ", phrase)
                assert re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", literal), phrase


def test_markers_where_an_advertisement_interrupted_the_story_go_and_the_quote_stays() -> None:
    text = (
        "The committee will meet in March to hear the first witnesses in public. Story "
        'continued below "The approach does not prevent the abuses we have seen," Reyes said.\n\n'
        'Advertisement Continue reading the main story "There is no sign of it yet," '
        "Dr. Amara Lin said at the meeting."
    )
    cluster = prepared(text)
    assert [s.text for s in cluster.sentences] == [
        "The committee will meet in March to hear the first witnesses in public.",
        '"The approach does not prevent the abuses we have seen," Reyes said.',
        '"There is no sign of it yet," Dr. Amara Lin said at the meeting.',
    ]


def test_story_on_both_sides_of_a_marker_stays_as_two_sentences() -> None:
    # Multi-News: "... to have companies produce products in the u.s. Story continued below
    # "our friends ...," he said." is one sentence to the segmenter; both sides are story.
    cluster = prepared(
        "The mayor spoke at the harbor on Monday. The council wants the work done in the u.s. "
        'Story continued below "we will not wait another year for it," she said. The vote is '
        "next week."
    )
    assert [(s.index, s.text) for s in cluster.sentences] == [
        (0, "The mayor spoke at the harbor on Monday."),
        (1, "The council wants the work done in the u.s."),
        (2, '"we will not wait another year for it," she said.'),
        (3, "The vote is next week."),
    ]
    assert [r.text for r in cluster.removals] == ["Story continued below"]
