"""RSS and Atom feeds: entries, times with zone, broken XML."""

from __future__ import annotations

from pathlib import Path

from onrecord.errors import InputError
from onrecord.ingest import Hints, read_bytes, read_paths
from onrecord.model import Article

SAMPLES = Path(__file__).resolve().parents[2] / "samples"

ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">
  <title>Lakeside Bulletin</title>
  <entry>
    <title>Ferry service to resume</title>
    <link href="https://bulletin.lakeside.example/ferry"/>
    <id>tag:bulletin.lakeside.example,2025:ferry</id>
    <updated>2025-05-02T09:00:00-04:00</updated>
    <published>2025-05-01T17:45:00-04:00</published>
    <author><name>Rosa Lindqvist</name></author>
    <content type="html">&lt;p&gt;The ferry company said on Thursday that service
      would resume next week.&lt;/p&gt;</content>
  </entry>
</feed>
"""


def test_sample_rss_entries() -> None:
    items = list(read_paths([SAMPLES / "havik_evening_post.rss"]))
    assert all(isinstance(a, Article) for a in items)
    assert len(items) == 3
    first, _, third = items
    assert isinstance(first, Article) and isinstance(third, Article)
    assert first.outlet == "Havik Evening Post"
    assert first.headline == 'Brandt: no deal "at any price" with Valdoria'
    assert (first.published, first.published_precision) == ("2025-04-02T19:40+02:00", "datetime")
    assert first.url == "https://eveningpost.havik.example/politics/brandt-no-deal-at-any-price"
    assert first.byline == "Anneke Smit"
    assert first.language == "en"
    assert first.source and first.source.endswith("havik_evening_post.rss:entry 1")
    # the HTML summary became text, one paragraph a line, after the headline line
    body = first.text[first.body_start :]
    assert body.startswith("Prime Minister Lena Brandt said on Wednesday")
    assert "<p>" not in first.text and '"Our delegation has a clear mandate.' in body
    assert third.dateline == "PORTVALE"
    assert third.text[third.body_start :].startswith("PORTVALE, April 4 (Havik Evening Post) - ")
    assert third.text[third.meta["dateline_end"] :].startswith("The fifth round of talks")


def test_atom_entry_keeps_zone_and_prefers_published() -> None:
    (entry,) = read_bytes(ATOM, "lakeside.atom")
    assert isinstance(entry, Article)
    assert entry.published == "2025-05-01T17:45-04:00"
    assert (entry.outlet, entry.byline, entry.language) == (
        "Lakeside Bulletin",
        "Rosa Lindqvist",
        "en",
    )
    body = "The ferry company said on Thursday that service would resume next week."
    assert entry.text == "Ferry service to resume\n" + body


def test_feed_outlet_hint_wins() -> None:
    (entry,) = read_bytes(ATOM, "lakeside.atom", Hints(outlet="LB"))
    assert isinstance(entry, Article) and entry.outlet == "LB"


def test_malformed_feed_without_entries_is_one_error() -> None:
    (error,) = read_bytes(
        b'<?xml version="1.0"?><rss version="2.0"><channel><title>X</ti', "bad.rss"
    )
    assert isinstance(error, InputError)
    assert str(error).startswith("bad.rss: malformed feed XML (")


def test_feed_broken_after_entries_yields_them_then_the_error() -> None:
    data = (
        b'<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>'
        b"<item><title>Mayor speaks</title><description>The mayor said yes.</description></item>"
        b"<item><title>Second</title><description>cut off here"
    )
    items = list(read_bytes(data, "cut.rss"))
    assert isinstance(items[0], Article) and items[0].headline == "Mayor speaks"
    assert isinstance(items[-1], InputError)
    assert str(items[-1]).startswith("cut.rss: malformed feed XML after entry")


def test_xml_that_is_not_a_feed() -> None:
    (error,) = read_bytes(b'<?xml version="1.0"?><note><to>A</to></note>', "note.xml")
    assert isinstance(error, InputError)
    assert str(error) == "note.xml: no feed entries found"


def test_feed_in_windows_1251() -> None:
    title = "Лента новостей"
    data = (
        '<?xml version="1.0" encoding="windows-1251"?><rss version="2.0"><channel>'
        f"<title>{title}</title><item><title>Переговоры</title>"
        "<description>Песков заявил, что переговоры продолжатся в четверг.</description>"
        "</item></channel></rss>"
    ).encode("cp1251")
    (entry,) = read_bytes(data, "ru.rss")
    assert isinstance(entry, Article)
    assert entry.outlet == title
    assert entry.text == "Переговоры\nПесков заявил, что переговоры продолжатся в четверг."


def test_plain_text_title_keeps_angle_brackets() -> None:
    data = (
        b'<?xml version="1.0"?><rss version="2.0"><channel><title>Rates &amp; Co</title>'
        b"<item><title>Inflation &lt; 2% for first time, bank says</title>"
        b"<description>The central bank said inflation fell.</description></item></channel></rss>"
    )
    (entry,) = read_bytes(data, "rates.rss")
    assert isinstance(entry, Article)
    assert entry.headline == "Inflation < 2% for first time, bank says"
    assert entry.outlet == "Rates & Co"


def test_character_references_to_no_character_do_not_stop_the_run() -> None:
    """feedparser raised on ``&#xD800;``, ``&#x110000;`` and ``&#99999999999;`` (out of the
    reader, ending the whole ingest); they read as U+FFFD, as an HTML parser reads them."""
    refs = ["&#xD800;", "&#55296;", "&#x110000;", "&#99999999999;", "&#" + "9" * 5000 + ";"]
    for ref in refs:
        rss = (
            '<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><item>'
            f"<title>Bridge {ref} opens</title><description>The mayor said {ref} it would."
            "</description></item></channel></rss>"
        ).encode()
        (article,) = read_bytes(rss, "odd.rss")
        assert isinstance(article, Article), (ref, article)
        assert article.text == "Bridge \ufffd opens\nThe mayor said \ufffd it would."
    (article,) = read_bytes(rss.replace(ref.encode(), b"&#233;"), "fine.rss")
    assert isinstance(article, Article) and article.text.startswith("Bridge \xe9 opens")
