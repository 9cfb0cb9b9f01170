"""The place stage: toponyms in an article -> GeoNames places, and each event's place with ACLED precision.

    gazetteer = Gazetteer.open()                            # builds the offline store on first use
    mentions = find_places(document, gazetteer)             # every toponym, resolved
    where = place_event(document, trigger, mentions, gazetteer)
"""

from __future__ import annotations

from polybius.place.distance import distance_km, great_circle_km
from polybius.place.download import DownloadError, download_dump
from polybius.place.dump import DumpFormatError
from polybius.place.event_place import country_place, focus_place, place_event
from polybius.place.gazetteer import Candidate, Gazetteer
from polybius.place.output import rows
from polybius.place.places import find_places
from polybius.place.regions import CountryInfo, country_info
from polybius.place.scene import in_another_event

__all__ = [
    "Candidate", "CountryInfo", "DownloadError", "DumpFormatError", "Gazetteer", "country_info", "country_place",
    "distance_km", "download_dump", "find_places", "focus_place", "great_circle_km", "in_another_event", "place_event",
    "rows",
]
