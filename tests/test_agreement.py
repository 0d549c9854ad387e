"""Agreement: aligned sentences labelled with evidence; conflicts of number, duration, stance."""

from __future__ import annotations

import pytest

from newsbrief import brief
from newsbrief.analysis import agreement
from newsbrief.analysis.facts import Verdict, rule_verdict
from newsbrief.errors import SettingsError

FIRST = (
    "The Quarry Lane tunnel was closed on Tuesday after water flooded the north bore. "
    "About 40,000 drivers use the tunnel each day, the county said. "
    "County engineers said repairs would take four weeks."
)
SECOND = (
    "Water flooded the north bore of the Quarry Lane tunnel, which was closed on Tuesday. "
    "Roughly 65,000 drivers use the tunnel daily, a regional survey found. "
    "An outside engineer said the tunnel repairs would take at least five months."
)


def test_rules_find_numbers_durations_stance_and_agreement() -> None:
    assert (
        rule_verdict("About 40,000 drivers use it.", "Some 65,000 drivers use it.").kind == "number"
    )
    assert rule_verdict("Repairs take four weeks.", "Repairs take five months.").kind == "duration"
    stance = rule_verdict("The talks were productive.", "The talks were regrettable.")
    assert stance.label == "conflict" and "productive" in stance.evidence
    same = rule_verdict("The tunnel closed on Tuesday.", "On Tuesday the tunnel closed.")
    assert same.label == "agreement"


def test_conflicts_are_cited_with_both_sides() -> None:
    b = brief([FIRST, SECOND], sections="agreement")
    kinds = {a.kind for a in b.agreement if a.label == "conflict"}
    assert {"number", "duration"} <= kinds
    assert any(a.label == "agreement" for a in b.agreement)
    for a in b.agreement:
        assert a.evidence
        for side in a.sides:
            assert b.cluster.article(side.article_id).text[side.start : side.end] == side.text
        if a.label != "single-source":
            assert len(a.sides) == 2


def test_a_plugged_in_judge_decides_first(monkeypatch) -> None:
    class Always:
        name = "always"

        def __call__(self, first: str, second: str) -> Verdict | None:
            return Verdict("conflict", "contradiction", "the test judge says so")

    monkeypatch.setitem(agreement.JUDGES, "always", Always)
    b = brief([FIRST, SECOND], sections="agreement", agreement_judge="always")
    judged = [a for a in b.agreement if a.judge == "always"]
    assert judged and all(a.kind == "contradiction" for a in judged)
    with pytest.raises(SettingsError):
        brief([FIRST, SECOND], sections="agreement", agreement_judge="nope")


def test_sample_progress_against_regrettable(sample_brief) -> None:
    conflicts = [a for a in sample_brief.agreement if a.label == "conflict" and a.kind == "stance"]
    match = [
        a
        for a in conflicts
        if any("regrettable" in s.text for s in a.sides)
        and any("progress" in s.text for s in a.sides)
    ]
    assert match, conflicts
    found = match[0]
    assert "regrettable" in found.evidence and "progress" in found.evidence
    assert set(found.holders) == {"North Korea", "Mike Pompeo"}
    for side in found.sides:
        assert (
            sample_brief.cluster.article(side.article_id).text[side.start : side.end] == side.text
        )


def test_a_different_date_for_the_same_event_is_a_conflict() -> None:
    from newsbrief.analysis.facts import rule_verdict

    verdict = rule_verdict(
        "The city closed the Harbor Bridge on March 2 after inspectors found cracks.",
        "The city closed the Harbor Bridge on March 3 after inspectors found cracks.",
    )
    assert (verdict.label, verdict.kind) == ("conflict", "date")
    assert "“March 2”" in verdict.evidence and "“March 3”" in verdict.evidence
    same = rule_verdict(
        "Inspectors found the cracks on Feb. 27 and the bridge closed on March 2.",
        "The bridge closed on March 2, three days after the cracks were found on Feb. 27.",
    )
    assert same.label == "agreement"


def test_the_nli_judge_needs_a_local_model_folder_and_never_downloads(tmp_path) -> None:
    from newsbrief.analysis.agreement import get_judge
    from newsbrief.errors import MissingExtraError

    with pytest.raises(MissingExtraError, match="local folder"):
        get_judge("nli:cross-encoder/nli-deberta-v3-small")
    with pytest.raises(MissingExtraError, match="local folder"):
        get_judge("nli:")
