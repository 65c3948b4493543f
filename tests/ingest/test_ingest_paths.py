"""read_paths/read_bytes: directories, stdin, sniffing, size limits and file-level errors."""

from __future__ import annotations

import gzip
import io
import json
import os
import time
import tracemalloc
from pathlib import Path

import pytest

from onrecord.errors import InputError
from onrecord.ingest import DEFAULT_MAX_BYTES, Hints, read_bytes, read_paths
from onrecord.ingest.detect import is_binary, sniff
from onrecord.model import Article

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
STORY = "Bridge reopens\nHAVIK, May 2 (Meridian) - The mayor said the bridge had reopened.\n"


def test_whole_sample_folder() -> None:
    items = list(read_paths([SAMPLES]))
    errors = [i for i in items if isinstance(i, InputError)]
    assert errors == []
    sources = [a.source for a in items if isinstance(a, Article)]
    # 4 wire stories + 1 page + 3 feed entries + 2 documents + 2 crawled pages, and in ru/
    # 5 Russian wire stories + 1 English; README, make_warc.py, ru/make_gold.py and the gold
    # file ru/gold.json are not articles
    assert len(sources) == 18
    assert not any(s and s.endswith((".md", ".py", ".json")) for s in sources)
    assert len({a.id for a in items if isinstance(a, Article)}) == 18


def test_directory_recursion_is_sorted_and_skips_hidden(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / ".git").mkdir()
    (tmp_path / "b" / "2.txt").write_text(STORY.replace("bridge", "road"), encoding="utf-8")
    (tmp_path / "a.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / ".git" / "x.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "notes.md").write_text("not an article", encoding="utf-8")
    sources = [a.source for a in read_paths([tmp_path])]
    assert sources == [str(tmp_path / "a.txt"), str(tmp_path / "b" / "2.txt")]


def test_missing_path_is_an_error_and_the_rest_still_read(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(STORY, encoding="utf-8")
    error, article = read_paths([tmp_path / "nope.txt", good])
    assert str(error) == f"{tmp_path / 'nope.txt'}: no such file or directory"
    assert isinstance(article, Article)


@pytest.mark.parametrize(
    ("data", "fmt"),
    [
        (STORY.encode(), "text"),
        ((SAMPLES / "havik_evening_post.rss").read_bytes(), "feed"),
        ((SAMPLES / "portvale_ledger_talks_open.html").read_bytes(), "html"),
        ((SAMPLES / "documents.jsonl").read_bytes(), "jsonl"),
        ((SAMPLES / "crawl.warc.gz").read_bytes(), "warc"),
    ],
)
def test_stdin_sniffs_the_format(data: bytes, fmt: str) -> None:
    class Pipe(io.RawIOBase):  # a stream that cannot seek, like a real pipe
        def __init__(self) -> None:
            self.buffer = io.BytesIO(data)

        def readable(self) -> bool:
            return True

        def readinto(self, b: bytearray) -> int:  # type: ignore[override]
            chunk = self.buffer.read(len(b))
            b[: len(chunk)] = chunk
            return len(chunk)

    from_pipe = list(read_paths(["-"], stdin=io.BufferedReader(Pipe(), 64)))  # type: ignore[arg-type]
    in_memory = list(read_bytes(data, "<stdin>", fmt=fmt))
    assert from_pipe and all(isinstance(a, Article) for a in from_pipe)
    assert [a.text for a in from_pipe] == [a.text for a in in_memory]  # type: ignore[union-attr]
    assert from_pipe[0].source.startswith("<stdin>")  # type: ignore[union-attr]


def test_sniffing() -> None:
    assert sniff(b"WARC/1.0\r\n", "x.bin") == "warc"
    assert sniff(b'<?xml version="1.0"?>\n<rss version="2.0">', "feed.html") == "feed"
    assert sniff(b"<!DOCTYPE html><html>", "page") == "html"
    assert sniff(b'{"id": "1", "text": "x"}\n', "docs") == "jsonl"
    assert sniff(b"MOSCOW, March 1. /TASS/. Text", "story") == "text"
    assert sniff(b"<p>fragment</p>", "story.txt") == "text"  # the name decides the rest
    assert is_binary(b"ab\x00cd") and not is_binary(b"\xff\xfea\x00b\x00")


def test_gzipped_text_file(tmp_path: Path) -> None:
    path = tmp_path / "story.txt.gz"
    path.write_bytes(gzip.compress(STORY.encode()))
    (article,) = read_paths([path])
    assert isinstance(article, Article) and article.text == STORY
    path.write_bytes(gzip.compress(STORY.encode())[:-12])
    (error,) = read_paths([path])
    assert str(error).startswith(f"{path}: truncated gzip data")


def test_50mb_file_is_refused_quickly_without_reading_it(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as fh:
        block = (STORY * 1000).encode()
        while fh.tell() < 50_000_000:
            fh.write(block)
        fh.truncate(50_000_000)
    tracemalloc.start()
    started = time.perf_counter()
    items = list(read_paths([path, SAMPLES / "gns_kessel_farmers.txt"]))
    elapsed = time.perf_counter() - started
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    error, article = items
    assert isinstance(error, InputError) and isinstance(article, Article)
    assert (
        str(error) == f"{path}: file too large (50.0 MB; the limit for one text document is 20 MB)"
    )
    assert elapsed < 2.0
    assert peak < 5_000_000


def test_50mb_on_stdin_reads_at_most_the_limit() -> None:
    class Endless(io.RawIOBase):
        def __init__(self) -> None:
            self.served = 0

        def readable(self) -> bool:
            return True

        def readinto(self, b: bytearray) -> int:  # type: ignore[override]
            if self.served >= 50_000_000:
                return 0
            b[:] = b"a" * len(b)
            self.served += len(b)
            return len(b)

    source = Endless()
    (error,) = read_paths(["-"], stdin=io.BufferedReader(source), max_bytes=1_000_000)  # type: ignore[arg-type]
    assert (
        str(error) == "<stdin>: file too large (over 1 MB; the limit for one text document is 1 MB)"
    )
    assert source.served < 2_000_000


def test_50mb_jsonl_streams(tmp_path: Path) -> None:
    path = tmp_path / "big.jsonl"
    line = json.dumps({"id": "x", "text": "The minister said it. " * 200}) + "\n"
    with path.open("w", encoding="utf-8") as fh:
        fh.write(line * (50_000_000 // len(line) + 1))
    tracemalloc.start()
    items = read_paths([path])
    first = [next(items) for _ in range(200)]
    items.close()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert all(isinstance(a, Article) for a in first)
    assert peak < 10_000_000  # streamed: nowhere near the 50 MB file


def test_limit_is_settable() -> None:
    (error,) = read_bytes(STORY.encode(), "s.txt", max_bytes=10)
    assert "file too large" in str(error)
    assert DEFAULT_MAX_BYTES == 20_000_000


def test_bad_format_and_hint_arguments() -> None:
    with pytest.raises(ValueError, match="unknown format"):
        list(read_bytes(b"x", "x", fmt="pdf"))
    from onrecord.errors import UsageError

    with pytest.raises(UsageError, match=r"^published"):
        Hints(published="last week")


def test_directory_link_cycle_is_not_followed(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "loop").symlink_to(tmp_path, target_is_directory=True)
    assert [a.source for a in read_paths([tmp_path])] == [str(tmp_path / "a.txt")]


def test_a_name_that_is_not_utf8_is_read_and_shown_escaped(tmp_path: Path) -> None:
    """Its bytes are lone surrogates in Python: the source (stored, printed) shows them as
    ``\\xNN``, as ``ls -b`` does, and the file is still read by its real name."""
    try:
        with open(os.path.join(os.fsencode(tmp_path), b"b\xff.txt"), "wb") as fh:
            fh.write(STORY.encode())
    except OSError:
        pytest.skip("file system refuses names that are not UTF-8")
    (article,) = read_paths([tmp_path])
    assert isinstance(article, Article)
    assert article.source == f"{tmp_path}/b\\xff.txt"
    article.source.encode("utf-8")  # storable


def test_control_characters_in_names_are_escaped(tmp_path: Path) -> None:
    (tmp_path / "a\nb\x1b.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "c\t.txt").write_bytes(b"")
    article, error = read_paths([tmp_path])
    assert isinstance(article, Article) and article.source == f"{tmp_path}/a\\nb\\x1b.txt"
    assert str(error) == f"{tmp_path}/c\\t.txt: empty file"
    (missing,) = read_paths([tmp_path / "gone\r.txt"])
    assert str(missing) == f"{tmp_path}/gone\\r.txt: no such file or directory"
