// Builds the offline basemap shipped inside the Python package (src/polybius/report/assets/countries.json)
// from Natural Earth country outlines as packaged on npm by world-atlas.
//
//   cd web && npm ci && npm run basemap
//
// The 1:50m outlines are simplified (Visvalingam weights, planar, in squared degrees), islands smaller
// than a threshold are dropped, and the result is re-quantized, so the page stays small while coasts
// and borders still look right when zoomed to one country. Only each country's name and ISO 3166
// numeric id are kept. The page decodes this TopoJSON with its own few lines of JS.
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { quantize } from "topojson-client";
import { filter, filterWeight, presimplify, simplify } from "topojson-simplify";

const require = createRequire(import.meta.url);
const SOURCE = "world-atlas/countries-50m.json";
const OUTPUT = new URL("../src/polybius/report/assets/countries.json", import.meta.url);
// Chosen by comparing screenshots of Mali and of Syria with its neighbours, zoomed to one country, at
// 2e-4, 1e-3, 3e-3 and 1e-2 deg²: they look alike at the page's zoom levels, and 1e-2 makes the
// smallest file (240 kB against 350 kB at 3e-3 and 570 kB at 2e-4).
const MIN_POINT_WEIGHT = 1e-2;
const MIN_RING_AREA = 0.01; // square degrees; smaller islands vanish (events there still show as dots)
const QUANTIZATION = 20000; // grid steps per axis: ~2 km in longitude

const atlas = JSON.parse(readFileSync(require.resolve(SOURCE), "utf8"));
delete atlas.objects.land;
let topology = simplify(presimplify(atlas), MIN_POINT_WEIGHT);
topology = filter(topology, filterWeight(topology, MIN_RING_AREA));
topology = quantize(topology, QUANTIZATION);
for (const country of topology.objects.countries.geometries) {
  country.properties = { name: country.properties.name };
}
const version = require("world-atlas/package.json").version;
topology.source = `Natural Earth 1:50m admin-0 countries via world-atlas ${version}, simplified by web/build-basemap.mjs`;
writeFileSync(OUTPUT, JSON.stringify(topology));
const points = topology.arcs.reduce((sum, arc) => sum + arc.length, 0);
console.log(`wrote ${OUTPUT.pathname}: ${topology.objects.countries.geometries.length} countries, ${points} points`);
