// Building DOM and SVG nodes. All text goes in through text nodes, never as HTML.
const SVG_NS = "http://www.w3.org/2000/svg";
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  setAttrs(node, attrs);
  append(node, children);
  return node;
}

function svgEl(tag, attrs, ...children) {
  const node = document.createElementNS(SVG_NS, tag);
  setAttrs(node, attrs);
  append(node, children);
  return node;
}

function setAttrs(node, attrs) {
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === "class") node.setAttribute("class", value);
    else if (key === "text") node.textContent = value;
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else if (key === "dataset") Object.assign(node.dataset, value);
    else node.setAttribute(key, value === true ? "" : String(value));
  }
}

function append(node, children) {
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

function clear(node) {
  while (node.firstChild) node.removeChild(node.firstChild);
  return node;
}

// Only web links become clickable: a javascript: or data: URL in an article record stays text.
function safeUrl(url) {
  return typeof url === "string" && /^https?:\/\//i.test(url) ? url : null;
}

function formatDate(iso) {
  if (!iso) return "—";
  const [y, m, d] = iso.split("-").map(Number);
  return `${d} ${MONTHS[m - 1]} ${y}`;
}

function isoDay(date) {
  return date.toISOString().slice(0, 10);
}

function addDays(iso, days) {
  const date = new Date(iso + "T00:00:00Z");
  date.setUTCDate(date.getUTCDate() + days);
  return isoDay(date);
}

function daysBetween(a, b) {
  return Math.round((Date.parse(b + "T00:00:00Z") - Date.parse(a + "T00:00:00Z")) / 86400000);
}

function typeColor(legend, type) {
  return legend.types[type] || legend.other_color;
}

function plural(count, one, many) {
  return `${count.toLocaleString("en")} ${count === 1 ? one : many}`;
}

// An article's name in source lists: its title, else its opening words in quotes, else its id.
function articleName(a) {
  return a.title || (a.opening ? `“${a.opening}”` : a.id);
}

// The report lists disputes as a count, the API as the disputes themselves.
function disputeCount(event) {
  return Array.isArray(event.disputes) ? event.disputes.length : event.disputes || 0;
}

function placeLabel(event) {
  const parts = [event.location, event.admin2, event.admin1, event.country].filter(Boolean);
  return [...new Set(parts)].join(", ") || "place not reported";
}

function actorsLabel(event) {
  const first = [event.actor1, event.assoc_actor_1].filter(Boolean).join("; ");
  const second = [event.actor2, event.assoc_actor_2].filter(Boolean).join("; ");
  return second ? `${first || "?"} vs ${second}` : first || "—";
}

function fatalitiesLabel(event) {
  const low = event.fatalities_low, high = event.fatalities_high;
  const coded = event.fatalities ?? 0;
  return high !== null && high !== undefined && low !== high ? `${coded} (${low}–${high})` : String(coded);
}

// A floating tooltip shared by the map and the timeline; lines are plain text.
const tooltip = {
  node: null,
  show(evt, lines) {
    this.node = this.node || document.getElementById("tooltip");
    clear(this.node);
    lines.forEach((line, i) => this.node.appendChild(el("div", { class: i === 0 ? "tip-head" : "" }, line)));
    this.node.hidden = false;
    const pad = 14, box = this.node.getBoundingClientRect();
    let x = evt.clientX + pad, y = evt.clientY + pad;
    if (x + box.width > window.innerWidth) x = evt.clientX - box.width - pad;
    if (y + box.height > window.innerHeight) y = evt.clientY - box.height - pad;
    this.node.style.left = `${x}px`;
    this.node.style.top = `${y}px`;
  },
  hide() {
    if (this.node) this.node.hidden = true;
  },
};
