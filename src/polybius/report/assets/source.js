// Where the page's data comes from. Both sources answer the same questions with the same shapes:
//   overview()  -> {title, generated, articles, events, fatalities, date_from, date_to, countries, event_types}
//   events(f)   -> [event]  for a filter {date_from, date_to, event_type, country, actor, bbox}
//   detail(id)  -> event with every field, sentences, support, disputes, articles
//   briefing()  -> {stories, rest}
//   article(id) -> full article (live only; null when the page is a standalone report)
const FILTER_KEYS = ["date_from", "date_to", "event_type", "country", "admin1", "actor", "bbox"];

// The embedded report: the same filter rules as the API's, applied in the page.
function embeddedSource(data) {
  const lower = (v) => (v || "").toLowerCase();
  const matches = (e, f) => {
    if (f.date_from && !(e.event_date && e.event_date >= f.date_from)) return false;
    if (f.date_to && !(e.event_date && e.event_date <= f.date_to)) return false;
    if (f.event_type && lower(e.event_type) !== lower(f.event_type)) return false;
    if (f.country && lower(e.country) !== lower(f.country)) return false;
    if (f.admin1 && lower(e.admin1) !== lower(f.admin1)) return false;
    if (f.actor) {
      const actors = [e.actor1, e.actor2, e.assoc_actor_1, e.assoc_actor_2].map(lower).join("|");
      if (!actors.includes(lower(f.actor))) return false;
    }
    if (f.bbox) {
      const [x0, y0, x1, y1] = f.bbox;
      if (e.longitude === null || e.latitude === null) return false;
      if (e.longitude < x0 || e.longitude > x1 || e.latitude < y0 || e.latitude > y1) return false;
    }
    return true;
  };
  return {
    live: false,
    overview: async () => data.overview,
    events: async (filter) => data.events.filter((e) => matches(e, filter)),
    detail: async (id) => data.details[id] || null,
    briefing: async () => data.briefing,
    article: null,
  };
}

// The web app: the same questions asked of its API.
function apiSource(base) {
  const get = async (path) => {
    const response = await fetch(base + path, { headers: { Accept: "application/json" } });
    const body = await response.json().catch(() => ({}));
    if (!response.ok) throw new Error(body.detail || `${response.status} ${response.statusText}`);
    return body;
  };
  const query = (filter) => {
    const params = new URLSearchParams({ format: "json" });
    for (const key of FILTER_KEYS) {
      const value = filter[key];
      if (value === undefined || value === null || value === "") continue;
      params.set(key, Array.isArray(value) ? value.map((v) => v.toFixed(4)).join(",") : value);
    }
    return params.toString();
  };
  return {
    live: true,
    overview: () => get("/overview"),
    events: async (filter) => (await get("/events?" + query(filter))).events,
    detail: (id) => get("/events/" + encodeURIComponent(id)),
    briefing: () => get("/briefing"),
    article: (id) => get("/articles/" + encodeURIComponent(id)),
  };
}
