"""Russian wire copy at ingest: the language told from the text, Russian datelines and
timestamps, for every reader (they all finish through ``onrecord.ingest.meta.finish``)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from onrecord.ingest import read_bytes, read_paths
from onrecord.ingest.meta import guess_language
from onrecord.ingest.text import match_dateline, parse_stamp, parse_wire
from onrecord.model import Article

RU_SAMPLES = Path(__file__).resolve().parents[2] / "samples" / "ru"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Пресс-секретарь президента заявил журналистам, что переговоры продолжатся.", "ru"),
        ("«Прогресса пока нет», — сказал пресс-секретарь президента журналистам.", "ru"),
        ("Речник президента заявив журналістам, що переговори триватимуть і далі.", "uk"),
        ("Президентът каза, че преговорите ще продължат в понеделник сутринта.", None),
        ("The talks have moved forward, but it is too early to speak of an agreement.", "en"),
        ("Да", None),
    ],
)
def test_language_is_told_from_the_letters(text: str, language: str | None) -> None:
    assert guess_language(text) == language


@pytest.mark.parametrize(
    ("line", "place", "outlet", "published"),
    [
        ("ТИРЕННА, 14 апреля. /ТПА/. Текст новости", "ТИРЕННА", "ТПА", "--04-14"),
        ("ТИРЕННА. 14 апреля (Нордфакс) - Текст новости", "ТИРЕННА", "Нордфакс", "--04-14"),
        ("МОСКВА, 28 мар - РИА Новости. Текст новости", "МОСКВА", "РИА Новости", "--03-28"),
        ("Москва. 21 марта 2022 года. INTERFAX.RU - Текст", "Москва", "INTERFAX.RU", "2022-03-21"),
    ],
)
def test_russian_datelines(line: str, place: str, outlet: str, published: str) -> None:
    found = match_dateline(line)
    assert found is not None
    assert (found.place, found.outlet, found.published) == (place, outlet, published)


def test_russian_timestamp_and_no_dateline_in_ordinary_prose() -> None:
    assert parse_stamp("14 апреля 2025 16:20") == "2025-04-14T16:20"
    assert parse_stamp("14 апреля 2025 г., 16:20 МСК") == "2025-04-14T16:20+03:00"
    assert match_dateline("Пресс-секретарь, 14 апреля заявил, что встреча состоится") is None


def test_sample_wire_stories_read_as_russian_with_outlet_and_date() -> None:
    items = [a for a in read_paths([RU_SAMPLES]) if isinstance(a, Article)]
    by_file = {Path(a.source or "").name: a for a in items}
    drozd = by_file["nordfax_ru_drozd_declaration.txt"]
    assert (drozd.language, drozd.outlet, drozd.published) == ("ru", "Нордфакс", "2025-04-14T16:20")
    assert drozd.headline == "Дрозд: в Портвейле стороны попробуют согласовать текст декларации"
    tpa = by_file["tpa_ru_lesnitsky_portvale.txt"]
    assert (tpa.language, tpa.outlet, tpa.published, tpa.dateline) == (
        "ru",
        "ТПА",
        "--04-14",
        "ТИРЕННА",
    )
    assert by_file["tpa_en_lesnitsky_portvale.txt"].language == "en"
    assert {a.language for a in items} == {"ru", "en"}


def test_every_reader_tells_russian_without_a_declared_language() -> None:
    story = (RU_SAMPLES / "tpa_ru_korneev_crossing.txt").read_text(encoding="utf-8")
    doc = json.dumps({"id": "ru/1", "text": story}, ensure_ascii=False).encode("utf-8")
    page = f"<html><body><article><p>{story}</p></article></body></html>".encode()
    for data, name in ((doc, "docs.jsonl"), (page, "story.html"), (story.encode(), "s.txt")):
        (article,) = [a for a in read_bytes(data, name) if isinstance(a, Article)]
        assert article.language == "ru", name
    assert parse_wire(story).dateline is not None
