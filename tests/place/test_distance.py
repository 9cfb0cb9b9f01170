"""One great-circle formula for every stage."""

import pytest

from polybius.place import distance_km, great_circle_km
from polybius.records import Place


def test_great_circle_distances():
    assert great_circle_km(0, 0, 0, 0) == 0
    # A quarter of a meridian, pole to equator: about 10,008 km.
    assert great_circle_km(90, 0, 0, 0) == pytest.approx(10_008, rel=1e-3)
    # Paris to London, about 344 km.
    assert great_circle_km(48.8566, 2.3522, 51.5074, -0.1278) == pytest.approx(344, abs=3)


def test_distance_between_places_is_symmetric():
    gao, kidal = Place(1, "Gao", 16.27, -0.04, "ML"), Place(2, "Kidal", 18.44, 1.41, "ML")
    assert distance_km(gao, kidal) == pytest.approx(distance_km(kidal, gao))
    assert 280 < distance_km(gao, kidal) < 320
