"""A small client for the OpenAI-compatible chat-completions API (standard library only).

It speaks ``POST {url}/chat/completions`` as Ollama, llama.cpp's ``llama-server``, vLLM, LM
Studio and hosted services do. Each request has a bounded timeout and a bounded number of
retries (a refused connection, a timeout or a 5xx answer is retried; a 4xx is not). The API key,
if any, comes from the environment (:data:`KEY_VARIABLES`); it goes into the ``Authorization``
header and nowhere else: every message this module raises is passed through :func:`redact`.
"""

from __future__ import annotations

import http.client
import json
import os
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from typing import Any

from newsbrief.errors import NewsbriefError

KEY_VARIABLES = ("NEWSBRIEF_LLM_API_KEY", "OPENAI_API_KEY")
RETRY_PAUSE = 0.5  # seconds before the first retry; doubled before each later one


class LLMError(NewsbriefError):
    """The server could not be reached or did not answer usefully (a fallback reason)."""

    code = "E800"
    exit_code = 3


def api_key() -> str | None:
    """The API key from the first of :data:`KEY_VARIABLES` that is set, else ``None``."""
    for name in KEY_VARIABLES:
        value = os.environ.get(name, "").strip()
        if value:
            return value
    return None


def redact(text: str) -> str:
    """``text`` with the API key (if one is set) and any password in a URL blanked out."""
    key = api_key()
    if key:
        text = text.replace(key, "***")
    return text


def public_url(url: str) -> str:
    """The URL as it may be shown: without user:password and without a query string."""
    parts = urllib.parse.urlsplit(url)
    host = parts.hostname or ""
    if parts.port:
        host = f"{host}:{parts.port}"
    return redact(urllib.parse.urlunsplit((parts.scheme, host, parts.path, "", "")))


@dataclass(frozen=True)
class ChatClient:
    """One server and model; :meth:`complete` sends a conversation and returns the answer."""

    url: str
    model: str
    timeout: float = 60.0
    retries: int = 1
    max_tokens: int = 512

    def endpoint(self) -> str:
        base = self.url.rstrip("/")
        return base if base.endswith("/chat/completions") else f"{base}/chat/completions"

    def complete(
        self, messages: list[dict[str, str]], schema: dict[str, object] | None = None
    ) -> str:
        """The text of the first choice of the answer to ``messages``; :class:`LLMError` if the
        server is down, times out, refuses, or answers something that is not a completion.
        ``schema``, if given, asks for JSON of that shape (``response_format``)."""
        body: dict[str, object] = {
            "model": self.model,
            "messages": messages,
            "temperature": 0,
            "max_tokens": self.max_tokens,
            "stream": False,
        }
        if schema is not None:
            body["response_format"] = {
                "type": "json_schema",
                "json_schema": {"name": "brief", "strict": True, "schema": schema},
            }
        data = json.dumps(body).encode("utf-8")
        headers = {"Content-Type": "application/json", "Accept": "application/json"}
        key = api_key()
        if key:
            headers["Authorization"] = f"Bearer {key}"
        where = public_url(self.endpoint())
        pause = RETRY_PAUSE
        problem = ""
        for attempt in range(self.retries + 1):
            if attempt:
                time.sleep(pause)
                pause *= 2
            request = urllib.request.Request(self.endpoint(), data, headers, method="POST")
            try:
                with urllib.request.urlopen(request, timeout=self.timeout) as response:
                    raw = response.read()
            except urllib.error.HTTPError as exc:
                problem = f"the server at {where} answered HTTP {exc.code}"
                if exc.code < 500:  # refused (bad model name, key, request): retrying won't help
                    break
                continue
            except TimeoutError:
                problem = f"no answer from {where} within {self.timeout:g} s"
                continue
            except (urllib.error.URLError, OSError, http.client.HTTPException) as exc:
                # OSError: refused, reset; HTTPException: a connection dropped mid-answer.
                reason = getattr(exc, "reason", exc)
                problem = f"cannot reach {where}: {redact(str(reason) or type(exc).__name__)}"
                continue
            return _choice_text(raw, where)
        raise LLMError(redact(problem), code="E800")


def _choice_text(raw: bytes, where: str) -> str:
    try:
        answer: Any = json.loads(raw.decode("utf-8", errors="replace"))
        choice = answer["choices"][0]
        content = choice["message"]["content"]
    except (ValueError, KeyError, IndexError, TypeError):
        raise LLMError(
            f"the server at {where} did not answer a chat completion", code="E801"
        ) from None
    if choice.get("finish_reason") == "length":
        raise LLMError(
            "the answer was cut off at the token limit (raise llm_max_tokens)", code="E801"
        )
    if not isinstance(content, str) or not content.strip():
        raise LLMError(f"the server at {where} answered an empty completion", code="E801")
    return content
