"""newsbrief: multi-document news briefs in which every sentence cites its source.

>>> from newsbrief import brief
>>> b = brief(["first article text ...", "second article text ..."], words=150)
>>> print(b.text)

Only light modules are imported here: the pipeline (numpy, then scikit-learn, trafilatura and
blingfire) loads on first use, so ``newsbrief --help`` starts fast.
"""

from typing import TYPE_CHECKING, Any

from newsbrief.errors import InputError, NewsbriefError, SettingsError
from newsbrief.records import (
    Article,
    Brief,
    BriefRequest,
    Citation,
    Cluster,
    Notice,
    Removal,
    Sentence,
    SummarySentence,
)
from newsbrief.settings import Settings, load_settings

__version__ = "0.1.0"

if TYPE_CHECKING:
    from newsbrief.pipeline import brief, brief_paths, prepare, run, summarize

_PIPELINE = {"brief", "brief_paths", "prepare", "run", "summarize"}


def __getattr__(name: str) -> Any:
    if name in _PIPELINE:
        from newsbrief import pipeline

        return getattr(pipeline, name)
    raise AttributeError(f"module 'newsbrief' has no attribute {name!r}")


__all__ = [
    "Article",
    "Brief",
    "BriefRequest",
    "Citation",
    "Cluster",
    "InputError",
    "NewsbriefError",
    "Notice",
    "Removal",
    "Sentence",
    "Settings",
    "SettingsError",
    "SummarySentence",
    "__version__",
    "brief",
    "brief_paths",
    "load_settings",
    "prepare",
    "run",
    "summarize",
]
