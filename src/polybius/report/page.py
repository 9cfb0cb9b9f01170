"""The one page: map, timeline, table, event detail and briefing, as a single self-contained HTML file.

The report file and the web app serve this same page. What differs is where its data comes from:
the report embeds it (a JSON block), the web app tells the page to fetch it from the API. Scripts,
styles and the basemap are always inlined, so the page needs no network beyond its own API.

Safety: data goes into `<script type="application/json">` blocks with every `<`, `>` and `&`
escaped as \\u003c etc., so no article text can close the block; the page's JS renders text with
textContent only; and a Content-Security-Policy allows only this page's own inline script (by hash),
so even a slip elsewhere could not run an injected script or an onerror= handler.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
from functools import lru_cache
from pathlib import Path

ASSETS = Path(__file__).parent / "assets"
# The page's script: small modules concatenated in dependency order into one inline <script>.
SCRIPTS = (
    "dom.js",
    "geo.js",
    "source.js",
    "map.js",
    "timeline.js",
    "table.js",
    "detail.js",
    "briefing.js",
    "app.js",
)


def render_page(config: dict, data: dict | None = None) -> str:
    """The HTML page. `config` says where data comes from ({"api": base URL} or embedded `data`)."""
    script, style = _script(), _style()
    return _template().format_map(
        {
            "title": html.escape(str(config.get("title", "Polybius"))),
            "csp": html.escape(content_security_policy(), quote=True),
            "style": style,
            "config": json_block(config),
            "data": json_block(data) if data is not None else "null",
            "basemap": _basemap(),
            "script": script,
        }
    )


def content_security_policy() -> str:
    """Only the page's own script and style run; fetches go to its own origin (the API) only."""
    return (
        "default-src 'none'; "
        f"script-src '{_sha256(_script())}'; style-src '{_sha256(_style())}'; "
        "img-src data:; connect-src 'self'; base-uri 'none'; form-action 'none'"
    )


def json_block(value: object) -> str:
    """JSON safe inside <script type="application/json">: no '</script', no '<!--', no entities."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


@lru_cache(maxsize=1)
def _template() -> str:
    return (ASSETS / "page.html").read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def _script() -> str:
    parts = [f"// ---- {name}\n" + (ASSETS / name).read_text(encoding="utf-8") for name in SCRIPTS]
    script = '\n(function () {\n"use strict";\n' + "\n".join(parts) + "\n})();\n"
    if "</script" in script.lower():
        raise ValueError("the page's own script must not contain '</script'")
    return script


@lru_cache(maxsize=1)
def _style() -> str:
    return "\n" + (ASSETS / "ui.css").read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def _basemap() -> str:
    """Country outlines (TopoJSON built by web/build-basemap.mjs from Natural Earth via world-atlas)."""
    return json_block(json.loads((ASSETS / "countries.json").read_text(encoding="utf-8")))


def _sha256(text: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")
