"""A plan's date read past its later verb, and agreement that needs something specific."""

from __future__ import annotations

from datetime import date

from newsbrief.analysis.agreement import RulesJudge, _label
from newsbrief.analysis.dates import Anchor, find_dates
from newsbrief.analysis.specifics import Specifics
from newsbrief.analysis.tense import direction
from newsbrief.records import Quote, Sentence

MARCH3 = Anchor(date(2026, 3, 3), 2026, "publication")


def value(text: str, expression: str) -> str | None:
    return {f.text: f.value for f in find_dates(text, MARCH3)}.get(expression)


def way(text: str, expression: str) -> int:
    start = text.index(expression)
    return direction(text, start, start + len(expression))


def test_a_plan_that_was_postponed_looks_back() -> None:
    text = "A check of the bridge planned for January was postponed, officials said."
    assert value(text, "January") == "2026-01"  # was 2027-01
    assert value("A follow-up check planned for Jan. 20 was postponed.", "Jan. 20") == (
        "2026-01-20"
    )
    assert way("The audit scheduled for Friday were cancelled", "Friday") == -1
    assert way("a vote set for May was delayed", "May") == -1


def test_a_plan_with_no_later_cue_stays_forward() -> None:
    assert value("A new check is planned for January.", "January") == "2027-01"
    assert way("The audit scheduled for Friday", "Friday") == 1
    assert way("a vote slated for May will decide it", "May") == 1
    assert way("a treaty due for June, to be signed by both", "June") == 1  # a participle
    # a past verb in the next coordinated clause is not the plan's (AQUAINT XIE19990210.0079)
    assert way("accession was planned for early March, but no date was fixed", "March") == 1


def sentence(article: str, text: str, start: int = 0) -> Sentence:
    return Sentence(article, 0, start, start + len(text), text)


def test_quotes_of_different_speakers_never_agree() -> None:
    a = sentence("a", "We were told in writing that the crew was not available today.")
    b = sentence("b", "We were told in writing that the crew was not available.")
    quotes = (
        Quote("a", 0, a.end, a.text, "briggs", "Briggs", "said"),
        Quote("b", 0, b.end, b.text, "mayor", "the mayor", "said"),
    )
    assert Specifics(quotes).allows(a, b, 0.9) is None
    assert _label(a, b, 0.9, RulesJudge(), None, {}, Specifics(quotes)) is None
    same = (quotes[0], Quote("b", 0, b.end, b.text, "briggs", "Briggs", "said"))
    assert Specifics(same).allows(a, b, 0.9) is not None  # one speaker, same wording


def test_agreement_needs_a_shared_specific() -> None:
    a = sentence("a", "The commissioner, Marcus Obi, asked drivers for patience.")
    b = sentence("b", "The commissioner, Marcus Obi, is expected to testify.")
    specifics = Specifics(())
    assert specifics.allows(a, b, 0.56) is None  # only the subject in common
    assert _label(a, b, 0.56, RulesJudge(), None, {}, specifics) is None
    c = sentence("a", "About 85,000 commuters cross the bridge each weekday.")
    d = sentence("b", "Roughly 85,000 commuters used the crossing.")
    assert "85,000" in (specifics.allows(c, d, 0.5) or "")
    e = sentence("a", "The cracks were found on Friday, Feb. 27, by inspectors.")
    f = sentence("b", "Inspectors found the cracks on Feb. 27 near the pier.")
    assert specifics.allows(e, f, 0.5) == "shared date Feb 27"
    g = sentence("a", "The bridge reopened in March 2 lanes wide.")
    h = sentence("b", "Crews replaced 2 cables.")
    assert specifics.allows(g, h, 0.5) is None  # a lone digit is no shared fact
    labelled = _label(c, d, 0.5, RulesJudge(), None, {}, specifics)
    assert labelled is not None and labelled.label == "agreement"


def test_a_named_actor_or_a_loosely_worded_specific_is_no_agreement() -> None:
    # Measured on 412 agreements read by hand (docs/benchmarks.md): a second actor in common
    # was right in fewer than half the pairs, another shared number below 0.45 in about half.
    a = sentence("a", "Health officials said Mara Cole's clinic had run out of the vaccine.")
    b = sentence("b", "Mara Cole's clinic asked the health officials for 40 more nurses.")
    assert Specifics(()).allows(a, b, 0.5) is None
    c = sentence("a", "The 33-year-old aide Callista Bisek worked for the committee.")
    d = sentence("b", "On Sept. 29, the 33-year-old aide is to answer questions under oath.")
    assert Specifics(()).allows(c, d, 0.42) is None  # a shared age, loosely worded
    assert Specifics(()).allows(c, d, 0.5) == "shared number 33"


def test_different_values_of_one_kind_are_never_agreement() -> None:
    a = sentence("a", "The military has arrested more than 500 members of the party since May.")
    b = sentence("b", "Since Sunday, the military has arrested more than 300 members of the party.")
    assert Specifics(()).allows(a, b, 0.7) is None  # two spans, two counts: not one fact
    c = sentence("a", "The blast in Nairobi killed 247 people, including 12 Americans.")
    d = sentence("b", "The bomb in Nairobi killed 213 people, including 12 Americans.")
    assert Specifics(()).allows(c, d, 0.7) is None  # "12" is shared, the tolls are not
    e = sentence("a", "The blast in Nairobi killed 247 people, including 12 Americans.")
    f = sentence("b", "In Nairobi, 247 people were killed, 12 of them Americans.")
    assert Specifics(()).allows(e, f, 0.7) is not None


def test_a_small_or_differently_befallen_count_is_no_shared_fact() -> None:
    a = sentence("a", "Two harbor officials were killed when the bridge fell into the water.")
    b = sentence("b", "Two harbor officials were fired after the bridge fell, the mayor said.")
    assert Specifics(()).allows(a, b, 0.41) is None
    c = sentence("a", "Some 12,040 people were killed in the quake, officials said.")
    d = sentence("b", "The quake injured 12,040 people across the region, officials said.")
    assert Specifics(()).allows(c, d, 0.41) is None  # killed / injured: another outcome
    e = sentence("a", "About 85,000 commuters cross the bridge each weekday.")
    f = sentence("b", "Roughly 85,000 commuters used the crossing.")
    assert Specifics(()).allows(e, f, 0.41) == "shared count 85,000 commuters"
    g = sentence("a", "The Mayor 12 aides met and planned the vote.")
    h = sentence("b", "The Mayor 12 aides met again on the bridge.")
    assert "date" not in (Specifics(()).allows(g, h, 0.41) or "")


def test_questions_captions_and_short_lookalikes_are_no_agreement() -> None:
    # Multi-News (280 agreements read by hand, docs/benchmarks.md): the same short fragment,
    # question or agency caption printed by two outlets was called agreement.
    specifics = Specifics(())
    asked = "Who will pay for the repairs to the old harbor bridge?"
    assert specifics.allows(sentence("a", asked), sentence("b", asked), 1.0) is None
    caption = (
        "File - In this Oct. 24, 2016, file photo, commuters cross the old harbor bridge in "
        "the rain."
    )
    assert specifics.allows(sentence("a", caption), sentence("b", caption), 1.0) is None
    seen = "The old harbor bridge is seen in the fog during the morning rush, Feb. 27."
    assert specifics.allows(sentence("a", seen), sentence("b", seen), 1.0) is None
    short = "The crowd burst into applause."
    assert specifics.allows(sentence("a", short), sentence("b", short), 1.0) is None
    counted = "It carried 85,000 commuters."  # short, but a shared count is a fact
    assert specifics.allows(sentence("a", counted), sentence("b", counted), 1.0) is not None
    told = "The council voted to close the old harbor bridge for repairs this spring."
    assert specifics.allows(sentence("a", told), sentence("b", told), 1.0) is not None
