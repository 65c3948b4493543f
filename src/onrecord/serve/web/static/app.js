// onrecord: helpers shared by every page. Data from the API is only ever put into the page
// with textContent / setAttribute, never innerHTML, so article text cannot inject markup.
"use strict";

const onrecord = (() => {
  /** Fetch JSON from the API; a non-2xx answer throws an Error with the API's message. */
  async function fetchJSON(url) {
    const response = await fetch(url, { headers: { Accept: "application/json" } });
    let body = null;
    try {
      body = await response.json();
    } catch (_err) {
      body = null;
    }
    if (!response.ok) {
      const message = body && body.error ? body.error : `HTTP ${response.status}`;
      throw new Error(message);
    }
    return body;
  }

  /** An element with a class and text (text may be null: then the element stays empty). */
  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  /**
   * A link whose href comes from our own API: only a same-site path ("/x", not "//host" or
   * "/\\host", which browsers read as another site) without spaces or controls (browsers drop
   * tabs and newlines, so "/\t/host" is "//host") becomes an href; anything else leaves the
   * text without a link, so no URL from data can run script or leave the site.
   */
  function link(href, className, text) {
    const a = el("a", className, text);
    if (isSitePath(href)) a.setAttribute("href", href);
    return a;
  }

  function isSitePath(href) {
    return typeof href === "string" && /^\/(?![\/\\])/.test(href) && !/[\x00-\x20]/.test(href);
  }

  /** The day part of a reduced-precision ISO date ("2022-03-21T12:47+03:00" -> "2022-03-21"). */
  function day(value) {
    if (!value) return "";
    return String(value).split("T")[0];
  }

  /** One quote card: the words, speaker and role, outlet, date, link to the article. */
  function card(s) {
    const item = el("li", `card ${s.kind || ""}`);
    item.dataset.statement = String(s.id);
    item.appendChild(el("p", "words", s.words || (s.content ? s.content.text : "")));
    const meta = el("div", "meta");
    const speaker = s.speaker || {};
    const who = el("span", "who");
    if (speaker.name && s.links && s.links.speaker) {
      who.appendChild(link(s.links.speaker, "speaker", speaker.name));
    } else {
      who.appendChild(el("span", "speaker", speaker.name || "unknown speaker"));
    }
    if (speaker.role) {
      who.appendChild(document.createTextNode(", "));
      who.appendChild(el("span", "role", speaker.role));
    }
    meta.appendChild(who);
    meta.appendChild(el("span", "outlet", s.outlet || "unknown outlet"));
    const date = s.date || day(s.published);
    if (date) {
      const time = el("time", "date", date);
      time.setAttribute("datetime", date);
      meta.appendChild(time);
    }
    if (s.links && s.links.article) {
      meta.appendChild(link(s.links.article, "article-link", s.headline || "article"));
    }
    if (s.links && s.links.compare) meta.appendChild(link(s.links.compare, "compare-link", "compare"));
    meta.appendChild(el("span", "kind", s.kind));
    item.appendChild(meta);
    return item;
  }

  /** Replace a list's children with one card per statement. */
  function renderCards(list, statements) {
    list.replaceChildren(...statements.map(card));
  }

  function setStatus(node, text, isError) {
    node.textContent = text;
    node.classList.toggle("error", Boolean(isError));
  }

  return { fetchJSON, el, link, day, card, renderCards, setStatus };
})();
