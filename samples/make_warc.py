"""Write samples/crawl.warc.gz: a small invented crawl for the WARC reader.

Run from the repository root: ``.venv/bin/python samples/make_warc.py``. The archive is
committed, so this script only documents how it was made (and remakes it after an edit).
It holds two HTML article responses (one with a publication time in its meta tags, one
without, so the reader falls back to the WARC-Date), a stylesheet and a 404 page that the
reader must skip, and the request records a crawler writes. Record ids and dates are fixed
so the output is the same on every run.
"""

from __future__ import annotations

import io
import uuid
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

OUT = Path(__file__).with_name("crawl.warc.gz")

NORDFAX_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Drozd: sides agree on most of joint declaration - Nordfax English</title>
<meta property="og:site_name" content="Nordfax">
<meta property="article:published_time" content="2025-04-04T16:20:00+03:00">
</head><body>
<div class="menu"><a href="/">Main</a> <a href="/politics">Politics</a>
<a href="/economy">Economy</a></div>
<article>
<h1>Drozd: sides agree on most of joint declaration</h1>
<p>PORTVALE. April 4 (Nordfax) - Valdoria and Esterland have agreed on most of the text of a
joint declaration, but the question of border checkpoints remains open, Valdorian Deputy Foreign
Minister Pavel Drozd said on Friday.</p>
<p>"There is agreement on about four fifths of the text. The rest is the hardest part," Drozd told
Nordfax after the second day of talks in Portvale.</p>
<p>He said that the Valdorian side had answered the Esterlandic proposal on a timetable "in
writing and in detail."</p>
<p>Presidential spokeswoman Irina Kovalska said earlier on Friday that President Anton Veres had
been briefed on the progress by telephone.</p>
</article>
<div class="footer">Nordfax news agency. Reproduction requires a link to the source.</div>
</body></html>
"""

HERALD_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Kessel crossing could reopen by summer, governor says</title>
</head><body>
<article>
<h1>Kessel crossing could reopen by summer, governor says</h1>
<p>The governor of the Kessel district, Hanna Ruis, said on Saturday that the border crossing
closed since October could reopen "by the summer" if the Portvale talks produced a timetable.</p>
<p>"I have told the ministers that every month counts for the farmers," Ruis said at a meeting
with the farmers' union in Kessel.</p>
<p>Union leader Pieter Maas welcomed the statement but said farmers needed "dates, not
seasons."</p>
</article>
</body></html>
"""


def _record(
    writer: WARCWriter, n: int, uri: str, status: str, ctype: str, body: bytes, date: str
) -> None:
    ids = {"WARC-Date": date}
    request = writer.create_warc_record(
        uri,
        "request",
        payload=io.BytesIO(f"GET {uri} HTTP/1.1\r\n\r\n".encode()),
        warc_headers_dict={**ids, "WARC-Record-ID": f"<urn:uuid:{uuid.UUID(int=2 * n)}>"},
    )
    http = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
    response = writer.create_warc_record(
        uri,
        "response",
        payload=io.BytesIO(body),
        http_headers=http,
        warc_headers_dict={**ids, "WARC-Record-ID": f"<urn:uuid:{uuid.UUID(int=2 * n + 1)}>"},
    )
    writer.write_record(request)
    writer.write_record(response)


def main() -> None:
    with OUT.open("wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        pages = [
            (
                "https://en.nordfax.example/politics/drozd-declaration",
                "200 OK",
                "text/html; charset=utf-8",
                NORDFAX_PAGE.encode(),
                "2025-04-04T15:02:11Z",
            ),
            (
                "https://en.nordfax.example/static/site.css",
                "200 OK",
                "text/css",
                b"body { font-family: serif; }\n",
                "2025-04-04T15:02:12Z",
            ),
            (
                "https://kesselherald.example/news/crossing-summer",
                "200 OK",
                "text/html; charset=utf-8",
                HERALD_PAGE.encode(),
                "2025-04-05T09:30:00Z",
            ),
            (
                "https://kesselherald.example/news/missing",
                "404 Not Found",
                "text/html; charset=utf-8",
                b"<html><body><p>Not found</p></body></html>",
                "2025-04-05T09:30:05Z",
            ),
        ]
        for n, page in enumerate(pages, start=1):
            _record(writer, n, *page)
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
