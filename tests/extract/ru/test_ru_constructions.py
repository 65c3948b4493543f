"""Each Russian construction of issue 13, on sentences written for these tests.

Invented sentences (real public names only where the issue names them: Песков, Зеленский);
every case checks the statement's kind, its content pieces, the canonical speaker, the words
naming the speaker and the cue, so a regression in one construction names itself.
"""

from __future__ import annotations

import pytest

from onrecord.extract.ru import extract_russian
from onrecord.model import Article, Statement

View = tuple[str, list[str], str | None, str | None, str | None]


def _run(text: str) -> list[Statement]:
    return extract_russian(Article(id="t", text=text, language="ru"))


def _view(text: str, st: Statement) -> View:
    sp = st.speaker
    return (
        st.kind,
        [text[a:b] for a, b in st.pieces()],
        sp.name if sp else None,
        sp.mention.text if sp and sp.mention else None,
        st.cue.text if st.cue else None,
    )


def _all(text: str) -> list[View]:
    return [_view(text, s) for s in _run(text)]


def _one(text: str) -> View:
    found = _all(text)
    assert len(found) == 1, found
    return found[0]


# ---------------------------------------------------------------- direct speech


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "«Мы не видим прогресса», — сказал Дмитрий Песков журналистам.",
            ("direct", ["Мы не видим прогресса"], "Дмитрий Песков", "Дмитрий Песков", "сказал"),
            id="yolochki-then-dash",
        ),
        pytest.param(
            '"Мы не видим прогресса", - заявил пресс-секретарь президента Дмитрий Песков.',
            (
                "direct",
                ["Мы не видим прогресса"],
                "Дмитрий Песков",
                "пресс-секретарь президента Дмитрий Песков",
                "заявил",
            ),
            id="straight-marks-and-hyphen",
        ),
        pytest.param(
            "Дмитрий Песков заявил: «Мы не видим прогресса на переговорах».",
            (
                "direct",
                ["Мы не видим прогресса на переговорах"],
                "Дмитрий Песков",
                "Дмитрий Песков",
                "заявил",
            ),
            id="colon-introducer",
        ),
        pytest.param(
            "«Мы называем это „дорожной картой“, и без нее подписывать нечего», — сказал "
            "Маартен Хольст.",
            (
                "direct",
                ["Мы называем это „дорожной картой“, и без нее подписывать нечего"],
                "Маартен Хольст",
                "Маартен Хольст",
                "сказал",
            ),
            id="lapki-nested-in-yolochki",
        ),
        pytest.param(
            "«Мы готовы, — сказал Песков, — продолжать переговоры в любом формате».",
            (
                "direct",
                ["Мы готовы", "продолжать переговоры в любом формате"],
                "Песков",
                "Песков",
                "сказал",
            ),
            id="quote-split-by-its-attribution",
        ),
        pytest.param(
            "— Встреча пока не планируется, — заявила Ольга Стрельцова на брифинге.",
            (
                "direct",
                ["Встреча пока не планируется"],
                "Ольга Стрельцова",
                "Ольга Стрельцова",
                "заявила",
            ),
            id="dash-paragraph",
        ),
        pytest.param(
            "— Встреча пока не планируется, — заявила Ольга Стрельцова. — Но контакты "
            "продолжаются.",
            (
                "direct",
                ["Встреча пока не планируется", "Но контакты продолжаются."],
                "Ольга Стрельцова",
                "Ольга Стрельцова",
                "заявила",
            ),
            id="dash-paragraph-going-on",
        ),
    ],
)
def test_direct_speech(text: str, expected: View) -> None:
    assert _one(text) == expected


def test_a_question_put_in_an_interview_is_not_a_statement() -> None:
    text = "— Когда состоится следующий раунд?\n— Мы договорились о датах, — ответил Хольст."
    assert _all(text) == [("direct", ["Мы договорились о датах"], "Хольст", "Хольст", "ответил")]


def test_a_quotation_without_attribution_is_no_statement_of_its_own() -> None:
    assert _all("Корнеев дал интервью газете «Вестник Тиренны» во вторник.") == []


# ---------------------------------------------------------------- reported speech


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Ольга Стрельцова сообщила, что встреча пока не планируется.",
            (
                "indirect",
                ["встреча пока не планируется"],
                "Ольга Стрельцова",
                "Ольга Стрельцова",
                "сообщила",
            ),
            id="perfective-feminine",
        ),
        pytest.param(
            "Павел Дрозд подчеркивает, что делегация готова к компромиссу.",
            (
                "indirect",
                ["делегация готова к компромиссу"],
                "Павел Дрозд",
                "Павел Дрозд",
                "подчеркивает",
            ),
            id="imperfective-present",
        ),
        pytest.param(
            "Представители союза заявили, что хозяйства ищут новые рынки.",
            (
                "indirect",
                ["хозяйства ищут новые рынки"],
                "представители союза",
                "Представители союза",
                "заявили",
            ),
            id="plural",
        ),
        pytest.param(
            "Павел Дрозд опроверг сообщения о том, что переговоры прерваны.",
            (
                "indirect",
                ["сообщения о том, что переговоры прерваны"],
                "Павел Дрозд",
                "Павел Дрозд",
                "опроверг",
            ),
            id="denied-an-object-with-a-clause",
        ),
        pytest.param(
            "По словам Дмитрия Пескова, встреча пока не планируется.",
            (
                "indirect",
                ["встреча пока не планируется"],
                "Дмитрий Песков",
                "Дмитрия Пескова",
                "По словам",
            ),
            id="po-slovam-first",
        ),
        pytest.param(
            "Встреча пока не планируется, по словам Дмитрия Пескова.",
            (
                "indirect",
                ["Встреча пока не планируется"],
                "Дмитрий Песков",
                "Дмитрия Пескова",
                "по словам",
            ),
            id="po-slovam-last",
        ),
        pytest.param(
            "Как заявил Дмитрий Песков, встреча пока не планируется.",
            (
                "indirect",
                ["встреча пока не планируется"],
                "Дмитрий Песков",
                "Дмитрий Песков",
                "Как заявил",
            ),
            id="kak-zayavil",
        ),
        pytest.param(
            "Как сообщает пресс-служба Союза фермеров Кесселя, около 300 хозяйств зависят от "
            "перехода.",
            (
                "indirect",
                ["около 300 хозяйств зависят от перехода"],
                "пресс-служба Союза фермеров Кесселя",
                "пресс-служба Союза фермеров Кесселя",
                "Как сообщает",
            ),
            id="kak-soobshchaet-organisation",
        ),
        pytest.param(
            "По мнению Маартена Хольста, стороны «очень близки» к компромиссу.",
            (
                "mixed",
                ["стороны «очень близки» к компромиссу"],
                "Маартен Хольст",
                "Маартена Хольста",
                "По мнению",
            ),
            id="po-mneniyu-mixed",
        ),
        pytest.param(
            "Губернатор Приграничной области Вадим Корнеев считает, что переход откроют летом.",
            (
                "indirect",
                ["переход откроют летом"],
                "Вадим Корнеев",
                "Губернатор Приграничной области Вадим Корнеев",
                "считает",
            ),
            id="schitaet",
        ),
        pytest.param(
            "Как сообщили ТПА в пресс-службе МИД Вальдории, ответ пока не поступил.",
            (
                "indirect",
                ["ответ пока не поступил"],
                "пресс-служба МИД Вальдории",
                "пресс-службе МИД Вальдории",
                "Как сообщили",
            ),
            id="impersonal-in-the-press-service",
        ),
        pytest.param(
            "Встреча пройдет в закрытом режиме, говорится в сообщении пресс-службы министерства.",
            (
                "indirect",
                ["Встреча пройдет в закрытом режиме"],
                "пресс-служба министерства",
                "пресс-службы министерства",
                "говорится",
            ),
            id="document-speaks-for-its-issuer",
        ),
    ],
)
def test_reported_speech(text: str, expected: View) -> None:
    assert _one(text) == expected


def test_a_second_verb_of_saying_takes_over() -> None:
    text = (
        "Губернатор Вадим Корнеев пообещал, что область компенсирует потери, и добавил, "
        "что переход откроют летом."
    )
    assert [(v[1], v[2], v[4]) for v in _all(text)] == [
        (["область компенсирует потери"], "Вадим Корнеев", "пообещал"),
        (["переход откроют летом"], "Вадим Корнеев", "добавил"),
    ]


def test_ob_etom_points_back_to_the_sentence_before() -> None:
    text = (
        "Вальдория видит движение вперед на переговорах. Об этом в понедельник заявил "
        "журналистам пресс-секретарь президента Григорий Лесницкий."
    )
    assert _one(text) == (
        "indirect",
        ["Вальдория видит движение вперед на переговорах"],
        "Григорий Лесницкий",
        "пресс-секретарь президента Григорий Лесницкий",
        "заявил",
    )


def test_telegram_channel_and_interview_are_the_occasion() -> None:
    text = (
        "Губернатор Вадим Корнеев написал в своем Telegram-канале, что пострадавших нет. "
        "В интервью «Вестнику Тиренны» Корнеев пообещал, что переход откроют летом."
    )
    found = _run(text)
    assert [(s.speaker.name if s.speaker else None, s.occasion) for s in found] == [
        ("Вадим Корнеев", "в своем Telegram-канале"),
        ("Вадим Корнеев", "В интервью «Вестнику Тиренны»"),
    ]


def test_a_participle_and_a_correspondent_make_no_statement() -> None:
    text = (
        "Отвечая на вопрос о встрече, министр промолчал. Как передает корреспондент ТПА, "
        "в зале собрались около ста человек."
    )
    assert _all(text) == []


# ---------------------------------------------------------------- headlines


@pytest.mark.parametrize(
    ("headline", "content"),
    [
        (
            "Переговоры с Эстерландом продолжаются — Лесницкий",
            "Переговоры с Эстерландом продолжаются",
        ),
        (
            "Лесницкий: переговоры с Эстерландом продолжаются",
            "переговоры с Эстерландом продолжаются",
        ),
    ],
)
def test_headline_attribution_takes_the_full_name_from_the_body(
    headline: str, content: str
) -> None:
    text = (
        f"{headline}\nТИРЕННА, 14 апреля. /ТПА/. Пресс-секретарь президента Григорий "
        "Лесницкий заявил, что переговоры продолжаются."
    )
    head, body = _all(text)
    assert head == ("indirect", [content], "Григорий Лесницкий", "Лесницкий", None)
    assert body[2] == "Григорий Лесницкий" and body[1] == ["переговоры продолжаются"]


def test_a_headline_with_a_dash_but_no_speaker_is_no_statement() -> None:
    text = "Делегации встретятся 29-30 апреля — впервые за год\nТИРЕННА, 14 апреля. /ТПА/. Текст."
    assert _all(text) == []


# ---------------------------------------------------------------- speakers


def test_speaker_in_any_case_is_put_in_the_nominative() -> None:
    text = (
        "Премьер-министр Лена Брандт прибыла в Тиренну. По словам Брандт, визит продлится два "
        "дня. По мнению Ольги Стрельцовой, визит пройдет успешно."
    )
    assert [v[2] for v in _all(text)] == ["Лена Брандт", "Ольга Стрельцова"]


def test_surname_gets_the_full_name_given_later_in_the_article() -> None:
    text = (
        "Лесницкий: переговоры продолжаются\nТИРЕННА, 14 апреля. /ТПА/. «Прогресс есть», — "
        "сказал Лесницкий. Об этом сообщил пресс-секретарь президента Григорий Лесницкий."
    )
    assert {v[2] for v in _all(text)} == {"Григорий Лесницкий"}


def test_role_descriptions_refer_to_the_person_given_that_role() -> None:
    text = (
        "Глава делегации Павел Дрозд прибыл в Портвейл. Пресс-секретарь президента Григорий "
        "Лесницкий заявил, что встреча состоится. «Мы готовы», — сказал глава делегации. "
        "«Ждем ответа», — добавил пресс-секретарь президента."
    )
    found = _all(text)
    assert [(v[2], v[3]) for v in found] == [
        ("Григорий Лесницкий", "Пресс-секретарь президента Григорий Лесницкий"),
        ("Павел Дрозд", "глава делегации"),
        ("Григорий Лесницкий", "пресс-секретарь президента"),
    ]


def test_pronouns_take_the_speaker_whose_gender_agrees() -> None:
    text = (
        "Ольга Стрельцова заявила, что миссию возглавит Игорь Мальцев. Павел Дрозд сообщил, "
        "что делегация готова. Она добавила, что ответ ждут в пятницу. Он уточнил, что "
        "вылет назначен на понедельник."
    )
    assert [(v[2], v[3]) for v in _all(text)] == [
        ("Ольга Стрельцова", "Ольга Стрельцова"),
        ("Павел Дрозд", "Павел Дрозд"),
        ("Ольга Стрельцова", "Она"),
        ("Павел Дрозд", "Он"),
    ]


def test_a_role_the_article_gave_no_one_follows_the_verb_gender() -> None:
    text = (
        "Ольга Стрельцова заявила, что ответ ждут до пятницы. Игорь Мальцев прибыл позже. "
        "«Мы ждем ответа», — отметила дипломат."
    )
    assert _all(text)[-1][2:4] == ("Ольга Стрельцова", "дипломат")


def test_plural_pronoun_takes_the_plural_speaker() -> None:
    text = (
        "Представители союза признали, что хозяйства ищут новые рынки. Они добавили, что "
        "готовы ждать до июня."
    )
    assert [v[2] for v in _all(text)] == ["представители союза", "представители союза"]


def test_unnamed_source_keeps_its_description() -> None:
    assert _one("Источник в правительстве сообщил ТПА, что решение принято.")[2:4] == (
        "источник в правительстве",
        "Источник в правительстве",
    )
