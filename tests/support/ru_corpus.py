"""A small invented Russian corpus for the HTTP and browser tests of issue 13.

A Russian wire story and its English version, with statements placed by hand (offsets found
in the text), so the tests check storage, filters and display, not the extractor.
"""

from __future__ import annotations

from pathlib import Path

from onrecord.model import Article, Span, Speaker, Statement
from onrecord.resolve.updates import update_record
from onrecord.store.db import Store

RU_SPEAKER = "Григорий Лесницкий"
EN_SPEAKER = "Grigoriy Lesnitskiy"
RU_WORDS = "Переговоры продвинулись, но говорить о соглашении пока рано"
RU_SECOND = "делегацию вновь возглавит Павел Дрозд"
EN_WORDS = "The talks have moved forward, but it is too early to speak of an agreement"
RU_TEXT = (
    "Переговоры продвинулись — Лесницкий\n"
    f"ТИРЕННА, 14 апреля. /ТПА/. «{RU_WORDS}», — сказал пресс-секретарь президента "
    f"Григорий Лесницкий. По словам Лесницкого, {RU_SECOND}.\n"
)
EN_TEXT = (
    "Talks have moved forward — Lesnitskiy\n"
    f'TIRENNA, April 14. /TPA/. "{EN_WORDS}," presidential spokesman Grigoriy Lesnitskiy said.\n'
)


def _said(text: str, words: str, speaker: str, mention: str, kind: str) -> Statement:
    at = text.index(words)
    m = text.index(mention, at + len(words)) if mention in text[at:] else text.index(mention)
    who = Speaker(speaker, "person", Span.of(text, m, m + len(mention)))
    return Statement(kind, Span.of(text, at, at + len(words)), who, source="test")  # type: ignore[arg-type]


def fill_ru_store(path: Path) -> Path:
    """A store at ``path`` with the Russian story and its English version, record updated."""
    with Store(path, create=True) as store:
        ru = Article(
            id="ru/1", text=RU_TEXT, outlet="ТПА", published="2025-04-14", language="ru",
            headline="Переговоры продвинулись — Лесницкий",
        )  # fmt: skip
        store.add_article(
            ru,
            [
                _said(RU_TEXT, RU_WORDS, RU_SPEAKER, "Григорий Лесницкий", "direct"),
                _said(RU_TEXT, RU_SECOND, RU_SPEAKER, "Лесницкого", "indirect"),
            ],
        )
        en = Article(
            id="en/1", text=EN_TEXT, outlet="TPA", published="2025-04-14", language="en",
            headline="Talks have moved forward — Lesnitskiy",
        )  # fmt: skip
        store.add_article(
            en, [_said(EN_TEXT, EN_WORDS, EN_SPEAKER, "Grigoriy Lesnitskiy", "direct")]
        )
        update_record(store)
    return path
