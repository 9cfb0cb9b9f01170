"""Fetch a GeoNames country dump (CC.zip) and import it: `polybius gazetteer download CC`."""

from __future__ import annotations

import re
import shutil
import tempfile
import urllib.error
import urllib.request
from pathlib import Path

from polybius.errors import ConfigError
from polybius.place.gazetteer import Gazetteer

GEONAMES_DUMPS = "https://download.geonames.org/export/dump/"
_COUNTRY = re.compile(r"^[A-Za-z]{2}$")
_TIMEOUT_S = 60


class DownloadError(ConfigError, RuntimeError):
    """The dump could not be fetched (the message names the URL and the reason)."""


def download_dump(country_code: str, gazetteer: Gazetteer, base_url: str = GEONAMES_DUMPS) -> int:
    """Download the GeoNames dump of one country (ISO alpha-2) and import it; returns rows imported."""
    if not _COUNTRY.match(country_code or ""):
        raise ValueError(f"expected a two-letter ISO country code such as ML, got {country_code!r}")
    url = base_url.rstrip("/") + f"/{country_code.upper()}.zip"
    with tempfile.TemporaryDirectory(prefix="polybius-geonames-") as folder:
        target = Path(folder) / f"{country_code.upper()}.zip"
        try:
            with urllib.request.urlopen(url, timeout=_TIMEOUT_S) as response, open(target, "wb") as out:
                shutil.copyfileobj(response, out)
        except (urllib.error.URLError, OSError) as exc:
            raise DownloadError(f"could not download {url}: {getattr(exc, 'reason', exc)}") from exc
        return gazetteer.import_dump(target)
