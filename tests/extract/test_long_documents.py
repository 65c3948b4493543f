"""Long articles are extracted in windows (extract/windows.py) without losing what a single
pass finds: every window's statements, their speakers, offsets into the whole article, and
a full name given in one window for a surname said in another.

The window size is set small here (a few thousand characters) so the test is fast; the
mechanics are those of the default 25,000.
"""

from __future__ import annotations

import json
from itertools import pairwise
from pathlib import Path

import pytest

from onrecord import config
from onrecord.cli.main import main
from onrecord.errors import UsageError
from onrecord.extract.limits import ArticleTooLong
from onrecord.extract.pipeline import extract_many
from onrecord.extract.windows import plan_windows
from onrecord.model import Article, Statement

WINDOW = 5_000
HEADLINE = "Port talks stall with no deal before the weekend — Peskov\n\n"
PEOPLE = (("Dmitry Peskov", "He"), ("Ana Lind", "She"), ("Oskar Lindqvist", "He"))
PLACES = ("Northport", "Easton", "Kellmouth", "Arden Bay", "Stowe", "Marrick", "Linden")


def _article() -> tuple[str, list[tuple[str, str]]]:
    """About four windows of news: each person introduced once in full, then quoted by
    surname, with "He/She added that ..." in a paragraph of its own (so some fall at the
    start of a window). Returns the text and (words said, full name of the speaker)."""
    paragraphs = [HEADLINE.strip()]
    said: list[tuple[str, str]] = []
    n = 0
    while sum(len(p) + 2 for p in paragraphs) < 4 * WINDOW:
        full, pronoun = PEOPLE[n % len(PEOPLE)]
        place = PLACES[n % len(PLACES)]
        quote = f"We will not accept a deal that leaves {100 + n} workers in {place} behind"
        clause = f"talks on the {200 + n} open questions would go on in {place}"
        who = f"{full}, the chief negotiator," if n < len(PEOPLE) else full.split()[-1]
        paragraphs.append(f'"{quote}," {who} said on the quayside.')
        paragraphs.append(f"{pronoun} added that {clause}.")
        paragraphs.append("Rail services in the north were suspended for most of the day.")
        said += [(quote, full), (clause, full)]
        n += 1
    return "\n\n".join(paragraphs) + "\n", said


def _extract(text: str, window: int) -> list[Statement]:
    return next(extract_many([Article(id="long", text=text)], window_chars=window))


@pytest.fixture(scope="module")
def article() -> tuple[str, list[tuple[str, str]], list[Statement]]:
    text, said = _article()
    return text, said, _extract(text, WINDOW)


def test_the_article_is_cut_in_windows_at_paragraphs() -> None:
    text, _ = _article()
    windows = plan_windows(text, WINDOW)
    assert len(windows) >= 3
    assert windows[0].own_start == 0 and windows[-1].own_end == len(text)
    for before, after in pairwise(windows):
        assert before.own_end == after.own_start  # own parts cover the text once
        assert WINDOW // 2 <= before.own_end - before.own_start <= WINDOW
        assert text[after.own_start - 1] == "\n"  # a paragraph starts the next window
        assert after.start < after.own_start  # with the paragraphs before it as lead-in
        assert after.context == ((0, len(HEADLINE)),)  # and the headline in front


def test_every_window_yields_its_statements_with_their_speakers(
    article: tuple[str, list[tuple[str, str]], list[Statement]],
) -> None:
    text, said, found = article
    for st in found:
        assert st.content.text == text[st.content.start : st.content.end]
        if st.mention is not None:
            assert st.mention.text == text[st.mention.start : st.mention.end]
        for a, b in st.fragments:
            assert st.content.start <= a < b <= st.content.end
    starts = [st.content.start for st in found]
    assert starts == sorted(starts) and len(set(starts)) == len(starts)  # none found twice
    by_words = {st.content.text.strip(' ,."'): st for st in found}
    for words, speaker in said:
        st = by_words.get(words)
        assert st is not None, f"not found: {words!r}"
        assert st.speaker is not None and st.speaker.name == speaker, (words, st.speaker)
    for window in plan_windows(text, WINDOW):
        assert any(window.owns(st.content.start) for st in found)


def test_a_full_name_is_carried_to_windows_that_only_say_the_surname(
    article: tuple[str, list[tuple[str, str]], list[Statement]],
) -> None:
    text, _, found = article
    later = [w for w in plan_windows(text, WINDOW) if "Dmitry" not in w.text(text)]
    assert later, "the test needs a window that never sees the full name"
    peskov = [st for st in found if st.mention is not None and st.mention.text == "Peskov"]
    carried = [st for st in peskov if any(w.owns(st.content.start) for w in later)]
    assert carried
    assert {st.speaker.name for st in carried if st.speaker} == {"Dmitry Peskov"}


def test_the_headline_statement_is_found_once(
    article: tuple[str, list[tuple[str, str]], list[Statement]],
) -> None:
    """Every window parses the headline in front (context), only the first keeps it."""
    _, _, found = article
    heads = [st for st in found if st.source == "headline"]
    assert [st.content.text for st in heads] == ["Port talks stall with no deal before the weekend"]
    assert heads[0].speaker is not None and heads[0].speaker.name == "Dmitry Peskov"


def test_settings_must_be_positive_numbers(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ONRECORD_MAX_CHARS", "2_000_000")
    assert config.max_article_chars() == 2_000_000
    monkeypatch.setenv("ONRECORD_WINDOW_CHARS", "lots")
    with pytest.raises(UsageError, match="ONRECORD_WINDOW_CHARS"):
        config.window_chars()


def test_windows_find_what_one_pass_finds(
    article: tuple[str, list[tuple[str, str]], list[Statement]],
) -> None:
    """The same statements as one pass over the whole article (speakers are checked against
    the truth above: one pass is not always right either)."""
    text, _, found = article
    whole = _extract(text, 10 * len(text))

    def key(st: Statement) -> tuple[int, int, str]:
        return st.content.start, st.content.end, st.kind

    assert [key(st) for st in found] == [key(st) for st in whole]


def test_a_single_giant_paragraph_is_cut_between_sentences_outside_quotes() -> None:
    sentence = '"We are ready. We will sign," Lind said. The talks went on for hours. '
    text = sentence * 200
    windows = plan_windows(text, WINDOW)
    assert len(windows) >= 3
    for w in windows[1:]:
        assert text[w.own_start - 2 : w.own_start] == ". "
        assert text.count('"', 0, w.own_start) % 2 == 0  # not inside a quotation


def test_an_article_over_the_limit_is_refused_after_the_ones_before() -> None:
    short = Article(id="ok", text='"We are ready," Ana Lind said.')
    huge = Article(id="big", text="word " * 2_000)
    results = extract_many([short, huge, short], max_chars=5_000)
    assert next(results)[0].speaker is not None
    with pytest.raises(ArticleTooLong, match=r"10,000 characters.*limit of 5,000.*ONRECORD_MAX"):
        next(results)


def test_the_cli_refuses_an_article_over_the_limit_and_goes_on(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The refusal is that line's error, naming the line and the setting; the other lines
    get their statements and the exit code says some input failed."""
    monkeypatch.setenv("ONRECORD_MAX_CHARS", "5000")
    docs = [
        {"id": "a", "text": '"We are ready," Ana Lind said.'},
        {"id": "big", "text": "word " * 2_000},
        {"id": "b", "text": '"We are not," Oskar Lindqvist said.'},
    ]
    src = tmp_path / "docs.jsonl"
    src.write_text("".join(json.dumps(d) + "\n" for d in docs), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert main(["extract", str(src), "-o", str(out)]) == 1
    assert [json.loads(line)["id"] for line in out.read_text().splitlines()] == ["a", "b"]
    err = capsys.readouterr().err.strip()
    assert err.startswith(f"onrecord: error: {src}:2: article of 10,000 characters"), err
    assert "ONRECORD_MAX_CHARS" in err and len(err.splitlines()) == 1
