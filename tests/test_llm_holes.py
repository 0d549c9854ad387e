"""Holes a review found in the grounding check and in how passed rewrites replace sentences."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from llm_fake import FakeServer, answer

from newsbrief import brief_paths
from newsbrief.llm.grounding import check
from newsbrief.llm.prompt import FormatError, parse_answer

SOURCE = "Two ships collided near Busan on Tuesday, and twenty people were hurt, officials said."
TALKS = "South Korea rejected the North Korean proposal for talks in Seoul, Moon Jae-in said."
EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "harbor-bridge"
# A rewrite of the example's S1 (the $3.5 million contract), as in test_llm_backend.py.
S1_REWRITE = (
    "The City Council approved a $3.5 million emergency contract for steel plating and "
    "temporary supports on Monday afternoon."
)


@pytest.mark.parametrize(
    ("sentence", "sources", "rule"),
    [
        # One uncovered event or stance word flips the fact (rule 6).
        (SOURCE.replace("hurt", "killed"), [SOURCE], "an event or stance"),
        (SOURCE.replace("said", "denied"), [SOURCE], "an event or stance"),
        (TALKS.replace("rejected", "accepted"), [TALKS], "an event or stance"),
        # Numbers: a hyphenated number, "one", plural scale words (rule 1).
        (SOURCE.replace("twenty", "twenty-one"), [SOURCE], "a number"),
        (SOURCE.replace("Two ships", "One ship"), [SOURCE], "a number"),
        (SOURCE.replace("twenty people", "dozens of people"), [SOURCE], "a number"),
        (SOURCE.replace("twenty people", "hundreds of people"), [SOURCE], "a number"),
        # Names outside ASCII, with or without case (rule 3).
        (SOURCE.replace("officials said", "Łukasz said"), [SOURCE], "a name"),
        (SOURCE.replace("officials said", "김정은 said"), [SOURCE], "a name"),
        # Single-quoted quotations, straight and curly (rule 4).
        ("Moon Jae-in said South Korea 'rejected the proposal for talks forever'.", [TALKS],
         "a quotation"),
        ("Moon Jae-in said South Korea ‘rejected the proposal for talks forever’.", [TALKS],
         "a quotation"),
    ],
)  # fmt: skip
def test_review_holes_are_rejected(sentence: str, sources: list[str], rule: str) -> None:
    verdict = check(sentence, sources)
    assert not verdict.passed and rule in verdict.reason, verdict


@pytest.mark.parametrize(
    "sentence",
    [
        "Officials said twenty people were hurt when two ships collided near Busan on Tuesday.",
        "Moon Jae-in said South Korea's government rejected the North Korean proposal for talks.",
        "Moon Jae-in said South Korea 'rejected the North Korean proposal' for talks in Seoul.",
    ],
)
def test_faithful_rewrites_still_pass(sentence: str) -> None:
    verdict = check(sentence, [SOURCE, TALKS])
    assert verdict.passed, verdict


def test_a_quoted_name_the_source_has_passes() -> None:
    source = "Łukasz Nowak said twenty-one people were hurt in Gdańsk."
    assert check("In Gdańsk, twenty-one people were hurt, Łukasz Nowak said.", [source]).passed


def test_a_bad_id_does_not_put_model_text_in_the_error() -> None:
    with pytest.raises(FormatError) as caught:
        parse_answer('{"sentences": [{"text": "A b c d.", "ids": ["S9-SECRET-TEXT"]}]}', 2)
    assert "SECRET" not in caught.value.message and "S9" not in caught.value.message


@pytest.fixture
def server() -> Iterator[FakeServer]:
    fake = FakeServer()
    yield fake
    fake.close()


def run(server_url: str):
    settings = {"backend": "openai", "llm_url": server_url, "llm_model": "fake",
                "llm_retries": 0, "scorer": "learned", "selection": "coverage"}  # fmt: skip
    return brief_paths([EXAMPLE], 150, sections="summary", **settings)


def test_a_rewrite_that_leaves_out_a_cited_sentence_does_not_delete_it(server) -> None:
    server.reply = answer((S1_REWRITE, ["S1", "S3"]))
    extractive = run(server.url)
    third = extractive.sentences[2]
    assert third.origin == "kept"
    assert "leaves out most of a sentence it cites" in third.verdict
    assert not any(s.origin == "rewritten" for s in extractive.sentences)


def test_two_rewrites_of_one_sentence_keep_only_the_first(server) -> None:
    second = S1_REWRITE.replace("on Monday afternoon", "that Monday afternoon")
    server.reply = answer((S1_REWRITE, ["S1"]), (second, ["S1"]))
    result = run(server.url)
    texts = [s.text for s in result.sentences if s.origin == "rewritten"]
    assert texts == [S1_REWRITE]
    notice = next(n.message for n in result.notices if n.code == "llm-rewrite")
    assert "1 of 2 rewrite(s) rejected" in notice
