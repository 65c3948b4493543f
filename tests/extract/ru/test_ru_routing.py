"""Routing by language: Russian articles take the Russian path, English ones never do.

English extraction must stay exactly as it was, so an English article must never reach the
Russian code, and English-only runs must not even import natasha (its models take seconds to
load and hundreds of megabytes).
"""

from __future__ import annotations

import subprocess
import sys

from onrecord.extract.pipeline import extract_many
from onrecord.extract.routing import is_russian
from onrecord.model import Article

RU = "«Прогресса пока нет», — сказал пресс-секретарь президента Григорий Лесницкий журналистам."
EN = '"There is no progress yet," presidential spokesman Grigory Lesnitsky told reporters.'


def test_language_decides_and_bare_text_is_read() -> None:
    assert is_russian(Article(id="a", text=RU))
    assert is_russian(Article(id="a", text="short", language="ru"))
    assert not is_russian(Article(id="a", text=RU, language="en"))
    assert not is_russian(Article(id="a", text=EN))
    assert not is_russian(Article(id="a", text="Слава Україні! Це український текст, і він є."))


def test_mixed_input_keeps_its_order() -> None:
    articles = [Article(id="1", text=RU), Article(id="2", text=EN), Article(id="3", text=RU)]
    out = list(extract_many(articles))
    speakers = [[s.speaker.name if s.speaker else None for s in found] for found in out]
    assert speakers == [["Григорий Лесницкий"], ["Grigory Lesnitsky"], ["Григорий Лесницкий"]]


def test_english_extraction_never_imports_natasha() -> None:
    code = (
        "import sys\n"
        "from onrecord.extract.pipeline import extract\n"
        "from onrecord.model import Article\n"
        f"extract(Article(id='e', text={EN!r}))\n"
        "assert 'natasha' not in sys.modules and 'onrecord.extract.ru' not in sys.modules\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=300)
