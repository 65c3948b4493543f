"""Dates, years, language and the encoding rules every reader shares."""

from __future__ import annotations

import pytest

from onrecord.errors import InputError
from onrecord.ingest.encoding import decode
from onrecord.ingest.meta import guess_language, iso_date, language_code, month_day, with_year


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("2022-03-28", "2022-03-28"),
        ("2022-03", "2022-03"),
        ("--03-28", "--03-28"),
        ("2022-03-28T09:15:00+03:00", "2022-03-28T09:15+03:00"),
        ("2022-03-28T09:15:30Z", "2022-03-28T09:15:30Z"),
        ("2022-03-28 09:15:00.123+0300", "2022-03-28T09:15+03:00"),
        ("Mon, 28 Mar 2022 09:15:00 +0300", "2022-03-28T09:15+03:00"),
        ("Mon, 28 Mar 2022 09:15:00 GMT", "2022-03-28T09:15Z"),
        ("2022-02-30", None),
        ("--13-01", None),
        ("yesterday", None),
        ("", None),
    ],
)
def test_iso_date(raw: str, expected: str | None) -> None:
    assert iso_date(raw) == expected


def test_year_completion_only_fills_what_is_missing() -> None:
    assert with_year("--03-28", 2022) == "2022-03-28"
    assert with_year("--02-29", 2023) == "--02-29"  # no such day that year: keep it unknown
    assert with_year("2021-03-28", 2022) == "2021-03-28"
    assert with_year(None, 2022) == "2022"
    assert with_year("--03-28", None) == "--03-28"
    assert month_day("Sept.", "3") == "--09-03"
    assert month_day("June", "31") is None


def test_language() -> None:
    assert guess_language("The minister said that the talks would go on for a week.") == "en"
    # Russian is told from its letters since issue 13 (Russian-language copy)
    assert guess_language("Песков заявил журналистам, что переговоры продолжатся.") == "ru"
    assert guess_language("Der Sprecher sagte, die Gespräche würden fortgesetzt.") is None
    assert guess_language("Too short") is None
    assert (language_code("en-GB"), language_code("RU"), language_code("x!")) == ("en", "ru", None)


def test_decode_rules() -> None:
    assert decode("\ufeffa\r\nb\rc".encode(), "f").text == "a\nb\nc"
    assert decode("héllo wörld".encode("utf-16"), "f").text == "héllo wörld"
    with pytest.raises(InputError, match=r"^f: empty file$"):
        decode(b"  \n", "f")
    with pytest.raises(InputError, match=r"^f: binary file"):
        decode(b"abc\x00def", "f")
    with pytest.raises(InputError, match="despite its byte-order mark"):
        decode(b"\xef\xbb\xbfok \xff\xfe broken", "f")


def test_undecodable_bytes_are_refused_not_mangled() -> None:
    noise = bytes(range(128, 256)) * 8
    with pytest.raises(InputError, match=r"^noise\.txt: cannot tell the text encoding"):
        decode(noise, "noise.txt")
