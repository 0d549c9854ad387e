"""Hostile input and unlucky streams at the command line (issue 15, items 7, 8 and 9): deep JSON,
links to folders, text with a byte-order mark, pages without an article, bounded and empty and
closed standard input, and an output that cannot be written. Each has its own clear error (or
notice) and exit code; none is a traceback, an internal error or a lost brief."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, make_article

ENV = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
ARTICLE = make_article("harbor")
CLI = [sys.executable, "-m", "newsbrief.cli.main"]


def newsbrief(*args: str, **kwargs) -> subprocess.CompletedProcess:
    command = [*CLI, "brief", "-s", "summary", *args]
    return subprocess.run(command, capture_output=True, env=ENV, timeout=300, **kwargs)


# ---- item 7: deep JSON ----


@pytest.mark.parametrize("name", ["deep.json", "deep.jsonl", "-"])
def test_deep_json_is_invalid_json_not_an_internal_error(tmp_path: Path, name: str) -> None:
    deep = b"[" * 100_000
    if name == "-":
        result = newsbrief("-", input=deep)
    else:
        (tmp_path / name).write_bytes(deep)
        result = newsbrief(str(tmp_path / name))
    assert result.returncode == 2, result.stderr
    assert b"[E105]" in result.stderr and b"nested too deeply" in result.stderr
    assert b"internal error" not in result.stderr and b"Traceback" not in result.stderr


# ---- item 8: links, byte-order marks, pages without an article ----


def test_a_link_to_a_folder_is_followed_and_a_loop_is_named(tmp_path: Path) -> None:
    real = tmp_path / "real"
    real.mkdir()
    (real / "a.txt").write_text(ARTICLE)
    (real / "back").symlink_to(tmp_path, target_is_directory=True)  # a loop
    top = tmp_path / "top"
    top.mkdir()
    (top / "b.txt").write_text(make_article("river"))
    (top / "linked").symlink_to(real, target_is_directory=True)
    result = newsbrief(str(top), "-f", "json")
    assert result.returncode == 0, result.stderr
    assert b"linked/a.txt" in result.stdout  # read through the link
    assert b"not followed again" in result.stderr  # the loop back is named, not walked forever


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-be", "utf-32", "utf-8-sig"])
def test_text_with_a_byte_order_mark_is_decoded(tmp_path: Path, codec: str) -> None:
    data = ARTICLE.encode(codec)
    if codec == "utf-16-be":
        data = b"\xfe\xff" + data  # the plain codec writes no mark
    (tmp_path / "a.txt").write_bytes(data)
    result = newsbrief(str(tmp_path / "a.txt"))
    assert result.returncode == 0, result.stderr
    assert b"harbor council" in result.stdout and b"binary" not in result.stderr


def test_a_page_without_article_text_says_so(tmp_path: Path) -> None:
    page = tmp_path / "menu.html"
    page.write_text(
        "<html><head><title>Site</title></head><body><nav><a href='/'>Home</a> "
        "<a href='/about'>About</a></nav><script>var a = 1;</script></body></html>"
    )
    result = newsbrief(str(page))
    assert result.returncode == 2
    assert b"no article text found in this page" in result.stderr
    assert b"Chinese" not in result.stderr and b"Japanese" not in result.stderr


# ---- item 9: standard input and output ----


def test_stdin_has_the_max_bytes_limit(tmp_path: Path) -> None:
    result = newsbrief("--max-bytes", "1000", "-", input=ARTICLE.encode() * 20)
    assert result.returncode == 2 and b"[E104]" in result.stderr
    assert b"1,000 bytes" in result.stderr


def test_a_gzip_bomb_on_stdin_stops_at_the_limit() -> None:
    import gzip

    bomb = gzip.compress(b"a " * 5_000_000)  # 10 MB of text in a few KB
    result = newsbrief("--max-bytes", "100000", "-", input=bomb)
    assert result.returncode == 2 and b"[E104]" in result.stderr


def test_empty_stdin_has_its_own_error() -> None:
    result = newsbrief("-", input=b"")
    assert result.returncode == 2 and b"[E111] standard input is empty" in result.stderr


def test_closed_stdin_is_a_clear_error() -> None:
    result = newsbrief("-", stdin=subprocess.DEVNULL, preexec_fn=lambda: os.close(0))
    assert result.returncode == 2 and b"[E112]" in result.stderr
    assert b"internal error" not in result.stderr


def test_closed_stdout_is_an_error_not_a_lost_brief(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE)
    command = [*CLI, "brief", "-s", "summary", str(tmp_path)]
    result = subprocess.run(
        command,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=ENV,
        timeout=300,
        preexec_fn=lambda: os.close(1),
    )
    assert result.returncode == 2 and b"[E113]" in result.stderr


def test_a_reader_that_goes_away_is_a_broken_pipe_error(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE)
    read, write = os.pipe()
    os.close(read)  # like `| head -c0`: nobody will read
    try:
        command = [*CLI, "brief", "-s", "summary", str(tmp_path)]
        result = subprocess.run(command, stdout=write, stderr=subprocess.PIPE, env=ENV, timeout=300)
    finally:
        os.close(write)
    assert result.returncode == 2 and b"[E113]" in result.stderr
    assert b"closed the pipe" in result.stderr and b"Exception ignored" not in result.stderr


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full here")
def test_a_full_disk_is_a_write_error(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE)
    with open("/dev/full", "wb") as full:
        command = [*CLI, "brief", "-s", "summary", str(tmp_path)]
        result = subprocess.run(command, stdout=full, stderr=subprocess.PIPE, env=ENV, timeout=300)
    assert result.returncode == 2 and b"[E113]" in result.stderr
    assert b"No space left" in result.stderr and b"internal error" not in result.stderr
