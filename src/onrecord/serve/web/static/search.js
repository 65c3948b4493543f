// The search page: reads the form, asks /api/statements, shows quote cards, keeps the URL in
// step (so a search can be bookmarked or shared). Typing searches after a short pause.
"use strict";

(() => {
  const form = document.getElementById("search-form");
  const results = document.getElementById("results");
  const status = document.getElementById("status");
  const pager = document.getElementById("pager");
  const pageInfo = document.getElementById("page-info");
  const prev = document.getElementById("prev");
  const next = document.getElementById("next");
  const PAGE = 20;
  let offset = Number(new URLSearchParams(location.search).get("offset")) || 0;
  let pending = null;
  let timer = null;

  function params() {
    const p = new URLSearchParams();
    for (const [key, value] of new FormData(form)) {
      if (String(value).trim() !== "") p.set(key, String(value).trim());
    }
    return p;
  }

  async function run() {
    const p = params();
    if (offset > 0) p.set("offset", String(offset));
    history.replaceState(null, "", p.toString() ? `/?${p}` : "/");
    p.set("limit", String(PAGE));
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
      const text = body.total === 0
        ? "No statements found."
        : `${body.total}${more} statement${body.total === 1 && !more ? "" : "s"}` +
          (shown < body.total ? `, showing ${body.offset + 1}–${body.offset + shown}` : "");
      onrecord.setStatus(status, text, false);
      pager.hidden = body.total <= PAGE && !body.links.next;
      const pages = `${Math.ceil(body.total / PAGE)}${more}`;
      pageInfo.textContent = `page ${Math.floor(body.offset / PAGE) + 1} of ${pages}`;
      prev.disabled = body.offset === 0;
      next.disabled = !body.links.next;
    } catch (err) {
      if (err.name === "AbortError") return;
      results.replaceChildren();
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
