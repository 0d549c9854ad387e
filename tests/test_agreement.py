"""Agreement: aligned sentences labelled with evidence; conflicts of number, duration, date,
place, person and stance."""

from __future__ import annotations

import re

import pytest

from newsbrief import brief
from newsbrief.analysis import nlp
from newsbrief.analysis.facts import Verdict, durations, rule_verdict, windows
from newsbrief.analysis.quotes import find_quotes
from newsbrief.analysis.referents import Named, Referents, _attributes
from newsbrief.choices import JUDGES
from newsbrief.errors import SettingsError
from newsbrief.records import Actor, Alignment, Article, Cluster, Mention
from newsbrief.summary.segment import segment

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

    JUDGES.register("always", Always, "the test's judge")
    try:
        b = brief([FIRST, SECOND], sections="agreement", agreement_judge="always")
    finally:
        JUDGES.unregister("always")
    judged = [a for a in b.agreement if a.judge == "always"]
    assert judged and all(a.kind == "contradiction" for a in judged)
    with pytest.raises(SettingsError):
        brief([FIRST, SECOND], sections="agreement", agreement_judge="nope")


def test_sample_progress_against_regrettable(sample_brief) -> None:
    """Issue 12: the one real disagreement is listed once, as a position, and no source
    conflict is reported inside one article."""
    positions = [a for a in sample_brief.agreement if a.label == "position"]
    assert len(positions) == 1, positions
    found = positions[0]
    assert found.kind == "stance" and found.matter and "talks" in found.matter
    assert "regrettable" in found.evidence and "progress" in found.evidence
    assert "gangster-like" in found.evidence
    assert {h for holder in found.holders for h in (holder or "").split(" and ")} == {
        "North Korea",
        "Mike Pompeo",
    }
    sentences = {(s.article_id, s.start, s.end) for s in sample_brief.cluster.sentences}
    for side in found.sides:
        assert (side.article_id, side.start, side.end) in sentences  # whole sentences only
        assert (
            sample_brief.cluster.article(side.article_id).text[side.start : side.end] == side.text
        )
    for a in sample_brief.agreement:
        if a.label == "conflict":
            assert len(set(a.articles)) == 2, a
        assert "Associated Press" not in " ".join(h or "" for h in a.holders)


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


# -- place and person: the rules on hand-made actors (no spaCy needed) ---------------------


def _judge(
    first: str,
    second: str,
    *actors: tuple[str, str],
    others: tuple[str, ...] = (),
    at: int = 0,
) -> Verdict | None:
    """The place/person verdict on the sentences ``at`` of two articles (``others`` are more
    articles of the cluster); ``actors`` are ``(kind, "Form|Other form")``: one actor each,
    mentioned wherever a form is written."""
    cluster, made = _cluster(first, second, *others, actors=actors)
    referents = Referents(cluster, made, find_quotes(cluster, made))
    one = [s for s in cluster.sentences if s.article_id == "1"][at]
    two = [s for s in cluster.sentences if s.article_id == "2"][at]
    return referents.verdict(one, two)


def _cluster(*texts: str, actors: tuple[tuple[str, str], ...]) -> tuple[Cluster, tuple[Actor, ...]]:
    """The articles ``texts`` (ids 1, 2, ...) segmented, and ``actors`` given as ``(kind,
    "Form|Other form")``: one actor each, mentioned wherever a form is written."""
    articles = tuple(Article(str(n), t, f"{n}.txt") for n, t in enumerate(texts, 1))
    sentences = tuple(s for a in articles for s in segment(a, ()))
    made = []
    for number, (kind, forms) in enumerate(actors, 1):
        mentions = []
        for article in articles:
            taken: set[int] = set()
            for form in sorted(forms.split("|"), key=len, reverse=True):
                for m in re.finditer(rf"\b{re.escape(form)}\b", article.text):
                    if not taken & set(range(m.start(), m.end())):
                        taken |= set(range(m.start(), m.end()))
                        mentions.append(Mention(article.id, m.start(), m.end(), m.group()))
        made.append(Actor(f"A{number}", forms.split("|")[0], kind, None, tuple(mentions)))
    return Cluster(articles, sentences), tuple(made)


def _place(number: int, name: str, article: Article) -> Actor:
    """A place actor mentioned once, where ``name`` is first written in ``article``."""
    start = article.text.index(name)
    return Actor(
        f"A{number}", name, "place", None, (Mention(article.id, start, start + len(name), name),)
    )


def test_a_different_place_for_the_same_event_is_a_conflict() -> None:
    verdict = _judge(
        "The talks were held in Pyongyang on Saturday.",
        "The talks were held in Seoul on Saturday.",
        ("place", "Pyongyang"),
        ("place", "Seoul"),
    )
    assert verdict is not None and (verdict.label, verdict.kind) == ("conflict", "place")
    assert "“talks were held in Pyongyang” against “talks were held in Seoul”" in verdict.evidence
    bomb = _judge(
        "A bomb exploded in Kabul, killing 12 people.",
        "A bomb exploded on Tuesday at Kandahar, killing 12 people.",
        ("place", "Kabul"),
        ("place", "Kandahar"),
    )
    assert bomb is not None and bomb.kind == "place"
    assert "Kabul" in bomb.evidence and "Kandahar" in bomb.evidence


@pytest.mark.parametrize(
    ("first", "second", "actors"),
    [
        pytest.param(  # a city and its country
            "The talks were held in Seoul on Saturday.",
            "The talks were held in South Korea on Saturday.",
            [("place", "Seoul"), ("country", "South Korea")],
            id="city-in-country",
        ),
        pytest.param(  # a list of places
            "Bombs exploded in Kabul, Herat and Kandahar on Tuesday.",
            "Bombs exploded in Jalalabad on Tuesday.",
            [("place", "Kabul"), ("place", "Herat"), ("place", "Kandahar"), ("place", "Jalalabad")],
            id="list",
        ),
        pytest.param(  # one place of several
            "Bombs exploded in Kabul on Tuesday.",
            "Bombs exploded in Jalalabad and other cities on Tuesday.",
            [("place", "Kabul"), ("place", "Jalalabad")],
            id="one-of-several",
        ),
        pytest.param(  # the other article names the place too
            "The talks were held in Pyongyang on Saturday.",
            "The talks were held in Seoul on Saturday. Pyongyang sent its foreign minister.",
            [("place", "Pyongyang"), ("place", "Seoul")],
            id="other-article-knows-it",
        ),
        pytest.param(  # both sentences name both places
            "Bombs exploded in Kabul on Tuesday, a day after an attack near Kandahar.",
            "Bombs exploded in Kandahar on Tuesday, a day after an attack near Kabul.",
            [("place", "Kabul"), ("place", "Kandahar")],
            id="both-name-both",
        ),
        pytest.param(  # not the same slot: held in / born in
            "The talks were held in Pyongyang on Saturday.",
            "The envoy, who was born in Seoul, talked on Saturday.",
            [("place", "Pyongyang"), ("place", "Seoul")],
            id="other-slot",
        ),
        pytest.param(  # one place under two names (the actors merged them)
            "The talks were held in the United States on Saturday.",
            "The talks were held in the U.S. on Saturday.",
            [("country", "United States|U.S.")],
            id="same-actor",
        ),
    ],
)
def test_places_that_do_not_conflict(first: str, second: str, actors: list) -> None:
    assert _judge(first, second, *actors) is None


def test_a_quotation_given_to_a_pronoun_is_no_conflict() -> None:
    first = "Tom Brown spoke first. “We will not back down from this fight,” he said."
    second = "Ann Lee spoke first. “We will not back down from this fight,” she said."
    people = [("person", "Tom Brown|Brown"), ("person", "Ann Lee|Lee")]
    assert _judge(first, second, *people, at=1) is None
    named = _judge(first.replace("he said", "Brown said"), second, *people, at=1)
    assert named is None  # one side still a pronoun
    both = _judge(
        first.replace("he said", "Brown said"),
        second.replace("she said", "Lee said"),
        *people,
        at=1,
    )
    assert both is not None and both.kind == "person"


def test_places_written_one_in_the_other_anywhere_in_the_cluster_do_not_conflict() -> None:
    first = "The fire broke out in Manhattan on Sunday."
    second = "The fire broke out in New York on Sunday."
    places = [("place", "Manhattan"), ("place", "New York")]
    assert _judge(first, second, *places, others=("Firefighters came from Boston.",))
    assert (
        _judge(first, second, *places, others=("The fire in Manhattan, New York is out.",)) is None
    )


def test_a_different_person_in_the_same_slot_is_a_conflict() -> None:
    agent = _judge(
        "The bill was introduced by Senator John Smith on Monday.",
        "The bill was introduced by Sen. Jane Doe on Monday.",
        ("person", "John Smith"),
        ("person", "Jane Doe"),
    )
    assert agent is not None and (agent.label, agent.kind) == ("conflict", "person")
    assert "“introduced by Senator John Smith” against “introduced by Sen. Jane Doe”" in (
        agent.evidence
    )
    role = _judge(
        "Police chief Tom Brown said the suspect fled on foot.",
        "Police chief Ann Lee said the suspect fled on foot.",
        ("person", "Tom Brown"),
        ("person", "Ann Lee"),
    )
    assert role is not None and role.kind == "person"
    assert "“Police chief Tom Brown said” against “Police chief Ann Lee said”" in role.evidence
    quote = _judge(
        "“We will not back down from this fight,” Tom Brown told reporters.",
        "“We will not back down from this fight,” said Ann Lee after the vote.",
        ("person", "Tom Brown"),
        ("person", "Ann Lee"),
    )
    assert quote is not None and quote.kind == "person"
    assert "same quotation “We will not back down from this fight”" in quote.evidence
    assert "“Tom Brown” against “Ann Lee”" in quote.evidence


@pytest.mark.parametrize(
    ("first", "second", "actors"),
    [
        pytest.param(  # one person under two forms (the actors merged them)
            "The bill was introduced by Secretary of State Mike Pompeo on Monday.",
            "The bill was introduced by Pompeo on Monday.",
            [("person", "Mike Pompeo|Pompeo")],
            id="same-actor",
        ),
        pytest.param(  # forms left apart ("Mr. Kim" fits several Kims): never guessed different
            "“We will talk again next month,” said Kim Jong Un on Sunday.",
            "“We will talk again next month,” Mr. Kim said on Sunday.",
            [("person", "Kim Jong Un"), ("person", "Kim")],
            id="shared-name-word",
        ),
        pytest.param(  # the other article knows the other person
            "The bill was introduced by Senator John Smith on Monday.",
            "The bill was introduced by Senator Jane Doe on Monday. Smith voted for it.",
            [("person", "John Smith"), ("person", "Jane Doe")],
            id="other-article-knows-them",
        ),
        pytest.param(  # a list of people
            "The bill was introduced by John Smith and Jane Doe on Monday.",
            "The bill was introduced by Ann Lee on Monday.",
            [("person", "John Smith"), ("person", "Jane Doe"), ("person", "Ann Lee")],
            id="list",
        ),
        pytest.param(  # two people, two different quotations
            "“We will not back down from this fight,” Tom Brown told reporters.",
            "“We have lost this fight and we must accept it,” said Ann Lee after the vote.",
            [("person", "Tom Brown"), ("person", "Ann Lee")],
            id="different-quotations",
        ),
        pytest.param(  # not the same agent slot
            "The bill was written by John Smith on Monday.",
            "The bill was signed by Jane Doe on Monday.",
            [("person", "John Smith"), ("person", "Jane Doe")],
            id="other-verb",
        ),
        pytest.param(  # the same title, but the sentences say different things
            "Police chief Tom Brown said the suspect fled on foot toward the river.",
            "Police chief Ann Lee said the department would hire twenty officers.",
            [("person", "Tom Brown"), ("person", "Ann Lee")],
            id="role-different-statements",
        ),
        pytest.param(  # different titles: two people, two roles
            "Police chief Tom Brown said the suspect fled on foot.",
            "Mayor Ann Lee said the suspect fled on foot.",
            [("person", "Tom Brown"), ("person", "Ann Lee")],
            id="different-roles",
        ),
    ],
)
def test_people_that_do_not_conflict(first: str, second: str, actors: list) -> None:
    assert _judge(first, second, *actors) is None


# -- place and person: end to end, with spaCy's entities and the actors' merging -----------

needs_spacy = pytest.mark.skipif(not nlp.available(), reason="no English spaCy pipeline installed")
PLACES = [
    "The talks were held in Pyongyang on Saturday, officials said. "
    "The bill was introduced by Senator John Smith on Monday.",
    "The talks were held in Seoul on Saturday, officials said. "
    "The bill was introduced by Senator Jane Doe on Monday.",
]


@needs_spacy
def test_place_and_person_conflicts_are_cited_end_to_end() -> None:
    b = brief(PLACES, sections="agreement")
    found = {a.kind: a for a in b.agreement if a.label == "conflict"}
    assert {"place", "person"} <= found.keys(), b.agreement
    assert "Pyongyang" in found["place"].evidence and "Seoul" in found["place"].evidence
    assert "John Smith" in found["person"].evidence and "Jane Doe" in found["person"].evidence
    for a in (found["place"], found["person"]):
        assert {s.article_id for s in a.sides} == {"1", "2"}
        for side in a.sides:
            assert b.cluster.article(side.article_id).text[side.start : side.end] == side.text
        assert "wording similarity" in a.evidence
    assert b.actors == () and b.quotes == ()  # found for the agreement, not returned


@needs_spacy
def test_one_person_under_two_names_is_no_conflict_end_to_end() -> None:
    b = brief(
        [
            "The bill was introduced by Secretary of State Mike Pompeo on Monday in Seoul.",
            "The bill was introduced by Pompeo on Monday in Seoul, South Korea.",
        ],
        sections="agreement",
    )
    assert not [a for a in b.agreement if a.kind in ("place", "person")], b.agreement


def test_the_samples_have_no_place_or_person_conflict(sample_brief, example_brief) -> None:
    for b in (sample_brief, example_brief):
        assert not [a for a in b.agreement if a.kind in ("place", "person")], b.agreement


@needs_spacy
def test_the_agreement_alone_is_the_full_briefs_agreement(sample_dir, sample_brief) -> None:
    from newsbrief import brief_paths

    alone = brief_paths([sample_dir], sections="agreement")
    assert alone.agreement == sample_brief.agreement
    assert any(
        a.kind == "stance" and "regrettable" in a.evidence and "progress" in a.evidence
        for a in alone.agreement
    )


def test_headings_and_introductions_are_no_claims_to_agree_on() -> None:
    # DUC 2007 D0716D: two Xinhua news digests listed 24 "agreements" between their
    # newspaper names ("The Australian" vs "The Australian") and their opening lines.
    digest = (
        "Following are major news items in leading Australian newspapers today:\n\n"
        "The Australian\n\n"
        "-- The harbour authority will close the Alder bridge for 40 days from Monday.\n\n"
        "The Age\n\n"
        "-- Paper maker Amcor will invest 380 million dollars in a new mill in Geelong.\n"
    )
    other = (
        "Following are major news items in leading Australian newspapers today:\n\n"
        "The Australian\n\n"
        "-- The harbour authority will close the Alder bridge for 40 days from Monday.\n\n"
        "The Age\n\n"
        "-- Ferry operators expect crowds of commuters while the bridge is shut.\n"
    )
    b = brief([digest, other], sections=["agreement"])
    agreed = [a for a in b.agreement if a.label == "agreement"]
    assert agreed, "the shared report is still an agreement"
    for alignment in agreed:
        for side in alignment.sides:
            assert len(side.text.split()) >= 6 and not side.text.endswith(":"), side.text


def test_a_place_described_by_where_it_is_is_no_other_place() -> None:
    # DUC 2006 D0617H: "John F. Kennedy International Airport" against "the New York
    # International Airport" was reported as sources disagreeing.
    texts = (
        "The jet crashed after taking off from John F. Kennedy International Airport.",
        "The jet crashed after taking off from the New York International Airport.",
        "Relatives flew to New York on Friday.",
    )
    articles = tuple(Article(str(n), t, f"{n}.txt") for n, t in enumerate(texts, 1))
    sentences = tuple(s for a in articles for s in segment(a, ()))

    actors = (
        _place(1, "John F. Kennedy International Airport", articles[0]),
        _place(2, "New York International Airport", articles[1]),
        _place(3, "New York", articles[2]),
    )
    referents = Referents(Cluster(articles, sentences), actors)
    assert referents.verdict(sentences[0], sentences[1]) is None
    other = (actors[0], actors[1])  # no place of the cluster before "International Airport"
    assert Referents(Cluster(articles, sentences), other).verdict(sentences[0], sentences[1])


@pytest.mark.parametrize(
    ("first", "second", "actors", "conflict"),
    [
        pytest.param(  # DUC 2006 D0626H: two embassies, two tolls (each article tells both)
            "A nearly simultaneous blast at the U.S. Embassy in Tanzania killed 11 people. "
            "The embassy in Kenya was hit first.",
            "A nearly simultaneous bombing at the U.S. Embassy in Kenya killed 248 people. "
            "The embassy in Tanzania was hit next.",
            [("country", "Tanzania"), ("country", "Kenya")],
            False,
            id="other-places",
        ),
        pytest.param(  # D0646A: two defendants, two sentences
            "Bennett faces at least 20 years in prison, prosecutors said.",
            "Rosario faces up to five years in prison, prosecutors said.",
            [("person", "Bennett"), ("person", "Rosario")],
            False,
            id="other-people",
        ),
        pytest.param(  # the same place, two tolls: sources disagree
            "The blast at the U.S. Embassy in Kenya killed 247 people.",
            "The blast at the U.S. Embassy in Kenya killed 253 people.",
            [("country", "Kenya")],
            True,
            id="same-place",
        ),
    ],
)
def test_different_numbers_about_other_places_or_people_are_two_events(
    first: str, second: str, actors: list, conflict: bool
) -> None:
    from newsbrief.analysis.agreement import align
    from newsbrief.settings import Settings

    cluster, made = _cluster(first, second, actors=tuple(actors))
    found = align(cluster, Settings(), made)
    assert any(a.label == "conflict" for a in found) is conflict


def test_the_dead_and_the_injured_are_counted_apart() -> None:
    # DUC 2006 D0626H: "5,500 people were injured" against "killed 253 people" was a conflict.
    hurt = "In the Nairobi embassy blast, 5,500 people were injured, officials said."
    dead = "In the Nairobi embassy blast, 253 people were killed, officials said."
    other_toll = "In the Nairobi embassy blast, 247 people were killed, officials said."
    assert rule_verdict(hurt, dead).label != "conflict"
    toll = rule_verdict(dead, other_toll)
    assert toll.label == "conflict" and toll.kind == "number"


def test_who_reported_it_does_not_make_two_events() -> None:
    # Second read: the speakers' names told the sentences apart, and a real disagreement on
    # the toll was lost.
    from newsbrief.analysis.agreement import align
    from newsbrief.settings import Settings

    texts = (
        "The blast at the U.S. Embassy in Kenya killed 247 people, Kimanthi said.",
        "The blast at the U.S. Embassy in Kenya killed 253 people, Omondi said.",
    )
    people = (("country", "Kenya"), ("person", "Kimanthi"), ("person", "Omondi"))
    cluster, made = _cluster(*texts, actors=people)
    found = align(cluster, Settings(), made)
    assert any(a.label == "conflict" and a.kind == "number" for a in found)


def test_two_airports_each_named_for_a_place_are_two_places() -> None:
    from newsbrief.analysis.referents import Referents

    texts = (
        "The jet landed at Nairobi International Airport on Friday.",
        "The jet landed at Mombasa International Airport on Friday.",
        "Nairobi and Mombasa are cities of Kenya.",
    )
    articles = tuple(Article(str(n), t, f"{n}.txt") for n, t in enumerate(texts, 1))
    sentences = tuple(s for a in articles for s in segment(a, ()))

    actors = (
        _place(1, "Nairobi International Airport", articles[0]),
        _place(2, "Mombasa International Airport", articles[1]),
        _place(3, "Nairobi", articles[2]),
        _place(4, "Mombasa", articles[2]),
    )
    referents = Referents(Cluster(articles, sentences), actors)
    verdict = referents.verdict(sentences[0], sentences[1])
    assert verdict is not None and verdict.kind == "place"


def test_a_span_figures_are_counted_over_is_no_claim_and_other_spans_are_other_figures() -> None:
    # DUC 2006 D0644H: "over the next 10 years" / "over the next 15 years" was a conflict.
    ten = (
        "Most of a projected $2.9 trillion budget surplus over the next 10 years goes to pensions."
    )
    fifteen = (
        "Most of a projected $4.4 trillion budget surplus over the next 15 years goes to pensions."
    )
    assert durations(ten) == [] and windows(ten) == {3650}
    assert rule_verdict(ten, fifteen).label != "conflict"
    # Over the same span, two amounts still disagree; and a span that is the claim stays one.
    other = ten.replace("$2.9", "$4.4")
    assert rule_verdict(ten, other).kind == "number"
    took = rule_verdict("The repairs will take four weeks.", "The repairs will take ten weeks.")
    assert took.label == "conflict" and took.kind == "duration"


def _conflicts(first: str, second: str, *actors: tuple[str, str]) -> list[Alignment]:
    from newsbrief.analysis.agreement import align
    from newsbrief.settings import Settings

    cluster, made = _cluster(first, second, actors=actors)
    return [a for a in align(cluster, Settings(), made) if a.label == "conflict"]


def test_a_family_name_the_recognizer_missed_still_names_its_person() -> None:
    # D0646A: "Bennett faces at least 20 years" / "Rosario faces up to five years", where only
    # "Patrick Bennett" was tagged, was a conflict: the sentence named no person.
    bennett = (
        "Patrick Bennett was convicted of fraud on Monday. "
        "Prosecutor Ann Smith said Bennett faces at least 20 years in prison."
    )
    rosario = (
        "Francisco Rosario was convicted of fraud on Monday. "
        "Rosario faces up to five years in prison, prosecutors said."
    )
    people = (
        ("person", "Patrick Bennett"),
        ("person", "Francisco Rosario|Rosario"),
        ("person", "Ann Smith"),  # who said it, not whom it is about
    )
    assert not _conflicts(bennett, rosario, *people)
    # The same man in both: the terms disagree.
    same = rosario.replace("Francisco Rosario", "Patrick Bennett").replace("Rosario", "Bennett")
    assert [a.kind for a in _conflicts(bennett, same, *people)] == ["duration"]
    # "…, said Ann Smith." tells who said it; "said Bennett faces …" what was said about whom.
    text = "It was a blow, said Ann Smith. Smith said Bennett faces 20 years."
    smith, bennett = text.index("Ann Smith"), text.index("Bennett")
    assert _attributes(text, Named("1", smith, smith + 9, "Ann Smith", "A3", "person"))
    assert not _attributes(text, Named("1", bennett, bennett + 7, "Bennett", "A1", "person"))


def test_he_is_the_person_the_sentences_before_name() -> None:
    # D0646A: "Fraschilla … was sentenced to 18 months" / "He was sentenced to three years"
    # (He: Mark Fuhrman, named in the sentence before) was a conflict.
    first = "Jerry Fraschilla pleaded guilty to fraud last year. He was sentenced to 18 months in prison."
    other = "Mark Fuhrman pleaded no contest to perjury. He was sentenced to three years in prison."
    people = (("person", "Jerry Fraschilla"), ("person", "Mark Fuhrman"))
    assert not _conflicts(first, other, *people)
    same = "Jerry Fraschilla pleaded guilty to fraud last year. He was sentenced to three years in prison."
    assert [a.kind for a in _conflicts(first, same, *people)] == ["duration"]


def test_two_dates_of_two_steps_of_a_story_are_no_conflict() -> None:
    # DUC 2006 D0647B: "June 26 -- relatives file appeal" / "That appeal was also denied on
    # June 23" was a conflict: a date's governing word the other sentence never writes is
    # another event.
    filed = "June 26 -- Miami relatives file a new appeal."
    denied = "That appeal was also denied on June 23, and the Miami relatives were given five days."
    assert rule_verdict(filed, denied).label != "conflict"
    other_day = "The Miami relatives' appeal was denied on June 25, and they were given five days."
    verdict = rule_verdict(denied, other_day)
    assert (verdict.label, verdict.kind) == ("conflict", "date")


def test_counts_over_different_spans_of_time_are_not_compared() -> None:
    spans = {"two": "over the past two years", "five": "over the past five years"}

    def counted(first: str, second: str) -> set[str]:
        texts = (
            FIRST.replace("each day", spans[first]),
            SECOND.replace("daily", spans[second]),
        )
        found = brief(list(texts), sections="agreement").agreement
        return {a.kind for a in found if a.label == "conflict"}

    assert "number" not in counted("two", "five")  # 40,000 in two years, 65,000 in five
    assert "number" in counted("two", "two")  # the same span: the counts disagree
    # Multi-News: "viewed more than 12 million times in just under three days" against "more
    # than 10 million times in the two days since it debuted" was a conflict of durations.
    first = "The video was viewed more than 12 million times in just under three days."
    second = "The video was viewed more than 10 million times in the two days since its release."
    assert rule_verdict(first, second).label != "conflict"
    assert rule_verdict(
        first, second.replace("in the two days", "in just under three days")
    ).kind == ("number")


def test_a_spelled_number_is_read_whole_or_not_at_all() -> None:
    # Multi-News: "103 male patients" against "One hundred and three male patients" was a
    # conflict of 103 against three.
    digits = "The study followed 103 male patients and 100 healthy men for a year."
    words = "One hundred and three male patients and 100 healthy men were followed for a year."
    assert rule_verdict(digits, words).label != "conflict"
    other = "The study followed 95 male patients and 100 healthy men for a year."
    assert rule_verdict(digits, other).kind == "number"  # a real difference is still found


def test_a_duration_written_as_an_adjective_is_written() -> None:
    # Multi-News: "reduced her sentence from three years to one" against "reducing her
    # three-year sentence to one year" was a conflict of three years against one.
    first = "The court cut her prison sentence from three years to one, her lawyer said."
    second = "The court cut her three-year prison sentence to one year, her lawyer said."
    assert rule_verdict(first, second).label != "conflict"
    assert rule_verdict(second, first).label != "conflict"
    longer = "The court cut her prison sentence from five years to one, her lawyer said."
    assert rule_verdict(first, longer).kind == "duration"


def test_a_count_told_as_still_standing_is_a_state_not_a_claim() -> None:
    # Multi-News: "around 100,000 people waited outside the station" against "more than 50,000
    # people still remained stuck outside the station on Tuesday" was a conflict.
    first = "Around 100,000 travellers waited outside the station for their trains."
    later = "More than 50,000 travellers still waited outside the station for their trains."
    assert rule_verdict(first, later).label != "conflict"
    # Written as bounds, figures far apart still disagree (DUC 2006: "more than 37 million
    # Americans" / "more than 16 million Americans", labelled a conflict).
    other = "More than 50,000 travellers waited outside the station for their trains."
    assert rule_verdict(first, other).kind == "number"
    assert rule_verdict(other, other.replace("50,000", "90,000")).kind == "number"


def test_counts_of_different_days_are_not_compared() -> None:
    monday = "About 100,000 travellers were stranded at the station on Monday, officials said."
    tuesday = "About 50,000 travellers were stranded at the station on Tuesday, officials said."
    assert rule_verdict(monday, tuesday).label != "conflict"
    same_day = tuesday.replace("50,000", "70,000").replace("Tuesday", "Monday")
    assert rule_verdict(monday, same_day).kind == "number"
    march = "About 100,000 travellers were stranded at the station on March 2, officials said."
    later = "About 50,000 travellers were stranded at the station on March 3, officials said."
    assert rule_verdict(march, later).kind != "number"


def test_a_figure_written_round_is_no_conflict_with_one_it_rounds() -> None:
    # Multi-News: "more than 4,400 girls" against "4,443 girls" was a conflict.
    first = "Officials counted more than 4,400 girls married before 18 in the state since 2000."
    second = "Officials counted 4,443 girls married before 18 in the state since 2000."
    assert rule_verdict(first, second).label != "conflict"
    assert rule_verdict(second, first).label != "conflict"
    # DUC 2006, labelled a conflict: two round figures that differ in their own last digit.
    smokers = "The country has some 350 million smokers, officials said."
    fewer = "The country has about 320 million smokers, officials said."
    assert rule_verdict(smokers, fewer).kind == "number"
    # A round figure far from the one it is set against still disagrees (4,400 / 3,443).
    assert rule_verdict(first, second.replace("4,443", "3,443")).kind == "number"
    # Multi-News: "almost 31 years in a Florida jail" against "more than 30 years": a
    # duration's value is counted in days, its rounding in the unit it is written in.
    jail = "He has spent almost 31 years in a state prison for a crime he did not commit."
    more = "He has spent more than 30 years in a state prison for a crime he did not commit."
    assert rule_verdict(jail, more).label != "conflict"
    assert rule_verdict(jail, more.replace("more than 30", "25")).kind == "duration"


def test_counts_of_different_years_and_dates_written_day_first() -> None:
    # Multi-News: "more than 63,000 died of overdoses in 2016" against "more than 72,000 ...
    # in 2017"; "21 July 2015" against "14 July 2015" read as counts of "July".
    first = "More than 63,000 Americans died of drug overdoses in 2016, the report said."
    second = "More than 72,000 Americans died of drug overdoses in 2017, the report said."
    assert rule_verdict(first, second).label != "conflict"
    same_year = second.replace("2017", "2016")
    assert rule_verdict(first, same_year).kind == "number"
    # A day both name is one time told, whatever weekdays they name besides (the shipped
    # harbor-bridge example: "found last Friday, Feb. 27" / "closed on Monday, March 2, three
    # days after the cracks were found on Feb. 27").
    from newsbrief.analysis.facts import other_days

    found = "Inspectors found the cracks last Friday, Feb. 27, under the harbor bridge."
    closed = "The bridge closed on Monday, March 2, after the cracks were found on Feb. 27."
    assert not other_days(found, closed)
    assert other_days(found, "The bridge closed on Monday, March 2, after a long review.")
    july = "The second video was released on 21 July 2015 by the campaign group."
    earlier = "The first video was released on 14 July 2015 by the campaign group."
    assert rule_verdict(july, earlier).kind != "number"


def test_related_sentences_apart_from_the_aligned_ones_follow_the_same_rules() -> None:
    # Multi-News: the pair was below the alignment's similarity, so the search for different
    # figures in related sentences (slot_conflicts) reported "three years" against "one year"
    # with no regard for the "three-year" the second sentence writes.
    first = (
        "An appeals court upheld the activist's conviction for insulting the king and reduced "
        "her sentence from three years in prison to one, Amnesty reported. She tore up a "
        "photograph of the king in court last year."
    )
    second = (
        "Rights groups condemned the verdict, which confirmed the conviction of the activist "
        "on charges of insulting the monarch and reduced her three-year prison sentence to one "
        "year. The government did not comment on the ruling."
    )
    found = brief([first, second], sections="agreement").agreement
    assert not [a for a in found if a.label == "conflict"]
    longer = second.replace("three-year", "five-year")
    found = brief([first, longer], sections="agreement").agreement
    assert [a.kind for a in found if a.label == "conflict"] == ["duration"]


def test_the_parts_of_a_measure_in_several_units_are_not_compared() -> None:
    # Multi-News: two marathon winners' times, "2 hours, 7 minutes, 51 seconds" against "2
    # hours, 24 minutes, 26 seconds", were a conflict of 51 seconds against 26.
    his = "The men's winner crossed the line in the harbor race in 2 hours, 7 minutes, 51 seconds."
    hers = (
        "The women's winner crossed the line in the harbor race in 2 hours, 24 minutes, 26 seconds."
    )
    assert rule_verdict(his, hers).label != "conflict"
    # Nor is such a measure's first part compared alone: "1 hour, 59 minutes" is no "1 hour".
    first = "The women's winner crossed the line in the harbor race in 1 hour, 59 minutes."
    second = "The women's winner crossed the line in the harbor race in 2 hours."
    assert rule_verdict(first, second).label != "conflict"


def _reported(first: str, second: str) -> str | None:
    """What the brief would say of an aligned pair: its label, or None (nothing reported)."""
    from newsbrief.analysis.agreement import RulesJudge, _label
    from newsbrief.analysis.specifics import Specifics
    from newsbrief.records import Sentence

    a, b = (Sentence(n, 0, 0, len(t), t) for n, t in (("a", first), ("b", second)))
    found = _label(a, b, 0.7, RulesJudge(), None, {}, Specifics(()))
    return None if found is None else found.label


@pytest.mark.parametrize(
    ("first", "second", "label"),
    [
        # figures of different years or spans: neither a conflict nor one fact agreed on
        ("He was sentenced to three years in prison in 2015 for the fraud, the court said.",
         "He was sentenced to five years in prison in 2016 for the fraud, the court said.", None),
        ("Police questioned him in the two days since his arrest on the harbor bridge.",
         "Police questioned him in the three days since his arrest on the harbor bridge.", None),
        # "still" marks the counted people's state, not any figure near it
        ("The harbor chief still faces up to 20 years in prison for the collapse of the bridge.",
         "The harbor chief faces up to 10 years in prison for the collapse of the bridge.",
         "conflict"),
        # a bound rounds only on its own side
        ("The harbor chief served more than 30 years in prison for the collapse.",
         "The harbor chief served 28 years in prison for the collapse.", "conflict"),
        ("Fewer than 400 people attended the harbor council meeting, officials said.",
         "About 430 people attended the harbor council meeting, officials said.", "conflict"),
        # "$1 million and two executives": "two" is no end of a spelled number
        ("The firm paid $1 million and two executives resigned after the harbor collapse.",
         "The firm paid $1 million and three executives resigned after the harbor collapse.",
         "conflict"),
        # a measure in several units is one fact, never agreed with another measure
        ("She won the harbor race in 2 hours, 7 minutes on Sunday, officials said.",
         "She won the harbor race in 2 hours, 9 minutes on Sunday, officials said.", None),
        ("The trial lasted 1 year and 11 months, the harbor court said.",
         "The trial lasted 2 years, the harbor court said.", None),
        # Multi-News: "three years and 10 months" against "nearly four years" was a conflict
        ("He was sentenced to three years and 10 months in prison for the harbor robbery.",
         "He was sentenced to nearly four years in prison for the harbor robbery.", None),
        ("Two hundred people were evacuated from the harbor district on Monday.",
         "Five hundred people were evacuated from the harbor district on Monday.", None),
        ("One hundred and three male patients were studied at the harbor clinic.",
         "The study followed 103 male patients at the harbor clinic.", "agreement"),
        # Multi-News (session 14): a wreck's distance off the coast against its depth, and the
        # air's temperature against the heat index, were conflicts
        # (lower-cased, as Multi-News is: no capitalised name tells the two sentences apart)
        ('the carrier, " old lex " was found more than 3,000 meters below the surface, resting '
         "on the floor of the tasman sea more than 500 miles off the eastern coast of australia.",
         'one of the first aircraft carriers ever built, the vessel dubbed " old lex " was '
         "located at the bottom of the tasman sea -- nearly two miles below the surface -- by "
         "the expedition crew on sunday, allen said.", None),
        ("The wreck of the carrier was found 500 miles off the coast of Australia on Sunday.",
         "The wreck of the carrier was found 400 miles off the coast of Australia on Sunday.",
         "conflict"),
        ("The high temperature in the harbor district on Monday reached 88 degrees.",
         "The heat index in the harbor district reached nearly 100 degrees on Monday.", None),
        ("The temperature in the harbor district on Monday reached 88 degrees, forecasters said.",
         "The temperature in the harbor district on Monday reached 95 degrees, forecasters said.",
         "conflict"),
    ],
)  # fmt: skip
def test_guards_that_excuse_a_difference_never_make_an_agreement(
    first: str, second: str, label: str | None
) -> None:
    # Second read of session 13: pairs a guard kept from being a conflict fell through to
    # "same fact" and were reported as agreeing.
    assert _reported(first, second) == label
