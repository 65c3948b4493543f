"""Cross-outlet links across languages: a Russian original and its English version are one
occasion when speaker and day agree, and are never compared word by word."""

from __future__ import annotations

from onrecord.api import compare
from onrecord.resolve.links import LinkPool, same_language, same_occasion, shingles
from onrecord.store.db import Store
from support.builders import AddArticle, Said

RU_WORDS = "Переговоры продвинулись, но говорить о соглашении пока рано"
EN_WORDS = "The talks have moved forward, but it is too early to speak of an agreement"


def test_reports_in_two_languages_are_never_one_statement() -> None:
    ru, en = shingles(RU_WORDS), shingles(EN_WORDS)
    assert (ru.script, en.script) == ("cyrl", "latn")
    assert not same_language(ru, en)
    pool = LinkPool()
    pool.add(ru, "2025-04-14", 1)
    assert pool.matches(en, "2025-04-14") == {}
    assert pool.matches(shingles(RU_WORDS + "."), "2025-04-14") == {1: 1.0}


def test_same_occasion_needs_two_languages_and_one_day() -> None:
    assert same_occasion(RU_WORDS, EN_WORDS, "2025-04-14", "2025-04-14T10:00")
    assert not same_occasion(RU_WORDS, EN_WORDS, "2025-04-14", "2025-04-15")
    assert not same_occasion(EN_WORDS, EN_WORDS + " now", "2025-04-14", "2025-04-14")


def test_compare_marks_the_occasion_without_a_diff(store: Store, add: AddArticle) -> None:
    add("ru", "ТПА", "2025-04-14", f"«{RU_WORDS}», — сказал Лесницкий.",
        [Said(RU_WORDS, "Григорий Лесницкий", cue="сказал", mention="Лесницкий")])  # fmt: skip
    add("en", "TPA", "2025-04-14", f'"{EN_WORDS}," Lesnitskiy said.',
        [Said(EN_WORDS, "Grigoriy Lesnitskiy", mention="Lesnitskiy")])  # fmt: skip
    groups = compare("Lesnitsky", "2025-04-14", db=store)
    assert sorted(g.language for g in groups) == ["en", "ru"]
    ru, en = sorted(groups, key=lambda g: g.language != "ru")
    assert (ru.occasion, en.occasion) == (en.group_id, ru.group_id)
    assert all(r.diff == () for g in groups for r in g.reports)
    assert groups[0].to_json()["occasion"] is not None
