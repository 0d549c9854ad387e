"""Pronoun agreement's gender: from the cluster's own titles, else a short list of given names."""

from __future__ import annotations

from newsbrief.analysis.gender import gender_of
from newsbrief.records import Actor, Mention


def person(name: str, *mentions: tuple[int, str]) -> Actor:
    return Actor(
        "A1", name, "person", None, tuple(Mention("d", s, s + len(t), t) for s, t in mentions)
    )


def test_a_title_before_a_mention_says_the_gender() -> None:
    text = "Ms. Rowe spoke."
    assert gender_of(person("Alex Rowe", (4, "Rowe")), {"d": text}) == "female"


def test_a_given_name_says_it_when_no_title_does() -> None:
    assert gender_of(person("George Brill", (0, "George Brill")), {"d": "George Brill"}) == "male"
    assert gender_of(person("Mary Pell", (0, "Mary Pell")), {"d": "Mary Pell"}) == "female"


def test_names_given_to_both_and_family_names_first_say_nothing() -> None:
    for name in ("Jan Childress", "Kim Jong Un", "Chris Hale", "Pell"):
        assert gender_of(person(name, (0, name)), {"d": name}) is None


def test_a_title_against_the_given_name_says_nothing() -> None:
    text = "Mrs. Brill spoke."
    assert gender_of(person("George Brill", (5, "Brill")), {"d": text}) is None
