"""When a statement was made (attribution only), and the dated events an article reports.

All text is invented wire copy (outlets NORDWIRE and Baltic Courier, people and places made
up).
"""

from __future__ import annotations

from onrecord.model import Article, Span, Speaker, Statement
from onrecord.resolve.events import find_events
from onrecord.resolve.time import statement_when

BRIEFING = (
    "Talks stalled, says envoy\n"
    "LUNDGRAD, March 28. /NORDWIRE/. Foreign ministry spokesman Ivo Brenn told reporters on "
    'Monday that the next round would open on April 4. "The delegation is leaving today," '
    "Brenn said.\n"
    "Brenn said that the talks were unlikely to begin today.\n"
    "The first round of the talks took place in the Harrow Valley of Ostavia on February 28. "
    "It lasted for five hours.\n"
    "Marshal Tove Aalto on February 24 ordered troops into Ostavia following a request from "
    "two provincial governors.\n"
    "Earlier, chief delegate Ana Krol wrote on her channel that the delegations had agreed to "
    "meet face to face on March 29-30. Later, the palace said the delegations would meet in "
    "Kelborg.\n"
    '"We will meet again on Friday," Krol said.'
)


def _article(published: str | None) -> Article:
    return Article(id="nw-1", text=BRIEFING, outlet="NORDWIRE", published=published)


def _statement(content: str, cue: str, mention: str, after: int = 0) -> Statement:
    text = BRIEFING
    c = text.index(content, after)
    q = text.index(cue, c + len(content) if cue != "told" else after)
    m = text.index(mention, after)
    return Statement(
        kind="direct",
        content=Span.of(text, c, c + len(content)),
        speaker=Speaker("Ivo Brenn", "person", Span.of(text, m, m + len(mention))),
        cue=Span.of(text, q, q + len(cue)),
    )


def test_weekday_in_the_attribution_dates_the_statement() -> None:
    text = BRIEFING
    start = text.index("the next round")
    s = Statement(
        kind="indirect",
        content=Span.of(text, start, text.index("April 4") + len("April 4")),
        speaker=Speaker(
            "Ivo Brenn",
            "person",
            Span.of(text, text.index("Ivo Brenn"), text.index("Ivo Brenn") + 9),
        ),
        cue=Span.of(text, text.index("told"), text.index("told") + 4),
    )
    assert statement_when(_article("2022-03-28"), s) == ("2022-03-28", "day")
    # year unknown: a weekday cannot be placed, the publication date stands
    assert statement_when(_article("--03-28"), s) == ("--03-28", "day-no-year")


def test_today_inside_the_quote_is_not_when_it_was_said() -> None:
    s = _statement("The delegation is leaving today,", "said", "Brenn")
    assert statement_when(_article("2022-03-27"), s) == ("2022-03-27", "day")


def test_today_inside_reported_content_is_not_when_it_was_said() -> None:
    text = BRIEFING
    c = text.index("the talks were unlikely")
    line = text.index("Brenn said that")
    s = Statement(
        kind="indirect",
        content=Span.of(text, c, text.index(".", c)),
        speaker=Speaker("Ivo Brenn", "person", Span.of(text, line, line + 5)),
        cue=Span.of(text, line + 6, line + 10),
    )
    assert statement_when(_article("2022-03-21T09:00:00+03:00"), s) == ("2022-03-21", "day")


def test_a_date_in_the_that_clause_is_not_when_it_was_said() -> None:
    text = BRIEFING
    cue = text.index("wrote")
    c = text.index("the delegations had agreed")
    s = Statement(
        kind="indirect",
        content=Span.of(text, c, c + 30),
        speaker=Speaker("Ana Krol", "person", Span.of(text, cue - 9, cue - 1)),
        cue=Span.of(text, cue, cue + 5),
    )
    assert statement_when(_article("--03-28"), s) == ("--03-28", "day-no-year")


def test_without_publication_date_there_is_no_time() -> None:
    s = _statement("The delegation is leaving today,", "said", "Brenn")
    assert statement_when(_article(None), s) == (None, None)


def test_events_of_a_briefing() -> None:
    events = find_events(BRIEFING, _article("--03-28"))
    by_when = {e.when: e for e in events}
    assert set(by_when) == {"--04-04", "--02-28", "--02-24", "--03-29/--03-30"}
    first_round = by_when["--02-28"]
    assert first_round.place == "Harrow Valley of Ostavia"
    assert first_round.description.startswith("The first round of the talks took place")
    assert "February" not in first_round.description
    assert by_when["--02-24"].description == "Marshal Tove Aalto ordered troops into Ostavia"
    talks = by_when["--03-29/--03-30"]
    assert (talks.start, talks.end, talks.precision) == ("--03-29", "--03-30", "day-no-year")
    assert talks.place == "Kelborg"  # placed by the next sentence about the same meeting
    assert talks.description == "the delegations had agreed to meet face to face"
    assert by_when["--04-04"].description == "the next round would open"
    assert all(e.article_id == "nw-1" for e in events)


def test_events_with_a_known_year() -> None:
    events = find_events(None, _article("2022-03-28"))
    assert {e.when for e in events} == {
        "2022-04-04",
        "2022-02-28",
        "2022-02-24",
        "2022-03-29/2022-03-30",
    }


def test_datelines_attributions_and_quotes_are_not_events() -> None:
    events = find_events(BRIEFING, _article("2022-03-28"))
    texts = {e.when_text for e in events}
    assert "March 28" not in texts  # dateline
    assert not any("Monday" in t for t in texts)  # "told reporters on Monday"
    assert not any("Friday" in t for t in texts)  # inside a quote
    assert "on April 4" in texts  # what was told ("... that the next round would open")


def test_events_from_a_spacy_doc_use_its_places() -> None:
    class Ent:
        def __init__(self, text: str, label: str) -> None:
            self.text, self.label_ = text, label
            self.start_char = BRIEFING.index(text)
            self.end_char = self.start_char + len(text)

    class Doc:
        text = BRIEFING
        ents = (Ent("the Harrow Valley", "LOC"), Ent("Kelborg", "GPE"))

    events = find_events(Doc(), _article("2022-03-28"))
    places = {e.when: e.place for e in events}
    assert places["2022-02-28"] == "Harrow Valley"
    assert places["2022-03-29/2022-03-30"] == "Kelborg"
