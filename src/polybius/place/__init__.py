"""The place stage: toponyms in an article -> GeoNames places, and each event's place with ACLED precision.

    gazetteer = Gazetteer.open()                 # builds the offline store on first use
    mentions = find_places(document, gazetteer)  # every toponym, resolved
    where = place_event(document, trigger, mentions)
"""

from polybius.place.gazetteer import Candidate, Gazetteer
from polybius.place.places import find_places
from polybius.place.regions import CountryInfo

__all__ = ["Candidate", "CountryInfo", "Gazetteer", "find_places"]
