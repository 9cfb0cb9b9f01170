"""The offline basemap asset built by web/build-basemap.mjs from Natural Earth (world-atlas)."""

from __future__ import annotations

import json

from polybius.report.page import ASSETS


def test_basemap_is_a_compact_quantized_topology_of_the_worlds_countries():
    path = ASSETS / "countries.json"
    assert path.stat().st_size < 600_000  # inlined into every report
    topology = json.loads(path.read_text(encoding="utf-8"))
    assert topology["type"] == "Topology" and "world-atlas" in topology["source"]
    assert set(topology["transform"]) == {"scale", "translate"}
    countries = {g.get("id"): g["properties"]["name"] for g in topology["objects"]["countries"]["geometries"]}
    assert len(countries) > 190
    assert countries["466"] == "Mali" and countries["566"] == "Nigeria" and countries["760"] == "Syria"
    used = {
        abs(i if i >= 0 else ~i)
        for g in topology["objects"]["countries"]["geometries"]
        for i in _arc_indexes(g["arcs"])
    }
    assert max(used) < len(topology["arcs"])


def _arc_indexes(nested):
    for item in nested:
        if isinstance(item, list):
            yield from _arc_indexes(item)
        else:
            yield item
