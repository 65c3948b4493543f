"""The article count behind the ingest progress bar's total (onrecord.ingest.count).

Exact for text, HTML and JSON Lines, an estimate for feeds and WARC; an unreadable input
counts one, like the one error the readers yield for it; standard input is not counted.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from onrecord.ingest import read_paths
from onrecord.ingest.count import _FEED_ITEM, _count_matches, count_articles

FEED = (
    '<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>'
    + "".join(
        f"<item><title>Story {i}</title><description>Talks resumed, the minister said."
        "</description></item>"
        for i in range(4)
    )
    + "</channel></rss>"
)


def warc_record(n: int) -> bytes:
    body = f"<html><body><p>Story {n}: talks resumed, the minister said.</p></body></html>"
    http = f"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n{body}".encode()
    head = (
        "WARC/1.0\r\nWARC-Type: response\r\n"
        f"WARC-Target-URI: https://example.org/{n}\r\nContent-Length: {len(http)}\r\n\r\n"
    ).encode()
    return head + http + b"\r\n\r\n"


def test_counts_each_format(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Headline\nBody text.", encoding="utf-8")
    (tmp_path / "b.html").write_text("<html><body><p>Hi</p></body></html>", encoding="utf-8")
    lines = [json.dumps({"id": f"d{i}", "text": "Body."}) for i in range(5)]
    (tmp_path / "c.jsonl").write_text("\n".join(lines[:3]) + "\n\n", encoding="utf-8")
    with gzip.open(tmp_path / "d.jsonl.gz", "wt", encoding="utf-8") as fh:
        fh.write("\n".join(lines[3:]) + "\n")
    (tmp_path / "e.rss").write_text(FEED, encoding="utf-8")
    (tmp_path / "f.warc").write_bytes(b"".join(warc_record(i) for i in range(3)))
    (tmp_path / "notes.md").write_text("not an article", encoding="utf-8")  # skipped
    assert count_articles([tmp_path]) == 1 + 1 + 3 + 2 + 4 + 3
    # text, HTML and JSONL counts are what the readers yield
    exact = [tmp_path / n for n in ("a.txt", "b.html", "c.jsonl", "d.jsonl.gz")]
    assert count_articles(exact) == sum(1 for _ in read_paths(exact)) == 7


def test_unreadable_inputs_count_one_and_stdin_is_not_counted(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    assert count_articles([tmp_path / "missing.txt", tmp_path / "empty.txt"]) == 2
    assert count_articles(["-", tmp_path / "empty.txt"]) is None


def test_matches_across_chunk_boundaries() -> None:
    import io

    data = b"x" * ((1 << 20) - 3) + b"<item>" + b"<entry>" * 2
    assert _count_matches(io.BytesIO(data), _FEED_ITEM, None) == 3
