// The briefing: stories written from the fused events, each sentence's citations linking to the
// story's numbered sources. Paragraphs arrive as segments (text, event links, citations), never HTML.

function renderBriefing(container, briefing, { onSelect, onStory }) {
  clear(container);
  const stories = (briefing && briefing.stories) || [];
  if (!stories.length) {
    container.appendChild(el("p", { class: "hint" }, "No stories: there are no dated, placed events yet."));
    return;
  }
  stories.forEach((story, index) => {
    const sources = new Map(story.sources.map((s) => [s.n, s]));
    const sourceId = (n) => `story-${index}-source-${n}`;
    const segment = (part) => {
      if (part.cite !== undefined) {
        const s = sources.get(part.cite);
        return el("a", { class: "cite", href: `#${sourceId(part.cite)}`, title: s ? articleLine(s) : "",
                         onclick: (evt) => {
                           evt.preventDefault();
                           const item = document.getElementById(sourceId(part.cite));
                           if (item) { item.classList.add("flash"); setTimeout(() => item.classList.remove("flash"), 1200); }
                         } }, `[${part.cite}]`);
      }
      if (part.event) {
        return el("a", { class: "event-link", href: `#event-${part.event}`, dataset: { id: part.event },
                         onclick: (evt) => { evt.preventDefault(); onSelect(part.event); } }, part.text);
      }
      return document.createTextNode(part.text);
    };
    const article = el("article", { class: "story", dataset: { story: index } },
      el("h3", {}, el("a", { href: "#", title: "Show this story's events",
                             onclick: (evt) => { evt.preventDefault(); onStory(story); } }, story.title)),
      story.paragraphs.map((paragraph) => el("p", {}, paragraph.map(segment))),
      el("ol", { class: "sources" }, story.sources.map((s) => {
        const url = safeUrl(s.url);
        return el("li", { id: sourceId(s.n), value: s.n },
          url ? el("a", { href: url, target: "_blank", rel: "noopener noreferrer" }, articleName(s)) : (articleName(s)),
          el("span", { class: "muted" }, ` — ${[s.source, formatDate(s.published)].filter(Boolean).join(", ")}`));
      })));
    container.appendChild(article);
  });
  if (briefing.rest) container.appendChild(el("p", { class: "muted rest" }, briefing.rest));
}
