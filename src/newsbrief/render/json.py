"""JSON rendering: the documented, stable structure of a brief (docs/json.md).

The structure itself is :meth:`newsbrief.records.Brief.to_dict`; this module only encodes it.
"""

from __future__ import annotations

import json

from newsbrief.records import SCHEMA, Brief, brief_to_dict

__all__ = ["SCHEMA", "brief_to_dict", "render_json"]


def render_json(brief: Brief, explain: bool = False, indent: int | None = 2) -> str:
    """The brief as a JSON string; it always holds everything ``explain`` would add."""
    return json.dumps(brief_to_dict(brief), ensure_ascii=False, indent=indent)
