"""Ingest: paths, stdin, JSON(L), HTML and Multi-News text → :class:`Article` records.

Every input that is not used becomes a :class:`Notice` with the reason (empty, binary,
duplicate); every lossy step (a non-UTF-8 file read as Latin-1, an over-long article cut)
becomes a warning notice. Input that cannot be used at all raises :class:`InputError`.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePath
from typing import Any

from newsbrief.errors import InputError
from newsbrief.ingest.guard import decode_with_bom, gunzip, load_json, read_stdin, walk
from newsbrief.ingest.same import SeenTexts
from newsbrief.records import Article, Notice
from newsbrief.settings import Settings

# Leading spaces are taken only from where they start, so a search over a long run of spaces
# stays linear.
MULTINEWS_SEPARATORS = re.compile(r"(?:(?<!\s)\s+|)(?:\|\|\|\|\||story_separator_special_tag)\s*")
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


@dataclass
class Ingested:
    """Articles read so far, the notices about them, and the settings they were read with."""

    settings: Settings
    articles: list[Article] = field(default_factory=list)
    notices: list[Notice] = field(default_factory=list)


@dataclass(frozen=True)
class _Draft:
    text: str
    source: str
    title: str | None = None
    date: str | None = None
    id: str | None = None


def read_inputs(paths: Sequence[str | Path], settings: Settings) -> Ingested:
    """Read files, directories (sorted, recursive) and ``-`` (stdin) into articles."""
    if not paths:
        raise InputError("no input given", hint="pass files, a directory, or - for stdin")
    drafts: list[_Draft] = []
    result = Ingested(settings)
    for raw in paths:
        if str(raw) == "-":
            data = read_stdin(settings.max_file_bytes)  # bounded, like a file
            drafts += _parse_bytes(data, "<stdin>", None, settings, result.notices)
            continue
        path = Path(raw)
        if path.is_dir():
            drafts += _read_directory(path, settings, result.notices)
        elif path.is_file():
            drafts += _read_file(path, settings, result.notices)
        else:
            raise InputError(f"{path}: no such file or directory", code="E101")
    _finish(drafts, settings, result)
    return result


def from_items(items: Iterable[str | Article | Mapping[str, Any]], settings: Settings) -> Ingested:
    """Articles from Python values: texts, :class:`Article` records or dicts with ``text``."""
    result = Ingested(settings)
    drafts: list[_Draft] = []
    given: Iterable[object] = [items] if isinstance(items, PurePath) else items  # one path
    for number, item in enumerate(given, 1):
        if isinstance(item, Article):
            drafts.append(_Draft(item.text, item.source, item.title, item.date, item.id))
        elif isinstance(item, str):
            drafts.append(_Draft(_normalise_newlines(item), f"article {number}"))
            if _FILE_NAME.fullmatch(item.strip()):
                result.notices.append(_file_name_notice(item.strip(), number))
        elif isinstance(item, Mapping):
            drafts += _drafts_from_record(item, f"article {number}", result.notices)
        elif isinstance(item, PurePath):
            raise InputError(
                f"article {number} is a path ({item}); these are read as texts",
                code="E110",
                hint="read files with newsbrief.brief_paths([...]) or `newsbrief brief PATH`",
            )
        else:
            raise InputError(
                f"article {number} is a {type(item).__name__}; expected text, an Article or a dict",
                code="E110",
            )
    _finish(drafts, settings, result)
    return result


# A text that is nothing but a file name or path ("notes/a.txt", "story.html"): one word, a
# readable suffix. Only its shape is read; the file system is never asked (the service passes
# strings through here too).
_FILE_NAME = re.compile(
    r"[^\s]{0,250}\.(?:"
    + "|".join(sorted(s.lstrip(".") for s in READABLE_SUFFIXES if s))
    + r")(?:\.gz)?",
    re.IGNORECASE,
)


def _file_name_notice(text: str, number: int) -> Notice:
    return Notice(
        "file-name-as-text",
        f"the text {text[:80]!r} looks like a file name; it was read as the article's text "
        "(read files with newsbrief.brief_paths([...]) or `newsbrief brief PATH`)",
        f"article {number}",
    )


def read_files(files: Iterable[tuple[str, bytes]], settings: Settings) -> Ingested:
    """Articles from named bytes (uploads), each read like a file of that name.

    The name's suffix decides the reader (HTML, JSON, JSON lines, text); binary data is
    skipped with a notice. ``name`` is only a label: nothing is read from the file system.
    """
    result = Ingested(settings)
    drafts: list[_Draft] = []
    for name, data in files:
        suffix = PurePath(name.lower()).suffix
        known = suffix if suffix in READABLE_SUFFIXES else None
        drafts += _parse_bytes(data, name, known, settings, result.notices)
    _finish(drafts, settings, result)
    return result


def _read_directory(path: Path, settings: Settings, notices: list[Notice]) -> list[_Draft]:
    entries = walk(path, notices)  # links to folders followed once, loops named
    files = [p for p in entries if p.is_file()]
    notices += [  # a broken link, a socket: named, not silently passed over
        Notice("unreadable-file", "not a regular file (a broken link?); skipped", str(p), True)
        for p in entries
        if not p.is_file()
    ]
    drafts: list[_Draft] = []
    for file in files:
        suffix = Path(file.name.lower().removesuffix(".gz")).suffix
        if suffix not in READABLE_SUFFIXES:
            notices.append(
                Notice(
                    "not-an-article",
                    f"a {suffix} file is not read as an article "
                    "(give it by name to read it as text); skipped",
                    str(file),
                    True,
                )
            )
            continue
        drafts += _read_file(file, settings, notices)
    if not drafts:
        raise InputError(
            f"{path}: no readable article in this directory ({len(files)} file(s) looked at)",
            hint="newsbrief reads .txt, .html, .json and .jsonl files",
            code="E102",
        )
    return drafts


def _read_file(path: Path, settings: Settings, notices: list[Notice]) -> list[_Draft]:
    size = path.stat().st_size
    if size > settings.max_file_bytes:
        raise InputError(
            f"{path}: {size / 1e6:.1f} MB is over the {settings.max_file_bytes / 1e6:.0f} MB "
            "limit for one file",
            hint="raise it with --max-bytes, or split the file",
            code="E104",
        )
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})", code="E103") from None
    name = path.name.lower()
    if name.endswith(".gz"):
        try:  # bounded: a small gzip bomb cannot fill the memory (E104 over the limit)
            data = gunzip(data, settings.max_file_bytes, str(path))
        except InputError as exc:
            if exc.code != "E103":
                raise
            notices.append(
                Notice("binary-file", "not a readable gzip file; skipped", str(path), True)
            )
            return []
        name = name[:-3]
    return _parse_bytes(data, str(path), Path(name).suffix, settings, notices)


def _parse_bytes(
    data: bytes, source: str, suffix: str | None, settings: Settings, notices: list[Notice]
) -> list[_Draft]:
    text = _decode(data, source, notices)
    if text is None:
        return []
    stripped = text.lstrip()
    if (
        suffix in JSON_SUFFIXES
        or suffix in JSONL_SUFFIXES
        or (suffix is None and stripped[:1] in "{[")
    ):
        return _parse_json(text, source, suffix in JSONL_SUFFIXES, notices)
    if suffix in HTML_SUFFIXES or (suffix in (None, ".txt", "") and _looks_like_html(stripped)):
        return _parse_html(text, source, notices)
    if MULTINEWS_SEPARATORS.search(text):
        parts = MULTINEWS_SEPARATORS.split(text)
        return [_Draft(part, f"{source}#{n}") for n, part in enumerate(parts, 1)]
    return [_Draft(text, source)]


def _decode(data: bytes, source: str, notices: list[Notice]) -> str | None:
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
        return _normalise_newlines(marked)
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
    return _normalise_newlines(text)


def _normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _looks_like_html(text: str) -> bool:
    head = text[:2048].lower()
    return head.startswith("<") and any(
        tag in head for tag in ("<html", "<body", "<!doctype", "<p")
    )


def _parse_html(html: str, source: str, notices: list[Notice]) -> list[_Draft]:
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
    return [_Draft(text, source, fields.get("title") or None, fields.get("date") or None)]


def _parse_json(text: str, source: str, lines: bool, notices: list[Notice]) -> list[_Draft]:
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
    drafts: list[_Draft] = []
    for number, record in enumerate(records, 1):
        drafts += _drafts_from_record(record, f"{source}#{number}", notices)
    return drafts


def _drafts_from_record(record: Any, source: str, notices: list[Notice]) -> list[_Draft]:
    if isinstance(record, str):
        return [_Draft(_normalise_newlines(record), source)]
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
        drafts: list[_Draft] = []
        for number, document in enumerate(documents, 1):
            drafts += _drafts_from_record(document, f"{source}/{number}", notices)
        return drafts
    body = record.get("text", record.get("body", record.get("content")))
    if not isinstance(body, str):
        raise InputError(f"{source}: an article needs a 'text' field holding text", code="E107")
    date = record.get("date")
    return [
        _Draft(
            _normalise_newlines(body),
            str(record.get("source") or record.get("url") or source),
            str(record["title"]) if record.get("title") else None,
            _iso_date(date, source, notices) if date else None,
            str(record["id"]) if record.get("id") is not None else None,
        )
    ]


def _iso_date(value: Any, source: str, notices: list[Notice]) -> str | None:
    from dateutil import parser

    try:
        return parser.parse(str(value)).date().isoformat()
    except (ValueError, OverflowError):
        notices.append(Notice("bad-date", f"date {value!r} not understood; ignored", source))
        return None


def _finish(drafts: list[_Draft], settings: Settings, result: Ingested) -> None:
    """Drop empty texts and exact copies (with notices), cut over-long texts, assign ids."""
    seen = SeenTexts()
    given = {d.id for d in drafts if d.id}  # ids the user chose: never handed to another article
    used_ids: set[str] = set()
    for draft in drafts:
        text = draft.text
        if not text.strip():
            result.notices.append(Notice("empty-article", "no text; skipped", draft.source, True))
            continue
        same = seen.earlier(text, draft.source)
        if same is not None:
            result.notices.append(
                Notice("duplicate-article", f"same text as {same}; used once", draft.source, True)
            )
            continue
        if len(text) > settings.max_article_chars:
            cut = text.rfind(" ", 0, settings.max_article_chars)
            text = text[: cut if cut > 0 else settings.max_article_chars]
            result.notices.append(
                Notice(
                    "truncated",
                    f"longer than {settings.max_article_chars:,} characters; "
                    "only the beginning is used",
                    draft.source,
                )
            )
        article_id = _new_id(draft, len(result.articles) + 1, given, used_ids)
        if draft.id and article_id != draft.id:
            result.notices.append(
                Notice(
                    "renamed-id",
                    f"id {draft.id!r} is used twice; this one is {article_id!r}",
                    draft.source,
                )
            )
        used_ids.add(article_id)
        result.articles.append(Article(article_id, text, draft.source, draft.title, draft.date))


def _new_id(draft: _Draft, number: int, given: set[str], used: set[str]) -> str:
    """The draft's own id when free; else, for a repeated id, ``id-2``…; else its position
    (or the next number no article was given)."""
    if draft.id and draft.id not in used:
        return draft.id
    if draft.id:
        n = 2
        while f"{draft.id}-{n}" in used | given:
            n += 1
        return f"{draft.id}-{n}"
    while str(number) in used | given:
        number += 1
    return str(number)
