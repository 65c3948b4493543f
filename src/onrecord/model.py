"""The types every stage shares, and their JSON form.

Data flows one way: ingest produces :class:`Article`, extract produces :class:`Statement`
lists for one article, resolve links them across articles, store persists them. Every
offset is a Python ``str`` index (code points) into ``Article.text``, end exclusive, so the
same numbers work in the interchange format (``shared/spec/statements.md``), the store and
the web UI's highlighting.

Dates are ISO 8601 strings of reduced precision (``2022-03-21T12:47:00+03:00``,
``2022-03``, ``--03-28`` when the year is unknown), because news gives dates of every
precision and a wrong year is worse than none; ``onrecord.dates`` reads and writes them.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

StatementKind = Literal["direct", "indirect", "mixed"]
SpeakerType = Literal["person", "organisation", "unknown"]

KINDS: tuple[StatementKind, ...] = ("direct", "indirect", "mixed")


def words_of(content: str, start: int, fragments: Sequence[Sequence[int]]) -> str:
    """The words of a content span ``content`` (starting at offset ``start``) that lie in
    ``fragments``, joined by " … "; the whole content when there are no fragments."""
    if not fragments:
        return content
    return " … ".join(content[a - start : b - start].strip() for a, b in fragments)


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of an article's text: ``text == article.text[start:end]``."""

    start: int
    end: int
    text: str

    def to_json(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}

    @classmethod
    def from_json(cls, data: dict[str, Any] | None) -> Span | None:
        if not data:
            return None
        return cls(int(data["start"]), int(data["end"]), str(data.get("text", "")))

    @classmethod
    def of(cls, text: str, start: int, end: int) -> Span:
        """Build a span from offsets, taking its text from the document."""
        return cls(start, end, text[start:end])


@dataclass(frozen=True, slots=True)
class Speaker:
    """Who made a statement, as resolved within one article.

    ``name`` is the fullest name the article gives ("Dmitry Peskov"), ``mention`` the words
    at this statement ("he"). ``role`` and ``affiliation`` are kept as the article words them
    ("presidential spokesman", "Kremlin"), because roles change over time and the record
    should show what each report said.
    """

    name: str | None
    type: SpeakerType = "unknown"
    mention: Span | None = None
    role: str | None = None
    affiliation: str | None = None

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "name": self.name,
            "type": self.type,
            "mention": self.mention.to_json() if self.mention else None,
        }
        if self.role:
            out["role"] = self.role
        if self.affiliation:
            out["affiliation"] = self.affiliation
        return out

    @classmethod
    def from_json(cls, data: dict[str, Any] | None) -> Speaker | None:
        if not data:
            return None
        return cls(
            name=data.get("name"),
            type=data.get("type") or "unknown",
            mention=Span.from_json(data.get("mention")),
            role=data.get("role"),
            affiliation=data.get("affiliation"),
        )


@dataclass(frozen=True, slots=True)
class Statement:
    """One thing said or written, with its speaker, as found in one article.

    ``fragments`` holds the pieces of a quote split by its attribution; it is empty when the
    content is one piece. ``when`` is the reduced-precision ISO date the statement was made
    (resolved from "on Monday" etc.), ``when_precision`` its precision.
    """

    kind: StatementKind
    content: Span
    speaker: Speaker | None = None
    cue: Span | None = None
    fragments: tuple[tuple[int, int], ...] = ()
    addressee: str | None = None
    occasion: str | None = None
    when: str | None = None
    when_precision: str | None = None
    confidence: float | None = None
    source: str | None = None  # which extractor found it: "quote", "reported", "headline", ...
    act: str | None = None  # "speech" (said/written) or "stance" (believes, wants, shows)

    @property
    def mention(self) -> Span | None:
        """The words that name the speaker at this statement, when the text has any."""
        return self.speaker.mention if self.speaker else None

    def pieces(self) -> tuple[tuple[int, int], ...]:
        """The content as (start, end) pieces: the fragments, or the content span alone."""
        return self.fragments or ((self.content.start, self.content.end),)

    def words(self) -> str:
        """What was said, fragments joined by " … " (`"A," he said, "B."` -> "A, … B.").

        Computed from ``content.text`` alone (fragments lie inside the content span), so it
        works on stored statements without the article text.
        """
        return words_of(self.content.text, self.content.start, self.fragments)

    def to_json(self) -> dict[str, Any]:
        """The statement in the interchange format (spec/statements.md), extra keys last."""
        out: dict[str, Any] = {
            "kind": self.kind,
            "content": self.content.to_json(),
            "fragments": [list(p) for p in self.pieces()],
            "speaker": self.speaker.to_json() if self.speaker else None,
            "cue": self.cue.to_json() if self.cue else None,
        }
        for key in (
            "addressee",
            "occasion",
            "when",
            "when_precision",
            "confidence",
            "source",
            "act",
        ):
            value = getattr(self, key)
            if value is not None:
                out[key] = value
        return out

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Statement:
        content = Span.from_json(data["content"])
        if content is None:
            raise ValueError("statement without content")
        frags = tuple((int(a), int(b)) for a, b in data.get("fragments") or ())
        if frags == ((content.start, content.end),):
            frags = ()
        return cls(
            kind=data["kind"],
            content=content,
            speaker=Speaker.from_json(data.get("speaker")),
            cue=Span.from_json(data.get("cue")),
            fragments=frags,
            addressee=data.get("addressee"),
            occasion=data.get("occasion"),
            when=data.get("when"),
            when_precision=data.get("when_precision"),
            confidence=data.get("confidence"),
            source=data.get("source"),
            act=data.get("act"),
        )


@dataclass(frozen=True, slots=True)
class Article:
    """One news article: its text and what is known about it.

    ``id`` is the caller's id when one was given (JSONL ``id``), else the content id.
    ``content_id`` is a hash of the normalised text and the outlet: the same article ingested
    twice has the same content id, an edited version a different one (see ``revision_key``),
    and wire copy that two outlets carry word for word two (each outlet's report counts).
    ``revision_key`` groups the revisions of one article (its url, or outlet + headline).
    """

    id: str
    text: str
    outlet: str | None = None
    published: str | None = None  # reduced-precision ISO 8601, see module docstring
    published_precision: str | None = None
    dateline: str | None = None
    headline: str | None = None
    subheadline: str | None = None
    byline: str | None = None
    url: str | None = None
    language: str | None = None
    source: str | None = None  # file path (and record/line) it was read from
    body_start: int = 0  # offset where the body begins (after headline/dateline lines)
    meta: dict[str, Any] = field(default_factory=dict)

    @property
    def content_id(self) -> str:
        return content_id(self.text, self.outlet)

    @property
    def revision_key(self) -> str | None:
        if self.url:
            return "url:" + self.url
        if self.outlet and self.headline:
            return f"hl:{self.outlet.lower()}|{' '.join(self.headline.lower().split())}"
        return None

    def to_json(self) -> dict[str, Any]:
        out = {k: v for k, v in asdict(self).items() if v not in (None, {}, "")}
        out["id"] = self.id
        out["text"] = self.text
        return out


def content_id(text: str, outlet: str | None = None) -> str:
    """A stable id for an article's content: whitespace-normalised text, SHA-256, 16 hex.

    The outlet, when known, is part of it (case and spacing aside): the same words published
    by two outlets are two reports, not a duplicate. Without an outlet the id is the text's
    alone, as it always was, so stores of outlet-less articles keep their ids.
    """
    norm = " ".join(text.split())
    if outlet and outlet.strip():
        norm = " ".join(outlet.casefold().split()) + "\n" + norm
    return hashlib.sha256(norm.encode("utf-8")).hexdigest()[:16]


def statements_to_json(doc_id: str, statements: list[Statement]) -> dict[str, Any]:
    """One output line of ``onrecord extract``: ``{"id": ..., "statements": [...]}``."""
    return {"id": doc_id, "statements": [s.to_json() for s in statements]}
