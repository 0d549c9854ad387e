from __future__ import annotations

import itertools

import pytest

from newsbrief import Article, Settings
from newsbrief.records import REMOVAL_REASONS as REASONS
from newsbrief.records import Brief
from newsbrief.summary.clean import clean
from newsbrief.summary.segment import segment

SETTINGS = Settings()


def removed(text: str) -> dict[str, str]:
    _, removals = clean(Article("1", text, "test"), SETTINGS)
    return {r.text: r.reason for r in removals}


def cleaned_lines(brief: Brief) -> list[str]:
    return [
        line.strip()
        for article in brief.articles
        for line in brief.cluster.cleaned_text(article.id).splitlines()
        if line.strip()
    ]


def test_sample_junk_is_gone_from_cleaned_text_and_brief(sample_brief: Brief) -> None:
    cleaned = "\n".join(cleaned_lines(sample_brief))
    for junk in ("200 feet", "50 meters", "Bagikan", "Write to Andrew"):
        assert junk not in cleaned
        assert junk not in sample_brief.text
    lines = set(cleaned_lines(sample_brief))
    for label in ("china", "Detail", "1", "korea", "Panmungak"):
        assert label not in lines


def test_sample_caption_printed_twice_is_not_story_text(sample_brief: Brief) -> None:
    caption = (
        "U.S. Secretary of State Mike Pompeo arrives at Haneda Airport in Tokyo on July 7, 2018."
    )
    assert caption not in "\n".join(cleaned_lines(sample_brief))  # neither copy stays
    assert caption not in sample_brief.text


def test_sample_removals_have_reasons(sample_brief: Brief) -> None:
    reasons = {r.text: r.reason for r in sample_brief.removals}
    assert reasons["Bagikan Berita Ini"] == "share-widget"
    assert reasons["200 feet"] == "torn-graphic"
    assert reasons["china"] == "torn-graphic"
    assert (
        reasons[
            "Write to Andrew Jeong at andrew.jeong@wsj.com and Chun Han Wong at chunhan.wong@wsj.com"
        ]
        == "contact-footer"
    )
    assert "caption" in reasons.values()
    assert all(r.reason in REASONS for r in sample_brief.removals)
    regrettable = next(a for a in sample_brief.articles if "regrettable" in a.source)
    assert (
        regrettable.title
        == "North Korea Calls Talks 'Regrettable' After U.S. Says Progress Was Made"
    )
    assert (
        reasons["The two sides offered mixed messages on North Korean denuclearization."]
        == "standfirst"
    )


def test_removal_spans_point_into_the_article(sample_brief: Brief) -> None:
    for removal in sample_brief.removals:
        text = sample_brief.cluster.article(removal.article_id).text
        assert text[removal.start : removal.end].rstrip() == removal.text


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("Bagikan Berita Ini", "share-widget"),
        ("Compartir esta noticia", "share-widget"),
        ("Artikel teilen", "share-widget"),
        ("Share this article", "share-widget"),
        ("Follow us on Twitter", "share-widget"),
        ("Advertisement", "advertisement"),
        ("ADVERTISEMENT", "advertisement"),
        ("Story continues below advertisement", "advertisement"),
        ("Write to Sam Lee at sam.lee@example.com", "contact-footer"),
        ("Reporting by Nadia Park; Editing by Owen Falk", "contact-footer"),
        ("Contact the author at jo@example.org", "contact-footer"),
        ("Source: Harbor County Health Department", "contact-footer"),
        ("Sources: Alder Valley Ledger; state records.", "contact-footer"),
        ("Photo: Jane Doe/Alder Valley Ledger", "photo-credit"),
        ("(AP Photo/Ahn Young-joon)", "photo-credit"),
        ("Image copyright Getty Images", "photo-credit"),
        ("Sign up for our morning newsletter", "boilerplate"),
        ("© 2026 Port Alder Courier. All rights reserved.", "boilerplate"),
    ],
)
def test_junk_lines(line: str, reason: str) -> None:
    body = "The council met on Monday to discuss the budget.\n" + line + "\nIt approved the plan."
    assert removed(body) == {line: reason}


@pytest.mark.parametrize(
    "line",
    [
        "Yes.",
        "He said the share price fell sharply on Monday.",
        "Officials will follow the plan, the mayor said.",
        "The photo was taken by a passer-by, police said.",
        "She wrote to the mayor at once.",
        "Source: the company said profits fell. Shares rose.",
        "Sources: the police said two men fled.",
    ],
)
def test_prose_is_not_removed(line: str) -> None:
    body = "The council met on Monday to discuss the budget.\n" + line + "\nIt approved the plan."
    assert removed(body) == {}


def test_torn_graphic_needs_several_labels() -> None:
    heading = "The council met on Monday.\nBudget details\nThe plan passed."
    assert removed(heading) == {}
    torn = "The council met on Monday.\nmap\nN\n1\n2\nHarbor\nThe plan passed."
    assert set(removed(torn).values()) == {"torn-graphic"}


def test_title_standfirst_and_dateline_become_metadata() -> None:
    text = (
        "Bridge closes after cracks found\n\n"
        "The city says repairs will be quick; engineers disagree.\n\n"
        "PORT ALDER, March 2, 2026 — The city closed the bridge on Monday.\n"
        "Ferries added boats.\nBuses were rerouted.\n"
    )
    article, removals = clean(Article("1", text, "test"), SETTINGS)
    reasons = {r.reason: r.text for r in removals}
    assert reasons["title"] == "Bridge closes after cracks found"
    assert reasons["standfirst"].startswith("The city says repairs")
    assert reasons["dateline"] == "PORT ALDER, March 2, 2026 —"
    assert article.title == "Bridge closes after cracks found"
    assert article.date == "2026-03-02"


def test_one_sentence_lead_under_a_title_is_kept() -> None:
    text = (
        "Bridge closes after cracks found\n\n"
        "The city closed the Harbor Bridge on Monday after inspectors found cracks.\n\n"
        "Ferries added boats.\nBuses were rerouted.\nThe mayor apologized.\n"
    )
    reasons = set(removed(text).values())
    assert reasons == {"title"}


def test_example_cluster_noise_is_removed(example_brief: Brief) -> None:
    reasons = {r.text: r.reason for r in example_brief.removals}
    assert reasons["Compartir esta noticia"] == "share-widget"
    assert reasons["Artikel teilen"] == "share-widget"
    assert reasons["500 feet"] == "torn-graphic"
    assert reasons["Photo: Jane Doe/Alder Valley Ledger"] == "photo-credit"
    html = next(a for a in example_brief.articles if a.source.endswith(".html"))
    assert html.title == "City and state trade blame over Harbor Bridge cracks"
    assert html.date == "2026-03-04"
    assert "cookies" not in html.text and "All rights reserved" not in html.text


@pytest.mark.parametrize(
    ("line", "dateline"),
    [
        ("SEOUL, South Korea (AP) — Talks began on Monday.", "SEOUL, South Korea (AP) —"),
        ("washington ( ap ) — the house voted on the plan.", "washington ( ap ) —"),
        ("(CNN) -- A storm hit the coast on Monday.", "(CNN) --"),
        # Newswire archives (AP, NYT, Xinhua as DUC ships them) type the dash.
        (
            "BRUSSELS, January 22 (Xinhua) -- Two polls showed support for the plan.",
            "BRUSSELS, January 22 (Xinhua) --",
        ),
        ("WASHINGTON (AP) _ The court ruled for the company.", "WASHINGTON (AP) _"),
        ("NEW YORK _ What began as a rally ended in arrests.", "NEW YORK _"),
        ("Washington _ The former speaker filed for divorce.", "Washington _"),
        ("ST. LOUIS -- The council voted on Monday.", "ST. LOUIS --"),
    ],
)
def test_wire_datelines(line: str, dateline: str) -> None:
    assert removed(line + "\nMore text follows here.") == {dateline: "dateline"}


def test_a_wire_service_named_mid_sentence_is_no_dateline() -> None:
    assert removed("The AP reported (AP) that it was so.\nMore text follows here.") == {}


@pytest.mark.parametrize(
    "line",
    [
        "The SLORC _ State Law and Order Restoration Council _ rules the country.",
        "Yes -- and no, the minister said on Monday.",
        "He said _ twice _ that it was over.",
    ],
)
def test_a_typed_dash_in_prose_is_no_dateline(line: str) -> None:
    assert removed(line + "\nMore text follows here.") == {}


def test_a_dateline_is_not_summary_text() -> None:
    text = "WASHINGTON (AP) _ The Senate passed the budget bill late on Monday night.\n"
    sentences = segment(*clean(Article("1", text, "test"), SETTINGS))
    assert [s.text for s in sentences] == [
        "The Senate passed the budget bill late on Monday night."
    ]


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("ATTENTION EDITORS: The following photos are part of tonight's package.", "wire-note"),
        ("(BEGIN OPTIONAL TRIM)", "wire-note"),
        ("Story Filed By Cox Newspapers", "wire-note"),
        ("For Use By Clients of the New York Times News Service", "wire-note"),
        ("Questions should be directed to CoxNet, the Cox News Service, in Atlanta.", "wire-note"),
        ("WHAT IS THE PERJURY CASE AGAINST PRESIDENT CLINTON?", "heading"),
        ("HOW TO REACH US", "heading"),
        (
            "ATTENTION EDITORS: The following photos are part of tonight's New York Times Photo "
            "Package, moving Wednesday. Photo clients will automatically receive these photos "
            "via the usual service or may download them from the photo database at 972-392-0888.",
            "wire-note",
        ),
        (
            "Address questions to Garden Q&A, The New York Times, 229 West 43d St., New York "
            "10036, or by e-mail to gardening(at)nytimes.com. Those of general interest will be "
            "published. Unpublished questions cannot be answered individually.",
            "wire-note",
        ),
        (
            "The news manager is Paul Foutch, 404-526-5429, pfoutch(at)coxnews.com.",
            "contact-footer",
        ),
    ],
)
def test_wire_notes_and_capital_headings_are_not_story(line: str, reason: str) -> None:
    body = "The council met on Monday to discuss the budget.\n" + line + "\nIt approved the plan."
    assert removed(body) == {line: reason}


def test_an_article_all_in_capitals_keeps_its_lines() -> None:
    assert removed("THE COUNCIL MET ON MONDAY.\nIT APPROVED THE PLAN.\nMORE FOLLOWS HERE.") == {}


@pytest.mark.parametrize(
    "line",
    [
        "Об этом сообщает агентство AFP.",  # a capitalised acronym in a script with case
        "청와대는 이날 NSC 회의를 열었다",  # a script without case, no full stop
    ],
)
def test_capitals_that_are_not_a_heading_stay(line: str) -> None:
    body = "The council met on www.example.org on Monday.\n" + line + "\nIt approved the plan."
    assert removed(body) == {}


def test_a_trim_mark_opening_a_paragraph_goes_alone() -> None:
    line = "(BEGIN OPTIONAL TRIM) Asked how he eats strawberries, the grower laughed."
    text = "The council met on Monday to discuss the budget.\n" + line + "\nIt approved it.\n"
    article, removals = clean(Article("1", text, "test"), SETTINGS)
    assert {r.text: r.reason for r in removals} == {"(BEGIN OPTIONAL TRIM)": "wire-note"}
    texts = [s.text for s in segment(article, removals)]
    assert "Asked how he eats strawberries, the grower laughed." in texts


def test_prose_opening_with_optional_is_no_trim_mark() -> None:
    line = "Optional add-ons cost extra for the base model, the dealer said."
    assert removed("The council met on Monday.\n" + line + "\nMore text follows here.") == {}


@pytest.mark.parametrize(
    "line",
    [
        "Bertelsmann _ which is based in Gutersloh _ is negotiating to buy the firm.",
        "OK, Fine -- the talks went on all night.",
        "UN (United Nations) -- the body met on Monday.",
        "Technically, Wine Brats is an acronym _ and a good one, he said.",
    ],
)
def test_prose_with_a_typed_dash_keeps_its_subject(line: str) -> None:
    assert removed(line + "\nMore text follows here.") == {}


def test_a_dateline_naming_a_region_in_brackets() -> None:
    line = "ISTANBUL (Turkey), August 21 (Xinhua) -- A blaze in a refinery was put out."
    assert removed(line + "\nMore text follows here.") == {
        "ISTANBUL (Turkey), August 21 (Xinhua) --": "dateline"
    }


@pytest.mark.parametrize(
    ("line", "iso"),
    [
        ("March 3, 2031", "2031-03-03"),
        ("Updated: Tuesday, March 4, 2031 10:15 a.m. ET", "2031-03-04"),
        ("Posted on Tue, Mar. 4, 2031 at 9:00 PM", "2031-03-04"),
        ("Published 5 March 2031", "2031-03-05"),
        ("2031-03-05 14:05 GMT", "2031-03-05"),
        ("March 3, 2031 will be remembered as the day the bridge fell.", None),
        ("On March 3, 2031", None),
        ("Updated: soon", None),
    ],
)
def test_a_date_line_of_the_head_is_metadata(line: str, iso: str | None) -> None:
    from newsbrief.summary.clean import clean_with_lines

    text = f"Bridge Closed\n{line}\n\nThe Alder bridge closed after inspectors found cracks."
    article, removals, _ = clean_with_lines(Article("1", text, "s"), Settings())
    assert article.date == iso
    assert [r.text for r in removals if r.reason == "date-line"] == ([line] if iso else [])


def test_a_date_line_deep_in_the_story_is_left_alone() -> None:
    from newsbrief.summary.clean import clean_with_lines

    story = "\n".join(
        f"Paragraph {n} of the story tells what the inspectors found." for n in range(8)
    )
    article, removals, _ = clean_with_lines(
        Article("1", story + "\nMarch 3, 2031", "s"), Settings()
    )
    assert article.date is None and not any(r.reason == "date-line" for r in removals)


def test_a_short_line_with_a_date_and_a_count_is_no_date_line() -> None:
    from newsbrief.summary.clean import clean_with_lines

    text = "Storm toll\nJune 12, 2019, 10 dead\n\nThe storm hit the coast on Tuesday night."
    article, removals, _ = clean_with_lines(Article("1", text, "s"), Settings())
    assert article.date is None and not any(r.reason == "date-line" for r in removals)


STORY = (
    "The council met on Monday to discuss the budget.\n"
    "It approved the plan after a long debate, members said.\n"
)


@pytest.mark.parametrize(
    "line",
    [
        "Mara Quill writes for the Port Alder Courier, Port Alder, Ore.",
        "Dana Reyes and Tom Akers write for the Harbor Ledger.",
        "(Lena Fisk is a Courier columnist.)",
        "(Ivo Brandt is the Ledger's Sunday writer.)",
        "Omar Sayed is a staff writer for the Valley Times.",
        "(Courier correspondent Ana Ruiz also contributed to this report.)",
        "Staff writer Ben Hale contributed to this report, which also includes wire reports.",
        "Jo Marsh can be reached at 555-0100 or at jmarsh(at)courier.example.",
        "(Pia Lund is a Ledger staff member. She can be reached at the Ledger, Port Alder.)",
    ],
)
def test_a_writers_note_closing_an_article_is_a_credit(line: str) -> None:
    assert removed(STORY + line) == {line: "contact-footer"}
    assert removed(STORY + line + "\nStory Filed By Alder News Service") == {
        line: "contact-footer",
        "Story Filed By Alder News Service": "wire-note",
    }


def test_a_run_of_credits_closing_an_article_goes() -> None:
    credits = [
        "Staff writer Ben Hale contributed to this report.",
        "Jo Marsh can be reached at 555-0100.",
        "(Lena Fisk is a Courier columnist.)",
        "Mara Quill writes for the Port Alder Courier.",
    ]
    assert removed(STORY + "\n".join(credits)) == dict.fromkeys(credits, "contact-footer")


@pytest.mark.parametrize(
    "line",
    [
        "Mara Quill writes for the Port Alder Courier, and her series won a prize.",
        "Lena Fisk is a Courier columnist.",
        "Jo Marsh can be reached at the club most evenings, friends said.",
    ],
)
def test_the_same_words_inside_a_story_stay(line: str) -> None:
    # Only an article's last lines are looked at: inside the story these are news.
    story = line + "\n" + STORY + "The vote was 7 to 2.\nWork starts in May, officials said.\n"
    assert removed(story) == {}


def test_a_story_line_that_ends_an_article_stays() -> None:
    for line in (
        "Her lawyer could not be reached for comment on Monday.",
        "The mayor, who writes for the city's website, declined to comment.",
    ):
        assert removed(STORY + line) == {}


def test_a_closing_line_about_someone_the_story_named_stays() -> None:
    # A one-sentence bio of the story's subject is shaped like a writer's note; the writer is
    # not named in the story (the byline is not in the text), the subject is.
    story = "Ada Quill resigned from the council on Monday.\n" + STORY
    assert removed(story + "Quill is a former editor of the Port Alder Courier.") == {}
    assert removed(story + "(Quill is a former editor of the Port Alder Courier.)") == {
        "(Quill is a former editor of the Port Alder Courier.)": "contact-footer"
    }
    assert removed(story + "Lena Fisk is a Courier columnist.") == {
        "Lena Fisk is a Courier columnist.": "contact-footer"
    }
    # The writer's byline is no story, and a family name that is also a word is not the name.
    for head in ("By Lena Fisk\n", "Lena Fisk (AP)\n"):
        note = "Lena Fisk writes for the Port Alder Courier."
        assert removed(head + STORY + note).get(note) == "contact-footer"
    note = "Ed Young is a Courier columnist."
    assert removed("Young voters came out on Monday.\n" + STORY + note) == {note: "contact-footer"}


def test_a_credit_after_the_last_sentence_of_story_goes_alone() -> None:
    last = "``We will rebuild it,'' Reyes said. Jo Marsh can be reached at 555-0100."
    article, removals = clean(Article("1", STORY + last, "test"), SETTINGS)
    assert {r.text: r.reason for r in removals} == {
        "Jo Marsh can be reached at 555-0100.": "contact-footer"
    }
    assert segment(article, removals)[-1].text == "``We will rebuild it,'' Reyes said."


def test_a_credit_after_an_abbreviation_keeps_its_whole_sentence() -> None:
    last = "``We will rebuild it,'' Reyes said. Mr. Jo Marsh can be reached at 555-0100."
    _, removals = clean(Article("1", STORY + last, "test"), SETTINGS)
    assert [r.text for r in removals] == ["Mr. Jo Marsh can be reached at 555-0100."]


def test_a_wires_end_of_item_mark_is_a_wire_note() -> None:
    last = (
        "Work on the bridge starts in May, officials said. enditem =0102 =0103 NNNN 21:41 g # PAB"
    )
    article, removals = clean(Article("1", STORY + last + "\nENDIT", "test"), SETTINGS)
    assert {r.text: r.reason for r in removals} == {
        "enditem =0102 =0103 NNNN 21:41 g # PAB": "wire-note",
        "ENDIT": "wire-note",
    }
    assert segment(article, removals)[-1].text == (
        "Work on the bridge starts in May, officials said."
    )


def test_a_credit_line_with_an_end_of_item_mark_goes_once() -> None:
    line = "Staff writer Ben Hale contributed to this report. enditem nnnn"
    _, removals = clean(Article("1", STORY + line, "test"), SETTINGS)
    assert [(r.text, r.reason) for r in removals] == [(line, "contact-footer")]


def test_a_capital_copyright_notice_opening_the_story_line_is_boilerplate() -> None:
    notice = (
        "PORT ALDER, O.R. 97001 Tel: 503-555-0100 COPYRIGHT 2026 BY HARBORWIRE, INC. NO PART "
        "MAY BE USED WITHOUT ATTRIBUTION TO HARBORWIRE, INC."
    )
    text = notice + " Crews began repairs on the harbor bridge on Monday.\nMore text follows."
    assert removed(text) == {notice: "boilerplate"}
    article = Article("a", text, "a")
    cleaned, removals = clean(article, Settings())
    sentences = segment(cleaned, removals)
    assert sentences[0].text == "Crews began repairs on the harbor bridge on Monday."
    assert sentences[0].start == len(notice) + 1


@pytest.mark.parametrize(
    "text",
    [
        "The COPYRIGHT office said the filing was late. It was refiled.",
        "NEW COPYRIGHT LAW. Lawmakers met on Monday.",
    ],
)
def test_capitals_without_a_notice_or_in_prose_stay(text: str) -> None:
    assert removed(text + "\nMore text follows.") == {}


NOTICE = (
    "PORT ALDER, O.R. 97001 Tel: 503-555-0100 COPYRIGHT 2026 BY HARBORWIRE, INC. NO PART "
    "MAY BE USED WITHOUT ATTRIBUTION TO HARBORWIRE, INC."
)


@pytest.mark.parametrize("opening", ["Mr. Obi said", "U.S. officials said", "Dr. Ruiz said"])
def test_a_notice_stops_before_an_abbreviation_opening_the_story(opening: str) -> None:
    text = f"{NOTICE} {opening} the bridge will reopen in May.\nMore text follows."
    assert removed(text) == {NOTICE: "boilerplate"}
    cleaned, removals = clean(Article("a", text, "a"), Settings())
    assert segment(cleaned, removals)[0].text.startswith(opening)


def test_a_line_that_is_all_notice_goes_and_a_dateline_after_a_notice_is_found() -> None:
    text = NOTICE + "\nCrews began repairs on the harbor bridge on Monday.\nMore text follows."
    assert removed(text) == {NOTICE: "boilerplate"}
    text = f"{NOTICE} PORT ALDER (AP) -- Crews began repairs on Monday.\nMore text follows."
    assert removed(text) == {NOTICE: "boilerplate", "PORT ALDER (AP) --": "dateline"}


def test_an_article_in_capitals_keeps_a_lead_that_names_a_copyright_year() -> None:
    text = (
        "WASHINGTON (AP) _ THE SUPREME COURT SAID MONDAY THE COPYRIGHT 1976 ACT COVERS "
        "FREELANCE WORK IN ONLINE ARCHIVES.\nTHE VOTE WAS 7-2.\n"
    )
    assert "boilerplate" not in removed(text).values()


@pytest.mark.parametrize(
    "text",
    [
        NOTICE + " ENDIT",  # all in capitals: no notice, the end mark alone
        NOTICE + " ENDIT\nCrews began repairs on the harbor bridge on Monday.",
        "Harbor news\n" + NOTICE + " PORT ALDER (AP) -- Crews began repairs.\nMore text.",
    ],
)
def test_removals_around_a_notice_never_overlap(text: str) -> None:
    _, removals = clean(Article("1", text, "test"), SETTINGS)
    spans = sorted((r.start, r.end) for r in removals)
    assert all(end <= start for (_, end), (start, _) in itertools.pairwise(spans))


def test_the_web_archives_notes_on_its_crawls_are_boilerplate() -> None:
    # Multi-News: pages saved by the Wayback Machine carry the Internet Archive's notes on the
    # crawl that saved them; they were in the summaries of 408 of 671 validation clusters.
    story = "The harbor council voted on Monday to close the old bridge for two years of repairs."
    notes = [
        "These crawls are part of an effort to archive pages as they are created, so links "
        "keep working for readers who follow them later.",
        "Since 1996, a web company has been donating its crawl data to the Internet Archive, "
        "where it is added after a waiting period.",
        "This collection contains web crawls made for the harbor council's records office.",
    ]
    found = removed("\n\n".join([story, *notes]))
    assert all(found.get(note) == "boilerplate" for note in notes)
    assert story not in found
    # A story about the archive, or about crawling, is news.
    news = [
        "The Internet Archive said its crawl of city websites would be finished in March.",
        "Rescuers crawled into the collapsed bridge to reach the driver.",
    ]
    assert not removed("\n\n".join(news))


def test_an_article_cleaning_leaves_nothing_of_is_named_in_a_notice() -> None:
    from newsbrief import brief

    story = (
        "The harbor council voted on Monday to close the old bridge for two years of repairs. "
        "Officials said ferries would carry commuters in the meantime."
    )
    notes = "These crawls are part of an effort to archive pages as they are created, for links."
    result = brief([{"text": story, "source": "a"}, {"text": notes, "source": "b"}], words=60)
    told = [n for n in result.cluster.notices if n.code == "no-story-text"]
    assert [(n.source, n.skipped) for n in told] == [("b", True)]
    assert "--explain" in told[0].message
