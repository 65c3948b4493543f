"""Plain-text wire copy: the seeds, the bundled samples and every dateline style."""

from __future__ import annotations

from pathlib import Path

import pytest

from onrecord.errors import InputError
from onrecord.ingest import Hints, read_bytes, read_paths
from onrecord.ingest.text import match_dateline, parse_byline, parse_stamp, parse_wire
from onrecord.model import Article, content_id

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


def one(items: object) -> Article:
    found = list(items)  # type: ignore[call-overload]
    assert len(found) == 1, found
    assert isinstance(found[0], Article), found[0]
    return found[0]


def test_seed_texts_equal_gold_texts(shared, seed_gold) -> None:
    """Offsets in gold.jsonl index the seed files: the Article text must be the file's text."""
    for gold in seed_gold:
        article = one(read_paths([shared.path("seeds/" + gold["meta"]["file"])]))
        assert article.text == gold["text"]
        assert article.id == article.content_id == content_id(gold["text"], article.outlet)


def test_tass_seed_metadata(shared) -> None:
    path = shared.path("seeds/000_2265d9e012b9df19.txt")
    article = one(read_paths([path]))
    assert article.outlet == "TASS"
    assert article.dateline == "MOSCOW"
    assert article.published == "--03-28"
    assert article.published_precision == "day-no-year"
    assert article.headline is not None and article.headline.endswith("Kremlin spokesman")
    assert article.subheadline is not None and article.subheadline.startswith("Earlier")
    assert article.text[article.body_start :].startswith("MOSCOW, March 28. /TASS/.")
    assert article.text[article.meta["dateline_end"] :].startswith("Russian presidential")
    assert article.language == "en"


def test_tass_seed_year_from_hints(shared) -> None:
    path = shared.path("seeds/000_2265d9e012b9df19.txt")
    assert one(read_paths([path], Hints(year=2022))).published == "2022-03-28"
    hinted = one(read_paths([path], Hints(published="2022-03-28")))
    assert (hinted.published, hinted.published_precision) == ("2022-03-28", "day")
    assert hinted.meta["source_published"] == "--03-28"


def test_interfax_seed_metadata(shared) -> None:
    article = one(read_paths([shared.path("seeds/003_a6b7d0726624ef11.txt")]))
    assert article.outlet == "Interfax"
    assert article.dateline == "MOSCOW"
    assert (article.published, article.published_precision) == ("2022-03-21T12:47", "datetime")
    assert article.headline is not None and article.headline.endswith("- Peskov")
    assert article.subheadline is None
    assert article.text[article.body_start :].startswith("MOSCOW. March 21 (Interfax) -")
    # --year only completes a missing year; it never overrides a full date
    assert one(read_paths([article.source or ""], Hints(year=2030))).published.startswith("2022")


def test_sample_same_briefing_two_outlets() -> None:
    tpa = one(read_paths([SAMPLES / "tpa_kovalska_briefing.txt"]))
    nordfax = one(read_paths([SAMPLES / "nordfax_kovalska_briefing.txt"]))
    assert (tpa.outlet, tpa.dateline, tpa.published) == ("TPA", "TIRENNA", "--03-31")
    assert (
        tpa.headline
        == "Talks with Esterland have moved forward, agreement still far off — Kovalska"
    )
    assert tpa.subheadline is not None and "April 3-4" in tpa.subheadline
    assert (nordfax.outlet, nordfax.published) == ("Nordfax", "2025-03-31T14:05")
    assert nordfax.headline == "Too early to talk of agreement with Esterland - Kovalska"
    assert one(read_paths([SAMPLES / "tpa_kovalska_briefing.txt"], Hints(year=2025))).published == (
        "2025-03-31"
    )


def test_sample_reuters_and_ap_styles() -> None:
    meridian = one(read_paths([SAMPLES / "meridian_holst_timetable.txt"]))
    assert (meridian.outlet, meridian.dateline, meridian.published) == (
        "Meridian",
        "HAVIK",
        "--04-01",
    )
    assert meridian.byline == "Tomas Reyes"
    assert meridian.text[meridian.body_start :].startswith("HAVIK, April 1 (Meridian) - ")
    gns = one(read_paths([SAMPLES / "gns_kessel_farmers.txt"]))
    assert (gns.outlet, gns.dateline, gns.published, gns.byline) == (
        "GNS",
        "KESSEL",
        None,
        "Marta Okafor",
    )


def test_outlet_hint_overrides_dateline_and_keeps_it() -> None:
    article = one(read_paths([SAMPLES / "meridian_holst_timetable.txt"], Hints(outlet="Daily X")))
    assert article.outlet == "Daily X"
    assert article.meta["source_outlet"] == "Meridian"


@pytest.mark.parametrize(
    ("line", "place", "outlet", "published"),
    [
        ("MOSCOW, March 28. /TASS/. Russian officials", "MOSCOW", "TASS", "--03-28"),
        ("MOSCOW. March 21 (Interfax) - Progress", "MOSCOW", "Interfax", "--03-21"),
        ("WASHINGTON (Reuters) - The U.S.", "WASHINGTON", "Reuters", None),
        ("LONDON, March 3 (Reuters) - Britain", "LONDON", "Reuters", "--03-03"),
        ("KYIV, Ukraine (AP) — Officials said", "KYIV", "AP", None),
        ("SAN FRANCISCO, Calif. (AP) — A judge", "SAN FRANCISCO", "AP", None),
        ("KYIV/LVIV, March 5 (Reuters) - Air", "KYIV/LVIV", "Reuters", "--03-05"),
        ("ST. PETERSBURG, June 2 (Nordfax) - x", "ST. PETERSBURG", "Nordfax", "--06-02"),
        ("HAVIK — The government said on Monday that talks would go on", "HAVIK", None, None),
    ],
)
def test_dateline_styles(line: str, place: str, outlet: str | None, published: str | None) -> None:
    found = match_dateline(line)
    assert found is not None
    assert (found.place, found.outlet, found.published) == (place, outlet, published)


@pytest.mark.parametrize(
    "line",
    [
        "Peskov (right) - said nothing",  # not an upper-case place
        "He said on Monday that talks would go on.",
        "BREAKING - short",  # an upper-case headline, not a dateline
    ],
)
def test_not_datelines(line: str) -> None:
    assert match_dateline(line) is None


def test_impossible_dateline_date_is_dropped_not_invented() -> None:
    found = match_dateline("MOSCOW, February 30. /TASS/. The date is a typo")
    assert found is not None
    assert (found.place, found.outlet, found.published) == ("MOSCOW", "TASS", None)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("21 Mar 2022 12:47", "2022-03-21T12:47"),
        ("March 21, 2022 3:05 PM MSK", "2022-03-21T15:05+03:00"),
        ("31 Mar 2025 14:05 +0300", "2025-03-31T14:05+03:00"),
        ("2022-03-21 12:47", "2022-03-21T12:47"),
        ("31 March 2025", "2025-03-31"),
        ("Talks resume", None),
        ("21 Mar 2022 12:47 Peskov", None),
    ],
)
def test_timestamp_lines(line: str, expected: str | None) -> None:
    assert parse_stamp(line) == expected


def test_bylines() -> None:
    assert parse_byline("By Jane Doe") == "Jane Doe"
    assert parse_byline("By JANE DOE, Associated Press") == "Jane Doe"
    assert parse_byline("By Jane Doe and Tom Roe") == "Jane Doe and Tom Roe"
    assert parse_byline("By the end of the week, talks had stalled.") is None


def test_undated_story_headline_and_body() -> None:
    text = (
        "Council delays vote on budget\nThe city council on Monday delayed a vote, its chair said."
    )
    wire = parse_wire(text)
    assert wire.headline == "Council delays vote on budget"
    assert text[wire.body_start :].startswith("The city council")
    single = "Only one line of text, which the mayor said was enough."
    assert parse_wire(single).headline is None and parse_wire(single).body_start == 0


def test_bom_and_crlf_are_normalised() -> None:
    data = "\ufeffHeadline here\r\nMOSCOW, May 4. /TPA/. The minister said so.\r\n".encode()
    article = one(read_bytes(data, "crlf.txt"))
    assert article.text == "Headline here\nMOSCOW, May 4. /TPA/. The minister said so.\n"
    assert article.headline == "Headline here"
    assert article.text[article.body_start :].startswith("MOSCOW")


def test_windows_1251_text_file(tmp_path: Path) -> None:
    russian = "Песков заявил журналистам, что переговоры продолжатся. «Мы готовы», — сказал он."
    path = tmp_path / "ru.txt"
    path.write_bytes(russian.encode("cp1251"))
    article = one(read_paths([path]))
    assert article.text == russian
    assert article.meta["encoding"] == "cp1251"
    assert article.language == "ru"  # not claimed English: told Russian from its letters


def test_text_errors_name_the_file(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_bytes(b" \n\n ")
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00")
    errors = list(read_paths(sorted(tmp_path.iterdir())))
    assert all(isinstance(e, InputError) for e in errors)
    messages = [str(e) for e in errors]
    assert messages == [
        f"{tmp_path / 'blank.txt'}: empty file",
        f"{tmp_path / 'empty.txt'}: empty file",
        f"{tmp_path / 'image.txt'}: binary file (contains NUL bytes), not text",
    ]


def test_undated_quote_paragraph_is_body_not_subheadline() -> None:
    text = 'Mayor backs bridge plan\n"We will build it," the mayor said."\nMore text follows here.'
    wire = parse_wire(text)
    assert (wire.headline, wire.subheadline) == ("Mayor backs bridge plan", None)
    assert text[wire.body_start :].startswith('"We will build it,"')
