"""End to end in a real headless Chromium: the page loads, the sample cluster is pasted, the brief
appears, and hovering (or moving to) a sentence highlights its source sentence beside it.

Uses Debian's ``chromium`` (``.ci/run`` installs it) driven by Playwright; skipped, with the
reason, only where no Chromium is installed. ``NEWSBRIEF_SCREENSHOT=docs/screenshot.png``
also saves the screenshot the README shows.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from live_server import serving

pytest.importorskip("fastapi", reason="the service extra is not installed")
uvicorn = pytest.importorskip("uvicorn", reason="the service extra is not installed")
sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
if not CHROMIUM.exists():
    pytest.skip(
        f"no Chromium at {CHROMIUM}: apt-get install chromium (.ci/run does where apt-get works)",
        allow_module_level=True,
    )


@pytest.fixture(scope="module")
def server_url() -> Iterator[str]:
    with serving() as url:
        yield url


@pytest.fixture(scope="module")
def page(server_url: str) -> Iterator[object]:
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        context = browser.new_context(
            viewport={"width": 1280, "height": 900}, accept_downloads=True
        )
        page = context.new_page()
        page.set_default_timeout(20_000)
        yield page
        context.close()
        browser.close()


def sentence_text(page, index: int) -> str:
    return page.evaluate(
        "(i) => document.querySelectorAll('#summary .sentence')[i].firstChild.textContent", index
    )


def test_paste_brief_hover_and_check(page, server_url: str, sample_dir: Path) -> None:
    requests: list[str] = []
    problems: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.on("console", lambda m: m.type == "error" and problems.append(m.text))

    page.goto(server_url)
    page.wait_for_load_state("networkidle")  # /v1/info has filled in the section choices
    assert page.title().startswith("newsbrief")
    texts = [p.read_text() for p in sorted(sample_dir.glob("*.txt"))]
    boxes = page.get_by_label("Text", exact=True)
    while boxes.count() < len(texts):
        page.get_by_role("button", name="Add another article").click()
    for n, text in enumerate(texts):
        boxes.nth(n).fill(text)
    page.get_by_label("Title", exact=True).first.fill("Summit preparations")
    boxes_for_sections = page.locator("#section-boxes input")
    for box in boxes_for_sections.all():  # the summary and the timeline: quick, no spaCy
        box.set_checked(box.get_attribute("value") == "timeline")
    page.get_by_role("button", name="Brief these articles").click()

    sentences = page.locator("#summary .sentence")
    sentences.first.wait_for()
    count = sentences.count()
    assert count >= 2 and "Brief ready" in page.locator("#status").inner_text()
    assert page.locator("#summary .cite").first.inner_text().startswith("[")

    last = count - 1
    sentences.nth(last).hover()
    mark = page.locator("#source mark.cited")
    assert mark.inner_text() == sentence_text(page, last)  # the exact source sentence
    assert sentences.nth(last).get_attribute("aria-pressed") == "true"
    assert page.locator("#source-meta").inner_text().startswith("[")

    sentences.first.focus()  # keyboard: focus shows the source, arrows move along
    assert mark.inner_text() == sentence_text(page, 0)
    page.keyboard.press("ArrowRight")
    assert page.evaluate("document.activeElement.dataset.index") == "1"
    assert mark.inner_text() == sentence_text(page, 1)

    with page.expect_download() as download:
        page.get_by_role("button", name="Download JSON").click()
    data = json.loads(Path(download.value.path()).read_text())
    assert [s["text"] for s in data["summary"]["sentences"]] == [
        sentence_text(page, i) for i in range(count)
    ]
    assert data["articles"][0]["title"] == "Summit preparations"

    if boxes_for_sections.count():  # the server has analysis sections: the one asked is shown
        assert page.locator("#sections-out h3").all_inner_texts() == ["Timeline"]
        page.locator("#sections-out button").first.click()
        assert page.locator("#source mark.cited").count() == 1

    if os.environ.get("NEWSBRIEF_SCREENSHOT"):
        sentences.nth(1).hover()
        page.evaluate("document.getElementById('brief-title').scrollIntoView()")
        page.screenshot(path=os.environ["NEWSBRIEF_SCREENSHOT"], full_page=False)

    assert all(url.startswith(server_url) for url in requests), requests  # nothing elsewhere
    assert not problems, problems


def test_error_is_shown_to_the_reader(page, server_url: str) -> None:
    page.goto(server_url)
    page.get_by_role("button", name="Brief these articles").click()
    assert "Paste at least one article" in page.locator("#status").inner_text()
    page.get_by_label("Text", exact=True).first.fill("word " * 50_000)  # over the size limit
    page.get_by_role("button", name="Brief these articles").click()
    page.locator("#status.error").wait_for()
    assert "over the limit" in page.locator("#status").inner_text()
