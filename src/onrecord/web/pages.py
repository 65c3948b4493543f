"""The web UI's pages: server-rendered Jinja2 (autoescaped) plus small scripts in static/.

Pages reuse the API's queries and JSON shapes (``queries``, ``convert``), so what a page shows
is what the API returns. Quote cards on the search and speaker pages are drawn by static
JavaScript from the JSON API; the article and compare pages are rendered here.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse

from onrecord.bounds import MAX_COUNT, MAX_TEXT
from onrecord.model import KINDS
from onrecord.resolve.links import word_diff
from onrecord.store.db import StoredStatement
from onrecord.web import convert, queries
from onrecord.web.api import PageDep, speaker_profile
from onrecord.web.deps import StoreDep
from onrecord.web.highlight import Mark, segments
from onrecord.web.paging import MAX_LIMIT

router = APIRouter(include_in_schema=False)


def render(
    request: Request, template: str, *, status_code: int = 200, **context: Any
) -> HTMLResponse:
    """A page from ``templates/`` with what every page needs (read-only badge, request);
    ``status_code`` for a page that answers a reader's mistake (400) in place."""
    templates = request.app.state.templates
    return templates.TemplateResponse(
        request,
        template,
        {"read_only": not request.app.state.token, **context},
        status_code=status_code,
    )


@router.get("/", response_class=HTMLResponse)
def search_page(request: Request, store: StoreDep) -> HTMLResponse:
    return render(
        request,
        "search.html",
        params=dict(request.query_params),
        # Sorted by name, as a reader looks one up (the API lists the most articles first).
        outlets=sorted((o for o, _ in store.outlets()), key=str.casefold),
        languages=[(code, LANGUAGE_NAMES.get(code, code)) for code, _ in store.languages()],
        kinds=KINDS,
        sorts=queries.SORTS,
    )


#: How the language filter names the codes the readers store (others show as the code).
LANGUAGE_NAMES = {"en": "English", "ru": "Russian", "uk": "Ukrainian"}


@router.get("/docs", response_class=HTMLResponse)
def docs_page(request: Request) -> HTMLResponse:
    return render(
        request,
        "docs.html",
        max_limit=MAX_LIMIT,
        max_count=MAX_COUNT,
        max_text=MAX_TEXT,
        count_cap=queries.COUNT_CAP,
        rank_window=queries.RANK_WINDOW,
    )


@router.get("/speakers", response_class=HTMLResponse)
def speakers_page(request: Request, store: StoreDep, page: PageDep) -> HTMLResponse:
    rows = store.speakers()
    shown = [convert.speaker_json(r) for r in rows[page.offset : page.offset + page.limit]]
    return render(request, "speakers.html", speakers=shown, page=_page(page, len(rows)))


@router.get("/speakers/{ref:path}", response_class=HTMLResponse)
def speaker_page(ref: str, request: Request, store: StoreDep) -> HTMLResponse:
    profile = speaker_profile(store, ref)
    speaker = queries.speaker_json(profile)
    return render(request, "speaker.html", speaker=speaker, days=queries.speaker_days(profile))


@router.get("/articles", response_class=HTMLResponse)
def articles_page(request: Request, store: StoreDep, page: PageDep) -> HTMLResponse:
    total = store.count_articles()
    rows = store.articles(limit=page.limit, offset=page.offset)
    shown = [convert.article_json(r) for r in rows]
    return render(request, "articles.html", articles=shown, page=_page(page, total))


@router.get("/articles/{article_id:path}", response_class=HTMLResponse)
def article_page(article_id: str, request: Request, store: StoreDep) -> HTMLResponse:
    row = store.article(article_id)
    if row is None or row.text is None:
        raise HTTPException(404, f"article {article_id!r} not found")
    stmts = store.article_statements(row.id)
    article = convert.article_json(row, stmts)
    return render(
        request,
        "article.html",
        article=article,
        segments=segments(row.text, _marks(stmts)),
        titles={s.position: _title(s) for s in stmts},
        speaker_links={s["position"]: s["links"]["speaker"] for s in article["statements"]},
    )


@router.get("/compare/{key:path}", response_class=HTMLResponse)
def compare_page(key: str, request: Request, store: StoreDep) -> HTMLResponse:
    row = queries.statement_by_key(store, key)
    if row is None:
        raise HTTPException(404, f"statement {key!r} not found")
    versions = queries.versions(store, row)
    first = versions[0].statement.words()
    shown = [
        {"statement": convert.statement_json(v), "diff": word_diff(first, v.statement.words())}
        for v in versions
    ]
    lead = shown[0]["statement"]
    return render(
        request,
        "compare.html",
        versions=shown,
        outlets=list(dict.fromkeys(v.outlet or "unknown outlet" for v in versions)),
        speaker_name=row.speaker_name,
        speaker_link=lead["links"]["speaker"],
    )


def _marks(stmts: list[StoredStatement]) -> list[Mark]:
    marks: list[Mark] = []
    for s in stmts:
        marks.extend(Mark(a, b, s.position) for a, b in s.statement.pieces())
        sp = s.statement.speaker
        if sp and sp.mention:
            marks.append(Mark(sp.mention.start, sp.mention.end, s.position, mention=True))
    return marks


def _title(s: StoredStatement) -> str:
    who = s.speaker_name or "unknown speaker"
    return f"{s.statement.kind} statement by {who}"


def _page(page: Any, total: int) -> dict[str, int]:
    return {"limit": page.limit, "offset": page.offset, "total": total}
