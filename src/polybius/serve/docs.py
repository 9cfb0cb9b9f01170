"""OpenAPI docs at /docs that work offline: Swagger UI's files come from a PyPI package, not a CDN.

FastAPI's own /docs page loads Swagger UI from a CDN, which a machine with no internet cannot
reach. swagger-ui-bundle-v2 ships Swagger UI 5 (needed for OpenAPI 3.1) inside the Python
package; we serve its files ourselves.
"""

from __future__ import annotations

from fastapi import FastAPI
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles

ASSETS_PATH = "/docs-assets"


def install_offline_docs(app: FastAPI) -> bool:
    """Serve /docs from the bundled Swagger UI; False (FastAPI's CDN page stays) when it is missing."""
    try:
        from swagger_ui_bundle import swagger_ui_path
    except ImportError:
        return False
    app.mount(ASSETS_PATH, StaticFiles(directory=swagger_ui_path), name="docs-assets")

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        return get_swagger_ui_html(
            openapi_url=app.openapi_url,
            title=f"{app.title} API",
            swagger_js_url=f"{ASSETS_PATH}/swagger-ui-bundle.js",
            swagger_css_url=f"{ASSETS_PATH}/swagger-ui.css",
            swagger_favicon_url="data:,",
        )

    return True
