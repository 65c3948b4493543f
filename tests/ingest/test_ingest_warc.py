"""WARC and WARC.gz: HTML responses through the HTML reader, damage reported by record."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from onrecord.errors import InputError
from onrecord.ingest import read_bytes, read_paths
from onrecord.model import Article

CRAWL = Path(__file__).resolve().parents[2] / "samples" / "crawl.warc.gz"


def test_sample_crawl() -> None:
    nordfax, herald = read_paths([CRAWL])  # the stylesheet and the 404 page are skipped
    assert isinstance(nordfax, Article) and isinstance(herald, Article)
    assert nordfax.url == "https://en.nordfax.example/politics/drozd-declaration"
    assert (nordfax.outlet, nordfax.published) == ("Nordfax", "2025-04-04T16:20+03:00")
    assert nordfax.headline == "Drozd: sides agree on most of joint declaration"
    assert nordfax.dateline == "PORTVALE"
    assert nordfax.source == f"{CRAWL}:record 2"
    # no date in the page: the crawl time stands in, and says so
    assert herald.published == "2025-04-05T09:30Z"
    assert herald.meta["published_from"] == "crawl time"
    assert herald.outlet == "kesselherald.example"


def test_uncompressed_warc_reads_the_same() -> None:
    plain = gzip.decompress(CRAWL.read_bytes())
    texts = [a.text for a in read_bytes(plain, "crawl.warc") if isinstance(a, Article)]
    assert texts == [a.text for a in read_paths([CRAWL]) if isinstance(a, Article)]


@pytest.mark.parametrize("keep", [0.97, 0.66, 0.33, 0.01])
@pytest.mark.parametrize("compressed", [True, False])
def test_truncated_warc_yields_good_records_then_one_error(keep: float, compressed: bool) -> None:
    data = CRAWL.read_bytes() if compressed else gzip.decompress(CRAWL.read_bytes())
    name = "cut.warc.gz" if compressed else "cut.warc"
    items = list(read_bytes(data[: int(len(data) * keep)], name))
    assert items, "a truncated archive must not pass silently"
    *good, last = items
    assert all(isinstance(a, Article) for a in good)
    assert isinstance(last, InputError)
    assert str(last).startswith(f"{name}:record ")
    assert "truncated" in str(last) or "corrupt" in str(last) or "not a WARC" in str(last)


def test_truncated_gzip_file_on_disk(tmp_path: Path) -> None:
    data = CRAWL.read_bytes()
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(data[: len(data) - 40])
    items = list(read_paths([path]))
    assert len(items) == 3
    assert isinstance(items[0], Article) and isinstance(items[1], Article)
    assert isinstance(items[2], InputError)
    assert (
        str(items[2]) == f"{path}:record 8: truncated record (it ends before its declared length)"
    )


def test_not_a_warc() -> None:
    (error,) = read_bytes(b"WARC/1.0\r\nthis is not a header\r\n\r\n", "junk.warc")
    assert isinstance(error, InputError)
    assert str(error) == "junk.warc:record 1: not a WARC record (corrupt or not a WARC file)"


def test_wrong_content_length_is_reported_not_printed(capsys: pytest.CaptureFixture[str]) -> None:
    plain = gzip.decompress(CRAWL.read_bytes())
    damaged = plain.replace(b"Content-Length: 1283\r\n", b"Content-Length: 1200\r\n", 1)
    assert damaged != plain
    items = list(read_bytes(damaged, "bad.warc"))
    assert isinstance(items[-1], InputError)
    assert str(items[-1]) == (
        "bad.warc:record 2: corrupt record (its declared length does not match its content)"
    )
    assert capsys.readouterr().err == ""  # warcio's own warning is not leaked to the terminal
