// The offline basemap: decode the TopoJSON country outlines and project them.
// Projection: equirectangular with longitudes shrunk by cos(reference latitude), which keeps
// shapes right near the events' latitude; y grows southwards as in SVG.

function decodeTopology(topology) {
  const [sx, sy] = topology.transform.scale;
  const [tx, ty] = topology.transform.translate;
  // Arcs are delta-encoded on a quantized grid: accumulate, then scale back to degrees.
  const arcs = topology.arcs.map((arc) => {
    let x = 0, y = 0;
    return arc.map(([dx, dy]) => {
      x += dx;
      y += dy;
      return [x * sx + tx, y * sy + ty];
    });
  });
  const ring = (indexes) => {
    const points = [];
    for (const index of indexes) {
      const arc = index >= 0 ? arcs[index] : arcs[~index].slice().reverse();
      // Consecutive arcs share their end point: drop the duplicate.
      points.push(...(points.length ? arc.slice(1) : arc));
    }
    return points;
  };
  const polygons = (geometry) =>
    geometry.type === "Polygon" ? [geometry.arcs.map(ring)]
      : geometry.type === "MultiPolygon" ? geometry.arcs.map((polygon) => polygon.map(ring)) : [];
  return topology.objects.countries.geometries.map((g) => ({
    id: g.id,
    name: (g.properties || {}).name || "",
    polygons: polygons(g),
  }));
}

function makeProjection(referenceLatitude) {
  const k = Math.cos((Math.max(-60, Math.min(60, referenceLatitude)) * Math.PI) / 180);
  return {
    point: (lon, lat) => [lon * k, -lat],
    invert: (x, y) => [x / k, -y],
  };
}

function countryPath(country, projection) {
  const parts = [];
  for (const polygon of country.polygons) {
    for (const ring of polygon) {
      parts.push("M" + ring.map(([lon, lat]) => projection.point(lon, lat).map((v) => v.toFixed(3)).join(",")).join("L") + "Z");
    }
  }
  return parts.join("");
}

// Where a country's name goes: the centre of its largest ring's bounding box.
function labelPoint(country, projection) {
  let best = null, bestArea = -1;
  for (const polygon of country.polygons) {
    const outer = polygon[0] || [];
    const xs = outer.map((p) => p[0]), ys = outer.map((p) => p[1]);
    const area = (Math.max(...xs) - Math.min(...xs)) * (Math.max(...ys) - Math.min(...ys));
    if (area > bestArea) {
      bestArea = area;
      best = [(Math.max(...xs) + Math.min(...xs)) / 2, (Math.max(...ys) + Math.min(...ys)) / 2];
    }
  }
  return best ? projection.point(best[0], best[1]) : null;
}
