"""The web app: the event API and, at /, the report's UI reading from it live."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Annotated

from fastapi import Depends, FastAPI, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from polybius.codec import to_data
from polybius.errors import NotFound
from polybius.report.briefing import write_briefing
from polybius.report.page import content_security_policy, render_page
from polybius.report.payload import ArticleTexts, event_detail, legend, overview
from polybius.serve.database import Database
from polybius.serve.docs import install_offline_docs
from polybius.serve.errors import ApiError, install_error_handlers
from polybius.serve.formats import choose_format, events_response
from polybius.serve.ingest import ORIGIN, as_records, check_records, check_token, read_json_body
from polybius.serve.params import FILTER_PARAMS, parse_filter

TITLE = "Polybius"
SECURITY_HEADERS = {"X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer"}
ARTICLE_SCHEMA = {
    "type": "object",
    "required": ["text"],
    "properties": {
        "id": {"type": "string"},
        "text": {"type": "string"},
        "published": {"type": "string", "format": "date"},
        "source": {"type": "string"},
        "title": {"type": "string"},
        "url": {"type": "string"},
    },
}
_bearer = HTTPBearer(
    auto_error=False, description="The token given to `polybius serve --token` or POLYBIUS_TOKEN."
)


def _filter_query(name: str):
    return Query(None, description=FILTER_PARAMS[name])


def create_app(db: Path | str, token: str | None = None, max_body_bytes: int = 5_000_000) -> FastAPI:
    """The API and UI over one DuckDB file. Without a token, POST /articles is refused (403)."""
    if max_body_bytes <= 0:
        raise ValueError(f"max_body_bytes must be positive, got {max_body_bytes}")
    token = token.strip() if token and token.strip() else None
    database = Database(db, writable=token is not None)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        database.close()

    app = FastAPI(
        title="Polybius",
        lifespan=lifespan,
        docs_url=None,
        redoc_url=None,
        description=(
            "ACLED-style events fused from news reports, with the evidence for every field. "
            "The UI is at `/`; GET /events answers JSON, CSV or GeoJSON (`format=` or the Accept header)."
        ),
    )
    install_error_handlers(app)
    if not install_offline_docs(app):
        app.add_api_route(
            "/docs",
            lambda: get_swagger_ui_html(openapi_url=app.openapi_url, title="Polybius API"),
            include_in_schema=False,
        )
    page = render_page({"api": "", "title": TITLE, "legend": legend()})
    page_headers = SECURITY_HEADERS | {
        "Content-Security-Policy": content_security_policy(),
        "X-Frame-Options": "DENY",
    }

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def ui() -> HTMLResponse:
        return HTMLResponse(page, headers=page_headers)

    @app.get("/overview", summary="Counts, date range and filter choices")
    def get_overview() -> dict:
        with database.reader() as store:
            return overview(store, store.query_events(), title=TITLE)

    @app.get(
        "/events",
        summary="Fused events, filtered; JSON, CSV or GeoJSON",
        responses={200: {"content": {"text/csv": {}, "application/geo+json": {}}}},
    )
    def get_events(
        request: Request,
        date_from: str | None = _filter_query("date_from"),
        date_to: str | None = _filter_query("date_to"),
        country: str | None = _filter_query("country"),
        admin1: str | None = _filter_query("admin1"),
        event_type: str | None = _filter_query("event_type"),
        actor: str | None = _filter_query("actor"),
        bbox: str | None = _filter_query("bbox"),
        limit: str | None = _filter_query("limit"),
        format: str | None = Query(None, description="json, csv or geojson"),
    ) -> Response:
        where = parse_filter(request.query_params)
        fmt = choose_format(format, request.headers.get("accept"))
        with database.reader() as store:
            return events_response(store.query_events(where), fmt)

    @app.get(
        "/events/{event_id}", summary="One event with every field's evidence sentences, disputes, articles"
    )
    def get_event(event_id: str) -> dict:
        with database.reader() as store:
            try:
                event = store.event(event_id)
            except NotFound:
                merged_into = {old: new for old, new, _ in store.merges()}.get(event_id)
                if merged_into is None:
                    raise ApiError(404, "not_found", f"no event {event_id!r}") from None
                raise ApiError(
                    404,
                    "merged",
                    f"event {event_id!r} was merged into {merged_into!r}",
                    merged_into=merged_into,
                ) from None
            return event_detail(event, ArticleTexts(store))

    @app.get("/briefing", summary="Stories of related events, written with citations to the articles")
    def get_briefing(request: Request) -> dict:
        where = parse_filter(request.query_params, FILTER_PARAMS)
        with database.reader() as store:
            return write_briefing(store.query_events(where), ArticleTexts(store))

    @app.get("/articles/{article_id}", summary="One stored article: cleaned text, paragraphs, its events")
    def get_article(article_id: str) -> dict:
        with database.reader() as store:
            try:
                article = store.article(article_id)
            except NotFound:
                raise ApiError(404, "not_found", f"no article {article_id!r}") from None
            events = store.event_ids_for_articles([article_id])
            return to_data(article) | {
                "published": article.published.isoformat() if article.published else None,
                "duplicates": store.duplicates().get(article_id, []),
                "events": events,
            }

    @app.post(
        "/articles",
        status_code=201,
        summary="Add articles (one object or a list); needs the bearer token",
        openapi_extra={
            "requestBody": {
                "required": True,
                "content": {
                    "application/json": {
                        "schema": {"oneOf": [ARTICLE_SCHEMA, {"type": "array", "items": ARTICLE_SCHEMA}]}
                    }
                },
            }
        },
        responses={
            401: {"description": "missing or wrong token"},
            403: {"description": "writes are disabled (no token configured)"},
            413: {"description": "body too large"},
            422: {"description": "bad articles"},
        },
    )
    async def post_articles(
        request: Request, _: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)]
    ) -> JSONResponse:
        check_token(token, request.headers.get("authorization"))
        records = as_records(await read_json_body(request, max_body_bytes))
        ids = check_records(records)
        summary = await run_in_threadpool(database.ingest, records, ORIGIN)
        with database.reader() as store:
            touched = store.event_ids_for_articles(ids)
        body = {
            "articles_added": summary.articles_added,
            "already_stored": summary.already_stored,
            "duplicates": [{"id": a, "duplicate_of": b} for a, b in summary.duplicates],
            "problems": [str(p) for p in summary.problems],
            "event_mentions": summary.event_mentions,
            "events": touched,
            "events_in_database": summary.events,
        }
        return JSONResponse(body, status_code=201 if summary.articles_added else 200)

    return app
