"""Actors: entities merged across articles, roles, short forms linked or left unresolved."""

from __future__ import annotations

import pytest

pytest.importorskip("spacy")
from newsbrief.analysis import nlp

if not nlp.available():
    pytest.skip("no English spaCy pipeline installed", allow_module_level=True)

from newsbrief import brief

ARTICLES = [
    "Governor Helen Marrow of Northmark met Prime Minister Oscar Vell in Tallow on Monday. "
    "Ms. Marrow said the border would reopen. Vell, who leads the Coastal Party, agreed.",
    "Marrow told reporters in Tallow that trade would resume. "
    "Oscar Vell, the prime minister, praised the deal. Mr. Vell said it was fair.",
]


@pytest.fixture(scope="module")
def fictional():
    return brief(ARTICLES, sections=["actors"])


def test_mentions_merge_across_articles(fictional) -> None:
    people = {a.name: a for a in fictional.actors if a.kind == "person"}
    assert "Helen Marrow" in people and "Oscar Vell" in people
    assert people["Helen Marrow"].articles == ("1", "2")
    assert {m.text for m in people["Oscar Vell"].mentions} >= {"Oscar Vell", "Vell"}
    assert people["Helen Marrow"].role == "Governor"


def test_every_mention_points_into_its_article(fictional) -> None:
    for actor in fictional.actors:
        for m in actor.mentions:
            assert fictional.cluster.article(m.article_id).text[m.start : m.end] == m.text


def test_ambiguous_surname_stays_unresolved() -> None:
    b = brief(
        [
            "Anna Dross, the mayor, met Peter Dross, a builder, in Fenn. "
            "Dross said the talks went well.",
        ],
        sections="actors",
    )
    people = {a.name: a for a in b.actors if a.kind == "person"}
    assert {"Anna Dross", "Peter Dross"} <= set(people)
    for name in ("Anna Dross", "Peter Dross"):
        assert "Dross" not in {m.text for m in people[name].mentions}


def test_missing_model_error_is_one_line(monkeypatch) -> None:
    from newsbrief.errors import MissingExtraError

    monkeypatch.setattr(nlp, "installed_model", lambda: None)
    with pytest.raises(MissingExtraError) as error:
        brief(ARTICLES, sections="actors")
    assert "pip install 'newsbrief[analysis]'" in str(error.value)
    assert "\n" not in str(error.value)
    plain = brief(ARTICLES)  # not asked explicitly: skipped with a notice
    assert "actors" not in plain.sections
    assert any(n.code == "analysis-unavailable" for n in plain.notices)


def test_sample_kims_kept_apart_and_roles(sample_brief) -> None:
    people = {a.name: a for a in sample_brief.actors if a.kind == "person"}
    kims = {"Kim Jong Un", "Kim Yong Chol", "Sung Kim", "Kim Chang Son"}
    assert kims <= set(people)
    assert len({people[k].id for k in kims}) == 4
    for kim in kims:  # "Mr. Kim" and a bare "Kim" are never guessed into any of them
        assert not {m.text for m in people[kim].mentions} & {"Kim", "Mr. Kim"}
    assert people["Moon Jae-in"].role == "South Korean President"
    assert "senior researcher" in (people["Cho Young-key"].role or "")
    assert "Cho" in {m.text for m in people["Cho Young-key"].mentions}
    pompeo = {m.text for m in people["Mike Pompeo"].mentions}
    assert {"Mike Pompeo", "Pompeo", "The U.S. envoy"} <= pompeo
    assert "Secretary of State" in (people["Mike Pompeo"].role or "")


def test_a_dateline_place_is_a_mention_though_not_summary_text() -> None:
    # The dateline is removed from the sentences (metadata, not story) but still names where
    # the story was filed; "Moscow said…" alone would fold the city into Russia.
    from newsbrief.ingest.read import from_items
    from newsbrief.pipeline import prepare
    from newsbrief.settings import Settings

    text = (
        "MOSCOW, October 15 (Xinhua) -- Russian officials met European envoys on Monday.\n"
        "The talks in the capital lasted six hours, officials said.\n"
    )
    cluster = prepare(from_items([text], Settings()))
    assert "dateline" in {r.reason for r in cluster.removals}
    assert all(not s.text.startswith("MOSCOW") for s in cluster.sentences)
    assert "MOSCOW" in {e.text for e in nlp.entities(cluster)}
