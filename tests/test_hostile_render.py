"""Hostile values in every output field: no markup runs, no control sequence reaches a terminal.

Issue 15, items 2 and 3. A brief is built whose every field (ids, titles, sources, dates, article
text, summary sentences, quotes, speakers, actors, roles, notices, removals, timeline, agreement
evidence) carries script, HTML, ``javascript:`` and terminal-escape payloads. Every format is
rendered; the HTML page, the Markdown as a CommonMark renderer turns it into HTML (raw HTML on)
and the service page showing that brief are loaded in a real Chromium, which must show no
injected element, no event-handler attribute, no link off the page and no dialog.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from live_server import serving

from newsbrief.records import (
    Actor,
    Alignment,
    Article,
    Brief,
    Citation,
    Cluster,
    DateMention,
    Mention,
    Notice,
    Quote,
    Removal,
    Sentence,
    SummarySentence,
    TimelineEntry,
)
from newsbrief.render import FORMATS, render

PAYLOADS = (
    '"><img src=x onerror=alert(1)>',
    "<script>alert(2)</script>",
    "javascript:alert(3)",
    "'><svg onload=alert(4)>",
    "<iframe src=javascript:alert(5)></iframe>",
    '[link](javascript:alert(6)) <a href="javascript:alert(7)">a</a> <javascript:alert(8)>',
    "&lt;img src=x onerror=alert(9)&gt;",
    "\x1b[31m\x1b]0;title\x07\x9b2J\x7f\r\u202e",
)
CONTROL_CHARS = ("\x1b", "\x07", "\x9b", "\x7f", "\r", "\u202e")
RAW_MARKUP = ("<img", "<script", "<svg", "<iframe", '<a href="javascript', "<javascript")


def hostile(tag: str) -> str:
    """Every payload, and a tag saying which field this is."""
    return f"{tag}: " + " ".join(PAYLOADS)


def _article(n: int) -> tuple[Article, Sentence, Sentence]:
    first = f"{hostile(f'sentence {n}a')} The council met on Monday."
    second = f"“{hostile(f'quote {n}')}” said {hostile(f'speaker {n}')} on Tuesday."
    text = f"{hostile(f'lead {n}')}\n\n{first} {second}"
    article = Article(
        id=hostile(f"id {n}"),
        text=text,
        source=hostile(f"source {n}"),
        title=hostile(f"title {n}"),
        date=hostile(f"date {n}"),
    )
    start = text.index(first)
    sentences = (
        Sentence(article.id, 0, start, start + len(first), first),
        Sentence(article.id, 1, text.index(second), text.index(second) + len(second), second),
    )
    return article, *sentences


def _mention(sentence: Sentence) -> Mention:
    return Mention(sentence.article_id, sentence.start, sentence.end, sentence.text)


def hostile_brief() -> Brief:
    """A brief with a payload in every field any format shows."""
    (a1, s1, q1), (a2, s2, q2) = _article(1), _article(2)
    cluster = Cluster(
        articles=(a1, a2),
        sentences=(s1, q1, s2, q2),
        removals=(Removal(a1.id, 0, 10, hostile("removed text"), hostile("reason")),),
        notices=(Notice(hostile("code"), hostile("notice"), hostile("notice source"), True),),
    )
    cite = lambda s: Citation(s.article_id, s.index, s.start, s.end)  # noqa: E731
    speaker = Mention(a1.id, q1.start, q1.end, hostile("speaker mention"))
    actor = Actor(
        hostile("actor id"), hostile("actor"), hostile("kind"), hostile("role"), (speaker,)
    )
    date = DateMention(
        a1.id, s1.start, s1.end, hostile("date text"), hostile("value"), hostile("granularity"),
        hostile("earliest"), hostile("latest"), hostile("anchor"), hostile("date note"),
    )  # fmt: skip
    return Brief(
        sentences=(
            SummarySentence(s1.text, cite(s1), (cite(s2),), 0.9),
            SummarySentence(q2.text, cite(q2), (), 0.5),
        ),
        cluster=cluster,
        words=150,
        settings={"note": hostile("settings")},
        actors=(actor,),
        quotes=(
            Quote(
                a1.id,
                q1.start,
                q1.end,
                q1.text,
                actor.id,
                hostile("speaker text"),
                hostile("verb"),
                True,
                hostile("attribution"),
                speaker,
                False,
            ),
            Quote(
                a2.id,
                q2.start,
                q2.end,
                q2.text,
                None,
                hostile("unresolved speaker"),
                hostile("verb"),
                False,
                None,
                None,
                True,
            ),
        ),
        timeline=(
            TimelineEntry(
                hostile("when"),
                hostile("granularity"),
                hostile("earliest"),
                hostile("latest"),
                _mention(s1),
                (_mention(s1), _mention(s2)),
                (date,),
                hostile("timeline note"),
            ),
        ),
        agreement=(  # the labels are the code's own words; everything else is hostile
            Alignment(
                "conflict",
                hostile("kind"),
                (_mention(s1), _mention(s2)),
                hostile("evidence"),
                0.5,
                (hostile("holder"), None),
                hostile("judge"),
            ),
            Alignment(
                "position",
                hostile("kind"),
                (_mention(q1), _mention(q2)),
                hostile("position evidence"),
                0.5,
                (hostile("holder"), hostile("other")),
                hostile("judge"),
                hostile("matter"),
            ),
        ),
        sections=("summary", "actors", "quotes", "timeline", "agreement"),
    )


@pytest.fixture(scope="module")
def brief() -> Brief:
    return hostile_brief()


@pytest.mark.parametrize("fmt", FORMATS)
def test_no_control_character_reaches_the_output(brief: Brief, fmt: str) -> None:
    out = render(brief, fmt, explain=True)
    assert "sentence 1a" in out and "evidence" in out  # the fields are there
    leaked = [repr(c) for c in CONTROL_CHARS if c in out]
    assert not leaked, f"{fmt} output holds {leaked}"


def test_markdown_passes_no_html_and_no_markup(brief: Brief) -> None:
    md = render(brief, "md", explain=True)
    assert not [m for m in RAW_MARKUP if m in md]
    assert "&lt;script&gt;" in md and "\\[link](javascript" in md
    assert "&amp;lt;img" in md  # an entity in the input is shown as written, not decoded
    assert "\n- title 1" not in md  # a value cannot start a list item or a heading of its own


def test_json_keeps_every_value_exactly(brief: Brief) -> None:
    text = render(brief, "json")
    data = json.loads(text)
    assert data["articles"][0]["id"] == brief.articles[0].id  # escaped, not altered
    assert data["articles"][0]["text"] == brief.articles[0].text
    assert data["agreement"][0]["evidence"] == brief.agreement[0].evidence


def test_html_escapes_every_field(brief: Brief) -> None:
    page = render(brief, "html", explain=True)
    assert not [m for m in RAW_MARKUP if m in page]
    assert page.count("<a ") == page.count('<a href="#a')  # every link stays on the page
    for field in ("id 1", "title 2", "source 1", "actor", "role", "evidence", "notice", "when"):
        assert f"{field}: " in page or field == "id 1"  # the id is not shown, only cited by number


# ---- in a real browser ----

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"]
INJECTED = """() => {
  const all = [...document.querySelectorAll("*")];
  return {
    elements: [...document.querySelectorAll(
      "img, svg, iframe, object, embed, script:not([src='/static/app.js'])")]
      .map((e) => e.outerHTML.slice(0, 80)),
    handlers: all.filter((e) => [...e.attributes].some((a) => a.name.startsWith("on")))
      .map((e) => e.outerHTML.slice(0, 80)),
    links: [...document.querySelectorAll("a[href]")].map((a) => a.getAttribute("href"))
      .filter((href) => !href.startsWith("#") && !href.startsWith("blob:")),
    text: document.body.innerText,
  };
}"""


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    if not CHROMIUM.exists():
        pytest.skip(f"no Chromium at {CHROMIUM}: apt-get install chromium")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield browser
        browser.close()


def _open(browser: object) -> tuple[object, list[str]]:
    page = browser.new_page()  # type: ignore[attr-defined]
    page.set_default_timeout(20_000)
    dialogs: list[str] = []

    def on_dialog(dialog: object) -> None:
        dialogs.append(dialog.message)  # type: ignore[attr-defined]
        dialog.dismiss()  # type: ignore[attr-defined]

    page.on("dialog", on_dialog)
    return page, dialogs


def _assert_clean(page: object, dialogs: list[str], what: str) -> str:
    page.wait_for_timeout(300)  # type: ignore[attr-defined]  # let any onerror/onload fire
    found = page.evaluate(INJECTED)  # type: ignore[attr-defined]
    assert not found["elements"], f"{what}: injected elements {found['elements']}"
    assert not found["handlers"], f"{what}: event-handler attributes {found['handlers']}"
    assert not found["links"], f"{what}: links off the page {found['links']}"
    assert not dialogs, f"{what}: dialogs {dialogs}"
    return str(found["text"])


def test_html_output_runs_nothing_in_chromium(browser: object, brief: Brief) -> None:
    page, dialogs = _open(browser)
    page.set_content(render(brief, "html", explain=True))  # type: ignore[attr-defined]
    text = _assert_clean(page, dialogs, "--format html")
    assert "<script>alert(2)</script>" in text  # shown as text
    for link in page.locator("a").all():  # type: ignore[attr-defined]
        link.click()  # a citation link jumps to its mark
    _assert_clean(page, dialogs, "--format html after following every link")
    page.close()  # type: ignore[attr-defined]


def test_markdown_rendered_by_commonmark_runs_nothing(browser: object, brief: Brief) -> None:
    markdown_it = pytest.importorskip("markdown_it", reason="markdown-it-py is not installed")
    html = markdown_it.MarkdownIt("commonmark").render(render(brief, "md", explain=True))
    page, dialogs = _open(browser)
    page.set_content(f"<!doctype html><body>{html}</body>")  # type: ignore[attr-defined]
    text = _assert_clean(page, dialogs, "-f md through CommonMark")
    assert "<img src=x onerror=alert(1)>" in text and "[link](javascript:alert(6))" in text
    page.close()  # type: ignore[attr-defined]


@pytest.fixture(scope="module")
def server_url() -> Iterator[str]:
    pytest.importorskip("fastapi", reason="the service extra is not installed")
    pytest.importorskip("uvicorn", reason="the service extra is not installed")
    with serving() as url:
        yield url


def test_service_page_shows_hostile_brief_as_text(
    browser: object, server_url: str, brief: Brief
) -> None:
    page, dialogs = _open(browser)
    body = render(brief, "json")
    page.route(  # type: ignore[attr-defined]
        "**/v1/brief",
        lambda route: route.fulfill(status=200, content_type="application/json", body=body),
    )
    page.goto(server_url)  # type: ignore[attr-defined]
    page.wait_for_load_state("networkidle")  # type: ignore[attr-defined]
    page.get_by_label("Text", exact=True).first.fill("anything")  # type: ignore[attr-defined]
    page.get_by_role("button", name="Brief these articles").click()  # type: ignore[attr-defined]
    page.locator("#summary .sentence").first.wait_for()  # type: ignore[attr-defined]
    for sentence in page.locator("#summary .sentence").all():  # type: ignore[attr-defined]
        sentence.hover()
    for selector in ("#detail button", "#sections-out button", "#sources button"):
        for button in page.locator(selector).all():  # type: ignore[attr-defined]
            button.click()
    page.evaluate(  # type: ignore[attr-defined]
        "document.querySelectorAll('details').forEach((d) => { d.hidden = false; d.open = true; })"
    )
    text = _assert_clean(page, dialogs, "service page")
    assert "<img src=x onerror=alert(1)>" in text and "evidence: " in text
    copied = page.evaluate("markdown(state.brief)")  # type: ignore[attr-defined]
    assert "sentence 1a" in copied
    assert not [m for m in RAW_MARKUP if m in copied], "Copy as Markdown passes HTML"
    assert not [c for c in CONTROL_CHARS if c in copied], "Copy as Markdown passes controls"
    page.close()  # type: ignore[attr-defined]


def test_service_page_real_brief_of_hostile_fields(browser: object, server_url: str) -> None:
    """End to end, no stand-in: hostile title, source, date and text through the real service."""
    page, dialogs = _open(browser)
    page.goto(server_url)  # type: ignore[attr-defined]
    page.wait_for_load_state("networkidle")  # type: ignore[attr-defined]
    text = " ".join(
        f"{hostile(f'sentence {i}')} The harbor council approved plan {i} on Monday."
        for i in range(6)
    )
    page.get_by_label("Text", exact=True).first.fill(text)  # type: ignore[attr-defined]
    for label in ("Title", "Source", "Date"):
        field = page.get_by_label(label, exact=True).first  # type: ignore[attr-defined]
        field.fill(hostile(label.lower()))
    page.get_by_role("button", name="Brief these articles").click()  # type: ignore[attr-defined]
    page.locator("#summary .sentence, #status.error").first.wait_for()  # type: ignore[attr-defined]
    for button in page.locator("#sources button, #sections-out button").all():  # type: ignore[attr-defined]
        button.click()
    shown = _assert_clean(page, dialogs, "service page, real brief")
    assert "title: " in shown
    page.close()  # type: ignore[attr-defined]


def test_cli_notices_and_errors_carry_no_control_characters(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from newsbrief.cli import main

    odd = tmp_path / "a\x1b[31mred\x07.txt"
    odd.write_text("The harbor council approved the plan on Monday after a long debate.")
    empty = tmp_path / "b\x1b]0;title\x07.txt"
    empty.write_text("")
    result = CliRunner().invoke(main, ["brief", str(odd), str(empty)])
    assert result.exit_code == 0 and "skipped" in result.stderr
    assert not [c for c in CONTROL_CHARS if c in result.stderr]
    missing = CliRunner().invoke(main, ["brief", str(tmp_path / "gone\x1b[2J.txt")])
    assert missing.exit_code != 0 and "gone" in missing.stderr
    assert "\x1b" not in missing.stderr
