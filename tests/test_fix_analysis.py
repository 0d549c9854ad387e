"""A plan's date read past its later verb, and agreement that needs something specific."""

from __future__ import annotations

from datetime import date

from newsbrief.analysis.agreement import RulesJudge, _label
from newsbrief.analysis.dates import Anchor, find_dates
from newsbrief.analysis.specifics import Specifics
from newsbrief.analysis.tense import direction
from newsbrief.records import Actor, Mention, Quote, Sentence

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
    a = sentence("a", "That is in writing.")
    b = sentence("b", "We were told in writing that the crew was not available.")
    quotes = (
        Quote("a", 0, a.end, a.text, "briggs", "Briggs", "said"),
        Quote("b", 0, b.end, b.text, "mayor", "the mayor", "said"),
    )
    assert Specifics((), quotes).allows(a, b, 0.9) is None
    assert _label(a, b, 0.9, RulesJudge(), None, {}, Specifics((), quotes)) is None
    same = (quotes[0], Quote("b", 0, b.end, b.text, "briggs", "Briggs", "said"))
    assert Specifics((), same).allows(a, b, 0.9) is not None  # one speaker, same wording


def test_agreement_needs_a_shared_specific() -> None:
    a = sentence("a", "The commissioner, Marcus Obi, asked drivers for patience.")
    b = sentence("b", "The commissioner, Marcus Obi, is expected to testify.")
    obi = Actor("obi", "Marcus Obi", "person", None, (Mention("a", 18, 28, "Marcus Obi"),))
    specifics = Specifics((obi,), ())
    assert specifics.allows(a, b, 0.56) is None  # only the subject in common
    assert _label(a, b, 0.56, RulesJudge(), None, {}, specifics) is None
    c = sentence("a", "About 85,000 commuters cross the bridge each weekday.")
    d = sentence("b", "Roughly 85,000 commuters used the crossing.")
    assert "85,000" in (specifics.allows(c, d, 0.4) or "")
    e = sentence("a", "The cracks were found on Friday, Feb. 27, by inspectors.")
    f = sentence("b", "Inspectors found the cracks on Feb. 27 near the pier.")
    assert specifics.allows(e, f, 0.4) == "shared date Feb 27"
    g = sentence("a", "The bridge reopened in March 2 lanes wide.")
    h = sentence("b", "Crews replaced 2 cables.")
    assert specifics.allows(g, h, 0.4) is None  # a lone digit is no shared fact
    labelled = _label(c, d, 0.4, RulesJudge(), None, {}, specifics)
    assert labelled is not None and labelled.label == "agreement"
