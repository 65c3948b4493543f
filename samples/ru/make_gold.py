"""Build ``gold.json``: every statement of the Russian sample articles, by hand.

The gold is JSON Lines in the format ``onrecord eval`` reads (``shared/spec/statements.md``,
"Gold annotations"); it is named ``.json`` so that ``onrecord ingest samples/`` does not read
it as a documents file. Each annotation below names the words of the statement, its kind, its
canonical speaker (``shared/spec/canonical-speakers.md``: the fullest name the article gives,
in the nominative), the words naming the speaker at the statement and the cue; offsets are
found here, so the annotations stay readable and a changed article fails loudly.

Written before the Russian extractor was made to meet it. Run:
``.venv/bin/python samples/ru/make_gold.py`` (rewrites ``samples/ru/gold.json``).
"""

from __future__ import annotations

import json
from pathlib import Path

HERE = Path(__file__).resolve().parent

# (content pieces, kind, canonical speaker, mention words, cue words); pieces, mention and
# cue are searched in this order from where the previous annotation's content began.
A = tuple[tuple[str, ...], str, str | None, str | None, str | None]

GOLD: dict[str, tuple[dict[str, str], list[A]]] = {
    "tpa_ru_lesnitsky_portvale.txt": (
        {"outlet": "ТПА", "published_date": "--04-14"},
        [
            (
                ("Переговоры с Эстерландом продвинулись, но до соглашения далеко",),
                "indirect",
                "Григорий Лесницкий",
                "Лесницкий",
                None,
            ),
            (
                (
                    "Вальдория видит движение вперед на переговорах с Эстерландом, однако говорить "
                    "о соглашении пока рано",
                ),
                "indirect",
                "Григорий Лесницкий",
                "пресс-секретарь президента Вальдории Григорий Лесницкий",
                "заявил",
            ),
            (
                ("Переговоры продвинулись, но говорить о соглашении пока рано",),
                "direct",
                "Григорий Лесницкий",
                "Лесницкий",
                "сказал",
            ),
            (
                (
                    "Мы готовы продолжить диалог в Портвейле 29-30 апреля и ожидаем, что другая "
                    "сторона приедет подготовленной",
                ),
                "direct",
                "Григорий Лесницкий",
                "он",
                "добавил",
            ),
            (
                (
                    "вальдорскую делегацию вновь возглавит заместитель министра иностранных дел "
                    "Павел Дрозд",
                ),
                "indirect",
                "Григорий Лесницкий",
                "Лесницкого",
                "По словам",
            ),
            (
                (
                    "Мы не будем комментировать детали обсуждаемых документов. Публичные заявления "
                    "не помогают переговорному процессу",
                ),
                "direct",
                "Григорий Лесницкий",
                "пресс-секретарь президента",
                "подчеркнул",
            ),
            (
                (
                    "президент Антон Верес ежедневно получает доклады от делегации и «полностью "
                    "доверяет» ее работе",
                ),
                "mixed",
                "Григорий Лесницкий",
                "Он",
                "сообщил",
            ),
            (
                ("такую встречу «пришлось бы готовить очень тщательно»",),
                "mixed",
                "Григорий Лесницкий",
                "Лесницкий",
                "ответил",
            ),
            (
                ("его страна будет настаивать на письменном графике снятия пограничных пунктов",),
                "indirect",
                "Маартен Хольст",
                "министр иностранных дел Эстерланда Маартен Хольст",
                "заявил",
            ),
        ],
    ),
    "nordfax_ru_drozd_declaration.txt": (
        {"outlet": "Нордфакс", "published_date": "2025-04-14"},
        [
            (
                ("в Портвейле стороны попробуют согласовать текст декларации",),
                "indirect",
                "Павел Дрозд",
                "Дрозд",
                None,
            ),
            (
                (
                    "в Портвейле стороны рассчитывают согласовать большую часть совместной "
                    "декларации",
                ),
                "indirect",
                "Павел Дрозд",
                "Глава вальдорской делегации на переговорах с Эстерландом, заместитель министра "
                "иностранных дел Павел Дрозд",
                "заявил",
            ),
            (
                (
                    "Примерно две трети текста у нас уже согласованы. Остальное, надеюсь, "
                    "доработаем в Портвейле",
                ),
                "direct",
                "Павел Дрозд",
                "Дрозд",
                "сказал",
            ),
            (
                ("главным нерешенным вопросом остается график открытия Кессельского перехода",),
                "indirect",
                "Павел Дрозд",
                "его",
                "По его словам",
            ),
            (
                ("делегация вылетит в Портвейл 28 апреля",),
                "indirect",
                "Павел Дрозд",
                "Дрозд",
                "уточнил",
            ),
            (
                ('министерство "не видит препятствий" для подписания декларации до конца мая',),
                "mixed",
                "Ольга Стрельцова",
                "официальный представитель МИД Вальдории Ольга Стрельцова",
                "Как заявила",
            ),
            (
                (
                    "сообщения о том, что Тиренна готова отказаться от требования о международных "
                    "наблюдателях",
                ),
                "indirect",
                "Ольга Стрельцова",
                "Она",
                "опровергла",
            ),
            (
                ("Эта позиция остается неизменной",),
                "direct",
                "Ольга Стрельцова",
                "Стрельцова",
                "подчеркнула",
            ),
            (
                ("Эстерланд рассчитывает на подписание документа уже в Портвейле",),
                "indirect",
                "источник в эстерландской делегации",
                "источник в эстерландской делегации",
                "сообщил",
            ),
        ],
    ),
    "tpa_ru_korneev_crossing.txt": (
        {"outlet": "ТПА", "published_date": "--04-15"},
        [
            (
                ("переход в Кесселе откроют не раньше лета",),
                "indirect",
                "Вадим Корнеев",
                "Корнеев",
                None,
            ),
            (
                ("Кессельский переход откроют не раньше лета",),
                "indirect",
                "Вадим Корнеев",
                "Губернатор Приграничной области Вадим Корнеев",
                "считает",
            ),
            (
                (
                    "Сроки зависят не от нас, а от того, договорятся ли делегации в Портвейле. Мы "
                    "готовы открыть пункт пропуска в течение недели после подписания документов",
                ),
                "direct",
                "Вадим Корнеев",
                "Корнеев",
                "написал",
            ),
            (
                ("за время закрытия перехода экспорт зерна из области сократился почти вдвое",),
                "indirect",
                "Вадим Корнеев",
                "Губернатор",
                "напомнил",
            ),
            (
                ("область компенсирует перевозчикам часть потерь",),
                "indirect",
                "Вадим Корнеев",
                "Корнеев",
                "пообещал",
            ),
            (
                ("около 300 хозяйств региона зависят от перехода",),
                "indirect",
                "пресс-служба Союза фермеров Кесселя",
                "пресс-служба Союза фермеров Кесселя",
                "Как сообщает",
            ),
            (
                ("многие хозяйства уже ищут новые рынки сбыта",),
                "indirect",
                "представители союза",
                "Представители союза",
                "признали",
            ),
            (
                ("готовы ждать открытия перехода до июня",),
                "indirect",
                "представители союза",
                "Они",
                "добавили",
            ),
        ],
    ),
    "nordfax_ru_holst_interview.txt": (
        {"outlet": "Нордфакс", "published_date": "2025-04-15"},
        [
            (
                ("Эстерланд не станет подписывать декларацию без графика",),
                "indirect",
                "Маартен Хольст",
                "Хольст",
                None,
            ),
            (
                (
                    "его страна не подпишет совместную декларацию без письменного графика снятия "
                    "пограничных пунктов",
                ),
                "indirect",
                "Маартен Хольст",
                "Министр иностранных дел Эстерланда Маартен Хольст",
                "заявил",
            ),
            (
                ('стороны "очень близки" к компромиссу',),
                "mixed",
                "Маартен Хольст",
                "Хольста",
                "По мнению",
            ),
            (
                ("Мы называем это „дорожной картой“, и без нее подписывать нечего",),
                "direct",
                "Маартен Хольст",
                "министр",
                "сказал",
            ),
            (
                (
                    "Мы договорились встретиться 29-30 апреля. Я рассчитываю, что это будет "
                    "последний раунд",
                ),
                "direct",
                "Маартен Хольст",
                "Хольст",
                "ответил",
            ),
            (
                (
                    "премьер-министр Эстерланда Лена Брандт готова встретиться с президентом "
                    "Вальдории Антоном Вересом после подписания декларации",
                ),
                "indirect",
                "Маартен Хольст",
                "Министр",
                "сообщил",
            ),
            (
                ('"не видит смысла во встрече ради встречи"',),
                "mixed",
                "Лена Брандт",
                "премьер-министр Брандт",
                "заявляла",
            ),
        ],
    ),
    "tpa_ru_streltsova_observers.txt": (
        {"outlet": "ТПА", "published_date": "--04-16"},
        [
            (
                ("наблюдатели должны остаться на границе",),
                "indirect",
                "МИД Вальдории",
                "МИД Вальдории",
                None,
            ),
            (
                (
                    "международные наблюдатели должны присутствовать на границе с Эстерландом и "
                    "после открытия переходов",
                ),
                "indirect",
                "Ольга Стрельцова",
                "Официальный представитель МИД Вальдории Ольга Стрельцова",
                "заявила",
            ),
            (
                ("Речь идет не о недоверии, а о гарантиях для жителей приграничных районов",),
                "direct",
                "Ольга Стрельцова",
                "она",
                "пояснила",
            ),
            (
                (
                    "наблюдатели работали на Кессельском переходе до его закрытия в октябре, когда "
                    "миссию возглавлял ее предшественник Игорь Мальцев",
                ),
                "indirect",
                "Ольга Стрельцова",
                "Стрельцова",
                "напомнила",
            ),
            (
                ("министерство направило эстерландской стороне предложения по составу миссии",),
                "indirect",
                "Ольга Стрельцова",
                "ее",
                "По ее словам",
            ),
            (
                (
                    "Мы ждем ответа до конца недели",
                    "Если его не будет, вопрос придется вынести на следующий раунд",
                ),
                "direct",
                "Ольга Стрельцова",
                "дипломат",
                "отметила",
            ),
            (
                ("ответ Эстерланда пока не поступил",),
                "indirect",
                "пресс-служба МИД Вальдории",
                "пресс-службе МИД Вальдории",
                "Как сообщили",
            ),
        ],
    ),
}


def _find(text: str, words: str, start: int, what: str, name: str) -> tuple[int, int]:
    at = text.find(words, start)
    if at < 0:
        at = text.find(words)  # a mention may come before the content ("По словам X, ...")
    if at < 0:
        raise SystemExit(f"{name}: {what} {words!r} not found")
    return at, at + len(words)


def _near(
    text: str, words: str, spans: list[tuple[int, int]], name: str, what: str
) -> tuple[int, int]:
    """The occurrence of ``words`` closest to the content pieces ``spans``, outside them."""
    lo, hi = spans[0][0], spans[-1][1]
    found = []
    at = text.find(words)
    while at >= 0:
        if not any(a <= at < b for a, b in spans):
            found.append(at)
        at = text.find(words, at + 1)
    if not found:
        raise SystemExit(f"{name}: {what} {words!r} not found")
    # an attribution right after the quote ("», — сказал X") is the one that names it
    after = [a for a in found if 0 <= a - hi <= 40]
    best = min(after or found, key=lambda a: min(abs(a - hi), abs(a + len(words) - lo)))
    return best, best + len(words)


def build() -> list[dict[str, object]]:
    lines = []
    for name, (meta, notes) in GOLD.items():
        text = (HERE / name).read_text(encoding="utf-8")
        cursor = 0
        quotes = []
        for pieces, kind, canonical, mention, cue in notes:
            spans = []
            at = cursor
            for piece in pieces:
                span = _find(text, piece, at, "content", name)
                spans.append(span)
                at = span[1]
            cursor = spans[0][0]
            lo, hi = spans[0][0], spans[-1][1]
            quote: dict[str, object] = {
                "start": lo,
                "end": hi,
                "text": text[lo:hi],
                "kind": kind,
                "speaker": canonical,
                "speaker_canonical": canonical,
                "content_spans": [list(s) for s in spans],
                "speaker_spans": [],
                "cue": cue,
                "cue_spans": [],
            }
            if mention:
                quote["speaker_mention"] = mention
                quote["speaker_spans"] = [list(_near(text, mention, spans, name, "mention"))]
            if cue:
                quote["cue_spans"] = [list(_near(text, cue, spans, name, "cue"))]
            quotes.append(quote)
        lines.append(
            {
                "id": "samples-ru/" + name.removesuffix(".txt"),
                "text": text,
                "quotes": quotes,
                "meta": {**meta, "file": name, "language": "ru"},
            }
        )
    return lines


def main() -> None:
    out = HERE / "gold.json"
    with out.open("w", encoding="utf-8") as fh:
        for line in build():
            fh.write(json.dumps(line, ensure_ascii=False) + "\n")
    print(f"{out}: {sum(len(x['quotes']) for x in build())} statements")  # type: ignore[arg-type]


if __name__ == "__main__":
    main()
