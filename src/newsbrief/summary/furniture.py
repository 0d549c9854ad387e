"""Furniture: the sentences a web page prints around its story, found among the segmented
sentences and taken out.

Scraped pages carry the text of their widgets and prompts: an embedded tweet's location
notice ("Tweet with a location ... You always have the option to delete your Tweet location
history"), a video player's messages ("Rating is available when the video has been rented."),
newsletter, login, cookie and paywall prompts, reprint notices. Cleaning removes whole lines of
page junk; these are often glued into a line of story ("... survived the frigid water. Sign up
for breaking news emails ..."), so they are found sentence by sentence. In Multi-News's
validation set they were in 298 of 5,622 default summaries (425 sentences, session 14).

Two kinds of phrase:

- most make their whole sentence furniture (:data:`_SENTENCES`);
- a few are furniture exactly as far as they match, and a page glues the story to them with
  no full stop between ("Please enable JavaScript to watch this video VERNAL, Utah -- A woman
  is seeking ...", "... products in the U.S. Story continued below “Our friends ...,” he
  said."): the sentence keeps each side that holds :data:`MIN_STORY_WORDS` words, as a
  sentence of its own (:data:`_SPANS`); a shorter side goes with the furniture (it is listed
  among the removals).

Each phrase is in the page's own voice (to "you", about "your" inbox, account or browser), so
that a story about Twitter or cookies keeps its sentences. Every phrase holds the word it is
filed under, as a whole word: a cluster none of whose words is one of them (nearly every
newswire cluster) is cleared by one set intersection over its vocabulary.
"""

from __future__ import annotations

import re
from itertools import chain

import numpy as np

from newsbrief.records import Removal, Sentence
from newsbrief.summary.patterns import words_of
from newsbrief.summary.tokens import NumberedWords

# Furniture that is a short sentence of its own ("Learn more", "Please try again later."),
# matched whole, without regard to case, against the sentences of at most
# :data:`SHORT_MAX_WORDS` words only (their words are too common to look for one by one).
_SHORT = (
    r"(?:learn|read|find out) more(?: here)?",
    r"just one more thing",
    r"please try again(?: later)?",
    r"this feature is not available right now",
    r"rating is available when the video has been rented",
    r"the interactive transcript could not be loaded",
    r"an error has occurred",
    r"all rights reserved",
    r"get digital access",
    r"this is a breaking news update",
    r"check back soon for (?:further information|updates|more)",
    r"ap(?: ' ?|')?s earlier story is below",
    r"(?:already )?have an account\?",
    r"interested in\b[^.!?]{0,60}\?",
    r"(?:notice )?you must log in to continue",
    r"skip ad(?: ad loading)?",
    r"looking for news you can trust\?",
)
SHORT_MAX_WORDS = 12

# A word (as words_of finds it: lower-cased, hyphens kept), rare in news, → the phrases
# holding it that make their sentence furniture, as patterns searched without regard to case.
_SENTENCES: dict[str, tuple[str, ...]] = {
    # An embedded tweet's widget.
    "tweet": (
        r"^tweet with a location\b",
        r"\bwhen you tweet with a location\b",
        r"\bbefore each tweet\b.{0,60}\blocation history\b",
        r"\badd this tweet to your website\b",
        r"\boption to delete your tweet location history\b",
    ),
    "tweets": (r"\badd (?:a )?location (?:information )?to your tweets\b",),
    "twitter": (
        r"\bproceed to legacy twitter\b",
        r"\byou are on twitter mobile because\b",
        r"\btwitter stores that location\b",
    ),
    # A video player's messages.
    "rented": (r"^rating is available when the video has been rented\b",),
    "transcript": (r"^the interactive transcript could not be loaded\b",),
    "website": (r"\badd this video to your website\b",),
    "queue": (r"^watch queue queue\b",),
    "javascript": (
        r"\bjavascript is (?:disabled|not (?:supported|enabled)|required|turned off)\b",
        r"\b(?:requires|enabling) javascript\b",
        r"\bjavascript to (?:play|view|watch)\b",
    ),
    "adobe": (r"\binstall adobe flash\b",),
    # Newsletter, alert and notification prompts.
    "emails": (r"^breaking news emails\b",),
    "alerts": (r"^get breaking news alerts\b",),
    "notifications": (
        r"^get push notifications\b",
        r"^email notifications are only sent\b",
    ),
    "notification": (
        r"\bproblem saving your notification\b",
        r"^your notification has been saved\b",
    ),
    "newsletter": (
        r"^(?:subscribe to|sign up for) (?:our|the) [^.!?]{0,40}?newsletter\b",
        r"\byou must select a newsletter\b",
        r"\bin the [\w ]{1,40} newsletter\W*$",
    ),
    "newsletters": (
        r"^(?:subscribe to|sign up for) (?:one of )?our (?:free )?(?:email )?newsletters\b",
        r"^view all [\w ]{1,40} newsletters\W*$",
        r"\bby signing up,? you agree to receive email newsletters\b",
    ),
    "inbox": (
        r"^get [^.!?]{0,60}\b(?:in|to|into) your inbox\b",
        r"^sign up for [^.!?]{0,60}\b(?:in|to|into) your inbox\b",
    ),
    "interest": (r"\bas an interest to stay up to date\b",),
    # Accounts, sign-ups and paywalls.
    "verification": (
        r"\bsent you a verification email\b",
        r"\bif you do not receive the verification\b",
    ),
    "confirmation": (r"\bwe have sent (?:you )?a confirmation email\b",),
    "activate": (r"\bclick on the link to activate your\b",),
    "subscribing": (
        r"^(?:[\w ]{0,40}\+ )?(?:subscribe )?thank you for subscribing\b",
        r"\bplease consider subscribing\b",
    ),
    "signing": (r"^(?:sign up )?thank you for signing up\b",),
    "registering": (r"^thank you for registering\b", r"\bby registering,? you agree\b"),
    "subscription": (
        r"\b(?:purchase|buy) a subscription\b",
        r"\ba subscription is required to\b",
        r"\bsubscription to continue reading\b",
        r"^with a digital subscription\b",
    ),
    "subscriber": (
        r"\bif you(?: ' ?|')?(?:re| are) (?:already )?a (?:current )?[\w -]{0,20}subscriber\b",
        r"\blog in to your subscriber account\b",
    ),
    "digital": (
        r"\bsign up for digital access\b",
        r"^digital access for only\b",
        r"\bunlimited digital access\b",
    ),
    "forgot": (r"\bforgot account\?",),
    "clicking": (
        r"^by clicking[^.!?]{0,80}\byou (?:agree|consent)\b",
        r"\bclicking the report abuse link\b",
    ),
    "agree": (
        r"\byou (?:also )?agree to (?:our|the) (?:terms|privacy|user agreement)\b",
        r"^by (?:signing up|registering|submitting)[^.!?]{0,80}\byou (?:agree|consent)\b",
    ),
    "robot": (r"\bverify you(?: ' ?|')?re not a robot\b",),
    # Cookies and privacy.
    "cookies": (
        r"\bwe use cookies\b",
        r"\b(?:enable|accept|allow) cookies\b",
        r"\bcookies policy\b",
        r"\bthrough cookies\b",
        r"\bcookies and (?:other|similar) (?:tracking )?technologies\b",
    ),
    "privacy": (r"^see our privacy (?:policy|notice)\b", r"^you can read our privacy policy\b"),
    # Reprint and copyright notices.
    "reprints": (r"^dow jones reprints\b", r"\border reprints tool\b"),
    "non-commercial": (r"\bfor your personal,? non-commercial use only\b",),
    "redistributed": (r"\bmay not be published,? broadcast,? rewritten,? or redistributed\b",),
    # Error pages.
    "requested": (r"\bthe page you requested (?:was|could) not (?:be )?found\b",),
    "url": (r"\bcheck the url for proper spelling\b",),
    # Comment forms.
    "comments": (
        r"\bthis will appear next to all of your comments\b",
        r"^comments are filtered for language\b",
        r"\bmakes no guarantee of comments\b",
        r"\bvia the comments section\b",
    ),
    "comment": (r"\bby using this comment form\b",),
    "contributions": (r"\bwill appear along ?side your contributions\b",),
    "profile": (r"\bsign in to update your profile\b",),
    "early-morning": (r"\bin this early-morning email\b",),
    "promotional": (r"\byou will receive occasional promotional offers\b",),
    "unavailable": (r"\bsome items on this page will be unavailable\b",),
    "partner": (r"^this article is from the archive of our partner\b",),
    "covers": (r"^no one covers what is happening in our community\b",),
    "react": (r"\byou can only react up to\b",),
    "edition": (r"^would you like to view this in our [\w ]{1,20} edition\b",),
}

# A word → the phrases holding it that are furniture as far as they match (the story may be
# glued on before or after them).
_SPANS: dict[str, tuple[str, ...]] = {
    "javascript": (
        r"(?:please )?(?:enable|turn on) javascript(?: to watch this video| in your browser)?\.?",
        r"you need to enable javascript(?: to play media on [\w.]+(?: play\b)?)?\.?",
    ),
    "mornings": (
        r"the news and stories that matter,? delivered weekday mornings\.?(?:\s*/\s*updated\b)?",
    ),
    # The line under that prompt, where a cased page's full stop ended the sentence before it.
    "updated": (r"^/\s*updated\b",),
    "djreprints": (
        r"to order presentation-ready copies for distribution to your colleagues, clients or "
        r"customers, use the order reprints tool at the bottom of any article or visit "
        r"www\.djreprints\.com",
    ),
    "inbox": (r"^sign up for [\w ]{1,40}? delivered to your inbox\b",),
    "newsletter": (
        r"^(?:email )?newsletter sign[ -]?up(?: continue reading the main story)?\b",
        r"^(?:sign up for|subscribe to) [^.!?>]{1,60}\bnewsletter\s*>>",
    ),
    "unlimited": (
        r"\$ ?[\d.]+ for \d+ days of unlimited digital access\b"
        r"(?: last chance to take advantage of our best offer of the year!?)?",
    ),
    # Markers a page prints where an advertisement or a box interrupts the story.
    "reading": (r"(?:advertisement )?continue reading the main story\b",),
    "below": (r"\bstory continued below\b",),
    "prev": (
        r"(?:(?:advertisement\s*)?\(\s*click prev or next to continue viewing images\.?\s*\)\s*)+",
    ),
}
MIN_STORY_WORDS = 4  # a side of a sentence, beside a span of furniture, kept as its story

_WORDS = frozenset(chain(_SENTENCES, _SPANS))
_BY_WORD = {  # each word's phrases, in one pattern: only those of a sentence's words are tried
    word: re.compile("|".join(phrases), re.IGNORECASE) for word, phrases in _SENTENCES.items()
}
_SPANS_BY_WORD = {word: re.compile("|".join(p), re.IGNORECASE) for word, p in _SPANS.items()}
_WHOLE = re.compile(rf"(?:{'|'.join(_SHORT)})\W*", re.IGNORECASE)


def without_furniture(
    sentences: list[Sentence], words: NumberedWords
) -> tuple[list[Removal], list[Sentence], NumberedWords]:
    """The sentences' web-page furniture (widgets, prompts, notices) as ``page-furniture``
    removals, and the sentences and their words without it: a sentence that is furniture is
    left out, one that is story glued to furniture keeps its story. An article's sentences are
    numbered again (``index``), as if cleaning had taken the furniture. Returns the very
    ``sentences`` and ``words`` given when there is none (the usual case).

    ``words`` are the sentences' ``words_of``, numbered: a sentence is looked at when it is
    short, or holds one of the phrases' words (each phrase's necessary condition); a newswire
    cluster has a few such sentences, found by array steps."""
    short = words.lengths <= SHORT_MAX_WORDS
    if len(words.numbers_of(_WORDS)):  # some sentence holds a phrase's word
        holding = words.holding(_WORDS)
        short &= ~holding
    else:
        holding = None
    removals: list[Removal] = []
    stories: dict[int, list[Sentence]] = {}  # a sentence's stories, where not the sentence
    for number in np.flatnonzero(short).tolist():
        sentence = sentences[number]
        if _WHOLE.fullmatch(sentence.text):
            removals.append(_removal(sentence, 0, len(sentence.text)))
            stories[number] = []
    for number in [] if holding is None else np.flatnonzero(holding).tolist():
        sentence = sentences[number]
        told = _stories_of(sentence, words[number], removals)
        if told != [sentence]:
            stories[number] = told
    if not stories:
        return [], sentences, words
    kept: list[Sentence] = []
    kept_words: list[list[str]] = []
    for number, (sentence, sentence_words) in enumerate(zip(sentences, words, strict=True)):
        if number not in stories:
            kept.append(sentence)
            kept_words.append(sentence_words)
            continue
        for story in stories[number]:
            kept.append(story)
            kept_words.append(words_of(story.text))
    changed = {sentences[number].article_id for number in stories}
    return removals, _numbered_again(kept, changed), NumberedWords(kept_words)


def _stories_of(
    sentence: Sentence, sentence_words: list[str], removals: list[Removal]
) -> list[Sentence]:
    """The sentence (``[sentence]``), or the story on each side of furniture glued into it,
    or none when it is all furniture; each piece of furniture found is added to
    ``removals``. ``sentence_words``: its ``words_of``."""
    text = sentence.text
    held = _WORDS.intersection(sentence_words)
    span = _first_span(text, held)
    if span is None:
        short = len(sentence_words) <= SHORT_MAX_WORDS and _WHOLE.fullmatch(text)
        if short or any(_BY_WORD[w].search(text) for w in held if w in _BY_WORD):
            removals.append(_removal(sentence, 0, len(text)))
            return []
        return [sentence]
    after = text[span[1] :]
    sides = [(0, len(text[: span[0]].rstrip())), (len(text) - len(after.lstrip()), len(text))]
    # A side of a few words beside the furniture is no story of its own ("/ updated by x").
    kept = [(start, end) for start, end in sides if len(text[start:end].split()) >= MIN_STORY_WORDS]
    cursor = 0
    for start, end in [*kept, (len(text), len(text))]:
        if text[cursor:start].strip():
            removals.append(_removal(sentence, cursor, start))
        cursor = end
    told: list[Sentence] = []
    for start, end in kept:  # looked at again: more furniture may be glued on
        piece = text[start:end]
        side = Sentence(
            sentence.article_id,
            sentence.index,
            sentence.start + start,
            sentence.start + end,
            piece,
            sentence.paragraph,
        )
        told += _stories_of(side, words_of(piece), removals)
    return told


def _first_span(text: str, held: frozenset[str]) -> tuple[int, int] | None:
    """The first span of furniture in the text (of the phrases of the words it holds)."""
    found = [
        m.span() for w in held if w in _SPANS_BY_WORD and (m := _SPANS_BY_WORD[w].search(text))
    ]
    return min(found) if found else None


def _removal(sentence: Sentence, start: int, end: int) -> Removal:
    """A removal of ``sentence.text[start:end]``, its whitespace trimmed."""
    piece = sentence.text[start:end]
    start += len(piece) - len(piece.lstrip())
    piece = piece.strip()
    at = sentence.start + start
    return Removal(sentence.article_id, at, at + len(piece), piece, "page-furniture")


def _numbered_again(sentences: list[Sentence], articles: set[str]) -> list[Sentence]:
    """The sentences, those of ``articles`` numbered again from 0 in each article."""
    count: dict[str, int] = {}
    renumbered = []
    for sentence in sentences:
        if sentence.article_id in articles:
            index = count.get(sentence.article_id, 0)
            count[sentence.article_id] = index + 1
            if index != sentence.index:
                sentence = Sentence(
                    sentence.article_id,
                    index,
                    sentence.start,
                    sentence.end,
                    sentence.text,
                    sentence.paragraph,
                    words=sentence.words,
                )
        renumbered.append(sentence)
    return renumbered
