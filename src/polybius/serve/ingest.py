"""POST /articles: who may write, how big a body may be, and which articles are fit to store."""

from __future__ import annotations

import hmac
import json

from fastapi import Request

from polybius.errors import InputProblem
from polybius.ingest import RawArticle, prepare, read_records
from polybius.serve.errors import ApiError

ORIGIN = "POST /articles"
MAX_ARTICLES_PER_REQUEST = 1000
HOW_TO_ENABLE = (
    "start the server with `polybius serve --token TOKEN` (or set the POLYBIUS_TOKEN environment "
    "variable), then send the header `Authorization: Bearer TOKEN`"
)


def check_token(configured: str | None, authorization: str | None) -> None:
    """Refuse the write unless a token is configured and the request carries that exact token."""
    if not configured:
        raise ApiError(403, "writes_disabled", f"POST /articles is disabled on this server: {HOW_TO_ENABLE}")
    scheme, _, given = (authorization or "").partition(" ")
    if scheme.lower() != "bearer" or not given.strip():
        raise ApiError(
            401,
            "unauthorized",
            "POST /articles needs the header `Authorization: Bearer TOKEN`",
            headers={"WWW-Authenticate": "Bearer"},
        )
    if not hmac.compare_digest(given.strip().encode(), configured.encode()):
        raise ApiError(
            401,
            "unauthorized",
            "the bearer token is not the one this server was started with",
            headers={"WWW-Authenticate": 'Bearer error="invalid_token"'},
        )


async def read_json_body(request: Request, max_bytes: int) -> object:
    """The request body parsed as JSON, refused with 413 as soon as it passes max_bytes."""
    media_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if media_type and media_type != "application/json" and not media_type.endswith("+json"):
        raise ApiError(
            415,
            "unsupported_media_type",
            f"send the articles as JSON (Content-Type: application/json), not {media_type!r}",
        )
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > max_bytes:
        raise _too_large(int(declared), max_bytes)
    body, size = bytearray(), 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > max_bytes:
            raise _too_large(size, max_bytes)
        body += chunk
    if not body.strip():
        raise ApiError(400, "bad_json", 'the body is empty; send an article {"text": ...} or a list of them')
    try:
        return json.loads(body.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise ApiError(400, "bad_json", f"the body is not UTF-8 (byte {exc.start}: {exc.reason})") from None
    except json.JSONDecodeError as exc:
        raise ApiError(
            400, "bad_json", f"the body is not valid JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}"
        ) from None


def _too_large(size: int, limit: int) -> ApiError:
    return ApiError(
        413,
        "too_large",
        f"the body is {size:,} bytes or more, over the {limit:,}-byte limit; send fewer articles per request",
    )


def as_records(body: object) -> list[object]:
    """One article object, or a list of them."""
    records = body if isinstance(body, list) else [body]
    if not records:
        raise ApiError(400, "bad_articles", "the list of articles is empty")
    if len(records) > MAX_ARTICLES_PER_REQUEST:
        raise ApiError(
            413,
            "too_many",
            f"{len(records):,} articles in one request; at most {MAX_ARTICLES_PER_REQUEST:,} are accepted",
        )
    return records


def check_records(records: list[object]) -> list[str]:
    """Validate every article as ingest would, before anything is stored; return their ids.

    All or nothing: one bad article refuses the whole request (422, listing every problem), so a
    client never has to work out which half of its batch went in.
    """
    problems, ids = [], []
    for item in read_records(records, ORIGIN):
        article = prepare(item) if isinstance(item, RawArticle) else item
        if isinstance(article, InputProblem):
            problems.append({"where": article.where, "code": article.problem.value, "message": str(article)})
        else:
            ids.append(article.id)
    if problems:
        raise ApiError(
            422,
            "bad_articles",
            f"{len(problems)} of {len(records)} article(s) cannot be read; nothing was stored",
            problems=problems,
        )
    return ids
