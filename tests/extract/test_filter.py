"""The statement filter (extract/filter.py): what must never become a statement, and what must.

Sentences written for these tests (invented people, places and titles), run through the real
``extract()`` with the spaCy model, as in test_constructions.py. Each category of non-statement
has its own test, and each is paired with the genuine statement next to it that must survive.
"""

from __future__ import annotations

import pytest

from onrecord.extract.filter import is_rubric
from onrecord.extract.pipeline import extract
from onrecord.model import Article, Statement


def _run(text: str, scope: str = "stance") -> list[Statement]:
    return extract(Article(id="t", text=text), scope=scope)  # type: ignore[arg-type]


def _view(text: str, st: Statement) -> tuple[str, str | None, str | None]:
    mention = st.speaker.mention.text if st.speaker and st.speaker.mention else None
    return st.content.text, mention, st.cue.text if st.cue else None


def _found(text: str, scope: str = "stance") -> list[tuple[str, str | None, str | None]]:
    return [_view(text, st) for st in _run(text, scope)]


HEADLINE_BODY = "\nOSLO, May 2. It rained all day in the harbour town."


# --- a. noun-phrase objects of verbs that do not take a message --------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Ivo Holm referred to the harbour master as a loyal friend of the town.",
        'Ivo Holm, who once referred to the port as "a sleeping giant", was elected in 2019.',
        "Ivo Holm was talking about the new budget when the lights went out.",
        "Holm did not immediately respond to a message seeking comment on Friday.",
        "A spokeswoman for the port did not respond to a request for comment.",
        "The mayor apologizes to the fishermen after the long delay.",
        'The voyage is described in his autobiography, "Salt and Stone".',
        "The Green Party posted their worst showing in two decades.",
        '"We will rebuild the pier," Lind told Nordic Radio.',
        "Lind said in a statement on Friday.",
        "Lind tweeted on Thursday.",
    ],
)
def test_noun_phrase_objects_are_not_what_was_said(text: str) -> None:
    # only the quote itself is a statement ("Nordic Radio" is whom Lind told)
    found = _found(text)
    assert [f for f in found if f[0] != "We will rebuild the pier,"] == [], found


@pytest.mark.parametrize(
    ("text", "content", "cue"),
    [
        ("The ministry denied the allegations of fraud.", "the allegations of fraud", "denied"),
        (
            "The union called for an inquiry into the accident.",
            "an inquiry into the accident",
            "called for",
        ),
        ("Holm told reporters that the port would reopen.", "the port would reopen", "told"),
        ("Most voters say the same of the mayor.", "the same of the mayor", "say"),
    ],
)
def test_noun_phrase_messages_stay(text: str, content: str, cue: str) -> None:
    assert (content, cue) in [(c, q) for c, _, q in _found(text)], _found(text)


# --- b. stance readings of ordinary verbs ------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Ivo Holm likes golf and spends his weekends at the coast.",
        "Ivo Holm appeared at the rally on Monday evening.",
        "The minister is expected on site on Monday morning.",
        "Holm, who is expected on site on Monday, will open the new pier.",
    ],
)
def test_ordinary_verbs_are_no_views(text: str) -> None:
    assert _found(text) == []


def test_positions_and_views_stay() -> None:
    text = "Ivo Holm supports the new harbour tax."
    assert ("the new harbour tax", "Ivo Holm", "supports") in _found(text)
    text = "Ivo Holm believes the harbour tax will fail."
    assert ("the harbour tax will fail", "Ivo Holm", "believes") in _found(text)


# --- c. titles and scare quotes ----------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        'The film "Harbour Lights" opened in cinemas across the country on Friday.',
        'She has starred in "Harbour Lights" and "The Long Winter Of Our Town".',
        "The so-called 'harbour tax' was repealed last year by the council.",
        'Fishermen marched through the town.\n\n"Safe ports, fair prices!"\n\nIt ended at noon.',
    ],
)
def test_titles_and_scare_quotes_are_not_statements(text: str) -> None:
    assert _found(text) == []


def test_a_quote_with_a_title_in_it_stays() -> None:
    text = 'Holm said he loves the film "Harbour Lights" and watched it twice.'
    assert _found(text) == [
        ('he loves the film "Harbour Lights" and watched it twice', "Holm", "said")
    ]


# --- d. page furniture -------------------------------------------------------------------------

ARTICLE_WITH_FURNITURE = """Port to reopen after storm

The harbour will reopen on Monday, port director Ana Lind said on Friday.

Story continues below advertisement

Read more: Storm damage in the north costs millions

Advertisement

Click here to read our full coverage of the storm.

Sign up to our free daily newsletter to get the latest news.

Photo: Ana Lind / Nordic Post

Ivo Holm / Getty Images

Show all 50

"We have checked every pier," Lind said."""


def test_page_furniture_is_not_a_statement() -> None:
    assert _found(ARTICLE_WITH_FURNITURE) == [
        ("The harbour will reopen on Monday", "port director Ana Lind", "said"),
        ("We have checked every pier,", "Lind", "said"),
    ]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "Copyright law will change next year, the minister said.",
            "Copyright law will change next year",
        ),
        (
            "More than 100 boats were damaged, the coast guard said.",
            "More than 100 boats were damaged",
        ),
        (
            'The polls show "a race that is tightening in every region we surveyed," Lind said.',
            "a race that is tightening in every region we surveyed,",
        ),
    ],
)
def test_article_lines_that_start_like_furniture_stay(text: str, content: str) -> None:
    assert [c for c, _, _ in _found(text)] == [content]


# --- e. prose nobody is said to have said ------------------------------------------------------


def test_market_data_is_not_a_statement() -> None:
    text = (
        "The Dow fell 1.2 percent to 33,100 on Tuesday, while the Nasdaq slipped 0.8 percent.\n\n"
        "Brent crude rose 2 percent to $84.10 a barrel, its highest level since March.\n\n"
        "The Dow Jones Industrial Average fell 350 points, or 1.2 percent, to 33,100."
    )
    assert _found(text) == []


# --- f. questions put to someone ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "answer", "mention"),
    [
        (
            "Asked what the port would do next, Holm said it would wait for the storm to pass.",
            "it would wait for the storm to pass",
            "Holm",
        ),
        (
            "Holm, asked what the port would do next, said it would wait for the storm to pass.",
            "it would wait for the storm to pass",
            "Holm",
        ),
        (
            "When asked whether the port would close, Holm said that it would stay open.",
            "it would stay open",
            "Holm",
        ),
        (
            'Asked whether the port would close, Holm said: "It will stay open."',
            "It will stay open.",
            "Holm",
        ),
        (
            "Holm was asked about the budget. He said it would not change.",
            "it would not change",
            "He",
        ),
    ],
)
def test_the_question_is_not_the_answerers_statement(text: str, answer: str, mention: str) -> None:
    found = _found(text)
    assert [(content, m) for content, m, _ in found] == [(answer, mention)], found


def test_a_quoted_question_put_to_someone_is_not_theirs() -> None:
    text = '"Will the port close?" Holm was asked on Friday. "No," he said.'
    assert all(content != "Will the port close?" for content, _, _ in _found(text))


def test_the_askers_own_question_stays() -> None:
    text = "Reporters asked Holm whether the port would close."
    assert _found(text) == [("whether the port would close", "Reporters", "asked")]


# --- g. headline rubrics taken for speakers ----------------------------------------------------


@pytest.mark.parametrize(
    "headline",
    [
        "Coronavirus: port closes for two weeks after outbreak",
        "LIVE: harbour reopens after the storm in the north",
        "Analysis: why the harbour matters to the whole region",
        "EXCLUSIVE: harbour master quits after two weeks",
    ],
)
def test_headline_rubrics_are_not_speakers(headline: str) -> None:
    assert _found(headline + HEADLINE_BODY) == []


def test_headline_speakers_stay() -> None:
    text = "Peskov: talks with Kyiv have stalled for now" + HEADLINE_BODY
    assert _found(text) == [("talks with Kyiv have stalled for now", "Peskov", None)]


@pytest.mark.parametrize(
    ("label", "rubric"),
    [
        ("LIVE", True),
        ("Fact Check", True),
        ("COVID-19", True),
        ("Peskov", False),
        ("Kremlin", False),
    ],
)
def test_is_rubric(label: str, rubric: bool) -> None:
    assert is_rubric(label) is rubric


# --- the same words twice ----------------------------------------------------------------------


def test_quoted_words_inside_a_mixed_statement_are_one_statement() -> None:
    text = (
        'Harbour master Ivo Holm said on Friday that the new pier was "the finest on the '
        'whole coast, and built to last for a hundred years," and that it would open in May.'
    )
    found = _found(text)
    assert len(found) == 1, found
    assert found[0][1:] == ("Harbour master Ivo Holm", "said")


# --- the terms a source speaks on, and a question's topic ----------------------------------------


def test_anonymity_terms_and_asked_topics_are_not_statements() -> None:
    text = (
        "A senior port official, who asked not to be named, said the cranes would be back by "
        "June. One man in the front row asked about the bridge tolls."
    )
    found = [content for content, _, _ in _found(text)]
    assert found == ["the cranes would be back by June"]


@pytest.mark.parametrize(
    "text",
    [
        "Ivo Holm attacked Ana Lind during the council meeting on Monday.",
        "The harbour union endorsed him on Tuesday.",
        "Ivo Holm thanked his supporters before he left the stage.",
    ],
)
def test_whom_the_words_were_about_is_not_what_was_said(text: str) -> None:
    assert _found(text, scope="speech") == []


def test_an_abstract_object_of_speech_stays() -> None:
    found = _found("Ivo Holm demanded equal pay for the dock workers.", scope="speech")
    assert [content for content, _, _ in found] == ["equal pay for the dock workers"]


def test_a_title_case_headline_phrase_before_a_colon_is_no_speaker() -> None:
    text = (
        "Storm Over Harbour: Port Director Was Warned But Stayed Silent\n\n"
        "The director was warned about the storm, a source said. The harbour was closed."
    )
    found = _run(text, scope="speech")
    assert all(st.source != "headline" for st in found)
    assert [st.speaker.name for st in found if st.speaker] == ["a source"]
