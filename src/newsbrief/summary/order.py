"""Order: chosen sentences → an order a reader can follow.

Articles are taken by publication date (undated ones after, in input order), and each
article's sentences in their original order, so a sentence that depends on an earlier one
("He said…") still follows it.
"""

from __future__ import annotations

from collections.abc import Sequence

from newsbrief.records import Article, Selected


def order(selected: Sequence[Selected], articles: Sequence[Article]) -> list[Selected]:
    """The selected sentences in reading order."""
    rank = {article.id: n for n, article in enumerate(articles)}
    dates = {article.id: article.date for article in articles}

    def key(item: Selected) -> tuple[bool, str, int, int]:
        sentence = item.sentence
        date = dates[sentence.article_id]
        return (date is None, date or "", rank[sentence.article_id], sentence.index)

    return sorted(selected, key=key)
