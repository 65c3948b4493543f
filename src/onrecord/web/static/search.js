// The search page: reads the form, asks /api/statements, shows quote cards with the matched
// words marked, then asks /api/facets for the counts beside them (they cost more than a page
// of results, so the results do not wait for them); keeps the URL in step (so a search can
// be bookmarked or shared). Typing searches after a short pause. With nothing asked, the
// page shows the latest statements whose speaker is named (a reader's first view).
"use strict";

(() => {
  const form = document.getElementById("search-form");
  const results = document.getElementById("results");
  const status = document.getElementById("status");
  const pager = document.getElementById("pager");
  const pageInfo = document.getElementById("page-info");
  const prev = document.getElementById("prev");
  const next = document.getElementById("next");
  const facetsBox = document.getElementById("facets");
  const PAGE = 20;
  const FACETS = [["speaker", "Speaker"], ["outlet", "Outlet"], ["kind", "Kind"], ["year", "Year"]];
  let offset = Number(new URLSearchParams(location.search).get("offset")) || 0;
  let pending = null;
  let timer = null;

  /** The form's filled fields (the default order left out: "/" stays "/"). */
  function params() {
    const p = new URLSearchParams();
    for (const [key, value] of new FormData(form)) {
      const text = String(value).trim();
      if (text !== "" && !(key === "sort" && text === "relevance")) p.set(key, text);
    }
    return p;
  }

  /** Whether the reader asked for anything (an order alone is not a question). */
  function asked(p) {
    return [...p.keys()].some((key) => key !== "sort");
  }

  /** Set the form's fields to a facet value's filter (or clear them when it is applied). */
  function applyFacet(value) {
    for (const [key, wanted] of Object.entries(value.filter || {})) {
      const field = form.elements.namedItem(key);
      if (!field) continue;
      const chosen = value.selected ? "" : wanted;
      if (field.tagName === "SELECT" && chosen && ![...field.options].some((o) => o.value === chosen)) {
        field.appendChild(new Option(chosen, chosen));
      }
      field.value = chosen;
    }
    clearTimeout(timer);
    offset = 0;
    run();
  }

  /** The search page's address with a facet value's filter applied (a real link too). */
  function facetHref(value) {
    const p = params();
    for (const [key, wanted] of Object.entries(value.filter || {})) {
      if (value.selected) p.delete(key);
      else p.set(key, wanted);
    }
    return p.toString() ? `/?${p}` : "/";
  }

  function renderFacets(answer) {
    const el = onrecord.el;
    const sections = [];
    for (const [name, title] of FACETS) {
      const facet = answer && answer.facets ? answer.facets[name] : null;
      if (!facet || facet.values.length === 0) continue;
      const section = el("section", "facet");
      section.dataset.facet = name;
      section.appendChild(el("h2", null, title));
      const list = el("ul");
      for (const value of facet.values) {
        const item = el("li", value.selected ? "selected" : null);
        if (value.filter) {
          const a = onrecord.link(facetHref(value), "facet-value", value.label);
          if (value.selected) a.setAttribute("title", "remove this filter");
          a.addEventListener("click", (event) => {
            event.preventDefault();
            applyFacet(value);
          });
          item.appendChild(a);
        } else {
          item.appendChild(el("span", "facet-value none", value.label));
        }
        item.appendChild(el("span", "count", value.count.toLocaleString("en")));
        list.appendChild(item);
      }
      if (facet.more) list.appendChild(el("li", "more muted", "…"));
      section.appendChild(list);
      sections.push(section);
    }
    if (sections.length && answer.partial) {
      sections.push(el("p", "small muted", `Counted over the newest ${answer.counted.toLocaleString("en")} matches.`));
    }
    facetsBox.replaceChildren(...sections);
    facetsBox.hidden = sections.length === 0;
  }

  /** Ask for the facet counts of the search `p` and show them (none when that fails). */
  async function showFacets(p, signal) {
    const asked = new URLSearchParams(p);
    for (const key of ["limit", "offset", "sort"]) asked.delete(key);
    for (const [name] of FACETS) asked.append("facet", name);
    facetsBox.setAttribute("aria-busy", "true");
    try {
      renderFacets(await onrecord.fetchJSON(`/api/facets?${asked}`, signal));
      facetsBox.removeAttribute("aria-busy");
    } catch (err) {
      if (err.name === "AbortError") return;  // a newer search asks for its own
      renderFacets(null);
      facetsBox.removeAttribute("aria-busy");
    }
  }

  async function run() {
    const p = params();
    const latest = !asked(p);
    if (offset > 0) p.set("offset", String(offset));
    history.replaceState(null, "", p.toString() ? `/?${p}` : "/");
    p.set("limit", String(PAGE));
    if (latest) p.set("has_speaker", "true");
    const controller = new AbortController();
    if (pending) pending.abort();
    pending = controller;
    onrecord.setStatus(status, "Searching…", false);
    try {
      const response = await fetch(`/api/statements?${p}`, { signal: controller.signal });
      const body = await response.json();
      if (!response.ok) throw new Error(body && body.error ? body.error : `HTTP ${response.status}`);
      onrecord.renderCards(results, body.items);
      const shown = body.items.length;
      // A lower-bound total (counting stopped at the server's cap) reads "10000+ statements".
      const more = body.total_is_lower_bound ? "+" : "";
      const count = `${body.total}${more} statement${body.total === 1 && !more ? "" : "s"}`;
      const range = shown < body.total ? `, showing ${body.offset + 1}–${body.offset + shown}` : "";
      let text = body.total === 0 ? "No statements found." : count + range;
      if (latest && body.total > 0) text = `Latest statements by named speakers: ${count}${range}`;
      onrecord.setStatus(status, text, false);
      pager.hidden = body.total <= PAGE && !body.links.next;
      const pages = `${Math.ceil(body.total / PAGE)}${more}`;
      pageInfo.textContent = `page ${Math.floor(body.offset / PAGE) + 1} of ${pages}`;
      prev.disabled = body.offset === 0;
      next.disabled = !body.links.next;
      await showFacets(p, controller.signal);
    } catch (err) {
      if (err.name === "AbortError") return;
      results.replaceChildren();
      renderFacets(null);
      pager.hidden = true;
      onrecord.setStatus(status, err.message, true);
    }
  }

  function soon() {
    clearTimeout(timer);
    offset = 0;
    timer = setTimeout(run, 250);
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    clearTimeout(timer);
    offset = 0;
    run();
  });
  form.addEventListener("input", soon);
  form.addEventListener("change", soon);
  prev.addEventListener("click", () => { offset = Math.max(0, offset - PAGE); run(); });
  next.addEventListener("click", () => { offset += PAGE; run(); });
  run();
})();
