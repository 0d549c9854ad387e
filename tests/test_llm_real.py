"""The openai backend with a real model on the CPU: SmolLM2-135M-Instruct served by xllamacpp.

The model is tiny and often wrong; this shows the path works end to end (a real server, the
JSON schema obeyed, citations mapped to spans) and that nothing the check would reject is kept.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from newsbrief import brief_paths
from newsbrief.llm.grounding import check
from newsbrief.render import render

pytest.importorskip("xllamacpp", reason="the llm-local extra is not installed")

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "harbor-bridge"


def test_smollm2_rewrites_are_checked_against_their_spans() -> None:
    from newsbrief.llm.local import local_server, smollm2_path

    try:
        smollm2_path()
    except Exception as exc:
        pytest.skip(str(exc))
    with local_server() as url:
        result = brief_paths(
            [EXAMPLE],
            60,
            sections="summary",
            backend="openai",
            llm_url=url,
            llm_model="smollm2",
            llm_max_tokens=200,
            llm_timeout=240.0,
            strict=True,  # a server or format failure fails the test rather than hiding
        )
    assert result.sentences and result.word_count <= 60
    summary = [n.message for n in result.notices if n.code == "llm-rewrite"]
    assert len(summary) == 1, result.notices  # the model answered the asked-for JSON
    for sentence in result.sentences:
        if sentence.origin == "kept":  # a source sentence as written, at its exact span
            article = result.cluster.article(sentence.citation.article_id)
            assert article.text[sentence.citation.start : sentence.citation.end] == sentence.text
            assert sentence.verdict.startswith(("the rewrite was rejected", "not used"))
            continue
        assert sentence.origin == "rewritten" and sentence.checked
        spans = [
            result.cluster.article(c.article_id).text[c.start : c.end] for c in sentence.checked
        ]
        assert check(sentence.text, spans).passed
        # Independently of the check's own code: its numbers and capitalised words are cited.
        cited = " ".join(spans)
        for number in re.findall(r"\d+", sentence.text):
            assert number in cited
        for name in re.findall(r"(?<=\s)[A-Z][a-z]+", sentence.text):
            assert name.lower() in cited.lower()
    assert "origin" in render(result, "json")
