"""The openai backend end to end against a fake OpenAI-compatible server on 127.0.0.1."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from llm_fake import FakeServer, answer, completion, down_url, prompt_sources

from newsbrief import brief_paths
from newsbrief.cli import main
from newsbrief.errors import NewsbriefError
from newsbrief.render import render

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "harbor-bridge"
FORMATS = ("text", "md", "json", "html")

# The extractive brief of the example (150 words) chooses, in order:
# S1 the $3.5 million contract; S2 Marcus Obi asked for patience; S3 Gen. Harold Briggs;
# S4 cracks found Friday, Feb. 27, bridge shut Monday, March 2; S5 85,000 commuters; …
FAITHFUL = (
    (
        "Inspectors from Keller Marsh Associates found the cracks on Friday, Feb. 27, and the "
        "city shut the bridge, used by roughly 85,000 commuters each weekday, on Monday, March 2.",
        ["S4", "S5"],
    ),
    (
        "The City Council approved a $3.5 million emergency contract for steel plating and "
        "temporary supports on Monday afternoon.",
        ["S1"],
    ),
)
INVENTED_NUMBER = (
    "The City Council approved a $9.5 million emergency contract for steel plating.",
    ["S1"],
)
INVENTED_NAME = (
    "Transportation commissioner Marcus Obi and his deputy Linda Farrow asked drivers for patience.",
    ["S2"],
)
INVENTED_DATE = (
    "The transportation commissioner, Marcus Obi, asked drivers for patience on Sunday.",
    ["S2"],
)


@pytest.fixture
def server() -> Iterator[FakeServer]:
    fake = FakeServer()
    yield fake
    fake.close()


def run(server_url: str, words: int = 150, **settings: object):
    base = {"backend": "openai", "llm_url": server_url, "llm_model": "fake", "llm_retries": 0}
    # The canned answers cite the extractive sentences (S1, S2, ...) these settings choose, the
    # defaults before issue 11 changed them (scorer blend, selection mmr).
    base |= {"scorer": "learned", "selection": "coverage"}
    return brief_paths([EXAMPLE], words, sections="summary", **(base | settings))


def test_faithful_answer_is_rewritten_and_cites_its_spans(server: FakeServer) -> None:
    server.reply = answer(*FAITHFUL)
    result = run(server.url)
    rewritten = [s for s in result.sentences if s.origin == "rewritten"]
    # In the extractive order: each rewrite where the first sentence it cites stood.
    assert [s.text for s in rewritten] == [FAITHFUL[1][0], FAITHFUL[0][0]]
    assert [s.origin for s in result.sentences][:4] == ["rewritten", "kept", "kept", "rewritten"]
    assert result.sentences[1].verdict == "not used in the model's answer"
    first = rewritten[1]
    assert len(first.checked) == 2 and first.citation == first.checked[0]
    for citation in first.checked:  # every checked span is an exact article span
        article = result.cluster.article(citation.article_id)
        assert article.text[citation.start : citation.end]
    assert result.word_count <= 150
    assert any(n.code == "llm-rewrite" for n in result.notices)
    # The prompt carried the extractive sentences with ids, and nothing was left unsent.
    assert (
        "[S1] On Monday afternoon the City Council"
        in server.requests[0][1]["messages"][1]["content"]
    )
    data = json.loads(render(result, "json"))
    sentence = data["summary"]["sentences"][3]
    assert sentence["origin"] == "rewritten" and sentence["verdict"] == "passed"
    assert [c["text"] for c in sentence["checked"]][1].startswith("Roughly 85,000 commuters")


def test_invented_number_name_and_date_are_all_caught_and_reach_no_output(
    server: FakeServer,
) -> None:
    server.reply = answer(FAITHFUL[0], INVENTED_NUMBER, INVENTED_NAME, INVENTED_DATE)
    result = run(server.url)
    reasons = [s.verdict for s in result.sentences if s.origin == "kept"]
    assert any("a number not in" in r for r in reasons)
    assert any("a name not in" in r for r in reasons)
    assert any("a date not in" in r for r in reasons)
    for fmt in FORMATS:
        for explain in (False, True):
            output = render(result, fmt, explain=explain)
            for invented in ("9.5", "Farrow", "Sunday"):
                assert invented not in output, (fmt, invented)
    # The failed sentences were replaced by the source sentences they were made from.
    texts = [s.text for s in result.sentences]
    assert any(t.startswith("On Monday afternoon the City Council approved a $3.5") for t in texts)
    assert any(t.startswith("The transportation commissioner, Marcus Obi") for t in texts)


def test_cli_json_and_notice_with_a_fabricating_server(server: FakeServer) -> None:
    server.reply = answer(INVENTED_NUMBER, INVENTED_NAME, INVENTED_DATE)
    args = ["brief", str(EXAMPLE), "-s", "summary", "--backend", "openai"]
    args += ["--llm-url", server.url, "--llm-model", "fake", "-f", "json"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    assert "rejected by the check" in result.stderr
    for invented in ("9.5", "Farrow", "Sunday"):
        assert invented not in result.output and invented not in result.stderr


@pytest.mark.parametrize(
    ("reply", "why"),
    [
        (
            lambda r: (200, completion("Here is a fluent brief of the bridge story."), 0.0),
            "did not answer JSON",
        ),
        (
            lambda r: (200, completion('{"sentences": [{"text": "x", "ids": ['), 0.0),
            "not valid JSON",
        ),
        (
            lambda r: (200, completion('{"summary": "The bridge closed."}'), 0.0),
            "no list of sentences",
        ),
        (answer(("The bridge closed on Monday, March 2.", ["S42"])), "an id it was not given"),
        (lambda r: (500, '{"error": "boom"}', 0.0), "HTTP 500"),
        (lambda r: (200, "<html>not json</html>", 0.0), "did not answer a chat completion"),
    ],
)
def test_unusable_answers_give_the_extractive_brief_and_one_notice(server, reply, why) -> None:
    server.reply = reply
    extractive = brief_paths(
        [EXAMPLE], words=150, sections="summary", scorer="learned", selection="coverage"
    )
    result = run(server.url)
    assert [s.text for s in result.sentences] == [s.text for s in extractive.sentences]
    assert all(s.origin == "kept" for s in result.sentences)
    fallback = [n for n in result.notices if n.code == "llm-fallback"]
    assert len(fallback) == 1 and why in fallback[0].message and "\n" not in fallback[0].message
    with pytest.raises(NewsbriefError, match=why.split()[0]):
        run(server.url, strict=True)


def test_timeout_is_bounded_and_retried(server: FakeServer) -> None:
    server.reply = lambda r: (200, completion("{}"), 3.0)
    result = run(server.url, llm_timeout=0.3, llm_retries=1)
    assert any("within 0.3 s" in n.message for n in result.notices if n.code == "llm-fallback")
    assert len(server.requests) == 2  # one try and one retry


def test_down_server_gives_the_extractive_brief_or_a_strict_error() -> None:
    url = down_url()
    result = run(url)
    assert result.sentences and all(s.origin == "kept" for s in result.sentences)
    assert any("cannot reach" in n.message for n in result.notices)
    cli = CliRunner().invoke(
        main,
        [
            "brief",
            str(EXAMPLE),
            "-s",
            "summary",
            "--backend",
            "openai",
            "--llm-url",
            url,
            "--strict",
        ],
    )
    assert cli.exit_code == 3
    assert cli.stderr.count("\n") == 1 and cli.stderr.startswith(
        "newsbrief: error: [E800] cannot reach"
    )


def test_api_key_is_sent_but_never_shown(server: FakeServer, monkeypatch) -> None:
    key = "sk-test-SECRET-4242"
    monkeypatch.setenv("NEWSBRIEF_LLM_API_KEY", key)
    server.reply = lambda r: (401, '{"error": "bad key sk-test-SECRET-4242"}', 0.0)
    result = run(server.url)
    assert server.requests[0][0]["Authorization"] == f"Bearer {key}"
    for fmt in FORMATS:
        assert key not in render(result, fmt, explain=True)
    url_with_key = server.url.replace("http://", f"http://user:{key}@") + f"?key={key}"
    for url in (url_with_key, down_url()):
        with pytest.raises(NewsbriefError) as error:
            run(url, strict=True)
        assert key not in str(error.value)


def test_prompt_size_limit_keeps_the_rest_extractive(server: FakeServer) -> None:
    server.reply = answer(FAITHFUL[1])
    result = run(server.url, llm_max_prompt_chars=900)
    prompt = server.requests[0][1]["messages"][1]["content"]
    assert "[S1]" in prompt and "[S3]" not in prompt
    assert any(s.verdict.startswith("not sent") for s in result.sentences)


def test_word_budget_holds_with_a_long_rewrite(server: FakeServer) -> None:
    long = " ".join([FAITHFUL[1][0]] * 12)  # checks out, but far over 60 words
    short = "Inspectors found the cracks on Friday, Feb. 27, and the city shut the bridge."
    server.reply = answer((long, ["S1"]), (short, ["S2"]))  # at 60 words: S1 and S2 only
    result = run(server.url, words=60)
    assert result.word_count <= 60
    assert [s.text for s in result.sentences] == [short]
    assert any("left out to keep within 60 words" in n.message for n in result.notices)


def test_default_brief_and_import_do_not_load_the_backend() -> None:
    code = (
        "import sys, newsbrief; assert 'newsbrief.llm' not in sys.modules;"
        f"newsbrief.brief_paths([{str(EXAMPLE)!r}], sections='summary');"
        "assert not [m for m in sys.modules if m.startswith('newsbrief.llm')], 'loaded'"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_every_format_shows_rewrites_with_the_spans_they_were_checked_against(
    server: FakeServer,
) -> None:
    server.reply = answer(FAITHFUL[0], INVENTED_NUMBER)
    result = run(server.url)
    page = render(result, "html")
    assert '<span class="rewritten" title="rewritten, checked against [' in page
    hover = page.split('<span class="rewritten" title=')[1].split(">")[0]
    assert "Roughly 85,000 commuters used the crossing each weekday." in hover
    assert '<span class="kept" title="kept as written: the rewrite was rejected: a number' in page
    for fmt in ("text", "md"):
        output = render(result, fmt)
        assert "Rewritten by the LLM and checked" in output
        assert "1. kept as written: the rewrite was rejected: a number" in output
        assert "4. rewritten, checked against " in output
    first = result.sentences[0]
    if len({c.article_id for c in first.checked}) > 1:  # cites two articles: both numbered
        assert render(result, "text").count("[") >= 2
    extractive = brief_paths([EXAMPLE], words=150, sections="summary")
    assert "Rewritten by the LLM" not in render(extractive, "text")


def test_eval_scores_the_openai_system(server: FakeServer, monkeypatch) -> None:
    def echo_first(request):  # a faithful rewrite: the first source sentence, cited
        first_id, first = next(iter(prompt_sources(request).items()))
        return answer((first, [first_id]))(request)

    server.reply = echo_first
    monkeypatch.setenv("NEWSBRIEF_LLM_URL", server.url)
    monkeypatch.setenv("NEWSBRIEF_LLM_RETRIES", "0")
    fixture = Path(__file__).resolve().parent / "fixtures" / "eval-tiny.jsonl"
    result = CliRunner().invoke(main, ["eval", str(fixture), "--system", "openai", "--words", "40"])
    assert result.exit_code == 0, result.output + result.stderr
    assert "openai on" in result.output
    assert server.requests  # every cluster went through the server


@pytest.mark.parametrize(
    ("settings", "code"),
    [
        ({"backend": "gpt"}, "E213"),
        ({"llm_url": "localhost:11434"}, "E214"),
        ({"llm_timeout": 0}, "E211"),
        ({"llm_min_coverage": 1.5}, "E211"),
    ],
)
def test_bad_backend_settings_fail_when_the_settings_load(settings, code) -> None:
    from newsbrief.settings import load_settings

    with pytest.raises(NewsbriefError, match=code):
        load_settings(**({"backend": "openai"} | settings))


def test_a_connection_dropped_mid_answer_is_a_fallback(server: FakeServer) -> None:
    server.reply = lambda r: (200, completion("{}") + " " * 50, 0.0)
    original = server.httpd.RequestHandlerClass.do_POST

    def drop(handler):  # promise a body, send half of it, hang up
        handler.rfile.read(int(handler.headers["Content-Length"]))
        handler.send_response(200)
        handler.send_header("Content-Length", "1000")
        handler.end_headers()
        handler.wfile.write(b'{"choices": [')
        handler.close_connection = True

    server.httpd.RequestHandlerClass.do_POST = drop
    try:
        result = run(server.url)
    finally:
        server.httpd.RequestHandlerClass.do_POST = original
    assert any(n.code == "llm-fallback" for n in result.notices)
