"""The service through FastAPI's test client: good requests, every limit, and bad input of every
kind answered with a 4xx and a message, never a 500 (the client re-raises any server error)."""

from __future__ import annotations

import asyncio
import dataclasses
import json
import socket
import subprocess
import sys
import time
import warnings
from pathlib import Path

import pytest

pytest.importorskip("fastapi", reason="the service extra is not installed")
pytest.importorskip("multipart", reason="python-multipart is not installed")

from click.testing import CliRunner

with warnings.catch_warnings():  # newer Starlette warns that its test client wants httpx2
    warnings.filterwarnings("ignore", message=".*httpx2")
    from fastapi.testclient import TestClient

from conftest import EXAMPLE, make_article

import newsbrief
from newsbrief.pipeline import request_from_items
from newsbrief.service import runner as runner_module
from newsbrief.service.app import create_app
from newsbrief.service.limits import RequestError, ServiceSettings
from newsbrief.service.schemas import BriefResponse

ONLY_SUMMARY = {"sections": ["summary"]}
GOOD = [{"text": make_article("harbor")}, {"text": make_article("river", 5)}]


@pytest.fixture(scope="module")
def client() -> TestClient:
    return TestClient(create_app())


def small_client(**limits: object) -> TestClient:
    return TestClient(create_app(ServiceSettings(**limits)))  # type: ignore[arg-type]


def assert_error(response, status: int, code: str | None = None) -> dict:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    error = response.json()["error"]
    assert set(error) == {"code", "message", "hint"} and error["message"]
    assert "Traceback" not in response.text
    if code:
        assert error["code"] == code, error
    return error


def sample_articles(sample_dir: Path) -> list[dict[str, str]]:
    return [{"text": p.read_text(), "source": p.name} for p in sorted(sample_dir.glob("*.txt"))]


# ---- good requests ----


def test_health_info_and_openapi(client: TestClient) -> None:
    assert client.get("/healthz").json() == {"status": "ok", "version": newsbrief.__version__}
    info = client.get("/v1/info").json()
    assert info["limits"]["max_articles"] == ServiceSettings().max_articles
    schema = client.get("/openapi.json").json()
    assert {"/v1/brief", "/v1/info", "/healthz"} <= set(schema["paths"])
    body = schema["paths"]["/v1/brief"]["post"]["requestBody"]["content"]
    assert set(body) == {"application/json", "multipart/form-data"}
    assert {"BriefRequest", "ArticleIn", "Upload", "ErrorResponse"} <= set(
        schema["components"]["schemas"]
    )


def test_brief_is_the_cli_json(client: TestClient, sample_dir: Path) -> None:
    articles = sample_articles(sample_dir)
    response = client.post("/v1/brief", json={"articles": articles, "words": 120})
    assert response.status_code == 200, response.text
    data = response.json()
    assert data == json.loads(newsbrief.brief(articles, 120).to_json())
    BriefResponse.model_validate(data)
    texts = {a["id"]: a["text"] for a in data["articles"]}
    for sentence in data["summary"]["sentences"]:
        assert (
            texts[sentence["article_id"]][sentence["start"] : sentence["end"]] == sentence["text"]
        )
        for other in sentence["also_in"]:
            assert other["article_id"] in texts
    assert 0 < data["summary"]["words"] <= 120


def test_metadata_is_kept(client: TestClient) -> None:
    articles = [
        {
            **GOOD[0],
            "title": "Harbor plan",
            "date": "March 2, 2026",
            "source": "Gazette",
            "id": "g1",
        },
        GOOD[1],
    ]
    data = client.post("/v1/brief", json={"articles": articles, **ONLY_SUMMARY}).json()
    first = data["articles"][0]
    assert (first["id"], first["title"], first["date"], first["source"]) == (
        "g1",
        "Harbor plan",
        "2026-03-02",
        "Gazette",
    )


def test_upload_files_like_the_cli(client: TestClient) -> None:
    paths = sorted(EXAMPLE.iterdir())
    files = [("files", (p.name, p.read_bytes())) for p in paths]
    response = client.post("/v1/brief", files=files, data={"words": "90", **ONLY_SUMMARY})
    assert response.status_code == 200, response.text
    data = response.json()
    assert [a["source"] for a in data["articles"]] == [p.name for p in paths]
    html = next(a for a in data["articles"] if a["source"].endswith(".html"))
    assert html["title"] and "<" not in html["text"][:200]  # extracted, not raw markup
    assert data["summary"]["budget"] == 90


def test_binary_upload_beside_text_is_skipped_with_a_notice(client: TestClient) -> None:
    files = [
        ("files", ("scan.pdf", b"%PDF-1.7\n\x00\x01binary")),
        ("files", ("a.txt", GOOD[0]["text"].encode())),
    ]
    data = client.post("/v1/brief", files=files, data=ONLY_SUMMARY).json()
    assert len(data["articles"]) == 1
    assert {"code": "binary-file", "source": "scan.pdf", "skipped": True}.items() <= data[
        "notices"
    ][0].items()


def test_an_unknown_section_is_a_422() -> None:
    client = TestClient(create_app())
    assert_error(
        client.post("/v1/brief", json={"articles": GOOD, "sections": ["nope"]}), 422, "E631"
    )


def no_network(self, address, *args, **kwargs):
    if self.family == socket.AF_UNIX:  # the server's own pipe to its brief processes
        return LOCAL_CONNECT(self, address, *args, **kwargs)
    raise AssertionError("the service opened a network connection")


LOCAL_CONNECT = socket.socket.connect


def brief_without_network(request, settings):
    """In the brief process: the brief, with every network connection refused."""
    socket.socket.connect = no_network  # type: ignore[method-assign]
    return newsbrief.run(request, settings)


def test_never_fetches_a_url(client: TestClient, monkeypatch) -> None:
    monkeypatch.setattr(socket.socket, "connect", no_network)
    monkeypatch.setattr(runner_module, "core_function", lambda: brief_without_network)
    article = {
        "text": GOOD[0]["text"] + " See https://example.com/story.",
        "source": "https://example.com/story",
    }
    response = client.post("/v1/brief", json={"articles": [article], **ONLY_SUMMARY})
    assert response.status_code == 200
    assert response.json()["articles"][0]["source"] == "https://example.com/story"
    url_only = {"articles": [{"text": "https://example.com/a"}], **ONLY_SUMMARY}
    assert client.post("/v1/brief", json=url_only).status_code < 500  # read as text, not fetched


# ---- limits ----


def test_body_size_limit_declared_and_streamed() -> None:
    client = small_client(max_body_bytes=2_000)
    big = {"articles": [{"text": "word " * 1_000}]}
    assert_error(client.post("/v1/brief", json=big), 413, "E610")
    chunks = (b"x" * 500 for _ in range(10))  # no Content-Length: counted as it streams
    assert_error(
        client.post("/v1/brief", content=chunks, headers={"content-type": "application/json"}),
        413,
        "E610",
    )
    files = [("files", ("big.txt", b"word " * 1_000))]
    assert_error(client.post("/v1/brief", files=files), 413, "E610")


def test_number_of_articles_limit() -> None:
    client = small_client(max_articles=2)
    assert_error(client.post("/v1/brief", json={"articles": GOOD * 2}), 413, "E611")
    files = [("files", (f"{n}.txt", GOOD[0]["text"].encode())) for n in range(3)]
    assert_error(client.post("/v1/brief", files=files), 413, "E611")


def test_characters_per_article_limit() -> None:
    client = small_client(max_article_chars=100)
    error = assert_error(client.post("/v1/brief", json={"articles": GOOD}), 413, "E612")
    assert "article 1" in error["message"]
    files = [("files", ("long.txt", GOOD[0]["text"].encode()))]
    assert_error(client.post("/v1/brief", files=files), 413, "E612")


def test_word_budget_limit() -> None:
    client = small_client(max_words=200)
    assert_error(client.post("/v1/brief", json={"articles": GOOD, "words": 201}), 422, "E613")


def slow_brief(request, settings):
    time.sleep(0.5)
    return newsbrief.run(dataclasses.replace(request, sections=("summary",)), settings)


def test_time_limit(monkeypatch) -> None:
    monkeypatch.setattr(runner_module, "core_function", lambda: slow_brief)
    client = small_client(timeout_seconds=0.05)
    started = time.perf_counter()
    assert_error(client.post("/v1/brief", json={"articles": GOOD}), 504, "E620")
    assert time.perf_counter() - started < 0.4  # answered at the limit, not when the brief ends


def test_busy_server_answers_503(monkeypatch) -> None:
    monkeypatch.setattr(runner_module, "core_function", lambda: slow_brief)
    runner = runner_module.Runner(ServiceSettings(workers=1, max_waiting=1, timeout_seconds=60))

    async def three_at_once():
        job = request_from_items(GOOD, runner.brief_settings)
        return await asyncio.gather(*(runner.run(job) for _ in range(3)), return_exceptions=True)

    results = asyncio.run(three_at_once())
    refused = [r for r in results if isinstance(r, RequestError)]
    assert len(refused) == 1 and refused[0].status == 503 and refused[0].code == "E621"
    assert sum(isinstance(r, bytes) for r in results) == 2
    runner.close()


def test_app_works_again_after_a_shutdown() -> None:
    app = create_app()
    for _ in range(2):  # each `with` runs the lifespan: start, then shutdown (the pool closes)
        with TestClient(app) as client:
            response = client.post("/v1/brief", json={"articles": GOOD, **ONLY_SUMMARY})
            assert response.status_code == 200


def test_settings_limits_are_checked() -> None:
    with pytest.raises(newsbrief.SettingsError):
        ServiceSettings(max_articles=0)


# ---- bad input: always a 4xx with a message ----


MALFORMED = [b"", b"{", b"{'articles': []}", b"\xff\xfe\x00\x01", b"[" * 50_000, b"nul"]
WRONG = [
    b"null",
    b"[]",
    b'"an article"',
    b"{}",
    b'{"articles": "text"}',
    b'{"articles": []}',
    b'{"articles": [{}]}',
    b'{"articles": [{"text": null}]}',
    b'{"articles": [{"text": 42}]}',
    b'{"articles": [{"text": ["a"]}]}',
    b'{"articles": [{"text": "x", "title": 3}]}',
    b'{"articles": [{"text": "x", "url": "https://example.com"}]}',
    b'{"articles": [{"text": "x"}], "words": "ten"}',
    b'{"articles": [{"text": "x"}], "words": "10"}',
    b'{"articles": [{"text": "x"}], "words": true}',
    b'{"articles": [{"text": "x"}], "words": 1.5}',
    b'{"articles": [{"text": "x"}], "words": 0}',
    b'{"articles": [{"text": "x"}], "words": -3}',
    b'{"articles": [{"text": "x"}], "words": 1e400}',
    b'{"articles": [{"text": "x"}], "sections": "summary"}',
    b'{"articles": [{"text": "x"}], "sections": [1]}',
    b'{"articles": [{"text": "x"}], "extra": 1}',
]


@pytest.mark.parametrize("body", MALFORMED, ids=lambda b: repr(b[:12]))
def test_malformed_json_is_400(client: TestClient, body: bytes) -> None:
    response = client.post("/v1/brief", content=body, headers={"content-type": "application/json"})
    assert_error(response, 400, "E601")


@pytest.mark.parametrize("body", WRONG, ids=lambda b: b.decode()[:60])
def test_wrong_shapes_and_types_are_422(client: TestClient, body: bytes) -> None:
    response = client.post("/v1/brief", content=body, headers={"content-type": "application/json"})
    assert_error(response, 422, "E602")


@pytest.mark.parametrize(
    "articles",
    [[{"text": ""}], [{"text": "   \n\t "}], [{"text": ""}, {"text": "\n"}]],
    ids=["empty", "blank", "all-empty"],
)
def test_empty_articles_are_422(client: TestClient, articles: list) -> None:
    error = assert_error(client.post("/v1/brief", json={"articles": articles, **ONLY_SUMMARY}), 422)
    assert error["code"] in {"E108", "E109"}


@pytest.mark.parametrize(
    "files",
    [
        [("files", ("scan.pdf", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj"))],
        [("files", ("photo.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"))],
        [("files", ("blob", bytes(range(256)) * 8))],
        [("files", ("empty.txt", b""))],
        [("files", ("data.json", b'{"documents": 3}'))],
        [("files", ("bad.json", b"{not json"))],
    ],
    ids=["pdf", "png", "random-bytes", "empty", "bad-documents", "bad-json"],
)
def test_bad_uploads_are_4xx(client: TestClient, files: list) -> None:
    response = client.post("/v1/brief", files=files)
    assert 400 <= response.status_code < 500
    assert_error(response, response.status_code)


def test_bad_multipart_fields_are_4xx(client: TestClient) -> None:
    text = [("files", ("a.txt", GOOD[0]["text"].encode()))]
    assert_error(client.post("/v1/brief", files=text, data={"words": "many"}), 422, "E602")
    assert_error(client.post("/v1/brief", files=text, data={"words": "0"}), 422, "E602")
    assert_error(client.post("/v1/brief", files=text, data={"colour": "red"}), 422, "E602")
    assert_error(client.post("/v1/brief", data={"words": "10"}), 415, "E603")  # urlencoded
    assert_error(
        client.post("/v1/brief", data={"files": "not a file"}, files={"x": ("", b"")}), 422
    )
    broken = b"--b\r\nContent-Disposition: form-data; name=files\r\n\r\nx"  # never closed
    response = client.post(
        "/v1/brief", content=broken, headers={"content-type": "multipart/form-data; boundary=b"}
    )
    assert 400 <= response.status_code < 500


@pytest.mark.parametrize(
    "media", ["text/plain", "application/xml", "", "application/x-www-form-urlencoded"]
)
def test_other_content_types_are_415(client: TestClient, media: str) -> None:
    headers = {"content-type": media} if media else {}
    response = client.post("/v1/brief", content=b'{"articles": []}', headers=headers)
    assert_error(response, 415, "E603")


def test_unknown_paths_and_methods_are_json(client: TestClient) -> None:
    assert_error(client.get("/v1/nope"), 404, "E604")
    assert_error(client.get("/v1/brief"), 405, "E605")
    assert_error(client.post("/healthz"), 405, "E605")
    assert_error(
        client.post("/v1/brief", content=b"{}", headers={"content-length": "x1"}), 400, "E606"
    )


def broken(*args, **kwargs):
    raise RuntimeError("secret internals")


def test_unexpected_error_is_a_500_without_traceback(monkeypatch) -> None:
    monkeypatch.setattr(runner_module, "core_function", lambda: broken)
    client = TestClient(create_app(), raise_server_exceptions=False)
    response = client.post("/v1/brief", json={"articles": GOOD})
    error = assert_error(response, 500, "E600")
    assert "secret" not in response.text and "RuntimeError" not in error["message"]


# ---- the page and the command ----


def test_page_and_assets_are_served_by_the_app(client: TestClient) -> None:
    page = client.get("/")
    assert page.status_code == 200 and "text/html" in page.headers["content-type"]
    assert "default-src 'self'" in page.headers["content-security-policy"]
    for asset in ("app.js", "style.css"):
        response = client.get(f"/static/{asset}")
        assert response.status_code == 200 and f"/static/{asset}" in page.text
        assert "http://" not in response.text and "https://" not in response.text  # no CDN
    assert "http://" not in page.text and "https://" not in page.text
    assert client.get("/static/../app.py").status_code == 404


def test_serve_command_runs_uvicorn(monkeypatch) -> None:
    import uvicorn

    from newsbrief.cli import main

    seen = {}
    monkeypatch.setattr(uvicorn, "run", lambda app, **kwargs: seen.update(kwargs, app=app))
    result = CliRunner().invoke(main, ["serve", "--port", "8123", "--max-articles", "5"])
    assert result.exit_code == 0, result.output
    assert (seen["host"], seen["port"]) == ("127.0.0.1", 8123)
    assert seen["app"].state.settings.max_articles == 5
    assert "--max-body-bytes" in CliRunner().invoke(main, ["serve", "--help"]).output


def test_serve_with_processes_passes_settings_through_the_environment(monkeypatch) -> None:
    import uvicorn

    from newsbrief.cli import main
    from newsbrief.service import app as app_module

    seen = {}
    monkeypatch.setattr(uvicorn, "run", lambda target, **kwargs: seen.update(kwargs, target=target))
    monkeypatch.delenv(app_module.SETTINGS_VARIABLE, raising=False)
    result = CliRunner().invoke(main, ["serve", "--processes", "2", "--timeout", "3"])
    assert result.exit_code == 0, result.output
    assert seen["target"].endswith(":create_app_from_environment") and seen["workers"] == 2
    app = app_module.create_app_from_environment()
    assert app.state.settings.timeout_seconds == 3.0
    monkeypatch.delenv(app_module.SETTINGS_VARIABLE)


def test_command_module_does_not_import_the_web_stack() -> None:
    code = (
        "import sys, newsbrief.cli, newsbrief.cli.serve\n"
        "print(sorted({'fastapi', 'uvicorn', 'starlette', 'multipart', 'pydantic'} & "
        "{m.split('.')[0] for m in sys.modules}))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
