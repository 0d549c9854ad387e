"""newsbrief: multi-document news briefs in which every sentence cites its source.

>>> from newsbrief import brief
>>> b = brief(["first article text ...", "second article text ..."], words=150)
>>> print(b.text)

Only light modules are imported here; scikit-learn, trafilatura and blingfire load on first use.
"""

from newsbrief.errors import InputError, NewsbriefError, SettingsError
from newsbrief.pipeline import brief, brief_paths, prepare, summarize
from newsbrief.records import (
    Article,
    Brief,
    Citation,
    Cluster,
    Notice,
    Removal,
    Sentence,
    SummarySentence,
)
from newsbrief.settings import Settings, load_settings

__version__ = "0.1.0"

__all__ = [
    "Article",
    "Brief",
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
    "summarize",
]
