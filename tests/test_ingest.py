"""Reading every input format, and every kind of bad input: a clear notice or error, no loss."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from conftest import EXAMPLE, make_article

from newsbrief import InputError, Settings, brief_paths
from newsbrief.ingest.read import from_items, read_inputs

SETTINGS = Settings()


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_text_html_and_directory(tmp_path: Path) -> None:
    result = read_inputs([EXAMPLE], SETTINGS)
    assert [Path(a.source).name for a in result.articles] == [
        "01-bridge-closed.txt",
        "02-repairs-timeline.txt",
        "03-ferry-crowds.txt",
        "04-who-is-to-blame.html",
    ]
    assert [a.id for a in result.articles] == ["1", "2", "3", "4"]
    html = result.articles[3]
    assert html.title == "City and state trade blame over Harbor Bridge cracks"
    assert html.date == "2026-03-04"
    assert "Accept all" not in html.text and "Related stories" not in html.text


def test_directories_are_recursive_and_skip_other_files_with_a_notice(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    write(tmp_path / "b" / "two.txt", make_article("harbor"))
    write(tmp_path / "a.txt", make_article("river"))
    write(tmp_path / "notes.md", "# not an article")
    (tmp_path / ".hidden.txt").write_text(make_article("secret"))
    result = read_inputs([tmp_path], SETTINGS)
    assert [Path(a.source).name for a in result.articles] == ["a.txt", "two.txt"]
    assert [(n.code, Path(n.source).name) for n in result.notices] == [
        ("not-an-article", "notes.md")
    ]


def test_json_cluster_and_jsonl_articles(tmp_path: Path) -> None:
    cluster = write(
        tmp_path / "c.json",
        json.dumps({"id": "x", "documents": [make_article("a"), make_article("b")]}),
    )
    assert len(read_inputs([cluster], SETTINGS).articles) == 2
    lines = [
        {
            "id": "w1",
            "text": make_article("harbor"),
            "title": "Harbor",
            "date": "March 3, 2026",
            "source": "Wire",
        },
        {"text": make_article("river"), "date": "not a date"},
    ]
    path = tmp_path / "a.jsonl.gz"
    path.write_bytes(gzip.compress("\n".join(json.dumps(x) for x in lines).encode()))
    result = read_inputs([path], SETTINGS)
    first, second = result.articles
    assert (first.id, first.title, first.date, first.source) == (
        "w1",
        "Harbor",
        "2026-03-03",
        "Wire",
    )
    assert second.date is None
    assert [n.code for n in result.notices] == ["bad-date"]


def test_multinews_separator_splits_articles(tmp_path: Path) -> None:
    path = write(
        tmp_path / "cluster.txt",
        make_article("harbor") + " ||||| " + make_article("river") + "|||||",
    )
    result = read_inputs([path], SETTINGS)
    assert len(result.articles) == 2
    assert [n.code for n in result.notices] == ["empty-article"]


def test_python_items_of_the_wrong_type_are_an_error() -> None:
    with pytest.raises(InputError, match="expected text"):
        from_items([42], SETTINGS)  # type: ignore[list-item]


@pytest.mark.parametrize("items", [EXAMPLE, [EXAMPLE / "01-bridge-closed.txt"]])
def test_paths_given_as_python_articles_are_an_error_naming_brief_paths(items) -> None:
    # brief(Path(...)) used to iterate the path object and fail with a TypeError.
    with pytest.raises(InputError, match="is a path") as info:
        from_items(items, SETTINGS)
    assert info.value.code == "E110" and "brief_paths" in (info.value.hint or "")


def test_a_text_that_is_only_a_file_name_is_read_as_given_and_named() -> None:
    story = "The harbor bridge closed on Monday after inspectors found cracks in two girders."
    result = from_items(["notes/story.txt", story, "Closed.", "e.g. the U.S."], SETTINGS)
    assert len(result.articles) == 4  # nothing is dropped or read from disk
    named = [n for n in result.notices if n.code == "file-name-as-text"]
    assert [n.source for n in named] == ["article 1"]
    assert "brief_paths" in named[0].message and not named[0].skipped


JOINED = (
    "The bridge closed on Monday after inspectors found cracks.\n|||||\n"
    "Ferries carried twice as many riders as usual on Tuesday.\n|||||\n"
    "The city and the state disagree about a postponed inspection."
)


@pytest.mark.parametrize(
    "item", [JOINED, {"text": JOINED, "title": "One title"}, {"documents": [JOINED]}]
)
def test_articles_joined_by_bars_in_one_text_are_split_and_said(item) -> None:
    # The web page's article box and a JSON "text" used to take the three as one article,
    # so every sentence cited [1] and no source could agree with another.
    result = from_items([item], SETTINGS)
    assert [a.text.split()[1] for a in result.articles] == ["bridge", "carried", "city"]
    assert all(a.title is None for a in result.articles)  # a title of the whole fits none
    split = [n for n in result.notices if n.code == "split-article"]
    assert len(split) == 1 and "3 articles" in split[0].message


def test_empty_file_alone_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no article with text") as info:
        brief_paths([write(tmp_path / "empty.txt", "  \n")])
    assert "no text; skipped" in str(info.value)


def test_binary_file_is_skipped_with_a_reason(tmp_path: Path) -> None:
    binary = tmp_path / "photo.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 10)
    good = write(tmp_path / "good.txt", make_article("harbor"))
    result = brief_paths([binary, good])
    assert [(n.code, n.skipped) for n in result.notices] == [("binary-file", True)]
    assert "PNG" in result.notices[0].message
    with pytest.raises(InputError):
        brief_paths([binary])


def test_latin1_file_is_read_and_reported(tmp_path: Path) -> None:
    path = tmp_path / "latin.txt"
    path.write_bytes(
        "The café owner in São Paulo said the bridge closure hurt business badly.".encode("latin-1")
    )
    result = brief_paths([path])
    assert "café" in result.articles[0].text and "São Paulo" in result.articles[0].text
    assert [n.code for n in result.notices] == ["decoded-latin-1"]


def test_directory_with_nothing_readable(tmp_path: Path) -> None:
    (tmp_path / "image.png").write_bytes(b"\x89PNG\r\n")
    with pytest.raises(InputError, match="no readable article") as info:
        brief_paths([tmp_path])
    assert info.value.code == "E102"


def test_huge_file_is_refused_unless_allowed_then_truncated(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    sentence = "The harbor council debated the bridge repair budget again on Monday. "
    with path.open("w") as handle:
        for _ in range(50_000_000 // len(sentence) + 1):
            handle.write(sentence)
    assert path.stat().st_size >= 50_000_000
    with pytest.raises(InputError, match="over the 16 MB limit") as info:
        brief_paths([path])
    assert info.value.code == "E104"
    result = brief_paths([path], max_file_bytes=60_000_000)
    assert len(result.articles[0].text) <= SETTINGS.max_article_chars
    # "on Monday" in an undated article earns the timeline's one notice; nothing else is said
    assert [n.code for n in result.notices if n.code != "undated-relative"] == ["truncated"]
    assert result.sentences


def test_one_article_alone_still_gets_a_brief() -> None:
    result = brief_paths([EXAMPLE / "01-bridge-closed.txt"], words=60)
    assert result.sentences and result.word_count <= 60


def test_two_thousand_articles(tmp_path: Path) -> None:
    path = tmp_path / "many.jsonl"
    path.write_text(
        "\n".join(json.dumps({"text": make_article(f"district{i}", 5)}) for i in range(2000))
    )
    result = brief_paths([path], words=100)
    assert len(result.articles) == 2000
    assert 0 < result.word_count <= 100


def test_the_same_article_twice_is_used_once_and_reported(tmp_path: Path) -> None:
    text = (EXAMPLE / "01-bridge-closed.txt").read_text()
    a = write(tmp_path / "a.txt", text)
    b = write(tmp_path / "b.txt", text)
    c = write(
        tmp_path / "c.txt",
        text.replace("Write to Sam Lee", "Contact Sam Lee") + "\nMore at example.com/bridge",
    )
    result = brief_paths([a, b, c])
    assert len(result.articles) == 1
    notices = [(Path(n.source).name, n.code, n.skipped) for n in result.notices]
    assert notices == [("b.txt", "duplicate-article", True), ("c.txt", "duplicate-article", True)]
    assert "a.txt" in result.notices[0].message


def test_non_english_article_gets_a_warning(tmp_path: Path) -> None:
    german = (
        "Die Stadt hat die Hafenbrücke am Montag gesperrt, nachdem Prüfer Risse in zwei "
        "Stahlträgern gefunden hatten. Die Bürgermeisterin sagte, die Reparatur werde sechs "
        "Wochen dauern. Pendler müssen nun mit der Fähre fahren, die zusätzliche Boote einsetzt."
    )
    result = brief_paths([write(tmp_path / "de.txt", german), EXAMPLE / "01-bridge-closed.txt"])
    assert [(n.code, Path(n.source).name) for n in result.notices] == [("non-english", "de.txt")]


def test_malformed_json_is_an_error_with_the_line(tmp_path: Path) -> None:
    path = write(tmp_path / "bad.jsonl", json.dumps({"text": "fine"}) + "\n{not json\n")
    with pytest.raises(InputError, match="line 2"):
        read_inputs([path], SETTINGS)


def test_json_with_several_clusters_is_refused(tmp_path: Path) -> None:
    path = write(
        tmp_path / "many.jsonl", "\n".join(json.dumps({"documents": ["a b c"]}) for _ in range(3))
    )
    with pytest.raises(InputError, match="3 clusters"):
        read_inputs([path], SETTINGS)


def test_missing_path_is_an_error() -> None:
    with pytest.raises(InputError, match="no such file"):
        read_inputs(["/nonexistent/newsbrief"], SETTINGS)


def test_a_page_without_article_text_is_skipped_once(tmp_path: Path) -> None:
    page = write(tmp_path / "empty.html", "<html><head><title>x</title></head><body></body></html>")
    good = write(tmp_path / "good.txt", make_article("harbor"))
    result = read_inputs([page, good], SETTINGS)
    assert [(n.code, n.skipped) for n in result.notices] == [("empty-html", True)]
    assert len(result.articles) == 1


def test_ids_given_by_the_user_are_kept_and_repeats_are_reported() -> None:
    items = [{"text": "a b c"}, {"text": "d e f", "id": "1"}, {"text": "g h i", "id": "1"}]
    result = from_items(items, SETTINGS)
    assert [a.id for a in result.articles] == ["2", "1", "1-2"]
    assert [n.code for n in result.notices] == ["renamed-id"]


def test_a_broken_link_in_a_directory_is_named(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", make_article("harbor"))
    (tmp_path / "b.txt").symlink_to(tmp_path / "missing.txt")
    result = read_inputs([tmp_path], SETTINGS)
    assert [(n.code, Path(n.source).name) for n in result.notices] == [("unreadable-file", "b.txt")]


def test_gzipped_stdin_is_read(monkeypatch) -> None:
    import io
    import sys

    data = gzip.compress(
        json.dumps({"documents": [make_article("harbor"), make_article("river")]}).encode()
    )
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    assert len(read_inputs(["-"], SETTINGS).articles) == 2


def test_one_text_or_one_path_is_one_article() -> None:
    text = (EXAMPLE / "01-bridge-closed.txt").read_text()
    from newsbrief import brief

    assert len(brief(text, sections="summary").articles) == 1
    assert len(brief_paths(str(EXAMPLE), sections="summary").articles) == 4


def test_text_without_spaces_gets_a_notice_that_says_why() -> None:
    from newsbrief import brief

    chinese = (
        "港口大桥周一因发现裂缝而关闭。市长表示修复需要六周时间。工程师认为至少需要三个月。" * 3
    )
    result = brief([chinese], sections="summary")
    assert result.sentences == ()
    assert "no-usable-sentence" in [n.code for n in result.notices]


def test_dates_at_the_edge_of_the_calendar_do_not_crash() -> None:
    from newsbrief import brief

    text = "The council will meet tomorrow, on Dec. 31, and again next month to vote on the plan."
    for date in ("9999-12-31", "0001-01-01"):
        result = brief([{"text": text, "date": date}, {"text": make_article("harbor")}])
        assert result.sentences


def test_a_stray_separator_leaves_one_article_and_no_split_notice() -> None:
    result = from_items(
        ["The bridge closed on Monday after inspectors found cracks. |||||"], SETTINGS
    )
    assert [a.source for a in result.articles] == ["article 1"]
    assert not [n for n in result.notices if n.code == "split-article"]


def test_the_separator_test_agrees_with_the_separator_pattern() -> None:
    # joins_articles stands for MULTINEWS_SEPARATORS.search (which is slow on long texts with
    # no separator): the same answer on texts with and without one, in every spacing.
    import random

    from newsbrief.ingest.formats import MULTINEWS_SEPARATORS, joins_articles

    pieces = ["a", " ", "\n", "|", "||||", "|||||", "story_separator_special_tag", "x.", "\t"]
    draw = random.Random(11)
    texts = ["", "|||||", "||||", "one ||||| two", "story_separator_special_tag"]
    texts += ["".join(draw.choice(pieces) for _ in range(draw.randint(0, 12))) for _ in range(3000)]
    for text in texts:
        assert joins_articles(text) == bool(MULTINEWS_SEPARATORS.search(text)), repr(text)
