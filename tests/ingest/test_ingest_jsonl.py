"""Documents JSONL: the spec's format, line-level errors, gold files as input."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from onrecord.errors import InputError
from onrecord.ingest import Hints, parse_document, read_bytes, read_paths
from onrecord.model import Article

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


def test_sample_documents() -> None:
    first, second = read_paths([SAMPLES / "documents.jsonl"])
    assert isinstance(first, Article) and isinstance(second, Article)
    assert first.id == "sample/tirenna-daily-001"
    assert (first.outlet, first.published, first.published_precision) == (
        "Tirenna Daily",
        "2025-04-02",
        "day",
    )
    assert first.headline == "Drozd heads to Portvale with 'realistic' mandate"
    assert first.language == "en"
    assert second.published == "2025-04-04T12:00+02:00"
    assert second.dateline == "PORTVALE"
    assert second.meta == {"category": "world", "dateline_end": second.meta["dateline_end"]}
    assert second.text[second.meta["dateline_end"] :].startswith("Portvale's mayor Selin Arcan")
    assert second.source and second.source.endswith("documents.jsonl:2")


def test_invalid_line_names_file_and_line_and_the_rest_is_read(tmp_path: Path) -> None:
    path = tmp_path / "docs.jsonl"
    lines = [
        json.dumps({"id": "a", "text": "The mayor said the bridge would reopen."}),
        '{"id": "b", "text": "unterminated',
        "",
        json.dumps({"id": "c", "text": "The minister said nothing."}),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = list(read_paths([path]))
    assert [a.id for a in items if isinstance(a, Article)] == ["a", "c"]
    errors = [e for e in items if isinstance(e, InputError)]
    assert len(errors) == 1
    assert str(errors[0]).startswith(f"{path}:2: invalid JSON (")


def test_text_is_kept_exactly() -> None:
    text = "Headline\r\n\r\nMOSCOW, May 4. /TPA/.  Spaces  and\ttabs stay.\n"
    article = parse_document({"id": 7, "text": text}, "x.jsonl:1")
    assert article.text == text
    assert article.id == "7"
    assert article.outlet == "TPA"  # inferred from the dateline when the record has none


@pytest.mark.parametrize(
    ("obj", "message"),
    [
        ({"text": "x"}, "missing or invalid 'id'"),
        ({"id": True, "text": "x"}, "missing or invalid 'id'"),
        ({"id": "a"}, "missing or non-string 'text'"),
        ({"id": "a", "text": "  "}, "empty 'text'"),
        ({"id": "a", "text": "x", "published": "yesterday"}, "'published' is not an ISO date"),
        ({"id": "a", "text": "x", "published": "2022-02-30"}, "'published' is not an ISO date"),
    ],
)
def test_bad_records(obj: dict, message: str) -> None:
    with pytest.raises(InputError, match=message) as info:
        parse_document(obj, "docs.jsonl:3")
    assert str(info.value).startswith("docs.jsonl:3: ")


def test_fields_hints_and_meta() -> None:
    obj = {
        "id": "d1",
        "text": "The council said it would vote on Friday.",
        "published": "--03-28",
        "outlet": "Council Wire",
        "language": "en-US",
        "title": "Vote on Friday",
        "author": "Ana Ruiz",
        "quotes": [],
        "meta": {"file": "x.txt"},
    }
    article = parse_document(obj, "d.jsonl:1", Hints(year=2022))
    assert (article.published, article.published_precision) == ("2022-03-28", "day")
    assert (article.headline, article.byline, article.language) == (
        "Vote on Friday",
        "Ana Ruiz",
        "en",
    )
    assert article.meta == {"quotes": [], "file": "x.txt"}


def test_gold_file_reads_as_documents(shared, seed_gold) -> None:
    items = list(read_paths([shared.path("seeds/gold.jsonl")]))
    assert [a.id for a in items if isinstance(a, Article)] == [g["id"] for g in seed_gold]
    for article, gold in zip(items, seed_gold, strict=True):
        assert isinstance(article, Article)
        assert article.text == gold["text"]
        assert article.outlet == gold["meta"]["outlet"]


def test_other_line_problems(tmp_path: Path) -> None:
    data = b'\xef\xbb\xbf{"id": "a", "text": "ok"}\n[1, 2]\n{"id": "b", "text": "caf\xe9"}\n'
    first, second, third = read_bytes(data, "mixed.jsonl")
    assert isinstance(first, Article)  # a BOM on line 1 is allowed
    assert str(second) == "mixed.jsonl:2: expected a JSON object, got list"
    assert str(third).startswith("mixed.jsonl:3: not valid UTF-8")


def test_overlong_line_is_skipped_without_loading_it() -> None:
    long_line = json.dumps({"id": "big", "text": "x" * 5000})
    data = f'{long_line}\n{{"id": "small", "text": "fine"}}\n'.encode()
    error, article = read_bytes(data, "long.jsonl", max_bytes=1000)
    assert str(error) == "long.jsonl:1: line longer than 1,000 bytes, skipped"
    assert isinstance(article, Article) and article.id == "small"


def test_gzipped_jsonl_and_truncation() -> None:
    lines = "".join(
        json.dumps({"id": str(i), "text": f"Line {i} said."}) + "\n" for i in range(200)
    )
    packed = gzip.compress(lines.encode())
    assert len([a for a in read_bytes(packed, "docs.jsonl.gz") if isinstance(a, Article)]) == 200
    items = list(read_bytes(packed[: len(packed) // 2], "docs.jsonl.gz"))
    assert isinstance(items[-1], InputError)
    assert "truncated gzip" in str(items[-1]) and str(items[-1]).startswith("docs.jsonl.gz:")
    assert all(isinstance(a, Article) for a in items[:-1])


def test_a_lone_surrogate_is_that_lines_error(tmp_path: Path) -> None:
    """JSON may spell ``\\ud800``, but UTF-8 cannot hold it: the line is refused when read,
    naming the field and where, not when storing it fails and takes its batch along."""
    path = tmp_path / "docs.jsonl"
    lines = [
        '{"id": "a", "text": "Ek said \\ud800 that the port was safe."}',
        '{"id": "b", "text": "x", "meta": {"notes": ["ok", "\\udfff"]}}',
        '{"id": "c", "text": "The minister smiled \\ud83d\\ude00 and said nothing."}',  # a pair
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    first, second, third = read_paths([path])
    assert str(first) == (
        f"{path}:1: 'text' has a lone surrogate \\ud800 at character 8 (not valid Unicode)"
    )
    assert str(second) == (
        f"{path}:2: 'meta' has a lone surrogate \\udfff at character 0 (not valid Unicode)"
    )
    assert isinstance(third, Article) and "\U0001f600" in third.text


def test_json_nested_thousands_deep_is_that_lines_error(tmp_path: Path) -> None:
    path = tmp_path / "docs.jsonl"
    deep = '{"id": "d", "text": "x", "m": ' + "[" * 5000 + "]" * 5000 + "}"
    path.write_text(
        deep + "\n" + json.dumps({"id": "e", "text": "Holm said so."}) + "\n", encoding="utf-8"
    )
    error, article = read_paths([path])
    assert isinstance(error, InputError)
    assert str(error).startswith(f"{path}:1: JSON nested too deeply (over about ")
    assert isinstance(article, Article) and article.id == "e"
