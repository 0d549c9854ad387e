"""The plain checks before clean's line patterns never clear a line a pattern matches."""

from __future__ import annotations

import random

from newsbrief.summary import clean

WORDS = [
    *"Photo Photos: image IMAGE picture video illustration credit Credits ( ) AP AFP Reuters EPA".split(),
    *"Getty Images|sign up|Sign Up|subscribe|newsletter|updates|alerts|read more|related".split(
        "|"
    ),
    *"Recommended|most read|click here|see also|Copyright|©|(c)|(C)|all rights reserved".split("|"),
    *"ALL RIGHTS RESERVED|this article|This story|was originally published|image caption|by|:".split(
        "|"
    ),
    *"the talks|ſ|K|ı|İ|x|@|mail.com|bob@example.org".split("|"),
]


def lines(seed: int, count: int = 40000) -> list[str]:
    rng = random.Random(seed)
    joints = [" ", " ", " ", "", "/", ")"]
    return [
        "".join(rng.choice(WORDS) + rng.choice(joints) for _ in range(rng.randint(1, 8))).strip()
        for _ in range(count)
    ]


def test_clues_are_necessary_for_photo_credits_and_boilerplate() -> None:
    for text in lines(1):
        if clean._PHOTO_CREDIT.search(text):
            assert clean._may_match(clean.ascii_lowered(text), *clean._PHOTO_CREDIT_CLUES), text
        if clean._BOILERPLATE.search(text):
            assert clean._may_match(clean.ascii_lowered(text), *clean._BOILERPLATE_CLUES), text
        if clean._EMAIL.search(text):
            assert "@" in text


def test_plain_prose_is_cleared_without_the_patterns() -> None:
    assert not clean._may_match("the talks resumed on friday.", *clean._PHOTO_CREDIT_CLUES)
    assert not clean._may_match("the talks resumed on friday.", *clean._BOILERPLATE_CLUES)
    assert clean._may_match(
        clean.ascii_lowered("Sign up for updates"), *clean._BOILERPLATE_CLUES
    )  # left to the regex
