"""load_settings reads the environment's names once instead of looking each setting's variable
up: the same settings, and the same first error, as the look-ups gave (issue 11)."""

from __future__ import annotations

import dataclasses
import os
import random
from typing import Any

import pytest

from newsbrief.errors import SettingsError
from newsbrief.settings import Settings, _coerce, load_settings

# A valid environment value for some settings, and one each cannot read.
VALID = {"words": "42", "position_weight": "0.2", "strict": "yes", "min_sentence_words": "3"}
INVALID = {"words": "many", "position_weight": "high", "min_sentence_words": "1.5"}


def looked_up(**overrides: Any) -> Settings:
    """The settings as load_settings read them, one variable look-up a setting."""
    kinds = {f.name: type(f.default) for f in dataclasses.fields(Settings)}
    values = {}
    for name in kinds:
        env = os.environ.get(f"NEWSBRIEF_{name.upper()}")
        if env is not None:
            values[name] = env
    values.update({k: v for k, v in overrides.items() if v is not None})
    return Settings(**{k: _coerce(k, v, kinds[k]) for k, v in values.items()})


@pytest.mark.parametrize("seed", range(30))
def test_environment_read_as_by_look_ups(monkeypatch: pytest.MonkeyPatch, seed: int) -> None:
    rng = random.Random(seed)
    monkeypatch.delenv("NEWSBRIEF_CONFIG", raising=False)
    for name in rng.sample(sorted(VALID), rng.randint(0, len(VALID))):
        monkeypatch.setenv(f"NEWSBRIEF_{name.upper()}", VALID[name])
    # Names that set nothing: not settings, or not spelled as the variables are.
    monkeypatch.setenv("NEWSBRIEF_NOT_A_SETTING", "1")
    monkeypatch.setenv("newsbrief_words", "7")
    monkeypatch.setenv("XNEWSBRIEF_WORDS", "8")
    overrides = {"words": rng.choice([None, 99])}
    assert load_settings(**overrides) == looked_up(**overrides)


def test_the_first_bad_variable_in_field_order_is_named(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NEWSBRIEF_CONFIG", raising=False)
    for name in reversed(sorted(INVALID)):  # set in another order than the fields'
        monkeypatch.setenv(f"NEWSBRIEF_{name.upper()}", INVALID[name])
    with pytest.raises(SettingsError) as raised:
        load_settings()
    with pytest.raises(SettingsError) as expected:
        looked_up()
    assert str(raised.value) == str(expected.value)
    assert "'words'" in str(raised.value)
