"""JSON rendering: the documented, stable structure of a brief (docs/json.md).

The structure and its encoding are :meth:`newsbrief.records.Brief.to_dict` / ``to_json``
(:mod:`newsbrief.records.brief`); this module is the ``json`` entry of the formats table.
"""

from __future__ import annotations

from newsbrief.records import SCHEMA, Brief, brief_json, brief_to_dict

__all__ = ["SCHEMA", "brief_to_dict", "render_json"]


def render_json(brief: Brief, explain: bool = False, indent: int | None = 2) -> str:
    """The brief as JSON (docs/json.md); every control character is written as a \\u escape.

    It always holds everything ``explain`` would add.
    """
    return brief_json(brief, indent)
