"""A fake OpenAI-compatible chat server on 127.0.0.1 for the openai backend's tests.

``FakeServer.reply`` decides each answer from the request: a callable taking the request's JSON
and returning ``(status, body_text, delay_seconds)``. Every request (headers and JSON) is kept.
"""

from __future__ import annotations

import json
import re
import socket
import threading
import time
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

Reply = Callable[[dict[str, Any]], tuple[int, str, float]]


def completion(content: str) -> str:
    """A chat-completions response body whose first choice says ``content``."""
    return json.dumps(
        {
            "id": "fake-1",
            "object": "chat.completion",
            "model": "fake",
            "choices": [{"index": 0, "message": {"role": "assistant", "content": content}}],
        }
    )


def answer(*sentences: tuple[str, list[str]]) -> Reply:
    """A reply that answers the asked-for JSON with these (text, ids) sentences."""
    content = json.dumps({"sentences": [{"text": t, "ids": ids} for t, ids in sentences]})
    return lambda request: (200, completion(content), 0.0)


def prompt_sources(request: dict[str, Any]) -> dict[str, str]:
    """The ``S1``… source sentences of a request's prompt, by id."""
    user = request["messages"][-1]["content"]
    return dict(re.findall(r"^\[(S\d+)\] (.*)$", user, flags=re.M))


class FakeServer:
    """A threaded HTTP server answering ``POST /v1/chat/completions`` as ``reply`` says."""

    def __init__(self) -> None:
        self.reply: Reply = lambda request: (500, "no reply set", 0.0)
        self.requests: list[tuple[dict[str, str], dict[str, Any]]] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                server.requests.append((dict(self.headers), body))
                status, text, delay = server.reply(body)
                time.sleep(delay)
                data = text.encode("utf-8")
                try:
                    self.send_response(status)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(data)))
                    self.end_headers()
                    self.wfile.write(data)
                except OSError:  # the client gave up (the timeout test)
                    pass

            def log_message(self, *args: Any) -> None:  # keep the test output clean
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}/v1"

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def down_url() -> str:
    """The URL of a port on 127.0.0.1 where nothing listens."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return f"http://127.0.0.1:{port}/v1"
