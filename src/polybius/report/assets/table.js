// The event table: sortable by any column (click its header), a row opens the event's detail.
// Long lists are shown a page at a time so the page stays quick with thousands of events.

function createTable(container, countNode, { legend, onSelect }) {
  const PAGE = 250;
  const columns = [
    { key: "date", label: "Date", sort: (e) => e.event_date || "",
      cell: (e) => [formatDate(e.event_date), e.time_precision > 1 ? el("span", { class: "muted", title: "approximate date" }, " ~") : null] },
    { key: "type", label: "Type", sort: (e) => `${e.event_type} ${e.sub_event_type}`,
      cell: (e) => [el("span", { class: "swatch", "data-color": typeColor(legend, e.event_type) }),
                    el("span", {}, e.sub_event_type || e.event_type || "—"), el("div", { class: "muted" }, e.event_type || "")] },
    { key: "actors", label: "Actors", sort: (e) => actorsLabel(e).toLowerCase(), cell: (e) => actorsLabel(e) },
    { key: "place", label: "Place", sort: (e) => placeLabel(e).toLowerCase(), cell: (e) => placeLabel(e) },
    { key: "fatalities", label: "Fatalities", numeric: true, sort: (e) => e.fatalities || 0,
      cell: (e) => [fatalitiesLabel(e), disputeCount(e) ? el("span", { class: "badge", title: "sources disagree" }, "disputed") : null] },
    { key: "sources", label: "Sources", sort: (e) => (e.documents || []).length,
      cell: (e) => [e.source || "—", el("div", { class: "muted" }, plural((e.documents || []).length, "article", "articles"))] },
  ];
  let events = [], sortKey = "date", direction = -1, shown = PAGE, selected = null;

  function sorted() {
    const column = columns.find((c) => c.key === sortKey);
    return [...events].sort((a, b) => {
      const x = column.sort(a), y = column.sort(b);
      const order = x < y ? -1 : x > y ? 1 : 0;
      return order * direction || (a.event_id_cnty < b.event_id_cnty ? -1 : 1);
    });
  }

  function draw() {
    clear(container);
    const head = el("tr", {}, columns.map((c) => el("th", {
      class: [c.numeric ? "num" : "", c.key === sortKey ? "sorted" : ""].join(" ").trim(),
      "aria-sort": c.key === sortKey ? (direction > 0 ? "ascending" : "descending") : "none",
      dataset: { key: c.key },
      onclick: () => {
        direction = c.key === sortKey ? -direction : c.numeric || c.key === "date" ? -1 : 1;
        sortKey = c.key;
        draw();
      },
    }, c.label, c.key === sortKey ? (direction > 0 ? " ▲" : " ▼") : "")));
    const rows = sorted().slice(0, shown).map((e) => {
      const row = el("tr", { dataset: { id: e.event_id_cnty }, class: e.event_id_cnty === selected ? "selected" : "",
                              tabindex: 0, onclick: () => onSelect(e.event_id_cnty),
                              onkeydown: (evt) => { if (evt.key === "Enter") onSelect(e.event_id_cnty); } },
        columns.map((c) => el("td", { class: c.numeric ? "num" : "" }, c.cell(e))));
      return row;
    });
    const table = el("table", { class: "events-table" }, el("thead", {}, head), el("tbody", {}, rows));
    // Colour swatches take their colour from a data attribute: no inline style markup is needed.
    table.querySelectorAll(".swatch").forEach((s) => { s.style.background = s.dataset.color; });
    container.appendChild(table);
    if (events.length > shown) {
      container.appendChild(el("button", { type: "button", class: "button more",
                                           onclick: () => { shown += PAGE; draw(); } },
                               `Show ${Math.min(PAGE, events.length - shown)} more of ${events.length - shown}`));
    }
    if (!events.length) container.appendChild(el("p", { class: "hint" }, "No events match the filters."));
  }

  return {
    setEvents(list, total) {
      events = list;
      shown = PAGE;
      countNode.textContent = total === list.length ? plural(list.length, "event", "events")
        : `${list.length.toLocaleString("en")} of ${plural(total, "event", "events")}`;
      draw();
    },
    select(id) {
      selected = id;
      container.querySelectorAll("tbody tr").forEach((tr) => tr.classList.toggle("selected", tr.dataset.id === id));
      // Scroll the table's own box only, never the page.
      const row = container.querySelector(`tbody tr[data-id="${CSS.escape(id || "")}"]`);
      if (!row) return;
      const box = container.getBoundingClientRect(), at = row.getBoundingClientRect();
      if (at.top < box.top + 32 || at.bottom > box.bottom) container.scrollTop += at.top - box.top - 40;
    },
  };
}
