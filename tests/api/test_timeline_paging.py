"""The timeline's order and paging (done in SQL, store/timeline.py): pages are slices of the
whole timeline, dates without a year are placed in the most common year, a linked statement
is one line at its first report, date bounds follow the API's rules; and the CLI's
``--limit``/``--offset``."""

from __future__ import annotations

from pathlib import Path

import pytest

from onrecord.api import compare, timeline
from onrecord.cli.main import main
from onrecord.errors import UsageError
from onrecord.resolve.events import Event
from onrecord.store.db import Store
from onrecord.store.registry import RecordStore
from support.builders import AddArticle, Said

READY = "We are ready to open the bridge in May"


@pytest.fixture
def record(store: Store, add: AddArticle) -> Store:
    """Four outlets' statements: one linked pair (the later-dated copy ingested first), one
    article whose year is unknown, one from the year before; and one event (a range)."""
    add("post-1", "Post", "2022-03-21", f'"{READY}," Lena Holm said.', [Said(READY, "Lena Holm")])
    add("wire-1", "Wire", "2022-03-20", f'"{READY}," Lena Holm said.', [Said(READY, "Lena Holm")])
    add("gazette-1", "Gazette", "--03-25", '"Fares rise," Omar Falk said.', [
        Said("Fares rise", "Omar Falk"),
    ])  # fmt: skip
    oslo = add("daily-1", "Daily", "2022-03-30", '"Talks went well," Sara Lind said.', [
        Said("Talks went well", "Sara Lind"),
    ])  # fmt: skip
    add("wire-2", "Wire", "2021-12-01", '"The budget holds," Ivo Brenn said.', [
        Said("The budget holds", "Ivo Brenn"),
    ])  # fmt: skip
    event = Event(oslo, "2022-03-25", "2022-03-27", "day", "talks in Oslo", "Oslo", (0, 5), "")
    RecordStore(store).replace_events(oslo, [event])
    return store


def _line(e: object) -> tuple[str, str | None, str]:
    return (e.kind, e.start, e.doc_id)  # type: ignore[attr-defined]


def test_order_places_year_unknown_dates_in_the_common_year(record: Store) -> None:
    assert [_line(e) for e in timeline(record)] == [
        ("statement", "2021-12-01", "wire-2"),
        ("statement", "2022-03-20", "wire-1"),  # the pair's first report, though stored later
        ("event", "2022-03-25", "daily-1"),  # events first on a day
        ("statement", "--03-25", "gazette-1"),  # as if in 2022, the most common year
        ("statement", "2022-03-30", "daily-1"),
    ]


def test_a_linked_statement_is_one_line_with_every_outlet(record: Store) -> None:
    ready = next(e for e in timeline(record) if e.text.startswith("We are ready"))
    assert (ready.outlets, ready.reports, ready.first_outlet) == (("Post", "Wire"), 2, "Wire")
    assert ready.speaker == "Lena Holm"
    # compare() names the same first report
    (group,) = compare("Lena Holm", "2022-03-20", db=record)
    assert group.first_outlet == "Wire"


def test_pages_are_slices_of_the_whole_timeline(record: Store) -> None:
    whole = [e.to_json() for e in timeline(record)]
    for size in (1, 2, 3):
        paged = []
        for offset in range(0, len(whole) + size, size):
            page = timeline(record, limit=size, offset=offset)
            assert page.total == len(whole)
            assert page.more == (offset + size < len(whole))
            paged += [e.to_json() for e in page]
        assert paged == whole
    assert timeline(record, limit=0) == []


@pytest.mark.parametrize(
    ("bounds", "expected"),
    [
        # one year and a month: the year-unknown line is compared by month and day
        ({"since": "2022-03-22", "until": "2022-03-31"}, ["daily-1", "gazette-1", "daily-1"]),
        ({"since": "2022-03-26"}, ["daily-1", "daily-1"]),  # the event's range reaches 03-27
        ({"until": "2022-03-20"}, ["wire-2", "wire-1"]),
        # two years: a line without a year cannot be placed and is kept; it sorts as if in
        # the most common year of the lines kept, the earlier of 2021 and 2022 on this tie
        ({"since": "2021-12", "until": "2022-03-20"}, ["gazette-1", "wire-2", "wire-1"]),
        ({"since": "2022"}, ["wire-1", "daily-1", "gazette-1", "daily-1"]),
    ],
)
def test_date_bounds(record: Store, bounds: dict[str, str], expected: list[str]) -> None:
    page = timeline(record, **bounds)  # type: ignore[arg-type]
    assert [e.doc_id for e in page] == expected
    assert page.total == len(expected)


def test_filters_page_too(record: Store) -> None:
    only = timeline(record, speaker="Holm", limit=5)
    assert [e.doc_id for e in only] == ["wire-1"] and only.total == 1
    found = timeline(record, search="talks", limit=1)  # an event's words, a statement's
    assert found.total == 2 and [e.kind for e in found] == ["event"]
    assert timeline(record, kind="events", speaker="Holm") == []  # events have no speaker
    events = timeline(record, kind="events")
    assert [e.kind for e in events] == ["event"]


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [({"limit": -1}, "^limit -1"), ({"offset": -5}, "^offset -5"), ({"since": "May"}, "^since")],
)
def test_bad_paging_is_a_usage_error(
    record: Store, kwargs: dict[str, object], message: str
) -> None:
    with pytest.raises(UsageError, match=message):
        timeline(record, **kwargs)  # type: ignore[arg-type]


def test_cli_limit_and_offset(
    tmp_path: Path, add: AddArticle, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "r.db"
    with Store(db, create=True) as store:
        for i in range(1, 6):
            text = f'"Point {i} stands," Mira Vos said.'
            store.add_article(*_article(f"d{i}", f"2022-04-0{i}", text, f"Point {i} stands"))
    args = ["timeline", "--db", str(db), "--format", "csv"]
    assert main([*args, "--limit", "2"]) == 0
    out, err = capsys.readouterr()
    assert [row.split(",")[0] for row in out.splitlines()[1:]] == ["2022-04-01", "2022-04-02"]
    assert "lines 1-2 of 5 shown; --offset 2 for the next" in err
    assert main([*args, "--limit", "2", "--offset", "4"]) == 0
    out, err = capsys.readouterr()
    assert [row.split(",")[0] for row in out.splitlines()[1:]] == ["2022-04-05"] and err == ""
    assert main([*args, "--limit", "0"]) == 0
    assert len(capsys.readouterr().out.splitlines()) == 6  # header and all five
    with pytest.raises(SystemExit) as info:  # argparse's usage error, before any query
        main([*args, "--offset", "-1"])
    assert info.value.code == 2
    assert "argument --offset: -1 must be at least 0" in capsys.readouterr().err


def _article(doc_id: str, published: str, text: str, words: str) -> tuple[object, list[object]]:
    from support.builders import build_article

    return build_article(doc_id, "Wire", published, text, [Said(words, "Mira Vos")])  # type: ignore[return-value]
