"""settings_dict is dataclasses.asdict of the settings, without its deep copy (issue 11)."""

from __future__ import annotations

import dataclasses

from newsbrief.settings import Settings, load_settings, settings_dict


def test_settings_dict_is_asdict() -> None:
    for settings in (
        Settings(),
        load_settings(words=42, scorer="centroid", strict=True, llm_timeout=3.5),
    ):
        expected = dataclasses.asdict(settings)
        assert settings_dict(settings) == expected
        assert list(settings_dict(settings)) == list(expected)  # the same order, for the JSON
