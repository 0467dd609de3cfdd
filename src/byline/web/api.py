"""The JSON API: search the corpus, read a record, extract a page (documented at /docs)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.exceptions import RequestValidationError
from pydantic import BaseModel, ValidationError
from starlette.concurrency import run_in_threadpool

from byline.store import Hit
from byline.web.extraction import (
    MAX_URL_CHARS,
    ExtractRequest,
    extract_page,
    form_input,
    json_input,
)
from byline.web.search import SearchParams, open_store, search_params
from byline.web.security import refuse_cross_site

MAX_LIMIT = 100
MAX_OFFSET = 10_000
"""Deeper pages cost the database a scan of everything before them."""
FORM_TYPES = ("multipart/form-data", "application/x-www-form-urlencoded")

router = APIRouter(prefix="/api", tags=["api"])


class FacetCount(BaseModel):
    value: str
    count: int


class MonthCount(BaseModel):
    month: str
    """``YYYY-MM`` of the published date."""
    count: int


class SearchOut(BaseModel):
    query: str
    total: int
    limit: int
    offset: int
    hits: list[Hit]
    facets: dict[str, list[FacetCount]]
    """Top values of site, section, language, author and tag, with counts."""
    histogram: list[MonthCount]


class ErrorOut(BaseModel):
    detail: str | list[Any]
    """What was wrong, in words (a list of field errors for malformed JSON)."""


def _errors(**described: str) -> dict[int | str, dict[str, Any]]:
    """OpenAPI ``responses`` for error statuses given as ``e404="what it means"``."""
    return {
        int(code[1:]): {"model": ErrorOut, "description": text} for code, text in described.items()
    }


@router.get(
    "/search",
    responses=_errors(
        e400="The query asks for too much work: too many words or prefixes (word*), a prefix"
        " too short, or a search over the time limit"
    ),
)
def search(
    request: Request,
    params: Annotated[SearchParams, Depends(search_params)],
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 20,
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
) -> SearchOut:
    """Full-text search with filters: hits (best first), total, facets and a histogram."""
    filters = params.filters()
    with open_store(request) as store:
        result = store.search(params.q, **filters, limit=limit, offset=offset)
        facets = store.facets(params.q, **filters)
        histogram = store.histogram(params.q, **filters)
    return SearchOut(
        query=params.q,
        total=result.total,
        limit=limit,
        offset=offset,
        hits=result.hits,
        facets={
            name: [FacetCount(value=value, count=count) for value, count in counts]
            for name, counts in facets.items()
        },
        histogram=[MonthCount(month=month, count=count) for month, count in histogram],
    )


class VersionOut(BaseModel):
    number: int
    """1 for the first version seen, then 2, 3..."""
    fetched_at: str | None
    changed: list[str]
    """The fields (title, description, body, authors, published, modified) that differ
    from the version before."""
    record: dict[str, Any]


@router.get("/articles/{article_id}", responses=_errors(e404="No article has this id"))
def article(request: Request, article_id: str) -> dict[str, Any]:
    """The full record of one article, as ingested (``byline run`` output row)."""
    with open_store(request) as store:
        record = store.article(article_id)
    if record is None:
        raise HTTPException(404, f"No article with id {article_id!r}.")
    return record.to_dict()


@router.get("/articles/{article_id}/versions", responses=_errors(e404="No article has this id"))
def versions(request: Request, article_id: str) -> list[VersionOut]:
    """Every version of one article, oldest first, each with its record and what changed."""
    with open_store(request) as store:
        found = store.versions(article_id)
    if not found:
        raise HTTPException(404, f"No article with id {article_id!r}.")
    return [
        VersionOut(number=v.number, fetched_at=v.fetched_at, changed=v.changed, record=v.record)
        for v in found
    ]


EXTRACT_BODY = {
    "required": True,
    "content": {
        "application/json": {"schema": ExtractRequest.model_json_schema()},
        "multipart/form-data": {
            "schema": {
                "type": "object",
                "properties": {
                    "file": {"type": "string", "format": "binary"},
                    "url": {"type": "string", "maxLength": MAX_URL_CHARS},
                },
                "required": ["file"],
            }
        },
    },
}


@router.post(
    "/extract",
    openapi_extra={"requestBody": EXTRACT_BODY},
    responses=_errors(
        e400="Neither HTML, a file nor a URL was given",
        e403="The URL is not a public http(s) address, or another site sent the request",
        e413="The page or the request is over the size limit",
        e415="The body is neither JSON nor a multipart upload",
        e422="Malformed JSON, or the page holds no article",
        e502="The page could not be fetched",
    ),
)
async def extract(request: Request) -> dict[str, Any]:
    """The record of a page: JSON ``{"html": ...}`` or ``{"url": ...}``, or an uploaded
    ``file``. Nothing is stored."""
    refuse_cross_site(request)
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if kind == "application/json":
        try:
            body = ExtractRequest.model_validate_json(await request.body())
        except ValidationError as error:
            raise RequestValidationError(error.errors(include_url=False)) from None
        page = json_input(body)
    elif kind in FORM_TYPES:
        page = await form_input(request)
    else:
        raise HTTPException(415, 'Send JSON ({"html": ...} or {"url": ...}) or a file upload.')
    extracted = await run_in_threadpool(extract_page, page, request.app.state.fetcher)
    return extracted.article.to_dict()
