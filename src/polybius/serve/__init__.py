"""`polybius serve`: the event API (FastAPI) and the report's UI live against it.

GET /events (filters; JSON, CSV or GeoJSON), GET /events/{id} (with evidence), GET /articles/{id},
GET /briefing, GET /overview, POST /articles (bearer token), OpenAPI docs at /docs.
"""

from polybius.serve.app import create_app

__all__ = ["create_app"]
