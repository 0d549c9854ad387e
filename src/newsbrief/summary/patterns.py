"""Text patterns more than one stage relies on, defined once."""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import repeat

# Sentence-final punctuation, then any closing quotes or brackets (tokenised text puts spaces
# before them: `misnomer . "`).
SENTENCE_END = re.compile(r"[.!?…](\s?[\"'”’)\]])*\s*$")

# A sentence opening like this leans on the one before it ("He said…", "But…").
_DEPENDENT_WORDS = (
    "he|she|they|it|this|that|these|those|his|her|their|its|but|and|also|"
    "however|still|yet|meanwhile|instead|moreover|furthermore|then|so"
)
DEPENDENT_OPENING = re.compile(rf"^[\"'“‘]?\s?({_DEPENDENT_WORDS})\b", re.IGNORECASE)
# The same pattern for ASCII text lower-cased, read from its first characters (an opening
# quote, a space and the longest word, "furthermore", then the character after it): there
# it matches where DEPENDENT_OPENING matches the text. Without IGNORECASE the regex engine
# passes over each word whose first letter differs at once; with it, it compared each word
# case-insensitively (0.17 M instructions fewer a 10-article newswire brief, issue 11).
DEPENDENT_OPENING_LOWER_ASCII = re.compile(rf"[\"']?\s?(?:{_DEPENDENT_WORDS})\b")
DEPENDENT_OPENING_CHARACTERS = 14
# A quotation attributed to a bare pronoun ("“…,” she said.") leans on the sentence that names
# the speaker, wherever the attribution stands in the sentence.
PRONOUN_ATTRIBUTION = re.compile(
    r"[\"”’'],?\s+(he|she|they)\s+(said|says|added|adds|told|tells|explained|explains|"
    r"noted|notes|wrote|writes|continued|continues|warned|warns|insisted|insists|replied)\b",
    re.IGNORECASE,
)


# A sentence that is one quotation and nothing else (“Now they tell me it is over.”): its
# speaker is named in the sentence before it ("…," said Ray Talbot. “Now they tell me…”).
WHOLE_QUOTATION = re.compile(r"^(?:[\"“][^\"“”]+[\"”]|``(?:[^`']|'(?!'))+'')$")


def leans_on_previous(text: str) -> bool:
    """True when a sentence needs the one before it: it opens with a pronoun or connective,
    its quotation is attributed to a bare pronoun, or it is a quotation with no speaker."""
    return bool(
        DEPENDENT_OPENING.match(text)
        or PRONOUN_ATTRIBUTION.search(text)
        or WHOLE_QUOTATION.match(text.strip())
    )


# A text ending in one of these is matched by SENTENCE_END at its last character.
SENTENCE_STOPS = (".", "!", "?", "…")


def ends_sentence(text: str) -> bool:
    """True when the text ends like a finished sentence."""
    # Most sentences end in their stop: a suffix test, not a regex search (issue 11).
    # The tail is enough for the rest; a $-search scans all.
    return text.endswith(SENTENCE_STOPS) or bool(SENTENCE_END.search(text[-12:]))


# A word, for the learned scorer's features and word weights: letters, digits, inner hyphens.
WORD_PATTERN = r"(?u)[\w-]+"
_WORD = re.compile(WORD_PATTERN)


def ascii_table(keep: str) -> bytes:
    """A :meth:`bytes.translate` table that turns every ASCII character not in ``keep`` into a
    space (for :func:`ascii_runs`)."""
    return bytes(i if i >= 128 or chr(i) in keep else 32 for i in range(256))


def ascii_runs(text: str, table: bytes) -> list[str] | None:
    """The runs of characters ``table`` keeps, in order, when ``text`` is ASCII; else None.

    For ASCII text this is exactly what a regex ``findall`` of such runs returns (every other
    character, whitespace included, is a separator), at a third of the cost: the regex engine
    pays per match, bytes.translate and str.split do not. Tokenizing every sentence several
    times was a tenth of a summary's time (issue 11); the callers keep their regex for text
    that is not ASCII, where ``\\w`` means more than ASCII letters and digits.
    """
    if not text.isascii():
        return None
    return text.encode("ascii").translate(table).decode("ascii").split()


ASCII_LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
# ASCII's \w (letters, digits, underscore), with and without the hyphen of WORD_PATTERN.
WORD_CHARACTERS = ascii_table(ASCII_LETTERS + "0123456789_")
_WORD_OR_HYPHEN = ascii_table(ASCII_LETTERS + "0123456789_-")


def words_of(text: str) -> list[str]:
    """The lower-cased words of a text, in order (:data:`WORD_PATTERN`)."""
    lowered = text.lower()
    words = ascii_runs(lowered, _WORD_OR_HYPHEN)
    return _WORD.findall(lowered) if words is None else words


def words_of_texts(texts: Sequence[str]) -> list[list[str]]:
    """``[words_of(text) for text in texts]``.

    When every text is ASCII lower-cased, the steps of :func:`ascii_runs` run as C-level maps
    over all the texts: the two Python calls a sentence made cost about as much as tokenizing
    it (0.14 M instructions of a 10-article newswire brief, issue 11)."""
    lowered = list(map(str.lower, texts))
    if not all(map(str.isascii, lowered)):
        return [words_of(text) for text in texts]
    # str.encode and bytes.decode default to UTF-8, which is ASCII on ASCII text.
    translated = map(bytes.translate, map(str.encode, lowered), repeat(_WORD_OR_HYPHEN))
    return list(map(str.split, map(bytes.decode, translated)))


# What str.split() splits at in ASCII text, besides the space and the newline.
_OTHER_ASCII_SPACES = "\t\v\f\r\x1c\x1d\x1e\x1f"


def spaced_plainly(text: str) -> bool:
    """Whether every run of whitespace in ``text`` within a line is one space: ASCII text
    without two spaces in a row, nor any whitespace but the space and the newline. Then a piece
    of it without a newline that neither starts nor ends with a space has ``count(" ") + 1``
    words (``len(piece.split())``). Newswire articles are so (all 100 of DUC 2007 A)."""
    return (
        text.isascii()
        and "  " not in text
        and not any(space in text for space in _OTHER_ASCII_SPACES)
    )


def words_up_to(text: str, limit: int, plain: bool = False) -> int:
    """``len(text.split())`` counted only as far as ``limit + 1``: exact up to ``limit``, and
    ``limit + 1`` for any text of more words, where a rule only asks whether there are more.

    A paragraph is not split into all of its words (a string each): ``split`` stops after
    ``limit`` of them, and ``plain`` (a stripped line of a text :func:`spaced_plainly`) counts
    its spaces instead, one word more than spaces."""
    if plain:
        return min(text.count(" ") + 1, limit + 1)
    return len(text.split(None, limit))
