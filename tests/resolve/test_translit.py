"""One person across languages and transliterations: the registry's spelling keys."""

from __future__ import annotations

import pytest

from onrecord.api import speaker
from onrecord.resolve.people import analyse_name
from onrecord.resolve.translit import fold, to_latin
from onrecord.store.db import Store
from support.builders import AddArticle, Said


@pytest.mark.parametrize(
    "names",
    [
        ("Дмитрий Песков", "Dmitry Peskov", "Dmitriy Peskov", "Dmitrii Peskov"),
        ("Владимир Зеленский", "Vladimir Zelensky", "Vladimir Zelenskyy", "Vladimir Zelenskiy"),
        ("Евгений Пригожин", "Yevgeny Prigozhin", "Evgeny Prigozhin", "Yevgeniy Prigozhin"),
        ("Алексей Навальный", "Alexei Navalny", "Aleksey Navalny"),
        ("Сергей Лавров", "Sergei Lavrov", "Sergey Lavrov"),
        ("Маартен Хольст", "Maarten Holst", "Maarten Kholst"),
    ],
)
def test_spellings_of_one_name_have_one_key(names: tuple[str, ...]) -> None:
    keys = {analyse_name(n).key for n in names}  # type: ignore[union-attr]
    assert len(keys) == 1, keys


def test_different_people_keep_different_keys() -> None:
    pairs = [("Дмитрий Песков", "Дмитрий Медведев"), ("Hillary Clinton", "Bill Clinton")]
    for a, b in pairs:
        assert analyse_name(a).key != analyse_name(b).key  # type: ignore[union-attr]


def test_transliteration_is_iuliias_wikipedia_schema() -> None:
    assert to_latin("Дмитрий Песков") == "Dmitry Peskov"
    assert to_latin("Peskov") == "Peskov"
    assert fold("Zelenskyy") == fold("Зеленский") == "zelensky"


RU = (
    "Пресс-секретарь президента Григорий Лесницкий заявил, что встреча состоится. "
    "Лесницкий добавил, что делегация готова."
)
EN = "Presidential spokesman Grigoriy Lesnitskiy said the meeting would take place."


def test_one_person_with_statements_in_both_languages(store: Store, add: AddArticle) -> None:
    add("ru/1", "ТПА", "2025-04-14", RU, [
        Said("встреча состоится", "Григорий Лесницкий", cue="заявил"),
        Said("делегация готова", "Григорий Лесницкий", cue="добавил", mention="Лесницкий"),
    ])  # fmt: skip
    add(
        "en/1",
        "TPA",
        "2025-04-14",
        EN,
        [Said("the meeting would take place", "Grigoriy Lesnitskiy")],
    )
    profiles = [speaker(n, db=store) for n in ("Lesnitsky", "Лесницкий", "Grigoriy Lesnitskiy")]
    assert len({p.id for p in profiles}) == 1
    profile = profiles[0]
    assert profile.statements == 3
    assert {"Григорий Лесницкий", "Grigoriy Lesnitskiy"} <= set(profile.aliases)
    assert dict(profile.outlets) == {"ТПА": 2, "TPA": 1}
