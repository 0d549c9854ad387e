"""Clean: find the scraper junk in an article and record each removal with its reason.

Cleaning never edits the text: it returns :class:`Removal` spans, so the article keeps the
exact text every citation points into, and ``--explain`` / the JSON can show what was dropped.
The rules work on lines, because that is the unit scrapers break: a caption, a widget, a
footer, a graphic's labels each sit on lines of their own.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from typing import NamedTuple

from newsbrief.records import Article, Removal
from newsbrief.settings import Settings
from newsbrief.summary.digest import story_datelines
from newsbrief.summary.heads import (
    mark_capital_headings,
    mark_date_line,
    mark_title_and_standfirst,
)
from newsbrief.summary.patterns import spaced_plainly
from newsbrief.summary.wire import (
    TRIM_MARK_FIRSTS,
    WIRE_NOTE_MAX_WORDS,
    dateline_at,
    dateline_date,
    is_wire_note,
    trim_mark_at,
)

# Words that make up share/follow widgets, in the languages scrapes most often carry.
# A line counts as a widget when it has a trigger word and nearly all its words are here.
_WIDGET_TRIGGERS = {
    *"share shares follow subscribe tweet bagikan teilen partager partagez".split(),
    *"compartir compartilhar compartilhe condividi delen deel paylaş".split(),
    *"udostępnij поделиться 分享 シェア 공유 공유하기 chia sẻ facebook twitter whatsapp".split(),
    *"linkedin pinterest telegram reddit".split(),
}
_WIDGET_WORDS = _WIDGET_TRIGGERS | {
    *"this article story news post page on via to the us our email e-mail".split(),
    *"print copy link save comment comments x and berita ini artikel diesen".split(),
    *"dieser cet cette esta este noticia notícia questo articolo notizia dit".split(),
    *"haberi bu новостью статьей sur en su auf op bài viết | · • /".split(),
}
# Starts where the address's run of characters starts and never backtracks into it: a search
# over a long word is linear ("[\w.+-]+@…" was quadratic: 200 KB of "x" took minutes).
# An address, also as wire copy spells it against harvesters: "pfoutch(at)coxnews.com".
_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]++(?:@|\((?:at|AT)\))[\w-]++\.[\w.-]+")
# Every branch opens with "^": matched at the start only (a search tried every position).
_CONTACT = re.compile(
    r"^(write to|contact|reach|e-?mail)\b.*(@|\bat\b)"
    r"|^(additional )?(reporting|writing|editing|edited|compiled) by\b"
    r"|^follow (him|her|them|the author|@)"
    # the credit under a table, list or sidebar: "Source: Centers for Disease Control"
    r"|^sources?\s*:\s*(?-i:[A-Z])[^.!?]*\.?$",
    re.IGNORECASE,
)
_ADVERTISEMENT = re.compile(
    r"^(advertisement|advertising|sponsored( content)?|ad|"
    r"story continues below( advertisement)?|continue reading( the main story| below)?)\W*$",
    re.IGNORECASE,
)
_PHOTO_CREDIT = re.compile(
    r"^(photo|photograph|photos|image|picture|video|illustration)( credit)?s?\s*(:|/|by\b)"
    r"|^(credit|image copyright|image caption|photo illustration)\b"
    r"|^\(?(ap|afp|reuters|epa|getty images)( photo)?[/)]"
    r"|/(getty images|ap|afp|reuters|epa)\)?$",
    re.IGNORECASE,
)
_BOILERPLATE = re.compile(
    r"^(sign up|subscribe)\b.*\b(newsletter|updates|alerts)\b"
    r"|^(read more|related|recommended|most read|click here|see also)\b"
    r"|^(copyright|©|\(c\))\s|all rights reserved"
    r"|^this (article|story) (was|has been) (originally published|updated|corrected)",
    re.IGNORECASE,
)
_PROSE_LINE_END = re.compile(r"[.!?…:;][\"'”’)\]]*$")
_WORD = re.compile(r"[^\s]+")


JUNK_MAX_WORDS = 30


class Line(NamedTuple):
    """A non-blank line: its stripped text and span in the article. (A named tuple: two are
    made per line of every article, and a tuple is made several times faster than a frozen
    dataclass.)"""

    start: int
    end: int
    text: str

    @property
    def words(self) -> int:
        # Read about once a line: recounting is cheaper than a cached_property's lock (3.11).
        return len(self.text.split())

    @property
    def is_fragment(self) -> bool:
        """Has no sentence-final punctuation: a label, heading or caption, not prose."""
        return not _PROSE_LINE_END.search(self.text[-12:])


# Line(start, end, text), made as the named tuple's own __new__ makes it (tuple.__new__ with
# the fields in order), without that Python-level call on every line of every article.
_new_line = tuple.__new__


def lines_of(text: str) -> Iterator[Line]:
    """Every non-blank line with the span of its stripped text."""
    offset = 0  # where the line starts in the text
    for raw in text.split("\n"):
        stripped = raw.strip()
        if stripped:
            # Where the stripped text starts: after the leading whitespace (a search for it,
            # raw.index(stripped), prepared a search over the whole line, most of a paragraph).
            start = offset + len(raw) - len(raw.lstrip())
            yield _new_line(Line, (start, start + len(stripped), stripped))
        offset += len(raw) + 1


def clean(article: Article, settings: Settings) -> tuple[Article, list[Removal]]:
    """Find junk spans in ``article``; return it (with a detected title filled in) and them."""
    cleaned, removals, _ = clean_with_lines(article, settings)
    return cleaned, removals


def clean_with_lines(
    article: Article, settings: Settings, plain: bool | None = None
) -> tuple[Article, list[Removal], list[Line]]:
    """:func:`clean`, and the article's lines (``list(lines_of(article.text))``; the text is
    never changed), which segmentation reads again: preparing a cluster hands them on instead
    of splitting every article into lines twice. ``plain``: whether the text is
    :func:`~newsbrief.summary.patterns.spaced_plainly`, when known."""
    lines = list(lines_of(article.text))
    reasons: dict[int, str] = {}
    _mark_torn_graphics(lines, reasons, settings)
    if plain is None:
        plain = spaced_plainly(article.text)  # then a line's words are counted by its spaces
    for number, line in enumerate(lines):
        if number not in reasons and (reason := _junk_reason(line, plain)):
            reasons[number] = reason
    _mark_web_archive_notices(article.text, lines, reasons)
    _mark_repeats(lines, reasons, plain)
    credits = _mark_credits(article, lines, reasons)
    dated = mark_date_line(lines, reasons, plain)
    title = mark_title_and_standfirst(article, lines, reasons)
    mark_capital_headings(lines, reasons)
    removals = [
        Removal(article.id, line.start, line.end, line.text, reasons[number])
        for number, line in enumerate(lines)
        if number in reasons
    ]
    removals += credits
    removals += _trim_marks(article, lines, reasons)
    notice, skip = _capital_notice(article, lines, reasons)
    if notice:
        # A whole-line notice holds what else was marked on its line ("… ENDIT"): one removal.
        removals = [r for r in removals if not notice.start <= r.start < notice.end]
        removals.append(notice)
    dateline, date = _find_dateline(article, lines, reasons, skip)
    if dateline:
        removals.append(dateline)
    removals += story_datelines(article, lines, reasons)
    if title and not article.title:
        article = dataclasses.replace(article, title=title)
    if (date or dated) and not article.date:
        article = dataclasses.replace(article, date=date or dated)
    return article, removals, lines


# The Internet Archive's notes on the crawl that saved a page, printed with pages scraped from
# the Wayback Machine ("These crawls are part of an effort to archive pages as they are
# created ...", "Starting in 1996, Alexa Internet has been donating their crawl data to the
# Internet Archive ..."): in 2.7% of Multi-News's articles, and in the summary of 408 of its
# 671 validation clusters that hold one (session 13). Each phrase holds "rawl", "rchiv" or
# "warc" (:func:`_may_hold_archive_note`).
_WEB_ARCHIVE_NOTICE = re.compile(
    r"these crawls are part of an effort to archive pages"
    r"|has been donating (?:their|its) crawl data to the internet archive"
    r"|focused crawls are collections of frequently.updated webcrawl data"
    r"|the seed for this crawl was"
    r"|using the archive-it service of the internet archive"
    r"|\bcrawl of outlinks from"
    r"|\bweb wide crawl with initial seedlist"
    r"|^archive-it partner\b"
    r"|internet archive hopes that references to these archived pages"
    r"|\bcrawls performed by (?:the )?internet archive on behalf of"
    r"|\bthis collection contains web crawls"
    r"|\bend of term web archive"
    r"|\bend of term project, intended to document the federal government.s web presence by archiv"
    r"|\bwarczone is a collection of outsider-uploaded warcs"
    r"|\bjoin the archive-it program",
    re.IGNORECASE,
)


def _may_hold_archive_note(text: str) -> bool:
    """Whether the text holds "rawl", "rchiv" or "warc", as every phrase of
    :data:`_WEB_ARCHIVE_NOTICE` does as the archive prints it or lower-cased (three C-level
    scans an article; a copy in capitals is not looked for)."""
    return "rawl" in text or "rchiv" in text or "warc" in text


def _mark_web_archive_notices(text: str, lines: list[Line], reasons: dict[int, str]) -> None:
    """Mark each line holding the Internet Archive's note on a crawl as ``boilerplate``."""
    if not _may_hold_archive_note(text):
        return  # a few scans of the text spare a look at every line
    for number, line in enumerate(lines):
        if number in reasons or not _may_hold_archive_note(line.text):
            continue
        if _WEB_ARCHIVE_NOTICE.search(line.text):
            reasons[number] = "boilerplate"


def _find_dateline(
    article: Article, lines: list[Line], reasons: dict[int, str], skip: int = 0
) -> tuple[Removal | None, str | None]:
    """The dateline at the start of the first body line (after its first ``skip`` characters,
    a notice's), and the date it gives, if any."""
    body = [line for number, line in enumerate(lines) if number not in reasons]
    if not body:
        return None, None
    first = body[0]
    text = first.text[skip:].lstrip()
    start = first.start + len(first.text) - len(text)
    match = dateline_at(text)
    if not match or match.end() >= len(text):
        return None, None
    removal = Removal(article.id, start, start + match.end(), match.group().rstrip(), "dateline")
    return removal, dateline_date(match)


def _capital_notice(
    article: Article, lines: list[Line], reasons: dict[int, str]
) -> tuple[Removal | None, int]:
    """A syndicator's notice in capitals that opens the first body line: "WASHINGTON, D.C.
    20003 Tel: 202-547-4512 ... COPYRIGHT 1998 BY WORLDSOURCES, INC. ... ATTRIBUTION TO
    WORLDSOURCES, INC. Greenhouse gas emissions ...". It holds "COPYRIGHT" and a year, or
    "ALL RIGHTS RESERVED", as written, and runs to the last full stop before the first
    lower-case word (a run of four lower-case letters: "Tel" and "Fax" are no prose), not one
    after an abbreviation that opens the story ("INC. Mr. Smith said", "INC. U.S. officials");
    a line that is all notice goes whole (and is marked in ``reasons``). Also how many
    characters of the first body line the notice takes (0 when it took the whole line)."""
    if "COPYRIGHT" not in article.text and "ALL RIGHTS RESERVED" not in article.text:
        return None, 0  # two scans of the text, where finding the first body line is a loop
    number = next((n for n in range(len(lines)) if n not in reasons), None)
    if number is None:
        return None, 0
    first = lines[number]
    prose = _LOWER_RUN.search(first.text)
    if prose is None:
        if not _NOTICE.search(first.text) or not _LOWER_RUN.search(article.text):
            return None, 0  # an article all in capitals: its lead is no notice
        reasons[number] = "boilerplate"
        return _removal(article, first, 0, len(first.text), "boilerplate"), 0
    head = first.text[: prose.start()]
    end = head.rfind(". ")
    while end > 0 and _abbreviated(head[:end].split()[-1]):
        end = head.rfind(". ", 0, end - 1)
    notice = head[: end + 1]
    if end <= 0 or not _NOTICE.search(notice):
        return None, 0
    return _removal(article, first, 0, end + 1, "boilerplate"), end + 1


def _abbreviated(word: str) -> bool:
    """The word before a full stop is an abbreviation that opens a sentence ("Mr", "U.S")."""
    bare = word.strip("(\"'`")
    return bare.lower() in _OPENING_ABBREVIATIONS or "." in bare or len(bare) == 1


_OPENING_ABBREVIATIONS = set("mr mrs ms messrs dr prof gen gov sen rep rev st lt col capt".split())
_LOWER_RUN = re.compile(r"[a-z]{4}")
_NOTICE = re.compile(r"COPYRIGHT (?:\(C\) )?\d{4}|ALL RIGHTS RESERVED")


def _trim_marks(article: Article, lines: list[Line], reasons: dict[int, str]) -> list[Removal]:
    """An editor's trim mark opening a kept line of story (a mark alone on its line is a
    ``wire-note`` line already): the mark's span."""
    marks = []
    for number, line in enumerate(lines):
        # Most lines are cleared by their first character, without a call (issue 11).
        if (
            number not in reasons
            and line.text[0] in TRIM_MARK_FIRSTS
            and (mark := trim_mark_at(line.text))
        ):
            marks.append(Removal(article.id, line.start, line.start + len(mark), mark, "wire-note"))
    return marks


def _junk_reason(line: Line, plain: bool = False) -> str | None:
    """Why the line is junk, if it is. ``plain``: the line is of a text
    :func:`~newsbrief.summary.patterns.spaced_plainly` (its words are its spaces plus one)."""
    text = line.text
    if is_wire_note(text) and line.words <= WIRE_NOTE_MAX_WORDS:
        return "wire-note"  # these opening words make the whole line a note, even a long one
    # The words are counted up to one more than JUNK_MAX_WORDS: the count is exact up to it,
    # above it only "more" matters, and a paragraph is not split into all of its words (nor
    # into any, when spaced plainly: a stripped line holds no newline).
    # (Inline rather than patterns.words_up_to: a call on every line of every article.)
    if plain:
        words = min(text.count(" ") + 1, JUNK_MAX_WORDS + 1)
    else:
        words = len(text.split(None, JUNK_MAX_WORDS))
    if words > JUNK_MAX_WORDS:  # every other rule is about short lines; prose runs longer
        return None
    if _ADVERTISEMENT.match(text):
        return "advertisement"
    if _CONTACT.match(text) or (words <= 25 and _may_hold_address(text) and _EMAIL.search(text)):
        return "contact-footer"
    if words <= 25:  # both clue checks read the line lower-cased: lower-cased once
        lowered = ascii_lowered(text)
        if words <= 20 and _may_match(lowered, *_PHOTO_CREDIT_CLUES) and _PHOTO_CREDIT.search(text):
            return "photo-credit"
        if _may_match(lowered, *_BOILERPLATE_CLUES) and _BOILERPLATE.search(text):
            return "boilerplate"
    if words <= 8 and _is_share_widget(text):
        return "share-widget"
    return None


# A writer's note or a credit closing an article, as newspaper syndicates send them: "Duane D.
# Stanford writes for the Atlanta Journal-Constitution, Atlanta, Ga.", "(David Nyhan is a Globe
# columnist.)", "(Globe correspondent Jonathan Gorvett also contributed to this report.)",
# "Chris Fiscus can be reached at (602) 444-7942". Looked for in an article's last lines only:
# inside a story, "Smith writes for the Times" is news.
_CREDIT = re.compile(
    r"\bcontributed (?:to )?(?:this|the) (?:report|story|article)\b"
    r"|\bcan be reached (?:at|by)\b"
    r"|\byou can (?:write|e-?mail|reach|call) (?:him|her|them|us)\b"
)
_NAME = r"(?:[A-Z][\w.'’-]*\s+){1,4}"  # one to four capitalised words: a byline's name
_WRITER_NOTE = re.compile(
    rf"^\(?{_NAME}(?:and\s+{_NAME})?writes? for\s"
    rf"|^\(?{_NAME}(?:is|are) (?:a|an|the)\s[^.!?()]{{0,60}}?"
    r"\b(?:writer|columnist|correspondent|reporter|critic|editor|contributor)s?\b"
)
# The end-of-item mark of a wire (Xinhua's "enditem =02021451 =02021455 NNNN 22:54 22:55 g #
# PAB" after the last sentence; "ENDIT" alone on a line): a wire note, like the notes above.
_END_OF_ITEM = re.compile(r"(?<!\S)(?:(?i:enditem)|ENDIT)(?!\S).*")
# How many lines of story (lines no rule took, nor this one) at an article's end are looked at.
CREDIT_TAIL_LINES = 2
CREDIT_MAX_CHARS = 400  # a note, or two or three credits on one line; not a paragraph of story


def _mark_credits(article: Article, lines: list[Line], reasons: dict[int, str]) -> list[Removal]:
    """The writer's notes and credits closing an article (read from its last line up, through
    any run of them, and :data:`CREDIT_TAIL_LINES` lines of story): a line that is one (or
    opens as one, or is in brackets) is marked ``contact-footer`` in ``reasons``; a credit
    closing a line of story ("... not rusting chemical tanks.'' Chris Fiscus can be reached at
    ...") is returned as a removal from its sentence's start to the line's end. A wire's
    end-of-item mark there goes the same way, as a ``wire-note``."""
    partial: list[Removal] = []
    seen = 0
    for number in range(len(lines) - 1, -1, -1):
        if number in reasons:
            continue
        line = lines[number]
        text = line.text
        mark = _END_OF_ITEM.search(text) if "ndit" in text or "NDIT" in text else None
        if mark and mark.start() == 0:
            reasons[number] = "wire-note"
            continue  # a line after the story's last: the lines looked at go on above it
        if mark:
            partial.append(_removal(article, line, mark.start(), len(text), "wire-note"))
            text = text[: mark.start()].rstrip()
        if len(text) <= CREDIT_MAX_CHARS:
            may_credit = "contributed" in text or "be reached" in text or "ou can" in text
            credit = _CREDIT.search(text) if may_credit else None
            opening = _sentence_start(text, credit.start()) if credit else 0
            # The note's verb is among the line's first words, after its name (a cheap test
            # first: the pattern's names backtrack on every line opening with capitals).
            verbs = not _NOTE_VERBS.isdisjoint(text.split(None, 6)[1:6])
            note = verbs and _WRITER_NOTE.match(text) and not _named_before(lines, number, reasons)
            if note or (credit and (opening == 0 or text[0] == "(")):
                reasons[number] = "contact-footer"
                if mark:
                    partial.pop()  # the whole line goes: no removal of its end apart
                continue  # a note's line: the lines looked at go on above it
            if credit:
                partial.append(_removal(article, line, opening, len(text), "contact-footer"))
        seen += 1
        if seen == CREDIT_TAIL_LINES:
            break
    return partial


_NOTE_VERBS = frozenset(("write", "writes", "is", "are"))


def _named_before(lines: list[Line], number: int, reasons: dict[int, str]) -> bool:
    """True when a note-shaped line outside brackets names someone the story named before
    it: "Smith is a former editor of the Gazette." closing a story about Smith is news, not
    the writer's note (a writer's own name is in the byline, not in the story). The name as
    the line gives it ("Ed Young", not "Young voters"), looked for in the lines of story
    above it: not in those cleaning took, nor in a byline ("By Ed Young")."""
    text = lines[number].text
    if text.startswith("("):
        return False
    words = text.split()
    verb = next((i for i, word in enumerate(words) if word in _NOTE_VERBS), 0)
    name = " ".join(words[:verb]).rstrip(",")
    if not name[:1].isupper():
        return False
    named = re.compile(rf"\b{re.escape(name)}\b")
    return any(
        named.search(lines[n].text)
        for n in range(number)
        if n not in reasons and not _BYLINE.match(lines[n].text)
    )


_BYLINE = re.compile(r"(?:By|BY)\s|[^.!?]{0,60}$")  # "By Ed Young", "Ed Young (AP)": no sentence


def _removal(article: Article, line: Line, start: int, end: int, reason: str) -> Removal:
    """A removal of ``line.text[start:end]``."""
    return Removal(article.id, line.start + start, line.start + end, line.text[start:end], reason)


def _sentence_start(text: str, at: int) -> int:
    """Where the sentence holding ``at`` starts, as segmentation splits the line (so that
    "Mr." or "U.S." before a credit ends no sentence)."""
    from newsbrief.summary.segment import split_sentences  # segment imports this module

    start = 0
    for begin, _ in split_sentences(text):
        if begin > at:
            break
        start = begin
    return start


def _may_hold_address(text: str) -> bool:
    """A necessary condition for :data:`_EMAIL`: an "@", or the "(at)" of wire copy."""
    return "@" in text or "(at)" in text or "(AT)" in text


# What a line must start with, or hold, lower-cased, for _PHOTO_CREDIT or _BOILERPLATE to
# match it (each has a branch that is not anchored, so its regex is tried at every position of
# every short line; these plain checks clear nearly all lines first).
_PHOTO_CREDIT_CLUES = (
    ("photo", "image", "picture", "video", "illustration", "credit", "(", "ap", "afp", "reuters"),
    ("/", "epa", "getty"),
)
_BOILERPLATE_CLUES = (
    ("sign up", "subscribe", "read more", "related", "recommended", "most read", "click here"),
    ("see also", "copyright", "(c)", "this article", "this story", "all rights reserved"),
)


def ascii_lowered(text: str) -> str | None:
    """The line lower-cased when it is ASCII, for :func:`_may_match`; None for other text."""
    return text.lower() if text.isascii() else None


def _may_match(lowered: str | None, starts: tuple[str, ...], holds: tuple[str, ...]) -> bool:
    """False only when the ASCII line, lower-cased (:func:`ascii_lowered`), neither starts with
    one of ``starts`` nor holds one of ``holds``: a necessary condition for the case-insensitive
    patterns above. Other text (``None``) goes to the regex (its case folding is Unicode's: "ſ"
    matches "s")."""
    if lowered is None:
        return True
    if lowered.startswith(starts):
        return True
    # A loop: any() over a map or a generator cost twice as much on these short tuples.
    for hold in holds:  # noqa: SIM110
        if hold in lowered:
            return True
    return False


def _is_share_widget(text: str) -> bool:
    words = [w.strip(".,:!?()[]").lower() for w in _WORD.findall(text)]
    words = [w for w in words if w]
    if not words or len(words) > 8 or not any(w in _WIDGET_TRIGGERS for w in words):
        return False
    known = sum(w in _WIDGET_WORDS for w in words)
    return known / len(words) >= 0.75


def _mark_torn_graphics(lines: list[Line], reasons: dict[int, str], settings: Settings) -> None:
    """A run of fragment lines holding several short labels is a graphic torn into text."""

    def flush(run: list[int]) -> None:
        if len(run) < settings.torn_graphic_min_labels:  # too few lines to hold enough labels
            return
        labels = sum(1 for n in run if lines[n].words <= settings.label_max_words)
        if labels >= settings.torn_graphic_min_labels:
            for n in run:
                reasons[n] = "torn-graphic"

    run: list[int] = []
    for number, line in enumerate(lines):
        if line.is_fragment:
            run.append(number)
        elif run:  # a run ends here (most lines of prose follow prose: nothing to flush)
            flush(run)
            run = []
    flush(run)


def _mark_repeats(lines: list[Line], reasons: dict[int, str], plain: bool = False) -> None:
    """A later copy of a line is a repeat; a short line printed again within the next
    :data:`CAPTION_GAP` lines is a photo caption, and then both copies go (a scraped caption
    appears once under the photo and once as its alt text: neither is the story).

    ``plain``: the lines are of a text :func:`~newsbrief.summary.patterns.spaced_plainly`,
    whose stripped lines hold no whitespace but single spaces: each is its own key,
    lower-cased (two calls a line fewer, issue 11)."""
    seen: dict[str, int] = {}
    for number, line in enumerate(lines):
        key = line.text.lower() if plain else _line_key(line.text)
        first = seen.get(key)
        if first is not None and number not in reasons:
            caption = number - first <= CAPTION_GAP and line.words <= CAPTION_MAX_WORDS
            reasons[number] = "caption" if caption else "repeated-line"
            if caption and first not in reasons:
                reasons[first] = "caption"
        seen.setdefault(key, number)


def _line_key(text: str) -> str:
    """A stripped line's identity for repeats: lower-cased, every run of spaces made one.

    A printable line holds no whitespace but the ASCII space (every other space character is
    unprintable), so without two spaces in a row it is its own key, lower-cased (lower-casing
    makes no space): most lines, cleared without splitting them into words."""
    if "  " not in text and is_printable(text):
        return text.lower()
    return " ".join(text.lower().split())


_PRINTABLE_ASCII = bytes(range(32, 127))  # what str.isprintable() accepts of ASCII


def is_printable(text: str) -> bool:
    """``text.isprintable()``. An ASCII text is printable when deleting its printable bytes
    leaves none: one C pass over the bytes, where ``isprintable`` looks every character up in
    the Unicode tables (repeat keys 0.149 -> 0.130 ms a newswire cluster, issue 11)."""
    if text.isascii():
        return not text.encode("ascii").translate(None, _PRINTABLE_ASCII)
    return text.isprintable()


CAPTION_GAP = 2  # lines between the two copies of a caption, at most (the copy's own line)
CAPTION_MAX_WORDS = 40  # a caption is a line or two; a repeated paragraph is not one
