// The speaker page: a stacked bar chart of statements over time by outlet (inline SVG drawn
// here, no chart library), and the latest statements as quote cards. The data comes
// embedded in the page as JSON (the same object /api/speakers/{id} returns).
"use strict";

(() => {
  const SVG = "http://www.w3.org/2000/svg";
  const COLORS = ["#1f5fa8", "#d9822b", "#2a8a4a", "#a23b72", "#6c5ce7", "#b8860b", "#00838f", "#7a8699"];
  const H = 240;
  const PAD = { left: 36, right: 8, top: 10, bottom: 40 };

  function svg(tag, attrs, text) {
    const node = document.createElementNS(SVG, tag);
    for (const [key, value] of Object.entries(attrs || {})) node.setAttribute(key, String(value));
    if (text !== undefined) node.textContent = String(text);
    return node;
  }

  /** Bins between the first and last date: days for short spans, months, else years. */
  function binsFor(dates) {
    const sorted = [...dates].sort();
    const first = new Date(`${sorted[0]}T00:00:00Z`);
    const last = new Date(`${sorted[sorted.length - 1]}T00:00:00Z`);
    const days = Math.round((last - first) / 86400000);
    if (days <= 62) {
      const out = [];
      for (let t = first.getTime(); t <= last.getTime(); t += 86400000) {
        out.push(new Date(t).toISOString().slice(0, 10));
      }
      return { size: 10, keys: out };
    }
    const months = (last.getUTCFullYear() - first.getUTCFullYear()) * 12 + last.getUTCMonth() - first.getUTCMonth();
    if (months <= 120) {
      const out = [];
      for (let m = 0; m <= months; m += 1) {
        const d = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + m, 1));
        out.push(d.toISOString().slice(0, 7));
      }
      return { size: 7, keys: out };
    }
    const out = [];
    for (let y = first.getUTCFullYear(); y <= last.getUTCFullYear(); y += 1) out.push(String(y));
    return { size: 4, keys: out };
  }

  /**
   * Rows placed on the time axis. A date without a year ("--03-28", as wire datelines give
   * it) is placed in the year most of the speaker's dated statements have, and flagged.
   */
  function placeRows(activity) {
    const years = new Map();
    for (const r of activity) {
      if (/^\d{4}-\d{2}-\d{2}/.test(r.date || "")) {
        const y = r.date.slice(0, 4);
        years.set(y, (years.get(y) || 0) + r.count);
      }
    }
    const refYear = [...years.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] || null;
    const placed = [];
    let assumed = 0;
    for (const r of activity) {
      const date = r.date || "";
      if (/^\d{4}-\d{2}-\d{2}/.test(date)) {
        placed.push({ date: date.slice(0, 10), outlet: r.outlet, count: r.count, assumed: false });
      } else if (/^--\d{2}-\d{2}/.test(date) && refYear) {
        placed.push({ date: `${refYear}${date.slice(1, 7)}`, outlet: r.outlet, count: r.count, assumed: true });
        assumed += r.count;
      }
    }
    return { rows: placed, assumed, refYear };
  }

  /** Draw the chart into `figure`; `activity` is [{date, outlet, count}] (days, ISO). */
  function drawChart(figure, caption, activity) {
    // Drawn at the figure's own width so labels keep their size on a phone.
    const W = Math.max(300, Math.min(960, figure.clientWidth - 16));
    const { rows, assumed, refYear } = placeRows(activity);
    if (rows.length === 0) {
      caption.textContent = "No dated statements to chart.";
      return;
    }
    const outlets = [...new Set(rows.map((r) => r.outlet || "unknown outlet"))].sort();
    const { size, keys } = binsFor(rows.map((r) => r.date));
    const counts = new Map(keys.map((k) => [k, new Map()]));
    const guessed = new Set();
    for (const r of rows) {
      const key = r.date.slice(0, size);
      const bin = counts.get(key);
      const outlet = r.outlet || "unknown outlet";
      if (bin) bin.set(outlet, (bin.get(outlet) || 0) + r.count);
      if (r.assumed) guessed.add(`${key}|${outlet}`);
    }
    let max = 1;
    for (const bin of counts.values()) {
      let total = 0;
      for (const c of bin.values()) total += c;
      max = Math.max(max, total);
    }
    const root = svg("svg", { viewBox: `0 0 ${W} ${H}`, role: "img", class: "activity" });
    root.appendChild(svg("title", {}, `Statements per ${size === 10 ? "day" : size === 7 ? "month" : "year"} by outlet`));
    const plotW = W - PAD.left - PAD.right;
    const plotH = H - PAD.top - PAD.bottom;
    const step = plotW / keys.length;
    const barW = Math.max(2, Math.min(48, step * 0.7));
    const y = (v) => PAD.top + plotH - (v / max) * plotH;
    for (const tick of [0, Math.ceil(max / 2), max]) {
      root.appendChild(svg("line", { x1: PAD.left, x2: W - PAD.right, y1: y(tick), y2: y(tick), stroke: "#d9dee5" }));
      root.appendChild(svg("text", { x: PAD.left - 6, y: y(tick) + 4, "text-anchor": "end" }, tick));
    }
    const labelEvery = Math.max(1, Math.ceil(keys.length / Math.max(2, Math.floor(plotW / 90))));
    keys.forEach((key, i) => {
      const x = PAD.left + i * step + (step - barW) / 2;
      let base = 0;
      outlets.forEach((outlet, j) => {
        const c = counts.get(key).get(outlet) || 0;
        if (c === 0) return;
        const isGuess = guessed.has(`${key}|${outlet}`);
        const rect = svg("rect", {
          x, width: barW, y: y(base + c), height: y(base) - y(base + c),
          fill: COLORS[j % COLORS.length], class: isGuess ? "bar assumed" : "bar",
          "data-outlet": outlet, "data-bin": key,
        });
        const note = isGuess ? ` (year not given; shown in ${refYear})` : "";
        rect.appendChild(svg("title", {}, `${outlet}, ${onrecord.humanDate(key)}: ${c}${note}`));
        root.appendChild(rect);
        base += c;
      });
      if (i % labelEvery === 0) {
        root.appendChild(svg("text", { x: x + barW / 2, y: H - PAD.bottom + 16, "text-anchor": "middle" }, onrecord.humanDate(key)));
      }
    });
    figure.appendChild(root);
    const legend = onrecord.el("ul", "legend");
    outlets.forEach((outlet, j) => {
      const item = onrecord.el("li");
      const swatch = onrecord.el("span", "swatch");
      swatch.style.background = COLORS[j % COLORS.length];
      item.append(swatch, document.createTextNode(outlet));
      legend.appendChild(item);
    });
    figure.appendChild(legend);
    const total = rows.reduce((sum, r) => sum + r.count, 0);
    let text = `${total} dated statement${total === 1 ? "" : "s"} from ${outlets.length} outlet${outlets.length === 1 ? "" : "s"}`;
    if (assumed) text += `; ${assumed} of them dated without a year, shown in ${refYear} (lighter bars)`;
    caption.textContent = text;
  }

  const figure = document.getElementById("chart");
  const caption = document.getElementById("chart-caption");
  const speaker = JSON.parse(document.getElementById("speaker-data").textContent);
  drawChart(figure, caption, speaker.activity);
  onrecord.renderCards(document.getElementById("latest"), speaker.latest);
})();
