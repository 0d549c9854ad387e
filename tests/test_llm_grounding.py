"""The grounding check, rule by rule, and the answer parser."""

from __future__ import annotations

import pytest

from newsbrief.llm.grounding import check
from newsbrief.llm.prompt import FormatError, build_messages, fit_sources, parse_answer

SOURCE = (
    "Inspectors from Keller Marsh Associates found the cracks on Friday, Feb. 27, and the city "
    "shut the bridge at 5:40 a.m. on Monday, March 2. Roughly 85,000 commuters used the "
    'crossing each weekday, and the mayor said "we will not reopen it until it is safe." '
    "The city has not said how long repairs will take."
)


@pytest.mark.parametrize(
    "sentence",
    [
        "Keller Marsh Associates inspectors found the cracks on Friday, Feb. 27.",
        "The city shut the bridge, used by roughly 85,000 commuters each weekday, on March 2.",
        'The mayor said "we will not reopen it until it is safe."',
        "Meanwhile, the city has not said how long the repairs will take.",
        "The bridge shut on Monday, March 2, after inspectors found cracks.",
    ],
)
def test_faithful_rewrites_pass(sentence: str) -> None:
    verdict = check(sentence, [SOURCE])
    assert verdict.passed, verdict


@pytest.mark.parametrize(
    ("sentence", "rule"),
    [
        ("Roughly 95,000 commuters used the crossing each weekday.", "a number"),
        ("Roughly three thousand commuters used the crossing each weekday.", "a number"),
        ("The city shut the bridge at 5:40 a.m. on Monday, March 2, 2025.", "a number"),
        ("Inspectors found the cracks on Thursday, and the city shut the bridge.", "a date"),
        ("Inspectors found the cracks in January, and the city shut the bridge.", "a date"),
        ("Inspectors found the cracks yesterday, and the city shut the bridge.", "a date"),
        ("Inspectors from Keller Marsh Associates and Dana Holt found the cracks.", "a name"),
        ("Governor Holt said the city shut the bridge on Monday, March 2.", "a name"),
        ('The mayor said "we will reopen it soon."', "a quotation"),
        ("The city shut the bridge, and inspectors never found the cracks.", "a negation"),
        ("The city has said how long repairs will take.", "deny"),
        ("The council found emergency funding for ferries and buses downtown.", "words are in"),
    ],
)
def test_unfaithful_rewrites_fail_with_the_rule_named(sentence: str, rule: str) -> None:
    verdict = check(sentence, [SOURCE])
    assert not verdict.passed and rule in verdict.reason, verdict
    for word in ("95,000", "three thousand", "Holt", "Thursday", "reopen it soon"):
        assert word not in verdict.reason  # the reason never repeats what was invented


ROLES = (
    "South Korea rejected the North Korean proposal on Monday. Jim Hall, the board's chairman, "
    "said he could not hear the warning. The NTSB recommended new alarms."
)


@pytest.mark.parametrize(
    "sentence",
    [
        "South Korea rejected the North Korean proposal on Monday.",
        "Meanwhile South Korea rejected the North Korean proposal.",  # the opener is no name
        "Jim Hall said he could not hear the warning.",
        "The NTSB recommended new alarms.",
    ],
)
def test_name_runs_and_pronouns_as_the_spans_give_them_pass(sentence: str) -> None:
    verdict = check(sentence, [ROLES])
    assert verdict.passed, verdict


@pytest.mark.parametrize(
    ("sentence", "rule"),
    [
        # Every word is in the span; the names are recombined into other roles.
        ("North Korea rejected the South Korean proposal on Monday.", "a name not as"),
        ("NTSB Chairman Jim Hall recommended new alarms.", "a name not as"),
        ("Jim Hall said she could not hear the warning.", "a pronoun"),
    ],
)
def test_recombined_names_and_swapped_pronouns_fail(sentence: str, rule: str) -> None:
    verdict = check(sentence, [ROLES])
    assert not verdict.passed and rule in verdict.reason, verdict


@pytest.mark.parametrize(
    "sentence",
    [
        "The U.S.-based Boeing Co. said profits rose.",
        "AT&T Corp. said profits rose.",
        "Merck & Co.'s Vioxx was pulled from the market.",
        "Texas A&M University won the game.",
        "The HIV/AIDS Treatment Directory was updated.",
    ],
)
def test_a_sentence_passes_against_itself_whatever_its_names_hold(sentence: str) -> None:
    # The runs are read with the same tokenizer as the source (they were split on spaces, and
    # "AT&T Corp." or "U.S.-based" never matched the source's tokens).
    assert check(sentence, [sentence]).passed


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        (
            "Despite North Korea's objections, the talks went ahead.",
            "The talks went ahead despite objections from North Korea.",
        ),
        ("On Tuesday North Korea rejected the plan.", "North Korea rejected the plan on Tuesday."),
    ],
)
def test_a_word_opening_the_sentence_or_a_day_is_not_part_of_a_name(sentence, source) -> None:
    assert check(sentence, [source]).passed


def test_a_title_gives_a_pronoun_its_gender() -> None:
    source = "Ms. Nielsen told aides the job was miserable."
    assert check("Nielsen told aides her job was miserable.", [source]).passed
    assert not check("Nielsen told aides his job was miserable.", [source]).passed


def test_dates_in_lower_cased_sources_are_found() -> None:
    source = "Saying she last saw the 32-year-old actor on may 9. Sunday, aug. 28, 2016, was hot."
    assert check("She last saw the 32-year-old actor on May 9.", [source]).passed
    assert check("Sunday, Aug. 28, 2016, was hot.", [source]).passed
    assert not check("She last saw the 32-year-old actor on June 9.", [source]).passed


def test_coverage_threshold_is_a_setting() -> None:
    sentence = "Inspectors found the cracks, and officials shut the crossing for urgent repairs."
    assert not check(sentence, [SOURCE], min_coverage=0.9).passed
    assert check(sentence, [SOURCE], min_coverage=0.5).passed


def test_parse_answer_accepts_fences_and_id_spellings() -> None:
    answer = '```json\n{"sentences": [{"text": " A  b. ", "ids": ["S2", 1, "[S2]"]}]}\n```'
    (draft,) = parse_answer(answer, 2)
    assert draft.text == "A b." and draft.ids == (1, 0)
    assert parse_answer('[{"text": "x", "id": "S1"}]', 1)[0].ids == (0,)


@pytest.mark.parametrize(
    ("answer", "why"),
    [
        ("Sure! The bridge closed.", "did not answer JSON"),
        ('{"sentences": [{"text": "x", "ids": [', "not valid JSON"),
        ('{"sentences": []}', "no list of sentences"),
        ('{"sentences": [{"ids": ["S1"]}]}', "has no text"),
        ('{"sentences": [{"text": "x", "ids": []}]}', "names no source id"),
        ('{"sentences": [{"text": "x", "ids": ["S3"]}]}', "not given"),
        ('{"sentences": [{"text": "x", "ids": ["S0"]}]}', "not given"),
        ('{"sentences": [{"text": "  ", "ids": ["S1"]}]}', "only empty"),
    ],
)
def test_parse_answer_refuses_what_is_not_the_format(answer: str, why: str) -> None:
    with pytest.raises(FormatError, match=why):
        parse_answer(answer, 2)


def test_prompt_lists_sources_with_ids_within_the_size() -> None:
    texts = ["First   sentence\nhere.", "Second sentence."]
    user = build_messages(texts, 40)[1]["content"]
    assert "[S1] First sentence here.\n[S2] Second sentence." in user and "40 words" in user
    assert fit_sources(texts, 10_000) == 2
    assert fit_sources(texts, 10) == 0
