"""HTML pages: trafilatura text, page metadata, broken markup and lying charsets."""

from __future__ import annotations

from pathlib import Path

from onrecord.errors import InputError
from onrecord.ingest import Hints, read_bytes, read_paths
from onrecord.ingest.html import declared_charset, fragment_text
from onrecord.model import Article

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
RUSSIAN = (
    "Песков заявил журналистам, что переговоры продолжатся. «Мы готовы к диалогу», — сказал он."
)


def only(items: object) -> Article | InputError:
    found = list(items)  # type: ignore[call-overload]
    assert len(found) == 1, found
    return found[0]


def page(charset: str, body: str, title: str = "Заголовок") -> str:
    return (
        f'<html><head><meta charset="{charset}"><title>{title}</title></head>'
        f"<body><article><p>{body}</p></article></body></html>"
    )


def test_sample_page_metadata() -> None:
    article = only(read_paths([SAMPLES / "portvale_ledger_talks_open.html"]))
    assert isinstance(article, Article)
    assert article.headline == "Talks open in Portvale as both sides signal caution"
    assert article.outlet == "The Portvale Ledger"
    assert (article.published, article.published_precision) == (
        "2025-04-03T18:30+02:00",
        "datetime",
    )
    assert article.url == "https://ledger.portvale.example/2025/04/03/talks-open-in-portvale"
    assert article.byline == "Ines Carvalho"
    assert article.language == "en"  # from <html lang="en-GB">
    assert article.dateline == "PORTVALE"
    # headline line first, then the body; navigation and footer are gone
    assert article.text.startswith(article.headline + "\nPORTVALE, April 3 (Portvale Ledger) - ")
    assert article.text[article.body_start :].startswith("PORTVALE")
    assert article.text[article.meta["dateline_end"] :].startswith("Delegations from Valdoria")
    assert "Privacy" not in article.text and "Sport" not in article.text
    assert '"We came here to work, not to make speeches," Valdoria' in article.text


def test_outlet_falls_back_to_hostname_and_hints_win() -> None:
    html = (
        b"<html><head><title>Mayor reopens bridge</title>"
        b'<link rel="canonical" href="https://www.citynews.example/bridge"></head><body>'
        b"<p>The mayor reopened the old bridge on Sunday and said repairs had cost less than "
        b"planned, according to a statement from the city hall.</p></body></html>"
    )
    article = only(read_bytes(html, "bridge.html"))
    assert isinstance(article, Article)
    assert article.outlet == "citynews.example"
    assert article.url == "https://www.citynews.example/bridge"
    hinted = only(read_bytes(html, "bridge.html", Hints(outlet="City News", year=2024)))
    assert isinstance(hinted, Article)
    assert (hinted.outlet, hinted.published) == ("City News", "2024")


def test_malformed_html_does_not_crash() -> None:
    html = b"<html><body><p>Unclosed <b>bold <div>The minister said talks would go on.</p></span>"
    article = only(read_bytes(html, "broken.html"))
    assert isinstance(article, Article)
    assert "The minister said talks would go on." in article.text


def test_html_without_text_is_an_error() -> None:
    html = b"<html><head><title></title></head><body><script>track()</script></body></html>"
    error = only(read_bytes(html, "blank.html"))
    assert isinstance(error, InputError)
    assert str(error) == "blank.html: no article text found in the HTML"


def test_declared_1251_but_bytes_are_utf8() -> None:
    article = only(read_bytes(page("windows-1251", RUSSIAN).encode("utf-8"), "lying.html"))
    assert isinstance(article, Article)
    assert RUSSIAN in article.text
    assert "declared windows-1251" in article.meta["encoding_note"]


def test_declared_utf8_but_bytes_are_1251() -> None:
    article = only(read_bytes(page("utf-8", RUSSIAN).encode("cp1251"), "lying.html"))
    assert isinstance(article, Article)
    assert RUSSIAN in article.text
    assert article.meta["encoding"] == "cp1251"


def test_declared_latin1_but_bytes_are_1251() -> None:
    """Latin-1 decodes any bytes; the reader must still not store accented gibberish."""
    article = only(read_bytes(page("iso-8859-1", RUSSIAN).encode("cp1251"), "lying.html"))
    assert isinstance(article, Article)
    assert RUSSIAN in article.text


def test_honest_latin1_declaration_is_kept() -> None:
    french = "Le porte-parole a déclaré que les négociations reprendraient jeudi, a-t-il dit."
    article = only(
        read_bytes(page("iso-8859-1", french, "Négociations").encode("latin-1"), "fr.html")
    )
    assert isinstance(article, Article)
    assert french in article.text


def test_helpers() -> None:
    assert declared_charset(
        b'<meta http-equiv="Content-Type" content="text/html; charset=KOI8-R">'
    ) == ("KOI8-R")
    assert declared_charset(b"<html><body>none</body></html>") is None
    assert fragment_text("<p>One &amp; two</p><p>Three<br>four</p>") == "One & two\nThree\nfour"
    assert fragment_text("plain   text") == "plain text"


def test_html_nested_past_the_parsers_limit_says_so() -> None:
    """libxml2 drops elements deeper than its limit (256) without raising; a page whose text
    lies only down there is 'too deeply nested', not 'no article text found'."""
    story = "<p>The mayor said on Monday that the bridge would reopen next week.</p>"
    deep = "<html><body>" + "<div>" * 5000 + story + "</div>" * 5000 + "</body></html>"
    error = only(read_bytes(deep.encode(), "deep.html"))
    assert isinstance(error, InputError)
    assert str(error) == (
        "deep.html: HTML nested too deeply (the parser reads at most 256 levels); "
        "no article text found above that depth"
    )
    empty = only(read_bytes(b"<html><body><div></div></body></html>", "empty.html"))
    assert str(empty) == "empty.html: no article text found in the HTML"
    shallow = "<html><body>" + "<div>" * 100 + story + "</div>" * 100 + "</body></html>"
    article = only(read_bytes(shallow.encode(), "shallow.html"))
    assert isinstance(article, Article) and "bridge would reopen" in article.text
