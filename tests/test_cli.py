"""The command line, driven in-process: outputs, options, and one-line errors."""

from __future__ import annotations

import json
import re
from pathlib import Path

import click
import pytest
from click.testing import CliRunner
from conftest import EXAMPLE, ROOT, make_article

from newsbrief import __version__
from newsbrief.cli import main


def run(*args: str, input: str | bytes | None = None):
    return CliRunner().invoke(main, list(args), input=input)


def assert_one_line_error(result, code: int = 2) -> str:
    assert result.exit_code == code, result.output
    assert "Traceback" not in result.output + result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("newsbrief: error:"), result.stderr
    return lines[0]


def test_version() -> None:
    result = run("--version")
    assert result.exit_code == 0 and __version__ in result.output


def test_every_command_and_option_is_documented() -> None:
    readme = (ROOT / "README.md").read_text()
    for name, command in main.commands.items():
        assert command.help, name
        assert f"newsbrief {name}" in readme, f"README does not show `newsbrief {name}`"
        for param in command.params:
            if isinstance(param, click.Option):
                assert param.help, f"{name} {param.opts} has no help"
                assert run(name, "--help").output.count(param.opts[-1]) >= 1


def test_text_output_has_markers_and_sources() -> None:
    result = run("brief", str(EXAMPLE), "--words", "120")
    assert result.exit_code == 0, result.output
    assert re.search(r"\[\d(; also [\d, ]+)?\]", result.stdout)
    assert "Sources" in result.stdout and "[4] City and state trade blame" in result.stdout
    words = result.stdout.split("\n\n")[1]
    assert len(re.sub(r"\[[^\]]*\]", "", words).split()) <= 120


@pytest.mark.parametrize(
    ("suffix", "marker"), [(".md", "# Brief"), (".json", '"schema"'), (".html", "<!doctype html>")]
)
def test_format_follows_the_out_suffix(tmp_path: Path, suffix: str, marker: str) -> None:
    out = tmp_path / f"brief{suffix}"
    result = run("brief", str(EXAMPLE), "--out", str(out))
    assert result.exit_code == 0, result.stderr
    assert out.read_text().startswith(marker) or marker in out.read_text()
    assert "wrote" in result.stderr


def test_json_output_is_parseable_and_cites_exact_spans() -> None:
    result = run("brief", str(EXAMPLE), "-f", "json")
    data = json.loads(result.stdout)
    texts = {a["id"]: a["text"] for a in data["articles"]}
    for s in data["summary"]["sentences"]:
        assert texts[s["article_id"]][s["start"] : s["end"]] == s["text"]
    assert {r["reason"] for r in data["removals"]} >= {"torn-graphic", "share-widget", "title"}


def test_explain_lists_removals_and_reasons() -> None:
    result = run("brief", str(EXAMPLE), "--explain")
    assert "Removed from the input" in result.stdout
    assert "share-widget: Compartir esta noticia" in result.stdout
    assert "score" in result.stdout


def test_stdin_with_multinews_separators() -> None:
    text = make_article("harbor") + "\n|||||\n" + make_article("river")
    result = run("brief", "-", "-f", "json", input=text)
    assert result.exit_code == 0, result.stderr
    assert len(json.loads(result.stdout)["articles"]) == 2


def test_notices_go_to_stderr(tmp_path: Path) -> None:
    text = (EXAMPLE / "01-bridge-closed.txt").read_text()
    (tmp_path / "a.txt").write_text(text)
    (tmp_path / "b.txt").write_text(text)
    result = run("brief", str(tmp_path))
    assert result.exit_code == 0
    assert "skipped" in result.stderr and "used once" in result.stderr
    assert run("brief", str(tmp_path), "--quiet").stderr == ""


def test_bad_inputs_fail_with_one_line(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("")
    assert "no article with text" in assert_one_line_error(
        run("brief", str(tmp_path / "empty.txt"))
    )
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01\x02" * 100)
    assert "binary" in assert_one_line_error(run("brief", str(tmp_path / "bin.txt")))
    assert "no such file" in assert_one_line_error(run("brief", str(tmp_path / "missing.txt")))
    (tmp_path / "bad.json").write_text("{oops")
    assert "not valid JSON" in assert_one_line_error(run("brief", str(tmp_path / "bad.json")))
    big = tmp_path / "big.txt"
    big.write_text(make_article("harbor") * 10)
    assert "--max-bytes" in assert_one_line_error(run("brief", str(big), "--max-bytes", "100"))


def test_usage_errors_exit_2() -> None:
    assert run("brief").exit_code == 2
    assert run("brief", str(EXAMPLE), "--words", "0").exit_code == 2
    assert run("brief", str(EXAMPLE), "--format", "pdf").exit_code == 2


def test_unexpected_errors_are_one_line(monkeypatch) -> None:
    def boom(*args, **kwargs):
        raise RuntimeError("kaboom")

    monkeypatch.setattr("newsbrief.pipeline.run", boom)
    line = assert_one_line_error(run("brief", str(EXAMPLE)), code=1)
    assert "internal error" in line and "kaboom" in line
