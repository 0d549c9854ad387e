"""The prompt: the chosen source sentences with ids in, JSON sentences naming their ids out.

The model sees only the sentences the extractive pipeline chose (``S1``, ``S2``, … in brief
order), so whatever it writes can be checked against what it cites. :func:`parse_answer` reads
the answer leniently where that is safe (a code fence, text around the JSON, ids given as
``"S2"``, ``"2"`` or ``2``) and strictly where it matters: an answer that is not a list of
sentences, or that cites an id it was not given, raises :class:`FormatError`.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass

from newsbrief.llm.client import LLMError

SYSTEM = (
    "You rewrite news sentences into a short, fluent brief. Use only facts stated in the "
    "numbered source sentences. Never add a name, number, date or quotation that they do not "
    "contain, and never change what they deny or affirm. Each output sentence must list the ids "
    "of the source sentences it uses. Answer with JSON only."
)

INSTRUCTIONS = (
    "Rewrite the source sentences below into a brief of at most {words} words. You may merge "
    "sentences that report the same event and drop repeated context.\n"
    'Answer exactly in this JSON form: {{"sentences": [{{"text": "...", "ids": ["S1"]}}]}}\n\n'
    "Source sentences:\n{sources}"
)


MAX_SENTENCE_CHARS = 600  # a longer "sentence" is not one


class FormatError(LLMError):
    """The model answered, but not in the asked-for form (a fallback reason)."""

    code = "E802"


@dataclass(frozen=True)
class Draft:
    """One sentence of the model's answer and the ids (positions in the prompt) it cites."""

    text: str
    ids: tuple[int, ...]


def fit_sources(texts: Sequence[str], max_chars: int) -> int:
    """How many of ``texts`` (in order) fit in a prompt of ``max_chars`` characters."""
    used = len(SYSTEM) + len(INSTRUCTIONS)
    for count, text in enumerate(texts):
        used += len(_line(count, text)) + 1
        if used > max_chars:
            return count
    return len(texts)


def _line(index: int, text: str) -> str:
    return f"[S{index + 1}] {' '.join(text.split())}"


def build_messages(texts: Sequence[str], words: int) -> list[dict[str, str]]:
    """The chat messages asking to rewrite ``texts`` (ids ``S1``… in order) in ``words``."""
    sources = "\n".join(_line(i, text) for i, text in enumerate(texts))
    return [
        {"role": "system", "content": SYSTEM},
        {"role": "user", "content": INSTRUCTIONS.format(words=words, sources=sources)},
    ]


def answer_schema(sources: int) -> dict[str, object]:
    """The JSON schema of the answer, ids limited to those given: sent as ``response_format``,
    which servers that constrain decoding by a grammar (llama.cpp, vLLM, Ollama, OpenAI) obey."""
    ids = {"type": "array", "items": {"enum": [f"S{i + 1}" for i in range(sources)]}}
    sentence = {
        "type": "object",
        "properties": {
            "text": {"type": "string", "minLength": 1, "maxLength": MAX_SENTENCE_CHARS},
            "ids": ids | {"minItems": 1, "maxItems": sources},
        },
        "required": ["text", "ids"],
    }
    return {
        "type": "object",
        "properties": {
            # No more sentences than sources: a small model under a grammar otherwise tends to
            # repeat itself until the token limit cuts the answer off.
            "sentences": {"type": "array", "items": sentence, "minItems": 1, "maxItems": sources}
        },
        "required": ["sentences"],
    }


_FENCE = re.compile(r"```(?:json)?\s*(.*?)```", re.S | re.I)
_LABEL = re.compile(r"^\[?S\d+\]?[:.)]?\s+")
_ID = re.compile(r"^\s*\[?S?(\d+)\]?\s*$", re.I)


def parse_answer(answer: str, sources: int) -> list[Draft]:
    """The drafts of ``answer``; :class:`FormatError` when it is not the asked-for JSON, has no
    sentence, or cites an id outside ``S1``…``S{sources}``."""
    data = _json_of(answer)
    items = data.get("sentences") if isinstance(data, dict) else data
    if not isinstance(items, list) or not items:
        raise FormatError("the model's answer has no list of sentences")
    drafts = []
    for item in items:
        if not isinstance(item, dict) or not isinstance(item.get("text"), str):
            raise FormatError("a sentence of the model's answer has no text")
        raw_ids = item.get("ids", item.get("id"))
        if isinstance(raw_ids, str | int):
            raw_ids = [raw_ids]
        if not isinstance(raw_ids, list) or not raw_ids:
            raise FormatError("a sentence of the model's answer names no source id")
        ids = []
        for raw in raw_ids:
            match = _ID.match(str(raw))
            number = int(match.group(1)) if match else 0
            if not 1 <= number <= sources:
                raise FormatError(
                    # Not the id itself: the model's text reaches no user-visible output.
                    f"the model cited an id it was not given (it was given S1–S{sources})"
                )
            ids.append(number - 1)
        # A leading id label ("S1: …", "[S1] …") is the prompt's layout copied, not content.
        text = _LABEL.sub("", " ".join(item["text"].split()))
        if text:
            drafts.append(Draft(text, tuple(dict.fromkeys(ids))))
    if not drafts:
        raise FormatError("the model's answer has only empty sentences")
    return drafts


def _json_of(answer: str) -> object:
    fenced = _FENCE.search(answer)
    text = fenced.group(1) if fenced else answer
    starts = [i for i in (text.find("{"), text.find("[")) if i >= 0]
    if not starts:
        raise FormatError("the model did not answer JSON")
    start = min(starts)
    end = max(text.rfind("}"), text.rfind("]"))
    try:
        return json.loads(text[start : end + 1])
    except ValueError:
        raise FormatError("the model's answer is not valid JSON") from None
