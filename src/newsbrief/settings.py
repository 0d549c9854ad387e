"""One settings object shared by the Python API and the CLI.

Values come, later winning, from: the defaults below → a TOML file (``--config`` or the
``NEWSBRIEF_CONFIG`` environment variable) → ``NEWSBRIEF_<NAME>`` environment variables →
explicit arguments (CLI flags or keyword arguments).
"""

from __future__ import annotations

import dataclasses
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
    # How sentences are scored: "learned" (shipped weights), "centroid" (no learned weights), or
    # "auto": learned for clusters of up to 10 articles (what it was fitted on), else centroid.
    scorer: str = "auto"
    # The centroid scorer: weight of the position prior against centrality (0 = ignore position).
    position_weight: float = 0.35
    # Selection: "coverage" (cover the heaviest concepts, newsbrief.summary.concepts; the better
    # of the two on Multi-News and on 25-article DUC clusters) or "mmr" (maximal marginal
    # relevance).
    selection: str = "coverage"
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


def _coerce(name: str, value: Any, kind: type) -> Any:
    try:
        if kind is bool and isinstance(value, str):
            return value.strip().lower() in {"1", "true", "yes", "on"}
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
    kinds = {f.name: type(f.default) for f in fields(Settings)}
    values: dict[str, Any] = {}
    config = config or os.environ.get("NEWSBRIEF_CONFIG")
    if config:
        try:
            with open(config, "rb") as handle:
                data = tomllib.load(handle)
        except (OSError, tomllib.TOMLDecodeError) as exc:
            raise SettingsError(f"cannot read settings file {config}: {exc}", code="E202") from None
        values.update(data.get("newsbrief", data))
    for name in kinds:
        env = os.environ.get(f"NEWSBRIEF_{name.upper()}")
        if env is not None:
            values[name] = env
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
    "position_weight",
    "redundancy_threshold",
    "diversity_lambda",
    "also_in_threshold",
    "duplicate_overlap",
    "agreement_threshold",
)
COUNTS = (
    "min_sentence_words",
    "torn_graphic_min_labels",
    "label_max_words",
    "max_file_bytes",
    "max_article_chars",
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


def settings_dict(settings: Settings) -> dict[str, Any]:
    return dataclasses.asdict(settings)
