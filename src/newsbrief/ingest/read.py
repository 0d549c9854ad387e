"""Ingest: paths, stdin, JSON(L), HTML and Multi-News text → :class:`Article` records.

Every input that is not used becomes a :class:`Notice` with the reason (empty, binary,
duplicate); every lossy step (a non-UTF-8 file read as Latin-1, an over-long article cut)
becomes a warning notice. Input that cannot be used at all raises :class:`InputError`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePath
from typing import Any

from newsbrief.errors import InputError
from newsbrief.ingest.formats import (
    READABLE_SUFFIXES,
    Draft,
    drafts_from_record,
    parse_bytes,
)
from newsbrief.ingest.guard import gunzip, read_stdin, walk
from newsbrief.ingest.same import SeenTexts
from newsbrief.records import Article, Notice
from newsbrief.settings import Settings


@dataclass
class Ingested:
    """Articles read so far, the notices about them, and the settings they were read with."""

    settings: Settings
    articles: list[Article] = field(default_factory=list)
    notices: list[Notice] = field(default_factory=list)


def read_inputs(paths: Sequence[str | Path], settings: Settings) -> Ingested:
    """Read files, directories (sorted, recursive) and ``-`` (stdin) into articles."""
    if not paths:
        raise InputError("no input given", hint="pass files, a directory, or - for stdin")
    drafts: list[Draft] = []
    result = Ingested(settings)
    for raw in paths:
        if str(raw) == "-":
            data = read_stdin(settings.max_file_bytes)  # bounded, like a file
            drafts += parse_bytes(data, "<stdin>", None, result.notices)
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
    drafts: list[Draft] = []
    given: Iterable[object] = [items] if isinstance(items, PurePath) else items  # one path
    for number, item in enumerate(given, 1):
        if isinstance(item, Article):
            drafts.append(Draft(item.text, item.source, item.title, item.date, item.id))
        elif isinstance(item, str | Mapping):  # a text is read as a JSON record's text is
            drafts += drafts_from_record(item, f"article {number}", result.notices)
            if isinstance(item, str) and _is_file_name(item.strip()):
                result.notices.append(_file_name_notice(item.strip(), number))
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


def _is_file_name(text: str) -> bool:
    """A text that is nothing but a file name or path ("notes/a.txt", "story.html"): one word
    with a readable suffix. Only its shape is read; the file system is never asked (the service
    passes strings through here too)."""
    if len(text) > 250 or any(c.isspace() for c in text):
        return False
    suffix = _file_suffix(text)
    return bool(suffix) and suffix in READABLE_SUFFIXES


def _file_suffix(name: str) -> str:
    """The suffix a file of this name is read by (lower case, a ``.gz`` looked through)."""
    return PurePath(name.lower().removesuffix(".gz")).suffix


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
    drafts: list[Draft] = []
    for name, data in files:
        suffix = PurePath(name.lower()).suffix
        known = suffix if suffix in READABLE_SUFFIXES else None
        drafts += parse_bytes(data, name, known, result.notices)
    _finish(drafts, settings, result)
    return result


def _read_directory(path: Path, settings: Settings, notices: list[Notice]) -> list[Draft]:
    entries = walk(path, notices)  # links to folders followed once, loops named
    files = [p for p in entries if p.is_file()]
    notices += [  # a broken link, a socket: named, not silently passed over
        Notice("unreadable-file", "not a regular file (a broken link?); skipped", str(p), True)
        for p in entries
        if not p.is_file()
    ]
    drafts: list[Draft] = []
    for file in files:
        suffix = _file_suffix(file.name)
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


def _read_file(path: Path, settings: Settings, notices: list[Notice]) -> list[Draft]:
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
    return parse_bytes(data, str(path), Path(name).suffix, notices)


def _finish(drafts: list[Draft], settings: Settings, result: Ingested) -> None:
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


def _new_id(draft: Draft, number: int, given: set[str], used: set[str]) -> str:
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
