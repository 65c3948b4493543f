"""Russian time expressions through the same resolution as English (resolve/time_ru.py)."""

from __future__ import annotations

import pytest

from onrecord.model import Article, Span, Speaker, Statement
from onrecord.resolve.time import find_times, statement_when

BASE = "2025-04-14"  # a Monday


@pytest.mark.parametrize(
    ("text", "base", "words", "value"),
    [
        ("Об этом в понедельник заявил Песков.", BASE, "в понедельник", "2025-04-14"),
        ("Во вторник сообщил министр.", "2025-04-17", "Во вторник", "2025-04-15"),
        ("В минувшую пятницу источник сообщил ТПА.", BASE, "В минувшую пятницу", "2025-04-11"),
        ("В прошлую среду министр заявил.", BASE, "В прошлую среду", "2025-04-09"),
        ("Встреча состоится в пятницу, сообщил он.", BASE, "в пятницу", "2025-04-18"),
        ("Песков сказал это 28 марта.", "2022-03-29", "28 марта", "2022-03-28"),
        ("Песков сказал это 28 марта.", "--03-29", "28 марта", "--03-28"),
        ("Стороны встретятся 29-30 марта.", "2022-03-21", "29-30 марта", "2022-03-29/2022-03-30"),
        (
            "Переговоры шли с 28 февраля по 2 марта.",
            "2022-03-10",
            "с 28 февраля по 2 марта",
            "2022-02-28/2022-03-02",
        ),
        ("Это было 24 февраля 2022 года.", "2023-01-10", "24 февраля 2022 года", "2022-02-24"),
        ("Решение приняли в марте.", "2022-04-02", "в марте", "2022-03"),
        ("Вчера министр сказал.", BASE, "Вчера", "2025-04-13"),
        ("Накануне министр сказал.", "--04-14", "Накануне", "--04-13"),
        ("На прошлой неделе министр сказал.", BASE, "На прошлой неделе", "2025-04-07/2025-04-13"),
        ("Три дня назад министр сказал.", BASE, "Три дня назад", "2025-04-11"),
    ],
)
def test_russian_expressions(text: str, base: str, words: str, value: str) -> None:
    (found,) = find_times(text, base)
    assert (found.text, found.when.value) == (words, value)


def test_a_weekday_without_a_year_is_left_out_and_english_is_unchanged() -> None:
    assert find_times("В пятницу министр сказал.", "--04-14") == []
    assert [t.when.value for t in find_times("Peskov said on Monday.", BASE)] == ["2025-04-14"]


def test_statement_time_from_the_attribution_not_the_reported_clause() -> None:
    text = "В понедельник Песков заявил, что делегации встретятся 29-30 апреля."
    content = text.index("делегации")
    cue = text.index("заявил")
    st = Statement(
        "indirect",
        Span.of(text, content, len(text) - 1),
        Speaker("Песков", "person", Span.of(text, cue - 7, cue - 1)),
        cue=Span.of(text, cue, cue + 6),
    )
    article = Article(id="t", text=text, published="2025-04-16", language="ru")
    assert statement_when(article, st) == ("2025-04-14", "day")
