"""Cutting article text into marked segments for the article page."""

from __future__ import annotations

from onrecord.web.highlight import Mark, Segment, segments

TEXT = 'He said "we will talk tomorrow" and left.'


def test_plain_text_is_one_segment() -> None:
    assert segments(TEXT, []) == [Segment(TEXT)]


def test_statement_and_mention_marks() -> None:
    start = TEXT.index("we")
    end = TEXT.index('"', start)
    out = segments(TEXT, [Mark(start, end, 0), Mark(0, 2, 0, mention=True)])
    assert "".join(s.text for s in out) == TEXT
    assert [s for s in out if s.statement == 0] == [Segment("we will talk tomorrow", 0)]
    assert out[0] == Segment("He", None, 0)


def test_nested_statement_tags_the_innermost() -> None:
    outer = Mark(3, len(TEXT) - 1, 1)
    inner = Mark(TEXT.index("we"), TEXT.index("tomorrow") + 8, 2)
    out = segments(TEXT, [outer, inner])
    assert "".join(s.text for s in out) == TEXT
    assert [s.statement for s in out] == [None, 1, 2, 1, None]


def test_bad_offsets_never_raise_or_repeat_text() -> None:
    out = segments(TEXT, [Mark(-5, 2, 0), Mark(30, 999, 1), Mark(10, 10, 2), Mark(50, 60, 3)])
    assert "".join(s.text for s in out) == TEXT
    assert out[0] == Segment("He", 0)
    assert out[-1].statement == 1 and out[-1].text == TEXT[30:]
