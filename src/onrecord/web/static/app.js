// onrecord: helpers shared by every page. Data from the API is only ever put into the page
// with textContent / setAttribute, never innerHTML, so article text cannot inject markup.
"use strict";

const onrecord = (() => {
  /** Fetch JSON from the API; a non-2xx answer throws an Error with the API's message. */
  async function fetchJSON(url, signal) {
    const response = await fetch(url, { headers: { Accept: "application/json" }, signal });
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

  const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  // year, month, day, hour, minute, zone | month, day of a date without a year
  const DATE_RE =
    /^(?:(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?)?)?|--(\d{2})(?:-(\d{2}))?)$/;
  const pad = (n) => String(n).padStart(2, "0");

  /**
   * A reduced-precision ISO date (or "start/end" range) as a person reads it: "26 Apr 2022,
   * 20:30 UTC", "Mar 2022", "28 Mar, year unknown". The same rules as the server's
   * onrecord/web/dates.py (one table of cases checks both); unreadable input is shown
   * as given.
   */
  function humanDate(value) {
    if (!value) return "";
    const text = String(value);
    if (text.includes("/")) {
      const [start, end] = text.split("/", 2);
      return humanRange(start, end || null);
    }
    const m = DATE_RE.exec(text.trim());
    if (!m) return text;
    const [, y, mo, d, hh, mm, tz, nm, nd] = m;
    if (nm) {
      const month = MONTHS[Number(nm) - 1];
      if (!month) return text;
      return nd ? `${Number(nd)} ${month}, year unknown` : `${month}, year unknown`;
    }
    if (!mo) return y;
    const month = MONTHS[Number(mo) - 1];
    if (!month) return text;
    if (!d) return `${month} ${y}`;
    const date = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
    if (date.getUTCDate() !== Number(d) || date.getUTCMonth() !== Number(mo) - 1) return text;
    if (!hh) return `${Number(d)} ${month} ${y}`;
    if (Number(hh) > 23 || Number(mm) > 59) return text;
    if (!tz) return `${Number(d)} ${month} ${y}, ${hh}:${mm}`;
    let offset = 0;
    if (tz !== "Z") {
      const digits = tz.slice(1).replace(":", "");
      offset = (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))) * (tz[0] === "-" ? -1 : 1);
    }
    const utc = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(hh), Number(mm)) - offset * 60000);
    return `${utc.getUTCDate()} ${MONTHS[utc.getUTCMonth()]} ${utc.getUTCFullYear()}, ` +
      `${pad(utc.getUTCHours())}:${pad(utc.getUTCMinutes())} UTC`;
  }

  /** [year or null, month name, day] of a day-precision date without a time, else null. */
  function dayParts(value) {
    const m = DATE_RE.exec(value);
    if (!m || humanDate(value) === value) return null;
    const [, y, mo, d, hh, , , nm, nd] = m;
    if (nd) return [null, MONTHS[Number(nm) - 1], Number(nd)];
    if (!d || hh) return null;
    return [y, MONTHS[Number(mo) - 1], Number(d)];
  }

  /** A date range, a shared month and year said once ("29–30 Mar 2022"). */
  function humanRange(start, end) {
    if (!start) return humanDate(end);
    if (!end || end === start) return humanDate(start);
    const a = dayParts(start);
    const b = dayParts(end);
    if (!a || !b || a[0] !== b[0]) return `${humanDate(start)} – ${humanDate(end)}`;
    const year = a[0] ? ` ${a[0]}` : ", year unknown";
    if (a[1] === b[1]) return `${a[2]}–${b[2]} ${a[1]}${year}`;
    return `${a[2]} ${a[1]} – ${b[2]} ${b[1]}${year}`;
  }

  /**
   * The words of a statement with the search's matches marked: `segments` is the API's
   * highlight ([{text, match}]); each match becomes a <mark>, all text goes in as text.
   */
  function marked(node, segments) {
    for (const part of segments) {
      if (part.match) node.appendChild(el("mark", "hit", part.text));
      else node.appendChild(document.createTextNode(part.text));
    }
    return node;
  }

  /** One quote card: the words, speaker and role, outlet, date, link to the article. */
  function card(s) {
    const item = el("li", `card ${s.kind || ""}`);
    item.dataset.statement = String(s.id);
    const words = el("p", "words");
    if (s.highlight && Array.isArray(s.highlight.segments)) marked(words, s.highlight.segments);
    else words.textContent = s.words || (s.content ? s.content.text : "");
    item.appendChild(words);
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
    const published = s.published || s.date;
    if (published) {
      const time = el("time", "date", humanDate(published));
      time.setAttribute("datetime", published.startsWith("--") ? published.slice(2) : published);
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

  return { fetchJSON, el, link, day, humanDate, marked, card, renderCards, setStatus };
})();
