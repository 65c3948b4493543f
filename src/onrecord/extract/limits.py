"""The longest article extraction takes on, checked before any work on it.

Long articles are extracted in windows (:mod:`onrecord.extract.windows`), so time grows
linearly with length (about 35 s per million characters on a 2-core machine) and memory
stays near that of one window. The limit keeps one pasted book or runaway scrape from holding
a server or a batch for many minutes: an article over it is that article's error, with the
setting that raises it named in the message. This module imports no spaCy, so readers and
the CLI can check before loading a model.
"""

from __future__ import annotations

from onrecord import config
from onrecord.errors import InputError
from onrecord.model import Article


class ArticleTooLong(InputError):
    """An article over :func:`onrecord.config.max_article_chars`; nothing was extracted.

    The message does not name the input: callers report it with the input's name (the CLI's
    error line, ingest's ``extraction failed`` entry) as they do for other errors.
    """

    def __init__(self, length: int, limit: int) -> None:
        self.length = length
        self.limit = limit
        super().__init__(
            f"article of {length:,} characters is over the limit of {limit:,}; "
            f"set {config.MAX_CHARS_ENV} to a larger number to extract it"
        )


def check_length(article: Article, max_chars: int | None = None) -> None:
    """Raise :class:`ArticleTooLong` for an article ``extract_many`` would refuse, so that a
    caller can report it as that article's error and go on with the others."""
    limit = max_chars or config.max_article_chars()
    if len(article.text) > limit:
        raise ArticleTooLong(len(article.text), limit)
