// An event's detail: each field with the source sentences that support it (the supporting words
// highlighted), the sources' disagreements, every ACLED column, and the articles it comes from.

const FIELD_LABELS = {
  event_type: "Event type", sub_event_type: "Sub-event type", event_date: "Date", actor1: "Actor 1",
  assoc_actor_1: "Associated with actor 1", actor2: "Actor 2", assoc_actor_2: "Associated with actor 2",
  location: "Place", fatalities: "Fatalities", notes: "Report", actors: "Actors",
};

function renderDetail(container, detail, { legend, source }) {
  clear(container);
  if (!detail) {
    container.appendChild(el("p", { class: "hint" }, "This event is not in the data."));
    return;
  }
  const articles = new Map((detail.articles || []).map((a) => [a.id, a]));
  const cite = (document) => {
    const a = articles.get(document);
    return el("a", { class: "cite", href: `#source-${a ? a.n : ""}`, title: a ? articleLine(a) : document,
                     onclick: (evt) => { evt.preventDefault(); flash(container, a); } }, `[${a ? a.n : "?"}]`);
  };
  const value = (field) => {
    if (field === "fatalities") return fatalitiesLabel(detail);
    if (field === "location") return placeLabel(detail);
    if (field === "event_date") return formatDate(detail.event_date) + (detail.time_precision > 1 ? ` (precision ${detail.time_precision})` : "");
    return detail[field] === null || detail[field] === undefined ? "—" : String(detail[field]);
  };

  const swatch = el("span", { class: "swatch" });
  swatch.style.background = typeColor(legend, detail.event_type);
  container.append(
    el("div", { class: "detail-head" },
      el("h3", {}, swatch, `${detail.sub_event_type || detail.event_type} `, el("span", { class: "muted" }, detail.event_id_cnty)),
      el("div", { class: "muted" }, `${formatDate(detail.event_date)} · ${placeLabel(detail)} · fatalities ${fatalitiesLabel(detail)}`)),
    el("p", { class: "notes" }, detail.notes || ""));

  const evidence = el("section", { class: "evidence" }, el("h4", {}, "Evidence"));
  const support = detail.support || {};
  if (!Object.keys(support).length) evidence.appendChild(el("p", { class: "hint" }, "No source text was recorded for this event."));
  for (const [field, items] of Object.entries(support)) {
    const block = el("div", { class: "field", dataset: { field } },
      el("div", { class: "field-name" }, FIELD_LABELS[field] || field, el("span", { class: "field-value" }, value(field))));
    for (const item of items) {
      block.appendChild(supportQuote(detail.sentences[item.sentence], item.highlight, cite));
    }
    evidence.appendChild(block);
  }
  container.appendChild(evidence);

  if ((detail.disputes || []).length) {
    const disputes = el("section", { class: "disputes" }, el("h4", {}, "Disputes"));
    for (const dispute of detail.disputes) {
      disputes.appendChild(el("div", { class: "dispute" },
        el("div", { class: "field-name" }, `${FIELD_LABELS[dispute.field] || dispute.field}: `,
           dispute.kind === "update" ? "later reports update earlier ones" : "sources disagree"),
        el("ul", {}, (dispute.claims || []).map((claim) => el("li", {},
          `${claim.value} `, claim.document ? cite(claim.document) : null,
          claim.published ? el("span", { class: "muted" }, ` published ${formatDate(claim.published)}`) : null)))));
    }
    container.appendChild(disputes);
  }

  const fields = el("details", { class: "all-fields" }, el("summary", {}, "All ACLED fields"));
  const skip = new Set(["evidence", "disputes", "sentences", "support", "articles"]);
  fields.appendChild(el("table", {}, el("tbody", {}, Object.entries(detail).filter(([k]) => !skip.has(k)).map(([k, v]) =>
    el("tr", {}, el("th", {}, k), el("td", {}, Array.isArray(v) ? v.join("; ") : v === null ? "" : String(v)))))));
  container.appendChild(fields);

  const list = el("ol", { class: "articles" });
  for (const a of detail.articles || []) {
    const url = safeUrl(a.url);
    const item = el("li", { id: `source-${a.n}`, value: a.n, dataset: { document: a.id } },
      url ? el("a", { href: url, target: "_blank", rel: "noopener noreferrer" }, articleName(a)) : el("span", {}, articleName(a)),
      el("div", { class: "muted" }, [a.source, formatDate(a.published), a.id].filter(Boolean).join(" · ")));
    if (source.article) {
      const reader = el("div", { class: "reader", hidden: true });
      item.append(el("button", { type: "button", class: "button small", onclick: async (evt) => {
        reader.hidden = !reader.hidden;
        if (!reader.hidden && !reader.firstChild) {
          evt.target.disabled = true;
          try {
            const article = await source.article(a.id);
            article.text.split(/\n{2,}/).forEach((p) => reader.appendChild(el("p", {}, p)));
          } catch (error) {
            reader.appendChild(el("p", { class: "error" }, String(error.message || error)));
          }
          evt.target.disabled = false;
        }
      } }, "Read the article"), reader);
    }
    list.appendChild(item);
  }
  container.append(el("section", {}, el("h4", {}, "Articles"), list));
}

// A supporting sentence with its span marked. Long sentences show the words around the span
// first; a click shows the whole sentence.
const CONTEXT_CHARS = 110;

function supportQuote(sentence, [start, end], cite) {
  const text = sentence.text, from = Math.max(start, 0);
  const whole = () => [text.slice(0, from), el("mark", {}, text.slice(from, end)), text.slice(end)];
  const left = Math.max(0, text.lastIndexOf(" ", Math.max(from - CONTEXT_CHARS, 0)));
  const right = text.indexOf(" ", Math.min(end + CONTEXT_CHARS, text.length));
  const clipped = left > 0 || (right > 0 && right < text.length);
  const body = el("span", {}, clipped
    ? [left > 0 ? "… " : "", text.slice(left, from).trimStart(), el("mark", {}, text.slice(from, end)),
       text.slice(end, right > 0 ? right : text.length), right > 0 ? " …" : ""]
    : whole());
  const quote = el("blockquote", { class: clipped ? "support clipped" : "support", title: clipped ? "Show the whole sentence" : null },
    cite(sentence.document), " ", body);
  if (clipped) {
    quote.addEventListener("click", () => {
      clear(body);
      append(body, [whole()]);
      quote.classList.remove("clipped");
      quote.removeAttribute("title");
    }, { once: true });
  }
  return quote;
}

function articleLine(a) {
  return [articleName(a), a.source, formatDate(a.published)].filter(Boolean).join(" — ");
}

function flash(container, article) {
  if (!article) return;
  const item = container.querySelector(`#source-${article.n}`);
  if (!item) return;
  item.scrollIntoView({ block: "nearest", behavior: "smooth" });
  item.classList.add("flash");
  setTimeout(() => item.classList.remove("flash"), 1200);
}
