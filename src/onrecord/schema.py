"""The fields of the record, declared once: articles, statements and the speaker summary.

Why one declaration: every field of an article or a statement reaches five faces, the SQL
store, the Parquet tables, CSV, the Python API and the JSON of the HTTP API, and each face
used to list the fields by hand (a SELECT list read by position, a Parquet schema, CSV
headers, ``to_json`` methods). A field is now declared here, with where it lives in each
face, and every face is built from the declaration: the SQL select lists and the reading of
rows by column name (``store/rows.py``), the Arrow schemas (``store/parquet.py``), the CSV
of ``export`` and the JSON of the row classes. ``tests/test_schema.py`` checks that every
declared field reaches every face it names, as datasette checks its tables' columns.

A field's faces:

- ``column``: the SQL column it is read from (``a.`` the article, ``s.`` the statement);
  ``shown`` names a correction the store applies when reading it (the outlet or speaker as
  readers see it, ``store/corrections.py``); ``stored``: written by ``Store.add_article``
  under its own name. None: worked out from other fields (``id``, ``date``).
- ``parquet``: a column of the table's Parquet schema, typed by ``kind``.
- ``json``: where the field is in the record's JSON, a dotted path into the interchange form
  of ``spec/statements.md`` (``speaker.mention.start``) or a top-level key; None: not in JSON.
  ``context`` fields are the article facts shown beside each statement: their JSON keys
  follow the interchange form (which ``onrecord.model`` writes).
- ``csv``: its header in CSV (``export --format csv`` for statements, the listings'
  ``--format csv`` for articles and speakers); None: not in CSV.

Orders: the declaration order is the Parquet column order. JSON and CSV list the fields of
:attr:`Table.json_first` / :attr:`Table.csv_first` first, in that order (the layouts readers
already rely on), then every other field of the face in declaration order, so a new field
is added in one place and appears last.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

#: A field's type. ``int`` is 32-bit in Parquet, ``long`` 64-bit; ``json`` a JSON object kept
#: as text; ``pairs`` a list of [start, end] offsets; ``strings`` a list of strings.
Kind = Literal["str", "int", "long", "float", "bool", "json", "pairs", "strings"]
#: Corrections the store applies when reading a field (``store/corrections.py``).
Shown = Literal["outlet", "speaker_name", "speaker_type", "speaker_role"]


@dataclass(frozen=True, slots=True)
class Field:
    """One field of a table and the faces it reaches (see the module docstring)."""

    name: str
    kind: Kind = "str"
    required: bool = False
    column: str | None = None
    shown: Shown | None = None
    stored: bool = False
    parquet: bool = True
    json: str | None = None
    csv: str | None = None
    context: bool = False
    if_set: bool = False
    joiner: str = "; "
    doc: str = ""


def field(
    name: str,
    kind: Kind = "str",
    *,
    required: bool = False,
    column: str | None = None,
    shown: Shown | None = None,
    stored: bool = True,
    parquet: bool = True,
    json: str | bool = True,
    csv: str | bool = True,
    context: bool = False,
    if_set: bool = False,
    joiner: str = "; ",
    doc: str = "",
) -> Field:
    """A :class:`Field` with the usual defaults: read from the column of its own name of the
    table alias given by ``column`` (``"a"``, ``"s"``) or from ``column`` itself when it
    names one (``"a.doc_id"``); in JSON and CSV under its own name unless told otherwise
    (``False``: not in that face; a string: its path or header). ``if_set``: left out of
    JSON when empty; ``joiner``: what joins a list in CSV."""
    source = column if column is None or "." in column else f"{column}.{name}"
    return Field(
        name=name,
        kind=kind,
        required=required,
        column=source,
        shown=shown,
        stored=stored and source is not None,
        parquet=parquet,
        json=name if json is True else (json or None),
        csv=name if csv is True else (csv or None),
        context=context,
        if_set=if_set,
        joiner=joiner,
        doc=doc,
    )


@dataclass(frozen=True, slots=True)
class Table:
    """A table's declared fields, in Parquet column order, and the lead order of the JSON
    and CSV faces."""

    name: str
    fields: tuple[Field, ...]
    json_first: tuple[str, ...] = ()
    csv_first: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        names = [f.name for f in self.fields]
        if len(set(names)) != len(names):
            raise ValueError(f"{self.name}: a field is declared twice")
        for name in (*self.json_first, *self.csv_first):
            if name not in names:
                raise ValueError(f"{self.name}: {name} is not declared")

    def __getitem__(self, name: str) -> Field:
        for f in self.fields:
            if f.name == name:
                return f
        raise KeyError(name)

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(f.name for f in self.fields)

    @property
    def selected(self) -> tuple[Field, ...]:
        """Fields read from SQL, in declaration order."""
        return tuple(f for f in self.fields if f.column is not None)

    @property
    def stored(self) -> tuple[Field, ...]:
        """Fields written as columns of the table by ``Store.add_article``."""
        return tuple(f for f in self.fields if f.stored)

    @property
    def in_parquet(self) -> tuple[Field, ...]:
        return tuple(f for f in self.fields if f.parquet)

    @property
    def in_json(self) -> tuple[Field, ...]:
        """Fields in JSON, in JSON order."""
        return _ordered([f for f in self.fields if f.json], self.json_first)

    @property
    def in_csv(self) -> tuple[Field, ...]:
        """Fields in CSV, in CSV order."""
        return _ordered([f for f in self.fields if f.csv], self.csv_first)

    @property
    def context(self) -> tuple[Field, ...]:
        """The article facts shown beside each statement, in JSON order."""
        return tuple(f for f in self.in_json if f.context)


def _ordered(fields: list[Field], first: tuple[str, ...]) -> tuple[Field, ...]:
    lead = [f for name in first for f in fields if f.name == name]
    return (*lead, *(f for f in fields if f.name not in first))


# --------------------------------------------------------------------------- articles

ARTICLES = Table(
    "articles",
    (
        field("id", required=True, column="a", doc="content id"),
        field("doc_id", required=True, column="a", doc="the caller's id"),
        field("revision_key", column="a", json=False, csv=False),
        field("revision_of", column="a", csv=False),
        field("revision", "int", required=True, column="a"),
        field("latest", "bool", required=True, column="a", csv=False),
        field("published", column="a", csv="date", doc="reduced-precision ISO 8601"),
        field("published_precision", column="a", csv=False),
        field("pub_date", column="a", parquet=False, json=False, csv=False),
        field("dateline", column="a", csv=False),
        field("headline", column="a"),
        field("subheadline", column="a", csv=False),
        field("byline", column="a", csv=False),
        field("url", column="a", csv=False),
        field("language", column="a", csv=False),
        field("source", column="a"),
        field("body_start", "int", required=True, column="a", csv=False),
        field("text", required=True, column="a", csv=False, doc="selected only when asked"),
        field("meta", "json", column="a", csv=False, if_set=True, doc="JSON object"),
        field("ingested_at", column="a", csv=False),
        field(
            "statement_count",
            "int",
            required=True,
            column="(SELECT count(*) FROM statements s WHERE s.article_id = a.id)",
            stored=False,
            json="statements",
            csv="statements",
        ),
        field("date", required=True, json=False, csv=False, doc="partition: publication day"),
        field("outlet", column="a", shown="outlet", doc="partition"),
    ),
    json_first=(
        "id",
        "doc_id",
        "outlet",
        "published",
        "published_precision",
        "dateline",
        "headline",
        "subheadline",
        "byline",
        "url",
        "language",
        "source",
        "revision",
        "revision_of",
        "latest",
        "statement_count",
        "ingested_at",
        "meta",
        "body_start",
        "text",
    ),
)

# --------------------------------------------------------------------------- statements


def _said(
    name: str,
    kind: Kind = "str",
    *,
    json: str | None = None,
    csv: str | bool = True,
    shown: Shown | None = None,
) -> Field:
    """A field of the statement itself (not its article's): a ``statements`` column, in the
    interchange JSON at ``json`` (default: the top-level key of its name)."""
    return field(name, kind, column="s", json=json or name, csv=csv, shown=shown)


def _context(
    name: str,
    column: str,
    *,
    shown: Shown | None = None,
    parquet: bool = True,
    json: bool = True,
    csv: bool = True,
) -> Field:
    """An article fact shown beside each statement (read from the article, not stored with
    the statement)."""
    return field(
        name,
        column=column,
        shown=shown,
        stored=False,
        parquet=parquet,
        json=json,
        csv=csv,
        context=True,
    )


STATEMENTS = Table(
    "statements",
    (
        field("id", required=True, context=True, doc="<article id>:<position>"),
        field(
            "rowid", "long", column="s.id", stored=False, parquet=False, json=False, csv=False
        ),
        field("article_id", required=True, column="s", context=True),
        _context("doc_id", "a.doc_id"),
        field("position", "int", required=True, column="s", context=True),
        _said("kind"),
        _said("content_start", "int", json="content.start"),
        _said("content_end", "int", json="content.end"),
        _said("content", json="content.text"),
        _said("fragments", "pairs"),
        _said("speaker_name", json="speaker.name", csv="speaker", shown="speaker_name"),
        _said("speaker_type", json="speaker.type", shown="speaker_type"),
        _said("mention_start", "int", json="speaker.mention.start"),
        _said("mention_end", "int", json="speaker.mention.end"),
        _said("mention", json="speaker.mention.text"),
        _said("speaker_role", json="speaker.role", csv="role", shown="speaker_role"),
        _said("speaker_affiliation", json="speaker.affiliation"),
        _said("cue_start", "int", json="cue.start"),
        _said("cue_end", "int", json="cue.end"),
        _said("cue", json="cue.text"),
        _said("addressee"),
        _said("occasion"),
        _said("when"),
        _said("when_precision"),
        _said("confidence", "float"),
        _said("source"),
        _said("act"),
        field("person_id", column="s", stored=False, context=True, if_set=True),
        _context("published", "a.published"),
        _context(
            "published_precision", "a.published_precision", parquet=False, json=False, csv=False
        ),
        _context("pub_date", "a.pub_date", parquet=False, json=False, csv=False),
        _context("headline", "a.headline"),
        _context("url", "a.url"),
        _context("byline", "a.byline", parquet=False),  # Parquet: in the articles table
        field("date", required=True, json=False, csv=False, doc="partition: publication day"),
        _context("outlet", "a.outlet", shown="outlet"),
    ),
    json_first=(
        "id",
        "article_id",
        "doc_id",
        "position",
        "outlet",
        "published",
        "headline",
        "url",
    ),
    csv_first=(
        "id",
        "article_id",
        "doc_id",
        "published",
        "outlet",
        "headline",
        "url",
        "kind",
        "speaker_name",
        "speaker_type",
        "mention",
        "speaker_role",
        "cue",
        "content",
        "content_start",
        "content_end",
        "person_id",
    ),
)

# --------------------------------------------------------------------------- speakers

#: One row per speaker (aggregated from statements: no SQL column of its own).
SPEAKERS = Table(
    "speakers",
    (
        field("name", required=True),
        field("type", required=True),
        field("roles", "strings"),
        field("statements", "long", required=True),
        field("articles", "long", required=True, csv=False),
        field("outlets", "strings", joiner=", "),
        field("first", csv=False, doc="earliest publication day, year-unknown ones excluded"),
        field("last", csv=False),
        field("person_ids", "strings", csv=False),
    ),
)

TABLES: dict[str, Table] = {t.name: t for t in (ARTICLES, STATEMENTS, SPEAKERS)}
