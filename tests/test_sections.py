"""Sections: asked for by name in the API and the CLI, rendered in every format, and free when
not asked for."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from click.testing import CliRunner
from conftest import EXAMPLE

from newsbrief import SettingsError, brief
from newsbrief.cli import main

TEXTS = [
    "“We open the lock on Friday,” said harbour master Edda Lund on Monday, June 1, 2026. "
    "About 300 boats wait, she said.",
    "Edda Lund said the lock would open on Friday, June 5, 2026. About 300 boats wait.",
]


def test_summary_only_computes_no_analysis() -> None:
    b = brief(TEXTS, sections=["summary"])
    assert b.sections == ("summary",)
    assert (b.actors, b.quotes, b.timeline, b.agreement) == ((), (), (), ())


def test_summary_only_never_imports_spacy_or_the_analysis() -> None:
    code = (
        "import sys\nfrom newsbrief import brief\n"
        f"brief({TEXTS!r}, sections='summary')\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'spacy'"
        " or m.startswith('newsbrief.analysis.') or m == 'dateutil.parser'))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_sections_without_summary() -> None:
    b = brief(TEXTS, sections="timeline,quotes")
    assert b.sentences == () and "summary" not in b.sections
    assert b.timeline and b.quotes


def test_unknown_section_is_a_settings_error() -> None:
    with pytest.raises(SettingsError, match="unknown section"):
        brief(TEXTS, sections="summary,gossip")


@pytest.mark.parametrize(
    ("fmt", "heading"), [("text", "Timeline"), ("md", "## Timeline"), ("html", "<h2>Timeline</h2>")]
)
def test_sections_render_in_every_format(fmt: str, heading: str) -> None:
    result = CliRunner().invoke(
        main, ["brief", str(EXAMPLE), "-f", fmt, "--sections", "summary,quotes,timeline"]
    )
    assert result.exit_code == 0, result.output
    assert heading in result.stdout and "Quotes" in result.stdout
    assert "2026-03-02" in result.stdout


def test_json_sections_are_documented_additions() -> None:
    result = CliRunner().invoke(
        main, ["brief", str(EXAMPLE), "-f", "json", "--sections", "quotes,timeline,agreement"]
    )
    data = json.loads(result.stdout)
    assert data["schema"] == "newsbrief.brief/1"
    assert data["sections"] == ["quotes", "timeline", "agreement"]
    texts = {a["id"]: a["text"] for a in data["articles"]}
    for q in data["quotes"]:
        assert texts[q["article_id"]][q["start"] : q["end"]] == q["text"]
    for e in data["timeline"]:
        assert (
            texts[e["event"]["article_id"]][e["event"]["start"] : e["event"]["end"]]
            == e["event"]["text"]
        )
    for a in data["agreement"]:
        assert a["label"] in {"agreement", "conflict", "position", "single-source"}
        assert a["evidence"]


def test_cli_rejects_unknown_sections_in_one_line() -> None:
    result = CliRunner().invoke(main, ["brief", str(EXAMPLE), "--sections", "gossip"])
    assert result.exit_code == 2
    assert result.stderr.strip().startswith("newsbrief: error:") and "gossip" in result.stderr
