"""The stop-word list kept as data is scikit-learn's, and the default brief does not import
scikit-learn (its import was most of a command-line brief's time)."""

from __future__ import annotations

import subprocess
import sys

from newsbrief.summary.stopwords import ENGLISH_STOP_WORDS


def test_the_list_is_scikit_learns() -> None:
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS as sklearn_list

    assert sklearn_list == ENGLISH_STOP_WORDS
    assert len(ENGLISH_STOP_WORDS) == 318


def test_a_summary_brief_imports_no_scikit_learn() -> None:
    code = (
        "import sys\n"
        "from newsbrief import brief\n"
        "b = brief(['The council voted on Tuesday to close the old bridge for repairs. "
        "Work starts in May.', 'Repairs to the bridge will take five months, the council "
        "said. The ferry will run meanwhile.'], words=40, sections=['summary'])\n"
        "assert b.sentences, 'no summary'\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'sklearn'))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    assert done.stdout.strip() == "[]"
