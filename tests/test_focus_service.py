"""The service takes a question and earlier articles (issue 13), as JSON and as uploads."""

from __future__ import annotations

import json

import pytest

pytest.importorskip("fastapi", reason="the service extra is not installed")
pytest.importorskip("multipart", reason="python-multipart is not installed")

from fastapi.testclient import TestClient
from test_focus import FLOOD, NEW, OLD

from newsbrief.service.app import create_app
from newsbrief.service.limits import ServiceSettings


@pytest.fixture(scope="module")
def client() -> TestClient:
    return TestClient(create_app())


def test_json_question_and_since(client: TestClient) -> None:
    body = {
        "articles": [{"text": t} for t in NEW],
        "words": 60,
        "sections": ["summary"],
        "since": [{"text": t} for t in OLD],
        "question": "What about arson?",
    }
    response = client.post("/v1/brief", json=body)
    assert response.status_code == 200, response.text
    data = response.json()
    assert data["question"] == "What about arson?"
    assert data["update"]["earlier_articles"] == 1
    assert "arson" in data["summary"]["text"]
    assert "A fire destroyed" not in data["summary"]["text"]
    assert len(data["articles"]) == 2  # the new articles only
    cited = {c["article_id"] for s in data["summary"]["sentences"] for c in [s, *s["also_in"]]}
    assert cited <= {a["id"] for a in data["articles"]}


def test_json_question_nothing_answers(client: TestClient) -> None:
    body = {"articles": [{"text": t} for t in FLOOD], "question": "Who won the cup final?"}
    data = client.post("/v1/brief", json=body).json()
    assert "question-not-addressed" in [n["code"] for n in data["notices"]]


def test_uploads_with_question_and_earlier_files(client: TestClient) -> None:
    files = [("files", (f"{n}.txt", t.encode(), "text/plain")) for n, t in enumerate(NEW)]
    files += [("since", ("old.txt", OLD[0].encode(), "text/plain"))]
    response = client.post(
        "/v1/brief",
        files=files,
        data={"question": "What about arson?", "words": "60", "sections": "summary"},
    )
    assert response.status_code == 200, response.text
    data = response.json()
    assert data["question"] == "What about arson?"
    assert data["update"]["known_sentences"] == 2
    assert len(data["articles"]) == 2


def test_earlier_articles_count_against_the_limit() -> None:
    small = TestClient(create_app(ServiceSettings(max_articles=2)))
    body = {"articles": [{"text": t} for t in NEW], "since": [{"text": OLD[0]}]}
    response = small.post("/v1/brief", json=body)
    assert response.status_code == 413
    assert json.loads(response.text)["error"]["code"] == "E611"


def test_page_has_the_question_and_earlier_inputs(client: TestClient) -> None:
    page = client.get("/").text
    assert 'id="question"' in page and 'id="since"' in page
    script = client.get("/static/app.js").text
    assert "body.question" in script and "body.since" in script
