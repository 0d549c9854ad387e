"""The service page with the openai backend, in a real headless Chromium: a rewritten sentence
shows, on hover, the source spans it was checked against, and highlights them in its source;
a sentence kept as written says why. The model is the fake server of ``llm_fake``."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from live_server import serving

pytest.importorskip("fastapi", reason="the service extra is not installed")
uvicorn = pytest.importorskip("uvicorn", reason="the service extra is not installed")
sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")

from llm_fake import FakeServer, answer, prompt_sources  # noqa: E402

CHROMIUM = Path("/usr/bin/chromium")
EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "harbor-bridge"
if not CHROMIUM.exists():
    pytest.skip(f"no Chromium at {CHROMIUM}", allow_module_level=True)

REWRITE = (
    "The city closed the Harbor Bridge at 5:40 a.m. on Monday after inspectors found cracks in "
    "two steel girders; about 85,000 commuters cross it on a typical weekday."
)
INVENTED = "Her office said the $9.5 million emergency contract was approved on Monday."


def reply(request):
    """Cite the sources by what they say (the brief of the pasted text files)."""
    ids = {text.split()[0] + text.split()[1]: i for i, text in prompt_sources(request).items()}
    closed, commuters, office = ids["Thecity"], ids["About85,000"], ids["Heroffice"]
    return answer((REWRITE, [closed, commuters]), (INVENTED, [office]))(request)


@pytest.fixture
def service(monkeypatch) -> Iterator[str]:
    fake = FakeServer()
    fake.reply = reply
    # The reply cites sentences the extractive brief held with the defaults before issue 11.
    extractive = {"SCORER": "learned", "SELECTION": "coverage"}
    for name, value in {"BACKEND": "openai", "LLM_URL": fake.url, "LLM_RETRIES": "0"}.items():
        monkeypatch.setenv(f"NEWSBRIEF_{name}", value)
    for name, value in extractive.items():
        monkeypatch.setenv(f"NEWSBRIEF_{name}", value)
    with serving() as url:
        yield url
    fake.close()


def test_page_shows_checked_spans_on_hover(service: str) -> None:
    texts = [p.read_text() for p in sorted(EXAMPLE.glob("*.txt"))]
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=["--no-sandbox", "--disable-gpu"]
        )
        page = browser.new_page()
        page.set_default_timeout(20_000)
        page.goto(service)
        page.wait_for_load_state("networkidle")
        boxes = page.get_by_label("Text", exact=True)
        while boxes.count() < len(texts):
            page.get_by_role("button", name="Add another article").click()
        for n, text in enumerate(texts):
            boxes.nth(n).fill(text)
        for box in page.locator("#section-boxes input").all():
            box.set_checked(False)
        page.get_by_role("button", name="Brief these articles").click()
        rewritten = page.locator("#summary .sentence.rewritten")
        rewritten.first.wait_for()
        title = rewritten.first.get_attribute("title") or ""
        assert title.startswith("Rewritten by the LLM, checked against: [")
        assert "About 85,000 commuters cross the bridge on a typical weekday" in title
        rewritten.first.hover()
        assert "checked against" in page.locator("#detail").inner_text()
        marks = page.locator("#source mark.cited").all_inner_texts()
        assert any(m.startswith("The city closed the Harbor Bridge") for m in marks)
        kept = page.locator("#summary .sentence.kept").filter(has_text="Her office said")
        assert "a number not in the cited sentences" in (kept.get_attribute("title") or "")
        assert "9.5" not in page.locator("#summary").inner_text()
        browser.close()
