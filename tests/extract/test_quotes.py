"""The quotation-mark scanner on text written for these tests (no parse needed)."""

from __future__ import annotations

from onrecord.extract.quotes import find_quotes


def _texts(text: str) -> list[list[str]]:
    return [[text[a:b] for a, b in q.pieces] for q in find_quotes(text)]


def test_straight_and_curly_double_quotes() -> None:
    text = 'He said "the port is open" and later “the roads are clear”.'
    assert _texts(text) == [["the port is open"], ["the roads are clear"]]


def test_curly_quote_closed_by_a_straight_mark() -> None:
    # copy edited by several hands mixes glyphs; the attribution must stay outside
    text = '“The port is open," Kovac said. "The roads are clear.”'
    assert _texts(text) == [["The port is open,"], ["The roads are clear."]]


def test_guillemets_and_low_high_marks() -> None:
    text = "Minister Orlova: «We will not sign». Her deputy added „Nor will I“."
    assert _texts(text) == [["We will not sign"], ["Nor will I"]]


def test_single_quotes_and_apostrophes() -> None:
    text = "The mayor's aide said 'we don't comment on rumours' and left."
    assert _texts(text) == [["we don't comment on rumours"]]


def test_nested_quotes_stay_inside_the_outer_quote() -> None:
    text = "\"They called it 'a final offer', which it was not,\" Kovac said."
    assert _texts(text) == [["They called it 'a final offer', which it was not,"]]


def test_double_apostrophes_as_double_quotes() -> None:
    text = "''We expect a vote on Friday,'' the speaker said."
    assert _texts(text) == [["We expect a vote on Friday,"]]


def test_quote_continued_over_paragraphs() -> None:
    text = 'Kovac said: "The first part is done.\n\n"The second part starts in June."\n\nNext.'
    quotes = find_quotes(text)
    assert len(quotes) == 1
    assert [text[a:b] for a, b in quotes[0].pieces] == [
        "The first part is done.",
        "The second part starts in June.",
    ]


def test_unbalanced_mark_only_costs_its_own_paragraph() -> None:
    text = (
        'A stray "mark opens here and never closes.\n\n'
        'Later, "the budget is fine," Varga said.\n\n'
        '"We will see," Kovac added.'
    )
    found = _texts(text)
    assert ["the budget is fine,"] in found
    assert ["We will see,"] in found


def test_odd_count_in_one_paragraph_keeps_the_rest() -> None:
    text = '"One," he said, "two.\n\nPlain paragraph.\n\n"Three," she said.'
    found = _texts(text)
    assert found[0] == ["One,"]
    assert ["Three,"] in found


def test_quote_closed_after_a_nested_quote_and_a_space() -> None:
    text = "\"It cannot be 'we won, now we move on,' \" Kovac said."
    assert _texts(text) == [["It cannot be 'we won, now we move on,'"]]
