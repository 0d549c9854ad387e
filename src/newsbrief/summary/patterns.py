"""Text patterns more than one stage relies on, defined once."""

from __future__ import annotations

import re

# Sentence-final punctuation, then any closing quotes or brackets (tokenised text puts spaces
# before them: `misnomer . "`).
SENTENCE_END = re.compile(r"[.!?…](\s?[\"'”’)\]])*\s*$")

# A sentence opening like this leans on the one before it ("He said…", "But…").
DEPENDENT_OPENING = re.compile(
    r"^[\"'“‘]?\s?(he|she|they|it|this|that|these|those|his|her|their|its|but|and|also|"
    r"however|still|yet|meanwhile|instead|moreover|furthermore|then|so)\b",
    re.IGNORECASE,
)
# A quotation attributed to a bare pronoun ("“…,” she said.") leans on the sentence that names
# the speaker, wherever the attribution stands in the sentence.
PRONOUN_ATTRIBUTION = re.compile(
    r"[\"”’'],?\s+(he|she|they)\s+(said|says|added|adds|told|tells|explained|explains|"
    r"noted|notes|wrote|writes|continued|continues|warned|warns|insisted|insists|replied)\b",
    re.IGNORECASE,
)


# A sentence that is one quotation and nothing else (“Now they tell me it is over.”): its
# speaker is named in the sentence before it ("…," said Ray Talbot. “Now they tell me…”).
WHOLE_QUOTATION = re.compile(r"^(?:[\"“][^\"“”]+[\"”]|``[^`']+'')$")


def leans_on_previous(text: str) -> bool:
    """True when a sentence needs the one before it: it opens with a pronoun or connective,
    its quotation is attributed to a bare pronoun, or it is a quotation with no speaker."""
    return bool(
        DEPENDENT_OPENING.match(text)
        or PRONOUN_ATTRIBUTION.search(text)
        or WHOLE_QUOTATION.match(text.strip())
    )


def ends_sentence(text: str) -> bool:
    """True when the text ends like a finished sentence."""
    return bool(SENTENCE_END.search(text[-12:]))  # the tail is enough; a $-search scans all


# A word, for the learned scorer's features and word weights: letters, digits, inner hyphens.
WORD_PATTERN = r"(?u)[\w-]+"
_WORD = re.compile(WORD_PATTERN)


def words_of(text: str) -> list[str]:
    """The lower-cased words of a text, in order."""
    return _WORD.findall(text.lower())
