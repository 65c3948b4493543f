"""Who speaks in paragraphs that name no speaker (extract/continuation.py), end to end.

Invented people, places and sentences. Each case runs the whole pipeline and checks the
canonical speaker name of each statement, in text order.
"""

from __future__ import annotations

from onrecord.extract.pipeline import extract
from onrecord.model import Article


def _speakers(text: str) -> list[tuple[str, str | None]]:
    out = []
    for st in extract(Article(id="t", text=text)):
        out.append((st.content.text[:24], st.speaker.name if st.speaker else None))
    return out


def test_quote_paragraph_after_reported_speech_continues_the_speaker() -> None:
    text = (
        "Harbour director Ana Lind said the port would reopen on Monday.\n\n"
        "“We have cleared the channel and the cranes are working again.”\n"
    )
    assert _speakers(text) == [
        ("the port would reopen on", "Ana Lind"),
        ("We have cleared the chan", "Ana Lind"),
    ]


def test_colon_at_paragraph_end_introduces_the_next_quote() -> None:
    text = (
        "Mayor Tomas Vell spoke to the council on Tuesday evening. He told the members:\n\n"
        "“The bridge will be rebuilt before the winter, whatever it costs.”\n"
    )
    assert _speakers(text)[-1] == ("The bridge will be rebui", "Tomas Vell")


def test_narration_between_breaks_the_chain() -> None:
    text = (
        "“The bridge will be rebuilt,” Mayor Tomas Vell said on Tuesday.\n\n"
        "The council voted on the budget later that night, and the vote was close.\n\n"
        "“Carnage on the roads”\n"
    )
    found = _speakers(text)
    assert found[0] == ("The bridge will be rebui", "Tomas Vell")
    assert all(name != "Tomas Vell" for text_, name in found[1:])


def test_unnamed_speaker_keeps_its_fullest_description() -> None:
    text = (
        "The talks have stalled over the fishing quotas, "
        "a person familiar with the negotiations said on Friday."
    )
    assert _speakers(text) == [
        ("The talks have stalled o", "a person familiar with the negotiations")
    ]


def test_pronoun_after_a_quote_goes_to_the_current_speaker() -> None:
    text = (
        "Harbour director Ana Lind met the union leader Petra Holm on Monday.\n\n"
        "“The strike has cost us two weeks of cargo,” Lind said after the meeting with Holm. "
        "“We cannot lose another one,” she added."
    )
    names = [name for _, name in _speakers(text)]
    assert names == ["Ana Lind", "Ana Lind"]


def test_headline_words_do_not_become_part_of_a_name() -> None:
    text = (
        "Lind Says Harbour Will Reopen Before the Summer Season\n\n"
        "Ana Lind, the harbour director, said on Monday that the port would reopen in May."
    )
    names = {name for _, name in _speakers(text)}
    assert names == {"Ana Lind"}


def test_a_quote_signed_on_the_next_line() -> None:
    text = (
        "The vote was close.\n\n"
        "“The harbour stays public, and that is the end of it.”\n\n"
        "- Mayor Tomas Vell, on his website\n"
    )
    assert _speakers(text) == [("The harbour stays public", "Tomas Vell")]


def test_a_name_label_before_a_colon_credits_the_quote() -> None:
    text = "Port traffic fell again - Harbour Watch: “Cargo volumes dropped for the third month.”"
    assert _speakers(text) == [("Cargo volumes dropped fo", "Harbour Watch")]


def test_a_quote_paragraph_after_a_paragraph_about_someone() -> None:
    text = (
        "The vote on the harbour is next week.\n\n"
        "Tomas Vell is upbeat about his chances.\n\n"
        "“Not only can we win the vote, we can win it by a wide margin.”\n"
    )
    assert _speakers(text)[-1] == ("Not only can we win the ", "Tomas Vell")


def test_a_long_attribution_does_not_split_a_quote() -> None:
    text = (
        '"We cannot wait for the summer," said Ana Lind, a former adviser to the harbour '
        "authority and to two ministers of transport, who has worked on the crossing for "
        'a decade. "The farmers need the trucks now."'
    )
    found = extract(Article(id="t", text=text))
    assert len(found) == 1 and len(found[0].fragments) == 2


def test_a_quote_signed_by_a_bare_name_line() -> None:
    text = (
        "The deficit debate is back.\n\n"
        '"I worry that we may see a return of balanced budgets as the campaign goes on."\n'
        "David Miller, Center for Port Studies\n"
    )
    assert _speakers(text) == [("I worry that we may see ", "David Miller")]
