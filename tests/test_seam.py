"""The seam: one request record, one entry point, one table shape, names checked up front."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import make_article

import newsbrief
from newsbrief.choices import FORMATS, JUDGES, SCORERS, SUMMARIZERS
from newsbrief.cli import main
from newsbrief.errors import SettingsError
from newsbrief.ingest.read import from_items
from newsbrief.pipeline import request_from_items, run
from newsbrief.records import BriefRequest, Citation, SummaryResult, SummarySentence
from newsbrief.registry import Registry
from newsbrief.settings import Settings, load_settings

TEXTS = [make_article("harbor"), make_article("river", 5)]


@pytest.fixture
def bad_config(tmp_path: Path) -> Path:
    config = tmp_path / "bad.toml"
    config.write_text('[newsbrief]\nscorer = "learnd"\n')
    return config


# ---- the request and the entry point ----


def test_run_takes_a_request_and_settings() -> None:
    settings = load_settings()
    request = request_from_items(TEXTS, settings, words=40, sections="summary")
    assert request.sections == ("summary",) and request.words == 40
    result = run(request, settings)
    assert 0 < result.word_count <= 40 and result.words == 40 and result.sections == ("summary",)
    assert result.to_dict() == newsbrief.brief(TEXTS, 40, sections="summary").to_dict()


def test_the_word_budget_default_lives_in_settings() -> None:
    settings = load_settings(words=33)
    request = request_from_items(TEXTS, settings, sections=["summary"])
    assert request.words is None and run(request, settings).words == 33


def test_a_bad_budget_in_a_request_is_a_settings_error() -> None:
    with pytest.raises(SettingsError) as caught:
        request_from_items(TEXTS, Settings(), words=0)
    assert caught.value.code == "E204"


def test_selected_is_a_span_of_its_article() -> None:
    from newsbrief.summary.extractive import summarize

    settings = load_settings()
    request = request_from_items(TEXTS, settings)
    cluster = newsbrief.prepare(from_items(TEXTS, settings))
    result = summarize(cluster, request, settings)
    for sentence in result.sentences:
        article = cluster.article(sentence.citation.article_id)
        assert article.text[sentence.citation.start : sentence.citation.end] == sentence.text


# ---- the summarizer table ----


def test_a_registered_summarizer_is_chosen_by_backend() -> None:
    def first_sentence(cluster, request, settings) -> SummaryResult:
        s = cluster.sentences[0]
        citation = Citation(s.article_id, s.index, s.start, s.end)
        return SummaryResult((SummarySentence(s.text, citation),))

    SUMMARIZERS.register("first", first_sentence, "the first sentence, for the test")
    try:
        result = newsbrief.brief(TEXTS, sections="summary", backend="first")
        settings = load_settings()  # backend "extractive"; the request's own backend wins
        asked = request_from_items(TEXTS, settings, backend="first", sections="summary")
        by_request = run(asked, settings)
    finally:
        SUMMARIZERS.unregister("first")
    assert len(result.sentences) == 1 and result.settings["backend"] == "first"
    assert by_request.sentences == result.sentences and by_request.settings["backend"] == "first"
    with pytest.raises(SettingsError):
        newsbrief.brief(TEXTS, backend="first")  # gone again


def test_registry_errors_name_the_allowed_names() -> None:
    table: Registry[object] = Registry("widget", "widget", "E999")
    table.register("plain", dict, "a dict")
    table.register("path", "newsbrief.summary.patterns:words_of", "by path, imported on use")
    table.register("arg", lambda value: value.upper(), "takes an argument", takes_argument=True)
    assert table.names() == ("plain", "path", "arg") and "arg:x" in table
    assert table.get("path")("Two words") == ["two", "words"]
    assert table.get("arg:loud")() == "LOUD"
    with pytest.raises(SettingsError) as caught:
        table.get("plian")
    assert caught.value.code == "E999"
    assert "plain, path, arg:ARG" in str(caught.value) and "'widget'" in str(caught.value)
    with pytest.raises(ValueError):
        table.register("plain", dict, "again")


def test_every_table_entry_loads() -> None:
    from newsbrief import choices

    for table in (choices.REPRESENTATIONS, SCORERS, choices.SELECTIONS, FORMATS, SUMMARIZERS):
        for name in table.names():
            assert callable(table.get(name)), name
    assert callable(JUDGES.get("rules"))


@pytest.mark.parametrize(
    ("setting", "value", "code"),
    [
        ("scorer", "learnd", "E209"),
        ("selection", "cover", "E212"),
        ("representation", "bert", "E205"),
        ("agreement_judge", "rule", "E210"),
        ("backend", "openai-typo", "E213"),
    ],
)
def test_every_named_setting_is_checked_when_settings_load(setting, value, code) -> None:
    with pytest.raises(SettingsError) as caught:
        load_settings(**{setting: value})
    assert caught.value.code == code and value in caught.value.message


# ---- earlier, clearer errors at every edge ----


def test_cli_typo_in_scorer_fails_before_reading(bad_config: Path, tmp_path: Path) -> None:
    missing = tmp_path / "no-such-dir"  # reading it would be E101; the setting fails first
    result = CliRunner().invoke(main, ["brief", str(missing), "--config", str(bad_config)])
    assert result.exit_code == 2
    assert "[E209] unknown scorer 'learnd'" in result.output and "choose from" in result.output
    assert "E101" not in result.output and "Traceback" not in result.output


def test_cli_unknown_backend_lists_the_summarizers(tmp_path: Path) -> None:
    missing = tmp_path / "no-such-dir"
    result = CliRunner().invoke(main, ["brief", str(missing), "--backend", "extractiv"])
    assert result.exit_code == 2 and "[E213]" in result.output and "extractive" in result.output
    help_text = CliRunner().invoke(main, ["brief", "--help"]).output
    assert "--backend" in help_text and "extractive" in help_text


def test_batch_typo_in_scorer_fails_once_up_front(bad_config: Path, tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text("".join(json.dumps({"id": n, "documents": TEXTS}) + "\n" for n in range(3)))
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(
        main, ["batch", str(source), "--out", str(out), "--config", str(bad_config)]
    )
    assert result.exit_code == 2 and "[E209]" in result.output
    assert result.output.count("E209") == 1 and not out.exists()
    assert not (tmp_path / "out.errors.jsonl").exists()  # no cluster was tried


def test_batch_api_checks_settings_before_any_line(tmp_path: Path) -> None:
    from newsbrief.batch.runner import run_batch

    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps({"id": 1, "documents": TEXTS}) + "\n")
    with pytest.raises(SettingsError) as caught:
        run_batch(source, tmp_path / "o.jsonl", settings=Settings(scorer="learnd"))
    assert caught.value.code == "E209" and not (tmp_path / "o.errors.jsonl").exists()
    with pytest.raises(SettingsError):
        run_batch(
            source,
            tmp_path / "o.jsonl",
            settings=Settings(),
            request=BriefRequest((), sections=("summry",)),
        )


def test_service_typo_in_scorer_fails_at_startup(bad_config: Path) -> None:
    pytest.importorskip("fastapi", reason="the service extra is not installed")
    from newsbrief.service.app import create_app
    from newsbrief.service.limits import ServiceSettings

    with pytest.raises(SettingsError) as caught:
        create_app(ServiceSettings(brief_settings={"config": str(bad_config)}))
    assert caught.value.code == "E209"
    result = CliRunner().invoke(main, ["serve", "--config", str(bad_config)])
    assert result.exit_code == 2 and "[E209] unknown scorer 'learnd'" in result.output
