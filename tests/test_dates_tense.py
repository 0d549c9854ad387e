"""Dates by tense (issue 12): a bare weekday or month resolves forward or backward by the
wording of its clause, and an undated article's relative dates are named in one notice."""

from __future__ import annotations

from datetime import date

import pytest

from newsbrief import Article, brief
from newsbrief.analysis.dates import Anchor, find_dates, relative_expressions
from newsbrief.analysis.tense import direction

FRIDAY = Anchor(date(1998, 11, 13), 1998, "publication")  # Friday 13 November 1998
OCT27 = Anchor(date(1998, 10, 27), 1998, "publication")


def value(text: str, expression: str, anchor: Anchor) -> str | None:
    return {f.text: f.value for f in find_dates(text, anchor)}.get(expression)


@pytest.mark.parametrize(
    ("text", "expression", "anchor", "expected"),
    [
        # the verb points forward: the coming Saturday, not the past one (was 1998-11-07)
        ("Hun Sen will see the king before he leaves Saturday.", "Saturday", FRIDAY, "1998-11-14"),
        ("The prince said Saturday the talks had failed.", "Saturday", FRIDAY, "1998-11-07"),
        ("The assembly opens Monday in Phnom Penh.", "Monday", FRIDAY, "1998-11-16"),
        ("The vote was held on Monday.", "on Monday", FRIDAY, "1998-11-09"),
        ("The parties will meet in July.", "in July", OCT27, "1999-07"),
        # "this year" and a past verb after it: July 1998, not 1999 (was 1999-07)
        (
            "It came after an election in July this year that the ruling party narrowly won.",
            "in July this year",
            OCT27,
            "1998-07",
        ),
        (
            "It came after an election in July that the ruling party narrowly won.",
            "in July",
            OCT27,
            "1998-07",
        ),
        ("The dividend is payable Jan. 2 to holders.", "Jan. 2", OCT27, "1999-01-02"),
        ("The rights expire Nov. 21.", "Nov. 21", OCT27, "1998-11-21"),
        ("The accord was signed Dec. 20.", "Dec. 20", OCT27, "1997-12-20"),
        ("A mission is planned for December.", "December", OCT27, "1998-12"),
        # "was to be": the arrangement looks ahead (DUC 2007 D0726F: was the Friday before)
        ("The appointment was to be announced Friday.", "Friday", OCT27, "1998-10-30"),
        ("The leaders were to meet in Oslo on Friday.", "on Friday", OCT27, "1998-10-30"),
        ("The appointment was announced Friday.", "Friday", OCT27, "1998-10-23"),
        # an event named by its day is past unless scheduled (DUC 2007 D0743J: "unscathed by
        # Tuesday's quake" and "the Tuesday quake" were the Tuesday after the article)
        ("Monuments were unscathed by Monday's quake.", "Monday", OCT27, "1998-10-26"),
        ("The town is far from the site of the Monday quake.", "Monday", OCT27, "1998-10-26"),
        ("Aid came after Monday's quake, which could be the worst.", "Monday", OCT27, "1998-10-26"),
        ("Parties campaigned ahead of Sunday's vote.", "Sunday", OCT27, "1998-11-01"),
        ("Sunday's vote will decide the seat.", "Sunday", OCT27, "1998-11-01"),
        ("Leaders will attend Friday's summit.", "Friday", OCT27, "1998-10-30"),
        ("Sunday's runoff could oust the president.", "Sunday", OCT27, "1998-11-01"),
        ("Monday's quake could be the deadliest.", "Monday", OCT27, "1998-10-26"),
        ("The vote is on the Friday before the election.", "Friday", OCT27, "1998-10-30"),
        ("Leaders will attend the December summit.", "December", OCT27, "1998-12"),
        # "was to" a place is a trip, not a plan
        ("His last trip was to Oslo on Friday.", "on Friday", OCT27, "1998-10-23"),
        ("Crowds rallied over the weekend.", "over the weekend", FRIDAY, "1998-11-07/1998-11-08"),
        ("The Times said on Monday, Oct. 26: enough.", "on Monday, Oct. 26", OCT27, "1998-10-26"),
        ("Sales rose 5% from a year earlier.", "a year earlier", OCT27, "1997"),
        ("Last year the company earned $4 million.", "Last year", OCT27, "1997"),
        ("It was January nineteen ninety-seven.", "nineteen ninety-seven", OCT27, "1997"),
    ],
)
def test_bare_dates_follow_the_tense(
    text: str, expression: str, anchor: Anchor, expected: str
) -> None:
    assert value(text, expression, anchor) == expected


def test_direction_reads_the_nearest_cue() -> None:
    def way(text: str, expression: str) -> int:
        start = text.index(expression)
        return direction(text, start, start + len(expression))

    assert way("before he leaves Saturday", "Saturday") == 1
    assert way("the vote will be held on Monday", "Monday") == 1  # a participle after "be"
    assert way("officials said Monday", "Monday") == -1
    assert way("the thrift announced the plan Aug. 21", "Aug. 21") == -1  # "plan" is a noun
    assert way("an election in July that the party won", "July") == -1  # the cue after it
    assert way("the figures for July", "July") == 0


def test_a_bare_may_is_not_a_month() -> None:
    assert value("Officials May have erred.", "May", OCT27) is None
    assert value("The accord signed last May holds.", "last May", OCT27) == "1998-05"


def test_undated_relative_dates_are_named_in_one_notice() -> None:
    text = (
        "Talks resumed on Monday after a pause. Officials met again Thursday and "
        "over the weekend, and said last week that progress was slow."
    )
    assert [t for _, _, t in relative_expressions(text)] == [
        "on Monday",
        "Thursday",
        "over the weekend",
        "last week",
    ]
    result = brief([Article("u", text, "u.txt")], sections="timeline")
    assert result.timeline == ()  # never guessed
    notices = [n for n in result.notices if n.code == "undated-relative"]
    assert len(notices) == 1
    message = notices[0].message
    assert "4 relative date(s)" in message and "“on Monday”" in message
    assert '"date" field' in message  # says how to give a date


def test_a_dated_article_has_no_undated_notice() -> None:
    text = "Talks resumed on Monday after a pause. Officials met again Thursday."
    result = brief([Article("d", text, "d.txt", date="1998-11-13")], sections="timeline")
    assert not [n for n in result.notices if n.code == "undated-relative"]
    assert {e.value for e in result.timeline} == {"1998-11-09", "1998-11-12"}
