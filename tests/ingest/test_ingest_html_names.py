"""Outlets, headlines and bylines as a reader names them (issue 12, item 2).

Each page below is invented (outlets, people and ``.example`` addresses do not exist) and
reproduces a shape real pages gave: a site name made from a Twitter handle ("Timesofisrael")
or the domain ("tribune242.com", "guardian.co.tt", "axios.com") while the page names
itself elsewhere; ``og:site_name`` with taglines ("The Tico Times | Costa Rica News |
Travel | Real Estate"); a placeholder title ("escenic"); titles ending in the site and a
date ("| DW | 19.01.2020") or the site ("- The Nassau Guardian"); bylines that name nobody
("No Author", "CBS News February", "Article by").
"""

from __future__ import annotations

import pytest

from onrecord.ingest import read_bytes
from onrecord.ingest.names import (
    clean_byline,
    clean_title,
    host_label,
    is_domain_name,
    is_placeholder_title,
    jsonld_facts,
    outlet_name,
    split_tagline,
)
from onrecord.model import Article

BODY = (
    "<p>The harbour authority said on Monday that ferry fares would rise by a tenth from "
    "March, the second increase in a year, citing fuel costs and the new quay.</p>"
    '<p>"We held the fares for as long as we could," the authority\'s director, Lena May, '
    "told reporters.</p>"
)


def page(head: str, url: str, top: str = "") -> bytes:
    return (
        f"<html><head><meta charset='utf-8'>{head}<link rel='canonical' href='{url}'></head>"
        f"<body><article>{top}{BODY}</article></body></html>"
    ).encode()


def read(html: bytes) -> Article:
    (article,) = read_bytes(html, "page.html")
    assert isinstance(article, Article), article
    return article


JSONLD_ARTICLE = (
    '<script type="application/ld+json">{"@context": "https://schema.org", '
    '"@type": "NewsArticle", "headline": "Ferry fares rise again", '
    '"publisher": {"@type": "Organization", "name": "The Harbor Herald"}}</script>'
)

#: (page, outlet, headline): the page's shape, and what a reader calls outlet and story.
PAGES = {
    "twitter handle, the name in the title (Timesofisrael)": (
        page(
            "<title>Ferry fares rise again | The Harbor Herald</title>"
            '<meta name="twitter:site" content="@harborherald">',
            "https://www.harborherald.example/ferry",
        ),
        "The Harbor Herald",
        "Ferry fares rise again",
    ),
    "twitter handle, JSON-LD publisher": (
        page(
            "<title>Ferry fares rise again</title>"
            f'<meta name="twitter:site" content="@harborherald">{JSONLD_ARTICLE}',
            "https://www.harborherald.example/ferry",
        ),
        "The Harbor Herald",
        "Ferry fares rise again",
    ),
    "domain in the title, JSON-LD web site (tribune242.com)": (
        page(
            "<title>Bridge reopens - kesseltribune242.example</title>"
            '<script type="application/ld+json">{"@type": "WebSite", '
            '"name": "The Kessel Tribune", "url": "https://kesseltribune242.example"}</script>',
            "https://kesseltribune242.example/bridge",
        ),
        "The Kessel Tribune",
        "Bridge reopens",
    ),
    "domain under a second-level label, the name in the title (guardian.co.tt)": (
        page("<title>Ferry fares rise - Calvera Courier</title>", "https://courier.co.example/f"),
        "Calvera Courier",
        "Ferry fares rise",
    ),
    "one-word name in the title (axios.com)": (
        page("<title>Port strike ends - Brisk</title>", "https://www.brisk.example/strike"),
        "Brisk",
        "Port strike ends",
    ),
    "og:site_name with taglines (The Tico Times | ...)": (
        page(
            "<title>Ferry fares rise</title><meta property='og:site_name' "
            "content='The Tirenna Times | Tirenna News | Travel | Real Estate'>",
            "https://tirennatimes.example/f",
        ),
        "The Tirenna Times",
        "Ferry fares rise",
    ),
    "placeholder title (escenic)": (
        page(
            "<title>escenic</title><meta property='og:title' content='escenic'>"
            "<meta property='og:site_name' content='Havik Post'>",
            "https://havikpost.example/cranes",
            top="<h1>Harbour cranes return</h1>",
        ),
        "Havik Post",
        "Harbour cranes return",
    ),
    "site and date after the title (| DW | 19.01.2020)": (
        page(
            "<title>Talks resume in Portvale | NW | 19.01.2020</title>"
            "<meta property='og:site_name' content='Nordwelle'>",
            "https://www.nw.example/talks",
        ),
        "Nordwelle",
        "Talks resume in Portvale",
    ),
    "site after the title (- The Nassau Guardian)": (
        page(
            "<title>Ferry fares rise - The Havik Guardian</title>"
            "<meta property='og:site_name' content='The Havik Guardian'>",
            "https://thehavikguardian.example/f",
        ),
        "The Havik Guardian",
        "Ferry fares rise",
    ),
    "a headline naming its speaker keeps the name": (
        page(
            "<title>Talks must go on — Kovalska</title><meta property='og:site_name' "
            "content='TPA'>",
            "https://tpa.example/t",
        ),
        "TPA",
        "Talks must go on — Kovalska",
    ),
    "the site's initials are its address": (
        page("<title>Ferry fares rise - Havik Daily</title>", "https://hd.example/f"),
        "Havik Daily",
        "Ferry fares rise",
    ),
    "a title's unknown tail after a hyphen is not taken for a speaker": (
        page("<title>Ferry fares rise - Kessel Wire</title>", "https://hd.example/f"),
        "hd.example",
        "Ferry fares rise",
    ),
    "a one-word name the page declares beats a dateline's outlet": (
        page(
            "<title>Port strike ends</title><meta property='og:site_name' content='Brisk'>",
            "https://brisk.example/strike",
            top="<p>HAVIK, April 1 (Meridian) - Dock workers ended their strike on Monday.</p>",
        ),
        "Brisk",
        "Port strike ends",
    ),
    "a page that names nothing keeps its domain": (
        page("<title>Mayor reopens bridge</title>", "https://www.citynews.example/bridge"),
        "citynews.example",
        "Mayor reopens bridge",
    ),
}


@pytest.mark.parametrize("shape", list(PAGES))
def test_outlet_and_headline(shape: str) -> None:
    html, outlet, headline = PAGES[shape]
    article = read(html)
    assert (article.outlet, article.headline) == (outlet, headline)
    assert article.text.startswith(headline + "\n")


COURIER = "<title>Ferry fares rise</title><meta property='og:site_name' content='Havik Courier'>"
URL = "https://havikcourier.example/f"

#: (page, byline): bylines as pages give them, and what names people.
BYLINES = {
    "No Author": (page(COURIER + "<meta name='author' content='No Author'>", URL), None),
    "outlet and month (CBS News February)": (
        page(COURIER + "<meta name='author' content='Havik Courier February'>", URL),
        None,
    ),
    "outlet and date run together": (
        page(COURIER, URL, top="<div class='author-name'>Havik Courier February 3, 2023</div>"),
        None,
    ),
    "label without a name (Article by)": (
        page(COURIER, URL, top="<p class='author'>Article by</p>"),
        None,
    ),
    "a name ending in a month keeps it": (
        page(COURIER + "<meta name='author' content='Lena May'>", URL),
        "Lena May",
    ),
}


@pytest.mark.parametrize("shape", list(BYLINES))
def test_byline(shape: str) -> None:
    html, byline = BYLINES[shape]
    assert read(html).byline == byline


def test_names_helpers() -> None:
    assert host_label("www.timesofisrael.example") == "timesofisrael"
    assert host_label("guardian.co.example") == "guardian"
    assert is_domain_name("Timesofisrael", "www.timesofisrael.example")
    assert is_domain_name("tribune242.example", None)
    assert not is_domain_name("Axios", "axios.example", strict=True)
    assert is_domain_name("axios", "axios.example", strict=True)
    assert not is_domain_name("The Times of Israel", "timesofisrael.example")
    assert split_tagline("The Tico Times | News | Travel") == "The Tico Times"
    assert split_tagline("Havik Evening Post - Latest news") == "Havik Evening Post"
    assert split_tagline("Tri-City Herald") == "Tri-City Herald"
    assert is_placeholder_title("escenic") and is_placeholder_title("  ")
    assert is_placeholder_title("The Havik Guardian", ["The Havik Guardian"])
    assert not is_placeholder_title("Guardian angels save a cat", [], "guardian.example")
    site = ["Nordwelle"]
    assert clean_title("Talks resume | NW | 19.01.2020", site, "nw.example") == "Talks resume"
    assert clean_title("Talks resume | January 19, 2020", site, None) == "Talks resume"
    # only what names the site goes: a section, a speaker or a phrase stays
    assert clean_title("Talks resume | Politics", site, "nw.example") == "Talks resume | Politics"
    assert clean_title("Storm hits - Guardian angels save cat", [], "guardian.example") == (
        "Storm hits - Guardian angels save cat"
    )
    assert clean_byline("By Ines Carvalho; No Author") == "Ines Carvalho"
    assert clean_byline("Jane Doe February 3, 2023") == "Jane Doe"
    assert clean_byline("Theresa May") == "Theresa May"
    assert clean_byline("CBS News February", ["CBS News"]) is None
    assert outlet_name(
        declared=[], titles=["A | The Times of Israel"], guessed=["Timesofisrael"],
        host="www.timesofisrael.example",
    ) == "The Times of Israel"  # fmt: skip
    facts = jsonld_facts(['{"@graph": [{"@type": "NewsMediaOrganization", "name": "Ledger"}]}',
                          "{not json", '[{"@type": "NewsArticle", "headline": "H"}]'])  # fmt: skip
    assert facts == {"publisher": ["Ledger"], "headline": ["H"]}
