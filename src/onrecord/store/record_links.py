"""SQL of the record's links and events: which statements are reports of one remark (link
groups, decided in ``onrecord.resolve.links``), and the dated events articles report.

Tables in ``migrations/0002_record.sql``. :class:`~onrecord.store.registry.RecordStore`
is the class callers use; it has these methods too.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from onrecord.model import words_of
from onrecord.store.corrections import outlet_sql, speaker_name_sql
from onrecord.store.record_base import RecordBase, now


@dataclass(frozen=True, slots=True)
class LinkItem:
    """What linking needs of a statement: speaker, words, date, outlet, report order."""

    id: int
    person_id: str
    content: str
    when: str | None
    published: str | None
    outlet: str | None
    article_id: str
    seq: int
    position: int
    doc_id: str
    headline: str | None
    when_precision: str | None
    group_id: int | None = None
    speaker_name: str | None = None  # read for timeline lines only (statement_items)
    published_precision: str | None = None  # likewise


def _link_item(r: Sequence[Any]) -> LinkItem:
    """A LinkItem from a row of ``RecordStore._LINK_COLS`` (+ extras): its ``content`` is the
    words said (a split quote without its attribution), so linking and diffs compare only
    what the speaker said, not "Peskov said" against "Peskov told reporters"."""
    fragments = json.loads(r[3] or "[]")
    return LinkItem(r[0], r[1], words_of(r[2], int(r[4]), fragments), *r[5:])


def _link_item(r: Sequence[Any]) -> LinkItem:
    """A LinkItem from a row of ``LinkQueries._LINK_COLS`` (+ extras): its ``content`` is the
    words said (a split quote without its attribution), so linking and diffs compare only
    what the speaker said, not "Peskov said" against "Peskov told reporters"."""
    fragments = json.loads(r[3] or "[]")
    return LinkItem(r[0], r[1], words_of(r[2], int(r[4]), fragments), *r[5:])


@dataclass(frozen=True, slots=True)
class EventRow:
    """A stored event with its source article's facts."""

    id: int
    article_id: str
    start: str
    end: str | None
    precision: str
    description: str
    place: str | None
    when_text: str
    sentence: str
    doc_id: str
    outlet: str | None
    published: str | None
    headline: str | None


class LinkQueries(RecordBase):
    """Link groups and events on one store."""

    # ------------------------------------------------------------------ links

    # s.fragments, s.content_start after the content: _link_item turns the three into words;
    # the outlet as readers see it (store/corrections.py), as in every listing
    _LINK_COLS = (
        "s.id, s.person_id, s.content, s.fragments, s.content_start,"
        f' s."when", a.published, {outlet_sql("a.outlet")}, s.article_id, a.seq,'
        " s.position, a.doc_id, a.headline, s.when_precision"
    )

    def unlinked(self) -> list[LinkItem]:
        """Statements of latest revisions with a person but no link row yet, in report order."""
        rows = self._all(
            f"SELECT {self._LINK_COLS}, NULL FROM statements s"
            " JOIN articles a ON a.id = s.article_id"
            " WHERE a.latest = 1 AND s.person_id IS NOT NULL"
            " AND s.id NOT IN (SELECT statement_id FROM link_members)"
            " ORDER BY a.seq, s.position"
        )
        return [_link_item(r) for r in rows]

    def linked_of(
        self, person_id: str, since: str | None = None, until: str | None = None
    ) -> list[LinkItem]:
        """The person's statements that are already linked, with their group; with
        ``since``/``until`` only those of articles published in that range or with a year
        unknown (``pub_date`` NULL), which keeps linking near-linear in time."""
        where = ""
        params: list[Any] = [person_id]
        if since and until:
            where = " AND (a.pub_date IS NULL OR a.pub_date BETWEEN ? AND ?)"
            params += [since, until]
        return self._linked(f"s.person_id = ?{where}", params)

    def _linked(self, where: str, params: Sequence[Any]) -> list[LinkItem]:
        """Linked statements of latest revisions matching ``where``, with their group, in
        report order."""
        rows = self._all(
            f"SELECT {self._LINK_COLS}, m.group_id FROM statements s"
            " JOIN articles a ON a.id = s.article_id JOIN link_members m ON m.statement_id = s.id"
            f" WHERE {where} AND a.latest = 1 ORDER BY a.seq, s.position",
            params,
        )
        return [_link_item(r) for r in rows]

    def add_links(self, links: Iterable[tuple[int, int, float | None]]) -> None:
        """Store ``(statement id, group id, score)`` link rows."""
        self.conn.executemany(
            "INSERT OR REPLACE INTO link_members (statement_id, group_id, score) VALUES (?, ?, ?)",
            list(links),
        )

    def merge_groups(self, source: int, target: int) -> None:
        self._run("UPDATE link_members SET group_id = ? WHERE group_id = ?", (target, source))

    def group_members(self, group_ids: Iterable[int]) -> list[LinkItem]:
        ids = sorted(set(group_ids))
        if not ids:
            return []
        return self._linked(f"m.group_id IN ({', '.join('?' * len(ids))})", ids)

    def groups_of(self, statement_ids: Iterable[int]) -> dict[int, int]:
        """statement id -> link group id, for those of ``statement_ids`` that are linked."""
        rows = self._rows_by_id(
            "SELECT statement_id, group_id FROM link_members", "statement_id", statement_ids
        )
        return {key: int(r[1]) for key, r in rows.items()}

    def person_statements(self, person_id: str) -> list[LinkItem]:
        """All the person's statements (latest revisions) with their group when linked."""
        rows = self._all(
            f"SELECT {self._LINK_COLS}, m.group_id FROM statements s"
            " JOIN articles a ON a.id = s.article_id"
            " LEFT JOIN link_members m ON m.statement_id = s.id"
            " WHERE s.person_id = ? AND a.latest = 1 ORDER BY a.seq, s.position",
            (person_id,),
        )
        return [_link_item(r) for r in rows]

    # ------------------------------------------------------------------ times and events

    def unprocessed_articles(self, limit: int = 500) -> list[str]:
        """Ids of latest articles whose times and events are not worked out yet."""
        return [
            r[0]
            for r in self._all(
                "SELECT id FROM articles WHERE latest = 1"
                " AND id NOT IN (SELECT article_id FROM record_articles) ORDER BY seq LIMIT ?",
                (limit,),
            )
        ]

    def set_whens(self, rows: Iterable[tuple[str | None, str | None, int]]) -> None:
        """Set statement times: ``(when, precision, statement id)`` rows."""
        self.conn.executemany(
            'UPDATE statements SET "when" = ?, when_precision = ? WHERE id = ?', list(rows)
        )

    def replace_events(self, article_id: str, events: Iterable[Any]) -> None:
        """Store an article's events (``resolve.events.Event``) and mark it processed."""
        self._run("DELETE FROM events WHERE article_id = ?", (article_id,))
        self.conn.executemany(
            'INSERT INTO events (article_id, start, "end", precision, description, place,'
            " sentence_start, sentence_end, when_text) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    article_id,
                    e.start,
                    e.end,
                    e.precision,
                    e.description,
                    e.place,
                    e.sentence[0],
                    e.sentence[1],
                    e.when_text,
                )
                for e in events
            ],
        )
        self._run(
            "INSERT OR REPLACE INTO record_articles (article_id, processed_at) VALUES (?, ?)",
            (article_id, now()),
        )

    def events_by_id(self, ids: Iterable[int]) -> dict[int, EventRow]:
        """Stored events by id, with their source article's facts (a timeline page's)."""
        rows = self._rows_by_id(
            'SELECT e.id, e.article_id, e.start, e."end", e.precision, e.description, e.place,'
            " e.when_text, substr(a.text, e.sentence_start + 1, e.sentence_end - e.sentence_start),"
            f" a.doc_id, {outlet_sql('a.outlet')}, a.published, a.headline"
            " FROM events e JOIN articles a ON a.id = e.article_id",
            "e.id",
            ids,
        )
        return {key: EventRow(*r) for key, r in rows.items()}

    def statement_items(self, ids: Iterable[int]) -> dict[int, LinkItem]:
        """Statements by id as :class:`LinkItem` (with group, speaker name and publication
        precision): what a timeline line shows of them."""
        rows = self._rows_by_id(
            f"SELECT {self._LINK_COLS}, m.group_id, {speaker_name_sql('s')},"
            " a.published_precision"
            " FROM statements s JOIN articles a ON a.id = s.article_id"
            " LEFT JOIN link_members m ON m.statement_id = s.id",
            "s.id",
            ids,
        )
        return {key: _link_item(r) for key, r in rows.items()}
