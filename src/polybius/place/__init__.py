"""The place stage: toponyms in an article -> GeoNames places, and each event's place with ACLED precision."""

from polybius.place.gazetteer import Candidate, Gazetteer

__all__ = ["Candidate", "Gazetteer"]
