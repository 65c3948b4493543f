"""The Russian words that mark speech, name speakers and refer back to them.

Plain data, as in the English ``cues.py``, so that a reader can check and extend them. Verbs
are lemmas (``ё`` written ``е``) of both aspects: wire copy says ``заявил`` and
``заявляет``, ``подчеркнул`` and ``подчеркивает``; the gender and number of the form are read
from the morphology, not listed here.
"""

from __future__ import annotations


def words(text: str) -> frozenset[str]:
    """A word list written as one block of text."""
    return frozenset(text.split())


#: Verbs of saying and writing, both aspects. ``считать`` is here because the issue's users
#: read "X считает, что ..." as X's stated position, as wire copy uses it.
SPEECH_VERBS: frozenset[str] = words(
    """
    заявить заявлять сказать говорить сообщить сообщать отметить отмечать подчеркнуть
    подчеркивать добавить добавлять уточнить уточнять пояснить пояснять напомнить напоминать
    признать признавать опровергнуть опровергать пообещать обещать ответить отвечать
    написать писать рассказать рассказывать объяснить объяснять заверить заверять указать
    указывать предупредить предупреждать констатировать призвать призывать заметить замечать
    утверждать настаивать подтвердить подтверждать сообщить объявить объявлять допустить
    допускать предположить предполагать исключить исключать считать полагать выразить
    выражать высказать высказывать прокомментировать комментировать пожаловаться жаловаться
    посетовать сетовать резюмировать подытожить процитировать цитировать передать передавать
    отрицать возразить возражать парировать уверить уверять пригрозить грозить потребовать
    требовать предложить предлагать анонсировать информировать проинформировать известить
    озвучить озвучивать акцентировать обратить оценить оценивать назвать называть пообещать
    поделиться делиться высказаться высказываться заверить констатировать признаться
    сознаться спросить спрашивать поинтересоваться
    """
)
#: Verbs that attribute a quotation beside them but not a что-clause ("«...», — улыбнулся он").
QUOTE_ONLY_VERBS: frozenset[str] = words(
    """
    продолжить продолжать пошутить шутить возмутиться возмущаться воскликнуть восклицать
    заключить заключать подчеркнуть улыбнуться вздохнуть отрезать признаться уточнить
    начать закончить завершить резюмировать
    """
)
#: Verbs whose что-clause is a question put, not a statement.
QUESTION_VERBS: frozenset[str] = words("спросить спрашивать поинтересоваться")
#: Nouns that make an attribution phrase with "по": "по словам X", "по мнению X".
ACCORDING_NOUNS: frozenset[str] = words("слово мнение оценка заявление утверждение версия")
#: Nouns of speech with a genitive issuer: "говорится в заявлении МИД".
DOCUMENT_NOUNS: frozenset[str] = words(
    "заявление сообщение релиз пресс-релиз комментарий обращение письмо документ публикация"
    " пост материал текст телеграм-канал telegram-канал канал"
)
#: Where or how something was said: "в интервью", "в своем Telegram-канале", "на брифинге".
OCCASION_NOUNS: frozenset[str] = words(
    """
    интервью брифинг пресс-конференция конференция заявление эфир беседа telegram-канал
    телеграм-канал канал соцсеть сеть выступление обращение пост публикация встреча
    пресс-подход подход совещание заседание
    """
)
#: Third-person pronouns that can stand for a speaker, with (gender, number) they require.
PRONOUNS: dict[str, tuple[str | None, str]] = {
    "он": ("Masc", "Sing"),
    "она": ("Fem", "Sing"),
    "они": (None, "Plur"),
    "его": ("Masc", "Sing"),
    "ее": ("Fem", "Sing"),
    "их": (None, "Plur"),
    "него": ("Masc", "Sing"),
    "нее": ("Fem", "Sing"),
    "них": (None, "Plur"),
}
#: Head nouns of organisations ("пресс-служба", "МИД"): such a speaker is an organisation.
ORG_HEADS: frozenset[str] = words(
    """
    пресс-служба служба министерство мид минобороны минфин ведомство правительство кремль
    администрация аппарат канцелярия офис союз партия комитет совет дума госдума парламент
    агентство компания корпорация банк фонд суд прокуратура генпрокуратура посольство
    консульство миссия делегация штаб командование армия полиция организация ассоциация
    объединение федерация центр институт университет управление департамент комиссия
    секретариат минздрав минтранс минэкономразвития мчс фсб ск росстат оон нато ес обсе
    """
)
#: Head nouns of speakers who are never named: they stay descriptions across the article.
ANONYMOUS_HEADS: frozenset[str] = words(
    """
    источник источники собеседник эксперт эксперты аналитик аналитики наблюдатель
    наблюдатели очевидец очевидцы свидетель житель жители чиновник чиновники сотрудник
    сотрудники участник участники представители фермеры
    """
)
#: Words for the outlet's own reporter ("как передает корреспондент ТАСС"): the report is
#: the outlet's, not a statement someone made.
REPORTER_HEADS: frozenset[str] = words("корреспондент корреспонденты обозреватель репортер")
#: Titles that a role noun phrase may end in before the name ("пресс-секретарь президента").
#: Used only to say that a lower-case noun phrase is a role rather than a description.
ROLE_HEADS: frozenset[str] = words(
    """
    президент премьер-министр премьер министр замминистра заместитель глава руководитель
    председатель пресс-секретарь секретарь представитель спикер губернатор мэр посол
    дипломат депутат сенатор советник помощник директор генсек генеральный командующий
    лидер политик вице-премьер вице-президент канцлер король министр-председатель
    уполномоченный сопредседатель начальник постпред официальный мэр
    """
)
