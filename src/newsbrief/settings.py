"""One settings object shared by the Python API and the CLI.

Values come, later winning, from: the defaults below → a TOML file (``--config`` or the
``NEWSBRIEF_CONFIG`` environment variable) → ``NEWSBRIEF_<NAME>`` environment variables →
explicit arguments (CLI flags or keyword arguments).
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from newsbrief.choices import NAMED_SETTINGS
from newsbrief.errors import SettingsError


@dataclass(frozen=True)
class Settings:
    """Every tunable of the pipeline, with the reason for each default in a comment."""

    # Summary length budget in words; a brief never exceeds it. The one default of the budget:
    # every edge (CLI, batch, service, Python API) leaves it to this field when not given.
    words: int = 150
    # Who writes the summary: a name in newsbrief.choices.SUMMARIZERS ("extractive": sentences
    # of the articles, cited, no model).
    backend: str = "extractive"
    # How sentences become vectors: a name in newsbrief.choices.REPRESENTATIONS.
    representation: str = "tfidf"
    # How sentences are scored: "blend" (the learned score beside the centrality + position
    # prior; newsbrief.summary.score says why), "learned" (shipped weights alone), "centroid"
    # (the prior alone, nothing learned). "auto", the old default, is read as "blend".
    scorer: str = "blend"
    # The blend: the learned score's share against the prior's (chosen across Multi-News
    # validation, DUC 2006 and DUC 2007 at 100-260 words, docs/benchmarks.md issue 11).
    learned_weight: float = 0.5
    # The prior (blend, centroid): weight of the position prior against centrality.
    position_weight: float = 0.35
    # Selection: "mmr" (maximal marginal relevance) or "coverage" (cover the heaviest concepts,
    # newsbrief.summary.concepts; better on Multi-News alone, worse on whole newswire articles).
    selection: str = "mmr"
    # Selection: two sentences at or above this cosine say the same thing; the later one is dropped.
    redundancy_threshold: float = 0.3
    # Selection: MMR trade-off between salience (1.0) and novelty (0.0).
    diversity_lambda: float = 0.7
    # Sentences shorter than this many words are fragments, not summary material.
    min_sentence_words: int = 6
    # Another article "also" reports a summary sentence when one of its sentences is this similar.
    also_in_threshold: float = 0.4
    # Cleaning: a run of fragment lines with at least this many short labels is a torn graphic.
    torn_graphic_min_labels: int = 3
    # Cleaning: a line of at most this many words counts as a short label.
    label_max_words: int = 4
    # Dedup: an article whose sentences are at least this share of an earlier one's is a copy.
    duplicate_overlap: float = 0.9
    # Agreement: sentences of two articles at or above this cosine report the same thing.
    agreement_threshold: float = 0.35
    # Agreement: who labels aligned sentences: "rules" (no model) or "nli:/path/to/model"
    # (transformers, a model folder the user gives; nothing is downloaded).
    agreement_judge: str = "rules"
    # Question mode: keep only the quotes, timeline entries, alignments and actors whose sentences
    # hold a question term (newsbrief.analysis.matter); off keeps the analysis whole.
    question_sections: bool = True
    # Input limits: bigger files are refused; longer articles are truncated, with a notice.
    max_file_bytes: int = 16_000_000
    max_article_chars: int = 200_000
    # The openai backend (backend = "openai", newsbrief.llm): an OpenAI-compatible chat server
    # rewrites the chosen sentences; each rewrite is checked against the spans it cites. The key,
    # if any, comes from the NEWSBRIEF_LLM_API_KEY or OPENAI_API_KEY environment variable, never
    # from settings.
    # The openai backend: the server's base URL (Ollama's by default) and the model name.
    llm_url: str = "http://127.0.0.1:11434/v1"
    llm_model: str = ""
    # The openai backend: seconds to wait for one answer, and retries after a failed request
    # (connection refused, timeout, 5xx) before falling back to the extractive brief.
    llm_timeout: float = 60.0
    llm_retries: int = 1
    # The openai backend: the most tokens the model may answer, and the largest prompt sent
    # (characters); sentences beyond it stay extractive, with a notice.
    llm_max_tokens: int = 512
    llm_max_prompt_chars: int = 12_000
    # The openai backend: send the answer's JSON schema as response_format (servers that
    # constrain decoding to it then cannot answer malformed JSON or an id they were not given);
    # false for a server that refuses the field.
    llm_json_schema: bool = True
    # The grounding check: the least share of a rewritten sentence's content words that must
    # occur in the spans it cites (numbers, dates, names, quotations and negation must all hold).
    llm_min_coverage: float = 0.8
    # The openai backend: a failure of the server or of the answer's format is an error (exit
    # non-zero) rather than the extractive brief with a notice.
    strict: bool = False


# Each setting's type (that of its default), and the environment variable that sets it.
_KINDS = {f.name: type(f.default) for f in fields(Settings)}
ENV_PREFIX = "NEWSBRIEF_"
_ENV_NAMES = {name: f"{ENV_PREFIX}{name.upper()}" for name in _KINDS}


def _coerce(name: str, value: Any, kind: type) -> Any:
    try:
        if kind is bool and isinstance(value, str):
            return value.strip().lower() in {"1", "true", "yes", "on"}
        if kind in (int, float) and isinstance(value, bool):  # True is not a number of words
            raise TypeError
        if kind is int and isinstance(value, float) and not value.is_integer():  # 1.5 words
            raise ValueError
        if kind is int and isinstance(value, str):  # "150" from the environment, not "1.5"
            return int(value.strip())
        return kind(value)
    except (TypeError, ValueError):
        raise SettingsError(
            f"setting {name!r} must be {kind.__name__}, got {value!r}", code="E201"
        ) from None


def load_settings(config: str | Path | None = None, **overrides: Any) -> Settings:
    """Build the settings: defaults, then a TOML file, then environment, then ``overrides``.

    Unknown names in the file or in ``overrides`` are an error, so a typo never goes unnoticed.
    ``None`` in ``overrides`` means "not given" and keeps the value from the earlier layers.
    """
    kinds = _KINDS
    values: dict[str, Any] = {}
    config = config or os.environ.get("NEWSBRIEF_CONFIG")
    if config:
        try:
            with open(config, "rb") as handle:
                data = tomllib.load(handle)
        except (OSError, tomllib.TOMLDecodeError) as exc:
            raise SettingsError(f"cannot read settings file {config}: {exc}", code="E202") from None
        values.update(data.get("newsbrief", data))
    # The environment's names read once: a look-up of each of the 33 settings' variables,
    # nearly all absent, raised and caught a KeyError inside os.environ.get (0.03 ms a brief).
    present = {key for key in os.environ if key.startswith(ENV_PREFIX)}
    for name, key in _ENV_NAMES.items():
        if key in present:
            values[name] = os.environ[key]
    values.update({k: v for k, v in overrides.items() if v is not None})
    unknown = sorted(set(values) - set(kinds))
    if unknown:
        raise SettingsError(f"unknown setting(s): {', '.join(unknown)}", code="E203")
    settings = Settings(**{k: _coerce(k, v, kinds[k]) for k, v in values.items()})
    if settings.words < 1:
        raise SettingsError("the word budget must be at least 1", code="E204")
    _check_ranges(settings)
    check_names(settings)
    return settings


def check_names(settings: Settings) -> None:
    """Every name-valued setting names an entry of its table, checked before any work starts."""
    for name, table in NAMED_SETTINGS.items():
        table.check(getattr(settings, name))


SHARES = (
    "learned_weight",
    "position_weight",
    "redundancy_threshold",
    "diversity_lambda",
    "also_in_threshold",
    "duplicate_overlap",
    "agreement_threshold",
    "llm_min_coverage",
)
COUNTS = (
    "min_sentence_words",
    "torn_graphic_min_labels",
    "label_max_words",
    "max_file_bytes",
    "max_article_chars",
    "llm_max_tokens",
    "llm_max_prompt_chars",
)


def _check_ranges(settings: Settings) -> None:
    """Similarities, weights and shares lie in [0, 1]; counts and sizes are at least 1."""
    for name in SHARES:
        if not 0.0 <= getattr(settings, name) <= 1.0:
            raise SettingsError(
                f"setting {name!r} must be between 0 and 1, got {getattr(settings, name)}",
                code="E211",
            )
    for name in COUNTS:
        if getattr(settings, name) < 1:
            raise SettingsError(
                f"setting {name!r} must be at least 1, got {getattr(settings, name)}", code="E211"
            )
    if settings.backend == "openai" and not settings.llm_url.startswith(("http://", "https://")):
        raise SettingsError(
            "llm_url must be an http:// or https:// URL, e.g. http://127.0.0.1:11434/v1",
            code="E214",
        )
    if settings.llm_timeout <= 0 or settings.llm_retries < 0:
        raise SettingsError(
            "llm_timeout must be above 0 seconds and llm_retries at least 0", code="E211"
        )


def settings_dict(settings: Settings) -> dict[str, Any]:
    """The settings as a dict, field by field: what ``dataclasses.asdict`` gives for these
    flat, immutable values, without its recursive deep copy (20 µs of every brief)."""
    return {field.name: getattr(settings, field.name) for field in fields(settings)}
