"""Search a reader can use, at the store: English stemming (migration 0007, also on an
existing database), prefixes that run past a stem, where a search matched, facet counts, and
the "named speaker" filter of the web UI's opening page. Invented text throughout."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from onrecord.model import Article, Span, Speaker, Statement
from onrecord.store.db import StatementFilter, Store
from onrecord.store.facets import statement_facets
from onrecord.store.fts import fts_query, vocab_stems
from onrecord.store.matches import content_matches, word_matches
from onrecord.store.migrate import MIGRATIONS_DIR, migrate


def _article(
    i: int,
    said: str,
    *,
    speaker: str | None = "Tomas Brell",
    outlet: str | None = "Saltmarsh Courier",
    published: str | None = "2024-06-0{i}",
    headline: str = "Port talks, day {i}",
) -> tuple[Article, list[Statement]]:
    headline = headline.format(i=i)  # distinct: one outlet's same headline is a revision
    text = f'{headline}\nKELDA, June {i}. "{said}," a speaker said.'
    start = text.index(said)
    sp = Speaker(speaker, "person") if speaker else None
    content = Span.of(text, start, start + len(said))
    statement = Statement(kind="direct", content=content, speaker=sp, source="test")
    article = Article(
        id=f"t/{i}",
        text=text,
        outlet=outlet,
        published=published.format(i=i) if published else None,
        headline=headline,
    )
    return article, [statement]


@pytest.fixture
def filled(store: Store) -> Store:
    store.add_article(*_article(1, "The ceasefires held through the night"))
    store.add_article(*_article(2, "Nobody negotiated with the harbour board"))
    store.add_article(
        *_article(3, "Negotiations on the ferry resume on Monday", outlet="Fjord Post")
    )
    store.add_article(*_article(4, "We signed nothing at the café", speaker=None))
    store.add_article(*_article(5, "A ceasefire is close", speaker="Ada Morn", published="--06-05"))
    return store


def _words(rows: list) -> list[str]:
    return sorted(r.statement.words() for r in rows)


def test_a_word_finds_its_inflections(filled: Store) -> None:
    assert _words(filled.statements(search="ceasefire")) == [
        "A ceasefire is close",
        "The ceasefires held through the night",
    ]
    assert len(filled.statements(search="negotiation")) == 2  # negotiated, Negotiations
    assert len(filled.statements(search="cafe")) == 1  # diacritics still removed
    assert len(filled.articles(search="talk")) == 5  # headlines are stemmed too


def test_a_prefix_past_the_stem_still_finds_the_words(filled: Store) -> None:
    # The index holds "negoti" for both words: "negotiat*" alone would find nothing.
    assert len(filled.statements(search="negotiat*")) == 2
    assert len(filled.statements(search="negotiat* -ferry")) == 1
    assert len(filled.statements(search="ceasef*")) == 2
    assert filled.statements(search="zzzzzz*") == []


def test_prefix_widening_shape() -> None:
    assert fts_query("negotiat*", lambda p: ["negoti"]) == '("negotiat"* OR "negoti")'
    assert fts_query("negotiat*", lambda p: []) == '"negotiat"*'
    assert fts_query("negotiat", lambda p: ["negoti"]) == '"negotiat"'  # not a prefix


def test_vocab_stems_reads_only_stems_a_little_shorter(filled: Store) -> None:
    stems = vocab_stems(filled.query, "statements_fts_vocab")
    assert stems("Negotiat") == ["negoti"]
    assert stems("neg") == []  # too short to widen
    assert stems("négotiat") == ["negoti"]  # folded as the index folds
    assert stems("negoti-ated") == []  # one word only


def test_migration_0007_rebuilds_an_existing_index(tmp_path: Path) -> None:
    """A database made before stemming (its index built by unicode61 alone) gets its index
    rebuilt by opening it; new articles are then indexed by the new triggers."""
    old = tmp_path / "old-migrations"
    old.mkdir()
    for path in sorted(MIGRATIONS_DIR.glob("*.sql")):
        if int(path.name[:4]) < 7:
            shutil.copy(path, old)
    db = tmp_path / "before.db"
    conn = sqlite3.connect(db, isolation_level=None)
    migrate(conn, str(db), old)
    conn.execute(
        "INSERT INTO articles (id, doc_id, text, headline, ingested_at, latest)"
        " VALUES ('a1', 'a1', 'x', 'Ceasefires hold', '2024-01-01T00:00:00Z', 1)"
    )
    conn.execute(
        "INSERT INTO statements (article_id, position, kind, content_start, content_end,"
        " content, speaker_name) VALUES ('a1', 0, 'direct', 0, 1, 'The ceasefires hold', 'Ada')"
    )
    assert conn.execute(
        "SELECT count(*) FROM statements_fts WHERE statements_fts MATCH 'ceasefire'"
    ).fetchone() == (0,)  # no stemming before
    conn.close()
    with Store(db) as store:
        assert store.schema_version >= 7
        assert len(store.statements(search="ceasefire")) == 1
        assert len(store.articles(search="ceasefire")) == 1
        store.add_article(*_article(7, "Two ceasefires were agreed"))
        assert len(store.statements(search="ceasefire")) == 2
        assert store.integrity_check() == "ok"


def test_matches_are_offsets_into_the_words(filled: Store) -> None:
    rows = filled.statements(search="ceasefire")
    found = content_matches(filled, "ceasefire", [r.id for r in rows])
    for row in rows:
        words = row.statement.words()
        assert [words[a:b].lower() for a, b in word_matches(row, found[row.id])] in (
            ["ceasefire"],
            ["ceasefires"],
        )


def test_matches_of_a_split_quote_leave_out_the_attribution(store: Store) -> None:
    text = 'KELDA. "The gate stays shut," said Tomas Brell, "until the ceasefire holds."'
    a, b = text.index("The gate"), text.index("holds.") + len("holds.")
    first = (a, text.index(",", a))
    second = (text.index("until"), b)
    statement = Statement(
        kind="direct",
        content=Span.of(text, a, b),
        speaker=Speaker("Tomas Brell", "person"),
        fragments=(first, second),
        source="test",
    )
    store.add_article(Article(id="split", text=text, outlet="Saltmarsh Courier"), [statement])
    row = store.statements(search="ceasefire Brell")[0]
    found = content_matches(store, "ceasefire Brell", [row.id])
    words = row.statement.words()
    assert words == "The gate stays shut … until the ceasefire holds."
    assert [words[x:y] for x, y in word_matches(row, found[row.id])] == ["ceasefire"]


def test_facet_counts_follow_the_filter(filled: Store) -> None:
    counts = statement_facets(filled, StatementFilter(search="ceasefire"))
    assert {v.value: v.count for v in counts.facets["speaker"]} == {"Tomas Brell": 1, "Ada Morn": 1}
    assert {v.value: v.count for v in counts.facets["year"]} == {"2024": 1, None: 1}
    everything = statement_facets(filled, StatementFilter())
    assert [(v.value, v.count) for v in everything.facets["outlet"]] == [
        ("Saltmarsh Courier", 4),
        ("Fjord Post", 1),
    ]
    speakers = {v.value: v.count for v in everything.facets["speaker"]}
    assert speakers == {"Tomas Brell": 3, "Ada Morn": 1, None: 1}
    assert (everything.counted, everything.partial) == (5, False)


def test_facet_counts_stop_at_the_cap(filled: Store) -> None:
    counts = statement_facets(filled, StatementFilter(), cap=2, size=1)
    assert (counts.counted, counts.partial) == (2, True)
    assert sum(v.count for v in counts.facets["kind"]) == 2
    assert counts.more["speaker"] and len(counts.facets["speaker"]) == 1


def test_named_speakers_only(filled: Store) -> None:
    named = filled.statements(StatementFilter(has_speaker=True), order="-date")
    assert len(named) == 4 and all(r.speaker_name for r in named)
    assert filled.count_statements(StatementFilter(has_speaker=True, search="cafe")) == 0
