"""Reviewer findings on question and update briefs, on text written for these tests."""

from __future__ import annotations

import pytest

from newsbrief import brief
from newsbrief.errors import InputError


def _texts(result: object) -> list[str]:
    return [s.text for s in result.sentences]  # type: ignore[attr-defined]


OLD = (
    "The council closed the old river bridge on Monday after engineers found cracks in a "
    "support pier. Drivers now face a long detour through the industrial estate. "
    "\u201cWe cannot take any risk with public safety,\u201d the council leader said."
)
NEW = (
    "Engineers said on Wednesday that repairs to the river bridge would take about four "
    "months. The council will run a free shuttle bus across the river while the bridge is "
    "shut. Shop owners near the bridge said trade had fallen by half since the closure."
)


def test_an_article_that_is_also_earlier_is_left_out_with_a_notice() -> None:
    result = brief([OLD, NEW], words=60, since=[OLD + "\n"])
    assert [a.text for a in result.articles] == [NEW]
    assert result.update is not None and result.update.new_articles == 1
    cited = {c.article_id for s in result.sentences for c in s.citations}
    assert cited <= {a.id for a in result.articles}
    notes = [n for n in result.notices if n.code == "earlier-article"]
    assert len(notes) == 1 and "earlier article" in notes[0].message
    assert not any("council leader" in q.text for q in result.quotes or ())


def test_only_earlier_articles_is_a_clear_error() -> None:
    with pytest.raises(InputError) as caught:
        brief([OLD], words=60, since=[OLD])
    assert caught.value.code == "E115"


def test_a_question_over_the_cap_is_refused_by_the_api_and_the_cli(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from click.testing import CliRunner

    from newsbrief.cli import main

    long_question = "Why " + "really " * 400 + "?"
    with pytest.raises(InputError) as caught:
        brief([NEW], words=40, question=long_question)
    assert caught.value.code == "E116"
    assert brief([NEW], words=40, question="Why " + "x" * 1990).question  # at the cap: fine
    path = tmp_path / "new.txt"
    path.write_text(NEW, encoding="utf-8")
    run = CliRunner().invoke(main, ["brief", str(path), "--question", long_question])
    assert run.exit_code != 0 and "E116" in run.output
    assert "really really" not in run.output  # the question is not echoed back


def test_how_long_asks_for_a_measure_not_about_length() -> None:
    from newsbrief.summary.focus import question_terms

    assert question_terms("How long will repairs take?") == {"repair"}
    assert question_terms("How far is the ferry?") == {"ferry"}
    assert "long" in question_terms("Why is the detour so long?")  # not after how/what
    result = brief([OLD, NEW], words=60, sections="summary", question="How long will repairs take?")
    assert not any(n.code == "question-not-addressed" for n in result.notices)
    assert any("four months" in s.text for s in result.sentences)


def test_a_question_whose_terms_all_appear_apart_is_not_called_barely_addressed() -> None:
    from newsbrief.summary.directed import not_addressed_notice
    from newsbrief.summary.focus import Addressed

    notice = not_addressed_notice(Addressed(("bridge", "tax"), ("bridge", "tax"), 0))
    assert "barely" not in notice.message and "none missing" not in notice.message
    assert "no sentence holds two of them" in notice.message


def test_a_quote_attributed_to_a_bare_pronoun_comes_with_its_antecedent() -> None:
    texts = [
        "Harbourmaster Ines Valdez spoke to reporters on the quay on Monday morning. "
        "\u201cThe pier will be rebuilt in stone and the ferry will return by summer,\u201d "
        "she said. The ferry company confirmed that sailings were cancelled until June.",
        "The ferry pier collapsed in a storm on Sunday night. The ferry company said "
        "sailings would resume once the pier is rebuilt in stone by summer.",
    ]
    for words in (20, 60):
        found = _texts(brief(texts, words=words, sections="summary"))
        quoted = any(t.startswith("\u201cThe pier will") for t in found)
        assert not quoted or any(t.startswith("Harbourmaster") for t in found), found
        if quoted:
            at = next(i for i, t in enumerate(found) if t.startswith("\u201cThe pier will"))
            assert at > 0 and found[at - 1].startswith("Harbourmaster")


def test_pronoun_attribution_is_a_dependent_sentence() -> None:
    from newsbrief.summary.patterns import leans_on_previous

    assert leans_on_previous("\u201cWe will rebuild the pier,\u201d she said.")
    assert leans_on_previous('"Not yet," they added on Friday.')
    assert not leans_on_previous("\u201cWe will rebuild the pier,\u201d the mayor said.")
