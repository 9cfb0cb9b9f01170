// Wiring: read the config, pick the data source, and keep map, timeline, table, detail and briefing
// in step with the filters.

const readJson = (id) => JSON.parse(document.getElementById(id).textContent);
const config = readJson("polybius-config");
const source = config.api !== undefined ? apiSource(config.api) : embeddedSource(readJson("polybius-data"));
const legend = config.legend;
const form = document.getElementById("filters");
const statusNode = document.getElementById("status");
let map, timeline, table, total = 0, selected = null, requestNumber = 0;

function setStatus(text, isError) {
  statusNode.textContent = text || "";
  statusNode.classList.toggle("error", Boolean(isError));
}

function readFilter() {
  const values = Object.fromEntries(new FormData(form).entries());
  const filter = {};
  for (const key of ["date_from", "date_to", "event_type", "country", "actor"]) {
    if (values[key]) filter[key] = values[key].trim();
  }
  if (values.in_view) filter.bbox = map.bbox();
  return { filter, text: (values.q || "").trim().toLowerCase() };
}

// Free-text search runs in the page, over what the filters returned.
function matchesText(e, text) {
  if (!text) return true;
  return [e.event_id_cnty, e.location, e.admin1, e.admin2, e.country, e.notes, e.source, e.actor1, e.actor2,
          e.assoc_actor_1, e.assoc_actor_2, e.sub_event_type]
    .some((v) => v && String(v).toLowerCase().includes(text));
}

async function refresh() {
  const mine = ++requestNumber;
  const { filter, text } = readFilter();
  setStatus("Loading…");
  try {
    const found = await source.events(filter);
    if (mine !== requestNumber) return; // a newer request has been made meanwhile
    const shown = found.filter((e) => matchesText(e, text));
    map.setEvents(shown);
    timeline.setEvents(shown, { from: filter.date_from, to: filter.date_to });
    table.setEvents(shown, total);
    setStatus("");
  } catch (error) {
    if (mine === requestNumber) setStatus(String(error.message || error), true);
  }
}

async function selectEvent(id) {
  selected = id;
  map.select(id);
  table.select(id);
  showTab("detail");
  history.replaceState(null, "", `#event-${encodeURIComponent(id)}`);
  const container = document.getElementById("detail");
  clear(container).appendChild(el("p", { class: "hint" }, "Loading…"));
  try {
    const detail = await source.detail(id);
    if (selected === id) renderDetail(container, detail, { legend, source });
  } catch (error) {
    clear(container).appendChild(el("p", { class: "error" }, String(error.message || error)));
  }
}

function showTab(name) {
  document.querySelectorAll(".tab").forEach((tab) => tab.classList.toggle("active", tab.dataset.tab === name));
  document.querySelectorAll(".tab-body").forEach((body) => { body.hidden = body.id !== name; });
}

function setField(name, value) {
  form.elements[name].value = value || "";
}

async function showStory(story) {
  setField("date_from", story.date_from);
  setField("date_to", story.date_to);
  setField("country", story.country);
  await refresh();
  const ids = new Set(story.events);
  map.fit((await source.events({ date_from: story.date_from, date_to: story.date_to, country: story.country }))
    .filter((e) => ids.has(e.event_id_cnty)));
}

function renderOverview(overview) {
  document.title = overview.title;
  document.getElementById("page-title").textContent = overview.title;
  const span = overview.date_from ? `${formatDate(overview.date_from)} – ${formatDate(overview.date_to)}` : "no dated events";
  const facts = [plural(overview.events, "event", "events"), plural(overview.fatalities, "fatality", "fatalities"),
                 `from ${plural(overview.articles, "article", "articles")}`, span,
                 source.live ? "live" : `generated ${overview.generated}`];
  const node = clear(document.getElementById("overview"));
  facts.forEach((fact) => node.appendChild(el("span", { class: "fact" }, fact)));
  const fill = (select, values) => values.forEach((v) => select.appendChild(el("option", { value: v }, v)));
  fill(form.elements.event_type, overview.event_types);
  fill(form.elements.country, overview.countries);
  const legendNode = clear(document.getElementById("legend"));
  for (const type of overview.event_types) {
    const dot = el("span", { class: "swatch" });
    dot.style.background = typeColor(legend, type);
    legendNode.appendChild(el("button", { type: "button", class: "legend-item", title: `Show only ${type}`,
                                          onclick: () => { setField("event_type", type); refresh(); } }, dot, type));
  }
}

async function start() {
  try {
    const overview = await source.overview();
    total = overview.events;
    renderOverview(overview);
    const everything = await source.events({});
    const latitudes = everything.map((e) => e.latitude).filter((v) => v !== null).sort((a, b) => a - b);
    map = createMap(document.getElementById("map"), {
      legend, basemap: readJson("polybius-basemap"),
      referenceLatitude: latitudes.length ? latitudes[Math.floor(latitudes.length / 2)] : 20,
      onSelect: selectEvent,
      onViewChange: () => { if (form.elements.in_view.checked) refresh(); },
    });
    timeline = createTimeline(document.getElementById("timeline"), {
      legend, typeOrder: overview.event_types, period: { from: overview.published_from, to: overview.published_to },
      onPick: (from, to) => { setField("date_from", from); setField("date_to", to); refresh(); },
    });
    table = createTable(document.getElementById("table"), document.getElementById("table-count"),
                        { legend, onSelect: selectEvent });
    await refresh();
    map.fit(everything);
    renderBriefing(document.getElementById("briefing"), await source.briefing(), { onSelect: selectEvent, onStory: showStory });
    const wanted = decodeURIComponent((location.hash.match(/^#event-(.+)$/) || [])[1] || "");
    if (wanted) selectEvent(wanted);
    document.body.dataset.ready = "true";
  } catch (error) {
    setStatus(String(error.message || error), true);
    document.body.dataset.ready = "error";
  }
}

let typingTimer = null;
form.addEventListener("input", (evt) => {
  if (evt.target.type === "search") {
    clearTimeout(typingTimer);
    typingTimer = setTimeout(refresh, 250);
  }
});
form.addEventListener("change", (evt) => { if (evt.target.type !== "search") refresh(); });
form.addEventListener("submit", (evt) => { evt.preventDefault(); refresh(); });
form.addEventListener("reset", () => setTimeout(refresh, 0));
document.querySelectorAll(".tab").forEach((tab) => tab.addEventListener("click", () => showTab(tab.dataset.tab)));

start();
