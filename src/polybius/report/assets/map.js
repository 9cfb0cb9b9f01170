// The map: country outlines, one dot per event (colour: event type, area: fatalities).
// Wheel or buttons zoom, dragging pans; hover shows the place with its admin names, click selects.

function createMap(container, { legend, basemap, referenceLatitude, onSelect, onViewChange }) {
  const projection = makeProjection(referenceLatitude);
  const countries = decodeTopology(basemap);
  const svg = svgEl("svg", { class: "map-svg", role: "img", "aria-label": "Map of events" });
  const countryLayer = svgEl("g", { class: "countries" });
  const labelLayer = svgEl("g", { class: "country-labels" });
  const eventLayer = svgEl("g", { class: "events" });
  const placeLayer = svgEl("g", { class: "place-labels" });
  svg.append(countryLayer, labelLayer, eventLayer, placeLayer);
  container.appendChild(svg);

  // Every country gets its outline and a name; names of countries without events show only
  // once zoomed in, for orientation.
  const countryNodes = new Map();
  for (const country of countries) {
    const path = svgEl("path", { d: countryPath(country, projection), class: "country" });
    path.appendChild(svgEl("title", {}, country.name));
    countryLayer.appendChild(path);
    const at = labelPoint(country, projection);
    const label = at ? svgEl("text", { x: at[0], y: at[1], class: "country-label" }, country.name) : null;
    if (label) labelLayer.appendChild(label);
    countryNodes.set(Number(country.id), { path, label });
  }

  let view = { x: -180, y: -85, w: 360, h: 170 };
  let events = [], dots = new Map(), selected = null, viewTimer = null;
  const PLACE_LABELS_BELOW = 30; // map units across: place names show once zoomed in to a region
  const ALL_COUNTRY_LABELS_BELOW = 70; // and every country's name a little before that

  const unit = () => view.w / Math.max(container.clientWidth, 1); // map units per screen pixel
  // Dot size grows with the log of the fatalities: 0 → 3.5 px, 10 → 8, 100 → 12, 10,000 → 20.
  const radius = (e) => 3.5 + 4.2 * Math.log10(1 + (e.fatalities || 0));

  function applyView() {
    const aspect = Math.max(container.clientHeight, 1) / Math.max(container.clientWidth, 1);
    const cx = view.x + view.w / 2, cy = view.y + view.h / 2;
    view.h = view.w * aspect;
    view.x = cx - view.w / 2;
    view.y = cy - view.h / 2;
    svg.setAttribute("viewBox", `${view.x} ${view.y} ${view.w} ${view.h}`);
    const u = unit();
    for (const [id, dot] of dots) {
      dot.setAttribute("r", (radius(dot.__event) + (id === selected ? 2 : 0)) * u);
    }
    for (const label of labelLayer.children) label.setAttribute("font-size", 11 * u);
    placeLayer.classList.toggle("hidden", view.w > PLACE_LABELS_BELOW);
    labelLayer.classList.toggle("far", view.w > ALL_COUNTRY_LABELS_BELOW);
    for (const label of placeLayer.children) {
      label.setAttribute("font-size", 11 * u);
      label.setAttribute("stroke-width", 3 * u); // a halo that keeps names readable over borders
      label.setAttribute("x", label.__x + (label.__r + 3) * u);
      label.setAttribute("y", label.__y + 4 * u);
    }
    clearTimeout(viewTimer);
    viewTimer = setTimeout(() => onViewChange && onViewChange(), 250);
  }

  function fit(list) {
    const placed = (list || events).filter((e) => e.latitude !== null && e.longitude !== null);
    const xy = placed.map((e) => projection.point(e.longitude, e.latitude));
    if (!xy.length) xy.push(projection.point(-170, 70), projection.point(170, -55));
    const xs = xy.map((p) => p[0]), ys = xy.map((p) => p[1]);
    const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
    const aspect = Math.max(container.clientHeight, 1) / Math.max(container.clientWidth, 1);
    // Pad by 30%, and never zoom closer than about 4 degrees across.
    const w = Math.max(x1 - x0, (y1 - y0) / aspect, 4) * 1.3;
    view = { x: (x0 + x1) / 2 - w / 2, y: (y0 + y1) / 2 - (w * aspect) / 2, w, h: w * aspect };
    applyView();
  }

  function zoom(factor, atX, atY) {
    const w = Math.min(Math.max(view.w * factor, 0.05), 400);
    const f = w / view.w;
    const px = atX === undefined ? view.x + view.w / 2 : atX;
    const py = atY === undefined ? view.y + view.h / 2 : atY;
    view = { x: px - (px - view.x) * f, y: py - (py - view.y) * f, w, h: view.h * f };
    applyView();
  }

  function toMap(evt) {
    const box = svg.getBoundingClientRect();
    return [view.x + ((evt.clientX - box.left) / box.width) * view.w,
            view.y + ((evt.clientY - box.top) / box.height) * view.h];
  }

  svg.addEventListener("wheel", (evt) => {
    evt.preventDefault();
    const [x, y] = toMap(evt);
    zoom(Math.pow(1.0015, evt.deltaY), x, y);
  }, { passive: false });

  let drag = null;
  svg.addEventListener("pointerdown", (evt) => {
    drag = { x: evt.clientX, y: evt.clientY, view: { ...view }, moved: false };
  });
  svg.addEventListener("pointermove", (evt) => {
    if (!drag) return;
    const dx = evt.clientX - drag.x, dy = evt.clientY - drag.y;
    if (!drag.moved && Math.hypot(dx, dy) < 4) return;
    if (!drag.moved) svg.setPointerCapture(evt.pointerId);
    drag.moved = true;
    const u = drag.view.w / Math.max(container.clientWidth, 1);
    view = { ...drag.view, x: drag.view.x - dx * u, y: drag.view.y - dy * u };
    applyView();
  });
  const endDrag = () => { drag = null; };
  svg.addEventListener("pointerup", endDrag);
  svg.addEventListener("pointercancel", endDrag);
  new ResizeObserver(() => applyView()).observe(container);

  function setEvents(list) {
    events = list;
    clear(eventLayer);
    dots = new Map();
    const withEvents = new Set(list.map((e) => e.iso).filter(Boolean));
    for (const [iso, { path, label }] of countryNodes) {
      path.classList.toggle("has-events", withEvents.has(iso));
      if (label) label.classList.toggle("has-events", withEvents.has(iso));
    }
    clear(placeLayer);
    const placed = list.filter((e) => e.latitude !== null && e.longitude !== null);
    placed.sort((a, b) => (b.fatalities || 0) - (a.fatalities || 0)); // small dots on top stay clickable
    // Events at the same point (ACLED codes a town's events to its centre) share one tooltip.
    const spots = new Map();
    for (const e of placed) {
      const key = `${e.longitude.toFixed(3)},${e.latitude.toFixed(3)}`;
      if (!spots.has(key)) spots.set(key, []);
      spots.get(key).push(e);
    }
    for (const e of placed) {
      const [x, y] = projection.point(e.longitude, e.latitude);
      const spot = spots.get(`${e.longitude.toFixed(3)},${e.latitude.toFixed(3)}`);
      const dot = svgEl("circle", {
        cx: x, cy: y, class: "event-dot", fill: typeColor(legend, e.event_type),
        dataset: { id: e.event_id_cnty },
        onmousemove: (evt) => tooltip.show(evt, describe(e, spot)),
        onmouseleave: () => tooltip.hide(),
        // Clicking a shared spot again steps through its events.
        onclick: (evt) => {
          evt.stopPropagation();
          const at = spot.findIndex((s) => s.event_id_cnty === selected);
          onSelect((at >= 0 ? spot[(at + 1) % spot.length] : e).event_id_cnty);
        },
      });
      dot.__event = e;
      dots.set(e.event_id_cnty, dot);
      eventLayer.appendChild(dot);
    }
    for (const spot of spots.values()) {
      const e = spot[0];
      if (!e.location) continue;
      const [x, y] = projection.point(e.longitude, e.latitude);
      const label = svgEl("text", { class: "place-label" }, e.location);
      Object.assign(label, { __x: x, __y: y, __r: Math.max(...spot.map(radius)) });
      placeLayer.appendChild(label);
    }
    select(selected);
  }

  function describe(e, spot) {
    const lines = [
      `${e.location || "Unnamed place"}`,
      [e.admin3, e.admin2, e.admin1, e.country].filter(Boolean).filter((v, i, a) => a.indexOf(v) === i).join(" · "),
      `${formatDate(e.event_date)} · ${e.sub_event_type || e.event_type}`,
      `Fatalities: ${fatalitiesLabel(e)} · ${e.event_id_cnty}`,
    ];
    const others = spot.filter((o) => o !== e);
    if (others.length) {
      lines.push(`${plural(others.length, "more event", "more events")} here (click again to step through):`);
      others.slice(0, 6).forEach((o) => lines.push(`· ${formatDate(o.event_date)} ${o.sub_event_type || o.event_type} (${o.event_id_cnty})`));
    }
    return lines;
  }

  function select(id) {
    selected = id;
    for (const [key, dot] of dots) dot.classList.toggle("selected", key === id);
    const dot = dots.get(id);
    if (dot) eventLayer.appendChild(dot); // bring to front
    applyView();
  }

  function bbox() {
    const [x0, y1] = projection.invert(view.x, view.y);
    const [x1, y0] = projection.invert(view.x + view.w, view.y + view.h);
    return [Math.max(x0, -180), Math.max(y0, -90), Math.min(x1, 180), Math.min(y1, 90)];
  }

  container.parentElement.querySelectorAll("[data-zoom]").forEach((button) =>
    button.addEventListener("click", () => {
      const how = button.dataset.zoom;
      if (how === "fit") fit();
      else zoom(how === "in" ? 1 / 1.6 : 1.6);
    }));

  return { setEvents, select, fit, bbox };
}
