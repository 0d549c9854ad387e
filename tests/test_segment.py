from __future__ import annotations

import pytest

from newsbrief import Article
from newsbrief.records import Brief, Removal
from newsbrief.summary.segment import blocks, segment, split_sentences


def sentences_of(text: str) -> list[str]:
    return [text[a:b] for a, b in split_sentences(text)]


@pytest.mark.parametrize(
    "sentence",
    [
        "Still, he thought the Singapore summit between Messrs. Trump and Kim would go ahead.",
        "U.S. Secretary of State Mike Pompeo arrives at Haneda Airport in Tokyo on July 7, 2018.",
        "Gen. Harold Briggs met Mr. J. R. Jones at No. 2 Downing St. on Jan. 5 for 3.5 hours.",
        "Dr. Tomas Ruiz said the $3.5 million contract ran to Feb. 27 at 5:40 a.m. on Monday.",
        "He called the girders “tired steel carrying modern loads.”",
        "Sen. Smith and Rep. Jones of the U.S. House voted no.",
    ],
)
def test_no_false_split(sentence: str) -> None:
    text = f"First sentence here. {sentence} Last sentence here."
    assert sentences_of(text) == ["First sentence here.", sentence, "Last sentence here."]


def test_splits_where_it_should() -> None:
    text = "He went to the U.S. Then he came back... And later, more. “It went well.” She left."
    assert sentences_of(text) == [
        "He went to the U.S.",
        "Then he came back...",
        "And later, more.",
        "“It went well.”",
        "She left.",
    ]


def test_a_lower_case_sentence_start_is_split_off() -> None:
    # Lower-cased text (Multi-News) and careless typing: blingfire wants a capital to split.
    text = (
        '" we did as we were told. " ms williams said after. then it rained. '
        "(you can find it here.) we also left. "
        '" i got a text, " he said. " he said i won. " it ended. ok. the answer was no. '
        "see no. 5 today."
    )
    assert sentences_of(text) == [
        '" we did as we were told. "',  # a straight quote closes when one is open...
        "ms williams said after.",
        "then it rained.",
        "(you can find it here.)",
        "we also left.",
        '" i got a text, " he said.',  # ...else it opens the next sentence
        '" he said i won. "',
        "it ended.",
        "ok.",  # a one-word sentence
        "the answer was no.",
        "see no. 5 today.",
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "Apple Inc. and Google Ltd. signed at 5 a.m. on a deal the u.s. backed.",
        "The Needham, Mass. biotechnology company said little more, etc. and so on.",
        "“We did it. then we left,” he said.",
        "He said “we won. and we will win again” on Monday.",
        'Then a” b "cc. dd" ee.',  # a stray closing mark does not hide an open quotation
    ],
)
def test_no_split_before_lower_case_after_an_abbreviation_or_in_a_quotation(
    sentence: str,
) -> None:
    text = f"First sentence here. {sentence} Last sentence here."
    assert sentences_of(text) == ["First sentence here.", sentence, "Last sentence here."]


def test_a_quotation_of_several_sentences_stays_whole() -> None:
    text = "“I used to leave at seven. Now I leave at six,” she said. He nodded."
    assert sentences_of(text) == [
        "“I used to leave at seven. Now I leave at six,” she said.",
        "He nodded.",
    ]


def test_offsets_are_exact_on_the_sample(sample_brief: Brief) -> None:
    for sentence in sample_brief.cluster.sentences:
        text = sample_brief.cluster.article(sentence.article_id).text
        assert text[sentence.start : sentence.end] == sentence.text
        assert sentence.text == sentence.text.strip()


def test_sample_sentences_are_whole(sample_brief: Brief) -> None:
    texts = [s.text for s in sample_brief.cluster.sentences]
    assert (
        "Still, he thought the Singapore summit between Messrs. Trump and Kim would go ahead."
        in texts
    )
    # The sample's "U.S. …" line is a caption printed twice, now cleaned out: split it alone.
    caption = (
        "U.S. Secretary of State Mike Pompeo arrives at Haneda Airport in Tokyo on July 7, 2018."
    )
    assert [s.text for s in segment(Article("c", caption, "t"), [])] == [caption]
    assert not any(t in ("U.S.", "Messrs.") or t.endswith("Messrs.") for t in texts)


def test_line_breaks_end_blocks_but_hard_wraps_are_joined() -> None:
    text = (
        "A heading without a stop\nThe first line of a sentence that\ncontinues here.\nNext line."
    )
    article = Article("1", text, "t")
    spans = [text[a:b] for a, b, _ in blocks(article, [])]
    assert spans == [
        "A heading without a stop",
        "The first line of a sentence that\ncontinues here.",
        "Next line.",
    ]


def test_removed_spans_are_not_segmented() -> None:
    text = "SEOUL — The talks began. They ended.\nShare this"
    article = Article("1", text, "t")
    removals = [
        Removal("1", 0, 8, "SEOUL —", "dateline"),
        Removal("1", 37, 47, "Share this", "share-widget"),
    ]
    assert [s.text for s in segment(article, removals)] == ["The talks began.", "They ended."]
    assert [s.index for s in segment(article, removals)] == [0, 1]


def test_empty_text_has_no_sentences() -> None:
    assert split_sentences("   \n ") == []


def test_square_units_do_not_end_a_sentence() -> None:
    # DUC 2007 D0716D: "Kakadu is almost 12,000 square miles (19,000 sq." reached a summary.
    text = "Kakadu is almost 12,000 square miles (19,000 sq. kms) of floodplain. It is vast."
    assert [text[a:b] for a, b in split_sentences(text)] == [
        "Kakadu is almost 12,000 square miles (19,000 sq. kms) of floodplain.",
        "It is vast.",
    ]


def test_a_wire_quotation_of_several_sentences_stays_whole() -> None:
    # DUC 2006 D0604D: "``It isn't the Bible!" reached a summary, its quotation left open.
    text = "``It isn't the Bible! It's fun, it's escapism. But it's a movie.'' He left."
    assert [text[a:b] for a, b in split_sentences(text)] == [
        "``It isn't the Bible! It's fun, it's escapism. But it's a movie.''",
        "He left.",
    ]


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        ("He left. ``It is over,'' she said.", ["He left.", "``It is over,'' she said."]),
        ("``Go.'' ``Now,'' he said.", ["``Go.''", "``Now,'' he said."]),
        (
            "He met Gov. ``Red'' Smith. ``No,'' he said.",
            ["He met Gov. ``Red'' Smith.", "``No,'' he said."],
        ),
    ],
)
def test_a_wire_quotation_opens_a_sentence(text: str, sentences: list[str]) -> None:
    # blingfire does not split before the wire's ``: two sentences were read as one.
    assert [text[a:b] for a, b in split_sentences(text)] == sentences


@pytest.mark.parametrize("marker", ["_ ", "-- ", "- ", "• ", "* "])
def test_a_list_items_marker_is_not_part_of_its_sentence(marker: str) -> None:
    from newsbrief import Article

    text = f"Media frenzy\n{marker}Vogue featured the film on its cover in May.\nIt sold out."
    sentences = [s.text for s in segment(Article("1", text, "s"), [])]
    assert "Vogue featured the film on its cover in May." in sentences, sentences


@pytest.mark.parametrize(
    "text",
    [
        "Officials said the U.S. ``war on drugs'' had failed.",
        "President John F. ``Jack'' Kennedy said so.",
    ],
)
def test_no_split_before_a_wire_quote_after_an_abbreviation_or_initial(text: str) -> None:
    assert [text[a:b] for a, b in split_sentences(text)] == [text]


def test_a_minus_sign_is_no_list_marker() -> None:
    from newsbrief import Article

    text = "Cold snap\n- 5 degrees is the low tonight in the valley.\nIt will warm up."
    sentences = [s.text for s in segment(Article("1", text, "s"), [])]
    assert "- 5 degrees is the low tonight in the valley." in sentences


def test_the_wire_quote_split_finds_what_its_pattern_finds() -> None:
    # _split_before_wire_quotes looks for each `` with str.find and tries the pattern there;
    # the reference tries the pattern at every position (what it did first, and slower).
    import random

    from newsbrief.summary import segment as seg

    def reference(text: str, offsets: list[tuple[int, int]]) -> list[tuple[int, int]]:
        pieces = []
        for start, end in offsets:
            for match in seg._WIRE_QUOTE_OPENS.finditer(text, start, end):
                token = text[seg._token_start(text, start, match.start()) : match.start()]
                word = seg._last_word(text[start : match.start()])
                if (word and word.group(1).lower() in seg._NEVER_FINAL) or "." in token[:-1]:
                    continue
                if len(token) == 2 and token[0].isupper():
                    continue
                pieces.append((start, match.start("gap")))
                start = match.end()
            pieces.append((start, end))
        return pieces

    parts = [
        "He",
        " left",
        ".",
        "!",
        " ",
        "  ",
        "``",
        "''",
        "”",
        "It",
        " U.S.",
        " F.",
        " Gov.",
        "a",
        "9",
    ]
    parts += [".'' ", ".” ", "``It", "! ``9"]  # what the rule is about, whole
    draw = random.Random(7)
    for _ in range(5000):
        text = "".join(draw.choice(parts) for _ in range(draw.randint(1, 14)))
        cut = draw.randint(0, len(text))
        offsets = [(0, cut), (cut, len(text))]
        assert seg._split_before_wire_quotes(text, offsets) == reference(text, offsets), text
