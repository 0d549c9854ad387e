"""Input formats: bytes → text (binary refused, non-UTF-8 read as Latin-1), and text → drafts
of articles by format: HTML (trafilatura takes the boilerplate off), JSON and JSON Lines
(records with ``text``, or a cluster with ``documents``), Multi-News text (``|||||``) and plain
text. :mod:`newsbrief.ingest.read` decides where the bytes come from and what becomes of the
drafts (copies, ids, limits).
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from newsbrief.errors import InputError
from newsbrief.ingest.guard import decode_with_bom, load_json
from newsbrief.records import Notice

# Leading spaces are taken only from where they start, so a search over a long run of spaces
# stays linear.
MULTINEWS_SEPARATORS = re.compile(r"(?:(?<!\s)\s+|)(?:\|\|\|\|\||story_separator_special_tag)\s*")


def joins_articles(text: str) -> bool:
    """True when the text holds a Multi-News separator. Substring tests, not the pattern's
    search: the pattern may open with whitespace, so it is tried at every position of a text
    that holds no separator (0.2 ms a newswire article, a third of a whole summary's time)."""
    return "|||||" in text or "story_separator_special_tag" in text


HTML_SUFFIXES = {".html", ".htm", ".xhtml", ".shtml"}
JSON_SUFFIXES = {".json"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
TEXT_SUFFIXES = {".txt", ".text", ""}
READABLE_SUFFIXES = HTML_SUFFIXES | JSON_SUFFIXES | JSONL_SUFFIXES | TEXT_SUFFIXES
BINARY_MAGIC = {
    b"%PDF": "a PDF document",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"PK\x03\x04": "a ZIP archive (or an Office document)",
    b"\x7fELF": "an executable",
}


@dataclass(frozen=True)
class Draft:
    """An article as read, before copies are dropped and ids are given."""

    text: str
    source: str
    title: str | None = None
    date: str | None = None
    id: str | None = None


def parse_bytes(data: bytes, source: str, suffix: str | None, notices: list[Notice]) -> list[Draft]:
    """The drafts in ``data``, read by its suffix (``None``: by its look): JSON, HTML, Multi-News
    text or plain text; binary data gives none (with a notice)."""
    text = decode(data, source, notices)
    if text is None:
        return []
    stripped = text.lstrip()
    if (
        suffix in JSON_SUFFIXES
        or suffix in JSONL_SUFFIXES
        or (suffix is None and stripped[:1] in "{[")
    ):
        return parse_json(text, source, suffix in JSONL_SUFFIXES, notices)
    if suffix in HTML_SUFFIXES or (suffix in (None, ".txt", "") and looks_like_html(stripped)):
        return parse_html(text, source, notices)
    if joins_articles(text):
        parts = MULTINEWS_SEPARATORS.split(text)
        return [Draft(part, f"{source}#{n}") for n, part in enumerate(parts, 1)]
    return [Draft(text, source)]


def decode(data: bytes, source: str, notices: list[Notice]) -> str | None:
    """Bytes → text; binary data is skipped with a notice, non-UTF-8 is read as Latin-1."""
    for magic, what in BINARY_MAGIC.items():
        if data.startswith(magic):
            notices.append(Notice("binary-file", f"{what}, not text; skipped", source, True))
            return None
    if b"\x00" in data[:65536] and decode_with_bom(data[:4]) is None:
        notices.append(Notice("binary-file", "binary data, not text; skipped", source, True))
        return None
    marked = decode_with_bom(data)  # UTF-16 and UTF-32 hold NUL bytes: tell them first
    if marked is not None:
        return normalise_newlines(marked)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace").replace("\ufffd", "")
        notices.append(
            Notice("decoded-latin-1", "not valid UTF-8; read as Latin-1 (Windows-1252)", source)
        )
    sample = text[:65536]
    controls = sum(1 for c in sample if ord(c) < 32 and c not in "\n\r\t\f")
    if sample and controls / len(sample) > 0.02:
        notices.append(Notice("binary-file", "binary data, not text; skipped", source, True))
        return None
    return normalise_newlines(text)


def normalise_newlines(text: str) -> str:
    """``\r\n`` and ``\r`` as ``\n``."""
    if "\r" not in text and type(text) is str:
        # Nothing to replace (nearly every text): one scan for a character, where the two
        # replacements scanned the whole text twice (0.05 ms of a newswire brief, issue 11).
        # A str subclass still goes through replace(), which makes it a plain str.
        return text
    return text.replace("\r\n", "\n").replace("\r", "\n")


def looks_like_html(text: str) -> bool:
    """The text opens like an HTML page (a .txt saved from a browser)."""
    head = text[:2048].lower()
    return head.startswith("<") and any(
        tag in head for tag in ("<html", "<body", "<!doctype", "<p")
    )


def parse_html(html: str, source: str, notices: list[Notice]) -> list[Draft]:
    """The page's article text, title and date (trafilatura), or none when it holds no article."""
    import trafilatura  # heavy: only when HTML is read

    document = trafilatura.bare_extraction(html, with_metadata=True, include_tables=False)
    fields: dict[str, Any] = {}
    if isinstance(document, Mapping):
        fields = dict(document)
    elif document is not None:
        fields = document.as_dict()
    text = fields.get("text") or ""
    # A page of menus and links gives a few words and no sentence: that is no article either.
    if not text.strip() or (len(text.split()) < 6 and not re.search(r"[.!?…。]", text)):
        notices.append(
            Notice("empty-html", "no article text found in this page; skipped", source, True)
        )
        return []
    return [Draft(text, source, fields.get("title") or None, fields.get("date") or None)]


def parse_json(text: str, source: str, lines: bool, notices: list[Notice]) -> list[Draft]:
    """The drafts of a JSON value or of JSON Lines (one cluster at most)."""
    records: list[Any] = []
    if lines or "\n{" in text.strip():
        for number, line in enumerate(text.splitlines(), 1):
            if not line.strip():
                continue
            try:
                records.append(load_json(line, f"{source}, line {number}"))
            except json.JSONDecodeError as exc:
                raise InputError(
                    f"{source}, line {number}: not valid JSON ({exc.msg})", code="E105"
                ) from None
    else:
        try:
            value = load_json(text, source)
        except json.JSONDecodeError as exc:
            raise InputError(
                f"{source}: not valid JSON ({exc.msg}, line {exc.lineno})", code="E105"
            ) from None
        records = value if isinstance(value, list) else [value]
    clusters = [r for r in records if isinstance(r, Mapping) and "documents" in r]
    if len(clusters) > 1:
        raise InputError(
            f"{source}: holds {len(clusters)} clusters; a brief summarizes one",
            hint="split the file, or give one cluster per file",
            code="E106",
        )
    drafts: list[Draft] = []
    for number, record in enumerate(records, 1):
        drafts += drafts_from_record(record, f"{source}#{number}", notices)
    return drafts


def drafts_from_record(record: Any, source: str, notices: list[Notice]) -> list[Draft]:
    """The drafts of one record: a text, an article object, a cluster or a brief's JSON."""
    if isinstance(record, str):
        return split_joined(record, source, notices) or [Draft(normalise_newlines(record), source)]
    if not isinstance(record, Mapping):
        raise InputError(
            f"{source}: expected an article object or text, got {type(record).__name__}",
            code="E107",
        )
    if str(record.get("schema", "")).startswith("newsbrief.brief/"):
        # A brief's JSON carries the articles it summarized: read them (update briefs take an
        # earlier brief as the articles the reader has already read).
        record = {"documents": record.get("articles")}
    if "documents" in record:
        documents = record["documents"]
        if isinstance(documents, str):
            documents = MULTINEWS_SEPARATORS.split(documents)
        if not isinstance(documents, list):
            raise InputError(f"{source}: 'documents' must be a list", code="E107")
        drafts: list[Draft] = []
        for number, document in enumerate(documents, 1):
            drafts += drafts_from_record(document, f"{source}/{number}", notices)
        return drafts
    body = record.get("text", record.get("body", record.get("content")))
    if not isinstance(body, str):
        raise InputError(f"{source}: an article needs a 'text' field holding text", code="E107")
    joined = split_joined(body, str(record.get("source") or record.get("url") or source), notices)
    if joined is not None:
        return joined  # several articles pasted into one: the title, date and id fit none
    date = record.get("date")
    return [
        Draft(
            normalise_newlines(body),
            str(record.get("source") or record.get("url") or source),
            str(record["title"]) if record.get("title") else None,
            iso_date(date, source, notices) if date else None,
            str(record["id"]) if record.get("id") is not None else None,
        )
    ]


def split_joined(text: str, source: str, notices: list[Notice]) -> list[Draft] | None:
    """The articles of a text that joins several with ``|||||`` (as a file in the Multi-News
    format would be read), with a notice; None for a text that joins none."""
    if not joins_articles(text):
        return None
    parts = [p for p in MULTINEWS_SEPARATORS.split(normalise_newlines(text)) if p.strip()]
    if len(parts) > 1:
        notices.append(
            Notice(
                "split-article",
                f"one text holds {len(parts)} articles separated by |||||; read as {len(parts)}",
                source,
            )
        )
    if len(parts) == 1:
        return [Draft(parts[0], source)]  # a stray separator: one article
    return [Draft(part, f"{source}#{n}") for n, part in enumerate(parts, 1)] or None


def iso_date(value: Any, source: str, notices: list[Notice]) -> str | None:
    """The date as YYYY-MM-DD, or None with a notice when it cannot be read."""
    from dateutil import parser

    try:
        return parser.parse(str(value)).date().isoformat()
    except (ValueError, OverflowError):
        notices.append(Notice("bad-date", f"date {value!r} not understood; ignored", source))
        return None
