"""errors.printable and the messages built on it: names shown safely, on one line."""

from __future__ import annotations

import os

import pytest

from onrecord.errors import InputError, UsageError, error_line, printable


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("plain name.txt", "plain name.txt"),
        ("Заголовок — «ok».txt", "Заголовок — «ok».txt"),
        ("a\nb\rc\td", "a\\nb\\rc\\td"),
        ("bell\x07 esc\x1b[31m del\x7f", "bell\\x07 esc\\x1b[31m del\\x7f"),
        ("rtl\u202eoverride", "rtl\\u202eoverride"),
        ("line\u2028separator", "line\\u2028separator"),
        (os.fsdecode(b"b\xff\xfe.txt"), "b\\xff\\xfe.txt"),  # bytes that are not UTF-8
        ("lone \ud800", "lone \\ud800"),
        ("tag \U000e0041", "tag \\U000e0041"),
    ],
)
def test_printable(raw: str, shown: str) -> None:
    assert printable(raw) == shown
    assert printable(shown) == shown  # twice is once: a name, then the message holding it
    shown.encode("utf-8")  # storable as well as printable


def test_messages_name_inputs_escaped_on_one_line() -> None:
    error = InputError("empty file", source="dir/x\nonrecord: 9 articles")
    assert str(error) == "dir/x\\nonrecord: 9 articles: empty file"
    assert error.source == "dir/x\\nonrecord: 9 articles"
    assert error_line(error) == "onrecord: error: dir/x\\nonrecord: 9 articles: empty file"
    assert error_line(UsageError("cannot write a\nb")) == "onrecord: error: cannot write a\\nb"
