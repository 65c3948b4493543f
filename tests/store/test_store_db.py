"""The store: adding (new / duplicate / revision), queries, filters, concurrency."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest

from onrecord.dates import display_date, sortable_date
from onrecord.errors import StoreError, UsageError
from onrecord.model import Span, Speaker, Statement
from onrecord.store.db import StatementFilter, Store


def test_add_new_then_duplicate_is_noop(store: Store, make_article) -> None:
    article, statements = make_article(1)
    first = store.add_article(article, statements)
    assert first.status == "new"
    assert first.statements == 2
    before = store.counts()
    again = store.add_article(article, statements)
    assert again.status == "duplicate"
    assert again.article_id == first.article_id
    assert store.counts() == before
    # Whitespace-only differences are the same content.
    reflowed = replace(article, text=article.text.replace(" ", "  "))
    assert store.add_article(reflowed, statements).status == "duplicate"


def test_edited_article_is_a_revision_and_queries_show_latest(store: Store, make_article) -> None:
    url = "https://northwind.example/harbour-1"
    a1, s1 = make_article(1, url=url, words="The talks were useful")
    a2, s2 = make_article(1, url=url, words="The talks were very useful")
    a3, s3 = make_article(1, url=url, words="The talks were extremely useful")
    o1 = store.add_article(a1, s1)
    o2 = store.add_article(a2, s2)
    o3 = store.add_article(a3, s3)
    assert (o1.status, o2.status, o3.status) == ("new", "revision", "revision")
    assert o2.revision_of == o1.article_id and o3.revision_of == o1.article_id
    counts = store.counts()
    assert (counts.articles, counts.revisions) == (1, 3)
    assert counts.statements == 2 and counts.all_statements == 6
    texts = [s.statement.content.text for s in store.statements()]
    assert texts[0] == "The talks were extremely useful"
    assert len(store.statements(all_revisions=True)) == 6
    revisions = store.revisions(o2.article_id)
    assert [r.revision for r in revisions] == [1, 2, 3]
    assert [r.latest for r in revisions] == [False, False, True]
    # The same content again is still a duplicate, not a fourth revision.
    assert store.add_article(a2, s2).status == "duplicate"


def test_revision_by_outlet_and_headline_without_url(store: Store, make_article) -> None:
    a1, s1 = make_article(7, words="Ships may dock")
    a2, s2 = make_article(7, words="Ships may dock on Friday")
    assert store.add_article(a1, s1).status == "new"
    assert store.add_article(a2, s2).status == "revision"
    other, so = make_article(7, outlet="Eastgate Daily", words="Ships may dock on Monday")
    assert store.add_article(other, so).status == "new"  # another outlet's story


def test_statement_round_trip_keeps_every_field(store: Store, make_article) -> None:
    article, statements = make_article(3)
    fragmented = replace(
        statements[0], fragments=((10, 20), (30, 40)), addressee="reporters", act="stance"
    )
    store.add_article(article, [fragmented, statements[1]])
    got = [s.statement for s in store.article_statements(article.content_id)]
    assert got == [fragmented, statements[1]]
    stored = store.statements()[0]
    assert stored.key == f"{article.content_id}:0"
    assert stored.to_json()["speaker"]["name"] == "Marta Kovalenko"
    assert stored.row()["speaker"] == "Marta Kovalenko"


def test_statement_without_speaker(store: Store, make_article) -> None:
    article, statements = make_article(4)
    bare = Statement(kind="direct", content=statements[0].content)
    store.add_article(article, [bare])
    (got,) = store.statements()
    assert got.statement.speaker is None
    assert got.row()["speaker"] == ""
    assert store.speakers() == []


@pytest.mark.parametrize(
    "query", ["Kovalenko", "kovalenko", "Marta Kovalenko", "MARTA", "marta kovalenko"]
)
def test_speaker_filter_matches_name_words_case_insensitively(
    store: Store, make_article, query: str
) -> None:
    store.add_article(*make_article(1))
    store.add_article(*make_article(2, speaker="Ilya Brandt"))
    found = store.statements(speaker=query)
    assert found and all(s.speaker_name == "Marta Kovalenko" for s in found)


def test_speaker_filter_does_not_match_inside_words(store: Store, make_article) -> None:
    store.add_article(*make_article(1))
    assert store.statements(speaker="Koval") == []
    assert store.statements(speaker="%") == []
    assert store.statements(speaker="_") == []


def test_speaker_filter_matches_mention(store: Store, make_article) -> None:
    article, statements = make_article(1)
    text = article.text
    anon = replace(
        statements[0],
        speaker=Speaker(
            None, "person", Span.of(text, text.index("reporters"), text.index("reporters") + 9)
        ),
    )
    store.add_article(article, [anon])
    assert len(store.statements(speaker="Reporters")) == 1


def test_filters_outlet_kind_dates(store: Store, make_article) -> None:
    store.add_article(*make_article(1, outlet="Northwind Wire", published="2023-05-01"))
    store.add_article(
        *make_article(2, outlet="Eastgate Daily", published="2023-06-15T10:00:00+02:00")
    )
    store.add_article(*make_article(3, outlet="Eastgate Daily", published="--06-20"))
    store.add_article(*make_article(4, outlet="Eastgate Daily", published=None))
    assert store.count_statements(outlet="eastgate daily") == 6
    assert store.count_statements(kind="direct") == 4
    assert store.count_statements(kind="direct,mixed") == 4
    assert store.count_statements(since="2023-06") == 2
    assert store.count_statements(until="2023-05") == 2
    assert store.count_statements(since="2023-05-02", until="2023-06-15") == 2
    assert store.count_statements(since="2023") == 4  # year-unknown / undated never match
    # Chronological, unknown years last.
    dates = [s.display_date for s in store.statements(kind="direct")]
    assert dates[:2] == ["2023-05-01", "2023-06-15"]
    assert set(dates[2:]) == {"--06-20", ""}


def test_act_filter_keeps_speech_or_stance(store: Store, make_article) -> None:
    article, statements = make_article(3)
    marked = [replace(statements[0], act="stance"), replace(statements[1], act="speech")]
    store.add_article(article, [*marked, statements[1]])  # the third has no act (older store)
    assert store.count_statements(act="stance") == 1
    assert store.count_statements(act="speech") == 2  # unknown counts as speech
    assert [s.statement.act for s in store.statements(act="stance")] == ["stance"]


@pytest.mark.parametrize(
    "bad",
    [
        {"act": "belief"},
        {"kind": "quoted"},
        {"since": "May"},
        {"until": "2023-13"},
        {"since": "2023-02-30"},
    ],
)
def test_bad_filters_are_usage_errors(store: Store, bad: dict[str, str]) -> None:
    with pytest.raises(UsageError):
        store.statements(**bad)


def test_limit_offset_and_count(store: Store, make_article) -> None:
    for i in range(5):
        store.add_article(*make_article(i, published=f"2023-05-0{i + 1}"))
    assert store.count_statements() == 10
    page = store.statements(limit=3, offset=2)
    assert [s.published for s in page] == ["2023-05-02", "2023-05-02", "2023-05-03"]
    assert len(list(store.iter_statements(StatementFilter(outlet="Northwind Wire")))) == 10


def test_speakers_aggregate(store: Store, make_article) -> None:
    store.add_article(*make_article(1, outlet="Northwind Wire", published="2023-05-01"))
    store.add_article(*make_article(2, outlet="Eastgate Daily", published="2023-07-01"))
    store.add_article(*make_article(3, speaker="Ilya Brandt"))
    rows = store.speakers()
    assert [r.name for r in rows] == ["Marta Kovalenko", "Ilya Brandt"]
    marta = rows[0]
    assert (marta.statements, marta.articles, marta.type) == (4, 2, "person")
    assert marta.outlets == ("Eastgate Daily", "Northwind Wire")
    assert marta.roles == ("envoy",)
    assert (marta.first, marta.last) == ("2023-05-01", "2023-07-01")
    assert [r.name for r in store.speakers(outlet="Eastgate Daily")] == ["Marta Kovalenko"]
    assert [r.name for r in store.speakers(name="brandt")] == ["Ilya Brandt"]


def test_articles_listing_and_lookup(store: Store, make_article) -> None:
    a1, s1 = make_article(1)
    a2, s2 = make_article(2, headline="Grain corridor reopens")
    o1 = store.add_article(a1, s1)
    store.add_article(a2, s2)
    rows = store.articles()
    assert len(rows) == 2 and rows[0].text is None
    assert rows[0].statement_count == 2
    assert [r.headline for r in store.articles(search="grain")] == ["Grain corridor reopens"]
    full = store.article(o1.article_id[:6])
    assert full is not None and full.text == a1.text
    assert full.to_article().text == a1.text
    assert store.article("test/0001") is not None  # the caller's doc id
    assert store.article("ffffffffffffffff0") is None
    with pytest.raises(UsageError):
        store.article("")


def test_ambiguous_prefix_is_usage_error(store: Store, make_article) -> None:
    ids = [store.add_article(*make_article(i)).article_id for i in range(40)]
    firsts = [i[0] for i in ids]
    common = next(c for c in firsts if firsts.count(c) > 1)
    with pytest.raises(UsageError, match="ambiguous"):
        store.article(common)


def test_failed_transaction_stores_nothing(store: Store, make_article) -> None:
    store.add_article(*make_article(1))
    before = store.counts()
    with pytest.raises(RuntimeError), store.transaction():
        store.add_article(*make_article(2))
        store.add_article(*make_article(3))
        raise RuntimeError("crash in the middle of a batch")
    assert store.counts() == before
    assert store.integrity_check() == "ok"


def test_readers_are_not_blocked_by_an_open_write(tmp_path: Path, make_article) -> None:
    path = tmp_path / "record.db"
    with Store(path, create=True) as writer, Store(path) as reader:
        writer.add_article(*make_article(1))
        with writer.transaction():
            writer.add_article(*make_article(2))
            # The uncommitted batch is invisible, and reading does not wait for the lock.
            assert reader.counts().articles == 1
            assert reader.count_statements() == 2
            assert len(reader.statements(search="harbour")) == 1
        assert reader.counts().articles == 2


def test_second_writer_gives_store_error_when_lock_held(
    tmp_path: Path, make_article, monkeypatch
) -> None:
    import onrecord.store.connection as connection

    path = tmp_path / "record.db"
    with Store(path, create=True) as w1:
        monkeypatch.setattr(connection, "BUSY_TIMEOUT_S", 0.2)
        with Store(path) as w2, w1.transaction():
            w1.add_article(*make_article(1))
            with pytest.raises(StoreError, match="cannot write"):
                w2.add_article(*make_article(2))


def test_wal_mode_and_foreign_keys(store: Store) -> None:
    assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert store.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    with pytest.raises(sqlite3.IntegrityError):
        store.conn.execute(
            "INSERT INTO statements (article_id, position, kind, content_start, content_end,"
            " content) VALUES ('missing', 0, 'direct', 0, 1, 'x')"
        )


def test_date_helpers() -> None:
    assert sortable_date("2022-03-21T12:47:00+03:00") == "2022-03-21"
    assert sortable_date("2022-03") == "2022-03"
    assert sortable_date("--03-28") is None
    assert sortable_date("March") is None
    assert display_date("--03-28") == "--03-28"
    assert display_date(None) == ""
