"""The store's rows: articles, statements and speakers as the record's readers get them.

Rows are read by column name, never by position: a query selects the declared fields of
``onrecord.schema`` under their own names (:func:`select_list`), and :func:`read_values`
turns each result row into a mapping of those names, so adding a column shifts nothing.
A row keeps that mapping (``values``); its JSON (``to_json``) and CSV forms are made from
the declaration, and typed attributes (``row.outlet``) read the mapping for the code that
uses them. A field declared but given no attribute is still in ``values``, the JSON and
the CSV: ``row["byline"]``.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any, Generic, Literal, TypeVar, overload

from onrecord.dates import display_date
from onrecord.model import Article, Statement
from onrecord.schema import ARTICLES, SPEAKERS, STATEMENTS, Field, Table
from onrecord.store.corrections import (
    outlet_sql,
    speaker_name_sql,
    speaker_role_sql,
    speaker_type_sql,
)
from onrecord.store.records import article_from_record, statement_from_values

T = TypeVar("T")
AddStatus = Literal["new", "duplicate", "revision"]

# Speaker names and types, and outlets, are selected as readers see them (the registry's
# names, the user's corrections: store/corrections.py), so every row built from these
# columns, and so every listing, export and page, shows the corrected record.
_SHOWN = {
    "outlet": lambda column: outlet_sql(column),
    "speaker_name": lambda column: speaker_name_sql(column.split(".")[0]),
    "speaker_type": lambda column: speaker_type_sql(column.split(".")[0]),
    "speaker_role": lambda column: speaker_role_sql(column.split(".")[0]),
}


def column_sql(f: Field) -> str:
    """SQL for one declared field: its column (quoted), or the correction readers see."""
    assert f.column is not None
    if f.shown is not None:
        return _SHOWN[f.shown](f.column)
    alias, dot, name = f.column.partition(".")
    if not dot or not name.isidentifier():
        return f.column  # an expression (a count)
    return f'{alias}."{name}"'


def select_list(table: Table, *, skip: Sequence[str] = ()) -> str:
    """The SELECT list of a table's declared fields, each under its own name (``skip``:
    selected as NULL, e.g. an article's text in listings)."""
    return ", ".join(
        f'{"NULL" if f.name in skip else column_sql(f)} AS "{f.name}"' for f in table.selected
    )


def read_values(table: Table, row: Sequence[Any]) -> dict[str, Any]:
    """One result row of :func:`select_list` as a mapping of field names, decoded by kind
    (``fragments`` and ``meta`` from their JSON text, flags as booleans)."""
    out: dict[str, Any] = {}
    for f, value in zip(table.selected, row, strict=True):
        if value is not None:
            if f.kind in ("int", "long"):
                value = int(value)
            elif f.kind == "bool":
                value = bool(value)
            elif f.kind in ("json", "pairs", "strings"):
                value = json.loads(value) if value else None
        out[f.name] = value
    return out


def sql_value(f: Field, value: Any) -> Any:
    """A value as the SQL column of ``f`` keeps it (JSON text for objects and lists)."""
    if f.kind in ("json", "pairs", "strings"):
        empty = _EMPTY[f.kind]
        return json.dumps(empty if value is None else value, ensure_ascii=False, default=str)
    return value


_EMPTY: dict[str, Any] = {"json": {}, "pairs": [], "strings": []}


def csv_cell(f: Field, value: Any) -> Any:
    """A value for a CSV cell: lists joined (offset pairs as JSON), None left empty."""
    if f.kind == "pairs":
        return json.dumps(value or [])
    if isinstance(value, list | tuple):
        return f.joiner.join(str(v) for v in value)
    return value


class _Attr(Generic[T]):
    """A typed, read-only attribute of a row: its value of the declared field of the same
    name (or ``field``)."""

    __slots__ = ("name",)

    def __init__(self, field: str | None = None) -> None:
        self.name = field or ""

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = self.name or name

    @overload
    def __get__(self, obj: None, owner: type | None = None) -> _Attr[T]: ...
    @overload
    def __get__(self, obj: _Row, owner: type | None = None) -> T: ...
    def __get__(self, obj: _Row | None, owner: type | None = None) -> T | _Attr[T]:
        if obj is None:
            return self
        value: T = obj.values.get(self.name)
        return value


class _Row:
    """A row of a declared table: ``values`` by field name (read-only)."""

    __slots__ = ("values",)
    TABLE: Table

    def __init__(self, values: Mapping[str, Any]) -> None:
        self.values: Mapping[str, Any] = MappingProxyType(dict(values))

    def __getitem__(self, name: str) -> Any:
        return self.values[name]

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, _Row) or type(other) is not type(self):
            return NotImplemented
        return dict(self.values) == dict(other.values)

    def __hash__(self) -> int:
        return hash((type(self), tuple(sorted(map(repr, self.values.items())))))

    def __repr__(self) -> str:
        shown = ", ".join(f"{k}={v!r}" for k, v in self.values.items() if k != "text")
        return f"{type(self).__name__}({shown})"

    def _json(self, fields: Sequence[Field]) -> dict[str, Any]:
        """The JSON of ``fields`` in order, ``if_set`` ones left out when empty."""
        return {
            f.json: self.values.get(f.name)
            for f in fields
            if f.json and not (f.if_set and not self.values.get(f.name))
        }


# --------------------------------------------------------------------------- articles


class ArticleRow(_Row):
    """A stored article with its revision bookkeeping; ``text`` only when asked for."""

    __slots__ = ()
    TABLE = ARTICLES

    id = _Attr[str]()
    doc_id = _Attr[str]()
    revision_key = _Attr[str | None]()
    revision_of = _Attr[str | None]()
    revision = _Attr[int]()
    latest = _Attr[bool]()
    outlet = _Attr[str | None]()
    published = _Attr[str | None]()
    published_precision = _Attr[str | None]()
    pub_date = _Attr[str | None]()
    dateline = _Attr[str | None]()
    headline = _Attr[str | None]()
    subheadline = _Attr[str | None]()
    byline = _Attr[str | None]()
    url = _Attr[str | None]()
    language = _Attr[str | None]()
    source = _Attr[str | None]()
    body_start = _Attr[int]()
    ingested_at = _Attr[str]()
    statement_count = _Attr[int]()
    text = _Attr[str | None]()

    @property
    def meta(self) -> dict[str, Any]:
        return dict(self.values.get("meta") or {})

    @property
    def display_date(self) -> str:
        """The publication date for tables: ``2022-03-21``, ``--03-28`` (year unknown)."""
        return display_date(self.published)

    def to_article(self) -> Article:
        """The :class:`~onrecord.model.Article` (needs ``text``: load via :meth:`Store.article`)."""
        if self.text is None:
            raise ValueError(f"article {self.id}: text not loaded")
        return article_from_record(self.values)

    def to_json(self) -> dict[str, Any]:
        """Metadata as a JSON object (the text and where its body starts only when loaded)."""
        out = self._json(ARTICLES.in_json)
        if self.text is None:
            out.pop("body_start", None)
            out.pop("text", None)
        return out

    def row(self) -> dict[str, Any]:
        """Flat columns for ``--format table|csv`` (the date as tables write it)."""
        out = {f.csv: csv_cell(f, self.values.get(f.name)) for f in ARTICLES.in_csv if f.csv}
        out[ARTICLES["published"].csv or "date"] = self.display_date
        return {k: "" if v is None else v for k, v in out.items()}


# --------------------------------------------------------------------------- statements


class StoredStatement(_Row):
    """A stored statement, with the article facts every listing shows next to it (the
    declared ``context`` fields of ``onrecord.schema.STATEMENTS``)."""

    __slots__ = ("statement",)
    TABLE = STATEMENTS

    id = _Attr[int]("rowid")  # the store's id; ``key`` is the one stable across stores
    article_id = _Attr[str]()
    position = _Attr[int]()
    person_id = _Attr[str | None]()
    doc_id = _Attr[str]()
    outlet = _Attr[str | None]()
    published = _Attr[str | None]()
    published_precision = _Attr[str | None]()
    pub_date = _Attr[str | None]()
    headline = _Attr[str | None]()
    url = _Attr[str | None]()

    def __init__(self, values: Mapping[str, Any]) -> None:
        full = dict(values)
        full["id"] = f"{full['article_id']}:{full['position']}"
        super().__init__(full)
        self.statement: Statement = statement_from_values(full)

    @property
    def key(self) -> str:
        """A stable id across databases built from the same inputs: ``<article id>:<position>``."""
        return str(self.values["id"])

    @property
    def speaker_name(self) -> str | None:
        sp = self.statement.speaker
        return sp.name if sp else None

    @property
    def display_date(self) -> str:
        return display_date(self.published)

    def to_json(self) -> dict[str, Any]:
        """The statement in the interchange format plus its article's facts."""
        return {**self.statement.to_json(), **self._json(STATEMENTS.context)}

    def csv_row(self) -> list[Any]:
        """The row of ``export --format csv``, in :func:`csv_header` order."""
        return [csv_cell(f, self.values.get(f.name)) for f in STATEMENTS.in_csv]

    def row(self) -> dict[str, Any]:
        """Flat columns for ``--format table|csv``: date, outlet, speaker, kind, text."""
        sp = self.statement.speaker
        return {
            "date": self.display_date,
            "outlet": self.outlet or "",
            "speaker": (sp.name or (sp.mention.text if sp.mention else "")) if sp else "",
            "kind": self.statement.kind,
            "text": self.statement.words(),
            "id": self.key,
        }


def csv_header() -> list[str]:
    """The header of ``export --format csv``: one statement per row."""
    return [f.csv or f.name for f in STATEMENTS.in_csv]


# --------------------------------------------------------------------------- speakers


@dataclass(frozen=True, slots=True)
class SpeakerRow:
    """A speaker name as it appears in statements, with what the record says about it (its
    fields: ``onrecord.schema.SPEAKERS``)."""

    name: str
    type: str
    roles: tuple[str, ...]
    statements: int
    articles: int
    outlets: tuple[str, ...]
    first: str | None  # earliest known publication date (pub_date), year-unknown ones excluded
    last: str | None
    person_ids: tuple[str, ...] = ()  # registry ids linked to this name (empty before resolve)

    def _value(self, f: Field) -> Any:
        value = getattr(self, f.name)
        return list(value) if isinstance(value, tuple) else value

    def to_json(self) -> dict[str, Any]:
        return {f.json: self._value(f) for f in SPEAKERS.in_json if f.json}

    def row(self) -> dict[str, Any]:
        return {f.csv: csv_cell(f, self._value(f)) for f in SPEAKERS.in_csv if f.csv}


# --------------------------------------------------------------------------- summaries


@dataclass(frozen=True, slots=True)
class AddOutcome:
    """What ``Store.add_article`` did with one article."""

    status: AddStatus
    article_id: str  # content id of the stored (or already present) article
    revision_of: str | None = None  # first revision's id when ``status == "revision"``
    statements: int = 0  # statements stored (0 for a duplicate)


@dataclass(frozen=True, slots=True)
class StoreCounts:
    """How much the store holds; ``articles`` counts latest revisions only."""

    articles: int
    revisions: int  # all stored article versions (>= articles)
    statements: int  # statements of latest revisions
    all_statements: int
    speakers: int  # distinct speakers (registry entities, else names) in latest revisions

    def to_json(self) -> dict[str, int]:
        return {
            "articles": self.articles,
            "revisions": self.revisions,
            "statements": self.statements,
            "all_statements": self.all_statements,
            "speakers": self.speakers,
        }


@dataclass(frozen=True, slots=True)
class StatementPage:
    """One page of statements and how many match in all (see ``Store.statement_page``).

    ``total_is_lower_bound``: counting stopped at the cap, so at least ``total`` match (shown
    as "10,000+"). ``ranked_within``: set when a relevance order ranked only that many matches
    (the most recently stored ones) because more matched; None when every match was ranked.
    """

    rows: list[StoredStatement]
    total: int
    total_is_lower_bound: bool = False
    ranked_within: int | None = None
