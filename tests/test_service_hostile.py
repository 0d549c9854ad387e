"""The service under hostile requests (issue 15): a runaway brief cannot stop the server from
answering and is killed at its time limit; deep JSON, truncated uploads and odd methods get 4xx
answers, and the connection they came on stays usable."""

from __future__ import annotations

import hashlib
import http.client
import json
import os
import re
import socket
import subprocess
import sys
import tempfile
import threading
import time
import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("fastapi", reason="the service extra is not installed")
pytest.importorskip("multipart", reason="python-multipart is not installed")
pytest.importorskip("uvicorn", reason="uvicorn is not installed")

with warnings.catch_warnings():  # newer Starlette warns that its test client wants httpx2
    warnings.filterwarnings("ignore", message=".*httpx2")
    from fastapi.testclient import TestClient

from conftest import make_article

from newsbrief.service.app import create_app

GOOD = [{"text": make_article("harbor")}, {"text": make_article("river", 5)}]
# The same in the brief process (which imports this module afresh) and distinct per checkout.
PID_FILE = Path(tempfile.gettempdir()) / (
    "newsbrief-runaway-" + hashlib.sha1(__file__.encode()).hexdigest()[:12] + ".pid"
)


def runaway_brief(request, settings):
    """A brief stuck in a regular expression: exponential backtracking, holding the GIL."""
    PID_FILE.write_text(str(os.getpid()))
    re.match(r"(x+x+)+y", "x" * 40)  # runs for hours
    raise AssertionError("unreachable")


SERVER = """
import sys, uvicorn
import test_service_hostile
from newsbrief.service import runner
from newsbrief.service.app import create_app
from newsbrief.service.limits import ServiceSettings
if sys.argv[2] == "runaway":
    runner.core_function = lambda: test_service_hostile.runaway_brief
app = create_app(ServiceSettings(timeout_seconds=4, workers=1))
uvicorn.run(app, host="127.0.0.1", port=int(sys.argv[1]), log_level="warning")

"""


@pytest.fixture()
def server() -> Iterator[tuple[str, int]]:
    """A real server, in a process of its own, whose briefs run away (so that nothing in this
    test's process can be held up by them)."""
    yield from _serve("runaway")


@pytest.fixture(scope="module")
def plain_server() -> Iterator[tuple[str, int]]:
    """A real server making real briefs."""
    yield from _serve("plain")


def _serve(core: str) -> Iterator[tuple[str, int]]:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    here = Path(__file__).resolve().parent
    paths = [str(here.parent / "src"), str(here), os.environ.get("PYTHONPATH", "")]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in paths if p)}
    process = subprocess.Popen([sys.executable, "-c", SERVER, str(port), core], env=env)
    try:
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                assert process.poll() is None, "the server exited"
                time.sleep(0.1)
        yield "127.0.0.1", port
    finally:
        process.terminate()
        try:
            process.wait(30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _post_brief(address: tuple[str, int], result: dict) -> None:
    connection = http.client.HTTPConnection(*address, timeout=60)
    body = json.dumps({"articles": GOOD})
    connection.request("POST", "/v1/brief", body, {"Content-Type": "application/json"})
    response = connection.getresponse()
    result["status"], result["body"] = response.status, response.read()


def test_healthz_answers_while_a_runaway_brief_runs_and_the_504_kills_it(server) -> None:
    PID_FILE.unlink(missing_ok=True)
    result: dict = {}
    request = threading.Thread(target=_post_brief, args=(server, result), daemon=True)
    request.start()
    deadline = time.monotonic() + 60  # the brief process is started (the fork server may load)
    while not PID_FILE.exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert PID_FILE.exists(), "the brief never started"
    time.sleep(0.3)  # well inside the regular expression now
    for _ in range(3):
        connection = http.client.HTTPConnection(*server, timeout=1.0)  # a bounded wait
        connection.request("GET", "/healthz")
        assert connection.getresponse().status == 200
        connection.close()
    request.join(30)
    assert result.get("status") == 504, result
    assert json.loads(result["body"])["error"]["code"] == "E620"
    pid = int(PID_FILE.read_text())
    deadline = time.monotonic() + 5
    while _alive(pid) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not _alive(pid), "the abandoned brief is still running"
    PID_FILE.unlink(missing_ok=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    try:  # a zombie has stopped working; it is only waiting to be reaped
        return Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0] != "Z"
    except OSError:
        return True


# ---- item 7: deep JSON is bad input, and the connection stays usable ----


DEEP = [
    b"[" * 100_000,
    b'{"articles": ' + b"[" * 100_000,
    b'{"articles": [{"text": ' + b"{" * 100_000,
]


def test_deep_json_is_a_400_and_the_connection_stays_usable(plain_server) -> None:
    connection = http.client.HTTPConnection(*plain_server, timeout=60)
    for body in DEEP:
        connection.request("POST", "/v1/brief", body, {"Content-Type": "application/json"})
        response = connection.getresponse()
        assert response.status == 400, response.read()
        assert json.loads(response.read())["error"]["code"] == "E601"
        connection.request("GET", "/healthz")  # the same keep-alive connection
        health = connection.getresponse()
        assert health.status == 200 and json.loads(health.read())["status"] == "ok"
    connection.close()


def test_a_deep_json_upload_is_a_400() -> None:
    client = TestClient(create_app())
    response = client.post("/v1/brief", files=[("files", ("deep.json", b"[" * 100_000))])
    assert response.status_code == 400, response.text
    assert response.json()["error"]["code"] == "E105"


# ---- item 10: the smaller ones ----


def test_a_truncated_multipart_body_is_a_400() -> None:
    client = TestClient(create_app())
    body = (
        b'--XX\r\nContent-Disposition: form-data; name="files"; filename="a.txt"\r\n'
        b"Content-Type: text/plain\r\n\r\n" + GOOD[0]["text"].encode()[:100]
    )
    headers = {"content-type": "multipart/form-data; boundary=XX"}
    response = client.post("/v1/brief", content=body, headers=headers)
    assert response.status_code == 400, response.text
    assert response.json()["error"]["code"] == "E601"
    whole = body + b"\r\n--XX--\r\n"
    assert client.post("/v1/brief", content=whole, headers=headers).status_code == 200


def test_the_page_is_served_with_its_headers_under_every_path() -> None:
    client = TestClient(create_app())
    for path in ("/", "/static/index.html", "/static/app.js"):
        response = client.get(path)
        assert response.status_code == 200, path
        assert "default-src 'self'" in response.headers["content-security-policy"], path
        assert response.headers["x-content-type-options"] == "nosniff"


def test_head_of_the_page_is_200() -> None:
    client = TestClient(create_app())
    response = client.head("/")
    assert response.status_code == 200 and not response.content
    assert "default-src 'self'" in response.headers["content-security-policy"]
