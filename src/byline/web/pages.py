"""The HTML pages: search, article, inspector, API docs, errors (server-rendered Jinja2)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates
from jinja2 import ChainableUndefined, Environment, FileSystemLoader
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException  # the base class: caught from Starlette too

from byline.blocks import Verdict
from byline.web.blocks import page_blocks
from byline.web.extraction import extract_page, form_input
from byline.web.search import SearchParams, open_store, search_params
from byline.web.security import refuse_cross_site
from byline.web.views import (
    FACETS,
    FILTERS,
    PAGE_SIZE,
    SearchState,
    article_href,
    comparison,
    histogram_bars,
    paragraphs,
    record_rows,
    safe_href,
    snippet_markup,
)

TEMPLATES_DIR = Path(__file__).parent / "templates"
MAX_PAGE_NUMBER = 500
"""Result pages deeper than this are not served (``MAX_PAGE_NUMBER * PAGE_SIZE`` hits)."""

_environment = Environment(
    loader=FileSystemLoader(TEMPLATES_DIR), autoescape=True, undefined=ChainableUndefined
)
_environment.filters.update(snippet=snippet_markup, href=safe_href, article_href=article_href)
templates = Jinja2Templates(env=_environment)

router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)


def render(request: Request, name: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    return templates.TemplateResponse(request, name, context, status_code=status_code)


@router.get("/")
def search_page(
    request: Request,
    params: Annotated[SearchParams, Depends(search_params)],
    page: Annotated[int, Query(ge=1, le=MAX_PAGE_NUMBER)] = 1,
) -> HTMLResponse:
    filters = params.filters()
    offset = (page - 1) * PAGE_SIZE
    with open_store(request) as store:
        result = store.search(params.q, **filters, limit=PAGE_SIZE, offset=offset)
        facets = store.facets(params.q, **filters)
        histogram = store.histogram(params.q, **filters)
        corpus_size = store.count()
    shown = {name: str(filters[name]) for name in FILTERS if name in filters}
    return render(
        request,
        "search.html",
        state=SearchState(params.q, shown, page),
        result=result,
        offset=offset,
        last_page=max(1, -(-result.total // PAGE_SIZE)),
        facet_names=FACETS,
        facets=facets,
        bars=histogram_bars(histogram),
        corpus_size=corpus_size,
    )


@router.get("/articles/{article_id}")
def article_page(
    request: Request,
    article_id: str,
    older: Annotated[int | None, Query(ge=1)] = None,
    newer: Annotated[int | None, Query(ge=1)] = None,
) -> HTMLResponse:
    """The article; with several versions, the two ``older`` and ``newer`` (by default
    the last two) compared word by word."""
    with open_store(request) as store:
        stored = store.article(article_id)
        if stored is None:
            raise HTTPException(404, f"No article with id {article_id!r}.")
        record = stored.to_dict()
        duplicates = store.duplicates(article_id)
        story = store.story(article_id)
        versions = store.versions(article_id) if story and story.versions > 1 else []
    return render(
        request,
        "article.html",
        record=record,
        rows=record_rows(record),
        paragraphs=paragraphs(record.get("body")),
        duplicates=duplicates,
        story=story,
        versions=versions,
        compared=comparison(versions, older, newer),
        original=safe_href(record.get("canonical_url")) or safe_href(record.get("url")),
    )


@router.get("/inspect")
def inspect_form(request: Request) -> HTMLResponse:
    return render(request, "inspect.html", url="", error=None, inspected=None)


@router.post("/inspect")
async def inspect_page(request: Request) -> HTMLResponse:
    """The record of the posted page next to its text blocks, kept and dropped."""
    url = ""
    try:
        refuse_cross_site(request)
        page = await form_input(request)
        url = page.url or ""
        inspection = await run_in_threadpool(extract_page, page, request.app.state.fetcher)
        blocks = await run_in_threadpool(page_blocks, inspection)
    except HTTPException as error:
        return render(
            request, "inspect.html", error.status_code, url=url, error=error.detail, inspected=None
        )
    record = inspection.article.to_dict()
    return render(
        request,
        "inspect.html",
        url=url,
        error=None,
        inspected=record,
        record_json=json.dumps(record, indent=2, ensure_ascii=False),
        blocks=blocks,
        verdicts=list(Verdict),
    )


@router.get("/docs")
def api_docs(request: Request) -> HTMLResponse:
    return render(request, "docs.html")


def error_page(
    request: Request, status_code: int, message: str, headers: dict[str, str] | None = None
) -> HTMLResponse:
    response = render(request, "error.html", status_code, status=status_code, message=message)
    if headers:
        response.headers.update(headers)
    return response
