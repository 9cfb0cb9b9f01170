// The timeline: events per day (or week, or month, for long spans) stacked by event type, with the
// fatalities as a line on its own scale. Clicking a bar filters the page to that day or week.
// It spans the From/To filter when one is set, else the reporting period (the articles' publication
// dates, from a month before the first): events recalled from years back would otherwise squash the
// weeks the report is about. A note counts the events left out.

function createTimeline(container, { legend, typeOrder, period, onPick }) {
  let events = [], range = {};
  const HEIGHT = 160, M = { top: 12, right: 44, bottom: 22, left: 34 };

  function bucketing(first, last) {
    const span = daysBetween(first, last);
    if (span <= 120) return { name: "day", start: (d) => d, next: (d) => addDays(d, 1) };
    if (span <= 3 * 365) {
      const monday = (d) => addDays(d, -((new Date(d + "T00:00:00Z").getUTCDay() + 6) % 7));
      return { name: "week", start: monday, next: (d) => addDays(d, 7) };
    }
    const month = (d) => d.slice(0, 8) + "01";
    const nextMonth = (d) => month(addDays(month(d), 32));
    return { name: "month", start: month, next: nextMonth };
  }

  function draw() {
    clear(container);
    const dated = events.filter((e) => e.event_date);
    const width = Math.max(container.clientWidth, 320);
    document.getElementById("bucket-name").textContent = "day";
    if (!dated.length) {
      container.appendChild(el("p", { class: "hint" }, "No dated events match the filters."));
      return;
    }
    const days = dated.map((e) => e.event_date).sort();
    const [first, last] = domain(days);
    const inside = dated.filter((e) => e.event_date >= first && e.event_date <= last);
    const unit = bucketing(first, last);
    document.getElementById("bucket-name").textContent = unit.name;
    const buckets = [];
    for (let d = unit.start(first); d <= last; d = unit.next(d)) {
      buckets.push({ from: d, to: addDays(unit.next(d), -1), counts: {}, total: 0, fatalities: 0 });
    }
    const index = new Map(buckets.map((b, i) => [b.from, i]));
    for (const e of inside) {
      const b = buckets[index.get(unit.start(e.event_date))];
      b.counts[e.event_type] = (b.counts[e.event_type] || 0) + 1;
      b.total += 1;
      b.fatalities += e.fatalities || 0;
    }
    const maxCount = Math.max(...buckets.map((b) => b.total), 1);
    const maxDead = Math.max(...buckets.map((b) => b.fatalities), 1);
    const plotW = width - M.left - M.right, plotH = HEIGHT - M.top - M.bottom;
    const step = plotW / buckets.length, barW = Math.max(Math.min(step * 0.8, 40), 1);
    const y = (v) => M.top + plotH - (v / maxCount) * plotH;
    const yDead = (v) => M.top + plotH - (v / maxDead) * plotH;
    const svg = svgEl("svg", { width, height: HEIGHT, class: "timeline-svg", role: "img", "aria-label": "Timeline" });

    for (const v of niceTicks(maxCount)) {
      svg.append(svgEl("line", { x1: M.left, x2: width - M.right, y1: y(v), y2: y(v), class: "grid" }),
                 svgEl("text", { x: M.left - 6, y: y(v) + 4, class: "axis", "text-anchor": "end" }, String(v)));
    }
    svg.append(svgEl("text", { x: width - M.right + 6, y: yDead(maxDead) + 4, class: "axis dead" }, String(maxDead)),
               svgEl("text", { x: width - M.right + 6, y: yDead(0) + 4, class: "axis dead" }, "0"));
    const labelEvery = Math.ceil(buckets.length / Math.max(Math.floor(plotW / 80), 1));
    const order = [...typeOrder, ...Object.keys(legend.types).filter((t) => !typeOrder.includes(t))];
    let lastYear = null;
    buckets.forEach((b, i) => {
      const x = M.left + i * step + (step - barW) / 2;
      let top = 0;
      for (const type of [...order, ...Object.keys(b.counts).filter((t) => !order.includes(t))]) {
        const n = b.counts[type];
        if (!n) continue;
        svg.appendChild(svgEl("rect", { x, y: y(top + n), width: barW, height: y(top) - y(top + n),
                                        fill: typeColor(legend, type), class: "bar" }));
        top += n;
      }
      if (i % labelEvery === 0) {
        const year = b.from.slice(0, 4), showYear = unit.name === "month" || year !== lastYear;
        lastYear = year;
        svg.appendChild(svgEl("text", { x: M.left + i * step + step / 2, y: HEIGHT - 6, class: "axis",
                                        "text-anchor": "middle" }, tickLabel(b.from, unit.name, showYear)));
      }
      svg.appendChild(svgEl("rect", {
        x: M.left + i * step, y: M.top, width: step, height: plotH, class: "hit",
        dataset: { from: b.from, to: b.to },
        onmousemove: (evt) => tooltip.show(evt, [
          b.from === b.to ? formatDate(b.from) : `${formatDate(b.from)} – ${formatDate(b.to)}`,
          ...Object.entries(b.counts).map(([t, n]) => `${t}: ${n}`),
          `Fatalities: ${b.fatalities}`]),
        onmouseleave: () => tooltip.hide(),
        onclick: () => onPick(b.from, b.to),
      }));
    });
    const line = buckets.map((b, i) => `${i ? "L" : "M"}${M.left + i * step + step / 2},${yDead(b.fatalities)}`);
    svg.appendChild(svgEl("path", { d: line.join(""), class: "dead-line" }));
    buckets.forEach((b, i) => {
      if (b.fatalities) svg.appendChild(svgEl("circle", { cx: M.left + i * step + step / 2, cy: yDead(b.fatalities),
                                                          r: 2.5, class: "dead-dot" }));
    });
    container.appendChild(svg);
    const before = dated.filter((e) => e.event_date < first).length, after = dated.length - inside.length - before;
    if (before || after) {
      const parts = [before ? `${plural(before, "event", "events")} dated before ${formatDate(first)}` : null,
                     after ? `${plural(after, "event", "events")} after ${formatDate(last)}` : null].filter(Boolean);
      container.appendChild(el("p", { class: "hint outside" },
        `Not drawn: ${parts.join(" and ")} (set From and To to see them).`));
    }
  }

  // The span drawn: the date filter's, else the reporting period's, narrowed to the events in it.
  function domain(days) {
    const from = range.from || (period && period.from ? addDays(period.from, -31) : days[0]);
    const to = range.to || (period && period.to ? period.to : days[days.length - 1]);
    const within = days.filter((d) => d >= from && d <= to);
    return within.length ? [within[0], within[within.length - 1]] : [days[0], days[days.length - 1]];
  }

  function tickLabel(iso, unitName, showYear) {
    const [y, m, d] = iso.split("-").map(Number);
    if (unitName === "month") return `${MONTHS[m - 1]} ${y}`;
    return showYear ? `${d} ${MONTHS[m - 1]} ${y}` : `${d} ${MONTHS[m - 1]}`;
  }

  function niceTicks(max) {
    const stepSize = Math.max(1, Math.ceil(max / 4));
    const ticks = [];
    for (let v = 0; v <= max; v += stepSize) ticks.push(v);
    return ticks;
  }

  new ResizeObserver(() => draw()).observe(container);
  return { setEvents(list, filterRange) { events = list; range = filterRange || {}; draw(); } };
}
