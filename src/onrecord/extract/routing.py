"""Which extraction path an article takes: by its language, keeping the input order.

English stays exactly as it was: an article goes the Russian way only when its language is
Russian (``article.language == "ru"``, set at ingest by every reader) or, for a bare document
with no language (``onrecord extract``/``eval`` input), when its text reads as Russian
(:func:`onrecord.ingest.meta.guess_language`, a count of letters). Anything else, unknown
languages included, takes the English path as before, so English articles never reach the
Russian code, and natasha is imported only when a Russian article arrives.

Consecutive articles of one path are handed over together (English ones stay in spaCy
batches); each path yields one statement list per article, so the output keeps the input's
order.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from itertools import groupby

from onrecord.ingest.meta import guess_language
from onrecord.model import Article, Statement

Path = Callable[[Iterable[Article]], Iterator[list[Statement]]]

RUSSIAN = "ru"
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")


def is_russian(article: Article) -> bool:
    """Whether ``article`` takes the Russian path (see the module docstring)."""
    if article.language is not None:
        return article.language == RUSSIAN
    return _looks_russian(article.text)


def _looks_russian(text: str) -> bool:
    # most text is Latin: one regex scan of its start settles it before the letter count
    if _CYRILLIC.search(text, 0, 4000) is None:
        return False
    return guess_language(text) == RUSSIAN


def by_language(
    articles: Iterable[Article], english: Path, russian: Path
) -> Iterator[list[Statement]]:
    """Statements of each article in order: Russian ones through ``russian``, the rest
    through ``english``."""
    for is_ru, group in groupby(articles, key=is_russian):
        yield from (russian if is_ru else english)(group)
